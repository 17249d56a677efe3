import Foundation

/// How the search index and the search page read Vietnamese text, the same on both
/// sides (`templates/static/tim-kiem.js` repeats it; the tests hold both to the same
/// cases).
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
  /// The words of `text`, in order: runs of letters and digits.
  public static func syllables(_ text: String) -> [SearchSyllable] {
    var scanner = SyllableScanner()
    scanner.scan(text, html: false)
    return scanner.words.indices.map { index in
      SearchSyllable(
        folded: String(decoding: scanner.folded(index), as: UTF8.self),
        exact: String(decoding: scanner.exact(index), as: UTF8.self))
    }
  }
}

/// Reads text (or the text of HTML) into syllables as UTF-8 bytes, without making a
/// String per word: the index reads every word of every article.
struct SyllableScanner {
  /// What a letter of Latin script is, lowercased: its folded bytes, its bytes with
  /// vowel marks but no tone (each at most 4 bytes, packed), and its tone digit.
  struct Letter {
    var folded: UInt32
    var foldedCount: UInt8
    var exact: UInt32
    var exactCount: UInt8
    var tone: UInt8
  }

  /// The tone marks' digits: huyền 1, sắc 2, hỏi 3, ngã 4, nặng 5; 0 for other scalars.
  @inline(__always) static func tone(_ value: UInt32) -> UInt8 {
    switch value {
    case 0x300: return 1
    case 0x301: return 2
    case 0x309: return 3
    case 0x303: return 4
    case 0x323: return 5
    default: return 0
    }
  }

  /// Every letter of Latin-1 and Latin Extended-A and -B (U+00C0–U+024F), then of
  /// Latin Extended Additional (U+1E00–U+1EFF), where Vietnamese's precomposed
  /// letters are, decomposed once; nil for what is not a letter or is too long.
  static let latin: [Letter?] = (0xC0...0x24F).map(letter)
  static let latinAdditional: [Letter?] = (0x1E00...0x1EFF).map(letter)

  static func letter(_ code: Int) -> Letter? {
    guard let scalar = Unicode.Scalar(UInt32(code)), scalar.properties.isAlphabetic else { return nil }
    var folded = String.UnicodeScalarView()
    var exact = String.UnicodeScalarView()
    var tone: UInt8 = 0
    for part in scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping.unicodeScalars {
      let digit = SyllableScanner.tone(part.value)
      if digit != 0 {
        tone = digit
      } else if part.properties.generalCategory == .nonspacingMark {
        exact.append(part)
      } else {
        folded.append(part == "đ" ? "d" : part)
        exact.append(part)
      }
    }
    let foldedBytes = Array(String(folded).utf8)
    let exactBytes = Array(String(exact).precomposedStringWithCanonicalMapping.utf8)
    guard foldedBytes.count <= 4, exactBytes.count <= 4 else { return nil }
    func pack(_ bytes: [UInt8]) -> UInt32 {
      bytes.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }
    return Letter(
      folded: pack(foldedBytes), foldedCount: UInt8(foldedBytes.count), exact: pack(exactBytes),
      exactCount: UInt8(exactBytes.count), tone: tone)
  }

  @inline(__always) static func known(_ value: UInt32) -> Letter? {
    if value >= 0xC0, value <= 0x24F { return latin[Int(value - 0xC0)] }
    if value >= 0x1E00, value <= 0x1EFF { return latinAdditional[Int(value - 0x1E00)] }
    return nil
  }

  /// Where the word being read starts in `foldedBytes` and `exactBytes`.
  private var foldedStart = 0
  private var exactStart = 0
  private var tone: UInt8 = 0
  /// The words of the last scan: their folded and exact bytes, one after another.
  private(set) var foldedBytes: [UInt8] = []
  private(set) var exactBytes: [UInt8] = []
  /// For each word, where its bytes end in `foldedBytes` and `exactBytes`.
  private(set) var words: [(folded: Int, exact: Int, plain: Bool)] = []

