import BantinCore
import Foundation
import TestSupport
import Testing

@Suite("Aliases, escaping, pagination, new articles")
struct PortalPartsTests {
  func alias(_ text: String) -> String {
    switch SitePath.alias(text) {
    case .success(let path): return path
    case .failure(let problem): return "error: " + problem.said.english
    }
  }

  @Test("aliases are site paths; anything that could escape or overwrite is refused")
  func aliases() {
    #expect(alias("/tin-cu/hoi-nghi/") == "/tin-cu/hoi-nghi/")
    #expect(alias("/tin-cu/hoi-nghi") == "/tin-cu/hoi-nghi/")
    #expect(alias("/bai-cu.html") == "/bai-cu.html")
    #expect(alias("/tin%20cu/") == "error: the alias '/tin%20cu/' contains ' ', which a path may not")
    #expect(alias("/tin-cũ/") == "/tin-cũ/")
    #expect(
      alias("tin-cu/")
        == "error: the alias 'tin-cu/' must be a path of this site starting with '/', such as /tin-cu/hoi-nghi/")
    #expect(
      alias("//evil.example/")
        == "error: the alias '//evil.example/' must be a path of this site starting with '/', such as /tin-cu/hoi-nghi/"
    )
    #expect(
      alias("/../../etc/passwd") == "error: the alias '/../../etc/passwd' must not contain empty, '.' or '..' parts")
    #expect(alias("/a/%2e%2e/b/") == "error: the alias '/a/%2e%2e/b/' must not contain empty, '.' or '..' parts")
    #expect(alias("/a%2F..%2Fb/") == "error: the alias '/a%2F..%2Fb/' must not contain empty, '.' or '..' parts")
    #expect(alias("/a/\u{0}/") == "error: the alias '/a/\u{0}/' contains a control character, which a path may not")
    #expect(alias("/a?b=1") == "error: the alias '/a?b=1' contains '?', which a path may not")
    #expect(
      alias("/sitemap.xml") == "error: the alias '/sitemap.xml' would replace /sitemap.xml, which bantin writes itself")
    #expect(
      alias("/Robots.txt/x/")
        == "error: the alias '/Robots.txt/x/' would replace /robots.txt, which bantin writes itself")
    #expect(alias("/404.html") == "error: the alias '/404.html' would replace /404.html, which bantin writes itself")
    #expect(
      alias("/index.html") == "error: the alias '/index.html' would replace /index.html, which bantin writes itself")
    #expect(alias("/") == "error: the alias '/' would replace the home page")
  }

  @Test("JSON-LD strings cannot close a script or open a comment")
  func json() {
    #expect(JSON.quote("</script><!-- \"x\" & 'y'") == #""\u003c/script\u003e\u003c!-- \"x\" \u0026 \u0027y\u0027""#)
    #expect(JSON.quote("a\u{2028}b\nc\u{1}") == #""a\u2028b\nc\u0001""#)
    #expect(JSON.encode(.object([("a", .array([.number(1), .string("Đảng")]))])) == #"{"a":[1,"Đảng"]}"#)
  }

  @Test("XML text is escaped and characters XML forbids are dropped")
  func xml() {
    #expect(XML.escape("A & B <c> \"d\" 'e'\u{1}\u{B}") == "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;")
  }

  @Test("new articles: title quoted, date in Vietnam time, slug, draft")
  func newArticle() throws {
    let date = Timestamp(secondsSince1970: 1_795_658_400)
    let article = try #require(NewArticle(title: "  Hội nghị \"Dân vận khéo\": tổng kết \\ 2024 ", date: date))
    #expect(article.path(in: "tin-tuc").rawValue == "content/tin-tuc/hoi-nghi-dan-van-kheo-tong-ket-2024/index.md")
    let clock = SiteClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    #expect(
      article.text(clock: clock) == """
        ---
        title: "Hội nghị \\"Dân vận khéo\\": tổng kết \\\\ 2024"
        date: 2026-11-26T09:00:00+07:00
        slug: hoi-nghi-dan-van-kheo-tong-ket-2024
        description: ""
        author: ""
        categories: []
        tags: []
        draft: true
        ---


        """)
    #expect(NewArticle(title: "!!!", date: date) == nil)
    // What bantin new writes, bantin build reads back.
    let site = TestSite(["content/tin-tuc/x/index.md": article.text(clock: clock)])
    var build = site
    build.build.includeDrafts = true
    let result = build.run()
    #expect(result.diagnostics.isEmpty)
    #expect(result.site?.articles.first?.title == "Hội nghị \"Dân vận khéo\": tổng kết \\ 2024")
  }

  @Test("a broken internal link is a warning in build and an error in check")
  func brokenLinks() {
    var site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(
        body: "[b](/tin-tuc/b/), [c](../khong-co/), [ảnh](/anh.jpg), [ok](/tags/)")
    ])
    #expect(
      site.diagnostics() == [
        "content/tin-tuc/a.md:5:1: warning: the link to /tin-tuc/b/ is broken: the site has no such page",
        "content/tin-tuc/a.md:5:19: warning: the link to /tin-tuc/khong-co/ is broken: the site has no such page",
        "content/tin-tuc/a.md:5:38: warning: the link to /anh.jpg is broken: the site has no such page",
      ])
    site.build.brokenLinksAreErrors = true
    #expect(site.run().diagnostics.errors.count == 3)
  }

  @Test("an image without alt text is a warning")
  func missingAlt() {
    let site = TestSite(
      ["content/tin-tuc/a.md": TestSite.article(body: "![](/a.jpg \"Chú thích\")")], assets: ["static/a.jpg": photo])
    #expect(
      site.diagnostics() == [
        "content/tin-tuc/a.md:5:1: warning: the image has no alt text: describe it for readers who cannot see it, as in ![Toàn cảnh hội nghị](anh.jpg)"
      ])
  }

  @Test("an alias that lands on a page is an error naming both")
  func aliasCollision() {
    let site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(extra: "aliases: [/tin-tuc/b/]\n"),
      "content/tin-tuc/b.md": TestSite.article(title: "B"),
      "content/tin-tuc/c.md": TestSite.article(title: "C", extra: "aliases: [\"../x\"]\n"),
    ])
    #expect(
      site.diagnostics() == [
        "content/tin-tuc/c.md:4:11: error: the alias '../x' must be a path of this site starting with '/', such as /tin-cu/hoi-nghi/"
      ])
    var fixed = site
    fixed.files["content/tin-tuc/c.md"] = TestSite.article(title: "C")
    #expect(
      fixed.diagnostics() == [
        "content/tin-tuc/a.md: error: /tin-tuc/b/index.html would be written twice: for content/tin-tuc/b.md and for the alias /tin-tuc/b/ of content/tin-tuc/a.md"
      ])
  }
}

