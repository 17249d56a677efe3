/// Renders compiled templates with `TemplateValue` contexts straight into bytes:
/// no `Any`, no reflection, HTML escaping byte by byte. The semantics are
/// swift-mustache's (a test renders every page of the fixture sites with both and
/// compares): names are looked up through the context stack, lists repeat a
/// section, flags show or hide it, other values are pushed onto the stack.
struct TemplateRenderer: Sendable {
  let templates: [String: [TemplateNode]]

  /// A partial made once for each item of a list and reused wherever the item is
  /// shown (an article's card appears on many list pages). Items carry their number
  /// under `key`, which no template name can reach (names have no `@`).
  struct PartialCache: Sendable {
    var partial: String
    var key: String
    var outputs: [Int: [UInt8]]
  }

  /// Where rendering is: block overrides from parents, the indentation of
  /// standalone partials, and the item's place in a list. The context stack is
  /// passed beside it, pushed and popped in place.
  private struct Frame {
    var overrides: [String: [TemplateNode]]
    var indentation: [UInt8]?
    var sequence: (index: Int, count: Int)?
    var cache: PartialCache?
    /// Set when rendering a partial for the cache: notes a name the item lacks.
    var probe: Probe?
    /// Rendering stops once the output is longer than this many bytes, so that a
    /// template that repeats a list inside itself cannot fill memory; the caller
    /// sees the output longer than the limit and reports the page.
    var limit = Int.max
  }

  final class Probe {
    var dependsOnOutside = false
  }

  /// The page `name` renders for `context`; output longer than `limit` bytes means
  /// rendering was stopped there.
  func render(_ name: String, _ context: TemplateValue, cache: PartialCache? = nil, limit: Int = .max) -> [UInt8]? {
    guard let nodes = templates[name] else { return nil }
    var output: [UInt8] = []
    output.reserveCapacity(16 * 1024)
    var stack = [context]
    stack.reserveCapacity(8)
    var frame = Frame(overrides: [:], indentation: nil, sequence: nil, cache: cache, probe: nil)
    frame.limit = limit
    render(nodes, frame, &stack, into: &output)
    return output
  }

  /// Renders partial `name` with `item` as its whole context, for a `PartialCache`;
  /// nil when the output could depend on anything else (a name the item lacks, a
  /// block, the list position).
  func renderForCache(_ name: String, item: TemplateValue) -> [UInt8]? {
    guard let nodes = templates[name] else { return nil }
    let probe = Probe()
    var output: [UInt8] = []
    var stack = [item]
    render(
      nodes, Frame(overrides: [:], indentation: nil, sequence: nil, cache: nil, probe: probe), &stack, into: &output)
    return probe.dependsOnOutside ? nil : output
  }

