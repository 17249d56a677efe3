import BantinCore
import Foundation

/// `bantin cache prune`: removes from the store of derived files (`DerivedStore`)
/// every result the site's sources no longer ask for: photos deleted, replaced or
/// published at other settings. What the sources ask for is what a build with
/// drafts and scheduled articles would make; it is kept, so the next build makes
/// nothing again. Published files and releases are hard links and keep their bytes.
public enum CachePrune {
  public struct Outcome: Sendable {
    /// The build's problems; with an error, nothing was removed.
    public var diagnostics: [Diagnostic] = []
    public var removed = 0
    public var removedBytes = 0
    public var kept = 0
  }

  /// Prunes the store in `cache` (a `.bantin-cache` folder) against the site at `root`.
  public static func run(root: String, cache: String) -> Outcome {
    let store = DerivedStore(cache: cache, siteRoot: root)
    let recorder = Recorder(store: store)
    let (tree, loadProblems) = SourceTree.load(root: root)
    var build = BuildConfig(now: Timestamp(Date()), includeDrafts: true, includeFuture: true)
    build.derivedFiles = recorder
    let result = Pipeline(build: build).run(tree)
    var outcome = Outcome(diagnostics: (loadProblems + result.diagnostics).sorted())
    guard !outcome.diagnostics.hasErrors else { return outcome }
    let pruned = store.prune(keeping: recorder.keys)
    outcome.removed = pruned.removed
    outcome.removedBytes = pruned.bytes
    outcome.kept = recorder.keys.count
    return outcome
  }

  /// The store, remembering the key of every result it answers with.
  final class Recorder: DerivedFileMaker, @unchecked Sendable {
    let store: DerivedStore
    private let lock = NSLock()
    private var recorded = Set<String>()

    init(store: DerivedStore) { self.store = store }

    var keys: Set<String> { lock.withLock { recorded } }

    func make(_ jobs: [DerivedJob]) -> [Result<DerivedFacts, DerivedFailure>] {
      let results = store.make(jobs)
      lock.withLock {
        for case .success(let facts) in results { recorded.insert(facts.key) }
      }
      return results
    }
  }
}

extension DerivedStore {
  /// Removes every result whose key is not in `keys`, and forgets the stamps of
  /// files that changed or are gone; returns how many results and bytes went.
  func prune(keeping keys: Set<String>) -> (removed: Int, bytes: Int) {
    var removed = 0
    var bytes = 0
    for entry in (try? POSIX.list(folder)) ?? [] where entry.kind == .directory {
      let name = entry.name
      guard name.utf8.count == 32, name.utf8.allSatisfy({ isxdigit(Int32($0)) != 0 }), !keys.contains(name) else {
        continue
      }
      let path = folder + "/" + name
      for file in (try? POSIX.list(path)) ?? [] { bytes += POSIX.stamp(path + "/" + file.name)?.size ?? 0 }
      if (try? POSIX.remove(path)) != nil { removed += 1 }
    }
    let stamps = StampIndex.read(folder + "/stamps")
    let current = stamps.filter { POSIX.stamp($0.key.path) == $0.key.stamp }
    if current.count != stamps.count { StampIndex.write(current, to: folder + "/stamps") }
    return (removed, bytes)
  }
}
