import BantinCore

#if canImport(Glibc)
  import Glibc
#endif

/// What `bantin build` keeps between builds, in `.bantin-cache/<output name>/`
/// beside the output folder: the state of the last build (the stamp of every
/// source file and of every file it wrote, the content hash of each Markdown file)
/// and its memo (front matter, rendered articles, page fingerprints).
///
/// A cache is only ever used for the same bantin (version and executable), the
/// same switches and the same output folder, and only for files whose stamps are
/// those it recorded; anything else in it is ignored. Its own folder holds a
/// `.gitignore` so that it is never committed.
public struct BuildCache: Sendable {
  public static let folderName = ".bantin-cache"

  public let folder: String

  public init(output: String) {
    folder = Publisher.parent(of: output) + "/" + BuildCache.folderName + "/" + Publisher.name(of: output)
  }

  /// A cache kept in `folder` (a web root's, for its releases).
  public init(folder: String) { self.folder = folder }

  /// What a build must share with the cached one for the cache to apply.
  public struct Key: Sendable, Hashable {
    public var version = BantinCore.version
    /// The bantin executable's stamp: a rebuilt bantin is another bantin.
    public var executable = POSIX.stamp("/proc/self/exe")
    public var output: String
    public var includeDrafts: Bool
    public var includeFuture: Bool
    public var brokenLinksAreErrors: Bool
    public var baseURL: String?
    public var relativeURLs: Bool

    public init(output: String, build: BuildConfig) {
      let parent = Publisher.parent(of: output)
      self.output = (POSIX.realPath(parent) ?? parent) + "/" + Publisher.name(of: output)
      includeDrafts = build.includeDrafts
      includeFuture = build.includeFuture
      brokenLinksAreErrors = build.brokenLinksAreErrors
      baseURL = build.baseURL.map { $0.origin + $0.basePath }
      relativeURLs = build.relativeURLs
    }
  }

  /// A source file as the last build read it: its stamp, and for a Markdown file
  /// the hash of its bytes (the key of what the memo holds for it).
  public struct SourceRecord: Sendable, Hashable {
    public var stamp: FileStamp
    public var content: StableHash?
  }

  public struct State: Sendable {
    public var key: Key
    /// Pairs the state with its memo.
    public var buildID: StableHash
    /// When the build began to read the site, in nanoseconds since 1970: a file
    /// changed since then may have been read before the change.
    public var started: Int
    public var sources: [SourcePath: SourceRecord]
    public var outputs: [OutputPath: OutputRecord]
    /// Until when the same sources make the same site (`BuildResult.stableUntil`).
    public var stableUntil: Timestamp
    public var summary: BuildSummary
    /// The warnings the build printed, printed again when nothing changed.
    public var warnings: [Diagnostic]
    /// The old output the build swapped out and kept for the next (`HeldTree`).
    public var held: HeldTree?
    /// The folder (its real path) whose files `outputs` describes.
    public var described = ""

    /// The Markdown files whose stamps are as recorded, and were before the build
    /// began: their content hashes.
    public func trustedContent(path: SourcePath, stamp: FileStamp) -> StableHash? {
      guard let record = sources[path], record.stamp == stamp, stamp.changed < started else { return nil }
      return record.content
    }
  }

  static let stateMagic = Array("bantin-cache-state-2\n".utf8)
  static let memoMagic = Array("bantin-cache-memo-1\n".utf8)
  var statePath: String { folder + "/state" }
  var memoPath: String { folder + "/memo" }

  /// The state of the last build, if it was made with `key`; nil otherwise, or
  /// when the file is missing or damaged.
  public func state(for key: Key) -> State? {
    guard let bytes = try? POSIX.read(statePath), bytes.starts(with: BuildCache.stateMagic) else { return nil }
    var reader = BinaryReader(bytes)
    reader.offset = BuildCache.stateMagic.count
    guard let state = try? reader.state(), reader.atEnd, state.key == key else { return nil }
    return state
  }

  /// The memo written with `state`; nil when it is missing, damaged or another's.
  public func memo(for state: State) -> BuildMemo? {
    guard let bytes = try? POSIX.read(memoPath), bytes.starts(with: BuildCache.memoMagic) else { return nil }
    var reader = BinaryReader(bytes)
    reader.offset = BuildCache.memoMagic.count
    guard let id = try? reader.hash(), id == state.buildID else { return nil }
    return BuildMemo(decoding: bytes, from: reader.offset)
  }

  /// Says that the files the state describes at `old` are now at `new` (a
  /// release renamed into place); nothing when it describes another folder.
  public func redescribe(_ old: String, as new: String) {
    guard let bytes = try? POSIX.read(statePath), bytes.starts(with: BuildCache.stateMagic) else { return }
    var reader = BinaryReader(bytes)
    reader.offset = BuildCache.stateMagic.count
    guard var state = try? reader.state(), reader.atEnd, state.described == old else { return }
    state.described = new
    var writer = BinaryWriter()
    writer.bytes = BuildCache.stateMagic
    writer.state(state)
    try? replace(statePath, with: writer.bytes)
  }

  /// Forgets the last build, before its output is changed.
  public func invalidate() { try? POSIX.remove(statePath) }

  /// Removes the whole cache of this output folder.
  public func remove() { try? POSIX.remove(folder) }

  /// A `.gitignore` in the cache's folder `top`, so that it is never committed.
  /// Two builds starting at once (`serve` and a hook, say) may both find it
  /// missing: the one whose write finds it made by the other goes on.
  static func ignore(_ top: String) throws {
    let path = top + "/.gitignore"
    guard !POSIX.exists(path) else { return }
    do {
      try POSIX.write(Array("# bantin's build cache: never committed\n*\n".utf8), to: path)
    } catch {
      guard POSIX.exists(path) else { throw error }
    }
  }

