import BantinCore
import BantinIO
import Foundation
import TestSupport
import Testing

/// A site with photos as editors bring them, built by the bantin executable.
@Suite("Photos on a site", .serialized)
struct PhotoSiteTests {
  static let article = """
    ---
    title: Hội nghị có ảnh
    date: 2024-01-12
    focus: 0.5,0.3
    ---
    Mở đầu.

    ![Toàn cảnh hội nghị](DSC_0001.JPG "Toàn cảnh")

    ![Đại biểu](xam.jpg)

    ![Biểu trưng](bieu-trung.png)

    """

  /// A 4000×3000 camera photo stored sideways with GPS, serial and owner; a grey
  /// photo; a CMYK photo (in another article); a PNG with transparency.
  static func site() throws -> Scratch {
    let site = try Scratch([
      "content/tin-tuc/_index.md": "---\ntitle: Tin tức\n---\n",
      "content/tin-tuc/hoi-nghi/index.md": article,
      "content/tin-tuc/in-an.md": "---\ntitle: In ấn\ndate: 2024-01-10\n---\n![Bản in](/images/cmyk.jpg)\n",
      "site.yml": "title: Phường thử\nbaseURL: https://phuong.example.vn/\n",
    ])
    try site.write("content/tin-tuc/hoi-nghi/DSC_0001.JPG", TestPhoto.bytes(width: 4000, height: 3000))
    #expect(try CameraTags.write(into: site.path + "/content/tin-tuc/hoi-nghi/DSC_0001.JPG").status == 0)
    try site.write("content/tin-tuc/hoi-nghi/xam.jpg", TestPhoto.bytes(width: 1000, height: 750, kind: 1))
    try site.write("content/tin-tuc/hoi-nghi/bieu-trung.png", TestPhoto.bytes(width: 300, height: 300, kind: 3))
    try site.write("content/images/cmyk.jpg", TestPhoto.bytes(width: 800, height: 600, kind: 2))
    return site
  }

  static func size(_ path: String) throws -> PixelSize {
    try Photos.probe(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).upright
  }

