/// A section (chuyên mục): a top-level folder of `content/`, or a folder below one
/// that has an `_index.md` (Tin tức › Trong phường), titled by its `_index.md`.
public struct Section: Sendable, Hashable {
  /// The folder's path under `content/`: `tin-tuc`, `tin-tuc/trong-phuong`.
  public var folder: String
  public var title: String
  public var description: String?
  /// Orders sections in menus; lower first, then by title; those without a
  /// weight (`unweighted`) after every weighted one, as in Hugo.
  public var weight: Int

  public static let unweighted = Int.max

  /// The weight `written` in front matter: none, or 0 as Hugo reads it, is `unweighted`.
  static func weight(_ written: Int?) -> Int {
    guard let written, written != 0 else { return unweighted }
    return written
  }
  /// `/quoc-phong-an-ninh/`
  public var urlPath: String
  /// The `_index.md` that describes it, if there is one.
  public var source: SourcePath?
  /// The body of its `_index.md` as HTML, shown on its first page; empty when there is none.
  public var content = ""
  /// The folder of the section it is in; nil for a top-level section.
  public var parent: String?

  /// The top-level folder it is in (its own, for a top-level section).
  public var topFolder: String { Section.topFolder(of: folder) }

  static func topFolder(of folder: String) -> String {
    String(folder.prefix(while: { $0 != "/" }))
  }
}

/// A published article: its front matter resolved and its body rendered.
///
/// Its fields are shared between copies until one copy changes one: an article is
/// passed along every step of the pipeline, and a copy costs one retain.
@dynamicMemberLookup
public struct Article: Sendable {
  public struct Fields: Sendable {
    public var source: SourcePath
    /// The folder of its section (`tin-tuc/trong-phuong`): as read, the folders it is
    /// in; once the site is assembled, the nearest of them that is a section. Nil for
    /// a page at the root of `content/`.
    public var sectionFolder: String?
    /// `/quoc-phong-an-ninh/hoi-nghi-tong-ket-nam-2023/`
    public var urlPath: String
    public var title: String
    public var description: String?
    /// The description, or the start of the first paragraph.
    public var summary: String
    public var date: Timestamp
    /// False for a page whose front matter has no date (its `date` is then meaningless).
    public var dated = true
    public var lastmod: Timestamp?
    public var author: String?
    public var categories: [String]
    public var tags: [String]
    public var draft: Bool
    /// Dated after the build's "now" (published with `--future`).
    public var future = false
    /// The photo that stands for the article (front matter `image`, else its first figure).
    public var image: ResolvedImage?
    /// The crops of `image` that link previews and search engines show, when the
    /// site processes it (`Cover.plan`).
    public var cover: Cover?
    public var body: HTMLBody
    public var wordCount: Int
    /// Site paths the article links to, with where, for the link check.
    public var internalLinks: [InternalLink] = []
    /// Old site paths that redirect to it (front matter `aliases`).
    public var aliases: [String] = []
    /// Every link and image its rendering looked up in the site, with what it found:
    /// while each still finds the same, the rendered article stays right.
    public var lookups: [Lookup] = []
    /// `hashOfShownFields()`, taken once the article is made (and kept in the build
    /// cache), so that a build need not hash every article's body again.
    public var shownHash: StableHash?

