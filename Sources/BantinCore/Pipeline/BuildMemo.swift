/// What one build hands the next so that work whose inputs did not change is not
/// done again: each Markdown file's front matter and rendered article, by its path,
/// the hash of its bytes and the site's settings; and the fingerprint of every page,
/// so a page whose template and context are the same is not rendered or written
/// again. The preview server keeps it in memory; `bantin build` keeps it on disk
/// (`BuildCache` in BantinIO). A memo only ever answers for the exact same inputs.
public struct BuildMemo: Sendable {
  public struct EntryKey: Hashable, Sendable {
    package init(path: SourcePath, content: StableHash, config: StableHash) {
      self.path = path
      self.content = content
      self.config = config
    }

    public var path: SourcePath
    public var content: StableHash
    /// The fingerprint of the site's settings (`SiteConfig.fingerprint`).
    public var config: StableHash
  }

  /// What was made of one Markdown file; a class, as the memo hands it on whole
  /// from build to build.
  package final class Entry: Sendable {
    package let entry: ContentEntry?
    /// What reading the front matter said.
    package let frontMatterDiagnostics: [Diagnostic]
    /// The rendered article, once it is (nil: not rendered yet, or it failed).
    package let article: Article?
    /// What rendering the Markdown said.
    package let articleDiagnostics: [Diagnostic]
    /// The entry as the cache file holds it, when it was read from one: written
    /// back as it is.
    package let encoded: Encoded?

    package init(
      entry: ContentEntry?, frontMatterDiagnostics: [Diagnostic], article: Article? = nil,
      articleDiagnostics: [Diagnostic] = [], encoded: Encoded? = nil
    ) {
      self.entry = entry
      self.frontMatterDiagnostics = frontMatterDiagnostics
      self.article = article
      self.articleDiagnostics = articleDiagnostics
      self.encoded = encoded
    }
  }

  /// An entry's bytes in the cache file it was read from, and where.
  package struct Encoded: Sendable {
    package init(bytes: ArraySlice<UInt8>, file: EncodedFile, chunk: Int) {
      self.bytes = bytes
      self.file = file
      self.chunk = chunk
    }

    package let bytes: ArraySlice<UInt8>
    package let file: EncodedFile
    /// Its chunk in `file.chunks`.
    package let chunk: Int
  }

  /// The chunks of a cache file a memo was read from, each with its frame and the
  /// number of entries in it: a chunk whose entries are all kept is written back
  /// whole, without copying.
  package final class EncodedFile: Sendable {
    package let chunks: [(bytes: ArraySlice<UInt8>, count: Int)]

    package init(chunks: [(bytes: ArraySlice<UInt8>, count: Int)]) { self.chunks = chunks }
  }

  /// Front matter and article of each Markdown file.
  package var entries: [EntryKey: Entry] = [:]
  /// The file the memo, or the one before it, was read from.
  package var encodedFile: EncodedFile?
  /// What the articles' links and images were resolved against
  /// (`AssetMap.fingerprint(url:)`): while it is the same, their lookups hold.
  package var references: StableHash?
  /// The output paths of a build whose check of them (`Pipeline.checkOutputs`)
  /// found nothing, hashed: the same paths pass again.
  package var outputsChecked: StableHash?
  /// The site's sections, terms, archives and article links, with what they were made from.
  package var siteIndex: SiteBuilder.Index?

  /// The content hash of each Markdown file the memo holds, so that a loader need
  /// not read a file whose stamp has not changed.
  public var contentHashes: [SourcePath: StableHash] {
    Dictionary(entries.keys.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
  }
  /// What each page written was made from, hashed two ways.
  public struct PageRecord: Sendable, Hashable {
    package init(inputs: StableHash?, fingerprint: StableHash) {
      self.inputs = inputs
      self.fingerprint = fingerprint
    }

    /// The hash of what its context is made from (`PageRenderer.inputs(of:)`): while
    /// it is the same, the page is, without making its context. Nil for pages whose
    /// bytes are hashed instead (feeds, sitemaps, robots.txt).
    public var inputs: StableHash?
    /// Template, theme, bantin and the whole context; or the bytes.
    public var fingerprint: StableHash
  }

  /// Each page written.
  public var pages: [OutputPath: PageRecord] = [:]

  public init() {}

  /// How much of the last build was reused.
  public struct Reuse: Sendable, Equatable {
    public var entries = 0
    public var articles = 0
    public var pages = 0
    /// Pages found unchanged by their inputs alone, without making their contexts.
    public var pagesByInputs = 0
  }
}

/// Where a build's files go: into memory, a staging folder, or over the files of
/// the last build. Called with batches of files in the order of the plan, from one
/// thread at a time.
public protocol OutputSink {
  mutating func write(_ files: [OutputFile]) throws
}

/// Keeps every file in memory.
public struct CollectingSink: OutputSink {
  public var files: [OutputFile] = []

  public init() {}

  public mutating func write(_ files: [OutputFile]) throws { self.files += files }
}

/// Throws every file away: for a build whose only use is its diagnostics.
public struct DiscardingSink: OutputSink {
  public init() {}

  public mutating func write(_ files: [OutputFile]) throws {}
}
