/// What one build can hand the next so that work whose inputs did not change is
/// not done again: front matter by file and bytes, rendered bodies while the site's
/// files and address stay the same, pages by template and context while the theme
/// stays the same. Keys are the inputs themselves (compared with ==), so a memo can
/// never return the output of other inputs.
public struct BuildMemo: Sendable {
  struct EntryKey: Hashable, Sendable {
    var path: SourcePath
    var bytes: [UInt8]
    var config: SiteConfig
  }

  struct PageKey: Hashable, Sendable {
    var template: String
    var context: TemplateValue
  }

  var entries: [EntryKey: (ContentEntry?, [Diagnostic])] = [:]
  var articles: [EntryKey: (Article?, [Diagnostic])] = [:]
  var assets: AssetMap?
  var url: SiteURL?
  var pages: [PageKey: OutputFile] = [:]
  var theme: Theme?

  /// Whether this build fills the memo (the preview does; a one-off build need not).
  var recording = true

  public init() {}

  init(recording: Bool) { self.recording = recording }

  /// How much of the last build was reused, for the preview server's log.
  public struct Reuse: Sendable, Equatable {
    public var entries = 0
    public var articles = 0
    public var pages = 0
  }
}
