/// The whole build, without I/O: a site folder's files in, the files to publish and
/// every diagnostic out. Deterministic: the clock and switches come in `BuildConfig`.
///
/// `SourceFile → ContentEntry (front matter) → AssetMap → Article (Markdown) → Site
/// → Page → OutputFile`. Each file's work depends on no other file's, and runs on
/// every core.
public struct Pipeline: Sendable {
  public var build: BuildConfig

  public init(build: BuildConfig) { self.build = build }

  public func run(_ tree: SourceTree) -> BuildResult {
    var memo = BuildMemo(recording: false)
    var reuse = BuildMemo.Reuse()
    return run(tree, previous: nil, memo: &memo, reuse: &reuse)
  }

  /// Builds `tree`, reusing what `memo` (from the last build of the same site) holds
  /// for inputs that did not change; returns the memo for the next build.
  public func run(_ tree: SourceTree, memo previous: BuildMemo?) -> (
    result: BuildResult, memo: BuildMemo, reuse: BuildMemo.Reuse
  ) {
    var memo = BuildMemo()
    var reuse = BuildMemo.Reuse()
    let result = run(tree, previous: previous, memo: &memo, reuse: &reuse)
    return (result, memo, reuse)
  }

  private func run(_ tree: SourceTree, previous: BuildMemo?, memo: inout BuildMemo, reuse: inout BuildMemo.Reuse)
    -> BuildResult
  {
    var diagnostics: [Diagnostic] = []
    var summary = BuildSummary()

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
    let siteURL = build.baseURL ?? config.baseURL
    let (theme, themeProblems) = Theme.load(from: tree)
    diagnostics += themeProblems
    build.stageEnded?("configuration and templates")

    // Front matter of every Markdown file.
    let decoder = FrontMatterDecoder(clock: config.clock)
    let siteConfig = config
    let markdown = tree.files(under: ContentEntry.contentFolder).filter { $0.path.fileExtension == "md" }
    let keys = markdown.map { file in
      guard case .text(let bytes) = file.content else {
        return BuildMemo.EntryKey(path: file.path, bytes: [], config: config)
      }
      return BuildMemo.EntryKey(path: file.path, bytes: bytes, config: config)
    }
    let previousEntries = previous?.entries ?? [:]
    let read = keys.parallelMap { key -> (ContentEntry?, [Diagnostic]) in
      if let known = previousEntries[key] { return known }
      return ContentEntry.read(key.path, bytes: key.bytes, config: siteConfig, decoder: decoder)
    }
    reuse.entries = keys.count { previousEntries[$0] != nil }
    if memo.recording { for (key, outcome) in zip(keys, read) { memo.entries[key] = outcome } }
    let keyedEntries = zip(keys, read).compactMap { key, outcome in outcome.0.map { (key, $0) } }
    let entries = keyedEntries.map(\.1)
    diagnostics += read.flatMap(\.1)
    diagnostics += Pipeline.checkBundles(entries)
    diagnostics += Pipeline.checkURLs(entries)
    build.stageEnded?("front matter of \(markdown.count) files")

    // Where every photo and file goes.
    let assets = AssetMap(tree: tree, entries: entries, themeStatic: theme.staticFiles)
    diagnostics += assets.diagnostics

    // Markdown bodies.
    let previousArticles = previous.flatMap { $0.assets == assets && $0.url == siteURL ? $0.articles : nil } ?? [:]
    let rendered = keyedEntries.parallelMap { key, entry in
      previousArticles[key] ?? Pipeline.article(from: entry, assets: assets, url: siteURL)
    }
    reuse.articles = keyedEntries.count { previousArticles[$0.0] != nil }
    if memo.recording { for ((key, _), outcome) in zip(keyedEntries, rendered) { memo.articles[key] = outcome } }
    memo.assets = assets
    memo.url = siteURL
    diagnostics += rendered.flatMap(\.1)
    build.stageEnded?("Markdown of \(keyedEntries.count) files")

    // The site: what is published, in order.
    var published: [Article] = []
    var pages: [Article] = []
    var unpublishedBundles = Set<SourcePath>()
    for (entry, (article, _)) in zip(entries, rendered) {
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
      article.future = future
      switch entry.role {
      case .article: published.append(article)
      case .page: pages.append(article)
      case .sectionIndex, .homeIndex: break
      }
    }
    published.sort(by: Pipeline.newestFirst)
    pages.sort { $0.urlPath < $1.urlPath }
    let (sections, sectionProblems) = Pipeline.sections(entries: entries, articles: published)
    diagnostics += sectionProblems
    let home = entries.first { $0.role == .homeIndex }?.frontMatter
    var site = Site(
      config: config, url: siteURL,
      homeTitle: home?.title?.value ?? config.title,
      homeDescription: home?.description?.value ?? config.description,
      sections: sections, articles: published, pages: pages)
    SiteBuilder(clock: config.clock).index(&site)
    build.stageEnded?("site: sections, terms, archives, related articles")

    // Every file to write, checked before any is rendered.
    let renderer = PageRenderer(site: site, theme: theme, now: build.now)
    build.stageEnded?("template contexts of \(site.articles.count) articles")
    let plan = Pipeline.plan(site, writesFeeds: !siteURL.origin.isEmpty)
    if siteURL.origin.isEmpty {
      diagnostics.append(
        Diagnostic(
          .warning, in: SiteConfig.path,
          "has no baseURL such as https://bachong.example.vn/: feeds, sitemap.xml and social cards need absolute addresses and are not written"
        ))
    }
    var planned: [(path: OutputPath, origin: String)] = plan.map { page in
      (renderer.outputPath(of: page), Pipeline.origin(of: page, in: site))
    }
    planned.append((theme.stylesheet.path, "the stylesheet"))
    var copies: [OutputFile] = []
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      if let bundle = asset.bundle, unpublishedBundles.contains(bundle) { continue }
      copies.append(OutputFile(path: asset.output, content: asset.content))
      if case .copy(let source) = asset.content {
        planned.append((asset.output, source.rawValue))
      } else {
        planned.append((asset.output, "the theme's static/\(asset.output)"))
      }
    }
    if !diagnostics.hasErrors { diagnostics += Pipeline.checkOutputs(planned) }  // else repeats of what was said
    diagnostics += Pipeline.checkLinks(
      site, outputs: Set(planned.map(\.path)), severity: build.brokenLinksAreErrors ? .error : .warning)

