import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache",
    abstract: "Look after the cache of processed photos.",
    subcommands: [CachePruneCommand.self]
  )
}

struct CachePruneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prune",
    abstract: "Remove processed photos the site no longer uses.",
    discussion: """
      Photos are processed once and kept by content in .bantin-cache/.derived/ beside \
      the output folder (a web root's .bantin-cache/.derived/ for the git hooks). \
      This removes every result the site's files no longer ask for (photos deleted, \
      replaced or published at other settings), counting drafts and scheduled \
      articles as used. Published sites and releases keep their files. With an \
      error in the site, nothing is removed.
      """
  )

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: ArgumentHelp("The output folder (default: <source>/public).", valueName: "dir"))
  var output: String?

  @Option(
    name: .customLong("web-root"),
    help: ArgumentHelp("Prune a web root's cache against its checkout (the git hooks' store).", valueName: "dir"))
  var webRoot: String?

  func run() throws {
    let root: String
    let cache: String
    if let webRoot {
      root = webRoot + "/.bantin-work/checkout"
      cache = ReleaseStore(webRoot: webRoot).cacheFolder
      guard FileManager.default.fileExists(atPath: root + "/content") else {
        throw ExitStatus.failure("\(webRoot) has no checkout of a site: publish to it with git first")
      }
    } else {
      try site.requireSite()
      root = site.root
      cache = Publisher.parent(of: output ?? site.root + "/public") + "/" + BuildCache.folderName
    }
    let outcome = CachePrune.run(root: root, cache: cache)
    DiagnosticPrinter.print(outcome.diagnostics)
    if outcome.diagnostics.hasErrors {
      throw ExitStatus.failure("the site has errors: nothing was removed, so that no photo in use is made again")
    }
    let megabytes = Double(outcome.removedBytes) / 1_048_576
    print(
      "Removed \(outcome.removed) processed photo\(outcome.removed == 1 ? "" : "s") (\(String(format: "%.1f", megabytes)) MiB) from \(cache)/.derived; kept \(outcome.kept)"
    )
  }
}
