import BantinCore

/// What the preview server accepts, decided before any file is looked at: which
/// Host names may reach it (so a page on another site cannot reach it through DNS
/// rebinding), which Origins may listen for reloads, and which paths are paths.
public struct RequestPolicy: Sendable {
  /// The address the server listens on, from `--host`.
  public let bindHost: String

  public init(bindHost: String) { self.bindHost = bindHost }

  public enum Verdict: Error, Equatable, Sendable {
    case allowed
    /// 400: the request is malformed or tries to leave the site.
    case badRequest(String)
    /// 403: the request comes from where it may not.
    case forbidden(String)
  }

  /// Loopback names; an IP address is accepted too when the server listens on one
  /// that is not loopback (`--host 0.0.0.0` for phones on the same network). Any other
  /// name is refused: a browser sends the name it resolved, and only an attacker's
  /// domain would resolve to this machine under another name.
  public func checkHost(_ authority: String?) -> Verdict {
    guard let authority, !authority.isEmpty else { return .badRequest("the request has no Host header") }
    let host = RequestPolicy.hostName(of: authority).lowercased()
    if ["localhost", "127.0.0.1", "::1"].contains(host) || host.hasSuffix(".localhost") { return .allowed }
    if host.hasPrefix("127."), RequestPolicy.isIPv4(host) { return .allowed }
    if !RequestPolicy.isLoopback(bindHost), RequestPolicy.isIPv4(host) || host.contains(":") { return .allowed }
    return .forbidden("the Host '\(authority)' is not this computer: open the address bantin serve printed")
  }

  /// The live-reload stream may be opened by the site's own pages only.
  public func checkOrigin(_ origin: String?, authority: String?) -> Verdict {
    guard let origin else { return .allowed }  // not a cross-origin browser request
    guard let authority, origin.lowercased() == "http://" + authority.lowercased() else {
      return .forbidden("the live-reload stream is only for the site's own pages, not for \(origin)")
    }
    return .allowed
  }

  /// The output path a request path names, or why it names none. The path is
  /// checked as sent and once percent-decoded: no `..` or `.` segment, no encoded
  /// slash or backslash, no NUL or other control character.
  public func outputPath(for rawPath: String) -> Result<String, Verdict> {
    guard rawPath.hasPrefix("/") else { return .failure(.badRequest("the path must start with /")) }
    let lowered = rawPath.lowercased()
    if lowered.contains("%2f") || lowered.contains("%5c") || rawPath.contains("\\") {
      return .failure(.badRequest("encoded slashes are not allowed in paths"))
    }
    guard let decoded = URLPath.decode(rawPath) else {
      return .failure(.badRequest("the path has a malformed %-escape"))
    }
    for candidate in [rawPath, decoded] {
      if candidate.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        return .failure(.badRequest("control characters are not allowed in paths"))
      }
      if candidate.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." })
      {
        return .failure(.badRequest("'.' and '..' are not allowed in paths"))
      }
    }
    var path = String(decoded.drop(while: { $0 == "/" }))
    if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
    if path.contains("//") { return .failure(.badRequest("empty path segments are not allowed")) }
    return .success(path)
  }

  static func hostName(of authority: String) -> String {
    if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
      return String(authority[authority.index(after: authority.startIndex)..<end])
    }
    if authority.filter({ $0 == ":" }).count == 1, let colon = authority.firstIndex(of: ":") {
      return String(authority[..<colon])
    }
    return authority
  }

  static func isIPv4(_ host: String) -> Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
      }
  }

  static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }
}
