import BantinCore
import BantinIO
import Foundation
import TestSupport
import Testing

/// The news-portal fixture: 30 articles in three sections, four to a page, with
/// tags in Vietnamese order, archives, feeds, a draft, a scheduled and an expired
/// article, aliases, and a title made to break out of HTML, XML and JSON.
@Suite("A whole news portal")
struct PortalTests {
  static let golden = GoldenSite(
    site: Repository.fixtures + "/portal", expected: Repository.fixtures + "/portal/expected")
  static let result = golden.build()

  var files: [String: String] {
    var texts: [String: String] = [:]
    for file in Self.result.files {
      if case .bytes(let bytes) = file.content { texts[file.path.rawValue] = String(decoding: bytes, as: UTF8.self) }
    }
    return texts
  }

  func page(_ path: String) throws -> String { try #require(files[path], "no \(path)") }

  /// The article links of a list page's cards, in order.
  func cards(_ path: String) throws -> [String] {
    try page(path).matches(of: /class="card__title"><a href="([^"]+)"/).map { String($0.output.1) }
  }

  @Test("the portal matches its golden files")
  func goldenFiles() throws {
    #expect(try Self.golden.differences() == [])
  }

  @Test("the build has no problems and says what it left out")
  func summary() {
    #expect(Self.result.diagnostics.isEmpty)
    let summary = Self.result.summary
    #expect(summary.articles == 27)
    #expect(summary.draftsSkipped == 1)
    #expect(summary.futureSkipped == 1)
    #expect(summary.expiredSkipped == 1)
    #expect(summary.sections == 5)  // three at the top, two in Tin tức
    #expect(summary.feeds == 25)  // the site's and five sections' Atom and RSS, and 13 terms' Atom
    #expect(summary.aliases == 2)
    #expect(summary.terms == 13)
    #expect(files["tin-tuc/ban-nhap/index.html"] == nil)
    #expect(files["tin-tuc/hen-gio/index.html"] == nil)
    #expect(files["tin-tuc/het-han/index.html"] == nil)
    #expect(files["tags/nhap/index.html"] == nil)
  }

