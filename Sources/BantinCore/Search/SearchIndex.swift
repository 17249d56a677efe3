/// The site's search index, written by the build as static files under `/tim-kiem/i/`
/// and read by `tim-kiem.js` in the reader's browser, which fetches only the files a
/// query needs:
///
/// - `meta.json`: how many shards and documents, the sections and years (for filters).
/// - `<shard>.bin`: the postings of the terms whose FNV-1a hash falls in that shard.
///   Terms are a document's folded syllables (`hoi`), its pairs of adjacent folded
///   syllables (`hoi nghi`, so that a phrase outranks its syllables apart), and its
///   pairs in exact form where they differ (`hôi5 nghi5`, so that "hội nghị" typed
///   with accents outranks "hỏi nghỉ"). Each posting is a document and a weight:
///   occurrences in the title count 8, in the description, categories and tags 3,
///   in the body 1. A term
///   many documents hold is two bits a document instead (`appendPostings`).
/// - `d<n>.json`: the title, address, date, section and excerpt of 8 documents.
/// - `facets.json`: each document's section and year, fetched when a filter is used.
///
/// Documents are the articles, newest first, then the pages: a lower number is newer,
/// the tie-breaker of equal scores.
public struct SearchIndex: Sendable {
  public struct File: Sendable {
    public var name: String
    public var bytes: [UInt8]
  }

  public var files: [File]

  public static let folder = "tim-kiem/i/"
  public static let documentsPerChunk = 8
  /// The size a shard aims at: a query reads a few of them.
  static let shardTarget = 6 * 1024

  struct Document: Sendable {
    var title: String
    var url: String
    var date: String
    var datetime: String
    var section: Int
    var year: Int
    var excerpt: String
    var terms: DocumentTerms
  }

  /// A document's terms, without a String or an array per term: their UTF-8 bytes
  /// one after another, and for each its place, its hashes and its weight.
  struct DocumentTerms: Sendable {
    var bytes: [UInt8] = []
    var starts: [Int32] = []
    var lengths: [Int16] = []
    /// FNV-1a, 64 bits: the term's key while the index is made.
    var keys: [UInt64] = []
    /// FNV-1a, 32 bits: which shard it goes in, as `tim-kiem.js` computes it.
    var shardHashes: [UInt32] = []
    var weights: [Int] = []
    var places: [UInt64: Int] = [:]

    /// Adds a syllable, or a pair of them (`first second`), with `weight`.
    mutating func add(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>? = nil, weight: Int) {
      var key: UInt64 = 0xcbf2_9ce4_8422_2325
      var shardHash: UInt32 = 0x811c_9dc5
      @inline(__always) func mix(_ byte: UInt8) {
        key = (key ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        shardHash = (shardHash ^ UInt32(byte)) &* 0x0100_0193
      }
      for byte in first { mix(byte) }
      if let second {
        mix(0x20)
        for byte in second { mix(byte) }
      }
      if let place = places[key] {
        weights[place] += weight
        return
      }
      places[key] = keys.count
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: first)
      if let second {
        bytes.append(0x20)
        bytes.append(contentsOf: second)
      }
      lengths.append(Int16(min(bytes.count - Int(starts[starts.count - 1]), Int(Int16.max))))
      keys.append(key)
      shardHashes.append(shardHash)
      weights.append(weight)
    }

    func term(_ index: Int) -> ArraySlice<UInt8> {
      let start = Int(starts[index])
      return bytes[start..<(start + Int(lengths[index]))]
    }
  }

