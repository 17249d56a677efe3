/// The language bantin speaks to the people who run it: Vietnamese for a site whose
/// `language` is Vietnamese (its editors are ward officials), English otherwise;
/// `--lang en` or `BANTIN_LANG=en` overrides it for operators.
public enum Speech: String, Sendable, Hashable {
  case vietnamese = "vi"
  case english = "en"

  /// The speech for a site in `language`, unless `override` (`--lang`, else
  /// `BANTIN_LANG`) names one: `vi…` or `en…`.
  public init(siteLanguage language: String?, override: String? = nil) {
    func primary(_ tag: String) -> String {
      String(tag.prefix { $0 != "-" && $0 != "_" && $0 != "." }).lowercased()
    }
    if let override, !override.isEmpty {
      self = primary(override) == "vi" ? .vietnamese : .english
    } else {
      self = primary(language ?? "vi") == "vi" ? .vietnamese : .english
    }
  }

  /// Whether `code` (`--lang`) names a language bantin speaks.
  public static func isKnown(_ code: String) -> Bool {
    ["vi", "en"].contains(String(code.prefix { $0 != "-" && $0 != "_" }).lowercased())
  }
}

/// One message in both languages bantin speaks. Made only in the catalogue
/// (`Say`), so that no message exists in one language only.
public struct Message: Sendable, Hashable {
  public let vietnamese: String
  public let english: String

  fileprivate init(_ vietnamese: String, _ english: String) {
    self.vietnamese = vietnamese
    self.english = english
  }

  public func text(_ speech: Speech) -> String { speech == .vietnamese ? vietnamese : english }
}

/// The catalogue: every message bantin says in both languages, in one place. The
/// Vietnamese is written for a ward's editor: plain words, what to do next, the
/// Markdown or YAML to write.
public enum Say {
  // MARK: - The shape of a diagnostic

  public static func severity(_ severity: Diagnostic.Severity) -> Message {
    severity == .error ? Message("lỗi", "error") : Message("cảnh báo", "warning")
  }

  // MARK: - Front matter

