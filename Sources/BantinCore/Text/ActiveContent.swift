/// Files a browser would run as part of the site: an SVG, an HTML or an XML file
/// opened at the site's own address runs its scripts with the site's authority
/// (a hostile editor account could publish a login page that is not the ward's).
/// bantin publishes such a file only when it holds nothing that runs: no script
/// element or event handler, no script address, no frame, object or embedded
/// document, no XML stylesheet or entity. JavaScript files are published only from
/// the theme (`templates/static/`), never from `content/` or `static/`.
///
/// The check reads the file as a browser would for this purpose: numeric and the
/// usual named character references decoded, tabs and newlines (which browsers
/// drop inside addresses) removed, letters lowercased.
public enum ActiveContent {
  /// Extensions of files that are checked.
  public static let markupExtensions: Set<String> = [
    "svg", "html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt",
  ]
  /// Extensions never published from `content/` or `static/`.
  public static let scriptExtensions: Set<String> = ["js", "mjs", "svgz"]

  /// Files larger than this are not read to be checked, and not published.
  public static let maximumCheckedSize = 16 * 1024 * 1024

  /// Whether `path` is a file the loader must read and hand to `check`.
  public static func needsCheck(_ path: SourcePath) -> Bool {
    guard path.isInside("content") || path.isInside("static") else { return false }
    return markupExtensions.contains(path.fileExtension) || scriptExtensions.contains(path.fileExtension)
  }

  /// What in the file would run, or nil when nothing would.
  public static func check(_ bytes: [UInt8], path: SourcePath) -> Diagnostic? {
    if scriptExtensions.contains(path.fileExtension) {
      return Diagnostic(.error, in: path, path.fileExtension == "svgz" ? Say.compressedSVG : Say.scriptInContent)
    }
    // Addresses are read with tabs and newlines dropped (`java\nscript:` runs);
    // attributes with them as spaces (`<svg\nonload=…>` has a handler).
    let (text, origins) = normalized(bytes, whitespace: nil)
    let (spaced, spacedOrigins) = normalized(bytes, whitespace: UInt8(ascii: " "))
    var found: [(at: Int, what: Message)] = []
    if let at = handlerIndex(in: spaced) { found.append((spacedOrigins[at], Say.Active.handlerAttribute)) }
    for pattern in patterns {
      if let at = firstIndex(of: pattern.bytes, in: text) { found.append((origins[at], pattern.what)) }
    }
    guard let first = found.min(by: { $0.at < $1.at }) else { return nil }
    let (line, column) = position(of: first.at, in: bytes)
    return Diagnostic(.error, at: SourceLocation(path, line: line, column: column), Say.activeContent(first.what))
  }

  private struct Pattern {
    var bytes: [UInt8]
    var what: Message
  }

  private static let patterns: [Pattern] = {
    var list: [Pattern] = []
    for (text, what) in [
      ("<script", Say.Active.script), ("javascript:", Say.Active.javascript), ("vbscript:", Say.Active.vbscript),
      ("data:text/html", Say.Active.htmlData), ("data:image/svg", Say.Active.svgData), ("<iframe", Say.Active.frame),
      ("<frame", Say.Active.frame), ("<object", Say.Active.object), ("<embed", Say.Active.object),
      ("<applet", Say.Active.object), ("<foreignobject", Say.Active.foreignObject), ("<handler", Say.Active.handler),
      ("<base", Say.Active.base), ("<?xml-stylesheet", Say.Active.xmlStylesheet), ("<!entity", Say.Active.entity),
      ("<xsl:", Say.Active.xslt), ("<form", Say.Active.form),
    ] {
      list.append(Pattern(bytes: Array(text.utf8), what: what))
    }
    return list
  }()

