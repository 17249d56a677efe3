import Ccmark

#if canImport(Glibc)
  import Glibc
#endif

/// The one place that talks to libcmark. It parses in safe mode (raw HTML and
/// dangerous URLs are not rendered), turns paragraphs that hold only an image into
/// `<figure>`, lets the caller resolve every link and image, and frees every node.
public enum CommonMark {
  public static var version: String { String(cString: cmark_version_string()) }

  /// Renders `body`, which starts on line `firstLine` of `source`.
  public static func render(
    _ body: Substring,
    firstLine: Int,
    in source: SourceText,
    shifts: ColumnShifts = ColumnShifts(),
    glossary: Glossary? = nil,
    resolve: (MarkdownReference) -> ReferenceResolution
  ) -> RenderedMarkdown {
    var text = String(body)
    let parsed: OpaquePointer? = text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
      }
    }
    guard let document = parsed else {
      return RenderedMarkdown(
        html: "", wordCount: 0, firstParagraph: "", references: [],
        diagnostics: [Diagnostic(.error, in: source.path, Say.outOfMemory)])
    }
    defer { cmark_node_free(document) }

    func location(of node: OpaquePointer) -> SourceLocation {
      let line = max(Int(cmark_node_get_start_line(node)), 1)
      let column = shifts.original(line: line, byteColumn: max(Int(cmark_node_get_start_column(node)), 1))
      return source.location(line: firstLine - 1 + line, byteColumn: column)
    }

    let hints = UnsupportedSyntax.Hints(body)
    var walk = Walk()
    walk.keepsText = hints.comment
    var unsupported = UnsupportedSyntax(hints: hints)
    var verbatim: [ClosedRange<Int>] = []  // lines of code and HTML blocks
    var breaks: [OpaquePointer] = []  // `<!--more-->`: taken out of the page
    var references: [MarkdownReference] = []
    var nodes: [OpaquePointer] = []
    var texts: [OpaquePointer] = []  // running text, for the glossary
    var diagnostics: [Diagnostic] = []
    var rawHTML = RawHTMLText()
    var firstRawHTML: SourceLocation?
    var rawHTMLWarnings: [Diagnostic] = []
    func start(_ node: OpaquePointer) -> (line: Int, column: Int) {
      (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
    }

    let iterator = cmark_iter_new(document)
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      let entering = event == CMARK_EVENT_ENTER
      switch type {
      case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
        if type == CMARK_NODE_HTML_BLOCK {
          verbatim.append(start(node).line...max(start(node).line, Int(cmark_node_get_end_line(node))))
        }
        let literal = string(cmark_node_get_literal(node))
        if CommonMark.isSummaryBreak(literal) {
          walk.summaryBreak()
          breaks.append(node)
        } else {
          if walk.imageDepth == 0 { rawHTML.add(literal) }
          if firstRawHTML == nil { firstRawHTML = location(of: node) }
          rawHTMLWarnings.append(.warning(location(of: node), Say.rawHTML))
        }
      case CMARK_NODE_CODE_BLOCK:
        verbatim.append(start(node).line...max(start(node).line, Int(cmark_node_get_end_line(node))))
      case CMARK_NODE_IMAGE:
        // What is inside an image is its alt text: an image or link there is
        // published as text, and is freed with the image when the image is
        // replaced, so it is neither looked up nor touched.
        if entering, walk.imageDepth > 0 {
          walk.imageDepth += 1
        } else if entering {
          let parent = cmark_node_parent(node)
          let alone =
            parent.map {
              cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH && cmark_node_first_child($0) == node
                && cmark_node_last_child($0) == node
            } ?? false
          references.append(
            MarkdownReference(
              kind: alone ? .figure : .image, destination: string(cmark_node_get_url(node)),
              title: string(cmark_node_get_title(node)), text: plainText(of: node),
              location: location(of: node)))
          nodes.append(node)
          walk.imageDepth += 1
        } else {
          walk.imageDepth -= 1
        }
      case CMARK_NODE_LINK where entering && walk.imageDepth == 0:
        let text = plainText(of: node)
        unsupported.link(text: text, line: start(node).line, column: start(node).column)
        references.append(
          MarkdownReference(
            kind: .link, destination: string(cmark_node_get_url(node)),
            title: string(cmark_node_get_title(node)), text: text, location: location(of: node)))
        nodes.append(node)
      case CMARK_NODE_PARAGRAPH:
        walk.paragraph(entering: entering)
        if entering {
          let inItem = cmark_node_parent(node).map { cmark_node_get_type($0) == CMARK_NODE_ITEM } ?? false
          unsupported.enterParagraph(line: start(node).line, column: start(node).column, inItem: inItem)
        } else {
          unsupported.exitParagraph()
        }
      case CMARK_NODE_TEXT:
        let literal = string(cmark_node_get_literal(node))
        walk.text(literal)
        if walk.imageDepth == 0 {
          unsupported.text(literal, line: start(node).line, column: start(node).column)
          if glossary != nil { texts.append(node) }
        }
      case CMARK_NODE_CODE:
        walk.text(string(cmark_node_get_literal(node)))
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        walk.text(" ")
      default:
        break
      }
    }

    // A body that is mostly raw HTML is one error, not a warning per tag.
    if let at = firstRawHTML, let problem = rawHTML.problem(publishedWords: walk.words) {
      diagnostics.append(.error(at, problem))
    } else {
      diagnostics += rawHTMLWarnings
    }
    for node in breaks {  // leaves, so no collected node is inside one
      cmark_node_unlink(node)
      cmark_node_free(node)
    }
    unsupported.definitions(in: body, skipping: verbatim)
    for finding in unsupported.findings {
      let line = max(finding.line, 1)
      let at = source.location(
        line: firstLine - 1 + line, byteColumn: shifts.original(line: line, byteColumn: max(finding.byteColumn, 1)))
      diagnostics.append(.warning(at, finding.message))
    }

    var leadShown = false
    for (reference, node) in zip(references, nodes) {
      switch resolve(reference) {
      case .keep:
        break
      case .link(let url):
        cmark_node_set_url(node, url)
      case .image(let image):
        let lead = reference.kind == .figure && !leadShown
        if lead { leadShown = true }
        replace(node, kind: reference.kind, with: image, reference: reference, lead: lead)
      case .failed(let diagnostic):
        diagnostics.append(diagnostic)
      }
    }

    // Text nodes outside images: none is inside a node replaced or freed above.
    var unknownAbbreviations: [Diagnostic] = []
    if let glossary {
      unknownAbbreviations = spellOut(glossary, in: texts) { node, offset in
        let at = start(node)
        let line = max(at.line, 1)
        return source.location(
          line: firstLine - 1 + line, byteColumn: shifts.original(line: line, byteColumn: max(at.column, 1) + offset))
      }
    }

    guard let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
      return RenderedMarkdown(
        html: "", wordCount: 0, firstParagraph: "", references: references,
        diagnostics: diagnostics + [Diagnostic(.error, in: source.path, Say.outOfMemory)])
    }
    defer { free(rendered) }
    return RenderedMarkdown(
      html: String(cString: rendered), wordCount: walk.words,
      firstParagraph: walk.firstParagraph.collapsingSpaces(), references: references,
      diagnostics: diagnostics,
      summaryBeforeBreak: walk.beforeBreak.map { $0.collapsingSpaces() }.flatMap { $0.isEmpty ? nil : $0 },
      unknownAbbreviations: unknownAbbreviations)
  }

  /// Replaces an image node by our own `<img>` or `<picture>` (`PictureHTML`), or its
  /// whole paragraph by a `<figure>` with the caption; the first figure is the lead.
  private static func replace(
    _ node: OpaquePointer, kind: MarkdownReference.Kind, with image: ResolvedImage,
    reference: MarkdownReference, lead: Bool
  ) {
    let img = PictureHTML.html(
      image, alt: reference.text, title: kind == .image ? reference.title : nil, lead: lead)
    if kind == .figure, let paragraph = cmark_node_parent(node),
      let figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
    {
      let caption = reference.title.isEmpty ? reference.text : reference.title
      var html = "<figure>\n" + img
      if !caption.isEmpty { html += "\n<figcaption>\(HTML.escape(caption))</figcaption>" }
      html += "\n</figure>"
      cmark_node_set_on_enter(figure, html)
      cmark_node_set_on_exit(figure, "")
      cmark_node_insert_before(paragraph, figure)
      cmark_node_unlink(paragraph)
      cmark_node_free(paragraph)
    } else if let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
      cmark_node_set_on_enter(inline, img)
      cmark_node_set_on_exit(inline, "")
      cmark_node_replace(node, inline)
      cmark_node_free(node)
    }
  }

  /// The text inside a link or image, without markup.
  private static func plainText(of node: OpaquePointer) -> String {
    var result = ""
    var child = cmark_node_first_child(node)
    while let current = child {
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
        result += string(cmark_node_get_literal(current))
      } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
        result += " "
      } else {
        result += plainText(of: current)
      }
      child = cmark_node_next(current)
    }
    return result
  }

  static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  /// Hugo's summary break: `<!--more-->`, with any spaces and case.
  static func isSummaryBreak(_ html: String) -> Bool {
    let compact = html.lowercased().filter { !$0.isWhitespace }
    return compact == "<!--more-->"
  }

  /// Counts words and keeps the first paragraph of running text while walking.
  private struct Walk {
    var imageDepth = 0
    /// The running text so far, until a summary break is met, when the body may
    /// hold one (`keepsText`).
    var text = ""
    var keepsText = false
    /// The running text before the summary break, once it is met.
    var beforeBreak: String?

    mutating func summaryBreak() {
      if beforeBreak == nil { beforeBreak = text }
    }
    var words = 0
    var paragraphDepth = 0
    var inFirstParagraph = false
    var firstParagraphDone = false
    var firstParagraph = ""

    mutating func paragraph(entering: Bool) {
      if keepsText, beforeBreak == nil { text += " " }
      paragraphDepth += entering ? 1 : -1
      if entering, !firstParagraphDone, paragraphDepth == 1 {
        inFirstParagraph = true
      } else if !entering, inFirstParagraph {
        inFirstParagraph = false
        firstParagraphDone = !firstParagraph.allSatisfy(\.isWhitespace)
      }
    }

    mutating func text(_ literal: String) {
      guard imageDepth == 0 else { return }
      var inWord = false
      for byte in literal.utf8 {
        let blank = byte == 0x20 || byte == 0x0A || byte == 0x09
        if !blank && !inWord { words += 1 }
        inWord = !blank
      }
      if inFirstParagraph { firstParagraph += literal }
      if keepsText, beforeBreak == nil { text += literal }
    }
  }
}

