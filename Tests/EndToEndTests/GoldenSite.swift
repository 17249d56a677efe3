import BantinCore
import BantinIO
import Foundation

/// A whole site built from a folder and compared with its golden output, file by
/// file. `BANTIN_RECORD=1 swift test` writes the golden output anew; review the diff.
///
/// Pages and stylesheets are compared byte for byte under `expected/`; copied files
/// (photos) are listed with their source in `expected.copies`, and must exist.
struct GoldenSite {
  let site: String
  let expected: String
  let now = Timestamp(secondsSince1970: 1_795_658_400)  // 2026-11-26 09:00 in Vietnam

  init(site: String, expected: String) {
    self.site = site
    self.expected = expected
  }

  func build() -> BuildResult {
    let (tree, problems) = SourceTree.load(root: site)
    var result = Pipeline(build: BuildConfig.withPhotos(now: now, root: site)).run(tree)
    result.diagnostics = (problems + result.diagnostics).sorted()
    return result
  }

  /// Every difference between the build and the golden files, one line each.
  func differences() throws -> [String] {
    let result = build()
    if result.diagnostics.hasErrors { return result.diagnostics.map(\.description) }
    var pages: [String: [UInt8]] = [:]
    var copies: [String] = []
    for file in result.files {
      switch file.content {
      case .bytes(let bytes): pages[file.path.rawValue] = bytes
      case .unchanged: copies.append("unexpected unchanged \(file.path)")
      case .derived(let made): copies.append("\(file.path) <- \(made.name) of \(made.source)")
      case .copy(let source):
        copies.append("\(file.path) <- \(source)")
        if !FileManager.default.fileExists(atPath: site + "/" + source.rawValue) {
          copies.append("missing source \(source)")
        }
      }
    }
    let manifest = copies.sorted().joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["BANTIN_RECORD"] == "1" {
      try? FileManager.default.removeItem(atPath: expected)
      for (path, bytes) in pages {
        let url = URL(fileURLWithPath: expected + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
      }
      try Data(manifest.utf8).write(to: URL(fileURLWithPath: expected + ".copies"))
      return []
    }
    var differences: [String] = []
    let recorded = Set(
      FileManager.default.subpaths(atPath: expected)?.filter { path in
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: expected + "/" + path, isDirectory: &isFolder)
        return !isFolder.boolValue
      } ?? [])
    for path in recorded.subtracting(pages.keys).sorted() { differences.append("missing: \(path)") }
    for path in Set(pages.keys).subtracting(recorded).sorted() { differences.append("extra: \(path)") }
    for path in Set(pages.keys).intersection(recorded).sorted() {
      let golden = FileManager.default.contents(atPath: expected + "/" + path).map { [UInt8]($0) }
      if golden != pages[path] { differences.append("different: \(path)") }
    }
    let goldenManifest = FileManager.default.contents(atPath: expected + ".copies").map {
      String(decoding: $0, as: UTF8.self)
    }
    if goldenManifest != manifest { differences.append("different copies: \(manifest)") }
    return differences
  }
}
