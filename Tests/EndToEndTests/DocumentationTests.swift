import BantinCore
import BantinIO
import BantinServer
import Foundation
import TestSupport
import Testing

@Suite("The README")
struct DocumentationTests {
  /// Every key of every template context of the portal fixture, by name.
  static func contextKeys() -> Set<String> {
    let (tree, _) = SourceTree.load(root: Repository.fixtures + "/portal")
    let now = Timestamp(secondsSince1970: 1_795_658_400)
    var build = BuildConfig.withPhotos(now: now, root: Repository.fixtures + "/portal")
    build.includeDrafts = true
    build.includeFuture = true
    let result = Pipeline(build: build).run(tree)
    let (theme, _) = Theme.load(from: tree, rules: result.site?.config.theme.cssRules ?? "")
    guard let site = result.site else { return [] }
    let renderer = PageRenderer(site: site, theme: theme, now: now).withCards(of: Array(site.articles.indices))
    var keys = Set<String>()
    func collect(_ value: TemplateValue) {
      switch value {
      case .record(let fields):
        for (key, field) in fields {
          if !key.hasPrefix("@") { keys.insert(key) }  // bantin's own, out of templates' reach
          collect(field)
        }
      case .list(let items): items.forEach(collect)
      default: break
      }
    }
    for page in SiteOutputs.plan(site, options: OutputOptions(writesFeeds: true)) {
      if case .context(let context) = page.make(with: renderer) { collect(context) }
    }
    return keys
  }

  @Test("documents every variable that templates get")
  func templateVariables() throws {
    let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
    let keys = Self.contextKeys().union(TemplateContext.documented)
    #expect(keys.count > 60)
    let undocumented = keys.filter { key in
      !["`\(key)`", ".\(key)`", "`\(key),", ".\(key),", "`\(key) ", ".\(key) "].contains { readme.contains($0) }
    }
    #expect(undocumented.sorted() == [])
  }

  @Test("the names templates are checked against are exactly the keys pages give them")
  func checkedNames() {
    let keys = Self.contextKeys()
    #expect(keys.subtracting(TemplateContext.documented).sorted() == [])
    // Given only when an article has them, so not in every fixture's contexts.
    #expect(TemplateContext.documented.subtracting(keys).sorted() == ["lastmod", "lastmodDatetime"])
  }

  @Test("shows the two commands first")
  func twoCommands() throws {
    let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
    let firstBlock = readme.components(separatedBy: "```")[1]
    #expect(firstBlock.contains("make site"))
    #expect(firstBlock.contains("make test"))
  }

  @Test("the nginx headers the README gives send the Content-Security-Policy bantin serve sends")
  func nginxPolicy() throws {
    let map = try String(contentsOfFile: Repository.root + "/docs/nginx/bantin-csp-map.conf", encoding: .utf8)
    #expect(map.contains("~^text/html  \"\(ContentSecurity.pages)\";"))
    #expect(map.contains("default      \"\(ContentSecurity.files)\";"))
  }
}
