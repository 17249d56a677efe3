import BantinCore
import Foundation
import TestSupport
import Testing

@Suite("bantin build --relative-urls")
struct RelativeURLTests {
  @Test("addresses into the site become relative to the page, naming index.html; others stay")
  func rewrite() {
    let page = """
      <link rel="stylesheet" href="/phuong/style.css"><a href="/phuong/">Trang chủ</a>
      <a href="/phuong/tin-tuc/a/#binh-luan">A</a> <a href="/phuong/tim?q=1">?</a> <a href="#noi-dung">skip</a>
      <a href="https://phuong.example.vn/phuong/tin-tuc/">abs</a> <a href="//cdn.example.vn/x.js">cdn</a>
      <a href="/khac/">outside the base path</a> <a href="mailto:ubnd@example.vn">mail</a>
      <img src="/phuong/tin-tuc/a/anh.jpg" srcset="/phuong/tin-tuc/a/anh-800.jpg 800w, /phuong/tin-tuc/a/anh.jpg 1600w">
      <meta http-equiv="refresh" content="0; url=/phuong/tin-tuc/b/"><p>title=&quot; href=&quot;/phuong/&quot;</p>
      """
    #expect(
      RelativeLinks.rewrite(page, page: OutputPath("tin-tuc/a/index.html"), basePath: "/phuong/") == """
        <link rel="stylesheet" href="../../style.css"><a href="../../index.html">Trang chủ</a>
        <a href="../../tin-tuc/a/index.html#binh-luan">A</a> <a href="../../tim?q=1">?</a> <a href="#noi-dung">skip</a>
        <a href="https://phuong.example.vn/phuong/tin-tuc/">abs</a> <a href="//cdn.example.vn/x.js">cdn</a>
        <a href="/khac/">outside the base path</a> <a href="mailto:ubnd@example.vn">mail</a>
        <img src="../../tin-tuc/a/anh.jpg" srcset="../../tin-tuc/a/anh-800.jpg 800w, ../../tin-tuc/a/anh.jpg 1600w">
        <meta http-equiv="refresh" content="0; url=../../tin-tuc/b/index.html"><p>title=&quot; href=&quot;/phuong/&quot;</p>
        """)
    #expect(RelativeLinks.relative("/", up: "", basePath: "/") == "index.html")
    #expect(RelativeLinks.relative("/404.html", up: "../", basePath: "/") == "../404.html")
  }

  @Test("the whole portal, under a base path, opens from disk: every link and photo is a file of the output")
  func portalFromDisk() throws {
    let site = try Scratch()
    let portal = Repository.fixtures + "/portal"
    try FileManager.default.copyItem(atPath: portal + "/content", toPath: site.path + "/content")
    try FileManager.default.copyItem(atPath: portal + "/static", toPath: site.path + "/static")
    let settings = try String(contentsOfFile: portal + "/site.yml", encoding: .utf8)
    try site.write(
      "site.yml",
      settings.replacingOccurrences(of: "https://anhoa.example.vn/", with: "https://anhoa.example.vn/phuong/"))
    let run = try bantin(["build", "--relative-urls", "--source", site.path])
    #expect(run.status == 0, "\(run.errors)")
    let output = site.path + "/public"
    var checked = 0
    var problems: [String] = []
    for file in FileManager.default.subpaths(atPath: output) ?? [] where file.hasSuffix(".html") {
      let html = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
      var addresses = html.matches(of: #/ (?:href|src)="([^"]*)"/#).map { String($0.output.1) }
      addresses += html.matches(of: #/ url=([^"]*)"/#).map { String($0.output.1) }
      for set in html.matches(of: #/ srcset="([^"]*)"/#) {
        addresses += set.output.1.split(separator: ",").map { String($0.split(separator: " ")[0]) }
      }
      for address in addresses {
        if address.hasPrefix("https:") || address.hasPrefix("mailto:") || address.hasPrefix("tel:")
          || address.hasPrefix("#")
        {
          continue
        }
        let path = String(address.prefix { $0 != "#" && $0 != "?" })
        let target = URL(fileURLWithPath: output + "/" + file).deletingLastPathComponent()
          .appendingPathComponent(path.removingPercentEncoding ?? path).standardizedFileURL.path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        if address.hasPrefix("/") || !exists || isFolder.boolValue || !target.hasPrefix(output + "/") {
          problems.append("\(file): \(address)")
        }
        checked += 1
      }
    }
    #expect(problems == [])
    #expect(checked > 2000, "only \(checked) addresses")
  }
}
