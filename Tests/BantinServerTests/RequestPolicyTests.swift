import Testing

@testable import BantinServer

@Suite("What the preview server accepts")
struct RequestPolicyTests {
  let policy = RequestPolicy(bindHost: "127.0.0.1")

  func path(_ raw: String) -> String {
    switch policy.outputPath(for: raw) {
    case .success(let path): return path
    case .failure(let verdict): return "\(verdict)"
    }
  }

  @Test("paths map to output files; dot segments, encoded slashes and control characters do not")
  func paths() {
    #expect(path("/") == "index.html")
    #expect(path("/tin-tuc/a/") == "tin-tuc/a/index.html")
    #expect(path("/tin-tuc/a/%E1%BA%A2nh%201.jpg") == "tin-tuc/a/Ảnh 1.jpg")
    #expect(path("/../etc/passwd") == "badRequest(\"\\'.\\' and \\'..\\' are not allowed in paths\")")
    #expect(path("/%2e%2e/etc/passwd").hasPrefix("badRequest"))
    #expect(path("/a/.%2E/b").hasPrefix("badRequest"))
    #expect(path("/..%2fetc").hasPrefix("badRequest"))
    #expect(path("/a%5c..%5cb").hasPrefix("badRequest"))
    #expect(path("/a%00").hasPrefix("badRequest"))
    #expect(path("/a%0a").hasPrefix("badRequest"))
    #expect(path("/%zz").hasPrefix("badRequest"))
    #expect(path("relative").hasPrefix("badRequest"))
    #expect(path("/a//b").hasPrefix("badRequest"))
  }

  @Test("only loopback names reach a loopback server")
  func hosts() {
    #expect(policy.checkHost("127.0.0.1:1313") == .allowed)
    #expect(policy.checkHost("localhost:1313") == .allowed)
    #expect(policy.checkHost("[::1]:1313") == .allowed)
    #expect(policy.checkHost("127.0.0.2") == .allowed)
    #expect(policy.checkHost("evil.example:1313") != .allowed)
    #expect(policy.checkHost("127.0.0.1.evil.example") != .allowed)
    #expect(policy.checkHost("192.168.1.5:1313") != .allowed)
    #expect(policy.checkHost(nil) != .allowed)
    let lan = RequestPolicy(bindHost: "0.0.0.0")
    #expect(lan.checkHost("192.168.1.5:1313") == .allowed)
    #expect(lan.checkHost("evil.example") != .allowed)
  }

  @Test("the reload stream is for the page's own origin")
  func origins() {
    #expect(policy.checkOrigin(nil, authority: "127.0.0.1:1313") == .allowed)
    #expect(policy.checkOrigin("http://127.0.0.1:1313", authority: "127.0.0.1:1313") == .allowed)
    #expect(policy.checkOrigin("http://evil.example", authority: "127.0.0.1:1313") != .allowed)
    #expect(policy.checkOrigin("http://127.0.0.1:9999", authority: "127.0.0.1:1313") != .allowed)
  }

  @Test("byte ranges")
  func ranges() {
    #expect(ByteRange.parse("bytes=0-9", length: 100) == .part(0...9))
    #expect(ByteRange.parse("bytes=90-", length: 100) == .part(90...99))
    #expect(ByteRange.parse("bytes=-10", length: 100) == .part(90...99))
    #expect(ByteRange.parse("bytes=95-200", length: 100) == .part(95...99))
    #expect(ByteRange.parse("bytes=100-", length: 100) == .unsatisfiable)
    #expect(ByteRange.parse("bytes=0-1,5-6", length: 100) == .whole)
    #expect(ByteRange.parse("items=0-1", length: 100) == .whole)
  }

  @Test("the script goes before </body>, with the overlay when the build failed")
  func injection() {
    let page = Array("<html><body><p>x</p></body></html>".utf8)
    #expect(
      String(decoding: LiveReloadPage.inject(into: page, problems: []), as: UTF8.self)
        == "<html><body><p>x</p><script src=\"/__bantin/live-reload.js\"></script></body></html>")
    // The overlay's title, then the problems, each escaped.
    let broken = String(
      decoding: LiveReloadPage.inject(into: page, problems: ["bantin: <i>hỏng</i>", "a.md:1:1: error: <b>"]),
      as: UTF8.self)
    #expect(broken.contains("<strong>bantin: &lt;i&gt;hỏng&lt;/i&gt;</strong>"))
    #expect(broken.contains("a.md:1:1: error: &lt;b&gt;</pre></div><script"))
  }

  @Test("MIME types, text in UTF-8")
  func mediaTypes() {
    #expect(MediaTypes.of("a/index.html") == "text/html; charset=utf-8")
    #expect(MediaTypes.of("style.abc.css") == "text/css; charset=utf-8")
    #expect(MediaTypes.of("tin-tuc/atom.xml") == "application/atom+xml; charset=utf-8")
    #expect(MediaTypes.of("a/ANH.JPG") == "image/jpeg")
    #expect(MediaTypes.of("a/video.mp4") == "video/mp4")
    #expect(MediaTypes.of("a/unknown") == "application/octet-stream")
  }
}
