/// Each category's and tag's list (`/tags/an-ninh/`), through `term`.
struct TermOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    Taxonomy.allCases.flatMap { taxonomy in
      (site.terms[taxonomy] ?? []).flatMap { term in
        Listing.pages(basePath: term.urlPath, indices: term.articles, size: site.config.pageSize).map {
          TermPage(term: term, listing: $0)
        }
      }
    }
  }
}

struct TermPage: SitePage {
  let term: Term
  let listing: Listing

  var path: OutputPath { listing.path }
  var role: PageRole { .page }
  var template: String? { "term" }

  func articlesShown(in site: Site) -> [Int] { listing.articles }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("term")
    PageRenderer.hash(term, into: &hasher)
    listing.hashInputs(into: &hasher, with: renderer)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let page = renderer.pageValue(
      kind: "term", title: "\(renderer.words.title(of: term.taxonomy)): \(term.name)" + renderer.pageSuffix(listing),
      description: renderer.words.articlesAbout(term.name), urlPath: listing.urlPath)
    return .context(renderer.listContext(listing, current: nil, page: page, extra: ["term": renderer.termValue(term)]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.term(isTag: term.taxonomy == .tags, term.name), nil)
  }
}

/// The index of a taxonomy's terms (`/categories/`, `/tags/`), through `terms`.
struct TermsIndexOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] { Taxonomy.allCases.map(TermsIndexPage.init) }
}

struct TermsIndexPage: SitePage {
  let taxonomy: Taxonomy

  var path: OutputPath { OutputPath(urlPath: taxonomy.urlPath) }
  var role: PageRole { .page }
  var template: String? { "terms" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("terms")
    hasher.combine(taxonomy.rawValue)
    for term in renderer.site.terms[taxonomy] ?? [] { PageRenderer.hash(term, into: &hasher) }
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let site = renderer.site
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "terms", title: renderer.words.title(of: taxonomy),
          description: renderer.words.termsDescription(taxonomy, site: site.config.title),
          urlPath: taxonomy.urlPath),
        "taxonomy": renderer.taxonomyValue(taxonomy),
        "terms": .list((site.terms[taxonomy] ?? []).map(renderer.termValue)),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.termsIndex(isTags: taxonomy == .tags), nil)
  }
}
