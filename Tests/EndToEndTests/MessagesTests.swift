import BantinCore
import Foundation
import TestSupport
import Testing

/// bantin speaks Vietnamese to a Vietnamese site's editors, English to operators
/// who ask for it, from one catalogue (`Say` in Messages.swift).
@Suite("Messages in Vietnamese and English")
struct MessagesTests {
  static let site: [String: String] = [
    "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
    "content/tin-tuc/a.md": "---\ndate: 2024-01-12\ntilte: Hội nghị\n---\n![](anh.jpg)\n\n[Xem](/khong-co/)\n",
    "site.yml": "baseURL: https://phuong.example.vn/\n",
  ]

  @Test("a vi site's build speaks Vietnamese: lỗi and cảnh báo, what to write, the summary line")
  func vietnameseBuild() throws {
    let site = try Scratch(Self.site)
    try site.write("content/tin-tuc/anh.jpg", TestPhoto.bytes())
    let run = try bantin(["build", "--source", site.path], language: "")
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/tin-tuc/a.md:1:1: lỗi: phần thông tin chưa có tiêu đề 'title': thêm một dòng như 'title: "Hội nghị tổng kết năm 2023"'
        content/tin-tuc/a.md:3:1: cảnh báo: bantin không biết mục 'tilte' của phần thông tin: có phải bạn muốn viết 'title'?
        content/tin-tuc/a.md:5:1: cảnh báo: ảnh chưa có mô tả: hãy tả ảnh cho người không xem được, như ![Toàn cảnh hội nghị](anh.jpg)
        bantin: 1 lỗi; \(site.path)/public không thay đổi

        """)
    // --lang en, and BANTIN_LANG=en, for operators.
    let english = try bantin(["build", "--source", site.path, "--lang", "en"], language: "")
    #expect(english.errors.hasPrefix("content/tin-tuc/a.md:1:1: error: front matter has no 'title'"))
    #expect(english.errors.hasSuffix("bantin: 1 error; \(site.path)/public is unchanged\n"))
    let environment = try bantin(["build", "--source", site.path], language: "en")
    #expect(environment.errors == english.errors)
    #expect(try bantin(["build", "--source", site.path, "--lang", "fr"]).status == 64)
  }

  @Test("check speaks Vietnamese: the broken link, the missing alt text and the counts")
  func vietnameseCheck() throws {
    let site = try Scratch(Self.site)
    try site.write("content/tin-tuc/anh.jpg", TestPhoto.bytes())
    try site.write(
      "content/tin-tuc/a.md", "---\ntitle: Tin A\ndate: 2024-01-12\n---\n![](anh.jpg)\n\n[Xem](/khong-co/)\n")
    let run = try bantin(["check", "--source", site.path], language: "vi")
    #expect(
      run.errors == """
        content/tin-tuc/a.md: cảnh báo: ảnh của bài chỉ cho ảnh xem trước 120×63 điểm ảnh: Facebook và Zalo hiện rõ ảnh từ 1200×630 trở lên; hãy chọn ảnh rộng ít nhất 1200 điểm ảnh (mục image: trong phần thông tin)
        content/tin-tuc/a.md:5:1: cảnh báo: ảnh chưa có mô tả: hãy tả ảnh cho người không xem được, như ![Toàn cảnh hội nghị](anh.jpg)
        content/tin-tuc/a.md:7:1: lỗi: liên kết đến /khong-co/ bị hỏng: trang không có địa chỉ này

        """)
    #expect(run.output.hasSuffix("Đã kiểm tra \(site.path): 11 trang, 1 lỗi, 2 cảnh báo\n"), "\(run.output)")
  }

  @Test("a warning kept in the build cache is said in Vietnamese again")
  func cachedWarning() throws {
    var files = Self.site
    files["content/tin-tuc/a.md"] = "---\ntitle: Tin A\ndate: 2024-01-12\n---\n![](anh.jpg)\n"
    let site = try Scratch(files)
    try site.write("content/tin-tuc/anh.jpg", TestPhoto.bytes())
    try site.write("content/tin-tuc/b.md", "---\ntitle: Tin B\ndate: 2024-01-13\n---\nB.\n")
    let first = try bantin(["build", "--source", site.path], language: "")
    #expect(first.status == 0)
    #expect(
      first.errors
        == "content/tin-tuc/a.md:5:1: cảnh báo: ảnh chưa có mô tả: hãy tả ảnh cho người không xem được, như ![Toàn cảnh hội nghị](anh.jpg)\n"
    )
    try site.write("content/tin-tuc/b.md", "---\ntitle: Tin B\ndate: 2024-01-13\n---\nB đã sửa.\n")
    let second = try bantin(["build", "--source", site.path], language: "")
    #expect(second.errors == first.errors)
    #expect(second.output.contains("1 tệp không đổi") || second.output.contains("tệp không đổi"), "\(second.output)")
  }

  @Test("an English site speaks English without being asked")
  func englishSite() throws {
    var files = Self.site
    files["site.yml"] = "baseURL: https://phuong.example.vn/\nlanguage: en\n"
    let site = try Scratch(files)
    try site.write("content/tin-tuc/anh.jpg", TestPhoto.bytes())
    let run = try bantin(["build", "--source", site.path], language: "")
    #expect(run.errors.hasPrefix("content/tin-tuc/a.md:1:1: error: front matter has no 'title'"), "\(run.errors)")
  }

  @Test("a photo libvips cannot read, a template's mistake, a broken alias and a file link outside: in Vietnamese")
  func vietnameseFilesAndTemplates() throws {
    var files = Self.site
    files["content/tin-tuc/a.md"] =
      "---\ntitle: Tin A\ndate: 2024-01-12\naliases: [tin-cu/a]\n---\n![Hội nghị](anh.jpg)\n"
    files["templates/article.mustache"] = "<h1>{{article.title}}</h1>\n{{#article.tags}}\n<p>{{name}}</p>\n"
    let site = try Scratch(files)
    try site.write("content/tin-tuc/anh.jpg", "not a photo")
    try FileManager.default.createSymbolicLink(
      atPath: site.path + "/content/mat-khau.txt", withDestinationPath: "/etc/passwd")
    let run = try bantin(["build", "--source", site.path], language: "")
    #expect(run.status == 1)
    #expect(
      run.errors == """
        content/mat-khau.txt: lỗi: là liên kết đến một nơi ngoài thư mục trang: bantin không đọc tệp ngoài trang; hãy chép tệp vào trang
        content/tin-tuc/a.md:4:11: lỗi: địa chỉ cũ (alias) 'tin-cu/a' phải là một đường dẫn của trang này, bắt đầu bằng '/', như /tin-cu/hoi-nghi/
        content/tin-tuc/anh.jpg: lỗi: không phải là ảnh JPEG, PNG hay WebP mà bantin đọc được: hãy mở ảnh bằng một trình xem ảnh rồi lưu lại thành JPEG (thư viện ảnh libvips báo: VipsForeignLoad: buffer is not in a known format)
        templates/article.mustache:2:1: lỗi: lỗi mẫu trang: {{#article.tags}} được mở nhưng không bao giờ đóng: hãy viết {{/article.tags}} ở chỗ nó kết thúc
        bantin: 4 lỗi; \(site.path)/public không thay đổi

        """)
    let english = try bantin(["build", "--source", site.path, "--lang", "en"], language: "")
    #expect(
      english.errors.contains(
        "content/tin-tuc/anh.jpg: error: is not a JPEG, PNG or WebP photo bantin can read: VipsForeignLoad: buffer is not in a known format\n"
      ), "\(english.errors)")
    #expect(
      english.errors.contains(
        "templates/article.mustache:2:1: error: template error: {{#article.tags}} is opened but never closed: write {{/article.tags}} where it ends\n"
      ), "\(english.errors)")
  }

  @Test("--help and the argument parser's own errors speak the site's language")
  func help() throws {
    let site = try Scratch(Self.site)
    let help = try bantin(["new", "--help", "--source", site.path], language: "")
    #expect(help.status == 0)
    for line in [
      "TỔNG QUAN: Tạo một bài nháp mới (một thư mục bài) và in ra đường dẫn của nó.",
      "CÁCH DÙNG: bantin new <title> [--section <section>] [--source <dir>]",
      "  <title>                 Tiêu đề của bài, đặt trong ngoặc kép.",
      "  --source <dir>          Thư mục của trang, chứa content/. (mặc định: .)",
      "  -h, --help              Hiện hướng dẫn này.",
    ] {
      #expect(help.output.contains(line + "\n"), "\(line)")
    }
    let english = try bantin(["new", "--help", "--source", site.path, "--lang", "en"], language: "")
    #expect(english.output.hasPrefix("OVERVIEW: Create a new draft article as a page bundle and print its path.\n"))
    let wrong = try bantin(["build", "--source", site.path, "--bogus"], language: "")
    #expect(wrong.status == 64)
    #expect(wrong.errors.hasPrefix("Lỗi: Không có tùy chọn '--bogus'\nCách dùng: bantin build [--source <dir>]"))
    #expect(wrong.errors.hasSuffix("  Xem 'bantin build --help' để biết thêm.\n"))
    let port = try bantin(["serve", "--source", site.path, "--port", "70000"], language: "")
    #expect(port.errors.hasPrefix("Lỗi: --port phải từ 0 đến 65535\n"))
    let untitled = try bantin(["new", "!!!", "--source", site.path], language: "")
    #expect(untitled.errors.hasPrefix("Lỗi: tiêu đề '!!!' không có chữ hay số nào để làm địa chỉ của bài\n"))
    let section = try bantin(["new", "Hội nghị", "--section", "thong-bao", "--source", site.path], language: "")
    #expect(
      section.errors
        == "bantin: lỗi: không có chuyên mục 'thong-bao' trong \(site.path)/content (đang có: tin-tuc): hãy tạo content/thong-bao/_index.md với tiêu đề của chuyên mục trước\n"
    )
  }

  @Test("every message of the catalogue is written in both languages, and the two differ")
  func catalogue() throws {
    let folder = Repository.root + "/Sources/BantinCore/Diagnostics"
    let files =
      ["Messages.swift"]
      + (try FileManager.default.contentsOfDirectory(atPath: folder + "/Catalogue")).sorted().map { "Catalogue/" + $0 }
    let source = try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
    // Each `Message(` of the catalogue: its Vietnamese, then its English.
    let pairs = source.matches(of: #/Message\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\s*\)/#)
    #expect(pairs.count > 40)
    for pair in pairs {
      let (vietnamese, english) = (String(pair.output.1), String(pair.output.2))
      #expect(!vietnamese.isEmpty && !english.isEmpty, "\(english)")
      if english != "site.yml" { #expect(vietnamese != english, "said in English only: \(english)") }
    }
    // A message is made only there.
    let sources = FileManager.default.enumerator(atPath: Repository.root + "/Sources")
    while let path = sources?.nextObject() as? String {
      guard path.hasSuffix(".swift"), !path.hasPrefix("BantinCore/Diagnostics/") else { continue }
      let text = try String(contentsOfFile: Repository.root + "/Sources/" + path, encoding: .utf8)
      #expect(text.firstMatch(of: #/[^A-Za-z.]Message\(/#) == nil, "a message made outside the catalogue: \(path)")
    }
  }
}
