/// Stage 1: the site's settings and theme.
struct Settings: Sendable {
  var config: SiteConfig
  /// Where the site is published (the preview server's address, else `baseURL`).
  var url: SiteURL
  var theme: Theme
  var decoder: FrontMatterDecoder
  /// `config.fingerprint`: what a memo entry was made with.
  var configHash: StableHash
}

extension Pipeline {
  /// `site.yml` (or the defaults), the glossary (`data/viet-tat.yml`), Hugo's configuration files (named, not read),
  /// and the theme: the site's `templates/` over the default one.
  func readSettings(_ tree: SourceTree, log: inout BuildLog) -> Settings {
    var config = SiteConfig()
    if let file = tree[SiteConfig.path], let bytes = tree.bytes(of: file) {
      switch SourceText.decode(bytes, path: file.path) {
      case .success(let text):
        let (decoded, problems) = SiteConfig.decode(text)
        config = decoded
        log.add(problems)
      case .failure(let problem):
        log.add([problem])
      }
    }
    if let file = tree[Glossary.path], let bytes = tree.bytes(of: file) {
      switch SourceText.decode(bytes, path: file.path) {
      case .success(let text):
        let (glossary, problems) = config.glossary.overlaid(with: text)
        config.glossary = glossary
        log.add(problems)
      case .failure(let problem):
        log.add([problem])
      }
    }
    log.add(HugoConfig.notices(tree))
    let (theme, themeProblems) = Theme.load(from: tree, rules: config.theme.cssRules)
    log.add(themeProblems)
    build.stageEnded?("configuration and templates")
    return Settings(
      config: config, url: build.baseURL ?? config.baseURL, theme: theme,
      decoder: FrontMatterDecoder(clock: config.clock), configHash: config.fingerprint)
  }
}
