/// Where the site is published: `https://bachong.example.vn/` or, under a folder,
/// `https://example.vn/phuong/`. Pages link to each other with paths under the base
/// path; feeds and social tags need absolute URLs.
public struct SiteURL: Sendable, Hashable {
  /// `https://bachong.example.vn`, or empty for a site without a known address.
  public var origin: String
  /// Always starts and ends with `/`.
  public var basePath: String

  /// Reads `baseURL` from `site.yml`; nil when it is not an http(s) URL or a path.
  public init?(_ text: String) {
    var rest = Substring(text)
    var origin = ""
    for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
      rest = rest.dropFirst(scheme.count)
      let host = rest.prefix(while: { $0 != "/" })
      guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0 == "@" }) else {
        return nil
      }
      origin = scheme + host.lowercased()
      rest = rest.dropFirst(host.count)
    }
    if origin.isEmpty && !rest.hasPrefix("/") { return nil }
    var path = String(rest)
    if !path.hasPrefix("/") { path = "/" + path }
    if !path.hasSuffix("/") { path += "/" }
    guard !path.contains("?"), !path.contains("#"), !path.contains("//"),
      !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
    else { return nil }
    self.origin = origin
    self.basePath = path
  }

  public init(origin: String, basePath: String) {
    self.origin = origin
    self.basePath = basePath
  }

  /// A site path (`/tin-tuc/a/`) as a link inside the site (`/phuong/tin-tuc/a/`).
  public func relative(_ sitePath: String) -> String {
    var path = Substring(sitePath)
    while path.hasPrefix("/") { path = path.dropFirst() }
    return basePath + path
  }

  /// A site path as an absolute URL; a path alone when the site's address is unknown.
  public func absolute(_ sitePath: String) -> String {
    origin + relative(sitePath)
  }

  public var description: String { origin + basePath }
}

/// Percent-encoding of path segments, so a file named `Ảnh 1.jpg` is linked as
/// `%E1%BA%A2nh%201.jpg`.
public enum URLPath {
  private static let unreserved = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/".utf8)

  public static func encode(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      if unreserved.contains(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return result
  }

  /// Decodes `%XX` escapes; nil when an escape is malformed or the bytes are not UTF-8.
  public static func decode(_ text: some StringProtocol) -> String? {
    guard text.contains("%") else { return String(text) }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8)[...]
    while let byte = iterator.popFirst() {
      if byte == UInt8(ascii: "%") {
        guard iterator.count >= 2,
          let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
        else { return nil }
        bytes.append(value)
        iterator = iterator.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// Characters an absolute URL may hold as they are (RFC 3986's unreserved and
  /// reserved characters); `%` starts an escape.
  private static let urlCharacters = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=".utf8)

  /// An absolute address as editors paste it (`https://a.vn/ảnh 1.jpg`) with every
  /// byte a URL may not hold percent-encoded (`https://a.vn/%E1%BA%A3nh%201.jpg`);
  /// escapes already there are kept, and a `%` that starts none becomes `%25`.
  public static func encodeURL(_ address: String) -> String {
    let bytes = Array(address.utf8)
    var result = ""
    var index = 0
    func isHex(_ byte: UInt8) -> Bool {
      (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if urlCharacters.contains(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
        isHex(bytes[index + 1]), isHex(bytes[index + 2])
      {
        result += "%"
      } else {
        result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
      index += 1
    }
    return result
  }
}
