//! Content types by file extension.

use std::path::Path;

/// The HTTP `Content-Type` for a site file, chosen by its extension
/// (case-insensitive).  Text types carry `; charset=utf-8`, since planpub writes
/// UTF-8; unknown extensions give `application/octet-stream`.
pub fn content_type_for(path: &Path) -> &'static str {
    let ext = match path.extension().and_then(|e| e.to_str()) {
        Some(e) => e.to_ascii_lowercase(),
        None => return "application/octet-stream",
    };
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json",
        "jsonld" => "application/ld+json",
        "geojson" => "application/geo+json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/vnd.microsoft.icon",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        "atom" => "application/atom+xml",
        "rss" => "application/rss+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::content_type_for;
    use std::path::Path;

    #[test]
    fn known_types() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("a/B.HTML", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("data.json", "application/json"),
            ("catalog.jsonld", "application/ld+json"),
            ("logo.svg", "image/svg+xml"),
            ("kort.png", "image/png"),
            ("foto.jpg", "image/jpeg"),
            ("foto.JPEG", "image/jpeg"),
            ("høringsnotat.pdf", "application/pdf"),
            ("moeder.ics", "text/calendar; charset=utf-8"),
            ("feed.atom", "application/atom+xml"),
            ("sitemap.xml", "application/xml"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("font.woff2", "font/woff2"),
            ("README", "application/octet-stream"),
            ("archive.tar.zst", "application/octet-stream"),
            (".hidden", "application/octet-stream"),
        ];
        for (p, t) in cases {
            assert_eq!(content_type_for(Path::new(p)), t, "{p}");
        }
    }
}
