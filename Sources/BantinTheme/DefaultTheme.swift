/// The default theme that ships inside the bantin binary: the repository's
/// `templates/` folder, embedded at build time, so a site folder holding only
/// `content/` builds. A site's own `templates/` overrides it file by file.
public enum DefaultTheme {
  /// Every file of the theme, by its path inside `templates/`.
  ///
  /// SwiftPM embeds each file under a name made from its file name alone, so the
  /// paths are listed here; a test checks this list against the folder.
  public static let files: [String: [UInt8]] = [
    "base.mustache": PackageResources.base_mustache,
    "home.mustache": PackageResources.home_mustache,
    "section.mustache": PackageResources.section_mustache,
    "article.mustache": PackageResources.article_mustache,
    "page.mustache": PackageResources.page_mustache,
    "term.mustache": PackageResources.term_mustache,
    "terms.mustache": PackageResources.terms_mustache,
    "archive.mustache": PackageResources.archive_mustache,
    "archives.mustache": PackageResources.archives_mustache,
    "404.mustache": PackageResources._04_mustache,  // SwiftPM replaces a leading digit
    "alias.mustache": PackageResources.alias_mustache,
    "search.mustache": PackageResources.search_mustache,
    "glossary.mustache": PackageResources.glossary_mustache,
    "partials/head.mustache": PackageResources.head_mustache,
    "partials/cards.mustache": PackageResources.cards_mustache,
    "partials/pagination.mustache": PackageResources.pagination_mustache,
    "partials/header.mustache": PackageResources.header_mustache,
    "partials/footer.mustache": PackageResources.footer_mustache,
    "partials/card.mustache": PackageResources.card_mustache,
    "style.css": PackageResources.style_css,
    "static/tim-kiem.js": PackageResources.tim_kiem_js,
  ]
}
