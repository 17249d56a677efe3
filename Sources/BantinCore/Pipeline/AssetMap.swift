/// Where each file that is published as it is (photos, documents, stylesheets) ends
/// up, and which URL each Markdown file gets: what links and images resolve against.
struct AssetMap: Sendable, Equatable {
  struct Asset: Sendable, Equatable {
    var output: OutputPath
    var info: AssetInfo
    var content: OutputFile.Content
    /// The page bundle it belongs to, whose article must be published for it to be.
    var bundle: SourcePath?
  }

  /// By output path: what is published there.
  var assets: [OutputPath: Asset] = [:]
  /// Source file → output path, for relative references.
  var outputs: [SourcePath: OutputPath] = [:]
  /// Markdown source → its page's site path, for links written to `.md` files.
  var pageURLs: [SourcePath: String] = [:]
  /// A published image of a processed photo (`DerivedRequest.standsForAsset`).
  struct Image: Sendable, Equatable {
    var output: OutputPath
    var size: PixelSize
    var type: String
  }
  /// A processed photo's published images, narrowest first: what an image written
  /// as the photo shows.
  var images: [SourcePath: [Image]] = [:]
  /// Where assets that their derived files stand for would have been published:
  /// an image written as that site path (`/tin-tuc/anh.jpg`) still finds them.
  var replaced: [OutputPath: SourcePath] = [:]
  var diagnostics: [Diagnostic] = []

  /// Lays out every asset: bundle files beside their article, other content files at
  /// their own path, `static/` at the root, the theme's `static/` under all of them.
  init(tree: SourceTree, entries: [ContentEntry], themeStatic: [(path: String, bytes: [UInt8])]) {
    var bundles: [SourcePath: String] = [:]
    for entry in entries {
      pageURLs[entry.path] = entry.urlPath
      if let bundle = entry.bundle { bundles[bundle] = SitePath.folder(of: entry.urlPath) }
    }
    var claimedBy: [OutputPath: SourcePath] = [:]
    let siteFiles = tree.files.values.filter {
      if case .asset = $0.content { return true } else { return false }
    }.sorted { $0.path < $1.path }
    // Content and static/ first: two of them at one URL is an error.
    for file in siteFiles {
      guard case .asset(let info) = file.content else { continue }
      var output: OutputPath
      var bundle: SourcePath?
      if let relative = file.path.relative(to: "static") {
        output = OutputPath(relative)
      } else if let relative = file.path.relative(to: ContentEntry.contentFolder) {
        output = OutputPath(relative)
        var folder = file.path.parent
        while folder != ContentEntry.contentFolder && !folder.rawValue.isEmpty {
          if let urlPath = bundles[folder], let inside = file.path.relative(to: folder) {
            output = OutputPath(String(urlPath.dropFirst()) + inside)
            bundle = folder
            break
          }
          folder = folder.parent
        }
      } else {
        continue
      }
      if let earlier = claimedBy[output] {
        diagnostics.append(
          Diagnostic(.error, in: file.path, Say.publishedTwice(output.rawValue, earlier.rawValue)))
        continue
      }
      claimedBy[output] = file.path
      outputs[file.path] = output
      assets[output] = Asset(output: output, info: info, content: .copy(file.path), bundle: bundle)
    }
    // Then the theme's static files, under the site's own.
    for file in siteFiles {
      guard case .asset(let info) = file.content, let relative = file.path.relative(to: "templates/static")
      else { continue }
      let output = OutputPath(relative)
      guard assets[output] == nil else { continue }
      outputs[file.path] = output
      assets[output] = Asset(output: output, info: info, content: .copy(file.path), bundle: nil)
    }
    for (path, bytes) in themeStatic {
      let output = OutputPath(path)
      guard assets[output] == nil else { continue }
      assets[output] = Asset(
        output: output, info: AssetInfo(byteCount: bytes.count), content: .bytes(bytes), bundle: nil)
    }
  }
}

/// Resolves the links and images of one Markdown file against the site.
struct ReferenceResolver {
  let assets: AssetMap
  let url: SiteURL
  /// The folder of the Markdown file, for relative references.
  let folder: SourcePath

  func resolve(_ reference: MarkdownReference) -> ReferenceResolution {
    switch reference.kind {
    case .link: return resolveLink(reference)
    case .image, .figure:
      switch resolveImage(reference.destination, at: reference.location) {
      case .success(let image): return .image(image)
      case .failure(let diagnostic): return .failed(diagnostic)
      }
    }
  }

