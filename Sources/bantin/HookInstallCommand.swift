import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct HookInstall: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "install",
      abstract: Say.Help.install.text(.command),
      discussion: Say.Help.installDiscussion.text(.command)
    )
  }

  @Option(
    name: .long,
    help: ArgumentHelp(Say.Help.repo, valueName: "path"))
  var repo: String = "."

  @Flag(name: .long, help: ArgumentHelp(Say.Help.local))
  var local = false

  @Flag(name: .long, help: ArgumentHelp(Say.Help.installForce))
  var force = false

  @Option(name: .long, help: ArgumentHelp(Say.Help.installWebRoot, valueName: "dir"))
  var webRoot: String?

  @Option(name: .long, help: ArgumentHelp(Say.Help.branch))
  var branch: String = "main"

  @Option(name: .long, help: ArgumentHelp(Say.Help.keep))
  var keep: Int = 5

  @Option(name: .long, help: ArgumentHelp(Say.Help.timeout))
  var timeout: Int = 300

  @Flag(name: .long, help: ArgumentHelp(Say.Help.installVerbose))
  var verbose = false

  func run() throws {
    let repository = GitHooks(repository: absolute(repo))
    let binary = bantinBinary()
    var hooks: [(name: String, arguments: [String])] = []
    if local {
      guard webRoot == nil else { throw ValidationError(Say.webRootNotLocal.text(.command)) }
      guard repository.isBare == false else { throw ValidationError(Say.bareWithLocal(repo).text(.command)) }
      hooks = [("pre-commit", ["hook", "pre-commit"])]
    } else {
      guard let webRoot else { throw ValidationError(Say.needWebRoot.text(.command)) }
      guard repository.isBare == true else {
        throw ValidationError(Say.notBare(repo).text(.command))
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
        throw ExitStatus.failure(Say.foreignHook(foreign))
      }
    }
    for hook in hooks {
      let path = try repository.install(hook.name, binary: binary, arguments: hook.arguments)
      print(Say.hookInstalled(path).text(.command))
    }
  }
}

struct HookUninstall: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "uninstall", abstract: Say.Help.uninstall.text(.command))
  }

  @Option(name: .long, help: ArgumentHelp(Say.Help.repository, valueName: "path"))
  var repo: String = "."

  func run() throws {
    let repository = GitHooks(repository: absolute(repo))
    for name in ["pre-receive", "post-receive", "pre-commit"] {
      if try repository.uninstall(name) { print(Say.hookRemoved(repository.path(of: name)).text(.command)) }
    }
  }
}
