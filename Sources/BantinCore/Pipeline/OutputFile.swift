/// One file of the built site.
public struct OutputFile: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    /// Bytes made by the build (a page, a stylesheet).
    case bytes([UInt8])
    /// A file of the site folder, copied as it is (a photo).
    case copy(SourcePath)
    /// A file made outside the core from source files (`DerivedFile`), copied from
    /// where its maker keeps it.
    case derived(DerivedFile)
    /// The same bytes as the last build wrote at this path (see `BuildMemo`).
    case unchanged
  }

  public var path: OutputPath
  public var content: Content

  public init(path: OutputPath, content: Content) {
    self.path = path
    self.content = content
  }

  public static func page(_ path: OutputPath, _ html: String) -> OutputFile {
    OutputFile(path: path, content: .bytes(Array(html.utf8)))
  }
}

/// What a build did, for the summary line.
public struct BuildSummary: Sendable, Equatable {
  public init() {}

  /// Pages whose fingerprint matched the last build's, not rendered again.
  public var pagesUnchanged = 0
  /// HTML pages, redirects and robots.txt included; feeds and sitemaps not.
  public var pages = 0
  public var terms = 0
  public var feeds = 0
  public var aliases = 0
  public var futureSkipped = 0
  public var articles = 0
  public var sections = 0
  public var filesCopied = 0
  public var draftsSkipped = 0
  /// Articles whose `expiryDate` has passed.
  public var expiredSkipped = 0
}

/// The outcome of running the pipeline: the files to publish and every diagnostic.
/// A result with errors must not be published.
public struct BuildResult: Sendable {
  public var files: [OutputFile]
  public var diagnostics: [Diagnostic]
  public var summary: BuildSummary
  public var site: Site?
  /// Until when the same sources make the same site: the first moment an article's
  /// date or expiry date comes, or a new year begins (pages show the year); nil
  /// when nothing was built.
  public var stableUntil: Timestamp?
}

extension OutputFile {
  /// The bytes of a file made by the build; empty for a copied file.
  public var bytes: [UInt8] {
    if case .bytes(let bytes) = content { return bytes }
    return []
  }
}