  static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]

  func resolveLink(_ reference: MarkdownReference) -> ReferenceResolution {
    let destination = reference.destination
    let (path, suffix) = ReferenceResolver.splitSuffix(destination)
    if let scheme = ReferenceResolver.scheme(of: destination) {
      if ReferenceResolver.unsafeSchemes.contains(scheme) {
        return .failed(
          .warning(reference.location, Say.unsafeLink(scheme)))
      }
      return .keep
    }
    if path.isEmpty || destination.hasPrefix("//") { return .keep }
    if path.hasPrefix("/") {
      guard url.basePath != "/" else { return .keep }
      // Written with the base path already (`/vi/x/` under `…/vi/`), as Hugo sites
      // write links (Hugo leaves them as they are): not prefixed a second time.
      if path.hasPrefix(url.basePath) || path + "/" == url.basePath {
        return .link(url.relative(String(path.dropFirst(url.basePath.count - 1))) + suffix)
      }
      return .link(url.relative(String(path)) + suffix)
    }
    guard let decoded = URLPath.decode(path), let target = folder.resolving(decoded) else { return .keep }
    if target.isMarkdown {
      guard let page = assets.pageURLs[target] else {
        return .failed(.error(reference.location, Say.brokenFileLink(destination, target: target)))
      }
      return .link(url.relative(page) + suffix)
    }
    if let output = assets.outputs[target] {
      return .link(url.relative(URLPath.encode(output.rawValue)) + suffix)
    }
    return .keep
  }

  func resolveImage(_ destination: String, at location: SourceLocation) -> Result<ResolvedImage, Diagnostic> {
    let (path, _) = ReferenceResolver.splitSuffix(destination)
    if let scheme = ReferenceResolver.scheme(of: destination) {
      guard scheme == "https" else {
        // `C:\Users\…\anh.jpg`, `file:///…`: a file of the editor's own computer.
        if let name = UnsupportedSyntax.computerFileName(destination) {
          return .failure(.error(location, Say.imageOnComputer(String(destination.prefix(80)), name: name)))
        }
        return .failure(.error(location, Say.imageNotHTTPS(String(destination.prefix(60)), write: nil)))
      }
      return .success(ResolvedImage(src: URLPath.encodeURL(destination)))
    }
    if destination.hasPrefix("//") {
      return .failure(
        .error(
          location,
          Say.imageNotHTTPS(String(destination.prefix(60)), write: "https:" + destination.prefix(60))))
    }
    guard !path.isEmpty else {
      return .failure(.error(location, Say.imageWithoutFile))
    }
    guard let decoded = URLPath.decode(path) else {
      return .failure(.error(location, Say.imageBadEscape(destination)))
    }
    let output: OutputPath
    if decoded.hasPrefix("/") {
      let candidate = OutputPath(String(decoded.drop(while: { $0 == "/" })))
      guard !decoded.split(separator: "/").contains(where: { $0 == ".." }),
        assets.assets[candidate] != nil || assets.replaced[candidate] != nil
      else {
        return .failure(
          .error(location, Say.imageMissing(destination, looked: "content\(decoded)", or: "static\(decoded)")))
      }
      if let photo = assets.replaced[candidate] { return .success(photoImage(photo)) }
      output = candidate
    } else {
      guard let source = folder.resolving(decoded), source.relative(to: ContentEntry.contentFolder) != nil else {
        return .failure(.error(location, Say.imageOutside(destination)))
      }
      if assets.images[source] != nil { return .success(photoImage(source)) }
      guard let found = assets.outputs[source] else {
        // Named as Windows or macOS would find it (`Anh.JPG` for `anh.jpg`).
        let lowered = source.rawValue.lowercased()
        if let other = (assets.images.keys.first { $0.rawValue.lowercased() == lowered })
          ?? (assets.outputs.keys.first { $0.rawValue.lowercased() == lowered })
        {
          let folderAsWritten = destination.lastIndex(of: "/").map { String(destination[...$0]) } ?? ""
          let write =
            other.parent == source.parent
            ? folderAsWritten + other.fileName
            : "/" + (other.relative(to: ContentEntry.contentFolder) ?? other.rawValue)
          return .failure(.error(location, Say.imageOtherCase(destination, file: other.rawValue, write: write)))
        }
        return .failure(.error(location, Say.imageMissing(destination, looked: source.rawValue, or: nil)))
      }
      output = found
    }
    let size = assets.assets[output]?.info.pixelSize
    return .success(
      ResolvedImage(src: url.relative(URLPath.encode(output.rawValue)), width: size?.width, height: size?.height))
  }

  /// The width of the image `src` names, for browsers without `srcset`: the theme's
  /// article column is about this wide.
  static let plainWidth = 960

  /// A processed photo as an image: every published file, the largest's size, and
  /// as `src` the widest fallback (JPEG or PNG) no wider than `plainWidth`.
  func photoImage(_ photo: SourcePath) -> ResolvedImage {
    let files = assets.images[photo] ?? []
    var image = ResolvedImage(src: "", photo: photo)
    image.variants = files.map {
      ImageVariant(
        url: url.relative(URLPath.encode($0.output.rawValue)), width: $0.size.width, height: $0.size.height,
        type: $0.type)
    }
    let fallbacks = image.fallbacks
    let shown = fallbacks.last(where: { $0.width <= Self.plainWidth }) ?? fallbacks.first ?? image.variants.first
    let largest = fallbacks.last ?? image.variants.last
    image.src = shown?.url ?? ""
    image.width = largest?.width
    image.height = largest?.height
    return image
  }

  /// The site path a link points at, for the link check: absolute paths and
  /// relative ones (resolved against the page's path `from`), without query or
  /// fragment; nil for other sites, mail and fragments.
  static func sitePath(of destination: String, from page: String) -> String? {
    guard scheme(of: destination) == nil, !destination.hasPrefix("//") else { return nil }
    let (path, _) = splitSuffix(destination)
    guard !path.isEmpty, let decoded = URLPath.decode(path) else { return nil }
    if SourcePath(decoded).isMarkdown { return nil }  // checked when the link was resolved
    var parts = decoded.hasPrefix("/") ? [] : page.split(separator: "/").map(String.init)
    for part in decoded.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(String(part))
      }
    }
    let folder = decoded.hasSuffix("/") || decoded.hasSuffix("/.") || decoded.hasSuffix("/..")
    return "/" + parts.joined(separator: "/") + (folder && !parts.isEmpty ? "/" : "")
  }

  /// The site path of an address bantin wrote into a page (`/phuong/tin-tuc/a/`
  /// under the base path `/phuong/`): `/tin-tuc/a/`, without query or fragment.
  static func sitePath(ofPublished address: String, url: SiteURL) -> String? {
    let (path, _) = splitSuffix(address)
    guard let decoded = URLPath.decode(path), decoded.hasPrefix(url.basePath) else { return nil }
    return "/" + decoded.dropFirst(url.basePath.count)
  }

  /// The lowercased scheme of an absolute URL (`https`, `mailto`), or nil for a path.
  static func scheme(of destination: String) -> String? {
    guard let colon = destination.firstIndex(of: ":") else { return nil }
    let scheme = destination[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
    else { return nil }
    return scheme.lowercased()
  }

  /// `a/b.jpg?x#y` → (`a/b.jpg`, `?x#y`).
  static func splitSuffix(_ destination: String) -> (Substring, String) {
    let cut = destination.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? destination.endIndex
    return (destination[..<cut], String(destination[cut...]))
  }
}