  func folded(_ word: Int) -> ArraySlice<UInt8> {
    foldedBytes[(word == 0 ? 0 : words[word - 1].folded)..<words[word].folded]
  }

  func exact(_ word: Int) -> ArraySlice<UInt8> {
    exactBytes[(word == 0 ? 0 : words[word - 1].exact)..<words[word].exact]
  }

  /// Whether a word has no mark and no tone (its exact form is its folded one and `0`).
  func isPlain(_ word: Int) -> Bool { words[word].plain }

  /// Reads the words of `text` into `words` (the last scan's are dropped); each exact
  /// form ends with its tone digit. With `html`, tags are skipped and character
  /// references decoded.
  mutating func scan(_ text: String, html: Bool) {
    foldedBytes.removeAll(keepingCapacity: true)
    exactBytes.removeAll(keepingCapacity: true)
    words.removeAll(keepingCapacity: true)
    foldedStart = 0
    exactStart = 0
    tone = 0
    var inTag = false
    var entity: String.UnicodeScalarView?
    func letter(_ scalar: Unicode.Scalar) {
      let value = scalar.value
      if value < 0x80 {
        switch value {
        case 0x61...0x7A, 0x30...0x39:
          foldedBytes.append(UInt8(value))
          exactBytes.append(UInt8(value))
        case 0x41...0x5A:
          foldedBytes.append(UInt8(value + 0x20))
          exactBytes.append(UInt8(value + 0x20))
        default:
          flush()
        }
        return
      }
      if let known = SyllableScanner.known(value) {
        var bytes = known.folded
        for _ in 0..<known.foldedCount {
          foldedBytes.append(UInt8(truncatingIfNeeded: bytes))
          bytes >>= 8
        }
        bytes = known.exact
        for _ in 0..<known.exactCount {
          exactBytes.append(UInt8(truncatingIfNeeded: bytes))
          bytes >>= 8
        }
        if known.tone != 0 { tone = known.tone }
        return
      }
      let digit = SyllableScanner.tone(value)
      if digit != 0 {
        if foldedBytes.count > foldedStart { tone = digit }
        return
      }
      if scalar.properties.generalCategory == .nonspacingMark {
        if exactBytes.count > exactStart { appendMark(scalar) }
        return
      }
      guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
        flush()
        return
      }
      let lower = Array(scalar.properties.lowercaseMapping.utf8)
      foldedBytes += lower
      exactBytes += lower
    }
    for scalar in text.unicodeScalars {
      guard html else {
        letter(scalar)
        continue
      }
      if inTag {
        if scalar == ">" { inTag = false }
        continue
      }
      if var name = entity {
        if scalar == ";" {
          entity = nil
          for decoded in HTMLText.decode(String(name)).unicodeScalars { letter(decoded) }
        } else if name.count < 10 {
          name.append(scalar)
          entity = name
        } else {
          entity = nil
          flush()
        }
        continue
      }
      switch scalar {
      case "<":
        inTag = true
        flush()
      case "&":
        entity = String.UnicodeScalarView()
      default:
        letter(scalar)
      }
    }
    flush()
  }

  private mutating func appendMark(_ mark: Unicode.Scalar) {
    // Rare (text not in NFC): the base letter and its mark are composed again.
    var end = exactBytes.count
    while end > exactStart, exactBytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
    if end > exactStart { end -= 1 }
    var last = String(decoding: exactBytes[end...], as: UTF8.self).unicodeScalars
    last.append(mark)
    exactBytes.removeSubrange(end...)
    exactBytes += Array(String(last).precomposedStringWithCanonicalMapping.utf8)
  }

  private mutating func flush() {
    guard foldedBytes.count > foldedStart else { return }
    let plain =
      tone == 0 && exactBytes.count - exactStart == foldedBytes.count - foldedStart
      && exactBytes[exactStart...].elementsEqual(foldedBytes[foldedStart...])
    exactBytes.append(0x30 + tone)
    words.append((foldedBytes.count, exactBytes.count, plain))
    foldedStart = foldedBytes.count
    exactStart = exactBytes.count
    tone = 0
  }
}