extension String {
  /// Runs of spaces, tabs and newlines as one space, none at either end: text of
  /// a paragraph whose images (left out) stood between words.
  func collapsingSpaces() -> String {
    split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
  }
}

extension Lookup {
  init(_ reference: MarkdownReference, found resolution: ReferenceResolution) {
    let kinds: [MarkdownReference.Kind: Kind] = [.link: .link, .image: .image, .figure: .figure]
    self.init(
      kind: kinds[reference.kind] ?? .link, destination: reference.destination, location: reference.location,
      found: Lookup.fingerprint(resolution))
  }

  init(
    frontMatterImage destination: String, at location: SourceLocation, found outcome: Result<ResolvedImage, Diagnostic>
  ) {
    let resolution: ReferenceResolution
    switch outcome {
    case .success(let image): resolution = .image(image)
    case .failure(let diagnostic): resolution = .failed(diagnostic)
    }
    self.init(
      kind: .frontMatterImage, destination: destination, location: location, found: Lookup.fingerprint(resolution))
  }

  /// What a lookup found, as the memo keeps it.
  static func fingerprint(_ resolution: ReferenceResolution) -> StableHash {
    var hasher = StableHasher()
    switch resolution {
    case .keep: hasher.combine(1)
    case .link(let url):
      hasher.combine(2)
      hasher.combine(url)
    case .image(let image):
      hasher.combine(3)
      hasher.combine(image.src)
      hasher.combine(image.width ?? -1)
      hasher.combine(image.height ?? -1)
      hasher.combine(image.photo?.rawValue ?? "")
      hasher.combine(image.variants.count)
      for variant in image.variants {
        hasher.combine(variant.url)
        hasher.combine(variant.width)
        hasher.combine(variant.height)
        hasher.combine(variant.type)
      }
    case .failed(let diagnostic):
      hasher.combine(4)
      hasher.combine(diagnostic.description)
    }
    return hasher.value
  }
}
