import BantinCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Watches a site folder for changes with inotify: `site.yml`, and every folder
/// under `content/`, `templates/` and `static/`, adding folders as they appear
/// (inotify is not recursive). Dotfiles, editors' swap and backup files are ignored,
/// and bursts of events (an editor's save is several) come out as one batch once the
/// folder has been quiet for a moment.
public final class SiteWatcher: @unchecked Sendable {
  // The watch state below is owned by the watching thread alone; other threads only
  // write to `wakeWrite`.
  private let root: String
  private let inotify: Int32
  private let wakeRead: Int32
  private let wakeWrite: Int32
  private var folders: [Int32: String] = [:]
  private let quiet: Duration

  /// A batch of changed paths, relative to the site folder. `"*"` means the kernel's
  /// queue overflowed and anything may have changed.
  public typealias Batch = Set<String>

  public init(root: String, quiet: Duration = .milliseconds(120)) throws {
    self.root = root
    self.quiet = quiet
    inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard inotify >= 0 else { throw FileSystemError.errno(root, "cannot watch (inotify)") }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      close(inotify)
      throw FileSystemError.errno(root, "cannot watch (pipe)")
    }
    wakeRead = ends[0]
    wakeWrite = ends[1]
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    try watch("")
    for folder in SourceTree.folders where POSIX.isDirectory(root + "/" + folder.rawValue) {
      watchTree(folder.rawValue)
    }
  }

  deinit {
    close(inotify)
    close(wakeRead)
    close(wakeWrite)
  }

  /// Batches of changes until `stop()`, on a thread of the watcher's own.
  public func changes() -> AsyncStream<Batch> {
    let (stream, continuation) = AsyncStream<Batch>.makeStream(bufferingPolicy: .unbounded)
    let thread = Thread { [self] in
      run(continuation)
      continuation.finish()
    }
    thread.name = "bantin-watcher"
    thread.start()
    return stream
  }

  /// Ends the stream of changes.
  public func stop() {
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
  }

  /// The folders being watched, relative to the site folder (for tests).
  public var watchedFolders: Int { folders.count }

  // MARK: - The watching thread

  private static let mask = UInt32(
    IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF
      | IN_ONLYDIR)

  private func watch(_ relative: String) throws {
    let path = relative.isEmpty ? root : root + "/" + relative
    let descriptor = inotify_add_watch(inotify, path, SiteWatcher.mask)
    guard descriptor >= 0 else { throw FileSystemError.errno(path, "cannot watch") }
    folders[descriptor] = relative
  }

  /// Watches a folder and every folder below it.
  private func watchTree(_ relative: String) {
    guard (try? watch(relative)) != nil else { return }
    for entry in (try? POSIX.list(root + "/" + relative)) ?? []
    where entry.kind == .directory && !SourceTree.isIgnored(name: entry.name) {
      watchTree(relative + "/" + entry.name)
    }
  }

  /// Every file under a folder that appeared whole (moved in, or filled before its
  /// watch was added), as changed.
  private func filesOf(_ relative: String, into batch: inout Batch) {
    batch.insert(relative)
    for entry in (try? POSIX.list(root + "/" + relative)) ?? [] where !SourceTree.isIgnored(name: entry.name) {
      if entry.kind == .directory {
        filesOf(relative + "/" + entry.name, into: &batch)
      } else {
        batch.insert(relative + "/" + entry.name)
      }
    }
  }

  private func run(_ continuation: AsyncStream<Batch>.Continuation) {
    var pending = Batch()
    var lastEvent = ContinuousClock.now
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    let quietMilliseconds = Int32(
      quiet.components.seconds * 1000 + quiet.components.attoseconds / 1_000_000_000_000_000)
    while true {
      var waits = [
        pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
      ]
      var timeout: Int32 = -1
      if !pending.isEmpty {
        let elapsed = lastEvent.duration(to: .now)
        let left = quiet - elapsed
        timeout =
          left <= .zero
          ? 0 : max(1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
      }
      let ready = poll(&waits, 2, pending.isEmpty ? -1 : min(timeout, quietMilliseconds))
      if ready < 0 && errno != EINTR { return }
      if waits[1].revents != 0 { return }
      if waits[0].revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress!, $0.count) }
        if count > 0 {
          parse(buffer, count: count, into: &pending)
          lastEvent = .now
        }
      }
      if !pending.isEmpty && lastEvent.duration(to: .now) >= quiet {
        continuation.yield(pending)
        pending.removeAll()
      }
    }
  }

  private func parse(_ buffer: [UInt8], count: Int, into batch: inout Batch) {
    var offset = 0
    let header = MemoryLayout<inotify_event>.size
    while offset + header <= count {
      let (descriptor, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
        return (event.wd, event.mask, Int(event.len))
      }
      let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)].prefix { $0 != 0 }
      let name = String(decoding: nameBytes, as: UTF8.self)
      offset += header + length
      if mask & UInt32(IN_Q_OVERFLOW) != 0 {
        batch.insert("*")
        continue
      }
      if mask & UInt32(IN_IGNORED) != 0 {
        folders[descriptor] = nil
        continue
      }
      guard let folder = folders[descriptor], !name.isEmpty, !SourceTree.isIgnored(name: name) else { continue }
      if folder.isEmpty {
        // The site folder itself: only site.yml and the three folders matter.
        if name == SiteConfig.path.rawValue {
          batch.insert(name)
        } else if SourceTree.folders.contains(SourcePath(name)), mask & UInt32(IN_ISDIR) != 0 {
          if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(name) }
          filesOf(name, into: &batch)
        }
        continue
      }
      let path = folder + "/" + name
      if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
        watchTree(path)
        filesOf(path, into: &batch)
      } else {
        batch.insert(path)
      }
    }
  }
}
