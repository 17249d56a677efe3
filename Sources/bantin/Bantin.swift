import ArgumentParser
import BantinCore
import BantinIO
import Foundation
import Logging

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Bantin: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "bantin",
      abstract: Say.Help.bantin.text(.command),
      version: BantinVersion.string,
      subcommands: [
        BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, HookCommand.self,
        RollbackCommand.self, ReleasesCommand.self, CacheCommand.self, InitCommand.self, ThemeCommand.self,
        VersionCommand.self,
      ]
    )
  }

  /// The argument parser's own `main`, but what it writes itself (the headings of
  /// `--help`, "Error:", "Missing value for") is said in the run's language.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      let text = Speech.command.parserText(fullMessage(for: error))
      // Written as it is: the help text has its own line breaks and columns.
      if !text.isEmpty { writeRaw(text + "\n", to: code == .success ? 1 : 2) }
      Glibc.exit(code.rawValue)
    }
  }
}

extension Speech {
  /// The language of this run of bantin, for what is said before a command runs
  /// (`--help`, a wrong option) and by commands without a site folder: `--lang`,
  /// else `BANTIN_LANG`, else the language of the site named by `--source` (the
  /// current folder by default) or of a `--web-root`'s published checkout.
  static let command: Speech = {
    let arguments = Array(CommandLine.arguments.dropFirst())
    func value(of option: String) -> String? {
      for (index, argument) in arguments.enumerated() {
        if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
        if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
      }
      return nil
    }
    let lang = value(of: "--lang").flatMap { Speech.isKnown($0) ? $0 : nil }
    let site = value(of: "--web-root").map { $0 + "/.bantin-work/checkout" } ?? value(of: "--source") ?? "."
    return Speech.of(site: site, lang: lang)
  }()

  /// Text the argument parser wrote, in this language.
  func parserText(_ english: String) -> String {
    guard self == .vietnamese else { return english }
    return Say.Help.parserWords.reduce(english) { text, word in
      text.replacingOccurrences(of: word.english, with: word.vietnamese)
    }
  }
}

extension ArgumentHelp {
  /// A line of `--help` in the run's language.
  init(_ said: Message, valueName: String? = nil) {
    self.init(said.text(.command), valueName: valueName)
  }
}

enum BantinVersion {
  static let string = BantinCore.version
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp(Say.Help.source, valueName: "dir"))
  var source: String = "."

  @Flag(name: .shortAndLong, help: ArgumentHelp(Say.Help.verbose))
  var verbose = false

  @Flag(name: .shortAndLong, help: ArgumentHelp(Say.Help.quiet))
  var quiet = false

  @Option(name: .long, help: ArgumentHelp(Say.Help.lang, valueName: "code"))
  var lang: String?

  /// The language to speak to whoever runs the command.
  var speech: Speech { Speech.of(site: root, lang: lang) }

  func validate() throws {
    if let lang, !Speech.isKnown(lang) { throw ValidationError(Say.unknownLang(lang).text(.command)) }
  }

  /// The source folder without a trailing slash.
  var root: String {
    source.count > 1 && source.hasSuffix("/") ? String(source.dropLast()) : source
  }

  func makeLogger() -> Logger {
    LoggingSystem.bootstrap { label in
      var handler = StandardErrorLog(label: label)
      handler.logLevel = verbose ? .debug : .notice
      return handler
    }
    return Logger(label: "bantin")
  }
}

extension Speech {
  /// `--lang`, else `BANTIN_LANG`, else the language of the site at `root` (its
  /// `site.yml`; Vietnamese when it has none).
  static func of(site root: String?, lang: String?) -> Speech {
    let language = root.map { SiteFolder(root: $0).config().0.language }
    return Speech.forSite(language: language, lang: lang)
  }
}

/// Exit statuses: 0 done, 1 the site has errors or the work could not be done,
/// 64 wrong usage (and only then the usage text).
enum ExitStatus {
  static let contentErrors = ExitCode(1)

  /// Says why the work cannot be done (`bantin: error: …`), without the usage
  /// text, and returns the status to exit with: a folder that does not exist, no
  /// older release, no section to put an article in.
  static func failure(_ problem: Message, _ speech: Speech = .command) -> ExitCode {
    StandardError.write(Say.commandFailed(problem).text(speech))
    return ExitCode(1)
  }
}

extension SiteOptions {
  /// Fails (exit 1) unless the site folder exists and holds `content/`.
  func requireSite() throws {
    try ExitStatus.requireSite(root)
  }
}

extension ExitStatus {
  static func requireSite(_ root: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
      throw failure(Say.noSiteFolder(root))
    }
    guard FileManager.default.fileExists(atPath: root + "/content", isDirectory: &isFolder), isFolder.boolValue else {
      throw failure(Say.noContentFolder(root))
    }
  }
}
