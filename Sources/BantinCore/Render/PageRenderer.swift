/// Turns pages into files: HTML through the theme's templates, feeds, the sitemap
/// and robots.txt through writers. Builds each template's context from the site.
public struct PageRenderer: Sendable {
  public let site: Site
  public let theme: Theme
  public let clock: SiteClock
  public let now: Timestamp

  /// Each article as list pages show it (without its body), made once: an article
  /// appears on many list pages. Nil for articles whose cards were not made
  /// (`withCards(of:)`): those are made where they are shown.
  private var cards: [TemplateValue?] = []
  /// `site` for each section being shown, and for none (key "").
  private var siteValues: [String: TemplateValue] = [:]
  /// Each card made, rendered once through `partials/card`, for list pages.
  private var cardCache: TemplateRenderer.PartialCache?
  /// Each card's hash, so a page's fingerprint does not hash a card again.
  private var cardHashes: [StableHash?] = []
  /// Each article's and page's hash: every field a template can show of it.
  private var articleHashes: [StableHash] = []
  private var pageHashes: [StableHash] = []
  /// Everything about the site that a page may show besides its own articles.
  private var siteHash = StableHash(high: 0, low: 0)

  /// The partial that shows one article in a list, and the key that numbers cards.
  static let cardPartial = "partials/card"
  static let cardKey = "@card"

  /// A renderer with no card made yet: enough for `inputs(of:)`; list pages make
  /// the cards they show until `withCards(of:)` has made them once.
  public init(site: Site, theme: Theme, now: Timestamp) {
    self.site = site
    self.theme = theme
    self.clock = site.config.clock
    self.now = now
    self.cards = Array(repeating: nil, count: site.articles.count)
    self.cardHashes = Array(repeating: nil, count: site.articles.count)
    var siteValues: [String: TemplateValue] = ["": makeSiteValue(current: nil)]
    for section in site.sections { siteValues[section.folder] = makeSiteValue(current: section.folder) }
    self.siteValues = siteValues
    self.articleHashes = site.articles.parallelMap(chunkSize: 256, PageRenderer.hash)
    self.pageHashes = site.pages.map(PageRenderer.hash)
    self.siteHash = PageRenderer.hash(site, theme: theme, year: clock.civil(now).year)
  }

  /// This renderer with the cards of the articles at `indices` made, rendered and hashed.
  public func withCards(of indices: [Int]) -> PageRenderer {
    let made = indices.parallelMap(chunkSize: 256) { index -> (TemplateValue, [UInt8]?, StableHash) in
      guard case .record(var fields) = articleValue(site.articles[index], index: nil, full: false) else {
        return (.record([:]), nil, StableHash(high: 0, low: 0))
      }
      let hash = recordHash(fields)
      fields[PageRenderer.cardKey] = .number(index)
      let card = TemplateValue.record(fields)
      return (card, theme.templates.renderForCache(PageRenderer.cardPartial, item: card), hash)
    }
    var renderer = self
    var outputs = cardCache?.outputs ?? [:]
    for (index, (card, output, hash)) in zip(indices, made) {
      renderer.cards[index] = card
      renderer.cardHashes[index] = hash
      outputs[index] = output
    }
    renderer.cardCache = TemplateRenderer.PartialCache(
      partial: PageRenderer.cardPartial, key: PageRenderer.cardKey, outputs: outputs)
    return renderer
  }

  /// The articles whose cards a page shows.
  public func articlesShown(by page: Page) -> [Int] {
    switch page {
    case .list(let list): return list.articles
    case .article(let index):
      return [index] + (index < site.links.count ? site.links[index].related : [])
    case .notFound: return notFoundArticles
    default: return []
    }
  }

  /// The newest articles, which the not-found page offers.
  var notFoundArticles: [Int] { Array(site.articles.indices.prefix(5)) }

  var url: SiteURL { site.url }

