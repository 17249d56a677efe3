/// One Markdown file's front matter, as stage 2 read it (or the memo had it).
struct KeyedEntry: Sendable {
  var key: BuildMemo.EntryKey
  var entry: ContentEntry
  var problems: [Diagnostic]
  /// Reads the file's bytes again, for an entry that came from the memo whose
  /// article must be made again (the memo keeps the front matter, not the text).
  var reread: (@Sendable () -> [UInt8]?)?
}

extension Pipeline {
  /// Stage 2: the front matter of every Markdown file of `content/`, per file, on
  /// every core; then the checks that need every file's URL.
  func readFrontMatter(_ tree: SourceTree, _ settings: Settings, cache: inout MemoReuse, log: inout BuildLog)
    -> [KeyedEntry]
  {
    let markdown = tree.files(under: ContentEntry.contentFolder).filter(\.path.isMarkdown)
    let memo = cache
    let reader = tree.reader
    let read = markdown.parallelMap { file -> (KeyedEntry?, [Diagnostic], fromMemo: Bool) in
      let hash: StableHash
      switch file.content {
      case .text(let bytes): hash = StableHasher.hash(bytes)
      case .unchanged(let known): hash = known
      case .asset: return (nil, [], false)
      }
      let key = BuildMemo.EntryKey(path: file.path, content: hash, config: settings.configHash)
      if let known = memo.entry(key) {
        let reread: @Sendable () -> [UInt8]? = {
          if case .text(let bytes) = file.content { return bytes }
          return reader?(file.path)
        }
        let entry = known.entry.map {
          KeyedEntry(key: key, entry: $0, problems: known.frontMatterDiagnostics, reread: reread)
        }
        return (entry, known.frontMatterDiagnostics, true)
      }
      guard let bytes = tree.bytes(of: file) else {
        return (nil, [Diagnostic(.error, in: file.path, Say.unreadable)], false)
      }
      let (entry, problems) = ContentEntry.read(
        file.path, bytes: bytes, config: settings.config, decoder: settings.decoder)
      return (entry.map { KeyedEntry(key: key, entry: $0, problems: problems, reread: nil) }, problems, false)
    }
    cache.countEntries(read.count { $0.fromMemo })
    for (_, problems, _) in read { log.add(problems) }
    let entries = read.compactMap(\.0)
    log.add(Pipeline.checkBundles(entries.map(\.entry)))
    log.add(Pipeline.checkURLs(entries.map(\.entry)))
    build.stageEnded?("front matter of \(markdown.count) files")
    return entries
  }

  /// Stage 3: where every photo and file is published, and each Markdown file's URL.
  func layOutAssets(_ tree: SourceTree, entries: [KeyedEntry], _ settings: Settings, log: inout BuildLog) -> AssetMap {
    // The search page's script goes with the search page (`search: false` leaves both out).
    let themeStatic = settings.theme.staticFiles.filter { settings.config.search || $0.path != SearchOutput.script }
    let assets = AssetMap(tree: tree, entries: entries.map(\.entry), themeStatic: themeStatic)
    log.add(assets.diagnostics)
    return assets
  }
}
