import BantinTheme
import Foundation
import TestSupport
import Testing

@Suite("The bantin command")
struct CommandTests {
  static let article = "---\ntitle: Tin A\ndate: 2024-01-12\n---\nNội dung.\n"

  @Test("build writes public/ and says what it built")
  func builds() throws {
    let site = try Scratch([
      "content/tin-tuc/a.md": Self.article, "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "site.yml": "baseURL: https://phuong.example.vn/\n",
    ])
    let run = try bantin(["build", "--source", site.path])
    #expect(run.status == 0)
    #expect(run.errors == "")
    #expect(run.output.hasPrefix("Built \(site.path)/public in "))
    #expect(
      run.output.hasSuffix(
        """
          Pages             11
          Articles           1
          Sections           1
          Terms              0
          Feeds              4
          Aliases            0
          Files copied       1
          Drafts left out    0
          Future left out    0
          Expired left out   0

        """))
    #expect(FileManager.default.fileExists(atPath: site.path + "/public/tin-tuc/a/index.html"))
  }

  @Test(
    "every problem of every file at once (a title with ': ', a date, a missing image), exit 1, public/ byte for byte")
  func brokenBuildLeavesOutput() throws {
    let site = try Scratch([
      "content/tin-tuc/a.md": Self.article, "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "site.yml": "baseURL: https://phuong.example.vn/\n",
    ])
    #expect(try bantin(["build"], in: site.path).status == 0)
    let before = site.snapshot("public")
    #expect(before.count == 24)
    try site.write("content/tin-tuc/a.md", "---\ntitle: Đảng ủy: Hội nghị\ndate: 2024-02-30\n---\n")
    try site.write("content/tin-tuc/b.md", "---\ntitle: B\ndate: 2024-02-30\n---\n![x](khong-co.jpg)\n")
    let run = try bantin(["build"], in: site.path)
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/a.md:2:15: error: the value of 'title' contains ': ', which YAML reads as another key: quote the title, as in title: "Đảng ủy: Hội nghị"
        content/tin-tuc/a.md:3:7: error: 'date' 2024-02-30 does not exist: month 2 of 2024 has 29 days
        content/tin-tuc/b.md:3:7: error: 'date' 2024-02-30 does not exist: month 2 of 2024 has 29 days
        content/tin-tuc/b.md:5:1: error: the image 'khong-co.jpg' does not exist: there is no file content/tin-tuc/khong-co.jpg
        bantin: 4 errors; ./public is unchanged

        """)
    #expect(run.output == "")
    #expect(site.snapshot("public") == before)
    #expect(site.entries() == [".bantin-cache", "content", "public", "site.yml"])  // no staging folder left
  }

  @Test("an output folder that would swallow the site is a usage error (64)")
  func usage() throws {
    let site = try Scratch(["content/tin-tuc/a.md": Self.article])
    let run = try bantin(["build", "--source", site.path, "--output", site.path + "/content/public"])
    #expect(run.status == 64)
    #expect(run.errors.contains("the output folder \(site.path)/content/public is inside the site's content/ folder"))
  }

  @Test("a failure of the work (no such folder, no section, no older release) exits 1 without the usage text")
  func operationalFailures() throws {
    let empty = try Scratch(["content/.keep": ""])
    let webRoot = try Scratch()
    let cases: [([String], String)] = [
      (["build", "--source", "/khong/co"], "bantin: error: the site folder /khong/co does not exist\n"),
      (["check", "--source", "/khong/co"], "bantin: error: the site folder /khong/co does not exist\n"),
      (["serve", "--source", "/khong/co", "--port", "0"], "bantin: error: the site folder /khong/co does not exist\n"),
      (
        ["new", "Tin mới", "--source", empty.path],
        "bantin: error: say which section the article goes in with --section (the site has none yet)\n"
      ),
      (
        ["build", "--source", empty.path, "--output", "/khong/co/public"],
        "bantin: error: the folder /khong/co that would hold /khong/co/public does not exist\n"
      ),
      (["rollback", "--web-root", webRoot.path], "bantin: error: \(webRoot.path) has no releases\n"),
      (["releases", "--web-root", "/khong/co"], "bantin: error: the web root /khong/co does not exist\n"),
    ]
    for (arguments, expected) in cases {
      let run = try bantin(arguments)
      #expect(run.status == 1, "\(arguments)")
      #expect(run.errors == expected, "\(arguments)")
      #expect(!run.errors.contains("Usage"), "\(arguments)")
    }
    #expect(webRoot.entries().isEmpty)  // a rollback of nothing creates nothing
    // Wrong usage is still 64, with the usage text.
    let usage = try bantin(["build", "--source", empty.path, "--output", empty.path + "/content/x"])
    #expect(usage.status == 64)
    #expect(usage.errors.contains("Usage: "))
  }

  @Test("check warns about root pages that no other page, no _index.md and no template links to")
  func unreachedPages() throws {
    let page = { (title: String, body: String) in "---\ntitle: \(title)\n---\n\(body)\n" }
    let site = try Scratch([
      "content/_index.md": page("Trang chủ", "Xem [giới thiệu](gioi-thieu.md)."),
      "content/gioi-thieu.md": page("Giới thiệu", "Phường An Hòa."),
      "content/lien-he.md": page("Liên hệ", "Gọi [chúng tôi](/lien-he/)."),  // only itself
      "content/quy-che.md": page("Quy chế", "Quy chế."),
      "content/so-do.md": page("Sơ đồ", "Sơ đồ."),
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": "---\ntitle: A\ndate: 2024-01-12\n---\nXem [quy chế](/quy-che/).\n",
      "templates/partials/footer.mustache":
        "<footer><a href=\"{{site.url}}so-do/\">Sơ đồ</a> <a href=\"/so-do/\">x</a></footer>\n",
      "site.yml": "baseURL: https://phuong.example.vn/\n",
    ])
    let run = try bantin(["check", "--source", site.path])
    #expect(run.status == 0)
    #expect(
      run.errors == """
        content/lien-he.md: warning: no page links to /lien-he/ and no menu shows it: readers can only find it by its address; link it from an article or content/_index.md, or add it to the theme's menu

        """)
    // A build says nothing of it: it is advice, as check gives.
    #expect(try bantin(["build", "--source", site.path]).errors == "")
  }

  @Test("check reports broken links as errors and missing alt text as warnings, and writes nothing")
  func check() throws {
    let site = try Scratch([
      "content/tin-tuc/a.md": "---\ntitle: A\ndate: 2024-01-12\n---\nXem [B](/tin-tuc/b/).\n\n![](/anh.png)\n",
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "static/anh.png": "png",
      "site.yml": "baseURL: https://phuong.example.vn/\n",
    ])
    let run = try bantin(["check", "--source", site.path])
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/a.md:5:5: error: the link to /tin-tuc/b/ is broken: the site has no such page
        content/tin-tuc/a.md:7:1: warning: the image has no alt text: describe it for readers who cannot see it, as in ![Toàn cảnh hội nghị](anh.jpg)

        """)
    #expect(run.output == "Checked \(site.path): 11 pages, 1 error, 1 warning\n")
    #expect(site.entries() == ["content", "site.yml", "static"])
    try site.write("content/tin-tuc/b.md", "---\ntitle: B\ndate: 2024-01-13\n---\nB.\n")
    #expect(try bantin(["check", "--source", site.path]).status == 0)
  }

  @Test("check follows a relative link from a stand-alone article to where it is published, under a base path too")
  func relativeLinks() throws {
    for baseURL in ["https://phuong.example.vn/", "https://example.vn/bac-hong/"] {
      let site = try Scratch([
        "content/tin-tuc/a.md":
          "---\ntitle: A\ndate: 2024-01-12\n---\nTải [công văn](cong-van.pdf), [ảnh](<Ảnh 1.jpg>), [thiếu](khong-co.pdf).\n",
        "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
        "content/tin-tuc/cong-van.pdf": "pdf", "site.yml": "baseURL: \(baseURL)\n",
      ])
      try site.write("content/tin-tuc/Ảnh 1.jpg", TestPhoto.bytes())
      let run = try bantin(["check", "--source", site.path])
      #expect(run.status == 1)
      let problem =
        baseURL.hasSuffix("bac-hong/")
        ? "the link to /bac-hong/tin-tuc/a/khong-co.pdf is broken: the site has no page /tin-tuc/a/khong-co.pdf (addresses are read under the base path /bac-hong/, whether or not the link writes it)"
        : "the link to /tin-tuc/a/khong-co.pdf is broken: the site has no such page"
      #expect(run.errors == "content/tin-tuc/a.md:5:51: error: \(problem)\n")
      let build = try bantin(["build", "--source", site.path])
      let page = try String(contentsOfFile: site.path + "/public/tin-tuc/a/index.html", encoding: .utf8)
      let base = baseURL.hasSuffix("bac-hong/") ? "/bac-hong/" : "/"
      #expect(build.status == 0)
      #expect(page.contains("<a href=\"\(base)tin-tuc/cong-van.pdf\">công văn</a>"))
      // A link to a photo leads to it as published: its largest JPEG.
      #expect(page.contains("<a href=\"\(base)tin-tuc/%E1%BA%A2nh%201-120.jpg\">ảnh</a>"))
    }
  }

  @Test("new writes a draft page bundle, prints its path, and never overwrites")
  func new() throws {
    let site = try Scratch(["content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n"])
    let run = try bantin(["new", "Hội nghị tổng kết năm 2024 của Đảng ủy", "--source", site.path])
    #expect(run.status == 0)
    #expect(run.output == "content/tin-tuc/hoi-nghi-tong-ket-nam-2024-cua-dang-uy/index.md\n")
    let text = try String(contentsOfFile: site.path + "/" + run.output.dropLast(), encoding: .utf8)
    #expect(text.hasPrefix("---\ntitle: \"Hội nghị tổng kết năm 2024 của Đảng ủy\"\ndate: 20"))
    #expect(text.contains("+07:00\nslug: hoi-nghi-tong-ket-nam-2024-cua-dang-uy\n"))
    #expect(text.contains("draft: true\n"))
    let again = try bantin(["new", "Hội nghị tổng kết năm 2024 của Đảng ủy", "--source", site.path])
    #expect(again.status == 1)
    #expect(
      again.errors
        == "bantin: error: content/tin-tuc/hoi-nghi-tong-ket-nam-2024-cua-dang-uy already exists: bantin new does not replace an article\n"
    )
    let missing = try bantin(["new", "Tin", "--section", "khong-co", "--source", site.path])
    #expect(missing.status == 1)
    #expect(missing.errors.hasPrefix("bantin: error: no section 'khong-co'"))
    let built = try bantin(["build", "--drafts", "--source", site.path])
    #expect(built.status == 0)
  }

  @Test("the embedded default theme lists every file of templates/")
  func themeIsComplete() throws {
    let folder = Repository.root + "/templates"
    let files = (FileManager.default.subpaths(atPath: folder) ?? []).filter { path in
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
      return !isFolder.boolValue
    }
    #expect(DefaultTheme.files.keys.sorted() == files.sorted())
    for (path, bytes) in DefaultTheme.files {
      #expect(FileManager.default.contents(atPath: folder + "/" + path) == Data(bytes), "\(path) differs")
    }
  }
}
