import Foundation

/// Syntax that other Markdown tools read and CommonMark does not: Hugo's
/// shortcodes, GitHub's tables, strikethrough and task lists, and footnotes. libcmark
/// publishes each as plain text (or, for a footnote with a definition, as a wrong
/// link), so each is a warning at its place, with what to write instead. So are the
/// slips that turn an editor's image, link or heading into text: `![ảnh] (a.jpg)`,
/// `![ảnh](tên có dấu cách.jpg)`, `#Tiêu đề`.
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
    var image = false  // `![`
    var spacedParen = false  // `] (`
    var hash = false  // `#Word` at a line's start, after its indentation
    var stars = false  // `**`
    /// `<!--`, for the summary break.
    var comment = false

    init(_ body: Substring) {
      var previous: UInt8 = 0
      var beforePrevious: UInt8 = 0
      var lineStart = true  // nothing but spaces since the line began
      var hashes = false  // nothing but spaces, then `#`s, since the line began
      for byte in body.utf8 {
        if hashes, byte != UInt8(ascii: "#") {
          if byte != 0x20, byte != 0x0A, byte != 0x09 { hash = true }
          hashes = false
        }
        switch byte {
        case UInt8(ascii: "#"): if lineStart { hashes = true }
        case UInt8(ascii: "["): if previous == UInt8(ascii: "!") { image = true }
        case UInt8(ascii: "("):
          if previous == 0x20, beforePrevious == UInt8(ascii: "]") { spacedParen = true }
        case UInt8(ascii: "{"): if previous == UInt8(ascii: "{") { braces = true }
        case UInt8(ascii: "~"): if previous == UInt8(ascii: "~") { tildes = true }
        case UInt8(ascii: "*"): if previous == UInt8(ascii: "*") { stars = true }
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
        lineStart = byte == 0x0A || (lineStart && byte == 0x20)
        beforePrevious = previous
        previous = byte
      }
    }

    /// Whether any syntax this type warns about may be there.
    var any: Bool { braces || tildes || caret || stars || paragraphs }
    /// Whether the lines of paragraphs are needed, put together from their texts.
    var paragraphs: Bool { pipe || box || image || spacedParen || hash }
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
  /// The line last warned about for `**` left as text.
  private var boldWarnedLine = 0
  /// A line of the paragraph being read: its texts put together, and where each
  /// text starts in it (UTF-8 offset) and in the body (byte column).
  private struct Line {
    var line: Int
    var text = ""
    var pieces: [(offset: Int, column: Int)] = []

    /// The body's byte column of `offset` in `text`.
    func column(at offset: Int) -> Int {
      // The last piece that starts at or before `offset` (pieces are in order).
      var low = 0
      var high = pieces.count
      while low < high {
        let middle = (low + high) / 2
        if pieces[middle].offset <= offset { low = middle + 1 } else { high = middle }
      }
      guard low > 0 else { return pieces.first?.column ?? 1 }
      return pieces[low - 1].column + offset - pieces[low - 1].offset
    }
  }
  private var lines: [Line] = []
  private var paragraphStart: (line: Int, column: Int)?
  private var paragraphInItem = false

  mutating func enterParagraph(line: Int, column: Int, inItem: Bool) {
    guard hints.paragraphs else { return }
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
    if hints.image || hints.spacedParen {
      for line in lines { brokenImagesAndLinks(in: line) }
    }
    if hints.hash, texts.count == 1, let heading = UnsupportedSyntax.headingWithoutSpace(texts[0]) {
      findings.append(Finding(line: start.line, byteColumn: start.column, message: Say.headingWithoutSpace(heading)))
    }
  }

  /// Images and links that libcmark left as text: `![ảnh] (a.jpg)`, `[trang] (https://…)`
  /// and `![ảnh](tên có dấu cách.jpg)`. (A text node is never a working image.)
  private mutating func brokenImagesAndLinks(in line: Line) {
    let text = Array(line.text.utf8)
    var index = 0
    var found = 0
    // Each scan goes on from where the last one stopped, or gives up for the rest of
    // the line: a line of 100,000 brackets is read once, not once each.
    while found < 10, let open = text[index...].firstIndex(of: UInt8(ascii: "[")) {
      guard let close = text[(open + 1)...].firstIndex(of: UInt8(ascii: "]")) else { break }
      index = close + 1
      var paren = close + 1
      while paren < text.count, text[paren] == 0x20 { paren += 1 }
      guard paren < text.count, text[paren] == UInt8(ascii: "(") else { continue }
      guard let end = text[(paren + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
      index = end + 1
      let isImage = open > 0 && text[open - 1] == UInt8(ascii: "!")
      let label = String(decoding: text[(open + 1)..<close], as: UTF8.self)
      let destination = String(decoding: text[(paren + 1)..<end], as: UTF8.self)
      let message: Message
      if paren > close + 1 {
        // A link only when what is in parentheses reads as an address: `[1] (2024)` is text.
        guard isImage || UnsupportedSyntax.looksLikeAddress(destination) else { continue }
        message = Say.spaceBeforeParen(image: isImage, write: "\(isImage ? "!" : "")[\(label)](\(destination))")
      } else if isImage, destination.contains(" "), !destination.hasPrefix("<") {
        message =
          UnsupportedSyntax.computerFileName(destination).map { Say.imageOnComputer(destination, name: $0) }
          ?? Say.imageNameWithSpaces(write: "![\(label)](<\(destination)>)")
      } else {
        continue
      }
      findings.append(
        Finding(line: line.line, byteColumn: line.column(at: isImage ? open - 1 : open), message: message))
      found += 1
    }
  }

  /// The file name of `C:\\Users\\…\\anh.jpg` or `file:///…/anh.jpg`: a file of the
  /// editor's own computer, which no site can show.
  static func computerFileName(_ destination: String) -> String? {
    let scalars = Array(destination.unicodeScalars.prefix(3))
    let drive =
      scalars.count == 3 && scalars[0].properties.isAlphabetic && scalars[0].isASCII && scalars[1] == ":"
      && (scalars[2] == "\\" || scalars[2] == "/")
    guard drive || destination.lowercased().hasPrefix("file:") else { return nil }
    return destination.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)
  }

  /// `https://…`, `/tin-tuc/…`, `./a.md`, `../a/`: what a link's destination looks like.
  static func looksLikeAddress(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return !text.contains(" ")
      && ["https://", "http://", "/", "./", "../", "mailto:", "tel:"].contains(where: { lowered.hasPrefix($0) })
  }

  /// `#Tiêu đề` (one to six `#`, then a word, then more words, and no other `#`):
  /// a heading without its space, published as a paragraph; the heading it meant.
  static func headingWithoutSpace(_ text: String) -> String? {
    let level = text.prefix(while: { $0 == "#" }).count
    let rest = text.dropFirst(level)
    guard (1...6).contains(level), let first = rest.first, first.isLetter || first.isNumber,
      rest.contains(" "), !rest.contains("#"), rest.count <= 120
    else { return nil }
    return String(repeating: "#", count: level) + " " + rest
  }

  /// A text node of the tree (not code), starting at `line`:`column`.
  mutating func text(_ literal: String, line: Int, column: Int) {
    guard hints.any else { return }
    if paragraphStart != nil, hints.paragraphs {
      if lines.last?.line != line { lines.append(Line(line: line)) }
      lines[lines.count - 1].pieces.append((lines[lines.count - 1].text.utf8.count, column))
      lines[lines.count - 1].text += literal
    }
    // `**` left as text: bold that did not take (`**Đậm **`, `** Đậm**`), once a line.
    if hints.stars, boldWarnedLine != line, let offset = literal.utf8.firstRange(of: "**".utf8)?.lowerBound {
      boldWarnedLine = line
      findings.append(
        Finding(
          line: line, byteColumn: column + literal.utf8.distance(from: literal.utf8.startIndex, to: offset),
          message: Say.boldNotTaken))
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
