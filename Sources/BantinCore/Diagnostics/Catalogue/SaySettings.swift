/// What bantin says about `site.yml`: its settings, theme, menu, footer, logo and glossary.
extension Say {
  // MARK: - site.yml

  public static func settingsTooLarge(kibibytes: Int) -> Message {
    Message(
      "tệp lớn hơn \(kibibytes) KiB: site.yml chỉ chứa các cài đặt ngắn",
      "the file is larger than \(kibibytes) KiB: site.yml holds short settings only")
  }
  public static func tooLong(_ key: String, characters: Int) -> Message {
    Message(
      "'\(key)' dài quá \(characters) ký tự: hãy viết ngắn lại",
      "'\(key)' is longer than \(characters) characters: shorten it")
  }
  public static func badBaseURL(_ value: String) -> Message {
    Message(
      "'baseURL' phải là một địa chỉ như https://bachong.example.vn/, không phải '\(value)'",
      "'baseURL' must be an address such as https://bachong.example.vn/, not '\(value)'")
  }
  public static func badLanguage(_ value: String) -> Message {
    Message(
      "'language' phải là mã ngôn ngữ (BCP 47) như vi hoặc vi-VN, không phải '\(value)'",
      "'language' must be a language tag (BCP 47) such as vi or vi-VN, not '\(value)'")
  }
  public static func badTimeZone(_ value: String) -> Message {
    Message(
      "'timeZone' phải là tên múi giờ như Asia/Ho_Chi_Minh, không phải '\(value)'",
      "'timeZone' must be a zone name such as Asia/Ho_Chi_Minh, not '\(value)'")
  }
  public static func between(_ key: String, _ low: Int, _ high: Int) -> Message {
    Message("'\(key)' phải từ \(low) đến \(high)", "'\(key)' must be between \(low) and \(high)")
  }
  public static let themeShape = Message(
    "'theme' phải có các dòng như 'accent: \"#0b4f8a\"' bên dưới",
    "'theme' must be lines such as 'accent: \"#0b4f8a\"' under it")
  public static func notAColour(_ name: String, _ value: String) -> Message {
    Message(
      "'theme.\(name)' phải là một màu như \"#0b4f8a\" (trong ngoặc kép), không phải '\(value)'",
      "'theme.\(name)' must be a colour such as \"#0b4f8a\" (in quotes), not '\(value)'")
  }
  public static func unreadableMasthead(_ hex: String, contrast: String) -> Message {
    Message(
      "màu dải đầu trang \(hex) làm tên trang khó đọc cả với chữ trắng lẫn chữ đen (độ tương phản \(contrast):1, cần ít nhất 4.5:1): hãy chọn màu đậm hơn như #a4161a, hoặc nhạt hơn",
      "the masthead colour \(hex) leaves its title hard to read in white or in black (contrast \(contrast):1, at least 4.5:1 is needed): choose a darker colour such as #a4161a, or a lighter one"
    )
  }
  public static func unreadableAccent(_ hex: String, contrast: String) -> Message {
    Message(
      "màu nhấn \(hex) quá nhạt để làm chữ trên trang (độ tương phản \(contrast):1, cần ít nhất 4.5:1): hãy chọn màu đậm hơn như #a4161a",
      "the accent colour \(hex) is too light for text on the page (contrast \(contrast):1, at least 4.5:1 is needed): choose a darker colour such as #a4161a"
    )
  }
  public static func badLogo(_ value: String) -> Message {
    Message(
      "'theme.logo' phải là một tệp JPEG, PNG hoặc WebP của trang như static/logo.png, không phải '\(value)'",
      "'theme.logo' must be a JPEG, PNG or WebP file of the site such as static/logo.png, not '\(value)'")
  }
  public static func unknownSetting(_ name: String, of group: String, known: String) -> Message {
    Message(
      "bantin không biết mục '\(name)' của '\(group)' (các mục dùng được: \(known))",
      "unknown \(group) key '\(name)' (known keys: \(known))")
  }
  public static let menuShape = Message(
    "'menu' phải là một danh sách liên kết, mỗi liên kết có 'title:' và 'url:' (xem README)",
    "'menu' must be a list of links, each with 'title:' and 'url:' (see the README)")
  public static let menuLinkShape = Message(
    "mỗi liên kết của menu cần 'title:' và 'url:', như '- title: Dịch vụ công'",
    "a menu link needs 'title:' and 'url:', as in '- title: Dịch vụ công'")
  public static func badMenuURL(_ address: String) -> Message {
    Message(
      "'url' của liên kết menu phải là một địa chỉ như https://dichvucong.gov.vn/ hoặc một trang của trang web như /gioi-thieu/, không phải '\(address)'",
      "a menu link's 'url' must be an address such as https://dichvucong.gov.vn/ or a page of the site such as /gioi-thieu/, not '\(address)'"
    )
  }
  public static let footerShape = Message(
    "'footer' phải có các dòng như 'phone: 024 3383 1234' bên dưới",
    "'footer' must be lines such as 'phone: 024 3383 1234' under it")
  public static let badEmail = Message(
    "'footer.email' phải là một địa chỉ thư như ubnd@bachong.gov.vn",
    "'footer.email' must be an address such as ubnd@bachong.gov.vn")

