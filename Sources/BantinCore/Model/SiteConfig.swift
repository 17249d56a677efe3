import Foundation

/// The site's settings, from `site.yml` at the site's root (all optional):
///
/// ```yaml
/// title: Cổng thông tin điện tử phường Bắc Hồng
/// description: Tin tức, sự kiện của phường Bắc Hồng
/// baseURL: https://bachong.example.vn/
/// language: vi
/// timeZone: Asia/Ho_Chi_Minh
/// publisher: UBND phường Bắc Hồng
/// ```
public struct SiteConfig: Sendable, Hashable {
  public var title = "Bản tin"
  public var description = ""
  public var baseURL = SiteURL(origin: "", basePath: "/")
  public var language = "vi"
  public var timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .gmt
  /// The organisation that publishes the site (the ward's People's Committee, say).
  public var publisher: String?
  /// Articles per list page.
  public var pageSize = 10
  /// Articles larger than this many bytes are refused before they are parsed.
  public var maxArticleBytes = 1024 * 1024
  /// A page whose rendering grows past this many bytes stops the build (a template
  /// that repeats a list inside itself would otherwise fill the memory).
  public var maxPageBytes = 16 * 1024 * 1024
  /// The most bytes and files a build may publish.
  public var maxOutputBytes = 16 * 1024 * 1024 * 1024
  public var maxOutputFiles = 1_000_000
  /// How photos are published (`photoWidths`, `photoQuality`, `photoMaxPixels`,
  /// `publishOriginalPhotos`).
  public var photos = PhotoSettings.standard
  /// Publish the search page and its index (`search: false` leaves them out).
  public var search = true
  /// Address patterns of the articles of sections, by section folder (`permalinks`).
  public var permalinks: [String: Permalink] = [:]
  /// The abbreviations spelled out on first use (`Glossary.standard`, with the
  /// site's `data/viet-tat.yml` over it).
  public var glossary = Glossary.standard
  /// Colours, logo, menu links and footer lines (`theme`, `menu`, `footer`).
  public var theme = SiteTheme()

  /// The range each setting that sizes work may take: what the build promises to
  /// stay within, whatever a site says.
  public static let limits: [String: ClosedRange<Int>] = [
    "pageSize": 1...1000,
    "maxArticleBytes": 1024...(16 * 1024 * 1024),
    "maxPageBytes": (64 * 1024)...(256 * 1024 * 1024),
    "maxOutputBytes": (1024 * 1024)...(1024 * 1024 * 1024 * 1024),
    "maxOutputFiles": 100...10_000_000,
    "photoQuality": 30...100,
    "photoMaxPixels": 1_000_000...1_000_000_000,
  ]
  /// The range of each of `photoWidths`, and how many there may be.
  public static let photoWidthRange = 16...8192
  public static let maximumPhotoWidths = 8

  /// `site.yml` larger than this is refused before it is parsed.
  public static let maximumFileSize = 64 * 1024
  /// The longest title, description or publisher, in characters.
  public static let maximumTextLength = 1000

  public init() {}

  public var clock: SiteClock { SiteClock(timeZone: timeZone) }

  public static let path: SourcePath = "site.yml"

  public static let knownKeys = [
    "title", "description", "baseURL", "language", "timeZone", "publisher", "pageSize", "maxArticleBytes",
    "maxPageBytes", "maxOutputBytes", "maxOutputFiles", "photoWidths", "photoQuality", "photoMaxPixels",
    "publishOriginalPhotos", "permalinks", "search", "theme", "menu", "footer",
  ]

