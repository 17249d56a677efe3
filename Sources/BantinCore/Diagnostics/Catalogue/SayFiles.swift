/// What bantin says about the files and folders of a site: reading them, links in
/// the folder, names, the file kinds it publishes, and the photos it processes.
/// Most of these follow a file's name, so the English reads "<file>: is …".
extension Say {
  // MARK: - The site folder

  public static func noSiteFolder(_ root: String) -> Message {
    Message(
      "không có thư mục trang \(root): hãy kiểm tra đường dẫn sau --source",
      "the site folder \(root) does not exist")
  }
  public static func noContentFolder(_ root: String) -> Message {
    Message(
      "\(root) không có thư mục content/: thư mục của trang chứa content/, và có thể có templates/, static/, data/ và site.yml (lệnh 'bantin init' tạo sẵn một trang mẫu)",
      "\(root) has no content/ folder: a site folder holds content/, and optionally templates/, static/, data/ and site.yml (`bantin init` writes a new one)"
    )
  }

  // MARK: - Reading a file

  public static let unreadable = Message("không đọc được tệp này", "cannot be read")
  public static func unreadable(_ detail: String) -> Message {
    Message("không đọc được tệp này (\(detail))", "cannot be read: \(detail)")
  }
  public static let notRead = Message(
    "chưa đọc được nội dung của tệp này: hãy dựng lại", "the text of this file was not read")
  public static let notAFile = Message(
    "không phải là một tệp bình thường: hãy thay bằng một tệp", "is not a regular file")
  public static let notAFolder = Message("không phải là một thư mục", "is not a folder")
  public static let nulByte = Message(
    "tệp có ký tự NUL (byte 0), không phải là văn bản: hãy lưu lại tệp dưới dạng văn bản UTF-8",
    "the file contains a NUL byte")
  public static func notUTF8(byte hex: String) -> Message {
    Message(
      "tệp không phải là văn bản UTF-8 (byte 0x\(hex)): hãy lưu lại tệp với bảng mã UTF-8 (trong Word hoặc Notepad: Lưu thành…, Mã hóa: UTF-8)",
      "the file is not valid UTF-8 (byte 0x\(hex)); save it as UTF-8")
  }
  public static func tooLargeToCheck(mebibytes: Int) -> Message {
    Message(
      "tệp lớn hơn \(mebibytes) MiB, quá lớn để kiểm tra rằng nó không chứa mã chạy được",
      "is larger than \(mebibytes) MiB, too large to check that it runs no script")
  }

  // MARK: - Links in the site folder

  public static let brokenFileLink = Message(
    "là liên kết (symlink) đến một tệp không còn tồn tại", "is a link to a file that does not exist")
  public static let linkToSiteFolder = Message(
    "là liên kết đến chính thư mục trang, không nằm trong content/, templates/ hay static/: bantin chỉ đọc các thư mục đó",
    "is a link to the site folder itself, which is not in content/, templates/ or static/: only those are read")
  public static let linkOutside = Message(
    "là liên kết đến một nơi ngoài thư mục trang: bantin không đọc tệp ngoài trang; hãy chép tệp vào trang",
    "is a link to a place outside the site folder")
  public static func linkToHidden(_ inside: String, _ hidden: String) -> Message {
    Message(
      "là liên kết đến \(inside), và bantin không bao giờ đăng '\(hidden)' (tệp ẩn hoặc tệp sao lưu của trình soạn thảo), dù bằng tên hay qua liên kết",
      "is a link to \(inside), and bantin never publishes '\(hidden)' (a dotfile or an editor's backup), by its name or through a link"
    )
  }
  public static func linkNotRead(_ inside: String) -> Message {
    Message(
      "là liên kết đến \(inside), không nằm trong content/, templates/ hay static/: bantin chỉ đọc các thư mục đó",
      "is a link to \(inside), which is not in content/, templates/ or static/: only those are read")
  }

  // MARK: - Names

