/// Finds YAML anchors (`&a`) and aliases (`*a`) before any YAML parser sees the text.
///
/// Aliases let a few hundred bytes stand for billions of nodes; composing such a
/// document with an alias as a mapping key took Yams 53 s here. Front matter has no
/// use for them, so they are refused. This scan is conservative: it follows YAML's
/// quoting, comments, flow collections and block scalars closely enough that every
/// anchor or alias libyaml would read is found, and it may flag a few plain texts
/// that start with `*` or `&` (which must then be quoted). To stay in step with
/// libyaml it refuses quoted values that do not end on their own line.
enum YAMLGuard {
  struct Finding: Equatable {
    enum Kind: Equatable { case anchor, alias, unclosedQuote }
    var kind: Kind
    /// 1-based line and character column inside the YAML text.
    var line: Int
    var column: Int
  }

  static func scan(_ yaml: Substring) -> Finding? {
    var lines: [[Unicode.Scalar]] = [[]]
    for scalar in yaml.unicodeScalars {
      switch scalar {
      case "\n", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
      default: lines[lines.count - 1].append(scalar)
      }
    }
    var flowDepth = 0
    /// While inside a block scalar: lines must be indented deeper than this to belong to it.
    var blockParentIndent: Int?
    /// The block scalar's content indentation, once its first non-blank line is seen.
    var blockContentIndent: Int?

    for (lineIndex, line) in lines.enumerated() {
      let indent = line.prefix(while: { $0 == " " }).count
      let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
      if let parent = blockParentIndent {
        if blank { continue }
        if let content = blockContentIndent {
          if indent >= content { continue }
        } else if indent > parent {
          blockContentIndent = indent
          continue
        }
        blockParentIndent = nil
        blockContentIndent = nil
      }

      var index = indent
      var atNodeStart = true
      var entryColumn = indent
      var previousIsBlank = true
      func next(_ offset: Int = 1) -> Unicode.Scalar? {
        index + offset < line.count ? line[index + offset] : nil
      }
      func isIndicator(_ scalar: Unicode.Scalar, followedBy following: Unicode.Scalar?) -> Bool {
        (scalar == "-" || scalar == "?" || scalar == ":") && endsToken(following)
      }
      func isBlockScalarIndicator(_ scalar: Unicode.Scalar, flowDepth: Int) -> Bool {
        (scalar == "|" || scalar == ">") && flowDepth == 0
      }
      func endsToken(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar == " " || scalar == "\t" || (flowDepth > 0 && ",[]{}".unicodeScalars.contains(scalar))
      }
      if indent == 0, line.count >= 3,
        line[0...2] == ["-", "-", "-"] || line[0...2] == [".", ".", "."], line.count == 3 || line[3] == " "
      {
        index = 3
      }

      scanning: while index < line.count {
        let scalar = line[index]
        defer { index += 1 }
        if scalar == " " || scalar == "\t" {
          previousIsBlank = true
          continue
        }
        let blankBefore = previousIsBlank
        previousIsBlank = false
        if scalar == "#" && blankBefore { break scanning }
        let position = Finding(kind: .anchor, line: lineIndex + 1, column: index + 1)
        if atNodeStart {
          switch scalar {
          case "&": return position
          case "*": return Finding(kind: .alias, line: position.line, column: position.column)
          case "\"", "'":
            guard let end = closingQuote(scalar, in: line, from: index) else {
              return Finding(kind: .unclosedQuote, line: position.line, column: position.column)
            }
            index = end
            atNodeStart = false
          case _ where isIndicator(scalar, followedBy: next()):
            if scalar == "-" { entryColumn = index }
            continue  // still at a node's start
          case "[", "{":
            flowDepth += 1
          case "]", "}":
            flowDepth = max(flowDepth - 1, 0)
            atNodeStart = false
          case ",":
            continue
          case "!":
            while index + 1 < line.count, line[index + 1] != " ", line[index + 1] != "\t" { index += 1 }
          case _ where isBlockScalarIndicator(scalar, flowDepth: flowDepth):
            blockParentIndent = entryColumn
            blockContentIndent = nil
            break scanning
          default:
            entryColumn = index
            atNodeStart = false
          }
        } else {
          switch scalar {
          case ":" where endsToken(next()):
            atNodeStart = true
          case "," where flowDepth > 0:
            atNodeStart = true
          case "[" where flowDepth > 0, "{" where flowDepth > 0:
            flowDepth += 1
            atNodeStart = true
          case "]" where flowDepth > 0, "}" where flowDepth > 0:
            flowDepth -= 1
          default:
            break
          }
        }
      }
    }
    return nil
  }

  /// The index of the quote that closes the one at `start`, on the same line.
  private static func closingQuote(_ quote: Unicode.Scalar, in line: [Unicode.Scalar], from start: Int) -> Int? {
    var index = start + 1
    while index < line.count {
      let scalar = line[index]
      if quote == "\"" && scalar == "\\" {
        index += 2
        continue
      }
      if scalar == quote {
        if quote == "'", index + 1 < line.count, line[index + 1] == "'" {
          index += 2
          continue
        }
        return index
      }
      index += 1
    }
    return nil
  }
}
