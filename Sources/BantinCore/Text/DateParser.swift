/// Reads the dates editors write in front matter, strictly: `2024-01-12`,
/// `2024-01-12T14:00`, `2024-01-12 14:00:00`, `2024-01-12T14:00:00+07:00`, `…Z`,
/// and YAML's other timestamp forms: `2013-12-02 7:37:00 -0400`, `…+7`, tabs.
/// A value without a zone is wall-clock time in the site's zone. Dates that do not
/// exist (`2024-02-30`) are errors, never rolled over.
public struct DateParser: Sendable {
  public let clock: SiteClock

  public init(clock: SiteClock) { self.clock = clock }

  public struct Parsed: Sendable, Equatable {
    public var timestamp: Timestamp
    /// False when the value named no zone and the site's zone was assumed.
    public var hadZone: Bool
    /// The offset written (`-0400` is -14400 seconds); nil when none was.
    public var offset: Int? = nil
  }

  /// Parses `text`, the value of front matter key `key`; the error is a message for it.
  public func parse(_ text: String, key: String) -> Result<Parsed, DateError> {
    var scanner = Scanner(text.trimmingBlanks())
    let example = "2024-01-12 or 2024-01-12T14:00:00+07:00"
    guard let year = scanner.number(digits: 4), scanner.skip("-"),
      let month = scanner.number(digits: 2), scanner.skip("-"),
      let day = scanner.number(digits: 2)
    else {
      if let suggestion = DateParser.dayFirstSuggestion(text) {
        return .failure(DateError(Say.dayMonthYear(key, text, suggestion: suggestion)))
      }
      return .failure(DateError(Say.dateShape(key, text, example: example)))
    }
    guard (1...12).contains(month) else {
      return .failure(DateError(Say.noSuchMonth(key, text, month: month)))
    }
    let days = CivilDateTime.daysIn(month: month, year: year)
    guard (1...days).contains(day) else {
      return .failure(
        DateError(Say.noSuchDay(key, text, month: month, year: year, days: days)))
    }
    var civil = CivilDateTime(year: year, month: month, day: day)
    if scanner.atEnd {
      return .success(Parsed(timestamp: clock.timestamp(civil), hadZone: false))
    }
    // YAML's timestamp forms: `T`, or spaces or tabs, then an hour of one or two digits.
    guard scanner.skip("T") || scanner.skip("t") || scanner.skipBlanks(),
      let hour = scanner.number(upTo: 2), scanner.skip(":"),
      let minute = scanner.number(digits: 2)
    else { return .failure(DateError(Say.dateShape(key, text, example: example))) }
    var second = 0
    if scanner.skip(":") {
      guard let value = scanner.number(digits: 2) else {
        return .failure(DateError(Say.dateShape(key, text, example: example)))
      }
      second = value
      if scanner.skip(".") || scanner.skip(",") {
        guard scanner.skipDigits() else {
          return .failure(DateError(Say.dateShape(key, text, example: example)))
        }
      }
    }
    guard hour < 24, minute < 60, second < 60 else {
      return .failure(
        DateError(Say.noSuchTime(key, text, time: "\(pad(hour)):\(pad(minute)):\(pad(second))")))
    }
    civil.hour = hour
    civil.minute = minute
    civil.second = second
    _ = scanner.skipBlanks()
    if scanner.atEnd {
      return .success(Parsed(timestamp: clock.timestamp(civil), hadZone: false))
    }
    var offset = 0
    if scanner.skip("Z") || scanner.skip("z") {
      offset = 0
    } else {
      let sign: Int
      if scanner.skip("+") {
        sign = 1
      } else if scanner.skip("-") {
        sign = -1
      } else {
        return .failure(DateError(Say.dateShape(key, text, example: example)))
      }
      // `+07:00`, `-0400`, `+7` (YAML allows an hour of one digit).
      let hours: Int?
      if let digits = scanner.digitsAhead(), digits == 1 || digits == 3 {
        hours = scanner.number(digits: 1, followedByDigits: true)
      } else {
        hours = scanner.number(digits: 2, followedByDigits: true)
      }
      guard let hours else {
        return .failure(DateError(Say.dateShape(key, text, example: example)))
      }
      _ = scanner.skip(":")
      let minutes = scanner.number(digits: 2) ?? 0
      guard hours <= 14, minutes < 60 else {
        return .failure(DateError(Say.impossibleOffset(key, text)))
      }
      offset = sign * (hours * 3600 + minutes * 60)
    }
    guard scanner.atEnd else {
      return .failure(DateError(Say.dateShape(key, text, example: example)))
    }
    return .success(Parsed(timestamp: civil.timestamp(offset: offset), hadZone: true, offset: offset))
  }

  /// `19/05/2024` or `19-05-2024` → `2024-05-19`, when the text is such a date.
  static func dayFirstSuggestion(_ text: String) -> String? {
    let parts = text.trimmingBlanks().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
    guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
      let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
    else { return nil }
    return "\(pad(year, 4))-\(pad(month))-\(pad(day))"
  }
}

public struct DateError: Error, Equatable, Sendable {
  public var said: Message
  /// In English.
  public var message: String { said.english }
  init(_ said: Message) { self.said = said }
}

/// A cursor over ASCII text.
private struct Scanner {
  let bytes: [UInt8]
  var index = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  var atEnd: Bool { index == bytes.count }

  mutating func skip(_ character: Character) -> Bool {
    guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
    index += 1
    return true
  }

  /// Exactly `digits` ASCII digits (more may follow only when `followedByDigits`).
  mutating func number(digits: Int, followedByDigits: Bool = false) -> Int? {
    guard bytes.count - index >= digits else { return nil }
    var value = 0
    for byte in bytes[index..<(index + digits)] {
      guard (48...57).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 48)
    }
    if !followedByDigits, index + digits < bytes.count, (48...57).contains(bytes[index + digits]) { return nil }
    index += digits
    return value
  }

  /// One to `most` ASCII digits, and no more.
  mutating func number(upTo most: Int) -> Int? {
    guard let count = digitsAhead(), count <= most else { return nil }
    return number(digits: count)
  }

  /// How many ASCII digits come next; nil for none.
  func digitsAhead() -> Int? {
    var end = index
    while end < bytes.count, (48...57).contains(bytes[end]) { end += 1 }
    return end > index ? end - index : nil
  }

  /// Spaces and tabs; whether there was one.
  mutating func skipBlanks() -> Bool {
    let start = index
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    return index > start
  }

  mutating func skipDigits() -> Bool {
    let start = index
    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    return index > start
  }
}

extension String {
  /// Without spaces and tabs (and, when `newlines`, line breaks) at either end.
  func trimmingBlanks(newlines: Bool = false) -> String {
    let utf8 = self.utf8
    func isBlank(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || (newlines && (byte == 0x0A || byte == 0x0D))
    }
    guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) })
    else { return "" }
    if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
    return String(self[first...last])
  }
}
