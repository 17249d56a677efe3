/// Each section's list (`/tin-tuc/`, `/tin-tuc/page/2/`), newest first, through `section`.
struct SectionOutput: SiteOutput {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage] {
    site.sections.flatMap { section in
      Listing.pages(
        basePath: section.urlPath, indices: site.sectionArticles[section.folder] ?? [], size: site.config.pageSize
      ).map { SectionPage(section: section, listing: $0) }
    }
  }
}

struct SectionPage: SitePage {
  let section: Section
  let listing: Listing

  var path: OutputPath { listing.path }
  var role: PageRole { .page }
  var template: String? { "section" }

  func articlesShown(in site: Site) -> [Int] { listing.articles }

  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer) {
    hasher.combine("section")
    hasher.combine(section.folder)
    if listing.number == 1 { hasher.combine(section.content) }
    listing.hashInputs(into: &hasher, with: renderer)
  }

  func make(with renderer: PageRenderer) -> PageContent {
    let page = renderer.pageValue(
      kind: "section", title: section.title + renderer.pageSuffix(listing), description: section.description ?? "",
      urlPath: listing.urlPath, feedsOf: section)
    var value = renderer.sectionValue(section, full: true)
    if listing.number == 1, !section.content.isEmpty, case .record(var fields) = value {
      fields["content"] = .html(section.content)
      value = .record(fields)
    }
    return .context(renderer.listContext(listing, current: section.folder, page: page, extra: ["section": value]))
  }

  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?) {
    (
      section.source.map { Say.Origin.file($0.rawValue) } ?? Say.Origin.section(section.folder),
      section.source ?? ContentEntry.contentFolder.appending(section.folder)
    )
  }
}
