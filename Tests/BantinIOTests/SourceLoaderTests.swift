import BantinCore
import BantinIO
import Foundation
import TestSupport
import Testing

@Suite("Loading a site folder")
struct SourceLoaderTests {
  /// A 3×2 PNG and a 5×4 JPEG, drawn by hand.
  static let png = Data(
    base64Encoded:
      "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAFUlEQVR4nGNkZGJmYGBgYGBgYoABAACmAAoB3mgvAAAAAElFTkSuQmCC")!
  static let jpeg = Data(
    base64Encoded:
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAAEAAUBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AODr/9k="
  )!

  @Test("text, photo sizes, and ignored dotfiles and editor backups")
  func loads() throws {
    let scratch = try Scratch()
    try scratch.write("content/tin/a.md", "---\ntitle: A\n---\n")
    try scratch.write("content/tin/anh.png", Self.png)
    try scratch.write("content/tin/anh.jpg", Self.jpeg)
    try scratch.write("content/tin/.env", "SECRET=1")
    try scratch.write("content/tin/a.md~", "backup")
    try scratch.write("content/tin/.a.md.swp", "swap")
    try scratch.write("content/.git/config", "x")
    try scratch.write("templates/base.mustache", "{{site.title}}")
    try scratch.write("site.yml", "title: X\n")
    try scratch.write("README.md", "not part of the site")
    let (tree, problems) = SourceTree.load(root: scratch.path)
    #expect(problems.isEmpty)
    #expect(
      tree.files.keys.map(\.rawValue).sorted() == [
        "content/tin/a.md", "content/tin/anh.jpg", "content/tin/anh.png", "site.yml", "templates/base.mustache",
      ])
    guard case .asset(let png) = tree["content/tin/anh.png"]?.content,
      case .asset(let jpeg) = tree["content/tin/anh.jpg"]?.content,
      case .text(let markdown) = tree["content/tin/a.md"]?.content
    else { throw TestFailure("wrong kinds") }
    #expect(png.pixelSize == PixelSize(width: 3, height: 2))
    #expect(jpeg.pixelSize == PixelSize(width: 5, height: 4))
    #expect(markdown == Array("---\ntitle: A\n---\n".utf8))
  }

  @Test("a link that leads outside the site folder is an error")
  func symlinkOutside() throws {
    let scratch = try Scratch()
    try scratch.write("site/content/a.md", "x")
    try scratch.write("secret.txt", "mật")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/site/content/secret.txt", withDestinationPath: scratch.path + "/secret.txt")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/site/content/inside.md", withDestinationPath: scratch.path + "/site/content/a.md")
    let (tree, problems) = SourceTree.load(root: scratch.path + "/site")
    #expect(problems.map(\.description) == ["content/secret.txt: error: is a link to a place outside the site folder"])
    #expect(
      problems.map { $0.text(.vietnamese) } == [
        "content/secret.txt: lỗi: là liên kết đến một nơi ngoài thư mục trang: bantin không đọc tệp ngoài trang; hãy chép tệp vào trang"
      ])
    #expect(tree.files.keys.map(\.rawValue).sorted() == ["content/a.md", "content/inside.md"])
  }

  @Test("a folder without content/ says what a site folder holds")
  func noContent() throws {
    let scratch = try Scratch()
    let (_, problems) = SourceTree.load(root: scratch.path)
    #expect(
      problems.map(\.description) == [
        "error: \(scratch.path) has no content/ folder: a site folder holds content/, and optionally templates/, static/, data/ and site.yml (`bantin init` writes a new one)"
      ])
    #expect(
      problems.map { $0.text(.vietnamese) } == [
        "lỗi: \(scratch.path) không có thư mục content/: thư mục của trang chứa content/, và có thể có templates/, static/, data/ và site.yml (lệnh 'bantin init' tạo sẵn một trang mẫu)"
      ])
  }
}
