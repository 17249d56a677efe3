import BantinCore
import BantinIO
import Foundation
import TestSupport
import Testing

@Suite("Publishing: staging, then an atomic swap")
struct PublisherTests {
  func page(_ path: String, _ text: String) -> OutputFile { .page(OutputPath(path), text) }

  @Test("a publish replaces the output folder whole and leaves no staging folder")
  func replaces() throws {
    let scratch = try Scratch()
    try scratch.write("site/content/a.jpg", "photo")
    let publisher = Publisher(siteRoot: scratch.path + "/site", output: scratch.path + "/public")
    try publisher.publish([page("index.html", "một"), page("cu/index.html", "cũ")])
    #expect(scratch.snapshot("public")["index.html"] == Data("một".utf8))
    try publisher.publish([
      page("index.html", "hai"), OutputFile(path: OutputPath("anh/a.jpg"), content: .copy("content/a.jpg")),
    ])
    let files = scratch.snapshot("public")
    #expect(files.keys.sorted() == [".bantin-output", "anh/a.jpg", "index.html"])
    #expect(files["index.html"] == Data("hai".utf8))
    #expect(files["anh/a.jpg"] == Data("photo".utf8))
    #expect(scratch.entries() == ["public", "site"])
  }

  @Test("a write that fails leaves the published output byte for byte, and removes the staging folder")
  func failedWrite() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(atPath: scratch.path + "/site", withIntermediateDirectories: true)
    let publisher = Publisher(siteRoot: scratch.path + "/site", output: scratch.path + "/public")
    try publisher.publish([page("index.html", "bản cũ"), page("a/index.html", "A")])
    let before = scratch.snapshot("public")
    #expect(throws: FileSystemError.self) {
      try publisher.publish([
        page("index.html", "bản mới"), OutputFile(path: OutputPath("x.jpg"), content: .copy("content/khong-co.jpg")),
      ])
    }
    #expect(scratch.snapshot("public") == before)
    #expect(scratch.entries() == ["public", "site"])
  }

  @Test("a folder bantin did not write is never replaced")
  func foreignFolder() throws {
    let scratch = try Scratch()
    try scratch.write("home/thu-cua-toi.txt", "quan trọng")
    let publisher = Publisher(siteRoot: scratch.path + "/site", output: scratch.path + "/home")
    #expect(
      publisher.checkOutput()
        == "\(scratch.path)/home was not written by bantin (it has no .bantin-output file): move it away or choose another --output"
    )
    #expect(throws: FileSystemError.self) { try publisher.publish([page("index.html", "x")]) }
    #expect(scratch.snapshot("home") == ["thu-cua-toi.txt": Data("quan trọng".utf8)])
  }

  @Test("the output may not be the site folder or inside its content")
  func dangerousOutputs() throws {
    let scratch = try Scratch()
    try scratch.write("site/content/a.md", "x")
    let site = scratch.path + "/site"
    #expect(
      Publisher(siteRoot: site, output: site).checkOutput()
        == "the output folder \(site) holds the site folder: it would be replaced")
    #expect(
      Publisher(siteRoot: site, output: scratch.path).checkOutput()
        == "the output folder \(scratch.path) holds the site folder: it would be replaced")
    #expect(
      Publisher(siteRoot: site, output: site + "/content/public").checkOutput()
        == "the output folder \(site)/content/public is inside the site's content/ folder")
    #expect(Publisher(siteRoot: site, output: site + "/public").checkOutput() == nil)
  }

  @Test("staging folders a killed build left are removed by the next publish; one a live build holds is kept")
  func staleStaging() throws {
    let scratch = try Scratch()
    try scratch.write("site/content/a.md", "x")
    let publisher = Publisher(siteRoot: scratch.path + "/site", output: scratch.path + "/public")
    // Left by a build killed with -9 (no lock held, its process ended).
    let ended = try endedProcessID()
    try scratch.write(".public.staging-\(ended)-abc/index.html", "half")
    try scratch.write(".public.staging-\(ended)/index.html", "half, from an older bantin")
    // Held by a build that is still running (here, this process).
    let running = try WorkFolder(in: scratch.path, prefix: ".public.staging-")
    try publisher.publish([page("index.html", "một")])
    #expect(scratch.entries() == [URL(fileURLWithPath: running.path).lastPathComponent, "public", "site"])
    running.remove()
    #expect(scratch.entries() == ["public", "site"])
  }

  @Test("a work folder no process holds is removed, unless its maker lives and made it in the last minute")
  func leftBehind() throws {
    let parent = try Scratch(onDisk: true)
    let living = getppid()
    for name in ["build-\(try endedProcessID())-a", "build-\(living)-b", "build-old-c", "build-\(getpid())-d"] {
      try FileManager.default.createDirectory(atPath: parent.path + "/" + name, withIntermediateDirectories: false)
    }
    let held = try WorkFolder(in: parent.path, prefix: "build-")
    #expect(WorkFolder.removeStale(in: parent.path, prefix: "build-") == 3)
    let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    #expect(left == ["build-\(living)-b", String(held.path.split(separator: "/").last!)].sorted())
    held.remove()
  }
}
