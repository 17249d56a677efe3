import BantinIO
import Foundation
import TestSupport
import Testing

@Suite("Releases in a web root")
struct ReleaseStoreTests {
  func release(_ store: ReleaseStore, _ name: String) throws {
    let folder = store.partialPath(for: name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data("<p>\(name)</p>".utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
    try store.admit(folder, as: name, commit: "c0ffee" + name)
  }

  @Test("switching is a link renamed over current; pruning keeps the newest and the live one")
  func switchingAndPruning() throws {
    let web = try Scratch()
    let store = ReleaseStore(webRoot: web.path + "/www")
    try store.prepare()
    for name in ["20240101T000000Z-aaaaaaa", "20240102T000000Z-bbbbbbb", "20240103T000000Z-ccccccc"] {
      try release(store, name)
    }
    try store.switchTo("20240101T000000Z-aaaaaaa")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: store.currentLink)
        == "releases/20240101T000000Z-aaaaaaa")
    #expect(store.releases().map(\.isLive) == [true, false, false])
    #expect(store.releases().first?.commit == "c0ffee20240101T000000Z-aaaaaaa")
    #expect(store.releases().first?.time == "2024-01-01 00:00:00 UTC")
    #expect(try store.prune(keep: 1) == ["20240102T000000Z-bbbbbbb"])
    #expect(store.releases().map(\.name) == ["20240101T000000Z-aaaaaaa", "20240103T000000Z-ccccccc"])
    #expect(throws: FileSystemError.self) { try store.switchTo("khong-co") }
    #expect(web.entries("www").sorted() == ["current", "releases"])
  }

  @Test("leftovers of a killed publisher are removed, never a release")
  func leftovers() throws {
    let web = try Scratch()
    let store = ReleaseStore(webRoot: web.path + "/www")
    try store.prepare()
    try release(store, "20240101T000000Z-aaaaaaa")
    try FileManager.default.createDirectory(atPath: store.partialPath(for: "x"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: store.releasesFolder + "/..partial-x.staging-\(try endedProcessID())", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: store.webRoot + "/.current-42", withDestinationPath: "releases/x")
    try store.removeLeftovers()
    #expect(web.entries("www/releases") == ["20240101T000000Z-aaaaaaa", "20240101T000000Z-aaaaaaa.commit"])
    #expect(web.entries("www") == ["releases"])
  }

  @Test("releases of one second are listed in the order they were published, and rollback goes to the one before")
  func publishOrder() throws {
    let web = try Scratch()
    let store = ReleaseStore(webRoot: web.path + "/www")
    try store.prepare()
    // Published one after the other in the same second: the later commit id sorts first.
    let names = ["20241126T193045Z-fffffff", "20241126T193045Z-0000000", "20241126T193045Z-8888888"]
    for name in names {
      try release(store, name)
      try store.switchTo(name)
    }
    #expect(store.releases().map(\.name) == names)
    #expect(store.releases().map(\.isLive) == [false, false, true])
    #expect(store.releases().map(\.sequence) == [1, 2, 3])
    #expect(try store.prune(keep: 2) == ["20241126T193045Z-fffffff"])
    #expect(store.releases().map(\.name) == Array(names.dropFirst()))
  }

  func inode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
  }

  @Test("releases but the live one are packed: no folders, their files kept as objects; switching unpacks one whole")
  func packing() throws {
    let web = try Scratch()
    let store = ReleaseStore(webRoot: web.path + "/www")
    try store.prepare()
    let names = ["20240101T000000Z-aaaaaaa", "20240102T000000Z-bbbbbbb", "20240103T000000Z-ccccccc"]
    var inodes: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      let folder = store.partialPath(for: name)
      try FileManager.default.createDirectory(atPath: folder + "/tin-tuc/a", withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: folder + "/trong", withIntermediateDirectories: true)
      try Data("<p>\(name)</p>".utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
      if index == 0 {
        try Data("tin a".utf8).write(to: URL(fileURLWithPath: folder + "/tin-tuc/a/index.html"))
      } else {  // shared with the release before, as a build links it
        try FileManager.default.linkItem(
          atPath: store.releasesFolder + "/" + names[index - 1] + "/tin-tuc/a/index.html",
          toPath: folder + "/tin-tuc/a/index.html")
      }
      try store.admit(folder, as: name, commit: "c0ffee\(index)")
      try store.switchTo(name)
      inodes[name] = inode(store.releasesFolder + "/" + name + "/index.html")
    }
    let shared = try #require(inode(store.releasesFolder + "/" + names[2] + "/tin-tuc/a/index.html"))
    try store.packOlder()
    #expect(store.releases().map(\.name) == names)
    #expect(store.releases().map(\.isPacked) == [true, true, false])
    #expect(
      web.entries("www/releases").sorted() == [
        ".objects", ".spare", ".trash-" + names[1], names[0] + ".commit", names[0] + ".pack", names[1] + ".commit",
        names[1] + ".pack", names[2], names[2] + ".commit",
      ])
    // One object per inode: the shared file once, each home page once.
    #expect(web.entries("www/releases/.objects").count == 3)
    #expect(web.entries("www/releases/.objects").contains("\(shared)"))

    try store.switchTo(names[0])
    let restored = store.releasesFolder + "/" + names[0]
    #expect(try String(contentsOfFile: restored + "/index.html", encoding: .utf8) == "<p>\(names[0])</p>")
    #expect(inode(restored + "/index.html") == inodes[names[0]])
    #expect(inode(restored + "/tin-tuc/a/index.html") == shared)
    #expect(FileManager.default.fileExists(atPath: restored + "/trong"))
    #expect(store.releases().map(\.isPacked) == [false, true, false])
    #expect(store.releases().map(\.isLive) == [true, false, false])

    // Pruned or unpacked, a release's objects go with the next pack.
    #expect(try store.prune(keep: 1) == [names[1]])
    try store.packOlder()
    #expect(store.releases().map(\.name) == [names[0], names[2]])
    #expect(store.releases().map(\.isPacked) == [false, true])
    #expect(
      web.entries("www/releases/.objects").sorted() == ["\(shared)", "\(inodes[names[2]] ?? 0)"].sorted())
  }
}
