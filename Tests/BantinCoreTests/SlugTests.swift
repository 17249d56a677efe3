import BantinCore
import Foundation
import Testing

@Suite("Slugs")
struct SlugTests {
  @Test("Vietnamese diacritics are removed and đ becomes d")
  func vietnamese() {
    #expect(
      Slug(from: "Hội nghị tổng kết công tác năm 2023 của Đảng ủy").rawValue
        == "hoi-nghi-tong-ket-cong-tac-nam-2023-cua-dang-uy")
    #expect(Slug(from: "Đường Điện Biên Phủ").rawValue == "duong-dien-bien-phu")
    #expect(Slug(from: "ƯỚC MƠ ơi ư ư").rawValue == "uoc-mo-oi-u-u")
  }

  @Test("acronyms stay whole: UBND becomes ubnd, not u-b-n-d")
  func acronyms() {
    #expect(Slug(from: "UBND phường ký kết với HĐND").rawValue == "ubnd-phuong-ky-ket-voi-hdnd")
    #expect(Slug(from: "ANTQ, TTATGT và ANCT").rawValue == "antq-ttatgt-va-anct")
  }

  @Test("NFD input gives the same slug as NFC")
  func decomposedInput() {
    let nfc = "Quốc phòng – An ninh"
    let nfd = nfc.decomposedStringWithCanonicalMapping
    #expect(Array(nfc.utf8) != Array(nfd.utf8))
    #expect(Slug(from: nfd) == Slug(from: nfc))
    #expect(Slug(from: nfd).rawValue == "quoc-phong-an-ninh")
  }

  @Test("punctuation runs become one hyphen, none at the ends")
  func punctuation() {
    #expect(Slug(from: "  “Tết” – sum vầy!!  ").rawValue == "tet-sum-vay")
    #expect(Slug(from: "Đ/c Bí thư ./.").rawValue == "d-c-bi-thu")
    #expect(Slug(from: "2023/2024").rawValue == "2023-2024")
    #expect(Slug(from: "###").isEmpty)
  }

  @Test("a slug written by hand must already be one")
  func validating() {
    #expect(Slug(validating: "hoi-nghi-2024")?.rawValue == "hoi-nghi-2024")
    #expect(Slug(validating: "Hội nghị") == nil)
    #expect(Slug(validating: "../../etc") == nil)
    #expect(Slug(validating: "a--b") == nil)
    #expect(Slug(validating: "") == nil)
  }
}