  /// The file a page is written to.
  public func outputPath(of page: Page) -> OutputPath {
    switch page {
    case .list(let list): return OutputPath(urlPath: list.urlPath)
    case .article(let index): return OutputPath(urlPath: site.articles[index].urlPath)
    case .page(let index): return OutputPath(urlPath: site.pages[index].urlPath)
    case .terms(let taxonomy): return OutputPath(urlPath: taxonomy.urlPath)
    case .archives: return OutputPath(urlPath: Page.archivesPath)
    case .notFound: return OutputPath(urlPath: Page.notFoundPath)
    case .alias(let from, _): return OutputPath(urlPath: from)
    case .feed(let feed): return OutputPath(urlPath: feed.urlPath)
    case .sitemap(let part): return OutputPath(part.map { "sitemap-\($0).xml" } ?? "sitemap.xml")
    case .robots: return OutputPath("robots.txt")
    }
  }

  public func render(_ page: Page) -> OutputFile {
    let path = outputPath(of: page)
    switch page {
    case .feed(let feed): return .page(path, FeedWriter(renderer: self).render(feed))
    case .sitemap(let part): return .page(path, SitemapWriter(site: site, clock: clock).render(part: part))
    case .robots: return .page(path, robots)
    default:
      let (template, context) = self.template(for: page)
      return render(page, template: template, context: context)
    }
  }

  /// The page, or `.unchanged` when it is the one in `previous`; and its record.
  /// A page whose `inputs` (`inputs(of:)`) are those recorded is unchanged without
  /// being made; otherwise its fingerprint (theme, template and context, or for
  /// feeds, sitemaps and robots.txt the bytes) decides.
  public func renderUnlessUnchanged(
    _ page: Page, at path: OutputPath, inputs: StableHash, theme themeHash: StableHash,
    previous: [OutputPath: BuildMemo.PageRecord]
  ) -> (OutputFile, BuildMemo.PageRecord, byInputs: Bool) {
    let known = previous[path]
    if let known, known.inputs == inputs {
      assert(
        fingerprint(page, at: path, theme: themeHash).1 == known.fingerprint,
        "the inputs of \(path) missed a change: PageRenderer.inputs(of:) must hash what changed")
      return (OutputFile(path: path, content: .unchanged), known, true)
    }
    let (made, fingerprint) = self.fingerprint(page, at: path, theme: themeHash)
    let record = BuildMemo.PageRecord(inputs: inputs, fingerprint: fingerprint)
    if known?.fingerprint == fingerprint { return (OutputFile(path: path, content: .unchanged), record, false) }
    switch made {
    case .file(let file): return (file, record, false)
    case .context(let template, let context): return (render(page, template: template, context: context), record, false)
    }
  }

  /// A page made as far as its fingerprint needs: a templated page's template and
  /// context, any other page's file.
  private enum Made {
    case context(String, TemplateValue)
    case file(OutputFile)
  }

  private func fingerprint(_ page: Page, at path: OutputPath, theme themeHash: StableHash) -> (Made, StableHash) {
    guard page.isTemplated else {
      let file = render(page)
      return (.file(file), StableHasher.hash(file.bytes))
    }
    let (template, context) = self.template(for: page)
    var hasher = StableHasher()
    hasher.combine(themeHash)
    hasher.combine(path.rawValue)
    hasher.combine(template)
    hash(context, into: &hasher)
    return (.context(template, context), hasher.value)
  }

