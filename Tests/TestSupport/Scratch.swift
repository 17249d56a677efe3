import Foundation

/// A temporary folder for one test, removed when the test ends.
public final class Scratch {
  public let path: String

  /// An empty folder, or a site folder holding `files` (relative path → text).
  public init(_ files: [String: String] = [:]) throws {
    path = NSTemporaryDirectory() + "bantin-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (relative, text) in files { try write(relative, text) }
  }

  /// An empty folder on the disk that holds the repository (its `.build-scratch/`),
  /// not in the temporary folder, which may be a tmpfs: some file systems (ext4)
  /// behave differently, and bugs have hidden on tmpfs. `isTmpfs` says where it is.
  public init(onDisk: Bool) throws {
    guard onDisk else {
      self.path = NSTemporaryDirectory() + "bantin-test-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      return
    }
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    path = root.path + "/.build-scratch/" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Whether the folder is on a tmpfs (memory), not a disk.
  public var isTmpfs: Bool {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/stat")
    process.arguments = ["-f", "-c", "%T", path]
    process.standardOutput = output
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    let type = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return type.trimmingCharacters(in: .whitespacesAndNewlines) == "tmpfs"
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` at `relative`, making its folders.
  public func write(_ relative: String, _ text: String) throws {
    try write(relative, Data(text.utf8))
  }

  public func write(_ relative: String, _ data: Data) throws {
    let url = URL(fileURLWithPath: path + "/" + relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// Every file under `relative`, with its bytes: a snapshot to compare.
  public func snapshot(_ relative: String) -> [String: Data] {
    let root = path + "/" + relative
    var files: [String: Data] = [:]
    for sub in FileManager.default.subpaths(atPath: root) ?? [] {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + sub, isDirectory: &isFolder)
      if !isFolder.boolValue { files[sub] = FileManager.default.contents(atPath: root + "/" + sub) }
    }
    return files
  }

  public func entries(_ relative: String = "") -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relative)) ?? []).sorted()
  }
}
