import BantinCore
import Foundation

/// The hooks folder of a repository, and the hooks bantin writes there.
public struct GitHooks: Sendable {
  public let repository: String

  public init(repository: String) { self.repository = repository }

  /// A line in every hook bantin writes, so it knows its own.
  static let signature = "# bantin-hook:"

  /// True for a bare repository, false for a clone, nil when it is not one.
  public var isBare: Bool? {
    guard let outcome = try? Subprocess.git(["rev-parse", "--is-bare-repository"], in: repository).run(),
      outcome.succeeded
    else { return nil }
    return outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
  }

  public var folder: String {
    let outcome = try? Subprocess.git(["rev-parse", "--git-path", "hooks"], in: repository).run()
    let path = outcome?.output.trimmingCharacters(in: .whitespacesAndNewlines) ?? "hooks"
    return path.hasPrefix("/") ? path : repository + "/" + path
  }

  public func path(of name: String) -> String { folder + "/" + name }

  /// The path of a hook that exists and is not bantin's.
  public func foreignHook(_ name: String) -> String? {
    let path = path(of: name)
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self).contains(GitHooks.signature) ? nil : path
  }

  /// Writes an executable hook that runs `binary` with `arguments`.
  public func install(_ name: String, binary: String, arguments: [String]) throws -> String {
    let path = path(of: name)
    let command = ([binary] + arguments).map(GitHooks.quote).joined(separator: " ")
    let script = """
      #!/bin/sh
      # Written by bantin hook install; bantin hook uninstall removes it.
      \(GitHooks.signature) \(name)
      exec \(command)

      """
    try POSIX.makeDirectory(folder)
    try? POSIX.remove(path + ".bantin-new")
    try POSIX.write(Array(script.utf8), to: path + ".bantin-new")
    guard chmod(path + ".bantin-new", 0o755) == 0, rename(path + ".bantin-new", path) == 0 else {
      throw FileSystemError.errno(path, "cannot install the hook")
    }
    return path
  }

  /// Removes the hook when bantin wrote it; returns whether it did.
  public func uninstall(_ name: String) throws -> Bool {
    let path = path(of: name)
    guard FileManager.default.fileExists(atPath: path), foreignHook(name) == nil else { return false }
    try POSIX.remove(path)
    return true
  }

  /// A word for `sh`, in single quotes.
  static func quote(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
