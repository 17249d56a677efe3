import BantinCore
import Foundation
import Synchronization

/// What the preview tells open pages.
public enum LiveEvent: Sendable, Equatable {
  /// A build finished and is being served: reload.
  case reload(generation: Int)
  /// A build failed: show these lines over the page.
  case problems([String])
  /// Nothing happened; keeps the connection known to be alive.
  case ping

  /// The event in the Server-Sent Events format.
  var serverSentEvent: String {
    switch self {
    case .reload(let generation): return "event: reload\ndata: \(generation)\n\n"
    case .problems(let lines): return "event: problems\ndata: \(JSON.encode(.array(lines.map(JSON.Value.string))))\n\n"
    case .ping: return ": ping\n\n"
    }
  }
}

/// The open pages listening for reloads. Each has its own small buffer, so one
/// slow or stalled page never holds up the others or the next build.
public final class LiveReloadHub: Sendable {
  private let listeners = Mutex<[UUID: AsyncStream<LiveEvent>.Continuation]>([:])

  public init() {}

  /// A stream of events for one page; it ends when the page goes away (`leave`) or
  /// the server stops (`finishAll`).
  public func join() -> (UUID, AsyncStream<LiveEvent>) {
    let (stream, continuation) = AsyncStream<LiveEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
    let id = UUID()
    listeners.withLock { $0[id] = continuation }
    return (id, stream)
  }

  public func leave(_ id: UUID) {
    let continuation = listeners.withLock { $0.removeValue(forKey: id) }
    continuation?.finish()
  }

  /// Hands the event to every listener without waiting for any of them.
  public func broadcast(_ event: LiveEvent) {
    let all = listeners.withLock { Array($0.values) }
    for continuation in all { continuation.yield(event) }
  }

  /// Sends one listener a heartbeat.
  func ping(_ id: UUID) {
    let continuation = listeners.withLock { $0[id] }
    continuation?.yield(.ping)
  }

  public func finishAll() {
    let all = listeners.withLock { listeners in
      defer { listeners.removeAll() }
      return Array(listeners.values)
    }
    for continuation in all { continuation.finish() }
  }

  public var count: Int { listeners.withLock { $0.count } }
}

/// The script and overlay injected into every HTML page of the preview.
enum LiveReloadPage {
  static let scriptPath = "/__bantin/live-reload.js"
  static let eventsPath = "/__bantin/events"

  /// Listens for builds; reloads after a good one, shows the problems of a bad one.
  static let script = """
    (function () {
      "use strict";
      var generation = null;
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("hello", function (event) {
        if (generation !== null && event.data !== generation) { location.reload(); }
        generation = event.data;
      });
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("problems", function (event) { show(JSON.parse(event.data)); });
      function show(lines) {
        var overlay = document.getElementById("bantin-problems");
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "bantin-problems";
          overlay.setAttribute("role", "alert");
          overlay.setAttribute("style", "\(overlayStyle)");
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var title = document.createElement("strong");
        title.textContent = lines[0];
        overlay.appendChild(title);
        var list = document.createElement("pre");
        list.setAttribute("style", "white-space:pre-wrap;margin:.6em 0 0;font:14px/1.5 monospace");
        list.textContent = lines.slice(1).join("\\n");
        overlay.appendChild(list);
      }
    })();

    """

  static let overlayStyle =
    "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;padding:1em 1.25em;background:#fff4f4;color:#5c0a0a;border-top:4px solid #a4161a;font:15px/1.5 sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)"

  /// The overlay as HTML, for pages loaded while the build is broken: `lines` is
  /// its title, then the problems.
  static func overlay(_ lines: [String]) -> String {
    """
    <div id="bantin-problems" role="alert" style="\(overlayStyle)"><strong>\(HTML.escape(lines.first ?? ""))</strong><pre style="white-space:pre-wrap;margin:.6em 0 0;font:14px/1.5 monospace">\(lines.dropFirst().map(HTML.escape).joined(separator: "\n"))</pre></div>
    """
  }

  /// The most warnings a notice lists.
  static let noticeLines = 50

  static let noticeStyle =
    "position:fixed;left:.75em;bottom:.75em;z-index:2147483646;max-width:min(46em,calc(100vw - 1.5em));max-height:50vh;overflow:auto;padding:.5em .9em;background:#fff8e1;color:#3d2c00;border:2px solid #8a6100;border-radius:6px;font:14px/1.5 sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.2)"

  /// The warnings of a good build as a notice, folded: `lines` is its title, then
  /// the warnings. It shows how the page will look and does not hide it.
  static func notice(_ lines: [String]) -> String {
    """
    <details id="bantin-warnings" style="\(noticeStyle)"><summary style="cursor:pointer;font-weight:bold">\(HTML.escape(lines.first ?? ""))</summary><pre style="white-space:pre-wrap;margin:.5em 0 0;font:13px/1.5 monospace">\(lines.dropFirst().map(HTML.escape).joined(separator: "\n"))</pre></details>
    """
  }

  /// The page with the script (and the overlay, when there are problems, or else the
  /// notice, when there are warnings) before `</body>`.
  static func inject(into html: [UInt8], problems: [String], warnings: [String] = []) -> [UInt8] {
    var addition = "<script src=\"\(scriptPath)\"></script>"
    if !problems.isEmpty {
      addition = overlay(problems) + addition
    } else if !warnings.isEmpty {
      addition = notice(warnings) + addition
    }
    let marker = Array("</body>".utf8)
    if let at = lastRange(of: marker, in: html) {
      return Array(html[..<at]) + Array(addition.utf8) + Array(html[at...])
    }
    return html + Array(addition.utf8)
  }

  private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var index = haystack.count - needle.count
    while index >= 0 {
      if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
      index -= 1
    }
    return nil
  }
}
