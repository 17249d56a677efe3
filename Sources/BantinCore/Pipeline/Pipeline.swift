/// The whole build, without I/O: a site folder's files in, the files to publish and
/// every diagnostic out. Deterministic: the clock and switches come in `BuildConfig`.
///
/// The build reads as its stages (`run(_:memo:into:)`); each takes values and gives
/// values and diagnostics, and the work of one file depends on no other file's and
/// runs on every core. The build cache is a layer around them (`MemoReuse`).
public struct Pipeline: Sendable {
  public var build: BuildConfig

  public init(build: BuildConfig) { self.build = build }

  /// Builds `tree` and keeps every file in memory (`BuildResult.files`).
  public func run(_ tree: SourceTree) -> BuildResult {
    run(tree, memo: nil).result
  }

  /// Builds `tree` and keeps every file in memory, reusing what `memo` (from the last
  /// build of the same site) holds; returns the memo for the next build.
  public func run(_ tree: SourceTree, memo previous: BuildMemo?) -> (
    result: BuildResult, memo: BuildMemo, reuse: BuildMemo.Reuse
  ) {
    var sink = CollectingSink()
    guard var outcome = try? run(tree, memo: previous, into: &sink) else {
      return (
        BuildResult(files: [], diagnostics: [], summary: BuildSummary(), site: nil), BuildMemo(), BuildMemo.Reuse()
      )
    }
    outcome.result.files = outcome.result.diagnostics.hasErrors ? [] : sink.files
    return outcome
  }

  /// How many pages are rendered at once before they are handed to the sink, so
  /// that the whole site is never held in memory.
  static let batchSize = 512

  /// Builds `tree`, handing the files to `sink` in batches; a build with errors
  /// hands it nothing whole (the caller throws away what it was handed). Work whose
  /// inputs are in `memo` is reused, and a page whose fingerprint is the memo's is
  /// handed over as `.unchanged`.
  public func run(_ tree: consuming SourceTree, memo previous: BuildMemo?, into sink: inout some OutputSink) throws
    -> (result: BuildResult, memo: BuildMemo, reuse: BuildMemo.Reuse)
  {
    var cache = MemoReuse(previous: previous)
    var log = BuildLog()
    let settings = readSettings(tree, log: &log)
    var entries = readFrontMatter(tree, settings, cache: &cache, log: &log)
    let laidOut = layOutAssets(tree, entries: entries, settings, log: &log)
    if let logo = settings.config.theme.logo, !laidOut.assets.values.contains(where: { $0.content == .copy(logo) }) {
      log.add([
        .error(
          settings.config.theme.logoLocation ?? SourceLocation(SiteConfig.path, line: 1, column: 1),
          Say.logoMissing(logo))
      ])
    }
    let assets = deriveFiles(laidOut, settings, log: &log)
    tree = SourceTree(files: [])  // the bytes are not needed any more (the memo's files are read on demand)
    let articles = renderArticles(entries, assets: assets, settings, cache: &cache, log: &log)
    for index in entries.indices { entries[index].entry.markdown = nil }  // rendered: the text goes
    var site = assembleSite(entries, articles, settings, cache: &cache, log: &log)
    site.logo = PublishedLogo.find(in: assets)
    let published = deriveCovers(site, assets, log: &log)
    let plan = planFiles(site, assets: published, settings, cache: &cache, log: &log)
    if !log.diagnostics.hasErrors {
      try writeFiles(plan, site: &site, settings, cache: &cache, log: &log, into: &sink)
    }
    var result = BuildResult(files: [], diagnostics: log.diagnostics.sorted(), summary: log.summary, site: site)
    if !result.diagnostics.hasErrors {
      result.stableUntil = Pipeline.stableUntil(
        now: build.now, clock: settings.config.clock, entries: zip(entries.map(\.entry), articles.map(\.article)),
        feedsOfNothing: site.articles.isEmpty)
    }
    return (result, cache.next, cache.counts)
  }
}

/// What a build has said so far, and its summary.
struct BuildLog {
  var diagnostics: [Diagnostic] = []
  var summary = BuildSummary()

  mutating func add(_ more: [Diagnostic]) { diagnostics += more }
}
