import Foundation
import TestSupport
import Testing

/// `bantin serve` running for one test, on a free loopback port.
final class ServeProcess {
  let process = Process()
  let log: String
  private(set) var port = 0

  init(site: String, arguments: [String] = [], language: String = "en") throws {
    log = NSTemporaryDirectory() + "bantin-serve-" + UUID().uuidString + ".log"
    FileManager.default.createFile(atPath: log, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    process.executableURL = URL(fileURLWithPath: Repository.binary)
    process.arguments = ["serve", "--source", site, "--port", "0"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["BANTIN_LANG"] = language  // "": the site's language
    process.environment = environment
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let found = try waitFor(#/ (?:at|tại) http://127\.0\.0\.1:(\d+)//#, timeout: .seconds(30))
    port = Int(found) ?? 0
  }

  deinit {
    if process.isRunning {
      process.interrupt()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: log)
  }

  var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

  /// Waits until the server's output matches `pattern`; returns its first capture.
  @discardableResult
  func waitFor(_ pattern: Regex<(Substring, Substring)>, after: Int = 0, timeout: Duration) throws -> String {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
      let text = String(output.dropFirst(after))
      if let match = text.firstMatch(of: pattern) { return String(match.output.1) }
      guard process.isRunning else { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw HTTPProbe.Failure(description: "serve never printed \(pattern); it printed:\n\(output)")
  }

  var http: HTTPProbe { HTTPProbe(port: port) }
}

@Suite("bantin serve", .serialized)
struct ServeTests {
  static let article = """
    ---
    title: "Tin ban đầu"
    date: 2024-01-12
    ---
    Nội dung ban đầu.

    ![Ảnh](anh.png "Chú thích")

    """

  /// A connection to the preview's events, past its greeting.
  func listen(to server: ServeProcess) throws -> HTTPProbe.Connection {
    let events = try HTTPProbe.Connection(port: server.port)
    try events.send(Array("GET /__bantin/events HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n".utf8))
    _ = try events.read(timeout: .seconds(5)) { $0.contains("event: hello") }
    return events
  }

  func site() throws -> Scratch {
    let site = try Scratch([
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a/index.md": Self.article,
      "site.yml": "title: Phường thử\nbaseURL: https://phuong.example.vn/\n",
    ])
    try site.write("content/tin-tuc/a/anh.png", TestPhoto.bytes(kind: 3))
    try site.write("content/tin-tuc/a/bang-ke.pdf", Data((0..<2000).map { UInt8($0 % 251) }))
    return site
  }

  @Test("serves pages, files, MIME types, ETag and 304, HEAD, Range, 404 and folder redirects")
  func serving() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let http = server.http
    let home = try http.get("/")
    #expect(home.status == 200)
    #expect(home.headers["content-type"] == "text/html; charset=utf-8")
    // Pages run only the site's own scripts; any other file runs nothing.
    #expect(home.headers["content-security-policy"]?.hasPrefix("default-src 'self'; script-src 'self';") == true)
    #expect(
      try http.get("/tin-tuc/a/anh-120.png").headers["content-security-policy"]
        == "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox")
    #expect(home.text.contains("<script src=\"/__bantin/live-reload.js\"></script></body>"))
    #expect(home.text.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(server.port)/\">"))
    let tag = try #require(home.headers["etag"])
    #expect(try http.get("/", headers: ["If-None-Match: \(tag)"]).status == 304)
    #expect(try http.get("/", headers: ["If-None-Match: \"other\""]).status == 200)

    let page = try http.get("/tin-tuc/a/")
    #expect(page.status == 200)
    #expect(page.text.contains("<h1 class=\"article__title\">Tin ban đầu</h1>"))
    #expect(try http.get("/atom.xml").headers["content-type"] == "application/atom+xml; charset=utf-8")
    #expect(try http.get("/sitemap.xml").headers["content-type"] == "application/xml; charset=utf-8")
    #expect(try http.get("/robots.txt").headers["content-type"] == "text/plain; charset=utf-8")
    let script = try http.get("/__bantin/live-reload.js")
    #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")

    // The photo as processed (from the store of derived files), not as written.
    #expect(page.text.contains("<source type=\"image/webp\" srcset=\"/tin-tuc/a/anh-120.webp 120w\""))
    #expect(try http.get("/tin-tuc/a/anh.png").status == 404)
    let photo = try http.get("/tin-tuc/a/anh-120.png")
    #expect(photo.status == 200)
    #expect(photo.headers["content-type"] == "image/png")
    #expect(photo.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(try http.get("/tin-tuc/a/anh-120.webp").headers["content-type"] == "image/webp")

    let document = try http.get("/tin-tuc/a/bang-ke.pdf")
    #expect(document.status == 200)
    #expect(document.headers["content-type"] == "application/pdf")
    #expect(document.body.count == 2000)
    let head = try http.get("/tin-tuc/a/bang-ke.pdf", method: "HEAD")
    #expect(head.status == 200)
    #expect(head.headers["content-length"] == "2000")
    let part = try http.get("/tin-tuc/a/bang-ke.pdf", headers: ["Range: bytes=10-19"])
    #expect(part.status == 206)
    #expect(part.headers["content-range"] == "bytes 10-19/2000")
    #expect(part.body == (10..<20).map { UInt8($0 % 251) })
    let tail = try http.get("/tin-tuc/a/bang-ke.pdf", headers: ["Range: bytes=-5"])
    #expect(tail.headers["content-range"] == "bytes 1995-1999/2000")
    #expect(try http.get("/tin-tuc/a/bang-ke.pdf", headers: ["Range: bytes=5000-"]).status == 416)

    let missing = try http.get("/khong-co/")
    #expect(missing.status == 404)
    #expect(missing.text.contains("Không tìm thấy trang"))
    let folder = try http.get("/tin-tuc/a")
    #expect(folder.status == 301)
    #expect(folder.headers["location"] == "/tin-tuc/a/")
    #expect(try http.get("/", method: "POST").status == 405)
  }

  @Test("path traversal, encoded slashes and NUL are refused, and nothing outside the site is read")
  func traversal() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let http = server.http
    for probe in [
      "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/tin-tuc/a/%2e%2e/%2e%2e/site.yml",
      "/%00", "/a%00.html", "/..\\..\\etc\\passwd", "/tin-tuc/./a/", "/%2E%2E/", "/tin-tuc/a/anh.png%2f..",
    ] {
      let response = try http.get(probe)
      #expect(response.status == 400, "\(probe) answered \(response.status)")
      #expect(!response.text.contains("root:"), "\(probe)")
    }
    // Encoded twice is decoded once: a name with % in it, which does not exist.
    #expect(try http.get("/%252e%252e/%252e%252e/etc/passwd").status == 404)
    #expect(try http.get("/etc/passwd").status == 404)
    // A published file replaced by a link out of the site after the build is not followed.
    try FileManager.default.removeItem(atPath: site.path + "/content/tin-tuc/a/bang-ke.pdf")
    try FileManager.default.createSymbolicLink(
      atPath: site.path + "/content/tin-tuc/a/bang-ke.pdf", withDestinationPath: "/etc/passwd")
    let linked = try http.get("/tin-tuc/a/bang-ke.pdf")
    #expect(!linked.text.contains("root:"))
    #expect(try http.get("/").status == 200)  // still answering
  }

  @Test("a foreign Host is refused, and the live-reload stream only for the site's own Origin")
  func rebinding() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let http = server.http
    #expect(try http.get("/", headers: ["Host: evil.example:\(server.port)"]).status == 403)
    #expect(try http.get("/", headers: ["Host: 127.0.0.1.nip.io"]).status == 403)
    #expect(try http.get("/", headers: ["Host: localhost:\(server.port)"]).status == 200)
    let foreign = try http.get(
      "/__bantin/events", headers: ["Origin: http://evil.example"], timeout: .seconds(5))
    #expect(foreign.status == 403)
    let own = try http.exchange(
      Array(
        "GET /__bantin/events HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nOrigin: http://127.0.0.1:\(server.port)\r\n\r\n"
          .utf8),
      until: { $0.contains("event: hello") })
    #expect(own.status == 200)
    #expect(own.headers["content-type"] == "text/event-stream; charset=utf-8")
  }

