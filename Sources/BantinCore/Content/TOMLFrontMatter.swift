import Foundation
import TOMLKit

/// TOML front matter (between `+++` lines), as Hugo sites write it: read with
/// TOMLKit (toml++), then handed to the YAML reader as YAML in which each
/// top-level key stands on the line, and its value at the column, where the TOML
/// wrote them, so that every diagnostic points into the `.md` file as for YAML.
///
/// The one file that talks to TOMLKit.
enum TOMLFrontMatter {
  /// The front matter as YAML, or the TOML problem at its place in the file
  /// (`firstLine`: the file's line on which the TOML starts).
  static func yaml(from toml: Substring, firstLine: Int, in source: SourceText) -> Result<String, Diagnostic> {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: String(toml))
    } catch let problem as TOMLParseError {
      let location = SourceLocation(
        source.path, line: firstLine - 1 + max(problem.source.begin.line, 1),
        column: max(problem.source.begin.column, 1))
      return .failure(.error(location, Say.tomlUnreadable(problem.description)))
    } catch {
      return .failure(
        .error(SourceLocation(source.path, line: firstLine, column: 1), Say.tomlUnreadable("\(error)")))
    }
    let lines = toml.split(separator: "\n", omittingEmptySubsequences: false)
    let places = keyPlaces(lines)
    var output = Array(repeating: "", count: lines.count)
    var extra: [String] = []
    for key in table.keys {
      guard let value = table[key] else { continue }
      let flow = yamlFlow(value)
      let name = yamlKey(key)
      if let place = places[key], place.line < output.count, output[place.line].isEmpty {
        let prefix = name + ":"
        let padding = max(1, place.valueColumn - 1 - prefix.count)
        output[place.line] = prefix + String(repeating: " ", count: padding) + flow
      } else {
        extra.append(name + ": " + flow)  // a key made by a dotted name or a table of no line found
      }
    }
    return .success((output + extra).joined(separator: "\n") + "\n")
  }

  /// Where each top-level key is written: its line (0-based, in the TOML) and the
  /// column (1-based, in characters) of its value; for a table (`[params]`), its header.
  static func keyPlaces(_ lines: [Substring]) -> [String: (line: Int, valueColumn: Int)] {
    var places: [String: (line: Int, valueColumn: Int)] = [:]
    var inTable = false
    for (number, line) in lines.enumerated() {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.hasPrefix("[") {
        inTable = true
        let name = trimmed.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" && $0 != "." })
          .trimmingCharacters(in: .whitespaces)
        let key = unquoted(name)
        if places[key] == nil { places[key] = (number, line.count - trimmed.count + 1) }
        continue
      }
      guard !inTable, let equals = trimmed.firstIndex(of: "=") else { continue }
      let key = unquoted(trimmed[..<equals].trimmingCharacters(in: .whitespaces))
      guard !key.isEmpty, !key.contains("."), places[key] == nil else { continue }
      let afterEquals = trimmed[trimmed.index(after: equals)...]
      let value = afterEquals.drop(while: { $0 == " " || $0 == "\t" })
      let column = line.count - value.count + 1
      places[key] = (number, column)
    }
    return places
  }

  private static func unquoted(_ key: String) -> String {
    if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
      return String(key.dropFirst().dropLast())
    }
    return key
  }

  private static func yamlKey(_ key: String) -> String {
    key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ? key : YAMLText.quoted(key)
  }

  /// A TOML value as a one-line YAML flow value.
  static func yamlFlow(_ value: TOMLValueConvertible) -> String {
    if let text = value.string { return YAMLText.quoted(text) }
    if let flag = value.bool { return flag ? "true" : "false" }
    if let number = value.int { return String(number) }
    if let number = value.double { return String(number) }
    if let dateTime = value.dateTime {
      var text = date(dateTime.date) + "T" + time(dateTime.time)
      if let offset = dateTime.offset?.offset {
        if offset == 0 {
          text += "Z"
        } else {
          let minutes = abs(offset)
          text += (offset < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
        }
      }
      return text
    }
    if let day = value.date { return date(day) }
    if let clock = value.time { return YAMLText.quoted(time(clock)) }
    if let array = value.array { return "[" + array.map { yamlFlow($0) }.joined(separator: ", ") + "]" }
    if let table = value.table {
      return "{"
        + table.keys.compactMap { key in table[key].map { yamlKey(key) + ": " + yamlFlow($0) } }
        .joined(separator: ", ") + "}"
    }
    return YAMLText.quoted("\(value)")
  }

  private static func date(_ date: TOMLDate) -> String {
    String(repeating: "0", count: max(0, 4 - String(date.year).count)) + String(date.year) + "-" + pad(date.month)
      + "-" + pad(date.day)
  }

  private static func time(_ time: TOMLTime) -> String {
    var text = pad(time.hour) + ":" + pad(time.minute) + ":" + pad(time.second)
    if time.nanoSecond > 0 {
      let digits = String(time.nanoSecond)
      text += "." + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
      while text.hasSuffix("0") { text.removeLast() }
    }
    return text
  }

  private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

extension TOMLFrontMatter {
  /// The values of a TOML document by their dotted names (`title`,
  /// `pagination.pagerSize`), as text; nil when it cannot be read.
  static func flatValues(_ text: String) -> [String: String]? {
    guard let table = try? TOMLTable(string: text) else { return nil }
    var values: [String: String] = [:]
    func add(_ table: TOMLTable, prefix: String) {
      for key in table.keys {
        guard let value = table[key] else { continue }
        if let inner = value.table {
          add(inner, prefix: prefix + key + ".")
        } else if let text = value.string {
          values[prefix + key] = text
        } else if let number = value.int {
          values[prefix + key] = String(number)
        }
      }
    }
    add(table, prefix: "")
    return values
  }
}
