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

  /// Parses every template; errors name the template's path, line and column.
  public static func load(_ sources: [(name: String, origin: String, text: String)]) -> (TemplateSet, [Diagnostic]) {
    var library: [String: MustacheTemplate] = [:]
    var compiled: [String: [TemplateNode]] = [:]
    var origins: [String: String] = [:]
    var texts: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    for source in sources {
      let path = SourcePath(source.origin)
      do {
        library[source.name] = try MustacheTemplate(string: source.text)
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          .error(
            SourceLocation(path, line: error.context.lineNumber, column: error.context.columnNumber),
            "template error: \(describe(error.error))"))
        continue
      } catch {
        diagnostics.append(Diagnostic(.error, in: path, "template error: \(error)"))
        continue
      }
      do {
        compiled[source.name] = try TemplateParser.parse(source.text)
        origins[source.name] = source.origin
        texts[source.name] = source.text
      } catch {
        diagnostics.append(
          .error(SourceLocation(path, line: error.line, column: error.column), "template error: \(error.message)"))
      }
    }
    for (name, nodes) in compiled.sorted(by: { $0.key < $1.key }) {
      for (reference, line) in references(in: nodes) where compiled[reference] == nil {
        diagnostics.append(
          .error(
            SourceLocation(SourcePath(origins[name] ?? name), line: line, column: 1),
            "template error: there is no template '\(reference)' (templates/\(reference).mustache)"))
      }
    }
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

  func render(_ name: String, _ context: TemplateValue, cache: TemplateRenderer.PartialCache?) -> [UInt8]? {
    renderer.render(name, context, cache: cache)
  }

  func renderForCache(_ name: String, item: TemplateValue) -> [UInt8]? {
    renderer.renderForCache(name, item: item)
  }

  /// The same page rendered by swift-mustache, for comparing the two renderers.
  func renderWithSwiftMustache(_ name: String, _ context: TemplateValue) -> String? {
    library.render(context.mustacheValue, withTemplate: name)
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

  private static func describe(_ error: Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect: return "this closing tag does not match the open section"
    case .unfinishedName: return "this tag is not closed with }}"
    case .expectedSectionEnd: return "a section is opened but never closed with {{/name}}"
    case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
    case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inherited section"
    case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
    case .textInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
    case .invalidConfigVariableSyntax: return "the pragma is malformed"
    case .unrecognisedConfigVariable: return "unknown pragma"
    }
  }
}