  /// The first place of `needle` in `text`.
  private static func firstIndex(of needle: [UInt8], in text: [UInt8]) -> Int? {
    guard !needle.isEmpty, text.count >= needle.count else { return nil }
    var index = 0
    let last = text.count - needle.count
    while index <= last {
      if text[index] == needle[0], text[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  /// The first event handler attribute (`onload=`, `onclick =`) inside a tag.
  static func handlerIndex(in text: [UInt8]) -> Int? {
    var inTag = false
    var quote: UInt8 = 0
    var index = 0
    while index < text.count {
      let byte = text[index]
      if quote != 0 {
        if byte == quote { quote = 0 }
      } else if byte == UInt8(ascii: "<") {
        inTag = true
      } else if byte == UInt8(ascii: ">") {
        inTag = false
      } else if inTag, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if inTag, byte == UInt8(ascii: "o"), index + 2 < text.count, text[index + 1] == UInt8(ascii: "n"),
        index > 0, isSpaceOrSlash(text[index - 1])
      {
        var end = index + 2
        while end < text.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(text[end]) { end += 1 }
        while end < text.count, text[end] == UInt8(ascii: " ") { end += 1 }
        if end > index + 2, end < text.count, text[end] == UInt8(ascii: "=") { return index }
      }
      index += 1
    }
    return nil
  }

  private static func isSpaceOrSlash(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") || byte == 0x0C || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }

  /// The file lowercased, references decoded and tabs and newlines dropped (or
  /// made `whitespace`), with the offset in the file each byte came from.
  static func normalized(_ bytes: [UInt8], whitespace: UInt8?) -> (text: [UInt8], origins: [Int]) {
    var text: [UInt8] = []
    var origins: [Int] = []
    text.reserveCapacity(bytes.count)
    origins.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x09 || byte == 0x0A || byte == 0x0D {
        if let whitespace {
          text.append(whitespace)
          origins.append(index)
        }
        index += 1
        continue
      }
      if byte == UInt8(ascii: "&"), let (decoded, length) = reference(at: index, in: bytes) {
        if decoded != 0x09 && decoded != 0x0A && decoded != 0x0D {
          text.append(lowercase(decoded))
          origins.append(index)
        } else if let whitespace {
          text.append(whitespace)
          origins.append(index)
        }
        index += length
        continue
      }
      text.append(lowercase(byte))
      origins.append(index)
      index += 1
    }
    return (text, origins)
  }

  private static func lowercase(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  /// A character reference at `index` that stands for an ASCII byte: `&#106;`,
  /// `&#x6A;` (with or without the `;`, with leading zeros), `&colon;`, `&tab;`,
  /// `&newline;`, `&lpar;`; its byte and length.
  private static func reference(at index: Int, in bytes: [UInt8]) -> (UInt8, Int)? {
    var end = index + 1
    guard end < bytes.count else { return nil }
    if bytes[end] == UInt8(ascii: "#") {
      end += 1
      var hex = false
      if end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "x") {
        hex = true
        end += 1
      }
      var value = 0
      let start = end
      while end < bytes.count, end - start < 12 {
        let byte = bytes[end] | (hex ? 0x20 : 0)
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
          value = value * (hex ? 16 : 10) + Int(bytes[end] - UInt8(ascii: "0"))
        } else if hex, (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) {
          value = value * 16 + Int(byte - UInt8(ascii: "a") + 10)
        } else {
          break
        }
        end += 1
      }
      guard end > start, value < 128 else { return nil }
      if end < bytes.count, bytes[end] == UInt8(ascii: ";") { end += 1 }
      return (UInt8(value), end - index)
    }
    for (name, value) in named {
      let candidate = Array(name.utf8)
      guard index + 1 + candidate.count <= bytes.count else { continue }
      if bytes[(index + 1)..<(index + 1 + candidate.count)].map(lowercase).elementsEqual(candidate) {
        return (value, 1 + candidate.count)
      }
    }
    return nil
  }

  private static let named: [(String, UInt8)] = [
    ("colon;", UInt8(ascii: ":")), ("tab;", 0x09), ("newline;", 0x0A), ("lpar;", UInt8(ascii: "(")),
    ("rpar;", UInt8(ascii: ")")), ("sol;", UInt8(ascii: "/")),
  ]

  /// Line and column (in characters) of a byte offset.
  private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
