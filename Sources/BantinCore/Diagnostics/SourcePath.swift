#if canImport(Glibc)
  import Glibc
#endif

/// A path inside the site folder, relative to its root, with `/` separators:
/// `content/tin-tuc/hoi-nghi/index.md`, `templates/article.mustache`, `site.yml`.
public struct SourcePath: Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public var description: String { rawValue }

  /// The path's folders and file name.
  public var components: [Substring] { rawValue.split(separator: "/") }

  /// The last component: `index.md`. (Paths are cut at their `/` bytes: a
  /// combining mark after a slash is not part of it, as it would be for `Character`s.)
  public var fileName: Substring {
    let bytes = rawValue.utf8
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
      end = bytes.index(before: end)
    }
    guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return rawValue[..<end] }
    return rawValue[bytes.index(after: slash)..<end]
  }

  /// The file name's extension, lowercased, without the dot; empty when there is none.
  public var fileExtension: String {
    let name = fileName
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
    return name[name.utf8.index(after: dot)...].lowercased()
  }

  /// Whether the file is Markdown: `.md`, or `.markdown` and `.mdown` as Hugo sites name it too.
  public var isMarkdown: Bool { SourcePath.markdownExtensions.contains(fileExtension) }

  public static let markdownExtensions: Set<String> = ["md", "markdown", "mdown"]

  /// The file name without its extension: `anh-1` for `anh-1.jpg`.
  public var stem: Substring {
    let name = fileName
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return name }
    return name[..<dot]
  }

  /// The folder holding this path (`content/tin-tuc` for `content/tin-tuc/a.md`); empty at the root.
  public var parent: SourcePath {
    guard let slash = rawValue.utf8.lastIndex(of: UInt8(ascii: "/")) else { return SourcePath("") }
    return SourcePath(String(rawValue[..<slash]))
  }

  /// This path with `component` appended.
  public func appending(_ component: some StringProtocol) -> SourcePath {
    rawValue.isEmpty ? SourcePath(String(component)) : SourcePath(rawValue + "/" + component)
  }

  /// Whether the path is below `folder` (every path is below the root, "").
  public func isInside(_ folder: SourcePath) -> Bool {
    if folder.rawValue.isEmpty { return true }
    let bytes = rawValue.utf8
    let prefix = folder.rawValue.utf8
    guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return false }
    return bytes[bytes.index(bytes.startIndex, offsetBy: prefix.count)] == UInt8(ascii: "/")
  }

  /// The rest of the path below `folder`, or nil when the path is not inside it.
  public func relative(to folder: SourcePath) -> String? {
    if folder.rawValue.isEmpty { return rawValue }
    guard isInside(folder) else { return nil }
    let bytes = rawValue.utf8
    return String(rawValue[bytes.index(bytes.startIndex, offsetBy: folder.rawValue.utf8.count + 1)...])
  }

  public static func < (lhs: SourcePath, rhs: SourcePath) -> Bool { bytewiseLess(lhs.rawValue, rhs.rawValue) }
}

/// A path inside the output folder, relative to its root: `tin-tuc/hoi-nghi/index.html`.
public struct OutputPath: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  /// The output file behind a site URL path: `/tin-tuc/a/` → `tin-tuc/a/index.html`.
  public init(urlPath: String) {
    let bytes = urlPath.utf8
    let start = bytes.firstIndex { $0 != UInt8(ascii: "/") } ?? bytes.endIndex
    let path = urlPath[start...]
    self.rawValue = path.isEmpty || path.utf8.last == UInt8(ascii: "/") ? path + "index.html" : String(path)
  }

  public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { bytewiseLess(lhs.rawValue, rhs.rawValue) }
}

/// Whether `a`'s UTF-8 bytes sort before `b`'s: the order of file paths, with
/// `memcmp` over the strings' storage when it is contiguous.
func bytewiseLess(_ a: String, _ b: String) -> Bool {
  let fast = a.utf8.withContiguousStorageIfAvailable { left in
    b.utf8.withContiguousStorageIfAvailable { right -> Bool in
      let common = min(left.count, right.count)
      if common > 0, let x = left.baseAddress, let y = right.baseAddress {
        let order = memcmp(x, y, common)
        if order != 0 { return order < 0 }
      }
      return left.count < right.count
    }
  }
  if let fast, let result = fast { return result }
  return a.utf8.lexicographicallyPrecedes(b.utf8)
}
