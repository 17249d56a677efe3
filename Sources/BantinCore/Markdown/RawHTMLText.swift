/// The words readers would have read in a body's raw HTML, which safe mode leaves
/// out: the text between tags, without scripts, styles and comments. A post copied
/// from a site that wrote HTML (`<p>…</p>` paragraphs) loses all of it; counting
/// them lets the build refuse to publish such a post nearly empty.
struct RawHTMLText {
  private(set) var words = 0
  /// Inside `<script>` or `<style>`, whose text is not read.
  private var skippingUntil: [UInt8]?
  private var inTag = false
  private var inComment = false
  private var inWord = false
  private var tag: [UInt8] = []

  /// Counts the words of one raw HTML block or inline tag, in document order.
  mutating func add(_ html: String) {
    let bytes = Array(html.utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if inComment {
        if byte == UInt8(ascii: ">"), index >= 2, bytes[index - 1] == UInt8(ascii: "-"),
          bytes[index - 2] == UInt8(ascii: "-")
        {
          inComment = false
        }
        index += 1
        continue
      }
      if inTag {
        if byte == UInt8(ascii: ">") {
          inTag = false
          let name = tag.prefix(while: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != UInt8(ascii: "/") })
            .map { $0 | 0x20 }
          if skippingUntil == nil, tag.first != UInt8(ascii: "/"),
            name == Array("script".utf8) || name == Array("style".utf8)
          {
            skippingUntil = Array("</".utf8) + name
          }
        } else {
          tag.append(byte)
        }
        index += 1
        continue
      }
      if let end = skippingUntil {
        if bytes[index...].prefix(end.count).map({ $0 | 0x20 }) == end.map({ $0 | 0x20 }) {
          skippingUntil = nil
          continue
        }
        index += 1
        continue
      }
      if byte == UInt8(ascii: "<") {
        if bytes[index...].starts(with: Array("<!--".utf8)) {
          inComment = true
          index += 4
          continue
        }
        inTag = true
        inWord = false
        tag = []
        index += 1
        continue
      }
      let blank = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
      if !blank && !inWord { words += 1 }
      inWord = !blank
      index += 1
    }
  }

  /// The problem of a body whose raw HTML holds at least as many words as the
  /// published text, and 20 or more: nil when the loss is small.
  func problem(publishedWords: Int) -> Message? {
    guard words >= 20, words >= publishedWords else { return nil }
    let share = words * 100 / (words + publishedWords)
    return Say.mostlyRawHTML(share: share, words: words, of: words + publishedWords)
  }
}