  public static let emptyFile = Message(
    "tệp trống: một bài viết bắt đầu bằng phần thông tin (dòng '---', rồi 'title:' và 'date:', rồi '---')",
    "the file is empty: an article starts with front matter (a '---' line, 'title:' and 'date:', then '---')")
  public static let noFrontMatter = Message(
    "tệp chưa có phần thông tin: bắt đầu tệp bằng dòng '---', rồi 'title:' và 'date:', rồi '---'",
    "the file has no front matter: start it with a '---' line, then 'title:' and 'date:', then '---'")
  public static func frontMatterTooLarge(kibibytes: Int) -> Message {
    Message(
      "phần thông tin dài quá \(kibibytes) KiB: hãy đưa đoạn văn dài xuống phần nội dung bài",
      "the front matter is larger than \(kibibytes) KiB: keep long text in the article's body")
  }
  public static func frontMatterNotClosed(_ opening: String) -> Message {
    Message(
      "phần thông tin mở ở đây chưa được đóng: thêm một dòng '\(opening)' sau nó",
      "the front matter opened here is never closed: add a '\(opening)' line after it")
  }
  public static let noTitle = Message(
    "phần thông tin chưa có tiêu đề 'title': thêm một dòng như 'title: \"Hội nghị tổng kết năm 2023\"'",
    "front matter has no 'title': add a line such as 'title: \"Hội nghị tổng kết năm 2023\"'")
  public static let noDate = Message(
    "phần thông tin chưa có ngày đăng 'date': thêm một dòng như 'date: 2024-01-12'",
    "front matter has no 'date': add a line such as 'date: 2024-01-12'")
  public static func keyTwice(_ key: String) -> Message {
    Message("mục '\(key)' được viết hai lần: chỉ giữ một", "the key '\(key)' is written twice: keep one")
  }
  public static func keyTwice(_ key: String, earlier: String) -> Message {
    Message(
      "mục '\(key)' được viết hai lần (lần trước là '\(earlier)'): chỉ giữ một",
      "the key '\(key)' is written twice (also as '\(earlier)'): keep one")
  }
  public static let emptySlug = Message(
    "'slug' đang trống: viết phần cuối của địa chỉ bài, như 'hoi-nghi-tong-ket', hoặc xoá dòng này",
    "'slug' is empty: write the last part of the URL, such as 'hoi-nghi-tong-ket', or remove the line")
  public static let badFocus = Message(
    "'focus' phải là hai số từ 0 đến 1, theo chiều ngang rồi chiều dọc, như 'focus: 0.3,0.4' (giữa ảnh là 0.5,0.5)",
    "'focus' must be two numbers from 0 to 1, across then down, such as 'focus: 0.3,0.4' (the centre is 0.5,0.5)")
  public static let frontMatter = Message("phần thông tin", "front matter")
  public static let siteSettings = Message("site.yml", "site.yml")
  public static func unknownKey(_ key: String, in what: Message, known: [String], suggestion: String?) -> Message {
    let list = known.joined(separator: ", ")
    if let suggestion {
      return Message(
        "bantin không biết mục '\(key)' của \(what.vietnamese): có phải bạn muốn viết '\(suggestion)'?",
        "unknown \(what.english) key '\(key)': did you mean '\(suggestion)'?")
    }
    return Message(
      "bantin không biết mục '\(key)' của \(what.vietnamese) (các mục dùng được: \(list))",
      "unknown \(what.english) key '\(key)' (known keys: \(list))")
  }
  public static let yamlAnchor = Message(
    "không dùng được neo YAML ('&'): hãy viết thẳng giá trị, trong ngoặc kép nếu nó bắt đầu bằng '&'",
    "YAML anchors ('&') are not allowed: write the value out, in quotes if it starts with '&'")
  public static let yamlAlias = Message(
    "không dùng được bí danh YAML ('*'): hãy viết thẳng giá trị, trong ngoặc kép nếu nó bắt đầu bằng '*'",
    "YAML aliases ('*') are not allowed: write the value out, in quotes if it starts with '*'")
  public static func colonInValue(_ key: String, quoted: String) -> Message {
    Message(
      "giá trị của '\(key)' có ': ', YAML đọc nó thành một mục khác: đặt \(key) trong ngoặc kép, như \(quoted)",
      "the value of '\(key)' contains ': ', which YAML reads as another key: quote the \(key), as in \(quoted)")
  }
  public static let yamlTab = Message(
    "YAML không cho dùng phím Tab ở đây: thụt đầu dòng bằng dấu cách",
    "YAML does not allow tabs here: indent with spaces")
  public static func yamlLine(_ problem: String) -> Message {
    Message(
      "YAML không đọc được dòng này (\(problem)): kiểm tra thụt đầu dòng, và đặt trong ngoặc kép giá trị có ':' hoặc '#'",
      "YAML could not read this line (\(problem)): check its indentation, and quote values that contain ':' or '#'")
  }
  public static func yamlUnreadable(_ problem: String) -> Message {
    Message("YAML không đọc được đoạn này: \(problem)", "YAML could not read this: \(problem)")
  }
  public static func dayMonthYear(_ key: String, _ text: String, suggestion: String) -> Message {
    Message(
      "'\(key)' \(text) được viết theo ngày/tháng/năm: hãy viết năm-tháng-ngày, \(suggestion)",
      "'\(key)' \(text) is written day/month/year: write it as \(suggestion)")
  }
  public static func dateShape(_ key: String, _ text: String, example: String) -> Message {
    Message(
      "'\(key)' phải viết như 2024-01-12 hoặc 2024-01-12T14:00:00+07:00, không phải '\(text)'",
      "'\(key)' must look like \(example), not '\(text)'")
  }
  public static func noSuchMonth(_ key: String, _ text: String, month: Int) -> Message {
    Message(
      "'\(key)' \(text) không có thật: không có tháng \(month)",
      "'\(key)' \(text) does not exist: there is no month \(month)")
  }
  public static func noSuchDay(_ key: String, _ text: String, month: Int, year: Int, days: Int) -> Message {
    Message(
      "'\(key)' \(text) không có thật: tháng \(month) năm \(year) có \(days) ngày",
      "'\(key)' \(text) does not exist: month \(month) of \(year) has \(days) days")
  }
  public static func noSuchTime(_ key: String, _ text: String, time: String) -> Message {
    Message(
      "'\(key)' \(text) không có thật: không có giờ \(time)",
      "'\(key)' \(text) does not exist: there is no time \(time)")
  }
  public static func impossibleOffset(_ key: String, _ text: String) -> Message {
    Message(
      "'\(key)' \(text) có múi giờ không thể có", "'\(key)' \(text) has an impossible time zone offset")
  }
  public static func mustBe(_ key: String, _ expected: Message) -> Message {
    Message("'\(key)' phải là \(expected.vietnamese)", "'\(key)' must be \(expected.english)")
  }
  public static func mustBe(_ key: String, _ expected: Message, not written: String) -> Message {
    Message(
      "'\(key)' phải là \(expected.vietnamese), không phải '\(written)'",
      "'\(key)' must be \(expected.english), not '\(written)'")
  }
  public static let text = Message("chữ", "text")
  public static let trueOrFalse = Message("true (có) hoặc false (không)", "true or false")
  public static let wholeNumber = Message("một số nguyên", "a whole number")
  public static let aDate = Message("một ngày như 2024-01-12", "a date such as 2024-01-12")
  public static func list(_ key: String) -> Message {
    Message(
      "'\(key)' phải là một danh sách như [\"an ninh\", \"quốc phòng\"]",
      "'\(key)' must be a list such as [\"an ninh\", \"quốc phòng\"]")
  }

