/// The words the default theme and bantin's own pages show readers ("Trang chủ",
/// "Bài trước", the date "Thứ Hai, 13/01/2014"), in the site's language: Vietnamese
/// for `vi`, English for every other language (a site in a third language overrides
/// the templates and gets English from bantin's own titles). Templates get them as
/// `site.words`.
public struct ThemeWords: Sendable {
  public enum Language: Sendable { case vietnamese, english }

  public let language: Language

  public init(language tag: String) {
    let primary = tag.prefix(while: { $0 != "-" && $0 != "_" }).lowercased()
    language = primary == "vi" ? .vietnamese : .english
  }

  private func say(_ vietnamese: String, _ english: String) -> String {
    language == .vietnamese ? vietnamese : english
  }

  /// Every word templates get, by key: Vietnamese, English.
  static let table: [(key: String, vietnamese: String, english: String)] = [
    ("home", "Trang chủ", "Home"),
    ("skipToContent", "Bỏ qua, đến nội dung chính", "Skip to the main content"),
    ("breadcrumb", "Vị trí trang", "You are here"),
    ("sectionsMenu", "Chuyên mục", "Sections"),
    ("footerLinks", "Liên kết cuối trang", "Site links"),
    ("archives", "Lưu trữ", "Archives"),
    ("categories", "Danh mục", "Categories"),
    ("tags", "Từ khóa", "Tags"),
    ("draft", "Bản nháp", "Draft"),
    ("draftNotice", "Bản nháp – chưa xuất bản", "Draft – not published"),
    ("scheduledNotice", "Hẹn giờ đăng – chưa đến ngày xuất bản", "Scheduled – not published yet"),
    ("minutesToRead", "phút đọc", "min read"),
    ("updated", "Cập nhật", "Updated"),
    ("sameSection", "Bài cùng chuyên mục", "More in this section"),
    ("previousArticle", "Bài trước", "Previous article"),
    ("nextArticle", "Bài sau", "Next article"),
    ("related", "Tin liên quan", "Related articles"),
    ("subsections", "Chuyên mục con", "Subsections"),
    ("followSection", "Theo dõi chuyên mục", "Follow this section"),
    ("articleCount", "bài viết", "articles"),
    ("noArticles", "Chưa có bài viết nào.", "No articles yet."),
    ("noTerms", "Chưa có mục nào.", "Nothing here yet."),
    ("pagination", "Phân trang", "Pages"),
    ("firstPage", "Trang đầu", "First page"),
    ("previousPage", "Trang trước", "Previous page"),
    ("nextPage", "Trang sau", "Next page"),
    ("lastPage", "Trang cuối", "Last page"),
    ("notFound", "Không tìm thấy trang", "Page not found"),
    (
      "notFoundText", "Trang bạn tìm không có hoặc đã được chuyển đi.",
      "The page you are looking for does not exist or has moved."
    ),
    ("goTo", "Mời bạn về", "Go to the"),
    ("homeLink", "trang chủ", "home page"),
    ("see", "xem", "see the"),
    ("archivesLink", "lưu trữ", "archives"),
    ("orLatest", "hoặc đọc các tin mới nhất:", "or read the latest articles:"),
    ("scheduled", "Hẹn giờ đăng", "Scheduled"),
    ("articlesShort", "bài", "articles"),
    ("moved", "Trang đã chuyển", "This page has moved"),
    ("search", "Tìm kiếm", "Search"),
    ("searchDescription", "Tìm bài viết trên trang, gõ có dấu hay không dấu", "Search the articles of this site"),
    ("searchLabel", "Tìm bài viết", "Search articles"),
    ("searchButton", "Tìm", "Search"),
    (
      "searchHint", "Gõ có dấu hay không dấu đều được; đặt cụm từ trong ngoặc kép để tìm đúng cụm từ đó.",
      "Put words in quotes to find that exact phrase."
    ),
    ("allSections", "Mọi chuyên mục", "All sections"),
    ("allYears", "Mọi năm", "All years"),
    ("section", "Chuyên mục", "Section"),
    ("year", "Năm", "Year"),
    ("moreResults", "Xem thêm kết quả", "More results"),
    (
      "searchNoScript", "Trang tìm kiếm cần JavaScript. Bạn có thể tìm bài theo chuyên mục hoặc trong lưu trữ:",
      "Search needs JavaScript. You can find articles by section or in the archives:"
    ),
    ("resultsFound", "%d kết quả cho “%s”", "%d results for “%s”"),
    ("noResults", "Không tìm thấy bài viết nào cho “%s”.", "No articles found for “%s”."),
    (
      "searchFailed", "Không tải được chỉ mục tìm kiếm: hãy thử lại.",
      "The search index could not be loaded: try again."
    ),
    ("movedTo", "Trang đã chuyển đến", "This page has moved to"),
    ("glossary", "Từ viết tắt", "Abbreviations"),
    ("printSource", "Nguồn", "Source"),
    ("footerAddress", "Địa chỉ", "Address"),
    ("footerPhone", "Điện thoại", "Phone"),
    ("footerEmail", "Thư điện tử", "Email"),
    ("footerResponsible", "Chịu trách nhiệm nội dung", "Responsible for the content"),
    ("opensElsewhere", "mở trang ngoài", "opens another site"),
    (
      "glossaryDescription", "Các từ viết tắt dùng trong bài viết và nghĩa đầy đủ của chúng.",
      "The abbreviations used in the articles and what they stand for."
    ),
  ]

