import Foundation
import Yams

/// What `site.yml` sets of the default theme, without changing a template: the
/// masthead's and the accent's colours, the logo that replaces the star (and makes
/// the favicon and touch icons, `LogoRule`), links in the menu after the sections,
/// and the footer's lines, as Vietnamese government portals show them:
///
/// ```yaml
/// theme:
///   masthead: "#0b4f8a"
///   accent: "#0b4f8a"
///   logo: static/logo.png
/// menu:
///   - title: Dịch vụ công
///     url: https://dichvucong.gov.vn/
/// footer:
///   address: Số 1 phố Bắc Hồng, thị xã Sơn Tây, Hà Nội
///   phone: 024 3383 1234
///   email: ubnd@bachong.gov.vn
///   responsible: Ông Nguyễn Văn A, Chủ tịch UBND phường
///   lines: ["Giấy phép số 12/GP-TTĐT"]
/// ```
public struct SiteTheme: Sendable, Hashable {
  public var masthead: ThemeColour?
  public var accent: ThemeColour?
  /// The logo, a JPEG, PNG or WebP file of the site (`static/logo.png`).
  public var logo: SourcePath?
  /// Where `logo:` is written, for messages about the file.
  public var logoLocation: SourceLocation?
  public var menu: [MenuLink] = []
  public var footer = FooterLines()

  public init() {}

  public struct MenuLink: Sendable, Hashable {
    public var title: String
    /// An absolute address (`https://…`) or a path of the site (`/gioi-thieu/`).
    public var url: String
  }

  public struct FooterLines: Sendable, Hashable {
    public var address: String?
    public var phone: String?
    public var email: String?
    /// The person responsible for the content ("Chịu trách nhiệm nội dung").
    public var responsible: String?
    public var lines: [String] = []

    var isEmpty: Bool { address == nil && phone == nil && email == nil && responsible == nil && lines.isEmpty }
  }

  /// The page's text colour in light mode, and the lightest background text sits on.
  static let ink = ThemeColour(red: 0x1d, green: 0x21, blue: 0x25)
  static let wash = ThemeColour(red: 0xf5, green: 0xf3, blue: 0xef)
  static let white = ThemeColour(red: 0xff, green: 0xff, blue: 0xff)
  /// The dark mode's page and its text on the accent.
  static let darkPaper = ThemeColour(red: 0x1c, green: 0x1f, blue: 0x23)
  static let darkWash = ThemeColour(red: 0x13, green: 0x15, blue: 0x18)
  /// WCAG AA for text.
  static let contrast = 4.5

  /// The stylesheet's custom properties these colours set, appended to it; empty
  /// when the site sets none.
  public var cssRules: String {
    var light: [String] = []
    var dark: [String] = []
    if let masthead {
      let text = masthead.contrast(with: SiteTheme.white) >= SiteTheme.contrast ? SiteTheme.white : SiteTheme.ink
      light.append("--masthead:\(masthead.hex)")
      light.append(
        "--masthead-deep:\((text == SiteTheme.white ? masthead.mixed(with: .black, by: 0.25) : masthead).hex)")
      light.append("--on-masthead:\(text.hex)")
      light.append("--emblem:#ffffff")
    }
    if let accent {
      light.append("--accent:\(accent.hex)")
      let text = accent.contrast(with: SiteTheme.white) >= SiteTheme.contrast ? SiteTheme.white : SiteTheme.ink
      light.append("--on-accent:\(text.hex)")
      dark.append("--accent:\(accent.readable(on: [SiteTheme.darkPaper, SiteTheme.darkWash]).hex)")
      dark.append("--on-accent:#1b1d20")
    }
    guard !light.isEmpty else { return "" }
    var css = "\n/* site.yml: theme */\n:root { \(light.joined(separator: "; ")); }\n"
    if !dark.isEmpty { css += "@media (prefers-color-scheme: dark) { :root { \(dark.joined(separator: "; ")); } }\n" }
    return css
  }