  public static func articleTooLarge(bytes: Int, limit: String) -> Message {
    Message(
      "tệp dài \(bytes) byte, quá \(limit) cho phép của một bài (maxArticleBytes trong site.yml): hãy chia thành nhiều bài",
      "the file is \(bytes) bytes, more than the \(limit) an article may have (maxArticleBytes in site.yml)")
  }
  public static let homeIndexName = Message(
    "trang chủ được mô tả trong content/_index.md, không phải content/index.md: hãy đổi tên tệp",
    "the home page is described by content/_index.md, not content/index.md")
  public static func folderWithoutLetters(_ folder: String) -> Message {
    Message(
      "tên thư mục '\(folder)' không có chữ hay số để làm địa chỉ trang: hãy đổi tên",
      "the folder name '\(folder)' has no letters or digits to make a URL from: rename it")
  }
  public static func fileWithoutLetters(_ file: String) -> Message {
    Message(
      "tên tệp '\(file)' không có chữ hay số để làm địa chỉ trang: hãy đổi tên, hoặc ghi 'slug'",
      "the file name '\(file)' has no letters or digits to make a URL from: rename it or set 'slug'")
  }
  public static func badSlug(suggestion: String?) -> Message {
    Message(
      "'slug' chỉ gồm chữ thường không dấu, số và dấu gạch ngang\(suggestion.map { ", như '\($0)'" } ?? "")",
      "'slug' must be lowercase ASCII letters, digits and hyphens\(suggestion.map { ", such as '\($0)'" } ?? "")")
  }
  public static func reservedSlug(_ slug: String, reserved: String) -> Message {
    Message(
      "địa chỉ bài sẽ kết thúc bằng '\(slug)', một tên bantin tự dùng (\(reserved)): hãy ghi 'slug' khác",
      "the URL would end in '\(slug)', a name bantin uses itself (\(reserved)): set another 'slug'")
  }
  public static func termWithoutLetters(_ taxonomy: Taxonomy, _ name: String) -> Message {
    let (vietnamese, english) = taxonomy == .categories ? ("danh mục", "category") : ("từ khóa", "tag")
    return Message(
      "\(vietnamese) '\(name)' không có chữ hay số để làm địa chỉ trang của nó",
      "the \(english) '\(name)' has no letters or digits to make its page's URL from")
  }

