/// What bantin says about articles' bodies and files: names, addresses, images,
/// links, syntax CommonMark does not have, abbreviations, sizes.
extension Say {
  // MARK: - Markdown and links

  public static let outOfMemory = Message(
    "không đủ bộ nhớ để đọc phần Markdown của tệp này: hãy chia bài thành nhiều bài ngắn hơn",
    "the Markdown library ran out of memory on this file")
  public static func tooManyImageOpeners(_ limit: Int) -> Message {
    Message(
      "đoạn văn này mở hơn \(limit) ảnh ('![') — thư viện Markdown (cmark 0.30.2) sẽ mất nhiều phút để đọc: hãy tách đoạn bằng các dòng trống",
      "this paragraph opens more than \(limit) images ('![') — the Markdown library (cmark 0.30.2) would take minutes on it: split it with blank lines"
    )
  }
  public static func slowMarkdown(seconds: String) -> Message {
    Message(
      "đọc phần Markdown của tệp này đã mất hơn \(seconds) giây (thư viện Markdown cmark 0.30.2 chậm với một số cách viết và không dừng được): hãy rút ngắn hoặc chia nhỏ tệp; việc dựng vẫn tiếp tục ở phía sau",
      "rendering its Markdown has taken more than \(seconds) s (the Markdown library, cmark 0.30.2, is slow on some inputs and cannot be stopped): shorten or split the file; the build goes on in the background"
    )
  }
  /// What in a file would run, as `activeContent` names it.
  public enum Active {
    public static let handlerAttribute = Message(
      "một thuộc tính xử lý sự kiện, như onload=", "an event handler attribute")
    public static let script = Message("một thẻ <script>", "a script element")
    public static let javascript = Message("một địa chỉ javascript:", "a javascript: address")
    public static let vbscript = Message("một địa chỉ vbscript:", "a vbscript: address")
    public static let htmlData = Message("một tài liệu HTML nhúng", "an embedded HTML document")
    public static let svgData = Message("một hình SVG nhúng", "an embedded SVG document")
    public static let frame = Message("một khung (frame) nhúng trang khác", "a frame")
    public static let object = Message("một đối tượng nhúng", "an embedded object")
    public static let foreignObject = Message(
      "một tài liệu HTML nhúng (foreignObject)", "an embedded HTML document (foreignObject)")
    public static let handler = Message("một bộ xử lý sự kiện", "an event handler")
    public static let base = Message("một địa chỉ gốc <base>", "a base address")
    public static let xmlStylesheet = Message(
      "một bảng kiểu XML (XSLT có thể chạy mã)", "an XML stylesheet (XSLT can run scripts)")
    public static let entity = Message("một thực thể XML (<!ENTITY)", "an XML entity")
    public static let xslt = Message("một bảng kiểu XSLT", "an XSLT stylesheet")
    public static let form = Message("một biểu mẫu <form>", "a form")
  }
  public static let rawHTML = Message(
    "HTML viết trực tiếp không được đăng: hãy viết bằng Markdown",
    "raw HTML is not published: write Markdown instead")
  public static func mostlyRawHTML(share: Int, words: Int, of total: Int) -> Message {
    Message(
      "\(share)% nội dung (\(words) trên \(total) chữ) là HTML viết trực tiếp, bantin không đăng phần này nên bài sẽ gần như trống: hãy viết bằng Markdown (mỗi đoạn là các dòng chữ, cách nhau một dòng trống; <a href=\"…\">chữ</a> thành [chữ](…); <img src=\"anh.jpg\"> thành ![mô tả](anh.jpg); <h2> thành ## tiêu đề; <li> thành - mục)",
      "\(share)% of the text (\(words) of \(total) words) is raw HTML, which bantin does not publish, so the article would be published nearly empty: write it in Markdown (a paragraph as plain lines with a blank line between, <a href=\"…\">text</a> as [text](…), <img src=\"anh.jpg\"> as ![mô tả](anh.jpg), <h2> as ## heading, <li> as - item)"
    )
  }
  /// Who made a page: a template of the site or theme, or bantin itself.
  public enum Maker {
    public static func template(_ source: String) -> Message { Message("mẫu \(source)", "the template \(source)") }
    public static func themeTemplate(_ name: String) -> Message {
      Message("mẫu '\(name)' của giao diện", "the theme's template '\(name)'")
    }
    /// A name, the same in both languages.
    public static let bantin = Origin.file("bantin")
  }
  public static func pageTooLarge(_ page: String, limit: String, maker: Message) -> Message {
    Message(
      "\(page) lớn quá \(limit) (maxPageBytes trong site.yml) khi \(maker.vietnamese) tạo nó, nên việc dựng dừng lại: một danh sách lặp trong chính nó ({{#articles}} trong {{#articles}}) hoặc một giá trị rất dài trong site.yml gây ra điều này",
      "\(page) grew past \(limit) (maxPageBytes in site.yml) while \(maker.english) made it, and the build is stopped: a list repeated inside itself ({{#articles}} inside {{#articles}}) or a very long value in site.yml does this"
    )
  }
  public static func siteTooLarge(_ limit: String) -> Message {
    Message(
      "trang sẽ đăng nhiều hơn \(limit) (maxOutputBytes): việc dựng dừng lại",
      "the site would publish more than \(limit) (maxOutputBytes): the build is stopped")
  }
  public static func activeContent(_ what: Message) -> Message {
    Message(
      "tệp có chứa mã chạy được (\(what.vietnamese)), trình duyệt sẽ chạy nó như của chính trang: bantin không đăng tệp này; hãy xoá phần đó, hoặc đăng hình vẽ dạng PNG, hoặc đăng trang thành một bài viết",
      "the file holds \(what.english), which a browser would run as the site itself: bantin does not publish it; remove it, or publish the drawing as PNG or the page as an article"
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
  public static func spaceBeforeParen(image: Bool, write: String) -> Message {
    image
      ? Message(
        "giữa ']' và '(' của ảnh không được có dấu cách, nếu không ảnh hiện ra thành chữ: viết \(write)",
        "an image has no space between ']' and '(', or it shows as text: write \(write)")
      : Message(
        "giữa ']' và '(' của liên kết không được có dấu cách, nếu không liên kết hiện ra thành chữ: viết \(write)",
        "a link has no space between ']' and '(', or it shows as text: write \(write)")
  }
  public static func imageNameWithSpaces(write: String) -> Message {
    Message(
      "tên tệp ảnh có dấu cách nên ảnh hiện ra thành chữ: viết \(write), hoặc đổi tên tệp cho không còn dấu cách",
      "the image's file name has spaces, so the image shows as text: write \(write), or rename the file without spaces")
  }
  public static func headingWithoutSpace(_ heading: String) -> Message {
    Message(
      "dòng này bắt đầu bằng '#' mà không có dấu cách theo sau, nên hiện ra thành chữ thường: nếu đây là tiêu đề, viết \(heading)",
      "this line starts with '#' without a space after it, so it shows as plain text: for a heading, write \(heading)")
  }
  public static let boldNotTaken = Message(
    "dấu ** này không làm được chữ đậm và sẽ hiện ra nguyên dạng: viết ** sát chữ, không có dấu cách ngay sau ** mở hay ngay trước ** đóng, như **Hội nghị tổng kết**",
    "this ** makes no bold text and shows as it is: write ** against the words, with no space just inside either pair, as in **Hội nghị tổng kết**"
  )
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
      "ảnh '\(destination)' phải là một tệp của trang hoặc một địa chỉ bắt đầu bằng https://\(write.map { "; hãy viết \($0)" } ?? "")",
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
  public static func imageOnComputer(_ destination: String, name: String) -> Message {
    let name = name.contains(" ") ? "<\(name)>" : name
    return Message(
      "ảnh '\(destination)' là một tệp trên máy tính của bạn, trang web không lấy được: chép ảnh vào thư mục của bài (cạnh index.md) rồi viết ![…](\(name))",
      "the image '\(destination)' is a file on your own computer, which the site cannot reach: copy it into the article's folder (beside index.md) and write ![…](\(name))"
    )
  }
  public static func imageOtherCase(_ destination: String, file: String, write: String) -> Message {
    let write = write.contains(" ") ? "<\(write)>" : write
    return Message(
      "không có ảnh '\(destination)', nhưng có tệp \(file), chỉ khác chữ hoa, chữ thường: trên máy chủ tên ảnh phải viết đúng như tên tệp, như ![…](\(write))",
      "the image '\(destination)' does not exist, but \(file) does, in other letter case: on the server the name must be written as the file's, as in ![…](\(write))"
    )
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
}
