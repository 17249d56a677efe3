import CYaml

/// Finds YAML anchors (`&a`) and aliases (`*a`) before any YAML parser composes the text.
///
/// Aliases let a few hundred bytes stand for billions of nodes; composing such a
/// document with an alias as a mapping key took Yams 53 s here. Front matter has no
/// use for them, so they are refused. The scan reads libyaml's own tokens (the same
/// scanner Yams parses with), so quotes over several lines, block scalars, comments
/// and flow collections are read exactly as the parser will read them: `&#34;` inside
/// a value is text, and `&a` before a node is an anchor. Scanning builds no nodes, so
/// it takes time in proportion to the text. When the scanner meets an error before any
/// anchor, the text is left to the parser, which stops at the same error before it can
/// build anything from an alias.
enum YAMLGuard {
  struct Finding: Equatable {
    enum Kind: Equatable { case anchor, alias }
    var kind: Kind
    /// 1-based line and character column inside the YAML text.
    var line: Int
    var column: Int
  }

  static func scan(_ yaml: Substring) -> Finding? {
    var bytes = Array(yaml.utf8)
    if bytes.isEmpty { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeMutableBufferPointer { buffer -> Finding? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      while true {
        var token = yaml_token_t()
        guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
        defer { yaml_token_delete(&token) }
        let line = Int(token.start_mark.line) + 1
        let column = Int(token.start_mark.column) + 1
        switch token.type {
        case YAML_ANCHOR_TOKEN: return Finding(kind: .anchor, line: line, column: column)
        case YAML_ALIAS_TOKEN: return Finding(kind: .alias, line: line, column: column)
        case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN: return nil
        default: continue
        }
      }
    }
  }
}
