import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A raw HTTP/1.1 exchange over a loopback socket: the request is sent byte for
/// byte as written (no client normalises `/../` away), the response is read as it
/// arrives.
public struct HTTPProbe {
  public struct Response {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    public var text: String { String(decoding: body, as: UTF8.self) }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
  }

  public let port: Int

  public init(port: Int) { self.port = port }

  /// `GET path` with `Host: 127.0.0.1:port` and any other header lines.
  public func get(_ path: String, method: String = "GET", headers: [String] = [], timeout: Duration = .seconds(10))
    throws -> Response
  {
    var lines = ["\(method) \(path) HTTP/1.1"]
    if !headers.contains(where: { $0.lowercased().hasPrefix("host:") }) { lines.append("Host: 127.0.0.1:\(port)") }
    lines += headers + ["Connection: close", "", ""]
    return try exchange(Array(lines.joined(separator: "\r\n").utf8), method: method, timeout: timeout)
  }

  /// Sends `request` and reads until the server closes or `until` is satisfied.
  public func exchange(
    _ request: [UInt8], method: String = "GET", timeout: Duration = .seconds(10), until: ((String) -> Bool)? = nil
  ) throws -> Response {
    let connection = try Connection(port: port)
    try connection.send(request)
    let raw = try connection.read(timeout: timeout, until: until)
    return try HTTPProbe.parse(raw, method: method)
  }

  static func parse(_ raw: [UInt8], method: String) throws -> Response {
    let separator = Array("\r\n\r\n".utf8)
    guard let end = raw.indices.first(where: { raw[$0...].starts(with: separator) }) else {
      throw Failure(description: "no complete response head in \(raw.count) bytes")
    }
    let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = Array(raw[(end + 4)...])
    if headers["transfer-encoding"] == "chunked" { body = unchunk(body) }
    return Response(status: status, headers: headers, body: method == "HEAD" ? [] : body)
  }

  static func unchunk(_ data: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var index = 0
    while index < data.count {
      guard let lineEnd = data[index...].firstIndex(of: 13) else { break }
      let size = Int(String(decoding: data[index..<lineEnd], as: UTF8.self), radix: 16) ?? 0
      let start = lineEnd + 2
      if size == 0 || start + size > data.count {
        result += data[min(start, data.count)..<min(start + size, data.count)]
        break
      }
      result += data[start..<(start + size)]
      index = start + size + 2
    }
    return result
  }

  /// One open TCP connection to the loopback server.
  public final class Connection {
    let socket: Int32

    public init(port: Int) throws {
      socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(UInt16(port).bigEndian)
      address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard connected == 0 else {
        close(socket)
        throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
      }
    }

    deinit { close(socket) }

    public func send(_ bytes: [UInt8]) throws {
      var sent = 0
      while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard count > 0 else { throw Failure(description: "send failed") }
        sent += count
      }
    }

    /// Reads until the peer closes, `until` accepts what arrived, or `timeout`.
    public func read(timeout: Duration, until: ((String) -> Bool)? = nil) throws -> [UInt8] {
      var received: [UInt8] = []
      let deadline = ContinuousClock.now.advanced(by: timeout)
      var buffer = [UInt8](repeating: 0, count: 65536)
      while ContinuousClock.now < deadline {
        var waiting = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let left = ContinuousClock.now.duration(to: deadline)
        let milliseconds = Int32(
          max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
        guard poll(&waiting, 1, min(milliseconds, 200)) >= 0 else { break }
        if waiting.revents == 0 { continue }
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return received }
        received += buffer[..<count]
        if let until, until(String(decoding: received, as: UTF8.self)) { return received }
      }
      if until != nil {
        throw Failure(description: "timed out; received: \(String(decoding: received, as: UTF8.self))")
      }
      return received
    }

    /// Whether the server has closed the connection (reads end of file now).
    public func isClosed(within timeout: Duration) -> Bool {
      let deadline = ContinuousClock.now.advanced(by: timeout)
      var buffer = [UInt8](repeating: 0, count: 4096)
      while ContinuousClock.now < deadline {
        var waiting = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, 100) >= 0 else { return true }
        if waiting.revents == 0 { continue }
        if buffer.withUnsafeMutableBytes({ recv(socket, $0.baseAddress, $0.count, 0) }) <= 0 { return true }
      }
      return false
    }
  }
}