@Suite("Terms")
struct TermTests {
  @Test("NFC and NFD spellings of a tag, and its capitalisations, are one tag")
  func oneTag() throws {
    let nfd = TestSite.article(title: "B", extra: "tags: [\"Tết\"]\n").decomposedStringWithCanonicalMapping
    let site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(title: "A", extra: "tags: [\"Tết\", \"Đảng\"]\n"),
      "content/tin-tuc/b.md": nfd,
      "content/tin-tuc/c.md": TestSite.article(title: "C", extra: "tags: [\"tết\", \"Dân\"]\n"),
    ])
    let result = site.run()
    let tags = try #require(result.site?.terms[.tags])
    #expect(tags.map(\.name) == ["Dân", "Đảng", "Tết"])
    #expect(tags.map(\.urlPath) == ["/tags/dan/", "/tags/dang/", "/tags/tet/"])
    #expect(tags.last?.articles.count == 3)
  }

  @Test("ăn and an are two tags with two addresses; hoà and hòa, thuý and thúy are one; in any order of articles")
  func differentWordsOneSlug() throws {
    let articles = [
      TestSite.article(title: "A", extra: "tags: [\"ăn\", \"hoà giải\"]\n"),
      TestSite.article(title: "B", extra: "tags: [\"an\", \"Hòa  giải\", \"thuý\"]\n"),
      TestSite.article(title: "C", extra: "tags: [\"ân\", \"an 2\", \"thúy\", \"Ăn\"]\n"),
    ]
    var orders: [[String]] = []
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
      var files: [String: String] = [:]
      for (position, index) in order.enumerated() {
        files["content/tin-tuc/bai-\(position).md"] = articles[index]
      }
      let result = TestSite(files).run()
      #expect(result.diagnostics.isEmpty)
      let tags = try #require(result.site?.terms[.tags])
      orders.append(tags.map { "\($0.name) \($0.urlPath) \($0.articles.count)" })
      // The article page links each tag at its own address.
      let page = try #require(TestSite(files).output("tin-tuc/bai-\(order.firstIndex(of: 2) ?? 0)/index.html"))
      #expect(page.contains("href=\"/tags/an-4/\">ân</a>"))
      #expect(page.contains("href=\"/tags/an-3/\">Ăn</a>"))
      #expect(page.contains("href=\"/tags/an-2/\">an 2</a>"))
    }
    #expect(
      orders[0] == [
        "an /tags/an/ 1", "an 2 /tags/an-2/ 1", "Ăn /tags/an-3/ 2", "ân /tags/an-4/ 1",
        "hoà giải /tags/hoa-giai/ 2", "thuý /tags/thuy/ 2",
      ])
    #expect(orders[1] == orders[0])
    #expect(orders[2] == orders[0])
  }
}

