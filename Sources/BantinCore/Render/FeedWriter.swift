/// Writes Atom 1.0 and RSS 2.0 feeds of the newest articles, with absolute URLs and
/// full dates in the site's zone.
struct FeedWriter {
  let renderer: PageRenderer

  var site: Site { renderer.site }
  var url: SiteURL { site.url }
  var clock: SiteClock { renderer.clock }

  /// The newest articles of the feed's section, term or site: what it lists.
  func indices(of feed: Feed) -> [Int] {
    let newestFirst: [Int]
    switch feed.subject {
    case .site: newestFirst = Array(site.articles.indices)
    case .section(let section): newestFirst = site.sectionArticles[section.folder] ?? []
    case .term(let term): newestFirst = term.articles
    }
    return Array(newestFirst.prefix(Feed.size))
  }

  func render(_ feed: Feed) -> String {
    let articles = indices(of: feed).map { site.articles[$0] }
    let name = site.config.title
    let fallback = site.config.description.isEmpty ? name : site.config.description
    let title: String
    let description: String
    switch feed.subject {
    case .site: (title, description) = (name, fallback)
    case .section(let section): (title, description) = ("\(section.title) – \(name)", section.description ?? fallback)
    case .term(let term):
      let words = renderer.words
      (title, description) = (
        "\(words.title(of: term.taxonomy)): \(term.name) – \(name)", words.articlesAbout(term.name)
      )
    }
    let page = feed.pagePath
    let updated = articles.map(\.updated).max() ?? renderer.now
    switch feed.format {
    case .atom:
      return atom(articles, title: title, subtitle: description, page: page, feed: feed, updated: updated)
    case .rss: return rss(articles, title: title, description: description, page: page, feed: feed, updated: updated)
    }
  }

