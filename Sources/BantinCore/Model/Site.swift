/// A section (chuyên mục): a top-level folder of `content/`, titled by its `_index.md`.
public struct Section: Sendable, Hashable {
  /// The folder's name under `content/`.
  public var folder: String
  public var title: String
  public var description: String?
  /// Orders sections in menus; lower first, then by title.
  public var weight: Int
  /// `/quoc-phong-an-ninh/`
  public var urlPath: String
  /// The `_index.md` that describes it, if there is one.
  public var source: SourcePath?
}

/// A published article: its front matter resolved and its body rendered.
public struct Article: Sendable {
  public var source: SourcePath
  /// The folder name of its section; nil for a page at the root of `content/`.
  public var sectionFolder: String?
  /// `/quoc-phong-an-ninh/hoi-nghi-tong-ket-nam-2023/`
  public var urlPath: String
  public var title: String
  public var description: String?
  /// The description, or the start of the first paragraph.
  public var summary: String
  public var date: Timestamp
  public var lastmod: Timestamp?
  public var author: String?
  public var categories: [String]
  public var tags: [String]
  public var draft: Bool
  /// The photo that stands for the article (front matter `image`, else its first figure).
  public var image: ResolvedImage?
  public var bodyHTML: String
  public var wordCount: Int

  /// Minutes to read at 200 words a minute, at least 1.
  public var readingMinutes: Int { max(1, (wordCount + 199) / 200) }
}

/// Everything that is published, in the order readers see it.
public struct Site: Sendable {
  public var config: SiteConfig
  public var url: SiteURL
  /// Title and description of the home page (`content/_index.md`), else the site's.
  public var homeTitle: String
  public var homeDescription: String
  /// In menu order.
  public var sections: [Section]
  /// Articles in sections, newest first.
  public var articles: [Article]
  /// Pages at the root of `content/` (about, contact): published, never listed.
  public var pages: [Article]

  public func articles(in section: Section) -> [Article] {
    articles.filter { $0.sectionFolder == section.folder }
  }

  public func section(_ folder: String?) -> Section? {
    guard let folder else { return nil }
    return sections.first { $0.folder == folder }
  }
}
