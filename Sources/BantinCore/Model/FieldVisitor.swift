/// Something that goes through a model's fields one by one: writes them to the
/// build cache, reads them back, or hashes the ones a template can show.
///
/// A model lists its fields once, in its `visit(_:)`; every visitor follows that
/// list, so a field added there is cached, restored and hashed with no other edit.
/// A visitor may change the values it is given (the reader fills a blank model).
package protocol FieldVisitor {
  /// False for a visitor that sees only what a template can show (the shown-fields
  /// hash): fields kept for the build alone (links checked, lookups) are skipped.
  var visitsHidden: Bool { get }

  mutating func visit(_ value: inout String) throws
  mutating func visit(_ value: inout Int) throws
  mutating func visit(_ value: inout Bool) throws
  mutating func visit(_ value: inout Timestamp) throws
  mutating func visit(_ value: inout StableHash) throws
  mutating func visit(_ value: inout HTMLBody) throws
  /// One case of an enumeration, by its number.
  mutating func visit<Case: RawRepresentable<Int>>(_ value: inout Case) throws
  /// `blank` is what a reader fills when the value is present.
  mutating func visit<T>(_ value: inout T?, blank: T, _ fields: (inout Self, inout T) throws -> Void) throws
  mutating func visit<T>(_ value: inout [T], blank: T, _ fields: (inout Self, inout T) throws -> Void) throws
}

/// A value read from the cache that no model can hold (an unknown kind).
package struct DamagedField: Error {
  package init() {}
}

extension FieldVisitor {
  mutating func visit(_ value: inout SourcePath) throws {
    var raw = value.rawValue
    try visit(&raw)
    if raw != value.rawValue { value = SourcePath(raw) }
  }

  /// A crop's focus, as its text (`0.30,0.40`), which keeps it exactly.
  mutating func visit(_ value: inout Focus) throws {
    var text = value.text
    try visit(&text)
    value = Focus(text) ?? .centre
  }

  mutating func visit(_ value: inout String?) throws { try visit(&value, blank: "") { try $0.visit(&$1) } }
  mutating func visit(_ value: inout Int?) throws { try visit(&value, blank: 0) { try $0.visit(&$1) } }
  mutating func visit(_ value: inout Timestamp?) throws {
    try visit(&value, blank: Timestamp(secondsSince1970: 0)) { try $0.visit(&$1) }
  }
  mutating func visit(_ value: inout [String]) throws { try visit(&value, blank: "") { try $0.visit(&$1) } }

  /// A line and column in the file `path` (the file is the model's own: not stored).
  mutating func visit(_ value: inout SourceLocation, in path: SourcePath) throws {
    try visit(&value.line)
    try visit(&value.column)
    value.path = path
  }

  /// A front matter value and where it was written.
  mutating func visit<Value>(
    _ field: inout FrontMatter.Field<Value>?, blank: Value, in path: SourcePath,
    _ value: (inout Self, inout Value) throws -> Void
  ) throws {
    let empty = FrontMatter.Field(value: blank, location: SourceLocation(path, line: 0, column: 0))
    try visit(&field, blank: empty) { visitor, field in
      try value(&visitor, &field.value)
      try visitor.visit(&field.location, in: path)
    }
  }

  mutating func visit(_ fields: inout [FrontMatter.Field<String>], in path: SourcePath) throws {
    let empty = FrontMatter.Field(value: "", location: SourceLocation(path, line: 0, column: 0))
    try visit(&fields, blank: empty) { visitor, field in
      try visitor.visit(&field.value)
      try visitor.visit(&field.location, in: path)
    }
  }
}

/// Hashes the fields a template can show, in the order the model lists them, with
/// every optional's presence and every list's length, so that no two different
/// models hash alike by running together.
package struct ShownFieldsHasher: FieldVisitor {
  package var hasher = StableHasher()
  package var visitsHidden: Bool { false }

  package init() {}

  package mutating func visit(_ value: inout String) { hasher.combine(value) }
  package mutating func visit(_ value: inout Int) { hasher.combine(value) }
  package mutating func visit(_ value: inout Bool) { hasher.combine(value ? 1 : 0) }
  package mutating func visit(_ value: inout Timestamp) { hasher.combine(value) }
  package mutating func visit(_ value: inout StableHash) { hasher.combine(value) }
  package mutating func visit<Case: RawRepresentable<Int>>(_ value: inout Case) { hasher.combine(value.rawValue) }
  package mutating func visit(_ value: inout HTMLBody) {
    value.withUTF8 { hasher.combine($0) }  // as `combine(_: String)` would
  }
  package mutating func visit<T>(
    _ value: inout T?, blank: T, _ fields: (inout Self, inout T) throws -> Void
  ) rethrows {
    guard var present = value else { return hasher.combine(0) }
    hasher.combine(1)
    try fields(&self, &present)
  }
  package mutating func visit<T>(
    _ value: inout [T], blank: T, _ fields: (inout Self, inout T) throws -> Void
  ) rethrows {
    hasher.combine(value.count)
    for var item in value { try fields(&self, &item) }
  }
}
