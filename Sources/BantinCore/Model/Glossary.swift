/// The abbreviations of Vietnamese administration and what they stand for
/// ("UBND": "Ủy ban nhân dân"): the first use of each in an article is published as
/// `<abbr title="Ủy ban nhân dân">UBND</abbr>`, the glossary page lists them all,
/// and `bantin check` names an all-capitals word the glossary does not know.
///
/// bantin ships `standard`; a site adds to it or changes it in `data/viet-tat.yml`:
///
/// ```yaml
/// BCĐ: Ban Chỉ đạo
/// UBND: Ủy ban nhân dân phường   # replaces the standard expansion
/// COVID: ""                      # empty: a known word, not spelled out
/// ```
public struct Glossary: Sendable, Hashable {
  /// Expansions by abbreviation, as written (case matters: "ANTQ", "Đ/c"); an
  /// empty one is a known word that is not spelled out.
  public private(set) var expansions: [String: String]

  public init(_ expansions: [String: String]) { self.expansions = expansions }

  public static let path: SourcePath = "data/viet-tat.yml"
  /// The longest abbreviation and expansion a site may write, in characters.
  static let maximumAbbreviationLength = 24
  static let maximumExpansionLength = 200
  static let maximumFileSize = 256 * 1024

  public static let standard = Glossary([
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQ": "Mặt trận Tổ quốc",
    "ANTQ": "an ninh Tổ quốc",
    "ANCT": "an ninh chính trị",
    "TTATGT": "trật tự an toàn giao thông",
    "TTATXH": "trật tự an toàn xã hội",
    "TTĐT": "thông tin điện tử",
    "QPAN": "quốc phòng, an ninh",
    "QP-AN": "quốc phòng, an ninh",
    "Đ/c": "đồng chí",
    "BCH": "Ban Chấp hành",
    "BCĐ": "Ban Chỉ đạo",
    "BTV": "Ban Thường vụ",
    "BCHQS": "Ban Chỉ huy Quân sự",
    "CAND": "Công an nhân dân",
    "QĐND": "Quân đội nhân dân",
    "LLVT": "lực lượng vũ trang",
    "DQTV": "dân quân tự vệ",
    "CSGT": "Cảnh sát giao thông",
    "PCCC": "phòng cháy, chữa cháy",
    "CNCH": "cứu nạn, cứu hộ",
    "TDP": "tổ dân phố",
    "KT-XH": "kinh tế – xã hội",
    "CT-XH": "chính trị – xã hội",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "CNTT": "công nghệ thông tin",
    "ATTP": "an toàn thực phẩm",
    "GPMB": "giải phóng mặt bằng",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "HTX": "hợp tác xã",
    "NTM": "nông thôn mới",
    "ĐBQH": "đại biểu Quốc hội",
    "HLHPN": "Hội Liên hiệp Phụ nữ",
    "CCB": "Cựu chiến binh",
    "TNCS": "Thanh niên Cộng sản",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "CLB": "câu lạc bộ",
    "TW": "Trung ương",
    "TP": "thành phố",
    "HCM": "Hồ Chí Minh",
    // The kinds of document in their numbers (Quyết định số 12/QĐ-UBND).
    "QĐ": "quyết định",
    "NĐ": "nghị định",
    "NQ": "nghị quyết",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "XHCN": "xã hội chủ nghĩa",
    "CHXHCN": "Cộng hòa xã hội chủ nghĩa",
    "UBKT": "Ủy ban Kiểm tra",
    "CBCC": "cán bộ, công chức",
    "CCCD": "căn cước công dân",
    "TDTT": "thể dục, thể thao",
    "BVMT": "bảo vệ môi trường",
    "ATVSTP": "an toàn vệ sinh thực phẩm",
  ])

  /// What `abbreviation` stands for, or nil; a word starting with a small letter
  /// ("đ/c") is also looked up with a capital ("Đ/c").
  public func expansion(of abbreviation: some StringProtocol) -> String? {
    if let expansion = expansions[String(abbreviation)] { return expansion }
    guard let first = abbreviation.first, first.isLowercase else { return nil }
    return expansions[first.uppercased() + abbreviation.dropFirst()]
  }

