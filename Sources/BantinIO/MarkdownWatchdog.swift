import BantinCore
import Dispatch
import Foundation

/// Stops a build whose Markdown rendering of one file goes on longer than a budget,
/// naming the file. libcmark cannot be interrupted, and 0.30.2 has inputs that take
/// quadratic time (`MarkdownLimits` refuses the known ones before it starts); this
/// is the guard for the others, so that a build never hangs.
public final class MarkdownWatchdog: @unchecked Sendable {
  public let budget: Duration
  private let lock = NSLock()
  private var running: [SourcePath: ContinuousClock.Instant] = [:]
  private var timer: DispatchSourceTimer?
  private let overrun: @Sendable (SourcePath, Duration) -> Void

  /// `overrun` is called once, on another thread, with the first file over a
  /// budget of `seconds`.
  public init(seconds: Double, overrun: @escaping @Sendable (SourcePath, Duration) -> Void) {
    self.budget = .milliseconds(Int(seconds * 1000))
    self.overrun = overrun
  }

  /// The hook to put in `BuildConfig.markdownWatch`.
  public var hook: @Sendable (SourcePath, Bool) -> Void {
    { [self] path, started in
      lock.withLock {
        if started { running[path] = .now } else { running[path] = nil }
      }
    }
  }

  public func start() {
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
    let period = min(budget / 4, .milliseconds(250))
    let nanoseconds =
      Int(period.components.seconds) * 1_000_000_000 + Int(period.components.attoseconds / 1_000_000_000)
    timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
    timer.setEventHandler { [self] in
      let now = ContinuousClock.now
      let late = lock.withLock { running.first { $0.value.duration(to: now) > budget } }
      if let (path, since) = late {
        self.timer?.cancel()
        overrun(path, since.duration(to: now))
      }
    }
    self.timer = timer
    timer.resume()
  }

  public func stop() { timer?.cancel() }
}
