/// How the HTML export refers to images under `media/`.
public enum ImageMode: String, Sendable, CaseIterable {
    /// Images are written into the HTML file as `data:` URIs: one file, nothing else to ship.
    case embed
    /// Images stay files, referred to as `media/...` relative to the HTML file: the site's
    /// `media/` folder must be shipped next to it.
    case relative
}
