import BantinCore
import Foundation
import Testing

@Suite("Dates")
struct DateTests {
  let vietnam = SiteClock(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
  var parser: DateParser { DateParser(clock: vietnam) }

  func parse(_ text: String) -> Result<DateParser.Parsed, DateError> { parser.parse(text, key: "date") }

  func instant(_ text: String) -> Timestamp? {
    if case .success(let parsed) = parse(text) { return parsed.timestamp }
    return nil
  }

  func message(_ text: String) -> String? {
    if case .failure(let error) = parse(text) { return error.message }
    return nil
  }

  @Test("a date alone is midnight in Vietnam")
  func dateOnly() throws {
    let date = try #require(instant("2024-01-12"))
    #expect(vietnam.iso8601(date) == "2024-01-12T00:00:00+07:00")
    #expect(date.secondsSinceEpochUTC == "2024-01-11T17:00:00Z")
  }

  @Test("times with and without a zone")
  func times() throws {
    #expect(try vietnam.iso8601(#require(instant("2024-01-12T14:00:00+07:00"))) == "2024-01-12T14:00:00+07:00")
    #expect(try vietnam.iso8601(#require(instant("2024-01-12T07:00:00Z"))) == "2024-01-12T14:00:00+07:00")
    #expect(try vietnam.iso8601(#require(instant("2024-01-12 14:00"))) == "2024-01-12T14:00:00+07:00")
    #expect(try vietnam.iso8601(#require(instant("2024-01-12T14:00:00.250+0700"))) == "2024-01-12T14:00:00+07:00")
    if case .success(let parsed) = parse("2024-01-12T14:00:00") {
      #expect(parsed.hadZone == false)
      #expect(vietnam.iso8601(parsed.timestamp) == "2024-01-12T14:00:00+07:00")
    } else {
      Issue.record("a time without zone must parse")
    }
  }

  @Test("YAML's timestamp forms as Hugo sites write them: one-digit hour, offset without colon, tabs, +7")
  func yamlForms() throws {
    let utc = { (text: String) in self.instant(text)?.secondsSinceEpochUTC }
    #expect(utc("2013-12-02 7:37:00 -0400") == "2013-12-02T11:37:00Z")
    #expect(utc("2013-12-02 07:37:00-04:00") == "2013-12-02T11:37:00Z")
    #expect(utc("2001-12-14t21:59:43.10-05:00") == "2001-12-15T02:59:43Z")
    #expect(utc("2001-12-14 21:59:43.10 -5") == "2001-12-15T02:59:43Z")
    #expect(utc("2001-12-14\t21:59:43 +7") == "2001-12-14T14:59:43Z")
    #expect(utc("2001-12-15 2:59:43.10") == "2001-12-14T19:59:43Z")  // no zone: Vietnam's
    #expect(
      message("2013-12-02 123:37:00")
        == "'date' must look like 2024-01-12 or 2024-01-12T14:00:00+07:00, not '2013-12-02 123:37:00'")
    #expect(message("2013-12-02 7:37:00 -1500") == "'date' 2013-12-02 7:37:00 -1500 has an impossible time zone offset")
    #expect(
      message("2013-02-30 7:37:00 -0400")
        == "'date' 2013-02-30 7:37:00 -0400 does not exist: month 2 of 2013 has 28 days")
  }

  @Test("impossible dates are errors, never rolled over")
  func impossible() {
    #expect(message("2024-02-30") == "'date' 2024-02-30 does not exist: month 2 of 2024 has 29 days")
    #expect(message("2023-02-29") == "'date' 2023-02-29 does not exist: month 2 of 2023 has 28 days")
    #expect(message("2024-13-01") == "'date' 2024-13-01 does not exist: there is no month 13")
    #expect(message("2024-01-12T24:00") == "'date' 2024-01-12T24:00 does not exist: there is no time 24:00:00")
    #expect(instant("2024-02-29") != nil)
  }

  @Test("day/month/year dates get the ISO form suggested")
  func dayFirst() {
    #expect(message("19/05/2024") == "'date' 19/05/2024 is written day/month/year: write it as 2024-05-19")
    #expect(message("hôm qua") == "'date' must look like 2024-01-12 or 2024-01-12T14:00:00+07:00, not 'hôm qua'")
  }

  @Test("Vietnamese weekday names and dd/mm/yyyy")
  func vietnameseDates() throws {
    #expect(try vietnam.vietnameseDate(#require(instant("2024-01-12"))) == "Thứ Sáu, 12/01/2024")
    #expect(try vietnam.vietnameseDate(#require(instant("2024-01-14"))) == "Chủ Nhật, 14/01/2024")
    #expect(try vietnam.vietnameseDate(#require(instant("2024-01-15"))) == "Thứ Hai, 15/01/2024")
    #expect(try vietnam.vietnameseDate(#require(instant("2024-09-02T23:30:00+07:00"))) == "Thứ Hai, 02/09/2024")
    // 18:00 UTC on the 1st is 01:00 on the 2nd in Vietnam.
    #expect(try vietnam.vietnameseDate(#require(instant("2024-09-01T18:00:00Z"))) == "Thứ Hai, 02/09/2024")
  }

  @Test("the civil calendar round-trips across centuries")
  func roundTrip() throws {
    for text in ["1900-03-01", "1970-01-01", "2000-02-29", "2100-12-31", "2024-12-31T23:59:59+07:00"] {
      let date = try #require(instant(text))
      #expect(vietnam.iso8601(date).hasPrefix(String(text.prefix(10))))
    }
  }
}

extension Timestamp {
  var secondsSinceEpochUTC: String {
    SiteClock(timeZone: .gmt).iso8601(self).replacingOccurrences(of: "+00:00", with: "Z")
  }
}
