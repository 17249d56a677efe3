import Foundation

/// What makes two spellings of a category or tag one term: the same text once it is
/// NFC, case-folded, with runs of spaces as one, and with each word's tone mark
/// read wherever it was put. Vietnamese has two conventions for where a tone goes
/// on a diphthong (the old `hoà`, `thuý` and the new `hòa`, `thúy`); both are one
/// word. Different words stay different terms even when their ASCII slugs are the
/// same: `ăn` and `an` are two terms, `Tết` and `tết` one.
///
/// The key is for comparing only; it is never shown.
public struct TermKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  /// The five Vietnamese tone marks, as combining characters.
  static let tones: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

  public init(_ name: some StringProtocol) {
    var result = String.UnicodeScalarView()
    var word = String.UnicodeScalarView()
    var tone: Unicode.Scalar?
    func endWord() {
      result.append(contentsOf: word)
      if let tone { result.append(tone) }
      word.removeAll()
      tone = nil
    }
    var pendingSpace = false
    for scalar in String(name).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
      let properties = scalar.properties
      if TermKey.tones.contains(scalar.value) {
        tone = scalar  // the word's tone, wherever in it it was written
      } else if properties.isAlphabetic || properties.numericType != nil
        || properties.generalCategory == .nonspacingMark
      {
        if pendingSpace && !result.isEmpty { result.append(" ") }
        pendingSpace = false
        word.append(scalar)
      } else {
        endWord()
        if properties.isWhitespace {
          pendingSpace = true
        } else {
          if pendingSpace && !result.isEmpty { result.append(" ") }
          pendingSpace = false
          result.append(scalar)
        }
      }
    }
    endWord()
    // Composed again (a key is compared and hashed many times; NFC text is shorter,
    // and its bytes are compared as they are).
    rawValue = String(result).precomposedStringWithCanonicalMapping
  }

  public static func == (lhs: TermKey, rhs: TermKey) -> Bool { lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8) }

  /// By the key's bytes: Swift's `String` hashing would normalize non-ASCII text
  /// again on every lookup.
  public func hash(into hasher: inout Hasher) {
    var text = rawValue
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// A key as `rawValue` gave it (the build cache).
  package init(rawKey: String) { rawValue = rawKey }

  public var description: String { rawValue }

  public static func < (lhs: TermKey, rhs: TermKey) -> Bool { bytewiseLess(lhs.rawValue, rhs.rawValue) }
}
