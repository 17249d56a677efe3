import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Create a new draft article as a page bundle and print its path.",
    discussion: """
      Writes content/<section>/<slug>/index.md with the title, today's date and time in \
      the site's time zone, the slug made from the title, and draft: true. Put the \
      article's photos in the same folder. Never replaces an existing article.
      """
  )

  @Argument(help: ArgumentHelp("The article's title, in quotes.", valueName: "title"))
  var title: String

  @Option(name: .long, help: ArgumentHelp("The section folder under content/.", valueName: "section"))
  var section: String?

  @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "dir"))
  var source: String = "."

  func run() throws {
    let root = source.count > 1 && source.hasSuffix("/") ? String(source.dropLast()) : source
    try ExitStatus.requireSite(root)
    let folder = SiteFolder(root: root)
    let (config, problems) = folder.config()
    DiagnosticPrinter.print(problems, Speech.of(site: root, lang: nil))
    guard !problems.hasErrors else { throw ExitStatus.contentErrors }
    guard let article = NewArticle(title: title, date: Timestamp(Date())) else {
      throw ValidationError("the title '\(title)' has no letters or digits to make a URL from")
    }
    do {
      let path = try folder.create(article, section: section, clock: config.clock)
      print(path)
    } catch let problem as SiteFolder.Problem {
      throw ExitStatus.failure(problem.description)
    }
  }
}
