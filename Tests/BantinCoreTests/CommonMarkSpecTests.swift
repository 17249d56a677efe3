import BantinCore
import Foundation
import TestSupport
import Testing

/// The 652 examples of the CommonMark 0.30 specification, each built as the body of
/// an article under a `baseURL` with a path (so that site paths are rewritten and
/// images replaced), with the photos the examples name present in the site.
@Suite("CommonMark specification examples")
struct CommonMarkSpecTests {
  struct Example: Decodable, Sendable, CustomTestStringConvertible {
    var number: Int
    var section: String
    var markdown: String
    var html: String
    var testDescription: String { "example \(number) (\(section))" }
  }

  static let examples: [Example] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fuzz/commonmark-0.30.json")
    guard let data = try? Data(contentsOf: url), let examples = try? JSONDecoder().decode([Example].self, from: data)
    else { return [] }
    return examples
  }()

  /// A site at https://phuong.example.vn/bac-hong/ with the example as an article.
  static func build(_ markdown: String) -> BuildResult {
    let photo = AssetInfo(byteCount: 100, pixelSize: PixelSize(width: 40, height: 30))
    var assets: [String: AssetInfo] = [:]
    for name in ["url", "url2", "uri3", "path/to/train.jpg"] { assets["static/" + name] = photo }
    for name in ["foo", "moon.jpg", "train.jpg", "url"] { assets["content/tin-tuc/" + name] = photo }
    var site = TestSite(
      [
        "site.yml": "baseURL: https://phuong.example.vn/bac-hong/\n",
        "content/tin-tuc/vi-du.md": "---\ntitle: Ví dụ\ndate: 2024-01-12\n---\n" + markdown,
      ], assets: assets)
    site.build.includeFuture = true
    return site.run()
  }

  @Test("the examples are all there")
  func count() {
    #expect(Self.examples.count == 652)
  }

  @Test("every example builds without a crash, and each problem names its file", arguments: examples)
  func builds(_ example: Example) {
    let result = Self.build(example.markdown)
    for diagnostic in result.diagnostics {
      #expect(diagnostic.path != nil, "\(diagnostic)")
    }
    if !result.diagnostics.hasErrors {
      #expect(result.site?.articles.count == 1)
    }
  }

  /// Examples with no link, image or raw HTML are published exactly as the
  /// specification renders them: bantin changes nothing of plain Markdown.
  @Test("plain examples render exactly as the specification says")
  func plainExamples() {
    var compared = 0
    for example in Self.examples
    where !example.html.contains("<a ") && !example.html.contains("<img") && !example.markdown.contains("<")
      && !example.markdown.contains("](")
    {
      let result = Self.build(example.markdown)
      let body = result.site?.articles.first?.bodyHTML
      #expect(body == example.html, "example \(example.number)")
      compared += 1
    }
    #expect(compared > 400)
  }

  @Test("images and links nested in an image's text are published as its alt text (examples 573, 574)")
  func nestedImages() {
    for number in [573, 574] {
      guard let example = Self.examples.first(where: { $0.number == number }) else {
        Issue.record("example \(number) is missing")
        continue
      }
      let result = Self.build(example.markdown)
      #expect(result.diagnostics.map(\.description) == [])
      #expect(
        result.site?.articles.first?.bodyHTML == """
          <figure>
          <img src="/bac-hong/url2" alt="foo bar" width="40" height="30" fetchpriority="high">
          <figcaption>foo bar</figcaption>
          </figure>

          """)
    }
  }
}
