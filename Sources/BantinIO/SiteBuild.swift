import BantinCore

/// `bantin build`: reads a site folder, builds it and publishes it into its output
/// folder, with the build cache unless told not to.
///
/// With a cache that matches, a site whose files have not changed is not built at
/// all; otherwise only the files that changed are read, what did not change is
/// taken from the memo, and only files whose bytes changed are written into a
/// staging folder whose other files are hard links to the live ones
/// (`LinkedOutput`). Without one, the whole site is written into a staging folder
/// (`StagedOutput`). Either is swapped in whole. When any file has an error
/// nothing is written.
public struct SiteBuild: Sendable {
  public var root: String
  public var output: String
  public var build: BuildConfig
  public var usesCache: Bool
  /// For a command that exits once the build is done: the site and memos are left
  /// to the process's end rather than freed one object at a time (as compilers do
  /// with their syntax trees), which takes a tenth of a rebuild of 10,000 articles.
  public var leavesMemoryToExit = false
  /// Set when the build is a release of a web root (the git hooks): see `Release`.
  public var release: Release?
  /// The recipes of derived files (`build.derivedRules` says which are made).
  public var recipes: [any DerivedRecipe] = DerivedRecipes.standard

  /// A build into a new release folder of a web root: its sources are the web
  /// root's checkout, its cache is the web root's, and files that are the live
  /// release's are hard links to them, so that releases share what did not change.
  public struct Release: Sendable {
    /// The web root's cache folder.
    public var cacheFolder: String
    /// What the cache is of: the web root.
    public var identity: String
    /// The live release, whose files unchanged ones are linked from.
    public var live: String?
    /// Where the output folder will be once published (renamed into `releases/`).
    public var publishedAs: String
    /// An older release's folder to build in, rather than a new one (`ReleaseStore.sparePath`).
    public var spare: String?

    public init(cacheFolder: String, identity: String, live: String?, publishedAs: String) {
      self.cacheFolder = cacheFolder
      self.identity = identity
      self.live = live
      self.publishedAs = publishedAs
    }
  }

  public init(root: String, output: String, build: BuildConfig, usesCache: Bool = true) {
    self.root = root
    self.output = output
    self.build = build
    self.usesCache = usesCache
  }

  public struct Outcome: Sendable {
    /// Every diagnostic, sorted; with an error, nothing was published.
    public var diagnostics: [Diagnostic] = []
    public var summary = BuildSummary()
    /// Nothing had changed since the cached build: nothing was built or written.
    public var upToDate = false
    /// Files written, files of the last build kept as they were, files removed.
    public var written = 0
    public var kept = 0
    public var removed = 0
    /// Why the cache could not be saved, when it could not (the build is published).
    public var cacheProblem: String?

    init(diagnostics: [Diagnostic], summary: BuildSummary, upToDate: Bool = false) {
      self.diagnostics = diagnostics
      self.summary = summary
      self.upToDate = upToDate
    }
  }

