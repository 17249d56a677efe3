import ArgumentParser
import BantinCore
import BantinIO

struct VersionCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "version",
      abstract: Say.Help.version.text(.command))
  }

  func run() throws {
    for line in BuildInfo.lines(.command) { print(line) }
  }
}
