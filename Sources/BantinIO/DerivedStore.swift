import BantinCore

#if canImport(Glibc)
  import Glibc
#endif

/// A recipe that makes derived files (`DerivedJob`) from source files' bytes: the
/// I/O side of the derived-file seam. A recipe is a pure function of its inputs'
/// bytes and settings; when it would make other bytes from the same, its
/// `version` changes.
public protocol DerivedRecipe: Sendable {
  var name: String { get }
  var version: Int { get }
  /// What else makes its bytes (a library and its version), part of every key.
  var tool: String { get }
  /// Writes the results into `folder` (new and empty) and says what it wrote.
  func make(_ inputs: [[UInt8]], settings: String, into folder: String) throws -> [DerivedFacts.Made]
}

extension DerivedRecipe {
  public var tool: String { "" }
}

/// The recipes bantin ships.
public enum DerivedRecipes {
  public static let standard: [any DerivedRecipe] = [PhotoRecipe(), CropRecipe(), LogoRecipe()]
}

/// Makes derived files and keeps them by content hash, in a folder that outlives
/// any output folder and is shared by `build`, `serve`, `check` and the hooks
/// (`.bantin-cache/.derived/` beside the output, or in the web root): a job whose
/// inputs, recipe and settings are the same as one made before is not made again,
/// by any of them.
///
/// Each job's results are a folder `<key>/` holding the files and `facts` (their
/// names and sizes), written under a temporary name and renamed into place whole,
/// so a folder that exists is complete; two processes making one job at once keep
/// the first. Inputs are read only through the site folder (`SiteRoot`), and an
/// input whose stamp (size, times, inode) is the one recorded in `stamps` is not
/// read and hashed again. Jobs run on every core.
public struct DerivedStore: DerivedFileMaker {
  public let folder: String
  public let siteRoot: String
  public let recipes: [String: any DerivedRecipe]

  /// Told how many jobs are done (a progress line on a terminal).
  public var progress: BuildProgress?

