import BantinCore
import Foundation
import TestSupport
import Testing

@Suite("Markdown and figures")
struct MarkdownTests {
  /// The HTML body of an article with this Markdown, in a bundle with two photos.
  func body(_ markdown: String) -> (html: String, diagnostics: [String]) {
    let site = TestSite(
      ["content/tin-tuc/hoi-nghi/index.md": TestSite.article(body: markdown)],
      assets: [
        "content/tin-tuc/hoi-nghi/anh-1.jpg": photo,
        "content/tin-tuc/hoi-nghi/Ảnh 2.png": AssetInfo(byteCount: 10),
        "static/images/logo.png": AssetInfo(byteCount: 10, pixelSize: PixelSize(width: 64, height: 32)),
      ])
    let result = site.run()
    let html = result.site?.articles.first?.bodyHTML ?? ""
    return (html, result.diagnostics.map(\.description))
  }

  @Test(
    "a body that is mostly raw HTML is one error with the share of words lost; scripts, styles and comments are not text"
  )
  func rawHTMLLoss() {
    let words = Array(repeating: "chữ", count: 30).joined(separator: " ")
    let lost = body("Mở đầu.\n\n<p>\(words)</p>\n").diagnostics
    #expect(lost.count == 1)
    #expect(
      lost.first?.hasPrefix(
        "content/tin-tuc/hoi-nghi/index.md:7:1: error: 93% of the text (30 of 32 words) is raw HTML, which bantin does not publish"
      ) == true, "\(lost)")
    // Not text: a script, a style, a comment, however long; a little HTML in a long text stays a warning.
    let hidden = body("Mở đầu.\n\n<script>\(words)</script>\n\n<style>\(words)</style>\n\n<!-- \(words) -->\n")
      .diagnostics
    #expect(hidden.allSatisfy { $0.contains("warning: raw HTML is not published") }, "\(hidden)")
    let small = body("\(words)\n\n<p>\(words)</p>\n\n\(words)\n").diagnostics
    #expect(
      small == ["content/tin-tuc/hoi-nghi/index.md:7:1: warning: raw HTML is not published: write Markdown instead"])
  }

  @Test("an image alone in its paragraph becomes a figure captioned by its title")
  func figureWithTitle() {
    let (html, diagnostics) = body("![Ảnh thay thế](anh-1.jpg \"Toàn cảnh Hội nghị\")")
    #expect(diagnostics.isEmpty)
    #expect(
      html == """
        <figure>
        <img src="/tin-tuc/hoi-nghi/anh-1.jpg" alt="Ảnh thay thế" width="800" height="600" fetchpriority="high">
        <figcaption>Toàn cảnh Hội nghị</figcaption>
        </figure>

        """)
  }

  @Test("without a title the caption is the alt text")
  func figureWithAlt() {
    let (html, _) = body("![Các đại biểu *dự* hội nghị](anh-1.jpg)")
    #expect(html.contains("alt=\"Các đại biểu dự hội nghị\""))
    #expect(html.contains("<figcaption>Các đại biểu dự hội nghị</figcaption>"))
  }

  @Test("an image inside running text stays inline, lazy, without a figure")
  func inlineImage() {
    let (html, _) = body("Biểu trưng ![logo](/images/logo.png) của phường.")
    #expect(
      html
        == "<p>Biểu trưng <img src=\"/images/logo.png\" alt=\"logo\" width=\"64\" height=\"32\" loading=\"lazy\" decoding=\"async\"> của phường.</p>\n"
    )
    #expect(!html.contains("<figure>"))
  }

  @Test("file names are percent-encoded, and a picture without known size gets none")
  func encodedNames() {
    let (html, diagnostics) = body("![Ảnh hai](<Ảnh 2.png>)")
    #expect(diagnostics.isEmpty)
    #expect(html.contains("src=\"/tin-tuc/hoi-nghi/%E1%BA%A2nh%202.png\" alt=\"Ảnh hai\" fetchpriority=\"high\">"))
  }

  @Test("captions and alt text are escaped")
  func escaping() {
    let (html, _) = body("![a \"b\" <c>](anh-1.jpg \"</figcaption><script>x</script>\")")
    #expect(html.contains("alt=\"a &quot;b&quot; &lt;c&gt;\""))
    #expect(html.contains("<figcaption>&lt;/figcaption&gt;&lt;script&gt;x&lt;/script&gt;</figcaption>"))
  }

  @Test("a missing image is an error at its line and column")
  func missingImage() {
    let (_, diagnostics) = body("Đoạn một.\n\nẢnh: ![x](khong-co.jpg)")
    #expect(
      diagnostics == [
        "content/tin-tuc/hoi-nghi/index.md:7:6: error: the image 'khong-co.jpg' does not exist: there is no file content/tin-tuc/hoi-nghi/khong-co.jpg"
      ])
    let (_, absolute) = body("![x](/images/khong-co.jpg)")
    #expect(
      absolute == [
        "content/tin-tuc/hoi-nghi/index.md:5:1: error: the image '/images/khong-co.jpg' does not exist: there is no content/images/khong-co.jpg or static/images/khong-co.jpg"
      ])
  }

  @Test("raw HTML and javascript: links are not published, with warnings")
  func safeMode() {
    let (html, diagnostics) = body("<script>alert(1)</script>\n\nXem [đây](javascript:alert(1)) và <b>in đậm</b>.")
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("javascript:"))
    #expect(
      diagnostics == [
        "content/tin-tuc/hoi-nghi/index.md:5:1: warning: raw HTML is not published: write Markdown instead",
        "content/tin-tuc/hoi-nghi/index.md:7:5: warning: the link to 'javascript:' is not published: such links can run code",
        "content/tin-tuc/hoi-nghi/index.md:7:35: warning: raw HTML is not published: write Markdown instead",
        "content/tin-tuc/hoi-nghi/index.md:7:44: warning: raw HTML is not published: write Markdown instead",
      ])
  }

  @Test("an image outside content/ is refused")
  func outside() {
    let (_, diagnostics) = body("![x](../../../site.yml)")
    #expect(
      diagnostics == [
        "content/tin-tuc/hoi-nghi/index.md:5:1: error: the image '../../../site.yml' is outside the content folder"
      ])
  }

  @Test("a link to another article's .md file goes to its URL")
  func markdownLinks() throws {
    let site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(body: "Xem [bài B](b.md#chi-tiet)."),
      "content/tin-tuc/b.md": TestSite.article(title: "B", extra: "slug: bai-b\n"),
    ])
    #expect(
      try #require(site.output("tin-tuc/a/index.html")).contains("<a href=\"/tin-tuc/bai-b/#chi-tiet\">bài B</a>"))
    let broken = TestSite(["content/tin-tuc/a.md": TestSite.article(body: "[x](khong-co.md)")])
    #expect(
      broken.diagnostics() == [
        "content/tin-tuc/a.md:5:1: error: the link to 'khong-co.md' is broken: content/tin-tuc/khong-co.md does not exist"
      ])
  }

  @Test("words are counted in running text, not in alt text")
  func wordCount() {
    let result = TestSite(
      ["content/tin-tuc/a.md": TestSite.article(body: "Một hai ba.\n\n![bốn năm sáu bảy](/a.jpg)\n\n- tám\n- chín")],
      assets: ["static/a.jpg": photo]
    ).run()
    #expect(result.site?.articles.first?.wordCount == 5)
  }
}

