/// `/sitemap.xml` with every first page and its `lastmod` (past 50,000 addresses, a
/// sitemap index and `sitemap-N.xml` parts). Only with a `baseURL`.
struct SitemapOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    guard options.writesFeeds else { return [] }
    let parts = SitemapWriter.parts(count: SitemapWriter(site: site, clock: site.config.clock).entries().count)
    return [SitemapPage(part: nil)] + (parts > 0 ? (1...parts).map { SitemapPage(part: $0) } : [])
  }
}

struct SitemapPage: SitePage {
  /// nil for `sitemap.xml`, else its numbered part.
  let part: Int?

  var path: OutputPath { OutputPath(part.map { "sitemap-\($0).xml" } ?? "sitemap.xml") }
  var role: PageRole { .other }
  var template: String? { nil }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("sitemap")
    hasher.combine(part ?? 0)
    for (path, updated) in SitemapWriter(site: renderer.site, clock: renderer.clock).entries() {
      hasher.combine(path)
      hasher.combine(updated ?? Timestamp(secondsSince1970: Int64.min))
    }
  }

  func make(with renderer: PageRenderer) -> PageContent {
    .bytes(Array(SitemapWriter(site: renderer.site, clock: renderer.clock).render(part: part).utf8))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) { (Say.Origin.sitemap, nil) }
}
