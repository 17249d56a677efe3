import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct InitCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "init",
      abstract: Say.Help.initSite.text(.command),
      discussion: Say.Help.initDiscussion.text(.command)
    )
  }

  @Argument(help: ArgumentHelp(Say.Help.initFolder, valueName: "dir"))
  var folder: String = "."

  @Flag(name: .long, help: ArgumentHelp(Say.Help.initForce))
  var force = false

  func run() throws {
    do {
      let written = try StarterWriter.createSite(in: folder, now: Timestamp(Date()), force: force)
      print(Say.siteCreated(folder, files: written.count).text(.command))
      print(Say.siteNext(shellQuoted(folder)).text(.command))
    } catch let problem as StarterWriter.Problem {
      throw ExitStatus.failure(problem.said)
    }
  }
}

struct ThemeCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "theme",
      abstract: Say.Help.theme.text(.command),
      subcommands: [ThemeExportCommand.self]
    )
  }
}

struct ThemeExportCommand: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "export",
      abstract: Say.Help.themeExport.text(.command),
      discussion: Say.Help.themeExportDiscussion.text(.command)
    )
  }

  @Argument(help: ArgumentHelp(Say.Help.themeFolder, valueName: "dir"))
  var folder: String = "templates"

  @Flag(name: .long, help: ArgumentHelp(Say.Help.themeForce))
  var force = false

  func run() throws {
    do {
      let written = try StarterWriter.write(StarterSite.themeFiles, into: folder, replacing: force)
      print(Say.themeWritten(folder, files: written.count).text(.command))
    } catch let problem as StarterWriter.Problem {
      throw ExitStatus.failure(problem.said)
    }
  }
}

/// `path` as a shell reads it back: quoted when it holds anything but letters,
/// digits and `._/-` (a folder named "trang mới").
func shellQuoted(_ path: String) -> String {
  let plain = path.unicodeScalars.allSatisfy {
    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/-".unicodeScalars.contains($0))
  }
  return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