  public init(folder: String, siteRoot: String, recipes: [any DerivedRecipe] = DerivedRecipes.standard) {
    self.folder = folder
    self.siteRoot = siteRoot
    self.recipes = Dictionary(recipes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The store of the cache folder `cache` (`.bantin-cache` beside the output, or a web root's).
  public init(cache: String, siteRoot: String, recipes: [any DerivedRecipe] = DerivedRecipes.standard) {
    self.init(folder: cache + "/.derived", siteRoot: siteRoot, recipes: recipes)
  }

  /// Where the result `file` is kept.
  public func path(of file: DerivedFile) -> String { folder + "/" + file.key + "/" + file.name }

  /// The bytes of the result `file`, if it is kept.
  public func bytes(of file: DerivedFile) -> [UInt8]? { try? POSIX.read(path(of: file)) }

  public func make(_ jobs: [DerivedJob]) -> [Outcome] {
    guard let site = SiteRoot(siteRoot) else {
      return jobs.map { _ in .failure(DerivedFailure(Say.cannotProcess("the site folder does not exist"))) }
    }
    do {
      try POSIX.makeParents(of: folder + "/x")
      try BuildCache.ignore(Publisher.parent(of: folder))
    } catch {
      return jobs.map { _ in .failure(DerivedFailure(Say.cannotProcess(FileSystemError.message(of: error)))) }
    }
    _ = WorkFolder.removeStale(in: folder, prefix: ".making-")
    let known = StampIndex.read(folder + "/stamps")
    // First what is kept already (most jobs of a site built before), then the rest:
    // the progress line counts only the photos that are processed.
    let looked = jobs.parallelMap(chunkSize: 1) { job in lookUp(job, site: site, known: known) }
    let pending = looked.indices.compactMap { index -> (index: Int, key: String, recipe: any DerivedRecipe)? in
      if case .make(let key, let recipe) = looked[index].step { (index, key, recipe) } else { nil }
    }
    let progress = self.progress
    if !pending.isEmpty { progress?.begin(.photos, total: pending.count) }
    let made = pending.parallelMap(chunkSize: 1) { job in
      defer { progress?.advance() }
      return make(jobs[job.index], key: job.key, recipe: job.recipe, site: site)
    }
    var results = looked.map { looked -> Outcome? in
      if case .done(let outcome) = looked.step { outcome } else { nil }
    }
    for (job, outcome) in zip(pending, made) { results[job.index] = outcome }
    var index = known
    for outcome in looked { index.merge(outcome.hashes) { _, new in new } }
    if index != known { StampIndex.write(index, to: folder + "/stamps") }
    return results.compactMap { $0 }
  }

  typealias Hashes = [StampIndex.Key: StableHash]
  public typealias Outcome = Result<DerivedFacts, DerivedFailure>

  /// A job's results when they are kept (or why it cannot be made), else the key
  /// to make them under. No input's bytes are kept between the two: a thousand new
  /// photos are read again one by one as they are made, not held at once.
  private enum Step: Sendable {
    case done(Outcome)
    case make(key: String, recipe: any DerivedRecipe)
  }

  private func lookUp(_ job: DerivedJob, site: SiteRoot, known: Hashes) -> (step: Step, hashes: Hashes) {
    guard let recipe = recipes[job.recipe] else {
      return (.done(.failure(DerivedFailure(Say.cannotProcess("bantin has no recipe '\(job.recipe)'")))), [:])
    }
    var hashes: Hashes = [:]
    var hasher = StableHasher()
    hasher.combine(recipe.name)
    hasher.combine(recipe.version)
    hasher.combine(recipe.tool)
    hasher.combine(job.settings)
    for input in job.inputs {
      let target = try? site.resolve(input).get()
      let key = target.flatMap { target in POSIX.stamp(target).map { StampIndex.Key(path: target, stamp: $0) } }
      if let key, let hash = known[key] {
        hasher.combine(hash)  // the file is read only if the job must be made
        continue
      }
      switch site.read(input) {
      case .failure(let diagnostic): return (.done(.failure(DerivedFailure(Say.again(diagnostic)))), hashes)
      case .success(let bytes):
        var content = StableHasher()
        content.combine(bytes)
        hasher.combine(content.value)
        if let key, key.stamp.size == bytes.count { hashes[key] = content.value }
      }
    }
    let key = DerivedStore.hex(hasher.value)
    if let facts = readFacts(key) { return (.done(.success(facts)), hashes) }
    return (.make(key: key, recipe: recipe), hashes)
  }

  private func make(_ job: DerivedJob, key: String, recipe: any DerivedRecipe, site: SiteRoot) -> Outcome {
    var bytes: [[UInt8]] = []
    for input in job.inputs {
      switch site.read(input) {
      case .failure(let diagnostic): return .failure(DerivedFailure(Say.again(diagnostic)))
      case .success(let read): bytes.append(read)
      }
    }
    do {
      return .success(try store(key) { try recipe.make(bytes, settings: job.settings, into: $0) })
    } catch let failure as DerivedFailure {
      return .failure(failure)
    } catch {
      return .failure(DerivedFailure(Say.cannotProcess("\(error)")))
    }
  }

  /// A key as a file name: 32 hex digits.
  static func hex(_ hash: StableHash) -> String {
    [hash.high, hash.low].map { lane in
      let digits = String(lane, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }

  /// Makes a job's results in a temporary folder and renames it into place.
  private func store(_ key: String, _ make: (String) throws -> [DerivedFacts.Made]) throws -> DerivedFacts {
    let work: WorkFolder
    do {
      work = try WorkFolder(in: folder, prefix: ".making-")
    } catch {
      throw DerivedFailure(Say.cannotProcess(FileSystemError.message(of: error)))
    }
    defer { work.remove() }
    let made = try make(work.path)
    for file in made where file.name.isEmpty || file.name.contains("/") || file.name == "facts" {
      throw DerivedFailure(Say.cannotProcess("the recipe named a result '\(file.name)'"))
    }
    var writer = BinaryWriter()
    writer.array(made) { writer, file in
      writer.string(file.name)
      writer.int(file.byteCount)
      writer.int(file.pixelSize?.width ?? -1)
      writer.int(file.pixelSize?.height ?? -1)
    }
    do {
      try POSIX.write(writer.bytes, to: work.path + "/facts")
    } catch {
      throw DerivedFailure(Say.cannotProcess(FileSystemError.message(of: error)))
    }
    if rename(work.path, folder + "/" + key) == 0 {
      work.keep()
    } else if readFacts(key) == nil {  // another process made it first, or it failed
      throw DerivedFailure(Say.cannotProcess("cannot keep the results in \(folder)"))
    }
    return DerivedFacts(key: key, files: made)
  }

  /// The facts of a job made before. A folder with facts is whole: they are
  /// written last, and the folder renamed into place after (its results are not
  /// looked at one by one: a rebuild reads a thousand photos' facts in a few ms).
  func readFacts(_ key: String) -> DerivedFacts? {
    guard let bytes = try? POSIX.read(folder + "/" + key + "/facts") else { return nil }
    var reader = BinaryReader(bytes)
    guard
      let files = try? reader.array({ reader -> DerivedFacts.Made in
        let name = try reader.string()
        let byteCount = try reader.int()
        let width = try reader.int()
        let height = try reader.int()
        return DerivedFacts.Made(
          name: name, byteCount: byteCount,
          pixelSize: width < 0 ? nil : PixelSize(width: width, height: height))
      })
    else { return nil }
    return DerivedFacts(key: key, files: files)
  }
}

/// The content hash of each input last hashed, by its path and stamp.
enum StampIndex {
  struct Key: Hashable, Sendable {
    var path: String
    var stamp: FileStamp
  }

  static let magic = Array("bantin-derived-stamps-1\n".utf8)

  static func read(_ path: String) -> [Key: StableHash] {
    guard let bytes = try? POSIX.read(path), bytes.starts(with: magic) else { return [:] }
    var reader = BinaryReader(Array(bytes.dropFirst(magic.count)))
    let entries = try? reader.array { reader -> (Key, StableHash) in
      let path = try reader.string()
      let stamp = FileStamp(
        size: try reader.int(), modified: try reader.int(), changed: try reader.int(), inode: try reader.int())
      return (Key(path: path, stamp: stamp), try reader.hash())
    }
    return Dictionary(entries ?? [], uniquingKeysWith: { _, new in new })
  }

  /// Replaces the index whole (a reader sees the old one or this one).
  static func write(_ index: [Key: StableHash], to path: String) {
    var writer = BinaryWriter()
    writer.array(index.sorted { $0.key.path < $1.key.path }) { writer, entry in
      writer.string(entry.key.path)
      for number in [entry.key.stamp.size, entry.key.stamp.modified, entry.key.stamp.changed, entry.key.stamp.inode] {
        writer.int(number)
      }
      writer.hash(entry.value)
    }
    let temporary = path + ".\(getpid())"
    do {
      try? POSIX.remove(temporary)
      try POSIX.write(magic + writer.bytes, to: temporary)
      guard rename(temporary, path) == 0 else { throw FileSystemError.errno(path, "cannot rename") }
    } catch {
      try? POSIX.remove(temporary)  // the index only saves work: a build goes on without it
    }
  }
}