@Suite("Building a site")
struct SiteTests {
  @Test("articles are listed newest first, drafts and expired ones left out and counted")
  func order() throws {
    let site = TestSite(
      [
        "content/tin-tuc/cu.md": TestSite.article(title: "Cũ", date: "2023-05-01"),
        "content/tin-tuc/moi.md": TestSite.article(title: "Mới", date: "2024-05-01T08:00:00+07:00"),
        "content/tin-tuc/giua.md": TestSite.article(title: "Giữa", date: "2024-01-01"),
        "content/tin-tuc/nhap/index.md": TestSite.article(title: "Nháp", extra: "draft: true\n"),
        "content/tin-tuc/het-han.md": TestSite.article(title: "Hết hạn", extra: "expiryDate: 2025-01-01\n"),
        "content/tin-tuc/con-han.md": TestSite.article(
          title: "Còn hạn", date: "2020-01-01", extra: "expiryDate: 2030-01-01\n"),
      ], assets: ["content/tin-tuc/nhap/anh.jpg": photo])
    let result = site.run()
    #expect(result.diagnostics.isEmpty)
    #expect(result.site?.articles.map(\.title) == ["Mới", "Giữa", "Cũ", "Còn hạn"])
    #expect(result.summary.draftsSkipped == 1)
    #expect(result.summary.expiredSkipped == 1)
    #expect(!result.files.contains { $0.path.rawValue.hasPrefix("tin-tuc/nhap/") })
    var drafts = site
    drafts.build.includeDrafts = true
    let withDrafts = drafts.run()
    #expect(withDrafts.files.contains { $0.path.rawValue == "tin-tuc/nhap/anh.jpg" })
    #expect(withDrafts.site?.articles.count == 5)
  }

