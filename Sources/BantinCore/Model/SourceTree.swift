/// The files of a site folder, as the pipeline sees them: the text of content,
/// templates and configuration, and what it needs to know about photos and other
/// files it copies (their size, and an image's pixel size).
///
/// `BantinIO` loads it from disk; tests build it in memory.
public struct SourceTree: Sendable {
  public var files: [SourcePath: SourceFile]
  /// Size, modification time and inode of each file, when the tree came from disk:
  /// what the build cache compares to know a file unchanged without reading it.
  public var stamps: [SourcePath: FileStamp] = [:]
  /// Reads a text file given as `.unchanged` when the build needs its bytes after
  /// all (the memo does not hold what it needs): set by the loader on disk.
  public var reader: (@Sendable (SourcePath) -> [UInt8]?)?

  public init(files: [SourceFile], stamps: [SourcePath: FileStamp] = [:]) {
    self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
    self.stamps = stamps
  }

  public subscript(path: SourcePath) -> SourceFile? { files[path] }

  /// The bytes of a text file: as read, or read now through `reader`.
  public func bytes(of file: SourceFile) -> [UInt8]? {
    switch file.content {
    case .text(let bytes): return bytes
    case .unchanged: return reader?(file.path)
    case .asset: return nil
    }
  }

  /// The files under `folder`, in path order.
  public func files(under folder: SourcePath) -> [SourceFile] {
    files.values.filter { $0.path.isInside(folder) }.sorted { $0.path < $1.path }
  }
}

public struct SourceFile: Sendable {
  public enum Content: Sendable {
    /// A file the pipeline reads: Markdown, a template, `site.yml`.
    case text([UInt8])
    /// A file that is published as it is (a photo, a PDF, a stylesheet).
    case asset(AssetInfo)
    /// A text file not read yet because it has not changed since the build whose
    /// memo holds what was made of it: its content hash. Its bytes are read when a
    /// build needs them after all (`SourceTree.bytes(of:)`).
    case unchanged(StableHash)
  }

  public var path: SourcePath
  public var content: Content

  public init(path: SourcePath, content: Content) {
    self.path = path
    self.content = content
  }

  public static func text(_ path: SourcePath, _ text: String) -> SourceFile {
    SourceFile(path: path, content: .text(Array(text.utf8)))
  }

  public static func asset(_ path: SourcePath, _ info: AssetInfo) -> SourceFile {
    SourceFile(path: path, content: .asset(info))
  }
}

/// What `stat` says of a file, enough to notice that it changed: the status change
/// time cannot be set back by a program (`cp -p`, `touch -d` set only the
/// modification time), so a file with the same stamp has not been written since.
public struct FileStamp: Sendable, Hashable {
  public var size: Int
  /// Nanoseconds since 1970.
  public var modified: Int
  /// Nanoseconds since 1970 of the last change to the file or its metadata.
  public var changed: Int
  public var inode: Int

  public init(size: Int, modified: Int, changed: Int, inode: Int) {
    self.size = size
    self.modified = modified
    self.changed = changed
    self.inode = inode
  }
}

/// What is known about a file that is copied to the output.
public struct AssetInfo: Sendable, Hashable {
  public var byteCount: Int
  /// Width and height in pixels, for JPEG, PNG, GIF and WebP photos.
  public var pixelSize: PixelSize?

  public init(byteCount: Int, pixelSize: PixelSize? = nil) {
    self.byteCount = byteCount
    self.pixelSize = pixelSize
  }
}

public struct PixelSize: Sendable, Hashable {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

extension SourceTree {
  /// The folders of a site that are read; everything else in it is left alone.
  public static let folders: [SourcePath] = ["content", "templates", "static", "data"]

  /// Files that are never read or published: dotfiles (`.git`, `.env`, `.DS_Store`)
  /// and the backup, swap and lock files of editors.
  public static func isIgnored(name: some StringProtocol) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
      || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx") || name.hasSuffix(".tmp")
      || name.hasSuffix(".bak") || name == "4913" || name.hasSuffix("___jb_tmp___")
      || name.hasSuffix("___jb_old___")
  }

  /// Whether the file at `path` is read as text (Markdown, templates, `site.yml`)
  /// rather than copied.
  public static func isText(_ path: SourcePath) -> Bool {
    if path == SiteConfig.path || HugoConfig.paths.contains(path) { return true }
    if path.isInside("content") { return path.isMarkdown }
    if path == Glossary.path { return true }
    if let relative = path.relative(to: "templates") { return !relative.hasPrefix("static/") }
    return false
  }
}
