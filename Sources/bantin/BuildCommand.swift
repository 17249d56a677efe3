import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct BuildCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "build",
      abstract: Say.Help.build.text(.command),
      discussion: Say.Help.buildDiscussion.text(.command)
    )
  }

  @OptionGroup var site: SiteOptions

  @Option(name: .long, help: ArgumentHelp(Say.Help.output, valueName: "dir"))
  var output: String?

  @Flag(name: .long, help: ArgumentHelp(Say.Help.drafts))
  var drafts = false

  @Flag(name: .long, help: ArgumentHelp(Say.Help.future))
  var future = false

  @Flag(
    name: .long,
    help: ArgumentHelp(Say.Help.relativeURLs))
  var relativeUrls = false

  @Flag(
    name: .long,
    help: ArgumentHelp(Say.Help.noCache))
  var noCache = false

  @Option(
    name: .long,
    help: ArgumentHelp(Say.Help.markdownBudget, valueName: "seconds"))
  var markdownBudget: Double = 10

  func run() throws {
    let logger = site.makeLogger()
    let started = ContinuousClock.now
    let outputFolder = output ?? site.root + "/public"
    try site.requireSite()
    if let problem = Publisher(siteRoot: site.root, output: outputFolder).outputProblem() {
      if problem.isUsage { throw ValidationError(problem.said.text(site.speech)) }
      throw ExitStatus.failure(problem.said, site.speech)
    }
    var build = BuildConfig(now: Timestamp(Date()), includeDrafts: drafts, includeFuture: future)
    build.relativeURLs = relativeUrls
    if site.verbose {
      let stages = StageClock()
      build.stageEnded = { stage in logger.debug("\(stages.lap()) \(stage)") }
    }
    let publisher = Publisher(siteRoot: site.root, output: outputFolder)
    let speech = site.speech
    let progress = site.verbose ? nil : ProgressLine.make(speech: speech, quiet: site.quiet)
    build.progress = progress?.1
    let watchdog = MarkdownWatchdog(seconds: markdownBudget) { path, took in
      progress?.0.clear()
      StandardError.write(
        "\(path): error: rendering its Markdown took more than \(String(format: "%g", markdownBudget)) s "
          + "(the Markdown library, cmark 0.30.2, is slow on some inputs): the build is stopped; "
          + "\(outputFolder) is unchanged")
      publisher.discardStaging()
      Foundation.exit(ExitStatus.contentErrors.rawValue)
    }
    build.markdownWatch = watchdog.hook
    watchdog.start()
    defer { watchdog.stop() }
    let outcome: SiteBuild.Outcome
    do {
      var siteBuild = SiteBuild(root: site.root, output: outputFolder, build: build, usesCache: !noCache)
      siteBuild.leavesMemoryToExit = true
      outcome = try siteBuild.run()
      progress?.0.clear()
    } catch {
      progress?.0.clear()
      StandardError.write(Say.commandFailed(Say.buildStopped("\(error)", unchanged: outputFolder)).text(speech))
      throw ExitStatus.contentErrors
    }
    DiagnosticPrinter.print(outcome.diagnostics, speech)
    guard !outcome.diagnostics.hasErrors else {
      StandardError.write(
        Say.errorCount(outcome.diagnostics.errors.count, unchanged: outputFolder).text(speech))
      throw ExitStatus.contentErrors
    }
    if let problem = outcome.cacheProblem {
      StandardError.write(
        "bantin: warning: the build cache could not be saved (\(problem)): the next build is a whole one")
    }
    if site.quiet { return }
    let elapsed = started.duration(to: .now)
    let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    if outcome.upToDate {
      print(Say.upToDate(outputFolder, milliseconds: Int(milliseconds)).text(speech))
    } else {
      print(
        Say.built(
          outputFolder, milliseconds: Int(milliseconds), written: outcome.written, unchanged: outcome.kept,
          removed: outcome.removed
        ).text(speech))
    }
    print(SummaryTable(outcome.summary, speech).text, terminator: "")
  }
}

/// Times the stages of a build for `--verbose`.
final class StageClock: @unchecked Sendable {
  private let lock = NSLock()
  private var last = ContinuousClock.now

  /// Milliseconds since the last lap, as text.
  func lap() -> String {
    lock.withLock {
      let now = ContinuousClock.now
      let elapsed = last.duration(to: now)
      last = now
      let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
      return String(format: "%7.1f ms %5d MiB", milliseconds, StageClock.residentMiB())
    }
  }
}

extension StageClock {
  /// The memory the process holds now (VmRSS), in MiB.
  static func residentMiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
  }
}

/// The build summary, as Hugo prints it: one count a line.
struct SummaryTable {
  let rows: [(String, Int)]

  init(_ summary: BuildSummary, _ speech: Speech = .english) {
    let counts = [
      summary.pages, summary.articles, summary.sections, summary.terms, summary.feeds, summary.aliases,
      summary.filesCopied, summary.draftsSkipped, summary.futureSkipped, summary.expiredSkipped,
    ]
    rows = zip(Say.summaryRows, counts).map { ($0.text(speech), $1) }
  }

  var text: String {
    let width = rows.map(\.0.count).max() ?? 0
    let digits = rows.map { String($0.1).count }.max() ?? 0
    return rows.map { name, count in
      "  " + name + String(repeating: " ", count: width - name.count) + "  "
        + String(repeating: " ", count: digits - String(count).count) + String(count) + "\n"
    }.joined()
  }
}
