import Foundation

/// A language tag as HTML's `lang` and feeds want it (BCP 47): a language of ISO
/// 639, then optionally a script and a region, each checked and written in its
/// usual case: `vi`, `vi-VN`, `en-US`, `zh-Hans-CN`. `vietnamese` and `vi_VN` are
/// not tags.
public struct LanguageTag: Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String

  /// ISO 639 language codes Foundation knows, two and three letters.
  private static let languages: Set<String> = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))

  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard let language = parts.first?.lowercased(), (2...3).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter }), LanguageTag.languages.contains(language)
    else { return nil }
    var result = [language]
    var rest = parts.dropFirst()
    if let script = rest.first, script.count == 4, script.allSatisfy({ $0.isASCII && $0.isLetter }) {
      result.append(script.prefix(1).uppercased() + script.dropFirst().lowercased())
      rest = rest.dropFirst()
    }
    if let region = rest.first,
      (region.count == 2 && region.allSatisfy({ $0.isASCII && $0.isLetter }))
        || (region.count == 3 && region.allSatisfy({ $0.isASCII && $0.isNumber }))
    {
      result.append(region.uppercased())
      rest = rest.dropFirst()
    }
    // Variants: five to eight letters or digits, or a digit and three more.
    for variant in rest {
      let alphanumeric = variant.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      guard alphanumeric,
        (5...8).contains(variant.count) || (variant.count == 4 && variant.first?.isNumber == true)
      else { return nil }
      result.append(variant.lowercased())
    }
    rawValue = result.joined(separator: "-")
  }

  public var description: String { rawValue }
}
