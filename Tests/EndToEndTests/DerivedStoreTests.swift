import BantinCore
import BantinIO
import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

/// Derived files through the real store: a recipe runs once per content, whichever
/// build asks (a rebuild, another output folder, `check`), and published results
/// are hard links to the store's files.
@Suite("Derived files in the store", .serialized)
struct DerivedStoreTests {
  /// `.txt` files → an upper-cased copy beside them; `.bad` files → a recipe that fails.
  struct Rule: DerivedRule {
    func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest? {
      switch asset.source.fileExtension {
      case "txt":
        return DerivedRequest(
          job: DerivedJob(recipe: "shout", settings: "", inputs: [asset.source]),
          publish: ["loud.txt": OutputPath(String(asset.output.rawValue.dropLast(4)) + ".loud.txt")])
      case "bad":
        return DerivedRequest(
          job: DerivedJob(recipe: "refuse", settings: "", inputs: [asset.source]), publish: [:])
      default: return nil
      }
    }
  }

  /// Counts how often each recipe ran.
  final class Runs: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func add(_ name: String) { lock.withLock { counts[name, default: 0] += 1 } }
    subscript(_ name: String) -> Int { lock.withLock { counts[name, default: 0] } }
  }

  struct Shout: DerivedRecipe {
    let runs: Runs
    var name: String { "shout" }
    var version: Int { 1 }
    func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
      runs.add(name)
      let bytes = Array(String(decoding: inputs[0], as: UTF8.self).uppercased().utf8)
      try Data(bytes).write(to: URL(fileURLWithPath: folder + "/loud.txt"))
      return [DerivedFacts.Made(name: "loud.txt", byteCount: bytes.count)]
    }
  }

  struct Refuse: DerivedRecipe {
    let runs: Runs
    var name: String { "refuse" }
    var version: Int { 1 }
    func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
      runs.add(name)
      throw DerivedFailure(Say.photoFailed(.probe))
    }
  }

  static func build(_ site: Scratch, output: String = "public", runs: Runs) throws -> SiteBuild.Outcome {
    var build = BuildConfig(now: TestSite.now)
    build.derivedRules = [Rule()]
    var siteBuild = SiteBuild(root: site.path, output: site.path + "/" + output, build: build)
    siteBuild.recipes = [Shout(runs: runs), Refuse(runs: runs)]
    return try siteBuild.run()
  }

  static func inode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
  }

  @Test("a recipe runs once per content for every build of the site; results are links to the store")
  func madeOnce() throws {
    let site = try Scratch([
      "site.yml": "baseURL: https://phuong.example.vn/\n", "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": TestSite.article(body: "Xem [bảng](bang.txt)."),
      "content/tin-tuc/bang.txt": "lịch tiếp dân\n",
    ])
    let runs = Runs()
    let first = try Self.build(site, runs: runs)
    #expect(first.diagnostics.map(\.description) == [])
    #expect(runs["shout"] == 1)
    let published = site.path + "/public/tin-tuc/bang.loud.txt"
    #expect(try String(contentsOfFile: published, encoding: .utf8) == "LỊCH TIẾP DÂN\n")
    #expect(try String(contentsOfFile: site.path + "/public/tin-tuc/bang.txt", encoding: .utf8) == "lịch tiếp dân\n")
    let stored = try #require(
      try FileManager.default.contentsOfDirectory(atPath: site.path + "/.bantin-cache/.derived").first {
        $0.count == 32
      })
    let storedFile = site.path + "/.bantin-cache/.derived/" + stored + "/loud.txt"
    #expect(try Self.inode(published) == Self.inode(storedFile))

    // A change elsewhere, another output folder, a check: the store answers.
    try site.write("content/tin-tuc/a.md", TestSite.article(body: "Xem [bảng](bang.txt) mới."))
    #expect(try Self.build(site, runs: runs).diagnostics.isEmpty)
    #expect(try Self.build(site, output: "public-2", runs: runs).diagnostics.isEmpty)
    #expect(SiteCheck.run(root: site.path, recipes: [Shout(runs: runs)]).diagnostics.isEmpty)
    #expect(runs["shout"] == 1)
    #expect(try Self.inode(site.path + "/public-2/tin-tuc/bang.loud.txt") == Self.inode(storedFile))

    // New content is made again; the same content under a new name is not.
    try site.write("content/tin-tuc/bang.txt", "lịch trực\n")
    #expect(try Self.build(site, runs: runs).diagnostics.isEmpty)
    #expect(runs["shout"] == 2)
    #expect(try String(contentsOfFile: published, encoding: .utf8) == "LỊCH TRỰC\n")
    try site.write("content/tin-tuc/bang-2.txt", "lịch trực\n")
    #expect(try Self.build(site, runs: runs).diagnostics.isEmpty)
    #expect(runs["shout"] == 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: site.path + "/.bantin-cache/.derived").sorted {
        $0.count < $1.count
      }.filter { $0.hasPrefix(".") } == [])
  }

  @Test("a recipe that fails is an error naming the file, and the published site stays as it was")
  func failure() throws {
    let site = try Scratch([
      "site.yml": "baseURL: https://phuong.example.vn/\n", "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": TestSite.article(),
    ])
    let runs = Runs()
    #expect(try Self.build(site, runs: runs).diagnostics.isEmpty)
    let before = site.snapshot("public")
    try site.write("content/tin-tuc/anh.bad", "not a photo")
    try site.write("content/tin-tuc/a.md", TestSite.article(body: "Đã sửa."))
    let outcome = try Self.build(site, runs: runs)
    #expect(
      outcome.diagnostics.map(\.description) == [
        "content/tin-tuc/anh.bad: error: is not a JPEG, PNG or WebP photo bantin can read"
      ])
    #expect(runs["refuse"] == 1)
    #expect(site.snapshot("public") == before)
  }

  @Test("two builds that start at once on a new cache both get their files (the cache's .gitignore made once)")
  func buildsAtOnce() throws {
    let site = try Scratch(onDisk: true)
    try site.write("content/a.txt", "chữ")
    let job = DerivedJob(recipe: "shout", settings: "", inputs: ["content/a.txt"])
    let root = site.path
    let runs = Runs()
    let rounds = 300
    let failures = Mutex<[String]>([])
    for round in 0..<rounds {
      let cache = root + "/cache-\(round)"
      let ready = Atomic<Int>(0)
      DispatchQueue.concurrentPerform(iterations: 2) { _ in
        let store = DerivedStore(cache: cache, siteRoot: root, recipes: [Shout(runs: runs)])
        // Both start together (one a core), as a hook and `serve` may.
        ready.add(1, ordering: .relaxed)
        while ready.load(ordering: .relaxed) < 2 { sched_yield() }
        if case .failure(let failure) = store.make([job])[0] {
          failures.withLock { $0.append("round \(round): \(failure.message)") }
        }
      }
      #expect(
        try String(contentsOfFile: cache + "/.gitignore", encoding: .utf8)
          == "# bantin's build cache: never committed\n*\n")
    }
    let failed = failures.withLock { $0 }
    #expect(failed.count == 0, "\(failed.count) of \(rounds) rounds failed, as \(failed.prefix(2))")
  }
}