  public static let noBaseURL = Message(
    "chưa có baseURL như https://bachong.example.vn/: RSS, sitemap.xml và ảnh chia sẻ cần địa chỉ đầy đủ nên chưa được tạo; thêm dòng 'baseURL:' vào site.yml",
    "has no baseURL such as https://bachong.example.vn/: feeds, sitemap.xml and social cards need absolute addresses and are not written"
  )
  public static func tooManyFiles(_ count: Int, limit: Int) -> Message {
    Message(
      "trang sẽ đăng \(count) tệp, quá \(limit) tệp cho phép (maxOutputFiles)",
      "the site would publish \(count) files, more than the \(limit) allowed (maxOutputFiles)")
  }
  public static func sectionWithoutIndex(_ folder: String) -> Message {
    Message(
      "chuyên mục chưa có _index.md nên được đặt tên '\(folder)': thêm tệp content/\(folder)/_index.md có dòng 'title'",
      "has no _index.md, so the section is titled '\(folder)': add content/\(folder)/_index.md with a 'title'")
  }

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

  // MARK: - Markdown and links

  public static let rawHTML = Message(
    "HTML viết trực tiếp không được đăng: hãy viết bằng Markdown",
    "raw HTML is not published: write Markdown instead")
  public static func mostlyRawHTML(share: Int, words: Int, of total: Int) -> Message {
    Message(
      "\(share)% nội dung (\(words) trên \(total) chữ) là HTML viết trực tiếp, bantin không đăng phần này nên bài sẽ gần như trống: hãy viết bằng Markdown (mỗi đoạn là các dòng chữ, cách nhau một dòng trống; <a href=\"…\">chữ</a> thành [chữ](…); <img src=\"anh.jpg\"> thành ![mô tả](anh.jpg); <h2> thành ## tiêu đề; <li> thành - mục)",
      "\(share)% of the text (\(words) of \(total) words) is raw HTML, which bantin does not publish, so the article would be published nearly empty: write it in Markdown (a paragraph as plain lines with a blank line between, <a href=\"…\">text</a> as [text](…), <img src=\"anh.jpg\"> as ![mô tả](anh.jpg), <h2> as ## heading, <li> as - item)"
    )
  }
  public static func pageTooLarge(_ page: String, limit: String, maker: (String, String)) -> Message {
    Message(
      "\(page) lớn quá \(limit) (maxPageBytes trong site.yml) khi \(maker.0) tạo nó, nên việc dựng dừng lại: một danh sách lặp trong chính nó ({{#articles}} trong {{#articles}}) hoặc một giá trị rất dài trong site.yml gây ra điều này",
      "\(page) grew past \(limit) (maxPageBytes in site.yml) while \(maker.1) made it, and the build is stopped: a list repeated inside itself ({{#articles}} inside {{#articles}}) or a very long value in site.yml does this"
    )
  }
  public static func siteTooLarge(_ limit: String) -> Message {
    Message(
      "trang sẽ đăng nhiều hơn \(limit) (maxOutputBytes): việc dựng dừng lại",
      "the site would publish more than \(limit) (maxOutputBytes): the build is stopped")
  }
  public static func activeContent(_ what: String) -> Message {
    Message(
      "tệp có chứa mã chạy được (\(what)), trình duyệt sẽ chạy nó như của chính trang: bantin không đăng tệp này; hãy xoá phần đó, hoặc đăng hình vẽ dạng PNG, hoặc đăng trang thành một bài viết",
      "the file holds \(what), which a browser would run as the site itself: bantin does not publish it; remove it, or publish the drawing as PNG or the page as an article"
    )
  }
  public static let noAltText = Message(
    "ảnh chưa có mô tả: hãy tả ảnh cho người không xem được, như ![Toàn cảnh hội nghị](anh.jpg)",
    "the image has no alt text: describe it for readers who cannot see it, as in ![Toàn cảnh hội nghị](anh.jpg)")
  public static func brokenLink(_ target: String) -> Message {
    Message(
      "liên kết đến \(target) bị hỏng: trang không có địa chỉ này",
      "the link to \(target) is broken: the site has no such page")
  }
  public static func brokenLink(_ target: String, page: String, base: String) -> Message {
    Message(
      "liên kết đến \(target) bị hỏng: trang không có trang \(page) (địa chỉ được đọc dưới đường dẫn gốc \(base), dù liên kết có viết nó hay không)",
      "the link to \(target) is broken: the site has no page \(page) (addresses are read under the base path \(base), whether or not the link writes it)"
    )
  }
  public static func insideBundle(_ bundle: String) -> Message {
    Message(
      "nằm trong thư mục bài \(bundle)/ (thư mục có index.md chứa một bài và các tệp của nó): hãy chuyển nó ra ngoài",
      "is inside the page bundle \(bundle)/ (a folder with index.md holds one article and its files): move it out")
  }
  public static func sameURL(_ url: String, as other: SourcePath) -> Message {
    Message(
      "được đăng ở \(url), trùng với \(other): hãy đổi tên một trong hai tệp, hoặc ghi 'slug'",
      "is published at \(url), as \(other) is: change one file's name or 'slug'")
  }
  public static func orphanPage(_ path: String) -> Message {
    Message(
      "không trang nào liên kết đến \(path) và không thanh chuyên mục nào có nó: người đọc chỉ tìm được nếu biết địa chỉ; hãy liên kết từ một bài hoặc content/_index.md, hoặc thêm vào 'menu' trong site.yml",
      "no page links to \(path) and no menu shows it: readers can only find it by its address; link it from an article or content/_index.md, or add it to the theme's menu"
    )
  }
  public static let gfmTable = Message(
    "bảng kiểu GitHub không phải CommonMark nên được đăng thành chữ: hãy viết các hàng thành danh sách, hoặc đính kèm bảng thành tệp (PDF hoặc bảng tính)",
    "GitHub's tables are not CommonMark and are published as text: write the rows as a list, or link the table as a file (PDF or spreadsheet)"
  )
  public static let taskList = Message(
    "danh sách việc ('[ ]' và '[x]') không phải CommonMark nên được đăng thành chữ: hãy viết 'Đã xong:' hoặc 'Chưa xong:' trước mỗi mục",
    "task lists ('[ ]' and '[x]') are not CommonMark and are published as text: write 'Đã xong:' or 'Chưa xong:' before the item"
  )
  public static func hugoShortcode(_ tag: String, name: String) -> Message {
    let instead: (String, String)
    switch name {
    case "figure":
      instead = ("viết ảnh thành ![mô tả](anh.jpg \"chú thích\")", "write the photo as ![mô tả](anh.jpg \"chú thích\")")
    case "youtube", "vimeo", "video":
      instead = ("viết liên kết đến video: [Xem video](https://…)", "write a link to the video: [Xem video](https://…)")
    case "ref", "relref":
      instead = (
        "liên kết đến tệp của bài: [xem](../tin-tuc/bai-viet.md)",
        "link to the article's file: [xem](../tin-tuc/bai-viet.md)"
      )
    default: instead = ("viết bằng Markdown", "write it in Markdown")
    }
    return Message(
      "mã rút gọn Hugo \(tag) được đăng thành chữ, vì bantin chỉ đọc Markdown: \(instead.0)",
      "the Hugo shortcode \(tag) is published as text, since bantin reads Markdown only: \(instead.1)")
  }
  public static let strikethrough = Message(
    "'~~' (gạch ngang chữ) không phải CommonMark nên được đăng kèm dấu ~: hãy bỏ nó, hoặc nói bằng lời rằng điều đó không còn đúng",
    "'~~' (strikethrough) is not CommonMark and is published with its tildes: write the text without it, or say in words that it no longer holds"
  )
  public static let footnote = Message(
    "chú thích cuối trang ('[^1]') không phải CommonMark nên được đăng thành chữ hoặc thành liên kết sai: hãy viết lời chú trong ngoặc ngay trong câu, hoặc thành một đoạn ở cuối bài",
    "footnotes ('[^1]') are not CommonMark and are published as text or as a wrong link: write the note in brackets in the sentence, or as a paragraph at the end"
  )
  public static func unsafeLink(_ scheme: String) -> Message {
    Message(
      "liên kết '\(scheme):' không được đăng: loại liên kết này có thể chạy mã độc",
      "the link to '\(scheme):' is not published: such links can run code")
  }
  public static func brokenFileLink(_ destination: String, target: SourcePath) -> Message {
    Message(
      "liên kết đến '\(destination)' bị hỏng: không có tệp \(target)",
      "the link to '\(destination)' is broken: \(target) does not exist")
  }
  public static func imageNotHTTPS(_ destination: String, write: String?) -> Message {
    Message(
      "ảnh '\(destination)' phải là một tệp của trang hoặc một địa chỉ https:\(write.map { ": hãy viết \($0)" } ?? "")",
      "the image '\(destination)' must be a file of the site or an https: address\(write.map { ": write \($0)" } ?? "")"
    )
  }
  public static let imageWithoutFile = Message(
    "ảnh chưa có tên tệp: hãy viết ![mô tả](anh.jpg)", "the image has no file: write ![description](photo.jpg)")
  public static func imageBadEscape(_ destination: String) -> Message {
    Message(
      "tên ảnh '\(destination)' có một mã %-escape viết sai", "the image '\(destination)' has a malformed %-escape")
  }
  public static func imageMissing(_ destination: String, looked path: String, or other: String?) -> Message {
    if let other {
      return Message(
        "không có ảnh '\(destination)': không có tệp \(path) hay \(other); kiểm tra tên ảnh (chữ hoa, chữ thường, dấu)",
        "the image '\(destination)' does not exist: there is no \(path) or \(other)")
    }
    return Message(
      "không có ảnh '\(destination)': không có tệp \(path); hãy chép ảnh vào cùng thư mục với bài, hoặc sửa tên ảnh cho đúng",
      "the image '\(destination)' does not exist: there is no file \(path)")
  }
  public static func imageOutside(_ destination: String) -> Message {
    Message(
      "ảnh '\(destination)' nằm ngoài thư mục content", "the image '\(destination)' is outside the content folder")
  }
  public static func unknownAbbreviation(_ word: String, file: SourcePath) -> Message {
    Message(
      "'\(word)' có vẻ là từ viết tắt chưa có trong danh sách: thêm dòng '\(word): nghĩa đầy đủ' vào \(file) để người đọc thấy nghĩa của nó",
      "'\(word)' looks like an abbreviation the glossary does not know: add a line '\(word): what it stands for' to \(file), so that readers can see it spelled out"
    )
  }

