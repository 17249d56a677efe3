import BantinCore
import TestSupport
import Testing

@Suite("Abbreviation glossary")
struct GlossaryTests {
  func site(_ body: String, glossary: String? = nil, advise: Bool = false) -> TestSite {
    var files = ["content/tin-tuc/a.md": TestSite.article(body: body)]
    if let glossary { files["data/viet-tat.yml"] = glossary }
    var site = TestSite(files)
    site.build.givesAdvice = advise
    return site
  }

  func body(_ markdown: String, glossary: String? = nil) -> String {
    site(markdown, glossary: glossary).run().site?.articles.first?.bodyHTML ?? ""
  }

  @Test("the first use of each abbreviation is spelled out in <abbr>, later ones and code are not")
  func firstUse() {
    #expect(
      body("`UBND` của UBND phường và HĐND; UBND lần hai.\n\n# Đ/c Chủ tịch UBND\n\nđ/c Bí thư")
        == """
        <p><code>UBND</code> của <abbr title="Ủy ban nhân dân">UBND</abbr> phường và <abbr title="Hội đồng nhân dân">HĐND</abbr>; UBND lần hai.</p>
        <h1><abbr title="đồng chí">Đ/c</abbr> Chủ tịch UBND</h1>
        <p>đ/c Bí thư</p>

        """)
  }

  @Test("the kinds of document in their numbers: Quyết định 12/QĐ-UBND, Nghị định 100/2019/NĐ-CP, with no warning")
  func documentNumbers() {
    let built = site("Quyết định số 12/QĐ-UBND và Nghị định 100/2019/NĐ-CP; Nghị quyết 05-NQ/TW.", advise: true).run()
    #expect(
      built.site?.articles.first?.bodyHTML
        == """
        <p>Quyết định số 12/<abbr title="quyết định">QĐ</abbr>-<abbr title="Ủy ban nhân dân">UBND</abbr> và Nghị định 100/2019/<abbr title="nghị định">NĐ</abbr>-<abbr title="Chính phủ">CP</abbr>; Nghị quyết 05-<abbr title="nghị quyết">NQ</abbr>/<abbr title="Trung ương">TW</abbr>.</p>

        """)
    #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
  }

  @Test("abbreviations joined by / or - are found apart, inside links and emphasis too; a longer word is not one")
  func joined() {
    #expect(
      body("[UBND/HĐND phường](https://x.vn), *QP-AN* và ANTQs, KT-XH.")
        == """
        <p><a href="https://x.vn"><abbr title="Ủy ban nhân dân">UBND</abbr>/<abbr title="Hội đồng nhân dân">HĐND</abbr> phường</a>, <em><abbr title="quốc phòng, an ninh">QP-AN</abbr></em> và ANTQs, <abbr title="kinh tế – xã hội">KT-XH</abbr>.</p>

        """)
  }

  @Test("data/viet-tat.yml adds and replaces expansions; an empty one is known but not spelled out")
  func siteGlossary() {
    let yaml = "BCĐ 138: Ban Chỉ đạo 138\nUBND: Ủy ban nhân dân phường\nCOVID: \"\"\nPCTP: phòng, chống tội phạm\n"
    let built = site("UBND, COVID-19 và PCTP <b>", glossary: yaml, advise: true)
    #expect(
      built.run().site?.articles.first?.bodyHTML
        == "<p><abbr title=\"Ủy ban nhân dân phường\">UBND</abbr>, COVID-19 và <abbr title=\"phòng, chống tội phạm\">PCTP</abbr> <!-- raw HTML omitted --></p>\n"
    )
    #expect(
      built.diagnostics().filter { !$0.contains("raw HTML") } == [
        "data/viet-tat.yml:1:1: error: 'BCĐ 138' is not an abbreviation: write one word of at most 24 characters, such as UBND"
      ])
  }

  @Test("bantin check names each unknown word in capitals once, where it is first used; a build does not")
  func unknownWords() {
    let markdown = """
      Đại hội XIII: COVID-19 và WHO, lại COVID, NASA.

      ## HỘI NGHỊ TỔNG KẾT NĂM CỦA UBND VÀ ABC

      Hồ sơ OK, `CODE`, TP.HCM, HUONG-DAN.md.
      """
    #expect(
      site(markdown, advise: true).diagnostics() == [
        "content/tin-tuc/a.md:5:15: warning: 'COVID' looks like an abbreviation the glossary does not know: add a line 'COVID: what it stands for' to data/viet-tat.yml, so that readers can see it spelled out",
        "content/tin-tuc/a.md:5:27: warning: 'WHO' looks like an abbreviation the glossary does not know: add a line 'WHO: what it stands for' to data/viet-tat.yml, so that readers can see it spelled out",
        "content/tin-tuc/a.md:5:43: warning: 'NASA' looks like an abbreviation the glossary does not know: add a line 'NASA: what it stands for' to data/viet-tat.yml, so that readers can see it spelled out",
        "content/tin-tuc/a.md:9:7: warning: 'OK' looks like an abbreviation the glossary does not know: add a line 'OK: what it stands for' to data/viet-tat.yml, so that readers can see it spelled out",
      ])
    #expect(site(markdown).diagnostics().isEmpty)
  }

  @Test("the glossary page lists the site's glossary in Vietnamese order, and is linked from the footer")
  func page() throws {
    let built = site("Nội dung.", glossary: "AB: Ấp Bắc\nĐB: Đồng bằng\nDB: Dân biểu\nTW: \"\"\n")
    let html = try #require(built.output("viet-tat/index.html"))
    let terms = html.components(separatedBy: "<dt><abbr title=\"").dropFirst().map { $0.prefix { $0 != "<" } }
    #expect(terms.first == "Ấp Bắc\">AB")
    let names = terms.map { String($0.split(separator: ">").last ?? "") }
    #expect(names.firstIndex(of: "DB")! < names.firstIndex(of: "ĐB")!)
    #expect(!names.contains("TW"))
    #expect(try #require(built.output("index.html")).contains("<li><a href=\"/viet-tat/\">Từ viết tắt</a></li>"))
  }
}