  /// The abbreviations in Vietnamese alphabetical order.
  public var sorted: [(abbreviation: String, expansion: String)] {
    expansions.sorted { VietnameseCollation.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
  }

  /// The glossary over `self` that `data/viet-tat.yml` makes: each line adds an
  /// abbreviation or replaces one; an empty value keeps it from being spelled out
  /// (and from `bantin check`'s warnings).
  public func overlaid(with source: SourceText) -> (Glossary, [Diagnostic]) {
    var glossary = self
    guard source.text.utf8.count <= Glossary.maximumFileSize else {
      return (
        self,
        [
          Diagnostic(
            .error, in: source.path,
            Say.glossaryTooLarge(kibibytes: Glossary.maximumFileSize / 1024))
        ]
      )
    }
    var yaml = YAMLReader(source: source, lineOffset: 0)
    for entry in yaml.entries(of: source.text[...]) {
      let abbreviation = entry.key
      let problems = yaml.diagnostics.count
      guard !abbreviation.isEmpty, abbreviation.count <= Glossary.maximumAbbreviationLength,
        !abbreviation.contains(where: \.isWhitespace)
      else {
        yaml.error(
          entry.keyLocation, Say.notAnAbbreviation(abbreviation, characters: Glossary.maximumAbbreviationLength))
        continue
      }
      guard let field = yaml.text(entry.value, key: abbreviation) else {
        if yaml.diagnostics.count == problems { glossary.expansions[abbreviation] = "" }
        continue
      }
      guard field.value.count <= Glossary.maximumExpansionLength else {
        yaml.error(field.location, Say.expansionTooLong(abbreviation, characters: Glossary.maximumExpansionLength))
        continue
      }
      glossary.expansions[abbreviation] = field.value.collapsingSpaces()
    }
    return (glossary, yaml.diagnostics)
  }

  /// The words of `text` (runs of letters and digits, with `/` and `-` inside
  /// them, as in "Đ/c" and "KT-XH"), each with the UTF-8 offset where it starts.
  static func words(in text: String) -> [(word: Substring, offset: Int)] {
    var words: [(Substring, Int)] = []
    var start: String.Index?
    var startOffset = 0
    var offset = 0
    var lastWordEnd = text.startIndex  // after the last letter or digit of the word
    var index = text.startIndex
    func close() {
      if let begin = start, begin < lastWordEnd { words.append((text[begin..<lastWordEnd], startOffset)) }
      start = nil
    }
    for character in text {
      let next = text.index(after: index)
      if character.isLetter || character.isNumber {
        if start == nil {
          start = index
          startOffset = offset
        }
        lastWordEnd = next
      } else if start == nil || (character != "/" && character != "-") {
        close()
      }
      offset += character.utf8.count
      index = next
    }
    close()
    return words
  }

  /// Whether `word` is written as an abbreviation: two capitals or more and no
  /// small letter, not a Roman numeral ("XIII"), not a word in capitals with a tone
  /// or a vowel mark ("HỘI"; Đ is a letter of abbreviations, as in "HĐND").
  static func looksLikeAbbreviation(_ word: Substring) -> Bool {
    var capitals = 0
    var romanOnly = true
    for character in word where character.isLetter {
      guard character.isUppercase else { return false }
      if character != "Đ", character.unicodeScalars.first.map({ $0.value > 0x7F }) ?? false { return false }
      if !"IVXLCDM".contains(character) { romanOnly = false }
      capitals += 1
    }
    return capitals >= 2 && !romanOnly
  }

  /// Whether `text` reads as words in capitals (a title typed with caps lock on):
  /// it holds a capitalised word with a tone or vowel mark.
  static func isShouted(_ words: [(word: Substring, offset: Int)]) -> Bool {
    words.contains { entry in
      entry.word.contains { $0.isLetter && $0.isUppercase && $0 != "Đ" && ($0.unicodeScalars.first?.value ?? 0) > 0x7F }
        && !entry.word.contains { $0.isLetter && $0.isLowercase }
    }
  }
}
