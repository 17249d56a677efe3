/// One published file of a processed photo: a width in one format.
public struct ImageVariant: Sendable, Hashable {
  /// Its address as pages link it (with the site's base path).
  public var url: String
  public var width: Int
  public var height: Int
  /// `image/webp`, `image/jpeg` or `image/png`.
  public var type: String

  public init(url: String, width: Int, height: Int, type: String) {
    self.url = url
    self.width = width
    self.height = height
    self.type = type
  }

  static let webp = "image/webp"

  /// The media type a published photo's name says.
  static func type(of name: String) -> String {
    switch name.split(separator: ".").last?.lowercased() {
    case "webp": webp
    case "png": "image/png"
    default: "image/jpeg"
    }
  }
}

extension ResolvedImage {
  /// The variants in JPEG or PNG, for `<img srcset>`, narrowest first.
  var fallbacks: [ImageVariant] { variants.filter { $0.type != ImageVariant.webp } }
  /// The variants in WebP, for `<source srcset>`, narrowest first.
  var webpVariants: [ImageVariant] { variants.filter { $0.type == ImageVariant.webp } }
}

/// Where a crop is centred, as fractions of the upright photo's width and height
/// from its top left corner (front matter `focus: 0.3,0.4`); the centre by default.
public struct Focus: Sendable, Hashable {
  public var x: Double
  public var y: Double

  public static let centre = Focus(x: 0.5, y: 0.5)

  /// Kept to hundredths, as `text` writes it.
  public init(x: Double, y: Double) {
    self.x = (x * 100).rounded() / 100
    self.y = (y * 100).rounded() / 100
  }

  /// `0.3,0.4` (spaces allowed), each from 0 to 1; nil for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0.filter { $0 != " " })
    }
    guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), (0...1).contains(x),
      (0...1).contains(y)
    else { return nil }
    self.init(x: x, y: y)
  }

  /// Two decimals, `0.30,0.40`: the same focus, the same text (and the same crop).
  public var text: String {
    func decimal(_ value: Double) -> String {
      let hundredths = Int((value * 100).rounded())
      return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
    return decimal(x) + "," + decimal(y)
  }
}

/// The crops of an article's photo that link previews and search engines show:
/// 1200×630 for `og:image` (Facebook and Zalo ask for at least that, in JPEG), and
/// 16:9, 4:3 and 1:1 for the JSON-LD `image` (Google's article guidelines).
public struct Cover: Sendable, Hashable {
  public struct File: Sendable, Hashable {
    /// Where it is published, under the article's own folder.
    public var output: String
    public var width: Int
    public var height: Int
  }

  /// The photo the crops are made from.
  public var photo: SourcePath
  public var focus: Focus
  /// `og:image` first, then 16:9, 4:3 and 1:1.
  public var files: [File]

  /// Each crop's proportions and width; a photo too small for one gets the largest
  /// crop of those proportions it holds (a photo is never enlarged).
  static let shapes: [(width: Int, height: Int)] = [(1200, 630), (1200, 675), (1200, 900), (1200, 1200)]

  /// The crops of `photo`, whose largest published size is `largest` (no larger
  /// than the photo itself, so each crop is sharp), for the article at `urlPath`:
  /// `tin-tuc/hoi-nghi/anh-1-1200x630.jpg`.
  public static func plan(photo: SourcePath, largest: PixelSize, focus: Focus, urlPath: String) -> Cover {
    let folder = String(urlPath.drop(while: { $0 == "/" }))
    let stem = photo.stem
    var files: [File] = []
    for shape in shapes {
      var width = min(shape.width, largest.width)
      var height = width * shape.height / shape.width
      if height > largest.height {
        height = largest.height
        width = max(1, height * shape.width / shape.height)
      }
      height = max(1, height)
      let output = folder + "\(stem)-\(width)x\(height).jpg"
      if !files.contains(where: { $0.output == output }) {
        files.append(File(output: output, width: width, height: height))
      }
    }
    return Cover(photo: photo, focus: focus, files: files)
  }

  /// The job that makes the crops (`CropSettings`), named `<width>x<height>.jpg`.
  public var job: DerivedJob {
    DerivedJob(
      recipe: CropSettings.recipe,
      settings: CropSettings(focus: focus, sizes: files.map { PixelSize(width: $0.width, height: $0.height) }).text,
      inputs: [photo])
  }

  /// The name of `file` among the job's results.
  static func name(of file: File) -> String { "\(file.width)x\(file.height).jpg" }
}

/// What the recipe `crop` is asked for: JPEG crops of exact sizes around a focus,
/// as one canonical text (`focus=0.50,0.50;quality=82;sizes=1200x630,1200x900`).
public struct CropSettings: Sendable, Equatable {
  public static let recipe = "crop"
  public var focus: Focus
  public var sizes: [PixelSize]
  public var quality = 82

  public init(focus: Focus, sizes: [PixelSize], quality: Int = 82) {
    self.focus = focus
    self.sizes = sizes
    self.quality = quality
  }

  public var text: String {
    "focus=\(focus.text);quality=\(quality);sizes="
      + sizes.map { "\($0.width)x\($0.height)" }.joined(separator: ",")
  }

  public init?(text: String) {
    guard let values = PhotoSettings.fields(of: text), values.count == 3,
      let focus = values["focus"].flatMap({ Focus(String($0)) }),
      let quality = values["quality"].flatMap({ Int($0) }), let sizes = values["sizes"]
    else { return nil }
    var parsed: [PixelSize] = []
    for size in sizes.split(separator: ",") {
      let sides = size.split(separator: "x")
      guard sides.count == 2, let width = Int(sides[0]), let height = Int(sides[1]), width > 0, height > 0,
        width <= 10_000, height <= 10_000
      else { return nil }
      parsed.append(PixelSize(width: width, height: height))
    }
    guard !parsed.isEmpty else { return nil }
    self.init(focus: focus, sizes: parsed, quality: quality)
  }
}
