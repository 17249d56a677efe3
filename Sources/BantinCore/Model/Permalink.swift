/// The address pattern of a section's articles, as Hugo's `permalinks` setting
/// writes it, so that a site moved to bantin keeps its URLs:
///
/// ```yaml
/// permalinks:
///   tin-tuc: /:year/:month/:day/:slug/
///   thong-bao: /:section/:slug.html
/// ```
///
/// A pattern ends in `/` (the article is `…/index.html`) or in `.html` (the article
/// is that file).
public struct Permalink: Sendable, Hashable {
  public enum Part: Sendable, Hashable {
    case text(String)
    case token(Token)
  }

  public enum Token: String, Sendable, Hashable, CaseIterable {
    case year, month, day
    /// The front matter's `slug`, else the title made a slug (Hugo's reading).
    case slug
    /// The title made a slug.
    case title
    /// The file's name without its extension; a page bundle's folder name.
    case filename
    /// Hugo's newer name for `filename`.
    case contentbasename
    /// The top-level section's folder, made a slug.
    case section
    /// Every folder the article is in, made slugs: `tin-tuc/thong-bao`.
    case sections
  }

  /// What an article gives a pattern.
  public struct Values: Sendable {
    public var date: CivilDateTime
    public var slug: String?
    public var title: String
    public var filename: String
    public var folders: [String]
  }

  public let pattern: String
  public let parts: [Part]

  /// The pattern read, or why it cannot be used.
  public static func parse(_ pattern: String) -> Result<Permalink, PermalinkProblem> {
    guard pattern.hasPrefix("/") else { return .failure(.init(Say.patternStart)) }
    guard pattern.hasSuffix("/") || pattern.hasSuffix(".html") else {
      return .failure(.init(Say.patternEnd))
    }
    var parts: [Part] = []
    var text = ""
    var rest = Substring(pattern)
    while let first = rest.first {
      if first == ":" {
        let name = rest.dropFirst().prefix(while: { $0.isASCII && $0.isLetter })
        guard let token = Token(rawValue: String(name)) else {
          let known = Token.allCases.map { ":" + $0.rawValue }.joined(separator: ", ")
          return .failure(.init(Say.patternUnknownPart(String(name), known: known)))
        }
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(.token(token))
        rest = rest.dropFirst(1 + name.count)
        continue
      }
      guard first.isASCII, first.isLetter && first.isLowercase || first.isNumber || "-_./".contains(first) else {
        return .failure(.init(Say.patternCharacters))
      }
      text.append(first)
      rest = rest.dropFirst()
    }
    if !text.isEmpty { parts.append(.text(text)) }
    let naming: Set<Token> = [.slug, .title, .filename, .contentbasename]
    guard
      parts.contains(where: { if case .token(let token) = $0 { return naming.contains(token) } else { return false } })
    else {
      return .failure(
        .init(Say.patternNoName))
    }
    guard !pattern.contains("//"), !pattern.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else {
      return .failure(.init(Say.patternDots))
    }
    return .success(Permalink(pattern: pattern, parts: parts))
  }

  /// The article's site path: `/2014/01/02/hoi-nghi/`.
  public func path(_ values: Values) -> String {
    var path = ""
    for part in parts {
      switch part {
      case .text(let text): path += text
      case .token(let token):
        switch token {
        case .year: path += pad(values.date.year, 4)
        case .month: path += pad(values.date.month)
        case .day: path += pad(values.date.day)
        case .slug: path += values.slug ?? Slug(from: values.title).rawValue
        case .title: path += Slug(from: values.title).rawValue
        case .filename, .contentbasename: path += Slug(from: values.filename).rawValue
        case .section: path += values.folders.first.map { Slug(from: $0).rawValue } ?? ""
        case .sections: path += values.folders.map { Slug(from: $0).rawValue }.joined(separator: "/")
        }
      }
    }
    // An empty part (no section at the root) leaves no empty folder.
    while let range = path.range(of: "//") { path.replaceSubrange(range, with: "/") }
    return path
  }
}

public struct PermalinkProblem: Error, Sendable {
  /// What is wrong, following "the address pattern '…' of '…'".
  public var said: Message
  init(_ said: Message) { self.said = said }
}

extension SiteConfig {
  /// The pattern for an article in `folders` (under `content/`): the one set for the
  /// longest folder path it is in (`tin-tuc/thong-bao` before `tin-tuc`), if any.
  public func permalink(forFolders folders: [String]) -> Permalink? {
    guard !permalinks.isEmpty else { return nil }
    var count = folders.count
    while count > 0 {
      if let pattern = permalinks[folders.prefix(count).joined(separator: "/")] { return pattern }
      count -= 1
    }
    return nil
  }
}
