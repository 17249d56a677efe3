/// An ASCII URL segment made from Vietnamese text: diacritics removed, `đ`/`Đ` → `d`,
/// lowercase, every run of other characters turned into one hyphen.
///
/// `Slug(from: "Hội nghị tổng kết năm 2023 của Đảng ủy")` is
/// `hoi-nghi-tong-ket-nam-2023-cua-dang-uy`; acronyms stay whole (`UBND` → `ubnd`).
/// NFC and NFD spellings give the same slug.
public struct Slug: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(from text: some StringProtocol) {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    var pendingHyphen = false
    for scalar in text.unicodeScalars {
      switch Normalization.slugPart(scalar) {
      case .letter(let ascii):
        if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
        pendingHyphen = false
        result.append(ascii)
      case .mark:
        continue  // a diacritic of the previous letter
      case .separator:
        pendingHyphen = true
      }
    }
    self.rawValue = String(decoding: result, as: UTF8.self)
  }

  /// Accepts a slug written by hand (front matter `slug:`) only when it is already one.
  public init?(validating text: String) {
    let slug = Slug(from: text)
    guard !slug.rawValue.isEmpty, slug.rawValue == text else { return nil }
    self = slug
  }

  public var isEmpty: Bool { rawValue.isEmpty }
  public var description: String { rawValue }
}
