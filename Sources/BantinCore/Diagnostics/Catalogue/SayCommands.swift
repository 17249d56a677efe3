/// What bantin's commands say: summaries, progress, the preview, the git hooks.
extension Say {
  // MARK: - Commands

  public static func errorCount(_ count: Int, unchanged folder: String) -> Message {
    Message(
      "bantin: \(count) lỗi; \(folder) không thay đổi",
      "bantin: \(count) error\(count == 1 ? "" : "s"); \(folder) is unchanged")
  }
  public static func built(_ folder: String, milliseconds: Int, written: Int, unchanged: Int, removed: Int) -> Message {
    Message(
      "Đã dựng \(folder) trong \(milliseconds) ms: ghi \(written) tệp, \(unchanged) tệp không đổi, xoá \(removed) tệp",
      "Built \(folder) in \(milliseconds) ms: \(written) files written, \(unchanged) unchanged, \(removed) removed")
  }
  public static func upToDate(_ folder: String, milliseconds: Int) -> Message {
    Message(
      "\(folder) đã mới nhất: không có gì thay đổi từ lần dựng trước (\(milliseconds) ms)",
      "\(folder) is up to date: nothing changed since the last build (\(milliseconds) ms)")
  }
  public static func checked(_ folder: String, pages: Int, errors: Int, warnings: Int) -> Message {
    Message(
      "Đã kiểm tra \(folder): \(pages) trang, \(errors) lỗi, \(warnings) cảnh báo",
      "Checked \(folder): \(pages) pages, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    )
  }
  /// The rows of the build's summary table, in order.
  public static let summaryRows: [Message] = [
    Message("Trang", "Pages"), Message("Bài viết", "Articles"), Message("Chuyên mục", "Sections"),
    Message("Danh mục, từ khóa", "Terms"), Message("Nguồn tin (RSS, Atom)", "Feeds"),
    Message("Địa chỉ chuyển hướng", "Aliases"), Message("Tệp chép nguyên", "Files copied"),
    Message("Bài nháp chưa đăng", "Drafts left out"), Message("Bài hẹn giờ chưa đăng", "Future left out"),
    Message("Bài hết hạn", "Expired left out"),
  ]

  /// The progress line of a long build on a terminal.
  public static func progress(_ step: BuildProgress.Step, secondsLeft: Int?) -> Message {
    let (done, total) = (step.done, step.total)
    switch step.stage {
    case .markdown:
      return Message("bantin: đọc bài viết \(done)/\(total) tệp", "bantin: Markdown \(done) of \(total) files")
    case .photos:
      let left = secondsLeft.map { (", còn khoảng \($0) s", ", about \($0) s left") } ?? ("", "")
      return Message(
        "bantin: xử lý ảnh \(done)/\(total)\(left.0)", "bantin: photos \(done) of \(total)\(left.1)")
    case .pages:
      return Message("bantin: ghi trang \(done)/\(total)", "bantin: pages \(done) of \(total) written")
    }
  }

  // MARK: - The preview (`bantin serve`)

  public static let previewFailed = Message(
    "bantin: lần dựng gần nhất bị lỗi; trang này là bản tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp, trang sẽ tự tải lại.",
    "bantin: the last build failed; this page is the last good one.")
  public static func previewWarnings(count: Int) -> Message {
    Message(
      "bantin: \(count) cảnh báo (trang vẫn dựng được); bấm để xem",
      "bantin: \(count) \(count == 1 ? "warning" : "warnings") (the site was built); click to see \(count == 1 ? "it" : "them")"
    )
  }
  public static func previewBuildFailed(count: Int, after files: String) -> Message {
    Message(
      "Dựng lỗi\(files.isEmpty ? "" : " sau khi sửa \(files)") (\(count) lỗi); vẫn phục vụ bản tốt gần nhất",
      "Build failed\(files.isEmpty ? "" : " after a change to \(files)") (\(count) error\(count == 1 ? "" : "s")); still serving the last good build"
    )
  }
  public static func previewBuilt(after files: String, milliseconds: Int, pages: Int, kept: Int) -> Message {
    Message(
      "Đã dựng\(files.isEmpty ? "" : " sau khi sửa \(files)") trong \(milliseconds) ms: \(pages) trang; \(kept) tệp giữ nguyên",
      "Built\(files.isEmpty ? "" : " after a change to \(files)") in \(milliseconds) ms: \(pages) pages; \(kept) files as they were"
    )
  }
  public static let previewStalled = Message(
    "Dựng bị chậm; vẫn phục vụ bản tốt gần nhất", "Build stalled; still serving the last good build")
  public static func serving(_ root: String, at address: String) -> Message {
    Message(
      "Đang xem trước \(root) tại \(address) (Ctrl-C để dừng)", "Serving \(root) at \(address) (Ctrl-C to stop)")
  }

  // MARK: - Publishing from git (the pusher reads these as `remote:` lines)

  public static func buildingBeforeAccepting(_ commit: String) -> Message {
    Message(
      "bantin: đang dựng \(commit) trước khi nhận bản gửi…", "bantin: building \(commit) before accepting the push…")
  }
  public static let pushRefused = Message(
    "bantin: bản gửi bị từ chối: trang có lỗi, chưa đăng gì; sửa các lỗi ở trên rồi gửi (git push) lại",
    "bantin: push refused: the site has errors; nothing was published")
  public static func buildsPublishingAfter(seconds: String) -> Message {
    Message(
      "bantin: trang dựng được (\(seconds) s); sẽ đăng sau khi nhận bản gửi",
      "bantin: the site builds (\(seconds) s); publishing after the push")
  }
  public static func deletingBranchRefused(_ branch: String) -> Message {
    Message(
      "bantin: không được xoá nhánh \(branch), nhánh trang được đăng từ đó",
      "bantin: deleting the branch \(branch), which the site is published from, is refused")
  }
  public static let commitRefused = Message(
    "bantin: không lưu (commit) được: trang có lỗi; sửa các lỗi ở trên (git commit --no-verify bỏ qua bước kiểm tra này)",
    "bantin: commit refused: the staged site has errors (git commit --no-verify skips this check)")
}