  /// The index of `site`'s articles and pages, with the words and dates of `words`.
  public static func build(_ site: Site, words: ThemeWords) -> SearchIndex {
    let clock = site.config.clock
    let sections = site.sections
    let sectionIndex = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1.folder, $0) })
    let all = site.articles + site.pages
    let articleCount = site.articles.count
    let documents = Array(all.indices).parallelMap(chunkSize: 64) { index -> Document in
      let article = all[index]
      let isArticle = index < articleCount
      return Document(
        title: article.title, url: site.url.relative(article.urlPath),
        date: isArticle ? words.date(article.date, clock: clock) : "",
        datetime: isArticle ? clock.iso8601(article.date) : "",
        section: article.sectionFolder.flatMap { sectionIndex[$0] } ?? -1,
        year: isArticle ? clock.civil(article.date).year : 0,
        excerpt: String(article.summary.prefix(160)),
        terms: terms(
          title: article.title, description: article.description ?? "",
          labels: (article.categories + article.tags).joined(separator: ", "), body: article.bodyHTML))
    }
    let postingCount = documents.reduce(0) { $0 + $1.terms.keys.count }
    var shardCount = 1
    while shardCount < 1 << 14, postingCount * 2 / shardCount > shardTarget { shardCount <<= 1 }
    let shards = shardFiles(documents.map(\.terms), count: shardCount)
    var files: [File] = []
    for (number, bytes) in shards.enumerated() {
      files.append(File(name: String(number, radix: 16) + ".bin", bytes: bytes))
    }
    var chunk = 0
    while chunk * documentsPerChunk < documents.count {
      let slice = documents[(chunk * documentsPerChunk)..<min(documents.count, (chunk + 1) * documentsPerChunk)]
      let rows = slice.map { document -> JSON.Value in
        .array([
          .string(document.title), .string(document.url), .string(document.date), .string(document.datetime),
          .number(document.section), .string(document.excerpt),
        ])
      }
      files.append(File(name: "d\(chunk).json", bytes: Array(JSON.encode(.array(rows)).utf8)))
      chunk += 1
    }
    let years = Set(documents.map(\.year)).filter { $0 > 0 }.sorted(by: >)
    files.append(
      File(
        name: "facets.json",
        bytes: Array(
          JSON.encode(
            .object([
              ("s", .array(documents.map { .number($0.section) })), ("y", .array(documents.map { .number($0.year) })),
            ])
          ).utf8)))
    files.append(
      File(
        name: "meta.json",
        bytes: Array(
          JSON.encode(
            .object([
              ("v", .number(3)), ("shards", .number(shardCount)), ("docs", .number(documents.count)),
              ("chunk", .number(documentsPerChunk)),
              ("sections", .array(sections.map { .string($0.title) })),
              ("years", .array(years.map { .number($0) })),
            ])
          ).utf8)))
    return SearchIndex(files: files)
  }

  /// Each shard's file. The shards are made in a few groups on every core; each group
  /// reads every document's terms and keeps those of its shards.
  static func shardFiles(_ documents: [DocumentTerms], count: Int) -> [[UInt8]] {
    let mask = UInt32(count - 1)
    let groups = min(count, 8)
    let made = Array(0..<groups).parallelMap(chunkSize: 1) { group -> [(Int, [UInt8])] in
      // Each term once (where its bytes are) and its postings as a list threaded
      // through flat arrays, in document order: no array per term.
      var place: [UInt64: Int32] = [:]
      var termDocument: [Int32] = []
      var termIndex: [Int32] = []
      var termShard: [Int32] = []
      var termFirst: [Int32] = []
      var termLast: [Int32] = []
      var termCount: [Int32] = []
      var postingDocument: [Int32] = []
      var postingWeight: [UInt8] = []
      var postingNext: [Int32] = []
      for (number, terms) in documents.enumerated() {
        for index in terms.keys.indices {
          let shard = Int(terms.shardHashes[index] & mask)
          guard shard % groups == group else { continue }
          let posting = Int32(postingDocument.count)
          postingDocument.append(Int32(number))
          postingWeight.append(UInt8(min(terms.weights[index], 255)))
          postingNext.append(-1)
          let key = terms.keys[index]
          if let term = place[key] {
            postingNext[Int(termLast[Int(term)])] = posting
            termLast[Int(term)] = posting
            termCount[Int(term)] += 1
          } else {
            place[key] = Int32(termDocument.count)
            termDocument.append(Int32(number))
            termIndex.append(Int32(index))
            termShard.append(Int32(shard))
            termFirst.append(posting)
            termLast.append(posting)
            termCount.append(1)
          }
        }
      }
      var byShard: [Int: [Int]] = [:]
      for term in termShard.indices { byShard[Int(termShard[term]), default: []].append(term) }
      return byShard.map { shard, members in
        let sorted = members.map { ($0, documents[Int(termDocument[$0])].term(Int(termIndex[$0]))) }
          .sorted { $0.1.lexicographicallyPrecedes($1.1) }
        var out = Array("BTS3".utf8)
        appendVarint(sorted.count, to: &out)
        for (term, bytes) in sorted {
          appendVarint(bytes.count, to: &out)
          out += bytes
          var postings: [(Int32, UInt8)] = []
          postings.reserveCapacity(Int(termCount[term]))
          var posting = termFirst[term]
          while posting >= 0 {
            postings.append((postingDocument[Int(posting)], postingWeight[Int(posting)]))
            posting = postingNext[Int(posting)]
          }
          appendPostings(postings, documents: documents.count, to: &out)
        }
        return (shard, out)
      }
    }
    var files = Array(repeating: Array("BTS3".utf8) + [0], count: count)
    for (shard, bytes) in made.joined() { files[shard] = bytes }
    return files
  }

  /// A document's terms: its folded syllables, its pairs of adjacent folded
  /// syllables, and those pairs in exact form where a mark makes them differ.
  /// Title words count 8, description, categories and tags 3, body 1.
  static func terms(title: String, description: String, labels: String = "", body: String) -> DocumentTerms {
    var terms = DocumentTerms()
    var scanner = SyllableScanner()
    for (text, weight, html) in [(title, 8, false), (description, 3, false), (labels, 3, false), (body, 1, true)] {
      scanner.scan(text, html: html)
      for word in scanner.words.indices {
        let folded = scanner.folded(word)
        terms.add(folded, weight: weight)
        guard word > 0 else { continue }
        terms.add(scanner.folded(word - 1), folded, weight: weight)
        if !scanner.isPlain(word) || !scanner.isPlain(word - 1) {
          terms.add(scanner.exact(word - 1), scanner.exact(word), weight: weight)
        }
      }
    }
    terms.places = [:]
    return terms
  }

  /// FNV-1a, 32 bits, of the term's UTF-8: `tim-kiem.js` computes the same.
  static func fnv1a(_ term: String) -> UInt32 {
    var hash: UInt32 = 0x811c_9dc5
    for byte in term.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    return hash
  }

  /// A term's postings, in the shorter of two forms:
  /// - `0`, then each posting as the gap from the previous document and its weight;
  /// - `2` (a term many documents hold), then two bits per document, its weight's
  ///   level (`level(of:)`): a fixed size, whatever the weights, so that a query
  ///   for the commonest words reads about `documents / 4` bytes for each.
  static func appendPostings(_ postings: [(Int32, UInt8)], documents: Int, to out: inout [UInt8]) {
    appendVarint(postings.count, to: &out)
    let denseCount = (documents + 3) / 4
    // A gap costs a byte or two and a weight one: about 2.2 bytes a posting.
    if denseCount < postings.count * 2 {
      out.append(2)
      var levels = [UInt8](repeating: 0, count: denseCount)
      for (document, weight) in postings {
        levels[Int(document) >> 2] |= level(of: weight) << (UInt8(document & 3) * 2)
      }
      appendVarint(levels.count, to: &out)
      out += levels
    } else {
      out.append(0)
      var previous: Int32 = -1
      for (document, weight) in postings {
        appendVarint(Int(document - previous), to: &out)
        out.append(weight)
        previous = document
      }
    }
  }

  /// A weight in two bits: 1 once in the body, 2 a few times or in the description,
  /// 3 in the title or often. `tim-kiem.js` reads them back as weights 1, 3 and 8.
  static func level(of weight: UInt8) -> UInt8 {
    weight <= 1 ? 1 : weight < 8 ? 2 : 3
  }

  static func appendVarint(_ value: Int, to out: inout [UInt8]) {
    var rest = UInt(value)
    while rest >= 0x80 {
      out.append(UInt8(rest & 0x7f) | 0x80)
      rest >>= 7
    }
    out.append(UInt8(rest))
  }
}

/// The usual character references of HTML, as `SyllableScanner` reads an article's body.
enum HTMLText {
  static func decode(_ name: String) -> String {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos", "#39": return "'"
    case "nbsp": return " "
    default:
      if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        return String(Character(scalar))
      }
      if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
        return String(Character(scalar))
      }
      return " "
    }
  }
}
