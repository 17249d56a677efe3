/// A compact byte format for the build cache: little-endian integers, strings with
/// their length, optionals with a flag. Reading checks every length, so a damaged
/// or foreign file fails to read instead of being trusted.
public struct BinaryWriter {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  public mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  public mutating func hash(_ value: StableHash) {
    int(Int(bitPattern: UInt(value.high)))
    int(Int(bitPattern: UInt(value.low)))
  }

  public mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }

  public mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }
}

public struct BinaryReader {
  public struct Damaged: Error {}

  let bytes: [UInt8]
  public var offset = 0

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public var atEnd: Bool { offset == bytes.count }

  public mutating func int() throws -> Int {
    guard bytes.count - offset >= 8 else { throw Damaged() }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    offset += 8
    return Int(Int64(bitPattern: UInt64(littleEndian: value)))
  }

  /// A count of items that follow: each takes at least a byte, so a count larger
  /// than the bytes left (or than 2^24) is damage, never a reason to loop or reserve.
  public mutating func count() throws -> Int {
    let value = try int()
    guard value >= 0, value <= bytes.count - offset, value <= 1 << 24 else { throw Damaged() }
    return value
  }

  public mutating func bool() throws -> Bool {
    guard offset < bytes.count else { throw Damaged() }
    offset += 1
    return bytes[offset - 1] != 0
  }

  public mutating func string() throws -> String {
    let length = try int()
    guard length >= 0, bytes.count - offset >= length else { throw Damaged() }
    defer { offset += length }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
    }
  }

  public mutating func hash() throws -> StableHash {
    let high = UInt64(bitPattern: Int64(try int()))
    let low = UInt64(bitPattern: Int64(try int()))
    return StableHash(high: high, low: low)
  }

  public mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
    try bool() ? try read(&self) : nil
  }

  public mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
    let count = try count()
    var values: [T] = []
    values.reserveCapacity(min(count, 1 << 16))
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }
}

extension SiteConfig {
  /// The settings, hashed: what a cached article was made with.
  public var fingerprint: StableHash {
    var hasher = StableHasher()
    for text in [
      title, description, baseURL.origin, baseURL.basePath, language, timeZone.identifier, publisher ?? "\u{0}",
    ] {
      hasher.combine(text)
    }
    for number in [pageSize, maxArticleBytes, maxPageBytes, maxOutputBytes, maxOutputFiles] { hasher.combine(number) }
    return hasher.value
  }
}

extension BuildMemo {
  static let magic = Array("bantin-memo-3\n".utf8)

  /// The memo as bytes, for the build cache, handed to `write` a part at a time so
  /// that the whole is never held in memory.
  public func encode(to write: (ArraySlice<UInt8>) throws -> Void) rethrows {
    // Chunks of the file the memo was read from whose entries are all kept go back
    // as they are; the other entries are framed in new chunks.
    let file = encodedFile
    var kept: [[(EntryKey, Entry)]] = Array(repeating: [], count: file?.chunks.count ?? 0)
    var loose: [(EntryKey, Entry)] = []
    for (key, value) in entries {
      if let encoded = value.encoded, encoded.file === file {
        kept[encoded.chunk].append((key, value))
      } else {
        loose.append((key, value))
      }
    }
    var whole: [ArraySlice<UInt8>] = []
    for (index, members) in kept.enumerated() {
      if let file, members.count == file.chunks[index].count {
        whole.append(file.chunks[index].bytes)
      } else {
        loose += members
      }
    }
    var head = BinaryWriter()
    head.bytes = BuildMemo.magic
    head.string(BantinCore.version)
    let chunk = 256
    head.int(whole.count + (loose.count + chunk - 1) / chunk)
    try write(head.bytes[...])
    for bytes in whole { try write(bytes) }
    // New chunks are encoded on every core, a few hundred entries at a time, each
    // with its count and length so that reading can decode them on every core too.
    var start = 0
    while start < loose.count {
      let group = Array(loose[start..<min(start + chunk * 8, loose.count)])
      start += group.count
      let parts = Array(stride(from: 0, to: group.count, by: chunk)).parallelMap(chunkSize: 1) { first in
        let items = group[first..<min(first + chunk, group.count)]
        var writer = BinaryWriter()
        writer.bytes.reserveCapacity(16 + items.reduce(0) { $0 + ($1.1.encoded?.bytes.count ?? 4096) })
        writer.int(items.count)
        writer.int(0)  // the length of what follows, filled in below
        for (key, value) in items {
          if let encoded = value.encoded {
            writer.bytes += encoded.bytes
          } else {
            writer.memoEntry(key, value)
          }
        }
        let length = Int64(writer.bytes.count - 16).littleEndian
        withUnsafeBytes(of: length) { writer.bytes.replaceSubrange(8..<16, with: $0) }
        return writer.bytes
      }
      for part in parts { try write(part[...]) }
    }
    var tail = BinaryWriter()
    tail.optional(references) { $0.hash($1) }
    tail.optional(outputsChecked) { $0.hash($1) }
    tail.optional(siteIndex) { $0.siteIndex($1) }
    tail.array(Array(pages)) { writer, page in
      writer.string(page.key.rawValue)
      writer.optional(page.value.inputs) { $0.hash($1) }
      writer.hash(page.value.fingerprint)
    }
    try write(tail.bytes[...])
  }

