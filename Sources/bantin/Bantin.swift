import ArgumentParser
import BantinCore
import BantinIO
import Foundation
import Logging

@main
struct Bantin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bantin",
    abstract: "A static news-site generator for Vietnamese local-government news.",
    version: BantinVersion.string,
    subcommands: [
      BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, HookCommand.self, RollbackCommand.self,
      ReleasesCommand.self, CacheCommand.self, InitCommand.self, ThemeCommand.self, VersionCommand.self,
    ]
  )
}

enum BantinVersion {
  static let string = BantinCore.version
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "dir"))
  var source: String = "."

  @Flag(name: .shortAndLong, help: "Print what each step does.")
  var verbose = false

  @Flag(name: .shortAndLong, help: "Print problems only: no progress line, no summary.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The language of messages: vi or en (default: BANTIN_LANG, else the site's language).", valueName: "code"))
  var lang: String?

  /// The language to speak to whoever runs the command.
  var speech: Speech { Speech.of(site: root, lang: lang) }

  func validate() throws {
    if let lang, !Speech.isKnown(lang) { throw ValidationError("--lang must be vi or en, not '\(lang)'") }
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
  static func failure(_ message: String) -> ExitCode {
    StandardError.write("bantin: error: \(message)")
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
      throw failure("the site folder \(root) does not exist")
    }
    guard FileManager.default.fileExists(atPath: root + "/content", isDirectory: &isFolder), isFolder.boolValue else {
      throw failure(
        "\(root) has no content/ folder: a site folder holds content/, and optionally templates/, static/ and site.yml")
    }
  }
}
