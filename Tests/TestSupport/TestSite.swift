import BantinCore
import Foundation

/// A site held in memory, for tests: paths and texts in, a build result out.
public struct TestSite {
  public var files: [String: String]
  public var assets: [String: AssetInfo] = [:]
  /// Assets are copied as they are: no derived files (photos), which need a maker.
  public var build = TestSite.plainBuild

  public static var plainBuild: BuildConfig {
    var build = BuildConfig(now: TestSite.now)
    build.derivedRules = []
    return build
  }

  /// 2026-11-26 09:00 in Vietnam.
  public static let now = Timestamp(secondsSince1970: 1_795_658_400)

  public init(_ files: [String: String], assets: [String: AssetInfo] = [:]) {
    self.files = files
    self.assets = assets
  }

  /// The files, with a `site.yml` giving the site's address, and an `_index.md`
  /// titled after the folder for every section that has none (both warnings else).
  public var tree: SourceTree {
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

  public func run() -> BuildResult { Pipeline(build: build).run(tree) }

  /// The diagnostics of a build, one line each.
  public func diagnostics() -> [String] { run().diagnostics.map(\.description) }

  /// The text of one output file, or nil.
  public func output(_ path: String) -> String? {
    for file in run().files where file.path.rawValue == path {
      if case .bytes(let bytes) = file.content { return String(decoding: bytes, as: UTF8.self) }
    }
    return nil
  }

  public static func article(
    title: String = "Tin A", date: String = "2024-01-12", extra: String = "", body: String = "Nội dung."
  )
    -> String
  {
    "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)\n"
  }
}

public let photo = AssetInfo(byteCount: 1000, pixelSize: PixelSize(width: 800, height: 600))

/// Every file's bytes, taking `.unchanged` ones from the last build's, and a copied
/// file as a note of its source.
public func resolved(_ files: [OutputFile], after previous: [String: [UInt8]] = [:]) -> [String: [UInt8]] {
  var result: [String: [UInt8]] = [:]
  for file in files {
    switch file.content {
    case .bytes(let bytes): result[file.path.rawValue] = bytes
    case .copy(let source): result[file.path.rawValue] = Array("copy of \(source)".utf8)
    case .derived(let made): result[file.path.rawValue] = Array("\(made.name) of \(made.source)".utf8)
    case .unchanged: result[file.path.rawValue] = previous[file.path.rawValue]
    }
  }
  return result
}
