import BantinCore
import Foundation
import TestSupport
import Testing

@testable import BantinIO

/// libvips through `Photos`: camera photos come out upright, sRGB, at the widths
/// asked and with no metadata; bombs, truncated files and other formats are refused.
@Suite("Photos", .serialized)
struct PhotosTests {
  static let serial = CameraTags.serial

  /// A 4000×3000 camera JPEG stored sideways (Orientation 6) with GPS, make,
  /// model, serial, owner, XMP and IPTC, written by exiftool.
  static func cameraPhoto(in scratch: Scratch) throws -> [UInt8] {
    let bytes = try #require(Photos.testImage(width: 4000, height: 3000, kind: 0))
    let path = scratch.path + "/DSC_0001.JPG"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let tagged = try CameraTags.write(into: path)
    #expect(tagged.status == 0, "\(tagged.errors)")
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// What exiftool (without -m) reads of a file: `Group:Tag` names.
  static func tags(_ bytes: [UInt8], in scratch: Scratch, name: String) throws -> [String] {
    let path = scratch.path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return try CameraTags.read(path)
  }

  @Test("a camera photo: upright, at each width not above its own, widest first, and nothing of its metadata left")
  func cameraPhotoVariants() throws {
    let scratch = try Scratch()
    let photo = try Self.cameraPhoto(in: scratch)
    let header = try Photos.probe(photo)
    #expect(header == Photos.Header(width: 4000, height: 3000, orientation: 6, loader: "VipsForeignLoadJpegBuffer"))
    let variants = try Photos.variants(of: photo, widths: [480, 1600, 960, 960], maxPixels: 100_000_000)
    #expect(variants.map(\.size) == [(1600, 2133), (960, 1280), (480, 640)].map { PixelSize(width: $0, height: $1) })
    // Never enlarged: between two widths, at its own (upright) width; 5000 is not made.
    let between = try Photos.variants(of: photo, widths: [1600, 5000], maxPixels: 100_000_000)
    #expect(between.map(\.size) == [PixelSize(width: 3000, height: 4000), PixelSize(width: 1600, height: 2133)])
    #expect(variants.allSatisfy { !$0.fallbackIsPNG })
    for (index, variant) in variants.enumerated() {
      for (bytes, name) in [(variant.webp, "v\(index).webp"), (variant.fallback, "v\(index).jpg")] {
        let tags = try Self.tags(bytes, in: scratch, name: name)
        // `[Group]Tag`: only what describes the file itself may be there.
        let leaks = tags.filter { tag in
          !["[ExifTool]", "[System]", "[File]", "[RIFF]", "[JFIF]", "[Composite]"].contains { tag.hasPrefix($0) }
        }
        #expect(leaks == [], "\(name)")
        #expect(!tags.contains { $0.contains("GPS") || $0.contains("Serial") || $0.contains("Orientation") }, "\(name)")
        #expect(bytes.firstRange(of: Array(Self.serial.utf8)) == nil, "\(name)")
      }
    }
    // The encoded files say the same size.
    #expect(
      try Photos.probe(variants[0].webp)
        == Photos.Header(width: 1600, height: 2133, orientation: 1, loader: "VipsForeignLoadWebpBuffer"))
    #expect(try Photos.probe(variants[2].fallback).width == 480)
  }

  @Test("grey and CMYK photos come out in sRGB; a photo with transparency keeps it, as PNG")
  func colours() throws {
    let scratch = try Scratch()
    for kind in [1, 2] {
      let photo = try #require(Photos.testImage(width: 800, height: 600, kind: kind))
      let variant = try #require(try Photos.variants(of: photo, widths: [480], maxPixels: 100_000_000).first)
      let path = scratch.path + "/k\(kind).jpg"
      try Data(variant.fallback).write(to: URL(fileURLWithPath: path))
      let read = try runProcess("/usr/bin/exiftool", ["-s3", "-ColorComponents", path])
      #expect(read.output == "3\n", "kind \(kind)")
    }
    let png = try #require(Photos.testImage(width: 600, height: 400, kind: 3))
    let variant = try #require(try Photos.variants(of: png, widths: [480], maxPixels: 100_000_000).first)
    #expect(variant.fallbackIsPNG)
    #expect(Array(variant.fallback.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(variant.size == PixelSize(width: 480, height: 320))
  }

