import Foundation
import TestSupport
import Testing

@testable import BantinCore

@Suite("Search index")
struct SearchTests {
  func forms(_ text: String) -> [String] {
    SearchText.syllables(text).map { "\($0.folded)|\($0.exact)" }
  }

  @Test("syllables fold marks and đ, and keep the tone as a digit wherever it was written")
  func folding() {
    #expect(forms("Đảng ủy") == ["dang|đang3", "uy|uy3"])
    #expect(forms("Hội nghị") == ["hoi|hôi5", "nghi|nghi5"])
    #expect(forms("hỏi nghỉ") == ["hoi|hoi3", "nghi|nghi3"])
    // Old and new tone placement are one form.
    #expect(forms("hoà") == forms("hòa"))
    #expect(forms("thuý") == ["thuy|thuy2"])
    #expect(forms("thúy") == ["thuy|thuy2"])
    // NFD as NFC, capitals as small letters, punctuation between words.
    #expect(forms("Ho\u{0323}\u{0302}i NGHỊ") == ["hoi|hôi5", "nghi|nghi5"])
    #expect(forms("Ư, Ơ; Ă-Â Ê Ô") == ["u|ư0", "o|ơ0", "a|ă0", "a|â0", "e|ê0", "o|ô0"])
    #expect(forms("12/01/2024 C++ <b>") == ["12|120", "01|010", "2024|20240", "c|c0", "b|b0"])
  }

