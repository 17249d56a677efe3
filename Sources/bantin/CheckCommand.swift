import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Build the site in memory and report every problem, writing nothing.",
    discussion: """
      Reports, as path:line:col: error|warning: message, what a build reports (front \
      matter, missing images, two files at one URL) and also links to pages the site \
      does not have (errors) and images without alt text (warnings). Exit status 1 \
      when there is any error, 0 otherwise.
      """
  )

  @OptionGroup var site: SiteOptions

  @Flag(name: .long, help: "Also check articles marked draft: true.")
  var drafts = false

  @Flag(name: .long, help: "Also check articles dated in the future.")
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