  /// Keeps a build: the memo first, then the state that names it, each written
  /// beside its place and renamed over it.
  public func save(_ state: State, memo: BuildMemo) throws {
    let top = Publisher.parent(of: folder)
    try POSIX.makeDirectory(top)
    try BuildCache.ignore(top)
    try POSIX.makeDirectory(folder)
    let temporary = memoPath + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let file = try POSIX.FileWriter(creating: temporary)
    var head = BinaryWriter()
    head.bytes = BuildCache.memoMagic
    head.hash(state.buildID)
    try file.write(head.bytes)
    try memo.encode { try file.write($0) }
    try file.close()
    guard rename(temporary, memoPath) == 0 else { throw FileSystemError.errno(memoPath, "cannot replace") }
    var stateWriter = BinaryWriter()
    stateWriter.bytes = BuildCache.stateMagic
    stateWriter.state(state)
    try replace(statePath, with: stateWriter.bytes)
  }

  private func replace(_ path: String, with bytes: [UInt8]) throws {
    let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try POSIX.write(bytes, to: temporary)
    guard rename(temporary, path) == 0 else { throw FileSystemError.errno(path, "cannot replace") }
  }
}

extension BinaryWriter {
  mutating func stamp(_ value: FileStamp) {
    int(value.size)
    int(value.modified)
    int(value.changed)
    int(value.inode)
  }

  mutating func state(_ state: BuildCache.State) {
    let key = state.key
    string(key.version)
    optional(key.executable) { $0.stamp($1) }
    string(key.output)
    bool(key.includeDrafts)
    bool(key.includeFuture)
    bool(key.brokenLinksAreErrors)
    bool(key.relativeURLs)
    optional(key.baseURL) { $0.string($1) }
    hash(state.buildID)
    int(state.started)
    array(Array(state.sources)) { writer, item in
      writer.string(item.key.rawValue)
      writer.stamp(item.value.stamp)
      writer.optional(item.value.content) { $0.hash($1) }
    }
    array(Array(state.outputs)) { writer, item in
      writer.string(item.key.rawValue)
      writer.stamp(item.value.stamp)
      writer.optional(item.value.source) { $0.string($1.rawValue) }
      writer.optional(item.value.sourceStamp) { $0.stamp($1) }
    }
    timestamp(state.stableUntil)
    let summary = state.summary
    for count in [
      summary.pagesUnchanged, summary.pages, summary.terms, summary.feeds, summary.aliases, summary.futureSkipped,
      summary.articles, summary.sections, summary.filesCopied, summary.draftsSkipped, summary.expiredSkipped,
    ] {
      int(count)
    }
    array(state.warnings) { $0.diagnostic($1) }
    string(state.described)
    optional(state.held) { writer, held in
      writer.string(held.path)
      writer.array(held.differing.sorted { $0.key < $1.key }) { writer, item in
        writer.string(item.key.rawValue)
        writer.int(item.value)
      }
      writer.array(held.missing.sorted()) { $0.string($1.rawValue) }
    }
  }
}

extension BinaryReader {
  mutating func stamp() throws -> FileStamp {
    FileStamp(size: try int(), modified: try int(), changed: try int(), inode: try int())
  }

  mutating func state() throws -> BuildCache.State {
    var key = BuildCache.Key(output: "", build: BuildConfig(now: Timestamp(secondsSince1970: 0)))
    key.version = try string()
    key.executable = try optional { try $0.stamp() }
    key.output = try string()
    key.includeDrafts = try bool()
    key.includeFuture = try bool()
    key.brokenLinksAreErrors = try bool()
    key.relativeURLs = try bool()
    key.baseURL = try optional { try $0.string() }
    let buildID = try hash()
    let started = try int()
    var sources: [SourcePath: BuildCache.SourceRecord] = [:]
    for _ in 0..<(try count()) {
      let path = SourcePath(try string())
      sources[path] = BuildCache.SourceRecord(stamp: try stamp(), content: try optional { try $0.hash() })
    }
    var outputs: [OutputPath: OutputRecord] = [:]
    for _ in 0..<(try count()) {
      let path = OutputPath(try string())
      outputs[path] = OutputRecord(
        stamp: try stamp(), source: try optional { SourcePath(try $0.string()) },
        sourceStamp: try optional { try $0.stamp() })
    }
    let stableUntil = try timestamp()
    var summary = BuildSummary()
    summary.pagesUnchanged = try int()
    summary.pages = try int()
    summary.terms = try int()
    summary.feeds = try int()
    summary.aliases = try int()
    summary.futureSkipped = try int()
    summary.articles = try int()
    summary.sections = try int()
    summary.filesCopied = try int()
    summary.draftsSkipped = try int()
    summary.expiredSkipped = try int()
    let warnings = try array { try $0.diagnostic() }
    let described = try string()
    let held = try optional { reader in
      let path = try reader.string()
      var differing: [OutputPath: Int] = [:]
      for _ in 0..<(try reader.count()) { differing[OutputPath(try reader.string())] = try reader.int() }
      let missing = Set(try reader.array { OutputPath(try $0.string()) })
      return HeldTree(path: path, differing: differing, missing: missing)
    }
    return BuildCache.State(
      key: key, buildID: buildID, started: started, sources: sources, outputs: outputs, stableUntil: stableUntil,
      summary: summary, warnings: warnings, held: held, described: described)
  }
}
