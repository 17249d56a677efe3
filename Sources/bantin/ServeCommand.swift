import ArgumentParser
import BantinCore
import BantinServer

struct ServeCommand: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "serve",
      abstract: Say.Help.serve.text(.command),
      discussion: Say.Help.serveDiscussion.text(.command)
    )
  }

  @Option(name: .long, help: ArgumentHelp(Say.Help.source, valueName: "dir"))
  var source: String = "."

  @Option(name: .long, help: ArgumentHelp(Say.Help.port))
  var port: Int = 1313

  @Option(name: .long, help: ArgumentHelp(Say.Help.host))
  var host: String = "127.0.0.1"

  @Option(name: .long, help: ArgumentHelp(Say.Help.idleTimeout))
  var idleTimeout: Int = 30

  @Option(
    name: .long,
    help: ArgumentHelp(Say.Help.serveMarkdownBudget, valueName: "seconds"))
  var markdownBudget: Double = 10

  @Option(
    name: .long,
    help: ArgumentHelp(Say.Help.lang, valueName: "code"))
  var lang: String?

  @Flag(inversion: .prefixedNo, help: ArgumentHelp(Say.Help.serveDrafts))
  var drafts = true

  @Flag(inversion: .prefixedNo, help: ArgumentHelp(Say.Help.serveFuture))
  var future = true

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError(Say.portRange.text(.command)) }
    guard idleTimeout > 0 else { throw ValidationError(Say.atLeastOneSecond("--idle-timeout").text(.command)) }
    guard markdownBudget > 0 else {
      throw ValidationError(Say.moreThanZeroSeconds("--markdown-budget").text(.command))
    }
    if let lang, !Speech.isKnown(lang) { throw ValidationError(Say.unknownLang(lang).text(.command)) }
  }

  func run() async throws {
    let root = source.count > 1 && source.hasSuffix("/") ? String(source.dropLast()) : source
    try ExitStatus.requireSite(root)
    var options = PreviewOptions(
      root: root, host: host, port: port, includeDrafts: drafts, includeFuture: future)
    options.idleSeconds = idleTimeout
    options.markdownBudget = markdownBudget
    options.lang = lang
    let speech = Speech.of(site: root, lang: lang)
    let report = PreviewReport(
      ready: { address in
        StandardOutput.write(Say.serving(root, at: address).text(speech))
      },
      built: { diagnostics, summary, speech in
        DiagnosticPrinter.print(diagnostics, speech)
        StandardOutput.write(summary)
      })
    do {
      try await PreviewServer(options: options, report: report).run()
    } catch {
      StandardError.write(Say.commandFailed(Say.cannotServe("\(error)")).text(speech))
      throw ExitStatus.contentErrors
    }
  }
}
