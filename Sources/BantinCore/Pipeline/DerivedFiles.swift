/// Files derived from source files by a named recipe: a photo at three widths, a
/// search index's shards. The core declares them (`DerivedRule`) and publishes
/// them (`OutputFile.Content.derived`); the work runs outside it, in a
/// `DerivedFileMaker` (BantinIO's `DerivedStore`, on every core, cached by content
/// hash), which answers with the results' facts: names, sizes in bytes and pixels.
/// The core never sees a result's bytes.

/// What to make: a recipe, its settings and its inputs.
public struct DerivedJob: Sendable, Hashable {
  /// The recipe's name (`photo`), as the maker knows it.
  public var recipe: String
  /// The recipe's settings as one canonical text: the same settings, the same text.
  public var settings: String
  /// The source files it reads, in the order the recipe expects.
  public var inputs: [SourcePath]

  public init(recipe: String, settings: String, inputs: [SourcePath]) {
    self.recipe = recipe
    self.settings = settings
    self.inputs = inputs
  }
}

/// One result of a job, where the maker keeps it.
public struct DerivedFile: Sendable, Hashable {
  /// The job's key: a hash of its inputs' bytes, the recipe (name and version) and
  /// its settings.
  public var key: String
  /// The result's name among the job's results (`960.webp`).
  public var name: String
  /// The job's first input, for messages.
  public var source: SourcePath

  public init(key: String, name: String, source: SourcePath) {
    self.key = key
    self.name = name
    self.source = source
  }
}

/// What a job made, as the core sees it.
public struct DerivedFacts: Sendable, Equatable {
  public struct Made: Sendable, Equatable {
    public var name: String
    public var byteCount: Int
    public var pixelSize: PixelSize?

    public init(name: String, byteCount: Int, pixelSize: PixelSize? = nil) {
      self.name = name
      self.byteCount = byteCount
      self.pixelSize = pixelSize
    }
  }

  public var key: String
  public var files: [Made]

  public init(key: String, files: [Made]) {
    self.key = key
    self.files = files
  }
}

/// Why a job could not be made, in words for the site's editor, in both languages.
public struct DerivedFailure: Error, Sendable, Equatable {
  public var said: Message

  public init(_ said: Message) { self.said = said }

  /// The English, as tests and logs read it.
  public var message: String { said.english }

  /// The failure as an error at `path`.
  public func diagnostic(in path: SourcePath) -> Diagnostic { Diagnostic(.error, in: path, said) }
}

/// Makes jobs outside the core (`BuildConfig.derivedFiles`).
public protocol DerivedFileMaker: Sendable {
  /// The facts of each job's results, in the jobs' order, made now or found made.
  func make(_ jobs: [DerivedJob]) -> [Result<DerivedFacts, DerivedFailure>]
}

/// An asset (a file published as it is) a rule may derive files from.
public struct DerivableAsset: Sendable {
  public var source: SourcePath
  public var output: OutputPath
  public var info: AssetInfo
}

/// A job for one asset and where its results are published.
public struct DerivedRequest: Sendable {
  public var job: DerivedJob
  /// Where each result, by name, is published; results it gives nil for are not.
  public var publish: @Sendable (String) -> OutputPath?
  /// The results stand for the asset: it is not published itself (unless a result
  /// is published in its place), links to it lead to its largest result that is not
  /// WebP, and images written as it show its results that have a pixel size
  /// (`<picture>` with `srcset`).
  public var standsForAsset: Bool
  /// A word to the editor about the asset, said by `bantin check` (a photo far
  /// larger than the site publishes, say).
  public var advice: Message?

  public init(
    job: DerivedJob, standsForAsset: Bool = false, advice: Message? = nil,
    publish: @escaping @Sendable (String) -> OutputPath?
  ) {
    self.job = job
    self.publish = publish
    self.standsForAsset = standsForAsset
    self.advice = advice
  }

  /// Each result named in `publish` at its path.
  public init(job: DerivedJob, publish: [String: OutputPath], standsForAsset: Bool = false) {
    self.init(job: job, standsForAsset: standsForAsset) { publish[$0] }
  }
}

/// Which files a site derives from its assets (`BuildConfig.derivedRules`): the
/// first rule that answers for an asset decides.
public protocol DerivedRule: Sendable {
  func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest?
}

/// The rules bantin ships: the logo (`LogoRule`), photos (`PhotoRule`).
public enum DerivedRules {
  public static let standard: [any DerivedRule] = [LogoRule(), PhotoRule()]
}