  private func atom(
    _ articles: [Article], title: String, subtitle: String, page: String, feed: Feed, updated: Timestamp
  ) -> String {
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.config.language))">
        <title>\(XML.escape(title))</title>
        <subtitle>\(XML.escape(subtitle))</subtitle>
        <link rel="self" type="application/atom+xml" href="\(XML.escape(url.absolute(feed.urlPath)))"/>
        <link rel="alternate" type="text/html" href="\(XML.escape(url.absolute(page)))"/>
        <id>\(XML.escape(url.absolute(page)))</id>
        <updated>\(clock.iso8601(updated))</updated>
        <author><name>\(XML.escape(site.config.publisher ?? site.config.title))</name></author>
        <generator version="\(BantinCore.version)">bantin</generator>

      """
    for article in articles {
      let link = XML.escape(url.absolute(article.urlPath))
      xml += """
          <entry>
            <title>\(XML.escape(article.title))</title>
            <link rel="alternate" type="text/html" href="\(link)"/>
            <id>\(link)</id>
            <published>\(clock.iso8601(article.date))</published>
            <updated>\(clock.iso8601(article.updated))</updated>

        """
      if let author = article.author { xml += "    <author><name>\(XML.escape(author))</name></author>\n" }
      for (taxonomy, names) in [(Taxonomy.categories, article.categories), (.tags, article.tags)] {
        for name in names {
          let slug = site.termSlug(taxonomy, name)
          xml += "    <category term=\"\(XML.escape(slug))\" label=\"\(XML.escape(name))\"/>\n"
        }
      }
      xml += "    <summary>\(XML.escape(article.summary))</summary>\n"
      // A term's feed lists its articles with their summaries, as Hugo's do; the
      // site's and sections' feeds carry the whole text.
      if case .term = feed.subject {
      } else {
        xml += "    <content type=\"html\">\(XML.escape(absoluteLinks(article.bodyHTML)))</content>\n"
      }
      xml += "  </entry>\n"
    }
    return xml + "</feed>\n"
  }

  private func rss(
    _ articles: [Article], title: String, description: String, page: String, feed: Feed, updated: Timestamp
  ) -> String {
    var xml = """
      <?xml version="1.0" encoding="utf-8"?>
      <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>\(XML.escape(title))</title>
          <link>\(XML.escape(url.absolute(page)))</link>
          <description>\(XML.escape(description))</description>
          <language>\(XML.escape(site.config.language))</language>
          <lastBuildDate>\(clock.rfc822(updated))</lastBuildDate>
          <generator>bantin \(BantinCore.version)</generator>
          <atom:link href="\(XML.escape(url.absolute(feed.urlPath)))" rel="self" type="application/rss+xml"/>

      """
    for article in articles {
      let link = XML.escape(url.absolute(article.urlPath))
      xml += """
            <item>
              <title>\(XML.escape(article.title))</title>
              <link>\(link)</link>
              <guid isPermaLink="true">\(link)</guid>
              <pubDate>\(clock.rfc822(article.date))</pubDate>

        """
      if let author = article.author { xml += "      <dc:creator>\(XML.escape(author))</dc:creator>\n" }
      for tag in article.categories + article.tags { xml += "      <category>\(XML.escape(tag))</category>\n" }
      xml += """
              <description>\(XML.escape(absoluteLinks(article.bodyHTML)))</description>
            </item>

        """
    }
    return xml + "  </channel>\n</rss>\n"
  }

  /// The body with its site links (`href="/…"`, `src="/…"`) made absolute, for
  /// readers that show an entry away from the site.
  func absoluteLinks(_ html: String) -> String {
    let html = FeedWriter.plainImages(html)
    guard !url.origin.isEmpty else { return html }
    var result = ""
    result.reserveCapacity(html.utf8.count + 256)
    var rest = html[...]
    while let match = rest.firstRange(of: "=\"/") {
      let attribute = rest[..<match.lowerBound].suffix(4)
      result += rest[..<match.lowerBound]
      result += "=\""
      let after = rest[match.upperBound...]
      if (attribute == "href" || attribute.hasSuffix("src")) && !after.hasPrefix("/") {
        result += url.origin
      }
      result += "/"
      rest = after
    }
    return result + rest
  }
}

extension FeedWriter {
  /// The body with each `<picture>` as its `<img>` alone and no `srcset`, `sizes`
  /// or `fetchpriority`: feed readers show one image, from `src`, away from the
  /// site's layout. (The body's tags are bantin's own: raw HTML is not published.)
  static func plainImages(_ html: String) -> String {
    guard html.contains("<picture>") || html.contains(" srcset=\"") else { return html }
    var result = ""
    result.reserveCapacity(html.utf8.count)
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      result += rest[..<open]
      rest = rest[open...]
      if rest.hasPrefix("<picture>") {
        rest = rest.dropFirst("<picture>".count)
      } else if rest.hasPrefix("</picture>") {
        rest = rest.dropFirst("</picture>".count)
      } else if rest.hasPrefix("<source "), let close = rest.firstIndex(of: ">") {
        rest = rest[rest.index(after: close)...]
      } else if rest.hasPrefix("<img "), let close = rest.firstIndex(of: ">") {
        var tag = String(rest[...close])
        for attribute in [" srcset=\"", " sizes=\"", " fetchpriority=\""] {
          if let start = tag.range(of: attribute),
            let end = tag[start.upperBound...].firstIndex(of: "\"")
          {
            tag.removeSubrange(start.lowerBound...end)
          }
        }
        result += tag
        rest = rest[rest.index(after: close)...]
      } else {
        result += "<"
        rest = rest.dropFirst()
      }
    }
    return result + rest
  }
}

/// Writes `sitemap.xml` (and, past 50,000 addresses, a sitemap index with parts).
struct SitemapWriter {
  let site: Site
  let clock: SiteClock

  /// The protocol's limit of addresses in one sitemap file.
  static let limit = 50_000

  /// Every page worth finding: home, sections, articles, pages, terms, archives.
  /// Later pages of lists are left out, as Hugo does.
  func entries() -> [(path: String, updated: Timestamp?)] {
    let newest = { (indices: [Int]) in indices.first.map { site.articles[$0].updated } }
    var entries: [(String, Timestamp?)] = [("/", newest(Array(site.articles.indices)))]
    for section in site.sections {
      entries.append((section.urlPath, newest(site.sectionArticles[section.folder] ?? [])))
    }
    for article in site.articles { entries.append((article.urlPath, article.updated)) }
    for page in site.pages { entries.append((page.urlPath, page.dated ? page.updated : page.lastmod)) }
    for taxonomy in Taxonomy.allCases {
      let terms = site.terms[taxonomy] ?? []
      entries.append((taxonomy.urlPath, terms.compactMap { newest($0.articles) }.max()))
      for term in terms { entries.append((term.urlPath, newest(term.articles))) }
    }
    entries.append((ArchivesIndexOutput.path, newest(Array(site.articles.indices))))
    for year in site.years {
      entries.append((year.urlPath, newest(year.articles)))
      for month in year.months { entries.append((month.urlPath, newest(month.articles))) }
    }
    return entries
  }

  static func parts(count: Int) -> Int { count > limit ? (count + limit - 1) / limit : 0 }

  func render(part: Int?) -> String {
    let all = entries()
    if part == nil, SitemapWriter.parts(count: all.count) > 0 {
      var xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      for number in 1...SitemapWriter.parts(count: all.count) {
        xml += "  <sitemap><loc>\(XML.escape(site.url.absolute("/sitemap-\(number).xml")))</loc></sitemap>\n"
      }
      return xml + "</sitemapindex>\n"
    }
    let slice = part.map { all.dropFirst(($0 - 1) * SitemapWriter.limit).prefix(SitemapWriter.limit) } ?? all[...]
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for (path, updated) in slice {
      xml += "  <url><loc>\(XML.escape(site.url.absolute(path)))</loc>"
      if let updated { xml += "<lastmod>\(clock.iso8601(updated))</lastmod>" }
      xml += "</url>\n"
    }
    return xml + "</urlset>\n"
  }
}
