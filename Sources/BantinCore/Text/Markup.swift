/// Escaping for XML text and attributes (feeds, sitemaps). Characters XML 1.0 does
/// not allow (C0 controls other than tab and newlines) are dropped.
public enum XML {
  public static func escape(_ text: some StringProtocol) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// JSON for `<script type="application/ld+json">`: every `<`, `>` and `&` is
/// written as a `\u` escape, so no value can close the script element or open a
/// comment, whatever an editor typed.
public enum JSON {
  public indirect enum Value: Sendable {
    case string(String)
    case number(Int)
    case array([Value])
    /// Keys in the order given.
    case object([(String, Value)])
  }

  public static func encode(_ value: Value) -> String {
    var output = ""
    write(value, into: &output)
    return output
  }

  private static func write(_ value: Value, into output: inout String) {
    switch value {
    case .string(let text): output += quote(text)
    case .number(let number): output += String(number)
    case .array(let items):
      output += "["
      for (offset, item) in items.enumerated() {
        if offset > 0 { output += "," }
        write(item, into: &output)
      }
      output += "]"
    case .object(let fields):
      output += "{"
      for (offset, (key, item)) in fields.enumerated() {
        if offset > 0 { output += "," }
        output += quote(key) + ":"
        write(item, into: &output)
      }
      output += "}"
    }
  }

  public static func quote(_ text: String) -> String {
    let utf8 = Array(text.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count + 16)
    result.append(UInt8(ascii: "\""))
    var index = 0
    while index < utf8.count {
      let byte = utf8[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"), 0..<0x20:
        result += Array(("\\u" + hex4(UInt32(byte))).utf8)
      case 0xE2
      where index + 1 < utf8.count && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
        // U+2028 and U+2029 end a line in JavaScript
        result += Array(("\\u" + hex4(utf8[index + 1] == 0xA8 ? 0x2028 : 0x2029)).utf8)
        index += 2
      default: result.append(byte)
      }
    }
    result.append(UInt8(ascii: "\""))
    return String(decoding: result, as: UTF8.self)
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
