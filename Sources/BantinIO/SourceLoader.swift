import BantinCore

#if canImport(Glibc)
  import Glibc
#endif

extension SourceTree {
  /// Reads a site folder: `site.yml`, and `content/`, `templates/`, `static/` with the
  /// text of Markdown and templates and the size of every other file (and the pixel
  /// size of photos). Symbolic links may point anywhere inside the site folder, never
  /// outside it.
  public static func load(root: String) -> (SourceTree, [Diagnostic]) {
    load(root: root, unchanged: { _, _ in nil })
  }

  /// Loads a site folder, but for a text file for which `unchanged` gives a content
  /// hash (the build cache knows the file by that stamp) the bytes are not read.
  public static func load(root: String, unchanged: @Sendable (SourcePath, FileStamp) -> StableHash?) -> (
    SourceTree, [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    guard let realRoot = POSIX.realPath(root), POSIX.isDirectory(realRoot) else {
      return (SourceTree(files: []), [Diagnostic(.error, in: nil, "the site folder \(root) does not exist")])
    }
    guard POSIX.isDirectory(realRoot + "/content") else {
      return (
        SourceTree(files: []),
        [
          Diagnostic(
            .error, in: nil,
            "\(root) has no content/ folder: a site folder holds content/, and optionally templates/, static/ and site.yml"
          )
        ]
      )
    }
    var paths: [SourcePath] = []
    if POSIX.exists(realRoot + "/" + SiteConfig.path.rawValue) { paths.append(SiteConfig.path) }
    var visited = Set<String>()
    for folder in folders where POSIX.exists(realRoot + "/" + folder.rawValue) {
      walk(folder, root: realRoot, into: &paths, visited: &visited, diagnostics: &diagnostics)
    }
    // Two names that are the same text in different Unicode forms (one NFC, one
    // NFD) are two files on disk but one path and one URL here: neither is guessed.
    var seen: [SourcePath: String] = [:]
    var twice = Set<String>()
    for path in paths {
      if let other = seen[path], other.utf8.elementsEqual(path.rawValue.utf8) == false {
        diagnostics.append(
          Diagnostic(
            .error, in: path,
            "two files have this name, written in two Unicode forms (NFC and NFD): keep one, or rename one"))
        twice.insert(path.rawValue)
        twice.insert(other)
      } else {
        seen[path] = path.rawValue
      }
    }
    if !twice.isEmpty { paths.removeAll { twice.contains($0.rawValue) } }
    let loaded = paths.parallelMap(chunkSize: 32) { path -> (Result<SourceFile, Diagnostic>, FileStamp?) in
      let stamp = POSIX.stamp(realRoot + "/" + path.rawValue)
      if isText(path), let stamp, let hash = unchanged(path, stamp) {
        return (.success(SourceFile(path: path, content: .unchanged(hash))), stamp)
      }
      return (load(path, root: realRoot), stamp)
    }
    var files: [SourceFile] = []
    var stamps: [SourcePath: FileStamp] = [:]
    for (result, stamp) in loaded {
      switch result {
      case .success(let file):
        files.append(file)
        stamps[file.path] = stamp
      case .failure(let problem): diagnostics.append(problem)
      }
    }
    return (SourceTree(files: files, stamps: stamps), diagnostics)
  }

  /// The tree with the text of `paths` (files given as `.unchanged`) read in.
  public func reading(_ paths: [SourcePath], root: String) -> (SourceTree, [Diagnostic]) {
    var tree = self
    var diagnostics: [Diagnostic] = []
    guard let realRoot = POSIX.realPath(root) else {
      return (tree, [Diagnostic(.error, in: nil, "the site folder \(root) does not exist")])
    }
    for path in paths {
      do {
        tree.files[path] = SourceFile(path: path, content: .text(try POSIX.read(realRoot + "/" + path.rawValue)))
      } catch {
        diagnostics.append(
          Diagnostic(.error, in: path, "cannot be read: \((error as? FileSystemError)?.message ?? "\(error)")"))
      }
    }
    return (tree, diagnostics)
  }

  /// The files given as `.unchanged`.
  public var unchangedPaths: [SourcePath] {
    files.values.compactMap { file in
      if case .unchanged = file.content { return file.path }
      return nil
    }.sorted()
  }

  private static func walk(
    _ folder: SourcePath, root: String, into paths: inout [SourcePath], visited: inout Set<String>,
    diagnostics: inout [Diagnostic]
  ) {
    let absolute = root + "/" + folder.rawValue
    guard let real = POSIX.realPath(absolute), isInside(real, root: root) else {
      diagnostics.append(Diagnostic(.error, in: folder, "is a link to a place outside the site folder"))
      return
    }
    guard visited.insert(real).inserted else { return }  // a link back to a folder already read
    let entries: [POSIX.Entry]
    do {
      entries = try POSIX.list(absolute)
    } catch {
      diagnostics.append(Diagnostic(.error, in: folder, "cannot be read: \(error)"))
      return
    }
    for entry in entries.sorted(by: { $0.name < $1.name }) where !isIgnored(name: entry.name) {
      let path = folder.appending(entry.name)
      var kind = entry.kind
      if kind == .symlink {
        guard let target = POSIX.realPath(root + "/" + path.rawValue) else {
          diagnostics.append(Diagnostic(.error, in: path, "is a link to a file that does not exist"))
          continue
        }
        guard isInside(target, root: root) else {
          diagnostics.append(Diagnostic(.error, in: path, "is a link to a place outside the site folder"))
          continue
        }
        kind = (try? POSIX.kind(of: target, following: true)) ?? .other
      }
      switch kind {
      case .directory: walk(path, root: root, into: &paths, visited: &visited, diagnostics: &diagnostics)
      case .file: paths.append(path)
      default: diagnostics.append(Diagnostic(.error, in: path, "is not a regular file"))
      }
    }
  }

  private static func isInside(_ path: String, root: String) -> Bool {
    path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  private static func load(_ path: SourcePath, root: String) -> Result<SourceFile, Diagnostic> {
    let absolute = root + "/" + path.rawValue
    do {
      if isText(path) {
        return .success(SourceFile(path: path, content: .text(try POSIX.read(absolute))))
      }
      let size = try POSIX.size(absolute)
      var pixels: PixelSize?
      if ["jpg", "jpeg", "png", "gif", "webp"].contains(path.fileExtension) {
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
          defer { close(descriptor) }
          pixels = ImageHeader.pixelSize { POSIX.read(descriptor, offset: $0, count: $1) }
        }
      }
      return .success(SourceFile(path: path, content: .asset(AssetInfo(byteCount: size, pixelSize: pixels))))
    } catch {
      return .failure(
        Diagnostic(.error, in: path, "cannot be read: \((error as? FileSystemError)?.message ?? "\(error)")"))
    }
  }
}