    /// Every field but `future` (which each build sets), in one order: a template can
    /// show all but the last three.
    package mutating func visit<Visitor: FieldVisitor>(_ visitor: inout Visitor) throws {
      try visitor.visit(&source)
      try visitor.visit(&sectionFolder)
      try visitor.visit(&urlPath)
      try visitor.visit(&title)
      try visitor.visit(&description)
      try visitor.visit(&summary)
      try visitor.visit(&date)
      try visitor.visit(&dated)
      try visitor.visit(&lastmod)
      try visitor.visit(&author)
      try visitor.visit(&categories)
      try visitor.visit(&tags)
      try visitor.visit(&aliases)
      try visitor.visit(&draft)
      try visitor.visit(&image, blank: ResolvedImage(src: "")) { visitor, image in
        try visitor.visit(&image.src)
        try visitor.visit(&image.width)
        try visitor.visit(&image.height)
        let blankVariant = ImageVariant(url: "", width: 0, height: 0, type: "")
        try visitor.visit(&image.variants, blank: blankVariant) { visitor, variant in
          try visitor.visit(&variant.url)
          try visitor.visit(&variant.width)
          try visitor.visit(&variant.height)
          try visitor.visit(&variant.type)
        }
        try visitor.visit(&image.photo, blank: SourcePath("")) { try $0.visit(&$1) }
      }
      let blankCover = Cover(photo: SourcePath(""), focus: .centre, files: [])
      try visitor.visit(&cover, blank: blankCover) { visitor, cover in
        try visitor.visit(&cover.photo)
        try visitor.visit(&cover.focus)
        try visitor.visit(&cover.files, blank: Cover.File(output: "", width: 0, height: 0)) { visitor, file in
          try visitor.visit(&file.output)
          try visitor.visit(&file.width)
          try visitor.visit(&file.height)
        }
      }
      try visitor.visit(&body)
      try visitor.visit(&wordCount)
      guard visitor.visitsHidden else { return }
      let path = source
      let nowhere = SourceLocation(path, line: 0, column: 0)
      try visitor.visit(&internalLinks, blank: InternalLink(path: "", location: nowhere)) { visitor, link in
        try visitor.visit(&link.path)
        try visitor.visit(&link.location, in: path)
      }
      let blankLookup = Lookup(kind: .link, destination: "", location: nowhere, found: StableHash(high: 0, low: 0))
      try visitor.visit(&lookups, blank: blankLookup) { visitor, lookup in
        try visitor.visit(&lookup.kind)
        try visitor.visit(&lookup.destination)
        try visitor.visit(&lookup.location, in: path)
        try visitor.visit(&lookup.found)
      }
      try visitor.visit(&shownHash, blank: StableHash(high: 0, low: 0)) { visitor, hash in
        try visitor.visit(&hash)
      }
    }
  }

  private var shared: SharedFields<Fields>

  public init(
    source: SourcePath, sectionFolder: String?, urlPath: String, title: String, description: String?,
    summary: String, date: Timestamp, lastmod: Timestamp?, author: String?, categories: [String], tags: [String],
    draft: Bool, image: ResolvedImage?, bodyHTML: String, wordCount: Int, internalLinks: [InternalLink] = [],
    aliases: [String] = []
  ) {
    shared = SharedFields(
      Fields(
        source: source, sectionFolder: sectionFolder, urlPath: urlPath, title: title, description: description,
        summary: summary, date: date, lastmod: lastmod, author: author, categories: categories, tags: tags,
        draft: draft, image: image, body: HTMLBody(bodyHTML), wordCount: wordCount, internalLinks: internalLinks,
        aliases: aliases))
  }

  public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
    get { shared[field] }
    set { shared[field] = newValue }
  }

  /// Every field a template can show but `future` (which each build sets), hashed.
  public func hashOfShownFields() -> StableHash {
    var hasher = ShownFieldsHasher()
    var fields = shared.fields
    do { try fields.visit(&hasher) } catch {}  // (a hasher throws nothing)
    return hasher.hasher.value
  }

  /// An article with nothing in it, for a reader to fill field by field.
  package static var blank: Article {
    Article(
      source: SourcePath(""), sectionFolder: nil, urlPath: "", title: "", description: nil, summary: "",
      date: Timestamp(secondsSince1970: 0), lastmod: nil, author: nil, categories: [], tags: [], draft: false,
      image: nil, bodyHTML: "", wordCount: 0)
  }

  /// Goes through its fields (see `FieldVisitor`): the one list of them.
  package mutating func visit<Visitor: FieldVisitor>(_ visitor: inout Visitor) throws {
    var fields = shared.fields
    try fields.visit(&visitor)
    shared = SharedFields(fields)
  }

  /// The body as HTML.
  public var bodyHTML: String { shared.fields.body.text }

  /// Minutes to read at 200 words a minute, at least 1.
  public var readingMinutes: Int { max(1, (shared.fields.wordCount + 199) / 200) }

  /// When it last changed: `lastmod`, else its date.
  public var updated: Timestamp { max(shared.fields.lastmod ?? shared.fields.date, shared.fields.date) }
}

