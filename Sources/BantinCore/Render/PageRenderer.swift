/// Turns pages into files: HTML through the theme's templates, feeds, the sitemap
/// and robots.txt through writers. Builds each template's context from the site.
public struct PageRenderer: Sendable {
  public let site: Site
  public let theme: Theme
  public let clock: SiteClock
  /// The words the pages show, in the site's language.
  public let words: ThemeWords
  public let now: Timestamp

  /// Each article as list pages show it (without its body), made once: an article
  /// appears on many list pages. Nil for articles whose cards were not made
  /// (`withCards(of:)`): those are made where they are shown.
  private(set) var cards: [TemplateValue?] = []
  /// `site` for each section being shown, and for none (key "").
  private(set) var siteValues: [String: TemplateValue] = [:]
  /// Each card made, rendered once through `partials/card`, for list pages.
  private(set) var cardCache: TemplateRenderer.PartialCache?
  /// Each card's hash, so a page's fingerprint does not hash a card again.
  private(set) var cardHashes: [StableHash?] = []
  /// Each article's and page's hash: every field a template can show of it.
  private(set) var articleHashes: [StableHash] = []
  private(set) var pageHashes: [StableHash] = []
  /// Everything about the site that a page may show besides its own articles.
  private(set) var siteHash = StableHash(high: 0, low: 0)

  /// The partial that shows one article in a list, and the key that numbers cards.
  static let cardPartial = "partials/card"
  static let cardKey = "@card"

  /// A renderer with no card made yet: enough for `inputs(of:)`; list pages make
  /// the cards they show until `withCards(of:)` has made them once.
  public init(site: Site, theme: Theme, now: Timestamp) {
    self.site = site
    self.theme = theme
    self.clock = site.config.clock
    self.words = ThemeWords(language: site.config.language)
    self.now = now
    self.cards = Array(repeating: nil, count: site.articles.count)
    self.cardHashes = Array(repeating: nil, count: site.articles.count)
    var siteValues: [String: TemplateValue] = ["": makeSiteValue(current: nil)]
    for section in site.topSections { siteValues[section.folder] = makeSiteValue(current: section.folder) }
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

  var url: SiteURL { site.url }

  /// The page's file, made (`make(with:)` through its template, or its bytes).
  public func render(_ page: any SitePage) -> OutputFile {
    switch page.make(with: self) {
    case .bytes(let bytes): return OutputFile(path: page.path, content: .bytes(bytes))
    case .context(let context): return render(page, context: context)
    }
  }

  /// Renders a templated page whose context is already made; stops past `maxPageBytes`.
  func render(_ page: any SitePage, context: TemplateValue) -> OutputFile {
    let bytes =
      page.template.flatMap {
        theme.templates.render($0, context, cache: cardCache, limit: site.config.maxPageBytes)
      } ?? []
    return OutputFile(path: page.path, content: .bytes(bytes))
  }

  /// The page, or `.unchanged` when it is the one in `previous`; and its record.
  /// A page whose `inputs` (`inputs(of:)`) are those recorded is unchanged without
  /// being made; otherwise its fingerprint (theme, template and context, or the
  /// bytes of a file made by a writer) decides.
  public func renderUnlessUnchanged(
    _ page: any SitePage, inputs: StableHash, theme themeHash: StableHash,
    previous: [OutputPath: BuildMemo.PageRecord]
  ) -> (OutputFile, BuildMemo.PageRecord, byInputs: Bool) {
    let path = page.path
    let known = previous[path]
    if let known, known.inputs == inputs {
      assert(
        fingerprint(page, theme: themeHash).1 == known.fingerprint,
        "the inputs of \(path) missed a change: its hashInputs(into:with:) must hash what changed")
      return (OutputFile(path: path, content: .unchanged), known, true)
    }
    let (made, fingerprint) = self.fingerprint(page, theme: themeHash)
    let record = BuildMemo.PageRecord(inputs: inputs, fingerprint: fingerprint)
    if known?.fingerprint == fingerprint { return (OutputFile(path: path, content: .unchanged), record, false) }
    switch made {
    case .bytes(let bytes): return (OutputFile(path: path, content: .bytes(bytes)), record, false)
    case .context(let context): return (render(page, context: context), record, false)
    }
  }

  /// A page made as far as its fingerprint needs, and the fingerprint: the theme,
  /// template, place and whole context of a templated page; a file's bytes.
  private func fingerprint(_ page: any SitePage, theme themeHash: StableHash) -> (PageContent, StableHash) {
    let made = page.make(with: self)
    switch made {
    case .bytes(let bytes): return (made, StableHasher.hash(bytes))
    case .context(let context):
      var hasher = StableHasher()
      hasher.combine(themeHash)
      hasher.combine(page.path.rawValue)
      hasher.combine(page.template ?? "")
      hash(context, into: &hasher)
      return (made, hasher.value)
    }
  }

  /// What a page is made from, hashed without making it: the theme, the site
  /// (`siteHash`), the page's place and what the page itself hashes (the articles
  /// it shows, by their hashes). Two pages with the same inputs are the same page
  /// (debug builds check it).
  public func inputs(of page: any SitePage, theme themeHash: StableHash) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(themeHash)
    hasher.combine(siteHash)
    hasher.combine(page.path.rawValue)
    page.hashInputs(into: &hasher, with: self)
    return hasher.value
  }
}
