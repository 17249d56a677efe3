import BantinCore
import CBantinSystem

/// What `bantin version` says: bantin's version, the commit it was built from, and
/// the C libraries it runs on.
public enum BuildInfo {
  /// The commit `make release` built (`git describe --always --dirty`), or nil.
  public static var commit: String? {
    let commit = String(cString: bantin_build_commit())
    return commit.isEmpty ? nil : commit
  }

  public static func lines(_ speech: Speech) -> [String] {
    [
      "bantin \(BantinCore.version)",
      commit.map { "commit \($0)" } ?? Say.commitUnknown.text(speech),
      "libcmark \(CommonMark.version), libvips \(Photos.libraryVersion)",
    ]
  }
}
