/// Parses Mustache text into `TemplateNode`s. Follows the Mustache spec, with
/// swift-mustache's extensions (inheritance, transforms): a tag alone on its line
/// ("standalone") takes its line with it, and a standalone partial indents its
/// lines as the tag is indented.
struct TemplateParser {
  private let bytes: [UInt8]
  private var index = 0
  private var open: [UInt8] = Array("{{".utf8)
  private var close: [UInt8] = Array("}}".utf8)

  init(_ text: String) { bytes = Array(text.utf8) }

  static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
    var parser = TemplateParser(text)
    let (nodes, _) = try parser.parseNodes(in: Scope(closing: nil, newLine: true, mode: .normal, definitionIndent: nil))
    return nodes
  }

  /// Where a run of nodes ends, and how its lines are read.
  struct Scope {
    enum Mode { case normal, parentTop, definition }
    var closing: String?
    var newLine: Bool
    var mode: Mode
    /// Inside a parent's block override: the indentation of its first line, taken
    /// off the lines after it.
    var definitionIndent: Int?
    /// The tag that opened it (`{{#articles}}`) and where it starts: a section not
    /// closed is reported there, where the editor has to look.
    var opener = ""
    var openedAt = 0

    /// The scope of a section or block opened in this one by `opener` at `openedAt`.
    func nested(closing: String, newLine: Bool, definitionIndent: Int?, opener: String, at openedAt: Int) -> Scope {
      Scope(
        closing: closing, newLine: newLine, mode: mode == .definition ? .definition : .normal,
        definitionIndent: definitionIndent, opener: opener, openedAt: openedAt)
    }
  }

  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  private var atEnd: Bool { index >= bytes.count }

  /// The 1-based line and column of a byte offset.
  private func position(_ offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == TemplateParser.newline {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private func failure(_ message: Message, at offset: Int) -> TemplateSyntaxError {
    let (line, column) = position(offset)
    return TemplateSyntaxError(line: line, column: column, message: message)
  }

  private func starts(with sequence: [UInt8], at offset: Int) -> Bool {
    offset + sequence.count <= bytes.count && bytes[offset..<(offset + sequence.count)].elementsEqual(sequence)
  }

  /// Reads nodes until the scope's closing tag (whose standalone-ness is returned) or the end.
  private mutating func parseNodes(in scope: Scope) throws(TemplateSyntaxError) -> ([TemplateNode], Bool) {
    var nodes: [TemplateNode] = []
    var newLine = scope.newLine
    var indent: [UInt8] = []
    var definitionIndent = scope.definitionIndent

    func flushIndent(_ nodes: inout [TemplateNode], _ indent: inout [UInt8]) {
      if !indent.isEmpty { nodes.append(.text(indent)) }
      indent = []
    }

    while !atEnd {
      if newLine {
        let start = index
        while !atEnd, bytes[index] == TemplateParser.space || bytes[index] == TemplateParser.tab { index += 1 }
        var whitespace = Array(bytes[start..<index])
        if scope.mode == .definition {
          if let definitionIndent {
            whitespace = Array(whitespace.dropFirst(definitionIndent))
          } else {
            definitionIndent = whitespace.count
          }
        }
        indent = whitespace
      }
      // Text up to a tag or the end of the line.
      let textStart = index
      var foundTag = false
      while !atEnd {
        if bytes[index] == TemplateParser.newline { break }
        if bytes[index] == TemplateParser.carriageReturn, index + 1 < bytes.count,
          bytes[index + 1] == TemplateParser.newline
        {
          break
        }
        if starts(with: open, at: index) {
          foundTag = true
          break
        }
        index += 1
      }
      let text = Array(bytes[textStart..<index])
      if !foundTag && !atEnd {
        // A newline: the line, with its indentation, is text.
        let length = bytes[index] == TemplateParser.carriageReturn ? 2 : 1
        let lineText = indent + text + Array(bytes[index..<(index + length)])
        index += length
        appendText(lineText, to: &nodes, scope: scope)
        indent = []
        newLine = true
        continue
      }
      if !text.isEmpty {
        appendText(indent + text, to: &nodes, scope: scope)
        indent = []
        newLine = false
      }
      if atEnd { break }

      let tagStart = index
      index += open.count
      guard !atEnd else {
        throw failure(Say.tagNotClosed(String(decoding: close, as: UTF8.self)), at: tagStart)
      }
      let sigil = bytes[index]
      var standalone = false
      switch sigil {
      case UInt8(ascii: "#"), UInt8(ascii: "^"):
        index += 1
        let name = try readName(tagStart: tagStart)
        standalone = newLine && finishesLine()
        if !standalone { flushIndent(&nodes, &indent) } else { indent = [] }
        let (children, _) = try parseNodes(
          in: scope.nested(
            closing: name.written, newLine: standalone, definitionIndent: definitionIndent,
            opener: "{{\(Character(Unicode.Scalar(sigil)))\(name.written)}}", at: tagStart))
        nodes.append(.section(name, children, inverted: sigil == UInt8(ascii: "^")))
        newLine = standalone  // as swift-mustache: the opening tag decides
        continue

      case UInt8(ascii: "/"):
        index += 1
        let nameStart = index
        let name = try readName(tagStart: tagStart)
        guard let closing = scope.closing else {
          throw failure(Say.closesUnopened(name.written), at: nameStart)
        }
        guard name.written == closing else {
          let at = position(tagStart)
          throw failure(
            Say.sectionClosedLater(scope.opener, closing, name.written, line: at.line), at: scope.openedAt)
        }
        standalone = newLine && finishesLine()
        if !standalone { flushIndent(&nodes, &indent) }
        return (nodes, standalone)

      case UInt8(ascii: "!"):
        guard let end = find(close, from: index) else {
          throw failure(Say.commentNotClosed(String(decoding: close, as: UTF8.self)), at: tagStart)
        }
        index = end + close.count
        standalone = newLine && finishesLine()
        if !standalone { flushIndent(&nodes, &indent) } else { indent = [] }

      case UInt8(ascii: "{"):
        flushIndent(&nodes, &indent)
        index += 1
        let name = try readName(tagStart: tagStart, closing: [UInt8(ascii: "}")] + close)
        nodes.append(.variable(name, escaped: false))

      case UInt8(ascii: "&"):
        flushIndent(&nodes, &indent)
        index += 1
        nodes.append(.variable(try readName(tagStart: tagStart), escaped: false))

      case UInt8(ascii: ">"):
        index += 1
        let partial = try readPartialName(tagStart: tagStart)
        let indentation = indent
        flushIndent(&nodes, &indent)
        standalone = newLine && finishesLine()
        nodes.append(.partial(partial, indentation: standalone ? indentation : nil))

      case UInt8(ascii: "<"):
        index += 1
        let parent = try readPartialName(tagStart: tagStart)
        let indentation = indent
        flushIndent(&nodes, &indent)
        standalone = newLine && finishesLine()
        let (children, _) = try parseNodes(
          in: Scope(closing: parent, newLine: true, mode: .parentTop, opener: "{{<\(parent)}}", openedAt: tagStart))
        var overrides: [String: [TemplateNode]] = [:]
        for child in children {
          switch child {
          case .block(let name, let defaults, _): overrides[name] = defaults
          case .text(let text)
          where text.allSatisfy({
            $0 == TemplateParser.space || $0 == TemplateParser.tab || $0 == TemplateParser.newline
              || $0 == TemplateParser.carriageReturn
          }):
            continue
          default:
            throw failure(Say.onlyBlocksInside(parent), at: tagStart)
          }
        }
        nodes.append(.parent(parent, overrides: overrides, indentation: indentation))
        newLine = standalone
        continue

      case UInt8(ascii: "$"):
        index += 1
        let name = try readName(tagStart: tagStart)
        guard name.transforms.isEmpty, !name.isDot else { throw failure(Say.blockNeedsName, at: tagStart) }
        let blockName = name.parts.joined(separator: ".")
        if scope.mode == .parentTop {
          standalone = newLine && finishesLine()
          indent = []
          let (children, _) = try parseNodes(
            in: Scope(
              closing: blockName, newLine: standalone, mode: .definition, definitionIndent: nil,
              opener: "{{$\(blockName)}}", openedAt: tagStart))
          nodes.append(.block(blockName, defaults: children, indentation: nil))
          newLine = standalone
        } else {
          let indentation = indent
          flushIndent(&nodes, &indent)
          standalone = newLine && finishesLine()
          let (children, _) = try parseNodes(
            in: scope.nested(
              closing: blockName, newLine: standalone, definitionIndent: definitionIndent, opener: "{{$\(blockName)}}",
              at: tagStart))
          nodes.append(.block(blockName, defaults: children, indentation: indentation))
          newLine = standalone
        }
        continue

      case UInt8(ascii: "="):
        index += 1
        try setDelimiters(tagStart: tagStart)
        standalone = newLine && finishesLine()
        if !standalone { flushIndent(&nodes, &indent) } else { indent = [] }

      case UInt8(ascii: "%"):
        throw failure(Say.noPragmas, at: tagStart)

      default:
        flushIndent(&nodes, &indent)
        nodes.append(.variable(try readName(tagStart: tagStart), escaped: true))
      }
      newLine = standalone
    }
    if let closing = scope.closing {
      throw failure(Say.sectionNeverClosed(scope.opener, closing), at: scope.openedAt)
    }
    return (nodes, false)
  }

  /// Text inside a parent's top level is only whitespace between block overrides.
  private func appendText(_ text: [UInt8], to nodes: inout [TemplateNode], scope: Scope) {
    nodes.append(.text(text))
  }

  /// After a tag: only blanks, then a newline (consumed) or the end.
  private mutating func finishesLine() -> Bool {
    var probe = index
    while probe < bytes.count, bytes[probe] == TemplateParser.space || bytes[probe] == TemplateParser.tab { probe += 1 }
    if probe == bytes.count {
      index = probe
      return true
    }
    if bytes[probe] == TemplateParser.newline {
      index = probe + 1
      return true
    }
    if bytes[probe] == TemplateParser.carriageReturn, probe + 1 < bytes.count,
      bytes[probe + 1] == TemplateParser.newline
    {
      index = probe + 2
      return true
    }
    return false
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    var probe = start
    while probe + needle.count <= bytes.count {
      if starts(with: needle, at: probe) { return probe }
      probe += 1
    }
    return nil
  }

  private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8)
  private static let partialBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()/".utf8)

  private mutating func skipBlanks() {
    while !atEnd,
      bytes[index] == TemplateParser.space || bytes[index] == TemplateParser.tab
        || bytes[index] == TemplateParser.newline
    {
      index += 1
    }
  }

  /// A name and its closing delimiter.
  private mutating func readName(tagStart: Int, closing: [UInt8]? = nil) throws(TemplateSyntaxError) -> TemplateName {
    skipBlanks()
    let start = index
    while !atEnd, TemplateParser.nameBytes.contains(bytes[index]) { index += 1 }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    skipBlanks()
    guard starts(with: closing ?? close, at: index), !text.isEmpty else {
      throw failure(Say.tagNotClosed(String(decoding: closing ?? close, as: UTF8.self)), at: tagStart)
    }
    index += (closing ?? close).count
    let (line, column) = position(tagStart)
    var transforms: [String] = []
    var inner = Substring(text)
    while let paren = inner.firstIndex(of: "("), inner.hasSuffix(")") {
      transforms.append(String(inner[..<paren]))
      inner = inner[inner.index(after: paren)..<inner.index(before: inner.endIndex)]
    }
    guard !inner.contains("("), !inner.contains(")") else { throw failure(Say.notAName(text), at: tagStart) }
    let parts = inner == "." ? [] : inner.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.contains(where: \.isEmpty) || (parts.isEmpty && !transforms.isEmpty) || inner == "." else {
      if inner.isEmpty && !transforms.isEmpty {
        return TemplateName(parts: [], transforms: transforms, line: line, column: column)
      }
      throw failure(Say.notAName(text), at: tagStart)
    }
    return TemplateName(parts: parts, transforms: transforms, line: line, column: column)
  }

  private mutating func readPartialName(tagStart: Int) throws(TemplateSyntaxError) -> String {
    skipBlanks()
    let start = index
    while !atEnd, TemplateParser.partialBytes.contains(bytes[index]) { index += 1 }
    let name = String(decoding: bytes[start..<index], as: UTF8.self)
    skipBlanks()
    guard starts(with: close, at: index), !name.isEmpty else {
      throw failure(Say.tagNotClosed(String(decoding: close, as: UTF8.self)), at: tagStart)
    }
    index += close.count
    return name
  }

  private mutating func setDelimiters(tagStart: Int) throws(TemplateSyntaxError) {
    skipBlanks()
    let first = index
    while !atEnd, bytes[index] != TemplateParser.space, bytes[index] != TemplateParser.tab,
      bytes[index] != UInt8(ascii: "=")
    { index += 1 }
    let newOpen = Array(bytes[first..<index])
    skipBlanks()
    let second = index
    while !atEnd, bytes[index] != TemplateParser.space, bytes[index] != TemplateParser.tab,
      bytes[index] != UInt8(ascii: "=")
    { index += 1 }
    let newClose = Array(bytes[second..<index])
    skipBlanks()
    guard !newOpen.isEmpty, !newClose.isEmpty, !atEnd, bytes[index] == UInt8(ascii: "=") else {
      throw failure(Say.badDelimiters, at: tagStart)
    }
    index += 1
    guard starts(with: close, at: index) else {
      throw failure(Say.badDelimiters, at: tagStart)
    }
    index += close.count
    open = newOpen
    close = newClose
  }
}
