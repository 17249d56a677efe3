import Synchronization

/// How far a long build is, for a progress line on a terminal (`BuildConfig.progress`):
/// the stage, and how many of its items are done of how many. The build tells it as
/// it goes, from every core; whoever listens decides how often to show it.
public final class BuildProgress: Sendable {
  public enum Stage: String, Sendable {
    case markdown, photos, pages
  }

  public struct Step: Sendable, Equatable {
    public var stage: Stage
    public var done: Int
    public var total: Int
  }

  private let current = Mutex(Step(stage: .markdown, done: 0, total: 0))
  private let report: @Sendable (Step) -> Void

  public init(_ report: @escaping @Sendable (Step) -> Void) { self.report = report }

  /// A stage of `total` items begins.
  public func begin(_ stage: Stage, total: Int) {
    let step = Step(stage: stage, done: 0, total: total)
    current.withLock { $0 = step }
    report(step)
  }

  /// `count` more items of the stage are done.
  public func advance(_ count: Int = 1) {
    let step = current.withLock { step -> Step in
      step.done = min(step.total, step.done + count)
      return step
    }
    report(step)
  }
}
