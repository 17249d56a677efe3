/// An Atom feed of each category's and tag's newest articles
/// (`/tags/an-ninh/atom.xml`), as Hugo has. Only with a `baseURL`.
struct TermFeedOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    guard options.writesFeeds else { return [] }
    return Taxonomy.allCases.flatMap { taxonomy in
      (site.terms[taxonomy] ?? []).map { FeedPage(feed: Feed(format: .atom, subject: .term($0))) }
    }
  }
}
