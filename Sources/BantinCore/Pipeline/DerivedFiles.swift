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

/// Why a job could not be made, in words for the site's editor.
public struct DerivedFailure: Error, Sendable, Equatable {
  public var message: String

  public init(_ message: String) { self.message = message }
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
  /// Where each result, by name, is published; results not named are not.
  public var publish: [String: OutputPath]
  /// The result that takes the asset's place: references to the asset resolve to
  /// it, and the asset itself is not published. Nil: the asset is published too.
  public var replacesAsset: String?

  public init(job: DerivedJob, publish: [String: OutputPath], replacesAsset: String? = nil) {
    self.job = job
    self.publish = publish
    self.replacesAsset = replacesAsset
  }
}

/// Which files a site derives from its assets (`BuildConfig.derivedRules`): the
/// first rule that answers for an asset decides.
public protocol DerivedRule: Sendable {
  func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest?
}

/// The rules bantin ships (photos come next).
public enum DerivedRules {
  public static let standard: [any DerivedRule] = []
}

extension Pipeline {
  /// Stage 3b: the files derived from assets, made outside the core; each result
  /// is an asset of its own, and one may take its asset's place.
  func deriveFiles(_ assets: AssetMap, _ settings: Settings, log: inout BuildLog) -> AssetMap {
    guard !build.derivedRules.isEmpty else { return assets }
    var requests: [(asset: AssetMap.Asset, source: SourcePath, request: DerivedRequest)] = []
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      guard case .copy(let source) = asset.content else { continue }
      let derivable = DerivableAsset(source: source, output: asset.output, info: asset.info)
      for rule in build.derivedRules {
        if let request = rule.request(for: derivable, config: settings.config) {
          requests.append((asset, source, request))
          break
        }
      }
    }
    guard !requests.isEmpty else { return assets }
    guard let maker = build.derivedFiles else {
      log.add(requests.map { Diagnostic(.error, in: $0.source, "cannot be processed: this build has no file maker") })
      return assets
    }
    var derived = assets
    let results = maker.make(requests.map(\.request.job))
    for ((asset, source, request), result) in zip(requests, results) {
      let facts: DerivedFacts
      switch result {
      case .failure(let failure):
        log.add([Diagnostic(.error, in: source, failure.message)])
        continue
      case .success(let made): facts = made
      }
      for made in facts.files {
        guard let output = request.publish[made.name] else { continue }
        if output != asset.output, derived.assets[output] != nil {
          log.add([Diagnostic(.error, in: source, "makes /\(output), which another file of the site is published as")])
          continue
        }
        derived.assets[output] = AssetMap.Asset(
          output: output, info: AssetInfo(byteCount: made.byteCount, pixelSize: made.pixelSize),
          content: .derived(DerivedFile(key: facts.key, name: made.name, source: source)), bundle: asset.bundle)
      }
      if let replacement = request.replacesAsset {
        guard let output = request.publish[replacement], facts.files.contains(where: { $0.name == replacement })
        else {
          log.add([Diagnostic(.error, in: source, "was processed, but '\(replacement)' was not made")])
          continue
        }
        if output != asset.output { derived.assets[asset.output] = nil }
        derived.outputs[source] = output
      }
    }
    return derived
  }
}
