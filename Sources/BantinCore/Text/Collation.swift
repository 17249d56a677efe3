import Foundation

/// Vietnamese alphabetical order: a ă â b c d đ e ê … with tones after the letter,
/// so "Dân" sorts before "Đảng" and "Ân" after "An".
public enum VietnameseCollation {
  private static let locale = Locale(identifier: "vi_VN")

  public static func compare(_ a: String, _ b: String) -> ComparisonResult {
    a.compare(b, options: [.caseInsensitive], range: nil, locale: locale)
  }

  public static func precedes(_ a: String, _ b: String) -> Bool {
    switch compare(a, b) {
    case .orderedAscending: return true
    case .orderedDescending: return false
    case .orderedSame: return a < b
    }
  }
}