  @Test("an edit is rebuilt and announced; broken front matter shows an overlay until it is fixed")
  func liveReload() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let events = try listen(to: server)

    try site.write(
      "content/tin-tuc/a/index.md", Self.article.replacingOccurrences(of: "Tin ban đầu", with: "Tin đã sửa"))
    _ = try events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    #expect(try server.http.get("/tin-tuc/a/").text.contains("<h1 class=\"article__title\">Tin đã sửa</h1>"))

    try site.write("content/tin-tuc/a/index.md", "---\ntitle: Đảng ủy: <b>Hội nghị</b>\ndate: 2024-01-12\n---\n")
    let problem = String(
      decoding: try events.read(timeout: .seconds(10)) { $0.contains("event: problems") }, as: UTF8.self)
    #expect(problem.contains("content/tin-tuc/a/index.md:2:15: error: the value of \\u0027title\\u0027 contains"))
    let broken = try server.http.get("/tin-tuc/a/")
    #expect(broken.text.contains("<h1 class=\"article__title\">Tin đã sửa</h1>"))  // the last good build
    #expect(
      broken.text.contains(
        "content/tin-tuc/a/index.md:2:15: error: the value of &#39;title&#39; contains &#39;: &#39;, which YAML reads as another key: quote the title, as in title: &quot;Đảng ủy: &lt;b&gt;Hội nghị&lt;/b&gt;&quot;"
      ))
    #expect(server.output.contains("content/tin-tuc/a/index.md:2:15: error: the value of 'title' contains ': '"))

    try site.write(
      "content/tin-tuc/a/index.md", Self.article.replacingOccurrences(of: "Tin ban đầu", with: "Tin đã chữa"))
    _ = try events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    let fixed = try server.http.get("/tin-tuc/a/")
    #expect(fixed.text.contains("Tin đã chữa"))
    #expect(!fixed.text.contains("bantin-problems"))
  }

  @Test("a Vietnamese site's preview speaks Vietnamese: the terminal, the overlay's title and its lines")
  func vietnameseOverlay() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path, language: "")
    #expect(server.output.contains("Đang xem trước \(site.path) tại http://127.0.0.1:\(server.port)/ (Ctrl-C để dừng)"))
    try site.write("content/tin-tuc/a/index.md", "---\ndate: 2024-01-12\n---\nA.\n")
    _ = try server.waitFor(#/Dựng (lỗi)/#, timeout: .seconds(10))
    let broken = try server.http.get("/tin-tuc/a/")
    #expect(
      broken.text.contains(
        "<strong>bantin: lần dựng gần nhất bị lỗi; trang này là bản tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp, trang sẽ tự tải lại.</strong>"
      ))
    #expect(
      broken.text.contains(
        "content/tin-tuc/a/index.md:1:1: lỗi: phần thông tin chưa có tiêu đề &#39;title&#39;: thêm một dòng như &#39;title: &quot;Hội nghị tổng kết năm 2023&quot;&#39;"
      ))
    #expect(server.output.contains("content/tin-tuc/a/index.md:1:1: lỗi: phần thông tin chưa có tiêu đề 'title'"))
    #expect(
      server.output.contains("Dựng lỗi sau khi sửa content/tin-tuc/a/index.md (1 lỗi); vẫn phục vụ bản tốt gần nhất"))
  }

  @Test("a build with warnings shows them folded on every page, in the site's language, until they are fixed")
  func warningsNotice() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path, language: "")
    let clean = try server.http.get("/tin-tuc/a/")
    #expect(clean.status == 200 && !clean.text.contains("bantin-warnings"))
    let events = try listen(to: server)

    try site.write(
      "content/tin-tuc/a/index.md", Self.article.replacingOccurrences(of: "Nội dung ban đầu.", with: "#Tiêu đề mới"))
    _ = try events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    let warned = try server.http.get("/")
    #expect(
      warned.text.contains(
        "<summary style=\"cursor:pointer;font-weight:bold\">bantin: 1 cảnh báo (trang vẫn dựng được); bấm để xem</summary>"
      ))
    #expect(
      warned.text.contains(
        "content/tin-tuc/a/index.md:5:1: cảnh báo: dòng này bắt đầu bằng &#39;#&#39; mà không có dấu cách theo sau, nên hiện ra thành chữ thường: nếu đây là tiêu đề, viết # Tiêu đề mới</pre></details><script src=\"/__bantin/live-reload.js\"></script>"
      ))

    try site.write("content/tin-tuc/a/index.md", Self.article)
    _ = try events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    #expect(!(try server.http.get("/tin-tuc/a/").text.contains("bantin-warnings")))
  }

  @Test("saving an article with images and links nested in an image's text: serve rebuilds, serves it and lives on")
  func nestedImagesSaved() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let events = try listen(to: server)
    try site.write(
      "content/tin-tuc/a/index.md",
      "---\ntitle: Lồng\ndate: 2024-01-12\n---\n![Ảnh ![nhỏ](anh.png)](anh.png)\n\nXem ![xem [bài](/tin-tuc/)](anh.png) nhé.\n"
    )
    _ = try events.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    #expect(server.process.isRunning)
    let page = try server.http.get("/tin-tuc/a/")
    #expect(page.status == 200)
    #expect(page.text.contains("alt=\"Ảnh nhỏ\""))
    #expect(page.text.contains("alt=\"xem bài\""))
  }

  @Test("a file whose Markdown is slow to render is named in the terminal; the build goes on and is served")
  func slowMarkdown() throws {
    let site = try site()
    let images = String(repeating: String(repeating: "![[]()", count: 450) + "\n\n", count: 150)
    try site.write("content/tin-tuc/cham.md", "---\ntitle: Chậm\ndate: 2024-01-12\n---\n" + images)
    let server = try ServeProcess(site: site.path, arguments: ["--markdown-budget", "1"])
    #expect(
      server.output.contains(
        "content/tin-tuc/cham.md: error: rendering its Markdown has taken more than 1 s (the Markdown library, cmark 0.30.2, is slow on some inputs and cannot be stopped): shorten or split the file; the build goes on in the background\nBuild stalled; still serving the last good build\n"
      ), "\(server.output)")
    #expect(server.output.contains("Built in "))
    #expect(try server.http.get("/tin-tuc/cham/").status == 200)
  }

  @Test("a new folder is watched: an article added in it is published")
  func newFolder() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    try site.write("content/thong-bao/_index.md", "---\ntitle: Thông báo\n---\n")
    try site.write("content/thong-bao/lich/index.md", "---\ntitle: Lịch tiếp dân\ndate: 2024-02-01\n---\nThứ Năm.\n")
    let deadline = ContinuousClock.now.advanced(by: .seconds(10))
    var status = 0
    while ContinuousClock.now < deadline {
      status = try server.http.get("/thong-bao/lich/").status
      if status == 200 { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    #expect(status == 200)
    let before = server.output.count
    try site.write("content/thong-bao/lich/.index.md.swp", "swap")
    try site.write("content/thong-bao/lich/index.md~", "backup")
    Thread.sleep(forTimeInterval: 1)
    #expect(server.output.count == before)  // editor files start no build
  }

  @Test("a client that stalls half-way through its request is disconnected after the idle timeout")
  func idleTimeout() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path, arguments: ["--idle-timeout", "1"])
    let stalled = try HTTPProbe.Connection(port: server.port)
    try stalled.send(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1".utf8))
    #expect(stalled.isClosed(within: .seconds(5)))
    let idle = try HTTPProbe.Connection(port: server.port)
    #expect(idle.isClosed(within: .seconds(5)))
    #expect(try server.http.get("/").status == 200)
  }

  @Test("a stalled client does not hold up others, and Ctrl-C stops the server with pages listening")
  func stalledClientAndStop() throws {
    let site = try site()
    let server = try ServeProcess(site: site.path)
    let stalled = try HTTPProbe.Connection(port: server.port)
    try stalled.send(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1".utf8))  // never finished
    var listeners: [HTTPProbe.Connection] = []
    for _ in 0..<20 {
      let listener = try HTTPProbe.Connection(port: server.port)
      try listener.send(Array("GET /__bantin/events HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n".utf8))
      listeners.append(listener)
    }
    #expect(try server.http.get("/", timeout: .seconds(2)).status == 200)
    try site.write("content/tin-tuc/a/index.md", Self.article.replacingOccurrences(of: "Tin ban đầu", with: "Tin mới"))
    for listener in listeners {
      _ = try listener.read(timeout: .seconds(10)) { $0.contains("event: reload") }
    }
    let started = ContinuousClock.now
    server.process.interrupt()
    server.process.waitUntilExit()
    #expect(started.duration(to: .now) < .seconds(10))
    #expect(server.process.terminationStatus == 0)
    #expect(listeners[0].isClosed(within: .seconds(2)))
  }
}
