/// `/robots.txt`: every crawler welcome, and where the sitemap is.
struct RobotsOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] { [RobotsPage()] }
}

struct RobotsPage: SitePage {
  var path: OutputPath { OutputPath("robots.txt") }
  var role: PageRole { .other }
  var template: String? { nil }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) { hasher.combine("robots") }

  func make(with renderer: PageRenderer) -> PageContent {
    var text = "User-agent: *\nAllow: /\n"
    if !renderer.url.origin.isEmpty { text += "Sitemap: \(renderer.url.absolute("/sitemap.xml"))\n" }
    return .bytes(Array(text.utf8))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.file("robots.txt"), nil)
  }
}
