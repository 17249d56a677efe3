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
///   occurrences in the title count 8, in the description 3, in the body 1.
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
    var terms: [(term: String, weight: UInt8)]
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
        excerpt: String(article.summary.prefix(220)),
        terms: terms(title: article.title, description: article.description ?? "", body: article.bodyHTML))
    }
    let postingCount = documents.reduce(0) { $0 + $1.terms.count }
    var shardCount = 1
    while shardCount < 1 << 14, postingCount * 2 / shardCount > shardTarget { shardCount <<= 1 }
    // Postings by shard, then each shard's terms in parallel.
    var byShard = Array(repeating: [(term: String, document: Int, weight: UInt8)](), count: shardCount)
    for (number, document) in documents.enumerated() {
      for (term, weight) in document.terms {
        byShard[Int(fnv1a(term) & UInt32(shardCount - 1))].append((term, number, weight))
      }
    }
    let shards = byShard.parallelMap(chunkSize: 16) { postings -> [UInt8] in
      var terms: [String: [(Int, UInt8)]] = [:]
      for posting in postings { terms[posting.term, default: []].append((posting.document, posting.weight)) }
      var out = Array("BTS1".utf8)
      appendVarint(terms.count, to: &out)
      for term in terms.keys.sorted() {
        let list = terms[term] ?? []
        let bytes = Array(term.utf8)
        appendVarint(bytes.count, to: &out)
        out += bytes
        appendVarint(list.count, to: &out)
        var previous = -1
        for (document, weight) in list {
          appendVarint(document - previous, to: &out)
          out.append(weight)
          previous = document
        }
      }
      return out
    }
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
              ("v", .number(1)), ("shards", .number(shardCount)), ("docs", .number(documents.count)),
              ("chunk", .number(documentsPerChunk)),
              ("sections", .array(sections.map { .string($0.title) })),
              ("years", .array(years.map { .number($0) })),
            ])
          ).utf8)))
    return SearchIndex(files: files)
  }

  /// A document's terms and their weights: title words count 8, description 3, body 1.
  static func terms(title: String, description: String, body: String) -> [(term: String, weight: UInt8)] {
    var weights: [String: Int] = [:]
    for (text, weight) in [(title, 8), (description, 3), (HTMLText.plain(body), 1)] {
      let syllables = SearchText.syllables(text)
      for (index, syllable) in syllables.enumerated() {
        weights[syllable.folded, default: 0] += weight
        guard index + 1 < syllables.count else { continue }
        let next = syllables[index + 1]
        weights[syllable.folded + " " + next.folded, default: 0] += weight
        let exact = syllable.exact + " " + next.exact
        if exact != syllable.folded + "0 " + next.folded + "0" { weights[exact, default: 0] += weight }
      }
    }
    return weights.map { ($0.key, UInt8(min($0.value, 255))) }
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

  static func appendVarint(_ value: Int, to out: inout [UInt8]) {
    var rest = UInt(value)
    while rest >= 0x80 {
      out.append(UInt8(rest & 0x7f) | 0x80)
      rest >>= 7
    }
    out.append(UInt8(rest))
  }
}

/// The text of an HTML body: tags dropped, the usual character references decoded.
enum HTMLText {
  static func plain(_ html: String) -> String {
    var out = ""
    out.reserveCapacity(html.utf8.count)
    var inTag = false
    var entity: String?
    for character in html {
      if inTag {
        if character == ">" {
          inTag = false
          out.append(" ")
        }
        continue
      }
      if var name = entity {
        if character == ";" {
          out += decode(name)
          entity = nil
        } else if name.count < 10 {
          name.append(character)
          entity = name
        } else {
          out += "&" + name
          entity = nil
        }
        continue
      }
      switch character {
      case "<": inTag = true
      case "&": entity = ""
      default: out.append(character)
      }
    }
    return out
  }

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