  /// A PNG that says 30000×30000 (900 megapixels) in a few dozen bytes.
  static func pngBomb() -> [UInt8] {
    func crc(_ bytes: [UInt8]) -> UInt32 {
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      return ~crc
    }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
      let body = Array(type.utf8) + data
      let length = UInt32(data.count).bigEndian
      let check = crc(body).bigEndian
      return withUnsafeBytes(of: length) { Array($0) } + body + withUnsafeBytes(of: check) { Array($0) }
    }
    let side = withUnsafeBytes(of: UInt32(30000).bigEndian) { Array($0) }
    let header = side + side + [8, 2, 0, 0, 0]
    // An IDAT of an empty zlib stream: the header is all a probe reads.
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
      + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
  }

  @Test("a photo over the pixel cap is refused from its header, at once")
  func bomb() throws {
    let started = ContinuousClock.now
    let refusal = #expect(throws: DerivedFailure.self) {
      try Photos.variants(of: Self.pngBomb(), widths: [480], maxPixels: 100_000_000)
    }
    #expect(
      refusal?.message
        == "is 30000×30000 pixels, more than the 100 million bantin reads: make it smaller before adding it")
    #expect(
      refusal?.said.vietnamese
        == "ảnh có 30000×30000 điểm ảnh, nhiều hơn 100 triệu điểm ảnh mà bantin đọc: hãy thu nhỏ ảnh trước khi đưa lên")
    #expect(started.duration(to: .now) < .seconds(1))
  }

  @Test("a truncated JPEG is an error, not a half-grey photo; a GIF is not read")
  func refused() throws {
    let photo = try #require(Photos.testImage(width: 1200, height: 900, kind: 0))
    do {
      _ = try Photos.variants(of: Array(photo.prefix(photo.count / 2)), widths: [480], maxPixels: 100_000_000)
      Issue.record("a truncated JPEG was read")
    } catch {
      #expect(error.message.hasPrefix("cannot be read as a photo: "), "\(error.message)")
    }
    let gif: [UInt8] =
      Array("GIF89a".utf8) + [
        1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0,
      ]
      + [0x3B]
    do {
      _ = try Photos.probe(gif)
      Issue.record("a GIF was read")
    } catch {
      #expect(error.message.hasPrefix("is not a JPEG, PNG or WebP photo bantin can read"), "\(error.message)")
    }
  }

  @Test("the photo recipe, through the store: each width as WebP and JPEG with its pixel size, made once")
  func recipe() throws {
    let site = try Scratch()
    let photo = try Self.cameraPhoto(in: site)
    try site.write("content/tin-tuc/anh.jpg", Data(photo))
    let settings = PhotoSettings(widths: [960, 480, 480], quality: 80, maxPixels: 100_000_000)
    #expect(settings.text == "widths=480,960;quality=80;maxPixels=100000000;original=0")
    #expect(PhotoSettings(text: settings.text) == settings)
    #expect(PhotoSettings(text: "widths=480,x;quality=80;maxPixels=1;original=0") == nil)
    #expect(PhotoSettings(text: "widths=480;quality=80;maxPixels=1") == nil)
    let store = DerivedStore(cache: site.path + "/.bantin-cache", siteRoot: site.path, recipes: [PhotoRecipe()])
    let job = DerivedJob(recipe: "photo", settings: settings.text, inputs: ["content/tin-tuc/anh.jpg"])
    let facts = try store.make([job])[0].get()
    #expect(
      facts.files.map { "\($0.name) \($0.pixelSize.map { "\($0.width)x\($0.height)" } ?? "")" } == [
        "960.webp 960x1280", "960.jpg 960x1280", "480.webp 480x640", "480.jpg 480x640",
      ])
    for file in facts.files {
      let path = store.path(of: DerivedFile(key: facts.key, name: file.name, source: job.inputs[0]))
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == file.byteCount)
    }
    let factsFile = site.path + "/.bantin-cache/.derived/" + facts.key + "/facts"
    let made = try FileManager.default.attributesOfItem(atPath: factsFile)[.modificationDate] as? Date
    #expect(try store.make([job])[0].get() == facts)
    #expect(try FileManager.default.attributesOfItem(atPath: factsFile)[.modificationDate] as? Date == made)
    let wrong = DerivedJob(recipe: "photo", settings: "widths=", inputs: ["content/tin-tuc/anh.jpg"])
    guard case .failure(let failure) = store.make([wrong])[0] else {
      Issue.record("a recipe given 'widths=' made files")
      return
    }
    #expect(failure.message == "cannot be processed: the photo recipe was given 'widths='")
    #expect(failure.said.vietnamese == "không xử lý được tệp này: the photo recipe was given 'widths='")
  }
}
