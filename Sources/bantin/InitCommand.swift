import ArgumentParser
import BantinCore
import BantinIO
import Foundation

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new site that builds at once, with a guide for editors (HUONG-DAN.md).",
    discussion: """
      Writes site.yml (every setting, commented in Vietnamese), content/_index.md, a \
      section (content/tin-tuc/) with a sample article and its photo, data/viet-tat.yml, \
      .gitignore and HUONG-DAN.md into DIR (the current folder by default, made if \
      missing). Refuses a folder that is not empty unless --force.
      """
  )

  @Argument(help: ArgumentHelp("The new site's folder.", valueName: "dir"))
  var folder: String = "."

  @Flag(name: .long, help: "Write into a folder that is not empty (existing files are replaced).")
  var force = false

  func run() throws {
    do {
      let written = try StarterWriter.createSite(in: folder, now: Timestamp(Date()), force: force)
      print("Created a site in \(folder): \(written.count) files")
      print("Next: cd \(folder) && bantin serve   (then read HUONG-DAN.md)")
    } catch let problem as StarterWriter.Problem {
      throw ExitStatus.failure(problem.description)
    }
  }
}

struct ThemeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "theme",
    abstract: "Work with the default theme.",
    subcommands: [ThemeExportCommand.self]
  )
}

struct ThemeExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the default theme's templates, stylesheet and script into a folder (templates/).",
    discussion: """
      A site's templates/ overrides the default theme file by file: export it, change \
      what you need, and delete the files you did not change. Never replaces a file \
      unless --force.
      """
  )

  @Argument(help: ArgumentHelp("Where to write the theme.", valueName: "dir"))
  var folder: String = "templates"

  @Flag(name: .long, help: "Replace files that exist.")
  var force = false

  func run() throws {
    do {
      let written = try StarterWriter.write(StarterSite.themeFiles, into: folder, replacing: force)
      print("Wrote the default theme to \(folder): \(written.count) files")
    } catch let problem as StarterWriter.Problem {
      throw ExitStatus.failure(problem.description)
    }
  }
}
