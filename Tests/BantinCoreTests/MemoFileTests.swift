import Foundation
import Testing

@testable import BantinCore

/// The build cache's memo as bytes: chunks of entries read on every core, and
/// written back whole while their entries are kept.
@Suite("The memo file")
struct MemoFileTests {
  func resolved(_ files: [OutputFile], after previous: [String: [UInt8]] = [:]) -> [String: [UInt8]] {
    MemoTests().resolved(files, after: previous)
  }

  @Test("a memo read back from its bytes, with chunks written back whole and anew, builds what a clean build does")
  func memoBytes() throws {
    var files: [String: String] = [:]
    for index in 0..<600 {  // more entries than one chunk of the cache file holds
      files["content/muc-\(index % 3)/bai-\(index).md"] = TestSite.article(
        title: "Bài \(index)", date: String(format: "2024-%02d-%02d", 1 + index % 12, 1 + index % 28),
        extra: "tags: [\"t\(index % 7)\"]\n", body: "Nội dung \(index).")
    }
    var site = TestSite(files)
    let pipeline = Pipeline(build: site.build)
    let first = pipeline.run(site.tree, memo: nil)
    let clean = resolved(first.result.files)
    let bytes = first.memo.encoded()
    let read = try #require(BuildMemo(decoding: bytes))
    #expect(read.entries.count == 603)  // 600 articles and three _index.md
    let chunks = try #require(read.encodedFile?.chunks.map { Array($0.bytes) })
    #expect(chunks.count == 3)

    site.files["content/muc-1/bai-301.md"] = TestSite.article(
      title: "Bài 301", date: "2024-02-22", extra: "tags: [\"t0\"]\n", body: "Nội dung đã sửa.")
    let edited = pipeline.run(site.tree, memo: read)
    #expect(edited.reuse.entries == 602)  // all but the edited one, with the three _index.md
    let afterEdit = resolved(edited.result.files, after: clean)
    #expect(afterEdit == resolved(pipeline.run(site.tree).files))

    let rewritten = edited.memo.encoded()
    #expect(abs(rewritten.count - bytes.count) < bytes.count / 20)
    let readAgain = try #require(BuildMemo(decoding: rewritten))
    #expect(readAgain.entries.count == 603)  // the edited file's old entry is gone
    // The two chunks without the edited file are written back as they were read; the
    // third one's other entries are framed anew with the edited one.
    let chunksAgain = try #require(readAgain.encodedFile?.chunks.map { Array($0.bytes) })
    #expect(chunksAgain.filter { chunks.contains($0) }.count == 2)
    let again = pipeline.run(site.tree, memo: readAgain)
    #expect(again.reuse.entries == 603)
    #expect(again.reuse.articles == 603)
    #expect(resolved(again.result.files, after: afterEdit) == afterEdit)

    site.files["content/muc-2/bai-5.md"] = TestSite.article(
      title: "Bài 5 mới", date: "2024-06-06", extra: "tags: [\"t5\"]\n", body: "Nội dung khác.")
    let second = pipeline.run(site.tree, memo: readAgain)
    #expect(resolved(second.result.files, after: afterEdit) == resolved(pipeline.run(site.tree).files))
    #expect(BuildMemo(decoding: second.memo.encoded()) != nil)
  }

  @Test("a count larger than the bytes left is damage, not a loop: BinaryReader refuses it")
  func damagedCount() {
    var writer = BinaryWriter()
    writer.int(1 << 20)  // a million items said to follow
    writer.int(7)
    var reader = BinaryReader(writer.bytes)
    #expect(throws: BinaryReader.Damaged.self) { try reader.count() }
    var exact = BinaryWriter()
    exact.int(8)
    exact.int(0)
    var fits = BinaryReader(exact.bytes)
    #expect((try? fits.count()) == 8)
  }
}