  /// Reads `theme:`, `menu:` and `footer:` of `site.yml`.
  mutating func read(_ key: String, _ value: Node, yaml: inout YAMLReader) {
    switch key {
    case "theme":
      guard case .mapping(let mapping) = value else {
        yaml.error(yaml.location(value.mark), Say.themeShape)
        return
      }
      for (keyNode, entry) in mapping {
        let name = keyNode.string ?? ""
        switch name {
        case "masthead", "accent":
          guard let field = yaml.text(entry, key: "theme.\(name)") else { continue }
          guard let colour = ThemeColour(hex: field.value) else {
            yaml.error(field.location, Say.notAColour(name, field.value))
            continue
          }
          if name == "masthead" {
            let best = max(colour.contrast(with: SiteTheme.white), colour.contrast(with: SiteTheme.ink))
            guard best >= SiteTheme.contrast else {
              yaml.error(field.location, Say.unreadableMasthead(colour.hex, contrast: ThemeColour.ratio(best)))
              continue
            }
            masthead = colour
          } else {
            let onPage = colour.contrast(with: SiteTheme.wash)
            guard onPage >= SiteTheme.contrast else {
              yaml.error(field.location, Say.unreadableAccent(colour.hex, contrast: ThemeColour.ratio(onPage)))
              continue
            }
            accent = colour
          }
        case "logo":
          guard let field = yaml.text(entry, key: "theme.logo") else { continue }
          let path = SourcePath(field.value.hasPrefix("/") ? String(field.value.dropFirst()) : field.value)
          guard LogoRule.extensions.contains(path.fileExtension), !path.rawValue.contains("..") else {
            yaml.error(field.location, Say.badLogo(field.value))
            continue
          }
          logo = path
          logoLocation = field.location
        default:
          yaml.error(
            yaml.location(keyNode.mark), Say.unknownSetting(name, of: "theme", known: "masthead, accent, logo"))
        }
      }
    case "menu":
      guard case .sequence(let items) = value else {
        yaml.error(yaml.location(value.mark), Say.menuShape)
        return
      }
      for item in items {
        guard case .mapping(let mapping) = item, let titleNode = mapping["title"], let urlNode = mapping["url"],
          let title = yaml.text(titleNode, key: "menu title"), let url = yaml.text(urlNode, key: "menu url")
        else {
          yaml.error(yaml.location(item.mark), Say.menuLinkShape)
          continue
        }
        let address = url.value
        guard address.hasPrefix("https://") || address.hasPrefix("http://") || address.hasPrefix("/"),
          !address.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
        else {
          yaml.error(url.location, Say.badMenuURL(address))
          continue
        }
        menu.append(MenuLink(title: title.value, url: address))
      }
    case "footer":
      guard case .mapping(let mapping) = value else {
        yaml.error(yaml.location(value.mark), Say.footerShape)
        return
      }
      for (keyNode, entry) in mapping {
        let name = keyNode.string ?? ""
        switch name {
        case "address": footer.address = yaml.text(entry, key: "footer.address")?.value
        case "phone": footer.phone = yaml.text(entry, key: "footer.phone")?.value
        case "email":
          guard let field = yaml.text(entry, key: "footer.email") else { continue }
          guard field.value.split(separator: "@").count == 2, !field.value.contains(where: \.isWhitespace) else {
            yaml.error(field.location, Say.badEmail)
            continue
          }
          footer.email = field.value
        case "responsible": footer.responsible = yaml.text(entry, key: "footer.responsible")?.value
        case "lines": footer.lines = yaml.texts(entry, key: "footer.lines").map(\.value)
        default:
          yaml.error(
            yaml.location(keyNode.mark),
            Say.unknownSetting(name, of: "footer", known: "address, phone, email, responsible, lines"))
        }
      }
    default:
      break
    }
  }

  var fingerprintText: String {
    var parts = [masthead?.hex ?? "-", accent?.hex ?? "-", logo?.rawValue ?? "-"]
    parts += menu.flatMap { [$0.title, $0.url] }
    parts +=
      [
        footer.address ?? "-", footer.phone ?? "-", footer.email ?? "-", footer.responsible ?? "-",
      ] + footer.lines
    return parts.joined(separator: "\u{1}")
  }
}

/// An sRGB colour written `#rrggbb` (or `#rgb`).
public struct ThemeColour: Sendable, Hashable {
  public var red: Int
  public var green: Int
  public var blue: Int

  static let black = ThemeColour(red: 0, green: 0, blue: 0)

  public init(red: Int, green: Int, blue: Int) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  public init?(hex text: String) {
    var digits = Substring(text.trimmingCharacters(in: .whitespaces))
    guard digits.first == "#" else { return nil }
    digits = digits.dropFirst()
    guard digits.allSatisfy(\.isHexDigit) else { return nil }
    if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
    guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
    self.init(red: value >> 16, green: (value >> 8) & 0xff, blue: value & 0xff)
  }

  public var hex: String {
    "#"
      + [red, green, blue].map {
        String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
      }
      .joined()
  }

  /// WCAG's relative luminance.
  var luminance: Double {
    func linear(_ channel: Int) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG's contrast ratio, 1 to 21.
  func contrast(with other: ThemeColour) -> Double {
    let (a, b) = (luminance, other.luminance)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  func mixed(with other: ThemeColour, by share: Double) -> ThemeColour {
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) * (1 - share) + Double(b) * share).rounded()) }
    return ThemeColour(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
  }

  /// The colour, lightened until it reads on each of `backgrounds` (dark ones).
  func readable(on backgrounds: [ThemeColour]) -> ThemeColour {
    var share = 0.0
    var colour = self
    while share < 1, backgrounds.contains(where: { colour.contrast(with: $0) < SiteTheme.contrast + 0.1 }) {
      share += 0.05
      colour = mixed(with: ThemeColour(red: 255, green: 255, blue: 255), by: share)
    }
    return colour
  }

  /// A ratio as people write it: 2.1, 4.5.
  static func ratio(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded(.down))
    return "\(tenths / 10).\(tenths % 10)"
  }
}
