/// A file's article, as stage 4 made it (nil when it could not be made).
struct MadeArticle: Sendable {
  var article: Article?
  var problems: [Diagnostic]
}

extension Pipeline {
  /// Stage 4: every body rendered with libcmark and every reference resolved, per
  /// file, on every core, unless the memo holds the article and its lookups hold.
  func renderArticles(
    _ entries: [KeyedEntry], assets: AssetMap, _ settings: Settings, cache: inout MemoReuse, log: inout BuildLog
  ) -> [MadeArticle] {
    let watch = build.markdownWatch
    let sameReferences = cache.references(assets.fingerprint(url: settings.url))
    let memo = cache
    let words = ThemeWords(language: settings.config.language)
    let advise = build.givesAdvice
    let progress = build.progress
    progress?.begin(.markdown, total: entries.count)
    let made = entries.parallelMap { keyed -> (MadeArticle, reused: Bool) in
      defer { progress?.advance() }
      if let (article, problems) = memo.article(
        keyed.key, sameReferences: sameReferences, assets: assets, url: settings.url)
      {
        return (MadeArticle(article: article, problems: problems), true)
      }
      var entry = keyed.entry
      if entry.markdown == nil {
        // The memo holds the whole front matter and where the body starts: only the
        // body is read again (a photo it shows has changed, say).
        guard let bytes = keyed.reread?(), let markdown = entry.markdownAgain(from: bytes) else {
          return (MadeArticle(article: nil, problems: [Diagnostic(.error, in: entry.path, Say.unreadable)]), false)
        }
        entry.markdown = markdown
      }
      watch?(entry.path, true)
      defer { watch?(entry.path, false) }
      let (article, problems) = Pipeline.article(
        from: entry, assets: assets, url: settings.url, words: words, glossary: settings.config.glossary,
        advise: advise)
      return (MadeArticle(article: article, problems: problems), false)
    }
    for (keyed, (article, reused)) in zip(entries, made) {
      log.add(article.problems)
      cache.keep(
        keyed.key, entry: keyed.entry, frontMatterProblems: keyed.problems, article: article.article,
        problems: article.problems, reused: reused)
    }
    build.stageEnded?("Markdown of \(entries.count) files")
    return made.map(\.0)
  }

  /// Renders one entry's Markdown and resolves its front matter against the site;
  /// `advise` adds a warning for each word in capitals `glossary` does not know.
  static func article(
    from entry: ContentEntry, assets: AssetMap, url: SiteURL, words: ThemeWords, glossary: Glossary = Glossary([:]),
    advise: Bool = false
  ) -> (Article?, [Diagnostic]) {
    let resolver = ReferenceResolver(assets: assets, url: url, folder: entry.path.parent)
    var firstFigure: ResolvedImage?
    var internalLinks: [InternalLink] = []
    var diagnostics: [Diagnostic] = []
    var lookups: [Lookup] = []
    guard let markdown = entry.markdown else {
      return (nil, [Diagnostic(.error, in: entry.path, Say.notRead)])
    }
    if let problem = MarkdownLimits.check(markdown.body, firstLine: markdown.firstLine, path: entry.path) {
      return (nil, [problem])
    }
    // Hugo's common shortcodes, as the Markdown they stand for.
    let shortcodes = HugoShortcodes(pages: assets.pageURLs, path: entry.path, videoLinkText: words.watchVideo)
    let translated = shortcodes.translate(markdown.body)
    let body = CommonMark.render(
      translated.map { Substring($0.text) } ?? markdown.body, firstLine: markdown.firstLine, in: markdown.source,
      shifts: translated?.shifts ?? ColumnShifts(), glossary: glossary
    ) { reference in
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
          path = ReferenceResolver.sitePath(
            of: reference.destination, from: SitePath.folder(of: entry.urlPath))
        }
        if let path {
          internalLinks.append(InternalLink(path: path, location: reference.location))
        }
      case .image, .figure:
        if reference.text.allSatisfy(\.isWhitespace) {
          diagnostics.append(
            .warning(reference.location, Say.noAltText))
        }
        if case .image(let image) = resolution, reference.kind == .figure, firstFigure == nil { firstFigure = image }
      }
      return resolution
    }
    diagnostics = body.diagnostics + diagnostics
    if advise { diagnostics += body.unknownAbbreviations }
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
    if let image, let photo = image.photo, let width = image.width, let height = image.height {
      article.cover = Cover.plan(
        photo: photo, largest: PixelSize(width: width, height: height), focus: frontMatter.focus?.value ?? .centre,
        urlPath: SitePath.folder(of: entry.urlPath))
    }
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
}
