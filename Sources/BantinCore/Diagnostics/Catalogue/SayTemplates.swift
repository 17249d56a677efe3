/// What bantin says about a theme's templates (`templates/*.mustache`): their
/// syntax, the names they look up, and the templates they include.
extension Say {
  public static func templateError(_ problem: Message) -> Message {
    Message("lỗi mẫu trang: \(problem.vietnamese)", "template error: \(problem.english)")
  }

  // MARK: - Syntax

  public static func tagNotClosed(_ close: String) -> Message {
    Message("thẻ này chưa được đóng bằng \(close)", "this tag is not closed with \(close)")
  }
  public static func commentNotClosed(_ close: String) -> Message {
    Message("lời chú thích này chưa được đóng bằng \(close)", "this comment is not closed with \(close)")
  }
  public static func closesUnopened(_ name: String) -> Message {
    Message(
      "{{/\(name)}} đóng một phần chưa từng được mở", "{{/\(name)}} closes a section that was never opened")
  }
  public static func sectionClosedLater(_ opener: String, _ closing: String, _ written: String, line: Int) -> Message {
    Message(
      "\(opener) chưa được đóng: hãy viết {{/\(closing)}} ở chỗ nó kết thúc, trước {{/\(written)}} ở dòng \(line)",
      "\(opener) is not closed: write {{/\(closing)}} where it ends, before the {{/\(written)}} of line \(line)")
  }
  public static func sectionNeverClosed(_ opener: String, _ closing: String) -> Message {
    Message(
      "\(opener) được mở nhưng không bao giờ đóng: hãy viết {{/\(closing)}} ở chỗ nó kết thúc",
      "\(opener) is opened but never closed: write {{/\(closing)}} where it ends")
  }
  public static func onlyBlocksInside(_ parent: String) -> Message {
    Message(
      "bên trong {{<\(parent)}} chỉ được có các phần thay thế {{$block}}",
      "only {{$block}} overrides may appear inside {{<\(parent)}}")
  }
  public static let blockNeedsName = Message(
    "một khối {{$…}} cần một tên đơn giản", "a block needs a plain name")
  public static let noPragmas = Message(
    "bantin không hỗ trợ pragma ({{% … }})", "pragmas ({{% … }}) are not supported")
  public static func notAName(_ text: String) -> Message {
    Message("'\(text)' không phải là một tên", "'\(text)' is not a name")
  }
  public static let badDelimiters = Message(
    "thẻ đổi dấu phân cách phải có dạng {{=<% %>=}}", "the set-delimiter tag must look like {{=<% %>=}}")
  public static let closingTagMismatch = Message(
    "thẻ đóng này không khớp với phần đang mở", "this closing tag does not match the open section")
  public static let tagNotClosedBraces = Message(
    "thẻ này chưa được đóng bằng }}", "this tag is not closed with }}")
  public static let sectionNotClosed = Message(
    "một phần được mở nhưng không bao giờ đóng bằng {{/tên}}", "a section is opened but never closed with {{/name}}")
  public static let noTransformOnInherited = Message(
    "không áp dụng được phép biến đổi cho một phần kế thừa", "a transform cannot be applied to an inherited section")
  public static let badPragma = Message("pragma viết sai", "the pragma is malformed")
  public static let unknownPragma = Message("pragma không rõ", "unknown pragma")
  /// A failure of the template library not named above, in its own words.
  public static func templateLibrary(_ detail: String) -> Message {
    Message("thư viện mẫu trang báo lỗi: \(detail)", detail)
  }

  // MARK: - Names and templates

  public static func unknownTransform(_ transform: String, known: String) -> Message {
    Message(
      "không có phép biến đổi '\(transform)' (các phép có: \(known))",
      "there is no transform '\(transform)' (known: \(known))")
  }
  /// A name no page gives templates: `whole` is the name it is part of, `near` a
  /// documented name that is close to it.
  public static func unknownTemplateName(_ part: String, in whole: String?, near: String?) -> Message {
    let (inVietnamese, inEnglish) = whole.map { (" (trong '\($0)')", " (in '\($0)')") } ?? ("", "")
    let (nearVietnamese, nearEnglish) =
      near.map { (": có phải bạn muốn viết '\($0)'?", ": did you mean '\($0)'?") }
      ?? (": các tên dùng được có trong README, mục Templates", ": the names are listed in the README, under Templates")
    return Message(
      "không trang nào cho mẫu trang một giá trị tên là '\(part)'" + inVietnamese + nearVietnamese,
      "no page gives templates a value named '\(part)'" + inEnglish + nearEnglish)
  }
  public static func noTemplate(_ name: String) -> Message {
    Message(
      "không có mẫu trang '\(name)' (templates/\(name).mustache)",
      "there is no template '\(name)' (templates/\(name).mustache)")
  }
  public static func includesItself(_ loop: String) -> Message {
    Message(
      "mẫu trang này tự chèn chính nó (\(loop)), nên sẽ không bao giờ kết thúc",
      "this template includes itself (\(loop)), which would never end")
  }
}
