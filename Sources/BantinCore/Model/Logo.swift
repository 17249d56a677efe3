/// The site's logo (`theme.logo` in `site.yml`), made by the recipe `logo` into the
/// masthead's emblem and the icons browsers and phones ask for:
///
/// - `/icons/emblem.png`: fitted into 384×96 pixels (twice the size it is shown at);
/// - `/favicon.ico` (32×32, a PNG inside) and `/icons/icon-32.png`;
/// - `/apple-touch-icon.png` (180×180), where iPhones look for it;
/// - `/icons/icon-192.png`, `/icons/icon-512.png`, for Android's home screen.
///
/// Square icons hold the whole logo, centred on a transparent square.
public struct LogoRule: DerivedRule {
  public static let recipe = "logo"
  static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp"]
  public static let emblemBox = PixelSize(width: 384, height: 96)
  public static let squares = [32, 180, 192, 512]

  /// Where each result is published.
  public static let outputs: [String: OutputPath] = [
    "emblem.png": "icons/emblem.png", "favicon.ico": "favicon.ico", "icon-32.png": "icons/icon-32.png",
    "icon-180.png": "apple-touch-icon.png", "icon-192.png": "icons/icon-192.png",
    "icon-512.png": "icons/icon-512.png",
  ].mapValues { OutputPath($0) }

  /// `emblem=384x96;squares=32,180,192,512`.
  public static var settings: String {
    "emblem=\(emblemBox.width)x\(emblemBox.height);squares=" + squares.map(String.init).joined(separator: ",")
  }

  public init() {}

  public func request(for asset: DerivableAsset, config: SiteConfig) -> DerivedRequest? {
    guard let logo = config.theme.logo, asset.source == logo else { return nil }
    return DerivedRequest(
      job: DerivedJob(recipe: Self.recipe, settings: Self.settings, inputs: [asset.source]), publish: Self.outputs)
  }
}

/// The logo's files as published: what templates get as `site.logo` and `site.icons`.
public struct PublishedLogo: Sendable, Hashable {
  public var emblem: OutputPath
  public var emblemSize: PixelSize

  /// The logo's files in `assets`, once made; nil when the site has no logo or it
  /// could not be made.
  static func find(in assets: AssetMap) -> PublishedLogo? {
    let emblem = LogoRule.outputs["emblem.png"]!
    guard let made = assets.assets[emblem], let size = made.info.pixelSize,
      LogoRule.outputs.values.allSatisfy({ assets.assets[$0] != nil })
    else { return nil }
    return PublishedLogo(emblem: emblem, emblemSize: size)
  }
}
