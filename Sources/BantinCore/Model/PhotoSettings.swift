/// How photos are published: the widths made of each (never wider than the photo),
/// the encoders' quality and the largest photo read. The rule that asks for photos
/// and the recipe that makes them share it as one canonical text (`text`), which is
/// part of each photo's key in the derived files' store.
public struct PhotoSettings: Sendable, Equatable {
  public var widths: [Int]
  public var quality: Int
  /// Photos with more pixels are refused from their header, before decoding.
  public var maxPixels: Int

  public static let standard = PhotoSettings(widths: [480, 960, 1600], quality: 80, maxPixels: 100_000_000)

  public init(widths: [Int], quality: Int, maxPixels: Int) {
    self.widths = Array(Set(widths.filter { $0 > 0 })).sorted()
    self.quality = quality
    self.maxPixels = maxPixels
  }

  /// `widths=480,960,1600;quality=80;maxPixels=100000000`.
  public var text: String {
    "widths=\(widths.map(String.init).joined(separator: ","));quality=\(quality);maxPixels=\(maxPixels)"
  }

  /// The settings `text` says, or nil when it is not such a text.
  public init?(text: String) {
    var values: [Substring: Substring] = [:]
    for part in text.split(separator: ";") {
      guard let equals = part.firstIndex(of: "=") else { return nil }
      values[part[..<equals]] = part[part.index(after: equals)...]
    }
    guard values.count == 3, let widths = values["widths"], let quality = values["quality"].flatMap({ Int($0) }),
      let maxPixels = values["maxPixels"].flatMap({ Int($0) })
    else { return nil }
    let numbers = widths.split(separator: ",").compactMap { Int($0) }
    guard !numbers.isEmpty, numbers.count == widths.split(separator: ",").count else { return nil }
    self.init(widths: numbers, quality: quality, maxPixels: maxPixels)
  }
}
