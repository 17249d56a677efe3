/// How photos are published (`site.yml`: `photoWidths`, `photoQuality`,
/// `photoMaxPixels`, `publishOriginalPhotos`): the widths made of each (never wider
/// than the photo), the encoders' quality, the largest photo read, and whether the
/// original size is published too. The rule that asks for photos and the recipe
/// that makes them share it as one canonical text (`text`), which is part of each
/// photo's key in the derived files' store.
public struct PhotoSettings: Sendable, Hashable {
  public var widths: [Int]
  public var quality: Int
  /// Photos with more pixels are refused from their header, before decoding.
  public var maxPixels: Int
  /// Publish the photo at its own size too (upright, with no metadata), where the
  /// editor's file would have been.
  public var original: Bool

  public static let standard = PhotoSettings(widths: [480, 960, 1600], quality: 80, maxPixels: 100_000_000)

  public init(widths: [Int], quality: Int, maxPixels: Int, original: Bool = false) {
    self.widths = Array(Set(widths.filter { $0 > 0 })).sorted()
    self.quality = quality
    self.maxPixels = maxPixels
    self.original = original
  }

  /// `widths=480,960,1600;quality=80;maxPixels=100000000;original=0`.
  public var text: String {
    "widths=\(widths.map(String.init).joined(separator: ","));quality=\(quality);maxPixels=\(maxPixels);original=\(original ? 1 : 0)"
  }

  /// The settings `text` says, or nil when it is not such a text.
  public init?(text: String) {
    guard let values = PhotoSettings.fields(of: text), values.count == 4, let widths = values["widths"],
      let quality = values["quality"].flatMap({ Int($0) }),
      let maxPixels = values["maxPixels"].flatMap({ Int($0) }), let original = values["original"],
      original == "0" || original == "1"
    else { return nil }
    let numbers = widths.split(separator: ",").compactMap { Int($0) }
    guard !numbers.isEmpty, numbers.count == widths.split(separator: ",").count else { return nil }
    self.init(widths: numbers, quality: quality, maxPixels: maxPixels, original: original == "1")
  }

  /// The `name=value` parts of a recipe's settings text (`a=1;b=2`), or nil when a
  /// part has no `=`: what `PhotoSettings` and `CropSettings` are read from.
  static func fields(of text: String) -> [Substring: Substring]? {
    var values: [Substring: Substring] = [:]
    for part in text.split(separator: ";") {
      guard let equals = part.firstIndex(of: "=") else { return nil }
      values[part[..<equals]] = part[part.index(after: equals)...]
    }
    return values
  }

  /// The name of the result that is the photo at its own size, in its own format.
  public static func isOriginal(_ name: String) -> Bool { name.hasPrefix("original.") }
}

/// Photos of `content/` (JPEG, PNG, WebP) published as `PhotoSettings` say:
/// `anh.jpg` as `anh-480.webp`, `anh-480.jpg`, … `anh-1600.jpg`, and not itself
/// (unless `publishOriginalPhotos`, and then with no metadata). Images in `static/`
/// are the theme's and site's own files, linked by name: published as they are.
public struct PhotoRule: DerivedRule {
  public static let recipe = "photo"
  static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp"]
  /// A photo more than this many times wider (or taller) than the widest published
  /// size is worth shrinking before it goes into git.
  static let oversize = 2

  public init() {}

  public func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest? {
    guard Self.extensions.contains(asset.source.fileExtension),
      asset.source.relative(to: ContentEntry.contentFolder) != nil
    else { return nil }
    let settings = config.photos
    let output = asset.output
    let name = output.rawValue
    let stem = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
    var advice: Message?
    if let size = asset.info.pixelSize, let widest = settings.widths.last,
      max(size.width, size.height) > Self.oversize * widest
    {
      let megabytes = Double(asset.info.byteCount) / 1_048_576
      advice = Say.oversizedPhoto(
        width: size.width, height: size.height, megabytes: "\((megabytes * 10).rounded() / 10)", widest: widest,
        advised: widest * Self.oversize)
    }
    return DerivedRequest(
      job: DerivedJob(recipe: Self.recipe, settings: settings.text, inputs: [asset.source]), standsForAsset: true,
      advice: advice
    ) { result in
      PhotoSettings.isOriginal(result) ? output : OutputPath(stem + "-" + result)
    }
  }
}
