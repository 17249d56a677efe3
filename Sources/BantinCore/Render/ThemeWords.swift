/// The words the default theme and bantin's own output show readers ("Trang chủ",
/// "Bài trước", the date "Thứ Hai, 13/01/2014"), in the site's language: Vietnamese
/// for `vi`, English for every other language (a site in another language can
/// override any template). Templates get them as `words`.
public struct ThemeWords: Sendable {
  public enum Language: Sendable { case vietnamese, english }

  public let language: Language

  public init(language tag: String) {
    let primary = tag.prefix(while: { $0 != "-" && $0 != "_" }).lowercased()
    language = primary == "vi" ? .vietnamese : .english
  }

  /// The text of a link to a video on YouTube (Hugo's `youtube` shortcode).
  public var watchVideo: String {
    language == .vietnamese ? "Xem video trên YouTube" : "Watch the video on YouTube"
  }
}
