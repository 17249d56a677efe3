import BantinCore
import CBantinSystem

#if canImport(Glibc)
  import Glibc
#endif

/// Publishes a build: writes every file into a staging folder beside the output
/// folder, then swaps the two in one atomic rename, so the output folder is never
/// missing or half written. A failed write removes the staging folder and leaves
/// the published output as it was.
public struct Publisher: Sendable {
  /// The site folder, where copied files come from.
  public let siteRoot: String
  /// The output folder, `public/` by default.
  public let output: String

  /// A file in every output folder bantin writes; without it bantin refuses to
  /// replace an existing folder (it might be anything, a home folder say).
  public static let marker = ".bantin-output"

  public init(siteRoot: String, output: String) {
    self.siteRoot = siteRoot
    self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
  }

  /// Why the output folder cannot be used, or nil when it can.
  public func checkOutput() -> String? {
    let parent = Publisher.parent(of: output)
    guard let realParent = POSIX.realPath(parent), POSIX.isDirectory(realParent) else {
      return "the folder \(parent) that would hold \(output) does not exist"
    }
    let realOutput = realParent + "/" + Publisher.name(of: output)
    if let realRoot = POSIX.realPath(siteRoot) {
      if realRoot == realOutput || realRoot.hasPrefix(realOutput + "/") {
        return "the output folder \(output) holds the site folder: it would be replaced"
      }
      for folder in SourceTree.folders
      where realOutput.hasPrefix(realRoot + "/" + folder.rawValue + "/")
        || realOutput == realRoot + "/" + folder.rawValue
      {
        return "the output folder \(output) is inside the site's \(folder)/ folder"
      }
    }
    if POSIX.exists(output) {
      guard POSIX.isDirectory(output) else { return "\(output) exists and is not a folder" }
      let entries = (try? POSIX.list(output)) ?? []
      if !entries.isEmpty && !entries.contains(where: { $0.name == Publisher.marker }) {
        return
          "\(output) was not written by bantin (it has no \(Publisher.marker) file): move it away or choose another --output"
      }
    }
    return nil
  }

  public func publish(_ files: [OutputFile]) throws {
    if let problem = checkOutput() { throw FileSystemError(output, problem) }
    let staging = Publisher.parent(of: output) + "/." + Publisher.name(of: output) + ".staging-\(getpid())"
    try POSIX.remove(staging)
    do {
      try write(files, into: staging)
      try swap(staging)
    } catch {
      try? POSIX.remove(staging)
      throw error
    }
  }

  /// Writes the files into a new folder.
  public func write(_ files: [OutputFile], into folder: String) throws {
    try POSIX.makeDirectory(folder)
    var made: Set<String> = [folder]
    try POSIX.write(Array("built by bantin\n".utf8), to: folder + "/" + Publisher.marker)
    for file in files {
      let path = folder + "/" + file.path.rawValue
      try makeParents(of: path, made: &made)
      switch file.content {
      case .bytes(let bytes): try POSIX.write(bytes, to: path)
      case .copy(let source): try POSIX.copy(siteRoot + "/" + source.rawValue, to: path)
      }
    }
  }

  private func makeParents(of path: String, made: inout Set<String>) throws {
    let parent = Publisher.parent(of: path)
    guard !made.contains(parent) else { return }
    try makeParents(of: parent, made: &made)
    try POSIX.makeDirectory(parent)
    made.insert(parent)
  }

  /// Puts the staging folder in the output's place atomically and removes the old one.
  private func swap(_ staging: String) throws {
    guard POSIX.exists(output) else {
      guard rename(staging, output) == 0 else { throw FileSystemError.errno(output, "cannot publish") }
      return
    }
    if bantin_rename_exchange(staging, output) == 0 {
      try POSIX.remove(staging)  // now the previous output
      return
    }
    guard errno == EINVAL || errno == ENOSYS else { throw FileSystemError.errno(output, "cannot publish") }
    // A file system without RENAME_EXCHANGE: two renames, a moment apart.
    let previous = staging + ".previous"
    guard rename(output, previous) == 0 else { throw FileSystemError.errno(output, "cannot publish") }
    guard rename(staging, output) == 0 else {
      let failure = FileSystemError.errno(output, "cannot publish")
      _ = rename(previous, output)
      throw failure
    }
    try POSIX.remove(previous)
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
