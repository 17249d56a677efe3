import ArgumentParser
import BantinIO

struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version",
    abstract: "Print bantin's version, the commit it was built from, and its libraries' versions.")

  func run() throws {
    for line in BuildInfo.lines { print(line) }
  }
}
