import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct HookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hook",
    abstract: "Publish from git: hooks that build every push and publish the branch atomically.",
    subcommands: [
      HookInstall.self, HookUninstall.self, PreReceive.self, PostReceive.self, HookPublish.self, PreCommit.self,
    ]
  )
}

/// The absolute path of the running bantin binary, written into hooks.
func bantinBinary() -> String {
  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// Options of the hooks that publish.
struct PublishOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The web root: releases/ and the current link go here.", valueName: "dir"))
  var webRoot: String

  @Option(name: .long, help: "The branch that is published.")
  var branch: String = "main"

  @Option(name: .long, help: "How many releases to keep.")
  var keep: Int = 5

  @Option(name: .long, help: "Seconds a build may take before it is stopped and the push refused.")
  var timeout: Int = 300

  func validate() throws {
    guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
    guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    guard !branch.isEmpty, !branch.contains(" "), !branch.hasPrefix("-") else {
      throw ValidationError("--branch is not a branch name")
    }
  }

  func publisher(repository: String) -> GitPublisher {
    GitPublisher(repository: repository, webRoot: absolute(webRoot), branch: branch, keep: keep)
  }

  /// Ends this process, refusing the push, when the build runs past `--timeout`: the
  /// build runs in this process, so it stops with it.
  func startWatchdog() {
    let limit = timeout
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + .seconds(limit))
    timer.setEventHandler {
      say("bantin: the build took longer than \(limit) s and was stopped (--timeout)")
      say("bantin: nothing was published")
      WorkFolder.removeAllHeld()
      Glibc.exit(1)
    }
    timer.resume()
    Watchdog.timer = timer
  }
}

/// Keeps the watchdog's timer alive for the life of the process.
enum Watchdog {
  nonisolated(unsafe) static var timer: DispatchSourceTimer?
}

func absolute(_ path: String) -> String {
  path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}

/// A line the pusher sees as `remote: bantin: …`.
func say(_ line: String) { StandardError.write(line) }

struct HookInstall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "install",
    abstract: "Write pre-receive and post-receive hooks into a bare repository (or, with --local, a pre-commit hook).",
    discussion: """
      The hooks call this bantin binary by its absolute path. A hook bantin did not \
      write is never replaced unless --force is given.
      """
  )

  @Option(
    name: .long,
    help: ArgumentHelp("The repository: a bare one on the server, or with --local your clone.", valueName: "path"))
  var repo: String = "."

  @Flag(name: .long, help: "Install a pre-commit hook in your own clone that checks the staged site.")
  var local = false

  @Flag(name: .long, help: "Replace hooks that bantin did not write.")
  var force = false

  @Option(name: .long, help: ArgumentHelp("The web root (not with --local).", valueName: "dir"))
  var webRoot: String?

  @Option(name: .long, help: "The branch that is published.")
  var branch: String = "main"

  @Option(name: .long, help: "How many releases to keep.")
  var keep: Int = 5

  @Option(name: .long, help: "Seconds a build may take before it is stopped and the push refused.")
  var timeout: Int = 300

  func run() throws {
    let repository = GitHooks(repository: absolute(repo))
    let binary = bantinBinary()
    var hooks: [(name: String, arguments: [String])] = []
    if local {
      guard webRoot == nil else { throw ValidationError("--web-root is for the server's bare repository, not --local") }
      guard repository.isBare == false else { throw ValidationError("\(repo) is a bare repository: leave out --local") }
      hooks = [("pre-commit", ["hook", "pre-commit"])]
    } else {
      guard let webRoot else { throw ValidationError("give the web root the site is published into: --web-root DIR") }
      guard repository.isBare == true else {
        throw ValidationError(
          "\(repo) is not a bare repository: the server's repository is made with git init --bare (for your own clone, use --local)"
        )
      }
      let options = try PublishOptions.parse([
        "--web-root", webRoot, "--branch", branch, "--keep", "\(keep)", "--timeout", "\(timeout)",
      ])
      let common = ["--web-root", absolute(webRoot), "--branch", branch, "--timeout", "\(timeout)"]
      hooks = [
        ("pre-receive", ["hook", "pre-receive"] + common),
        ("post-receive", ["hook", "post-receive"] + common + ["--keep", "\(keep)"]),
      ]
      try ReleaseStore(webRoot: absolute(options.webRoot)).prepare()
    }
    for hook in hooks {
      if let foreign = repository.foreignHook(hook.name), !force {
        throw ExitStatus.failure("\(foreign) exists and was not written by bantin: pass --force to replace it")
      }
    }
    for hook in hooks {
      let path = try repository.install(hook.name, binary: binary, arguments: hook.arguments)
      print("installed \(path)")
    }
  }
}

