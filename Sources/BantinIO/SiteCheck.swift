import BantinCore
import Foundation

/// `bantin check` and the pre-commit hook: the site built in memory, nothing
/// written, with links to pages the site does not have as errors.
public enum SiteCheck {
  public struct Outcome: Sendable {
    /// Every diagnostic, sorted.
    public var diagnostics: [Diagnostic]
    public var summary: BuildSummary
  }

  /// Derived files are made (a photo that cannot be processed is an error) and
  /// kept in the site's `.bantin-cache/.derived/`, for the build that follows.
  public static func run(
    root: String, includeDrafts: Bool = false, includeFuture: Bool = false,
    recipes: [any DerivedRecipe] = DerivedRecipes.standard
  ) -> Outcome {
    let (tree, loadProblems) = SourceTree.load(root: root)
    var build = BuildConfig(now: Timestamp(Date()), includeDrafts: includeDrafts, includeFuture: includeFuture)
    build.brokenLinksAreErrors = true
    build.givesAdvice = true
    build.derivedFiles = DerivedStore(cache: root + "/" + BuildCache.folderName, siteRoot: root, recipes: recipes)
    let result = Pipeline(build: build).run(tree)
    return Outcome(diagnostics: (loadProblems + result.diagnostics).sorted(), summary: result.summary)
  }
}
