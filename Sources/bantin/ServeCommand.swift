import ArgumentParser
import BantinCore
import BantinServer

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site: build it into memory, serve it, rebuild and reload on every change.",
    discussion: """
      Never writes public/. Drafts and scheduled articles are shown, marked as such. \
      When a build fails, the terminal and every open page show its errors, and the \
      last good site stays served. Stop with Ctrl-C.
      """
  )

  @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "dir"))
  var source: String = "."

  @Option(name: .long, help: "The port to listen on (0: any free port).")
  var port: Int = 1313

  @Option(name: .long, help: "The address to listen on; other computers can reach anything but loopback.")
  var host: String = "127.0.0.1"

  @Option(name: .long, help: "Close connections idle for this many seconds.")
  var idleTimeout: Int = 30

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Report a file whose Markdown takes longer than this to render; the last good site stays served.",
      valueName: "seconds"))
  var markdownBudget: Double = 10

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of messages: vi or en (default: BANTIN_LANG, else the site's language).", valueName: "code"))
  var lang: String?

  @Flag(inversion: .prefixedNo, help: "Show articles marked draft: true.")
  var drafts = true

  @Flag(inversion: .prefixedNo, help: "Show articles dated in the future.")
  var future = true

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be at least 1 second") }
    guard markdownBudget > 0 else { throw ValidationError("--markdown-budget must be more than 0 seconds") }
    if let lang, !Speech.isKnown(lang) { throw ValidationError("--lang must be vi or en, not '\(lang)'") }
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
      StandardError.write("bantin: error: \(error)")
      throw ExitStatus.contentErrors
    }
  }
}