  @Test("two files at one URL are an error naming both")
  func collision() {
    let site = TestSite([
      "content/tin-tuc/hoi-nghi.md": TestSite.article(),
      "content/tin-tuc/Hội nghị.md": TestSite.article(),
      "content/tin-tuc/khac.md": TestSite.article(extra: "slug: hoi-nghi\n"),
    ])
    #expect(
      site.diagnostics() == [
        "content/tin-tuc/hoi-nghi.md: error: is published at /tin-tuc/hoi-nghi/, as content/tin-tuc/Hội nghị.md is: change one file's name or 'slug'",
        "content/tin-tuc/khac.md: error: is published at /tin-tuc/hoi-nghi/, as content/tin-tuc/Hội nghị.md is: change one file's name or 'slug'",
      ])
  }

  @Test("weighted sections first, then those without weight in Vietnamese alphabetical order")
  func sectionOrder() {
    let site = TestSite([
      "content/d/_index.md": "---\ntitle: Đô thị\n---\n",
      "content/c/_index.md": "---\ntitle: Dân vận\n---\n",
      "content/b/_index.md": "---\ntitle: An ninh\nweight: 5\n---\n",
      "content/a/_index.md": "---\ntitle: Ẩm thực\n---\n",
      "content/a/x.md": TestSite.article(),
    ])
    #expect(site.run().site?.sections.map(\.title) == ["An ninh", "Ẩm thực", "Dân vận", "Đô thị"])
  }

  @Test("a section without _index.md is titled by its folder, with a warning")
  func untitledSection() {
    let site = TestSite(["content/thong-bao/a.md": TestSite.article()])
    var tree = site.tree.files
    tree.removeValue(forKey: "content/thong-bao/_index.md")
    let result = Pipeline(build: site.build).run(SourceTree(files: Array(tree.values)))
    #expect(
      result.diagnostics.map(\.description) == [
        "content/thong-bao: warning: has no _index.md, so the section is titled 'thong-bao': add content/thong-bao/_index.md with a 'title'"
      ])
  }

  @Test("an article over the size cap is refused before it is parsed")
  func sizeCap() {
    let big = TestSite.article(body: String(repeating: "![[]()", count: 200_000))
    #expect(
      TestSite(["content/tin-tuc/a.md": big]).diagnostics() == [
        "content/tin-tuc/a.md: error: the file is \(big.utf8.count) bytes, more than the 1 MiB an article may have (maxArticleBytes in site.yml)"
      ])
  }

  @Test("images and links in an image's text are its alt text, alone or in a sentence, and nothing crashes")
  func nestedInImage() {
    let img = "<img src=\"/tin-tuc/hoi-nghi/anh-1.jpg\""
    let size = "width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\">"
    let lead = "width=\"800\" height=\"600\" fetchpriority=\"high\">"  // the first figure
    let cases: [(String, String)] = [
      (
        "![Ảnh ![nhỏ](anh-1.jpg)](anh-1.jpg)",
        "<figure>\n\(img) alt=\"Ảnh nhỏ\" \(lead)\n<figcaption>Ảnh nhỏ</figcaption>\n</figure>\n"
      ),
      (
        "![xem [bài B](../b.md)](anh-1.jpg)",
        "<figure>\n\(img) alt=\"xem bài B\" \(lead)\n<figcaption>xem bài B</figcaption>\n</figure>\n"
      ),
      ("Xem ![Ảnh ![nhỏ](anh-1.jpg)](anh-1.jpg) nhé.", "<p>Xem \(img) alt=\"Ảnh nhỏ\" \(size) nhé.</p>\n"),
      ("Xem ![xem [bài B](../b.md)](anh-1.jpg) nhé.", "<p>Xem \(img) alt=\"xem bài B\" \(size) nhé.</p>\n"),
      (
        "![a ![b ![c](anh-1.jpg)](anh-1.jpg) [d](/x/)](anh-1.jpg)",
        "<figure>\n\(img) alt=\"a b c d\" \(lead)\n<figcaption>a b c d</figcaption>\n</figure>\n"
      ),
      // An image in a link is still replaced; the link keeps it.
      ("[![logo](anh-1.jpg)](../b.md)", "<p><a href=\"/tin-tuc/b/\">\(img) alt=\"logo\" \(size)</a></p>\n"),
    ]
    for (markdown, expected) in cases {
      let site = TestSite(
        [
          "content/tin-tuc/hoi-nghi/index.md": TestSite.article(body: markdown),
          "content/tin-tuc/b.md": TestSite.article(title: "B"),
        ],
        assets: ["content/tin-tuc/hoi-nghi/anh-1.jpg": photo])
      let result = site.run()
      #expect(result.diagnostics.map(\.description) == [], "\(markdown)")
      let article = result.site?.articles.first { $0.source.rawValue.hasSuffix("index.md") }
      #expect(article?.bodyHTML == expected, "\(markdown)")
    }
  }

  @Test("an inline image keeps its title; a summary around it has single spaces")
  func inlineTitleAndSummary() {
    let site = TestSite(
      [
        "content/tin-tuc/hoi-nghi/index.md": TestSite.article(
          body: "Biểu trưng  ![logo](anh-1.jpg \"Biểu trưng \\\"mới\\\"\")  của\nphường.")
      ],
      assets: ["content/tin-tuc/hoi-nghi/anh-1.jpg": photo])
    let article = site.run().site?.articles.first
    #expect(
      article?.bodyHTML
        == "<p>Biểu trưng  <img src=\"/tin-tuc/hoi-nghi/anh-1.jpg\" alt=\"logo\" width=\"800\" height=\"600\" title=\"Biểu trưng &quot;mới&quot;\" loading=\"lazy\" decoding=\"async\">  của\nphường.</p>\n"
    )
    #expect(article?.summary == "Biểu trưng của phường.")
  }

  @Test("https: image addresses are percent-encoded in the page, og:image, JSON-LD and feeds")
  func encodedRemoteImages() throws {
    let site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(
        extra: "image: \"https://cdn.example.vn/ảnh đại diện.jpg\"\n",
        body:
          "![Toàn cảnh](<https://cdn.example.vn/ảnh 1.jpg?w=2&h=1>)\n\nĐã mã hoá: ![x](https://cdn.example.vn/a%20b.jpg \"50%\")"
      )
    ])
    let result = site.run()
    #expect(result.diagnostics.isEmpty)
    let html = try #require(result.site?.articles.first?.bodyHTML)
    #expect(html.contains("<img src=\"https://cdn.example.vn/%E1%BA%A3nh%201.jpg?w=2&amp;h=1\" alt=\"Toàn cảnh\""))
    #expect(html.contains("src=\"https://cdn.example.vn/a%20b.jpg\""))
    let page = try #require(site.output("tin-tuc/a/index.html"))
    let encoded = "https://cdn.example.vn/%E1%BA%A3nh%20%C4%91%E1%BA%A1i%20di%E1%BB%87n.jpg"
    #expect(page.contains("<meta property=\"og:image\" content=\"\(encoded)\">"))
    #expect(page.contains("\"image\":[\"\(encoded)\"]") || page.contains("\"image\":\"\(encoded)\""))
    #expect(!page.contains("ảnh đại diện"))
    let feed = try #require(site.output("atom.xml"))
    #expect(!feed.contains("ảnh 1.jpg"))
  }

  @Test(
    "Hugo shortcodes, GitHub tables, strikethrough, task lists and footnotes are warned at their places, not in code")
  func unsupportedSyntax() {
    let markdown = """
      Ảnh {{< figure src="anh-1.jpg" >}} và ~~bỏ~~.

      | Cột | Cột |
      |:---|---:|
      | 1 | 2 |

      - [ ] việc một
      - [x] việc hai

      Chú thích[^1] {{% note %}}.

      [^1]: https://phuong.example.vn/

          {{< figure >}} ~~x~~ [^2]: mã

      ```
      | a |
      |---|
      ```
      """
    let (_, diagnostics) = MarkdownTests().body(markdown)
    let shortcode = "is published as text, since bantin reads Markdown only"
    let footnote =
      "footnotes ('[^1]') are not CommonMark and are published as text or as a wrong link: write the note in brackets in the sentence, or as a paragraph at the end"
    #expect(
      diagnostics == [
        // Hugo's figure is written as an image (see HugoShortcodes); this one has no alt text.
        "content/tin-tuc/hoi-nghi/index.md:5:5: warning: the image has no alt text: describe it for readers who cannot see it, as in ![Toàn cảnh hội nghị](anh.jpg)",
        "content/tin-tuc/hoi-nghi/index.md:5:39: warning: '~~' (strikethrough) is not CommonMark and is published with its tildes: write the text without it, or say in words that it no longer holds",
        "content/tin-tuc/hoi-nghi/index.md:7:1: warning: GitHub's tables are not CommonMark and are published as text: write the rows as a list, or link the table as a file (PDF or spreadsheet)",
        "content/tin-tuc/hoi-nghi/index.md:11:3: warning: task lists ('[ ]' and '[x]') are not CommonMark and are published as text: write 'Đã xong:' or 'Chưa xong:' before the item",
        "content/tin-tuc/hoi-nghi/index.md:12:3: warning: task lists ('[ ]' and '[x]') are not CommonMark and are published as text: write 'Đã xong:' or 'Chưa xong:' before the item",
        "content/tin-tuc/hoi-nghi/index.md:14:10: warning: \(footnote)",
        "content/tin-tuc/hoi-nghi/index.md:14:15: warning: the Hugo shortcode {{% note …}} \(shortcode): write it in Markdown",
        "content/tin-tuc/hoi-nghi/index.md:16:1: warning: \(footnote)",
      ])
  }

  @Test(
    "an image, link or heading that a slip turns into text is warned at its place with the line to write, never in code"
  )
  func slipsIntoText() {
    let markdown = """
      **Ảnh:** ![Hội trường] (anh-1.jpg) và ![Lễ khai mạc](ảnh lễ khai mạc.jpg).

      Xem [cổng dịch vụ công] (https://dichvucong.gov.vn), điều [1] (2024).

      ![Ảnh](C:\\Users\\Lan\\Pictures\\ảnh hội nghị.jpg)

      #Hội nghị tổng kết

      #ChuyenDoiSo #PhuongBenThanh

      #ANTQ

      `![a] (b)`

          #Mã ![a] (b)
      """
    let (html, diagnostics) = MarkdownTests().body(markdown)
    #expect(
      diagnostics == [
        "content/tin-tuc/hoi-nghi/index.md:5:10: warning: an image has no space between ']' and '(', or it shows as text: write ![Hội trường](anh-1.jpg)",
        "content/tin-tuc/hoi-nghi/index.md:5:39: warning: the image's file name has spaces, so the image shows as text: write ![Lễ khai mạc](<ảnh lễ khai mạc.jpg>), or rename the file without spaces",
        "content/tin-tuc/hoi-nghi/index.md:7:5: warning: a link has no space between ']' and '(', or it shows as text: write [cổng dịch vụ công](https://dichvucong.gov.vn)",
        "content/tin-tuc/hoi-nghi/index.md:9:1: warning: the image 'C:\\Users\\Lan\\Pictures\\ảnh hội nghị.jpg' is a file on your own computer, which the site cannot reach: copy it into the article's folder (beside index.md) and write ![…](<ảnh hội nghị.jpg>)",
        "content/tin-tuc/hoi-nghi/index.md:11:1: warning: this line starts with '#' without a space after it, so it shows as plain text: for a heading, write # Hội nghị tổng kết",
      ])
    #expect(html.contains("<p>#ChuyenDoiSo #PhuongBenThanh</p>"))
    // What the warnings suggest is read as an image.
    let fixed = MarkdownTests().body("![Hội trường](anh-1.jpg) ![Tệp](<Ảnh 2.png>)\n")
    #expect(fixed.diagnostics.isEmpty)
    #expect(fixed.html.contains("<img") && fixed.html.contains("%E1%BA%A2nh%202.png"))
  }

  @Test("'**' left as text (bold that did not take) is warned once a line, never in code")
  func boldNotTaken() {
    let bold =
      "this ** makes no bold text and shows as it is: write ** against the words, with no space just inside either pair, as in **Hội nghị tổng kết**"
    let (html, diagnostics) = MarkdownTests().body(
      "Kết quả: **Đậm ** và ** đậm** nữa.\n\nĐúng: **Hội nghị** và `** x **`.\n\n    ** mã **\n\nChữ **nghiêng **.\n")
    #expect(
      diagnostics == [
        // cmark pairs the first ** with the last: the two in the middle are left.
        "content/tin-tuc/hoi-nghi/index.md:5:16: warning: \(bold)",
        "content/tin-tuc/hoi-nghi/index.md:11:5: warning: \(bold)",
      ])
    #expect(html.contains("<strong>Hội nghị</strong>"))
  }

  @Test("an image named in other letter case, or on the editor's computer, is said with the name to write")
  func imageNames() {
    let (_, diagnostics) = MarkdownTests().body(
      "![Hội trường](ANH-1.JPG)\n\n![Tệp](./ảnh 2.PNG)\n\n![Tệp](<./ảnh 2.PNG>)\n\n![Ảnh](file:///home/lan/anh-1.jpg)\n"
    )
    #expect(
      diagnostics == [
        "content/tin-tuc/hoi-nghi/index.md:5:1: error: the image 'ANH-1.JPG' does not exist, but content/tin-tuc/hoi-nghi/anh-1.jpg does, in other letter case: on the server the name must be written as the file's, as in ![…](anh-1.jpg)",
        "content/tin-tuc/hoi-nghi/index.md:7:1: warning: the image's file name has spaces, so the image shows as text: write ![Tệp](<./ảnh 2.PNG>), or rename the file without spaces",
        "content/tin-tuc/hoi-nghi/index.md:9:1: error: the image './ảnh 2.PNG' does not exist, but content/tin-tuc/hoi-nghi/Ảnh 2.png does, in other letter case: on the server the name must be written as the file's, as in ![…](<./Ảnh 2.png>)",
        "content/tin-tuc/hoi-nghi/index.md:11:1: error: the image 'file:///home/lan/anh-1.jpg' is a file on your own computer, which the site cannot reach: copy it into the article's folder (beside index.md) and write ![…](anh-1.jpg)",
      ])
  }

  @Test("<!--more--> ends the summary, as in Hugo, and is not a raw HTML warning")
  func summaryBreak() throws {
    let site = TestSite([
      "content/tin-tuc/a.md": TestSite.article(
        body: "Đoạn một  của bài.\n\n## Tiêu đề\n\nĐoạn hai.\n\n<!--more-->\n\nPhần còn lại không vào tóm tắt.")
    ])
    let result = site.run()
    #expect(result.diagnostics.isEmpty)
    #expect(result.site?.articles.first?.summary == "Đoạn một của bài. Tiêu đề Đoạn hai.")
    #expect(try #require(site.output("tin-tuc/a/index.html")).contains("<!-- raw HTML omitted -->") == false)
  }
}
