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

    // Front matter of every Markdown file.
    let decoder = FrontMatterDecoder(clock: config.clock)
    let siteConfig = config
    let markdown = tree.files(under: ContentEntry.contentFolder).filter { $0.path.fileExtension == "md" }
    let read = markdown.parallelMap { file -> (ContentEntry?, [Diagnostic]) in
      guard case .text(let bytes) = file.content else { return (nil, []) }
      return ContentEntry.read(file.path, bytes: bytes, config: siteConfig, decoder: decoder)
    }
    var entries = read.compactMap(\.0)
    diagnostics += read.flatMap(\.1)
    diagnostics += Pipeline.checkBundles(entries)
    diagnostics += Pipeline.checkURLs(entries)

    // Where every photo and file goes.
    let assets = AssetMap(tree: tree, entries: entries, themeStatic: theme.staticFiles)
    diagnostics += assets.diagnostics

    // Markdown bodies.
    entries.sort { $0.path < $1.path }
    let rendered = entries.parallelMap { entry in
      Pipeline.article(from: entry, assets: assets, url: siteURL)
    }
    diagnostics += rendered.flatMap(\.1)

    // The site: what is published, in order.
    var published: [Article] = []
    var pages: [Article] = []
    var unpublishedBundles = Set<SourcePath>()
    for (entry, (article, _)) in zip(entries, rendered) {
      guard let article else { continue }
      let draft = article.draft && !build.includeDrafts
      let expired = entry.frontMatter.expiryDate.map { $0.value <= build.now } ?? false
      if draft || expired {
        if draft { summary.draftsSkipped += 1 } else { summary.expiredSkipped += 1 }
        if let bundle = entry.bundle { unpublishedBundles.insert(bundle) }
        continue
      }
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
    let site = Site(
      config: config, url: siteURL,
      homeTitle: home?.title?.value ?? config.title,
      homeDescription: home?.description?.value ?? config.description,
      sections: sections, articles: published, pages: pages)

    guard !diagnostics.hasErrors else {
      return BuildResult(files: [], diagnostics: diagnostics.sorted(), summary: summary, site: site)
    }

    // Pages, then the files that are copied.
    let renderer = PageRenderer(site: site, theme: theme, now: build.now)
    var pageList: [Page] = [.home]
    pageList += sections.map(Page.section)
    pageList += published.map(Page.article)
    pageList += pages.map(Page.page)
    var files = pageList.parallelMap { renderer.render($0) }
    files.append(theme.stylesheet)
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      if let bundle = asset.bundle, unpublishedBundles.contains(bundle) { continue }
      files.append(OutputFile(path: asset.output, content: asset.content))
      summary.filesCopied += 1
    }
    diagnostics += Pipeline.checkOutputs(files, assets: assets)
    summary.pages = pageList.count
    summary.articles = published.count
    summary.sections = sections.count
    let failed = diagnostics.hasErrors
    return BuildResult(files: failed ? [] : files, diagnostics: diagnostics.sorted(), summary: summary, site: site)
  }

  // MARK: - Steps

  /// Renders one entry's Markdown and resolves its front matter against the site.
  static func article(from entry: ContentEntry, assets: AssetMap, url: SiteURL) -> (Article?, [Diagnostic]) {
    let resolver = ReferenceResolver(assets: assets, url: url, folder: entry.path.parent)
    var firstFigure: ResolvedImage?
    let body = CommonMark.render(entry.body, firstLine: entry.bodyFirstLine, in: entry.source) { reference in
      let resolution = resolver.resolve(reference)
      if case .image(let image) = resolution, reference.kind == .figure, firstFigure == nil {
        firstFigure = image
      }
      return resolution
    }
    var diagnostics = body.diagnostics
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
    let article = Article(
      source: entry.path, sectionFolder: entry.sectionFolder, urlPath: entry.urlPath, title: title,
      description: frontMatter.description?.value, summary: summary,
      date: frontMatter.date?.value ?? Timestamp(secondsSince1970: 0), lastmod: frontMatter.lastmod?.value,
      author: frontMatter.author?.value,
      categories: frontMatter.categories.map(\.value), tags: frontMatter.tags.map(\.value),
      draft: frontMatter.draft, image: image, bodyHTML: body.html, wordCount: body.wordCount)
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

  /// A copied file must not land where a page is written.
  static func checkOutputs(_ files: [OutputFile], assets: AssetMap) -> [Diagnostic] {
    var seen = Set<OutputPath>()
    var diagnostics: [Diagnostic] = []
    for file in files {
      guard !seen.insert(file.path).inserted else { continue }
      if case .copy(let source) = file.content {
        diagnostics.append(
          Diagnostic(.error, in: source, "is published at /\(file.path), where a page is written: rename it"))
      } else {
        diagnostics.append(Diagnostic(.error, in: nil, "two pages are written at /\(file.path)"))
      }
    }
    return diagnostics
  }
}
