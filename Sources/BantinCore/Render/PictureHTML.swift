/// The HTML of an image in an article's body: `<img>` with its size, and for a
/// processed photo `<picture>` with a WebP `<source>` and `srcset` of every width,
/// so that a phone downloads the width its screen shows.
enum PictureHTML {
  /// How wide the theme's article column shows a photo: the full width of the
  /// screen less the margins on a phone, 44rem from a 46rem screen up
  /// (`.wrap--narrow` in `style.css`). The card partial says its own.
  static let proseSizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"

  /// `lead`: the page's first photo, which the largest paint waits for: loaded at
  /// once with high priority. Every other image is loaded when it nears the screen.
  static func html(_ image: ResolvedImage, alt: String, title: String?, lead: Bool) -> String {
    var img = "<img src=\"\(HTML.escape(image.src))\""
    let fallbacks = image.fallbacks
    let webp = image.webpVariants
    if fallbacks.count > 1 {
      img += " srcset=\"\(HTML.escape(srcset(fallbacks)))\" sizes=\"\(proseSizes)\""
    }
    img += " alt=\"\(HTML.escape(alt))\""
    if let width = image.width, let height = image.height {
      img += " width=\"\(width)\" height=\"\(height)\""
    }
    if let title, !title.isEmpty { img += " title=\"\(HTML.escape(title))\"" }
    img += lead ? " fetchpriority=\"high\">" : " loading=\"lazy\" decoding=\"async\">"
    guard !webp.isEmpty else { return img }
    return "<picture><source type=\"image/webp\" srcset=\"\(HTML.escape(srcset(webp)))\" sizes=\"\(proseSizes)\">"
      + img + "</picture>"
  }

  /// `a-480.webp 480w, a-960.webp 960w`.
  static func srcset(_ variants: [ImageVariant]) -> String {
    variants.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
  }
}
