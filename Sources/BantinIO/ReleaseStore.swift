import BantinCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A web root that serves `current`, a symbolic link to one of `releases/`:
///
/// ```
/// DIR/current -> releases/20241126T193045Z-1a2b3c4
/// DIR/releases/20241126T193045Z-1a2b3c4/        a whole built site
/// DIR/releases/20241126T193045Z-1a2b3c4.commit  its commit
/// DIR/.bantin.lock                              held while publishing
/// ```
///
/// Releases but the live one are packed (`packOlder`, `ReleasePacking.swift`).
///
/// A release is built under a hidden name and renamed into `releases/` only when
/// complete; `current` is switched by renaming a new link over it. A web server
/// reading `DIR/current` therefore sees the old site or the new one, whole, and a
/// process killed at any moment leaves at most a hidden partial folder behind,
/// which the next publish removes.
public struct ReleaseStore: Sendable {
  public let webRoot: String

  public init(webRoot: String) {
    self.webRoot = webRoot.count > 1 && webRoot.hasSuffix("/") ? String(webRoot.dropLast()) : webRoot
  }

  public struct Release: Sendable, Equatable {
    public var name: String
    /// The full commit id, when known.
    public var commit: String?
    public var isLive: Bool
    /// Its place in the order releases were published (0 for one made before
    /// bantin recorded it): names hold the time to the second, and two pushes in one
    /// second would otherwise be ordered by their commit ids.
    public var sequence = 0
    /// Kept as a list of its files, not a folder (`ReleasePacking.swift`).
    public var isPacked = false
    /// The commit's subject (its message's first line), when recorded.
    public var subject: String?

    /// `2024-11-26 19:30:45 UTC`, from the name.
    public var time: String {
      let digits = name.prefix(16)
      guard digits.count == 16 else { return "?" }
      let chars = Array(digits)
      return
        "\(String(chars[0..<4]))-\(String(chars[4..<6]))-\(String(chars[6..<8])) \(String(chars[9..<11])):\(String(chars[11..<13])):\(String(chars[13..<15])) UTC"
    }
  }

  public var releasesFolder: String { webRoot + "/releases" }
  /// The build cache of the web root's releases (shared by the hooks).
  public var cacheFolder: String { webRoot + "/.bantin-cache" }
  public var currentLink: String { webRoot + "/current" }

  /// Makes the web root and its releases folder.
  public func prepare() throws {
    try POSIX.makeDirectory(webRoot)
    try POSIX.makeDirectory(releasesFolder)
  }

