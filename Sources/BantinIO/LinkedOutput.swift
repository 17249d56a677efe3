import BantinCore

#if canImport(Glibc)
  import Glibc
#endif

/// A build written into a staging folder in which every file whose bytes are those
/// of the live output (`base`) is a hard link to the live file, and only the others
/// are written; then put in the output's place whole, by one atomic exchange
/// (`Publisher.swap`), or renamed there when the output is a new folder (a release).
/// Readers of the output folder see the last build or this one, never a mix.
///
/// The staging folder may be the tree the last such build swapped out (`HeldTree`):
/// it already holds hard links to most live files, so a build that changed one
/// article touches only the files that changed since, not every file. After the
/// exchange the old output is kept as that tree for the next build. A release's
/// staging folder may be a spare tree, an older release's folder that packing set
/// aside (`ReleaseStore.sparePath`), whose files are looked at once.
public struct LinkedOutput: PublishingSink {
  let publisher: Publisher
  let staging: WorkFolder
  /// The live output that unchanged files are linked from, and its records (checked).
  let base: String
  let live: [OutputPath: OutputRecord]
  /// What the staging folder already holds, by inode, when it is the held tree.
  let held: [OutputPath: Int]
  let sourceStamps: [SourcePath: FileStamp]
  public private(set) var records: [OutputPath: OutputRecord] = [:]
  public private(set) var written = 0
  public private(set) var kept = 0

  /// A staging folder for `publisher`'s output: the held tree at `heldPath` (whose
  /// files are `held`) when there is one, else a new folder.
  /// `held`: the tree the last build kept, and the live records it was described
  /// against (all of them, also those the check of the output found changed).
  public init(
    _ publisher: Publisher, base: String, live: [OutputPath: OutputRecord],
    held: (tree: HeldTree, against: [OutputPath: OutputRecord])?, spare: String? = nil,
    sourceStamps: [SourcePath: FileStamp]
  ) throws {
    self.publisher = publisher
    self.base = base
    self.live = live
    self.sourceStamps = sourceStamps
    if let held, let adopted = try publisher.adoptHeldTree(at: held.tree.path) {
      staging = adopted
      self.held = held.tree.inodes(live: held.against)
    } else if let spare, let adopted = try? publisher.adoptSpare(at: spare) {
      staging = adopted
      self.held = try LinkedOutput.inodes(in: adopted.path)
    } else {
      staging = try publisher.makeStaging(marked: true)
      self.held = [:]
    }
    records.reserveCapacity(live.count)
  }

  public mutating func write(_ files: [OutputFile]) throws {
    let (publisher, base, live, held, sourceStamps) = (publisher, base, live, held, sourceStamps)
    let staging = staging.path
    let outcomes = try files.parallelTryMap(chunkSize: 16) { file -> (OutputPath, OutputRecord?, Bool) in
      let target = staging + "/" + file.path.rawValue
      if let record = live[file.path],
        LinkedOutput.isSame(file, as: record, in: base, sourceStamps: sourceStamps, derived: publisher.derived)
      {
        if held[file.path] == record.stamp.inode { return (file.path, record, false) }  // already a link to it
        try POSIX.makeParents(of: target)
        guard unlink(target) == 0 || errno == ENOENT, link(base + "/" + file.path.rawValue, target) == 0 else {
          throw FileSystemError.errno(target, "cannot link")
        }
        return (
          file.path,
          POSIX.stamp(target).map { OutputRecord(stamp: $0, source: record.source, sourceStamp: record.sourceStamp) },
          false
        )
      }
      if file.content == .unchanged {
        throw FileSystemError(file.path.rawValue, "the build cache lost this file: build again with --no-cache")
      }
      if !held.isEmpty { _ = unlink(target) }  // the held tree's file, if it has one
      return (file.path, try publisher.writeFile(file, at: target, sourceStamps: sourceStamps), true)
    }
    for (path, record, changed) in outcomes {
      guard let record else { throw FileSystemError(path.rawValue, "vanished after writing") }
      records[path] = record
      if changed { written += 1 } else { kept += 1 }
    }
  }

