import Foundation
import TestSupport
import Testing

/// Inputs too big to keep as fixtures, made here: oversized front matter and
/// articles, the inputs libcmark 0.30.2 is slow on, and a disk that fills up.
@Suite("Size, time and disk limits")
struct LimitTests {
  static let good = "---\ntitle: Bài mẫu\ndate: 2024-01-12T08:00:00+07:00\n---\nNội dung.\n"

  /// A site built once (the published output to keep), then given `files`.
  func site(_ files: [String: String]) throws -> (Scratch, [String: Data]) {
    let site = try Scratch([
      "site.yml": "baseURL: https://anhoa.example.vn/\n", "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/bai-mau.md": Self.good,
    ])
    #expect(try bantin(["build"], in: site.path).status == 0)
    let before = site.snapshot("public")
    for (path, text) in files { try site.write(path, text) }
    return (site, before)
  }

  func expectUnchanged(_ site: Scratch, _ before: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(site.snapshot("public") == before, sourceLocation: sourceLocation)
    #expect(site.entries().filter { $0.contains("staging") }.isEmpty, sourceLocation: sourceLocation)
  }

  /// Runs `bantin build` and fails the test if it does not end within `limit`: the
  /// build must never hang (a guard, not a speed test).
  func build(_ site: Scratch, _ arguments: [String] = [], limit: Duration = .seconds(60)) throws -> Run {
    let started = ContinuousClock.now
    let run = try bantin(["build"] + arguments, in: site.path)
    #expect(started.duration(to: .now) < limit, "bantin build took longer than \(limit)")
    return run
  }

