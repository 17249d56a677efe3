import BantinCore
import BantinIO
import Foundation
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

/// Photos made by libvips for tests: real files of a few KB, never committed.
enum TestPhoto {
  /// A JPEG (`kind` 0 sRGB, 1 grey, 2 CMYK) or, for `kind` 3, a PNG with transparency.
  static func bytes(width: Int = 120, height: Int = 80, kind: Int = 0) -> Data {
    Data(Photos.testImage(width: width, height: height, kind: kind) ?? [])
  }
}
