import BantinCore
import Foundation
import TestSupport
import Testing

/// A new editor's first steps: a site in one command, built and checked at once.
@Suite("bantin init and theme export")
struct InitTests {
  @Test(
    "init writes a site that builds and checks clean, with a photo, a guide and a .gitignore; refuses a full folder")
  func initSite() throws {
    let scratch = try Scratch()
    let folder = scratch.path + "/phuong-moi"
    let run = try bantin(["init", folder])
    #expect(run.status == 0, "\(run.errors)")
    #expect(
      run.output
        == "Created a site in \(folder): 8 files\nNext: cd \(folder) && bantin serve   (then read HUONG-DAN.md)\n")
    #expect(
      scratch.snapshot("phuong-moi").keys.sorted() == [
        ".gitignore", "HUONG-DAN.md", "content/_index.md", "content/tin-tuc/_index.md",
        "content/tin-tuc/chao-mung/anh-hoi-truong.jpg", "content/tin-tuc/chao-mung/index.md", "data/viet-tat.yml",
        "site.yml",
      ])
    let gitignore = try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8)
    #expect(gitignore.contains("\npublic/\n.bantin-cache/\n"))
    // Every key of site.yml is there, commented in Vietnamese.
    let settings = try String(contentsOfFile: folder + "/site.yml", encoding: .utf8)
    for key in SiteConfig.knownKeys { #expect(settings.contains("\(key):"), "\(key)") }
    let check = try bantin(["check"], in: folder)
    #expect(check.status == 0)
    #expect(check.errors == "")
    #expect(check.output.hasSuffix(": 14 pages, 0 errors, 0 warnings\n"), "\(check.output)")
    let build = try bantin(["build"], in: folder)
    #expect(build.status == 0, "\(build.errors)")
    let article = try String(
      contentsOfFile: folder + "/public/tin-tuc/chao-mung/index.html", encoding: .utf8)
    #expect(article.contains("<figcaption>Toàn cảnh hội trường (ảnh minh hoạ)</figcaption>"))
    #expect(article.contains("<abbr title=\"Ủy ban nhân dân\">UBND</abbr>"))

    let again = try bantin(["init", folder])
    #expect(again.status == 1)
    #expect(
      again.errors.hasPrefix(
        "bantin: error: \(folder) is not empty (.bantin-cache, .gitignore, HUONG-DAN.md, content, data, …): choose an empty folder, or add --force"
      ))
  }

  @Test("init in Vietnamese, into a folder whose name needs quoting for the shell")
  func initVietnamese() throws {
    let scratch = try Scratch()
    let folder = scratch.path + "/trang mới"
    let run = try bantin(["init", folder], language: "vi")
    #expect(run.status == 0, "\(run.errors)")
    #expect(
      run.output
        == "Đã tạo trang trong \(folder): 8 tệp\nTiếp theo: cd '\(folder)' && bantin serve   (rồi đọc HUONG-DAN.md)\n")
    let again = try bantin(["init", folder], language: "vi")
    #expect(
      again.errors
        == "bantin: lỗi: \(folder) không trống (.gitignore, HUONG-DAN.md, content, data, site.yml): hãy chọn một thư mục trống, hoặc thêm --force để ghi các tệp của trang mới bên cạnh\n"
    )
  }

  @Test("theme export writes the default theme, byte for byte, and never over a file without --force")
  func exportTheme() throws {
    let scratch = try Scratch()
    let run = try bantin(["theme", "export"], in: scratch.path)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output == "Wrote the default theme to templates: \(StarterSite.themeFiles.count) files\n")
    let written = scratch.snapshot("templates")
    #expect(written.keys.sorted() == StarterSite.themeFiles.map(\.path))
    for file in StarterSite.themeFiles { #expect(written[file.path] == Data(file.bytes), "\(file.path)") }
    try scratch.write("templates/style.css", "body { color: red; }\n")
    let again = try bantin(["theme", "export"], in: scratch.path)
    #expect(again.status == 1)
    #expect(again.errors.contains("nothing was written (--force replaces them)"))
    #expect(
      try String(contentsOfFile: scratch.path + "/templates/style.css", encoding: .utf8) == "body { color: red; }\n")
    #expect(try bantin(["theme", "export", "--force"], in: scratch.path).status == 0)
  }
}

@Suite("The editors' guide")
struct GuideTests {
  @Test("HUONG-DAN.md of the repository is the guide bantin init writes")
  func sameGuide() throws {
    let guide = try String(contentsOfFile: Repository.root + "/HUONG-DAN.md", encoding: .utf8)
    #expect(StarterSite.files(date: "2024-01-12").first { $0.path == "HUONG-DAN.md" }?.text == guide)
  }
}

@Suite("bantin version and completion")
struct VersionTests {
  @Test("version names bantin's version, the commit (unknown outside make release) and the libraries")
  func version() throws {
    let run = try bantin(["version"])
    #expect(run.status == 0)
    let lines = run.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first == "bantin \(BantinCore.version)")
    // The tests' binary is a debug build: `make release` writes the commit.
    #expect(lines[1] == "commit unknown (built without make release)")
    #expect(lines[2].wholeMatch(of: /libcmark 0\.\d+\.\d+, libvips 8\.\d+\.\d+/) != nil, "\(lines)")
    let vietnamese = try bantin(["version"], language: "vi").output.split(separator: "\n").map(String.init)
    #expect(vietnamese[1] == "không rõ commit (không dựng bằng make release)")
  }

  @Test("bash completion lists the commands")
  func completion() throws {
    let run = try bantin(["--generate-completion-script", "bash"])
    #expect(run.status == 0)
    for command in ["build", "check", "init", "new", "serve", "theme", "version", "releases", "rollback"] {
      #expect(run.output.contains(command), "\(command)")
    }
  }
}

@Suite("The progress line")
struct ProgressLineTests {
  /// `bantin` under a pseudo-terminal (`script`), as an editor runs it; what the
  /// terminal received, standard output and error together.
  func onTerminal(_ arguments: [String], in folder: String) throws -> String {
    let command = ([Repository.binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
    return try runProcess("/usr/bin/script", ["-qefc", command, "/dev/null"], in: folder, language: "").output
  }

  @Test("on a terminal a build shows its stages on one line, overwritten and cleared; --quiet and pipes show none")
  func progress() throws {
    let site = try Scratch([
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/a.md": TestSite.article(), "content/tin-tuc/b.md": TestSite.article(title: "Tin B"),
      "site.yml": "baseURL: https://phuong.example.vn/\n",
    ])
    let shown = try onTerminal(["build"], in: site.path)
    #expect(shown.contains("\r\u{1B}[2Kbantin: đọc bài viết 0/3 tệp"), "\(shown.debugDescription)")
    #expect(shown.contains("\r\u{1B}[2Kbantin: đọc bài viết 3/3 tệp"))
    #expect(shown.contains("\r\u{1B}[2Kbantin: ghi trang "))
    // Cleared before the summary: nothing of the line is left in front of it.
    #expect(shown.contains("\r\u{1B}[2KĐã dựng ./public trong "), "\(shown.debugDescription)")
    let quiet = try onTerminal(["build", "--quiet"], in: site.path)
    #expect(quiet == "")
    let piped = try bantin(["build", "--no-cache"], in: site.path)
    #expect(!piped.errors.contains("\u{1B}") && !piped.output.contains("\u{1B}"))
    #expect(piped.output.hasPrefix("Built ./public in "), "\(piped.output)")
  }
}
