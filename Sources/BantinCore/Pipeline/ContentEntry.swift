/// A Markdown file of `content/` after its front matter is read: what it is, and
/// where it will be published. Reading one file needs no other file.
@dynamicMemberLookup
package struct ContentEntry: Sendable {
  package enum Role: Int, Sendable, Equatable {
    /// An article in a section.
    case article
    /// A page at the root of `content/`: published, never listed.
    case page
    /// A section's `_index.md`.
    case sectionIndex
    /// `content/_index.md`, the home page's title and description.
    case homeIndex
  }

  /// The Markdown after the front matter, while it is needed (an entry restored
  /// from the build cache has none: its article comes from the cache too).
  package struct Markdown: Sendable {
    package var source: SourceText
    package var body: Substring
    package var firstLine: Int
  }

  /// Slugs that would stand beside pages bantin writes: the not-found page and the
  /// folders of list pages (`/tin-tuc/page/2/`).
  static let reservedSlugs: Set<String> = ["404", "page"]

  package struct Fields: Sendable {
    package var path: SourcePath
    package var markdown: Markdown?
    package var frontMatter: FrontMatter
    package var role: Role
    /// The folders it is in under `content/` (`tin-tuc/trong-phuong`), without a
    /// bundle's own; for an `_index.md`, its section's folder; nil at the root.
    package var sectionFolder: String?
    /// `/quoc-phong-an-ninh/hoi-nghi/`; for a section index, the section's path.
    package var urlPath: String
    /// For `index.md` of a page bundle, the folder whose other files belong to it.
    package var bundle: SourcePath?
    /// Site paths that redirect here, checked.
    package var aliases: [String] = []
    /// Where the Markdown starts in the decoded text (UTF-8 offset) and on which line,
    /// so that an entry from the build cache finds its body again without reading
    /// its front matter.
    package var bodyOffset = 0
    package var bodyFirstLine = 1

    /// Every field but the Markdown itself, in one order (see `FieldVisitor`).
    package mutating func visit<Visitor: FieldVisitor>(_ visitor: inout Visitor) throws {
      try visitor.visit(&path)
      try visitor.visit(&role)
      try visitor.visit(&sectionFolder)
      try visitor.visit(&urlPath)
      try visitor.visit(&bundle, blank: SourcePath("")) { try $0.visit(&$1) }
      try visitor.visit(&aliases)
      try visitor.visit(&bodyOffset)
      try visitor.visit(&bodyFirstLine)
      try frontMatter.visit(&visitor, in: path)
    }
  }

  /// An entry with nothing in it, for a reader to fill field by field.
  package static var blank: ContentEntry {
    ContentEntry(
      path: SourcePath(""), markdown: nil, frontMatter: FrontMatter(), role: .article, sectionFolder: nil,
      urlPath: "", bundle: nil)
  }

  /// Goes through its fields (see `FieldVisitor`): the one list of them.
  package mutating func visit<Visitor: FieldVisitor>(_ visitor: inout Visitor) throws {
    var fields = shared.fields
    try fields.visit(&visitor)
    shared = SharedFields(fields)
  }

  /// Its Markdown again, from the file's bytes, as `read` found it (for an entry
  /// from the build cache, whose front matter need not be read again).
  package func markdownAgain(from bytes: [UInt8]) -> Markdown? {
    guard case .success(let source) = SourceText.decode(bytes, path: shared.fields.path) else { return nil }
    let utf8 = source.text.utf8
    guard shared.fields.bodyOffset <= utf8.count else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: shared.fields.bodyOffset)
    return Markdown(source: source, body: source.text[start...], firstLine: shared.fields.bodyFirstLine)
  }

  /// Shared between copies until one changes: see `SharedFields`.
  private var shared: SharedFields<Fields>

  package init(
    path: SourcePath, markdown: Markdown?, frontMatter: FrontMatter, role: Role, sectionFolder: String?,
    urlPath: String, bundle: SourcePath?, aliases: [String] = []
  ) {
    shared = SharedFields(
      Fields(
        path: path, markdown: markdown, frontMatter: frontMatter, role: role, sectionFolder: sectionFolder,
        urlPath: urlPath, bundle: bundle, aliases: aliases))
  }

  package subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
    get { shared[field] }
    set { shared[field] = newValue }
  }

  package static let contentFolder: SourcePath = "content"

  /// The folders a file is in, under `content/`, as one path (`tin-tuc/trong-phuong`),
  /// without a page bundle's own folder: the section it belongs to is the nearest of
  /// them that is a section, which only the whole site knows (`assembleSite`).
  static func sectionFolder(_ folders: [String], bundle: Bool) -> String? {
    let containing = bundle && folders.count > 1 ? folders.dropLast() : folders[...]
    return containing.isEmpty ? nil : containing.joined(separator: "/")
  }

  /// Reads one Markdown file of `content/`.
  static func read(_ path: SourcePath, bytes: [UInt8], config: SiteConfig, decoder: FrontMatterDecoder)
    -> (ContentEntry?, [Diagnostic])
  {
    guard bytes.count <= config.maxArticleBytes else {
      let limit =
        config.maxArticleBytes >= 1024 * 1024
        ? "\(config.maxArticleBytes / (1024 * 1024)) MiB" : "\(config.maxArticleBytes / 1024) KiB"
      return (
        nil,
        [
          Diagnostic(.error, in: path, Say.articleTooLarge(bytes: bytes.count, limit: limit))
        ]
      )
    }
    let source: SourceText
    switch SourceText.decode(bytes, path: path) {
    case .success(let text): source = text
    case .failure(let diagnostic): return (nil, [diagnostic])
    }
    let block: FrontMatterBlock
    switch FrontMatter.split(source) {
    case .success(let split): block = split
    case .failure(let diagnostic): return (nil, [diagnostic])
    }
    let relative = path.relative(to: contentFolder) ?? path.rawValue
    let components = relative.split(separator: "/").map(String.init)
    let folders = Array(components.dropLast())
    let start = SourceLocation(path, line: 1, column: 1)

    // `_index.markdown` and `index.markdown` are read as their `.md` names are.
    let role: Role
    let name = path.stem
    switch (name, folders.count) {
    case ("_index", 0): role = .homeIndex
    case ("_index", _): role = .sectionIndex
    case ("index", 0):
      return (nil, [.error(start, Say.homeIndexName)])
    case (_, 0): role = .page
    default: role = .article
    }
    var (frontMatter, diagnostics) = decoder.decode(block, in: source, as: role == .article ? .article : .listing)

    var urlFolders = folders.map { Slug(from: $0).rawValue }
    var bundle: SourcePath?
    var fileSlugSource = String(name)
    if name == "index", let folder = folders.last {
      bundle = path.parent
      fileSlugSource = folder
      urlFolders.removeLast()
    }
    if let empty = folders.first(where: { Slug(from: $0).isEmpty }) {
      diagnostics.append(
        .error(start, Say.folderWithoutLetters(empty)))
    }

    var urlPath: String
    switch role {
    case .homeIndex:
      urlPath = "/"
    case .sectionIndex:
      urlPath = "/" + urlFolders.joined(separator: "/") + "/"
    case .article, .page:
      var slug = Slug(from: fileSlugSource)
      if let written = frontMatter.slug {
        if let valid = Slug(validating: written.value) {
          slug = valid
        } else {
          let suggestion = Slug(from: written.value)
          diagnostics.append(
            .error(written.location, Say.badSlug(suggestion: suggestion.isEmpty ? nil : "\(suggestion)")))
          frontMatter.slug = nil
        }
      } else if slug.isEmpty {
        diagnostics.append(
          .error(start, Say.fileWithoutLetters(fileSlugSource)))
      }
      if ContentEntry.reservedSlugs.contains(slug.rawValue) {
        diagnostics.append(
          .error(
            frontMatter.slug?.location ?? start,
            Say.reservedSlug(slug.rawValue, reserved: ContentEntry.reservedSlugs.sorted().joined(separator: ", "))))
      }
      urlPath = "/" + (urlFolders + [slug.rawValue]).joined(separator: "/") + "/"
      let sectionFolders = bundle != nil ? Array(folders.dropLast()) : folders
      if role == .article, let permalink = config.permalink(forFolders: sectionFolders),
        let date = frontMatter.date?.value
      {
        urlPath = permalink.path(
          Permalink.Values(
            date: frontMatter.dateOffset.map { CivilDateTime(date, offset: $0) } ?? config.clock.civil(date),
            slug: frontMatter.slug?.value, title: frontMatter.title?.value ?? "",
            filename: fileSlugSource, folders: sectionFolders))
      }
    }
    if urlPath.contains("//") { urlPath = "/" }
    var aliases: [String] = []
    for alias in frontMatter.aliases {
      switch SitePath.alias(alias.value) {
      case .success(let path): aliases.append(path)
      case .failure(let problem): diagnostics.append(.error(alias.location, problem.said))
      }
    }
    for (taxonomy, names) in [(Taxonomy.categories, frontMatter.categories), (.tags, frontMatter.tags)] {
      for name in names where Slug(from: name.value).isEmpty {
        diagnostics.append(.error(name.location, Say.termWithoutLetters(taxonomy, name.value)))
      }
    }
    // An entry with errors is still made, so that its body is read too and every
    // problem of the file is reported at once; the build publishes nothing.
    var entry = ContentEntry(
      path: path, markdown: Markdown(source: source, body: block.body, firstLine: block.bodyFirstLine),
      frontMatter: frontMatter,
      role: role, sectionFolder: sectionFolder(folders, bundle: bundle != nil), urlPath: urlPath, bundle: bundle,
      aliases: aliases)
    entry.bodyOffset = source.text.utf8.distance(from: source.text.utf8.startIndex, to: block.body.startIndex)
    entry.bodyFirstLine = block.bodyFirstLine
    return (entry, diagnostics)
  }
}
