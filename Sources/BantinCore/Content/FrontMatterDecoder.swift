import Yams

/// Decodes front matter YAML into `FrontMatter`, reporting every problem at its
/// `path:line:col` in the content file.
///
/// Scalars are read as the text that was written, so `title: no` is the word "no" and
/// `slug: 084` keeps its zero. Dates are parsed strictly by `DateParser`.
public struct FrontMatterDecoder: Sendable {
  public let dates: DateParser

  public init(clock: SiteClock) { self.dates = DateParser(clock: clock) }

  static let knownKeys: [String] = [
    "title", "date", "lastmod", "expiryDate", "description", "categories", "tags", "author",
    "draft", "slug", "image", "focus", "aliases", "weight",
  ]

  /// Each known key by its lowercased spelling.
  static let canonicalKeys = Dictionary(uniqueKeysWithValues: knownKeys.map { ($0.lowercased(), $0) })

  public func decode(_ block: FrontMatterBlock, in source: SourceText, as kind: ContentKind)
    -> (FrontMatter, [Diagnostic])
  {
    var yaml = YAMLReader(source: source, lineOffset: block.yamlFirstLine - 1)
    yaml.warnsCommentInText = true
    var frontMatter = FrontMatter()
    var text = block.yaml
    if block.format == .toml {
      switch TOMLFrontMatter.yaml(from: block.yaml, firstLine: block.yamlFirstLine, in: source) {
      case .success(let converted): text = Substring(converted)
      case .failure(let problem): return (frontMatter, [problem])
      }
    }
    // Keys are read whatever their case, as Hugo reads them (`Title:`,
    // `expirydate:`); one key written twice in two casings is an error.
    var seen: [String: String] = [:]
    for var entry in yaml.entries(of: text) {
      let folded = entry.key.lowercased()
      if let earlier = seen[folded] {
        yaml.error(entry.keyLocation, Say.keyTwice(entry.key, earlier: earlier))
        continue
      }
      seen[folded] = entry.key
      entry.key = FrontMatterDecoder.canonicalKeys[folded] ?? entry.key
      read(entry, into: &frontMatter, with: &yaml)
    }
    var diagnostics = yaml.diagnostics
    if !diagnostics.hasErrors {
      let start = SourceLocation(source.path, line: 1, column: 1)
      if frontMatter.title == nil {
        diagnostics.append(.error(start, Say.noTitle))
      }
      if kind == .article, frontMatter.date == nil {
        diagnostics.append(.error(start, Say.noDate))
      }
    }
    return (frontMatter, diagnostics)
  }

  private func read(_ entry: YAMLReader.Entry, into frontMatter: inout FrontMatter, with yaml: inout YAMLReader) {
    let (key, value) = (entry.key, entry.value)
    switch key {
    case "title": frontMatter.title = yaml.text(value, key: key)
    case "description": frontMatter.description = yaml.text(value, key: key)
    case "author": frontMatter.author = yaml.text(value, key: key)
    case "slug":
      frontMatter.slug = yaml.text(value, key: key)
      if frontMatter.slug == nil, case .scalar = value {
        yaml.error(yaml.location(value.mark), Say.emptySlug)
      }
    case "image": frontMatter.image = yaml.text(value, key: key)
    case "focus":
      guard let field = yaml.text(value, key: key) else { break }
      if let focus = Focus(field.value) {
        frontMatter.focus = FrontMatter.Field(value: focus, location: field.location)
      } else {
        yaml.error(field.location, Say.badFocus)
      }
    case "date": frontMatter.date = yaml.timestamp(value, key: key, dates: dates, offset: &frontMatter.dateOffset)
    case "lastmod": frontMatter.lastmod = yaml.timestamp(value, key: key, dates: dates)
    case "expiryDate": frontMatter.expiryDate = yaml.timestamp(value, key: key, dates: dates)
    case "categories": frontMatter.categories = yaml.names(value, key: key)
    case "tags": frontMatter.tags = yaml.names(value, key: key)
    case "aliases": frontMatter.aliases = yaml.texts(value, key: key)
    case "draft": frontMatter.draft = yaml.flag(value, key: key) ?? false
    case "weight": frontMatter.weight = yaml.integer(value, key: key)
    default: yaml.warnUnknown(entry, known: FrontMatterDecoder.knownKeys, in: Say.frontMatter)
    }
  }
}
