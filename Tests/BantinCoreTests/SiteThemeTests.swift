import BantinCore
import TestSupport
import Testing

@Suite("The theme from site.yml")
struct SiteThemeTests {
  static let yaml = """
    baseURL: https://anphu.example.vn/
    theme:
      masthead: "#0b4f8a"
      accent: "#0b6e4f"
    menu:
      - title: Dịch vụ công
        url: https://dichvucong.gov.vn/
      - title: Giới thiệu
        url: /gioi-thieu/
    footer:
      address: Số 1 phố An Phú
      phone: 024 3383 1234
      email: ubnd@anphu.gov.vn
      responsible: Ông Nguyễn Văn A
      lines: ["Giấy phép số 12/GP-TTĐT"]

    """

  func site(_ yaml: String) -> TestSite {
    TestSite([
      "site.yml": yaml, "content/tin-tuc/a.md": TestSite.article(),
      "content/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nA.\n",
    ])
  }

  @Test("colours become custom properties at the end of the stylesheet, with a readable accent for dark mode")
  func colours() throws {
    let built = site(Self.yaml).run()
    #expect(built.diagnostics.isEmpty, "\(built.diagnostics)")
    let css = try #require(
      built.files.first { $0.path.rawValue.hasPrefix("style.") }.flatMap { file -> String? in
        guard case .bytes(let bytes) = file.content else { return nil }
        return String(decoding: bytes, as: UTF8.self)
      })
    #expect(
      css.hasSuffix(
        """

        /* site.yml: theme */
        :root { --masthead:#0b4f8a; --masthead-deep:#083b68; --on-masthead:#ffffff; --emblem:#ffffff; --accent:#0b6e4f; --on-accent:#ffffff; }
        @media (prefers-color-scheme: dark) { :root { --accent:#549a84; --on-accent:#1b1d20; } }

        """))
    // A light masthead gets dark text, and no darker band under it.
    var theme = SiteTheme()
    theme.masthead = ThemeColour(hex: "#f4c542")
    #expect(
      theme.cssRules.contains("--masthead:#f4c542; --masthead-deep:#f4c542; --on-masthead:#1d2125"), "\(theme.cssRules)"
    )
  }

  @Test("colours that cannot be read, and settings that are not colours, are errors at their line")
  func unreadable() {
    let yaml = """
      theme:
        masthead: "#777777"
        accent: "#f4c542"
        logo: logo.gif
        banner: x
      menu:
        - title: Xấu
          url: javascript:alert(1)
        - Dịch vụ công
      footer:
        email: khong-co
      baseURL: https://anphu.example.vn/
      """
    #expect(
      site(yaml).diagnostics() == [
        "site.yml:2:13: error: the masthead colour #777777 leaves its title hard to read in white or in black (contrast 4.4:1, at least 4.5:1 is needed): choose a darker colour such as #a4161a, or a lighter one",
        "site.yml:3:11: error: the accent colour #f4c542 is too light for text on the page (contrast 1.4:1, at least 4.5:1 is needed): choose a darker colour such as #a4161a",
        "site.yml:4:9: error: 'theme.logo' must be a JPEG, PNG or WebP file of the site such as static/logo.png, not 'logo.gif'",
        "site.yml:5:3: error: unknown theme key 'banner' (known keys: masthead, accent, logo)",
        "site.yml:8:10: error: a menu link's 'url' must be an address such as https://dichvucong.gov.vn/ or a page of the site such as /gioi-thieu/, not 'javascript:alert(1)'",
        "site.yml:9:5: error: a menu link needs 'title:' and 'url:', as in '- title: Dịch vụ công'",
        "site.yml:11:10: error: 'footer.email' must be an address such as ubnd@bachong.gov.vn",
      ])
  }

  @Test("menu links follow the sections; the footer shows the address, phone, email and who is responsible")
  func menuAndFooter() throws {
    let html = try #require(site(Self.yaml).output("index.html"))
    #expect(
      html.contains(
        """
                <li><a class="nav__link" href="https://dichvucong.gov.vn/" rel="noopener">Dịch vụ công<span class="visually-hidden"> (mở trang ngoài)</span><span class="nav__external" aria-hidden="true"> ↗</span></a></li>
                <li><a class="nav__link" href="/gioi-thieu/">Giới thiệu</a></li>
        """))
    #expect(
      html.contains(
        """
              <ul class="site-footer__lines">
                <li><span class="site-footer__label">Địa chỉ:</span> Số 1 phố An Phú</li>
                <li><span class="site-footer__label">Điện thoại:</span> <a href="tel:02433831234">024 3383 1234</a></li>
                <li><span class="site-footer__label">Thư điện tử:</span> <a href="mailto:ubnd@anphu.gov.vn">ubnd@anphu.gov.vn</a></li>
                <li><span class="site-footer__label">Chịu trách nhiệm nội dung:</span> Ông Nguyễn Văn A</li>
                <li>Giấy phép số 12/GP-TTĐT</li>
              </ul>
        """))
    // Without settings: the star, no lines, no icons.
    let plain = try #require(site("baseURL: https://anphu.example.vn/\n").output("index.html"))
    #expect(plain.contains("<span class=\"brand__emblem\" aria-hidden=\"true\">★</span>"))
    #expect(!plain.contains("site-footer__lines") && !plain.contains("rel=\"icon\""))
  }
}
