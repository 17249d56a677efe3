import BantinCore
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to standard error, unbuffered, one line at a time.
enum StandardError {
  static func write(_ line: String) { writeLine(line, to: 2) }
}

/// Writes to standard output unbuffered, for a long-running command whose output a
/// program reads as it comes (the preview server's address).
enum StandardOutput {
  static func write(_ line: String) { writeLine(line, to: 1) }
}

/// Writes one line; control characters in it are shown as escapes (`VisibleText`):
/// messages name files and values that editors chose.
private func writeLine(_ line: String, to descriptor: Int32) {
  var text = VisibleText.escaping(line) + "\n"
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