  /// Reads `site.yml`; the defaults stand for every key it does not set.
  public static func decode(_ source: SourceText) -> (SiteConfig, [Diagnostic]) {
    var config = SiteConfig()
    guard source.text.utf8.count <= maximumFileSize else {
      return (
        config,
        [
          Diagnostic(
            .error, in: path,
            Say.settingsTooLarge(kibibytes: maximumFileSize / 1024))
        ]
      )
    }
    var yaml = YAMLReader(source: source, lineOffset: 0)
    for entry in yaml.entries(of: source.text[...]) {
      let (key, value) = (entry.key, entry.value)
      switch key {
      case "title", "description", "publisher":
        guard let field = yaml.text(value, key: key) else { continue }
        guard field.value.count <= maximumTextLength else {
          yaml.error(field.location, Say.tooLong(key, characters: maximumTextLength))
          continue
        }
        if key == "title" { config.title = field.value }
        if key == "description" { config.description = field.value }
        if key == "publisher" { config.publisher = field.value }
      case "baseURL":
        guard let field = yaml.text(value, key: key) else { continue }
        if let url = SiteURL(field.value) {
          config.baseURL = url
        } else {
          yaml.error(
            field.location, Say.badBaseURL(field.value))
        }
      case "language":
        guard let field = yaml.text(value, key: key) else { continue }
        if let tag = LanguageTag(field.value) {
          config.language = tag.rawValue
        } else {
          yaml.error(
            field.location,
            Say.badLanguage(field.value))
        }
      case "timeZone":
        guard let field = yaml.text(value, key: key) else { continue }
        if field.value.contains("/") || field.value == "UTC", let zone = TimeZone(identifier: field.value) {
          config.timeZone = zone
        } else {
          yaml.error(field.location, Say.badTimeZone(field.value))
        }
      case "photoWidths":
        let written = yaml.texts(value, key: key)
        var widths: [Int] = []
        for field in written {
          guard let width = Int(field.value), photoWidthRange.contains(width) else {
            yaml.error(
              field.location, Say.badPhotoWidth(field.value, photoWidthRange.lowerBound, photoWidthRange.upperBound))
            continue
          }
          widths.append(width)
        }
        if written.count > maximumPhotoWidths {
          yaml.error(
            yaml.location(value.mark), Say.tooManyPhotoWidths(written.count, limit: maximumPhotoWidths))
        } else if !widths.isEmpty, widths.count == written.count {
          config.photos = PhotoSettings(
            widths: widths, quality: config.photos.quality, maxPixels: config.photos.maxPixels,
            original: config.photos.original)
        }
      case "permalinks":
        guard case .mapping(let mapping) = value else {
          yaml.error(
            yaml.location(value.mark), Say.permalinksShape)
          continue
        }
        for (sectionNode, patternNode) in mapping {
          guard let section = yaml.text(sectionNode, key: "permalinks"),
            let pattern = yaml.text(patternNode, key: "permalinks")
          else { continue }
          let folder = section.value.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
          switch Permalink.parse(pattern.value) {
          case .success(let permalink): config.permalinks[folder] = permalink
          case .failure(let problem):
            yaml.error(pattern.location, Say.badPattern(pattern.value, of: section.value, problem.said))
          }
        }
      case "theme", "menu", "footer":
        config.theme.read(key, value, yaml: &yaml)
      case "search":
        if let flag = yaml.flag(value, key: key) { config.search = flag }
      case "publishOriginalPhotos":
        if let flag = yaml.flag(value, key: key) { config.photos.original = flag }
      case "pageSize", "maxArticleBytes", "maxPageBytes", "maxOutputBytes", "maxOutputFiles", "photoQuality",
        "photoMaxPixels":
        guard let number = yaml.integer(value, key: key), let range = limits[key] else { continue }
        guard range.contains(number) else {
          yaml.error(
            yaml.location(value.mark), Say.between(key, range.lowerBound, range.upperBound))
          continue
        }
        switch key {
        case "pageSize": config.pageSize = number
        case "maxArticleBytes": config.maxArticleBytes = number
        case "maxPageBytes": config.maxPageBytes = number
        case "maxOutputBytes": config.maxOutputBytes = number
        case "photoQuality": config.photos.quality = number
        case "photoMaxPixels": config.photos.maxPixels = number
        default: config.maxOutputFiles = number
        }
      default:
        yaml.warnUnknown(entry, known: knownKeys, in: Say.siteSettings)
      }
    }
    return (config, yaml.diagnostics)
  }
}

/// How one build runs: what the command line and the clock say, not the site's files.
public struct BuildConfig: Sendable {
  /// The build's "now", for the footer's year and, later, scheduled articles.
  public var now: Timestamp
  /// Publish articles marked `draft: true`.
  public var includeDrafts = false
  /// Publish articles dated after `now`.
  public var includeFuture = false
  /// Report links to pages the site does not have as errors (`bantin check`), not warnings.
  public var brokenLinksAreErrors = false
  /// Publish under this address instead of `site.yml`'s `baseURL` (the preview server).
  public var baseURL: SiteURL?
  /// Link pages, styles and photos relative to each page, naming `index.html`, so
  /// the output can be opened from disk (`RelativeLinks`).
  public var relativeURLs = false
  /// Told how far the long stages are (a progress line on a terminal).
  public var progress: BuildProgress?
  /// Told when each stage of the build ends (`--verbose` prints how long each took).
  public var stageEnded: (@Sendable (String) -> Void)?
  /// Told when libcmark starts (`true`) and ends rendering a file's body, so that a
  /// watchdog can name a file that takes too long (`MarkdownWatchdog` in BantinIO).
  public var markdownWatch: (@Sendable (SourcePath, Bool) -> Void)?
  /// Which files are derived from the site's assets, and who makes them (`DerivedFiles.swift`).
  public var derivedRules: [any DerivedRule] = DerivedRules.standard
  public var derivedFiles: (any DerivedFileMaker)?
  /// Say each rule's advice about assets (`bantin check`: photos far larger than published).
  public var givesAdvice = false

  public init(now: Timestamp, includeDrafts: Bool = false, includeFuture: Bool = false, baseURL: SiteURL? = nil) {
    self.now = now
    self.includeDrafts = includeDrafts
    self.includeFuture = includeFuture
    self.baseURL = baseURL
  }
}

extension SiteConfig {
  /// The settings, hashed: what a cached article was made with.
  public var fingerprint: StableHash {
    var hasher = StableHasher()
    for text in [
      title, description, baseURL.origin, baseURL.basePath, language, timeZone.identifier, publisher ?? "\u{0}",
    ] {
      hasher.combine(text)
    }
    for number in [pageSize, maxArticleBytes, maxPageBytes, maxOutputBytes, maxOutputFiles] { hasher.combine(number) }
    hasher.combine(photos.text)
    hasher.combine(search ? 1 : 0)
    for (folder, permalink) in permalinks.sorted(by: { $0.key < $1.key }) {
      hasher.combine(folder)
      hasher.combine(permalink.pattern)
    }
    hasher.combine(theme.fingerprintText)
    for (abbreviation, expansion) in glossary.expansions.sorted(by: { $0.key < $1.key }) {
      hasher.combine(abbreviation)
      hasher.combine(expansion)
    }
    return hasher.value
  }
}
