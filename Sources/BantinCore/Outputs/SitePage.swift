/// One file a build writes, as a kind of output plans it: where it goes, what it
/// shows, what it is made from and how it is made.
///
/// Each kind of output (home, section, article, term, feed, sitemap…) is one type
/// conforming to `SiteOutput`, with its page type beside it in one file of
/// `Outputs/`; adding an output is one new file (and its template), listed in
/// `SiteOutputs.standard`. The pipeline knows pages only through this protocol.
public protocol SitePage: Sendable {
  /// The file it is written to.
  var path: OutputPath { get }
  /// What kind of file it is, for the summary.
  var role: PageRole { get }
  /// The template that renders it; nil for a file written by a writer (a feed).
  var template: String? { get }
  /// The articles whose cards it shows, by index in `Site.articles`: cards are made
  /// once for the pages to make.
  func articlesShown(in site: Site) -> [Int]
  /// What it is made from, hashed without making it: the articles it shows by their
  /// hashes, and anything else of the site it reads (`PageRenderer.inputs(of:)` adds
  /// the theme, the site's settings and the path). Two pages with the same inputs
  /// are the same page; debug builds check it against the fingerprint.
  func hashInputs(into hasher: inout StableHasher, with renderer: PageRenderer)
  /// Its template's context, or its bytes.
  func make(with renderer: PageRenderer) -> PageContent
  /// What it is written for, to name it when two files would be written at one
  /// place, and its source file when it has one. `owners`: the source of each
  /// article and page by URL path.
  func origin(in site: Site, owners: [String: SourcePath]) -> (Message, SourcePath?)
}

extension SitePage {
  public func articlesShown(in site: Site) -> [Int] { [] }
}

/// What a page is, for the build's summary.
public enum PageRole: Sendable {
  /// An HTML page.
  case page
  case feed
  /// A redirect page from an old address (counted as a page too).
  case alias
  /// The sitemap and robots.txt.
  case other
}

/// A page made as far as its fingerprint needs.
public enum PageContent: Sendable {
  /// The context of the page's template.
  case context(TemplateValue)
  /// The file's bytes.
  case bytes([UInt8])
}

/// A kind of output: the pages it makes of a site.
public protocol SiteOutput: Sendable {
  func pages(of site: Site, options: OutputOptions) -> [any SitePage]
}

/// What decides which outputs a site has.
public struct OutputOptions: Sendable {
  /// Feeds, the sitemap and social cards need absolute addresses: only with a `baseURL`.
  public var writesFeeds: Bool

  public init(writesFeeds: Bool) { self.writesFeeds = writesFeeds }
}

/// The outputs bantin writes, in the order their pages are planned.
public enum SiteOutputs {
  public static let standard: [any SiteOutput] = [
    HomeOutput(), SectionOutput(), ArticleOutput(), StandalonePageOutput(), TermsIndexOutput(), TermOutput(),
    ArchivesIndexOutput(), ArchiveOutput(), AliasOutput(), NotFoundOutput(), RobotsOutput(), FeedOutput(),
    SitemapOutput(), TermFeedOutput(), SearchOutput(), GlossaryOutput(),
  ]

  /// Every page of the site, in a stable order.
  public static func plan(_ site: Site, options: OutputOptions, outputs: [any SiteOutput] = standard)
    -> [any SitePage]
  {
    outputs.flatMap { $0.pages(of: site, options: options) }
  }
}
