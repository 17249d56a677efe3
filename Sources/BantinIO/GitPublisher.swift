import BantinCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
  /// Told when each step of a build ends (`--verbose`).
  public var stageEnded: (@Sendable (String) -> Void)?

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
    /// What the build said, to be said in the site's language (`messages` is English).
    public var diagnostics: [Diagnostic] = []
    /// The `language` of the built commit's `site.yml`.
    public var language: String?

    /// The build's messages in `speech`.
    public func messages(_ speech: Speech) -> [String] {
      diagnostics.map { $0.text(speech) } + messages.dropFirst(diagnostics.count)
    }
  }

  /// Where builds of pushed commits are checked out: beside the web root, never
  /// in `/tmp`, so that what a killed build leaves is found and removed by the next.
  public var workFolder: String { store.webRoot + "/.bantin-work" }

  /// Checks `commit` out into the web root's checkout (`checkout(_:)`) and builds
  /// it into `output` (a work folder of its own when nil), in this process, so that
  /// a publisher that is killed takes its build with it. Nothing outside those
  /// folders and the web root's cache is touched.
  public func build(_ commit: String, into output: String? = nil, publishedAs: String? = nil) throws -> Build {
    let started = ContinuousClock.now
    let lock = try CheckoutLock(workFolder)
    defer { lock.release() }
    let source = try checkout(commit)
    var scratch: WorkFolder?
    if output == nil {
      WorkFolder.removeStale(in: workFolder, prefix: "build-")
      scratch = try WorkFolder(in: workFolder, prefix: "build-")
    }
    defer { scratch?.remove() }
    // Built with the web root's cache, sharing unchanged files with the live release.
    let target = output ?? (scratch?.path ?? workFolder) + "/public"
    var config = BuildConfig(now: Timestamp(Date()))
    config.stageEnded = stageEnded
    var siteBuild = SiteBuild(root: source, output: target, build: config)
    siteBuild.release = SiteBuild.Release(
      cacheFolder: store.cacheFolder, identity: store.webRoot,
      live: store.live().flatMap { POSIX.realPath(store.releasesFolder + "/" + $0) },
      publishedAs: ReleaseStore.canonical(publishedAs ?? target))
    siteBuild.release?.spare = store.sparePath
    var messages: [String] = []
    var diagnostics: [Diagnostic] = []
    var succeeded = false
    do {
      let outcome = try siteBuild.run()
      diagnostics = outcome.diagnostics
      messages = outcome.diagnostics.map(\.description)
      succeeded = !outcome.diagnostics.hasErrors
    } catch {
      messages.append("bantin: error: \(error)")
    }
    let elapsed = started.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var build = Build(succeeded: succeeded, messages: messages, seconds: seconds)
    build.diagnostics = diagnostics
    build.language = SiteFolder(root: source).config().0.language
    return build
  }

  /// The web root's checkout of the site (`.bantin-work/checkout`), brought to
  /// `commit` by git itself through an index of its own: only the files that differ
  /// from the last commit checked out are written, so unchanged files keep their
  /// stamps and the build cache trusts them as for `bantin build`. Names and links
  /// are kept byte for byte. A checkout that was interrupted (no `complete` mark)
  /// is made again whole.
  func checkout(_ commit: String) throws -> String {
    let folder = workFolder + "/checkout"
    let index = workFolder + "/checkout.index"
    let complete = workFolder + "/checkout.complete"
    if !POSIX.exists(complete) {
      try POSIX.remove(folder)
      try? POSIX.remove(index)
      try? POSIX.remove(index + ".lock")  // of a git stopped mid-way; the web root is locked
    }
    try? POSIX.remove(complete)
    try POSIX.makeParents(of: folder + "/x")
    let environment = ProcessInfo.processInfo.environment.merging(["GIT_INDEX_FILE": index]) { _, new in new }
    let step = try Subprocess(
      "/usr/bin/env", ["git", "--work-tree=" + folder, "read-tree", "--reset", "-u", commit], in: repository,
      environment: environment
    ).run()
    guard step.succeeded else { throw Failure("git read-tree \(commit.prefix(12)) failed: \(step.errors)") }
    try POSIX.write([], to: complete)
    stageEnded?("checked out \(commit.prefix(7))")
    return folder
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

  /// A commit's subject, the first line of its message.
  public func subject(of commit: String) -> String? {
    guard let outcome = try? Subprocess.git(["log", "-1", "--format=%s", commit], in: repository).run(),
      outcome.succeeded
    else { return nil }
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)
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
        build = try self.build(commit, into: built, publishedAs: store.releasesFolder + "/" + name)
        guard build.succeeded else {
          try? POSIX.remove(built)
          return .failed(build)
        }
      }
      try store.admit(built, as: name, commit: commit, subject: subject(of: commit))
      if build.wasPrepared {  // the cache describes the prepared folder: now the release
        BuildCache(folder: store.cacheFolder).redescribe(
          ReleaseStore.canonical(built), as: ReleaseStore.canonical(store.releasesFolder + "/" + name))
      }
      try store.switchTo(name)
      // Builds pushed before this commit will never be published now.
      for (other, path) in store.preparedBuilds() where other != commit {
        let older = try? Subprocess.git(["merge-base", "--is-ancestor", other, commit], in: repository).run()
        if older?.succeeded == true { try? POSIX.remove(path) }
      }
      stageEnded?("switched the live site to \(name)")
      let removed = try store.prune(keep: keep)
      try store.packOlder()
      stageEnded?("packed older releases")
      let release = ReleaseStore.Release(name: name, commit: commit, isLive: true)
      return .published(release, build, removed: removed)
    }
  }
}

/// The lock on the web root's checkout: builds of pushed commits take turns.
final class CheckoutLock {
  private var descriptor: Int32

  init(_ workFolder: String) throws {
    try POSIX.makeParents(of: workFolder + "/checkout.lock")
    descriptor = open(workFolder + "/checkout.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileSystemError.errno(workFolder, "cannot open the checkout's lock") }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw FileSystemError.errno(workFolder, "cannot lock the checkout") }
    }
  }

  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  deinit { release() }
}
