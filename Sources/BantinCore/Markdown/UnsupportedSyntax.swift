import Foundation

/// Syntax that other Markdown tools read and CommonMark does not: Hugo's
/// shortcodes, GitHub's tables, strikethrough and task lists, and footnotes. libcmark
/// publishes each as plain text (or, for a footnote with a definition, as a wrong
/// link), so each is a warning at its place, with what to write instead.
///
/// Fed the text of the parsed tree, so that code (where such syntax is shown on
/// purpose) is never flagged.
struct UnsupportedSyntax {
  /// What of that syntax a body could hold, from one pass over its bytes: most
  /// articles hold none, and are not looked at again.
  struct Hints {
    var braces = false  // `{{`
    var tildes = false  // `~~`
    var caret = false  // `[^`
    var pipe = false  // `|`
    var box = false  // `[ ]`, `[x]`
    /// `<!--`, for the summary break.
    var comment = false

    init(_ body: Substring) {
      var previous: UInt8 = 0
      var beforePrevious: UInt8 = 0
      for byte in body.utf8 {
        switch byte {
        case UInt8(ascii: "{"): if previous == UInt8(ascii: "{") { braces = true }
        case UInt8(ascii: "~"): if previous == UInt8(ascii: "~") { tildes = true }
        case UInt8(ascii: "^"): if previous == UInt8(ascii: "[") { caret = true }
        case UInt8(ascii: "|"): pipe = true
        case UInt8(ascii: "]"):
          if beforePrevious == UInt8(ascii: "["), previous == 0x20 || previous | 0x20 == UInt8(ascii: "x") {
            box = true
          }
        case UInt8(ascii: "-"):
          if previous == UInt8(ascii: "!"), beforePrevious == UInt8(ascii: "<") { comment = true }
        default: break
        }
        beforePrevious = previous
        previous = byte
      }
    }

    /// Whether any syntax this type warns about may be there.
    var any: Bool { braces || tildes || caret || pipe || box }
  }

  let hints: Hints

  init(hints: Hints) { self.hints = hints }

  struct Finding {
    /// Line of the body (1-based) and byte column, as libcmark counts them.
    var line: Int
    var byteColumn: Int
    var message: Message
  }

  private(set) var findings: [Finding] = []
  /// The texts of the lines of the paragraph being read.
  private var lines: [(line: Int, column: Int, text: String)] = []
  private var paragraphStart: (line: Int, column: Int)?
  private var paragraphInItem = false

  mutating func enterParagraph(line: Int, column: Int, inItem: Bool) {
    guard hints.pipe || hints.box else { return }
    lines = []
    paragraphStart = (line, column)
    paragraphInItem = inItem
  }

  mutating func exitParagraph() {
    defer {
      lines = []
      paragraphStart = nil
    }
    guard let start = paragraphStart else { return }
    let texts = lines.map(\.text)
    if texts.count >= 2, texts[0].contains("|"), UnsupportedSyntax.isDelimiterRow(texts[1]) {
      findings.append(
        Finding(
          line: start.line, byteColumn: start.column,
          message: Say.gfmTable))
    }
    if paragraphInItem, let first = texts.first,
      first.hasPrefix("[ ] ") || first.hasPrefix("[x] ") || first.hasPrefix("[X] ")
    {
      findings.append(
        Finding(
          line: start.line, byteColumn: start.column,
          message: Say.taskList))
    }
  }

  /// A text node of the tree (not code), starting at `line`:`column`.
  mutating func text(_ literal: String, line: Int, column: Int) {
    guard hints.any else { return }
    if paragraphStart != nil, hints.pipe || hints.box {
      if let last = lines.last, last.line == line {
        lines[lines.count - 1].text += literal
      } else {
        lines.append((line, column, literal))
      }
    }
    guard hints.braces || hints.tildes || hints.caret else { return }
    let bytes = Array(literal.utf8)
    for offset in hints.braces
      ? UnsupportedSyntax.offsets(of: Array("{{<".utf8), in: bytes)
        + UnsupportedSyntax.offsets(of: Array("{{%".utf8), in: bytes) : []
    {
      let name = String(decoding: bytes[(offset + 3)...].prefix(40), as: UTF8.self)
        .drop(while: { $0 == " " || $0 == "/" }).prefix(while: { $0.isLetter || $0 == "-" || $0 == "_" })
      let tag = "{{\(bytes[offset + 2] == UInt8(ascii: "%") ? "%" : "<") \(name) …}}"
      findings.append(
        Finding(line: line, byteColumn: column + offset, message: Say.hugoShortcode(tag, name: String(name))))
    }
    if hints.tildes, let offset = UnsupportedSyntax.offsets(of: Array("~~".utf8), in: bytes).first {
      findings.append(
        Finding(
          line: line, byteColumn: column + offset,
          message: Say.strikethrough))
    }
    if hints.caret, let offset = UnsupportedSyntax.offsets(of: Array("[^".utf8), in: bytes).first {
      findings.append(footnote(line: line, byteColumn: column + offset))
    }
  }

  /// A link whose text starts with `^`: a footnote reference that met a
  /// definition, which libcmark read as a link.
  mutating func link(text: String, line: Int, column: Int) {
    if hints.caret, text.hasPrefix("^") { findings.append(footnote(line: line, byteColumn: column)) }
  }

  private func footnote(line: Int, byteColumn: Int) -> Finding {
    Finding(
      line: line, byteColumn: byteColumn,
      message: Say.footnote)
  }

  /// Footnote definitions (`[^1]: …`) that libcmark read as link definitions and
  /// left out: found in the lines of the body outside code and HTML blocks.
  mutating func definitions(in body: Substring, skipping skipped: [ClosedRange<Int>]) {
    guard hints.caret else { return }
    var number = 0
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      guard !skipped.contains(where: { $0.contains(number) }) else { continue }
      let indent = line.prefix(while: { $0 == " " }).count
      let rest = line.dropFirst(indent)
      guard indent <= 3, rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]"),
        rest[rest.index(after: close)...].hasPrefix(":")
      else { continue }
      if !findings.contains(where: { $0.line == number }) {
        findings.append(footnote(line: number, byteColumn: indent + 1))
      }
    }
  }

  /// `|---|:--:|`, `--- | ---`: a table's delimiter row.
  static func isDelimiterRow(_ text: String) -> Bool {
    var cells = text.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false)
    if cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeFirst() }
    if cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { cells.removeLast() }
    guard !cells.isEmpty, text.contains("|") || cells.count == 1 else { return false }
    return cells.allSatisfy { cell in
      var body = Substring(cell.trimmingCharacters(in: .whitespaces))
      if body.hasPrefix(":") { body = body.dropFirst() }
      if body.hasSuffix(":") { body = body.dropLast() }
      return !body.isEmpty && body.allSatisfy { $0 == "-" }
    }
  }

  private static func offsets(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
    guard bytes.count >= needle.count else { return [] }
    var found: [Int] = []
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index..<(index + needle.count)].elementsEqual(needle) {
        found.append(index)
        index += needle.count
      } else {
        index += 1
      }
    }
    return found
  }
}