  /// What a page is made from, hashed without making it: the theme, the site
  /// (`siteHash`), the page's place, and the articles it shows, each by its hash.
  /// Two pages with the same inputs are the same page (debug builds check it).
  func inputs(of page: Page, at path: OutputPath, theme themeHash: StableHash) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(themeHash)
    hasher.combine(siteHash)
    hasher.combine(path.rawValue)
    let articles = { (indices: [Int]) in
      hasher.combine(indices.count)
      for index in indices { hasher.combine(self.articleHashes[index]) }
    }
    switch page {
    case .list(let list):
      hasher.combine(1)
      hasher.combine(list.basePath)
      hasher.combine(list.number)
      hasher.combine(list.total)
      switch list.kind {
      case .home: hasher.combine(0)
      case .section(let section):
        hasher.combine(1)
        hasher.combine(section.folder)
      case .term(let term):
        hasher.combine(2)
        PageRenderer.hash(term, into: &hasher)
      case .year(let year):
        hasher.combine(3)
        PageRenderer.hash(year, into: &hasher)
      case .month(let month):
        hasher.combine(4)
        PageRenderer.hash(month, into: &hasher)
      }
      articles(list.articles)
    case .article(let index):
      hasher.combine(2)
      hasher.combine(articleHashes[index])
      let links = index < site.links.count ? site.links[index] : ArticleLinks()
      for neighbour in [links.older, links.newer] {
        hasher.combine(neighbour.map { articleHashes[$0] } ?? StableHash(high: 0, low: 0))
      }
      articles(links.related)
    case .page(let index):
      hasher.combine(3)
      hasher.combine(pageHashes[index])
    case .terms(let taxonomy):
      hasher.combine(4)
      hasher.combine(taxonomy.rawValue)
      for term in site.terms[taxonomy] ?? [] { PageRenderer.hash(term, into: &hasher) }
    case .archives:
      hasher.combine(5)
      for year in site.years { PageRenderer.hash(year, into: &hasher) }
    case .notFound:
      hasher.combine(6)
      articles(notFoundArticles)
    case .alias(let from, let to):
      hasher.combine(7)
      hasher.combine(from)
      hasher.combine(to)
    case .feed(let feed):
      hasher.combine(8)
      hasher.combine(feed.format == .atom ? 0 : 1)
      hasher.combine(optional: feed.section?.folder)
      let indices = FeedWriter(renderer: self).indices(of: feed)
      articles(indices)
      if indices.isEmpty { hasher.combine(now) }  // an empty feed is dated now
    case .sitemap(let part):
      hasher.combine(9)
      hasher.combine(part ?? 0)
      for (path, updated) in SitemapWriter(site: site, clock: clock).entries() {  // what a sitemap shows
        hasher.combine(path)
        hasher.combine(updated ?? Timestamp(secondsSince1970: Int64.min))
      }
    case .robots:
      hasher.combine(10)
    }
    return hasher.value
  }

  /// Every field of an article that a template can show.
  static func hash(_ article: Article) -> StableHash {
    assert(
      article.shownHash == nil || article.shownHash == article.hashOfShownFields(),
      "\(article.source) changed after its shownHash was taken")
    var hasher = StableHasher()
    hasher.combine(article.shownHash ?? article.hashOfShownFields())
    hasher.combine(article.future ? 1 : 0)
    return hasher.value
  }

  /// What every page may show of the site: its settings, home, sections, the year
  /// of the build (the footer's) and the theme's stylesheet.
  static func hash(_ site: Site, theme: Theme, year: Int) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(site.config.fingerprint)
    hasher.combine(site.url.origin)
    hasher.combine(site.url.basePath)
    hasher.combine(site.homeTitle)
    hasher.combine(site.homeDescription)
    hasher.combine(site.sections.count)
    for section in site.sections {
      hasher.combine(section.folder)
      hasher.combine(section.title)
      hasher.combine(optional: section.description)
      hasher.combine(section.weight)
      hasher.combine(section.urlPath)
    }
    hasher.combine(year)
    hasher.combine(theme.stylesheet.path.rawValue)
    // Where each term is published: an article page links its terms, and a term's
    // slug depends on the other terms (`an`, `an-2`).
    for taxonomy in Taxonomy.allCases {
      let terms = site.terms[taxonomy] ?? []
      hasher.combine(terms.count)
      for term in terms {
        hasher.combine(term.key.rawValue)
        hasher.combine(term.slug)
      }
    }
    return hasher.value
  }

  static func hash(_ term: Term, into hasher: inout StableHasher) {
    hasher.combine(term.taxonomy.rawValue)
    hasher.combine(term.name)
    hasher.combine(term.slug)
    hasher.combine(term.articles.count)
  }

  static func hash(_ year: ArchiveYear, into hasher: inout StableHasher) {
    hasher.combine(year.year)
    hasher.combine(year.articles.count)
    hasher.combine(year.months.count)
    for month in year.months { hash(month, into: &hasher) }
  }

  static func hash(_ month: ArchiveMonth, into hasher: inout StableHasher) {
    hasher.combine(month.year)
    hasher.combine(month.month)
    hasher.combine(month.articles.count)
  }

  /// What a template sees of a context, hashed, with each card's hash taken from `cardHashes`.
  private func hash(_ value: TemplateValue, into hasher: inout StableHasher) {
    switch value {
    case .record(let fields):
      if case .number(let index)? = fields[PageRenderer.cardKey], index < cardHashes.count,
        let known = cardHashes[index]
      {
        hasher.combine(known)
      } else {
        hasher.combine(recordHash(fields))
      }
    case .list(let items):
      hasher.combine(6)
      hasher.combine(items.count)
      for item in items { hash(item, into: &hasher) }
    case .text(let text):
      hasher.combine(1)
      hasher.combine(text)
    case .html(let text):
      hasher.combine(2)
      hasher.combine(text)
    case .flag(let flag): hasher.combine(flag ? 3 : 4)
    case .number(let number):
      hasher.combine(5)
      hasher.combine(number)
    }
  }

  /// A record's hash, its fields in any order (each pair hashed alone, the hashes
  /// added), without the card's number: where an article is in a list is not what it shows.
  private func recordHash(_ fields: [String: TemplateValue]) -> StableHash {
    var pairs = UnorderedHasher()
    for (key, field) in fields where key != PageRenderer.cardKey {
      pairs.add { pair in
        pair.combine(key)
        hash(field, into: &pair)
      }
    }
    var hasher = StableHasher()
    hasher.combine(7)
    hasher.combine(pairs.value)
    return hasher.value
  }

  /// Renders a page whose template and context are already made.
  public func render(_ page: Page, template: String, context: TemplateValue) -> OutputFile {
    OutputFile(
      path: outputPath(of: page),
      content: .bytes(
        theme.templates.render(template, context, cache: cardCache, limit: site.config.maxPageBytes) ?? []))
  }

  var robots: String {
    var text = "User-agent: *\nAllow: /\n"
    if !url.origin.isEmpty { text += "Sitemap: \(url.absolute("/sitemap.xml"))\n" }
    return text
  }

  // MARK: - Contexts

  /// The template that renders a page, and its context.
  public func template(for page: Page) -> (String, TemplateValue) {
    switch page {
    case .list(let list): return listContext(list)
    case .article(let index):
      let article = site.articles[index]
      return (
        "article",
        .record([
          "site": siteValue(current: article.sectionFolder),
          "page": pageValue(
            kind: "article", title: article.title, description: article.summary, urlPath: article.urlPath,
            image: article.image, feedsOf: site.section(article.sectionFolder)),
          "article": articleValue(article, index: index, full: true),
        ])
      )
    case .page(let index):
      let article = site.pages[index]
      return (
        "page",
        .record([
          "site": siteValue(current: nil),
          "page": pageValue(
            kind: "page", title: article.title, description: article.summary, urlPath: article.urlPath,
            image: article.image),
          "article": articleValue(article, index: nil, full: true),
        ])
      )
    case .terms(let taxonomy):
      let terms = site.terms[taxonomy] ?? []
      return (
        "terms",
        .record([
          "site": siteValue(current: nil),
          "page": pageValue(
            kind: "terms", title: taxonomy.title,
            description: "\(taxonomy.title) của \(site.config.title)", urlPath: taxonomy.urlPath),
          "taxonomy": taxonomyValue(taxonomy),
          "terms": .list(terms.map(termValue)),
        ])
      )
    case .archives:
      return (
        "archives",
        .record([
          "site": siteValue(current: nil),
          "page": pageValue(
            kind: "archives", title: "Lưu trữ", description: "Các bài viết theo năm và tháng",
            urlPath: Page.archivesPath),
          "years": .list(
            site.years.map { year in
              .record([
                "title": .text(year.title), "url": .text(url.relative(year.urlPath)),
                "year": .number(year.year), "count": .number(year.articles.count),
                "months": .list(year.months.map(monthValue)),
              ])
            }),
        ])
      )
    case .notFound:
      return (
        "404",
        .record([
          "site": siteValue(current: nil),
          "page": pageValue(
            kind: "notFound", title: "Không tìm thấy trang",
            description: "Trang bạn tìm không có hoặc đã được chuyển đi.", urlPath: Page.notFoundPath),
          "articles": listValue(notFoundArticles, lead: false),
        ])
      )
    case .alias(let from, let to):
      return (
        "alias",
        .record([
          "site": siteValue(current: nil),
          "page": pageValue(kind: "alias", title: "Trang đã chuyển", description: "", urlPath: from),
          "target": .record(["url": .text(url.relative(to)), "permalink": .text(url.absolute(to))]),
        ])
      )
    case .feed, .sitemap, .robots:
      return ("", .record([:]))
    }
  }

  func listContext(_ list: ListPage) -> (String, TemplateValue) {
    var fields: [String: TemplateValue] = [
      "articles": listValue(list.articles, lead: list.number == 1),
      "pagination": paginationValue(list),
    ]
    let template: String
    let page: TemplateValue
    var current: String?
    let suffix = list.number > 1 ? " – Trang \(list.number)" : ""
    switch list.kind {
    case .home:
      template = "home"
      page = pageValue(
        kind: "home", title: site.homeTitle + suffix, description: site.homeDescription, urlPath: list.urlPath)
    case .section(let section):
      template = "section"
      current = section.folder
      fields["section"] = sectionValue(section)
      page = pageValue(
        kind: "section", title: section.title + suffix, description: section.description ?? "",
        urlPath: list.urlPath, feedsOf: section)
    case .term(let term):
      template = "term"
      fields["term"] = termValue(term)
      page = pageValue(
        kind: "term", title: "\(term.taxonomy == .tags ? "Từ khóa" : "Danh mục"): \(term.name)" + suffix,
        description: "Các bài viết về \(term.name)", urlPath: list.urlPath)
    case .year(let year):
      template = "archive"
      fields["archive"] = .record([
        "title": .text(year.title), "url": .text(url.relative(year.urlPath)), "isYear": .flag(true),
        "months": .list(year.months.map(monthValue)),
      ])
      page = pageValue(
        kind: "archive", title: year.title + suffix, description: "Các bài viết \(year.title.lowercased())",
        urlPath: list.urlPath)
    case .month(let month):
      template = "archive"
      fields["archive"] = .record([
        "title": .text(month.title), "url": .text(url.relative(month.urlPath)), "isYear": .flag(false),
        "year": .record(["title": .text("Năm \(month.year)"), "url": .text(url.relative("/\(pad(month.year, 4))/"))]),
      ])
      page = pageValue(
        kind: "archive", title: month.title + suffix, description: "Các bài viết \(month.title.lowercased())",
        urlPath: list.urlPath)
    }
    fields["site"] = siteValue(current: current)
    fields["page"] = page
    return (template, .record(fields))
  }

  func siteValue(current: String?) -> TemplateValue {
    siteValues[current ?? ""] ?? makeSiteValue(current: current)
  }

  func makeSiteValue(current: String?) -> TemplateValue {
    .record([
      "title": .text(site.config.title),
      "description": .text(site.config.description),
      "language": .text(site.config.language),
      "locale": .text(
        site.config.language == "vi" ? "vi_VN" : site.config.language.replacingOccurrences(of: "-", with: "_")),
      "url": .text(url.relative("/")),
      "permalink": .text(url.absolute("/")),
      "stylesheet": .text(url.relative(theme.stylesheet.path.rawValue)),
      "publisher": .text(site.config.publisher ?? site.config.title),
      "year": .number(clock.civil(now).year),
      "archives": .text(url.relative(Page.archivesPath)),
      "tags": .text(url.relative(Taxonomy.tags.urlPath)),
      "categories": .text(url.relative(Taxonomy.categories.urlPath)),
      "atom": .text(url.relative("/atom.xml")),
      "rss": .text(url.relative("/rss.xml")),
      "sections": .list(
        site.sections.map { section in
          .record([
            "title": .text(section.title),
            "url": .text(url.relative(section.urlPath)),
            "current": .flag(section.folder == current),
          ])
        }),
    ])
  }

  func pageValue(
    kind: String, title: String, description: String, urlPath: String, image: ResolvedImage? = nil,
    feedsOf section: Section? = nil
  ) -> TemplateValue {
    var feeds: [TemplateValue] = [
      feedLink(title: site.config.title, path: "/atom.xml", format: .atom),
      feedLink(title: site.config.title, path: "/rss.xml", format: .rss),
    ]
    if let section {
      feeds.append(
        feedLink(title: "\(section.title) – \(site.config.title)", path: section.urlPath + "atom.xml", format: .atom))
      feeds.append(
        feedLink(title: "\(section.title) – \(site.config.title)", path: section.urlPath + "rss.xml", format: .rss))
    }
    let isFirstHome = kind == "home" && urlPath == "/"
    return .record([
      "title": .text(title),
      "headTitle": .text(isFirstHome ? site.config.title : "\(title) – \(site.config.title)"),
      "description": .text(description),
      "url": .text(url.relative(urlPath)),
      "permalink": .text(url.absolute(urlPath)),
      "type": .text(kind == "article" ? "article" : "website"),
      "image": image.map(imageValue),
      "feeds": .list(feeds),
      "isHome": .flag(kind == "home"),
      "isSection": .flag(kind == "section"),
      "isArticle": .flag(kind == "article"),
      "isPage": .flag(kind == "page"),
      "isTerm": .flag(kind == "term"),
      "isTerms": .flag(kind == "terms"),
      "isArchive": .flag(kind == "archive" || kind == "archives"),
      "isNotFound": .flag(kind == "notFound"),
      "noindex": .flag(kind == "notFound" || kind == "alias"),
    ])
  }

  func feedLink(title: String, path: String, format: Feed.Format) -> TemplateValue {
    .record([
      "title": .text(title), "url": .text(url.relative(path)), "type": .text(format.mediaType),
    ])
  }

  func imageValue(_ image: ResolvedImage) -> TemplateValue {
    .record([
      "src": .text(image.src),
      "permalink": .text(absolute(image.src)),
      "width": image.width.map(TemplateValue.number),
      "height": image.height.map(TemplateValue.number),
    ])
  }

  /// A link made by the site (a path under the base path) as an absolute URL.
  func absolute(_ link: String) -> String {
    link.hasPrefix("/") && !link.hasPrefix("//") ? url.origin + link : link
  }

  func sectionValue(_ section: Section) -> TemplateValue {
    .record([
      "title": .text(section.title),
      "description": .text(section.description),
      "url": .text(url.relative(section.urlPath)),
      "atom": .text(url.relative(section.urlPath + "atom.xml")),
      "rss": .text(url.relative(section.urlPath + "rss.xml")),
    ])
  }

  func taxonomyValue(_ taxonomy: Taxonomy) -> TemplateValue {
    .record(["title": .text(taxonomy.title), "url": .text(url.relative(taxonomy.urlPath))])
  }

  func termValue(_ term: Term) -> TemplateValue {
    .record([
      "name": .text(term.name),
      "url": .text(url.relative(term.urlPath)),
      "count": .number(term.articles.count),
      "taxonomy": taxonomyValue(term.taxonomy),
    ])
  }

  func monthValue(_ month: ArchiveMonth) -> TemplateValue {
    .record([
      "title": .text(month.title), "url": .text(url.relative(month.urlPath)), "count": .number(month.articles.count),
    ])
  }

  func paginationValue(_ list: ListPage) -> TemplateValue {
    let link = { (number: Int) in self.url.relative(ListPage.path(list.basePath, number)) }
    let window = max(1, list.number - 2)...min(list.total, list.number + 2)
    return .record([
      "current": .number(list.number),
      "total": .number(list.total),
      "hasPages": .flag(list.total > 1),
      "first": .text(link(1)),
      "last": .text(link(list.total)),
      "previous": list.number > 1 ? .text(link(list.number - 1)) : nil,
      "next": list.number < list.total ? .text(link(list.number + 1)) : nil,
      "pages": .list(
        window.map { number in
          .record(["number": .number(number), "url": .text(link(number)), "current": .flag(number == list.number)])
        }),
    ])
  }

  /// Articles of a list page, without their bodies; `first` marks the lead.
  func listValue(_ indices: [Int], lead: Bool) -> TemplateValue {
    .list(
      indices.enumerated().map { offset, index in
        let card = card(index)
        guard lead && offset == 0, case .record(var fields) = card else { return card }
        fields["first"] = .flag(true)
        fields[PageRenderer.cardKey] = nil  // the lead is not the cached card
        return .record(fields)
      })
  }

  /// An article as lists show it.
  func card(_ index: Int) -> TemplateValue {
    if index < cards.count, let card = cards[index] { return card }
    return articleValue(site.articles[index], index: nil, full: false)
  }

  func articleValue(_ article: Article, index: Int?, full: Bool) -> TemplateValue {
    let section = site.section(article.sectionFolder)
    if full, let index, index < cards.count, case .record(var fields)? = cards[index] {
      fields["first"] = nil
      fields[PageRenderer.cardKey] = nil
      return fullArticle(article, index: index, section: section, fields: &fields)
    }
    var fields: [String: TemplateValue] = [
      "title": .text(article.title),
      "url": .text(url.relative(article.urlPath)),
      "permalink": .text(url.absolute(article.urlPath)),
      "date": .text(clock.vietnameseDate(article.date)),
      "datetime": .text(clock.iso8601(article.date)),
      "updatedDatetime": .text(clock.iso8601(article.updated)),
      "summary": .text(article.summary),
      "categories": .list(article.categories.map { termLink(.categories, $0) }),
      "tags": .list(article.tags.map { termLink(.tags, $0) }),
      "readingTime": .number(article.readingMinutes),
      "wordCount": .number(article.wordCount),
      "draft": .flag(article.draft),
      "future": .flag(article.future),
    ]
    if let lastmod = article.lastmod {
      fields["lastmod"] = .text(clock.vietnameseDate(lastmod))
      fields["lastmodDatetime"] = .text(clock.iso8601(lastmod))
    }
    if let author = article.author { fields["author"] = .text(author) }
    if let description = article.description { fields["description"] = .text(description) }
    if let section { fields["section"] = sectionValue(section) }
    if let image = article.image { fields["image"] = imageValue(image) }
    guard full else {
      fields["first"] = .flag(false)
      return .record(fields)
    }
    return fullArticle(article, index: index, section: section, fields: &fields)
  }

  /// A card's fields with what only the article's own page shows.
  private func fullArticle(_ article: Article, index: Int?, section: Section?, fields: inout [String: TemplateValue])
    -> TemplateValue
  {
    fields["content"] = .html(article.bodyHTML)
    fields["jsonLD"] = .html(JSON.encode(jsonLD(article, section: section)))
    if let index, index < site.links.count {
      let links = site.links[index]
      if let older = links.older { fields["older"] = neighbourValue(older) }
      if let newer = links.newer { fields["newer"] = neighbourValue(newer) }
      fields["related"] = .list(links.related.map(card))
    }
    return .record(fields)
  }

  func neighbourValue(_ index: Int) -> TemplateValue {
    let article = site.articles[index]
    return .record([
      "title": .text(article.title), "url": .text(url.relative(article.urlPath)),
      "date": .text(clock.vietnameseDate(article.date)), "datetime": .text(clock.iso8601(article.date)),
    ])
  }

  func termLink(_ taxonomy: Taxonomy, _ name: String) -> TemplateValue {
    .record(["name": .text(name), "url": .text(url.relative(site.termPath(taxonomy, name)))])
  }

  /// schema.org `NewsArticle` for search engines.
  func jsonLD(_ article: Article, section: Section?) -> JSON.Value {
    let publisher = site.config.publisher ?? site.config.title
    let organization = JSON.Value.object([("@type", .string("Organization")), ("name", .string(publisher))])
    var fields: [(String, JSON.Value)] = [
      ("@context", .string("https://schema.org")),
      ("@type", .string("NewsArticle")),
      ("headline", .string(article.title)),
      ("description", .string(article.summary)),
      ("datePublished", .string(clock.iso8601(article.date))),
      ("dateModified", .string(clock.iso8601(article.updated))),
      ("inLanguage", .string(site.config.language)),
      ("mainEntityOfPage", .object([("@type", .string("WebPage")), ("@id", .string(url.absolute(article.urlPath)))])),
      ("url", .string(url.absolute(article.urlPath))),
    ]
    if let image = article.image { fields.append(("image", .array([.string(absolute(image.src))]))) }
    if let author = article.author {
      fields.append(("author", .array([.object([("@type", .string("Person")), ("name", .string(author))])])))
    } else {
      fields.append(("author", .array([organization])))
    }
    fields.append(("publisher", organization))
    if let section { fields.append(("articleSection", .string(section.title))) }
    if !article.tags.isEmpty { fields.append(("keywords", .array(article.tags.map(JSON.Value.string)))) }
    return .object(fields)
  }
}
