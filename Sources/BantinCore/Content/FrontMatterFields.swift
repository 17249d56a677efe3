/// What a content file says about itself, decoded from its YAML front matter.
///
/// Every field keeps where its value was written, so later stages (a missing image,
/// a slug that collides) can point at the line.
public struct FrontMatter: Sendable {
  public struct Field<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    package init(value: Value, location: SourceLocation) {
      self.value = value
      self.location = location
    }
  }

  public var title: Field<String>?
  public var date: Field<Timestamp>?
  /// The zone offset written in `date` (`-0400`), in seconds; nil when it named none.
  /// A permalink's `:year/:month/:day` are the date's as written, as Hugo's are.
  public var dateOffset: Int?
  /// When the article was last changed (Hugo: `lastmod`).
  public var lastmod: Field<Timestamp>?
  /// When the article stops being published (Hugo: `expiryDate`).
  public var expiryDate: Field<Timestamp>?
  public var description: Field<String>?
  public var categories: [Field<String>] = []
  public var tags: [Field<String>] = []
  public var author: Field<String>?
  public var draft = false
  public var slug: Field<String>?
  public var image: Field<String>?
  /// Where crops of the image for sharing are centred (`focus: 0.3,0.4`), checked.
  public var focus: Field<Focus>?
  /// Old site paths that redirect to the article.
  public var aliases: [Field<String>] = []
  /// Orders sections (in `_index.md`); lower comes first.
  public var weight: Int?

  public init() {}

  /// Goes through every field and where it was written in the file `path` (see
  /// `FieldVisitor`): the one list of them.
  package mutating func visit<Visitor: FieldVisitor>(_ visitor: inout Visitor, in path: SourcePath) throws {
    let never = Timestamp(secondsSince1970: 0)
    try visitor.visit(&title, blank: "", in: path) { try $0.visit(&$1) }
    try visitor.visit(&date, blank: never, in: path) { try $0.visit(&$1) }
    try visitor.visit(&lastmod, blank: never, in: path) { try $0.visit(&$1) }
    try visitor.visit(&expiryDate, blank: never, in: path) { try $0.visit(&$1) }
    try visitor.visit(&description, blank: "", in: path) { try $0.visit(&$1) }
    try visitor.visit(&categories, in: path)
    try visitor.visit(&tags, in: path)
    try visitor.visit(&author, blank: "", in: path) { try $0.visit(&$1) }
    try visitor.visit(&draft)
    try visitor.visit(&slug, blank: "", in: path) { try $0.visit(&$1) }
    try visitor.visit(&image, blank: "", in: path) { try $0.visit(&$1) }
    try visitor.visit(&focus, blank: .centre, in: path) { try $0.visit(&$1) }
    try visitor.visit(&aliases, in: path)
    try visitor.visit(&weight)
    try visitor.visit(&dateOffset)
  }
}

/// Which front matter a content file must have.
public enum ContentKind: Sendable {
  /// An article: `title` and `date` are required.
  case article
  /// A section's `_index.md` (or the home page's): `title` is required.
  case listing
}