  /// The memo as bytes, for the build cache.
  public func encoded() -> [UInt8] {
    var bytes: [UInt8] = []
    encode { bytes += $0 }
    return bytes
  }

  /// Reads a memo written by `encoded()` by the same version of bantin; nil for
  /// anything else.
  public init?(decoding bytes: [UInt8], from start: Int = 0) {
    guard bytes.count >= start, bytes[start...].starts(with: BuildMemo.magic) else { return nil }
    var reader = BinaryReader(bytes)
    reader.offset = start + BuildMemo.magic.count
    do {
      guard try reader.string() == BantinCore.version else { return nil }
      var memo = BuildMemo()
      var chunks: [(count: Int, start: Int, end: Int)] = []
      for _ in 0..<(try reader.count()) {
        let count = try reader.count()
        let length = try reader.count()
        guard length <= bytes.count - reader.offset else { return nil }
        chunks.append((count, reader.offset, reader.offset + length))
        reader.offset += length
      }
      let file = EncodedFile(chunks: chunks.map { (bytes[($0.start - 16)..<$0.end], $0.count) })  // with the frame
      memo.encodedFile = file
      let decoded = Array(chunks.enumerated()).parallelMap(chunkSize: 1) { number, chunk -> [(EntryKey, Entry)]? in
        var part = BinaryReader(bytes)
        part.offset = chunk.start
        var items: [(EntryKey, Entry)] = []
        items.reserveCapacity(min(chunk.count, 4096))
        do {
          for _ in 0..<chunk.count {
            let start = part.offset
            items.append(try part.memoEntry { Encoded(bytes: bytes[start..<$0], file: file, chunk: number) })
          }
        } catch {
          return nil
        }
        return part.offset == chunk.end ? items : nil
      }
      memo.entries.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
      for items in decoded {
        guard let items else { return nil }
        for (key, entry) in items { memo.entries[key] = entry }
      }
      memo.references = try reader.optional { try $0.hash() }
      memo.outputsChecked = try reader.optional { try $0.hash() }
      memo.siteIndex = try reader.optional { try $0.siteIndex() }
      let pages = try reader.count()
      for _ in 0..<pages {
        let path = OutputPath(try reader.string())
        memo.pages[path] = PageRecord(inputs: try reader.optional { try $0.hash() }, fingerprint: try reader.hash())
      }
      guard reader.atEnd else { return nil }
      self = memo
    } catch {
      return nil
    }
  }
}

extension BinaryWriter {
  mutating func memoEntry(_ key: BuildMemo.EntryKey, _ value: BuildMemo.Entry) {
    string(key.path.rawValue)
    hash(key.content)
    hash(key.config)
    optional(value.entry) { $0.entry($1) }
    array(value.frontMatterDiagnostics) { $0.diagnostic($1) }
    optional(value.article) { $0.article($1) }
    array(value.articleDiagnostics) { $0.diagnostic($1) }
  }

  public mutating func timestamp(_ value: Timestamp) { int(Int(value.secondsSince1970)) }

  mutating func location(_ value: SourceLocation) {
    string(value.path.rawValue)
    int(value.line)
    int(value.column)
  }

  public mutating func diagnostic(_ value: Diagnostic) {
    bool(value.severity == .error)
    optional(value.path) { $0.string($1.rawValue) }
    optional(value.line) { $0.int($1) }
    optional(value.column) { $0.int($1) }
    string(value.message)
  }

