import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct CacheCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "cache",
      abstract: Say.Help.cache.text(.command),
      subcommands: [CachePruneCommand.self]
    )
  }
}

struct CachePruneCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "prune",
      abstract: Say.Help.prune.text(.command),
      discussion: Say.Help.pruneDiscussion.text(.command)
    )
  }

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: ArgumentHelp(Say.Help.output, valueName: "dir"))
  var output: String?

  @Option(
    name: .customLong("web-root"),
    help: ArgumentHelp(Say.Help.pruneWebRoot, valueName: "dir"))
  var webRoot: String?

  func run() throws {
    let root: String
    let cache: String
    if let webRoot {
      root = webRoot + "/.bantin-work/checkout"
      cache = ReleaseStore(webRoot: webRoot).cacheFolder
      guard FileManager.default.fileExists(atPath: root + "/content") else {
        throw ExitStatus.failure(Say.noCheckout(webRoot))
      }
    } else {
      try site.requireSite()
      root = site.root
      cache = Publisher.parent(of: output ?? site.root + "/public") + "/" + BuildCache.folderName
    }
    let outcome = CachePrune.run(root: root, cache: cache)
    let speech = Speech.of(site: root, lang: site.lang)
    DiagnosticPrinter.print(outcome.diagnostics, speech)
    if outcome.diagnostics.hasErrors { throw ExitStatus.failure(Say.pruneRefused, speech) }
    let megabytes = String(format: "%.1f", Double(outcome.removedBytes) / 1_048_576)
    print(
      Say.pruned(outcome.removed, mebibytes: megabytes, from: cache + "/.derived", kept: outcome.kept).text(speech))
  }
}
