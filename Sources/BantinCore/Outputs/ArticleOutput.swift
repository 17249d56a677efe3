/// Each article at its own address (`/tin-tuc/hoi-nghi/`), through `article`.
struct ArticleOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    site.articles.indices.map { ArticlePage(index: $0, path: OutputPath(urlPath: site.articles[$0].urlPath)) }
  }
}

struct ArticlePage: SitePage {
  let index: Int
  let path: OutputPath

  var role: PageRole { .page }
  var template: String? { "article" }

  func articlesShown(in site: Site) -> [Int] {
    [index] + (index < site.links.count ? site.links[index].related : [])
  }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("article")
    hasher.combine(renderer.articleHash(index))
    let links = index < renderer.site.links.count ? renderer.site.links[index] : ArticleLinks()
    for neighbour in [links.older, links.newer] {
      hasher.combine(neighbour.map(renderer.articleHash) ?? StableHash(high: 0, low: 0))
    }
    renderer.hashArticles(links.related, into: &hasher)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let article = renderer.site.articles[index]
    return .context(
      .record([
        "site": renderer.siteValue(current: article.sectionFolder),
        "page": renderer.pageValue(
          kind: "article", title: article.title, description: article.summary, urlPath: article.urlPath,
          image: article.image, cover: article.cover, feedsOf: renderer.site.section(article.sectionFolder)),
        "article": renderer.articleValue(article, index: index, full: true),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.file(site.articles[index].source.rawValue), site.articles[index].source)
  }
}