struct HookUninstall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "uninstall", abstract: "Remove the hooks bantin wrote; others are left alone.")

  @Option(name: .long, help: ArgumentHelp("The repository.", valueName: "path"))
  var repo: String = "."

  func run() throws {
    let repository = GitHooks(repository: absolute(repo))
    for name in ["pre-receive", "post-receive", "pre-commit"] {
      if try repository.uninstall(name) { print("removed \(repository.path(of: name))") }
    }
  }
}

/// The ref updates git hands a receive hook on standard input.
struct RefUpdate {
  var old: String
  var new: String
  var ref: String

  static func readAll() -> [RefUpdate] {
    var updates: [RefUpdate] = []
    while let line = readLine() {
      let parts = line.split(separator: " ").map(String.init)
      if parts.count == 3 { updates.append(RefUpdate(old: parts[0], new: parts[1], ref: parts[2])) }
    }
    return updates
  }

  var isDeletion: Bool { new.allSatisfy { $0 == "0" } }
}

struct PreReceive: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-receive",
    abstract: "Called by the pre-receive hook: build the pushed commit, refuse the push if it fails.")

  @OptionGroup var options: PublishOptions

  func run() throws {
    let publisher = options.publisher(repository: FileManager.default.currentDirectoryPath)
    options.startWatchdog()
    for update in RefUpdate.readAll() where update.ref == publisher.ref {
      if update.isDeletion {
        say("bantin: deleting the branch \(options.branch), which the site is published from, is refused")
        throw ExitCode(1)
      }
      say("bantin: building \(update.new.prefix(7)) before accepting the push…")
      let build = try publisher.prepare(update.new)
      guard build.succeeded else {
        for line in build.messages { say(line) }
        say("bantin: push refused: the site has errors; nothing was published")
        throw ExitCode(1)
      }
      say(String(format: "bantin: the site builds (%.1f s); publishing after the push", build.seconds))
    }
  }
}

struct PostReceive: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "post-receive", abstract: "Called by the post-receive hook: publish the branch's tip as a new release."
  )

  @OptionGroup var options: PublishOptions

  func run() throws {
    let publisher = options.publisher(repository: FileManager.default.currentDirectoryPath)
    let updates = RefUpdate.readAll()
    guard updates.contains(where: { $0.ref == publisher.ref && !$0.isDeletion }) else { return }
    options.startWatchdog()
    try report(publisher.publishTip(), publisher: publisher)
    finishPublishing(publisher)
  }
}

/// Ends the hook's time limit once the live site is switched, and deletes the
/// releases pruned: slow for a large site, and nothing the pusher waits on.
func finishPublishing(_ publisher: GitPublisher) {
  Watchdog.timer?.cancel()
  publisher.store.emptyTrash()
}

struct HookPublish: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Publish the branch's tip now, as the post-receive hook does (first install, recovery).")

  @Option(name: .long, help: ArgumentHelp("The bare repository.", valueName: "path"))
  var repo: String

  @OptionGroup var options: PublishOptions

  func run() throws {
    let publisher = options.publisher(repository: absolute(repo))
    options.startWatchdog()
    try report(publisher.publishTip(), publisher: publisher)
    finishPublishing(publisher)
  }
}

func report(_ publication: GitPublisher.Publication, publisher: GitPublisher) throws {
  switch publication {
  case .published(let release, let build, let removed):
    var line =
      build.wasPrepared
      ? "bantin: published \(publisher.describe(release.commit ?? "")) as releases/\(release.name), as it was built before the push was accepted"
      : String(
        format: "bantin: published %@ as releases/%@ in %.1f s", publisher.describe(release.commit ?? ""), release.name,
        build.seconds)
    if !removed.isEmpty { line += " (removed \(removed.count) old release\(removed.count == 1 ? "" : "s"))" }
    say(line)
  case .alreadyLive(let name):
    say("bantin: the branch's tip is already live (releases/\(name))")
  case .noBranch:
    say("bantin: the branch \(publisher.branch) does not exist; nothing was published")
  case .failed(let build):
    for line in build.messages { say(line) }
    say("bantin: the build failed; the live site is unchanged")
    throw ExitCode(1)
  }
}