  @Test("published small, upright, sRGB and stripped; srcset files exist; every img has its size; crops at focus")
  func published() throws {
    let site = try Self.site()
    let run = try bantin(["build", "--source", site.path])
    #expect(run.status == 0, "\(run.errors)")
    let published = site.path + "/public"
    let files = site.snapshot("public")
    let folder = "tin-tuc/hoi-nghi/"
    let photos = files.keys.filter { $0.hasPrefix(folder) && !$0.hasSuffix(".html") }.sorted()
    #expect(
      photos
        == [
          "DSC_0001-1200x1200.jpg", "DSC_0001-1200x630.jpg", "DSC_0001-1200x675.jpg", "DSC_0001-1200x900.jpg",
          "DSC_0001-1600.jpg", "DSC_0001-1600.webp", "DSC_0001-480.jpg", "DSC_0001-480.webp", "DSC_0001-960.jpg",
          "DSC_0001-960.webp", "bieu-trung-300.png", "bieu-trung-300.webp", "xam-480.jpg", "xam-480.webp",
          "xam-960.jpg", "xam-960.webp",
        ].map { folder + $0 })
    // Upright: the sideways 4000×3000 is published 3000×4000's way up.
    #expect(try Self.size(published + "/" + folder + "DSC_0001-1600.jpg") == PixelSize(width: 1600, height: 2133))
    #expect(try Self.size(published + "/" + folder + "DSC_0001-1200x630.jpg") == PixelSize(width: 1200, height: 630))
    #expect(try Self.size(published + "/" + folder + "DSC_0001-1200x1200.jpg") == PixelSize(width: 1200, height: 1200))
    // No published file holds the camera's metadata, read by exiftool or searched as bytes.
    let forbidden = ["GPS", "Make", "Model", "Serial", "Owner", "Creator", "By-line", "XMP", "IPTC", "Orientation"]
    for (path, bytes) in files where !path.hasSuffix(".html") && !path.hasSuffix(".xml") {
      #expect(bytes.range(of: Data(CameraTags.serial.utf8)) == nil, "\(path)")
      #expect(bytes.range(of: Data(CameraTags.owner.utf8)) == nil, "\(path)")
      guard path.hasSuffix(".jpg") || path.hasSuffix(".webp") || path.hasSuffix(".png") else { continue }
      let tags = try CameraTags.read(published + "/" + path)
      #expect(!tags.isEmpty, "\(path)")
      #expect(tags.filter { tag in forbidden.contains { tag.contains($0) } } == [], "\(path)")
    }
    // Grey and CMYK come out with three sRGB channels.
    for path in [folder + "xam-960.jpg", "images/cmyk-800.jpg"] {
      let read = try runProcess("/usr/bin/exiftool", ["-s3", "-ColorComponents", published + "/" + path])
      #expect(read.output == "3\n", "\(path)")
    }
    let page = String(decoding: files[folder + "index.html"] ?? Data(), as: UTF8.self)
    // Every <img> has its size, every srcset and src a published file.
    let images = page.matches(of: /<img [^>]*>/).map { String($0.output) }
    #expect(images.count == 3)
    for image in images {
      #expect(image.contains(" width=\"") && image.contains(" height=\""), "\(image)")
    }
    let addresses = page.matches(of: /(?:src|srcset)="([^"]*)"/).flatMap {
      $0.output.1.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) }
    }
    #expect(addresses.count > 10)
    for address in addresses where address.hasPrefix("/") {
      #expect(files[String(address.dropFirst())] != nil, "\(address) is not published")
    }
    #expect(page.contains(#"width="1600" height="2133" fetchpriority="high">"#))
    #expect(page.components(separatedBy: #"loading="lazy""#).count - 1 == 2)
    #expect(
      page.contains(
        #"<meta property="og:image" content="https://phuong.example.vn/tin-tuc/hoi-nghi/DSC_0001-1200x630.jpg">"#))
    #expect(page.contains(#"<meta property="og:image:height" content="630">"#))
    #expect(page.contains(#""image":["https://phuong.example.vn/tin-tuc/hoi-nghi/DSC_0001-1200x675.jpg","#))
    let home = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
    #expect(home.contains(#"<img src="/tin-tuc/hoi-nghi/DSC_0001-960.jpg" srcset=""#))
  }

  @Test(
    "check advises shrinking camera photos; a damaged photo is an error and the site stays; prune removes what is unused"
  )
  func checkAndPrune() throws {
    let site = try Self.site()
    let check = try bantin(["check", "--source", site.path])
    #expect(check.status == 0, "\(check.errors)")
    #expect(
      check.errors.contains(
        "content/tin-tuc/hoi-nghi/DSC_0001.JPG: warning: is 4000×3000 pixels"))
    #expect(
      check.errors.contains("content/tin-tuc/in-an.md: warning: its photo gives link previews only 800×420 pixels"))
    #expect(try bantin(["build", "--source", site.path]).status == 0)
    let before = site.snapshot("public")

    // A truncated photo: an error naming it, and the published site byte for byte.
    let whole = try Data(contentsOf: URL(fileURLWithPath: site.path + "/content/tin-tuc/hoi-nghi/xam.jpg"))
    try site.write("content/tin-tuc/hoi-nghi/xam.jpg", whole.prefix(whole.count / 2))
    let broken = try bantin(["build", "--source", site.path])
    #expect(broken.status == 1)
    #expect(
      broken.errors.hasPrefix("content/tin-tuc/hoi-nghi/xam.jpg: error: cannot be read as a photo"), "\(broken.errors)")
    #expect(site.snapshot("public") == before)

    // The grey photo taken out: prune removes its results, keeps the others.
    try FileManager.default.removeItem(atPath: site.path + "/content/tin-tuc/hoi-nghi/xam.jpg")
    try site.replace("content/tin-tuc/hoi-nghi/index.md", "![Đại biểu](xam.jpg)\n", with: "")
    #expect(try bantin(["build", "--source", site.path]).status == 0)
    let store = site.path + "/.bantin-cache/.derived"
    let results = { try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.count == 32 }.sorted() }
    let made = try results()
    #expect(made.count == 6)  // 4 photos and 2 articles' crops (the truncated photo made nothing)
    let prune = try bantin(["cache", "prune", "--source", site.path])
    #expect(prune.status == 0, "\(prune.errors)")
    #expect(prune.output.hasPrefix("Removed 1 processed photo ("), "\(prune.output)")
    #expect(prune.output.hasSuffix("kept 5\n"))
    #expect(try results().count == 5)
    // What is kept is what the next build uses: nothing is made again.
    let kept = try results()
    #expect(try bantin(["build", "--source", site.path]).status == 0)
    #expect(try results() == kept)
    #expect(try bantin(["cache", "prune", "--source", site.path]).output.hasPrefix("Removed 0 processed photos"))
  }

  @Test("the logo becomes the masthead's emblem, the favicon and the touch icons; a missing logo is an error")
  func logo() throws {
    let site = try Scratch([
      "content/tin-tuc/a.md": "---\ntitle: A\ndate: 2024-01-12\n---\nA.\n",
      "site.yml": "title: Phường thử\nbaseURL: https://phuong.example.vn/\ntheme:\n  logo: static/logo.png\n",
    ])
    try site.write("static/logo.png", TestPhoto.bytes(width: 600, height: 300, kind: 3))
    let run = try bantin(["build", "--source", site.path])
    #expect(run.status == 0, "\(run.errors)")
    let published = site.path + "/public/"
    #expect(try Self.size(published + "icons/emblem.png") == PixelSize(width: 192, height: 96))
    for (path, side) in [
      ("icons/icon-32.png", 32), ("apple-touch-icon.png", 180), ("icons/icon-192.png", 192),
      ("icons/icon-512.png", 512),
    ] {
      #expect(try Self.size(published + path) == PixelSize(width: side, height: side), "\(path)")
    }
    let icon = try Data(contentsOf: URL(fileURLWithPath: published + "favicon.ico"))
    #expect(Array(icon.prefix(8)) == [0, 0, 1, 0, 1, 0, 32, 32])
    #expect(icon.dropFirst(22).starts(with: [0x89, 0x50, 0x4E, 0x47]))  // the PNG inside
    let home = try String(contentsOfFile: published + "index.html", encoding: .utf8)
    #expect(home.contains("<img class=\"brand__logo\" src=\"/icons/emblem.png\" width=\"96\" height=\"48\" alt=\"\">"))
    #expect(home.contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"))
    #expect(!home.contains("brand__emblem"))

    try site.write(
      "site.yml", "title: Phường thử\nbaseURL: https://phuong.example.vn/\ntheme:\n  logo: static/bieu-trung.png\n")
    let missing = try bantin(["build", "--source", site.path])
    #expect(missing.status == 1)
    #expect(
      missing.errors.contains(
        "site.yml:4:9: error: the logo static/bieu-trung.png is not a file of the site: put the image there, or correct 'logo:'\n"
      ), "\(missing.errors)")
  }
}
