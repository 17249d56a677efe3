/// `/404.html`, "Không tìm thấy trang", with the newest articles, through `404`.
struct NotFoundOutput: SiteOutput {
  static let path = "/404.html"

  func pages(of site: Site, options: OutputOptions) -> [any SitePage] { [NotFoundPage()] }
}

struct NotFoundPage: SitePage {
  var path: OutputPath { OutputPath(urlPath: NotFoundOutput.path) }
  var role: PageRole { .page }
  var template: String? { "404" }

  /// The newest articles, which the page offers.
  func articlesShown(in site: Site) -> [Int] { Array(site.articles.indices.prefix(5)) }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("404")
    renderer.hashArticles(articlesShown(in: renderer.site), into: &hasher)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "notFound", title: renderer.words["notFound"],
          description: renderer.words["notFoundText"], urlPath: NotFoundOutput.path),
        "articles": renderer.listValue(articlesShown(in: renderer.site), lead: false),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.notFound, nil) }
}
