import Foundation

/// The first text of an article that `bantin new` creates: front matter filled in,
/// marked as a draft, and an empty body.
public struct NewArticle: Sendable {
  public var title: String
  public var slug: Slug
  public var date: Timestamp

  /// Nil when the title has no letters or digits to make a URL from.
  public init?(title: String, date: Timestamp) {
    let title = title.precomposedStringWithCanonicalMapping.trimmingBlanks()
    let slug = Slug(from: title)
    guard !slug.isEmpty else { return nil }
    self.title = title
    self.slug = slug
    self.date = date
  }

  /// Where it goes: `content/<section>/<slug>/index.md`, a page bundle for its photos.
  public func path(in section: String) -> SourcePath {
    SourcePath("content/\(section)/\(slug.rawValue)/index.md")
  }

  public func text(clock: SiteClock) -> String {
    """
    ---
    title: \(YAMLText.quoted(title))
    date: \(clock.iso8601(date))
    slug: \(slug.rawValue)
    description: ""
    author: ""
    categories: []
    tags: []
    draft: true
    ---


    """
  }
}