struct PreCommit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pre-commit",
    abstract: "Called by the pre-commit hook: check the staged site, refuse the commit if it has errors.")

  func run() throws {
    // The staged files are checked out inside the repository's git folder (never
    // /tmp), in a work folder the next commit removes if this one is killed.
    let here = FileManager.default.currentDirectoryPath
    let gitDir = try Subprocess.git(["rev-parse", "--absolute-git-dir"], in: here).run()
    guard gitDir.succeeded else { throw ExitStatus.failure("not in a git repository: \(gitDir.errors)") }
    let parent = gitDir.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/bantin-work"
    WorkFolder.removeStale(in: parent, prefix: "staged-")
    let folder = try WorkFolder(in: parent, prefix: "staged-")
    defer { folder.remove() }
    let work = folder.path
    let export = try Subprocess.git(["checkout-index", "-a", "-f", "--prefix=\(work)/"], in: here).run()
    guard export.succeeded else {
      say("bantin: cannot read the staged files: \(export.errors)")
      throw ExitCode(1)
    }
    guard FileManager.default.fileExists(atPath: work + "/content") else { return }  // no site staged
    let (tree, loadProblems) = SourceTree.load(root: work)
    var build = BuildConfig(now: Timestamp(Date()))
    build.brokenLinksAreErrors = true
    let result = Pipeline(build: build).run(tree)
    let diagnostics = (loadProblems + result.diagnostics).sorted()
    DiagnosticPrinter.print(diagnostics)
    if diagnostics.hasErrors {
      say("bantin: commit refused: the staged site has errors (git commit --no-verify skips this check)")
      throw ExitCode(1)
    }
  }
}

struct RollbackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rollback", abstract: "Point the live site back at the previous (or a named) release, atomically.")

  @Option(name: .long, help: ArgumentHelp("The web root.", valueName: "dir"))
  var webRoot: String

  @Option(name: .long, help: ArgumentHelp("The release to go back to (see bantin releases).", valueName: "release"))
  var to: String?

  func run() throws {
    let store = ReleaseStore(webRoot: absolute(webRoot))
    guard FileManager.default.fileExists(atPath: store.releasesFolder) else {
      throw ExitStatus.failure("\(webRoot) has no releases")
    }
    let target: ReleaseStore.Release = try store.withLock {
      let releases = store.releases()
      guard !releases.isEmpty else { throw ExitStatus.failure("\(webRoot) has no releases") }
      if let to {
        guard let named = releases.first(where: { $0.name == to }) else {
          throw ExitStatus.failure("no release \(to) in \(webRoot)/releases (see bantin releases)")
        }
        try store.switchTo(named.name)
        return named
      }
      guard let live = releases.firstIndex(where: \.isLive), live > 0 else {
        throw ExitStatus.failure("there is no release older than the live one to go back to")
      }
      try store.switchTo(releases[live - 1].name)
      return releases[live - 1]
    }
    print("current → releases/\(target.name) (\(target.commit.map { String($0.prefix(12)) } ?? "commit unknown"))")
  }
}

struct ReleasesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "releases", abstract: "List the releases of a web root, oldest first, and which is live.")

  @Option(name: .long, help: ArgumentHelp("The web root.", valueName: "dir"))
  var webRoot: String

  func run() throws {
    guard FileManager.default.fileExists(atPath: absolute(webRoot)) else {
      throw ExitStatus.failure("the web root \(webRoot) does not exist")
    }
    let releases = ReleaseStore(webRoot: absolute(webRoot)).releases()
    if releases.isEmpty { print("no releases in \(webRoot)") }
    for release in releases {
      let commit = release.commit.map { String($0.prefix(12)) } ?? "?"
      print(
        "\(release.isLive ? "*" : " ") \(release.name)  \(release.time)  \(commit)\(release.isLive ? "  (live)" : "")")
    }
  }
}
