/// Assembles the published site from its articles: what each section, term and
/// month lists, and each article's neighbours and related articles.
package struct SiteBuilder {
  let clock: SiteClock

  /// What `index` made, and the hash of what it was made from: the order of the
  /// articles and their sections, categories, tags and dates.
  package struct Index: Sendable, Equatable {
    package var inputs: StableHash
    package var sectionArticles: [String: [Int]]
    package var terms: [Taxonomy: [Term]]
    package var years: [ArchiveYear]
    package var links: [ArticleLinks]

    package init(
      inputs: StableHash, sectionArticles: [String: [Int]], terms: [Taxonomy: [Term]], years: [ArchiveYear],
      links: [ArticleLinks]
    ) {
      self.inputs = inputs
      self.sectionArticles = sectionArticles
      self.terms = terms
      self.years = years
      self.links = links
    }
  }

  /// Fills in the indexes of `site`, taking them from `previous` when they were made
  /// from the same; returns them for the next build.
  func index(_ site: inout Site, reusing previous: Index?) -> Index {
    let inputs = inputs(of: site.articles)
    let index: Index
    if let previous, previous.inputs == inputs, previous.fits(articles: site.articles.count) {
      index = previous
      assert(index == made(from: site, inputs: inputs), "SiteBuilder.inputs(of:) missed what the indexes are made of")
    } else {
      index = made(from: site, inputs: inputs)
    }
    site.sectionArticles = index.sectionArticles
    site.terms = index.terms
    site.indexTerms()
    site.years = index.years
    site.links = index.links
    return index
  }

  private func made(from site: Site, inputs: StableHash) -> Index {
    var fresh = site
    index(&fresh)
    return Index(
      inputs: inputs, sectionArticles: fresh.sectionArticles, terms: fresh.terms, years: fresh.years,
      links: fresh.links)
  }

  /// Everything of the articles, in order, that the indexes are made of.
  func inputs(of articles: [Article]) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(clock.timeZone.identifier)
    hasher.combine(articles.count)
    for article in articles {
      hasher.combine(optional: article.sectionFolder)
      hasher.combine(article.date)
      for names in [article.categories, article.tags] {
        hasher.combine(names.count)
        for name in names { hasher.combine(name) }
      }
    }
    return hasher.value
  }

  /// Fills in the indexes of `site`, whose `articles` are sorted newest first.
  func index(_ site: inout Site) {
    let articles = site.articles
    var bySection: [String: [Int]] = [:]
    // A section lists its own articles and those of the sections in it.
    var listed: [String: [Int]] = [:]
    for (index, article) in articles.enumerated() {
      guard let folder = article.sectionFolder else { continue }
      bySection[folder, default: []].append(index)
      var path = Substring(folder)
      while true {
        listed[String(path), default: []].append(index)
        guard let slash = path.lastIndex(of: "/") else { break }
        path = path[..<slash]
      }
    }
    site.sectionArticles = listed
    site.terms = Dictionary(uniqueKeysWithValues: Taxonomy.allCases.map { ($0, terms($0, of: articles)) })
    site.years = archive(of: articles)
    site.links = links(articles: articles, bySection: bySection, tags: site.terms[.tags] ?? [])
  }

  /// Terms of one taxonomy, in Vietnamese order. Spellings with one `TermKey` are
  /// one term, named by its most used spelling; different terms whose names make
  /// the same slug get different slugs (`an`, `an-2`), in Vietnamese order of their
  /// names, so that the same terms always get the same addresses.
  func terms(_ taxonomy: Taxonomy, of articles: [Article]) -> [Term] {
    var members: [TermKey: [Int]] = [:]
    var spellings: [TermKey: [String: Int]] = [:]
    var keys: [String: TermKey] = [:]
    for (index, article) in articles.enumerated() {
      var seen = Set<TermKey>()
      for name in taxonomy == .tags ? article.tags : article.categories {
        let key = keys[name] ?? TermKey(name)
        keys[name] = key
        guard !key.rawValue.isEmpty, seen.insert(key).inserted else { continue }
        members[key, default: []].append(index)
        spellings[key, default: [:]][name, default: 0] += 1
      }
    }
    var terms = members.map { key, indices in
      let names = spellings[key] ?? [:]
      let name =
        names.max { a, b in
          a.value != b.value ? a.value < b.value : VietnameseCollation.precedes(b.key, a.key)
        }?.key ?? key.rawValue
      var term = Term(taxonomy: taxonomy, name: name, key: key, slug: Slug(from: name).rawValue, articles: indices)
      term.spellings = names.keys.sorted()
      return term
    }.filter { !$0.slug.isEmpty }
    terms.sort { a, b in
      switch VietnameseCollation.compare(a.name, b.name) {
      case .orderedAscending: return true
      case .orderedDescending: return false
      case .orderedSame: return a.name != b.name ? a.name < b.name : a.key < b.key
      }
    }
    // One slug per term: the first of a slug (in that order) keeps it, the others
    // get the first free `slug-2`, `slug-3`, …
    var taken = Set(terms.map(\.slug))
    var first = Set<String>()
    for index in terms.indices where !first.insert(terms[index].slug).inserted {
      var number = 2
      while taken.contains("\(terms[index].slug)-\(number)") { number += 1 }
      terms[index].slug += "-\(number)"
      taken.insert(terms[index].slug)
    }
    return terms
  }

  /// Years and months, newest first, in the site's time zone.
  func archive(of articles: [Article]) -> [ArchiveYear] {
    var years: [ArchiveYear] = []
    for (index, article) in articles.enumerated() {
      let date = clock.civil(article.date)
      if years.last?.year != date.year {
        years.append(ArchiveYear(year: date.year, articles: [], months: []))
      }
      years[years.count - 1].articles.append(index)
      if years[years.count - 1].months.last?.month != date.month {
        years[years.count - 1].months.append(ArchiveMonth(year: date.year, month: date.month, articles: []))
      }
      let last = years[years.count - 1].months.count - 1
      years[years.count - 1].months[last].articles.append(index)
    }
    return years
  }

  /// How many articles "related" lists.
  static let relatedCount = 5
  /// How far around an article each of its tags is searched for related ones.
  static let relatedWindow = 60

  /// Older and newer articles in the section, and up to five related ones: those
  /// sharing the most tags (nearest in time first), then the section's nearest.
  func links(articles: [Article], bySection: [String: [Int]], tags: [Term]) -> [ArticleLinks] {
    var links = Array(repeating: ArticleLinks(), count: articles.count)
    var position: [Int: Int] = [:]
    for indices in bySection.values {
      for (offset, index) in indices.enumerated() {
        position[index] = offset
        if offset > 0 { links[index].newer = indices[offset - 1] }
        if offset + 1 < indices.count { links[index].older = indices[offset + 1] }
      }
    }
    var tagMembers: [TermKey: [Int]] = [:]
    var slugs: [String: TermKey] = [:]
    for term in tags {
      tagMembers[term.key] = term.articles
    }
    for article in articles {
      for tag in article.tags where slugs[tag] == nil { slugs[tag] = TermKey(tag) }
    }
    let members = tagMembers
    let tagSlugs = slugs
    let sectionPosition = position
    let related = articles.indices.parallelChunks(chunkSize: 256) { range in
      var scores = [UInt8](repeating: 0, count: articles.count)
      return range.map { index in
        SiteBuilder.related(
          to: index, article: articles[index], slugs: tagSlugs, tagMembers: members, bySection: bySection,
          position: sectionPosition, scores: &scores)
      }
    }
    for index in articles.indices { links[index].related = related[index] }
    return links
  }

  /// Up to five related articles: those sharing the most tags (nearest in time
  /// first), then the section's nearest. `scores` is zeros for every article, and
  /// is left so.
  static func related(
    to index: Int, article: Article, slugs: [String: TermKey], tagMembers: [TermKey: [Int]], bySection: [String: [Int]],
    position: [Int: Int], scores: inout [UInt8]
  ) -> [Int] {
    var touched: [Int] = []
    var seenTags = Set<TermKey>()
    for tag in article.tags {
      guard let slug = slugs[tag], seenTags.insert(slug).inserted, let members = tagMembers[slug] else { continue }
      let at = lowerBound(of: index, in: members)
      let window = max(0, at - relatedWindow)..<min(members.count, at + relatedWindow + 1)
      for other in members[window] where other != index {
        if scores[other] == 0 { touched.append(other) }
        scores[other] &+= 1
      }
    }
    var candidates = touched.map { (key: $0, value: Int(scores[$0])) }
    for other in touched { scores[other] = 0 }
    var related = best(&candidates, around: index, count: relatedCount)
    if related.count < relatedCount, let folder = article.sectionFolder, let section = bySection[folder],
      let at = position[index]
    {
      var distance = 1
      while related.count < relatedCount, distance < section.count {
        for candidate in [at - distance, at + distance] where section.indices.contains(candidate) {
          let other = section[candidate]
          if related.count < relatedCount, !related.contains(other) { related.append(other) }
        }
        distance += 1
      }
    }
    return related
  }

  /// The `count` candidates with the highest scores, nearest to `index` first among
  /// equals, then the earlier: a selection without sorting every candidate.
  static func best(_ scores: inout [(key: Int, value: Int)], around index: Int, count: Int) -> [Int] {
    func before(_ a: (key: Int, value: Int), _ b: (key: Int, value: Int)) -> Bool {
      if a.value != b.value { return a.value > b.value }
      let (distanceA, distanceB) = (abs(a.key - index), abs(b.key - index))
      return distanceA != distanceB ? distanceA < distanceB : a.key < b.key
    }
    var chosen: [(key: Int, value: Int)] = []
    chosen.reserveCapacity(count + 1)
    for candidate in scores {
      guard chosen.count < count || before(candidate, chosen[chosen.count - 1]) else { continue }
      let at = chosen.firstIndex { before(candidate, $0) } ?? chosen.count
      chosen.insert(candidate, at: at)
      if chosen.count > count { chosen.removeLast() }
    }
    return chosen.map(\.key)
  }

  private static func lowerBound(of value: Int, in sorted: [Int]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

extension SiteBuilder.Index {
  /// Whether every index it holds is an index of `count` articles: an index read
  /// from a damaged cache file is never used to look an article up.
  func fits(articles count: Int) -> Bool {
    let range = 0..<count
    func fit(_ indices: [Int]) -> Bool { indices.allSatisfy(range.contains) }
    return links.count == count && sectionArticles.values.allSatisfy(fit)
      && terms.values.allSatisfy { $0.allSatisfy { fit($0.articles) } }
      && years.allSatisfy { fit($0.articles) && $0.months.allSatisfy { fit($0.articles) } }
      && links.allSatisfy { fit($0.related) && fit($0.older.map { [$0] } ?? []) && fit($0.newer.map { [$0] } ?? []) }
  }
}
