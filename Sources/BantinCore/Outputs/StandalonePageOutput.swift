/// Each page at the root of `content/` (`/gioi-thieu/`), never listed, through `page`.
struct StandalonePageOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    site.pages.indices.map { StandalonePage(index: $0, path: OutputPath(urlPath: site.pages[$0].urlPath)) }
  }
}

struct StandalonePage: SitePage {
  let index: Int
  let path: OutputPath

  var role: PageRole { .page }
  var template: String? { "page" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("page")
    hasher.combine(renderer.standalonePageHash(index))
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let article = renderer.site.pages[index]
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "page", title: article.title, description: article.summary, urlPath: article.urlPath,
          image: article.image, cover: article.cover),
        "article": renderer.articleValue(article, index: nil, full: true),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.file(site.pages[index].source.rawValue), site.pages[index].source)
  }
}
