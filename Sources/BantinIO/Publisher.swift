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
    let output = try StagedOutput(self)
    do {
      try output.write(files)
      try output.finish()
    } catch {
      output.discard()
      throw error
    }
  }

  /// Where a build is written before it is swapped in.
  var stagingPath: String { Publisher.parent(of: output) + "/." + Publisher.name(of: output) + ".staging-\(getpid())" }

  /// Writes the files into a new folder.
  public func write(_ files: [OutputFile], into folder: String) throws {
    try POSIX.makeDirectory(folder)
    try POSIX.write(Array("built by bantin\n".utf8), to: folder + "/" + Publisher.marker)
    _ = try writeFiles(files, into: folder, replacing: false)
  }

  /// Writes files under `folder` on every core, making folders as needed; returns
  /// each written file's stamp. With `replacing`, each file is written beside its
  /// place and renamed over it, so a reader sees the old file or the new one.
  func writeFiles(_ files: [OutputFile], into folder: String, replacing: Bool, skip: Set<OutputPath> = [])
    throws -> [(OutputPath, FileStamp)]
  {
    let root = siteRoot
    let results = files.parallelMap(chunkSize: 16) { file -> Result<(OutputPath, FileStamp)?, FileSystemError> in
      if file.content == .unchanged || skip.contains(file.path) { return .success(nil) }
      let path = folder + "/" + file.path.rawValue
      let target = replacing ? Publisher.parent(of: path) + "/." + Publisher.name(of: path) + ".bantin-new" : path
      do {
        try POSIX.makeParents(of: target)
        if replacing { try? POSIX.remove(target) }
        switch file.content {
        case .bytes(let bytes): try POSIX.write(bytes, to: target)
        case .copy(let source): try POSIX.copy(root + "/" + source.rawValue, to: target)
        case .unchanged: return .success(nil)
        }
        if replacing, rename(target, path) != 0 { throw FileSystemError.errno(path, "cannot replace") }
        guard let stamp = POSIX.stamp(path) else { throw FileSystemError(path, "vanished after writing") }
        return .success((file.path, stamp))
      } catch let error as FileSystemError {
        return .failure(error)
      } catch {
        return .failure(FileSystemError(path, "\(error)"))
      }
    }
    var stamps: [(OutputPath, FileStamp)] = []
    for result in results {
      switch result {
      case .success(let stamp): if let stamp { stamps.append(stamp) }
      case .failure(let error): throw error
      }
    }
    return stamps
  }

  /// Puts the staging folder in the output's place atomically and removes the old one.
  func swap(_ staging: String) throws {
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

/// A build written into a new staging folder beside the output folder, batch by
/// batch, then swapped in whole (`finish`) or thrown away (`discard`).
public final class StagedOutput: OutputSink {
  let publisher: Publisher
  let staging: String
  /// Each written file's stamp, for the build cache.
  public private(set) var stamps: [OutputPath: FileStamp] = [:]

  public init(_ publisher: Publisher) throws {
    if let problem = publisher.checkOutput() { throw FileSystemError(publisher.output, problem) }
    self.publisher = publisher
    staging = publisher.stagingPath
    try POSIX.remove(staging)
    try POSIX.makeDirectory(staging)
    try POSIX.write(Array("built by bantin\n".utf8), to: staging + "/" + Publisher.marker)
  }

  public func write(_ files: [OutputFile]) throws {
    for (path, stamp) in try publisher.writeFiles(files, into: staging, replacing: false) { stamps[path] = stamp }
  }

  public func finish() throws {
    try publisher.swap(staging)
    try? POSIX.remove(staging)  // the old output, when it was exchanged
  }

  public func discard() { try? POSIX.remove(staging) }
}

/// A build written over the last one in the output folder: only files that
/// changed are written, each renamed into place; files the build no longer makes
/// are removed at the end. The stamps of the files kept must have been checked
/// against the output folder first (see `BuildCache`).
public final class InPlaceOutput: OutputSink {
  let publisher: Publisher
  /// The files of the last build and their stamps.
  let previous: [OutputPath: FileStamp]
  /// Copied files whose source has not changed since they were last copied.
  let unchangedCopies: Set<OutputPath>
  public private(set) var stamps: [OutputPath: FileStamp] = [:]
  public private(set) var written = 0

  public init(_ publisher: Publisher, previous: [OutputPath: FileStamp], unchangedCopies: Set<OutputPath>) {
    self.publisher = publisher
    self.previous = previous
    self.unchangedCopies = unchangedCopies
  }

  public func write(_ files: [OutputFile]) throws {
    var skip = Set<OutputPath>()
    for file in files {
      if file.content == .unchanged || (unchangedCopies.contains(file.path) && previous[file.path] != nil) {
        guard let stamp = previous[file.path] else {
          throw FileSystemError(file.path.rawValue, "the build cache lost this file: build again with --no-cache")
        }
        stamps[file.path] = stamp
        skip.insert(file.path)
      }
    }
    let fresh = try publisher.writeFiles(files, into: publisher.output, replacing: true, skip: skip)
    for (path, stamp) in fresh { stamps[path] = stamp }
    written += fresh.count
  }

  /// Removes what the last build wrote and this one did not; returns how many.
  @discardableResult
  public func finish() throws -> Int {
    var removed = 0
    for path in previous.keys where stamps[path] == nil {
      try POSIX.remove(publisher.output + "/" + path.rawValue)
      removed += 1
      var folder = Publisher.parent(of: path.rawValue)
      while folder != "." && !folder.isEmpty && folder != "/" {
        guard rmdir(publisher.output + "/" + folder) == 0 else { break }
        folder = Publisher.parent(of: folder)
      }
    }
    return removed
  }
}