  public static let nameNotUTF8 = Message(
    "tên tệp không phải là văn bản UTF-8 (các byte hiện dạng \\x..): hãy đặt lại tên bằng chữ không dấu, số và dấu gạch ngang",
    "the file name is not UTF-8 text (the bytes shown as \\x..): rename it in letters, digits and hyphens")
  public static func nameHasControl(_ shown: String) -> Message {
    Message(
      "tên tệp có ký tự điều khiển (\(shown)): hãy đặt lại tên bằng chữ không dấu, số và dấu gạch ngang",
      "the file name holds a control character (\(shown)): rename it in letters, digits and hyphens")
  }
  public static let twoUnicodeForms = Message(
    "có hai tệp cùng tên này, viết theo hai dạng Unicode (NFC và NFD): hãy giữ một tệp, hoặc đổi tên một tệp",
    "two files have this name, written in two Unicode forms (NFC and NFD): keep one, or rename one")
  public static func publishedTwice(_ output: String, _ earlier: String) -> Message {
    Message(
      "được đăng tại /\(output), giống như \(earlier): hãy đổi tên một trong hai tệp",
      "is published at /\(output), as \(earlier) is: rename one of them")
  }
  public static func writtenTwice(_ path: String, _ earlier: Message, _ origin: Message) -> Message {
    Message(
      "/\(path) sẽ được ghi hai lần: cho \(earlier.vietnamese) và cho \(origin.vietnamese)",
      "/\(path) would be written twice: for \(earlier.english) and for \(origin.english)")
  }
  public static func differOnlyInCapitals(_ first: String, _ earlier: Message, _ second: String, _ origin: Message)
    -> Message
  {
    Message(
      "/\(first) (của \(earlier.vietnamese)) và /\(second) (của \(origin.vietnamese)) chỉ khác nhau ở chữ hoa, chữ thường: máy chủ web hoặc máy tính không phân biệt chữ hoa (Windows, macOS) sẽ chỉ hiện một trang cho cả hai; hãy đổi tên một trong hai",
      "/\(first) (for \(earlier.english)) and /\(second) (for \(origin.english)) differ only in capitals: a web server or computer that does not tell capitals apart (Windows, macOS) would show one for both; rename one"
    )
  }
  public static func fileAndFolder(_ folder: String, _ earlier: Message, _ origin: Message) -> Message {
    Message(
      "/\(folder) được ghi thành một tệp cho \(earlier.vietnamese) và thành một thư mục cho \(origin.vietnamese)",
      "/\(folder) is written as a file for \(earlier.english) and as a folder for \(origin.english)")
  }
  public static func fileAndFolderInCapitals(_ file: String, _ earlier: Message, _ folder: String, _ origin: Message)
    -> Message
  {
    Message(
      "/\(file) được ghi thành một tệp cho \(earlier.vietnamese) và /\(folder) thành một thư mục cho \(origin.vietnamese): hai tên chỉ khác nhau ở chữ hoa, chữ thường, mà một số máy chủ web và máy tính không phân biệt",
      "/\(file) is written as a file for \(earlier.english) and /\(folder) as a folder for \(origin.english): they differ only in capitals, which some web servers and computers do not tell apart"
    )
  }

  /// What a published file is made for, as the messages above name it.
  public enum Origin {
    public static func file(_ path: String) -> Message { Message(path, path) }
    public static let home = Message("trang chủ", "the home page")
    public static let notFound = Message("trang 404", "the 404 page")
    public static let searchPage = Message("trang tìm kiếm", "the search page")
    public static let searchIndex = Message("chỉ mục tìm kiếm", "the search index")
    public static let feed = Message("một nguồn tin (feed)", "a feed")
    public static let sitemap = Message("sơ đồ trang (sitemap)", "the sitemap")
    public static let archives = Message("trang lưu trữ", "the archives")
    public static let glossary = Message("trang từ viết tắt", "the glossary page")
    public static let stylesheet = Message("bảng kiểu (stylesheet)", "the stylesheet")
    public static func archive(_ period: String) -> Message {
      Message("trang lưu trữ \(period)", "the archive of \(period)")
    }
    public static func section(_ folder: String) -> Message {
      Message("chuyên mục \(folder)", "the section \(folder)")
    }
    public static func alias(_ from: String, of owner: String) -> Message {
      Message("địa chỉ cũ \(from) của \(owner)", "the alias \(from) of \(owner)")
    }
    public static func term(isTag: Bool, _ name: String) -> Message {
      isTag
        ? Message("từ khóa '\(name)'", "the tag '\(name)'") : Message("danh mục '\(name)'", "the category '\(name)'")
    }
    public static func termsIndex(isTags: Bool) -> Message {
      isTags
        ? Message("danh sách từ khóa", "the index of tags") : Message("danh sách danh mục", "the index of categories")
    }
    public static func themeFile(_ path: String) -> Message {
      Message("tệp static/\(path) của giao diện", "the theme's static/\(path)")
    }
  }

  // MARK: - Kinds of file

  public static func frontMatterOutsideMarkdown(isHTML: Bool) -> Message {
    isHTML
      ? Message(
        "tệp này là tệp HTML nhưng mở đầu bằng phần thông tin (---), nên nó sẽ được đăng cả phần thông tin: hãy đổi đuôi tệp thành .md và viết nội dung bằng Markdown (HTML viết trực tiếp không được đăng), hoặc bỏ phần thông tin để đăng tệp nguyên như vậy",
        "this file is an HTML file but opens with front matter, so it would be published with its front matter in it: rename it to .md and write its body in Markdown (raw HTML is not published), or remove the front matter to publish the file as it is"
      )
      : Message(
        "tệp này không phải Markdown nhưng mở đầu bằng phần thông tin (---), nên nó sẽ được đăng cả phần thông tin: hãy đổi đuôi tệp thành .md, hoặc bỏ phần thông tin để đăng tệp nguyên như vậy",
        "this file is not Markdown but opens with front matter, so it would be published with its front matter in it: rename it to .md and write its body in Markdown (raw HTML is not published), or remove the front matter to publish the file as it is"
      )
  }
  public static let compressedSVG = Message(
    "không kiểm tra được mã lệnh trong hình vẽ SVG nén (.svgz): hãy đăng hình vẽ dạng .svg hoặc .png",
    "compressed SVG (.svgz) cannot be checked for scripts: publish the drawing as .svg or .png")
  public static let scriptInContent = Message(
    "tệp mã lệnh (script) không được đăng từ content/ hay static/ (nó sẽ chạy như của chính trang): mã lệnh của giao diện đặt trong templates/static/",
    "scripts are not published from content/ or static/ (they would run as the site itself): a theme's scripts go in templates/static/"
  )
  public static func hugoConfig(advice: Message) -> Message {
    Message(
      "là tệp cấu hình của Hugo, bantin không đọc tệp này: \(advice.vietnamese)",
      "is Hugo's configuration, which bantin does not read: \(advice.english)")
  }
  public static let hugoConfigNothingToKeep = Message(
    "bantin đọc cài đặt từ site.yml; có thể xoá tệp này",
    "bantin reads its settings from site.yml; this file can be removed")
  public static func hugoConfigWrite(_ lines: String) -> Message {
    Message("hãy viết vào site.yml: \(lines)", "write in site.yml: \(lines)")
  }
  public static func tomlUnreadable(_ detail: String) -> Message {
    Message(
      "không đọc được phần thông tin viết bằng TOML (giữa hai dòng +++): \(detail)",
      "TOML could not read this: \(detail)")
  }

