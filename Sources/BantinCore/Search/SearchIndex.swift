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
    var places = KeyTable(capacity: 1024)

    /// A syllable's key: FNV-1a, 64 bits, of its bytes.
    static func key(_ bytes: ArraySlice<UInt8>) -> UInt64 {
      var key: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { key = (key ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
      return key
    }

    /// A pair's key, from its syllables' keys (not from its bytes: each word is
    /// hashed once, however many terms it is part of).
    static func key(_ first: UInt64, _ second: UInt64) -> UInt64 {
      var mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &+ 0x632B_E59B_D9B4_E019)
      mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
      return mixed ^ (mixed >> 29)
    }

    /// Adds a syllable, or a pair of them (`first second`), with `weight`, under
    /// `key`; the shard hash is computed the first time a term is seen.
    mutating func add(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>? = nil, key: UInt64, weight: Int) {
      if let place = places.value(for: key, orInsert: Int32(keys.count)) {
        weights[Int(place)] += weight
        return
      }
      var shardHash: UInt32 = 0x811c_9dc5
      for byte in first { shardHash = (shardHash ^ UInt32(byte)) &* 0x0100_0193 }
      starts.append(Int32(bytes.count))
      bytes.append(contentsOf: first)
      if let second {
        shardHash = (shardHash ^ 0x20) &* 0x0100_0193
        for byte in second { shardHash = (shardHash ^ UInt32(byte)) &* 0x0100_0193 }
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
  /// reads every document's terms once to count its shards' postings and once to
  /// place them by shard, in document order, then makes each shard on its own (a
  /// shard's terms fit in the processor's cache, the whole index's do not).
  static func shardFiles(_ documents: [DocumentTerms], count: Int) -> [[UInt8]] {
    let mask = UInt32(count - 1)
    let groups = min(count, 8)
    let groupMask = UInt32(groups - 1)  // both counts are powers of two
    let made = Array(0..<UInt32(groups)).parallelMap(chunkSize: 1) { group -> [(Int, [UInt8])] in
      var starts = [Int](repeating: 0, count: count + 1)
      for terms in documents {
        for hash in terms.shardHashes where hash & groupMask == group { starts[Int(hash & mask) + 1] += 1 }
      }
      for shard in 0..<count { starts[shard + 1] += starts[shard] }
      var next = starts
      let total = starts[count]
      var postingDocument = [Int32](repeating: 0, count: total)
      var postingIndex = [Int32](repeating: 0, count: total)
      var postingKey = [UInt64](repeating: 0, count: total)
      var postingWeight = [UInt8](repeating: 0, count: total)
      for (number, terms) in documents.enumerated() {
        for (index, hash) in terms.shardHashes.enumerated() where hash & groupMask == group {
          let shard = Int(hash & mask)
          let at = next[shard]
          next[shard] = at + 1
          postingDocument[at] = Int32(number)
          postingIndex[at] = Int32(index)
          postingKey[at] = terms.keys[index]
          postingWeight[at] = UInt8(min(terms.weights[index], 255))
        }
      }
      var files: [(Int, [UInt8])] = []
      for shard in 0..<count where starts[shard] < starts[shard + 1] {
        let range = starts[shard]..<starts[shard + 1]
        // Each posting's term, numbered in the order the documents first hold them.
        var table = KeyTable(capacity: range.count)
        var termOf = [Int32](repeating: 0, count: range.count)
        var firstPosting: [Int] = []
        var termCounts: [Int] = []
        for at in range {
          if let term = table.value(for: postingKey[at], orInsert: Int32(termCounts.count)) {
            termOf[at - range.lowerBound] = term
            termCounts[Int(term)] += 1
          } else {
            termOf[at - range.lowerBound] = Int32(termCounts.count)
            termCounts.append(1)
            firstPosting.append(at)
          }
        }
        // The postings by term, each term's in document order.
        var termStarts = [Int](repeating: 0, count: termCounts.count + 1)
        for term in termCounts.indices { termStarts[term + 1] = termStarts[term] + termCounts[term] }
        var fill = termStarts
        var byTerm = [Int](repeating: 0, count: range.count)
        for at in range {
          let term = Int(termOf[at - range.lowerBound])
          byTerm[fill[term]] = at
          fill[term] += 1
        }
        var out = Array("BTS3".utf8)
        appendVarint(termCounts.count, to: &out)
        for term in termCounts.indices {
          let first = firstPosting[term]
          let bytes = documents[Int(postingDocument[first])].term(Int(postingIndex[first]))
          appendVarint(bytes.count, to: &out)
          out += bytes
          let postings = byTerm[termStarts[term]..<termStarts[term + 1]].map {
            (postingDocument[$0], postingWeight[$0])
          }
          appendPostings(postings, documents: documents.count, to: &out)
        }
        files.append((shard, out))
      }
      return files
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
      var previous: (folded: UInt64, exact: UInt64) = (0, 0)
      for word in scanner.words.indices {
        let folded = scanner.folded(word)
        let current = (folded: DocumentTerms.key(folded), exact: DocumentTerms.key(scanner.exact(word)))
        terms.add(folded, key: current.folded, weight: weight)
        if word > 0 {
          terms.add(
            scanner.folded(word - 1), folded, key: DocumentTerms.key(previous.folded, current.folded), weight: weight)
          if !scanner.isPlain(word) || !scanner.isPlain(word - 1) {
            terms.add(
              scanner.exact(word - 1), scanner.exact(word), key: DocumentTerms.key(previous.exact, current.exact),
              weight: weight)
          }
        }
        previous = current
      }
    }
    terms.places = KeyTable(capacity: 0)
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
