/// Paths of the site that editors write by hand (aliases), checked so that no value
/// can write outside the output folder or over the site's own files.
public enum SitePath {
  public struct Problem: Error, Equatable {
    public var said: Message
  }

  /// The folder a page's relative addresses and its bundle's files are under:
  /// `/tin-tuc/a/` for `/tin-tuc/a/`, `/2014/01/` for `/2014/01/a.html`.
  public static func folder(of urlPath: String) -> String {
    if urlPath.hasSuffix("/") { return urlPath }
    guard let slash = urlPath.lastIndex(of: "/") else { return "/" }
    return String(urlPath[...slash])
  }

  /// Files at the site's root that bantin writes itself.
  static let reserved: Set<String> = ["index.html", "404.html", "sitemap.xml", "robots.txt", "atom.xml", "rss.xml"]

  /// An alias (`/tin-cu/bai-a/`, `/bai-a.html`) as the site path it redirects from:
  /// a folder path ends with `/`.
  public static func alias(_ text: String) -> Result<String, Problem> {
    guard text.hasPrefix("/"), !text.hasPrefix("//") else {
      return .failure(Problem(said: Say.aliasStart(text)))
    }
    guard let decoded = URLPath.decode(text) else {
      return .failure(Problem(said: Say.aliasEscape(text)))
    }
    for candidate in [text, decoded] {
      if let bad = candidate.unicodeScalars.first(where: {
        $0.properties.generalCategory == .control || "\\?#\" <>".unicodeScalars.contains($0)
      }) {
        let shown = bad.properties.generalCategory == .control ? nil : "'\(bad)'"
        return .failure(Problem(said: Say.aliasCharacter(text, shown)))
      }
      let segments = candidate.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
      let inner = candidate.hasSuffix("/") ? segments.dropLast() : segments[...]
      if inner.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
        return .failure(Problem(said: Say.aliasDots(text)))
      }
      // What is never published by name (`.well-known`, `.git`, backups) is not
      // made by an alias either.
      if let hidden = segments.first(where: { !$0.isEmpty && SourceTree.isIgnored(name: $0) }) {
        return .failure(
          Problem(said: Say.aliasHidden(text, String(hidden))))
      }
    }
    guard decoded.count > 1 else {
      return .failure(Problem(said: Say.aliasHome))
    }
    let first = decoded.dropFirst().prefix(while: { $0 != "/" }).lowercased()
    if reserved.contains(first) || first.hasPrefix("sitemap-") {
      return .failure(Problem(said: Say.aliasReserved(text, first)))
    }
    let lower = decoded.lowercased()
    var path = decoded
    if !(lower.hasSuffix(".html") || lower.hasSuffix(".htm") || path.hasSuffix("/")) { path += "/" }
    return .success(path)
  }
}
