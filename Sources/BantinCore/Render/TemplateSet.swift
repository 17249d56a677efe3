import Mustache

/// The site's Mustache templates, with the default theme under them: the one type
/// that talks to swift-mustache.
public struct TemplateSet: Sendable {
  private let library: MustacheLibrary
  /// Template name (`article`, `partials/header`) → where it came from.
  public let origins: [String: String]
  /// Template name → its text: two sets with the same texts render the same.
  public let texts: [String: String]

  /// Parses every template; errors name the template's path, line and column.
  public static func load(_ sources: [(name: String, origin: String, text: String)]) -> (TemplateSet, [Diagnostic]) {
    var templates: [String: MustacheTemplate] = [:]
    var origins: [String: String] = [:]
    var texts: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    for source in sources {
      do {
        templates[source.name] = try MustacheTemplate(string: source.text)
        origins[source.name] = source.origin
        texts[source.name] = source.text
      } catch let error as MustacheTemplate.ParserError {
        diagnostics.append(
          .error(
            SourceLocation(
              SourcePath(source.origin), line: error.context.lineNumber, column: error.context.columnNumber),
            "template error: \(describe(error.error))"))
      } catch {
        diagnostics.append(Diagnostic(.error, in: SourcePath(source.origin), "template error: \(error)"))
      }
    }
    return (TemplateSet(library: MustacheLibrary(templates: templates), origins: origins, texts: texts), diagnostics)
  }

  public func contains(_ name: String) -> Bool { origins[name] != nil }

  /// Renders template `name` with `context`; nil when there is no such template.
  public func render(_ name: String, _ context: TemplateValue) -> String? {
    library.render(context.mustacheValue, withTemplate: name)
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
