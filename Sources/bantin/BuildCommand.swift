import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the site into its output folder (public/ by default).",
    discussion: """
      Reads content/, templates/, static/ and site.yml from the site folder and writes \
      the site into a staging folder beside the output folder, then swaps it in. When \
      any file has an error, every error is printed as path:line:col: error: message, \
      nothing is written, and the exit status is 1.
      """
  )

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: ArgumentHelp("The output folder (default: <source>/public).", valueName: "dir"))
  var output: String?

  @Flag(name: .long, help: "Also publish articles marked draft: true.")
  var drafts = false

  func run() throws {
    let logger = site.makeLogger()
    let started = ContinuousClock.now
    let outputFolder = output ?? site.root + "/public"
    let publisher = Publisher(siteRoot: site.root, output: outputFolder)
    if let problem = publisher.checkOutput() {
      throw ValidationError(problem)
    }

    let (tree, loadProblems) = SourceTree.load(root: site.root)
    logger.debug("read \(tree.files.count) files in \(started.duration(to: .now))")
    let build = BuildConfig(now: Timestamp(Date()), includeDrafts: drafts)
    var result = Pipeline(build: build).run(tree)
    result.diagnostics = (loadProblems + result.diagnostics).sorted()
    DiagnosticPrinter.print(result.diagnostics)
    guard !result.diagnostics.hasErrors else {
      let count = result.diagnostics.errors.count
      StandardError.write("bantin: \(count) error\(count == 1 ? "" : "s"); \(outputFolder) is unchanged")
      throw ExitStatus.contentErrors
    }
    logger.debug("rendered \(result.files.count) files in \(started.duration(to: .now))")
    do {
      try publisher.publish(result.files)
    } catch {
      StandardError.write("bantin: error: \(error); \(outputFolder) is unchanged")
      throw ExitStatus.contentErrors
    }
    let summary = result.summary
    let elapsed = started.duration(to: .now)
    let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    print(
      "Built \(outputFolder): \(summary.pages) pages (\(summary.articles) articles, \(summary.sections) sections), "
        + "\(summary.filesCopied) files copied, \(summary.draftsSkipped) drafts and \(summary.expiredSkipped) expired left out, in \(milliseconds) ms"
    )
  }
}
