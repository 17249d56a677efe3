import ArgumentParser
import BantinCore
import Logging

@main
struct Bantin: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bantin",
    abstract: "A static news-site generator for Vietnamese local-government news.",
    version: BantinVersion.string,
    subcommands: [
      BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, HookCommand.self, RollbackCommand.self,
      ReleasesCommand.self,
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

/// Exit statuses: 0 built, 1 the site has errors, 64 wrong usage.
enum ExitStatus {
  static let contentErrors = ExitCode(1)
}
