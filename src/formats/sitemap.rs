//! `sitemap.xml` (sitemaps.org protocol 0.9) and `robots.txt`.

use chrono::NaiveDate;

/// One page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapUrl {
    /// Absolute URL of the page.
    pub loc: String,
    /// Date the page's content last changed, written as `YYYY-MM-DD`.
    pub lastmod: Option<NaiveDate>,
}

/// Writes a sitemaps.org 0.9 `urlset`.
///
/// * `loc` is URL-escaped as the protocol asks: characters outside ASCII (`æ`, `ø`, `å`),
///   spaces and control characters become UTF-8 `%XX` escapes; then `& < > " '` become
///   XML entities.
/// * URLs are sorted by the written `loc`; a `loc` given twice is written once, with the
///   latest of its `lastmod` dates.
/// * The protocol allows at most 50,000 URLs (and 50 MB) per file; splitting into a sitemap
///   index is left to the caller.
pub fn sitemap(urls: &[SitemapUrl]) -> String {
    use rayon::prelude::*;
    // Escaped, sorted and written in parallel: a large site lists tens of thousands of
    // pages, and the preview writes the sitemap again on every save.
    let mut by_loc: Vec<(String, Option<NaiveDate>)> = urls
        .par_iter()
        .map(|u| (url_escape(u.loc.trim()), u.lastmod))
        .collect();
    by_loc.par_sort_by(|a, b| a.0.cmp(&b.0));
    by_loc.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    let parts: Vec<String> = by_loc
        .par_chunks(1024)
        .map(|chunk| {
            let mut out = String::new();
            for (loc, lastmod) in chunk {
                url_entry(&mut out, loc, *lastmod);
            }
            out
        })
        .collect();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    out.extend(parts);
    out.push_str("</urlset>\n");
    out
}

fn url_entry(out: &mut String, loc: &str, lastmod: Option<NaiveDate>) {
    use std::fmt::Write;
    out.push_str("  <url>\n    <loc>");
    out.push_str(&crate::formats::escape::markup(loc));
    out.push_str("</loc>\n");
    if let Some(date) = lastmod {
        let _ = writeln!(out, "    <lastmod>{}</lastmod>", date.format("%Y-%m-%d"));
    }
    out.push_str("  </url>\n");
}

/// `robots.txt` that allows everything and names the sitemap.
pub fn robots_txt(sitemap_url: &str) -> String {
    let url: String = sitemap_url
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    format!("User-agent: *\nAllow: /\nSitemap: {url}\n")
}

/// Percent-encodes (as UTF-8) everything that may not appear literally in a URI: non-ASCII,
/// space, control characters and `" < > \ ^ ` { | }`. Everything else, including existing
/// `%XX` escapes, is kept.
fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let literal = c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c);
        if literal {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}
