import BantinCore

/// The recipe `photo`: one photo in, each width as WebP and as JPEG (PNG when it
/// has transparency) out, named `<width>.webp` and `<width>.jpg` (`.png`), with no
/// metadata (`Photos`); with `original=1`, the photo at its own size too, named
/// `original.jpg` (`.png`, `.webp`: its own format). Its settings are a
/// `PhotoSettings` text.
public struct PhotoRecipe: DerivedRecipe {
  public init() {}

  public var name: String { PhotoRule.recipe }
  public var version: Int { 2 }
  /// Another libvips may make other bytes from the same photo.
  public var tool: String { "libvips " + Photos.libraryVersion }

  public func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
    guard inputs.count == 1, let settings = PhotoSettings(text: settings) else {
      throw DerivedFailure(Say.cannotProcess("the photo recipe was given '\(settings)'"))
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
    if settings.original {
      let original = try Photos.original(
        of: inputs[0], maxPixels: settings.maxPixels, quality: max(settings.quality, 90))
      let name = "original." + original.fileExtension
      try POSIX.write(original.bytes, to: folder + "/" + name)
      made.append(DerivedFacts.Made(name: name, byteCount: original.bytes.count, pixelSize: original.size))
    }
    return made
  }
}

/// The recipe `crop`: one photo in, a JPEG of each size `CropSettings` asks for,
/// cut around its focus, named `<width>x<height>.jpg`, with no metadata: the
/// pictures of link previews and search results (`Cover`).
public struct CropRecipe: DerivedRecipe {
  public init() {}

  public var name: String { CropSettings.recipe }
  public var version: Int { 1 }
  public var tool: String { "libvips " + Photos.libraryVersion }

  public func make(_ inputs: [[UInt8]], settings text: String, into folder: String) throws -> [DerivedFacts.Made] {
    guard inputs.count == 1, let settings = CropSettings(text: text) else {
      throw DerivedFailure(Say.cannotProcess("the crop recipe was given '\(text)'"))
    }
    let crops = try Photos.crops(
      of: inputs[0], sizes: settings.sizes, focus: settings.focus, maxPixels: PhotoSettings.standard.maxPixels * 10,
      quality: settings.quality)
    var made: [DerivedFacts.Made] = []
    for (size, bytes) in zip(settings.sizes, crops) {
      let name = "\(size.width)x\(size.height).jpg"
      try POSIX.write(bytes, to: folder + "/" + name)
      made.append(DerivedFacts.Made(name: name, byteCount: bytes.count, pixelSize: size))
    }
    return made
  }
}

/// The recipe `logo`: the site's logo in, the masthead's emblem (`emblem.png`),
/// square icons (`icon-<size>.png`) and `favicon.ico`, as `LogoRule` asks.
public struct LogoRecipe: DerivedRecipe {
  public init() {}

  public var name: String { LogoRule.recipe }
  public var version: Int { 1 }
  public var tool: String { "libvips " + Photos.libraryVersion }

  public func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made] {
    guard inputs.count == 1, settings == LogoRule.settings else {
      throw DerivedFailure(Say.cannotProcess("the logo recipe was given '\(settings)'"))
    }
    let made = try Photos.logo(
      of: inputs[0], emblem: LogoRule.emblemBox, squares: LogoRule.squares, maxPixels: PhotoSettings.standard.maxPixels)
    var files: [(name: String, bytes: [UInt8], size: PixelSize?)] = [("emblem.png", made.emblem.png, made.emblem.size)]
    for (size, png) in zip(LogoRule.squares, made.squares) {
      files.append(("icon-\(size).png", png, PixelSize(width: size, height: size)))
      if size == 32 { files.append(("favicon.ico", Photos.icon(holding: png, size: size), nil)) }
    }
    var facts: [DerivedFacts.Made] = []
    for file in files {
      try POSIX.write(file.bytes, to: folder + "/" + file.name)
      facts.append(DerivedFacts.Made(name: file.name, byteCount: file.bytes.count, pixelSize: file.size))
    }
    return facts
  }
}
