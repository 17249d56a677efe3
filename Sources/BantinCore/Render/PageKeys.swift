/// What pages are made from, hashed: each article's shown fields, the site, the
/// terms and archives, a template context. The build cache compares them to know
/// a page unchanged without making it (`PageRenderer.inputs(of:)`) or without
/// rendering it (its fingerprint).
extension PageRenderer {
  /// The hash of the article at `index` of `Site.articles`.
  func articleHash(_ index: Int) -> StableHash { articleHashes[index] }

  /// The hash of the page at `index` of `Site.pages`.
  func standalonePageHash(_ index: Int) -> StableHash { pageHashes[index] }

  /// The articles at `indices`, each by its hash, in order.
  func hashArticles(_ indices: [Int], into hasher: inout StableHasher) {
    hasher.combine(indices.count)
    for index in indices { hasher.combine(articleHashes[index]) }
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
      hasher.combine(optional: section.parent)
    }
    hasher.combine(year)
    hasher.combine(theme.stylesheet.path.rawValue)
    hasher.combine(site.logo?.emblemSize.width ?? 0)
    hasher.combine(site.logo?.emblemSize.height ?? 0)
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
  func hash(_ value: TemplateValue, into hasher: inout StableHasher) {
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
  func recordHash(_ fields: [String: TemplateValue]) -> StableHash {
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

}
