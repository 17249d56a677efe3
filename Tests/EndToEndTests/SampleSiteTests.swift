import BantinCore
import BantinIO
import Foundation
import TestSupport
import Testing

@Suite("The sample site: the ward's conference report")
struct SampleSiteTests {
  let golden = GoldenSite(site: Repository.root, expected: Repository.fixtures + "/sample/expected")

  @Test("the sample site matches its golden files")
  func goldenFiles() throws {
    #expect(try golden.differences() == [])
  }

  @Test("a site holding only content/ builds with the default theme and matches its golden files")
  func minimalSite() throws {
    let site = GoldenSite(site: Repository.fixtures + "/minimal", expected: Repository.fixtures + "/minimal/expected")
    #expect(try site.differences() == [])
  }

  /// The seed's seven lines: paragraphs 1, 3, 4, 7 and captions 2, 5, 6.
  var seed: [String] {
    get throws {
      let text = try String(
        contentsOfFile: Repository.fixtures + "/seed/hoi-nghi-quoc-phong-an-ninh-bac-hong-2023.txt", encoding: .utf8)
      return text.split(separator: "\n").map(String.init)
    }
  }

  @Test("the article holds every word of the seed, in order: four paragraphs, three captions")
  func wordForWord() throws {
    let lines = try seed
    #expect(lines.count == 7)
    let result = golden.build()
    let page = try #require(
      result.files.first {
        $0.path.rawValue == "quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/index.html"
      }, "\(result.diagnostics.map(\.description))")
    guard case .bytes(let bytes) = page.content else { throw TestFailure("the article page is not rendered") }
    // The words, without the glossary's `<abbr>` around abbreviations (tested below).
    let html = String(decoding: bytes, as: UTF8.self)
      .replacingOccurrences(of: #"<abbr title="[^"]*">([^<]*)</abbr>"#, with: "$1", options: .regularExpression)
    let expected = [
      "<p>\(HTML.escape(lines[0]))</p>",
      "<figcaption>\(HTML.escape(lines[1]))</figcaption>",
      "<p>\(HTML.escape(lines[2]))</p>",
      "<p>\(HTML.escape(lines[3]))</p>",
      "<figcaption>\(HTML.escape(lines[4]))</figcaption>",
      "<figcaption>\(HTML.escape(lines[5]))</figcaption>",
      "<p>\(HTML.escape(lines[6]))</p>",
    ]
    var searchFrom = html.startIndex
    for fragment in expected {
      let found = try #require(
        html.range(of: fragment, range: searchFrom..<html.endIndex), "not found in order: \(fragment)")
      searchFrom = found.upperBound
    }
    let body = html[
      html.range(of: "<div class=\"prose\">")!
        .upperBound..<html.range(of: "</div>", range: searchFrom..<html.endIndex)!.lowerBound]
    #expect(body.components(separatedBy: "<p>").count - 1 == 4)
    #expect(body.components(separatedBy: "<figure>").count - 1 == 3)
    #expect(html.contains("<html lang=\"vi\">"))
    #expect(html.contains("<time datetime=\"2024-01-12T00:00:00+07:00\">Thứ Sáu, 12/01/2024</time>"))
  }

  @Test("the seed's abbreviations are spelled out on first use only, and listed on the glossary page")
  func abbreviations() throws {
    let result = golden.build()
    let body = try #require(result.site?.articles.first?.bodyHTML)
    let expansions = [
      "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
      "TTATGT": "trật tự an toàn giao thông", "ANTQ": "an ninh Tổ quốc", "ANCT": "an ninh chính trị",
      "TTATXH": "trật tự an toàn xã hội", "đ/c": "đồng chí",
    ]
    for (abbreviation, expansion) in expansions {
      #expect(
        body.components(separatedBy: "<abbr title=\"\(expansion)\">\(abbreviation)</abbr>").count == 2,
        "\(abbreviation)")
    }
    #expect(body.components(separatedBy: "<abbr ").count - 1 == expansions.count)
    let glossary = try #require(
      result.files.first { $0.path.rawValue == "viet-tat/index.html" }.flatMap { file -> String? in
        guard case .bytes(let bytes) = file.content else { return nil }
        return String(decoding: bytes, as: UTF8.self)
      })
    #expect(
      glossary.contains(
        "<dt><abbr title=\"Ủy ban nhân dân\">UBND</abbr></dt>\n      <dd>Ủy ban nhân dân</dd>"))
    // Vietnamese order: ATTP before BCĐ before Đ/c before HĐND.
    let order = ["ATTP", "BCĐ", "Đ/c", "HĐND"].map { glossary.range(of: ">\($0)</abbr>")?.lowerBound }
    #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(order)")
  }

  @Test("the three photos are published beside the article at each width, as WebP and JPEG, and are stand-ins")
  func photos() throws {
    let result = golden.build()
    let folder = "quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/"
    let photos = result.files.map(\.path.rawValue).filter { $0.hasPrefix(folder) && !$0.hasSuffix(".html") }.sorted()
    let names = ["anh-1-toan-canh-hoi-nghi", "anh-2-phat-bieu-chi-dao", "anh-3-khen-thuong"]
    // 960×640 stand-ins: 480 and 960 wide (never enlarged to 1600), and the first
    // photo's crops for link previews and search engines, no larger than it.
    let crops = ["640x640", "853x640", "960x504", "960x540"].map { folder + names[0] + "-" + $0 + ".jpg" }
    let variants = names.flatMap { name in
      ["480.jpg", "480.webp", "960.jpg", "960.webp"].map { folder + name + "-" + $0 }
    }
    #expect(photos == (crops + variants).sorted())
    let body = try #require(result.site?.articles.first?.bodyHTML)
    for name in names {
      #expect(
        body.contains(
          "<img src=\"/\(folder)\(name)-960.jpg\" srcset=\"/\(folder)\(name)-480.jpg 480w, /\(folder)\(name)-960.jpg 960w\""
        ))
      #expect(
        body.contains(
          "<source type=\"image/webp\" srcset=\"/\(folder)\(name)-480.webp 480w, /\(folder)\(name)-960.webp 960w\""))
    }
    #expect(body.components(separatedBy: "alt=\"Ảnh thay thế, không phải ảnh gốc").count - 1 == 3)
    #expect(body.components(separatedBy: "fetchpriority=\"high\"").count - 1 == 1)
    #expect(body.components(separatedBy: "loading=\"lazy\"").count - 1 == 2)
  }
}
