import Foundation
import TestSupport
import Testing

@testable import BantinIO

@Suite("The file system, on a disk")
struct FileSystemTests {
  /// Names of every length from 1 to 255 bytes, so that `readdir`'s records
  /// (`d_reclen` bytes, shorter than `struct dirent`) end at every place in its buffer.
  static func names(_ count: Int) -> [String] {
    (0..<count).map { index in
      let stem = "bai-\(index)-"
      let length = 1 + (index * 37) % 250
      return String((stem + String(repeating: "x", count: max(0, length - stem.count))).prefix(max(length, stem.count)))
    }
  }

  @Test("a folder of 6,000 entries on disk lists every name and kind")
  func largeFolder() throws {
    let scratch = try Scratch(onDisk: true)
    if scratch.isTmpfs { Issue.record("the repository is on a tmpfs: this test is meant for a disk") }
    let names = Self.names(6000)
    for (index, name) in names.enumerated() {
      let path = scratch.path + "/" + name
      if index % 10 == 0 {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      } else {
        FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
      }
    }
    let entries = try POSIX.list(scratch.path)
    #expect(entries.count == names.count)
    #expect(Set(entries.map(\.name)) == Set(names))
    let folders = Set(names.enumerated().filter { $0.offset % 10 == 0 }.map(\.element))
    for entry in entries {
      #expect(entry.kind == (folders.contains(entry.name) ? .directory : .file), "\(entry.name)")
      #expect(entry.isUTF8)
    }
  }

  @Test("names that are not UTF-8 are listed as such, and a tree holding them is removed whole")
  func notUTF8() throws {
    let scratch = try Scratch(onDisk: true)
    let folder = scratch.path + "/cay"
    try FileManager.default.createDirectory(atPath: folder + "/con", withIntermediateDirectories: true)
    for raw in [[0x61, 0xFF, 0x62], [0xC3, 0x28], [0xE1, 0xBA]] as [[UInt8]] {
      let path = Array(folder.utf8) + [UInt8(ascii: "/")] + raw + [0]
      let descriptor = path.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
      }
      #expect(descriptor >= 0)
      close(descriptor)
    }
    FileManager.default.createFile(atPath: folder + "/con/tep.txt", contents: Data("x".utf8))
    let entries = try POSIX.list(folder)
    #expect(entries.filter { !$0.isUTF8 }.count == 3)
    #expect(entries.filter(\.isUTF8).map(\.name) == ["con"])
    try POSIX.remove(folder)
    #expect(!FileManager.default.fileExists(atPath: folder))
  }
}
