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
  }

  /// Extracts `commit` with `git archive` into a new temporary folder and builds
  /// it into `output` (a folder of its own when nil), in this process, so that a
  /// publisher that is killed takes its build with it. Nothing outside those two
  /// folders is touched.
  public func build(_ commit: String, into output: String? = nil) throws -> Build {
    let started = ContinuousClock.now
    let work = NSTemporaryDirectory() + "bantin-build-" + UUID().uuidString
    try POSIX.makeDirectory(work)
    defer { try? POSIX.remove(work) }
    let source = work + "/site"
    try POSIX.makeDirectory(source)
    let archive = try Subprocess.git(["archive", "--format=tar", "-o", work + "/site.tar", commit], in: repository)
      .run()
    guard archive.succeeded else { throw Failure("git archive \(commit.prefix(12)) failed: \(archive.errors)") }
    let unpack = try Subprocess("/usr/bin/env", ["tar", "-xf", work + "/site.tar", "-C", source]).run()
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
      let partial = store.partialPath(for: name)
      let build = try build(commit, into: partial)
      guard build.succeeded else {
        try? POSIX.remove(partial)
        return .failed(build)
      }
      try store.admit(partial, as: name, commit: commit)
      try store.switchTo(name)
      let removed = try store.prune(keep: keep)
      let release = ReleaseStore.Release(name: name, commit: commit, isLive: true)
      return .published(release, build, removed: removed)
    }
  }
}
