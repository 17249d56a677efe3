/// The names templates may look up: every key of every context `PageRenderer`
/// makes, as the README lists them under "Templates". swift-mustache renders an
/// unknown name as nothing, silently; bantin reports it when the templates load.
/// (A test checks that every key the renderer makes is here, and in the README.)
public enum TemplateContext {
  public static let documented: Set<String> = Set([
    "abbreviation", "archive", "article", "articles", "atom", "author", "content", "count", "current",
    "date", "datetime", "description", "expansion", "external", "favicon", "feeds", "footer", "first", "future",
    "glossary", "hasPages",
    "hasSubsections",
    "headTitle", "height", "icons", "image", "index", "isArchive", "isArticle", "isHome", "isNotFound",
    "isPage", "isSection", "isTerm", "isTerms", "isYear", "jsonLD", "label", "language", "large", "last",
    "lastmod", "lastmodDatetime", "locale", "logo", "menu", "months", "name", "newer", "next", "noindex",
    "number", "older", "page", "pages", "parents", "permalink", "png", "previous",
    "publisher", "readingTime", "rss", "script", "search", "sections", "site", "src", "text", "touch",
    "srcset", "stylesheet", "summary", "target", "taxonomy", "term", "terms", "title",
    "total", "type", "updatedDatetime", "url", "webpSrcset", "width", "wordCount", "words",
    "years",
  ])
  // The theme's words (`site.words`), each a name too.
  .union(ThemeWords.table.map(\.key))

  /// Transforms the renderer knows, as in `{{^empty(article.tags)}}`.
  static let transforms: Set<String> = TemplateName.valueTransforms.union(TemplateName.sequenceTransforms)
    .union(["equalzero", "plusone", "minusone", "even", "odd"])

  /// What is wrong with a name a template looks up, or nil.
  static func problem(with name: TemplateName, names: Set<String>?) -> Message? {
    for transform in name.transforms where !transforms.contains(transform) {
      return Say.unknownTransform(transform, known: transforms.sorted().joined(separator: ", "))
    }
    guard let documented = names else { return nil }
    for part in name.parts where !documented.contains(part) {
      return Say.unknownTemplateName(
        part, in: name.parts.count > 1 ? name.written : nil,
        near: documented.sorted().first(where: { isNear($0, part) }))
    }
    return nil
  }
}
