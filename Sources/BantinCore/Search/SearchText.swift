import Foundation

/// How the search index and the search page read Vietnamese text, the same on both
/// sides (`templates/static/tim-kiem.js` repeats it, and a test holds the two to one
/// table of cases).
///
/// Each word becomes a syllable in two forms:
/// - `folded`: lowercase, every mark stripped, `đ` → `d`: "Đảng" → `dang`, "hòa" and
///   "hoà" → `hoa`. What a reader without a Vietnamese keyboard types.
/// - `exact`: lowercase with its vowel marks (â ă ê ô ơ ư đ) and its tone as a digit
///   at the end, wherever the tone mark was written: "hội" → `hôi5`, "hỏi" → `hoi3`,
///   "hoà" and "hòa" → `hoa1`, "thuý" and "thúy" → `thuy2`. The old and new tone
///   placements are one form, and "hội" is not "hỏi".
public struct SearchSyllable: Sendable, Hashable {
  public var folded: String
  public var exact: String
}

public enum SearchText {
  /// The tone marks, by the digit that stands for them: huyền 1, sắc 2, hỏi 3, ngã 4, nặng 5.
  static let tones: [Unicode.Scalar: Character] = [
    "\u{300}": "1", "\u{301}": "2", "\u{309}": "3", "\u{303}": "4", "\u{323}": "5",
  ]

  /// The words of `text`, in order: runs of letters and digits.
  public static func syllables(_ text: String) -> [SearchSyllable] {
    var result: [SearchSyllable] = []
    var folded = String.UnicodeScalarView()
    var exact = String.UnicodeScalarView()
    var tone: Character?
    func flush() {
      guard !folded.isEmpty else { return }
      let exactWord = String(exact).precomposedStringWithCanonicalMapping
      result.append(SearchSyllable(folded: String(folded), exact: exactWord + String(tone ?? "0")))
      folded = String.UnicodeScalarView()
      exact = String.UnicodeScalarView()
      tone = nil
    }
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      if let digit = tones[scalar] {
        if !folded.isEmpty { tone = digit }
        continue
      }
      if scalar.properties.generalCategory == .nonspacingMark {
        if !exact.isEmpty { exact.append(scalar) }
        continue
      }
      guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
        flush()
        continue
      }
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        if lower == "đ" {
          folded.append("d")
        } else {
          folded.append(lower)
        }
        exact.append(lower)
      }
    }
    flush()
    return result
  }
}
