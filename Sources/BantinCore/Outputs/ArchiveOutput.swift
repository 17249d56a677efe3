/// Each year's and month's list (`/2024/`, `/2024/01/`), through `archive`.
struct ArchiveOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    let size = site.config.pageSize
    var pages: [any SitePage] = []
    for year in site.years {
      pages += Listing.pages(basePath: year.urlPath, indices: year.articles, size: size).map {
        ArchivePage(period: .year(year), listing: $0)
      }
      for month in year.months {
        pages += Listing.pages(basePath: month.urlPath, indices: month.articles, size: size).map {
          ArchivePage(period: .month(month), listing: $0)
        }
      }
    }
    return pages
  }
}

struct ArchivePage: SitePage {
  enum Period: Sendable {
    case year(ArchiveYear)
    case month(ArchiveMonth)
  }

  let period: Period
  let listing: Listing

  var path: OutputPath { listing.path }
  var role: PageRole { .page }
  var template: String? { "archive" }

  func articlesShown(in site: Site) -> [Int] { listing.articles }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("archive")
    switch period {
    case .year(let year): PageRenderer.hash(year, into: &hasher)
    case .month(let month): PageRenderer.hash(month, into: &hasher)
    }
    listing.hashInputs(into: &hasher, with: renderer)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let url = renderer.url
    let archive: TemplateValue
    let title: String
    switch period {
    case .year(let year):
      title = renderer.words.title(ofYear: year.year)
      archive = .record([
        "title": .text(title), "url": .text(url.relative(year.urlPath)), "isYear": .flag(true),
        "months": .list(year.months.map(renderer.monthValue)),
      ])
    case .month(let month):
      title = renderer.words.title(ofMonth: month.month, year: month.year)
      archive = .record([
        "title": .text(title), "url": .text(url.relative(month.urlPath)), "isYear": .flag(false),
        "year": .record([
          "title": .text(renderer.words.title(ofYear: month.year)),
          "url": .text(url.relative("/\(pad(month.year, 4))/")),
        ]),
      ])
    }
    let page = renderer.pageValue(
      kind: "archive", title: title + renderer.pageSuffix(listing),
      description: renderer.words.articlesOf(title), urlPath: listing.urlPath)
    return .context(renderer.listContext(listing, current: nil, page: page, extra: ["archive": archive]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    switch period {
    case .year(let year): return (Say.Origin.archive("\(year.year)"), nil)
    case .month(let month): return (Say.Origin.archive("\(month.year)-\(pad(month.month))"), nil)
    }
  }
}

/// Every year and month (`/luu-tru/`), through `archives`.
struct ArchivesIndexOutput: SiteOutput {
  static let path = "/luu-tru/"

  func pages(of site: Site, options: OutputOptions) -> [any SitePage] { [ArchivesIndexPage()] }
}

struct ArchivesIndexPage: SitePage {
  var path: OutputPath { OutputPath(urlPath: ArchivesIndexOutput.path) }
  var role: PageRole { .page }
  var template: String? { "archives" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("archives")
    for year in renderer.site.years { PageRenderer.hash(year, into: &hasher) }
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let url = renderer.url
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "archives", title: renderer.words["archives"], description: renderer.words.archivesDescription,
          urlPath: ArchivesIndexOutput.path),
        "years": .list(
          renderer.site.years.map { year in
            .record([
              "title": .text(renderer.words.title(ofYear: year.year)), "url": .text(url.relative(year.urlPath)),
              "year": .number(year.year), "count": .number(year.articles.count),
              "months": .list(year.months.map(renderer.monthValue)),
            ])
          }),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.archives, nil) }
}
