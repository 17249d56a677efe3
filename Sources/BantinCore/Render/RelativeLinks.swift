/// Rewrites a page's links into the site (`/tin-tuc/a/`, or under a base path
/// `/phuong/tin-tuc/a/`) as paths relative to the page, naming `index.html` for
/// folders (`../../tin-tuc/a/index.html`), so that the output folder can be read
/// from disk with no web server (`bantin build --relative-urls`, as Hugo's
/// `relativeURLs` with `uglyURLs`).
///
/// Only attribute values are rewritten: text, titles and captions reach the page
/// escaped (a `"` as `&quot;`), so ` href="` occurs in markup alone.
public enum RelativeLinks {
  /// The attributes that hold one address, and `srcset`, which holds a list.
  static let attributes = [" href=\"", " src=\"", " poster=\""]
  static let sourceSet = " srcset=\""
  /// `<meta http-equiv="refresh" content="0; url=/tin-tuc/a/">` of alias pages.
  static let refresh = " content=\"0; url="

  public static func rewrite(_ html: String, page: OutputPath, basePath: String) -> String {
    let depth = page.rawValue.count(where: { $0 == "/" })
    let up = String(repeating: "../", count: depth)
    var text = html
    for marker in attributes + [refresh] {
      text = rewriteValues(after: marker, in: text) { relative($0, up: up, basePath: basePath) }
    }
    return rewriteValues(after: sourceSet, in: text) { list in
      list.split(separator: ",", omittingEmptySubsequences: false).map { candidate in
        let trimmed = candidate.drop { $0 == " " }
        let address = trimmed.prefix { $0 != " " }
        let leading = candidate.prefix(candidate.count - trimmed.count)
        return leading + relative(String(address), up: up, basePath: basePath) + trimmed.dropFirst(address.count)
      }.joined(separator: ",")
    }
  }

  /// One address as seen from a page `up` folders below the output's root.
  public static func relative(_ address: String, up: String, basePath: String) -> String {
    guard address.hasPrefix(basePath), !address.hasPrefix("//") else { return address }
    var path = Substring(address.dropFirst(basePath.count))
    let end = path.firstIndex { $0 == "?" || $0 == "#" } ?? path.endIndex
    let suffix = path[end...]
    path = path[..<end]
    let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : String(path)
    return up + file + suffix
  }

  /// `text` with the value after each `marker`, up to the closing quote, replaced.
  static func rewriteValues(after marker: String, in text: String, _ change: (String) -> String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 256)
    var rest = Substring(text)
    while let found = rest.range(of: marker) {
      result += rest[..<found.upperBound]
      rest = rest[found.upperBound...]
      guard let close = rest.firstIndex(of: "\"") else { break }
      result += change(String(rest[..<close]))
      rest = rest[close...]
    }
    result += rest
    return result
  }
}
