import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct RollbackCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "rollback", abstract: Say.Help.rollback.text(.command))
  }

  @Option(name: .long, help: ArgumentHelp(Say.Help.webRoot, valueName: "dir"))
  var webRoot: String

  @Option(name: .long, help: ArgumentHelp(Say.Help.rollbackTo, valueName: "release"))
  var to: String?

  func run() throws {
    let store = ReleaseStore(webRoot: absolute(webRoot))
    guard FileManager.default.fileExists(atPath: store.releasesFolder) else {
      throw ExitStatus.failure(Say.hasNoReleases(webRoot))
    }
    let target: ReleaseStore.Release = try store.withLock {
      let releases = store.releases()
      guard !releases.isEmpty else { throw ExitStatus.failure(Say.hasNoReleases(webRoot)) }
      if let to {
        guard let named = releases.first(where: { $0.name == to }) else {
          throw ExitStatus.failure(Say.noSuchRelease(to, webRoot))
        }
        try store.switchTo(named.name)
        return named
      }
      guard let live = releases.firstIndex(where: \.isLive), live > 0 else {
        throw ExitStatus.failure(Say.nothingOlder)
      }
      try store.switchTo(releases[live - 1].name)
      return releases[live - 1]
    }
    print(Say.rolledBack(target.name, commit: target.commit.map { String($0.prefix(12)) }).text(.command))
  }
}
