/// The front matter of a content file and the Markdown body after it.
public struct FrontMatterBlock: Sendable {
  /// YAML between `---` lines, or TOML (Hugo's) between `+++` lines.
  public enum Format: Sendable { case yaml, toml }

  public var format = Format.yaml
  /// The text between the `---` (or `+++`) lines.
  public var yaml: Substring
  /// The line of the file on which the YAML starts (2 when the file opens with `---`).
  public var yamlFirstLine: Int
  /// The Markdown after the closing `---` line.
  public var body: Substring
  /// The line of the file on which the body starts.
  public var bodyFirstLine: Int
}

extension FrontMatter {
  /// Front matter larger than this is refused before it is parsed.
  public static let maximumSize = 64 * 1024

  /// Splits `source` into its front matter and body. Content files must open with a
  /// `---` line and close the front matter with another `---` (or `...`) line.
  public static func split(_ source: SourceText) -> Result<FrontMatterBlock, Diagnostic> {
    let text = source.text[...]
    let start = SourceLocation(source.path, line: 1, column: 1)
    var lines = LineCursor(text)
    // Blank lines before the opening line are allowed, as Hugo allows them.
    var openingLine = 1
    var candidate = lines.next()
    while let line = candidate, line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }),
      !text.allSatisfy(\.isWhitespace)
    {
      candidate = lines.next()
      openingLine += 1
    }
    guard let first = candidate, !text.allSatisfy(\.isWhitespace) else {
      return .failure(
        .error(start, Say.emptyFile))
    }
    let opening = first.trimmingTrailingBlanks()
    let format: FrontMatterBlock.Format = opening == "+++" ? .toml : .yaml
    let opened = SourceLocation(source.path, line: openingLine, column: 1)
    guard opening == "---" || opening == "+++" else {
      return .failure(
        .error(opened, Say.noFrontMatter))
    }
    var lineNumber = openingLine
    while let line = lines.next() {
      lineNumber += 1
      let trimmed = line.trimmingTrailingBlanks()
      guard format == .toml ? trimmed == "+++" : trimmed == "---" || trimmed == "..." else { continue }
      let yaml = text[first.endIndex..<line.startIndex].dropFirst()  // the newline after ---
      guard yaml.utf8.count <= maximumSize else {
        return .failure(
          .error(
            SourceLocation(source.path, line: openingLine + 1, column: 1),
            Say.frontMatterTooLarge(kibibytes: maximumSize / 1024)))
      }
      let body = line.endIndex < text.endIndex ? text[text.index(after: line.endIndex)...] : text[text.endIndex...]
      return .success(
        FrontMatterBlock(
          format: format, yaml: yaml, yamlFirstLine: openingLine + 1, body: body, bodyFirstLine: lineNumber + 1))
    }
    return .failure(
      .error(opened, Say.frontMatterNotClosed(String(opening))))
  }
}

extension FrontMatter {
  /// Extensions of files Hugo reads as content (HTML, AsciiDoc, Pandoc, Org, reStructuredText)
  /// and of plain text: in `content/` such a file that opens with front matter is an
  /// error, since bantin would publish it with its front matter in it.
  public static let otherContentExtensions: Set<String> = [
    "html", "htm", "xhtml", "shtml", "adoc", "asciidoc", "ad", "pandoc", "pdc", "org", "rst", "txt", "mmark",
  ]

  /// The line on which front matter opens (`---` or `+++`, after blank lines and a
  /// byte order mark), or nil when the bytes do not open with front matter.
  public static func openingLine(of bytes: some Collection<UInt8>) -> Int? {
    var line = 1
    var rest = bytes[...]
    if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
    while !rest.isEmpty {
      let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
      let text = rest[..<end].filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
      if !text.isEmpty {
        return text.elementsEqual("---".utf8) || text.elementsEqual("+++".utf8) ? line : nil
      }
      guard end < rest.endIndex else { return nil }
      rest = rest[rest.index(after: end)...]
      line += 1
    }
    return nil
  }

  /// The problem of a file of `content/` that is not Markdown but opens with front matter.
  public static func misplaced(_ path: SourcePath, openingLine line: Int) -> Diagnostic {
    let isHTML = ["html", "htm", "xhtml", "shtml"].contains(path.fileExtension)
    return .error(SourceLocation(path, line: line, column: 1), Say.frontMatterOutsideMarkdown(isHTML: isHTML))
  }
}

/// The lines of a text, one at a time, without their newlines.
struct LineCursor {
  private let text: Substring
  private var position: Substring.Index
  private var finished = false

  init(_ text: Substring) {
    self.text = text
    self.position = text.startIndex
  }

  mutating func next() -> Substring? {
    guard !finished else { return nil }
    let utf8 = text.utf8
    if let newline = utf8[position...].firstIndex(of: UInt8(ascii: "\n")) {
      let line = text[position..<newline]
      position = text.index(after: newline)
      return line
    }
    finished = true
    return text[position...]
  }
}

extension Substring {
  func trimmingTrailingBlanks() -> Substring {
    var slice = self
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return slice
  }
}
