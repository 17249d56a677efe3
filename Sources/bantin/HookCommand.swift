import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct HookCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "hook",
      abstract: Say.Help.hook.text(.command),
      subcommands: [
        HookInstall.self, HookUninstall.self, PreReceive.self, PostReceive.self, HookPublish.self, PreCommit.self,
      ]
    )
  }
}

/// The absolute path of the running bantin binary, written into hooks.
func bantinBinary() -> String {
  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// Options of the hooks that publish.
struct PublishOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(Say.Help.webRootForHooks, valueName: "dir"))
  var webRoot: String

  @Option(name: .long, help: ArgumentHelp(Say.Help.branch))
  var branch: String = "main"

  @Option(name: .long, help: ArgumentHelp(Say.Help.keep))
  var keep: Int = 5

  @Option(name: .long, help: ArgumentHelp(Say.Help.timeout))
  var timeout: Int = 300

  @Flag(name: .long, help: ArgumentHelp(Say.Help.hookVerbose))
  var verbose = false

  func validate() throws {
    guard keep >= 1 else { throw ValidationError(Say.atLeastOne("--keep").text(.command)) }
    guard timeout >= 1 else { throw ValidationError(Say.atLeastOneSecond("--timeout").text(.command)) }
    guard !branch.isEmpty, !branch.contains(" "), !branch.hasPrefix("-") else {
      throw ValidationError(Say.notABranch.text(.command))
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
      say(Say.timedOut(seconds: limit).text(.command))
      say(Say.nothingPublished.text(.command))
      // git may be checking the site out: stopped first, so that it leaves no lock.
      Subprocess.stopAll()
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
