/// A 128-bit hash that is the same in every run and on every machine (Swift's
/// `Hasher` is seeded per process), for keys that are stored on disk: the build
/// cache's fingerprints of files and pages. Two FNV-1a lanes with different offsets
/// and primes; not a cryptographic hash, and never used as one.
public struct StableHash: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public static func < (a: StableHash, b: StableHash) -> Bool { (a.high, a.low) < (b.high, b.low) }

  /// Lane by lane, wrapping: an order-free way to combine hashes.
  func adding(_ other: StableHash) -> StableHash {
    StableHash(high: high &+ other.high, low: low &+ other.low)
  }

  public var description: String {
    let digits = String(high, radix: 16) + ":" + String(low, radix: 16)
    return digits
  }
}

/// Feeds values into a `StableHash`: eight bytes at a time into two lanes, each a
/// multiply and rotate, mixed at the end. Every `combine` of bytes is followed by
/// their count, so that no two sequences of calls run together.
public struct StableHasher: Sendable {
  private var a: UInt64 = 0xcbf2_9ce4_8422_2325
  private var b: UInt64 = 0x8422_2325_cbf2_9ce4

  public init() {}

  @inline(__always)
  public mutating func combine(_ word: UInt64) {
    a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(29)
    b = ((b &+ word) &* 0xC2B2_AE3D_27D4_EB4F).rotated(31) ^ a
  }

  public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    var offset = 0
    while offset + 8 <= count {
      combine(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < count {
      tail |= UInt64(bytes[offset]) << shift
      shift += 8
      offset += 1
    }
    combine(tail)
    combine(UInt64(count))
  }

  public mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }

  public mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
  }

  public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

  /// A text or its absence, told apart from every text.
  public mutating func combine(optional text: String?) {
    combine(text == nil ? 0 : 1)
    if let text { combine(text) }
  }

  public mutating func combine(_ time: Timestamp) { combine(UInt64(bitPattern: time.secondsSince1970)) }

  public mutating func combine(_ hash: StableHash) {
    combine(hash.high)
    combine(hash.low)
  }

  public var value: StableHash { StableHash(high: StableHasher.mix(a ^ b.rotated(17)), low: StableHasher.mix(b)) }

  /// MurmurHash3's finalizer: every input bit reaches every output bit.
  static func mix(_ value: UInt64) -> UInt64 {
    var x = value
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
  }

  public static func hash(_ bytes: [UInt8]) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(bytes)
    return hasher.value
  }
}

extension UInt64 {
  @inline(__always)
  func rotated(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}

/// Items hashed one by one and the hashes added, so that their order does not
/// count: for dictionaries and sets, whose order changes from run to run.
struct UnorderedHasher {
  private var sum = StableHash(high: 0, low: 0)
  private var count = 0

  mutating func add(_ item: (inout StableHasher) -> Void) {
    var hasher = StableHasher()
    item(&hasher)
    sum = sum.adding(hasher.value)
    count += 1
  }

  var value: StableHash {
    var hasher = StableHasher()
    hasher.combine(sum)
    hasher.combine(count)
    return hasher.value
  }
}
