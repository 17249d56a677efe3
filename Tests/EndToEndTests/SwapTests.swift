import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A reader of the live output folder during cached builds: every publish is one
/// exchange of whole folders, so a reader that opens the folder sees one build in
/// all its files, never some files of one build and some of the next.
@Suite("Publishing is a swap", .serialized)
struct SwapTests {
  static func article(_ version: Int) -> String {
    "---\ntitle: \"Phiên bản \(version)\"\ndate: 2024-01-12\n---\nNội dung phiên bản \(version).\n"
  }

  /// The version a page shows, or nil.
  static func version(_ text: String) -> Int? {
    guard let range = text.range(of: #"Phiên bản \d+"#, options: .regularExpression) else { return nil }
    return Int(text[range].split(separator: " ").last ?? "")
  }

  /// Reads a file relative to an open folder.
  static func read(_ folder: Int32, _ path: String) -> String? {
    let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
      if count <= 0 { break }
      bytes += buffer.prefix(count)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test("a reader sees one build in every file while cached builds are published; unchanged files are hard links")
  func oneBuildAtATime() throws {
    var files: [String: String] = [
      "site.yml": "baseURL: https://phuong.example.vn/\n", "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": Self.article(0),
    ]
    for index in 0..<300 {
      files["content/tin-tuc/bai-\(index).md"] = "---\ntitle: Bài \(index)\ndate: 2023-06-01\n---\nNội dung.\n"
    }
    let site = try Scratch(files)
    #expect(try bantin(["build"], in: site.path).status == 0)
    let outputFolder = site.path + "/public"
    let stop = ManagedAtomicFlag()
    nonisolated(unsafe) var problems: [String] = []
    nonisolated(unsafe) var reads = 0
    let reader = Thread {
      var seen = 0
      while !stop.isSet {
        let folder = open(outputFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
          problems.append("the output folder was missing")
          continue
        }
        let home = Self.read(folder, "index.html").flatMap(Self.version)
        let article = Self.read(folder, "tin-tuc/a/index.html").flatMap(Self.version)
        let feed = Self.read(folder, "atom.xml").flatMap(Self.version)
        close(folder)
        reads += 1
        guard let home, let article, let feed else {
          problems.append("a page was missing or had no version")
          continue
        }
        if home != article || home != feed { problems.append("a mix: home \(home), article \(article), feed \(feed)") }
        if home < seen { problems.append("version \(home) after \(seen)") }
        seen = max(seen, home)
      }
    }
    reader.start()
    for version in 1...8 {
      let before = try inodes(site.path + "/public/tin-tuc/bai-5/index.html")
      try site.write("content/tin-tuc/a.md", Self.article(version))
      let run = try bantin(["build"], in: site.path)
      #expect(run.status == 0, "\(run.errors)")
      #expect(run.output.contains(" files written, "))
      // An article the edit did not touch is the same file, linked into each build.
      #expect(try inodes(site.path + "/public/tin-tuc/bai-5/index.html") == before)
    }
    Thread.sleep(forTimeInterval: 0.2)
    stop.set()
    while reader.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    #expect(reads > 20)
    #expect(Self.read(open(outputFolder, O_RDONLY | O_DIRECTORY), "index.html").flatMap(Self.version) == 8)
  }

  func inodes(_ path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { throw TestFailure("no \(path)") }
    return Int(info.st_ino)
  }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
