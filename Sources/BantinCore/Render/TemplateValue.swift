/// A value handed to a template. Templates get plain values, never the pipeline's
/// types: text (escaped by `{{name}}`), HTML made by bantin (`{{{name}}}`), flags for
/// `{{#name}}…{{/name}}`, numbers, lists and records.
public indirect enum TemplateValue: Sendable, Hashable {
  case text(String)
  case html(String)
  case flag(Bool)
  case number(Int)
  case list([TemplateValue])
  case record([String: TemplateValue])

  /// What swift-mustache renders: strings, booleans, integers, arrays, dictionaries.
  var mustacheValue: Any {
    switch self {
    case .text(let text), .html(let text): return text
    case .flag(let flag): return flag
    case .number(let number): return number
    case .list(let items): return items.map(\.mustacheValue)
    case .record(let fields): return fields.mapValues(\.mustacheValue)
    }
  }

  /// A record built from optional fields: the nil ones are left out, so
  /// `{{#description}}` is false when there is none.
  static func record(_ fields: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
    var result: [String: TemplateValue] = [:]
    for (key, value) in fields {
      if let value { result[key] = value }
    }
    return .record(result)
  }

  static func text(_ text: String?) -> TemplateValue? { text.map(TemplateValue.text) }
}
