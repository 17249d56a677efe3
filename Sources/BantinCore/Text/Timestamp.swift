import Foundation

/// An instant to the second. Shown in the site's time zone; compared as instants.
public struct Timestamp: Hashable, Comparable, Sendable {
  public var secondsSince1970: Int64

  public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

  public init(_ date: Date) { self.secondsSince1970 = Int64(date.timeIntervalSince1970.rounded(.down)) }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.secondsSince1970 < rhs.secondsSince1970
  }
}

/// A date and time of day on the wall clock of some place, without its zone.
public struct CivilDateTime: Hashable, Sendable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour = 0
  public var minute = 0
  public var second = 0

  /// Monday … Sunday as 1 … 7 is not used here: 0 is Sunday, 1 Monday … 6 Saturday.
  public var weekday: Int {
    let days = CivilDateTime.days(year: year, month: month, day: day)
    return Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
  static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The wall-clock time `offset` seconds east of UTC at `timestamp`.
  init(_ timestamp: Timestamp, offset: Int) {
    let local = timestamp.secondsSince1970 + Int64(offset)
    var days = local / 86_400
    var seconds = local % 86_400
    if seconds < 0 {
      seconds += 86_400
      days -= 1
    }
    days += 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shifted = (5 * dayOfYear + 2) / 153
    let month = shifted < 10 ? shifted + 3 : shifted - 9
    self.year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    self.month = Int(month)
    self.day = Int(dayOfYear - (153 * shifted + 2) / 5 + 1)
    self.hour = Int(seconds / 3600)
    self.minute = Int(seconds % 3600 / 60)
    self.second = Int(seconds % 60)
  }

  /// The instant this wall-clock time names at `offset` seconds east of UTC.
  func timestamp(offset: Int) -> Timestamp {
    let days = CivilDateTime.days(year: year, month: month, day: day)
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    return Timestamp(secondsSince1970: seconds - Int64(offset))
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// The time zone a site shows its dates in, with the conversions the pipeline needs.
public struct SiteClock: Sendable {
  public let timeZone: TimeZone

  public init(timeZone: TimeZone) { self.timeZone = timeZone }

  /// Seconds east of UTC at `timestamp`.
  public func offset(at timestamp: Timestamp) -> Int {
    timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(timestamp.secondsSince1970)))
  }

  public func civil(_ timestamp: Timestamp) -> CivilDateTime {
    CivilDateTime(timestamp, offset: offset(at: timestamp))
  }

  /// The instant a wall-clock time names in this zone (the later one when a clock
  /// change repeats it).
  public func timestamp(_ civil: CivilDateTime) -> Timestamp {
    let guess = civil.timestamp(offset: 0)
    let first = civil.timestamp(offset: offset(at: guess))
    return civil.timestamp(offset: offset(at: first))
  }

  /// `2024-01-12T14:00:00+07:00`, as in `<time datetime>`, feeds and sitemaps.
  public func iso8601(_ timestamp: Timestamp) -> String {
    let offset = offset(at: timestamp)
    let c = CivilDateTime(timestamp, offset: offset)
    let sign = offset < 0 ? "-" : "+"
    let zone = "\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
    return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))\(zone)"
  }

  /// `Thứ Sáu, 12/01/2024`.
  public func vietnameseDate(_ timestamp: Timestamp) -> String {
    let c = civil(timestamp)
    return "\(SiteClock.weekdays[c.weekday]), \(pad(c.day))/\(pad(c.month))/\(pad(c.year, 4))"
  }

  /// `14:00`.
  public func vietnameseTime(_ timestamp: Timestamp) -> String {
    let c = civil(timestamp)
    return "\(pad(c.hour)):\(pad(c.minute))"
  }

  static let weekdays = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
}

func pad(_ number: Int, _ width: Int = 2) -> String {
  let digits = String(number)
  return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension SiteClock {
  /// `Fri, 12 Jan 2024 00:00:00 +0700`, as RSS 2.0 wants (RFC 822).
  public func rfc822(_ timestamp: Timestamp) -> String {
    let offset = offset(at: timestamp)
    let c = CivilDateTime(timestamp, offset: offset)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    let sign = offset < 0 ? "-" : "+"
    let zone = "\(sign)\(pad(abs(offset) / 3600))\(pad(abs(offset) % 3600 / 60))"
    return
      "\(days[c.weekday]), \(pad(c.day)) \(months[c.month - 1]) \(pad(c.year, 4)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) \(zone)"
  }
}
