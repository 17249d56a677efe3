import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct CheckCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "check",
      abstract: Say.Help.check.text(.command),
      discussion: Say.Help.checkDiscussion.text(.command)
    )
  }

  @OptionGroup var site: SiteOptions

  @Flag(name: .long, help: ArgumentHelp(Say.Help.checkDrafts))
  var drafts = false

  @Flag(name: .long, help: ArgumentHelp(Say.Help.checkFuture))
  var future = false

  func run() throws {
    try site.requireSite()
    let result = SiteCheck.run(root: site.root, includeDrafts: drafts, includeFuture: future)
    let diagnostics = result.diagnostics
    let speech = site.speech
    DiagnosticPrinter.print(diagnostics, speech)
    let errors = diagnostics.errors.count
    let warnings = diagnostics.warnings.count
    print(
      Say.checked(site.root, pages: result.summary.pages, errors: errors, warnings: warnings).text(speech))
    if errors > 0 { throw ExitStatus.contentErrors }
  }
}
