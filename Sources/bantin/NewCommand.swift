import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct NewCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "new",
      abstract: Say.Help.new.text(.command),
      discussion: Say.Help.newDiscussion.text(.command)
    )
  }

  @Argument(help: ArgumentHelp(Say.Help.title, valueName: "title"))
  var title: String

  @Option(name: .long, help: ArgumentHelp(Say.Help.section, valueName: "section"))
  var section: String?

  @Option(name: .long, help: ArgumentHelp(Say.Help.source, valueName: "dir"))
  var source: String = "."

  func run() throws {
    let root = source.count > 1 && source.hasSuffix("/") ? String(source.dropLast()) : source
    try ExitStatus.requireSite(root)
    let folder = SiteFolder(root: root)
    let (config, problems) = folder.config()
    let speech = Speech.of(site: root, lang: nil)
    DiagnosticPrinter.print(problems, speech)
    guard !problems.hasErrors else { throw ExitStatus.contentErrors }
    guard let article = NewArticle(title: title, date: Timestamp(Date())) else {
      throw ValidationError(Say.titleWithoutLetters(title).text(speech))
    }
    do {
      let path = try folder.create(article, section: section, clock: config.clock)
      print(path)
    } catch let problem as SiteFolder.Problem {
      throw ExitStatus.failure(problem.said, speech)
    }
  }
}
