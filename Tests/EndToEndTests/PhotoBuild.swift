import BantinCore
import BantinIO
import TestSupport

extension BuildConfig {
  /// A build of the site at `root` that makes its photos as `bantin build` does,
  /// keeping them in `.build/test-photos/<site>/` (beside the test binaries, never
  /// in /tmp), so that later runs find them made.
  static func withPhotos(now: Timestamp, root: String) -> BuildConfig {
    var build = BuildConfig(now: now)
    let name = root == Repository.root ? "sample" : String(root.split(separator: "/").last ?? "site")
    build.derivedFiles = DerivedStore(folder: Repository.root + "/.build/test-photos/" + name, siteRoot: root)
    return build
  }
}
