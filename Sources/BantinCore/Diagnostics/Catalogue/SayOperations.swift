/// What bantin's commands say about their own work, outside a site's files: the
/// command line, the output folder, new articles and sites, hooks, releases, the
/// photo cache.
extension Say {
  /// `bantin: error: …`, the line of a command that cannot do its work.
  public static func commandFailed(_ problem: Message) -> Message {
    Message("bantin: lỗi: \(problem.vietnamese)", "bantin: error: \(problem.english)")
  }

  // MARK: - The command line

  public static let commitUnknown = Message(
    "không rõ commit (không dựng bằng make release)", "commit unknown (built without make release)")

  public static func unknownLang(_ lang: String) -> Message {
    Message("--lang phải là vi hoặc en, không phải '\(lang)'", "--lang must be vi or en, not '\(lang)'")
  }
  public static func atLeastOne(_ option: String) -> Message {
    Message("\(option) phải từ 1 trở lên", "\(option) must be at least 1")
  }
  public static func atLeastOneSecond(_ option: String) -> Message {
    Message("\(option) phải từ 1 giây trở lên", "\(option) must be at least 1 second")
  }
  public static func moreThanZeroSeconds(_ option: String) -> Message {
    Message("\(option) phải lớn hơn 0 giây", "\(option) must be more than 0 seconds")
  }
  public static let portRange = Message(
    "--port phải từ 0 đến 65535", "--port must be between 0 and 65535")
  public static let notABranch = Message(
    "--branch không phải là tên một nhánh", "--branch is not a branch name")

  // MARK: - The output folder

  /// A build stopped by the system (a disk full, a folder that cannot be written).
  public static func buildStopped(_ detail: String, unchanged folder: String) -> Message {
    Message("\(detail); \(folder) không thay đổi", "\(detail); \(folder) is unchanged")
  }
  public static func cannotServe(_ detail: String) -> Message {
    Message("không chạy được máy chủ xem trước: \(detail)", "cannot serve the preview: \(detail)")
  }

  public static func outputHoldsSite(_ output: String) -> Message {
    Message(
      "thư mục xuất \(output) chứa cả thư mục của trang: nó sẽ bị thay thế; hãy chọn --output khác",
      "the output folder \(output) holds the site folder: it would be replaced")
  }
  public static func outputInside(_ output: String, _ folder: String) -> Message {
    Message(
      "thư mục xuất \(output) nằm trong thư mục \(folder)/ của trang: hãy chọn --output khác",
      "the output folder \(output) is inside the site's \(folder)/ folder")
  }
  public static func noParentFolder(_ parent: String, _ output: String) -> Message {
    Message(
      "không có thư mục \(parent) để chứa \(output)", "the folder \(parent) that would hold \(output) does not exist")
  }
  public static func outputNotFolder(_ output: String) -> Message {
    Message("\(output) đã có và không phải là thư mục", "\(output) exists and is not a folder")
  }
  public static func outputNotOurs(_ output: String, marker: String) -> Message {
    Message(
      "\(output) không do bantin ghi (không có tệp \(marker)): hãy chuyển nó đi nơi khác, hoặc chọn --output khác",
      "\(output) was not written by bantin (it has no \(marker) file): move it away or choose another --output")
  }

  // MARK: - New articles and sites

