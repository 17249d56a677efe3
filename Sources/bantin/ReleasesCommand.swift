import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
        VisibleText.escaping(
          "\(release.isLive ? "*" : " ") \(release.name)  \(release.time)  \(commit)\(release.isLive ? "  (live)" : "")"
            + (release.isPacked ? "  (packed)" : "") + (release.subject.map { "  \($0)" } ?? "")))
    }
  }
}
