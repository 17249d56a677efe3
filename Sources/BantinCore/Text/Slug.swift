import Foundation

/// An ASCII URL segment made from Vietnamese text: diacritics removed, `đ`/`Đ` → `d`,
/// lowercase, every run of other characters turned into one hyphen.
///
/// `Slug(from: "Hội nghị tổng kết năm 2023 của Đảng ủy")` is
/// `hoi-nghi-tong-ket-nam-2023-cua-dang-uy`; acronyms stay whole (`UBND` → `ubnd`).
public struct Slug: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(from text: some StringProtocol) {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingHyphen = false
    for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
      if let ascii = Slug.asciiLetterOrDigit(scalar) {
        if pendingHyphen && !result.isEmpty { result.append("-") }
        pendingHyphen = false
        result.unicodeScalars.append(ascii)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue  // a diacritic of the previous letter
      } else {
        pendingHyphen = true
      }
    }
    self.rawValue = result
  }

  /// Accepts a slug written by hand (front matter `slug:`) only when it is already one.
  public init?(validating text: String) {
    let slug = Slug(from: text)
    guard !slug.rawValue.isEmpty, slug.rawValue == text else { return nil }
    self = slug
  }

  public var isEmpty: Bool { rawValue.isEmpty }
  public var description: String { rawValue }

  private static func asciiLetterOrDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x30...0x39, 0x61...0x7A: return scalar
    case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)
    case 0x0110, 0x0111: return "d"  // Đ đ: a letter of its own, not d with a mark
    default: return nil
    }
  }
}
