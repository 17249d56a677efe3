import Foundation
import Yams

/// Reads a YAML mapping (front matter, `site.yml`) into typed values, collecting a
/// diagnostic with `path:line:col` for every problem.
///
/// The YAML is composed to a node tree, never to `Any`; anchors and aliases are refused
/// before libyaml sees the text (see `YAMLGuard`).
struct YAMLReader {
  struct Entry {
    var key: String
    var keyLocation: SourceLocation
    var value: Node
  }

  let source: SourceText
  /// Lines of the file before the YAML's first line.
  let lineOffset: Int
  var diagnostics: [Diagnostic] = []
  /// Whether a plain text value cut short by ` #` (a YAML comment) is warned about:
  /// in front matter, where `#1` is more likely a number than a note.
  var warnsCommentInText = false
  /// The YAML last given to `entries(of:)`.
  private var document: Substring = ""

  init(source: SourceText, lineOffset: Int) {
    self.source = source
    self.lineOffset = lineOffset
  }

  func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(source.path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
  }

  func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(source.path, line: line + lineOffset, column: column)
  }

  mutating func error(_ location: SourceLocation, _ message: Message) {
    diagnostics.append(.error(location, message))
  }

  /// The top-level `key: value` pairs of `yaml`, in order; none when it cannot be read.
  mutating func entries(of yaml: Substring) -> [Entry] {
    document = yaml
    if let finding = YAMLGuard.scan(yaml) {
      let at = location(line: finding.line, column: finding.column)
      switch finding.kind {
      case .anchor:
        error(at, Say.yamlAnchor)
      case .alias:
        error(at, Say.yamlAlias)
      }
      return []
    }
    // A line libyaml cannot read is reported, then left out, and the rest read
    // again, so that one push shows every problem of the file (a title with ': '
    // and a date that does not exist), not the first alone. Only top-level
    // `key: value` lines are left out, each once: anything else may change how the
    // lines after it read.
    var text: [String]?  // the lines, once one is left out
    var root: Node?
    var blanked = Set<Int>()
    while true {
      do {
        let document = text?.joined(separator: "\n") ?? String(yaml)
        root = try Yams.compose(yaml: document, Resolver.basic, Constructor.default, .utf8)
        break
      } catch let problem as YamlError {
        // `title:Hội nghị` is text to libyaml, which gives up lines later: said
        // where the space is missing, alone.
        if blanked.isEmpty, reportMissingSpaces(in: yaml) { return [] }
        diagnostics.append(diagnostic(for: problem, yaml: yaml))
        var lines = text ?? yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard YAMLReader.isLineLocal(problem), let line = YAMLReader.line(of: problem),
          (1...lines.count).contains(line),
          !blanked.contains(line),
          let first = lines[line - 1].first, first != " ", first != "-", first != "#", lines[line - 1].contains(":"),
          blanked.count < 20
        else { return [] }
        blanked.insert(line)
        lines[line - 1] = ""
        text = lines
      } catch {
        self.error(location(line: 1, column: 1), Say.yamlUnreadable("\(error)"))
        return []
      }
    }
    guard let root else { return [] }
    guard case .mapping(let mapping) = root else {
      if reportMissingSpaces(in: yaml) { return [] }
      error(location(root.mark), Say.yamlNotLines)
      return []
    }
    var entries: [Entry] = []
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode else {
        error(location(keyNode.mark), Say.yamlKeyNotWord)
        continue
      }
      entries.append(Entry(key: key.string, keyLocation: location(keyNode.mark), value: value))
    }
    return entries
  }

  mutating func warnUnknown(_ entry: Entry, known: [String], in what: Message) {
    let suggestion = known.first(where: { isNear($0, entry.key) })
    diagnostics.append(
      .warning(entry.keyLocation, Say.unknownKey(entry.key, in: what, known: known, suggestion: suggestion)))
  }

  // MARK: - Values

  /// A scalar's text as written; nil (and no error) for an empty value.
  mutating func scalarText(_ node: Node, key: String, expected: Message) -> FrontMatter.Field<String>? {
    guard case .scalar(let scalar) = node else {
      error(location(node.mark), Say.mustBe(key, expected))
      return nil
    }
    let tag = node.tag.rawValue
    guard YAMLReader.knownTags.contains(tag) else {
      error(location(node.mark), Say.yamlTag(key, tag))
      return nil
    }
    if scalar.style == .plain, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
      return nil
    }
    return FrontMatter.Field(value: scalar.string, location: location(node.mark))
  }

  static let knownTags: Set<String> = Set(
    [Tag.Name.str, .int, .float, .bool, .null, .timestamp, .seq, .map, .merge, .value].map(\.rawValue))

  mutating func text(_ node: Node, key: String) -> FrontMatter.Field<String>? {
    guard var field = scalarText(node, key: key, expected: Say.text) else { return nil }
    field.value = field.value.trimmingBlanks(newlines: true)  // a block scalar's last newline too
    if warnsCommentInText, case .scalar(let scalar) = node, scalar.style == .plain, let mark = node.mark {
      warnCommentCut(key: key, kept: field.value, at: mark)
    }
    if field.value.isEmpty { return nil }
    return field
  }

  /// Warns when ` #` on a plain value's first line began a comment that YAML dropped.
  mutating func warnCommentCut(key: String, kept: String, at mark: Mark) {
    guard mark.line >= 1,
      let line = document.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first
    else { return }
    let scalars = Array(line.unicodeScalars)
    guard mark.column >= 1, mark.column <= scalars.count,
      let hash = scalars.indices.dropFirst(mark.column).first(where: {
        scalars[$0] == "#" && (scalars[$0 - 1] == " " || scalars[$0 - 1] == "\t")
      })
    else { return }
    let dropped = String(String.UnicodeScalarView(scalars[hash...])).trimmingBlanks()
    let meant = String(String.UnicodeScalarView(scalars[(mark.column - 1)...])).trimmingBlanks()
    // What the line has before the value: `description:`, or `-` of a list item.
    let before = String(String.UnicodeScalarView(scalars[..<(mark.column - 1)])).trimmingBlanks()
    diagnostics.append(
      .warning(
        location(line: mark.line, column: hash + 1),
        Say.commentCutsText(
          key, kept: kept, dropped: dropped,
          quoted: before.isEmpty ? YAMLText.quoted(meant) : "\(before) \(YAMLText.quoted(meant))")))
  }

  /// Reports each top-level `key:value` line missing the space after ':'; whether any was.
  mutating func reportMissingSpaces(in yaml: Substring) -> Bool {
    var found = false
    for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let first = line.first, first.isASCII, first.isLetter else { continue }
      let key = line.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
      let rest = line.dropFirst(key.count)
      guard rest.first == ":", let after = rest.dropFirst().first, after != " ", after != "\t", after != ":" else {
        continue
      }
      let value = rest.dropFirst().trimmingBlanksAround()
      error(
        location(line: index + 1, column: key.count + 2), Say.spaceAfterColon(String(key), example: "\(key): \(value)"))
      found = true
    }
    return found
  }

  /// Names (categories, tags): texts with each run of spaces as one.
  mutating func names(_ node: Node, key: String) -> [FrontMatter.Field<String>] {
    texts(node, key: key).map { field in
      var name = field
      name.value = field.value.collapsingSpaces()
      return name
    }
  }

  mutating func texts(_ node: Node, key: String) -> [FrontMatter.Field<String>] {
    switch node {
    case .sequence(let sequence):
      return sequence.compactMap { text($0, key: key) }
    case .scalar:
      // `tags: an ninh` is one tag; Hugo reads it so too.
      return text(node, key: key).map { [$0] } ?? []
    default:
      error(location(node.mark), Say.list(key))
      return []
    }
  }

  mutating func timestamp(_ node: Node, key: String, dates: DateParser) -> FrontMatter.Field<Timestamp>? {
    var offset: Int?
    return timestamp(node, key: key, dates: dates, offset: &offset)
  }

  /// The same, with the zone offset written in the value, if any, in `offset`.
  mutating func timestamp(_ node: Node, key: String, dates: DateParser, offset: inout Int?)
    -> FrontMatter.Field<Timestamp>?
  {
    guard let written = scalarText(node, key: key, expected: Say.aDate) else { return nil }
    switch dates.parse(written.value, key: key) {
    case .success(let parsed):
      // A time without a zone is the site's wall-clock time, as editors write it:
      // valid, and said nothing of (the README lists it).
      offset = parsed.offset
      return FrontMatter.Field(value: parsed.timestamp, location: written.location)
    case .failure(let problem):
      error(written.location, problem.said)
      return nil
    }
  }

  mutating func flag(_ node: Node, key: String) -> Bool? {
    guard let written = scalarText(node, key: key, expected: Say.trueOrFalse) else { return nil }
    switch written.value {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default:
      error(written.location, Say.mustBe(key, Say.trueOrFalse, not: written.value))
      return nil
    }
  }

  mutating func integer(_ node: Node, key: String) -> Int? {
    guard let written = scalarText(node, key: key, expected: Say.wholeNumber) else { return nil }
    guard let number = Int(written.value) else {
      error(written.location, Say.mustBe(key, Say.wholeNumber, not: written.value))
      return nil
    }
    return number
  }

  // MARK: - YAML errors

  /// Whether a problem is of its own line alone (a value holding ': '), so that
  /// the lines after it read the same without it; an open bracket or quote is not.
  static func isLineLocal(_ problem: YamlError) -> Bool {
    switch problem {
    case .scanner(_, let text, _, _), .parser(_, let text, _, _), .composer(_, let text, _, _):
      return text.contains("mapping values are not allowed")
    default: return false
    }
  }

  /// The line (of the YAML, 1-based) a parse error is at.
  static func line(of problem: YamlError) -> Int? {
    switch problem {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
    default: return nil
    }
  }

  func diagnostic(for problem: YamlError, yaml: Substring) -> Diagnostic {
    switch problem {
    case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
      .composer(let context, let text, let mark, _):
      if let context, let opened = YAMLReader.neverClosed(context, yaml: yaml) {
        return .error(location(context.mark), opened)
      }
      if let ended = YAMLReader.textAfterQuote(text, at: mark, yaml: yaml) {
        return .error(location(mark), ended)
      }
      if let key = YAMLReader.indentedKey(text, at: mark, yaml: yaml) {
        return .error(location(line: mark.line, column: 1), Say.keyIndented(key))
      }
      return .error(location(mark), explain(text, at: mark, yaml: yaml))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let at = secondOccurrence(of: key, in: yaml).map { location(line: $0, column: 1) } ?? location(context.mark)
      return .error(at, Say.keyTwice(key))
    case .reader(let text, _, _, _):
      return .error(location(line: 1, column: 1), Say.yamlUnreadable("\(text)"))
    default:
      return .error(location(line: 1, column: 1), Say.yamlUnreadable("\(problem)"))
    }
  }

  /// A line of `yaml` (1-based) as Unicode scalars, which libyaml's columns count,
  /// with the key before its first ':' and the value after it.
  private static func keyAndValue(
    line: Int, of yaml: Substring
  ) -> (scalars: [Unicode.Scalar], valueStart: Int, key: String, value: String)? {
    guard line >= 1,
      let text = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first,
      let colon = text.firstIndex(of: ":")
    else { return nil }
    return (
      Array(text.unicodeScalars), text[...colon].unicodeScalars.count,
      text[..<colon].trimmingBlanksAround(), text[text.index(after: colon)...].trimmingBlanksAround()
    )
  }

  /// A quote, '[' or '{' opened at `context` and never closed, said at the place it
  /// opens (libyaml names the place it gave up, often the next line or the end).
  static func neverClosed(_ context: YamlError.Context, yaml: Substring) -> Message? {
    let opening = ["while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping"]
    guard opening.contains(context.text),
      let (scalars, valueStart, key, value) = keyAndValue(line: context.mark.line, of: yaml),
      scalars.indices.contains(context.mark.column - 1), context.mark.column - 1 >= valueStart
    else { return nil }
    let mark = Character(scalars[context.mark.column - 1])
    switch mark {
    case "\"", "'":
      let quote = String(mark)
      let rest = value.hasPrefix(quote) ? String(value.dropFirst()) : value
      return Say.quoteNeverClosed(quote, example: "\(key): \(quote)\(rest)\(quote)")
    case "[", "{":
      let close = mark == "[" ? "]" : "}"
      return Say.bracketNeverClosed(
        String(mark), close: close, closed: "\(key): \(value)\(close)", asText: "\(key): \(YAMLText.quoted(value))")
    default:
      return nil
    }
  }

  /// A quoted value that ends before its line does, because it holds its own quote
  /// (`title: "Phong trào "Toàn dân" năm 2024"`): the other quote mark around it.
  /// The key of a `  key: value` line indented under a line with a value (libyaml
  /// reads it as the value going on, then finds ': ').
  static func indentedKey(_ problem: String, at mark: Mark, yaml: Substring) -> String? {
    guard problem.contains("mapping values are not allowed"),
      let (scalars, valueStart, key, _) = keyAndValue(line: mark.line, of: yaml),
      let first = scalars.first, first == " " || first == "\t",
      mark.column == valueStart, !key.isEmpty,
      key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
    else { return nil }
    return key
  }

  static func textAfterQuote(_ problem: String, at mark: Mark, yaml: Substring) -> Message? {
    guard problem == "did not find expected key",
      let (scalars, _, key, value) = keyAndValue(line: mark.line, of: yaml),
      let quote = value.first, quote == "\"" || quote == "'",
      scalars.indices.contains(mark.column - 2),
      // libyaml points past the blanks after the closing quote.
      let closing = scalars[..<(mark.column - 1)].lastIndex(where: { $0 != " " && $0 != "\t" }),
      Character(scalars[closing]) == quote
    else { return nil }
    // `"…"…"` was meant as one quoted value; `"Toàn dân" phát động` as text that
    // begins with a quotation.
    let inner = value.count > 1 && value.last == quote ? value.dropFirst().dropLast() : Substring(value)
    let example =
      quote == "\""
      ? "\(key): '\(inner.replacingOccurrences(of: "'", with: "''"))'"
      : "\(key): \(YAMLText.quoted(String(inner)))"
    return Say.quoteInsideQuotes(String(quote), other: quote == "\"" ? "'" : "\"", example: example)
  }

  /// libyaml's problem in words an editor can act on.
  func explain(_ problem: String, at mark: Mark, yaml: Substring) -> Message {
    let line =
      yaml.split(separator: "\n", omittingEmptySubsequences: false)
      .dropFirst(mark.line - 1).first ?? ""
    if problem.contains("mapping values are not allowed") {
      let key = line.prefix(while: { $0 != ":" }).trimmingBlanksAround()
      let value = line.drop(while: { $0 != ":" }).dropFirst().trimmingBlanksAround()
      let quoted = "\(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""
      return Say.colonInValue(String(key), quoted: quoted)
    }
    if line.contains("\t"), problem.contains("cannot start any token") || problem.contains("tab") {
      return Say.yamlTab
    }
    if problem.contains("did not find expected key") || problem.contains("block end") {
      return Say.yamlLine(problem)
    }
    return Say.yamlUnreadable(problem)
  }

  /// The line on which `key:` is written for the second time at the top level.
  func secondOccurrence(of key: String, in yaml: Substring) -> Int? {
    var seen = false
    for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard line.hasPrefix(key) else { continue }
      let rest = line.dropFirst(key.count).drop(while: { $0 == " " })
      guard rest.hasPrefix(":") else { continue }
      if seen { return index + 1 }
      seen = true
    }
    return nil
  }
}

/// True when `a` and `b` differ by at most one edit: a letter added, dropped, changed,
/// or two neighbours swapped (`tilte`, `tag`, `dat`).
func isNear(_ a: String, _ b: String) -> Bool {
  editDistance(Array(a.lowercased()), Array(b.lowercased())) <= 1
}

/// Optimal string alignment distance.
func editDistance(_ x: [Character], _ y: [Character]) -> Int {
  if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
  var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
  for i in 0...x.count { table[i][0] = i }
  for j in 0...y.count { table[0][j] = j }
  for i in 1...x.count {
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
      if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
        table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
      }
    }
  }
  return table[x.count][y.count]
}

extension Substring {
  func trimmingBlanksAround() -> String { String(self).trimmingBlanks() }
}
