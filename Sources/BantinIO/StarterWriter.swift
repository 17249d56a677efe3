import BantinCore
import Foundation

/// Writes a set of new files into a folder (`bantin init`, `bantin theme export`):
/// folders made as needed, and no file replaced unless asked.
public enum StarterWriter {
  public struct Problem: Error, CustomStringConvertible {
    public var said: Message

    public var description: String { said.english }
  }

  /// Writes `files` (paths inside `folder`) and returns their paths as written.
  /// Refuses, writing nothing, when one of them exists and `replacing` is false.
  public static func write(_ files: [(path: String, bytes: [UInt8])], into folder: String, replacing: Bool) throws
    -> [String]
  {
    let manager = FileManager.default
    let existing = files.map(\.path).filter { manager.fileExists(atPath: folder + "/" + $0) }
    if !existing.isEmpty, !replacing {
      throw Problem(said: Say.wouldReplace(folder, existing.joined(separator: ", ")))
    }
    for file in files {
      let path = folder + "/" + file.path
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
    return files.map { folder + "/" + $0.path }
  }

  /// A new site in `folder` (made if missing): `StarterSite`'s files and the sample
  /// article's photo. Refuses a folder that holds anything (other than `.git`)
  /// unless `force`.
  public static func createSite(in folder: String, now: Timestamp, force: Bool) throws -> [String] {
    let manager = FileManager.default
    let present = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != ".git" }.sorted()
    if !present.isEmpty, !force {
      throw Problem(
        said: Say.folderNotEmpty(folder, present.prefix(5).joined(separator: ", ") + (present.count > 5 ? ", …" : "")))
    }
    let clock = SiteConfig().clock
    let civil = clock.civil(now)
    func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    let date = "\(civil.year)-\(pad(civil.month))-\(pad(civil.day))"
    var files = StarterSite.files(date: date).map { (path: $0.path, bytes: Array($0.text.utf8)) }
    if let photo = Photos.testImage(width: 1600, height: 1067, kind: 0) {
      files.append((StarterSite.photo, photo))
    }
    return try write(files, into: folder, replacing: force)
  }
}
