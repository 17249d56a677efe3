extension Pipeline {
  /// Stage 7: the pages, made and handed to `sink` in batches (the site is never
  /// whole in memory), then the stylesheet and the copies. A page whose inputs are
  /// the memo's is `.unchanged` without being made; the cards of the articles the
  /// other pages show are made once. A page past `maxPageBytes`, or a site past
  /// `maxOutputBytes`, stops the build.
  func writeFiles(
    _ plan: FilePlan, site: inout Site, _ settings: Settings, cache: inout MemoReuse, log: inout BuildLog,
    into sink: inout some OutputSink
  ) throws {
    let config = settings.config
    let theme = settings.theme
    let pages = plan.pages
    let light = PageRenderer(site: site, theme: theme, now: build.now)  // no cards yet
    var themeHasher = StableHasher()
    themeHasher.combine(theme.fingerprint)
    themeHasher.combine(build.relativeURLs ? 1 : 0)
    let themeHash = themeHasher.value
    let previousPages = cache.pages
    let inputs = pages.parallelMap(chunkSize: 256) { light.inputs(of: $0, theme: themeHash) }
    var shown = Set<Int>()
    for index in pages.indices where previousPages[pages[index].path]?.inputs != inputs[index] {
      shown.formUnion(pages[index].articlesShown(in: site))
    }
    let renderer = light.withCards(of: shown.sorted())
    build.stageEnded?("inputs of \(pages.count) pages, cards of \(shown.count) articles")

    let relativeTo = build.relativeURLs ? settings.url.basePath : nil
    cache.reservePages(pages.count)
    var outputBytes = plan.copiedBytes
    var start = 0
    build.progress?.begin(.pages, total: pages.count)
    while start < pages.count {
      let batch = Array(start..<min(start + Pipeline.batchSize, pages.count))
      start += batch.count
      let outcomes = batch.parallelMap(chunkSize: 16) { index -> (OutputFile, BuildMemo.PageRecord, Bool) in
        var (file, record, byInputs) = renderer.renderUnlessUnchanged(
          pages[index], inputs: inputs[index], theme: themeHash, previous: previousPages)
        if let basePath = relativeTo, file.path.rawValue.hasSuffix(".html"), case .bytes(let bytes) = file.content {
          let html = RelativeLinks.rewrite(String(decoding: bytes, as: UTF8.self), page: file.path, basePath: basePath)
          file.content = .bytes(Array(html.utf8))
        }
        return (file, record, byInputs)
      }
      for (index, (file, record, byInputs)) in zip(batch, outcomes) {
        cache.record(file.path, record, unchanged: file.content == .unchanged, byInputs: byInputs)
        outputBytes += file.bytes.count
        if file.bytes.count > config.maxPageBytes {
          log.add([Pipeline.tooLarge(pages[index], at: file.path, limit: config.maxPageBytes, theme: theme)])
        }
      }
      if outputBytes > config.maxOutputBytes {
        log.add([
          Diagnostic(.error, in: SiteConfig.path, Say.siteTooLarge(Pipeline.size(config.maxOutputBytes)))
        ])
      }
      guard !log.diagnostics.hasErrors else { return }
      try sink.write(outcomes.map(\.0))
      build.progress?.advance(batch.count)
    }
    log.summary.pagesUnchanged = cache.counts.pages
    build.stageEnded?(
      "\(pages.count) pages rendered (\(cache.counts.pages) unchanged, \(cache.counts.pagesByInputs) of them by their inputs)"
    )
    try sink.write([theme.stylesheet] + plan.copies)
  }

  /// A page that grew past `maxPageBytes`, named with the template that made it.
  static func tooLarge(_ page: any SitePage, at path: OutputPath, limit: Int, theme: Theme) -> Diagnostic {
    let maker =
      page.template.map { name in
        theme.source(of: name).map { Say.Maker.template($0.rawValue) } ?? Say.Maker.themeTemplate(name)
      }
      ?? Say.Maker.bantin
    return Diagnostic(
      .error, in: page.template.flatMap { theme.source(of: $0) } ?? SiteConfig.path,
      Say.pageTooLarge("/\(path)", limit: size(limit), maker: maker))
  }

  /// `16 MiB`, `64 KiB`.
  static func size(_ bytes: Int) -> String {
    if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
    if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  /// The first moment after `now` when the same sources would make another site.
  static func stableUntil(
    now: Timestamp, clock: SiteClock, entries: some Sequence<(ContentEntry, Article?)>, feedsOfNothing: Bool
  ) -> Timestamp {
    if feedsOfNothing { return now }  // an empty feed is dated now
    var next = clock.timestamp(CivilDateTime(year: clock.civil(now).year + 1, month: 1, day: 1))
    for (entry, article) in entries {
      if let date = article?.date, date > now { next = min(next, date) }
      if let expiry = entry.frontMatter.expiryDate?.value, expiry > now { next = min(next, expiry) }
    }
    return next
  }
}
