/// The build cache as a layer around the stages: what the last build's memo lets a
/// stage take instead of making, and what this build keeps for the next. A build
/// without a memo (`MemoReuse(previous: nil)`, the default) reuses nothing; the
/// stages do the same work either way, and debug builds check each shortcut
/// against its slow twin.
struct MemoReuse {
  let previous: BuildMemo?
  /// What this build hands the next.
  private(set) var next = BuildMemo()
  private(set) var counts = BuildMemo.Reuse()

  init(previous: BuildMemo?) {
    self.previous = previous
    next.encodedFile = previous?.encodedFile  // what its entries were read from
  }

  // MARK: - Front matter and articles

  /// A Markdown file's front matter, when the memo read it from the same bytes and settings.
  func entry(_ key: BuildMemo.EntryKey) -> BuildMemo.Entry? { previous?.entries[key] }

  mutating func countEntries(_ reused: Int) { counts.entries = reused }

  /// Sets what articles' references resolve against; returns whether it is what
  /// the memo's articles were made with (then every lookup holds).
  mutating func references(_ fingerprint: StableHash) -> Bool {
    next.references = fingerprint
    return previous?.references == fingerprint
  }

  /// A file's article, when the memo made it and each of its lookups still finds
  /// what it found.
  func article(_ key: BuildMemo.EntryKey, sameReferences: Bool, assets: AssetMap, url: SiteURL)
    -> (Article, [Diagnostic])?
  {
    guard let known = previous?.entries[key], let article = known.article,
      sameReferences || Pipeline.lookupsHold(article, assets: assets, url: url)
    else { return nil }
    return (article, known.articleDiagnostics)
  }

  /// Keeps what was made of one file for the next build.
  mutating func keep(
    _ key: BuildMemo.EntryKey, entry: ContentEntry, frontMatterProblems: [Diagnostic], article: Article?,
    problems: [Diagnostic], reused: Bool
  ) {
    if reused, let known = previous?.entries[key] {
      next.entries[key] = known  // front matter and article both from the memo: the same entry
      counts.articles += 1
      return
    }
    var made = entry
    made.markdown = nil  // the memo keeps what was made, not the text
    next.entries[key] = BuildMemo.Entry(
      entry: made, frontMatterDiagnostics: frontMatterProblems, article: article, articleDiagnostics: problems)
  }

  // MARK: - The site and its pages

  /// Fills in the site's indexes, from the memo's when they were made of the same.
  mutating func index(_ site: inout Site, clock: SiteClock) {
    next.siteIndex = SiteBuilder(clock: clock).index(&site, reusing: previous?.siteIndex)
  }

  /// Whether a build with these output paths already passed the check of them.
  func outputsChecked(_ hash: StableHash) -> Bool { previous?.outputsChecked == hash }

  mutating func checked(_ hash: StableHash) { next.outputsChecked = hash }

  /// What each page written by the last build was made from.
  var pages: [OutputPath: BuildMemo.PageRecord] { previous?.pages ?? [:] }

  mutating func reservePages(_ count: Int) { next.pages.reserveCapacity(count) }

  mutating func record(_ path: OutputPath, _ record: BuildMemo.PageRecord, unchanged: Bool, byInputs: Bool) {
    next.pages[path] = record
    if unchanged { counts.pages += 1 }
    if byInputs { counts.pagesByInputs += 1 }
  }
}
