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
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
        result += "\\u" + hex4(scalar.value)
      default:
        if scalar.value < 0x20 {
          result += "\\u" + hex4(scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }
}
