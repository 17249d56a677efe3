import BantinCore
import BantinIO
import Foundation
import Hummingbird

/// Answers every request of the preview: pages and files of the snapshot, the
/// live-reload script and event stream. Nothing outside the built site is ever read.
struct PreviewResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let state: PreviewState
  let hub: LiveReloadHub
  let policy: RequestPolicy
  let siteRoot: String
  let derived: DerivedStore
  /// How often an idle event stream sends a comment, so dead pages are noticed.
  var heartbeat: Duration = .seconds(15)

  func respond(to request: Request, context: Context) async throws -> Response {
    guard request.method == .get || request.method == .head else {
      var response = text(.methodNotAllowed, "only GET and HEAD are served\n")
      response.headers[.allow] = "GET, HEAD"
      return response
    }
    if case let verdict = policy.checkHost(request.head.authority), verdict != .allowed { return refuse(verdict) }
    let path = request.uri.path
    switch path {
    case LiveReloadPage.eventsPath:
      let verdict = policy.checkOrigin(request.headers[.origin], authority: request.head.authority)
      guard verdict == .allowed else { return refuse(verdict) }
      return events()
    case LiveReloadPage.scriptPath:
      return serve(Array(LiveReloadPage.script.utf8), path: "live-reload.js", request: request, status: .ok)
    default:
      break
    }
    let output: String
    switch policy.outputPath(for: path) {
    case .success(let found): output = found
    case .failure(let verdict): return refuse(verdict)
    }
    let snapshot = state.current
    if let content = snapshot.files[output], let bytes = bytes(of: content) {
      return serve(
        bytes, path: output, request: request, status: .ok, problems: snapshot.problems, warnings: snapshot.warnings)
    }
    if !path.hasSuffix("/"), snapshot.files[output + "/index.html"] != nil {
      var response = Response(status: .movedPermanently)
      response.headers[.location] = path + "/" + (request.uri.query.map { "?" + $0 } ?? "")
      return response
    }
    if let content = snapshot.files["404.html"], let bytes = bytes(of: content) {
      return serve(
        bytes, path: "404.html", request: request, status: .notFound, problems: snapshot.problems,
        warnings: snapshot.warnings)
    }
    if !snapshot.problems.isEmpty {
      let page =
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>bantin</title></head><body></body></html>"
      return serve(
        Array(page.utf8), path: "index.html", request: request, status: .notFound, problems: snapshot.problems)
    }
    return text(.notFound, "not found\n")
  }

  /// A published file's bytes: made by the build, or copied from the site folder
  /// (read now, and only from inside it).
  private func bytes(of content: OutputFile.Content) -> [UInt8]? {
    switch content {
    case .bytes(let bytes): return bytes
    case .copy(let source): return try? SiteRoot(siteRoot)?.read(source).get()
    case .derived(let made): return derived.bytes(of: made)
    case .unchanged: return nil  // resolved when the snapshot is made
    }
  }

  private func serve(
    _ original: [UInt8], path: String, request: Request, status: HTTPResponse.Status, problems: [String] = [],
    warnings: [String] = []
  ) -> Response {
    let type = MediaTypes.of(path)
    let bytes =
      MediaTypes.isHTML(path)
      ? LiveReloadPage.inject(into: original, problems: problems, warnings: warnings) : original
    let tag = "\"\(Fingerprint(bytes).hex)\""
    var headers: HTTPFields = [
      .contentType: type, .eTag: tag, .cacheControl: "no-cache", .acceptRanges: "bytes",
    ]
    headers[values: .init("X-Content-Type-Options")!] = ["nosniff"]
    headers[values: .init("Content-Security-Policy")!] = [
      MediaTypes.isHTML(path) ? ContentSecurity.pages : ContentSecurity.files
    ]
    if status == .ok, let match = request.headers[.ifNoneMatch],
      match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0 == "*" })
    {
      return Response(status: .notModified, headers: headers)
    }
    var range: ClosedRange<Int>?
    if status == .ok, let header = request.headers[.range] {
      switch ByteRange.parse(header, length: bytes.count) {
      case .whole: break
      case .part(let part): range = part
      case .unsatisfiable:
        headers[.contentRange] = "bytes */\(bytes.count)"
        return Response(status: .rangeNotSatisfiable, headers: headers)
      }
    }
    let body = range.map { Array(bytes[$0]) } ?? bytes
    if let range { headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(bytes.count)" }
    let responseStatus: HTTPResponse.Status = range == nil ? status : .partialContent
    if request.method == .head {
      return Response(status: responseStatus, headers: headers, body: ResponseBody(contentLength: body.count) { _ in })
    }
    return Response(status: responseStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }

  /// The live-reload event stream of one page.
  private func events() -> Response {
    let (id, stream) = hub.join()
    let generation = state.current.generation
    let problems = state.current.problems
    let hub = self.hub
    let heartbeat = self.heartbeat
    let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        defer { hub.leave(id) }
        var greeting = "retry: 1000\nevent: hello\ndata: \(generation)\n\n"
        if !problems.isEmpty { greeting += LiveEvent.problems(problems).serverSentEvent }
        try await writer.write(ByteBuffer(string: greeting))
        let beat = Task {
          while !Task.isCancelled {
            try await Task.sleep(for: heartbeat)
            hub.ping(id)
          }
        }
        defer { beat.cancel() }
        for await event in stream {
          try await writer.write(ByteBuffer(string: event.serverSentEvent))
        }
        try await writer.finish(nil)
      })
  }

  private func refuse(_ verdict: RequestPolicy.Verdict) -> Response {
    switch verdict {
    case .allowed: return text(.internalServerError, "\n")
    case .badRequest(let why): return text(.badRequest, why + "\n")
    case .forbidden(let why): return text(.forbidden, why + "\n")
    }
  }

  private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
    Response(
      status: status, headers: [.contentType: "text/plain; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
  }
}

/// A `Range: bytes=…` header of one range, read against a file's length.
enum ByteRange: Equatable {
  case whole
  case part(ClosedRange<Int>)
  case unsatisfiable

  /// Several ranges, or a header that is not `bytes=`, get the whole file (RFC 9110
  /// lets a server ignore Range).
  static func parse(_ header: String, length: Int) -> ByteRange {
    guard header.hasPrefix("bytes="), !header.contains(",") else { return .whole }
    let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
    guard let dash = spec.firstIndex(of: "-") else { return .whole }
    let first = spec[..<dash]
    let last = spec[spec.index(after: dash)...]
    if first.isEmpty {
      guard let suffix = Int(last), suffix > 0 else { return .unsatisfiable }
      guard length > 0 else { return .unsatisfiable }
      return .part(max(0, length - suffix)...(length - 1))
    }
    guard let start = Int(first), start >= 0 else { return .whole }
    guard start < length else { return .unsatisfiable }
    let end = last.isEmpty ? length - 1 : min(Int(last) ?? -1, length - 1)
    guard end >= start else { return last.isEmpty ? .unsatisfiable : .whole }
    return .part(start...end)
  }
}
