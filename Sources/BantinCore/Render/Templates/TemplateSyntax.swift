/// A compiled Mustache template: text and tags, sections nested, partials and
/// parents referred to by name.
indirect enum TemplateNode: Sendable {
  case text([UInt8])
  case variable(TemplateName, escaped: Bool)
  case section(TemplateName, [TemplateNode], inverted: Bool)
  /// `{{> name}}`; the indentation of a standalone tag indents the partial's lines.
  case partial(String, indentation: [UInt8]?)
  /// `{{< name}}…{{/name}}`: the parent rendered with these blocks replaced.
  case parent(String, overrides: [String: [TemplateNode]], indentation: [UInt8]?)
  /// `{{$ name}}default{{/name}}` in a parent.
  case block(String, defaults: [TemplateNode], indentation: [UInt8]?)
}

/// A name in a tag: `site.title`, `.`, or with a transform, `empty(article.tags)`,
/// `first()` (inside a list: whether this is its first item).
struct TemplateName: Sendable, Hashable {
  /// Dotted parts; empty for `.`.
  var parts: [String]
  /// Outermost last: `a(b(x))` is `[a, b]`.
  var transforms: [String]
  /// Where the tag is, for error messages.
  var line: Int
  var column: Int

  var isDot: Bool { parts.isEmpty }

  var written: String {
    var text = parts.isEmpty ? "." : parts.joined(separator: ".")
    if transforms.isEmpty { return text }
    if parts.isEmpty { text = "" }
    for transform in transforms.reversed() { text = "\(transform)(\(text))" }
    return text
  }

  /// Transforms a template may use, as swift-mustache names them.
  static let valueTransforms: Set<String> = [
    "empty", "count", "first", "last", "reversed", "lowercased", "uppercased", "capitalized",
  ]
  /// Transforms of an item's place in the list being rendered.
  static let sequenceTransforms: Set<String> = ["first", "last", "index", "even", "odd"]
}

/// A template's syntax error, at a 1-based line and column.
struct TemplateSyntaxError: Error, Equatable {
  var line: Int
  var column: Int
  var message: Message
}