extension Pipeline {
  /// Stage 3b: the files derived from assets, made outside the core; each result
  /// is an asset of its own, and results may stand for their asset.
  func deriveFiles(_ assets: AssetMap, _ settings: Settings, log: inout BuildLog) -> AssetMap {
    guard !build.derivedRules.isEmpty else { return assets }
    var requests: [(asset: AssetMap.Asset, source: SourcePath, request: DerivedRequest)] = []
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      guard case .copy(let source) = asset.content else { continue }
      let derivable = DerivableAsset(source: source, output: asset.output, info: asset.info)
      for rule in build.derivedRules {
        if let request = rule.request(for: derivable, config: settings.config) {
          requests.append((asset, source, request))
          if build.givesAdvice, let advice = request.advice { log.add([Diagnostic(.warning, in: source, advice)]) }
          break
        }
      }
    }
    guard !requests.isEmpty else { return assets }
    guard let maker = build.derivedFiles else {
      log.add(requests.map { Diagnostic(.error, in: $0.source, Say.noFileMaker) })
      return assets
    }
    var derived = assets
    let results = maker.make(requests.map(\.request.job))
    defer { build.stageEnded?("derived files of \(requests.count) assets") }
    for ((asset, source, request), result) in zip(requests, results) {
      let facts: DerivedFacts
      switch result {
      case .failure(let failure):
        log.add([failure.diagnostic(in: source)])
        continue
      case .success(let made): facts = made
      }
      var images: [AssetMap.Image] = []
      var standsInPlace = false
      for made in facts.files {
        guard let output = request.publish(made.name) else { continue }
        if output != asset.output, derived.assets[output] != nil {
          log.add([Diagnostic(.error, in: source, Say.makesPublishedFile(output.rawValue))])
          continue
        }
        derived.assets[output] = AssetMap.Asset(
          output: output, info: AssetInfo(byteCount: made.byteCount, pixelSize: made.pixelSize),
          content: .derived(DerivedFile(key: facts.key, name: made.name, source: source)), bundle: asset.bundle)
        if output == asset.output {
          standsInPlace = true
        } else if let size = made.pixelSize {
          images.append(AssetMap.Image(output: output, size: size, type: ImageVariant.type(of: made.name)))
        }
      }
      guard request.standsForAsset else { continue }
      images.sort { ($0.size.width, $0.output) < ($1.size.width, $1.output) }
      derived.images[source] = images
      derived.replaced[asset.output] = source
      if !standsInPlace {
        derived.assets[asset.output] = nil
        let linked = images.last(where: { $0.type != ImageVariant.webp }) ?? images.last
        if let linked { derived.outputs[source] = linked.output }
      }
    }
    return derived
  }
}

extension Pipeline {
  /// Stage 5b: the crops of each published article's photo that link previews and
  /// search engines show (`Cover`), made outside the core as photos are, and
  /// published in the article's folder.
  func deriveCovers(_ site: Site, _ assets: AssetMap, log: inout BuildLog) -> AssetMap {
    let covered = (site.articles + site.pages).compactMap { article in article.cover.map { (article.source, $0) } }
    guard !covered.isEmpty, let maker = build.derivedFiles else { return assets }
    var derived = assets
    let results = maker.make(covered.map(\.1.job))
    defer { build.stageEnded?("crops of \(covered.count) articles' photos") }
    for ((source, cover), result) in zip(covered, results) {
      if build.givesAdvice, let preview = cover.files.first, preview.width < Cover.shapes[0].width {
        log.add([
          Diagnostic(.warning, in: source, Say.smallPreviewPhoto(width: preview.width, height: preview.height))
        ])
      }
      let facts: DerivedFacts
      switch result {
      case .failure(let failure):
        log.add([failure.diagnostic(in: cover.photo)])
        continue
      case .success(let made): facts = made
      }
      for file in cover.files {
        let name = Cover.name(of: file)
        let output = OutputPath(file.output)
        let content = OutputFile.Content.derived(DerivedFile(key: facts.key, name: name, source: cover.photo))
        guard let made = facts.files.first(where: { $0.name == name }) else {
          log.add([Diagnostic(.error, in: cover.photo, Say.cropNotMade(name))])
          continue
        }
        if let existing = derived.assets[output], existing.content != content {
          log.add([
            Diagnostic(.error, in: source, Say.previewCropClash(output.rawValue))
          ])
          continue
        }
        derived.assets[output] = AssetMap.Asset(
          output: output, info: AssetInfo(byteCount: made.byteCount, pixelSize: made.pixelSize), content: content,
          bundle: nil)
      }
    }
    return derived
  }
}
