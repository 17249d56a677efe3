/// Reads the pixel size of a JPEG, PNG, GIF or WebP photo from its first bytes, so
/// `<img>` gets `width` and `height` and pages do not jump while photos load.
public enum ImageHeader {
  /// `read(offset, count)` returns up to `count` bytes of the file from `offset`.
  public static func pixelSize(read: (Int, Int) -> [UInt8]) -> PixelSize? {
    let head = read(0, 32)
    guard head.count >= 10 else { return nil }
    if head.starts(with: [0x89, 0x50, 0x4E, 0x47]), head.count >= 24 {
      return size(width: bigEndian(head[16..<20]), height: bigEndian(head[20..<24]))
    }
    if head.starts(with: Array("GIF8".utf8)) {
      return size(width: Int(head[6]) | Int(head[7]) << 8, height: Int(head[8]) | Int(head[9]) << 8)
    }
    if head.starts(with: Array("RIFF".utf8)), head.count >= 30, Array(head[8..<12]) == Array("WEBP".utf8) {
      return webP(head)
    }
    if head.starts(with: [0xFF, 0xD8]) { return jpeg(read: read) }
    return nil
  }

  private static func jpeg(read: (Int, Int) -> [UInt8]) -> PixelSize? {
    var offset = 2
    for _ in 0..<512 {  // segments before the frame header; real files have a handful
      let marker = read(offset, 4)
      guard marker.count == 4, marker[0] == 0xFF else { return nil }
      let type = marker[1]
      if type == 0xFF {
        offset += 1  // fill byte
        continue
      }
      let length = Int(marker[2]) << 8 | Int(marker[3])
      let isFrame = (0xC0...0xCF).contains(type) && type != 0xC4 && type != 0xC8 && type != 0xCC
      if isFrame {
        let frame = read(offset + 5, 4)
        guard frame.count == 4 else { return nil }
        return size(width: Int(frame[2]) << 8 | Int(frame[3]), height: Int(frame[0]) << 8 | Int(frame[1]))
      }
      guard length >= 2, type != 0xD9, type != 0xDA else { return nil }
      offset += 2 + length
    }
    return nil
  }

  private static func webP(_ head: [UInt8]) -> PixelSize? {
    switch String(decoding: head[12..<16], as: UTF8.self) {
    case "VP8X":
      let width = 1 + (Int(head[24]) | Int(head[25]) << 8 | Int(head[26]) << 16)
      let height = 1 + (Int(head[27]) | Int(head[28]) << 8 | Int(head[29]) << 16)
      return size(width: width, height: height)
    case "VP8 ":
      return size(
        width: (Int(head[26]) | Int(head[27]) << 8) & 0x3FFF, height: (Int(head[28]) | Int(head[29]) << 8) & 0x3FFF)
    case "VP8L":
      let bits = Int(head[21]) | Int(head[22]) << 8 | Int(head[23]) << 16 | Int(head[24]) << 24
      return size(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
    default:
      return nil
    }
  }

  private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.reduce(0) { $0 << 8 | Int($1) }
  }

  private static func size(width: Int, height: Int) -> PixelSize? {
    width > 0 && height > 0 ? PixelSize(width: width, height: height) : nil
  }
}
