import BantinCore
import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import BantinIO

/// The store of derived files shared by `build`, `serve`, `check` and the hooks,
/// which may start at the same moment on one site.
@Suite("Builds sharing one store of derived files")
struct DerivedStoreTests {
  /// Copies its one input into `copy.txt`: a recipe that costs nothing, so that
  /// builds meet at the start of the store, where they raced.
  struct CopyRecipe: DerivedRecipe {
    var name: String { "copy" }
    var version: Int { 1 }
    func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
      try POSIX.write(inputs[0], to: folder + "/copy.txt")
      return [DerivedFacts.Made(name: "copy.txt", byteCount: inputs[0].count, pixelSize: nil)]
    }
  }

  @Test("two builds that start at once on a new cache both get their files (the cache's .gitignore made once)")
  func buildsAtOnce() throws {
    let site = try Scratch(onDisk: true)
    try site.write("content/a.txt", "chữ")
    let job = DerivedJob(recipe: "copy", settings: "", inputs: ["content/a.txt"])
    let root = site.path
    let rounds = 300
    let failures = Mutex<[String]>([])
    for round in 0..<rounds {
      let cache = root + "/cache-\(round)"
      let ready = Atomic<Int>(0)
      DispatchQueue.concurrentPerform(iterations: 2) { _ in
        let store = DerivedStore(cache: cache, siteRoot: root, recipes: [CopyRecipe()])
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

  @Test("a work folder no process holds is removed, unless its maker lives and made it in the last minute")
  func leftBehind() throws {
    let parent = try Scratch(onDisk: true)
    let living = getppid()
    for name in ["build-\(try endedProcessID())-a", "build-\(living)-b", "build-old-c", "build-\(getpid())-d"] {
      try FileManager.default.createDirectory(atPath: parent.path + "/" + name, withIntermediateDirectories: false)
    }
    let held = try WorkFolder(in: parent.path, prefix: "build-")
    #expect(WorkFolder.removeStale(in: parent.path, prefix: "build-") == 3)
    let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    #expect(left == ["build-\(living)-b", String(held.path.split(separator: "/").last!)].sorted())
    held.remove()
  }
}
