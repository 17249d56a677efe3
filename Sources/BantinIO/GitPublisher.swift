import BantinCore
import Foundation

/// Builds commits of a bare repository and publishes them into a web root: what
/// the pre-receive and post-receive hooks do.
public struct GitPublisher: Sendable {
  /// The bare repository (the hooks run inside it).
  public var repository: String
  public var store: ReleaseStore
  /// The branch that is published: `main`.
  public var branch: String
  /// Releases kept in `releases/`.
  public var keep: Int

  public init(repository: String, webRoot: String, branch: String, keep: Int) {
    self.repository = repository
    self.store = ReleaseStore(webRoot: webRoot)
    self.branch = branch
    self.keep = keep
  }

  public var ref: String { "refs/heads/" + branch }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  /// What a build of a commit said.
  public struct Build: Sendable {
    public var succeeded: Bool
    /// `path:line:col: error: …` lines and bantin's summary.
    public var messages: [String]
    public var seconds: Double
    /// Built by the pre-receive hook that accepted the push, and published as it was.
    public var wasPrepared = false
  }

  /// Where builds of pushed commits are checked out: beside the web root, never
  /// in `/tmp`, so that what a killed build leaves is found and removed by the next.
  public var workFolder: String { store.webRoot + "/.bantin-work" }

  /// Extracts `commit` with `git archive` into a work folder (`WorkFolder`, beside
  /// the web root) and builds it into `output` (a folder of its own when nil), in
  /// this process, so that a publisher that is killed takes its build with it.
  /// Nothing outside those two folders is touched; the work folder is removed
  /// when the build ends, and the next build removes it if this one could not.
  public func build(_ commit: String, into output: String? = nil) throws -> Build {
    let started = ContinuousClock.now
    WorkFolder.removeStale(in: workFolder, prefix: "build-")
    let folder = try WorkFolder(in: workFolder, prefix: "build-")
    defer { folder.remove() }
    let work = folder.path
    let source = work + "/site"
    try POSIX.makeDirectory(source)
    let archive = try Subprocess.git(["archive", "--format=tar", "-o", work + "/site.tar", commit], in: repository)
      .run()
    guard archive.succeeded else { throw Failure("git archive \(commit.prefix(12)) failed: \(archive.errors)") }
    let unpack = try Subprocess("/usr/bin/env", ["tar", "-xf", work + "/site.tar", "-C", source]).run()
    try? POSIX.remove(work + "/site.tar")
    guard unpack.succeeded else { throw Failure("tar failed: \(unpack.errors)") }

    let (tree, loadProblems) = SourceTree.load(root: source)
    let result = Pipeline(build: BuildConfig(now: Timestamp(Date()))).run(tree)
    let diagnostics = (loadProblems + result.diagnostics).sorted()
    var messages = diagnostics.map(\.description)
    var succeeded = !diagnostics.hasErrors
    if succeeded {
      do {
        try Publisher(siteRoot: source, output: output ?? work + "/public").publish(result.files)
      } catch {
        messages.append("bantin: error: \(error)")
        succeeded = false
      }
    }
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Build(succeeded: succeeded, messages: messages, seconds: seconds)
  }

  /// Builds a pushed commit for the pre-receive hook, and keeps the build as
  /// `releases/.prepared-<commit>-…` for the post-receive hook to publish as it is:
  /// the push is accepted only if it builds, and what was accepted is published
  /// by a rename, within any time limit.
  public func prepare(_ commit: String) throws -> Build {
    try store.prepare()
    let output =
      store.releasesFolder + "/" + ReleaseStore.preparedPrefix(commit)
      + String(
        UInt64.random(in: 0...UInt64.max), radix: 36)
    let build = try build(commit, into: output)
    if !build.succeeded { try? POSIX.remove(output) }
    return build
  }

  /// The commit a ref points to now, if it exists.
  public func tip() -> String? {
    guard let outcome = try? Subprocess.git(["rev-parse", "--verify", "-q", ref + "^{commit}"], in: repository).run(),
      outcome.succeeded
    else { return nil }
    let commit = outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return commit.isEmpty ? nil : commit
  }

  /// One line of a commit: its short id and subject.
  public func describe(_ commit: String) -> String {
    let outcome = try? Subprocess.git(["log", "-1", "--format=%h %s", commit], in: repository).run()
    return outcome?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? String(commit.prefix(7))
  }

  public enum Publication: Sendable {
    case published(ReleaseStore.Release, Build, removed: [String])
    case alreadyLive(String)
    case failed(Build)
    case noBranch
  }

  /// Publishes the branch's tip as a new release, holding the web root's lock, so
  /// that concurrent pushes publish one after the other and the last one publishes
  /// whatever the branch points at by then.
  public func publishTip() throws -> Publication {
    try store.withLock {
      try store.removeLeftovers()
      guard let commit = tip() else { return .noBranch }
      if let live = store.releases().first(where: \.isLive), live.commit == commit {
        return .alreadyLive(live.name)
      }
      let name = store.newName(commit: commit)
      let build: Build
      let built: String
      if let prepared = store.prepared(commit) {
        // Built by the pre-receive hook that accepted it: published as it is.
        build = Build(succeeded: true, messages: [], seconds: 0, wasPrepared: true)
        built = prepared
      } else {
        built = store.partialPath(for: name)
        build = try self.build(commit, into: built)
        guard build.succeeded else {
          try? POSIX.remove(built)
          return .failed(build)
        }
      }
      try store.admit(built, as: name, commit: commit)
      try store.switchTo(name)
      // Builds pushed before this commit will never be published now.
      for (other, path) in store.preparedBuilds() where other != commit {
        let older = try? Subprocess.git(["merge-base", "--is-ancestor", other, commit], in: repository).run()
        if older?.succeeded == true { try? POSIX.remove(path) }
      }
      let removed = try store.prune(keep: keep)
      let release = ReleaseStore.Release(name: name, commit: commit, isLive: true)
      return .published(release, build, removed: removed)
    }
  }
}