  /// Builds and publishes; throws only when the output cannot be written (and then
  /// the published output is as it was).
  public func run() throws -> Outcome {
    var publisher = Publisher(siteRoot: root, output: output)
    if let problem = publisher.checkOutput() { throw FileSystemError(output, problem) }
    // Derived files are kept beside the build cache, for every build of the site.
    var derived = DerivedStore(
      cache: release?.cacheFolder ?? Publisher.parent(of: publisher.output) + "/" + BuildCache.folderName,
      siteRoot: root, recipes: recipes)
    derived.progress = build.progress
    publisher.derived = derived
    var build = self.build
    build.derivedFiles = derived
    let cache = release.map { BuildCache(folder: $0.cacheFolder) } ?? BuildCache(output: publisher.output)
    let started = POSIX.now()
    var key = BuildCache.Key(output: publisher.output, build: build)
    if let release { key.output = release.identity }
    if !usesCache { cache.remove() }
    let state = usesCache ? cache.state(for: key) : nil
    // The published files unchanged ones may be linked from, and what they are.
    let base = release.map { $0.live } ?? publisher.output
    let described = state.flatMap { state in base.flatMap { POSIX.realPath($0) == state.described ? state : nil } }
    let verified = described.map { SiteBuild.unchangedOutputs($0.outputs, in: base ?? publisher.output) } ?? [:]

    let trustsStamps = true  // a release's sources are a checkout that git updates file by file
    let (tree, loadProblems) = SourceTree.load(root: root) { path, stamp in
      trustsStamps ? state?.trustedContent(path: path, stamp: stamp) : nil
    }
    build.stageEnded?("read \(tree.files.count) files, checked \(verified.count) published files")
    if release == nil, let state, loadProblems.isEmpty,
      SiteBuild.isUnchanged(tree, since: state, verified: verified, now: build.now)
    {
      var outcome = Outcome(diagnostics: state.warnings, summary: state.summary, upToDate: true)
      outcome.kept = state.outputs.count
      return outcome
    }

    var memo = state.flatMap { cache.memo(for: $0) }
    if let pages = memo?.pages, verified.count < state?.outputs.count ?? 0 || described == nil {
      memo?.pages = pages.filter { verified[$0.key] != nil }  // a page changed by hand is made again
    }
    build.stageEnded?("read the cache")
    let pipeline = Pipeline(build: build)
    if loadProblems.hasErrors {
      var nowhere = DiscardingSink()
      let (result, _, _) = try pipeline.run(tree, memo: nil, into: &nowhere)
      return Outcome(diagnostics: (loadProblems + result.diagnostics).sorted(), summary: result.summary)
    }

    if release == nil, state?.held == nil || verified.isEmpty {
      try? POSIX.remove(publisher.heldTreePath)  // no longer described
    }
    var sink: any PublishingSink =
      verified.isEmpty
      ? try StagedOutput(publisher, sourceStamps: tree.stamps)
      : try LinkedOutput(
        publisher, base: base ?? publisher.output, live: verified,
        held: release == nil ? state.flatMap { state in state.held.map { ($0, state.outputs) } } : nil,
        spare: release?.spare,
        sourceStamps: tree.stamps)
    let built: (result: BuildResult, memo: BuildMemo, reuse: BuildMemo.Reuse)
    let stamps = tree.stamps
    do {
      // The pipeline lets go of the files' bytes once it has read them, and reads a
      // file it was not given when the memo does not hold what it needs of it.
      built = try pipeline.run(consume tree, memo: memo, into: &sink)
    } catch {
      sink.discard()
      throw error
    }
    defer {
      if leavesMemoryToExit { LeftToExit.keep((memo, built, state, verified, sink, stamps)) }
    }
    var outcome = Outcome(
      diagnostics: (loadProblems + built.result.diagnostics).sorted(), summary: built.result.summary)
    guard !outcome.diagnostics.hasErrors else {
      sink.discard()
      return outcome
    }

    cache.invalidate()  // the output is about to change
    do {
      outcome.removed = try sink.finish()
    } catch {
      sink.discard()
      throw error
    }
    outcome.written = sink.written
    outcome.kept = sink.kept
    build.stageEnded?("published: \(outcome.written) written, \(outcome.kept) kept, \(outcome.removed) removed")
    guard usesCache else { return outcome }
    let hashes = built.memo.contentHashes
    var sources: [SourcePath: BuildCache.SourceRecord] = [:]
    for (path, stamp) in stamps { sources[path] = BuildCache.SourceRecord(stamp: stamp, content: hashes[path]) }
    var saved = BuildCache.State(
      key: key, buildID: StableHash.random(), started: started, sources: sources, outputs: sink.records,
      stableUntil: built.result.stableUntil ?? build.now, summary: outcome.summary, warnings: outcome.diagnostics)
    saved.described = release?.publishedAs ?? POSIX.realPath(publisher.output) ?? publisher.output
    if release == nil, sink is LinkedOutput, let recorded = state?.outputs, POSIX.isDirectory(publisher.heldTreePath) {
      // The old output, as kept: a file changed by hand since it was written is of
      // no known inode (-1), so it is never taken for a link to a live file.
      var old = verified
      for (path, record) in recorded where verified[path] == nil {
        old[path] = OutputRecord(stamp: FileStamp(size: record.stamp.size, modified: 0, changed: 0, inode: -1))
      }
      saved.held = HeldTree(path: publisher.heldTreePath, old: old, new: sink.records)
    }
    do {
      try cache.save(saved, memo: built.memo)
    } catch {
      outcome.cacheProblem = "\(error)"
    }
    build.stageEnded?("build cache saved")
    return outcome
  }

  /// The records of the files in the output folder whose stamps are as recorded.
  static func unchangedOutputs(_ records: [OutputPath: OutputRecord], in output: String) -> [OutputPath: OutputRecord] {
    guard POSIX.isDirectory(output) else { return [:] }
    let items = Array(records)
    let same = items.parallelMap(chunkSize: 256) { item in
      // Not the ctime: a published file's inode is shared by hard links (the held
      // tree, other releases, packed releases' objects, derived files' store), and
      // each link made or removed changes it. Written in place, a file gets a new
      // mtime; bantin itself never writes into a published file.
      POSIX.stamp(output + "/" + item.0.rawValue).map {
        $0.size == item.1.stamp.size && $0.modified == item.1.stamp.modified && $0.inode == item.1.stamp.inode
      } ?? false
    }
    var verified: [OutputPath: OutputRecord] = [:]
    for (item, isSame) in zip(items, same) where isSame { verified[item.0] = item.1 }
    return verified
  }

  /// Whether the last build would be made again as it is: the same source files
  /// with the same stamps, every file it wrote still as written, and no article's
  /// date, expiry date or new year come since.
  static func isUnchanged(
    _ tree: SourceTree, since state: BuildCache.State, verified: [OutputPath: OutputRecord], now: Timestamp
  ) -> Bool {
    guard verified.count == state.outputs.count, now < state.stableUntil, tree.stamps.count == state.sources.count
    else { return false }
    return tree.stamps.allSatisfy { path, stamp in
      state.sources[path]?.stamp == stamp && stamp.changed < state.started
    }
  }
}

extension StableHash {
  /// A new random value, to tell one build from another.
  static func random() -> StableHash {
    var generator = SystemRandomNumberGenerator()
    return StableHash(high: generator.next(), low: generator.next())
  }
}

/// Values kept until the process ends, never freed (`SiteBuild.leavesMemoryToExit`).
private final class LeftToExit {
  let values: Any

  private init(_ values: Any) { self.values = values }

  static func keep(_ values: Any) { _ = Unmanaged.passRetained(LeftToExit(values)) }
}
