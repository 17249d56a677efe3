import BantinCore
import Foundation
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to standard error, unbuffered, one line at a time.
enum StandardError {
  static func write(_ line: String) { writeLine(line, to: 2) }
}

extension StandardError {
  /// Writes `line` over the terminal line the cursor is on, without a newline (a
  /// progress line); an empty `line` clears it.
  static func overwrite(_ line: String) {
    writeRaw("\r\u{1B}[2K" + VisibleText.escaping(line), to: 2)
  }
}

/// A line on a terminal that says how far a long build is: the stage, the files done
/// of how many, and for photos about how long is left. It is drawn at most ten times a
/// second, over itself, and cleared before anything else is printed; nothing at all
/// when standard error is not a terminal, or with `--quiet`.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let speech: Speech
  private var stage: BuildProgress.Stage?
  private var stageStarted = ContinuousClock.now
  private var lastDrawn: ContinuousClock.Instant?
  private var shown = false

  private init(speech: Speech) { self.speech = speech }

  /// The line and the reporter to give the build, or nil when nothing should be shown.
  static func make(speech: Speech, quiet: Bool) -> (ProgressLine, BuildProgress)? {
    guard !quiet, isatty(2) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
    let line = ProgressLine(speech: speech)
    return (line, BuildProgress { line.show($0) })
  }

  private func show(_ step: BuildProgress.Step) {
    lock.withLock {
      let now = ContinuousClock.now
      if step.stage != stage {
        stage = step.stage
        stageStarted = now
      } else if let last = lastDrawn, last.duration(to: now) < .milliseconds(100), step.done < step.total {
        return
      }
      lastDrawn = now
      var left: Int?
      if step.stage == .photos, step.done > 0, step.done < step.total {
        let elapsed = stageStarted.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        left = Int((seconds / Double(step.done) * Double(step.total - step.done)).rounded(.up))
      }
      StandardError.overwrite(Say.progress(step, secondsLeft: left).text(speech))
      shown = true
    }
  }

  /// Takes the line off the terminal.
  func clear() {
    lock.withLock {
      if shown { StandardError.overwrite("") }
      shown = false
    }
  }
}

/// Writes to standard output unbuffered, for a long-running command whose output a
/// program reads as it comes (the preview server's address).
enum StandardOutput {
  static func write(_ line: String) { writeLine(line, to: 1) }
}

/// Writes one line; control characters in it are shown as escapes (`VisibleText`):
/// messages name files and values that editors chose.
private func writeLine(_ line: String, to descriptor: Int32) {
  writeRaw(VisibleText.escaping(line) + "\n", to: descriptor)
}

/// Writes `text` as it is.
func writeRaw(_ text: String, to descriptor: Int32) {
  var text = text
  text.withUTF8 { bytes in
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

/// Prints diagnostics the way compilers do, one per line, so editors and git hooks
/// can jump to `path:line:col`.
enum DiagnosticPrinter {
  static func print(_ diagnostics: [Diagnostic], _ speech: Speech = .english) {
    for diagnostic in diagnostics { StandardError.write(diagnostic.text(speech)) }
  }
}

/// A swift-log handler for the command line: `bantin: message` on standard error.
struct StandardErrorLog: LogHandler {
  let label: String
  var logLevel: Logger.Level = .notice
  var metadata: Logger.Metadata = [:]

  init(label: String) { self.label = label }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    StandardError.write("\(label): \(event.message)")
  }
}
