import Foundation
import TestSupport
import Testing

@testable import BantinCore

@Suite("YAML guard")
struct YAMLGuardTests {
  /// PyYAML's pure-Python scanner, a second reading of YAML independent of libyaml:
  /// for each document, the first anchor or alias token (kind, 1-based line and
  /// column) or none, or "error" when PyYAML cannot scan it.
  static let reference = """
    import json, sys, yaml
    out = {}
    for path in sys.argv[1:]:
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if text.startswith("\\ufeff"):
            continue
        found = None
        try:
            for token in yaml.scan(text, Loader=yaml.SafeLoader):
                if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                    kind = "anchor" if isinstance(token, yaml.AnchorToken) else "alias"
                    found = [kind, token.start_mark.line + 1, token.start_mark.column + 1]
                    break
        except yaml.YAMLError:
            found = "error"
        out[path] = found
    json.dump(out, sys.stdout)
    """

  @Test(
    "PyYAML's test documents: the guard finds the anchors PyYAML finds, where it finds them, and refuses nothing else")
  func againstPyYAML() throws {
    let folder = Repository.root + "/.build/yaml-suite"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    try #require(!names.isEmpty, "run scripts/fetch-yaml-suite.py (make test-deps) first")
    let paths = names.sorted().map { folder + "/" + $0 }
    let run = try runProcess("/usr/bin/env", ["python3", "-c", Self.reference] + paths)
    try #require(run.status == 0, "\(run.errors)")
    let expected = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    var clean = 0
    var withAnchors = 0
    for path in paths {
      guard let reference = expected[path] else { continue }  // not UTF-8: front matter is
      if reference as? String == "error" { continue }  // not YAML for PyYAML either
      let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      let found = YAMLGuard.scan(Substring(text))
      if let token = reference as? [Any], let kind = token[0] as? String,
        let line = token[1] as? Int, let column = token[2] as? Int
      {
        withAnchors += 1
        let want = YAMLGuard.Finding(kind: kind == "anchor" ? .anchor : .alias, line: line, column: column)
        #expect(found == want, "\(path)")
      } else {
        clean += 1
        #expect(found == nil, "\(path) has no anchor, but the guard refused it at \(String(describing: found))")
      }
    }
    // The suite has both kinds in numbers: the test compares, it does not pass empty.
    #expect(clean > 150)
    #expect(withAnchors >= 15)
  }

  @Test("what front matter writes: quotes over lines, &#34; in text, block scalars, comments, flow")
  func frontMatterShapes() {
    let accepted = [
      "title: \"Hội nghị\n  tổng kết\"\n",
      "title: 'Ward ''A''\n  &#34;B&#34;'\n",
      "description: Dòng một\n  &#34;trích&#34; dòng hai\n",
      "description: |\n  &a không phải anchor\n  *b cũng không\n",
      "description: >-\n  &a\n\n  *b\n",
      "title: A # &a comment\n",
      "tags: [\"&x\", '*y', a&b, c*d]\n",
      "title: a &b *c\n",
      "url: http://x/?a=1&b=2\n",
    ]
    for yaml in accepted {
      #expect(YAMLGuard.scan(Substring(yaml)) == nil, "\(yaml)")
    }
    #expect(
      YAMLGuard.scan("title: A\ntags: [x, *y]\n") == YAMLGuard.Finding(kind: .alias, line: 2, column: 11))
    #expect(
      YAMLGuard.scan("a: \"x\n  y\"\nb: &b 1\n") == YAMLGuard.Finding(kind: .anchor, line: 3, column: 4))
    #expect(YAMLGuard.scan("? &k a\n: 1\n") == YAMLGuard.Finding(kind: .anchor, line: 1, column: 3))
  }
}
