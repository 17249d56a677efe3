import Foundation

/// Runs a program (git, tar) and waits for it, collecting what it printed.
public struct Subprocess: Sendable {
  public struct Outcome: Sendable {
    public var status: Int32
    public var output: String
    public var errors: String

    public var succeeded: Bool { status == 0 }
  }

  public var executable: String
  public var arguments: [String]
  public var directory: String?
  public var environment: [String: String]?

  public init(
    _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil
  ) {
    self.executable = executable
    self.arguments = arguments
    self.directory = directory
    self.environment = environment
  }

  /// Runs `git` (found on the PATH).
  public static func git(_ arguments: [String], in directory: String) -> Subprocess {
    Subprocess("/usr/bin/env", ["git"] + arguments, in: directory)
  }

  public func run() throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the program runs, so a full pipe never blocks it.
    let collected = Collected()
    let group = DispatchGroup()
    for (pipe, isError) in [(output, false), (errors, true)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.store(data, isError: isError)
        group.leave()
      }
    }
    process.waitUntilExit()
    group.wait()
    return Outcome(
      status: process.terminationStatus, output: collected.text(isError: false),
      errors: collected.text(isError: true))
  }
}

private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var output = Data()
  private var errors = Data()
  func store(_ data: Data, isError: Bool) { lock.withLock { if isError { errors = data } else { output = data } } }
  func text(isError: Bool) -> String { lock.withLock { String(decoding: isError ? errors : output, as: UTF8.self) } }
}
