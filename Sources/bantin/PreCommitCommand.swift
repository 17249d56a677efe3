import ArgumentParser
import BantinCore
import BantinIO
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct PreCommit: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(
      commandName: "pre-commit",
      abstract: Say.Help.preCommit.text(.command))
  }

  func run() throws {
    // The staged files are checked out inside the repository's git folder (never
    // /tmp), in a work folder the next commit removes if this one is killed.
    let here = FileManager.default.currentDirectoryPath
    let gitDir = try Subprocess.git(["rev-parse", "--absolute-git-dir"], in: here).run()
    guard gitDir.succeeded else { throw ExitStatus.failure(Say.notInGit(gitDir.errors)) }
    let parent = gitDir.output.trimmingCharacters(in: .whitespacesAndNewlines) + "/bantin-work"
    WorkFolder.removeStale(in: parent, prefix: "staged-")
    let folder = try WorkFolder(in: parent, prefix: "staged-")
    defer { folder.remove() }
    let work = folder.path
    let export = try Subprocess.git(["checkout-index", "-a", "-f", "--prefix=\(work)/"], in: here).run()
    guard export.succeeded else {
      say(Say.stagedUnreadable(export.errors).text(.command))
      throw ExitCode(1)
    }
    guard FileManager.default.fileExists(atPath: work + "/content") else { return }  // no site staged
    let diagnostics = SiteCheck.run(root: work).diagnostics
    let speech = Speech.of(site: work, lang: nil)
    DiagnosticPrinter.print(diagnostics, speech)
    if diagnostics.hasErrors {
      say(Say.commitRefused.text(speech))
      throw ExitCode(1)
    }
  }
}
