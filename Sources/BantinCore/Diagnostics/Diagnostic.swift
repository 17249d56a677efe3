/// A place in a source file: 1-based line, and 1-based column counted in Unicode
/// characters (scalars) as editors show them.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var path: SourcePath
  public var line: Int
  public var column: Int

  public init(_ path: SourcePath, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String { "\(path):\(line):\(column)" }
}

/// One problem found in a site, printed as `path:line:col: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  /// Where the problem is; a file without a line for whole-file problems; nil for the site.
  public var path: SourcePath?
  public var line: Int?
  public var column: Int?
  /// The message in English (what `description` prints, and tests read).
  public var message: String
  /// The message in Vietnamese (every message comes from the catalogue, `Say`);
  /// nil only in a diagnostic made by hand in a test.
  public var vietnamese: String?

  public init(_ severity: Severity, at location: SourceLocation, _ message: Message) {
    self.init(severity, path: location.path, line: location.line, column: location.column, message)
  }

  public init(_ severity: Severity, in path: SourcePath?, _ message: Message) {
    self.init(severity, path: path, line: nil, column: nil, message)
  }

  /// A diagnostic as it was said before (the build cache keeps them).
  public init(_ severity: Severity, path: SourcePath?, line: Int?, column: Int?, _ message: Message) {
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.message = message.english
    self.vietnamese = message.vietnamese
  }

  public static func error(_ location: SourceLocation, _ message: Message) -> Diagnostic {
    Diagnostic(.error, at: location, message)
  }

  public static func warning(_ location: SourceLocation, _ message: Message) -> Diagnostic {
    Diagnostic(.warning, at: location, message)
  }

  public var location: SourceLocation? {
    guard let path, let line, let column else { return nil }
    return SourceLocation(path, line: line, column: column)
  }

  public var isError: Bool { severity == .error }

  /// `path:line:col: severity: message`, with control characters shown as escapes
  /// (`VisibleText`), so that no file name or value acts on the terminal that prints it.
  public var description: String { text(.english) }

  /// `path:line:col: lỗi: …` in `speech`: the place and the shape stay the same in
  /// both languages, so editors' tools match `: (error|lỗi|warning|cảnh báo): `.
  public func text(_ speech: Speech) -> String {
    var place = ""
    if let path {
      place = path.rawValue
      if let line { place += ":\(line)" }
      if let column { place += ":\(column)" }
      place += ": "
    }
    let said = speech == .vietnamese ? vietnamese ?? message : message
    return VisibleText.escaping("\(place)\(Say.severity(severity).text(speech)): \(said)")
  }
}

extension Diagnostic: Comparable {
  /// Orders diagnostics by file, line and column, so a build prints them in reading order.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    let left = (lhs.path?.rawValue ?? "", lhs.line ?? 0, lhs.column ?? 0)
    let right = (rhs.path?.rawValue ?? "", rhs.line ?? 0, rhs.column ?? 0)
    if left != right { return left < right }
    return lhs.message < rhs.message
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains(where: \.isError) }
  public var errors: [Diagnostic] { filter(\.isError) }
  public var warnings: [Diagnostic] { filter { !$0.isError } }
}
