/// One page of the site to render.
public enum Page: Sendable {
  case home
  case section(Section)
  case article(Article)
  /// A page at the root of `content/`.
  case page(Article)

  public var urlPath: String {
    switch self {
    case .home: return "/"
    case .section(let section): return section.urlPath
    case .article(let article), .page(let article): return article.urlPath
    }
  }

  /// The template that renders it.
  public var template: String {
    switch self {
    case .home: return "home"
    case .section: return "section"
    case .article: return "article"
    case .page: return "page"
    }
  }
}

/// Turns pages into HTML through the theme's templates, building each page's
/// template context from the site.
public struct PageRenderer: Sendable {
  public let site: Site
  public let theme: Theme
  public let clock: SiteClock
  public let now: Timestamp

  public init(site: Site, theme: Theme, now: Timestamp) {
    self.site = site
    self.theme = theme
    self.clock = site.config.clock
    self.now = now
  }

  public func render(_ page: Page) -> OutputFile {
    let html = theme.templates.render(page.template, context(for: page)) ?? ""
    return .page(OutputPath(urlPath: page.urlPath), html)
  }

  // MARK: - Contexts

  public func context(for page: Page) -> TemplateValue {
    switch page {
    case .home:
      return .record([
        "site": siteValue(current: nil),
        "page": pageValue(
          title: site.homeTitle, description: site.homeDescription, urlPath: "/", kind: "home"),
        "articles": listValue(site.articles),
      ])
    case .section(let section):
      return .record([
        "site": siteValue(current: section.folder),
        "page": pageValue(
          title: section.title, description: section.description ?? "", urlPath: section.urlPath, kind: "section"),
        "section": sectionValue(section),
        "articles": listValue(site.articles(in: section)),
      ])
    case .article(let article), .page(let article):
      return .record([
        "site": siteValue(current: article.sectionFolder),
        "page": pageValue(
          title: article.title, description: article.summary, urlPath: article.urlPath,
          kind: page.template),
        "article": articleValue(article, withContent: true),
      ])
    }
  }

  func siteValue(current: String?) -> TemplateValue {
    .record([
      "title": .text(site.config.title),
      "description": .text(site.config.description),
      "language": .text(site.config.language),
      "url": .text(site.url.relative("/")),
      "permalink": .text(site.url.absolute("/")),
      "stylesheet": .text(site.url.relative(theme.stylesheet.path.rawValue)),
      "publisher": .text(site.config.publisher ?? site.config.title),
      "year": .number(clock.civil(now).year),
      "sections": .list(
        site.sections.map { section in
          .record([
            "title": .text(section.title),
            "url": .text(site.url.relative(section.urlPath)),
            "current": .flag(section.folder == current),
          ])
        }),
    ])
  }

  func pageValue(title: String, description: String, urlPath: String, kind: String) -> TemplateValue {
    .record([
      "title": .text(title),
      "description": .text(description),
      "url": .text(site.url.relative(urlPath)),
      "permalink": .text(site.url.absolute(urlPath)),
      "isHome": .flag(kind == "home"),
      "isSection": .flag(kind == "section"),
      "isArticle": .flag(kind == "article"),
    ])
  }

  /// Articles of a list page, without their bodies; `first` marks the lead.
  func listValue(_ articles: [Article]) -> TemplateValue {
    .list(
      articles.enumerated().map { index, article in
        guard case .record(var fields) = articleValue(article, withContent: false) else { return .record([:]) }
        fields["first"] = .flag(index == 0)
        return .record(fields)
      })
  }

  func sectionValue(_ section: Section) -> TemplateValue {
    .record([
      "title": .text(section.title),
      "description": .text(section.description),
      "url": .text(site.url.relative(section.urlPath)),
    ])
  }

  func articleValue(_ article: Article, withContent: Bool) -> TemplateValue {
    let section = site.section(article.sectionFolder)
    return .record([
      "title": .text(article.title),
      "url": .text(site.url.relative(article.urlPath)),
      "permalink": .text(site.url.absolute(article.urlPath)),
      "date": .text(clock.vietnameseDate(article.date)),
      "datetime": .text(clock.iso8601(article.date)),
      "lastmod": .text(article.lastmod.map(clock.vietnameseDate)),
      "lastmodDatetime": .text(article.lastmod.map(clock.iso8601)),
      "author": .text(article.author),
      "section": section.map(sectionValue),
      "categories": .list(article.categories.map { .record(["name": .text($0)]) }),
      "tags": .list(article.tags.map { .record(["name": .text($0)]) }),
      "summary": .text(article.summary),
      "description": .text(article.description),
      "content": withContent ? .html(article.bodyHTML) : nil,
      "image": article.image.map { image in
        .record([
          "src": .text(image.src),
          "width": image.width.map(TemplateValue.number),
          "height": image.height.map(TemplateValue.number),
        ])
      },
      "readingTime": .number(article.readingMinutes),
      "wordCount": .number(article.wordCount),
      "draft": .flag(article.draft),
    ])
  }
}
