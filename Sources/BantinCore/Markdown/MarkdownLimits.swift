/// Limits checked before libcmark sees a body, for the inputs that libcmark 0.30.2
/// (Debian's) takes quadratic time on.
///
/// Measured here with Debian's `cmark` 0.30.2: `![[]()` repeated 50,000 times in
/// one paragraph (300 KB) takes 12 s, 30,000 times 3.4 s (CVE-2023-22486: each
/// closing bracket walks back over every open image bracket of the paragraph).
/// The other published slow inputs (`<!--` repeated, deeply nested block quotes and
/// lists, long runs of `[` or emphasis) stay under 0.2 s at 1 MiB in this build.
/// Open image brackets are counted per run of lines without a blank line (no
/// paragraph is longer): at the limit, a 1 MiB article of such runs renders in about
/// half a second.
public enum MarkdownLimits {
  /// Most `![` one paragraph may hold.
  public static let imageOpenersPerParagraph = 500

  /// The first run of lines in `body` that opens too many images, as an error at
  /// its first line (`firstLine`: the body's first line in the file).
  public static func check(_ body: Substring, firstLine: Int, path: SourcePath) -> Diagnostic? {
    var line = firstLine
    var runStart = firstLine
    var openers = 0
    var lineIsBlank = true
    var previous: UInt8 = 0
    for byte in body.utf8 {
      switch byte {
      case UInt8(ascii: "\n"):
        if lineIsBlank {
          openers = 0
          runStart = line + 1
        }
        line += 1
        lineIsBlank = true
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        break
      default:
        if lineIsBlank && openers == 0 { runStart = line }
        lineIsBlank = false
        if byte == UInt8(ascii: "[") && previous == UInt8(ascii: "!") {
          openers += 1
          if openers > imageOpenersPerParagraph {
            return .error(
              SourceLocation(path, line: runStart, column: 1),
              Say.tooManyImageOpeners(imageOpenersPerParagraph))
          }
        }
      }
      previous = byte
    }
    return nil
  }
}
