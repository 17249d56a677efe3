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
    guard let site = SiteRoot(root) else {
      return (SourceTree(files: []), [Diagnostic(.error, in: nil, Say.noSiteFolder(root))])
    }
    let realRoot = site.real
    guard POSIX.isDirectory(realRoot + "/content") else {
      return (
        SourceTree(files: []),
        [
          Diagnostic(.error, in: nil, Say.noContentFolder(root))
        ]
      )
    }
    var paths: [SourcePath] = []
    if POSIX.exists(realRoot + "/" + SiteConfig.path.rawValue) {
      switch site.resolve(SiteConfig.path) {
      case .success: paths.append(SiteConfig.path)
      case .failure(let problem): diagnostics.append(problem)
      }
    }
    // Hugo's configuration is read only to say that it is not used, and what to write instead.
    for path in HugoConfig.paths where POSIX.exists(realRoot + "/" + path.rawValue) {
      if case .success = site.resolve(path) { paths.append(path) }
    }
    var visited = Set<String>()
    for folder in folders where POSIX.exists(realRoot + "/" + folder.rawValue) {
      walk(folder, site: site, into: &paths, visited: &visited, diagnostics: &diagnostics)
    }
    // Two names that are the same text in different Unicode forms (one NFC, one
    // NFD) are two files on disk but one path and one URL here: neither is guessed.
    var seen: [SourcePath: String] = [:]
    var twice = Set<String>()
    for path in paths {
      if let other = seen[path], other.utf8.elementsEqual(path.rawValue.utf8) == false {
        diagnostics.append(
          Diagnostic(.error, in: path, Say.twoUnicodeForms))
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
    var tree = SourceTree(files: files, stamps: stamps)
    tree.reader = { path in try? POSIX.read(realRoot + "/" + path.rawValue) }
    return (tree, diagnostics)
  }

  /// Adds the files of `folder` and of the folders in it to `paths`. Every folder
  /// and every link passes `SiteRoot`'s check; a file name that is not UTF-8 or
  /// holds a control character is refused, shown with escapes.
  private static func walk(
    _ folder: SourcePath, site: SiteRoot, into paths: inout [SourcePath], visited: inout Set<String>,
    diagnostics: inout [Diagnostic]
  ) {
    let real: String
    switch site.resolve(folder, expecting: .directory) {
    case .success(let resolved): real = resolved
    case .failure(let problem):
      diagnostics.append(problem)
      return
    }
    guard visited.insert(real).inserted else { return }  // a link back to a folder already read
    let entries: [POSIX.Entry]
    do {
      entries = try POSIX.list(site.real + "/" + folder.rawValue)
    } catch {
      diagnostics.append(Diagnostic(.error, in: folder, Say.unreadable(FileSystemError.message(of: error))))
      return
    }
    for entry in entries.sorted(by: { $0.name < $1.name }) where !isIgnored(name: entry.name) {
      let path = folder.appending(entry.name)
      if let problem = nameProblem(entry) {
        diagnostics.append(Diagnostic(.error, in: folder.appending(problem.shown), problem.message))
        continue
      }
      var kind = entry.kind
      if kind == .symlink {
        let target = (try? POSIX.kind(of: site.real + "/" + path.rawValue, following: true)) ?? .other
        switch site.resolve(path, expecting: target == .directory ? .directory : .file) {
        case .success: kind = target
        case .failure(let problem):
          diagnostics.append(problem)
          continue
        }
      }
      switch kind {
      case .directory: walk(path, site: site, into: &paths, visited: &visited, diagnostics: &diagnostics)
      case .file: paths.append(path)
      default: diagnostics.append(Diagnostic(.error, in: path, Say.notAFile))
      }
    }
  }

  /// Why a name cannot be published, with the name as it can be shown: not UTF-8,
  /// or holding a control character (a newline, an escape) or a direction override.
  static func nameProblem(_ entry: POSIX.Entry) -> (shown: String, message: Message)? {
    if !entry.isUTF8 {
      return (VisibleText.escapingBytes(entry.bytes), Say.nameNotUTF8)
    }
    if let bad = entry.name.unicodeScalars.first(where: VisibleText.isHostile) {
      return (VisibleText.escaping(entry.name), Say.nameHasControl(VisibleText.escaping(String(bad))))
    }
    return nil
  }

  private static func load(_ path: SourcePath, root: String) -> Result<SourceFile, Diagnostic> {
    let absolute = root + "/" + path.rawValue
    do {
      if isText(path) {
        return .success(SourceFile(path: path, content: .text(try POSIX.read(absolute))))
      }
      let size = try POSIX.size(absolute)
      if ActiveContent.needsCheck(path) {
        guard size <= ActiveContent.maximumCheckedSize else {
          return .failure(
            Diagnostic(.error, in: path, Say.tooLargeToCheck(mebibytes: ActiveContent.maximumCheckedSize >> 20))
          )
        }
        if let problem = ActiveContent.check(try POSIX.read(absolute), path: path) { return .failure(problem) }
      }
      if path.isInside("content"), FrontMatter.otherContentExtensions.contains(path.fileExtension) {
        let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
          defer { close(descriptor) }
          if let line = FrontMatter.openingLine(of: POSIX.read(descriptor, offset: 0, count: 4096)) {
            return .failure(FrontMatter.misplaced(path, openingLine: line))
          }
        }
      }
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
        Diagnostic(.error, in: path, Say.unreadable(FileSystemError.message(of: error))))
    }
  }
}