@Suite("Rebuilding with a memo")
struct MemoTests {
  @Test("an unchanged site is reused whole, a changed article redoes only what shows it, output equal to a clean build")
  func reuse() throws {
    var files: [String: String] = [:]
    for index in 0..<12 {
      files["content/tin-tuc/bai-\(index).md"] = TestSite.article(
        title: "Bài \(index)", date: "2024-01-\(10 + index)", extra: "tags: [\"t\(index % 3)\"]\n",
        body: "Nội dung \(index).")
    }
    var site = TestSite(files)
    let pipeline = Pipeline(build: site.build)
    let first = pipeline.run(site.tree, memo: nil)
    let clean = resolved(first.result.files)
    let pages = first.result.files.count - 2  // all but the stylesheet and the theme's search script

    let again = pipeline.run(site.tree, memo: first.memo)
    #expect(again.reuse.entries == 13)  // 12 articles and the section's _index.md
    #expect(again.reuse.articles == 13)
    #expect(again.reuse.pages == pages)
    #expect(resolved(again.result.files, after: clean) == clean)

    site.files["content/tin-tuc/bai-3.md"] = TestSite.article(
      title: "Bài 3", date: "2024-01-13", extra: "tags: [\"t0\"]\n", body: "Nội dung đã sửa, dài hơn.")
    let edited = pipeline.run(site.tree, memo: again.memo)
    #expect(edited.reuse.entries == 12)
    #expect(edited.reuse.articles == 12)
    #expect(edited.reuse.pages > 0)
    #expect(edited.reuse.pages < pages)
    let afterEdit = resolved(edited.result.files, after: clean)
    #expect(afterEdit == resolved(pipeline.run(site.tree).files))

    site.files["templates/partials/footer.mustache"] = "<footer>khác</footer>"
    let themed = pipeline.run(site.tree, memo: edited.memo)
    // Only the files no template renders keep their bytes: robots.txt, feeds, sitemap, search index.
    let untemplated = themed.result.files.filter { !$0.path.rawValue.hasSuffix(".html") }.map(\.path.rawValue)
    // all but the stylesheet and the theme's search script
    #expect(themed.reuse.pages == untemplated.count - 2, "reused: \(untemplated)")
    #expect(resolved(themed.result.files, after: afterEdit) == resolved(pipeline.run(site.tree).files))
  }
}