extension SourcePath {
  /// A relative reference (`anh-1.jpg`, `../chung/anh.jpg`) from this folder, with
  /// `.` and `..` resolved; nil when it climbs above the site's root.
  func resolving(_ reference: String) -> SourcePath? {
    var parts = components.map(String.init)
    for part in reference.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.isEmpty ? nil : SourcePath(parts.joined(separator: "/"))
  }
}

extension AssetMap {
  /// Everything a reference can resolve to, with the site's address, hashed in any
  /// order: while it is the same, every rendered article's lookups find what they found.
  func fingerprint(url: SiteURL) -> StableHash {
    var items = UnorderedHasher()
    for asset in assets.values {
      items.add { hasher in
        hasher.combine(0)
        hasher.combine(asset.output.rawValue)
        hasher.combine(asset.info.byteCount)
        hasher.combine(asset.info.pixelSize?.width ?? -1)
        hasher.combine(asset.info.pixelSize?.height ?? -1)
        switch asset.content {
        case .copy(let source): hasher.combine(source.rawValue)
        case .bytes(let bytes): hasher.combine(bytes)
        case .unchanged: hasher.combine(1)
        case .derived(let file):
          hasher.combine(2)
          hasher.combine(file.key)
          hasher.combine(file.name)
        }
        hasher.combine(optional: asset.bundle?.rawValue)
      }
    }
    for (source, output) in outputs {
      items.add { hasher in
        hasher.combine(1)
        hasher.combine(source.rawValue)
        hasher.combine(output.rawValue)
      }
    }
    for (source, urlPath) in pageURLs {
      items.add { hasher in
        hasher.combine(2)
        hasher.combine(source.rawValue)
        hasher.combine(urlPath)
      }
    }
    var hasher = StableHasher()
    hasher.combine(items.value)
    hasher.combine(url.origin)
    hasher.combine(url.basePath)
    return hasher.value
  }
}
