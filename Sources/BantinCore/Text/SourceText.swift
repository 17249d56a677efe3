import Foundation

/// The text of one source file, decoded for the pipeline: valid UTF-8 (checked, never
/// repaired), byte-order mark removed, line endings as `\n`, normalized to NFC.
///
/// It keeps where each line starts, so positions that parsers report as byte offsets
/// can be turned into the character columns that diagnostics show.
public struct SourceText: Sendable {
  public let path: SourcePath
  public let text: String
  /// UTF-8 offset of each line's first byte; `lineStarts[0] == 0`.
  private let lineStarts: [Int]

  /// Decodes `bytes`, or returns the diagnostics that make the file unreadable.
  public static func decode(_ bytes: [UInt8], path: SourcePath) -> Result<SourceText, Diagnostic> {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let problem = firstProblem(in: bytes) {
      let location = location(ofByte: problem.offset, in: bytes, path: path)
      return .failure(.error(location, problem.message))
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.utf8.contains(UInt8(ascii: "\r")) {
      text = text.replacingOccurrences(of: "\r\n", with: "\n")
        .replacingOccurrences(of: "\r", with: "\n")
    }
    text = Normalization.nfc(text)
    return .success(SourceText(path: path, normalizedText: text))
  }

  /// Wraps text that is already valid, NFC and `\n`-separated.
  public init(path: SourcePath, normalizedText text: String) {
    self.path = path
    self.text = text
    var starts = [0]
    var offset = 0
    for byte in text.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") { starts.append(offset) }
    }
    self.lineStarts = starts
  }

  public var lineCount: Int { lineStarts.count }

  /// The UTF-8 offset where 1-based `line` starts.
  public func utf8Offset(ofLine line: Int) -> Int {
    lineStarts[min(max(line, 1), lineStarts.count) - 1]
  }

  /// The location of a 1-based line and a 1-based byte column within it.
  public func location(line: Int, byteColumn: Int) -> SourceLocation {
    let line = min(max(line, 1), lineStarts.count)
    let start = lineStarts[line - 1]
    let end = line < lineStarts.count ? lineStarts[line] : text.utf8.count
    let stop = min(start + max(byteColumn - 1, 0), end)
    let utf8 = text.utf8
    let from = utf8.index(utf8.startIndex, offsetBy: start)
    let to = utf8.index(utf8.startIndex, offsetBy: stop)
    let characters = utf8[from..<to].count(where: { $0 & 0xC0 != 0x80 })
    return SourceLocation(path, line: line, column: characters + 1)
  }

  /// The location of a UTF-8 offset into the text.
  public func location(ofUTF8Offset offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return location(line: low + 1, byteColumn: offset - lineStarts[low] + 1)
  }

  /// The text of 1-based `line`, without its newline.
  public func line(_ line: Int) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: utf8Offset(ofLine: line))
    let rest = text[start...]
    return rest.prefix(while: { $0 != "\n" })
  }

  // MARK: - Checking the bytes

  private struct Problem {
    var offset: Int
    var message: Message
  }

  /// The first byte that is not valid UTF-8, or a NUL byte.
  private static func firstProblem(in bytes: ArraySlice<UInt8>) -> Problem? {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0 {
          return Problem(offset: index - bytes.startIndex, message: Say.nulByte)
        }
        index += 1
        continue
      }
      let length: Int
      var minimum: UInt32
      var scalar: UInt32
      switch byte {
      case 0xC2...0xDF:
        length = 2
        minimum = 0x80
        scalar = UInt32(byte & 0x1F)
      case 0xE0...0xEF:
        length = 3
        minimum = 0x800
        scalar = UInt32(byte & 0x0F)
      case 0xF0...0xF4:
        length = 4
        minimum = 0x10000
        scalar = UInt32(byte & 0x07)
      default: return invalid(at: index, in: bytes)
      }
      guard end - index >= length else { return invalid(at: index, in: bytes) }
      for next in bytes[(index + 1)..<(index + length)] {
        guard next & 0xC0 == 0x80 else { return invalid(at: index, in: bytes) }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
        return invalid(at: index, in: bytes)
      }
      index += length
    }
    return nil
  }

  private static func invalid(at index: Int, in bytes: ArraySlice<UInt8>) -> Problem {
    let hex = String(bytes[index], radix: 16, uppercase: true)
    return Problem(
      offset: index - bytes.startIndex,
      message: Say.notUTF8(byte: hex))
  }

  /// Line and character column of a byte offset in bytes that may be invalid UTF-8:
  /// every byte that is not a continuation byte starts a character.
  private static func location(ofByte offset: Int, in bytes: ArraySlice<UInt8>, path: SourcePath)
    -> SourceLocation
  {
    var line = 1
    var column = 1
    for byte in bytes.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourceLocation(path, line: line, column: column)
  }
}
