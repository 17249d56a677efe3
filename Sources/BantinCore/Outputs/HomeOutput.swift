/// The home page and its later pages (`/`, `/page/2/`): the newest articles, through `home`.
struct HomeOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    Listing.pages(basePath: "/", indices: Array(site.articles.indices), size: site.config.pageSize).map(HomePage.init)
  }
}

struct HomePage: SitePage {
  let listing: Listing

  var path: OutputPath { listing.path }
  var role: PageRole { .page }
  var template: String? { "home" }

  func articlesShown(in site: Site) -> [Int] { listing.articles }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("home")
    if listing.number == 1 { hasher.combine(renderer.site.homeContent) }
    listing.hashInputs(into: &hasher, with: renderer)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let site = renderer.site
    let page = renderer.pageValue(
      kind: "home", title: site.homeTitle + renderer.pageSuffix(listing), description: site.homeDescription,
      urlPath: listing.urlPath)
    var extra: [String: TemplateValue] = [:]
    if listing.number == 1, !site.homeContent.isEmpty { extra["home"] = .record(["content": .html(site.homeContent)]) }
    return .context(renderer.listContext(listing, current: nil, page: page, extra: extra))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.home, nil) }
}
