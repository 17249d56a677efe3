/// A feed of the newest articles of the site, a section or a term.
public struct Feed: Sendable {
  public enum Format: String, Sendable {
    case atom
    case rss

    public var fileName: String { "\(rawValue).xml" }
    public var mediaType: String { self == .atom ? "application/atom+xml" : "application/rss+xml" }
  }

  /// Whose articles it lists.
  public enum Subject: Sendable {
    case site
    case section(Section)
    case term(Term)
  }

  public var format: Format
  public var subject: Subject

  /// Entries in a feed.
  public static let size = 20

  /// The page the feed is of: `/`, `/tin-tuc/`, `/tags/an-ninh/`.
  public var pagePath: String {
    switch subject {
    case .site: return "/"
    case .section(let section): return section.urlPath
    case .term(let term): return term.urlPath
    }
  }

  public var urlPath: String { pagePath + format.fileName }
}

/// The site's files that are not articles or copied files, whose names are taken.
public enum ReservedPath {
  public static let names: Set<String> = [
    "404.html", "sitemap.xml", "robots.txt", "atom.xml", "rss.xml", "index.html", "luu-tru", "page",
    "tags", "categories",
  ]
}
