/// The values templates get: the site, the page, articles and their cards, terms,
/// archives, pagination, and the JSON-LD of an article.
extension PageRenderer {
  /// The site's values, with the menu's section that holds `current` (a section folder) marked.
  func siteValue(current: String?) -> TemplateValue {
    let top = current.map(Section.topFolder(of:))
    return siteValues[top ?? ""] ?? makeSiteValue(current: top)
  }

  func makeSiteValue(current: String?) -> TemplateValue {
    var fields: [String: TemplateValue] = [
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
      "words": words.values,
      "archives": .text(url.relative(ArchivesIndexOutput.path)),
      "tags": .text(url.relative(Taxonomy.tags.urlPath)),
      "categories": .text(url.relative(Taxonomy.categories.urlPath)),
      "atom": .text(url.relative("/atom.xml")),
      "rss": .text(url.relative("/rss.xml")),
      "sections": .list(
        site.topSections.map { section in
          .record([
            "title": .text(section.title),
            "url": .text(url.relative(section.urlPath)),
            "current": .flag(section.folder == current),
          ])
        }),
    ]
    // Absent, not empty, when the site has no search: `{{#site.search}}` shows nothing.
    if site.config.search { fields["search"] = .text(url.relative(SearchOutput.path)) }
    if let logo = site.logo {
      fields["logo"] = .record([
        "src": .text(url.relative("/" + logo.emblem.rawValue)),
        "width": .number(logo.emblemSize.width / 2), "height": .number(logo.emblemSize.height / 2),
      ])
      fields["icons"] = .record([
        "favicon": .text(url.relative("/" + LogoRule.outputs["favicon.ico"]!.rawValue)),
        "png": .text(url.relative("/" + LogoRule.outputs["icon-32.png"]!.rawValue)),
        "touch": .text(url.relative("/" + LogoRule.outputs["icon-180.png"]!.rawValue)),
        "large": .text(url.relative("/" + LogoRule.outputs["icon-192.png"]!.rawValue)),
      ])
    }
    let theme = site.config.theme
    fields["menu"] = .list(
      theme.menu.map { link in
        let external = !link.url.hasPrefix("/")
        return .record([
          "title": .text(link.title), "url": .text(external ? link.url : url.relative(link.url)),
          "external": .flag(external),
        ])
      })
    var footer: [TemplateValue] = []
    func line(_ label: String, _ text: String?, link: String? = nil) {
      guard let text else { return }
      var record: [String: TemplateValue] = ["label": .text(label), "text": .text(text)]
      if let link { record["url"] = .text(link) }
      footer.append(.record(record))
    }
    line(words["footerAddress"], theme.footer.address)
    line(
      words["footerPhone"], theme.footer.phone,
      link: theme.footer.phone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } })
    line(words["footerEmail"], theme.footer.email, link: theme.footer.email.map { "mailto:" + $0 })
    line(words["footerResponsible"], theme.footer.responsible)
    for text in theme.footer.lines { footer.append(.record(["text": .text(text)])) }
    fields["footer"] = .list(footer)
    if site.config.glossary.expansions.values.contains(where: { !$0.isEmpty }) {
      fields["glossary"] = .text(url.relative(GlossaryOutput.path))
    }
    return .record(fields)
  }

  func pageValue(
    kind: String, title: String, description: String, urlPath: String, image: ResolvedImage? = nil,
    cover: Cover? = nil, feedsOf section: Section? = nil
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
      "image": cover.flatMap(shareValue) ?? image.map(imageValue),
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
    let fallbacks = image.fallbacks
    let webp = image.webpVariants
    return .record([
      "src": .text(image.src),
      "permalink": .text(absolute(image.src)),
      "width": image.width.map(TemplateValue.number),
      "height": image.height.map(TemplateValue.number),
      "srcset": !fallbacks.isEmpty ? .text(PictureHTML.srcset(fallbacks)) : nil,
      "webpSrcset": webp.isEmpty ? nil : .text(PictureHTML.srcset(webp)),
    ])
  }

  /// The crop of an article's photo that link previews show (`og:image`).
  func shareValue(_ cover: Cover) -> TemplateValue? {
    guard let crop = cover.files.first else { return nil }
    return .record([
      "src": .text(url.relative(URLPath.encode(crop.output))), "permalink": .text(permalink(of: crop)),
      "width": .number(crop.width),
      "height": .number(crop.height),
    ])
  }

  /// The absolute URL of a crop of an article's photo.
  func permalink(of crop: Cover.File) -> String { absolute(url.relative(URLPath.encode(crop.output))) }

  /// A link made by the site (a path under the base path) as an absolute URL.
  func absolute(_ link: String) -> String {
    link.hasPrefix("/") && !link.hasPrefix("//") ? url.origin + link : link
  }

  /// A section: its title and links, the sections it is in (outermost first, for
  /// breadcrumbs) and, with `full`, the sections in it.
  func sectionValue(_ section: Section, full: Bool = false) -> TemplateValue {
    func link(_ section: Section) -> TemplateValue {
      var fields: [String: TemplateValue] = [
        "title": .text(section.title), "url": .text(url.relative(section.urlPath)),
      ]
      if let description = section.description { fields["description"] = .text(description) }
      return .record(fields)
    }
    var fields: [String: TemplateValue] = [
      "title": .text(section.title),
      "url": .text(url.relative(section.urlPath)),
      "atom": .text(url.relative(section.urlPath + "atom.xml")),
      "rss": .text(url.relative(section.urlPath + "rss.xml")),
      "parents": .list(site.parents(of: section).map(link)),
    ]
    if let description = section.description { fields["description"] = .text(description) }
    if full {
      let subsections = site.subsections(of: section)
      fields["subsections"] = .list(subsections.map(link))
      fields["hasSubsections"] = .flag(!subsections.isEmpty)
    }
    return .record(fields)
  }

  func taxonomyValue(_ taxonomy: Taxonomy) -> TemplateValue {
    .record(["title": .text(words.title(of: taxonomy)), "url": .text(url.relative(taxonomy.urlPath))])
  }

  func termValue(_ term: Term) -> TemplateValue {
    .record([
      "name": .text(term.name),
      "url": .text(url.relative(term.urlPath)),
      "count": .number(term.articles.count),
      "taxonomy": taxonomyValue(term.taxonomy),
      // Its Atom feed (`TermFeedOutput`), written only with a `baseURL`.
      "atom": url.origin.isEmpty ? nil : .text(url.relative(Feed(format: .atom, subject: .term(term)).urlPath)),
    ])
  }

  func monthValue(_ month: ArchiveMonth) -> TemplateValue {
    .record([
      "title": .text(words.title(ofMonth: month.month, year: month.year)), "url": .text(url.relative(month.urlPath)),
      "count": .number(month.articles.count),
    ])
  }

  func paginationValue(_ list: Listing) -> TemplateValue {
    let link = { (number: Int) in self.url.relative(Listing.path(list.basePath, number)) }
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
      "date": .text(words.date(article.date, clock: clock)),
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
      fields["lastmod"] = .text(words.date(lastmod, clock: clock))
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
      "date": .text(words.date(article.date, clock: clock)), "datetime": .text(clock.iso8601(article.date)),
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
    if let cover = article.cover, cover.files.count > 1 {
      // 16:9, 4:3 and 1:1, as Google's article guidelines ask.
      let crops = cover.files.dropFirst().map { JSON.Value.string(permalink(of: $0)) }
      fields.append(("image", .array(crops)))
    } else if let image = article.image {
      fields.append(("image", .array([.string(absolute(image.src))])))
    }
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