  // MARK: - Photos

  public static func oversizedPhoto(width: Int, height: Int, megabytes: String, widest: Int, advised: Int) -> Message {
    Message(
      "ảnh có \(width)×\(height) điểm ảnh (\(megabytes) MB), lớn hơn nhiều so với \(widest) điểm ảnh mà trang đăng: ảnh gốc sẽ nằm mãi trong lịch sử git, nên hãy thu nhỏ ảnh còn khoảng \(advised) điểm ảnh trước khi đưa lên",
      "is \(width)×\(height) pixels (\(megabytes) MB), far more than the \(widest) pixels the site publishes: the original stays in git's history, so shrink it to about \(advised) pixels before committing"
    )
  }
  /// Why a photo, a crop or a logo could not be made; `detail` is libvips's own
  /// words (in English), or empty.
  public enum PhotoStep: Sendable {
    case start, probe, decode, resize, crop, icon, save, process
  }
  public static func photoFailed(_ step: PhotoStep, detail: String = "") -> Message {
    let said: Message =
      switch step {
      case .start:
        Message(
          "không xử lý được ảnh: thư viện ảnh libvips không khởi động", "cannot be processed: libvips did not start")
      case .probe:
        Message(
          "không phải là ảnh JPEG, PNG hay WebP mà bantin đọc được: hãy mở ảnh bằng một trình xem ảnh rồi lưu lại thành JPEG",
          "is not a JPEG, PNG or WebP photo bantin can read")
      case .decode: Message("không đọc được ảnh này", "cannot be read as a photo")
      case .resize: Message("không thu nhỏ được ảnh", "cannot be resized")
      case .crop: Message("không cắt được ảnh", "cannot be cropped")
      case .icon: Message("không làm được biểu tượng từ ảnh này", "cannot be made into an icon")
      case .save: Message("không lưu được ảnh đã xử lý", "cannot be saved")
      case .process: Message("không xử lý được ảnh", "cannot be processed")
      }
    guard !detail.isEmpty else { return said }
    // libvips' words stay as it wrote them, named as its own.
    let advice = step == .probe || step == .start ? "" : ": ảnh có thể bị hỏng, hãy chụp hoặc lưu lại ảnh"
    return Message(said.vietnamese + advice + " (thư viện ảnh libvips báo: \(detail))", said.english + ": " + detail)
  }
  public static func photoTooLarge(width: Int, height: Int, millions: Int) -> Message {
    Message(
      "ảnh có \(width)×\(height) điểm ảnh, nhiều hơn \(millions) triệu điểm ảnh mà bantin đọc: hãy thu nhỏ ảnh trước khi đưa lên",
      "is \(width)×\(height) pixels, more than the \(millions) million bantin reads: make it smaller before adding it")
  }
  /// A failure of bantin itself or the disk, not of the file: `detail` says which.
  public static func cannotProcess(_ detail: String) -> Message {
    Message("không xử lý được tệp này: \(detail)", "cannot be processed: \(detail)")
  }
  public static let noFileMaker = Message(
    "không xử lý được tệp này: lần dựng này không có bộ xử lý ảnh",
    "cannot be processed: this build has no file maker")
  public static func makesPublishedFile(_ output: String) -> Message {
    Message(
      "tạo ra /\(output), trùng với một tệp khác của trang: hãy đổi tên một trong hai",
      "makes /\(output), which another file of the site is published as")
  }
  public static func cropNotMade(_ name: String) -> Message {
    Message(
      "đã được xử lý, nhưng chưa tạo được bản cắt \(name): hãy dựng lại",
      "was processed, but its crop \(name) was not made")
  }
  public static func previewCropClash(_ output: String) -> Message {
    Message(
      "bản cắt ảnh của bài để xem trước liên kết được đăng tại /\(output), trùng với một tệp khác: hãy đổi tên một trong hai",
      "the crop of its photo for link previews is published at /\(output), as another file is: rename one of them")
  }
}
