/// A table from a 64-bit key (already a hash) to a small number, by open addressing:
/// the index's hot loops look up millions of terms, and `Dictionary` would hash each
/// key again.
struct KeyTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: -1, count: size)
    mask = size - 1
  }

  /// The number stored for `key`, or nil after storing `value` for it.
  mutating func value(for key: UInt64, orInsert value: Int32) -> Int32? {
    if count * 2 >= values.count { grow() }
    var slot = Self.slot(key, mask)
    while values[slot] >= 0 {
      if keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
    keys[slot] = key
    values[slot] = value
    count += 1
    return nil
  }

  /// The key's high bits, mixed, pick its first slot: FNV's low bits repeat.
  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    values = Array(repeating: -1, count: oldKeys.count * 2)
    mask = keys.count - 1
    for index in oldValues.indices where oldValues[index] >= 0 {
      var slot = Self.slot(oldKeys[index], mask)
      while values[slot] >= 0 { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[index]
      values[slot] = oldValues[index]
    }
  }
}