  public static func logoMissing(_ logo: SourcePath) -> Message {
    Message(
      "biểu trưng \(logo) không phải là một tệp của trang: hãy chép ảnh vào đó, hoặc sửa dòng 'logo:'",
      "the logo \(logo) is not a file of the site: put the image there, or correct 'logo:'")
  }
  public static func glossaryTooLarge(kibibytes: Int) -> Message {
    Message(
      "tệp lớn hơn \(kibibytes) KiB: mỗi từ viết tắt chỉ cần một dòng ngắn",
      "the file is larger than \(kibibytes) KiB: it holds one short line per abbreviation")
  }
  public static func notAnAbbreviation(_ word: String, characters: Int) -> Message {
    Message(
      "'\(word)' không phải một từ viết tắt: hãy viết một từ, tối đa \(characters) ký tự, như UBND",
      "'\(word)' is not an abbreviation: write one word of at most \(characters) characters, such as UBND")
  }
  public static func expansionTooLong(_ word: String, characters: Int) -> Message {
    Message(
      "nghĩa của '\(word)' dài quá \(characters) ký tự: hãy viết ngắn lại",
      "what '\(word)' stands for is longer than \(characters) characters: shorten it")
  }

  // MARK: - Photo widths and address patterns

  public static func badPhotoWidth(_ value: String, _ low: Int, _ high: Int) -> Message {
    Message(
      "'photoWidths' phải là danh sách độ rộng tính bằng điểm ảnh, từ \(low) đến \(high), như [480, 960, 1600], không phải '\(value)'",
      "'photoWidths' must list widths in pixels from \(low) to \(high), such as [480, 960, 1600], not '\(value)'")
  }
  public static func tooManyPhotoWidths(_ count: Int, limit: Int) -> Message {
    Message(
      "'photoWidths' có \(count) độ rộng: nhiều nhất là \(limit)",
      "'photoWidths' lists \(count) widths: at most \(limit)")
  }
  public static let permalinksShape = Message(
    "'permalinks' phải có các dòng như 'tin-tuc: /:year/:month/:slug/' bên dưới",
    "'permalinks' must be lines such as 'tin-tuc: /:year/:month/:slug/' under it")
  public static func badPattern(_ pattern: String, of section: String, _ problem: Message) -> Message {
    Message(
      "mẫu địa chỉ '\(pattern)' của '\(section)' \(problem.vietnamese)",
      "the address pattern '\(pattern)' of '\(section)' \(problem.english)")
  }
  public static let patternStart = Message(
    "phải bắt đầu bằng '/', như /:year/:month/:slug/", "must start with '/', as in /:year/:month/:slug/")
  public static let patternEnd = Message(
    "phải kết thúc bằng '/' (cho …/index.html) hoặc bằng '.html'",
    "must end with '/' (for …/index.html) or with '.html'")
  public static func patternUnknownPart(_ name: String, known: String) -> Message {
    Message(
      "có ':\(name)', không phải là phần bantin biết (\(known))",
      "holds ':\(name)', which is not a part bantin knows (\(known))")
  }
  public static let patternCharacters = Message(
    "chỉ được có chữ thường không dấu, chữ số, '-', '_', '.', '/' và các phần như :slug",
    "may hold lowercase ASCII letters, digits, '-', '_', '.', '/' and parts such as :slug")
  public static let patternNoName = Message(
    "phải có :slug, :title hoặc :filename, nếu không mọi bài của chuyên mục sẽ chung một địa chỉ",
    "must hold :slug, :title or :filename, or every article of the section would share one address")
  public static let patternDots = Message(
    "không được có '//', '.' hay '..' làm một phần của đường dẫn",
    "may not hold '//', '.' or '..' as a part of the path")
}
