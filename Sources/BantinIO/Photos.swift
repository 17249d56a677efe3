import BantinCore
import CBantinVips

/// libvips in process, for photos: the one Swift file that calls it (through the
/// typed wrappers of `CBantinVips`) and owns every pointer it hands out.
///
/// A photo is probed from its header before anything is decoded (a 30000×30000
/// PNG of a few hundred KB would otherwise decode 900 megapixels), decoded once
/// with `fail_on=error` (a truncated file is an error, not a half-grey photo),
/// turned upright by its EXIF orientation, converted to sRGB, and made at each
/// width from the largest; every metadata item (EXIF with GPS and serial, XMP,
/// IPTC, ICC) is removed from the image before it is saved, since libvips 8.14's
/// `webpsave` ignores `strip`. Browsers read untagged images as sRGB.
public enum Photos {
  /// libvips started once per process: one thread per operation (bantin runs
  /// photos on every core itself), no operation cache, only the JPEG, PNG and
  /// WebP loaders.
  static let started: Bool = bantin_vips_start() == 0

  public static var libraryVersion: String { String(cString: bantin_vips_version()) }

  public struct Header: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// EXIF orientation, 1 to 8 (1: as stored).
    public var orientation: Int
    /// The libvips loader that reads it (`VipsForeignLoadJpegBuffer`).
    public var loader: String

