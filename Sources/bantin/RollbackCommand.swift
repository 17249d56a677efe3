import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