/// An article's body as HTML: text, or the UTF-8 bytes the build cache holds it
/// as, made text only where a page shows it.
public struct HTMLBody: Sendable {
  private enum Form: Sendable {
    case text(String)
    case utf8(ArraySlice<UInt8>)
  }

  private let form: Form

  public init(_ text: String) { form = .text(text) }

  package init(utf8: ArraySlice<UInt8>) { form = .utf8(utf8) }

  public var text: String {
    switch form {
    case .text(let text): return text
    case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Its UTF-8 bytes, as they are held.
  package func withUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    switch form {
    case .text(var text): return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    case .utf8(let bytes): return bytes.withUnsafeBytes(body)
    }
  }
}

/// A reference an article looked up while it was rendered, and a hash of what it
/// found.
public struct Lookup: Sendable, Hashable {
  public enum Kind: Int, Sendable, Hashable {
    case link, image, figure, frontMatterImage
  }

  public var kind: Kind
  public var destination: String
  public var location: SourceLocation
  public var found: StableHash

  package init(kind: Kind, destination: String, location: SourceLocation, found: StableHash) {
    self.kind = kind
    self.destination = destination
    self.location = location
    self.found = found
  }
}

/// A link from an article body to a path of the site.
public struct InternalLink: Sendable, Hashable {
  /// The site path, without the base path, query or fragment: `/tin-tuc/a/`.
  public var path: String
  public var location: SourceLocation

  package init(path: String, location: SourceLocation) {
    self.path = path
    self.location = location
  }
}

/// A way of grouping articles by their front matter: categories or tags.
public enum Taxonomy: String, Sendable, CaseIterable {
  case categories
  case tags

  /// The index page of its terms: `/categories/`, `/tags/`.
  public var urlPath: String { "/\(rawValue)/" }

}

/// One category or tag, with its articles. Spellings with the same `TermKey`
/// (`Tết`, `tết`, NFC and NFD, `hoà` and `hòa`) are one term, named by its most
/// used spelling; two terms never share a slug (`an`, and `an-2` for `ăn`).
public struct Term: Sendable, Equatable {
  public var taxonomy: Taxonomy
  public var name: String
  public var key: TermKey
  public var slug: String
  /// Every spelling of it that articles use (`Tết`, `tết`).
  public var spellings: [String] = []
  /// Indices into `Site.articles`, newest first.
  public var articles: [Int]

  package init(
    taxonomy: Taxonomy, name: String, key: TermKey, slug: String, spellings: [String] = [], articles: [Int]
  ) {
    self.taxonomy = taxonomy
    self.name = name
    self.key = key
    self.slug = slug
    self.spellings = spellings
    self.articles = articles
  }

  public var urlPath: String { "/\(taxonomy.rawValue)/\(slug)/" }
}

/// Articles of one month: `/2024/01/`, "Tháng 1/2024".
public struct ArchiveMonth: Sendable, Equatable {
  public var year: Int
  public var month: Int
  public var articles: [Int]

  package init(year: Int, month: Int, articles: [Int]) {
    self.year = year
    self.month = month
    self.articles = articles
  }

  public var urlPath: String { "/\(pad(year, 4))/\(pad(month))/" }
}

/// Articles of one year, `/2024/`, with its months, newest first.
public struct ArchiveYear: Sendable, Equatable {
  public var year: Int
  public var articles: [Int]
  public var months: [ArchiveMonth]

