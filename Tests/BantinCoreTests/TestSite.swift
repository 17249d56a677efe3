import BantinCore
import Foundation

/// A site held in memory, for tests: paths and texts in, a build result out.
struct TestSite {
  var files: [String: String]
  var assets: [String: AssetInfo] = [:]
  var build = BuildConfig(now: TestSite.now)

  /// 2026-11-26 09:00 in Vietnam.
  static let now = Timestamp(secondsSince1970: 1_795_658_400)

  init(_ files: [String: String], assets: [String: AssetInfo] = [:]) {
    self.files = files
    self.assets = assets
  }

  /// The files, with a `site.yml` giving the site's address, and an `_index.md`
  /// titled after the folder for every section that has none (both warnings else).
  var tree: SourceTree {
    var texts = files
    if texts["site.yml"] == nil { texts["site.yml"] = "baseURL: https://phuong.example.vn/\n" }
    for path in files.keys {
      let parts = path.split(separator: "/")
      guard parts.count >= 3, parts[0] == "content" else { continue }
      let index = "content/\(parts[1])/_index.md"
      if texts[index] == nil { texts[index] = "---\ntitle: \(parts[1])\n---\n" }
    }
    return SourceTree(
      files: texts.map { SourceFile.text(SourcePath($0.key), $0.value) }
        + assets.map { SourceFile.asset(SourcePath($0.key), $0.value) })
  }

  func run() -> BuildResult { Pipeline(build: build).run(tree) }

  /// The diagnostics of a build, one line each.
  func diagnostics() -> [String] { run().diagnostics.map(\.description) }

  /// The text of one output file, or nil.
  func output(_ path: String) -> String? {
    for file in run().files where file.path.rawValue == path {
      if case .bytes(let bytes) = file.content { return String(decoding: bytes, as: UTF8.self) }
    }
    return nil
  }

  static func article(
    title: String = "Tin A", date: String = "2024-01-12", extra: String = "", body: String = "Nội dung."
  )
    -> String
  {
    "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)\n"
  }
}

let photo = AssetInfo(byteCount: 1000, pixelSize: PixelSize(width: 800, height: 600))
