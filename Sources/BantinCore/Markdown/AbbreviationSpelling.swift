import Ccmark

/// The glossary's part of rendering an article: abbreviations spelled out in the
/// parsed document, before it is rendered to HTML.
extension CommonMark {
  /// Publishes the first use of each abbreviation `glossary` knows in `texts` (text
  /// nodes, in reading order) as `<abbr title="…">`, splitting its node; returns a
  /// warning at the first use of each word in capitals it does not know.
  static func spellOut(
    _ glossary: Glossary, in texts: [OpaquePointer], location: (OpaquePointer, Int) -> SourceLocation
  ) -> [Diagnostic] {
    var spelled = Set<String>()  // expansions: "Đ/c" and "đ/c" are one
    var warned = Set<String>()
    var warnings: [Diagnostic] = []
    for node in texts {
      let literal = string(cmark_node_get_literal(node))
      let words = Glossary.words(in: literal)
      if words.isEmpty { continue }
      let shouted = Glossary.isShouted(words)
      var found: [(range: Range<String.Index>, expansion: String)] = []
      for (word, offset) in words {
        // A file's or a site's name ("HUONG-DAN.md", "UBND.GOV.VN") holds no abbreviation to warn about.
        let after = literal[word.endIndex...]
        let named = after.first == "." && after.dropFirst().first?.isLetter == true
        // "UBND/HĐND", "QP-AN": the whole word if the glossary knows it, else its parts.
        let parts =
          glossary.expansion(of: word) != nil
          ? [word] : word.split(whereSeparator: { $0 == "/" || $0 == "-" })
        for part in parts {
          if let expansion = glossary.expansion(of: part) {
            if !expansion.isEmpty, spelled.insert(expansion).inserted {
              found.append((part.startIndex..<part.endIndex, expansion))
            }
          } else if !shouted, !named, Glossary.looksLikeAbbreviation(part), warned.insert(String(part)).inserted {
            let partOffset = offset + literal.utf8.distance(from: word.startIndex, to: part.startIndex)
            warnings.append(
              .warning(location(node, partOffset), Say.unknownAbbreviation(String(part), file: Glossary.path)))
          }
        }
      }
      if found.isEmpty { continue }
      var rest = literal.startIndex
      for (range, expansion) in found {
        if rest < range.lowerBound, let text = cmark_node_new(CMARK_NODE_TEXT) {
          cmark_node_set_literal(text, String(literal[rest..<range.lowerBound]))
          cmark_node_insert_before(node, text)
        }
        if let abbr = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
          cmark_node_set_on_enter(
            abbr, "<abbr title=\"\(HTML.escape(expansion))\">\(HTML.escape(String(literal[range])))</abbr>")
          cmark_node_set_on_exit(abbr, "")
          cmark_node_insert_before(node, abbr)
        }
        rest = range.upperBound
      }
      cmark_node_set_literal(node, String(literal[rest...]))
    }
    return warnings
  }
}