  mutating func entry(_ value: ContentEntry) {
    string(value.path.rawValue)
    let roles: [ContentEntry.Role] = [.article, .page, .sectionIndex, .homeIndex]
    int(roles.firstIndex(of: value.role) ?? 0)
    optional(value.sectionFolder) { $0.string($1) }
    string(value.urlPath)
    optional(value.bundle) { $0.string($1.rawValue) }
    array(value.aliases) { $0.string($1) }
    let frontMatter = value.frontMatter
    optional(frontMatter.title?.value) { $0.string($1) }
    optional(frontMatter.description?.value) { $0.string($1) }
    optional(frontMatter.weight) { $0.int($1) }
    optional(frontMatter.expiryDate?.value) { $0.timestamp($1) }
    optional(frontMatter.date?.value) { $0.timestamp($1) }
    bool(frontMatter.draft)
  }

  mutating func article(_ value: Article) {
    string(value.source.rawValue)
    optional(value.sectionFolder) { $0.string($1) }
    string(value.urlPath)
    string(value.title)
    optional(value.description) { $0.string($1) }
    string(value.summary)
    timestamp(value.date)
    bool(value.dated)
    optional(value.lastmod) { $0.timestamp($1) }
    optional(value.author) { $0.string($1) }
    array(value.categories) { $0.string($1) }
    array(value.tags) { $0.string($1) }
    bool(value.draft)
    optional(value.image) { writer, image in
      writer.string(image.src)
      writer.optional(image.width) { $0.int($1) }
      writer.optional(image.height) { $0.int($1) }
    }
    value.body.withUTF8 { bytes in
      int(bytes.count)
      self.bytes.append(contentsOf: bytes)
    }
    int(value.wordCount)
    array(value.internalLinks) { writer, link in
      writer.string(link.path)
      writer.location(link.location)
    }
    array(value.aliases) { $0.string($1) }
    array(value.lookups) { writer, lookup in
      writer.int(lookup.kind.rawValue)
      writer.string(lookup.destination)
      writer.location(lookup.location)
      writer.hash(lookup.found)
    }
    optional(value.shownHash) { $0.hash($1) }
  }
}

extension BinaryReader {
  /// An entry as `BinaryWriter.memoEntry` wrote it; `encoded` is given the offset
  /// where it ends.
  mutating func memoEntry(encoded: (Int) -> BuildMemo.Encoded) throws -> (BuildMemo.EntryKey, BuildMemo.Entry) {
    let key = BuildMemo.EntryKey(path: SourcePath(try string()), content: try hash(), config: try hash())
    let entry = try optional { try $0.entry() }
    let frontMatterDiagnostics = try array { try $0.diagnostic() }
    let article = try optional { try $0.article() }
    let articleDiagnostics = try array { try $0.diagnostic() }
    return (
      key,
      BuildMemo.Entry(
        entry: entry, frontMatterDiagnostics: frontMatterDiagnostics, article: article,
        articleDiagnostics: articleDiagnostics, encoded: encoded(offset))
    )
  }

  public mutating func timestamp() throws -> Timestamp { Timestamp(secondsSince1970: Int64(try int())) }

  mutating func location() throws -> SourceLocation {
    SourceLocation(SourcePath(try string()), line: try int(), column: try int())
  }

  public mutating func diagnostic() throws -> Diagnostic {
    let severity: Diagnostic.Severity = try bool() ? .error : .warning
    var value = Diagnostic(severity, in: try optional { SourcePath(try $0.string()) }, "")
    value.line = try optional { try $0.int() }
    value.column = try optional { try $0.int() }
    value.message = try string()
    return value
  }

  mutating func entry() throws -> ContentEntry {
    let path = SourcePath(try string())
    let roles: [ContentEntry.Role] = [.article, .page, .sectionIndex, .homeIndex]
    let role = try int()
    guard roles.indices.contains(role) else { throw Damaged() }
    let sectionFolder = try optional { try $0.string() }
    let urlPath = try string()
    let bundle = try optional { SourcePath(try $0.string()) }
    let aliases = try array { try $0.string() }
    let here = SourceLocation(path, line: 1, column: 1)
    var frontMatter = FrontMatter()
    frontMatter.title = try optional { try $0.string() }.map { FrontMatter.Field(value: $0, location: here) }
    frontMatter.description = try optional { try $0.string() }.map { FrontMatter.Field(value: $0, location: here) }
    frontMatter.weight = try optional { try $0.int() }
    frontMatter.expiryDate = try optional { try $0.timestamp() }.map { FrontMatter.Field(value: $0, location: here) }
    frontMatter.date = try optional { try $0.timestamp() }.map { FrontMatter.Field(value: $0, location: here) }
    frontMatter.draft = try bool()
    return ContentEntry(
      path: path, markdown: nil, frontMatter: frontMatter, role: roles[role], sectionFolder: sectionFolder,
      urlPath: urlPath, bundle: bundle, aliases: aliases)
  }

