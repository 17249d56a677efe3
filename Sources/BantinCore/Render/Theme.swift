import BantinTheme

/// The templates, stylesheet and static files a build renders with: the site's own
/// `templates/`, and the default theme for every file the site does not have.
public struct Theme: Sendable {
  public var templates: TemplateSet
  /// `style.<fingerprint>.css` and its bytes.
  public var stylesheet: OutputFile
  /// The default theme's `static/` files, published under the site's own.
  public var staticFiles: [(path: String, bytes: [UInt8])]
  /// Names of the templates the site's own `templates/` holds.
  public var siteTemplates: Set<String> = []

  /// The site's file of template `name`; nil for the default theme's.
  public func source(of name: String) -> SourcePath? {
    siteTemplates.contains(name) ? Theme.folder.appending(name + ".mustache") : nil
  }

  /// Templates every site needs, from the site or the default theme.
  /// Everything about the theme that shows in pages, hashed, with bantin's version.
  public var fingerprint: StableHash {
    var hasher = StableHasher()
    hasher.combine(BantinCore.version)
    for (name, text) in templates.texts.sorted(by: { $0.key < $1.key }) {
      hasher.combine(name)
      hasher.combine(text)
    }
    hasher.combine(stylesheet.path.rawValue)
    for file in staticFiles {
      hasher.combine(file.path)
      hasher.combine(file.bytes)
    }
    return hasher.value
  }

  public static let requiredTemplates = [
    "base", "home", "section", "article", "page", "term", "terms", "archive", "archives", "404", "alias",
  ]

  static let folder: SourcePath = "templates"

  /// The theme of `tree`, with `rules` (the colours `site.yml` sets,
  /// `SiteTheme.cssRules`) at the end of the stylesheet.
  public static func load(from tree: SourceTree, rules: String = "") -> (Theme, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var sources: [String: (name: String, origin: String, text: String)] = [:]
    var stylesheet = DefaultTheme.files["style.css"] ?? []
    var siteTemplates = Set<String>()
    for (path, bytes) in DefaultTheme.files where path.hasSuffix(".mustache") {
      let name = String(path.dropLast(".mustache".count))
      sources[name] = (name, "templates/\(path) (default theme)", String(decoding: bytes, as: UTF8.self))
    }
    for file in tree.files(under: folder) {
      guard case .text(let bytes) = file.content, let relative = file.path.relative(to: folder) else { continue }
      switch SourceText.decode(bytes, path: file.path) {
      case .failure(let problem):
        diagnostics.append(problem)
      case .success(let text):
        if relative.hasSuffix(".mustache") {
          let name = String(relative.dropLast(".mustache".count))
          sources[name] = (name, file.path.rawValue, text.text)
          siteTemplates.insert(name)
        } else if relative == "style.css" {
          stylesheet = Array(text.text.utf8)
        }
      }
    }
    let (templates, problems) = TemplateSet.load(sources.values.sorted { $0.name < $1.name })
    diagnostics += problems
    stylesheet += Array(rules.utf8)
    let fingerprint = Fingerprint(stylesheet).hex.prefix(10)
    let staticFiles = DefaultTheme.files.compactMap { path, bytes in
      path.hasPrefix("static/") ? (path: String(path.dropFirst("static/".count)), bytes: bytes) : nil
    }.sorted { $0.path < $1.path }
    var theme = Theme(
      templates: templates,
      stylesheet: OutputFile(path: OutputPath("style.\(fingerprint).css"), content: .bytes(stylesheet)),
      staticFiles: staticFiles)
    theme.siteTemplates = siteTemplates
    return (theme, diagnostics)
  }
}

/// FNV-1a, 64 bits: names files after their content, so browsers may cache them
/// for ever. Not a security hash.
public struct Fingerprint: Sendable, Hashable {
  public var value: UInt64

  public init(_ bytes: some Sequence<UInt8>) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    value = hash
  }

  public var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
