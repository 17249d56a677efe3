import Foundation
import TestSupport
import Testing

/// Links and names in a site folder that a hostile push could hold: nothing is read
/// from outside the site or from a place never published, and every such file is an
/// error that names it, printed so that it cannot act on a terminal.
@Suite("What a site folder may point at")
struct ContainmentTests {
  static let article = "---\ntitle: Tin A\ndate: 2024-01-12\n---\nNội dung.\n"

  func site() throws -> Scratch {
    let site = try Scratch([
      "site/content/tin-tuc/a.md": Self.article, "site/content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "site/site.yml": "baseURL: https://phuong.example.vn/\n",
      "site/.env": "MAT_KHAU=bi-mat-env\n", "site/.git/config": "[remote] url = bi-mat-git\n",
      "ngoai.yml": "title: bi-mat-ngoai\n",
    ])
    #expect(try bantin(["build"], in: site.path + "/site").status == 0)
    return site
  }

  func link(_ target: String, at path: String, in site: Scratch) throws {
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: site.path + "/" + path).deletingLastPathComponent().path,
      withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: site.path + "/" + path, withDestinationPath: target)
  }

  /// Builds, and checks that nothing was published and no secret was printed or published.
  func refused(_ site: Scratch, before: [String: Data]) throws -> String {
    let run = try bantin(["build"], in: site.path + "/site")
    #expect(run.status == 1)
    #expect(site.snapshot("site/public") == before)
    for secret in ["bi-mat-env", "bi-mat-git", "bi-mat-ngoai"] {
      #expect(!run.errors.contains(secret) && !run.output.contains(secret))
    }
    return run.errors
  }

  @Test("site.yml as a link to a file outside the site is refused, and its values are never read")
  func configLink() throws {
    let site = try site()
    let before = site.snapshot("site/public")
    try FileManager.default.removeItem(atPath: site.path + "/site/site.yml")
    try link("../ngoai.yml", at: "site/site.yml", in: site)
    #expect(
      try refused(site, before: before) == """
        site.yml: warning: has no baseURL such as https://bachong.example.vn/: feeds, sitemap.xml and social cards need absolute addresses and are not written
        site.yml: error: is a link to a place outside the site folder
        bantin: 1 error; ./public is unchanged

        """)
  }

  @Test("links to dotfiles, dot-folders and places bantin does not read are refused; a link between photos works")
  func linksInside() throws {
    let site = try site()
    let before = site.snapshot("site/public")
    try link("../.env", at: "site/content/env.txt", in: site)
    try link("../../.git", at: "site/content/dots/g", in: site)
    try link("../public", at: "site/static/ban-cu", in: site)
    try link("../..", at: "site/content/tin-tuc/vong", in: site)
    try link("../../ngoai.yml", at: "site/static/ngoai.yml", in: site)
    #expect(
      try refused(site, before: before) == """
        content/dots/g: error: is a link to .git, and bantin never publishes '.git' (a dotfile or an editor's backup), by its name or through a link
        content/env.txt: error: is a link to .env, and bantin never publishes '.env' (a dotfile or an editor's backup), by its name or through a link
        content/tin-tuc/vong: error: is a link to the site folder itself, which is not in content/, templates/ or static/: only those are read
        static/ban-cu: error: is a link to public, which is not in content/, templates/ or static/: only those are read
        static/ngoai.yml: error: is a link to a place outside the site folder
        bantin: 5 errors; ./public is unchanged

        """)
  }

  @Test("a photo linked from another folder of the site is published")
  func allowedLink() throws {
    let site = try site()
    try site.write("site/static/anh/logo.png", TestPhoto.bytes(kind: 3))
    try link("../../static/anh/logo.png", at: "site/content/tin-tuc/logo.png", in: site)
    let run = try bantin(["build"], in: site.path + "/site")
    #expect(run.status == 0, "\(run.errors)")
    let published = site.snapshot("site/public")
    #expect(published["tin-tuc/logo-120.png"]?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
    #expect(published["tin-tuc/logo-120.webp"]?.starts(with: Array("RIFF".utf8)) == true)
    #expect(published["anh/logo.png"] == TestPhoto.bytes(kind: 3))  // static/: as it is
  }

  @Test("file names with control characters or bytes that are not UTF-8 are refused, shown with escapes")
  func hostileNames() throws {
    let site = try site()
    let before = site.snapshot("site/public")
    try site.write("site/content/tin-tuc/xin\nchao.md", Self.article)
    try site.write("site/static/\u{1B}]0;bi-mat\u{07}.txt", "x")
    try site.write("site/static/anh\u{202E}gnp.exe", "x")
    let raw = Array((site.path + "/site/content/tin-tuc/").utf8) + [0x62, 0xE0, 0x69, 0x2E, 0x6D, 0x64, 0]
    let descriptor = raw.withUnsafeBufferPointer {
      $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    #expect(descriptor >= 0)
    close(descriptor)
    let errors = try refused(site, before: before)
    #expect(
      errors == """
        content/tin-tuc/b\\xE0i.md: error: the file name is not UTF-8 text (the bytes shown as \\x..): rename it in letters, digits and hyphens
        content/tin-tuc/xin\\nchao.md: error: the file name holds a control character (\\n): rename it in letters, digits and hyphens
        static/\\u{1B}]0;bi-mat\\u{7}.txt: error: the file name holds a control character (\\u{1B}): rename it in letters, digits and hyphens
        static/anh\\u{202E}gnp.exe: error: the file name holds a control character (\\u{202E}): rename it in letters, digits and hyphens
        bantin: 4 errors; ./public is unchanged

        """)
    #expect(!errors.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
  }
}