    summary.pages = plan.count(where: \.isHTML)
    summary.articles = published.count
    summary.sections = sections.count
    summary.terms = site.terms.values.reduce(0) { $0 + $1.count }
    summary.feeds = plan.count(where: \.isFeed)
    summary.aliases = plan.count(where: \.isAlias)
    summary.filesCopied = copies.count
    guard !diagnostics.hasErrors else {
      return BuildResult(files: [], diagnostics: diagnostics.sorted(), summary: summary, site: site)
    }

    let previousPages = previous.flatMap { $0.theme.map(theme.rendersLike) == true ? $0.pages : nil } ?? [:]
    let recording = memo.recording
    let renderedPages = plan.parallelMap { page -> (OutputFile, BuildMemo.PageKey?) in
      guard page.isTemplated, recording || !previousPages.isEmpty else { return (renderer.render(page), nil) }
      let (template, context) = renderer.template(for: page)
      let key = BuildMemo.PageKey(template: template, context: context)
      if let known = previousPages[key], known.path == renderer.outputPath(of: page) { return (known, key) }
      return (renderer.render(page, template: template, context: context), key)
    }
    for (file, key) in renderedPages where memo.recording {
      guard let key else { continue }
      if previousPages[key] != nil { reuse.pages += 1 }
      memo.pages[key] = file
    }
    memo.theme = theme
    build.stageEnded?("\(plan.count) pages rendered")
    var files = renderedPages.map(\.0)
    files.append(theme.stylesheet)
    files += copies
    return BuildResult(files: files, diagnostics: diagnostics.sorted(), summary: summary, site: site)
  }

  /// Every page of the site, in a stable order.
  public static func plan(_ site: Site, writesFeeds: Bool) -> [Page] {
    let size = site.config.pageSize
    var plan: [Page] = []
    plan += ListPage.pages(.home, basePath: "/", indices: Array(site.articles.indices), size: size).map(Page.list)
    for section in site.sections {
      plan += ListPage.pages(
        .section(section), basePath: section.urlPath, indices: site.sectionArticles[section.folder] ?? [], size: size
      ).map(Page.list)
    }
    plan += site.articles.indices.map(Page.article)
    plan += site.pages.indices.map(Page.page)
    for taxonomy in Taxonomy.allCases {
      plan.append(.terms(taxonomy))
      for term in site.terms[taxonomy] ?? [] {
        plan += ListPage.pages(.term(term), basePath: term.urlPath, indices: term.articles, size: size).map(Page.list)
      }
    }
    plan.append(.archives)
    for year in site.years {
      plan += ListPage.pages(.year(year), basePath: year.urlPath, indices: year.articles, size: size).map(Page.list)
      for month in year.months {
        plan += ListPage.pages(.month(month), basePath: month.urlPath, indices: month.articles, size: size).map(
          Page.list)
      }
    }
    for article in site.articles + site.pages {
      for alias in article.aliases { plan.append(.alias(from: alias, to: article.urlPath)) }
    }
    plan.append(.notFound)
    plan.append(.robots)
    if writesFeeds {
      for format in [Feed.Format.atom, .rss] {
        plan.append(.feed(Feed(format: format, section: nil)))
        for section in site.sections { plan.append(.feed(Feed(format: format, section: section))) }
      }
      let parts = SitemapWriter.parts(count: SitemapWriter(site: site, clock: site.config.clock).entries().count)
      plan.append(.sitemap(part: nil))
      if parts > 0 { plan += (1...parts).map { Page.sitemap(part: $0) } }
    }
    return plan
  }

  /// What a page is written for, to name it when two files would be written at one place.
  static func origin(of page: Page, in site: Site) -> String {
    switch page {
    case .article(let index): return site.articles[index].source.rawValue
    case .page(let index): return site.pages[index].source.rawValue
    case .alias(let from, let to):
      let owner = (site.articles + site.pages).first { $0.urlPath == to }
      return "the alias \(from) of \(owner?.source.rawValue ?? to)"
    case .list(let list):
      switch list.kind {
      case .home: return "the home page"
      case .section(let section): return section.source?.rawValue ?? "the section \(section.folder)"
      case .term(let term): return "the \(term.taxonomy == .tags ? "tag" : "category") '\(term.name)'"
      case .year(let year): return "the archive of \(year.year)"
      case .month(let month): return "the archive of \(month.title)"
      }
    case .terms(let taxonomy): return "the index of \(taxonomy.rawValue)"
    case .archives: return "the archives"
    case .notFound: return "the 404 page"
    case .feed: return "a feed"
    case .sitemap: return "the sitemap"
    case .robots: return "robots.txt"
    }
  }

  // MARK: - Steps

  /// Renders one entry's Markdown and resolves its front matter against the site.
  static func article(from entry: ContentEntry, assets: AssetMap, url: SiteURL) -> (Article?, [Diagnostic]) {
    let resolver = ReferenceResolver(assets: assets, url: url, folder: entry.path.parent)
    var firstFigure: ResolvedImage?
    var internalLinks: [InternalLink] = []
    var diagnostics: [Diagnostic] = []
    let body = CommonMark.render(entry.body, firstLine: entry.bodyFirstLine, in: entry.source) { reference in
      let resolution = resolver.resolve(reference)
      switch reference.kind {
      case .link:
        if let path = ReferenceResolver.sitePath(of: reference.destination, from: entry.urlPath) {
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
      switch resolver.resolveImage(written.value, at: written.location) {
      case .success(let resolved): image = resolved
      case .failure(let problem): diagnostics.append(problem)
      }
    }
    guard let title = frontMatter.title?.value else { return (nil, diagnostics) }
    let summary = frontMatter.description?.value ?? Pipeline.summary(of: body.firstParagraph)
    var article = Article(
      source: entry.path, sectionFolder: entry.sectionFolder, urlPath: entry.urlPath, title: title,
      description: frontMatter.description?.value, summary: summary,
      date: frontMatter.date?.value ?? Timestamp(secondsSince1970: 0), lastmod: frontMatter.lastmod?.value,
      author: frontMatter.author?.value,
      categories: frontMatter.categories.map(\.value), tags: frontMatter.tags.map(\.value),
      draft: frontMatter.draft, image: image, bodyHTML: body.html, wordCount: body.wordCount,
      internalLinks: internalLinks, aliases: entry.aliases)
    article.dated = frontMatter.date != nil
    return (article, diagnostics)
  }

  /// The first words of a paragraph, cut at a word boundary near 160 characters.
  static func summary(of paragraph: String) -> String {
    let limit = 160
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
    let bundles = Set(entries.compactMap(\.bundle))
    var diagnostics: [Diagnostic] = []
    for entry in entries {
      var folder = entry.bundle?.parent ?? entry.path.parent
      while !folder.rawValue.isEmpty {
        if bundles.contains(folder) {
          diagnostics.append(
            Diagnostic(
              .error, in: entry.path,
              "is inside the page bundle \(folder)/ (a folder with index.md holds one article and its files): move it out"
            ))
          break
        }
        folder = folder.parent
      }
    }
    return diagnostics
  }

  /// Two files must not publish at one URL.
  static func checkURLs(_ entries: [ContentEntry]) -> [Diagnostic] {
    var byURL: [String: [SourcePath]] = [:]
    for entry in entries where entry.role != .homeIndex {
      byURL[entry.urlPath, default: []].append(entry.path)
    }
    var diagnostics: [Diagnostic] = []
    for (url, paths) in byURL where paths.count > 1 {
      let sorted = paths.sorted()
      for path in sorted.dropFirst() {
        diagnostics.append(
          Diagnostic(.error, in: path, "is published at \(url), as \(sorted[0]) is: change one file's name or 'slug'"))
      }
    }
    return diagnostics
  }

  /// No two files may be written at one place, and no file where another needs a folder.
  static func checkOutputs(_ planned: [(path: OutputPath, origin: String)]) -> [Diagnostic] {
    var first: [OutputPath: String] = [:]
    var diagnostics: [Diagnostic] = []
    for (path, origin) in planned {
      if let earlier = first[path] {
        diagnostics.append(
          Diagnostic(.error, in: nil, "/\(path) would be written twice: for \(earlier) and for \(origin)"))
      } else {
        first[path] = origin
      }
    }
    for (path, origin) in planned {
      var folder = Substring(path.rawValue)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if let file = first[OutputPath(String(folder))] {
          diagnostics.append(
            Diagnostic(.error, in: nil, "/\(folder) is written as a file for \(file) and as a folder for \(origin)"))
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
