import BantinCore

/// A compact byte format for the build cache: little-endian integers, strings with
/// their length, optionals with a flag. Reading checks every length, so a damaged
/// or foreign file fails to read instead of being trusted.
public struct BinaryWriter {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  public mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  public mutating func hash(_ value: StableHash) {
    int(Int(bitPattern: UInt(value.high)))
    int(Int(bitPattern: UInt(value.low)))
  }

  public mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }

  public mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }
}

public struct BinaryReader {
  public struct Damaged: Error {}

  let bytes: [UInt8]
  public var offset = 0

  public init(_ bytes: [UInt8]) { self.bytes = bytes }

  public var atEnd: Bool { offset == bytes.count }

  public mutating func int() throws -> Int {
    guard bytes.count - offset >= 8 else { throw Damaged() }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    offset += 8
    return Int(Int64(bitPattern: UInt64(littleEndian: value)))
  }

  /// A count of items that follow: each takes at least a byte, so a count larger
  /// than the bytes left (or than 2^24) is damage, never a reason to loop or reserve.
  public mutating func count() throws -> Int {
    let value = try int()
    guard value >= 0, value <= bytes.count - offset, value <= 1 << 24 else { throw Damaged() }
    return value
  }

  public mutating func bool() throws -> Bool {
    guard offset < bytes.count else { throw Damaged() }
    offset += 1
    return bytes[offset - 1] != 0
  }

  public mutating func string() throws -> String {
    let length = try int()
    guard length >= 0, bytes.count - offset >= length else { throw Damaged() }
    defer { offset += length }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + length)]), as: UTF8.self)
    }
  }

  public mutating func hash() throws -> StableHash {
    let high = UInt64(bitPattern: Int64(try int()))
    let low = UInt64(bitPattern: Int64(try int()))
    return StableHash(high: high, low: low)
  }

  public mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
    try bool() ? try read(&self) : nil
  }

  public mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
    let count = try count()
    var values: [T] = []
    values.reserveCapacity(min(count, 1 << 16))
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }
}

/// The writer goes through a model's fields (see `FieldVisitor`) writing each.
extension BinaryWriter: FieldVisitor {
  public var visitsHidden: Bool { true }

  package mutating func visit(_ value: inout String) { string(value) }
  package mutating func visit(_ value: inout Int) { int(value) }
  package mutating func visit(_ value: inout Bool) { bool(value) }
  package mutating func visit(_ value: inout Timestamp) { timestamp(value) }
  package mutating func visit(_ value: inout StableHash) { hash(value) }
  package mutating func visit<Case: RawRepresentable<Int>>(_ value: inout Case) { int(value.rawValue) }
  package mutating func visit(_ value: inout HTMLBody) {
    value.withUTF8 { body in
      int(body.count)
      bytes.append(contentsOf: body)
    }
  }
  package mutating func visit<T>(_ value: inout T?, blank: T, _ fields: (inout Self, inout T) throws -> Void)
    rethrows
  {
    bool(value != nil)
    if var present = value { try fields(&self, &present) }
  }
  package mutating func visit<T>(_ value: inout [T], blank: T, _ fields: (inout Self, inout T) throws -> Void)
    rethrows
  {
    int(value.count)
    for var item in value { try fields(&self, &item) }
  }

  public mutating func timestamp(_ value: Timestamp) { int(Int(value.secondsSince1970)) }
}

/// The reader goes through a blank model's fields (see `FieldVisitor`) filling each
/// with what the writer wrote, or throws at the first thing that does not fit.
extension BinaryReader: FieldVisitor {
  public var visitsHidden: Bool { true }

  package mutating func visit(_ value: inout String) throws { value = try string() }
  package mutating func visit(_ value: inout Int) throws { value = try int() }
  package mutating func visit(_ value: inout Bool) throws { value = try bool() }
  package mutating func visit(_ value: inout Timestamp) throws { value = try timestamp() }
  package mutating func visit(_ value: inout StableHash) throws { value = try hash() }
  package mutating func visit<Case: RawRepresentable<Int>>(_ value: inout Case) throws {
    guard let read = Case(rawValue: try int()) else { throw Damaged() }
    value = read
  }
  package mutating func visit(_ value: inout HTMLBody) throws {
    let length = try count()
    value = HTMLBody(utf8: bytes[offset..<(offset + length)])  // made text only where a page shows it
    offset += length
  }
  package mutating func visit<T>(_ value: inout T?, blank: T, _ fields: (inout Self, inout T) throws -> Void)
    throws
  {
    guard try bool() else {
      value = nil
      return
    }
    var present = blank
    try fields(&self, &present)
    value = present
  }
  package mutating func visit<T>(_ value: inout [T], blank: T, _ fields: (inout Self, inout T) throws -> Void)
    throws
  {
    let count = try count()
    var items: [T] = []
    items.reserveCapacity(min(count, 1 << 16))
    for _ in 0..<count {
      var item = blank
      try fields(&self, &item)
      items.append(item)
    }
    value = items
  }

  public mutating func timestamp() throws -> Timestamp { Timestamp(secondsSince1970: Int64(try int())) }
}