  public static func smallPreviewPhoto(width: Int, height: Int) -> Message {
    Message(
      "ảnh của bài chỉ cho ảnh xem trước \(width)×\(height) điểm ảnh: Facebook và Zalo hiện rõ ảnh từ 1200×630 trở lên; hãy chọn ảnh rộng ít nhất 1200 điểm ảnh (mục image: trong phần thông tin)",
      "its photo gives link previews only \(width)×\(height) pixels: Facebook and Zalo show 1200×630 or larger sharply; choose a photo at least 1200 pixels wide (image: in the front matter)"
    )
  }

  // MARK: - Commands

  public static func errorCount(_ count: Int, unchanged folder: String) -> Message {
    Message(
      "bantin: \(count) lỗi; \(folder) không thay đổi",
      "bantin: \(count) error\(count == 1 ? "" : "s"); \(folder) is unchanged")
  }
  public static func built(_ folder: String, milliseconds: Int, written: Int, unchanged: Int, removed: Int) -> Message {
    Message(
      "Đã dựng \(folder) trong \(milliseconds) ms: ghi \(written) tệp, \(unchanged) tệp không đổi, xoá \(removed) tệp",
      "Built \(folder) in \(milliseconds) ms: \(written) files written, \(unchanged) unchanged, \(removed) removed")
  }
  public static func upToDate(_ folder: String, milliseconds: Int) -> Message {
    Message(
      "\(folder) đã mới nhất: không có gì thay đổi từ lần dựng trước (\(milliseconds) ms)",
      "\(folder) is up to date: nothing changed since the last build (\(milliseconds) ms)")
  }
  public static func checked(_ folder: String, pages: Int, errors: Int, warnings: Int) -> Message {
    Message(
      "Đã kiểm tra \(folder): \(pages) trang, \(errors) lỗi, \(warnings) cảnh báo",
      "Checked \(folder): \(pages) pages, \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    )
  }
  /// The rows of the build's summary table, in order.
  public static let summaryRows: [Message] = [
    Message("Trang", "Pages"), Message("Bài viết", "Articles"), Message("Chuyên mục", "Sections"),
    Message("Danh mục, từ khóa", "Terms"), Message("Nguồn tin (RSS, Atom)", "Feeds"),
    Message("Địa chỉ chuyển hướng", "Aliases"), Message("Tệp chép nguyên", "Files copied"),
    Message("Bài nháp chưa đăng", "Drafts left out"), Message("Bài hẹn giờ chưa đăng", "Future left out"),
    Message("Bài hết hạn", "Expired left out"),
  ]

  /// The progress line of a long build on a terminal.
  public static func progress(_ step: BuildProgress.Step, secondsLeft: Int?) -> Message {
    let (done, total) = (step.done, step.total)
    switch step.stage {
    case .markdown:
      return Message("bantin: đọc bài viết \(done)/\(total) tệp", "bantin: Markdown \(done) of \(total) files")
    case .photos:
      let left = secondsLeft.map { (", còn khoảng \($0) s", ", about \($0) s left") } ?? ("", "")
      return Message(
        "bantin: xử lý ảnh \(done)/\(total)\(left.0)", "bantin: photos \(done) of \(total)\(left.1)")
    case .pages:
      return Message("bantin: ghi trang \(done)/\(total)", "bantin: pages \(done) of \(total) written")
    }
  }

  // MARK: - The preview (`bantin serve`)

  public static let previewFailed = Message(
    "bantin: lần dựng gần nhất bị lỗi; trang này là bản tốt gần nhất. Sửa các lỗi dưới đây rồi lưu tệp, trang sẽ tự tải lại.",
    "bantin: the last build failed; this page is the last good one.")
  public static func previewBuildFailed(count: Int, after files: String) -> Message {
    Message(
      "Dựng lỗi\(files.isEmpty ? "" : " sau khi sửa \(files)") (\(count) lỗi); vẫn phục vụ bản tốt gần nhất",
      "Build failed\(files.isEmpty ? "" : " after a change to \(files)") (\(count) error\(count == 1 ? "" : "s")); still serving the last good build"
    )
  }
  public static func previewBuilt(after files: String, milliseconds: Int, pages: Int, kept: Int) -> Message {
    Message(
      "Đã dựng\(files.isEmpty ? "" : " sau khi sửa \(files)") trong \(milliseconds) ms: \(pages) trang; \(kept) tệp giữ nguyên",
      "Built\(files.isEmpty ? "" : " after a change to \(files)") in \(milliseconds) ms: \(pages) pages; \(kept) files as they were"
    )
  }
  public static let previewStalled = Message(
    "Dựng bị chậm; vẫn phục vụ bản tốt gần nhất", "Build stalled; still serving the last good build")
  public static func serving(_ root: String, at address: String) -> Message {
    Message(
      "Đang xem trước \(root) tại \(address) (Ctrl-C để dừng)", "Serving \(root) at \(address) (Ctrl-C to stop)")
  }

  // MARK: - Publishing from git (the pusher reads these as `remote:` lines)

  public static func buildingBeforeAccepting(_ commit: String) -> Message {
    Message(
      "bantin: đang dựng \(commit) trước khi nhận bản gửi…", "bantin: building \(commit) before accepting the push…")
  }
  public static let pushRefused = Message(
    "bantin: bản gửi bị từ chối: trang có lỗi, chưa đăng gì; sửa các lỗi ở trên rồi gửi (git push) lại",
    "bantin: push refused: the site has errors; nothing was published")
  public static func buildsPublishingAfter(seconds: String) -> Message {
    Message(
      "bantin: trang dựng được (\(seconds) s); sẽ đăng sau khi nhận bản gửi",
      "bantin: the site builds (\(seconds) s); publishing after the push")
  }
  public static func deletingBranchRefused(_ branch: String) -> Message {
    Message(
      "bantin: không được xoá nhánh \(branch), nhánh trang được đăng từ đó",
      "bantin: deleting the branch \(branch), which the site is published from, is refused")
  }
  public static let commitRefused = Message(
    "bantin: không lưu (commit) được: trang có lỗi; sửa các lỗi ở trên (git commit --no-verify bỏ qua bước kiểm tra này)",
    "bantin: commit refused: the staged site has errors (git commit --no-verify skips this check)")
}
