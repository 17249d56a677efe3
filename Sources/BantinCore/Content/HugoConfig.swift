import Yams

/// A Hugo site's configuration (`hugo.toml`, `config.yaml`, …) beside `content/`:
/// bantin reads `site.yml`, not these, so each is named with a warning that gives
/// the `site.yml` lines to write, with the values found in it.
public enum HugoConfig {
  /// The names Hugo reads its configuration from, at the site's root.
  public static let paths: [SourcePath] = [
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json",
  ]

  /// A warning for each Hugo configuration file of `tree`.
  static func notices(_ tree: SourceTree) -> [Diagnostic] {
    paths.compactMap { path -> Diagnostic? in
      guard case .text(let bytes)? = tree[path]?.content else { return nil }
      let text = String(decoding: bytes, as: UTF8.self)
      let values = flatValues(text, format: path.fileExtension)
      var lines: [String] = []
      if let title = values["title"] { lines.append("title: " + YAMLText.quoted(title)) }
      if let description = values["params.description"] ?? values["description"] {
        lines.append("description: " + YAMLText.quoted(description))
      }
      if let address = values["baseURL"] ?? values["baseurl"] ?? values["baseUrl"] {
        lines.append("baseURL: " + address)
      }
      if let code = values["languageCode"] ?? values["languagecode"] ?? values["defaultContentLanguage"],
        let tag = LanguageTag(code)
      {
        lines.append("language: " + tag.rawValue)
      }
      if let zone = values["timeZone"] ?? values["timezone"] { lines.append("timeZone: " + zone) }
      if let size = values["pagination.pagerSize"] ?? values["paginate"] { lines.append("pageSize: " + size) }
      // `[permalinks]` (and Hugo 0.120's `[permalinks.page]`): the same patterns.
      let permalinks = values.keys.sorted().compactMap { key -> String? in
        guard key.hasPrefix("permalinks."), let pattern = values[key] else { return nil }
        var section = key.dropFirst("permalinks.".count)
        if section.hasPrefix("page.") { section = section.dropFirst("page.".count) }
        guard !section.contains(".") else { return nil }
        return "\(section): \(pattern)"
      }
      if !permalinks.isEmpty { lines.append("permalinks: {" + permalinks.joined(separator: ", ") + "}") }
      let advice = lines.isEmpty ? Say.hugoConfigNothingToKeep : Say.hugoConfigWrite(lines.joined(separator: "; "))
      return Diagnostic(.warning, in: path, Say.hugoConfig(advice: advice))
    }
  }

  private static func flatValues(_ text: String, format: String) -> [String: String] {
    if format == "toml" { return TOMLFrontMatter.flatValues(text) ?? [:] }
    guard format == "yaml" || format == "yml", YAMLGuard.scan(Substring(text)) == nil,
      let root = try? Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8)
    else { return [:] }
    var values: [String: String] = [:]
    func add(_ node: Node, prefix: String) {
      guard case .mapping(let mapping) = node else { return }
      for (key, value) in mapping {
        guard case .scalar(let name) = key else { continue }
        switch value {
        case .scalar(let scalar): values[prefix + name.string] = scalar.string
        case .mapping: add(value, prefix: prefix + name.string + ".")
        default: continue
        }
      }
    }
    add(root, prefix: "")
    return values
  }
}
