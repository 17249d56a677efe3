import Mustache

/// The site's Mustache templates, with the default theme under them.
///
/// Each template is checked with swift-mustache (its parser gives the error and its
/// line and column), then compiled for `TemplateRenderer`, which renders pages
/// about a hundred times faster than swift-mustache's reflection-based renderer
/// while giving the same output (a test compares the two on every fixture page).
public struct TemplateSet: Sendable {
  private let library: MustacheLibrary
  private let renderer: TemplateRenderer
  /// Template name (`article`, `partials/header`) → where it came from.
  public let origins: [String: String]
  /// Template name → its text: two sets with the same texts render the same.
  public let texts: [String: String]

  /// Parses every template; errors name the template's path, line and column. With
  /// `names`, every name a template looks up must be one of them (the theme passes
  /// `TemplateContext.documented`).
  public static func load(
    _ sources: [(name: String, origin: String, text: String)], names: Set<String>? = TemplateContext.documented
  ) -> (TemplateSet, [Diagnostic]) {
    var library: [String: MustacheTemplate] = [:]
    var compiled: [String: [TemplateNode]] = [:]
    var origins: [String: String] = [:]
    var texts: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    var broken = Set<String>()  // templates that exist but do not parse: said once
    for source in sources {
      let path = SourcePath(source.origin)
      // bantin's own parser first: its messages say where a section that is not
      // closed opens; swift-mustache's point at where it noticed.
      let nodes: [TemplateNode]
      do {
        nodes = try TemplateParser.parse(source.text)
      } catch {
        broken.insert(source.name)
        diagnostics.append(
          .error(SourceLocation(path, line: error.line, column: error.column), Say.templateError(error.message)))
        continue
      }
      do {
        library[source.name] = try MustacheTemplate(string: source.text)
      } catch let error as MustacheTemplate.ParserError {
        broken.insert(source.name)
        diagnostics.append(
          .error(
            SourceLocation(path, line: error.context.lineNumber, column: error.context.columnNumber),
            Say.templateError(describe(error.error))))
        continue
      } catch {
        broken.insert(source.name)
        diagnostics.append(Diagnostic(.error, in: path, Say.templateError(Say.templateLibrary("\(error)"))))
        continue
      }
      compiled[source.name] = nodes
      origins[source.name] = source.origin
      texts[source.name] = source.text
    }
    for (name, nodes) in compiled.sorted(by: { $0.key < $1.key }) {
      for (reference, line) in references(in: nodes) where compiled[reference] == nil && !broken.contains(reference) {
        diagnostics.append(
          .error(
            SourceLocation(SourcePath(origins[name] ?? name), line: line, column: 1),
            Say.templateError(Say.noTemplate(reference))))
      }
    }
    for (name, nodes) in compiled.sorted(by: { $0.key < $1.key }) {
      let path = SourcePath(origins[name] ?? name)
      for tag in self.names(in: nodes) {
        if let problem = TemplateContext.problem(with: tag, names: names) {
          diagnostics.append(
            .error(SourceLocation(path, line: tag.line, column: tag.column), Say.templateError(problem)))
        }
      }
    }
    diagnostics += cycles(in: compiled, origins: origins)
    let set = TemplateSet(
      library: MustacheLibrary(templates: library), renderer: TemplateRenderer(templates: compiled), origins: origins,
      texts: texts)
    return (set, diagnostics)
  }

  public func contains(_ name: String) -> Bool { origins[name] != nil }

  /// Renders template `name` with `context`; nil when there is no such template.
  public func render(_ name: String, _ context: TemplateValue) -> [UInt8]? {
    renderer.render(name, context)
  }

  func render(_ name: String, _ context: TemplateValue, cache: TemplateRenderer.PartialCache?, limit: Int) -> [UInt8]? {
    renderer.render(name, context, cache: cache, limit: limit)
  }

  func renderForCache(_ name: String, item: TemplateValue) -> [UInt8]? {
    renderer.renderForCache(name, item: item)
  }

  /// The same page rendered by swift-mustache, for comparing the two renderers.
  func renderWithSwiftMustache(_ name: String, _ context: TemplateValue) -> String? {
    library.render(context.mustacheValue, withTemplate: name)
  }

  /// Every name a template looks up, in order.
  private static func names(in nodes: [TemplateNode]) -> [TemplateName] {
    var found: [TemplateName] = []
    func walk(_ nodes: [TemplateNode]) {
      for node in nodes {
        switch node {
        case .text, .partial: break
        case .variable(let name, _): found.append(name)
        case .section(let name, let children, _):
          found.append(name)
          walk(children)
        case .parent(_, let overrides, _): for override in overrides.values { walk(override) }
        case .block(_, let defaults, _): walk(defaults)
        }
      }
    }
    walk(nodes)
    return found
  }

  /// A template that includes itself, through partials or parents, would never end:
  /// each such loop is an error at the first template in it.
  private static func cycles(in compiled: [String: [TemplateNode]], origins: [String: String]) -> [Diagnostic] {
    let edges = compiled.mapValues { references(in: $0) }
    var diagnostics: [Diagnostic] = []
    var reported = Set<String>()
    for start in compiled.keys.sorted() where !reported.contains(start) {
      // Depth-first from `start`, looking for a way back to it.
      var stack: [(name: String, path: [String], line: Int)] = [(start, [start], 0)]
      var seen = Set<String>()
      while let (name, path, line) = stack.popLast() {
        for (next, nextLine) in edges[name] ?? [] {
          let at = name == start ? nextLine : line
          if next == start {
            let loop = (path + [start]).map { "templates/\($0).mustache" }.joined(separator: " → ")
            diagnostics.append(
              .error(
                SourceLocation(SourcePath(origins[start] ?? start), line: at, column: 1),
                Say.templateError(Say.includesItself(loop))))
            reported.formUnion(path)
            stack.removeAll()
            break
          }
          if compiled[next] != nil, seen.insert(next).inserted { stack.append((next, path + [next], at)) }
        }
      }
    }
    return diagnostics
  }

  /// Partials and parents a template names, with the line of the first mention.
  private static func references(in nodes: [TemplateNode]) -> [(String, Int)] {
    var found: [(String, Int)] = []
    func walk(_ nodes: [TemplateNode], line: Int) {
      var line = line
      for node in nodes {
        switch node {
        case .text(let bytes): line += bytes.count(where: { $0 == UInt8(ascii: "\n") })
        case .variable: break
        case .section(let name, let children, _): walk(children, line: name.line)
        case .partial(let name, _): found.append((name, line))
        case .parent(let name, let overrides, _):
          found.append((name, line))
          for override in overrides.values { walk(override, line: line) }
        case .block(_, let defaults, _): walk(defaults, line: line)
        }
      }
    }
    walk(nodes, line: 1)
    return found
  }

  private static func describe(_ error: Error) -> Message {
    guard let error = error as? MustacheTemplate.Error else { return Say.templateLibrary("\(error)") }
    switch error {
    case .sectionCloseNameIncorrect: return Say.closingTagMismatch
    case .unfinishedName: return Say.tagNotClosedBraces
    case .expectedSectionEnd: return Say.sectionNotClosed
    case .invalidSetDelimiter: return Say.badDelimiters
    case .transformAppliedToInheritanceSection: return Say.noTransformOnInherited
    case .illegalTokenInsideInheritSection, .textInsideInheritSection: return Say.onlyBlocksInside("parent")
    case .invalidConfigVariableSyntax: return Say.badPragma
    case .unrecognisedConfigVariable: return Say.unknownPragma
    }
  }
}
