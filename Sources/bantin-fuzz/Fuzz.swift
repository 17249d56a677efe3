// A libFuzzer target over the whole per-article pipeline: the input is one
// Markdown file of a small site (front matter split, YAML decode, NFC, slugs,
// dates, Markdown through libcmark, the figure rule, references to a photo), built
// with every page it appears on. It must never crash, hang or publish a script.
//
//     make fuzz FUZZ_SECONDS=600
//
// builds it with `-sanitize=fuzzer -parse-as-library -D FUZZING` (then
// `bantin_fuzz_main` hands over to libFuzzer). Built normally, it is a replay tool:
//
//     swift run bantin-fuzz crash-1234 …   # runs each file once, as the fuzzer did
import BantinCore
import Foundation

/// One input through the pipeline; traps when an invariant does not hold.
func fuzzOne(_ bytes: [UInt8]) {
  let photo = AssetInfo(byteCount: 1200, pixelSize: PixelSize(width: 1600, height: 1067))
  // A base path (so that site paths are rewritten) and the photos the CommonMark
  // specification's examples name (so that their images are replaced); one
  // other article to link to.
  var files: [SourceFile] = [
    .text(SourcePath("site.yml"), "baseURL: https://phuong.example.vn/bac-hong/\n"),
    .text(SourcePath("content/tin-tuc/_index.md"), "---\ntitle: Tin tức\n---\n"),
    .text(
      SourcePath("content/tin-tuc/bai-mau.md"), "---\ntitle: Bài mẫu\ndate: 2024-01-12\ntags: [mẫu]\n---\nMẫu.\n"),
    .asset(SourcePath("content/tin-tuc/anh.jpg"), photo),
    .asset(SourcePath("content/tin-tuc/anh-1.jpg"), photo),
    .asset(SourcePath("content/images/anh-1.jpg"), photo),
    SourceFile(path: SourcePath("content/tin-tuc/fuzz.md"), content: .text(bytes)),
  ]
  for name in ["url", "url2", "uri3", "path/to/train.jpg"] { files.append(.asset(SourcePath("static/" + name), photo)) }
  for name in ["foo", "moon.jpg", "train.jpg", "url"] {
    files.append(.asset(SourcePath("content/tin-tuc/" + name), photo))
  }
  let tree = SourceTree(files: files)
  var build = BuildConfig(now: Timestamp(secondsSince1970: 1_795_658_400))
  build.includeDrafts = true
  build.includeFuture = true
  build.derivedFiles = FactsOnly()
  let result = Pipeline(build: build).run(tree)
  for diagnostic in result.diagnostics {
    // Every problem names the file, and a line and column when it has one.
    precondition(diagnostic.path != nil, "a diagnostic without a file: \(diagnostic)")
    if let line = diagnostic.line { precondition(line >= 1 && (diagnostic.column ?? 1) >= 1, "\(diagnostic)") }
  }
  guard !result.diagnostics.contains(where: { $0.severity == .error }) else {
    precondition(result.files.isEmpty, "a build with errors handed over files")
    return
  }
  for file in result.files where file.path.rawValue.hasSuffix(".html") {
    for tag in tags(in: file.bytes) {
      // Text is escaped (`<` as `&lt;`), so every `<` in a page opens a tag of the theme
      // or of cmark's output: none may be a script of the content,
      // or carry an event handler or a script address. The only scripts are the
      // article's JSON-LD and the default theme's search script, by address.
      precondition(
        tag.name != "script" || tag.attributes["type"] == "application/ld+json"
          || tag.attributes["src"] == "/bac-hong/tim-kiem.js",
        "\(file.path): \(tag)")
      for (name, value) in tag.attributes {
        precondition(!name.hasPrefix("on"), "\(file.path): \(tag)")
        guard ["href", "src", "srcset", "action", "formaction", "poster", "cite", "background"].contains(name) else {
          continue
        }
        let address = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:text/html"] {
          precondition(!address.hasPrefix(scheme), "\(file.path): \(tag)")
        }
      }
    }
  }
}

/// A tag of an HTML page: its name and attributes, names lowercased.
struct Tag: CustomStringConvertible {
  var name: String
  var attributes: [String: String]
  var description: String { "<\(name) \(attributes)>" }
}

/// The start tags of an HTML page; comments, end tags and doctype left out.
func tags(in bytes: [UInt8]) -> [Tag] {
  var found: [Tag] = []
  var index = 0
  func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
  while index < bytes.count {
    guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1] | 0x20)
    else {
      index += 1
      continue
    }
    index += 1
    var name: [UInt8] = []
    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
      bytes[index] != UInt8(ascii: "/")
    {
      name.append(bytes[index] | 0x20)
      index += 1
    }
    var attributes: [String: String] = [:]
    while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
      if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
        index += 1
        continue
      }
      var key: [UInt8] = []
      while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(bytes[index])
      {
        key.append(bytes[index])
        index += 1
      }
      var value: [UInt8] = []
      if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
          let quote = bytes[index]
          index += 1
          while index < bytes.count, bytes[index] != quote {
            value.append(bytes[index])
            index += 1
          }
          index += 1
        } else {
          while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            value.append(bytes[index])
            index += 1
          }
        }
      }
      attributes[String(decoding: key, as: UTF8.self).lowercased()] = String(decoding: value, as: UTF8.self)
    }
    found.append(Tag(name: String(decoding: name, as: UTF8.self), attributes: attributes))
  }
  return found
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  /// libFuzzer's driver, called with the callback above.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// SwiftPM links executables with `main` as an alias of `<module>_main`, which
  /// `-parse-as-library` does not emit: this is it, and it hands over to libFuzzer.
  @_cdecl("bantin_fuzz_main")
  public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
  }
#else
  import Foundation

  @main
  struct Replay {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      if paths.isEmpty {
        print("usage: bantin-fuzz FILE…   (runs each file through the per-article pipeline, as the fuzzer does)")
      }
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot be read")
          continue
        }
        fuzzOne(Array(data))
        print("\(path): ok")
      }
    }
  }
#endif

/// Answers photo and crop jobs with the facts libvips would give a 1600×1067
/// photo, without making anything: the fuzzer exercises the pages, not libvips.
struct FactsOnly: DerivedFileMaker {
  func make(_ jobs: [DerivedJob]) -> [Result<DerivedFacts, DerivedFailure>] {
    jobs.map { job in
      var files: [DerivedFacts.Made] = []
      if let crops = CropSettings(text: job.settings) {
        for size in crops.sizes {
          files.append(.init(name: "\(size.width)x\(size.height).jpg", byteCount: 1000, pixelSize: size))
        }
      } else if let photos = PhotoSettings(text: job.settings) {
        for width in photos.widths {
          let size = PixelSize(width: width, height: width * 2 / 3)
          files.append(.init(name: "\(width).webp", byteCount: 1000, pixelSize: size))
          files.append(.init(name: "\(width).jpg", byteCount: 1000, pixelSize: size))
        }
      }
      return .success(DerivedFacts(key: "0123456789abcdef0123456789abcdef", files: files))
    }
  }
}
