// A libFuzzer target over the whole per-article pipeline: the input is one
// Markdown file of a small site (front matter split, YAML decode, NFC, slugs,
// dates, Markdown through libcmark, the figure rule, references to a photo), built
// with every page it appears on. It must never crash, hang or publish a script.
//
//     make fuzz FUZZ_SECONDS=600
//
// builds it with `-sanitize=fuzzer,address -parse-as-library -D FUZZING` (then
// libFuzzer provides `main`). Built normally, it is a replay tool:
//
//     swift run bantin-fuzz crash-1234 …   # runs each file once, as the fuzzer did
import BantinCore

/// One input through the pipeline; traps when an invariant does not hold.
func fuzzOne(_ bytes: [UInt8]) {
  let photo = AssetInfo(byteCount: 1200, pixelSize: PixelSize(width: 1600, height: 1067))
  let tree = SourceTree(files: [
    .text(SourcePath("site.yml"), "title: Phường An Hòa\nbaseURL: https://anhoa.example.vn/\n"),
    .text(SourcePath("content/tin-tuc/_index.md"), "---\ntitle: Tin tức\n---\n"),
    .text(
      SourcePath("content/tin-tuc/bai-mau.md"), "---\ntitle: Bài mẫu\ndate: 2024-01-12\ntags: [mẫu]\n---\nMẫu.\n"),
    .asset(SourcePath("content/tin-tuc/anh.jpg"), photo),
    .asset(SourcePath("content/images/anh-1.jpg"), photo),
    SourceFile(path: SourcePath("content/tin-tuc/fuzz.md"), content: .text(bytes)),
  ])
  var build = BuildConfig(now: Timestamp(secondsSince1970: 1_795_658_400))
  build.includeDrafts = true
  build.includeFuture = true
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
    let html = String(decoding: file.bytes, as: UTF8.self).lowercased()
    let scripts = html.components(separatedBy: "<script").count - 1
    let jsonLD = html.components(separatedBy: "<script type=\"application/ld+json\">").count - 1
    precondition(scripts == jsonLD, "\(file.path) has a <script> that is not JSON-LD")
    precondition(!html.contains("javascript:"), "\(file.path) has a javascript: address")
    precondition(!html.contains(" onerror=") && !html.contains(" onclick="), "\(file.path) has an event handler")
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzOne(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }
#else
  import Foundation

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
#endif
