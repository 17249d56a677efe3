import BantinCore
import Synchronization

/// One build as the preview serves it: the files of the last good build, and the
/// problems of the last build when it failed.
public struct SiteSnapshot: Sendable {
  public var files: [String: OutputFile.Content] = [:]
  /// Counts good builds; pages that missed a reload notice a new number.
  public var generation = 0
  /// When the last build failed: the overlay's title, then its
  /// `path:line:col: error: message` lines.
  public var problems: [String] = []
  /// When the last build succeeded with warnings: the notice's title, then its
  /// `path:line:col: warning: message` lines.
  public var warnings: [String] = []
}

/// The snapshot being served, swapped whole when a build ends, so a request sees
/// one build or the next, never a mix.
public final class PreviewState: Sendable {
  private let snapshot = Mutex(SiteSnapshot())
  /// The language of the last build's messages (the site's, unless overridden).
  private let spoken = Mutex(Speech.vietnamese)

  public var speech: Speech {
    get { spoken.withLock { $0 } }
    set { spoken.withLock { $0 = newValue } }
  }

  public init() {}

  public var current: SiteSnapshot { snapshot.withLock { $0 } }

  /// Serves a good build; returns its generation.
  @discardableResult
  public func publish(_ files: [OutputFile], warnings: [String] = []) -> Int {
    snapshot.withLock { state in
      var table: [String: OutputFile.Content] = [:]
      table.reserveCapacity(files.count)
      for file in files {
        // A page the build found unchanged is the one being served.
        table[file.path.rawValue] = file.content == .unchanged ? state.files[file.path.rawValue] : file.content
      }
      state.files = table
      state.generation += 1
      state.problems = []
      state.warnings = warnings
      return state.generation
    }
  }

  /// Keeps the last good build, and shows what is wrong with the new one.
  public func fail(_ problems: [String]) {
    snapshot.withLock { $0.problems = problems }
  }
}
