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

  @Flag(name: .long, help: "Also say how long each step of the build took.")
  var verbose = false

  func validate() throws {
    guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
    guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    guard !branch.isEmpty, !branch.contains(" "), !branch.hasPrefix("-") else {
      throw ValidationError("--branch is not a branch name")
    }
  }

  func publisher(repository: String) -> GitPublisher {
    var publisher = GitPublisher(repository: repository, webRoot: absolute(webRoot), branch: branch, keep: keep)
    if verbose {
      let stages = StageClock()
      publisher.stageEnded = { stage in say("bantin: \(stages.lap()) \(stage)") }
    }
    return publisher
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
