import BantinCore

/// The recipe `photo`: one photo in, each width as WebP and as JPEG (PNG when it
/// has transparency) out, named `<width>.webp` and `<width>.jpg` (`.png`), with no
/// metadata (`Photos`). Its settings are a `PhotoSettings` text.
public struct PhotoRecipe: DerivedRecipe {
  public init() {}

  public var name: String { "photo" }
  public var version: Int { 1 }
  /// Another libvips may make other bytes from the same photo.
  public var tool: String { "libvips " + Photos.libraryVersion }

  public func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
    guard inputs.count == 1, let settings = PhotoSettings(text: settings) else {
      throw DerivedFailure("cannot be processed: the photo recipe was given '\(settings)'")
    }
    let variants = try Photos.variants(
      of: inputs[0], widths: settings.widths, maxPixels: settings.maxPixels, quality: settings.quality)
    var made: [DerivedFacts.Made] = []
    for variant in variants {
      let width = variant.size.width
      for (bytes, name) in [
        (variant.webp, "\(width).webp"), (variant.fallback, "\(width).\(variant.fallbackIsPNG ? "png" : "jpg")"),
      ] {
        try POSIX.write(bytes, to: folder + "/" + name)
        made.append(DerivedFacts.Made(name: name, byteCount: bytes.count, pixelSize: variant.size))
      }
    }
    return made
  }
}
