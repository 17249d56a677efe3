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
      atPath: store.releasesFolder + "/..partial-x.staging-42", withIntermediateDirectories: true)
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
}