    /// The size once turned upright (orientations 5 to 8 swap the sides).
    public var upright: PixelSize {
      orientation >= 5 && orientation <= 8
        ? PixelSize(width: height, height: width) : PixelSize(width: width, height: height)
    }
  }

  /// The header of a JPEG, PNG or WebP photo; nothing is decoded.
  public static func probe(_ bytes: [UInt8]) throws(DerivedFailure) -> Header {
    guard started else { throw DerivedFailure(Say.photoFailed(.start)) }
    var width: Int32 = 0
    var height: Int32 = 0
    var orientation: Int32 = 1
    var loader: UnsafePointer<CChar>?
    let status = bytes.withUnsafeBytes {
      bantin_vips_probe($0.baseAddress, $0.count, &width, &height, &orientation, &loader)
    }
    guard status == 0, let loader else {
      throw DerivedFailure(Say.photoFailed(.probe, detail: takeError()))
    }
    return Header(
      width: Int(width), height: Int(height), orientation: Int(orientation), loader: String(cString: loader))
  }

  /// One size of a photo, encoded.
  public struct Variant: Sendable {
    public var size: PixelSize
    public var webp: [UInt8]
    /// JPEG, or PNG when the photo has transparency.
    public var fallback: [UInt8]
    public var fallbackIsPNG: Bool
  }

  /// The photo at each of `widths` it is at least as wide as (never enlarged) and
  /// at its own width between two of them, widest first, with no metadata.
  /// A photo over `maxPixels` is refused before it is decoded.
  public static func variants(of bytes: [UInt8], widths: [Int], maxPixels: Int, quality: Int = 80)
    throws(DerivedFailure) -> [Variant]
  {
    let header = try checkedHeader(bytes, maxPixels: maxPixels)
    let upright = header.upright
    var fitting = Set(widths.filter { $0 > 0 && $0 <= upright.width }).sorted(by: >)
    // A photo between two widths is published at its own width too (an 800-pixel
    // photo at 480 and 800), unless that is within a fifth of the widest made.
    if let widest = widths.max(), upright.width < widest, fitting.first.map({ upright.width * 5 > $0 * 6 }) ?? true {
      fitting.insert(upright.width, at: 0)
    }
    let largest = try decode(bytes, width: fitting[0])
    defer { bantin_vips_release(largest) }
    var variants: [Variant] = []
    for width in fitting {
      let sized = width == fitting[0] ? largest : bantin_vips_resize(largest, Int32(width), 10_000_000)
      guard let sized else { throw DerivedFailure(Say.photoFailed(.resize, detail: takeError())) }
      defer { if sized != largest { bantin_vips_release(sized) } }
      guard let clean = bantin_vips_stripped(sized) else {
        throw DerivedFailure(Say.photoFailed(.process, detail: takeError()))
      }
      defer { bantin_vips_release(clean) }
      let alpha = bantin_vips_bands(clean) == 4
      let webp = try Photos.withoutMetadata(webp: try encode { bantin_vips_save_webp(clean, Int32(quality), $0, $1) })
      let fallback = try encode {
        alpha ? bantin_vips_save_png(clean, $0, $1) : bantin_vips_save_jpeg(clean, Int32(quality), $0, $1)
      }
      variants.append(
        Variant(
          size: PixelSize(width: Int(bantin_vips_width(clean)), height: Int(bantin_vips_height(clean))), webp: webp,
          fallback: fallback, fallbackIsPNG: alpha))
    }
    return variants
  }

  /// The photo at its own size, upright, with no metadata, in its own format:
  /// (its bytes, size, file extension).
  public static func original(of bytes: [UInt8], maxPixels: Int, quality: Int) throws(DerivedFailure) -> (
    bytes: [UInt8], size: PixelSize, fileExtension: String
  ) {
    let header = try checkedHeader(bytes, maxPixels: maxPixels)
    let image = try decode(bytes, width: header.upright.width)
    defer { bantin_vips_release(image) }
    guard let clean = bantin_vips_stripped(image) else {
      throw DerivedFailure(Say.photoFailed(.process, detail: takeError()))
    }
    defer { bantin_vips_release(clean) }
    let size = PixelSize(width: Int(bantin_vips_width(clean)), height: Int(bantin_vips_height(clean)))
    if header.loader.contains("Png") {
      return (try encode { bantin_vips_save_png(clean, $0, $1) }, size, "png")
    }
    if header.loader.contains("Webp") {
      let webp = try encode { bantin_vips_save_webp(clean, Int32(quality), $0, $1) }
      return (try withoutMetadata(webp: webp), size, "webp")
    }
    return (try encode { bantin_vips_save_jpeg(clean, Int32(quality), $0, $1) }, size, "jpg")
  }

  /// JPEG crops of the photo, each of exactly its size, cut around `focus`
  /// (fractions of the upright photo), from one decoding, with no metadata.
  public static func crops(of bytes: [UInt8], sizes: [PixelSize], focus: Focus, maxPixels: Int, quality: Int)
    throws(DerivedFailure) -> [[UInt8]]
  {
    let upright = try checkedHeader(bytes, maxPixels: maxPixels).upright
    // Decoded once, as small as still covers every crop.
    let scale =
      sizes.map {
        max(Double($0.width) / Double(upright.width), Double($0.height) / Double(upright.height))
      }.max() ?? 1
    let image = try decode(bytes, width: min(upright.width, Int((Double(upright.width) * scale).rounded(.up))))
    defer { bantin_vips_release(image) }
    var crops: [[UInt8]] = []
    for size in sizes {
      guard let cut = bantin_vips_cover(image, Int32(size.width), Int32(size.height), focus.x, focus.y) else {
        throw DerivedFailure(Say.photoFailed(.crop, detail: takeError()))
      }
      defer { bantin_vips_release(cut) }
      guard let clean = bantin_vips_stripped(cut) else {
        throw DerivedFailure(Say.photoFailed(.process, detail: takeError()))
      }
      defer { bantin_vips_release(clean) }
      crops.append(try encode { bantin_vips_save_jpeg(clean, Int32(quality), $0, $1) })
    }
    return crops
  }

  /// A logo as the masthead's emblem (fitted into `emblem`, never enlarged) and as
  /// square icons of each of `squares` pixels (the whole logo centred on a
  /// transparent square), all PNG with no metadata.
  public static func logo(of bytes: [UInt8], emblem: PixelSize, squares: [Int], maxPixels: Int)
    throws(DerivedFailure) -> (emblem: (size: PixelSize, png: [UInt8]), squares: [[UInt8]])
  {
    let upright = try checkedHeader(bytes, maxPixels: maxPixels).upright
    let largest = max(emblem.width, squares.max() ?? 0)
    let image = try decode(bytes, width: min(upright.width, largest))
    defer { bantin_vips_release(image) }
    func png(_ image: UnsafeMutableRawPointer) throws(DerivedFailure) -> [UInt8] {
      guard let clean = bantin_vips_stripped(image) else {
        throw DerivedFailure(Say.photoFailed(.process, detail: takeError()))
      }
      defer { bantin_vips_release(clean) }
      return try encode { bantin_vips_save_png(clean, $0, $1) }
    }
    guard let fitted = bantin_vips_resize(image, Int32(emblem.width), Int32(emblem.height)) else {
      throw DerivedFailure(Say.photoFailed(.resize, detail: takeError()))
    }
    defer { bantin_vips_release(fitted) }
    let emblemSize = PixelSize(width: Int(bantin_vips_width(fitted)), height: Int(bantin_vips_height(fitted)))
    let emblemPNG = try png(fitted)
    var icons: [[UInt8]] = []
    for size in squares {
      guard let square = bantin_vips_square(image, Int32(size)) else {
        throw DerivedFailure(Say.photoFailed(.icon, detail: takeError()))
      }
      defer { bantin_vips_release(square) }
      icons.append(try png(square))
    }
    return ((emblemSize, emblemPNG), icons)
  }

  /// A Windows icon (`favicon.ico`) holding one PNG of `size` pixels square, as
  /// every browser since 2007 reads it.
  public static func icon(holding png: [UInt8], size: Int) -> [UInt8] {
    func little(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8((value >> (8 * $0)) & 0xff) } }
    let side = UInt8(size >= 256 ? 0 : size)
    var file: [UInt8] = [0, 0, 1, 0, 1, 0]  // reserved, type 1 (icon), one image
    file += [side, side, 0, 0] + little(1, 2) + little(32, 2) + little(png.count, 4) + little(22, 4)
    return file + png
  }

  /// The header, once the photo is known to be within `maxPixels`.
  private static func checkedHeader(_ bytes: [UInt8], maxPixels: Int) throws(DerivedFailure) -> Header {
    let header = try probe(bytes)
    guard header.width * header.height <= maxPixels else {
      throw DerivedFailure(
        Say.photoTooLarge(width: header.width, height: header.height, millions: maxPixels / 1_000_000))
    }
    return header
  }

  /// The photo decoded whole, upright, in sRGB, `width` wide (never enlarged).
  private static func decode(_ bytes: [UInt8], width: Int) throws(DerivedFailure) -> UnsafeMutableRawPointer {
    let image = bytes.withUnsafeBytes {
      bantin_vips_thumbnail($0.baseAddress, $0.count, Int32(width), 10_000_000)
    }
    guard let image else { throw DerivedFailure(Say.photoFailed(.decode, detail: takeError())) }
    return image
  }

  /// A WebP file without its EXIF, XMP and ICC chunks, and its header's flags for
  /// them cleared: libvips 8.14 writes an EXIF chunk (resolution, orientation) into
  /// every WebP, even of an image with no metadata at all.
  static func withoutMetadata(webp: [UInt8]) throws(DerivedFailure) -> [UInt8] {
    func number(at offset: Int) -> Int {
      Int(webp[offset]) | Int(webp[offset + 1]) << 8 | Int(webp[offset + 2]) << 16 | Int(webp[offset + 3]) << 24
    }
    guard webp.count >= 12, webp.starts(with: Array("RIFF".utf8)), webp[8..<12].elementsEqual("WEBP".utf8) else {
      throw DerivedFailure(Say.cannotProcess("libvips made a WebP bantin cannot read"))
    }
    var output = Array(webp[0..<12])
    var offset = 12
    while offset + 8 <= webp.count {
      let name = String(decoding: webp[offset..<offset + 4], as: UTF8.self)
      let length = number(at: offset + 4)
      let end = offset + 8 + length + (length & 1)
      guard length >= 0, end <= webp.count else {
        throw DerivedFailure(Say.cannotProcess("libvips made a WebP bantin cannot read"))
      }
      switch name {
      case "EXIF", "XMP ", "ICCP": break
      case "VP8X":
        var chunk = Array(webp[offset..<end])
        if chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
        output += chunk
      default: output += webp[offset..<end]
      }
      offset = end
    }
    let size = output.count - 8
    for index in 0..<4 { output[4 + index] = UInt8(truncatingIfNeeded: size >> (8 * index)) }
    return output
  }

  /// The bytes a save call made, copied out of libvips' buffer and the buffer freed.
  private static func encode(
    _ save: (UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32
  )
    throws(DerivedFailure) -> [UInt8]
  {
    var buffer: UnsafeMutableRawPointer?
    var length = 0
    guard save(&buffer, &length) == 0, let buffer else {
      throw DerivedFailure(Say.photoFailed(.save, detail: takeError()))
    }
    defer { bantin_vips_free(buffer) }
    return Array(UnsafeRawBufferPointer(start: buffer, count: length))
  }

  /// libvips' last message (its first line), or nothing; the buffer is cleared.
  static func takeError() -> String {
    guard let copy = bantin_vips_take_error() else { return "" }
    defer { bantin_vips_free(copy) }
    let text = String(cString: copy).split(separator: "\n").first.map(String.init) ?? ""
    return text
  }

  /// For tests: a photo with some structure, `kind` 0 sRGB JPEG, 1 grey JPEG,
  /// 2 CMYK JPEG, 3 sRGB PNG with alpha.
  package static func testImage(width: Int, height: Int, kind: Int) -> [UInt8]? {
    guard started else { return nil }
    var buffer: UnsafeMutableRawPointer?
    var length = 0
    guard bantin_vips_test_image(Int32(width), Int32(height), Int32(kind), &buffer, &length) == 0, let buffer else {
      _ = takeError()
      return nil
    }
    defer { bantin_vips_free(buffer) }
    return Array(UnsafeRawBufferPointer(start: buffer, count: length))
  }
}
