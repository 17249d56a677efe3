extension Pipeline {
  /// Stage 5: the published site: articles newest first (drafts, scheduled and
  /// expired ones left out and counted), pages, sections, then the indexes
  /// (terms, archives, related articles), from the memo's when made of the same.
  func assembleSite(
    _ entries: [KeyedEntry], _ articles: [MadeArticle], _ settings: Settings, cache: inout MemoReuse,
    log: inout BuildLog
  ) -> Site {
    var published: [Article] = []
    var pages: [Article] = []
    var indexBodies: [SourcePath: String] = [:]
    var indexLinks: [InternalLink] = []
    var unpublishedBundles = Set<SourcePath>()
    for (keyed, made) in zip(entries, articles) {
      guard var article = made.article else { continue }
      let entry = keyed.entry
      let draft = article.draft && !build.includeDrafts
      let future = article.date > build.now
      let expired = entry.frontMatter.expiryDate.map { $0.value <= build.now } ?? false
      if draft || (future && !build.includeFuture) || expired {
        if draft {
          log.summary.draftsSkipped += 1
        } else if expired {
          log.summary.expiredSkipped += 1
        } else {
          log.summary.futureSkipped += 1
        }
        if let bundle = entry.bundle { unpublishedBundles.insert(bundle) }
        continue
      }
      if article.future != future { article.future = future }  // (not in its shownHash)
      switch entry.role {
      case .article: published.append(article)
      case .page: pages.append(article)
      case .sectionIndex, .homeIndex:
        indexBodies[entry.path] = article.bodyHTML
        indexLinks += article.internalLinks
      }
    }
    // Sorted by index: an article is too big a value to move about in a sort.
    published = published.indices.sorted { Pipeline.newestFirst(published[$0], published[$1]) }.map { published[$0] }
    pages.sort { $0.urlPath < $1.urlPath }
    let all = entries.map(\.entry)
    let (sections, sectionProblems) = Pipeline.sections(entries: all, articles: published, bodies: indexBodies)
    log.add(sectionProblems)
    // Each article belongs to the nearest folder it is in that is a section.
    let sectionFolders = Set(sections.map(\.folder))
    for index in published.indices {
      guard let folder = published[index].sectionFolder, !sectionFolders.contains(folder) else { continue }
      var nearest = Substring(folder)
      while !sectionFolders.contains(String(nearest)), let slash = nearest.lastIndex(of: "/") {
        nearest = nearest[..<slash]
      }
      published[index].sectionFolder = String(nearest)
    }
    let homeEntry = all.first { $0.role == .homeIndex }
    let home = homeEntry?.frontMatter
    let config = settings.config
    var site = Site(
      config: config, url: settings.url,
      homeTitle: home?.title?.value ?? config.title,
      homeDescription: home?.description?.value ?? config.description,
      sections: sections, articles: published, pages: pages)
    site.homeContent = homeEntry.flatMap { indexBodies[$0.path] } ?? ""
    site.indexLinks = indexLinks
    site.unpublishedBundles = unpublishedBundles
    cache.index(&site, clock: config.clock)
    log.summary.articles = published.count
    log.summary.sections = sections.count
    log.summary.terms = site.terms.values.reduce(0) { $0 + $1.count }
    build.stageEnded?("site: sections, terms, archives, related articles")
    return site
  }

  static func newestFirst(_ a: Article, _ b: Article) -> Bool {
    if a.date != b.date { return a.date > b.date }
    if a.title != b.title { return VietnameseCollation.precedes(a.title, b.title) }
    return a.source < b.source
  }

  /// Sections from the top-level folders that hold articles and the folders that
  /// hold an `_index.md`, each followed by the sections in it, in menu order.
  static func sections(entries: [ContentEntry], articles: [Article], bodies: [SourcePath: String]) -> (
    [Section], [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    var sections: [String: Section] = [:]
    for entry in entries where entry.role == .sectionIndex {
      guard let folder = entry.sectionFolder else { continue }
      var section = Section(
        folder: folder, title: entry.frontMatter.title?.value ?? folder,
        description: entry.frontMatter.description?.value, weight: Section.weight(entry.frontMatter.weight),
        urlPath: entry.urlPath, source: entry.path)
      section.content = bodies[entry.path] ?? ""
      sections[folder] = section
    }
    for article in articles {
      guard let path = article.sectionFolder else { continue }
      let folder = Section.topFolder(of: path)
      guard sections[folder] == nil else { continue }
      diagnostics.append(
        Diagnostic(.warning, in: ContentEntry.contentFolder.appending(folder), Say.sectionWithoutIndex(folder)))
      sections[folder] = Section(
        folder: folder, title: folder, description: nil, weight: Section.unweighted,
        urlPath: "/" + Slug(from: folder).rawValue + "/", source: nil)
    }
    // A section's parent is the nearest folder above it that is a section; a folder
    // between them without an `_index.md` is part of the path only.
    for folder in sections.keys {
      var above = Substring(folder)
      while let slash = above.lastIndex(of: "/") {
        above = above[..<slash]
        if sections[String(above)] != nil {
          sections[folder]?.parent = String(above)
          break
        }
      }
    }
    let children = Dictionary(grouping: sections.values, by: \.parent)
    func ordered(_ parent: String?) -> [Section] {
      (children[parent] ?? []).sorted {
        if $0.weight != $1.weight { return $0.weight < $1.weight }
        return VietnameseCollation.precedes($0.title, $1.title)
      }.flatMap { [$0] + ordered($0.folder) }
    }
    return (ordered(nil), diagnostics)
  }
}