  /// Cached output placed as a partial with this indentation would be: every line
  /// after the first indented.
  private static func indent(_ bytes: [UInt8], by indentation: [UInt8]) -> [UInt8] {
    guard !indentation.isEmpty else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16 * indentation.count)
    for (offset, byte) in bytes.enumerated() {
      result.append(byte)
      if byte == UInt8(ascii: "\n"), offset + 1 < bytes.count { result.append(contentsOf: indentation) }
    }
    return result
  }

  private func render(
    _ nodes: [TemplateNode], _ frame: Frame, _ stack: inout [TemplateValue], into output: inout [UInt8]
  ) {
    let start = output.count
    guard let indentation = frame.indentation, !indentation.isEmpty else {
      for node in nodes { render(node, frame, &stack, into: &output) }
      return
    }
    for node in nodes {
      let before = output.count
      render(node, frame, &stack, into: &output)
      // A node that starts a new line of an indented partial is indented.
      if output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
        output.insert(contentsOf: indentation, at: before)
      }
    }
  }

  private func render(_ node: TemplateNode, _ frame: Frame, _ stack: inout [TemplateValue], into output: inout [UInt8])
  {
    guard output.count <= frame.limit else { return }
    switch node {
    case .text(let bytes):
      output.append(contentsOf: bytes)

    case .variable(let name, let escaped):
      guard let value = lookup(name, frame, stack) else { return }
      switch value {
      case .text(let text), .html(let text):
        if escaped { TemplateRenderer.escape(text, into: &output) } else { output.append(contentsOf: text.utf8) }
      case .number(let number): output.append(contentsOf: String(number).utf8)
      case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
      case .list, .record: break
      }

    case .section(let name, let children, let inverted):
      let value = lookup(name, frame, stack)
      if inverted {
        switch value {
        case .none, .flag(false): render(children, frame, &stack, into: &output)
        case .list(let items) where items.isEmpty:
          stack.append(.list(items))
          render(children, frame, &stack, into: &output)
          stack.removeLast()
        default: break
        }
        return
      }
      switch value {
      case .none, .flag(false): break
      case .flag(true): render(children, frame, &stack, into: &output)
      case .list(let items):
        var inner = frame
        for (index, item) in items.enumerated() where output.count <= frame.limit {
          inner.sequence = (index, items.count)
          stack.append(item)
          render(children, inner, &stack, into: &output)
          stack.removeLast()
        }
      case .some(let other):
        stack.append(other)
        render(children, frame, &stack, into: &output)
        stack.removeLast()
      }

    case .partial(let name, let indentation):
      if let cache = frame.cache, cache.partial == name, case .record(let fields)? = stack.last,
        case .number(let id)? = fields[cache.key], let cached = cache.outputs[id]
      {
        let total = (frame.indentation ?? []) + (indentation ?? [])
        output.append(contentsOf: TemplateRenderer.indent(cached, by: total))
        return
      }
      guard let nodes = templates[name] else { return }
      render(nodes, entering(frame, indentation: indentation, overrides: [:]), &stack, into: &output)

    case .parent(let name, let overrides, let indentation):
      guard let nodes = templates[name] else { return }
      render(nodes, entering(frame, indentation: indentation, overrides: overrides), &stack, into: &output)

    case .block(let name, let defaults, let indentation):
      frame.probe?.dependsOnOutside = true
      var inner = frame
      if let indentation { inner.indentation = (frame.indentation ?? []) + indentation }
      inner.sequence = nil
      render(frame.overrides[name] ?? defaults, inner, &stack, into: &output)
    }
  }

  /// The frame inside a partial or parent: indentation adds up, overrides from
  /// outer templates win over inner ones, the list position is forgotten.
  private func entering(_ frame: Frame, indentation: [UInt8]?, overrides: [String: [TemplateNode]]) -> Frame {
    var inner = frame
    if let indentation { inner.indentation = (frame.indentation ?? []) + indentation }
    if !overrides.isEmpty { inner.overrides = frame.overrides.merging(overrides) { outer, _ in outer } }
    inner.sequence = nil
    return inner
  }

  // MARK: - Names

  private func lookup(_ name: TemplateName, _ frame: Frame, _ stack: [TemplateValue]) -> TemplateValue? {
    var value: TemplateValue?
    if name.isDot {
      if name.transforms.isEmpty {
        value = stack.last
      } else {
        return sequenceTransform(name.transforms, frame)
      }
    } else {
      let first = name.parts[0]
      for item in stack.reversed() {
        if case .record(let fields) = item, let found = fields[first] {
          value = found
          break
        }
      }
      if value == nil, let probe = frame.probe { probe.dependsOnOutside = true }
      for part in name.parts.dropFirst() {
        guard case .record(let fields)? = value else { return nil }
        value = fields[part]
      }
    }
    for transform in name.transforms.reversed() {
      guard let current = value else { return nil }
      value = TemplateRenderer.apply(transform, to: current)
    }
    return value
  }

  private func sequenceTransform(_ transforms: [String], _ frame: Frame) -> TemplateValue? {
    frame.probe?.dependsOnOutside = true
    guard transforms.count == 1, let (index, count) = frame.sequence else { return nil }
    switch transforms[0] {
    case "first": return .flag(index == 0)
    case "last": return .flag(index == count - 1)
    case "index": return .number(index)
    case "even": return .flag(index % 2 == 0)
    case "odd": return .flag(index % 2 == 1)
    default: return nil
    }
  }

  static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
    switch (transform, value) {
    case ("empty", .list(let items)): return .flag(items.isEmpty)
    case ("count", .list(let items)): return .number(items.count)
    case ("first", .list(let items)): return items.first
    case ("last", .list(let items)): return items.last
    case ("reversed", .list(let items)): return .list(items.reversed())
    case ("empty", .record(let fields)): return .flag(fields.isEmpty)
    case ("count", .record(let fields)): return .number(fields.count)
    case ("empty", .text(let text)), ("empty", .html(let text)): return .flag(text.isEmpty)
    case ("lowercased", .text(let text)): return .text(text.lowercased())
    case ("uppercased", .text(let text)): return .text(text.uppercased())
    case ("capitalized", .text(let text)): return .text(text.capitalized)
    case ("reversed", .text(let text)): return .text(String(text.reversed()))
    case ("equalzero", .number(let number)): return .flag(number == 0)
    case ("plusone", .number(let number)): return .number(number + 1)
    case ("minusone", .number(let number)): return .number(number - 1)
    case ("even", .number(let number)): return .flag(number % 2 == 0)
    case ("odd", .number(let number)): return .flag(number % 2 != 0)
    default: return nil
    }
  }

  // MARK: - Escaping

  /// `& < > " '` as swift-mustache writes them.
  static func escape(_ text: String, into output: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      var runStart = 0
      for (offset, byte) in bytes.enumerated() {
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        case UInt8(ascii: "'"): replacement = "&#39;"
        default: continue
        }
        output.append(contentsOf: bytes[runStart..<offset])
        replacement.withUTF8Buffer { output.append(contentsOf: $0) }
        runStart = offset + 1
      }
      output.append(contentsOf: bytes[runStart...])
    }
  }
}
