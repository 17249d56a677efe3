/// A redirect page at each old address an article or page lists in `aliases`,
/// through `alias`.
struct AliasOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    (site.articles + site.pages).flatMap { article in
      article.aliases.map { AliasPage(from: $0, to: article.urlPath) }
    }
  }
}

struct AliasPage: SitePage {
  let from: String
  let to: String

  var path: OutputPath { OutputPath(urlPath: from) }
  var role: PageRole { .alias }
  var template: String? { "alias" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("alias")
    hasher.combine(from)
    hasher.combine(to)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let url = renderer.url
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(kind: "alias", title: renderer.words["moved"], description: "", urlPath: from),
        "target": .record(["url": .text(url.relative(to)), "permalink": .text(url.absolute(to))]),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    let owner = owners[to]
    return (Say.Origin.alias(from, of: owner?.rawValue ?? to), owner)
  }
}
