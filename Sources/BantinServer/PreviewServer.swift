import BantinCore
import BantinIO
import Dispatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// How `bantin serve` runs.
public struct PreviewOptions: Sendable {
  public var root: String
  public var host: String
  /// 0 lets the system choose a free port.
  public var port: Int
  public var includeDrafts: Bool
  public var includeFuture: Bool
  /// Connections idle (or stalled half-way through a request) this many seconds are closed.
  public var idleSeconds = 30
  /// A file whose Markdown takes longer than this many seconds to render is reported
  /// while the build goes on (libcmark cannot be stopped).
  public var markdownBudget = 10.0
  /// Which files are derived from assets and the recipes that make them.
  public var derivedRules: [any DerivedRule] = DerivedRules.standard
  public var recipes: [any DerivedRecipe] = DerivedRecipes.standard
  /// The language of messages when set (`--lang`, `BANTIN_LANG`); else the site's.
  public var lang: String?

  /// Where derived files are kept: the site's `.bantin-cache/derived/`, as `bantin build`'s.
  var derivedStore: DerivedStore {
    DerivedStore(cache: root + "/" + BuildCache.folderName, siteRoot: root, recipes: recipes)
  }

  public init(root: String, host: String, port: Int, includeDrafts: Bool, includeFuture: Bool) {
    self.root = root
    self.host = host
    self.port = port
    self.includeDrafts = includeDrafts
    self.includeFuture = includeFuture
  }
}

/// What the preview tells the person running it.
public struct PreviewReport: Sendable {
  /// The server listens at this address.
  public var ready: @Sendable (String) -> Void
  /// A build ended: its diagnostics, a summary line, and the language to say them in.
  public var built: @Sendable ([Diagnostic], String, Speech) -> Void

  public init(
    ready: @escaping @Sendable (String) -> Void, built: @escaping @Sendable ([Diagnostic], String, Speech) -> Void
  ) {
    self.ready = ready
    self.built = built
  }
}

/// The preview server: builds the site into memory, serves it, rebuilds when a file
/// changes and tells open pages to reload, until SIGINT or SIGTERM.
public struct PreviewServer: Sendable {
  public let options: PreviewOptions
  public let report: PreviewReport
  let state = PreviewState()
  let hub = LiveReloadHub()

  public init(options: PreviewOptions, report: PreviewReport) {
    self.options = options
    self.report = report
  }

  public func run() async throws {
    let watcher = try SiteWatcher(root: options.root)
    let (ports, portContinuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "bantin.serve")
    logger.logLevel = .error
    let responder = PreviewResponder(
      state: state, hub: hub, policy: RequestPolicy(bindHost: options.host), siteRoot: options.root,
      derived: options.derivedStore)
    let app = Application(
      responder: responder,
      server: .http1(configuration: .init(idleTimeout: .seconds(Int64(options.idleSeconds)))),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: "bantin"),
      onServerRunning: { channel in
        portContinuation.yield(channel.localAddress?.port ?? 0)
        portContinuation.finish()
      },
      logger: logger)
    let builder = RebuildService(
      options: options, report: report, state: state, hub: hub, watcher: watcher, ports: ports)
    let group = ServiceGroup(
      configuration: .init(services: [app, builder], gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
    try await group.run()
  }
}

/// Builds once the server listens, then again after every change, on threads of
/// its own so requests are answered during a build.
struct RebuildService: Service {
  let options: PreviewOptions
  let report: PreviewReport
  let state: PreviewState
  let hub: LiveReloadHub
  let watcher: SiteWatcher
  let ports: AsyncStream<Int>

  func run() async throws {
    await withGracefulShutdownHandler {
      var port = options.port
      for await bound in ports { port = bound }
      let host = options.host.contains(":") ? "[\(options.host)]" : options.host
      let address = "http://\(host):\(port)/"
      let changes = watcher.changes()
      // Said before the first build ends (a slow file), in the site's language.
      state.speech = Speech.forSite(language: SiteFolder(root: options.root).config().0.language, lang: options.lang)
      var memo: BuildMemo?
      memo = await rebuild(address: address, memo: memo, changed: [])
      report.ready(address)
      for await batch in changes {
        memo = await rebuild(address: address, memo: memo, changed: batch)
      }
    } onGracefulShutdown: {
      watcher.stop()
      hub.finishAll()
    }
  }

  /// One build, off the cooperative thread pool; the snapshot is swapped when it ends.
  func rebuild(address: String, memo: BuildMemo?, changed: SiteWatcher.Batch) async -> BuildMemo? {
    let options = self.options
    let started = ContinuousClock.now
    let outcome = await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let (tree, loadProblems) = SourceTree.load(root: options.root)
        var build = BuildConfig(
          now: Timestamp(Date()), includeDrafts: options.includeDrafts, includeFuture: options.includeFuture,
          baseURL: SiteURL(origin: String(address.dropLast()), basePath: "/"))
        build.brokenLinksAreErrors = false
        build.derivedRules = options.derivedRules
        build.derivedFiles = options.derivedStore
        let watchdog = slowMarkdownWatchdog(budget: options.markdownBudget)
        build.markdownWatch = watchdog.hook
        watchdog.start()
        defer { watchdog.stop() }
        let (result, next, reuse) = Pipeline(build: build).run(tree, memo: memo)
        let language = result.site?.config.language ?? SiteFolder(root: options.root).config().0.language
        continuation.resume(returning: (result, (loadProblems + result.diagnostics).sorted(), next, reuse, language))
      }
    }
    let (result, diagnostics, next, reuse, language) = outcome
    let speech = Speech.forSite(language: language, lang: options.lang)
    state.speech = speech
    let elapsed = started.duration(to: .now)
    let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    let files = changed.sorted().prefix(3).joined(separator: ", ")
    if diagnostics.hasErrors {
      let lines = diagnostics.errors.map { $0.text(speech) }
      // The overlay's title, then the problems.
      let shown = [Say.previewFailed.text(speech)] + lines
      state.fail(shown)
      hub.broadcast(.problems(shown))
      report.built(diagnostics, Say.previewBuildFailed(count: lines.count, after: files).text(speech), speech)
      return memo
    }
    // Warnings an editor would not see in the terminal: a notice, folded, on every page.
    let warnings = diagnostics.warnings.map { $0.text(speech) }
    let notice =
      warnings.isEmpty
      ? [] : [Say.previewWarnings(count: warnings.count).text(speech)] + warnings.prefix(LiveReloadPage.noticeLines)
    let generation = state.publish(result.files, warnings: notice)
    hub.broadcast(.reload(generation: generation))
    report.built(
      diagnostics,
      Say.previewBuilt(
        after: files, milliseconds: Int(milliseconds), pages: result.summary.pages, kept: reuse.pages
      ).text(speech), speech)
    return next
  }

  /// Tells the terminal and every open page about a file whose Markdown is slow to
  /// render; the last good build stays served until this one ends.
  func slowMarkdownWatchdog(budget seconds: Double) -> MarkdownWatchdog {
    let (state, hub, report) = (state, hub, report)
    return MarkdownWatchdog(seconds: seconds) { path, _ in
      let problem = Diagnostic(.error, in: path, Say.slowMarkdown(seconds: String(format: "%g", seconds)))
      let speech = state.speech
      let shown = [Say.previewFailed.text(speech), problem.text(speech)]
      state.fail(shown)
      hub.broadcast(.problems(shown))
      report.built([problem], Say.previewStalled.text(speech), speech)
    }
  }
}
