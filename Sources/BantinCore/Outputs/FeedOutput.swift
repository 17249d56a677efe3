/// Atom and RSS feeds of the newest articles of the site (`/atom.xml`, `/rss.xml`)
/// and of each section (`/tin-tuc/atom.xml`). Only with a `baseURL`.
struct FeedOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    guard options.writesFeeds else { return [] }
    return [Feed.Format.atom, .rss].flatMap { format in
      [FeedPage(feed: Feed(format: format, subject: .site))]
        + site.sections.map { FeedPage(feed: Feed(format: format, subject: .section($0))) }
    }
  }
}

/// A feed's page: its articles are hashed as its inputs, and `FeedWriter` writes it.
struct FeedPage: SitePage {
  let feed: Feed

  var path: OutputPath { OutputPath(urlPath: feed.urlPath) }
  var role: PageRole { .feed }
  var template: String? { nil }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("feed")
    hasher.combine(feed.urlPath)
    let indices = FeedWriter(renderer: renderer).indices(of: feed)
    renderer.hashArticles(indices, into: &hasher)
    if indices.isEmpty { hasher.combine(renderer.now) }  // an empty feed is dated now
  }

  func make(with renderer: PageRenderer) -> PageContent {
    .bytes(Array(FeedWriter(renderer: renderer).render(feed).utf8))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.feed, nil) }
}
