/// Hugo's common shortcodes, written as the Markdown they stand for before libcmark
/// reads the body, so that a site moved from Hugo keeps its links, photos and videos:
///
/// - `{{< ref "x.md" >}}` and `relref`: the path of that page's file, relative to the
///   article (`../thong-bao/x.md`), which the link rule then publishes as the page's
///   address and checks like any link. The file is looked up as Hugo does: beside the
///   article, else from `content/` (a path starting with `/` only from there), else
///   by its name when one file of the site has it.
/// - `{{< figure src="anh.jpg" caption="…" alt="…" >}}`: `![alt](anh.jpg "caption")`,
///   which alone on its line is a figure with its caption.
/// - `{{< youtube ID >}}`: a link to the video on YouTube, `[Xem video trên YouTube](…)`.
///   A link, not an embedded player: the page then makes no request to Google until a
///   reader chooses to watch, and runs no one else's script.
///
/// Other shortcodes, and any that spans lines, are left as written, and the
/// unsupported-syntax check warns about them. Shortcodes in fenced code and in code
/// spans are left alone: there they are shown on purpose. No line is added or
/// removed, so every line number stays the file's; `shifts` maps columns back.
struct HugoShortcodes {
  /// The Markdown files of the site (with their addresses), to look `ref` targets up in.
  let pages: [SourcePath: String]
  /// The file the body is in.
  let path: SourcePath
  /// The words of the YouTube link, in the site's language.
  let videoLinkText: String

  struct Output {
    var text: String
    var shifts: ColumnShifts
  }

  /// Whether `body` may hold a shortcode (most bodies hold none, and are not copied).
  static func mayHold(_ body: Substring) -> Bool {
    var previous: UInt8 = 0
    for byte in body.utf8 {
      if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "{") { return true }
      previous = byte
    }
    return false
  }

  func translate(_ body: Substring) -> Output? {
    guard HugoShortcodes.mayHold(body) else { return nil }
    var lines: [String] = []
    var shifts = ColumnShifts()
    var fence: (byte: UInt8, count: Int)?
    var changed = false
    for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let bytes = Array(line.utf8)
      let indent = bytes.prefix(while: { $0 == 0x20 }).count
      let run = bytes.dropFirst(indent).prefix(while: { $0 == bytes.dropFirst(indent).first })
      if indent <= 3, let first = run.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), run.count >= 3 {
        if let open = fence {
          if first == open.byte, run.count >= open.count { fence = nil }
        } else {
          fence = (first, run.count)
        }
        lines.append(String(line))
        continue
      }
      guard fence == nil, let (text, lineShifts) = translate(line: bytes) else {
        lines.append(String(line))
        continue
      }
      changed = true
      lines.append(text)
      shifts.lines[index + 1] = lineShifts
    }
    return changed ? Output(text: lines.joined(separator: "\n"), shifts: shifts) : nil
  }

  /// One line with its shortcodes written as Markdown, and where columns moved.
  private func translate(line bytes: [UInt8]) -> (String, [ColumnShifts.Shift])? {
    var out: [UInt8] = []
    var shifts: [ColumnShifts.Shift] = []
    var index = 0
    var changed = false
    while index < bytes.count {
      // A code span: copied as it is, to its closing run of as many backticks.
      if bytes[index] == UInt8(ascii: "`") {
        let count = bytes[index...].prefix(while: { $0 == UInt8(ascii: "`") }).count
        var end = index + count
        var closed = false
        while end < bytes.count {
          let run = bytes[end...].prefix(while: { $0 == UInt8(ascii: "`") }).count
          if run == count {
            closed = true
            end += run
            break
          }
          end += max(run, 1)
        }
        let stop = closed ? end : index + count
        out += bytes[index..<stop]
        index = stop
        continue
      }
      if bytes[index] == UInt8(ascii: "{"), let call = Shortcode.parse(bytes, at: index),
        let markdown = translation(of: call)
      {
        let written = call.range.count
        let replacement = Array(markdown.utf8)
        shifts.append(
          ColumnShifts.Shift(after: out.count + replacement.count + 1, delta: written - replacement.count))
        out += replacement
        index = call.range.upperBound
        changed = true
        continue
      }
      out.append(bytes[index])
      index += 1
    }
    return changed ? (String(decoding: out, as: UTF8.self), shifts) : nil
  }

  private func translation(of call: Shortcode) -> String? {
    switch call.name {
    case "ref", "relref":
      guard let target = call.argument("path", position: 0), !target.isEmpty else { return nil }
      return linkPath(to: target)
    case "figure":
      guard let src = call.argument("src", position: 0), !src.isEmpty else { return nil }
      let caption = call.argument("caption") ?? call.argument("title")
      let alt = call.argument("alt") ?? caption ?? ""
      let destination = src.contains(" ") ? "<\(src)>" : src
      let title = caption.map { " \"\(HugoShortcodes.escaped($0, quote: true))\"" } ?? ""
      return "![\(HugoShortcodes.escaped(alt, quote: false))](\(destination)\(title))"
    case "youtube":
      guard let id = call.argument("id", position: 0),
        (6...20).contains(id.count),
        id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
      else { return nil }
      return "[\(videoLinkText)](https://www.youtube.com/watch?v=\(id))"
    default:
      return nil
    }
  }

  /// The relative path from the article's folder to the page `target` names
  /// (`x.md`, `/tin-tuc/x`, `x.md#muc-2`), or `target` itself when no file is found,
  /// so that the link rule reports it as broken.
  func linkPath(to target: String) -> String {
    let hash = target.firstIndex(of: "#")
    let fragment = hash.map { String(target[$0...]) } ?? ""
    let written = String(target[..<(hash ?? target.endIndex)])
    let folder = path.parent
    let content = ContentEntry.contentFolder
    var candidates: [SourcePath] = []
    func forms(_ base: SourcePath) -> [SourcePath] {
      if base.isMarkdown { return [base] }
      return [
        base.rawValue + ".md", base.rawValue + ".markdown", base.rawValue + "/index.md", base.rawValue + "/_index.md",
      ]
      .map { SourcePath($0) }
    }
    if written.hasPrefix("/") {
      candidates = forms(SourcePath(content.rawValue + written))
    } else if !written.isEmpty {
      // `resolving` (the link rule's): `..` above content/ finds nothing.
      candidates = [folder, content].compactMap { $0.resolving(written) }.flatMap(forms)
    }
    var found = candidates.first { pages[$0] != nil }
    if found == nil, !written.isEmpty {
      let name = SourcePath(written).fileName
      let named = pages.keys.filter { $0.fileName == name || $0.stem == name }
      if named.count == 1 { found = named.first }
    }
    guard let found else { return written.isEmpty ? fragment : URLPath.encode(written) + fragment }
    return URLPath.encode(found.relativePath(from: folder)) + fragment
  }

  /// Text for Markdown's image text (`[` and `]` escaped) or title (`"` escaped).
  static func escaped(_ text: String, quote: Bool) -> String {
    var out = ""
    for character in text {
      if character == "\\" || (quote ? character == "\"" : character == "[" || character == "]") { out.append("\\") }
      out.append(character == "\n" ? " " : character)
    }
    return out
  }
}

