import BantinCore

/// Small operations on a site folder that are not a build.
public struct SiteFolder: Sendable {
  public let root: String

  public init(root: String) { self.root = root }

  public enum Problem: Error, CustomStringConvertible {
    case usage(Message)
    case exists(Message)

    public var said: Message {
      switch self {
      case .usage(let message), .exists(let message): return message
      }
    }

    public var description: String { said.english }
  }

  /// The site's settings, or the defaults, with any problem of `site.yml`.
  public func config() -> (SiteConfig, [Diagnostic]) {
    guard POSIX.exists(root + "/" + SiteConfig.path.rawValue) else { return (SiteConfig(), []) }
    guard let site = SiteRoot(root) else {
      return (SiteConfig(), [Diagnostic(.error, in: nil, Say.noSiteFolder(root))])
    }
    switch site.read(SiteConfig.path).flatMap({ SourceText.decode($0, path: SiteConfig.path) }) {
    case .success(let text): return SiteConfig.decode(text)
    case .failure(let problem): return (SiteConfig(), [problem])
    }
  }

  /// The section folders under `content/` (those holding `_index.md` or articles), sorted.
  public func sections() -> [String] {
    let entries = (try? POSIX.list(root + "/content")) ?? []
    return entries.filter { entry in
      guard entry.kind == .directory, !SourceTree.isIgnored(name: entry.name) else { return false }
      let files = (try? POSIX.list(root + "/content/" + entry.name)) ?? []
      return files.contains { SourcePath($0.name).isMarkdown || $0.kind == .directory }
    }.map(\.name).sorted()
  }

  /// Writes a new draft article as a page bundle and returns its path; never
  /// replaces an existing one.
  public func create(_ article: NewArticle, section: String?, clock: SiteClock) throws -> SourcePath {
    let sections = sections()
    let chosen: String
    if let section {
      guard sections.contains(section) else {
        throw Problem.usage(Say.noSuchSection(section, root: root, sections: sections))
      }
      chosen = section
    } else {
      guard sections.count == 1, let only = sections.first else {
        throw Problem.usage(Say.whichSection(sections))
      }
      chosen = only
    }
    let path = article.path(in: chosen)
    let folder = root + "/" + path.parent.rawValue
    guard !POSIX.exists(folder) else {
      throw Problem.exists(Say.articleExists(path.parent.rawValue))
    }
    try POSIX.makeDirectory(folder)
    try POSIX.write(Array(article.text(clock: clock).utf8), to: root + "/" + path.rawValue)
    return path
  }
}
