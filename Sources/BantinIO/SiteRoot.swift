import BantinCore

#if canImport(Glibc)
  import Glibc
#endif

/// A site folder, and the one check every file bantin reads from it passes.
///
/// A path of the site (`site.yml`, `content/…`, `templates/…`, `static/…`) is read
/// only when, with every symbolic link followed, it is a regular file inside one of
/// those places, and no part of where it really is is a name bantin never publishes
/// (`.env`, `.git`, an editor's backup). So a link may point from one article's
/// folder to another's photo, but `site.yml → /etc/passwd`, `content/env.txt →
/// ../.env`, `content/g → ../../.git` and `content/x → ../public` are refused, with
/// the reason, and nothing is read through them.
public struct SiteRoot: Sendable {
  /// The folder as given.
  public let path: String
  /// The folder with every link resolved.
  public let real: String

  /// The site folder at `path`; nil when it is not a folder.
  public init?(_ path: String) {
    guard let real = POSIX.realPath(path), POSIX.isDirectory(real) else { return nil }
    self.path = path
    self.real = real
  }

  /// Where `relative` really is, when bantin may read it; else why not.
  func resolve(_ relative: SourcePath, expecting kind: POSIX.Kind = .file) -> Result<String, Diagnostic> {
    guard let target = POSIX.realPath(real + "/" + relative.rawValue) else {
      let isLink = (try? POSIX.kind(of: real + "/" + relative.rawValue, following: false)) == .symlink
      return .failure(
        Diagnostic(.error, in: relative, isLink ? Say.brokenFileLink : Say.unreadable))
    }
    if target == real {
      return .failure(
        Diagnostic(.error, in: relative, Say.linkToSiteFolder))
    }
    guard target.hasPrefix(real + "/") else {
      return .failure(Diagnostic(.error, in: relative, Say.linkOutside))
    }
    let inside = SourcePath(String(target.dropFirst(real.count + 1)))
    if let hidden = inside.components.first(where: { SourceTree.isIgnored(name: $0) }) {
      return .failure(
        Diagnostic(.error, in: relative, Say.linkToHidden(inside.rawValue, String(hidden))))
    }
    let allowed =
      relative == SiteConfig.path || HugoConfig.paths.contains(relative)
      || SourceTree.folders.contains { inside == $0 || inside.isInside($0) }
    guard allowed else {
      return .failure(
        Diagnostic(.error, in: relative, Say.linkNotRead(inside.rawValue)))
    }
    guard (try? POSIX.kind(of: target, following: false)) == kind else {
      return .failure(
        Diagnostic(.error, in: relative, kind == .directory ? Say.notAFolder : Say.notAFile))
    }
    return .success(target)
  }

  /// The bytes of a file of the site.
  public func read(_ relative: SourcePath) -> Result<[UInt8], Diagnostic> {
    resolve(relative).flatMap { target in
      do {
        return .success(try POSIX.read(target))
      } catch {
        return .failure(Diagnostic(.error, in: relative, Say.unreadable(FileSystemError.message(of: error))))
      }
    }
  }

  /// Copies a file of the site to `destination` (a new file).
  func copy(_ relative: SourcePath, to destination: String) throws {
    switch resolve(relative) {
    case .success(let target): try POSIX.copy(target, to: destination)
    case .failure(let problem): throw FileSystemError(relative.rawValue, problem.message)
    }
  }
}

extension FileSystemError {
  /// What went wrong, without the path (which the caller names).
  static func message(of error: any Error) -> String {
    (error as? FileSystemError)?.message ?? "\(error)"
  }
}
