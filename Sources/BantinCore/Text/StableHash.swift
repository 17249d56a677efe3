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

  public var description: String {
    let digits = String(high, radix: 16) + ":" + String(low, radix: 16)
    return digits
  }
}

/// Feeds values into a `StableHash`.
public struct StableHasher: Sendable {
  private var a: UInt64 = 0xcbf2_9ce4_8422_2325
  private var b: UInt64 = 0x84222325_cbf29ce4

  public init() {}

  public mutating func combine(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0001_0000_0193 &+ 0x9E37_79B9_7F4A_7C15
    }
  }

  public mutating func combine(_ text: String) {
    var text = text
    text.withUTF8 { combine($0) }
    combine(UInt64(text.utf8.count))
  }

  public mutating func combine(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { combine($0) }
  }

  public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

  public mutating func combine(_ hash: StableHash) {
    combine(hash.high)
    combine(hash.low)
  }

  public var value: StableHash { StableHash(high: a, low: b) }

  public static func hash(_ bytes: some Sequence<UInt8>) -> StableHash {
    var hasher = StableHasher()
    hasher.combine(bytes)
    return hasher.value
  }
}

extension TemplateValue {
  /// What a template sees of this value, hashed: records by sorted keys.
  func hash(into hasher: inout StableHasher) {
    switch self {
    case .text(let text):
      hasher.combine(1)
      hasher.combine(text)
    case .html(let text):
      hasher.combine(2)
      hasher.combine(text)
    case .flag(let flag): hasher.combine(flag ? 3 : 4)
    case .number(let number):
      hasher.combine(5)
      hasher.combine(number)
    case .list(let items):
      hasher.combine(6)
      hasher.combine(items.count)
      for item in items { item.hash(into: &hasher) }
    case .record(let fields):
      hasher.combine(7)
      hasher.combine(fields.count)
      for key in fields.keys.sorted() {
        hasher.combine(key)
        fields[key]?.hash(into: &hasher)
      }
    }
  }
}
