import BantinCore
import Foundation
import TestSupport
import Testing

@Suite("Front matter")
struct FrontMatterTests {
  func diagnostics(_ text: String, path: String = "content/tin-tuc/a.md") -> [String] {
    TestSite([path: text]).diagnostics()
  }

  @Test("keys are read whatever their case, as Hugo reads them; one key in two casings is an error")
  func keyCase() throws {
    let text = "---\nTitle: Tin A\nDate: 2024-01-12\nexpirydate: 2024-02-01\nTAGS: [an ninh]\n---\nNội dung.\n"
    let result = TestSite(["content/tin-tuc/a.md": text]).run()
    #expect(result.diagnostics.isEmpty)
    #expect(result.site?.articles.isEmpty == true)  // expired on 2024-02-01: left out, not published
    #expect(result.summary.expiredSkipped == 1)
    let kept = TestSite(["content/tin-tuc/a.md": "---\nTitle: Tin A\nDATE: 2024-01-12\nTags: [an ninh]\n---\n"]).run()
    let article = try #require(kept.site?.articles.first)
    #expect(article.title == "Tin A")
    #expect(article.tags == ["an ninh"])
    #expect(
      diagnostics("---\ntitle: Tin A\nTitle: Tin B\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:3:1: error: the key 'Title' is written twice (also as 'title'): keep one"
      ])
  }

  @Test("blank lines before the opening --- are allowed; positions stay those of the file")
  func blankLinesFirst() throws {
    let result = TestSite(["content/tin-tuc/a.md": "\n  \n---\ntitle: Tin A\ndate: 2024-01-12\n---\nNội dung.\n"]).run()
    #expect(result.diagnostics.isEmpty)
    #expect(result.site?.articles.first?.title == "Tin A")
    #expect(
      diagnostics("\n\n---\ntitle: Tin A\ndate:   2024-02-30\n---\n") == [
        "content/tin-tuc/a.md:5:9: error: 'date' 2024-02-30 does not exist: month 2 of 2024 has 29 days"
      ])
    #expect(
      diagnostics("\nTin A\n") == [
        "content/tin-tuc/a.md:2:1: error: the file has no front matter: start it with a '---' line, then 'title:' and 'date:', then '---'"
      ])
  }

  @Test("values over several lines, quoted or not, and &#34; in them, read as YAML reads them")
  func multiLineValues() throws {
    let text =
      "---\ntitle: \"Hội nghị tổng kết\n  công tác năm 2023\"\ndate: 2024-01-12\n"
      + "description: Báo cáo về\n  &#34;an ninh trật tự&#34; của phường\nauthor: 'Ban\n  Biên tập'\n---\nNội dung.\n"
    let result = TestSite(["content/tin-tuc/a.md": text]).run()
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.site?.articles.first)
    #expect(article.title == "Hội nghị tổng kết công tác năm 2023")
    #expect(article.description == "Báo cáo về &#34;an ninh trật tự&#34; của phường")
    #expect(article.author == "Ban Biên tập")
    // An anchor after a value over two lines is still found, at its place.
    #expect(
      diagnostics("---\ntitle: \"A\n  B\"\ndate: &d 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:4:7: error: YAML anchors ('&') are not allowed: write the value out, in quotes if it starts with '&'"
      ])
  }

  @Test("a missing title points at line 1")
  func missingTitle() {
    #expect(
      diagnostics("---\ndate: 2024-01-12\n---\nNội dung.\n") == [
        "content/tin-tuc/a.md:1:1: error: front matter has no 'title': add a line such as 'title: \"Hội nghị tổng kết năm 2023\"'"
      ])
  }

  @Test("a missing date points at line 1")
  func missingDate() {
    #expect(
      diagnostics("---\ntitle: Tin A\n---\n") == [
        "content/tin-tuc/a.md:1:1: error: front matter has no 'date': add a line such as 'date: 2024-01-12'"
      ])
  }

  @Test("an impossible date points at its value")
  func impossibleDate() {
    #expect(
      diagnostics("---\ntitle: Tin A\ndate:   2024-02-30\n---\n") == [
        "content/tin-tuc/a.md:3:9: error: 'date' 2024-02-30 does not exist: month 2 of 2024 has 29 days"
      ])
  }

  @Test("a title with ': ' must be quoted, and the message says so")
  func unquotedColon() {
    #expect(
      diagnostics("---\ntitle: Đảng ủy: Hội nghị\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:15: error: the value of 'title' contains ': ', which YAML reads as another key: quote the title, as in title: \"Đảng ủy: Hội nghị\""
      ])
  }

  @Test("a quote or bracket never closed is said where it opens, with the line to write")
  func quoteNeverClosed() {
    #expect(
      diagnostics("---\ntitle: \"Hội nghị tổng kết\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:8: error: the \" opened here is never closed: add \" at the end of the value, on the same line, as in title: \"Hội nghị tổng kết\""
      ])
    #expect(
      diagnostics("---\ndate: 2024-01-12\ntitle:   'Hội nghị\n---\n") == [
        "content/tin-tuc/a.md:3:10: error: the ' opened here is never closed: add ' at the end of the value, on the same line, as in title: 'Hội nghị'"
      ])
    #expect(
      diagnostics("---\ntitle: Tin A\ntags: [an ninh, trật tự\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:3:7: error: the '[' opened here is never closed: write tags: [an ninh, trật tự] for a list, or tags: \"[an ninh, trật tự\" for text"
      ])
    #expect(
      diagnostics("---\ntitle: {Hội nghị\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:8: error: the '{' opened here is never closed: write title: {Hội nghị} for a list, or title: \"{Hội nghị\" for text"
      ])
    let vietnamese = TestSite(["content/tin-tuc/a.md": "---\ntitle: \"Hội nghị\ndate: 2024-01-12\n---\n"]).run()
    #expect(
      vietnamese.diagnostics.map { $0.text(.vietnamese) } == [
        "content/tin-tuc/a.md:2:8: lỗi: dấu \" mở ở đây không được đóng: thêm \" vào cuối giá trị, trên cùng dòng, như title: \"Hội nghị\""
      ])
  }

  @Test("a quoted value holding its own quote mark is told to use the other one")
  func quoteInsideQuotes() {
    #expect(
      diagnostics("---\ntitle: \"Phong trào \"Toàn dân\" năm 2024\"\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:21: error: the value in \" ends here, but the line goes on: put a value that holds \" in ' instead, as in title: 'Phong trào \"Toàn dân\" năm 2024'"
      ])
    #expect(
      diagnostics("---\ntitle: 'Lễ ra quân 'Ngày thứ Bảy xanh''\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:21: error: the value in ' ends here, but the line goes on: put a value that holds ' in \" instead, as in title: \"Lễ ra quân 'Ngày thứ Bảy xanh'\""
      ])
    #expect(
      diagnostics("---\ntitle: \"Toàn dân\" phát động\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:19: error: the value in \" ends here, but the line goes on: put a value that holds \" in ' instead, as in title: '\"Toàn dân\" phát động'"
      ])
    // The suggestion reads back as the value the editor meant.
    let fixed = TestSite([
      "content/tin-tuc/a.md": "---\ntitle: 'Phong trào \"Toàn dân\" năm 2024'\ndate: 2024-01-12\n---\n"
    ]).run()
    #expect(fixed.diagnostics.isEmpty)
    #expect(fixed.site?.articles.first?.title == "Phong trào \"Toàn dân\" năm 2024")
  }

  @Test("a key without a space after ':' or indented under the line above is said at its line, alone")
  func keyLineShapes() {
    #expect(
      diagnostics("---\ntitle:Hội nghị\ndate: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:7: error: 'title' needs a space after its ':': write title: Hội nghị"
      ])
    #expect(
      diagnostics("---\ntitle:Hội nghị\ndate:2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:2:7: error: 'title' needs a space after its ':': write title: Hội nghị",
        "content/tin-tuc/a.md:3:6: error: 'date' needs a space after its ':': write date: 2024-01-12",
      ])
    #expect(
      diagnostics("---\ntitle: Hội nghị\n  date: 2024-01-12\n---\n") == [
        "content/tin-tuc/a.md:3:1: error: the line of 'date' starts with spaces, so YAML reads it as more of the line above: write 'date:' at the start of the line"
      ])
    let vietnamese = TestSite(["content/tin-tuc/a.md": "---\ntitle:Hội nghị\ndate: 2024-01-12\n---\n"]).run()
    #expect(
      vietnamese.diagnostics.map { $0.text(.vietnamese) } == [
        "content/tin-tuc/a.md:2:7: lỗi: sau dấu ':' của 'title' cần một dấu cách: viết title: Hội nghị"
      ])
  }

  @Test("' #' that starts a YAML comment inside a plain text value is a warning, with the quoted line")
  func commentCutsText() throws {
    #expect(
      diagnostics("---\ntitle: Tin A\ndate: 2024-01-12\ndescription: Hội nghị #1 năm 2024\n---\n") == [
        "content/tin-tuc/a.md:4:23: warning: YAML reads ' #' as the start of a comment and drops '#1 năm 2024', leaving 'description' as 'Hội nghị': if that belongs to the value, quote the whole value, as in description: \"Hội nghị #1 năm 2024\""
      ])
    #expect(
      diagnostics("---\ntitle: Tin A\ndate: 2024-01-12\ntags:\n  - an ninh # 2024\n---\n") == [
        "content/tin-tuc/a.md:5:13: warning: YAML reads ' #' as the start of a comment and drops '# 2024', leaving 'tags' as 'an ninh': if that belongs to the value, quote the whole value, as in - \"an ninh # 2024\""
      ])
    // Quoted, or '#' inside a word: the value is whole and nothing is said.
    let quoted = TestSite([
      "content/tin-tuc/a.md": "---\ntitle: \"Hội nghị #1\"\ndate: 2024-01-12\ndescription: Kỳ họp thứ#2\n---\n"
    ]).run()
    #expect(quoted.diagnostics.isEmpty)
    #expect(quoted.site?.articles.first?.title == "Hội nghị #1")
    // site.yml keeps YAML's comments after values without a word.
    let site = TestSite([
      "site.yml": "title: Phường Bến Thành # tên trang\nbaseURL: https://example.vn/\n",
      "content/tin-tuc/a.md": TestSite.article(title: "Tin A"),
    ]).run()
    #expect(site.diagnostics.isEmpty)
  }

  @Test("YAML 1.1 surprises stay text: title no, slug 084")
  func yamlSurprises() throws {
    let site = TestSite(["content/tin-tuc/a.md": TestSite.article(title: "no", extra: "slug: \"084\"\n")])
    let result = site.run()
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.site?.articles.first)
    #expect(article.title == "no")
    #expect(article.urlPath == "/tin-tuc/084/")
    let unquoted = TestSite(["content/tin-tuc/a.md": TestSite.article(title: "yes", extra: "slug: 084\n")]).run()
    #expect(unquoted.site?.articles.first?.urlPath == "/tin-tuc/084/")
    #expect(unquoted.site?.articles.first?.title == "yes")
  }

  @Test("a front matter never closed is reported at line 1")
  func neverClosed() {
    #expect(
      diagnostics("---\ntitle: A\ndate: 2024-01-12\nNội dung\n") == [
        "content/tin-tuc/a.md:1:1: error: the front matter opened here is never closed: add a '---' line after it"
      ])
  }

  @Test("a file without front matter says how to start one")
  func noFrontMatter() {
    #expect(
      diagnostics("# Tin A\n") == [
        "content/tin-tuc/a.md:1:1: error: the file has no front matter: start it with a '---' line, then 'title:' and 'date:', then '---'"
      ])
  }

  @Test("a later --- line is a rule in the body, not front matter")
  func laterRule() throws {
    let site = TestSite(["content/tin-tuc/a.md": TestSite.article(body: "Đoạn một.\n\n---\n\nĐoạn hai.")])
    #expect(site.run().diagnostics.isEmpty)
    #expect(try #require(site.output("tin-tuc/a/index.html")).contains("<hr />"))
  }

  @Test("duplicate keys point at the second one")
  func duplicateKey() {
    #expect(
      diagnostics("---\ntitle: A\ndate: 2024-01-12\ntitle: B\n---\n") == [
        "content/tin-tuc/a.md:4:1: error: the key 'title' is written twice: keep one"
      ])
  }

  @Test("wrong types name the key and what it must be")
  func wrongTypes() {
    #expect(
      diagnostics("---\ntitle: [A, B]\ndate: 2024-01-12\ndraft: maybe\ntags: {a: b}\n---\n") == [
        "content/tin-tuc/a.md:2:8: error: 'title' must be text",
        "content/tin-tuc/a.md:4:8: error: 'draft' must be true or false, not 'maybe'",
        "content/tin-tuc/a.md:5:7: error: 'tags' must be a list such as [\"an ninh\", \"quốc phòng\"]",
      ])
  }

  @Test("anchors and aliases are refused before YAML is parsed, fast")
  func aliasBomb() {
    var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    yaml += "? *i\n: 1\n"
    let clock = ContinuousClock()
    let started = clock.now
    let found = diagnostics("---\ntitle: A\ndate: 2024-01-12\n\(yaml)---\n")
    #expect(started.duration(to: clock.now) < .seconds(5))
    #expect(
      found == [
        "content/tin-tuc/a.md:4:4: error: YAML anchors ('&') are not allowed: write the value out, in quotes if it starts with '&'"
      ])
    #expect(
      diagnostics("---\ntitle: A\ndate: 2024-01-12\ntags: [x, *y]\n---\n") == [
        "content/tin-tuc/a.md:4:11: error: YAML aliases ('*') are not allowed: write the value out, in quotes if it starts with '*'"
      ])
  }

  @Test("tabs in YAML say to indent with spaces")
  func tabs() {
    let found = diagnostics("---\ntitle: A\ndate: 2024-01-12\ntags:\n\t- a\n---\n")
    #expect(found.count == 1)
    #expect(found.first?.hasSuffix("error: YAML does not allow tabs here: indent with spaces") == true)
    #expect(found.first?.hasPrefix("content/tin-tuc/a.md:5:") == true)
  }

  @Test("an unknown key is a warning with a suggestion")
  func unknownKey() {
    #expect(
      diagnostics("---\ntitle: A\ndate: 2024-01-12\ntilte: B\n---\n") == [
        "content/tin-tuc/a.md:4:1: warning: unknown front matter key 'tilte': did you mean 'title'?"
      ])
  }

  @Test("a time without zone is the site's time, read without a warning")
  func zoneless() {
    #expect(diagnostics("---\ntitle: A\ndate: 2024-01-12T14:00:00\n---\n") == [])
    #expect(diagnostics("---\ntitle: A\ndate: 2024-01-12 14:00\n---\n") == [])
  }

  @Test("an invalid slug suggests one")
  func badSlug() {
    #expect(
      diagnostics(TestSite.article(extra: "slug: Hội nghị\n")) == [
        "content/tin-tuc/a.md:4:7: error: 'slug' must be lowercase ASCII letters, digits and hyphens, such as 'hoi-nghi'"
      ])
    #expect(
      diagnostics(TestSite.article(extra: "slug: ../../etc\n")) == [
        "content/tin-tuc/a.md:4:7: error: 'slug' must be lowercase ASCII letters, digits and hyphens, such as 'etc'"
      ])
  }

  @Test("Hugo-style front matter builds unchanged")
  func hugoStyle() throws {
    let text = """
      ---
      title: "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân năm 2024"
      date: 2024-02-27T09:45:00+07:00
      description: "Ủy ban MTTQ Việt Nam phường vừa tổ chức buổi tiếp xúc cử tri."
      categories: ["Tin tức"]
      tags: ["thể dục thể thao", "huy hiệu Đảng", "nghị quyết"]
      author: "Trần Minh Quân"
      draft: false
      ---
      Thực hiện Kế hoạch số 340/KH-UBND của UBND phường.

      """
    let result = TestSite([
      "content/tin-tuc/doi-thoai.md": text,
      "content/tin-tuc/_index.md": "---\ntitle: \"Tin tức\"\ndescription: \"Chuyên mục\"\nweight: 1\n---\n",
    ]).run()
    #expect(result.diagnostics.isEmpty)
    let article = try #require(result.site?.articles.first)
    #expect(article.urlPath == "/tin-tuc/doi-thoai/")
    #expect(article.tags == ["thể dục thể thao", "huy hiệu Đảng", "nghị quyết"])
    #expect(article.author == "Trần Minh Quân")
    #expect(
      SiteClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!).iso8601(article.date)
        == "2024-02-27T09:45:00+07:00")
    #expect(result.site?.sections.map(\.title) == ["Tin tức"])
  }

  @Test("NFD text is published as NFC")
  func nfd() throws {
    let nfd = TestSite.article(title: "Hội nghị", body: "Đảng ủy phường.").decomposedStringWithCanonicalMapping
    let page = try #require(TestSite(["content/tin-tuc/a.md": nfd]).output("tin-tuc/a/index.html"))
    #expect(page.contains("<p>Đảng ủy phường.</p>"))
    #expect(page.utf8.elementsEqual(page.precomposedStringWithCanonicalMapping.utf8))
  }

  @Test("TOML front matter (+++), as Hugo writes it, is read as YAML is, with problems at their lines")
  func tomlFrontMatter() throws {
    let text = """
      +++
      title = "Hội nghị \\"tổng kết\\": năm 2023"
      date = 2024-01-12T08:30:00+07:00
      tags = ["an ninh", 'Quốc phòng']
      description = '''
      Mô tả nhiều dòng.
      '''
      slug = "Hoi Nghi"
      weigth = 3
      +++
      Nội dung.

      """
    let site = TestSite(["content/tin-tuc/a.md": text])
    let result = site.run()
    #expect(
      result.diagnostics.map(\.description) == [
        "content/tin-tuc/a.md:8:8: error: 'slug' must be lowercase ASCII letters, digits and hyphens, such as 'hoi-nghi'",
        "content/tin-tuc/a.md:9:1: warning: unknown front matter key 'weigth': did you mean 'weight'?",
      ])
    let fixed = TestSite(["content/tin-tuc/a.md": text.replacingOccurrences(of: "\"Hoi Nghi\"", with: "\"hoi-nghi\"")])
    let article = try #require(fixed.run().site?.articles.first)
    #expect(article.title == "Hội nghị \"tổng kết\": năm 2023")
    #expect(article.urlPath == "/tin-tuc/hoi-nghi/")
    #expect(article.tags == ["an ninh", "Quốc phòng"])
    #expect(article.description == "Mô tả nhiều dòng.")
    #expect(article.date == Timestamp(secondsSince1970: 1_705_023_000))
    #expect(
      diagnostics("+++\ntitle = \"A\"\ndate = 2024-02-30\n+++\n") == [
        "content/tin-tuc/a.md:3:18: error: TOML could not read this: Error while parsing date: expected day between 1 and 29 (inclusive), saw 30"
      ])
    #expect(
      diagnostics("+++\ntitle = \"A\"\ndate = 2024-01-12\n") == [
        "content/tin-tuc/a.md:1:1: error: the front matter opened here is never closed: add a '+++' line after it"
      ])
  }
}
