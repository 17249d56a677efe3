/// The whole build, without I/O: a site folder's files in, the files to publish and
/// every diagnostic out. Deterministic: the clock and switches come in `BuildConfig`.
///
/// `SourceFile → ContentEntry (front matter) → AssetMap → Article (Markdown) → Site
/// → Page → OutputFile`. Each file's work depends on no other file's, and runs on
/// every core.
public struct Pipeline: Sendable {
  public var build: BuildConfig

  public init(build: BuildConfig) { self.build = build }

  /// Builds `tree` and keeps every file in memory (`BuildResult.files`).
  public func run(_ tree: SourceTree) -> BuildResult {
    var sink = CollectingSink()
    var result =
      (try? run(tree, memo: nil, into: &sink))?.result
      ?? BuildResult(files: [], diagnostics: [], summary: BuildSummary(), site: nil)
    result.files = result.diagnostics.hasErrors ? [] : sink.files
    return result
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
  /// hands it nothing. Work whose inputs are in `memo` is reused, and a page whose
  /// fingerprint is the memo's is handed over as `.unchanged`.
  public func run(_ tree: consuming SourceTree, memo previous: BuildMemo?, into sink: inout some OutputSink) throws
    -> (result: BuildResult, memo: BuildMemo, reuse: BuildMemo.Reuse)
  {
    var diagnostics: [Diagnostic] = []
    var summary = BuildSummary()
    var memo = BuildMemo()
    memo.encodedFile = previous?.encodedFile  // what its entries were read from
    var reuse = BuildMemo.Reuse()

    // Configuration and theme.
    var config = SiteConfig()
    if let file = tree[SiteConfig.path], case .text(let bytes) = file.content {
      switch SourceText.decode(bytes, path: file.path) {
      case .success(let text):
        let (decoded, problems) = SiteConfig.decode(text)
        config = decoded
        diagnostics += problems
      case .failure(let problem):
        diagnostics.append(problem)
      }
    }
    diagnostics += HugoConfig.notices(tree)
    let siteURL = build.baseURL ?? config.baseURL
    let (theme, themeProblems) = Theme.load(from: tree)
    diagnostics += themeProblems
    build.stageEnded?("configuration and templates")

    // Front matter of every Markdown file, unless the memo has it.
    let decoder = FrontMatterDecoder(clock: config.clock)
    let siteConfig = config
    let configHash = config.fingerprint
    var markdown = tree.files(under: ContentEntry.contentFolder).filter { $0.path.fileExtension == "md" }
    let previousEntries = previous?.entries ?? [:]
    // Each file's key and entry, and whether the entry came from the memo (nil: the
    // file was not read and the memo does not know it).
    var read = markdown.parallelMap { file -> (BuildMemo.EntryKey, BuildMemo.Entry, fromMemo: Bool?) in
      switch file.content {
      case .text(let bytes):
        let key = BuildMemo.EntryKey(path: file.path, content: StableHasher.hash(bytes), config: configHash)
        if let known = previousEntries[key] { return (key, known, true) }
        let (entry, problems) = ContentEntry.read(file.path, bytes: bytes, config: siteConfig, decoder: decoder)
        return (key, BuildMemo.Entry(entry: entry, frontMatterDiagnostics: problems), false)
      case .unchanged(let hash):
        let key = BuildMemo.EntryKey(path: file.path, content: hash, config: configHash)
        if let known = previousEntries[key] { return (key, known, true) }
        return (key, BuildMemo.Entry(entry: nil, frontMatterDiagnostics: []), nil)  // to be read: asked for below
      case .asset:
        let key = BuildMemo.EntryKey(path: file.path, content: StableHash(high: 0, low: 0), config: configHash)
        return (key, BuildMemo.Entry(entry: nil, frontMatterDiagnostics: []), false)
      }
    }
    reuse.entries = read.count { $0.fromMemo == true }
    let unreadEntries = read.compactMap { $0.fromMemo == nil ? $0.0.path : nil }
    guard unreadEntries.isEmpty else {
      // Files the caller did not read because they had not changed, that the memo
      // does not know (the settings changed, say): the caller reads them and builds again.
      var result = BuildResult(files: [], diagnostics: [], summary: summary, site: nil)
      result.unread = unreadEntries
      return (result, memo, reuse)
    }
    var keyedEntries = read.compactMap { key, known, _ in
      known.entry.map { (key: key, entry: $0, problems: known.frontMatterDiagnostics) }
    }
    var entries = keyedEntries.map(\.entry)
    for (_, known, _) in read where !known.frontMatterDiagnostics.isEmpty {
      diagnostics += known.frontMatterDiagnostics
    }
    diagnostics += Pipeline.checkBundles(entries)
    diagnostics += Pipeline.checkURLs(entries)
    build.stageEnded?("front matter of \(markdown.count) files")

    // Where every photo and file goes.
    let assets = AssetMap(tree: copy tree, entries: entries, themeStatic: theme.staticFiles)
    diagnostics += assets.diagnostics

    // The bytes of the files are not needed any more, but for those whose front matter
    // came from the memo and whose article may have to be made again: let the rest go
    // (a caller that passed the tree with `consume` holds no other copy).
    var unparsedBytes: [SourcePath: [UInt8]] = [:]
    for entry in entries where entry.markdown == nil {
      if case .text(let bytes)? = tree[entry.path]?.content { unparsedBytes[entry.path] = bytes }
    }
    let memoBytes = unparsedBytes
    let notRead = Set(
      markdown.compactMap { file -> SourcePath? in
        if case .unchanged = file.content { return file.path }
        return nil
      })
    markdown = []
    tree = SourceTree(files: [])

    // Markdown bodies, unless the memo has them for the same files, assets and address.
    let watch = build.markdownWatch
    memo.references = assets.fingerprint(url: siteURL)
    let sameReferences = previous?.references == memo.references
    let rendered = keyedEntries.parallelMap { key, entry, _ -> (Article?, [Diagnostic], Bool) in
      if let known = previousEntries[key], let article = known.article,
        sameReferences || Pipeline.lookupsHold(article, assets: assets, url: siteURL)
      {
        return (article, known.articleDiagnostics, true)
      }
      var entry = entry
      if entry.markdown == nil, let bytes = memoBytes[entry.path] {
        // Read whole again: the memo keeps the front matter only as far as the site
        // needs it, not the tags, categories and image an article is made with.
        entry = ContentEntry.read(entry.path, bytes: bytes, config: siteConfig, decoder: decoder).0 ?? entry
      }
      guard entry.markdown != nil else { return (nil, [], false) }  // not read: asked for below
      watch?(entry.path, true)
      defer { watch?(entry.path, false) }
      let (article, problems) = Pipeline.article(from: entry, assets: assets, url: siteURL)
      return (article, problems, false)
    }
    let unread = zip(keyedEntries, rendered).compactMap { item, outcome -> SourcePath? in
      guard outcome.0 == nil, notRead.contains(item.entry.path) else { return nil }
      return item.entry.path
    }
    reuse.articles = rendered.count { $0.2 }
    for ((key, entry, frontMatterProblems), (article, problems, reused)) in zip(keyedEntries, rendered) {
      diagnostics += problems
      if reused, let known = previousEntries[key] {
        memo.entries[key] = known  // front matter and article both from the memo: the same entry
        continue
      }
      var made = entry
      made.markdown = nil  // the memo keeps what was made, not the text
      memo.entries[key] = BuildMemo.Entry(
        entry: made, frontMatterDiagnostics: frontMatterProblems, article: article, articleDiagnostics: problems)
    }
    build.stageEnded?("Markdown of \(keyedEntries.count) files")
    // The text is not needed any more: let it go.
    read = []
    keyedEntries = []
    for index in entries.indices { entries[index].markdown = nil }
    guard unread.isEmpty else {
      // Files the caller did not read because they had not changed, whose articles
      // must be made again: the caller reads them and builds again.
      var result = BuildResult(files: [], diagnostics: [], summary: summary, site: nil)
      result.unread = unread
      return (result, memo, reuse)
    }

    // The site: what is published, in order.
    var published: [Article] = []
    var pages: [Article] = []
    var unpublishedBundles = Set<SourcePath>()
    for (entry, (article, _, _)) in zip(entries, rendered) {
      guard var article else { continue }
      let draft = article.draft && !build.includeDrafts
      let future = article.date > build.now
      let expired = entry.frontMatter.expiryDate.map { $0.value <= build.now } ?? false
      if draft || (future && !build.includeFuture) || expired {
        if draft {
          summary.draftsSkipped += 1
        } else if expired {
          summary.expiredSkipped += 1
        } else {
          summary.futureSkipped += 1
        }
        if let bundle = entry.bundle { unpublishedBundles.insert(bundle) }
        continue
      }
      if article.future != future { article.future = future }  // (not in its shownHash)
      switch entry.role {
      case .article: published.append(article)
      case .page: pages.append(article)
      case .sectionIndex, .homeIndex: break
      }
    }
    // Sorted by index: an article is too big a value to move about in a sort.
    published = published.indices.sorted { Pipeline.newestFirst(published[$0], published[$1]) }.map { published[$0] }
    pages.sort { $0.urlPath < $1.urlPath }
    let (sections, sectionProblems) = Pipeline.sections(entries: entries, articles: published)
    diagnostics += sectionProblems
    let home = entries.first { $0.role == .homeIndex }?.frontMatter
    var site = Site(
      config: config, url: siteURL,
      homeTitle: home?.title?.value ?? config.title,
      homeDescription: home?.description?.value ?? config.description,
      sections: sections, articles: published, pages: pages)
    memo.siteIndex = SiteBuilder(clock: config.clock).index(&site, reusing: previous?.siteIndex)
    build.stageEnded?("site: sections, terms, archives, related articles")

    // Every file to write, checked before any is rendered.
    let plan = SiteOutputs.plan(site, options: OutputOptions(writesFeeds: !siteURL.origin.isEmpty))
    if siteURL.origin.isEmpty {
      diagnostics.append(
        Diagnostic(
          .warning, in: SiteConfig.path,
          "has no baseURL such as https://bachong.example.vn/: feeds, sitemap.xml and social cards need absolute addresses and are not written"
        ))
    }
    let light = PageRenderer(site: site, theme: theme, now: build.now)  // no cards yet
    var copies: [OutputFile] = []
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      if let bundle = asset.bundle, unpublishedBundles.contains(bundle) { continue }
      copies.append(OutputFile(path: asset.output, content: asset.content))
    }
    let pagePaths = plan.map(\.path)
    let outputs = pagePaths + [theme.stylesheet.path] + copies.map(\.path)
    if !diagnostics.hasErrors {  // else repeats of what was said
      // The same files as a build that passed the check pass it.
      let outputsHash = Pipeline.hash(outputs)
      if previous?.outputsChecked == outputsHash {
        memo.outputsChecked = outputsHash
      } else {
        let problems = Pipeline.checkOutputs(
          Pipeline.planned(plan, stylesheet: theme.stylesheet.path, copies: copies, site: site))
        diagnostics += problems
        if problems.isEmpty { memo.outputsChecked = outputsHash }
      }
    }
    diagnostics += Pipeline.checkLinks(
      site, outputs: Set(outputs), severity: build.brokenLinksAreErrors ? .error : .warning)

    // Bounded work: the files the site would publish, and the bytes it copies.
    if outputs.count + 1 > config.maxOutputFiles {
      diagnostics.append(
        Diagnostic(
          .error, in: SiteConfig.path,
          "the site would publish \(outputs.count + 1) files, more than the \(config.maxOutputFiles) allowed (maxOutputFiles)"
        ))
    }
    var outputBytes = copies.reduce(0) { $0 + (assets.assets[$1.path]?.info.byteCount ?? 0) }
    summary.pages = plan.count { $0.role == .page || $0.role == .alias }
    summary.articles = published.count
    summary.sections = sections.count
    summary.terms = site.terms.values.reduce(0) { $0 + $1.count }
    summary.feeds = plan.count { $0.role == .feed }
    summary.aliases = plan.count { $0.role == .alias }
    summary.filesCopied = copies.count
    guard !diagnostics.hasErrors else {
      return (
        BuildResult(files: [], diagnostics: diagnostics.sorted(), summary: summary, site: site), memo, reuse
      )
    }

    // What each page is made from: a page whose inputs are the memo's is not made
    // again. The cards of the articles that the other pages show are made once.
    let previousPages = previous?.pages ?? [:]
    var themeHasher = StableHasher()
    themeHasher.combine(theme.fingerprint)
    themeHasher.combine(build.relativeURLs ? 1 : 0)
    let themeHash = themeHasher.value
    let inputs = plan.parallelMap(chunkSize: 256) { light.inputs(of: $0, theme: themeHash) }
    var shown = Set<Int>()
    for index in plan.indices where previousPages[pagePaths[index]]?.inputs != inputs[index] {
      shown.formUnion(plan[index].articlesShown(in: site))
    }
    let renderer = light.withCards(of: shown.sorted())
    build.stageEnded?("inputs of \(plan.count) pages, cards of \(shown.count) articles")

    // Pages, in batches: rendered (or found unchanged) in parallel, then handed over.
    let relativeTo = build.relativeURLs ? siteURL.basePath : nil
    memo.pages.reserveCapacity(plan.count)
    var start = 0
    while start < plan.count {
      let range = start..<min(start + Pipeline.batchSize, plan.count)
      let batch = Array(range)
      start += batch.count
      let outcomes = batch.parallelMap(chunkSize: 16) { index -> (OutputFile, BuildMemo.PageRecord, Bool) in
        var (file, record, byInputs) = renderer.renderUnlessUnchanged(
          plan[index], inputs: inputs[index], theme: themeHash, previous: previousPages)
        if let basePath = relativeTo, file.path.rawValue.hasSuffix(".html"), case .bytes(let bytes) = file.content {
          let html = RelativeLinks.rewrite(String(decoding: bytes, as: UTF8.self), page: file.path, basePath: basePath)
          file.content = .bytes(Array(html.utf8))
        }
        return (file, record, byInputs)
      }
      for (index, (file, record, byInputs)) in zip(batch, outcomes) {
        memo.pages[file.path] = record
        if file.content == .unchanged { reuse.pages += 1 }
        if byInputs { reuse.pagesByInputs += 1 }
        let size = file.bytes.count
        outputBytes += size
        if size > config.maxPageBytes {
          diagnostics.append(Pipeline.tooLarge(plan[index], at: file.path, limit: config.maxPageBytes, theme: theme))
        }
      }
      if outputBytes > config.maxOutputBytes {
        diagnostics.append(
          Diagnostic(
            .error, in: SiteConfig.path,
            "the site would publish more than \(Pipeline.size(config.maxOutputBytes)) (maxOutputBytes): the build is stopped"
          ))
      }
      guard !diagnostics.hasErrors else {
        return (BuildResult(files: [], diagnostics: diagnostics.sorted(), summary: summary, site: site), memo, reuse)
      }
      try sink.write(outcomes.map(\.0))
    }
    summary.pagesUnchanged = reuse.pages
    build.stageEnded?(
      "\(plan.count) pages rendered (\(reuse.pages) unchanged, \(reuse.pagesByInputs) of them by their inputs)")
    try sink.write([theme.stylesheet] + copies)
    var result = BuildResult(files: [], diagnostics: diagnostics.sorted(), summary: summary, site: site)
    result.stableUntil = Pipeline.stableUntil(
      now: build.now, clock: config.clock, entries: zip(entries, rendered.map(\.0)), feedsOfNothing: published.isEmpty)
    return (result, memo, reuse)
  }