  @Test("the home page lists newest first, four to a page, with no empty page after the last")
  func homePagination() throws {
    #expect(
      try cards("index.html") == [
        "/quoc-phong-an-ninh/26-2025/", "/tin-tuc/21-2025/", "/tin-tuc/trong-phuong/23-2025/",
        "/quoc-phong-an-ninh/25-2025/",
      ])
    let lists = files.keys.filter { $0 == "index.html" || $0.hasPrefix("page/") }.sorted()
    #expect(
      lists == [
        "index.html", "page/2/index.html", "page/3/index.html", "page/4/index.html", "page/5/index.html",
        "page/6/index.html", "page/7/index.html",
      ])
    #expect(try cards("page/7/index.html").count == 3)  // 27 = 6 × 4 + 3
    #expect(files["page/1/index.html"] == nil)
  }

  @Test("pagination links: none backwards on the first page, none forwards on the last")
  func paginationEdges() throws {
    let first = try page("index.html")
    #expect(!first.contains("rel=\"prev\""))
    #expect(first.contains("<a href=\"/page/2/\" rel=\"next\">Trang sau ›</a>"))
    #expect(first.contains("<a href=\"/page/7/\">Trang cuối (7)</a>"))
    let middle = try page("page/4/index.html")
    #expect(middle.contains("<a href=\"/page/3/\" rel=\"prev\">‹ Trang trước</a>"))
    #expect(middle.contains("<a href=\"/page/5/\" rel=\"next\">Trang sau ›</a>"))
    #expect(middle.contains("<span aria-current=\"page\">4</span>"))
    let last = try page("page/7/index.html")
    #expect(last.contains("<a href=\"/page/6/\" rel=\"prev\">‹ Trang trước</a>"))
    #expect(!last.contains("rel=\"next\""))
    #expect(last.contains("<title>Tin mới nhất – Trang 7 – Cổng thông tin điện tử phường An Hòa</title>"))
    let section = try page("van-hoa-xa-hoi/index.html")
    #expect(section.contains("class=\"pagination\""))
    #expect(files["van-hoa-xa-hoi/page/2/index.html"] != nil)
    #expect(files["van-hoa-xa-hoi/page/3/index.html"] == nil)  // 6 articles
  }

  @Test("tags are listed in Vietnamese order, and Tết and tết are one tag")
  func vietnameseOrder() throws {
    let names = try page("tags/index.html").matches(of: /<li><a href="\/tags\/[^"]+\/">([^<]+)<\/a>/).map {
      String($0.output.1)
    }
    #expect(
      names == [
        "&quot;Dân vận khéo&quot;", "an ninh", "ăn Tết", "âm nhạc", "bầu cử", "Dân vận", "Đảng", "giáo dục", "Tết",
        "y tế",
      ])
    #expect(try page("tags/tet/index.html").contains("<p class=\"page-intro\">8 bài viết</p>"))
    #expect(try cards("tags/tet/index.html").count == 4)
    #expect(files["tags/tet/page/2/index.html"] != nil)
  }

  @Test("archives by year and month, labelled in Vietnamese")
  func archives() throws {
    let month = try page("2024/01/index.html")
    #expect(month.contains("<h1 class=\"page-title\">Tháng 1/2024</h1>"))
    #expect(month.contains("<li><a href=\"/2024/\">Năm 2024</a></li>"))
    #expect(try page("luu-tru/index.html").contains("<li><a href=\"/2025/03/\">Tháng 3/2025</a>"))
    #expect(files["2024/index.html"]?.contains("<h1 class=\"page-title\">Năm 2024</h1>") == true)
  }

  @Test("sections in a section: addresses, breadcrumbs, lists and feeds that hold them, menu of the top ones")
  func nestedSections() throws {
    let article = try page("tin-tuc/thong-bao/22-2025/index.html")
    #expect(
      article.contains(
        """
              <li><a href="/">Trang chủ</a></li>
              <li><a href="/tin-tuc/">Tin tức</a></li>
              <li><a href="/tin-tuc/thong-bao/">Thông báo</a></li>
              <li><span aria-current="page">Tổng kết công tác dân vận năm 2025</span></li>
        """))
    #expect(article.contains("<meta property=\"article:section\" content=\"Thông báo\">"))
    let news = try page("tin-tuc/index.html")
    #expect(
      news.contains(
        """
            <ul>
              <li><a href="/tin-tuc/trong-phuong/">Trong phường</a></li>
              <li><a href="/tin-tuc/thong-bao/">Thông báo</a></li>
            </ul>
        """))
    // The section lists its subsections' articles with its own, newest first.
    #expect(
      try cards("tin-tuc/index.html") == [
        "/tin-tuc/21-2025/", "/tin-tuc/trong-phuong/23-2025/", "/tin-tuc/thong-bao/22-2025/",
        "/tin-tuc/hoi-nghi-dan-van-kheo/",
      ])
    #expect(try cards("tin-tuc/thong-bao/index.html") == ["/tin-tuc/thong-bao/22-2025/"])
    let subsection = try page("tin-tuc/thong-bao/index.html")
    #expect(
      subsection.contains(
        "<li><a href=\"/tin-tuc/\">Tin tức</a></li>\n      <li><span aria-current=\"page\">Thông báo</span></li>"))
    #expect(!subsection.contains("class=\"subsections\""))
    // Feeds: the parent's holds the subsections' articles; each subsection has its own.
    #expect(try page("tin-tuc/atom.xml").contains("https://anhoa.example.vn/tin-tuc/thong-bao/22-2025/"))
    #expect(try page("tin-tuc/thong-bao/atom.xml").components(separatedBy: "<entry>").count == 2)
    // The menu shows the top-level sections only, the parent marked on its subsections'
    // pages, then site.yml's links.
    let menu = subsection.matches(of: /class="nav__link[^"]*" href="([^"]+)"/).map { String($0.output.1) }
    #expect(menu == ["/", "/tin-tuc/", "/quoc-phong-an-ninh/", "/van-hoa-xa-hoi/", "https://dichvucong.gov.vn/"])
    #expect(subsection.contains("<a class=\"nav__link is-active\" href=\"/tin-tuc/\""))
  }

  @Test("the bodies of content/_index.md and a section's _index.md are shown on their first pages")
  func indexBodies() throws {
    #expect(
      try page("index.html").contains(
        "<div class=\"prose page-text\"><p>Cổng thông tin điện tử của <strong>phường An Hòa</strong>: tin tức, thông báo và lịch công tác của phường. Xem <a href=\"/tin-tuc/thong-bao/22-2025/\">thông báo mới</a>.</p>"
      ))
    #expect(try !page("page/2/index.html").contains("page-text"))
    #expect(
      try page("tin-tuc/index.html").contains(
        "<div class=\"prose page-text\"><p>Tin tức về hoạt động của Đảng ủy, <abbr title=\"Hội đồng nhân dân\">HĐND</abbr>, <abbr title=\"Ủy ban nhân dân\">UBND</abbr> phường và các đoàn thể.</p>"
      ))
    #expect(try !page("tin-tuc/page/2/index.html").contains("page-text"))
    #expect(try !page("tin-tuc/trong-phuong/index.html").contains("page-text"))  // an _index.md without a body
  }

  @Test("an article links its section neighbours and five related articles")
  func articleLinks() throws {
    let article = try page("tin-tuc/hoi-nghi-dan-van-kheo/index.html")
    #expect(
      article.contains("<a class=\"neighbours__link neighbours__link--older\" href=\"/tin-tuc/11-2024/\" rel=\"prev\">")
    )
    #expect(
      article.contains("<a class=\"neighbours__link neighbours__link--newer\" href=\"/tin-tuc/21-2025/\" rel=\"next\">")
    )
    let related = article.matches(of: /<li><a href="([^"]+)">[^<]+<\/a> <time/).map { String($0.output.1) }
    #expect(
      related == [
        "/tin-tuc/thong-bao/22-2025/", "/tin-tuc/20-2024/", "/tin-tuc/12-2024/", "/tin-tuc/10-2023/",
        "/tin-tuc/02-2023/",
      ])
    #expect(article.contains("<li class=\"tag\"><a href=\"/tags/dan-van-kheo/\">&quot;Dân vận khéo&quot;</a></li>"))
    #expect(article.contains("<span class=\"article__reading\">1 phút đọc</span>"))
    #expect(
      article.contains(
        "<li><span aria-current=\"page\">Hội nghị &quot;Dân vận khéo&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; tuyên dương</span></li>"
      ))
  }

  @Test("quotes and </script> in a title are escaped in HTML, feeds and JSON-LD")
  func escaping() throws {
    let article = try page("tin-tuc/hoi-nghi-dan-van-kheo/index.html")
    let escaped =
      "Hội nghị &quot;Dân vận khéo&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; tuyên dương"
    #expect(article.contains("<title>\(escaped) – Cổng thông tin điện tử phường An Hòa</title>"))
    #expect(article.contains("<meta property=\"og:title\" content=\"\(escaped)\">"))
    #expect(article.components(separatedBy: "<script").count == 2)  // the JSON-LD block only
    #expect(
      article.contains(
        #""headline":"Hội nghị \"Dân vận khéo\" \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 tuyên dương""#
      ))
    #expect(article.contains(#""author":[{"@type":"Person","name":"Ban Dân vận Đảng ủy"}]"#))
    #expect(
      article.contains("<figcaption>Biểu dương mô hình &quot;Dân vận khéo&quot; &lt;/figcaption&gt;</figcaption>"))
    let atom = try page("atom.xml")
    #expect(
      atom.contains(
        "<title>Hội nghị &quot;Dân vận khéo&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; tuyên dương</title>"
      ))
    let rss = try page("tin-tuc/rss.xml")
    #expect(rss.contains("<title>Hội nghị &quot;Dân vận khéo&quot; &lt;/script&gt;"))
    #expect(rss.contains("<dc:creator>Ban Dân vận Đảng ủy</dc:creator>"))
  }

  @Test("feeds hold the newest twenty, with absolute URLs and +07:00 dates")
  func feeds() throws {
    let atom = try page("atom.xml")
    #expect(atom.components(separatedBy: "<entry>").count - 1 == 20)
    #expect(
      atom.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://anhoa.example.vn/atom.xml\"/>"))
    #expect(atom.contains("<published>2025-03-08T08:22:00+07:00</published>"))
    // Photos in feeds: one image each, its src absolute, without <picture> or srcset.
    #expect(atom.contains("&lt;img src=&quot;https://anhoa.example.vn/images/anh-chung-160.jpg&quot; alt="))
    #expect(!atom.contains("picture&gt;") && !atom.contains("srcset") && !atom.contains("fetchpriority"))
    let section = try page("van-hoa-xa-hoi/atom.xml")
    #expect(section.components(separatedBy: "<entry>").count - 1 == 6)
    #expect(!section.contains("/tin-tuc/"))
    #expect(try page("rss.xml").contains("<pubDate>Sat, 08 Mar 2025 08:22:00 +0700</pubDate>"))
  }

  @Test("sitemap.xml lists first pages only, robots.txt points at it")
  func sitemap() throws {
    let sitemap = try page("sitemap.xml")
    #expect(
      sitemap.contains(
        "<url><loc>https://anhoa.example.vn/tin-tuc/02-2023/</loc><lastmod>2023-01-06T08:02:00+07:00</lastmod></url>"))
    #expect(sitemap.contains("<url><loc>https://anhoa.example.vn/gioi-thieu/</loc></url>"))
    #expect(!sitemap.contains("/page/"))
    #expect(!sitemap.contains("tin-cu"))
    #expect(try page("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://anhoa.example.vn/sitemap.xml\n")
  }

  @Test("aliases redirect to the article, and the 404 page is in Vietnamese")
  func redirects() throws {
    for alias in ["tin-cu/hoi-nghi-dan-van/index.html", "bai-cu.html"] {
      let page = try page(alias)
      #expect(
        page.contains("<link rel=\"canonical\" href=\"https://anhoa.example.vn/tin-tuc/hoi-nghi-dan-van-kheo/\">"))
      #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/tin-tuc/hoi-nghi-dan-van-kheo/\">"))
    }
    let notFound = try page("404.html")
    #expect(notFound.contains("<h1 class=\"page-title\">Không tìm thấy trang</h1>"))
    #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
  }

  @Test("a scheduled article is published with --future, marked as such")
  func future() throws {
    let (tree, _) = SourceTree.load(root: Repository.fixtures + "/portal")
    var build = BuildConfig.withPhotos(now: Self.golden.now, root: Repository.fixtures + "/portal")
    build.includeFuture = true
    let result = Pipeline(build: build).run(tree)
    let page = try #require(result.files.first { $0.path.rawValue == "tin-tuc/hen-gio/index.html" })
    guard case .bytes(let bytes) = page.content else { throw TestFailure("not rendered") }
    #expect(String(decoding: bytes, as: UTF8.self).contains("Hẹn giờ đăng – chưa đến ngày xuất bản"))
    #expect(result.summary.futureSkipped == 0)
  }
}
