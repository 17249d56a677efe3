import BantinCore
import Foundation

extension Speech {
  /// The language to speak about a site in `language`: `lang` (`--lang`) if given,
  /// else `BANTIN_LANG` (which git hands on to the hooks), else the site's.
  public static func forSite(language: String?, lang: String? = nil) -> Speech {
    Speech(siteLanguage: language, override: lang ?? ProcessInfo.processInfo.environment["BANTIN_LANG"])
  }
}
