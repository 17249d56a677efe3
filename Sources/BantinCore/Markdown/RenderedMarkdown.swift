/// A link or image in an article body, as the editor wrote it.
public struct MarkdownReference: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case link
    /// An image inside running text.
    case image
    /// An image alone in its paragraph, published as `<figure>` with a caption.
    case figure
  }

  public var kind: Kind
  public var destination: String
  public var title: String
  /// The link's text, or the image's alt text, as plain text.
  public var text: String
  public var location: SourceLocation
}

/// An image whose file was found: what `<img>` gets.
public struct ResolvedImage: Sendable, Hashable {
  public var src: String
  /// The image's size; for a photo the site processes, its largest published size
  /// (what `width` and `height` must give: its proportions).
  public var width: Int?
  public var height: Int?
  /// A processed photo's published files, each width as WebP and as JPEG (or PNG),
  /// for `srcset`; empty for an image published as it is.
  public var variants: [ImageVariant] = []
  /// The photo the variants were made from (crops for sharing are made from it).
  public var photo: SourcePath?

  public init(
    src: String, width: Int? = nil, height: Int? = nil, variants: [ImageVariant] = [], photo: SourcePath? = nil
  ) {
    self.src = src
    self.width = width
    self.height = height
    self.variants = variants
    self.photo = photo
  }
}

/// What to do with a reference once the site has looked at it.
public enum ReferenceResolution: Sendable {
  /// Leave it as written.
  case keep
  /// Point the link elsewhere (a site path with the site's base path, say).
  case link(String)
  /// Publish the image from this address.
  case image(ResolvedImage)
  /// The reference is wrong; the diagnostic says why. The node is left as written.
  case failed(Diagnostic)
}

/// An article body rendered to HTML, with what the site needs to know about it.
public struct RenderedMarkdown: Sendable {
  public var html: String
  /// Words of running text (not alt text), for reading time.
  public var wordCount: Int
  /// The plain text of the first paragraph that is not a photo, for summaries.
  public var firstParagraph: String
  public var references: [MarkdownReference]
  public var diagnostics: [Diagnostic]
  /// The text before a `<!--more-->` line, Hugo's summary break; nil without one.
  public var summaryBeforeBreak: String? = nil
  /// A warning for each word in capitals the glossary does not know, at its first
  /// use (`bantin check` says them; a build does not).
  public var unknownAbbreviations: [Diagnostic] = []
}
