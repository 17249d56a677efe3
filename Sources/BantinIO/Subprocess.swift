import Foundation
import Synchronization

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
    let pid = process.processIdentifier
    Self.running.withLock { _ = $0.insert(pid) }
    defer { Self.running.withLock { _ = $0.remove(pid) } }
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

extension Subprocess {
  /// The programs running now, so that a process ending early can stop them.
  private static let running = Mutex<Set<pid_t>>([])

  /// Stops every program this process is running (SIGTERM, which git answers by
  /// removing its lock files) and waits a moment for them to end: for a process
  /// about to exit, whose children would otherwise run on without it.
  public static func stopAll() {
    let pids = running.withLock { $0 }
    for pid in pids { kill(pid, SIGTERM) }
    let deadline = ContinuousClock.now + .seconds(2)
    while ContinuousClock.now < deadline, running.withLock({ !$0.isEmpty }) {
      Thread.sleep(forTimeInterval: 0.01)
    }
  }
}

private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var output = Data()
  private var errors = Data()
  func store(_ data: Data, isError: Bool) { lock.withLock { if isError { errors = data } else { output = data } } }
  func text(isError: Bool) -> String { lock.withLock { String(decoding: isError ? errors : output, as: UTF8.self) } }
}
