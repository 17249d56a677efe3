import BantinIO
import Foundation
import TestSupport
import Testing

@testable import BantinCore

@Suite("bantin's template renderer against swift-mustache")
struct TemplateEngineTests {
  @Test(
    "every page of the fixture sites renders the same with both",
    arguments: ["", "/Tests/EndToEndTests/Fixtures/minimal", "/Tests/EndToEndTests/Fixtures/portal"])
  func samePages(site: String) throws {
    let (tree, _) = SourceTree.load(root: Repository.root + site)
    let now = Timestamp(secondsSince1970: 1_795_658_400)
    var build = BuildConfig.withPhotos(now: now, root: Repository.root + site)
    build.includeDrafts = true
    build.includeFuture = true
    let result = Pipeline(build: build).run(tree)
    let built = try #require(result.site)
    let (theme, problems) = Theme.load(from: tree)
    #expect(problems.isEmpty)
    let renderer = PageRenderer(site: built, theme: theme, now: now).withCards(of: Array(built.articles.indices))
    var compared = 0
    for page in SiteOutputs.plan(built, options: OutputOptions(writesFeeds: true)) {
      guard let template = page.template, case .context(let context) = page.make(with: renderer) else { continue }
      let ours = String(decoding: renderer.render(page).bytes, as: UTF8.self)
      let theirs = theme.templates.renderWithSwiftMustache(template, context)
      #expect(ours == theirs, "\(page.path) differs")  // cached cards included
      compared += 1
    }
    #expect(compared > 5)
  }

  @Test("Mustache features: sections, inverted, lists, dot, transforms, partial indentation, inheritance, delimiters")
  func features() throws {
    let sources: [(name: String, origin: String, text: String)] = [
      ("page", "t/page", "{{<layout}}\n{{$body}}\n  {{#items}}\n  {{> item}}\n  {{/items}}\n{{/body}}\n{{/layout}}\n"),
      ("layout", "t/layout", "<main>\n{{$body}}nothing{{/body}}\n</main>\n{{! a comment }}\n{{=<% %>=}}\n<%title%>\n"),
      (
        "item", "t/item",
        "<li>{{name}}{{^last()}},{{/last()}}</li>\n<i>{{#empty(tags)}}none{{/empty(tags)}}{{count(tags)}}</i>\n"
      ),
      ("dots", "t/dots", "{{#list}}[{{.}}]{{/list}}{{^none}}-{{/none}}{{#flag}}yes{{/flag}}{{{raw}}}{{&raw}}{{esc}}"),
    ]
    let (set, problems) = TemplateSet.load(sources, names: nil)  // names of its own, not a page's
    #expect(problems.map(\.description) == [])
    let context = TemplateValue.record([
      "title": .text("T"),
      "items": .list([
        .record(["name": .text("a"), "tags": .list([])]), .record(["name": .text("b"), "tags": .list([.text("x")])]),
      ]),
      "list": .list([.text("1"), .text("2")]), "flag": .flag(true), "raw": .html("<b>"), "esc": .text("<\"'&>"),
    ])
    for name in ["page", "dots"] {
      let ours = set.render(name, context).map { String(decoding: $0, as: UTF8.self) }
      #expect(ours == set.renderWithSwiftMustache(name, context), "\(name)")
    }
    #expect(
      set.render("dots", context).map { String(decoding: $0, as: UTF8.self) }
        == "[1][2]-yes<b><b>&lt;&quot;&#39;&amp;&gt;")
  }

  @Test("a missing partial is an error at load")
  func missingPartial() {
    let (_, problems) = TemplateSet.load([("a", "templates/a.mustache", "x\n{{> khong-co}}\n")])
    #expect(
      problems.map(\.description) == [
        "templates/a.mustache:2:1: error: template error: there is no template 'khong-co' (templates/khong-co.mustache)"
      ])
  }
}
