import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A folder one process works in (a staging folder, a checkout of a pushed
/// commit), made beside where its result goes, never in `/tmp`, and locked (an
/// `flock` on the folder) for as long as the process holds it. The kernel drops
/// the lock when the process ends however it ends (killed, crashed, stopped by a
/// watchdog), so the next bantin that looks finds the folders whose lock it can
/// take and removes them: nothing is left behind for longer than one run.
public final class WorkFolder: @unchecked Sendable {
  public let path: String
  private let lock = NSLock()
  private var descriptor: Int32

  /// A new folder `<parent>/<prefix><pid>-<random>`, locked; `parent` is made if missing.
  public init(in parent: String, prefix: String) throws {
    try POSIX.makeParents(of: parent + "/x")
    path = WorkFolder.name(in: parent, prefix: prefix)
    descriptor = try WorkFolder.make(path) { try POSIX.makeDirectory($0) }
    WorkFolder.hold(self)
  }

  private static func name(in parent: String, prefix: String) -> String {
    parent + "/" + prefix + "\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
  }

  /// Makes the folder at `path` with `make` and locks it; `removeStale` leaves it
  /// alone until it is locked.
  private static func make(_ path: String, _ make: (String) throws -> Void) throws -> Int32 {
    making.withLock { _ = $0.insert(path) }
    defer { making.withLock { _ = $0.remove(path) } }
    try make(path)
    return try lock(path)
  }

  /// An open descriptor of the folder at `path`, holding its lock; the folder is
  /// removed when it cannot be locked.
  private static func lock(_ path: String) throws -> Int32 {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let failure = FileSystemError.errno(path, "cannot lock the work folder")
      if descriptor >= 0 { close(descriptor) }
      try? POSIX.remove(path)
      throw failure
    }
    return descriptor
  }

  /// The folder at `existing`, renamed to a new work folder name and locked: a
  /// folder a build reuses (the held tree) is claimed by one build only.
  public init(adopting existing: String, in parent: String, prefix: String) throws {
    path = WorkFolder.name(in: parent, prefix: prefix)
    descriptor = try WorkFolder.make(path) { path in
      guard rename(existing, path) == 0 else { throw FileSystemError.errno(existing, "cannot claim the folder") }
    }
    WorkFolder.hold(self)
  }

  /// Removes the folder and everything in it.
  public func remove() {
    lock.withLock {
      guard descriptor >= 0 else { return }
      try? POSIX.remove(path)
      close(descriptor)
      descriptor = -1
    }
    WorkFolder.release(self)
  }

  /// Lets the folder stay (renamed into place, say) and drops the lock.
  public func keep() {
    lock.withLock {
      guard descriptor >= 0 else { return }
      close(descriptor)
      descriptor = -1
    }
    WorkFolder.release(self)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Removes the folders `<parent>/<prefix>…` that no living process holds; returns
  /// how many. A folder without a lock (one left whole, or one made by an older
  /// bantin) counts as left behind, unless it may be one a living process has just
  /// made and is about to lock (`mayBeMaking`): two builds that start at once
  /// (a hook and `serve`, or two threads of one process) must not take each
  /// other's new folders for left behind.
  @discardableResult
  public static func removeStale(in parent: String, prefix: String) -> Int {
    var removed = 0
    for entry in (try? POSIX.list(parent)) ?? [] where entry.name.hasPrefix(prefix) {
      let path = parent + "/" + entry.name
      if mayBeMaking(path, name: entry.name, prefix: prefix) { continue }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
      if descriptor >= 0 {
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }  // its process is alive
      }
      if (try? POSIX.remove(path)) != nil { removed += 1 }
    }
    return removed
  }

  /// Whether the folder at `path` (`<prefix><pid>-…`) may be between its making
  /// and its lock: one of this process's that is, or one of another living
  /// process's made in the last minute. It is not even tried for its lock, which
  /// would keep its maker from taking it.
  private static func mayBeMaking(_ path: String, name: String, prefix: String) -> Bool {
    if making.withLock({ $0.contains(path) }) { return true }
    guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { return false }
    guard kill(pid, 0) == 0 || errno == EPERM else { return false }  // its maker has ended
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    return time(nil) - info.st_ctim.tv_sec < 60
  }

  /// Removes every work folder this process still holds: for a process about to
  /// end itself (a watchdog), so that it leaves nothing even for the next run.
  public static func removeAllHeld() {
    for folder in live.withLock({ Array($0.values) }) { folder.remove() }
  }

  /// The folders this process holds, and the paths it is making (not yet locked).
  private static let live = Mutex<[ObjectIdentifier: WorkFolder]>([:])
  private static let making = Mutex<Set<String>>([])

  private static func hold(_ folder: WorkFolder) { live.withLock { $0[ObjectIdentifier(folder)] = folder } }
  private static func release(_ folder: WorkFolder) {
    _ = live.withLock { $0.removeValue(forKey: ObjectIdentifier(folder)) }
  }
}