  /// Runs `body` holding the web root's lock, waiting for any other publisher.
  public func withLock<T>(_ body: () throws -> T) throws -> T {
    try prepare()
    let path = webRoot + "/.bantin.lock"
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileSystemError.errno(path, "cannot open the lock") }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw FileSystemError.errno(path, "cannot lock") }
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }

  /// The release `current` points at.
  public func live() -> String? {
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink) else { return nil }
    return target.split(separator: "/").last.map(String.init)
  }

  /// Every release, in the order they were published, oldest first.
  public func releases() -> [Release] {
    let live = live()
    let entries = (try? POSIX.list(releasesFolder)) ?? []
    let whole = Set(entries.filter { $0.kind == .directory && !$0.name.hasPrefix(".") }.map(\.name))
    let packed = Set(
      entries.filter { $0.kind == .file && !$0.name.hasPrefix(".") && $0.name.hasSuffix(".pack") }
        .map { String($0.name.dropLast(".pack".count)) }
    ).subtracting(whole)
    return (whole.union(packed)).map { name in
      // `<name>.commit`: the commit id, then `published <sequence>` and `subject <line>`.
      let lines = ((try? POSIX.read(releasesFolder + "/" + name + ".commit")) ?? [])
        .split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
      let commit = lines.first.map { $0.trimmingCharacters(in: .whitespaces) }
      var release = Release(name: name, commit: commit, isLive: name == live)
      release.isPacked = packed.contains(name)
      if let line = lines.first(where: { $0.hasPrefix("published ") }) {
        release.sequence = Int(line.dropFirst("published ".count)) ?? 0
      }
      if let line = lines.first(where: { $0.hasPrefix("subject ") }) {
        release.subject = String(line.dropFirst("subject ".count))
      }
      return release
    }.sorted { ($0.sequence, $0.name) < ($1.sequence, $1.name) }
  }

  /// A new release name: the time (UTC, to the second) and the short commit.
  public func newName(commit: String, at date: Date = Date()) -> String {
    let clock = SiteClock(timeZone: .gmt)
    let c = clock.civil(Timestamp(date))
    let stamp = String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second)
    let base = "\(stamp)-\(commit.prefix(7))"
    var name = base
    var number = 2
    while POSIX.exists(releasesFolder + "/" + name) {
      name = "\(base)-\(number)"
      number += 1
    }
    return name
  }

  /// A path with its folder's links resolved (the folder exists; the last part may not).
  static func canonical(_ path: String) -> String {
    (POSIX.realPath(Publisher.parent(of: path)) ?? Publisher.parent(of: path)) + "/" + Publisher.name(of: path)
  }

  /// Where a release is built before it is complete.
  public func partialPath(for name: String) -> String { releasesFolder + "/.partial-" + name }

  /// Where the pre-receive hook keeps its build of a commit: `.prepared-<commit>-`.
  public static func preparedPrefix(_ commit: String) -> String { ".prepared-\(commit)-" }

  /// A complete build of `commit` that a pre-receive hook left, if there is one.
  public func prepared(_ commit: String) -> String? {
    let prefix = ReleaseStore.preparedPrefix(commit)
    let found = ((try? POSIX.list(releasesFolder)) ?? []).first {
      $0.kind == .directory && $0.name.hasPrefix(prefix) && !$0.name.contains(".staging-")
    }
    return found.map { releasesFolder + "/" + $0.name }
  }

  /// Every complete build a pre-receive hook left: its commit and its path.
  public func preparedBuilds() -> [(commit: String, path: String)] {
    ((try? POSIX.list(releasesFolder)) ?? []).compactMap { entry in
      guard entry.kind == .directory, entry.name.hasPrefix(".prepared-") else { return nil }
      let commit = entry.name.dropFirst(".prepared-".count).prefix { $0 != "-" }
      return (String(commit), releasesFolder + "/" + entry.name)
    }
  }

  /// How long a build of a pushed commit is kept for its post-receive hook.
  public static let preparedLifetime = 3600

  /// Removes what killed publishers left: partial builds, half-made links, staging
  /// folders and work folders no living process holds, old releases being
  /// deleted, and pre-receive builds of commits that were not published within
  /// `preparedLifetime` seconds (a push refused by another hook, say).
  public func removeLeftovers() throws {
    for entry in (try? POSIX.list(releasesFolder)) ?? [] {
      let path = releasesFolder + "/" + entry.name
      if entry.name.hasPrefix(".partial-") || entry.name.hasPrefix(".trash-") || entry.name.hasSuffix(".pack.tmp") {
        try POSIX.remove(path)
      } else if entry.name.hasPrefix(".prepared-"), !entry.name.contains(".staging-"),
        let stamp = POSIX.stamp(path), POSIX.now() - stamp.changed > ReleaseStore.preparedLifetime * 1_000_000_000
      {
        try POSIX.remove(path)
      }
    }
    // Staging folders of builds into releases/ (`..partial-….staging-…`), unless their build is alive.
    for entry in (try? POSIX.list(releasesFolder)) ?? [] where entry.name.hasPrefix("..") {
      if let marker = entry.name.range(of: ".staging-") {
        WorkFolder.removeStale(in: releasesFolder, prefix: String(entry.name[..<marker.upperBound]))
      }
    }
    WorkFolder.removeStale(in: webRoot + "/.bantin-work", prefix: "build-")
    for entry in (try? POSIX.list(webRoot)) ?? [] where entry.name.hasPrefix(".current-") {
      try POSIX.remove(webRoot + "/" + entry.name)
    }
  }

  /// Deletes the releases `prune` set aside: slow for a large site, so it is done
  /// after the live site has been switched, outside the lock and any time limit.
  public func emptyTrash() {
    for entry in (try? POSIX.list(releasesFolder)) ?? [] where entry.name.hasPrefix(".trash-") {
      try? POSIX.remove(releasesFolder + "/" + entry.name)
    }
  }

  /// Moves a complete build into `releases/` under `name` and records its commit.
  public func admit(_ built: String, as name: String, commit: String, subject: String? = nil) throws {
    let sequence = (releases().map(\.sequence).max() ?? 0) + 1
    try? POSIX.remove(releasesFolder + "/" + name + ".commit.tmp")
    var record = "\(commit)\npublished \(sequence)\n"
    // One line, at most 200 characters, nothing that acts on a terminal.
    if let subject = subject.map({ String($0.filter { !$0.isNewline }.prefix(200)) }), !subject.isEmpty {
      record += "subject \(subject)\n"
    }
    try POSIX.write(Array(record.utf8), to: releasesFolder + "/" + name + ".commit.tmp")
    guard rename(releasesFolder + "/" + name + ".commit.tmp", releasesFolder + "/" + name + ".commit") == 0 else {
      throw FileSystemError.errno(name, "cannot record the commit")
    }
    guard rename(built, releasesFolder + "/" + name) == 0 else {
      throw FileSystemError.errno(built, "cannot move the build into releases/")
    }
  }

  /// Points `current` at a release, atomically: a new link renamed over the old one.
  public func switchTo(_ name: String) throws {
    if !POSIX.isDirectory(releasesFolder + "/" + name), POSIX.exists(packPath(name)) { try unpack(name) }
    guard POSIX.isDirectory(releasesFolder + "/" + name) else {
      throw FileSystemError(name, "no such release in \(releasesFolder)")
    }
    let temporary = webRoot + "/.current-\(getpid())"
    try? POSIX.remove(temporary)
    guard symlink("releases/" + name, temporary) == 0 else {
      throw FileSystemError.errno(temporary, "cannot make a link")
    }
    guard rename(temporary, currentLink) == 0 else {
      let failure = FileSystemError.errno(currentLink, "cannot switch the live site")
      try? POSIX.remove(temporary)
      throw failure
    }
  }

  /// Deletes the oldest releases beyond the newest `keep`, never the live one.
  @discardableResult
  public func prune(keep: Int) throws -> [String] {
    let all = releases()
    guard all.count > keep else { return [] }
    var removed: [String] = []
    for release in all.dropLast(keep) where !release.isLive {
      if release.isPacked {
        try? POSIX.remove(packPath(release.name))
        try? POSIX.remove(releasesFolder + "/" + release.name + ".commit")
        removed.append(release.name)
        continue
      }
      // Set aside at once (a rename); `emptyTrash` deletes it later.
      let trash = releasesFolder + "/.trash-" + release.name
      try? POSIX.remove(trash)
      guard rename(releasesFolder + "/" + release.name, trash) == 0 else {
        throw FileSystemError.errno(release.name, "cannot remove the old release")
      }
      try? POSIX.remove(releasesFolder + "/" + release.name + ".commit")
      removed.append(release.name)
    }
    return removed
  }
}