  /// The words as templates get them.
  var values: TemplateValue {
    .record(
      Dictionary(uniqueKeysWithValues: ThemeWords.table.map { ($0.key, .text(say($0.vietnamese, $0.english))) }))
  }

  public subscript(key: String) -> String {
    guard let row = ThemeWords.table.first(where: { $0.key == key }) else { return key }
    return say(row.vietnamese, row.english)
  }

  /// The text of a link to a video on YouTube (Hugo's `youtube` shortcode).
  public var watchVideo: String { say("Xem video trên YouTube", "Watch the video on YouTube") }

  /// `Thứ Sáu, 12/01/2024`; `Friday, 12 January 2024`.
  public func date(_ timestamp: Timestamp, clock: SiteClock) -> String {
    guard language == .english else { return clock.vietnameseDate(timestamp) }
    let c = clock.civil(timestamp)
    return "\(ThemeWords.weekdays[c.weekday]), \(c.day) \(ThemeWords.months[c.month - 1]) \(pad(c.year, 4))"
  }

  /// "Trang 2" after a later page's title: ` – Trang 2`, ` – Page 2`.
  public func pageSuffix(_ number: Int) -> String { number > 1 ? " – \(say("Trang", "Page")) \(number)" : "" }

  public func title(of taxonomy: Taxonomy) -> String {
    switch taxonomy {
    case .categories: return self["categories"]
    case .tags: return self["tags"]
    }
  }

  /// "Năm 2024", "2024".
  public func title(ofYear year: Int) -> String { say("Năm \(year)", "\(year)") }

  /// "Tháng 1/2024", "January 2024".
  public func title(ofMonth month: Int, year: Int) -> String {
    say("Tháng \(month)/\(year)", "\(ThemeWords.months[month - 1]) \(year)")
  }

  /// "Các bài viết về Tết", "Articles about Tết".
  public func articlesAbout(_ name: String) -> String { say("Các bài viết về \(name)", "Articles about \(name)") }

  /// "Các bài viết tháng 1/2024", "Articles of January 2024".
  public func articlesOf(_ period: String) -> String {
    say("Các bài viết \(period.lowercased())", "Articles of \(period)")
  }

  public var archivesDescription: String { say("Các bài viết theo năm và tháng", "Articles by year and month") }

  /// "Danh mục của Phường An Hòa", "Categories of …".
  public func termsDescription(_ taxonomy: Taxonomy, site: String) -> String {
    say("\(title(of: taxonomy)) của \(site)", "\(title(of: taxonomy)) of \(site)")
  }

  static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
}
