/// One page of a paginated list of articles (home, a section, a term, a year or a
/// month): the list's first page is `basePath`, later ones add `page/2/`.
public struct Listing: Sendable {
  public var basePath: String
  /// 1-based.
  public var number: Int
  public var total: Int
  /// Indices into `Site.articles` shown on this page.
  public var articles: [Int]

  public var urlPath: String { Listing.path(basePath, number) }
  /// Its file, made once.
  public let path: OutputPath

  init(basePath: String, number: Int, total: Int, articles: [Int]) {
    self.basePath = basePath
    self.number = number
    self.total = total
    self.articles = articles
    path = OutputPath(urlPath: Listing.path(basePath, number))
  }

  static func path(_ basePath: String, _ number: Int) -> String {
    number == 1 ? basePath : basePath + "page/\(number)/"
  }

  /// The pages of a list of `indices`, `size` to a page; one (empty) page when there
  /// are none, never an empty page after the last.
  static func pages(basePath: String, indices: [Int], size: Int) -> [Listing] {
    let total = max(1, (indices.count + size - 1) / size)
    return (1...total).map { number in
      let start = (number - 1) * size
      let slice = Array(indices[min(start, indices.count)..<min(start + size, indices.count)])
      return Listing(basePath: basePath, number: number, total: total, articles: slice)
    }
  }

  /// Its place and the articles it shows, hashed (the articles by their hashes).
  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine(basePath)
    hasher.combine(number)
    hasher.combine(total)
    renderer.hashArticles(articles, into: &hasher)
  }
}

extension PageRenderer {
  /// The fields every list page's context has: its articles (the first page's first
  /// is the lead) and its pagination, the site with `current` section, and `page`.
  func listContext(_ listing: Listing, current: String?, page: TemplateValue, extra: [String: TemplateValue])
    -> TemplateValue
  {
    var fields = extra
    fields["articles"] = listValue(listing.articles, lead: listing.number == 1)
    fields["pagination"] = paginationValue(listing)
    fields["site"] = siteValue(current: current)
    fields["page"] = page
    return .record(fields)
  }

  /// " – Trang 2" on later pages.
  func pageSuffix(_ listing: Listing) -> String { words.pageSuffix(listing.number) }
}
