/// Every file a build writes: its pages, the stylesheet and the copied files.
struct FilePlan {
  var pages: [any SitePage]
  var copies: [OutputFile]
  /// The bytes the copies take.
  var copiedBytes: Int
}

extension Pipeline {
  /// Stage 6: every file to write, from every output (`SiteOutputs`), checked
  /// before any is rendered: two files at one place, broken links, the limits.
  func planFiles(
    _ site: Site, assets: AssetMap, _ settings: Settings, cache: inout MemoReuse, log: inout BuildLog
  ) -> FilePlan {
    let config = settings.config
    let pages = SiteOutputs.plan(site, options: OutputOptions(writesFeeds: !settings.url.origin.isEmpty))
    if settings.url.origin.isEmpty {
      log.add([
        Diagnostic(.warning, in: SiteConfig.path, Say.noBaseURL)
      ])
    }
    var copies: [OutputFile] = []
    var copiedBytes = 0
    for asset in assets.assets.values.sorted(by: { $0.output < $1.output }) {
      if let bundle = asset.bundle, site.unpublishedBundles.contains(bundle) { continue }
      copies.append(OutputFile(path: asset.output, content: asset.content))
      copiedBytes += asset.info.byteCount
    }
    let stylesheet = settings.theme.stylesheet.path
    let outputs = pages.map(\.path) + [stylesheet] + copies.map(\.path)
    if !log.diagnostics.hasErrors {  // else repeats of what was said
      // The same files as a build that passed the check pass it.
      let outputsHash = Pipeline.hash(outputs)
      if cache.outputsChecked(outputsHash) {
        cache.checked(outputsHash)
      } else {
        let problems = Pipeline.checkOutputs(
          Pipeline.planned(pages, stylesheet: stylesheet, copies: copies, site: site))
        log.add(problems)
        if problems.isEmpty { cache.checked(outputsHash) }
      }
    }
    log.add(Pipeline.checkLinks(site, outputs: Set(outputs), severity: build.brokenLinksAreErrors ? .error : .warning))
    if build.givesAdvice {
      log.add(Pipeline.checkUnreached(site, templates: Array(settings.theme.templates.texts.values)))
    }
    if outputs.count + 1 > config.maxOutputFiles {
      log.add([
        Diagnostic(.error, in: SiteConfig.path, Say.tooManyFiles(outputs.count + 1, limit: config.maxOutputFiles))
      ])
    }
    log.summary.pages = pages.count { $0.role == .page || $0.role == .alias }
    log.summary.feeds = pages.count { $0.role == .feed }
    log.summary.aliases = pages.count { $0.role == .alias }
    log.summary.filesCopied = copies.count
    return FilePlan(pages: pages, copies: copies, copiedBytes: copiedBytes)
  }

  /// Every file to write, with what it is written for and its source file.
  static func planned(
    _ plan: [any SitePage], stylesheet: OutputPath, copies: [OutputFile], site: Site
  ) -> [(path: OutputPath, origin: Message, file: SourcePath?)] {
    let owners = Dictionary(
      (site.articles + site.pages).map { ($0.urlPath, $0.source) }, uniquingKeysWith: { a, _ in a })
    var planned: [(path: OutputPath, origin: Message, file: SourcePath?)] = plan.map { page in
      let (origin, file) = page.origin(in: site, owners: owners)
      return (page.path, origin, file)
    }
    planned.append((stylesheet, Say.Origin.stylesheet, nil))
    for copy in copies {
      if case .copy(let source) = copy.content {
        planned.append((copy.path, Say.Origin.file(source.rawValue), source))
      } else if case .derived(let file) = copy.content {
        planned.append((copy.path, Say.Origin.file("\(file.source) (\(file.name))"), file.source))
      } else {
        planned.append((copy.path, Say.Origin.themeFile(copy.path.rawValue), nil))
      }
    }
    return planned
  }

  /// Output paths hashed as a multiset: the same paths, each as often, in any order.
  static func hash(_ outputs: [OutputPath]) -> StableHash {
    var paths = UnorderedHasher()
    for path in outputs { paths.add { $0.combine(path.rawValue) } }
    return paths.value
  }

  // MARK: - Steps
}
