import BantinCore
import TestSupport
import Testing

@Suite("Sections in the menu")
struct SectionOrderTests {
  @Test("weighted sections first, lower first; sections without weight (or 0, as Hugo reads it) after, by title")
  func order() throws {
    func section(_ title: String, weight: String?) -> String {
      "---\ntitle: \(title)\n" + (weight.map { "weight: \($0)\n" } ?? "") + "---\n"
    }
    let site = TestSite([
      "content/a/_index.md": section("Văn hóa", weight: nil),
      "content/b/_index.md": section("Tin tức", weight: "2"),
      "content/c/_index.md": section("An ninh", weight: nil),
      "content/d/_index.md": section("Thông báo", weight: "1"),
      "content/e/_index.md": section("Đoàn thể", weight: "0"),
      "content/f/_index.md": section("Dân vận", weight: "-1"),
      "content/a/x.md": TestSite.article(), "content/b/x.md": TestSite.article(), "content/c/x.md": TestSite.article(),
      "content/d/x.md": TestSite.article(), "content/e/x.md": TestSite.article(), "content/f/x.md": TestSite.article(),
    ])
    let titles = try #require(site.run().site).sections.map(\.title)
    #expect(titles == ["Dân vận", "Thông báo", "Tin tức", "An ninh", "Đoàn thể", "Văn hóa"])
  }
}
