/// One page of a paginated list: home, a section, a term, a year or a month.
public struct ListPage: Sendable {
  public enum Kind: Sendable {
    case home
    case section(Section)
    case term(Term)
    case year(ArchiveYear)
    case month(ArchiveMonth)
  }

  public var kind: Kind
  /// The list's first page: `/tin-tuc/`; later pages add `page/2/`.
  public var basePath: String
  /// 1-based.
  public var number: Int
  public var total: Int
  /// Indices into `Site.articles` shown on this page.
  public var articles: [Int]

  public var urlPath: String { ListPage.path(basePath, number) }

  static func path(_ basePath: String, _ number: Int) -> String {
    number == 1 ? basePath : basePath + "page/\(number)/"
  }

  /// The pages of a list of `indices`, `size` to a page; one (empty) page when there
  /// are none, never an empty page after the last.
  static func pages(_ kind: Kind, basePath: String, indices: [Int], size: Int) -> [ListPage] {
    let total = max(1, (indices.count + size - 1) / size)
    return (1...total).map { number in
      let start = (number - 1) * size
      let slice = Array(indices[min(start, indices.count)..<min(start + size, indices.count)])
      return ListPage(kind: kind, basePath: basePath, number: number, total: total, articles: slice)
    }
  }
}

/// A feed of the newest articles, of the whole site or of one section.
public struct Feed: Sendable {
  public enum Format: String, Sendable {
    case atom
    case rss

    public var fileName: String { "\(rawValue).xml" }
    public var mediaType: String { self == .atom ? "application/atom+xml" : "application/rss+xml" }
  }

  public var format: Format
  /// nil for the whole site.
  public var section: Section?

  /// Entries in a feed.
  public static let size = 20

  public var urlPath: String { (section?.urlPath ?? "/") + format.fileName }
}

/// One file of the site to render.
public enum Page: Sendable {
  case list(ListPage)
  /// An article, by its index in `Site.articles`.
  case article(Int)
  /// A page at the root of `content/`, by its index in `Site.pages`.
  case page(Int)
  /// The index of a taxonomy's terms: `/tags/`.
  case terms(Taxonomy)
  /// Every year and month: `/luu-tru/`.
  case archives
  case notFound
  /// A redirect from an old path to an article.
  case alias(from: String, to: String)
  case feed(Feed)
  /// `sitemap.xml`, or its numbered parts when it needs more than one file.
  case sitemap(part: Int?)
  case robots

  public static let archivesPath = "/luu-tru/"

  var isHTML: Bool {
    switch self {
    case .feed, .sitemap, .robots: return false
    default: return true
    }
  }

  /// Rendered through a template (all but feeds, sitemaps and robots.txt).
  var isTemplated: Bool { isHTML }

  /// The template that renders it; nil for feeds, sitemaps and robots.txt.
  var templateName: String? {
    switch self {
    case .list(let list):
      switch list.kind {
      case .home: return "home"
      case .section: return "section"
      case .term: return "term"
      case .year, .month: return "archive"
      }
    case .article: return "article"
    case .page: return "page"
    case .terms: return "terms"
    case .archives: return "archives"
    case .notFound: return "404"
    case .alias: return "alias"
    case .feed, .sitemap, .robots: return nil
    }
  }

  var isFeed: Bool { if case .feed = self { return true } else { return false } }
  var isAlias: Bool { if case .alias = self { return true } else { return false } }
  public static let notFoundPath = "/404.html"
}

/// The site's files that are not articles or copied files, whose names are taken.
public enum ReservedPath {
  public static let names: Set<String> = [
    "404.html", "sitemap.xml", "robots.txt", "atom.xml", "rss.xml", "index.html", "luu-tru", "page",
    "tags", "categories",
  ]
}
