import Foundation
import TestSupport
import Testing

/// A bare repository with bantin's hooks, a web root, and clones to push from.
final class PublishingServer {
  let folder: Scratch
  var bare: String { folder.path + "/site.git" }
  var webRoot: String { folder.path + "/www" }

  init(install: [String] = []) throws {
    folder = try Scratch()
    try git(["init", "-q", "--bare", "-b", "main", bare], in: folder.path)
    let run = try bantin(["hook", "install", "--repo", bare, "--web-root", webRoot] + install)
    guard run.status == 0 else { throw TestFailure("install failed: \(run.errors)") }
  }

  /// A clone with a committed site, ready to push.
  func clone(_ name: String, files: [String: String] = PublishingServer.site) throws -> String {
    let path = folder.path + "/" + name
    try git(["clone", "-q", bare, path], in: folder.path)
    try git(["config", "user.email", "bien-tap@phuong.example.vn"], in: path)
    try git(["config", "user.name", "Biên tập"], in: path)
    try write(files, in: path)
    try git(["add", "-A"], in: path)
    try git(["commit", "-q", "-m", "Trang ban đầu", "--allow-empty"], in: path)
    return path
  }

  static let site: [String: String] = [
    "site.yml": "title: Phường thử\nbaseURL: https://phuong.example.vn/\n",
    "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
    "content/tin-tuc/a.md": "---\ntitle: Tin A\ndate: 2024-01-12\n---\nNội dung A.\n",
  ]

  func write(_ files: [String: String], in path: String) throws {
    for (relative, text) in files {
      let url = URL(fileURLWithPath: path + "/" + relative)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  /// Commits `files` in a clone and pushes; returns what the pusher saw.
  @discardableResult
  func push(_ clone: String, _ files: [String: String] = [:], message: String = "Sửa", language: String = "en") throws
    -> Run
  {
    if !files.isEmpty {
      try write(files, in: clone)
      try git(["add", "-A"], in: clone)
      try git(["commit", "-q", "-m", message], in: clone)
    }
    return try gitRun(["push", "origin", "main"], in: clone, language: language)
  }

  /// The release `current` points at, and the text of a page in it.
  var live: String? { try? FileManager.default.destinationOfSymbolicLink(atPath: webRoot + "/current") }

  func page(_ path: String) -> String? {
    (try? String(contentsOfFile: webRoot + "/current/" + path, encoding: .utf8))
  }

  var releaseFolder: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: webRoot + "/releases")) ?? []).sorted()
  }

  /// The releases kept, whole (a folder) or packed (`<name>.pack`).
  var releases: [String] {
    releaseFolder.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".commit") }.map {
      $0.hasSuffix(".pack") ? String($0.dropLast(5)) : $0
    }
  }

  /// What is hidden in `releases/` but the packed releases' objects and the spare folder.
  var leftovers: [String] { releaseFolder.filter { $0.hasPrefix(".") && $0 != ".objects" && $0 != ".spare" } }

  /// What is in the work folder beside the web root but the checkout that builds
  /// of pushed commits share (its files, index, lock and completion mark).
  var workEntries: [String] {
    let kept: Set = ["checkout", "checkout.complete", "checkout.index", "checkout.lock"]
    return ((try? FileManager.default.contentsOfDirectory(atPath: webRoot + "/.bantin-work")) ?? [])
      .filter { !kept.contains($0) }.sorted()
  }

  var tip: String {
    (try? gitRun(["rev-parse", "main"], in: bare).output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
  }
}

/// A site of `count` articles, big enough that building it takes a while.
func bigSite(_ count: Int) -> [String: String] {
  var files = PublishingServer.site
  for index in 0..<count {
    files["content/tin-tuc/bai-\(index).md"] =
      "---\ntitle: Bài số \(index)\ndate: 2024-01-01T08:00:00+07:00\ntags: [\"t\(index % 17)\"]\n---\n"
      + String(repeating: "Đoạn văn của bài số \(index), có nhiều chữ tiếng Việt. ", count: 60) + "\n"
  }
  return files
}

