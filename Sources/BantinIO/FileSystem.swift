import BantinCore
import CBantinSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A failure of the file system, with the path it happened at.
public struct FileSystemError: Error, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(_ path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  /// The failure of the last system call, from `errno`.
  static func errno(_ path: String, _ action: String) -> FileSystemError {
    FileSystemError(path, "\(action): \(String(cString: strerror(Glibc.errno)))")
  }

  public var description: String { "\(path): \(message)" }
}

/// Small POSIX wrappers: fast on trees of tens of thousands of files, and exact about
/// what went wrong.
enum POSIX {
  enum Kind { case file, directory, symlink, other }

  struct Entry {
    /// The name as UTF-8 text; a name that is not UTF-8 has its bad bytes replaced
    /// (and `isUTF8` false): it cannot be opened by this name.
    var name: String
    var kind: Kind
    var isUTF8 = true
    /// The name's bytes, kept when it is not UTF-8.
    var bytes: [UInt8] = []
  }

  /// The entries of a folder, without `.` and `..`.
  ///
  /// `readdir`'s record is only `d_reclen` bytes long, not `MemoryLayout<dirent>.size`:
  /// its name and type are read through pointers into it, never by copying the
  /// struct (`entry.pointee`), which reads past the record's end (on ext4 into an
  /// unmapped page, after thousands of entries).
  static func list(_ path: String) throws -> [Entry] {
    guard let directory = opendir(path) else { throw FileSystemError.errno(path, "cannot open folder") }
    defer { closedir(directory) }
    var entries: [Entry] = []
    while true {
      Glibc.errno = 0
      guard let entry = readdir(directory) else {
        if Glibc.errno != 0 { throw FileSystemError.errno(path, "cannot read folder") }
        break
      }
      let record = UnsafeRawPointer(entry)
      let start = (record + Directory.nameOffset).assumingMemoryBound(to: UInt8.self)
      let bytes = UnsafeBufferPointer(
        start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)))
      let valid = String(validating: bytes, as: UTF8.self)
      let name = valid ?? String(decoding: bytes, as: UTF8.self)
      if name == "." || name == ".." { continue }
      guard valid != nil else {
        entries.append(Entry(name: name, kind: .other, isUTF8: false, bytes: Array(bytes)))
        continue
      }
      let kind: Kind
      switch Int32(record.load(fromByteOffset: Directory.typeOffset, as: UInt8.self)) {
      case Int32(DT_REG): kind = .file
      case Int32(DT_DIR): kind = .directory
      case Int32(DT_LNK): kind = .symlink
      default: kind = try self.kind(of: path + "/" + name, following: false)
      }
      entries.append(Entry(name: name, kind: kind))
    }
    return entries
  }

  /// Where `dirent`'s fields are, from the start of a record.
  private enum Directory {
    static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18
  }

  static func kind(of path: String, following: Bool) throws -> Kind {
    var info = stat()
    let result = following ? stat(path, &info) : lstat(path, &info)
    guard result == 0 else { throw FileSystemError.errno(path, "cannot read") }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  /// What `stat` says of a file (links followed); nil when it cannot be read.
  static func stamp(_ path: String) -> FileStamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStamp(
      size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
      changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec), inode: Int(info.st_ino))
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  static func isDirectory(_ path: String) -> Bool {
    (try? kind(of: path, following: true)) == .directory
  }

  static func size(_ path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { throw FileSystemError.errno(path, "cannot read") }
    return Int(info.st_size)
  }

  /// The whole file.
  static func read(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileSystemError.errno(path, "cannot open") }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw FileSystemError.errno(path, "cannot read") }
    // The size stat gives, into an array made at that size (not zeroed first), then
    // on until the end in case the file grew.
    let size = Int(info.st_size)
    var filled = 0
    var bytes = try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      defer { initialized = filled }
      while filled < size {
        let count = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
        if count < 0 {
          if Glibc.errno == EINTR { continue }
          throw FileSystemError.errno(path, "cannot read")
        }
        if count == 0 { break }
        filled += count
      }
    }
    guard filled == size else { return bytes }  // it ended early: the file shrank
    var probe = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = probe.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if Glibc.errno == EINTR { continue }
        throw FileSystemError.errno(path, "cannot read")
      }
      if count == 0 { break }
      bytes += probe.prefix(count)
    }
    return bytes
  }

  /// Up to `count` bytes from `offset` of an open file.
  static func read(_ descriptor: Int32, offset: Int, count: Int) -> [UInt8] {
    guard count > 0, offset >= 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, count, off_t(offset)) }
    return got > 0 ? Array(bytes.prefix(got)) : []
  }

  /// Writes a whole new file (`O_EXCL`: never over an existing one).
  static func write(_ bytes: [UInt8], to path: String) throws {
    let file = try FileWriter(creating: path)
    try file.write(bytes)
    try file.close()
  }

  /// Writes every byte of `bytes` to `descriptor`, going on after interruptions.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
    var written = 0
    while written < bytes.count {
      let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
      if count < 0 {
        if Glibc.errno == EINTR { continue }
        throw FileSystemError.errno(path, "cannot write")
      }
      written += count
    }
  }

  /// Copies a file's bytes into a new file.
  static func copy(_ source: String, to destination: String) throws {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw FileSystemError.errno(source, "cannot open") }
    defer { close(input) }
    let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard output >= 0 else { throw FileSystemError.errno(destination, "cannot create") }
    defer { close(output) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress!, $0.count) }
      if count < 0 {
        if Glibc.errno == EINTR { continue }
        throw FileSystemError.errno(source, "cannot read")
      }
      if count == 0 { break }
      try buffer.withUnsafeBytes {
        try writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: output, path: destination)
      }
    }
  }

  /// A hard link of `source` at `destination` (a new file), or a copy when the two
  /// are on different file systems.
  static func linkOrCopy(_ source: String, to destination: String) throws {
    if link(source, destination) == 0 { return }
    guard Glibc.errno == EXDEV || Glibc.errno == EPERM || Glibc.errno == EMLINK else {
      throw FileSystemError.errno(destination, "cannot link")
    }
    try copy(source, to: destination)
  }

  /// Makes the folders above `path` that do not exist.
  static func makeParents(of path: String) throws {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
    let parent = String(path[..<slash])
    if mkdir(parent, 0o755) == 0 || Glibc.errno == EEXIST { return }
    guard Glibc.errno == ENOENT else { throw FileSystemError.errno(parent, "cannot create folder") }
    try makeParents(of: parent)
    if mkdir(parent, 0o755) != 0 && Glibc.errno != EEXIST {
      throw FileSystemError.errno(parent, "cannot create folder")
    }
  }

  static func makeDirectory(_ path: String) throws {
    if mkdir(path, 0o755) != 0 && Glibc.errno != EEXIST {
      throw FileSystemError.errno(path, "cannot create folder")
    }
  }

  /// Removes a file or a whole tree, links not followed; a missing path is not an
  /// error. Works on the names' bytes, so names that are not UTF-8 go too.
  static func remove(_ path: String) throws {
    guard let kind = try? kind(of: path, following: false) else { return }
    guard kind == .directory else {
      guard unlink(path) == 0 || Glibc.errno == ENOENT else { throw FileSystemError.errno(path, "cannot remove") }
      return
    }
    let result = bantin_remove_tree(path)
    guard result == 0 else { throw FileSystemError.errno(path, "cannot remove folder") }
  }

  /// The absolute, symlink-free form of a path that exists.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension POSIX {
  /// The wall clock, in nanoseconds since 1970, as file stamps count it.
  static func now() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
  }
}

extension POSIX {
  /// A new file written a part at a time.
  final class FileWriter {
    let path: String
    private var descriptor: Int32

    init(creating path: String) throws {
      self.path = path
      descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { throw FileSystemError.errno(path, "cannot create") }
    }

    func write(_ bytes: [UInt8]) throws { try write(bytes[...]) }

    func write(_ bytes: ArraySlice<UInt8>) throws {
      try bytes.withUnsafeBytes { try POSIX.writeAll($0, to: descriptor, path: path) }
    }

    func close() throws {
      let result = Glibc.close(descriptor)
      descriptor = -1
      guard result == 0 else { throw FileSystemError.errno(path, "cannot write") }
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }
  }
}
