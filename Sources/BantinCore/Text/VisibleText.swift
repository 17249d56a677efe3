/// Text that is safe to print to a terminal or a `remote:` line: control
/// characters (a newline in a file name, an escape sequence that would recolour or
/// retitle the terminal) and the invisible marks that reverse the direction of
/// text are shown as escapes (`\n`, `\u{1B}`, `\u{202E}`) instead of acting.
public enum VisibleText {
  /// Whether a character would act on a terminal, or hide what a line says.
  public static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: return true  // C0, DEL, C1
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // direction marks and overrides
    default: return false
    }
  }

  /// `text` with every hostile character as an escape; text without one is returned as it is.
  public static func escaping(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHostile) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      guard isHostile(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// Bytes that are not UTF-8 (a file name), with each byte of a broken sequence
  /// as `\xFF` and the rest as `escaping` shows it.
  public static func escapingBytes(_ bytes: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < bytes.count {
      // The longest valid sequence from here, up to four bytes.
      var taken = 0
      for length in stride(from: min(4, bytes.count - index), through: 1, by: -1) {
        if let text = String(validating: bytes[index..<(index + length)], as: UTF8.self), text.unicodeScalars.count == 1
        {
          result += escaping(text)
          taken = length
          break
        }
      }
      if taken == 0 {
        result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
        taken = 1
      }
      index += taken
    }
    return result
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
