/// What bantin says about an article's file: its front matter (YAML, keys, dates),
/// its name, slug and address; and about the site's sections, baseURL and size.
extension Say {
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
  public static func spaceAfterColon(_ key: String, example: String) -> Message {
    Message(
      "sau dấu ':' của '\(key)' cần một dấu cách: viết \(example)",
      "'\(key)' needs a space after its ':': write \(example)")
  }
  public static func keyIndented(_ key: String) -> Message {
    Message(
      "dòng của '\(key)' bắt đầu bằng dấu cách, nên YAML đọc nó thành phần tiếp của dòng trên: viết '\(key):' sát đầu dòng",
      "the line of '\(key)' starts with spaces, so YAML reads it as more of the line above: write '\(key):' at the start of the line"
    )
  }
  public static func commentCutsText(_ key: String, kept: String, dropped: String, quoted: String) -> Message {
    Message(
      "YAML coi ' #' là đầu một ghi chú và bỏ '\(dropped)', nên '\(key)' chỉ còn '\(kept)': nếu phần đó thuộc giá trị, hãy đặt cả giá trị trong ngoặc kép, như \(quoted)",
      "YAML reads ' #' as the start of a comment and drops '\(dropped)', leaving '\(key)' as '\(kept)': if that belongs to the value, quote the whole value, as in \(quoted)"
    )
  }
  public static func quoteNeverClosed(_ quote: String, example: String) -> Message {
    Message(
      "dấu \(quote) mở ở đây không được đóng: thêm \(quote) vào cuối giá trị, trên cùng dòng, như \(example)",
      "the \(quote) opened here is never closed: add \(quote) at the end of the value, on the same line, as in \(example)"
    )
  }
  public static func bracketNeverClosed(_ open: String, close: String, closed: String, asText: String) -> Message {
    Message(
      "dấu '\(open)' mở ở đây không được đóng: viết \(closed) nếu đây là danh sách, hoặc \(asText) nếu đây là chữ",
      "the '\(open)' opened here is never closed: write \(closed) for a list, or \(asText) for text")
  }
  public static func quoteInsideQuotes(_ quote: String, other: String, example: String) -> Message {
    Message(
      "giá trị trong dấu \(quote) đã kết thúc ở đây, nhưng dòng vẫn còn chữ: giá trị có dấu \(quote) bên trong thì hãy bao nó bằng dấu \(other), như \(example)",
      "the value in \(quote) ends here, but the line goes on: put a value that holds \(quote) in \(other) instead, as in \(example)"
    )
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

  // MARK: - YAML's shape

  public static let yamlNotLines = Message(
    "cần các dòng 'tên: giá trị', như 'title: Hội nghị'", "expected 'key: value' lines, such as 'title: Hội nghị'")
  public static let yamlKeyNotWord = Message(
    "tên mục phải là một từ đơn giản như 'title'", "a key must be a plain word such as 'title'")
  public static func yamlTag(_ key: String, _ tag: String) -> Message {
    Message(
      "'\(key)' có thẻ YAML '\(tag)', không được dùng ở đây: hãy bỏ phần bắt đầu bằng !",
      "'\(key)' has the YAML tag '\(tag)', which is not allowed here")
  }

  // MARK: - Aliases

  public static func aliasStart(_ text: String) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' phải là một đường dẫn của trang này, bắt đầu bằng '/', như /tin-cu/hoi-nghi/",
      "the alias '\(text)' must be a path of this site starting with '/', such as /tin-cu/hoi-nghi/")
  }
  public static func aliasEscape(_ text: String) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' có một mã %-escape viết sai", "the alias '\(text)' has a malformed %-escape")
  }
  /// `shown` is the character, quoted; nil for a control character.
  public static func aliasCharacter(_ text: String, _ shown: String?) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' có \(shown ?? "một ký tự điều khiển"), mà đường dẫn không được có",
      "the alias '\(text)' contains \(shown ?? "a control character"), which a path may not")
  }
  public static func aliasDots(_ text: String) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' không được có phần trống, '.' hay '..'",
      "the alias '\(text)' must not contain empty, '.' or '..' parts")
  }
  public static func aliasHidden(_ text: String, _ hidden: String) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' có phần '\(hidden)', một tên bantin không bao giờ đăng (tệp ẩn hoặc tệp sao lưu của trình soạn thảo)",
      "the alias '\(text)' has the part '\(hidden)', a name bantin never publishes (a dotfile or an editor's backup)"
    )
  }
  public static let aliasHome = Message(
    "địa chỉ cũ (alias) '/' sẽ thay thế trang chủ", "the alias '/' would replace the home page")
  public static func aliasReserved(_ text: String, _ first: String) -> Message {
    Message(
      "địa chỉ cũ (alias) '\(text)' sẽ thay thế /\(first), tệp mà bantin tự tạo",
      "the alias '\(text)' would replace /\(first), which bantin writes itself")
  }
}
