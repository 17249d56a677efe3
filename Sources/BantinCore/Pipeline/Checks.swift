/// Checks of the whole site that no one file can make: bundles, one URL per
/// file, one file per place, links to pages the site writes.
extension Pipeline {
  /// A page bundle's folder holds its photos, not other articles.
  static func checkBundles(_ entries: [ContentEntry]) -> [Diagnostic] {
    let bundles = Set(entries.compactMap { $0.bundle?.rawValue[...] })
    guard !bundles.isEmpty else { return [] }
    var diagnostics: [Diagnostic] = []
    for entry in entries {
      // Each folder above the file (above its bundle's, for a bundle's index.md).
      let path = (entry.bundle ?? entry.path).rawValue
      var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
      while let slash = end {
        if bundles.contains(path[..<slash]) {
          diagnostics.append(
            Diagnostic(.error, in: entry.path, Say.insideBundle(String(path[..<slash]))))
          break
        }
        end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
      }
    }
    return diagnostics
  }

  /// Two files must not publish at one URL.
  static func checkURLs(_ entries: [ContentEntry]) -> [Diagnostic] {
    var first: [String: SourcePath] = [:]
    first.reserveCapacity(entries.count)
    var others: [String: [SourcePath]] = [:]
    for entry in entries where entry.role != .homeIndex {
      if let earlier = first[entry.urlPath] {
        others[entry.urlPath, default: [earlier]].append(entry.path)
      } else {
        first[entry.urlPath] = entry.path
      }
    }
    var diagnostics: [Diagnostic] = []
    for (url, paths) in others {
      let sorted = paths.sorted()
      for path in sorted.dropFirst() {
        diagnostics.append(
          Diagnostic(.error, in: path, Say.sameURL(url, as: sorted[0])))
      }
    }
    return diagnostics
  }

  /// No two files may be written at one place, and no file where another needs a
  /// folder; places that differ only in capitals (`/x/` and `/X/`, `Readme.txt`
  /// and `README.txt`) count as one, since a web server or a checkout on Windows or
  /// macOS that does not tell capitals apart would show one of them for both. Each
  /// error is given to a source file of the two, when one has one.
  static func checkOutputs(_ planned: [(path: OutputPath, origin: Message, file: SourcePath?)]) -> [Diagnostic] {
    var first: [String: (path: OutputPath, origin: Message, file: SourcePath?)] = [:]
    first.reserveCapacity(planned.count)
    var diagnostics: [Diagnostic] = []
    for (path, origin, file) in planned {
      let folded = path.rawValue.lowercased()
      if let earlier = first[folded] {
        let message =
          earlier.path == path
          ? Say.writtenTwice(path.rawValue, earlier.origin, origin)
          : Say.differOnlyInCapitals(earlier.path.rawValue, earlier.origin, path.rawValue, origin)
        diagnostics.append(Diagnostic(.error, in: file ?? earlier.file, message))
      } else {
        first[folded] = (path, origin, file)
      }
    }
    for (path, origin, file) in planned {
      var folder = Substring(path.rawValue)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if let earlier = first[folder.lowercased()] {
          let message =
            earlier.path.rawValue == folder
            ? Say.fileAndFolder(String(folder), earlier.origin, origin)
            : Say.fileAndFolderInCapitals(earlier.path.rawValue, earlier.origin, String(folder), origin)
          diagnostics.append(Diagnostic(.error, in: file ?? earlier.file, message))
          break
        }
      }
    }
    return diagnostics
  }

  /// Pages at the root of `content/` (never listed) that no other page's body, no
  /// `_index.md`, no template and no menu link of `site.yml` links to: readers
  /// cannot find them but by address.
  static func checkUnreached(_ site: Site, templates: [String]) -> [Diagnostic] {
    var linked: [String: Set<SourcePath>] = [:]
    for article in site.articles + site.pages {
      for link in article.internalLinks { linked[link.path, default: []].insert(article.source) }
    }
    for link in site.indexLinks { linked[link.path, default: []].insert(link.location.path) }
    for link in site.config.theme.menu where link.url.hasPrefix("/") {
      linked[link.url, default: []].insert(SiteConfig.path)
    }
    var diagnostics: [Diagnostic] = []
    for page in site.pages {
      let path = page.urlPath
      let forms = [path, path.hasSuffix("/") ? path + "index.html" : path, String(path.dropLast())]
      let fromOthers = forms.contains { (linked[$0] ?? []).subtracting([page.source]).isEmpty == false }
      let fromTheme = templates.contains { text in forms.contains { !$0.isEmpty && text.contains("\"\($0)") } }
      guard !fromOthers, !fromTheme else { continue }
      diagnostics.append(
        Diagnostic(.warning, in: page.source, Say.orphanPage(path)))
    }
    return diagnostics
  }

  /// Links from article bodies to pages of the site that are not written.
  static func checkLinks(_ site: Site, outputs: Set<OutputPath>, severity: Diagnostic.Severity) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for links in (site.articles + site.pages).map(\.internalLinks) + [site.indexLinks] {
      for link in links {
        let asFolder = OutputPath(urlPath: link.path.hasSuffix("/") ? link.path : link.path + "/")
        let asFile = OutputPath(String(link.path.drop(while: { $0 == "/" })))
        guard !outputs.contains(asFolder), !outputs.contains(asFile) else { continue }
        // Under a base path, say which page of the site was looked for: `/vi/x/` and
        // `/x/` both publish as `/vi/x/` under `…/vi/`, and both need the page `/x/`.
        let base = site.url.basePath
        let message =
          base == "/"
          ? Say.brokenLink(link.path)
          : Say.brokenLink(site.url.relative(link.path), page: link.path, base: base)
        diagnostics.append(Diagnostic(severity, at: link.location, message))
      }
    }
    return diagnostics
  }
}
