import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "pre-receive",
      abstract: Say.Help.preReceive.text(.command))
  }

  @OptionGroup var options: PublishOptions

  func run() throws {
    let publisher = options.publisher(repository: FileManager.default.currentDirectoryPath)
    options.startWatchdog()
    for update in RefUpdate.readAll() where update.ref == publisher.ref {
      // The live site's language until the pushed commit's is known.
      let before = Speech.of(site: nil, lang: nil)
      if update.isDeletion {
        say(Say.deletingBranchRefused(options.branch).text(before))
        throw ExitCode(1)
      }
      say(Say.buildingBeforeAccepting(String(update.new.prefix(7))).text(before))
      let build = try publisher.prepare(update.new)
      let speech = Speech.forSite(language: build.language)
      guard build.succeeded else {
        for line in build.messages(speech) { say(line) }
        say(Say.pushRefused.text(speech))
        throw ExitCode(1)
      }
      say(Say.buildsPublishingAfter(seconds: String(format: "%.1f", build.seconds)).text(speech))
    }
  }
}

struct PostReceive: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "post-receive", abstract: Say.Help.postReceive.text(.command)
    )
  }

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
  publisher.stageEnded?("deleted what was set aside")
}

struct HookPublish: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "publish",
      abstract: Say.Help.publish.text(.command))
  }

  @Option(name: .long, help: ArgumentHelp(Say.Help.bareRepository, valueName: "path"))
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
    let speech = Speech.forSite(language: build.language)
    let commit = publisher.describe(release.commit ?? "")
    let seconds = build.wasPrepared ? nil : String(format: "%.1f", build.seconds)
    say(Say.published(commit, as: release.name, seconds: seconds, removed: removed.count).text(speech))
  case .alreadyLive(let name):
    say(Say.alreadyLive(name).text(.command))
  case .noBranch:
    say(Say.noBranch(publisher.branch).text(.command))
  case .failed(let build):
    let speech = Speech.forSite(language: build.language)
    for line in build.messages(speech) { say(line) }
    say(Say.publishFailed.text(speech))
    throw ExitCode(1)
  }
}