  public static func titleWithoutLetters(_ title: String) -> Message {
    Message(
      "tiêu đề '\(title)' không có chữ hay số nào để làm địa chỉ của bài",
      "the title '\(title)' has no letters or digits to make a URL from")
  }
  public static func noSuchSection(_ section: String, root: String, sections: [String]) -> Message {
    let list = sections.joined(separator: ", ")
    return Message(
      "không có chuyên mục '\(section)' trong \(root)/content (\(sections.isEmpty ? "chưa có chuyên mục nào" : "đang có: " + list)): hãy tạo content/\(section)/_index.md với tiêu đề của chuyên mục trước",
      "no section '\(section)' in \(root)/content (\(sections.isEmpty ? "there are none yet" : "there are " + list)): create content/\(section)/_index.md with its title first"
    )
  }
  public static func whichSection(_ sections: [String]) -> Message {
    let list = sections.joined(separator: ", ")
    return Message(
      "hãy chọn chuyên mục cho bài bằng --section (\(sections.isEmpty ? "trang chưa có chuyên mục nào" : "chọn một trong: " + list))",
      "say which section the article goes in with --section (\(sections.isEmpty ? "the site has none yet" : "choose one of " + list))"
    )
  }
  public static func articleExists(_ folder: String) -> Message {
    Message(
      "\(folder) đã có: bantin new không ghi đè một bài đã có; hãy đặt tiêu đề khác",
      "\(folder) already exists: bantin new does not replace an article")
  }
  public static func siteCreated(_ folder: String, files: Int) -> Message {
    Message("Đã tạo trang trong \(folder): \(files) tệp", "Created a site in \(folder): \(files) files")
  }
  public static func siteNext(_ folder: String) -> Message {
    Message(
      "Tiếp theo: cd \(folder) && bantin serve   (rồi đọc HUONG-DAN.md)",
      "Next: cd \(folder) && bantin serve   (then read HUONG-DAN.md)")
  }
  public static func wouldReplace(_ folder: String, _ files: String) -> Message {
    Message(
      "\(folder) đã có \(files): không ghi gì cả (--force sẽ thay các tệp này)",
      "\(folder) already has \(files): nothing was written (--force replaces them)")
  }
  public static func folderNotEmpty(_ folder: String, _ present: String) -> Message {
    Message(
      "\(folder) không trống (\(present)): hãy chọn một thư mục trống, hoặc thêm --force để ghi các tệp của trang mới bên cạnh",
      "\(folder) is not empty (\(present)): choose an empty folder, or add --force to add the new site's files beside them"
    )
  }
  public static func themeWritten(_ folder: String, files: Int) -> Message {
    Message(
      "Đã ghi giao diện mặc định vào \(folder): \(files) tệp", "Wrote the default theme to \(folder): \(files) files")
  }

  // MARK: - Hooks

  public static let webRootNotLocal = Message(
    "--web-root dùng cho kho git trần trên máy chủ, không dùng với --local",
    "--web-root is for the server's bare repository, not --local")
  public static func bareWithLocal(_ repo: String) -> Message {
    Message("\(repo) là kho git trần (bare): hãy bỏ --local", "\(repo) is a bare repository: leave out --local")
  }
  public static let needWebRoot = Message(
    "hãy cho biết thư mục gốc web mà trang được đăng vào: --web-root DIR",
    "give the web root the site is published into: --web-root DIR")
  public static func notBare(_ repo: String) -> Message {
    Message(
      "\(repo) không phải là kho git trần (bare): kho trên máy chủ được tạo bằng git init --bare (với bản sao của bạn, dùng --local)",
      "\(repo) is not a bare repository: the server's repository is made with git init --bare (for your own clone, use --local)"
    )
  }
  public static func foreignHook(_ path: String) -> Message {
    Message(
      "\(path) đã có và không do bantin ghi: thêm --force để thay nó",
      "\(path) exists and was not written by bantin: pass --force to replace it")
  }
  public static func hookInstalled(_ path: String) -> Message {
    Message("đã cài \(path)", "installed \(path)")
  }
  public static func hookRemoved(_ path: String) -> Message {
    Message("đã gỡ \(path)", "removed \(path)")
  }
  public static func notInGit(_ detail: String) -> Message {
    Message("không ở trong một kho git: \(detail)", "not in a git repository: \(detail)")
  }
  public static func stagedUnreadable(_ detail: String) -> Message {
    Message(
      "bantin: không đọc được các tệp đã stage: \(detail)", "bantin: cannot read the staged files: \(detail)")
  }

  // MARK: - Publishing from git

