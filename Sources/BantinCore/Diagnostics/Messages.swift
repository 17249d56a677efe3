/// The language bantin speaks to the people who run it: Vietnamese for a site whose
/// `language` is Vietnamese (its editors are ward officials), English otherwise;
/// `--lang en` or `BANTIN_LANG=en` overrides it for operators.
public enum Speech: String, Sendable, Hashable {
  case vietnamese = "vi"
  case english = "en"

  /// The speech for a site in `language`, unless `override` (`--lang`, else
  /// `BANTIN_LANG`) names one: `vi…` or `en…`.
  public init(siteLanguage language: String?, override: String? = nil) {
    func primary(_ tag: String) -> String {
      String(tag.prefix { $0 != "-" && $0 != "_" && $0 != "." }).lowercased()
    }
    if let override, !override.isEmpty {
      self = primary(override) == "vi" ? .vietnamese : .english
    } else {
      self = primary(language ?? "vi") == "vi" ? .vietnamese : .english
    }
  }

  /// Whether `code` (`--lang`) names a language bantin speaks.
  public static func isKnown(_ code: String) -> Bool {
    ["vi", "en"].contains(String(code.prefix { $0 != "-" && $0 != "_" }).lowercased())
  }
}

/// One message in both languages bantin speaks. Made only in the catalogue (`Say`,
/// here and in `Catalogue/`), so that no message exists in one language only: a
/// test fails when one is made anywhere else, or when its two texts are the same.
public struct Message: Sendable, Hashable {
  public let vietnamese: String
  public let english: String

  init(_ vietnamese: String, _ english: String) {
    self.vietnamese = vietnamese
    self.english = english
  }

  public func text(_ speech: Speech) -> String { speech == .vietnamese ? vietnamese : english }
}

/// The catalogue: every message bantin says in both languages, in one folder (this
/// file and `Catalogue/`, a file per part of bantin). The Vietnamese is written for
/// a ward's editor: plain words, what to do next, the Markdown or YAML to write.
public enum Say {
  // MARK: - The shape of a diagnostic

  public static func severity(_ severity: Diagnostic.Severity) -> Message {
    severity == .error ? Message("lỗi", "error") : Message("cảnh báo", "warning")
  }

  /// A message as the build cache kept it.
  public static func cached(english: String, vietnamese: String?) -> Message {
    Message(vietnamese ?? english, english)
  }

  /// What `diagnostic` says, to be said again elsewhere (a photo that could not be
  /// read is a photo that could not be processed).
  public static func again(_ diagnostic: Diagnostic) -> Message {
    cached(english: diagnostic.message, vietnamese: diagnostic.vietnamese)
  }
}