  /// A page that grew past `maxPageBytes`, named with the template that made it.
  static func tooLarge(_ page: any SitePage, at path: OutputPath, limit: Int, theme: Theme) -> Diagnostic {
    let template = page.template.map { name in
      theme.source(of: name).map { "the template \($0)" } ?? "the theme's template '\(name)'"
    }
    return Diagnostic(
      .error, in: page.template.flatMap { theme.source(of: $0) } ?? SiteConfig.path,
      "/\(path) grew past \(size(limit)) (maxPageBytes in site.yml) while \(template ?? "bantin") made it, and the build is stopped: a list repeated inside itself ({{#articles}} inside {{#articles}}) or a very long value in site.yml does this"
    )
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

  /// Every file to write, with what it is written for and its source file.
  static func planned(
    _ plan: [any SitePage], stylesheet: OutputPath, copies: [OutputFile], site: Site
  ) -> [(path: OutputPath, origin: String, file: SourcePath?)] {
    let owners = Dictionary(
      (site.articles + site.pages).map { ($0.urlPath, $0.source) }, uniquingKeysWith: { a, _ in a })
    var planned: [(path: OutputPath, origin: String, file: SourcePath?)] = plan.map { page in
      let (origin, file) = page.origin(in: site, owners: owners)
      return (page.path, origin, file)
    }
    planned.append((stylesheet, "the stylesheet", nil))
    for copy in copies {
      if case .copy(let source) = copy.content {
        planned.append((copy.path, source.rawValue, source))
      } else {
        planned.append((copy.path, "the theme's static/\(copy.path)", nil))
      }
    }
    return planned
  }

  /// Output paths hashed as a multiset: the same paths, each as often, in any order.
  static func hash(_ outputs: [OutputPath]) -> StableHash {
    var paths = UnorderedHasher()
    for path in outputs { paths.add { $0.combine(path.rawValue) } }
    return paths.value
  }

  // MARK: - Steps

  /// Renders one entry's Markdown and resolves its front matter against the site.
  static func article(from entry: ContentEntry, assets: AssetMap, url: SiteURL) -> (Article?, [Diagnostic]) {
    let resolver = ReferenceResolver(assets: assets, url: url, folder: entry.path.parent)
    var firstFigure: ResolvedImage?
    var internalLinks: [InternalLink] = []
    var diagnostics: [Diagnostic] = []
    var lookups: [Lookup] = []
    guard let markdown = entry.markdown else {
      return (nil, [Diagnostic(.error, in: entry.path, "the text of this file was not read")])
    }
    if let problem = MarkdownLimits.check(markdown.body, firstLine: markdown.firstLine, path: entry.path) {
      return (nil, [problem])
    }
    let body = CommonMark.render(markdown.body, firstLine: markdown.firstLine, in: markdown.source) { reference in
      let resolution = resolver.resolve(reference)
      lookups.append(Lookup(reference, found: resolution))
      switch reference.kind {
      case .link:
        // The address as published: a link rewritten to a file (`anh.jpg` beside a
        // stand-alone article is `/tin-tuc/anh.jpg`) is checked where it now points.
        let path: String?
        if case .link(let address) = resolution {
          path = ReferenceResolver.sitePath(ofPublished: address, url: url)
        } else {
          path = ReferenceResolver.sitePath(of: reference.destination, from: entry.urlPath)
        }
        if let path {
          internalLinks.append(InternalLink(path: path, location: reference.location))
        }
      case .image, .figure:
        if reference.text.allSatisfy(\.isWhitespace) {
          diagnostics.append(
            .warning(
              reference.location,
              "the image has no alt text: describe it for readers who cannot see it, as in ![Toàn cảnh hội nghị](anh.jpg)"
            ))
        }
        if case .image(let image) = resolution, reference.kind == .figure, firstFigure == nil { firstFigure = image }
      }
      return resolution
    }
    diagnostics = body.diagnostics + diagnostics
    let frontMatter = entry.frontMatter
    var image = firstFigure
    if let written = frontMatter.image {
      let outcome = resolver.resolveImage(written.value, at: written.location)
      lookups.append(Lookup(frontMatterImage: written.value, at: written.location, found: outcome))
      switch outcome {
      case .success(let resolved): image = resolved
      case .failure(let problem): diagnostics.append(problem)
      }
    }
    guard let title = frontMatter.title?.value else { return (nil, diagnostics) }
    // Hugo's order: the description, the text before `<!--more-->`, the first paragraph's start.
    let summary =
      frontMatter.description?.value ?? body.summaryBeforeBreak.map(Pipeline.summary(upToBreak:))
      ?? Pipeline.summary(of: body.firstParagraph)
    var article = Article(
      source: entry.path, sectionFolder: entry.sectionFolder, urlPath: entry.urlPath, title: title,
      description: frontMatter.description?.value, summary: summary,
      date: frontMatter.date?.value ?? Timestamp(secondsSince1970: 0), lastmod: frontMatter.lastmod?.value,
      author: frontMatter.author?.value,
      categories: frontMatter.categories.map(\.value), tags: frontMatter.tags.map(\.value),
      draft: frontMatter.draft, image: image, bodyHTML: body.html, wordCount: body.wordCount,
      internalLinks: internalLinks, aliases: entry.aliases)
    article.dated = frontMatter.date != nil
    article.lookups = lookups
    article.shownHash = article.hashOfShownFields()
    return (article, diagnostics)
  }

  /// Whether every reference of a rendered article still finds what it found.
  static func lookupsHold(_ article: Article, assets: AssetMap, url: SiteURL) -> Bool {
    let resolver = ReferenceResolver(assets: assets, url: url, folder: article.source.parent)
    for lookup in article.lookups {
      let now: Lookup
      switch lookup.kind {
      case .frontMatterImage:
        now = Lookup(
          frontMatterImage: lookup.destination, at: lookup.location,
          found: resolver.resolveImage(lookup.destination, at: lookup.location))
      case .link, .image, .figure:
        let kind: MarkdownReference.Kind = lookup.kind == .link ? .link : lookup.kind == .image ? .image : .figure
        let reference = MarkdownReference(
          kind: kind, destination: lookup.destination, title: "", text: "", location: lookup.location)
        now = Lookup(reference, found: resolver.resolve(reference))
      }
      guard now.found == lookup.found else { return false }
    }
    return true
  }

  /// The text an editor marked as the summary with `<!--more-->`: whole, unless it
  /// is very long (then cut as `summary(of:)` cuts, at 600 characters).
  static func summary(upToBreak text: String) -> String {
    text.count > 600 ? summary(of: text, limit: 600) : text
  }

  /// The first words of a paragraph, cut at a word boundary near 160 characters.
  static func summary(of paragraph: String, limit: Int = 160) -> String {
    guard paragraph.count > limit else { return paragraph }
    var cut = paragraph.prefix(limit)
    if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
    while let last = cut.last, last.isPunctuation || last == " " { cut.removeLast() }
    return cut + "…"
  }

  static func newestFirst(_ a: Article, _ b: Article) -> Bool {
    if a.date != b.date { return a.date > b.date }
    if a.title != b.title { return VietnameseCollation.precedes(a.title, b.title) }
    return a.source < b.source
  }

  /// Sections from the folders that hold articles or an `_index.md`, in menu order.
  static func sections(entries: [ContentEntry], articles: [Article]) -> ([Section], [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var sections: [String: Section] = [:]
    for entry in entries where entry.role == .sectionIndex {
      guard let folder = entry.sectionFolder else { continue }
      sections[folder] = Section(
        folder: folder, title: entry.frontMatter.title?.value ?? folder,
        description: entry.frontMatter.description?.value, weight: entry.frontMatter.weight ?? 0,
        urlPath: entry.urlPath, source: entry.path)
    }
    for article in articles {
      guard let folder = article.sectionFolder, sections[folder] == nil else { continue }
      diagnostics.append(
        Diagnostic(
          .warning, in: ContentEntry.contentFolder.appending(folder),
          "has no _index.md, so the section is titled '\(folder)': add content/\(folder)/_index.md with a 'title'"))
      sections[folder] = Section(
        folder: folder, title: folder, description: nil, weight: 0,
        urlPath: "/" + Slug(from: folder).rawValue + "/", source: nil)
    }
    let ordered = sections.values.sorted {
      if $0.weight != $1.weight { return $0.weight < $1.weight }
      return VietnameseCollation.precedes($0.title, $1.title)
    }
    return (ordered, diagnostics)
  }

  /// A page bundle's folder holds its photos, not other articles.
  static func checkBundles(_ entries: [ContentEntry]) -> [Diagnostic] {
    let bundles = Set(entries.compactMap { $0.bundle?.rawValue[...] })
    guard !bundles.isEmpty else { return [] }
    var diagnostics: [Diagnostic] = []
    for entry in entries {
      // Each folder above the file (above its bundle's, for a bundle's index.md).
      let path = (entry.bundle ?? entry.path).rawValue
      var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
      while let slash = end {
        if bundles.contains(path[..<slash]) {
          diagnostics.append(
            Diagnostic(
              .error, in: entry.path,
              "is inside the page bundle \(path[..<slash])/ (a folder with index.md holds one article and its files): move it out"
            ))
          break
        }
        end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
      }
    }
    return diagnostics
  }

  /// Two files must not publish at one URL.
  static func checkURLs(_ entries: [ContentEntry]) -> [Diagnostic] {
    var first: [String: SourcePath] = [:]
    first.reserveCapacity(entries.count)
    var others: [String: [SourcePath]] = [:]
    for entry in entries where entry.role != .homeIndex {
      if let earlier = first[entry.urlPath] {
        others[entry.urlPath, default: [earlier]].append(entry.path)
      } else {
        first[entry.urlPath] = entry.path
      }
    }
    var diagnostics: [Diagnostic] = []
    for (url, paths) in others {
      let sorted = paths.sorted()
      for path in sorted.dropFirst() {
        diagnostics.append(
          Diagnostic(.error, in: path, "is published at \(url), as \(sorted[0]) is: change one file's name or 'slug'"))
      }
    }
    return diagnostics
  }

  /// No two files may be written at one place, and no file where another needs a
  /// folder; places that differ only in capitals (`/x/` and `/X/`, `Readme.txt`
  /// and `README.txt`) count as one, since a web server or a checkout on Windows or
  /// macOS that does not tell capitals apart would show one of them for both. Each
  /// error is given to a source file of the two, when one has one.
  static func checkOutputs(_ planned: [(path: OutputPath, origin: String, file: SourcePath?)]) -> [Diagnostic] {
    var first: [String: (path: OutputPath, origin: String, file: SourcePath?)] = [:]
    first.reserveCapacity(planned.count)
    var diagnostics: [Diagnostic] = []
    for (path, origin, file) in planned {
      let folded = path.rawValue.lowercased()
      if let earlier = first[folded] {
        let message =
          earlier.path == path
          ? "/\(path) would be written twice: for \(earlier.origin) and for \(origin)"
          : "/\(earlier.path) (for \(earlier.origin)) and /\(path) (for \(origin)) differ only in capitals: a web server or computer that does not tell capitals apart (Windows, macOS) would show one for both; rename one"
        diagnostics.append(Diagnostic(.error, in: file ?? earlier.file, message))
      } else {
        first[folded] = (path, origin, file)
      }
    }
    for (path, origin, file) in planned {
      var folder = Substring(path.rawValue)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if let earlier = first[folder.lowercased()] {
          let message =
            earlier.path.rawValue == folder
            ? "/\(folder) is written as a file for \(earlier.origin) and as a folder for \(origin)"
            : "/\(earlier.path) is written as a file for \(earlier.origin) and /\(folder) as a folder for \(origin): they differ only in capitals, which some web servers and computers do not tell apart"
          diagnostics.append(Diagnostic(.error, in: file ?? earlier.file, message))
          break
        }
      }
    }
    return diagnostics
  }

  /// Links from article bodies to pages of the site that are not written.
  static func checkLinks(_ site: Site, outputs: Set<OutputPath>, severity: Diagnostic.Severity) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for article in site.articles + site.pages {
      for link in article.internalLinks {
        let asFolder = OutputPath(urlPath: link.path.hasSuffix("/") ? link.path : link.path + "/")
        let asFile = OutputPath(String(link.path.drop(while: { $0 == "/" })))
        guard !outputs.contains(asFolder), !outputs.contains(asFile) else { continue }
        diagnostics.append(
          Diagnostic(severity, at: link.location, "the link to \(link.path) is broken: the site has no such page"))
      }
    }
    return diagnostics
  }
}
