import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct ReleasesCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "releases", abstract: Say.Help.releases.text(.command))
  }

  @Option(name: .long, help: ArgumentHelp(Say.Help.webRoot, valueName: "dir"))
  var webRoot: String

  func run() throws {
    guard FileManager.default.fileExists(atPath: absolute(webRoot)) else {
      throw ExitStatus.failure(Say.noWebRoot(webRoot))
    }
    let releases = ReleaseStore(webRoot: absolute(webRoot)).releases()
    let speech = Speech.command
    if releases.isEmpty { print(Say.noReleasesIn(webRoot).text(speech)) }
    for release in releases {
      let commit = release.commit.map { String($0.prefix(12)) } ?? "?"
      print(
        VisibleText.escaping(
          "\(release.isLive ? "*" : " ") \(release.name)  \(release.time)  \(commit)"
            + (release.isLive ? "  " + Say.live.text(speech) : "")
            + (release.isPacked ? "  " + Say.packed.text(speech) : "")
            + (release.subject.map { "  \($0)" } ?? "")))
    }
  }
}
