/// The `Content-Security-Policy` the preview server sends, and the README asks web
/// servers to send: pages run only scripts of the site's own address (the theme's
/// and the preview's live reload; no inline script, no `eval`), load photos from
/// the site or `https:`, and cannot be framed by other sites; every other file (an
/// SVG, an XML file, a PDF opened in the browser) runs nothing at all.
public enum ContentSecurity {
  public static let pages =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
    + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' https:; frame-ancestors 'self'"

  public static let files = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox"
}
