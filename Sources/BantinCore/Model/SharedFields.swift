/// A value's fields kept in one shared object until a copy changes them (copy on
/// write): for the big values handed from stage to stage, `Article` and
/// `ContentEntry`, so that a copy costs one retain.
struct SharedFields<Fields: Sendable>: Sendable {
  /// Changed only while this copy holds the only reference.
  private final class Storage: @unchecked Sendable {
    var fields: Fields

    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  init(_ fields: Fields) { storage = Storage(fields) }

  var fields: Fields { storage.fields }

  subscript<Value>(field: WritableKeyPath<Fields, Value>) -> Value {
    get { storage.fields[keyPath: field] }
    set {
      if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
      storage.fields[keyPath: field] = newValue
    }
  }
}
