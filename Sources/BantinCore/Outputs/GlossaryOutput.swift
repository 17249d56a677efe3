/// `/viet-tat/`, "Từ viết tắt": every abbreviation of the site's glossary and what it
/// stands for, in Vietnamese alphabetical order, through `glossary`.
struct GlossaryOutput: SiteOutput {
  static let path = "/viet-tat/"

  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    site.config.glossary.expansions.values.contains { !$0.isEmpty } ? [GlossaryPage()] : []
  }
}

struct GlossaryPage: SitePage {
  var path: OutputPath { OutputPath(urlPath: GlossaryOutput.path) }
  var role: PageRole { .page }
  var template: String? { "glossary" }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("glossary")
    for (abbreviation, expansion) in renderer.site.config.glossary.sorted {
      hasher.combine(abbreviation)
      hasher.combine(expansion)
    }
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let words = renderer.words
    let entries = renderer.site.config.glossary.sorted.filter { !$0.expansion.isEmpty }
    return .context(
      .record([
        "site": renderer.siteValue(current: nil),
        "page": renderer.pageValue(
          kind: "glossary", title: words["glossary"], description: words["glossaryDescription"],
          urlPath: GlossaryOutput.path),
        "glossary": .list(
          entries.map { .record(["abbreviation": .text($0.abbreviation), "expansion": .text($0.expansion)]) }),
      ]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (Say.Origin.glossary, Glossary.path)
  }
}
