import BantinCore
import TestSupport
import Testing

/// The core's side of derived files: a rule declares a job for an asset, a maker
/// outside the core answers with facts, and the core publishes the results and
/// resolves references to them without seeing their bytes.
@Suite("Derived files in the core")
struct DerivedFileTests {
  /// JPEG photos → a smaller one that takes the photo's place.
  struct SmallerPhotos: DerivedRule {
    func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest? {
      guard asset.source.fileExtension == "jpg" else { return nil }
      let smaller = OutputPath(String(asset.output.rawValue.dropLast(4)) + ".small.jpg")
      return DerivedRequest(
        job: DerivedJob(recipe: "smaller", settings: "width=400", inputs: [asset.source]),
        publish: ["small.jpg": smaller], standsForAsset: true)
    }
  }

  /// Answers every job with the same facts, or fails; remembers the jobs.
  final class Maker: DerivedFileMaker, @unchecked Sendable {
    var jobs: [DerivedJob] = []
    let failure: Message?

    init(failure: Message? = nil) { self.failure = failure }

    func make(_ jobs: [DerivedJob]) -> [Result<DerivedFacts, DerivedFailure>] {
      self.jobs += jobs
      return jobs.map { job in
        if let failure { return .failure(DerivedFailure(failure)) }
        if let crops = CropSettings(text: job.settings) {  // the article's crops for link previews
          return .success(
            DerivedFacts(
              key: "4567cdef",
              files: crops.sizes.map { .init(name: "\($0.width)x\($0.height).jpg", byteCount: 99, pixelSize: $0) }))
        }
        return .success(
          DerivedFacts(
            key: "0123abcd",
            files: [.init(name: "small.jpg", byteCount: 1234, pixelSize: PixelSize(width: 400, height: 300))]
          ))
      }
    }
  }

  static func site(maker: Maker?) -> TestSite {
    var site = TestSite(
      ["content/tin-tuc/a.md": TestSite.article(body: "![Cổng phường](anh.jpg)\n\nNội dung.")],
      assets: ["content/tin-tuc/anh.jpg": photo])
    site.build.derivedRules = [SmallerPhotos()]
    site.build.derivedFiles = maker
    return site
  }

  @Test("a result takes its asset's place: published from the maker, referenced with the maker's pixel size")
  func replaces() throws {
    let maker = Maker()
    let result = Self.site(maker: maker).run()
    #expect(result.diagnostics.map(\.description) == [])
    #expect(
      maker.jobs == [
        DerivedJob(recipe: "smaller", settings: "width=400", inputs: ["content/tin-tuc/anh.jpg"]),
        // The article's photo, cropped for link previews around the centre, no larger than it is.
        DerivedJob(
          recipe: "crop", settings: "focus=0.50,0.50;quality=82;sizes=400x210,400x225,400x300,300x300",
          inputs: ["content/tin-tuc/anh.jpg"]),
      ])
    let photos = result.files.filter { $0.path.rawValue.hasPrefix("tin-tuc/anh") }
    #expect(
      photos == [
        OutputFile(
          path: OutputPath("tin-tuc/anh.small.jpg"),
          content: .derived(DerivedFile(key: "0123abcd", name: "small.jpg", source: "content/tin-tuc/anh.jpg")))
      ])
    let page = try #require(resolved(result.files)["tin-tuc/a/index.html"].map { String(decoding: $0, as: UTF8.self) })
    #expect(
      page.contains(
        #"<img src="/tin-tuc/anh.small.jpg" alt="Cổng phường" width="400" height="300" fetchpriority="high">"#
      ))
    #expect(page.contains(#"<meta property="og:image" content="https://phuong.example.vn/tin-tuc/a/anh-400x210.jpg">"#))
    #expect(page.contains(#"<meta property="og:image:width" content="400">"#))
    #expect(page.contains(#""image":["https://phuong.example.vn/tin-tuc/a/anh-400x225.jpg","#))
    let crops = result.files.filter { $0.path.rawValue.hasPrefix("tin-tuc/a/anh-") }.map(\.path.rawValue)
    #expect(
      crops == [
        "tin-tuc/a/anh-300x300.jpg", "tin-tuc/a/anh-400x210.jpg", "tin-tuc/a/anh-400x225.jpg",
        "tin-tuc/a/anh-400x300.jpg",
      ])
  }

  @Test("a job that fails is an error naming the asset, and nothing is published")
  func fails() {
    let result = Self.site(maker: Maker(failure: Say.photoFailed(.probe))).run()
    #expect(
      result.diagnostics.map(\.description) == [
        "content/tin-tuc/anh.jpg: error: is not a JPEG, PNG or WebP photo bantin can read"
      ])
    #expect(result.files.isEmpty)
  }

  @Test("without a maker, an asset a rule asks for is an error")
  func noMaker() {
    #expect(
      Self.site(maker: nil).diagnostics() == [
        "content/tin-tuc/anh.jpg: error: cannot be processed: this build has no file maker"
      ])
  }

  @Test("without rules, assets are copied as they are and no maker is asked")
  func noRules() {
    let maker = Maker()
    var site = Self.site(maker: maker)
    site.build.derivedRules = []
    let files = site.run().files
    #expect(maker.jobs.isEmpty)
    #expect(files.contains(OutputFile(path: OutputPath("tin-tuc/anh.jpg"), content: .copy("content/tin-tuc/anh.jpg"))))
  }
}
