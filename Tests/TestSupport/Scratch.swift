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