@Suite("Publishing from git", .serialized)
struct GitPublishTests {
  @Test("a good push publishes; a broken one is refused with its errors and the live site unchanged")
  func pushes() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap")
    let first = try server.push(clone)
    #expect(first.status == 0)
    #expect(first.errors.contains("remote: bantin: published "))
    #expect(server.page("tin-tuc/a/index.html")?.contains("Tin A") == true)
    let live = try #require(server.live)

    let refused = try server.push(
      clone, ["content/tin-tuc/b.md": "---\ntitle: Đảng ủy: Hội nghị\ndate: 2024-02-30\n---\n"], message: "Bài lỗi")
    #expect(refused.status != 0)
    #expect(
      refused.errors.contains(
        "remote: content/tin-tuc/b.md:2:15: error: the value of 'title' contains ': ', which YAML reads as another key: quote the title"
      ))
    #expect(refused.errors.contains("remote: bantin: push refused: the site has errors; nothing was published"))
    #expect(refused.errors.contains("[remote rejected] main -> main (pre-receive hook declined)"))
    #expect(server.live == live)
    #expect(server.releaseFolder.count == 2)  // one release and its .commit

    try git(["reset", "-q", "--hard", "HEAD~1"], in: clone)
    let second = try server.push(clone, ["content/tin-tuc/c.md": "---\ntitle: Tin C\ndate: 2024-02-01\n---\nC.\n"])
    #expect(second.status == 0)
    #expect(server.page("tin-tuc/c/index.html")?.contains("Tin C") == true)
    #expect(server.live != live)

    let deletion = try gitRun(["push", "origin", ":main"], in: clone)
    #expect(deletion.status != 0)
    #expect(
      deletion.errors.contains("remote: bantin: deleting the branch main, which the site is published from, is refused")
    )
  }

  @Test("a push to a Vietnamese site is refused in Vietnamese: each problem with its place, then what to do")
  func refusedInVietnamese() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap")
    #expect(try server.push(clone).status == 0)
    let refused = try server.push(
      clone, ["content/tin-tuc/b.md": "---\ndate: 2024-01-12\n---\n![](anh.jpg)\n"], message: "Bài thiếu tiêu đề",
      language: "")
    #expect(refused.status != 0)
    #expect(refused.errors.contains("remote: bantin: đang dựng "))
    #expect(
      refused.errors.contains(
        "remote: content/tin-tuc/b.md:1:1: lỗi: phần thông tin chưa có tiêu đề 'title': thêm một dòng như 'title: \"Hội nghị tổng kết năm 2023\"'"
      ), "\(refused.errors)")
    #expect(
      refused.errors.contains(
        "remote: bantin: bản gửi bị từ chối: trang có lỗi, chưa đăng gì; sửa các lỗi ở trên rồi gửi (git push) lại"))
    // An operator reads it in English.
    let english = try gitRun(["push", "origin", "main"], in: clone, language: "en")
    #expect(english.errors.contains("remote: bantin: push refused: the site has errors; nothing was published"))
  }

  @Test("a new editor's path in Vietnamese: init, new, a push published, a broken one refused; the same in English")
  func newEditor() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap", files: [:])
    #expect(try bantin(["init", clone], language: "").status == 0)
    let new = try bantin(["new", "Hội nghị tổng kết năm 2024", "--section", "tin-tuc"], in: clone, language: "")
    #expect(new.status == 0, "\(new.errors)")
    let article = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(article == "content/tin-tuc/hoi-nghi-tong-ket-nam-2024/index.md")
    try git(["add", "-A"], in: clone)
    try git(["commit", "-q", "-m", "Trang mới"], in: clone)
    let first = try gitRun(["push", "origin", "main"], in: clone, language: "")
    #expect(first.status == 0, "\(first.errors)")
    #expect(first.errors.contains("remote: bantin: đang dựng "))
    #expect(first.errors.contains("remote: bantin: trang dựng được ("))
    #expect(
      first.errors.contains(
        "remote: bantin: đã đăng ") && first.errors.contains(", đúng như bản đã dựng trước khi nhận bản gửi"),
      "\(first.errors)")
    #expect(
      server.page("tin-tuc/chao-mung/index.html")?.contains("<abbr title=\"Ủy ban nhân dân\">UBND</abbr>") == true)

    // The editor removes the title by mistake: the push is refused, in Vietnamese.
    let text = try String(contentsOfFile: clone + "/" + article, encoding: .utf8)
    let untitled = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("title:") }
    let refused = try server.push(
      clone, [article: untitled.joined(separator: "\n")], message: "Quên tiêu đề", language: "")
    #expect(refused.status != 0)
    #expect(
      refused.errors.contains(
        "remote: \(article):1:1: lỗi: phần thông tin chưa có tiêu đề 'title': thêm một dòng như 'title: \"Hội nghị tổng kết năm 2023\"'"
      ), "\(refused.errors)")
    #expect(refused.errors.contains("remote: bantin: bản gửi bị từ chối: trang có lỗi, chưa đăng gì"))
    // An operator's session (BANTIN_LANG=en): the same problem in English.
    let english = try gitRun(["push", "origin", "main"], in: clone, language: "en")
    #expect(english.errors.contains("remote: \(article):1:1: error: front matter has no 'title'"))
    #expect(english.errors.contains("remote: bantin: push refused: the site has errors; nothing was published"))
  }

  @Test("releases lists them, rollback goes back atomically, keep 2 removes only old releases")
  func rollbackAndRotation() throws {
    let server = try PublishingServer(install: ["--keep", "2"])
    let clone = try server.clone("bien-tap")
    try server.push(clone)
    for index in 1...3 {
      try server.push(
        clone, ["content/tin-tuc/a.md": "---\ntitle: Tin A lần \(index)\ndate: 2024-01-12\n---\nA.\n"],
        message: "Sửa tin A lần \(index)\n\nChi tiết không hiện")
      Thread.sleep(forTimeInterval: 1.05)  // release names carry the second
    }
    let listing = try bantin(["releases", "--web-root", server.webRoot])
    let lines = listing.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix("* ") == true)
    // Each release with its commit's subject (the message's first line).
    #expect(lines.first?.hasSuffix("  Sửa tin A lần 2") == true, "\(lines)")
    #expect(lines.last?.hasSuffix("  (live)  Sửa tin A lần 3") == true, "\(lines)")
    #expect(server.page("tin-tuc/a/index.html")?.contains("Tin A lần 3") == true)

    let back = try bantin(["rollback", "--web-root", server.webRoot])
    #expect(back.status == 0)
    #expect(server.page("tin-tuc/a/index.html")?.contains("Tin A lần 2") == true)
    let none = try bantin(["rollback", "--web-root", server.webRoot])
    #expect(none.status == 1)
    #expect(none.errors == "bantin: error: there is no release older than the live one to go back to\n")
    // The site is Vietnamese: without BANTIN_LANG, so are releases and rollback.
    let vietnamese = try bantin(["releases", "--web-root", server.webRoot], language: "")
    #expect(vietnamese.output.contains("  (đang chạy)  Sửa tin A lần 2\n"), "\(vietnamese.output)")
    let noneVietnamese = try bantin(["rollback", "--web-root", server.webRoot], language: "")
    #expect(noneVietnamese.errors == "bantin: lỗi: không có bản phát hành nào cũ hơn bản đang chạy để quay về\n")
    let newest = String(lines.last?.dropFirst(2).prefix(while: { $0 != " " }) ?? "")
    #expect(try bantin(["rollback", "--web-root", server.webRoot, "--to", newest]).status == 0)
    #expect(server.page("tin-tuc/a/index.html")?.contains("Tin A lần 3") == true)

    try server.push(clone, ["content/tin-tuc/a.md": "---\ntitle: Tin A lần 4\ndate: 2024-01-12\n---\nA.\n"])
    #expect(server.page("tin-tuc/a/index.html")?.contains("Tin A lần 4") == true)
    let kept = server.releases
    #expect(kept.count == 2)
    #expect(kept.first == newest)  // the two newest: "lần 3" and "lần 4"
  }

  @Test("the push that passed pre-receive is published as it was built, and a hostile push leaves nothing behind")
  func preparedAndHostile() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap")
    let tmpBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
    let first = try server.push(clone)
    #expect(first.status == 0)
    #expect(first.errors.contains("as it was built before the push was accepted"))
    #expect(server.workEntries.isEmpty)
    #expect(server.leftovers.isEmpty)
    let live = try #require(server.live)

    // A name that is not UTF-8, a name with an escape sequence, a link to the repository.
    let raw = Array((clone + "/content/tin-tuc/").utf8) + [0x62, 0xE0, 0x69, 0x2E, 0x6D, 0x64, 0]
    let descriptor = raw.withUnsafeBufferPointer {
      $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    close(descriptor)
    try server.write(["content/tin-tuc/\u{1B}[2Jxoa.md": "---\ntitle: X\ndate: 2024-01-12\n---\n"], in: clone)
    try FileManager.default.createSymbolicLink(atPath: clone + "/content/g", withDestinationPath: "../.git")
    try FileManager.default.createSymbolicLink(atPath: clone + "/site.yml.bak", withDestinationPath: "/etc/hostname")
    try FileManager.default.removeItem(atPath: clone + "/site.yml")
    try FileManager.default.createSymbolicLink(atPath: clone + "/site.yml", withDestinationPath: "/etc/hostname")
    try git(["add", "-A"], in: clone)
    try git(["commit", "-q", "-m", "Tên xấu"], in: clone)
    let refused = try server.push(clone)
    #expect(refused.status != 0)
    #expect(
      refused.errors.contains(
        "remote: content/tin-tuc/b\\xE0i.md: error: the file name is not UTF-8 text (the bytes shown as \\x..): rename it in letters, digits and hyphens"
      ))
    #expect(
      refused.errors.contains(
        "remote: content/tin-tuc/\\u{1B}[2Jxoa.md: error: the file name holds a control character"))
    #expect(refused.errors.contains("remote: content/g: error: is a link to a file that does not exist"))
    #expect(refused.errors.contains("remote: site.yml: error: is a link to a place outside the site folder"))
    #expect(!refused.errors.unicodeScalars.contains { $0.value == 0x1B })
    #expect(server.live == live)
    #expect(server.workEntries.isEmpty)
    #expect(server.leftovers.isEmpty)
    let tmpAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
    // Other suites, running meanwhile, make their own scratch folders and logs there.
    let madeByTests = ["bantin-test-", "bantin-serve-"]
    #expect(
      tmpAfter.subtracting(tmpBefore).filter { name in
        name.hasPrefix("bantin") && !madeByTests.contains { name.hasPrefix($0) }
      }.isEmpty)
  }

  @Test("releases share unchanged files by hard links; a push that changes one article rewrites only what shows it")
  func sharedReleases() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap", files: bigSite(120))
    #expect(try server.push(clone).status == 0)
    let first = try #require(server.live)
    var firstInodes: [String: Int] = [:]
    let firstFiles = FileManager.default.enumerator(atPath: server.webRoot + "/" + first)
    while let path = firstFiles?.nextObject() as? String {
      var info = stat()
      if stat(server.webRoot + "/" + first + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
        firstInodes[path] = Int(info.st_ino)
      }
    }
    let second = try server.push(
      clone, ["content/tin-tuc/bai-7.md": bigSite(120)["content/tin-tuc/bai-7.md"]! + "Đoạn mới.\n"])
    #expect(second.status == 0, "\(second.errors)")
    let live = try #require(server.live)
    #expect(live != first)
    func inode(_ release: String, _ path: String) -> Int? {
      guard release != first else { return firstInodes[path] }  // packed now: as it was when live
      var info = stat()
      guard stat(server.webRoot + "/" + release + "/" + path, &info) == 0 else { return nil }
      return Int(info.st_ino)
    }
    #expect(inode(first, "tin-tuc/bai-50/index.html") == inode(live, "tin-tuc/bai-50/index.html"))
    #expect(inode(first, "style.\(try styleName(server.webRoot + "/" + live))") != nil)
    #expect(inode(first, "tin-tuc/bai-7/index.html") != inode(live, "tin-tuc/bai-7/index.html"))
    // The first release is packed: its files are kept by the objects, its folders are not.
    #expect(server.releases.count == 2)
    #expect(FileManager.default.fileExists(atPath: server.webRoot + "/" + first + ".pack"))
    #expect(!FileManager.default.fileExists(atPath: server.webRoot + "/" + first))
    for path in ["tin-tuc/bai-7/index.html", "index.html"] {
      let object = server.webRoot + "/releases/.objects/\(firstInodes[path] ?? -1)"
      #expect(FileManager.default.fileExists(atPath: object), "\(path)")
    }
    #expect(server.page("tin-tuc/bai-7/index.html")?.contains("Đoạn mới.") == true)
    // Of about 190 files, the second release wrote only those that show the article.
    var shared = 0
    var total = 0
    let files = FileManager.default.enumerator(atPath: server.webRoot + "/" + live)
    while let path = files?.nextObject() as? String {
      guard let mine = inode(live, path), !path.hasSuffix("/"),
        (try? FileManager.default.attributesOfItem(
          atPath: server.webRoot + "/" + live + "/" + path)[.type] as? FileAttributeType) == .typeRegular
      else { continue }
      total += 1
      if inode(first, path) == mine { shared += 1 }
    }
    #expect(total > 150)
    #expect(total - shared < 20, "\(total - shared) of \(total) files were written again")
  }

  func styleName(_ folder: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    return try #require(names.first { $0.hasPrefix("style.") }).dropFirst("style.".count).description
  }

  @Test("two pushes at once end with the branch tip published and no partial release")
  func concurrentPushes() throws {
    let server = try PublishingServer()
    let first = try server.clone("mot")
    try server.push(first)
    let second = try server.clone("hai")
    try server.write(["content/tin-tuc/hai.md": "---\ntitle: Tin hai\ndate: 2024-03-01\n---\nHai.\n"], in: second)
    try git(["add", "-A"], in: second)
    try git(["commit", "-q", "-m", "Hai"], in: second)
    try server.write(["content/tin-tuc/mot.md": "---\ntitle: Tin một\ndate: 2024-03-02\n---\nMột.\n"], in: first)
    try git(["add", "-A"], in: first)
    try git(["commit", "-q", "-m", "Một"], in: first)
    let group = DispatchGroup()
    for clone in [first, second] {
      group.enter()
      DispatchQueue.global().async {
        _ = try? gitRun(["push", "origin", "main"], in: clone)
        group.leave()
      }
    }
    group.wait()
    let tip = server.tip
    let live = try #require(server.live)
    let commit = try String(contentsOfFile: server.webRoot + "/" + live + ".commit", encoding: .utf8)
    #expect(commit.split(separator: "\n").first.map(String.init) == tip)
    // No partial release; the build of a push that lost the race to update the
    // branch may stay, whole, for an hour (ReleaseStore.preparedLifetime).
    #expect(!server.leftovers.contains { !$0.hasPrefix(".prepared-") })
    #expect(!server.releaseFolder.contains { $0.hasPrefix(".prepared-\(tip)") })
    #expect(server.releases.contains(String(live.dropFirst("releases/".count))))
    for release in server.releases {  // whole, or packed
      #expect(
        FileManager.default.fileExists(atPath: server.webRoot + "/releases/" + release + "/index.html")
          || FileManager.default.fileExists(atPath: server.webRoot + "/releases/" + release + ".pack"))
    }
  }

  @Test("a publisher killed at any moment leaves current at a whole release, and the next one cleans up")
  func killedMidway() throws {
    let server = try PublishingServer()
    let clone = try server.clone("bien-tap", files: bigSite(500))
    let pushed = try server.push(clone)
    #expect(pushed.status == 0)
    let live = try #require(server.live)
    for (round, delay) in [0.05, 0.2, 0.4, 0.7, 1.0].enumerated() {
      try server.write(["content/tin-tuc/a.md": "---\ntitle: Lần \(round)\ndate: 2024-01-12\n---\nA.\n"], in: clone)
      try git(["commit", "-q", "-am", "Lần \(round)"], in: clone)
      try git(["fetch", "-q", clone, "main:main"], in: server.bare)  // moves the branch without running hooks
      // Publish by hand and kill it mid-way (kill -9), as a crash would.
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Repository.binary)
      process.arguments = ["hook", "publish", "--repo", server.bare, "--web-root", server.webRoot]
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let now = try #require(server.live)
      #expect(FileManager.default.fileExists(atPath: server.webRoot + "/" + now + "/index.html"))
      #expect(FileManager.default.fileExists(atPath: server.webRoot + "/" + now + "/.bantin-output"))
      for release in server.releases {  // whole, or packed
        #expect(
          FileManager.default.fileExists(atPath: server.webRoot + "/releases/" + release + "/index.html")
            || FileManager.default.fileExists(atPath: server.webRoot + "/releases/" + release + ".pack"))
      }
    }
    let publish = try bantin(["hook", "publish", "--repo", server.bare, "--web-root", server.webRoot])
    #expect(publish.status == 0)
    #expect(server.live != live)
    #expect(server.leftovers.isEmpty)
    #expect(server.workEntries.isEmpty)
    #expect(server.page("tin-tuc/a/index.html")?.contains("Lần 4") == true)
  }

  @Test("a build over the time limit is stopped and the push refused")
  func timeout() throws {
    let server = try PublishingServer(install: ["--timeout", "1"])
    let clone = try server.clone("bien-tap", files: bigSite(1500))
    let started = ContinuousClock.now
    let pushed = try server.push(clone)
    #expect(pushed.status != 0)
    #expect(pushed.errors.contains("remote: bantin: the build took longer than 1 s and was stopped (--timeout)"))
    #expect(started.duration(to: .now) < .seconds(20))
    #expect(server.live == nil)
    // The stopped build left nothing: no checkout, no half-made release, nothing in /tmp.
    #expect(server.workEntries.isEmpty)
    #expect(server.leftovers.isEmpty)
  }

  @Test("hooks: foreign ones are kept unless --force, uninstall removes only bantin's, --local checks staged files")
  func hooks() throws {
    let server = try PublishingServer()
    let foreign = server.bare + "/hooks/post-update"
    try Data("#!/bin/sh\necho mine\n".utf8).write(to: URL(fileURLWithPath: server.bare + "/hooks/pre-receive.sample2"))
    try Data("#!/bin/sh\necho mine\n".utf8).write(to: URL(fileURLWithPath: foreign))
    try Data("#!/bin/sh\necho other\n".utf8).write(to: URL(fileURLWithPath: server.bare + "/hooks/pre-receive"))
    let refused = try bantin(["hook", "install", "--repo", server.bare, "--web-root", server.webRoot])
    #expect(refused.status == 1)
    #expect(!refused.errors.contains("Usage"))
    #expect(
      refused.errors.contains("hooks/pre-receive exists and was not written by bantin: pass --force to replace it"))
    #expect(
      try bantin(["hook", "install", "--repo", server.bare, "--web-root", server.webRoot, "--force"]).status == 0)
    let removed = try bantin(["hook", "uninstall", "--repo", server.bare])
    #expect(removed.output.contains("pre-receive"))
    #expect(removed.output.contains("post-receive"))
    #expect(FileManager.default.fileExists(atPath: foreign))
    #expect(!FileManager.default.fileExists(atPath: server.bare + "/hooks/pre-receive"))

    let clone = try server.clone("bien-tap")
    #expect(try bantin(["hook", "install", "--local", "--repo", clone]).status == 0)
    try server.write(["content/tin-tuc/b.md": "---\ntitle: B\ndate: 19/05/2024\n---\n"], in: clone)
    try git(["add", "-A"], in: clone)
    let commit = try gitRun(["commit", "-q", "-m", "B"], in: clone)
    #expect(commit.status != 0)
    #expect(
      commit.errors.contains(
        "content/tin-tuc/b.md:3:7: error: 'date' 19/05/2024 is written day/month/year: write it as 2024-05-19"))
    try server.write(["content/tin-tuc/b.md": "---\ntitle: B\ndate: 2024-05-19\n---\n"], in: clone)
    try git(["add", "-A"], in: clone)
    #expect(try gitRun(["commit", "-q", "-m", "B"], in: clone).status == 0)
  }
}