  @Test("front matter over 64 KiB is an error before YAML reads it")
  func bigFrontMatter() throws {
    let description = String(repeating: "mô tả ", count: 12_000)
    let (site, before) = try self.site([
      "content/tin-tuc/lon.md": "---\ntitle: Lớn\ndate: 2024-01-12\ndescription: \"\(description)\"\n---\nNội dung.\n"
    ])
    let run = try build(site)
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/lon.md:2:1: error: the front matter is larger than 64 KiB: keep long text in the article's body
        bantin: 1 error; ./public is unchanged

        """)
    expectUnchanged(site, before)
  }

  @Test("an article over the size cap is an error before it is parsed; the cap is set in site.yml")
  func bigArticle() throws {
    let paragraph = String(repeating: "Nội dung bài viết rất dài. ", count: 40) + "\n\n"
    let body = String(repeating: paragraph, count: 1_100)  // about 1.2 MiB
    let (site, before) = try self.site(["content/tin-tuc/dai.md": "---\ntitle: Dài\ndate: 2024-01-12\n---\n" + body])
    let run = try build(site)
    #expect(run.status == 1)
    let size = Array(("---\ntitle: Dài\ndate: 2024-01-12\n---\n" + body).utf8).count
    #expect(
      run.errors == """
        content/tin-tuc/dai.md: error: the file is \(size) bytes, more than the 1 MiB an article may have (maxArticleBytes in site.yml)
        bantin: 1 error; ./public is unchanged

        """)
    expectUnchanged(site, before)

    try site.write("site.yml", "baseURL: https://anhoa.example.vn/\nmaxArticleBytes: 2000000\n")
    #expect(try build(site).status == 0)
    try site.write("site.yml", "baseURL: https://anhoa.example.vn/\nmaxArticleBytes: 2048\n")
    let text = "---\ntitle: Dài\ndate: 2024-01-12\n---\n" + paragraph + paragraph
    try site.write("content/tin-tuc/dai.md", text)
    let small = try build(site)
    #expect(small.status == 1)
    #expect(
      small.errors == """
        content/tin-tuc/dai.md: error: the file is \(Array(text.utf8).count) bytes, more than the 2 KiB an article may have (maxArticleBytes in site.yml)
        bantin: 1 error; ./public is unchanged

        """)
  }

  @Test("cmark 0.30.2's slow input (CVE-2023-22486) is refused at its paragraph, at once")
  func quadraticImages() throws {
    let (site, before) = try self.site([
      "content/tin-tuc/cham.md": "---\ntitle: Chậm\ndate: 2024-01-12\n---\nMở đầu.\n\n"
        + String(repeating: "![[]()", count: 50_000) + "\n"
    ])
    let run = try build(site, limit: .seconds(10))
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/cham.md:7:1: error: this paragraph opens more than 500 images ('![') — the Markdown library (cmark 0.30.2) would take minutes on it: split it with blank lines
        bantin: 1 error; ./public is unchanged

        """)
    expectUnchanged(site, before)
  }

  @Test("the other published slow inputs build: HTML comments, deep quotes and lists, images split into paragraphs")
  func otherSlowInputs() throws {
    let nestedList = (0..<400).map { String(repeating: "  ", count: $0) + "- mục" }.joined(separator: "\n")
    let images = String(repeating: String(repeating: "![[]()", count: 450) + "\n\n", count: 60)
    let (site, _) = try self.site([
      "content/tin-tuc/chu-thich.md": "---\ntitle: Chú thích\ndate: 2024-01-12\n---\na"
        + String(repeating: "<!--", count: 50_000) + "\n",
      "content/tin-tuc/trich-dan.md": "---\ntitle: Trích dẫn\ndate: 2024-01-12\n---\n"
        + String(repeating: ">", count: 50_000) + " sâu\n",
      "content/tin-tuc/danh-sach.md": "---\ntitle: Danh sách\ndate: 2024-01-12\n---\n" + nestedList + "\n",
      "content/tin-tuc/anh.md": "---\ntitle: Ảnh\ndate: 2024-01-12\n---\n" + images,
    ])
    let run = try build(site, limit: .seconds(30))
    #expect(run.status == 0, "\(run.errors)")
  }

  @Test("a file whose Markdown takes longer than the budget stops the build, naming it; nothing is published")
  func markdownBudget() throws {
    let images = String(repeating: String(repeating: "![[]()", count: 450) + "\n\n", count: 150)
    let (site, before) = try self.site(["content/tin-tuc/anh.md": "---\ntitle: Ảnh\ndate: 2024-01-12\n---\n" + images])
    let run = try build(site, ["--markdown-budget", "1"], limit: .seconds(30))
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/anh.md: error: rendering its Markdown took more than 1 s (the Markdown library, cmark 0.30.2, is slow on some inputs): the build is stopped; ./public is unchanged

        """)
    expectUnchanged(site, before)
  }

  @Test("a disk that fills up during the write leaves the published site as it was, and no staging folder")
  func diskFull() throws {
    guard getuid() == 0 else {
      print("skipped: mounting a 1 MiB tmpfs needs root (uid \(getuid()))")
      return
    }
    let disk = try Scratch()
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]
    try mount.run()
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else {
      print("skipped: this machine does not let root mount a tmpfs (mount exited \(mount.terminationStatus))")
      return
    }
    defer {
      let unmount = Process()
      unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
      unmount.arguments = [disk.path]
      try? unmount.run()
      unmount.waitUntilExit()
    }
    let (site, _) = try self.site([:])
    let output = disk.path + "/public"
    #expect(try bantin(["build", "--output", output], in: site.path).status == 0)
    let before = disk.snapshot("public")
    #expect(!before.isEmpty)
    // About 3 MiB of new pages: they cannot fit.
    for index in 0..<30 {
      try site.write(
        "content/tin-tuc/bai-\(index).md",
        "---\ntitle: Bài \(index)\ndate: 2024-01-\(10 + index % 18)\n---\n"
          + String(repeating: "Nội dung dài để lấp đầy ổ đĩa. ", count: 3_000) + "\n")
    }
    for arguments in [["--no-cache"], []] {
      let run = try bantin(["build", "--output", output] + arguments, in: site.path)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.errors.contains("No space left on device"), "\(run.errors)")
      #expect(run.errors.hasSuffix("\(output) is unchanged\n"), "\(run.errors)")
      #expect(disk.snapshot("public") == before, "\(arguments)")
      #expect(disk.entries().filter { $0.contains("staging") }.isEmpty, "\(disk.entries())")
    }
  }

  @Test("a template repeating the article list eight deep stops at maxPageBytes, naming the template")
  func nestedTemplate() throws {
    var files: [String: String] = [:]
    for index in 0..<10 {
      files["content/tin-tuc/bai-\(index).md"] = "---\ntitle: Bài \(index)\ndate: 2024-01-1\(index)\n---\nx\n"
    }
    let nested = String(repeating: "{{#articles}}{{title}} ", count: 8) + String(repeating: "{{/articles}}", count: 8)
    files["templates/home.mustache"] = "{{<base}}{{$main}}\(nested){{/main}}{{/base}}"
    let (site, before) = try self.site(files)
    let run = try build(site)
    #expect(run.status == 1)
    #expect(
      run.errors == """
        templates/home.mustache: error: /index.html grew past 16 MiB (maxPageBytes in site.yml) while the template templates/home.mustache made it, and the build is stopped: a list repeated inside itself ({{#articles}} inside {{#articles}}) or a very long value in site.yml does this
        bantin: 1 error; ./public is unchanged

        """)
    expectUnchanged(site, before)
  }

  @Test("settings that size work are capped: a huge title, site.yml over 64 KiB, out-of-range limits, too many files")
  func cappedSettings() throws {
    let (site, before) = try self.site([
      "site.yml": """
      baseURL: https://anhoa.example.vn/
      title: "\(String(repeating: "Phường ", count: 200))"
      maxArticleBytes: 1000000000
      pageSize: 0
      maxOutputFiles: 99
      language: vietnamese

      """
    ])
    var run = try build(site)
    #expect(run.status == 1)
    #expect(
      run.errors == """
        site.yml:2:8: error: 'title' is longer than 1000 characters: shorten it
        site.yml:3:18: error: 'maxArticleBytes' must be between 1024 and 16777216
        site.yml:4:11: error: 'pageSize' must be between 1 and 1000
        site.yml:5:17: error: 'maxOutputFiles' must be between 100 and 10000000
        site.yml:6:11: error: 'language' must be a language tag (BCP 47) such as vi or vi-VN, not 'vietnamese'
        bantin: 5 errors; ./public is unchanged

        """)
    expectUnchanged(site, before)
    try site.write("site.yml", "title: \"" + String(repeating: "x", count: 70_000) + "\"\n")
    run = try build(site)
    #expect(
      run.errors == """
        site.yml: warning: has no baseURL such as https://bachong.example.vn/: feeds, sitemap.xml and social cards need absolute addresses and are not written
        site.yml: error: the file is larger than 64 KiB: site.yml holds short settings only
        bantin: 1 error; ./public is unchanged

        """)
    try site.write("site.yml", "baseURL: https://anhoa.example.vn/\nmaxOutputFiles: 100\n")
    for index in 0..<60 { try site.write("content/tin-tuc/bai-\(index).md", Self.good) }
    run = try build(site)
    #expect(
      run.errors == """
        site.yml: error: the site would publish 115 files, more than the 100 allowed (maxOutputFiles)
        bantin: 1 error; ./public is unchanged

        """)
    expectUnchanged(site, before)
  }
}
