import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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

  @Flag(name: .long, help: "Have the hooks say how long each step of a build took.")
  var verbose = false

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
      let common =
        ["--web-root", absolute(webRoot), "--branch", branch, "--timeout", "\(timeout)"]
        + (verbose ? ["--verbose"] : [])
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
