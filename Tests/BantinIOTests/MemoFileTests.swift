import BantinCore
import Foundation
import TestSupport
import Testing

@testable import BantinIO

/// The build cache's memo as bytes: chunks of entries read on every core, and
/// written back whole while their entries are kept.
@Suite("The memo file")
struct MemoFileTests {
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

  @Test("the memo keeps the whole front matter with where each value was written, and the article field by field")
  func wholeFrontMatter() throws {
    let text = """
      ---
      title: "Hội nghị"
      date: 2024-01-12T08:00:00+07:00
      lastmod: 2024-01-13
      expiryDate: 2030-01-01
      description: Tóm tắt
      categories: [Tin tức]
      tags:
        - Đảng ủy
        - an ninh
      author: Văn phòng
      slug: hoi-nghi-tong-ket
      image: anh.jpg
      aliases: [/cu/hoi-nghi/]
      ---
      Nội dung **đậm**.
      """
    let site = TestSite(["content/tin-tuc/hoi-nghi.md": text + "\n"])
    let first = Pipeline(build: site.build).run(site.tree, memo: nil)
    let read = try #require(BuildMemo(decoding: first.memo.encoded()))
    let key = try #require(read.entries.keys.first { $0.path.rawValue == "content/tin-tuc/hoi-nghi.md" })
    let entry = try #require(read.entries[key]?.entry)
    let original = try #require(first.memo.entries[key]?.entry)
    func describe(_ frontMatter: FrontMatter) -> [String] {
      func at(_ location: BantinCore.SourceLocation) -> String { "\(location)" }
      var lines: [String] = []
      if let title = frontMatter.title { lines.append("title \(title.value) \(at(title.location))") }
      if let date = frontMatter.date { lines.append("date \(date.value.secondsSince1970) \(at(date.location))") }
      if let lastmod = frontMatter.lastmod { lines.append("lastmod \(at(lastmod.location))") }
      if let expiry = frontMatter.expiryDate { lines.append("expiryDate \(at(expiry.location))") }
      if let description = frontMatter.description { lines.append("description \(at(description.location))") }
      for tag in frontMatter.tags { lines.append("tag \(tag.value) \(at(tag.location))") }
      for category in frontMatter.categories { lines.append("category \(category.value) \(at(category.location))") }
      if let author = frontMatter.author { lines.append("author \(author.value) \(at(author.location))") }
      if let slug = frontMatter.slug { lines.append("slug \(slug.value) \(at(slug.location))") }
      if let image = frontMatter.image { lines.append("image \(image.value) \(at(image.location))") }
      for alias in frontMatter.aliases { lines.append("alias \(alias.value) \(at(alias.location))") }
      return lines
    }
    #expect(describe(entry.frontMatter) == describe(original.frontMatter))
    #expect(
      describe(entry.frontMatter) == [
        "title Hội nghị content/tin-tuc/hoi-nghi.md:2:8",
        "date 1705021200 content/tin-tuc/hoi-nghi.md:3:7",
        "lastmod content/tin-tuc/hoi-nghi.md:4:10",
        "expiryDate content/tin-tuc/hoi-nghi.md:5:13",
        "description content/tin-tuc/hoi-nghi.md:6:14",
        "tag Đảng ủy content/tin-tuc/hoi-nghi.md:9:5",
        "tag an ninh content/tin-tuc/hoi-nghi.md:10:5",
        "category Tin tức content/tin-tuc/hoi-nghi.md:7:14",
        "author Văn phòng content/tin-tuc/hoi-nghi.md:11:9",
        "slug hoi-nghi-tong-ket content/tin-tuc/hoi-nghi.md:12:7",
        "image anh.jpg content/tin-tuc/hoi-nghi.md:13:8",
        "alias /cu/hoi-nghi/ content/tin-tuc/hoi-nghi.md:14:11",
      ])
    #expect(entry.bodyFirstLine == 16)
    let markdown = try #require(entry.markdownAgain(from: Array((text + "\n").utf8)))
    #expect(markdown.body == "Nội dung **đậm**.\n")
    let article = try #require(read.entries[key]?.article)
    let made = try #require(first.memo.entries[key]?.article)
    #expect(article.hashOfShownFields() == made.hashOfShownFields())
    #expect(article.shownHash == made.hashOfShownFields())
    #expect(article.bodyHTML == made.bodyHTML)
    #expect(article.lookups == made.lookups)
    #expect(article.internalLinks == made.internalLinks)
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