  /// The postings of `term` in the index's files: (document, weight) pairs.
  func postings(_ term: String, in index: SearchIndex) throws -> [(Int, Int)] {
    let meta = try #require(index.files.first { $0.name == "meta.json" })
    let shards =
      try #require(
        try JSONSerialization.jsonObject(with: Data(meta.bytes)) as? [String: Any])["shards"] as? Int
    let name = String(SearchIndex.fnv1a(term) & UInt32(try #require(shards) - 1), radix: 16) + ".bin"
    let bytes = try #require(index.files.first { $0.name == name }).bytes
    #expect(Array(bytes.prefix(4)) == Array("BTS3".utf8))
    var at = 4
    func varint() -> Int {
      var value = 0
      var shift = 0
      while true {
        let byte = Int(bytes[at])
        at += 1
        value |= (byte & 0x7f) << shift
        shift += 7
        if byte & 0x80 == 0 { return value }
      }
    }
    for _ in 0..<varint() {
      let length = varint()
      let found = String(decoding: bytes[at..<(at + length)], as: UTF8.self)
      at += length
      var list: [(Int, Int)] = []
      let count = varint()
      let form = bytes[at]
      at += 1
      if form == 2 {  // two bits a document: its weight's level
        let length = varint()
        for byte in 0..<length {
          for slot in 0..<4 {
            let level = Int(bytes[at + byte] >> (slot * 2)) & 3
            if level != 0 { list.append((byte * 4 + slot, [0, 1, 3, 8][level])) }
          }
        }
        at += length
      } else {
        #expect(form == 0)
        var document = -1
        for _ in 0..<count {
          document += varint()
          list.append((document, Int(bytes[at])))
          at += 1
        }
      }
      #expect(list.count == count)
      if found == term { return list }
    }
    return []
  }

  @Test("the index holds syllables, pairs and exact pairs, weighted by field, newest document first")
  func index() throws {
    let site = try #require(
      TestSite([
        "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
        "content/tin-tuc/a.md": "---\ntitle: Đảng ủy họp\ndate: 2024-01-12\n---\nĐảng ủy phường họp.\n",
        "content/tin-tuc/b.md":
          "---\ntitle: Tin B\ndate: 2024-02-12\ndescription: Hỏi đảng\n---\nNgười dân hỏi về Đảng ủy.\n",
      ]).run().site)
    let index = SearchIndex.build(site, words: ThemeWords(language: "vi"))
    // b is newer: document 0. Title 8, description 3, body 1; with two documents,
    // every term is two bits a document, read back as weights 1, 3 and 8.
    #expect(try postings("dang uy", in: index).map { "\($0.0):\($0.1)" } == ["0:1", "1:8"])
    #expect(try postings("đang3 uy3", in: index).map { "\($0.0):\($0.1)" } == ["0:1", "1:8"])
    #expect(try postings("hoi", in: index).map { "\($0.0):\($0.1)" } == ["0:3"])
    #expect(try postings("dang", in: index).map { "\($0.0):\($0.1)" } == ["0:3", "1:8"])
    // Pairs with no mark are not written twice; a tone alone is a mark ("hỏi nghỉ").
    #expect(try postings("tin0 b0", in: index).isEmpty)
    let terms = SearchIndex.terms(title: "", description: "", body: "hỏi nghỉ ba lần")
    #expect(
      terms.keys.indices.map { String(decoding: terms.term($0), as: UTF8.self) }
        == ["hoi", "nghi", "hoi nghi", "hoi3 nghi3", "ba", "nghi ba", "nghi3 ba0", "lan", "ba lan", "ba0 lân1"])
    let names = index.files.map(\.name)
    #expect(names.contains("meta.json") && names.contains("facets.json") && names.contains("d0.json"))
    let records = try #require(index.files.first { $0.name == "d0.json" })
    #expect(
      String(decoding: records.bytes, as: UTF8.self)
        == #"[["Tin B","/tin-tuc/b/","Thứ Hai, 12/02/2024","2024-02-12T00:00:00+07:00",0,"Hỏi đảng"],["Đảng ủy họp","/tin-tuc/a/","Thứ Sáu, 12/01/2024","2024-01-12T00:00:00+07:00",0,"Đảng ủy phường họp."]]"#
    )
  }

  @Test("a term few documents hold lists them with their weights; one many hold is two bits a document")
  func postingForms() {
    var rare: [UInt8] = []
    SearchIndex.appendPostings([(3, 1), (40, 9), (41, 200)], documents: 1000, to: &rare)
    // 3 postings, form 0, then gap and weight each.
    #expect(rare == [3, 0, 4, 1, 37, 9, 1, 200])
    var common: [UInt8] = []
    let many = (0..<60).map { (Int32($0), UInt8($0 % 10)) }
    SearchIndex.appendPostings(many, documents: 100, to: &common)
    // 60 postings, form 2, 25 bytes of four documents each.
    #expect(Array(common.prefix(3)) == [60, 2, 25] && common.count == 28)
    // Documents 0–3 weigh 0, 1, 2, 3: levels 1, 1, 2, 2 (a weight of 0 is still there).
    #expect(common[3] == 0b10_10_01_01)
    // Documents 8–11 weigh 8, 9, 0, 1: levels 3, 3, 1, 1; none of 60–99 is there.
    #expect(common[5] == 0b01_01_11_11 && common[18...].allSatisfy { $0 == 0 })
  }

  @Test("search: false leaves out the page, its index, its script and the header's box")
  func switchedOff() throws {
    let files = [
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": "---\ntitle: Tin A\ndate: 2024-01-12\n---\nNội dung.\n",
    ]
    let on = TestSite(files)
    let paths = try #require(on.run().files.map(\.path.rawValue))
    #expect(paths.contains("tim-kiem/index.html") && paths.contains("tim-kiem/i/meta.json"))
    #expect(paths.contains("tim-kiem.js"))
    #expect(
      try #require(on.output("index.html")).contains(
        "<form class=\"site-search\" role=\"search\" action=\"/tim-kiem/\""))
    let off = TestSite(files.merging(["site.yml": "search: false\n"]) { $1 })
    let offPaths = off.run().files.map(\.path.rawValue)
    #expect(offPaths.filter { $0.hasPrefix("tim-kiem") }.isEmpty, "\(offPaths)")
    #expect(try #require(off.output("index.html")).contains("site-search") == false)
  }
}
