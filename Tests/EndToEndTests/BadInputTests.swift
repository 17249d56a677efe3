import Foundation
import TestSupport
import Testing

/// What a bad-input fixture expects: `Fixtures/bad/<case>/expect`.
///
///     status: 1
///     contains: tin-tuc/084/index.html: <h1 class="article__title">no</h1>
///     lacks: *: javascript:
///     absent: .env
///     --- stderr
///     content/tin-tuc/a.md:2:8: error: …
///
/// `contains` and `lacks` name a file of the output (`*`: every file), `absent` a
/// path that must not be published; everything after `--- stderr` is what
/// `bantin build` must print on standard error, exactly.
/// `BANTIN_RECORD=1 swift test --filter BadInput` writes the status and standard
/// error anew and keeps the other lines: review the diff.
struct BadInputExpectation {
  var status: Int32 = 0
  var assertions: [String] = []
  var stderr = ""

  init(_ text: String) {
    let parts = text.components(separatedBy: "--- stderr\n")
    for line in parts[0].split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("status: ") {
        status = Int32(line.dropFirst("status: ".count)) ?? -1
      } else {
        assertions.append(String(line))
      }
    }
    stderr = parts.count > 1 ? parts[1] : ""
  }

  var text: String {
    (["status: \(status)"] + assertions).joined(separator: "\n") + "\n--- stderr\n" + stderr
  }
}

@Suite("Bad input")
struct BadInputTests {
  static let root = Repository.fixtures + "/bad"

  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    return names.filter { !$0.hasPrefix("_") }.sorted()
  }()

  /// The base site, built once, with the case's files laid over it.
  func site(for name: String) throws -> (Scratch, [String: Data]) {
    let site = try Scratch()
    try copyTree(Self.root + "/_base", to: site.path)
    let first = try bantin(["build"], in: site.path)
    #expect(first.status == 0, "the base site must build: \(first.errors)")
    let before = site.snapshot("public")
    try copyTree(Self.root + "/" + name + "/site", to: site.path)
    return (site, before)
  }

  /// `cp -a`, so that file names keep their exact bytes (an NFD name stays NFD).
  func copyTree(_ source: String, to destination: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/cp")
    process.arguments = ["-a", source + "/.", destination]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test("each fixture: the exact diagnostics or safe output; a failed build publishes nothing", arguments: cases)
  func fixture(_ name: String) throws {
    let expectPath = Self.root + "/" + name + "/expect"
    var expected = BadInputExpectation((try? String(contentsOfFile: expectPath, encoding: .utf8)) ?? "")
    let (site, before) = try self.site(for: name)
    let run = try bantin(["build"], in: site.path)
    if ProcessInfo.processInfo.environment["BANTIN_RECORD"] == "1" {
      expected.status = run.status
      expected.stderr = run.errors
      try expected.text.write(toFile: expectPath, atomically: true, encoding: .utf8)
    }
    #expect(run.status == expected.status, "\(name)")
    #expect(run.errors == expected.stderr, "\(name)")
    if run.status != 0 {
      #expect(site.snapshot("public") == before, "\(name): the published site changed")
      #expect(site.entries().filter { $0.contains("staging") }.isEmpty, "\(name): a staging folder was left")
    }
    let published = site.snapshot("public")
    for assertion in expected.assertions {
      let parts = assertion.components(separatedBy: ": ")
      guard parts.count >= 2 else {
        Issue.record("\(name): cannot read the line '\(assertion)'")
        continue
      }
      let kind = parts[0]
      let path = parts[1]
      let text = parts.dropFirst(2).joined(separator: ": ")
      switch kind {
      // Bytes, not Strings: Swift's String search would find NFD text where NFC is asked for.
      case "contains":
        let found = published[path]?.range(of: Data(text.utf8)) != nil
        #expect(found, "\(name): public/\(path) should contain \(text)")
      case "lacks":
        for (file, bytes) in published where path == "*" || file == path {
          #expect(bytes.range(of: Data(text.utf8)) == nil, "\(name): public/\(file) has \(text)")
        }
      case "absent":
        #expect(!FileManager.default.fileExists(atPath: site.path + "/public/" + path), "\(name): \(path)")
      case "present":
        #expect(FileManager.default.fileExists(atPath: site.path + "/public/" + path), "\(name): \(path)")
      default:
        Issue.record("\(name): unknown kind of line '\(assertion)'")
      }
    }
  }
}