  package init(year: Int, articles: [Int], months: [ArchiveMonth]) {
    self.year = year
    self.articles = articles
    self.months = months
  }

  public var urlPath: String { "/\(pad(year, 4))/" }
}

/// An article's neighbours: older and newer in its section, and related articles.
public struct ArticleLinks: Sendable, Equatable {
  public var older: Int?
  public var newer: Int?
  public var related: [Int] = []

  package init(older: Int? = nil, newer: Int? = nil, related: [Int] = []) {
    self.older = older
    self.newer = newer
    self.related = related
  }
}

/// Everything that is published, in the order readers see it.
public struct Site: Sendable {
  public var config: SiteConfig
  /// The logo's emblem and icons, when `theme.logo` is set and they were made.
  public var logo: PublishedLogo?
  public var url: SiteURL
  /// Title and description of the home page (`content/_index.md`), else the site's.
  public var homeTitle: String
  public var homeDescription: String
  /// The body of `content/_index.md` as HTML, shown on the home page; empty when there is none.
  public var homeContent = ""
  /// The links of the bodies of `content/_index.md` and the sections' `_index.md`.
  public var indexLinks: [InternalLink] = []
  /// Every section, each followed by the sections in it, in menu order.
  public var sections: [Section]
  /// Articles in sections, newest first.
  public var articles: [Article]
  /// Pages at the root of `content/` (about, contact): published, never listed.
  public var pages: [Article]
  /// For each article (same index): its neighbours.
  public var links: [ArticleLinks] = []
  /// Terms of each taxonomy, in Vietnamese alphabetical order.
  public var terms: [Taxonomy: [Term]] = [:]
  /// Newest year first.
  public var years: [ArchiveYear] = []
  /// Indices of each section's articles and those of the sections in it, newest first.
  public var sectionArticles: [String: [Int]] = [:]
  /// Page bundles of articles left out (drafts, scheduled, expired): their photos
  /// are not published either.
  public var unpublishedBundles = Set<SourcePath>()

  public func articles(in section: Section) -> [Article] {
    (sectionArticles[section.folder] ?? []).map { articles[$0] }
  }

  public func section(_ folder: String?) -> Section? {
    guard let folder else { return nil }
    return sections.first { $0.folder == folder }
  }

  /// The top-level sections, as the menu shows them.
  public var topSections: [Section] { sections.filter { $0.parent == nil } }

  /// The sections directly in `section`, in menu order.
  public func subsections(of section: Section) -> [Section] {
    sections.filter { $0.parent == section.folder }
  }

  /// The sections `section` is in, outermost first (for breadcrumbs).
  public func parents(of section: Section) -> [Section] {
    var chain: [Section] = []
    var next = section.parent
    while let folder = next, let parent = self.section(folder) {
      chain.insert(parent, at: 0)
      next = parent.parent
    }
    return chain
  }

  /// Each term's slug, by taxonomy and by every spelling of it that articles use
  /// (made from `terms` by `indexTerms()`, so that pages look a name up once).
  public var termSlugs: [Taxonomy: [String: String]] = [:]

  /// Fills `termSlugs` from `terms` and the articles' names.
  mutating func indexTerms() {
    for taxonomy in Taxonomy.allCases {
      var bySpelling: [String: String] = [:]
      for term in terms[taxonomy] ?? [] {
        for spelling in term.spellings { bySpelling[spelling] = term.slug }
      }
      termSlugs[taxonomy] = bySpelling
    }
  }

  /// The slug of a term, for a category or tag as an article writes it.
  public func termSlug(_ taxonomy: Taxonomy, _ name: String) -> String {
    termSlugs[taxonomy]?[name] ?? Slug(from: name).rawValue
  }

  /// The site path of a term page, for an article's category or tag as written.
  public func termPath(_ taxonomy: Taxonomy, _ name: String) -> String {
    "/\(taxonomy.rawValue)/\(termSlug(taxonomy, name))/"
  }
}
