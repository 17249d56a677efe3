import BantinCore

extension BuildMemo {
  static let magic = Array("bantin-memo-6\n".utf8)

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
    var (entry, article) = (value.entry, value.article)
    do {  // (a writer throws nothing)
      try visit(&entry, blank: .blank) { writer, entry in try entry.visit(&writer) }
      array(value.frontMatterDiagnostics) { $0.diagnostic($1) }
      try visit(&article, blank: .blank) { writer, article in try article.visit(&writer) }
    } catch {}
    array(value.articleDiagnostics) { $0.diagnostic($1) }
  }

  public mutating func diagnostic(_ value: Diagnostic) {
    bool(value.severity == .error)
    optional(value.path) { $0.string($1.rawValue) }
    optional(value.line) { $0.int($1) }
    optional(value.column) { $0.int($1) }
    string(value.message)
    optional(value.vietnamese) { $0.string($1) }
  }
}

extension BinaryReader {
  /// An entry as `BinaryWriter.memoEntry` wrote it; `encoded` is given the offset
  /// where it ends.
  mutating func memoEntry(encoded: (Int) -> BuildMemo.Encoded) throws -> (BuildMemo.EntryKey, BuildMemo.Entry) {
    let key = BuildMemo.EntryKey(path: SourcePath(try string()), content: try hash(), config: try hash())
    var entry: ContentEntry?
    try visit(&entry, blank: .blank) { reader, entry in try entry.visit(&reader) }
    let frontMatterDiagnostics = try array { try $0.diagnostic() }
    var article: Article?
    try visit(&article, blank: .blank) { reader, article in try article.visit(&reader) }
    let articleDiagnostics = try array { try $0.diagnostic() }
    return (
      key,
      BuildMemo.Entry(
        entry: entry, frontMatterDiagnostics: frontMatterDiagnostics, article: article,
        articleDiagnostics: articleDiagnostics, encoded: encoded(offset))
    )
  }

  public mutating func diagnostic() throws -> Diagnostic {
    let severity: Diagnostic.Severity = try bool() ? .error : .warning
    let path = try optional { SourcePath(try $0.string()) }
    let line = try optional { try $0.int() }
    let column = try optional { try $0.int() }
    let english = try string()
    let vietnamese = try optional { try $0.string() }
    return Diagnostic(
      severity, path: path, line: line, column: column, Say.cached(english: english, vietnamese: vietnamese))
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
