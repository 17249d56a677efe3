import Foundation

/// Fast answers to two questions the pipeline asks of every file and every tag:
/// is this text already NFC, and what ASCII letter does a Latin letter with marks
/// stand for. Both use tables built once from Foundation's own normalization, so
/// they agree with it; text that the tables cannot vouch for goes to Foundation.
enum Normalization {
  /// For scalars U+0300..<U+3000: whether the scalar, with combining class 0, is its
  /// own NFC and cannot compose with what precedes it.
  private static let stable: [Bool] = {
    var table = [Bool](repeating: false, count: 0x3000 - 0x300)
    for value in 0x300..<0x3000 {
      guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass.rawValue == 0,
        !maybeComposing(value)
      else { continue }
      let text = String(scalar)
      table[value - 0x300] = text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(
        text.unicodeScalars)
    }
    return table
  }()

  /// Scalars of combining class 0 that can still compose with the scalar before them
  /// (Unicode's NFC_Quick_Check=Maybe): Indic and Sinhala vowel signs, Hangul jamo.
  private static func maybeComposing(_ value: Int) -> Bool {
    (0x0B00...0x0DFF).contains(value) || (0x1000...0x109F).contains(value) || (0x1100...0x11FF).contains(value)
      || (0x1B00...0x1B7F).contains(value)
  }

  /// True when `text` is certainly NFC; false when it may not be.
  static func isNFC(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      let value = Int(scalar.value)
      if value < 0x300 { continue }
      if value < 0x3000 {
        if !stable[value - 0x300] { return false }
        continue
      }
      if scalar.properties.canonicalCombiningClass.rawValue != 0 { return false }
      if (0x3099...0x309A).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFB1D...0xFB4F).contains(value)
        || (0x1D15E...0x1D1C0).contains(value) || (0x2F800...0x2FA1F).contains(value)
        || (0x110B0...0x1193F).contains(value)
      {
        return false
      }
    }
    return true
  }

  /// The text in NFC.
  static func nfc(_ text: String) -> String {
    isNFC(text) ? text : text.precomposedStringWithCanonicalMapping
  }

  /// For scalars below U+2200: the lowercase ASCII letter or digit its canonical
  /// decomposition starts with (`ề` → `e`), `d` for `đ`/`Đ`, 0 for none.
  private static let asciiBase: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0x2200)
    for value in 0..<0x2200 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.prefix(1) {
        switch part.value {
        case 0x30...0x39, 0x61...0x7A: table[value] = UInt8(part.value)
        case 0x41...0x5A: table[value] = UInt8(part.value + 0x20)
        default: break
        }
      }
    }
    table[0x0110] = UInt8(ascii: "d")
    table[0x0111] = UInt8(ascii: "d")
    return table
  }()

  /// What a scalar contributes to a slug: an ASCII letter or digit, nothing (a
  /// combining mark), or a separator.
  enum SlugPart {
    case letter(UInt8)
    case mark
    case separator
  }

  static func slugPart(_ scalar: Unicode.Scalar) -> SlugPart {
    let value = Int(scalar.value)
    if value < 0x2200 {
      let base = asciiBase[value]
      if base != 0 { return .letter(base) }
    }
    if scalar.properties.generalCategory == .nonspacingMark { return .mark }
    return .separator
  }
}
