import Foundation
import TestSupport
import Testing

/// The build cache must never change what is published: after every kind of change,
/// a cached `bantin build` writes the same bytes as `bantin build --no-cache` into
/// another folder, and it rewrites only the files whose bytes changed.
@Suite("The build cache")
struct BuildCacheTests {
  /// A copy of the portal fixture: sections, tags, a logo, a bundle with a photo, a draft,
  /// an article dated in the future and an expired one.
  func portal() throws -> Scratch {
    let site = try Scratch()
    let source = Repository.fixtures + "/portal"
    for item in ["content", "static", "site.yml"] {
      try FileManager.default.copyItem(atPath: source + "/" + item, toPath: site.path + "/" + item)
    }
    return site
  }

  /// Modification time and inode of every file under `relative`.
  func stamps(_ site: Scratch, _ relative: String) throws -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    for (path, _) in site.snapshot(relative) {
      var info = stat()
      #expect(stat(site.path + "/" + relative + "/" + path, &info) == 0)
      result[path] = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino)]
    }
    return result
  }

  /// Builds the site with its cache, and without one into a folder of its own, and
  /// expects the same files with the same bytes; returns the cached build's report.
  @discardableResult
  func buildBoth(_ site: Scratch, _ step: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let cached = try bantin(["build"], in: site.path)
    #expect(cached.status == 0, "\(step): \(cached.errors)", sourceLocation: sourceLocation)
    let clean = try Scratch()
    let whole = try bantin(["build", "--no-cache", "--source", site.path, "--output", clean.path + "/public"])
    #expect(whole.status == 0, "\(step): \(whole.errors)", sourceLocation: sourceLocation)
    let published = site.snapshot("public")
    let expected = clean.snapshot("public")
    #expect(published.count == expected.count, step, sourceLocation: sourceLocation)
    for (path, bytes) in expected where published[path] != bytes {
      Issue.record("\(step): public/\(path) differs from a clean build", sourceLocation: sourceLocation)
    }
    for path in published.keys where expected[path] == nil {
      Issue.record("\(step): public/\(path) is not in a clean build", sourceLocation: sourceLocation)
    }
    #expect(site.entries().filter { $0.contains("staging") }.isEmpty, step, sourceLocation: sourceLocation)
    return cached.output
  }

  /// The number in "N files written".
  func written(_ report: String) -> Int? {
    guard let range = report.range(of: #"(\d+) files written"#, options: .regularExpression) else { return nil }
    return Int(report[range].split(separator: " ")[0])
  }

  /// Builds after `change` and expects exactly the files whose bytes changed to be
  /// written, every other file keeping its modification time and inode.
  func expectOnlyChangedWritten(_ site: Scratch, _ step: Comment, _ change: () throws -> Void) throws {
    let before = site.snapshot("public")
    let stampsBefore = try stamps(site, "public")
    try change()
    let report = try buildBoth(site, step)
    let after = site.snapshot("public")
    let stampsAfter = try stamps(site, "public")
    let changed = after.filter { before[$0.key] != $0.value }.count
    #expect(changed > 0, step)
    #expect(written(report) == changed, "\(step): \(report)")
    for (path, bytes) in after where before[path] == bytes && path != ".bantin-output" {
      #expect(stampsAfter[path] == stampsBefore[path], "\(step): \(path) was written again with the same bytes")
    }
  }

  @Test("after edits, deletions, renames, template, config and photo changes, cached output equals a clean build")
  func matchesCleanBuilds() throws {
    let site = try portal()
    let first = try buildBoth(site, "first build")
    #expect(first.contains(" 0 unchanged"))
    let again = try buildBoth(site, "nothing changed")
    #expect(again.contains("is up to date: nothing changed since the last build"), "\(again)")

    try expectOnlyChangedWritten(site, "an article's body edited") {
      try site.append("content/tin-tuc/01-2023.md", "\nMột đoạn văn mới được thêm vào.\n")
    }
    try expectOnlyChangedWritten(site, "an article's title edited") {
      try site.replace("content/van-hoa-xa-hoi/07-2023.md", "title: \"", with: "title: \"Sửa: ")
    }
    try expectOnlyChangedWritten(site, "a tag added") {
      try site.replace("content/tin-tuc/02-2023.md", "tags: [\"Dân vận\"", with: "tags: [\"Mới toanh\", \"Dân vận\"")
    }
    try FileManager.default.removeItem(atPath: site.path + "/content/tin-tuc/03-2023.md")
    try buildBoth(site, "an article deleted")
    try FileManager.default.moveItem(
      atPath: site.path + "/content/tin-tuc/10-2023.md", toPath: site.path + "/content/van-hoa-xa-hoi/10-2023.md")
    try buildBoth(site, "an article moved to another section")
    try FileManager.default.moveItem(
      atPath: site.path + "/content/tin-tuc/hoi-nghi-dan-van-kheo",
      toPath: site.path + "/content/tin-tuc/hoi-nghi-dan-van-khen")
    try buildBoth(site, "a bundle renamed")
    try expectOnlyChangedWritten(site, "a partial overridden") {
      try site.write("templates/partials/footer.mustache", "<footer><p>Chân trang mới</p></footer>\n")
    }
    try expectOnlyChangedWritten(site, "the settings changed") {
      try site.replace("site.yml", "title: Cổng thông tin điện tử phường An Hòa", with: "title: Cổng thông tin An Hòa")
    }
    try expectOnlyChangedWritten(site, "a photo replaced") {
      var bytes = try Data(contentsOf: URL(fileURLWithPath: site.path + "/content/images/anh-chung.jpg"))
      bytes[bytes.count - 3] ^= 0xFF
      try site.write("content/images/anh-chung.jpg", bytes)
    }
    try expectOnlyChangedWritten(site, "an article's description edited") {
      try site.replace("content/quoc-phong-an-ninh/05-2023.md", "description: \"", with: "description: \"Sửa: ")
    }
    try expectOnlyChangedWritten(site, "an article's date moved") {
      try site.replace("content/quoc-phong-an-ninh/04-2023.md", "date: 2023-11-20", with: "date: 2025-01-03")
    }
    try expectOnlyChangedWritten(site, "a section retitled") {
      try site.replace("content/quoc-phong-an-ninh/_index.md", "title: \"", with: "title: \"Chuyên mục ")
    }
    try expectOnlyChangedWritten(site, "a page edited") {
      try site.append("content/gioi-thieu.md", "\nĐịa chỉ: số 1 đường Hòa Bình.\n")
    }
    try expectOnlyChangedWritten(site, "a link to another article's file added") {
      try site.append("content/tin-tuc/02-2023.md", "\nXem thêm [bài cũ](../quoc-phong-an-ninh/06-2023.md).\n")
    }
    try expectOnlyChangedWritten(site, "the linked article's address changed") {
      try site.replace("content/quoc-phong-an-ninh/06-2023.md", "tags:", with: "slug: \"bai-06-moi\"\ntags:")
    }
    let linking = String(decoding: site.snapshot("public")["tin-tuc/02-2023/index.html"] ?? Data(), as: UTF8.self)
    #expect(linking.contains("href=\"/quoc-phong-an-ninh/bai-06-moi/\""))
    // The linked file removed: the cached build finds the broken link as a clean one does.
    let published = site.snapshot("public")
    try FileManager.default.removeItem(atPath: site.path + "/content/quoc-phong-an-ninh/06-2023.md")
    let broken = try bantin(["build"], in: site.path)
    #expect(broken.status == 1)
    #expect(
      broken.errors.contains(
        "content/tin-tuc/02-2023.md:13:10: error: the link to '../quoc-phong-an-ninh/06-2023.md' is broken"),
      "\(broken.errors)")
    #expect(site.snapshot("public") == published)
    try site.replace("content/tin-tuc/02-2023.md", "[bài cũ](../quoc-phong-an-ninh/06-2023.md)", with: "bài cũ")
    try buildBoth(site, "the link taken out")
    try expectOnlyChangedWritten(site, "an article added") {
      try site.write(
        "content/tin-tuc/30-2025.md",
        "---\ntitle: \"Bài mới\"\ndate: 2025-12-01T08:00:00+07:00\ntags: [\"an ninh\"]\n---\nMột bài viết mới.\n")
    }
    try buildBoth(site, "a draft published")  // nothing changed yet: up to date
    try site.replace("content/tin-tuc/ban-nhap.md", "draft: true", with: "draft: false")
    try buildBoth(site, "a draft published")
  }

  @Test("a file rewritten with the same size and modification time is still read again")
  func sameStampTricks() throws {
    let site = try portal()
    try buildBoth(site, "first build")
    let path = site.path + "/content/tin-tuc/01-2023.md"
    var info = stat()
    #expect(stat(path, &info) == 0)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try site.write("content/tin-tuc/01-2023.md", text.replacingOccurrences(of: "Họp mặt", with: "Gặp mặt"))
    var times = [info.st_atim, info.st_mtim]
    #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)  // as `cp -p` or `touch -r` would
    let report = try buildBoth(site, "same size and time, other bytes")
    #expect(!report.contains("up to date"))
    #expect(
      String(decoding: site.snapshot("public")["tin-tuc/01-2023/index.html"] ?? Data(), as: UTF8.self)
        .contains("Gặp mặt"))
  }

  @Test("a damaged cache or a changed output folder is noticed, never trusted")
  func damage() throws {
    let site = try portal()
    try buildBoth(site, "first build")
    let cache = site.path + "/.bantin-cache/public"
    #expect(site.entries(".bantin-cache") == [".derived", ".gitignore", "public"])
    #expect(site.entries(".bantin-cache/public") == ["memo", "state"])

    try site.write(".bantin-cache/public/state", "rác")
    try site.append("content/tin-tuc/01-2023.md", "\nThêm.\n")
    try buildBoth(site, "state file damaged")

    let memo = try Data(contentsOf: URL(fileURLWithPath: cache + "/memo"))
    try site.write(".bantin-cache/public/memo", memo.prefix(memo.count / 2))
    try site.append("content/tin-tuc/02-2023.md", "\nThêm.\n")
    try buildBoth(site, "memo cut in half")

    try site.write("public/index.html", "sửa tay")
    let report = try buildBoth(site, "a published page edited by hand")
    #expect(!report.contains("up to date"))
    try FileManager.default.removeItem(atPath: site.path + "/public/tin-tuc/index.html")
    try buildBoth(site, "a published page deleted by hand")

    try site.write("content/tin-tuc/04-2023.md", "---\ntitle: Hỏng\ndate: 2023-02-30\n---\n")
    let before = site.snapshot("public")
    let broken = try bantin(["build"], in: site.path)
    #expect(broken.status == 1)
    #expect(site.snapshot("public") == before)
    try FileManager.default.removeItem(atPath: site.path + "/content/tin-tuc/04-2023.md")
    try buildBoth(site, "after a failed build")
  }
}

extension Scratch {
  func append(_ relative: String, _ text: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path + "/" + relative))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  func replace(_ relative: String, _ old: String, with new: String) throws {
    let text = try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    #expect(text.contains(old), "\(relative) has no \(old)")
    try write(relative, text.replacingOccurrences(of: old, with: new))
  }
}
