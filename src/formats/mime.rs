//! The one table of content types for the whole program: the archive's WARC records,
//! the preview server's responses and the check for attachments a browser would run.
//!
//! The table is `mime_guess` (the shared-mime-info and Apache lists), with three
//! corrections for the web: `.mjs` is JavaScript (RFC 9239), `.xml` is
//! `application/xml` (RFC 7303), `.map` (source maps) is JSON, and the JSON-LD, GeoJSON
//! and web-manifest types are named (the open-data catalogue is `.jsonld`). Text types carry
//! `; charset=utf-8`, since planpub writes UTF-8.

use std::path::Path;

/// The MIME type (without parameters) of a file, by its extension (any case);
/// `application/octet-stream` when the extension is unknown or missing.
pub fn essence(path: &Path) -> &'static str {
    let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
        return "application/octet-stream";
    };
    let ext = ext.to_ascii_lowercase();
    match ext.as_str() {
        "mjs" => "text/javascript",
        "xml" => "application/xml",
        "map" => "application/json",
        "jsonld" => "application/ld+json",
        "geojson" => "application/geo+json",
        "webmanifest" => "application/manifest+json",
        _ => mime_guess::from_ext(&ext)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

/// The HTTP `Content-Type` of a site file.
pub fn content_type(path: &Path) -> String {
    let essence = essence(path);
    if essence.starts_with("text/") {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_string()
    }
}

/// What a browser does with a file of this type when it is opened from the site's own
/// address, if that is to run what is in it (scripts in HTML, SVG or XML, JavaScript,
/// WebAssembly, Flash). Such a file could act as the site: read what a visitor typed,
/// change what a page says. `None` for files a browser only shows or downloads. The
/// kind is the id of its catalogue message (`active-svg`: "an SVG image").
pub fn active_kind(path: &Path) -> Option<&'static str> {
    let essence = essence(path);
    let kind = match essence {
        "text/html" => "active-html",
        "application/xhtml+xml" => "active-xhtml",
        "image/svg+xml" => "active-svg",
        "text/javascript"
        | "application/javascript"
        | "application/ecmascript"
        | "text/ecmascript"
        | "application/x-javascript" => "active-javascript",
        "application/wasm" => "active-wasm",
        "application/x-shockwave-flash" => "active-flash",
        "text/xml" | "application/xml" | "application/xslt+xml" => "active-xml",
        e if e.ends_with("+xml") => "active-xml",
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_types_and_charsets() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("a/B.HTML", "text/html; charset=utf-8"),
            ("style.css", "text/css; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("mod.mjs", "text/javascript; charset=utf-8"),
            ("data.json", "application/json"),
            ("app.js.map", "application/json"),
            ("catalog.jsonld", "application/ld+json"),
            ("Bilag æøå 2.PDF", "application/pdf"),
            (
                "x.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            ("logo.svg", "image/svg+xml"),
            ("kort.png", "image/png"),
            ("foto.JPEG", "image/jpeg"),
            ("favicon.ico", "image/x-icon"),
            ("høringsnotat.pdf", "application/pdf"),
            ("moeder.ics", "text/calendar; charset=utf-8"),
            ("feed.atom", "application/atom+xml"),
            ("sitemap.xml", "application/xml"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("data.csv", "text/csv; charset=utf-8"),
            ("font.woff2", "font/woff2"),
            ("README", "application/octet-stream"),
            ("x.unknownext", "application/octet-stream"),
        ];
        for (p, t) in cases {
            assert_eq!(content_type(Path::new(p)), t, "{p}");
        }
    }

    #[test]
    fn types_a_browser_runs() {
        for p in [
            "a.html", "a.HTM", "a.xhtml", "a.svg", "a.js", "a.mjs", "a.xml", "a.xsl", "a.wasm",
            "a.rss",
        ] {
            assert!(active_kind(Path::new(p)).is_some(), "{p}");
        }
        for p in [
            "a.pdf", "a.docx", "a.png", "a.jpg", "a.txt", "a.csv", "a.zip", "noext",
        ] {
            assert!(active_kind(Path::new(p)).is_none(), "{p}");
        }
    }
}
