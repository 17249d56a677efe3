import Foundation

/// Paths of the repository, found from this file's place in it.
public enum Repository {
  public static let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  public static let fixtures = root + "/Tests/EndToEndTests/Fixtures"

  /// The bantin binary that `swift build` made beside the tests (in the same build
  /// folder, so that an AddressSanitizer run of the tests runs its bantin).
  public static var binary: String {
    let tests = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    var folder = URL(fileURLWithPath: tests).deletingLastPathComponent()
    if folder.lastPathComponent.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
    let candidates =
      [folder.path + "/bantin"] + [".build/debug/bantin", ".build/release/bantin"].map { root + "/" + $0 }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
  }
}

/// What a run of the bantin binary printed and returned.
public struct Run {
  public var status: Int32
  public var output: String
  public var errors: String
}

/// Runs the real `bantin` binary, as editors and git hooks do.
public func bantin(_ arguments: [String], in folder: String? = nil, language: String = "en") throws -> Run {
  try runProcess(Repository.binary, arguments, in: folder, language: language)
}

/// Runs a program and waits for it, reading its output and errors at once (a
/// child that fills one pipe while the other is read would wait for ever).
///
/// bantin speaks a Vietnamese site's language; tests read its messages in English
/// (`BANTIN_LANG=en`, which git hands on to the hooks) unless `language` says `vi`.
public func runProcess(_ executable: String, _ arguments: [String], in folder: String? = nil, language: String = "en")
  throws -> Run
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  var environment = ProcessInfo.processInfo.environment
  environment["BANTIN_LANG"] = language
  process.environment = environment
  if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  nonisolated(unsafe) var err = Data()
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) { err = errors.fileHandleForReading.readDataToEndOfFile() }
  let out = output.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
    errors: String(decoding: err, as: UTF8.self))
}

@discardableResult
public func gitRun(_ arguments: [String], in folder: String, language: String = "en") throws -> Run {
  try runProcess("/usr/bin/env", ["git"] + arguments, in: folder, language: language)
}

public func git(_ arguments: [String], in folder: String) throws {
  let run = try gitRun(arguments, in: folder)
  guard run.status == 0 else { throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(run.errors)") }
}

/// A failure a test throws, with what went wrong.
public struct TestFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// The number of a process that has ended and been waited for: a work folder
/// named with it was left by a build that no longer runs (small numbers such as 17
/// may be the kernel's own threads, alive).
public func endedProcessID() throws -> Int32 {
  let ended = Process()
  ended.executableURL = URL(fileURLWithPath: "/bin/true")
  try ended.run()
  ended.waitUntilExit()
  return ended.processIdentifier
}
