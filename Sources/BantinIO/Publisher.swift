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
  /// Where derived files are kept (`DerivedStore`), to be linked from.
  public var derived: DerivedStore?

  /// A file in every output folder bantin writes; without it bantin refuses to
  /// replace an existing folder (it might be anything, a home folder say).
  public static let marker = ".bantin-output"

  public init(siteRoot: String, output: String) {
    self.siteRoot = siteRoot
    self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
  }

  /// Why the output folder cannot be used, or nil when it can.
  public func checkOutput() -> String? { outputProblem()?.message }

  /// Why the output folder cannot be used: wrong usage (it would hold or sit in the
  /// site), or the state of the disk (no parent, another program's folder).
  public struct OutputProblem: Sendable {
    public var said: Message
    public var isUsage: Bool

    public var message: String { said.english }
  }

  public func outputProblem() -> OutputProblem? {
    if let message = usageProblem() { return OutputProblem(said: message, isUsage: true) }
    return diskProblem().map { OutputProblem(said: $0, isUsage: false) }
  }

  private func usageProblem() -> Message? {
    let parent = Publisher.parent(of: output)
    guard let realParent = POSIX.realPath(parent), let realRoot = POSIX.realPath(siteRoot) else { return nil }
    let realOutput = realParent + "/" + Publisher.name(of: output)
    if realRoot == realOutput || realRoot.hasPrefix(realOutput + "/") {
      return Say.outputHoldsSite(output)
    }
    for folder in SourceTree.folders
    where realOutput.hasPrefix(realRoot + "/" + folder.rawValue + "/") || realOutput == realRoot + "/" + folder.rawValue
    {
      return Say.outputInside(output, folder.rawValue)
    }
    return nil
  }

  private func diskProblem() -> Message? {
    let parent = Publisher.parent(of: output)
    guard let realParent = POSIX.realPath(parent), POSIX.isDirectory(realParent) else {
      return Say.noParentFolder(parent, output)
    }
    _ = realParent
    if POSIX.exists(output) {
      guard POSIX.isDirectory(output) else { return Say.outputNotFolder(output) }
      let entries = (try? POSIX.list(output)) ?? []
      if !entries.isEmpty && !entries.contains(where: { $0.name == Publisher.marker }) {
        return Say.outputNotOurs(output, marker: Publisher.marker)
      }
    }
    return nil
  }

  public func publish(_ files: [OutputFile]) throws {
    var output = try StagedOutput(self)
    do {
      try output.write(files)
      _ = try output.finish()
    } catch {
      output.discard()
      throw error
    }
  }

  /// Removes this process's staging folder, if any: for a build stopped from outside.
  public func discardStaging() { WorkFolder.removeAllHeld() }

  /// The names of staging folders beside the output: `.public.staging-<pid>-<random>`.
  var stagingPrefix: String { "." + Publisher.name(of: output) + ".staging-" }

  /// Makes this process's staging folder, once the output folder is found fit to be
  /// replaced, after removing those that killed builds left (`WorkFolder`);
  /// `marked` writes the marker file into it.
  func makeStaging(marked: Bool) throws -> WorkFolder {
    if let problem = checkOutput() { throw FileSystemError(output, problem) }
    let parent = Publisher.parent(of: output)
    WorkFolder.removeStale(in: parent, prefix: stagingPrefix)
    let staging = try WorkFolder(in: parent, prefix: stagingPrefix)
    if marked { try POSIX.write(Array("built by bantin\n".utf8), to: staging.path + "/" + Publisher.marker) }
    return staging
  }

  /// Writes files under `folder` on every core, making folders as needed, and
  /// returns what was written (a copied file with its source's stamp).
  func writeFiles(_ files: [OutputFile], into folder: String, sourceStamps: [SourcePath: FileStamp]) throws
    -> [(OutputPath, OutputRecord)]
  {
    try files.parallelTryMap(chunkSize: 16) { file -> (OutputPath, OutputRecord)? in
      try writeFile(file, at: folder + "/" + file.path.rawValue, sourceStamps: sourceStamps).map { (file.path, $0) }
    }.compactMap { $0 }
  }

  /// Writes one file (a new one) at `path`, making its folders; nil for `.unchanged`.
  func writeFile(_ file: OutputFile, at path: String, sourceStamps: [SourcePath: FileStamp]) throws -> OutputRecord? {
    try POSIX.makeParents(of: path)
    var source: SourcePath?
    switch file.content {
    case .bytes(let bytes): try POSIX.write(bytes, to: path)
    case .copy(let from):
      guard let site = SiteRoot(siteRoot) else { throw FileSystemError(siteRoot, "the site folder does not exist") }
      try site.copy(from, to: path)
      source = from
    case .derived(let made):
      guard let store = derived else { throw FileSystemError(path, "has no store of derived files to come from") }
      try POSIX.linkOrCopy(store.path(of: made), to: path)
    case .unchanged: return nil
    }
    guard let stamp = POSIX.stamp(path) else { throw FileSystemError(path, "vanished after writing") }
    return OutputRecord(stamp: stamp, source: source, sourceStamp: source.flatMap { sourceStamps[$0] })
  }

  /// The tree the last cached build swapped out, kept for the next (`HeldTree`).
  public var heldTreePath: String { Publisher.parent(of: output) + "/." + Publisher.name(of: output) + ".held" }

  /// Claims the held tree at `path` as this build's staging folder (renamed to a
  /// locked work folder); nil when there is none.
  func adoptHeldTree(at path: String) throws -> WorkFolder? {
    guard path == heldTreePath, POSIX.isDirectory(path) else { return nil }
    if let problem = checkOutput() { throw FileSystemError(output, problem) }
    WorkFolder.removeStale(in: Publisher.parent(of: output), prefix: stagingPrefix)
    return try WorkFolder(adopting: path, in: Publisher.parent(of: output), prefix: stagingPrefix)
  }

  /// Claims a spare tree (an older release's folder, `ReleaseStore.sparePath`) as
  /// this build's staging folder; nil when there is none.
  func adoptSpare(at path: String) throws -> WorkFolder? {
    guard POSIX.isDirectory(path) else { return nil }
    if let problem = checkOutput() { throw FileSystemError(output, problem) }
    return try WorkFolder(adopting: path, in: Publisher.parent(of: output), prefix: stagingPrefix)
  }

  /// Puts the staging folder in the output's place atomically; the old output is
  /// removed, or kept at `keepingOld` (the held tree).
  func swap(_ folder: WorkFolder, keepingOld kept: String? = nil) throws {
    defer {
      if let kept, POSIX.exists(folder.path) {
        try? POSIX.remove(kept)
        if rename(folder.path, kept) == 0 { folder.keep() }
      }
      folder.remove()
    }
    let staging = folder.path
    guard POSIX.exists(output) else {
      guard rename(staging, output) == 0 else { throw FileSystemError.errno(output, "cannot publish") }
      return
    }
    if bantin_rename_exchange(staging, output) == 0 { return }  // staging now holds the previous output
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

  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}

