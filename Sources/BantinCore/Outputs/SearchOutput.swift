/// The search page (`/tim-kiem/`, through `search`) and the index it reads
/// (`/tim-kiem/i/…`, `SearchIndex`), made from every article and page.
struct SearchOutput: SiteOutput {
  static let path = "/tim-kiem/"
  /// The default theme's script of the search page, published at the root.
  static let script = "tim-kiem.js"

  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    guard site.config.search else { return [] }
    let index = SearchIndex.build(site, words: ThemeWords(language: site.config.language))
    return [SearchPage()]
      + index.files.map { SearchIndexPage(path: OutputPath(SearchIndex.folder + $0.name), bytes: $0.bytes) }
  }
}

struct SearchPage: SitePage {
  var path: OutputPath { OutputPath(urlPath: SearchOutput.path) }
  var role: PageRole { .page }
  var template: String? { "search" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) { hasher.combine("search") }

  func make(with renderer: PageRenderer) -> PageContent {
    let words = renderer.words
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "search", title: words["search"], description: words["searchDescription"],
          urlPath: SearchOutput.path),
        "search": .record([
          "index": .text(renderer.url.relative("/" + SearchIndex.folder)),
          "script": .text(renderer.url.relative("/" + SearchOutput.script)),
        ]),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.searchPage, nil) }
}

/// One file of the search index: its bytes are made when the output is planned.
struct SearchIndexPage: SitePage {
  let path: OutputPath
  let bytes: [UInt8]

  var role: PageRole { .other }
  var template: String? { nil }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("search index")
    hasher.combine(StableHasher.hash(bytes))
  }

  func make(with renderer: PageRenderer) -> PageContent { .bytes(bytes) }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.searchIndex, nil) }
}
