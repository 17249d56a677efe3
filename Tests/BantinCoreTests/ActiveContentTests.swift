import BantinCore
import Testing

@Suite("Markup files that would run as the site")
struct ActiveContentTests {
  func finding(_ text: String, _ name: String = "static/a.svg") -> String? {
    ActiveContent.check(Array(text.utf8), path: SourcePath(name))?.description
  }

  @Test("scripts, handlers and script addresses are found however they are written")
  func hostile() {
    let cases: [(String, String)] = [
      ("<SVG><SCRIPT>x</SCRIPT></SVG>", "static/a.svg:1:6: error: the file holds a script element"),
      ("<svg/onload=alert(1)>", "static/a.svg:1:6: error: the file holds an event handler attribute"),
      ("<svg x=\"1\"onload=alert(1)>", "static/a.svg:1:11: error: the file holds an event handler attribute"),
      ("<svg\n\tonclick\n=x>", "static/a.svg:2:2: error: the file holds an event handler attribute"),
      ("<a href=\"&#106;avascript:x\">", "static/a.svg:1:10: error: the file holds a javascript: address"),
      ("<a href=\"&#x6A&#x61;vascript&colon;x\">", "static/a.svg:1:10: error: the file holds a javascript: address"),
      ("<a href=\"java\nscr\tipt:x\">", "static/a.svg:1:10: error: the file holds a javascript: address"),
      (
        "<set attributeName=\"href\" to=\"javascript:x\"/>",
        "static/a.svg:1:31: error: the file holds a javascript: address"
      ),
      (
        "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>",
        "static/a.svg:1:14: error: the file holds an embedded SVG document"
      ),
      ("<iframe src=x>", "static/a.svg:1:1: error: the file holds a frame"),
      ("<!DOCTYPE x [<!ENTITY a \"b\">]>", "static/a.svg:1:14: error: the file holds an XML entity"),
    ]
    for (text, expected) in cases {
      let found = finding(text)
      #expect(found?.hasPrefix(expected) == true, "\(text): \(found ?? "nothing")")
    }
  }

  @Test("text that only mentions them, and handlers inside quoted values, are not scripts")
  func inert() {
    for text in [
      "<svg><text>&lt;script&gt; onload=1</text></svg>", "<a title=\"x onclick=y\" href=\"https://a.vn/\">z</a>",
      "<svg><desc>javascript is a language</desc></svg>", "<path d=\"M0 0\" stroke-dasharray=\"1 2\"/>",
    ] {
      #expect(finding(text) == nil, "\(text)")
    }
  }

  @Test("JavaScript and compressed SVG are not published from content/ or static/, only checked there")
  func scripts() {
    #expect(finding("x", "static/app.js")?.contains("a theme's scripts go in templates/static/") == true)
    #expect(finding("x", "content/a.svgz")?.contains("publish the drawing as .svg or .png") == true)
    #expect(!ActiveContent.needsCheck(SourcePath("templates/static/app.js")))
    #expect(ActiveContent.needsCheck(SourcePath("content/tin-tuc/a.SVG")))
  }
}
