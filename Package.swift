// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "bantin",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "bantin", targets: ["bantin"])
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // libcmark 0.30.2 from the system (Debian: libcmark-dev).
    .systemLibrary(
      name: "Ccmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // libvips 8.14 from the system (Debian: libvips-dev), for photos.
    .systemLibrary(
      name: "Cvips",
      pkgConfig: "vips",
      providers: [.apt(["libvips-dev"])]
    ),
    // Typed, non-variadic wrappers of the libvips calls bantin makes (Swift cannot
    // call C variadic functions); `Photos.swift` in BantinIO is their one caller.
    .target(name: "CBantinVips", dependencies: ["Cvips"]),
    // Linux system calls that Glibc's Swift module does not expose (renameat2).
    .target(name: "CBantinSystem"),
    // The default theme, the repository's templates/ folder, embedded in the binary.
    .target(
      name: "BantinTheme",
      resources: [.embedInCode("templates")]
    ),
    // The pure pipeline: no file system, no clock, no printing.
    .target(
      name: "BantinCore",
      dependencies: [
        "Ccmark",
        "BantinTheme",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    ),
    // The disk: loading a site folder, staging and atomic publishing.
    .target(
      name: "BantinIO",
      dependencies: ["BantinCore", "CBantinSystem", "CBantinVips"]
    ),
    // The preview server with live reload: the only target that speaks HTTP.
    .target(
      name: "BantinServer",
      dependencies: [
        "BantinCore",
        "BantinIO",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "bantin",
      dependencies: [
        "BantinCore",
        "BantinIO",
        "BantinServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // libFuzzer target over the per-article pipeline (`make fuzz`); a replay tool otherwise.
    .executableTarget(name: "bantin-fuzz", dependencies: ["BantinCore"]),
    .testTarget(name: "BantinCoreTests", dependencies: ["BantinCore", "TestSupport"]),
    .target(name: "TestSupport", dependencies: ["BantinCore"], path: "Tests/TestSupport"),
    .testTarget(name: "BantinIOTests", dependencies: ["BantinCore", "BantinIO", "TestSupport"]),
    .testTarget(name: "BantinServerTests", dependencies: ["BantinCore", "BantinServer", "TestSupport"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["BantinCore", "BantinIO", "BantinServer", "BantinTheme", "TestSupport", "bantin"],
      exclude: ["Fixtures"]
    ),
  ]
)