  mutating func article() throws -> Article {
    let source = SourcePath(try string())
    let sectionFolder = try optional { try $0.string() }
    let urlPath = try string()
    let title = try string()
    let description = try optional { try $0.string() }
    let summary = try string()
    let date = try timestamp()
    let dated = try bool()
    let lastmod = try optional { try $0.timestamp() }
    let author = try optional { try $0.string() }
    let categories = try array { try $0.string() }
    let tags = try array { try $0.string() }
    let draft = try bool()
    let image = try optional { reader in
      ResolvedImage(
        src: try reader.string(), width: try reader.optional { try $0.int() },
        height: try reader.optional { try $0.int() })
    }
    let length = try count()
    guard bytes.count - offset >= length else { throw Damaged() }
    let body = bytes[offset..<(offset + length)]  // made text only where a page shows it
    offset += length
    let wordCount = try int()
    let links = try array { reader in InternalLink(path: try reader.string(), location: try reader.location()) }
    let aliases = try array { try $0.string() }
    let lookups = try array { reader in
      guard let kind = Lookup.Kind(rawValue: try reader.int()) else { throw Damaged() }
      return Lookup(
        kind: kind, destination: try reader.string(), location: try reader.location(), found: try reader.hash())
    }
    var article = Article(
      source: source, sectionFolder: sectionFolder, urlPath: urlPath, title: title, description: description,
      summary: summary, date: date, lastmod: lastmod, author: author, categories: categories, tags: tags,
      draft: draft, image: image, bodyHTML: "", wordCount: wordCount, internalLinks: links, aliases: aliases)
    article.body = HTMLBody(utf8: body)
    article.dated = dated
    article.lookups = lookups
    article.shownHash = try optional { try $0.hash() }
    return article
  }
}

extension BinaryWriter {
  mutating func siteIndex(_ index: SiteBuilder.Index) {
    hash(index.inputs)
    array(index.sectionArticles.sorted { $0.key < $1.key }) { writer, item in
      writer.string(item.key)
      writer.array(item.value) { $0.int($1) }
    }
    for taxonomy in Taxonomy.allCases {
      array(index.terms[taxonomy] ?? []) { writer, term in
        writer.string(term.name)
        writer.string(term.key.rawValue)
        writer.string(term.slug)
        writer.array(term.spellings) { $0.string($1) }
        writer.array(term.articles) { $0.int($1) }
      }
    }
    array(index.years) { writer, year in
      writer.int(year.year)
      writer.array(year.articles) { $0.int($1) }
      writer.array(year.months) { writer, month in
        writer.int(month.month)
        writer.array(month.articles) { $0.int($1) }
      }
    }
    array(index.links) { writer, links in
      writer.optional(links.older) { $0.int($1) }
      writer.optional(links.newer) { $0.int($1) }
      writer.array(links.related) { $0.int($1) }
    }
  }
}

extension BinaryReader {
  mutating func siteIndex() throws -> SiteBuilder.Index {
    let inputs = try hash()
    var sectionArticles: [String: [Int]] = [:]
    for _ in 0..<(try count()) {
      let folder = try string()
      sectionArticles[folder] = try array { try $0.int() }
    }
    var terms: [Taxonomy: [Term]] = [:]
    for taxonomy in Taxonomy.allCases {
      terms[taxonomy] = try array { reader in
        let (name, key, slug) = (try reader.string(), TermKey(rawKey: try reader.string()), try reader.string())
        let spellings = try reader.array { try $0.string() }
        var term = Term(
          taxonomy: taxonomy, name: name, key: key, slug: slug, articles: try reader.array { try $0.int() })
        term.spellings = spellings
        return term
      }
    }
    let years = try array { reader in
      let year = try reader.int()
      return ArchiveYear(
        year: year, articles: try reader.array { try $0.int() },
        months: try reader.array { reader in
          ArchiveMonth(year: year, month: try reader.int(), articles: try reader.array { try $0.int() })
        })
    }
    let links = try array { reader in
      ArticleLinks(
        older: try reader.optional { try $0.int() }, newer: try reader.optional { try $0.int() },
        related: try reader.array { try $0.int() })
    }
    return SiteBuilder.Index(
      inputs: inputs, sectionArticles: sectionArticles, terms: terms, years: years, links: links)
  }
}