  /// `seconds` is nil for a build made before the push was accepted.
  public static func published(_ commit: String, as release: String, seconds: String?, removed: Int) -> Message {
    let (when, whenEnglish) =
      seconds.map { (" sau \($0) giây", " in \($0) s") }
      ?? (", đúng như bản đã dựng trước khi nhận bản gửi", ", as it was built before the push was accepted")
    let (old, oldEnglish) =
      removed == 0
      ? ("", "")
      : (" (đã xoá \(removed) bản phát hành cũ)", " (removed \(removed) old release\(removed == 1 ? "" : "s"))")
    return Message(
      "bantin: đã đăng \(commit) thành releases/\(release)\(when)\(old)",
      "bantin: published \(commit) as releases/\(release)\(whenEnglish)\(oldEnglish)")
  }
  public static func alreadyLive(_ release: String) -> Message {
    Message(
      "bantin: đầu nhánh đã đang chạy (releases/\(release))",
      "bantin: the branch's tip is already live (releases/\(release))")
  }
  public static func noBranch(_ branch: String) -> Message {
    Message(
      "bantin: không có nhánh \(branch); không đăng gì",
      "bantin: the branch \(branch) does not exist; nothing was published")
  }
  public static let publishFailed = Message(
    "bantin: việc dựng bị lỗi; trang đang chạy không thay đổi", "bantin: the build failed; the live site is unchanged")
  public static func timedOut(seconds: Int) -> Message {
    Message(
      "bantin: việc dựng mất hơn \(seconds) giây nên đã bị dừng (--timeout)",
      "bantin: the build took longer than \(seconds) s and was stopped (--timeout)")
  }
  public static let nothingPublished = Message("bantin: không đăng gì", "bantin: nothing was published")

  // MARK: - Releases and the photo cache

  public static func noWebRoot(_ webRoot: String) -> Message {
    Message("không có thư mục gốc web \(webRoot)", "the web root \(webRoot) does not exist")
  }
  public static func noReleasesIn(_ webRoot: String) -> Message {
    Message("\(webRoot) chưa có bản phát hành nào", "no releases in \(webRoot)")
  }
  public static func hasNoReleases(_ webRoot: String) -> Message {
    Message("\(webRoot) chưa có bản phát hành nào", "\(webRoot) has no releases")
  }
  public static func noSuchRelease(_ name: String, _ webRoot: String) -> Message {
    Message(
      "không có bản phát hành \(name) trong \(webRoot)/releases (xem bantin releases)",
      "no release \(name) in \(webRoot)/releases (see bantin releases)")
  }
  public static let nothingOlder = Message(
    "không có bản phát hành nào cũ hơn bản đang chạy để quay về",
    "there is no release older than the live one to go back to")
  public static let live = Message("(đang chạy)", "(live)")
  public static let packed = Message("(đã nén)", "(packed)")
  public static func rolledBack(_ release: String, commit: String?) -> Message {
    Message(
      "current → releases/\(release) (\(commit ?? "không rõ commit"))",
      "current → releases/\(release) (\(commit ?? "commit unknown"))")
  }
  public static func noCheckout(_ webRoot: String) -> Message {
    Message(
      "\(webRoot) chưa có bản checkout của trang: hãy đăng lên đó bằng git trước",
      "\(webRoot) has no checkout of a site: publish to it with git first")
  }
  public static let pruneRefused = Message(
    "trang có lỗi: không gì bị xoá, để không phải xử lý lại ảnh đang dùng",
    "the site has errors: nothing was removed, so that no photo in use is made again")
  public static func pruned(_ removed: Int, mebibytes: String, from folder: String, kept: Int) -> Message {
    Message(
      "Đã xoá \(removed) ảnh đã xử lý (\(mebibytes) MiB) khỏi \(folder); giữ lại \(kept)",
      "Removed \(removed) processed photo\(removed == 1 ? "" : "s") (\(mebibytes) MiB) from \(folder); kept \(kept)")
  }
}