/// What the build cache knows of a file in the output folder: its stamp when
/// written and, for a copied file, the file it was copied from and that file's stamp.
public struct OutputRecord: Sendable, Hashable {
  public var stamp: FileStamp
  public var source: SourcePath?
  public var sourceStamp: FileStamp?

  public init(stamp: FileStamp, source: SourcePath? = nil, sourceStamp: FileStamp? = nil) {
    self.stamp = stamp
    self.source = source
    self.sourceStamp = sourceStamp
  }
}

/// Where `bantin build` puts a build: both write every file first into a staging
/// folder beside the output folder, so a failed write (a full disk) changes
/// nothing published and removes the staging folder.
public protocol PublishingSink: OutputSink {
  /// What is in the output folder once `finish` has returned.
  var records: [OutputPath: OutputRecord] { get }
  /// Files written by this build, and files of the last build kept as they were.
  var written: Int { get }
  var kept: Int { get }
  /// Publishes what was written; returns how many files of the last build were removed.
  mutating func finish() throws -> Int
  /// Throws away what was written.
  func discard()
}

/// A whole build written into a new staging folder, batch by batch, then swapped
/// in for the output folder in one atomic rename (`finish`) or thrown away.
public struct StagedOutput: PublishingSink {
  let publisher: Publisher
  let staging: WorkFolder
  let sourceStamps: [SourcePath: FileStamp]
  public private(set) var records: [OutputPath: OutputRecord] = [:]
  public var written: Int { records.count }
  public var kept: Int { 0 }

  public init(_ publisher: Publisher, sourceStamps: [SourcePath: FileStamp] = [:]) throws {
    self.publisher = publisher
    self.sourceStamps = sourceStamps
    staging = try publisher.makeStaging(marked: true)
  }

  public mutating func write(_ files: [OutputFile]) throws {
    for (path, record) in try publisher.writeFiles(files, into: staging.path, sourceStamps: sourceStamps) {
      records[path] = record
    }
  }

  public mutating func finish() throws -> Int {
    try publisher.swap(staging)
    staging.remove()  // the old output, when it was exchanged
    return 0
  }

  public func discard() { staging.remove() }
}