/// One shortcode call on a line: `{{< name arg key="value" >}}` or with `%`.
struct Shortcode {
  var name: String
  var positional: [String] = []
  var named: [String: String] = [:]
  /// Its bytes in the line.
  var range: Range<Int>

  func argument(_ key: String, position: Int? = nil) -> String? {
    if let value = named[key] { return value }
    if let position, position < positional.count { return positional[position] }
    return nil
  }

  static func parse(_ bytes: [UInt8], at start: Int) -> Shortcode? {
    guard start + 3 < bytes.count, bytes[start] == UInt8(ascii: "{"), bytes[start + 1] == UInt8(ascii: "{"),
      bytes[start + 2] == UInt8(ascii: "<") || bytes[start + 2] == UInt8(ascii: "%")
    else { return nil }
    // `{{< … >}}` or `{{% … %}}`
    let delimiter = bytes[start + 2] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "%")
    var index = start + 3
    func skipBlanks() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
    func word() -> String {
      let begin = index
      while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != UInt8(ascii: "="),
        !(bytes[index] == delimiter && index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "}"))
      {
        index += 1
      }
      return String(decoding: bytes[begin..<index], as: UTF8.self)
    }
    func value() -> String? {
      guard index < bytes.count else { return nil }
      let quote = bytes[index]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") else { return word() }
      index += 1
      var out: [UInt8] = []
      while index < bytes.count, bytes[index] != quote {
        if quote == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
          index += 1
        }
        out.append(bytes[index])
        index += 1
      }
      guard index < bytes.count else { return nil }
      index += 1
      return String(decoding: out, as: UTF8.self)
    }
    skipBlanks()
    let name = word()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
    var call = Shortcode(name: name, range: start..<start)
    while true {
      skipBlanks()
      guard index < bytes.count else { return nil }
      if bytes[index] == delimiter, index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "}"),
        bytes[index + 2] == UInt8(ascii: "}")
      {
        call.range = start..<(index + 3)
        return call
      }
      let begin = index
      if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "`") {
        guard let text = value() else { return nil }
        call.positional.append(text)
        continue
      }
      let key = word()
      if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
        index += 1
        guard let text = value() else { return nil }
        call.named[key] = text
      } else {
        call.positional.append(key)
      }
      if index == begin { return nil }
    }
  }
}

/// Where a rewritten line's columns moved: a byte column of the rewritten line, after
/// a shortcode written as shorter or longer Markdown, is that much off the file's.
public struct ColumnShifts: Sendable {
  struct Shift: Sendable {
    /// The first (1-based) byte column of the rewritten line after the replacement.
    var after: Int
    /// Bytes the written shortcode had more than its replacement.
    var delta: Int
  }

  /// By line of the body (1-based).
  var lines: [Int: [Shift]] = [:]

  public init() {}

  func original(line: Int, byteColumn: Int) -> Int {
    guard let shifts = lines[line] else { return byteColumn }
    return byteColumn + shifts.filter { byteColumn >= $0.after }.reduce(0) { $0 + $1.delta }
  }
}

extension SourcePath {
  /// This path relative to `folder`: `../thong-bao/x.md` from `content/tin-tuc/a`.
  func relativePath(from folder: SourcePath) -> String {
    let from = folder.rawValue.split(separator: "/")
    let to = rawValue.split(separator: "/")
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init))
      .joined(separator: "/")
  }
}