  /// The inode of every file under `folder` but the marker, by its path.
  static func inodes(in folder: String) throws -> [OutputPath: Int] {
    var inodes: [OutputPath: Int] = [:]
    var folders = [""]
    while let relative = folders.popLast() {
      for entry in try POSIX.list(folder + "/" + relative) {
        let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
        if entry.kind == .directory {
          folders.append(path)
        } else if path != Publisher.marker, let stamp = POSIX.stamp(folder + "/" + path) {
          inodes[OutputPath(path)] = stamp.inode
        }
      }
    }
    return inodes
  }

  /// Whether `file` has the bytes of the live file `record` describes.
  static func isSame(
    _ file: OutputFile, as record: OutputRecord, in base: String, sourceStamps: [SourcePath: FileStamp],
    derived: DerivedStore?
  ) -> Bool {
    switch file.content {
    case .unchanged: return true
    case .derived(let made):
      // Published as a hard link to the store's file: the same inode is the same
      // bytes. A result made anew (its photo changed) may still have the same bytes.
      guard record.source == nil, let store = derived, let stamp = POSIX.stamp(store.path(of: made)) else {
        return false
      }
      if stamp.inode == record.stamp.inode { return true }
      guard stamp.size == record.stamp.size, let current = try? POSIX.read(base + "/" + file.path.rawValue) else {
        return false
      }
      return (try? POSIX.read(store.path(of: made))) == current
    case .copy(let source):
      return record.source == source && sourceStamps[source] != nil && record.sourceStamp == sourceStamps[source]
    case .bytes(let bytes):
      guard record.source == nil, record.stamp.size == bytes.count,
        let current = try? POSIX.read(base + "/" + file.path.rawValue)
      else { return false }
      return current == bytes
    }
  }

  /// Removes what the held tree has that this build does not, puts the staging
  /// folder in the output's place, and keeps the old output as the next held tree.
  public mutating func finish() throws -> Int {
    let staging = staging.path
    var removed = 0
    for path in held.keys where records[path] == nil {
      guard unlink(staging + "/" + path.rawValue) == 0 || errno == ENOENT else {
        throw FileSystemError.errno(path.rawValue, "cannot remove")
      }
      var folder = Publisher.parent(of: path.rawValue)
      while folder != "." && !folder.isEmpty && folder != "/" {
        guard rmdir(staging + "/" + folder) == 0 else { break }
        folder = Publisher.parent(of: folder)
      }
    }
    removed = live.keys.count { records[$0] == nil }
    let replacing = POSIX.exists(publisher.output)
    try publisher.swap(self.staging, keepingOld: replacing ? publisher.heldTreePath : nil)
    return removed
  }

  public func discard() { staging.remove() }
}

/// The output a cached build swapped out, kept beside the output folder as
/// `.<name>.held`: its files are hard links to the live ones but for those changed
/// by the last build, so the next build's staging starts from it. The build cache
/// keeps how it differs from the live output's records.
public struct HeldTree: Sendable, Equatable {
  public var path: String
  /// Paths whose file is another inode than the live one's (or than none, for a
  /// path the live output lacks): that inode.
  public var differing: [OutputPath: Int]
  /// Paths the live output has and the held tree does not.
  public var missing: Set<OutputPath>

  public init(path: String, differing: [OutputPath: Int], missing: Set<OutputPath>) {
    self.path = path
    self.differing = differing
    self.missing = missing
  }

  /// The held tree that a build leaves: the old output (`old`) beside the new (`new`).
  public init(path: String, old: [OutputPath: OutputRecord], new: [OutputPath: OutputRecord]) {
    self.path = path
    var differing: [OutputPath: Int] = [:]
    for (path, record) in old where new[path]?.stamp.inode != record.stamp.inode {
      differing[path] = record.stamp.inode
    }
    self.differing = differing
    self.missing = Set(new.keys.filter { old[$0] == nil })
  }

  /// The inode of every file it holds, given the live records it was described against.
  func inodes(live: [OutputPath: OutputRecord]) -> [OutputPath: Int] {
    var inodes: [OutputPath: Int] = [:]
    inodes.reserveCapacity(live.count + differing.count)
    for (path, record) in live where !missing.contains(path) { inodes[path] = record.stamp.inode }
    for (path, inode) in differing { inodes[path] = inode }
    return inodes
  }
}
