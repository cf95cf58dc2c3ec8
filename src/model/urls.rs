//! Where every page lives in the output, as site-relative paths ending in `/` (a folder
//! with an `index.html`). Nothing here can escape the output folder: every segment is a
//! [`Slug`](crate::model::slug::Slug), a date or a number.
//!
//! A path becomes part of a URL only through [`crate::formats::url::encode_path`]: in
//! [`LinkStyle::folder`] for the links of pages, in [`absolute`] for every full address
//! (JSON, feeds, sitemap, calendars, JSON-LD), and in the WARC writer.

use crate::formats::url::encode_path;
use crate::model::content::{Data, Decision, Document};
use crate::model::slug::Slug;

pub const PLANS: &str = "planer/";
pub const HEARINGS: &str = "hoeringer/";
pub const DECISIONS: &str = "beslutninger/";

/// The full address of a site path (`base_url` + the encoded path). `base_url` is
/// written as `site.yaml` gives it (checked to be an http(s) address, ending in `/`).
pub fn absolute(base_url: &str, path: &str) -> String {
    let path = encode_path(path);
    let mut s = String::with_capacity(base_url.len() + path.len());
    s.push_str(base_url);
    s.push_str(&path);
    s
}

pub fn doc_path(d: &Document) -> &str {
    // Its slug, type and (for a decision) meeting are set when the file is read.
    d.path.get_or_init(|| match &d.data {
        Data::Plan(_) => format!("{PLANS}{}/", d.slug),
        Data::Hearing(_) => format!("{HEARINGS}{}/", d.slug),
        Data::Decision(x) => decision_path(x),
        Data::Page(_) => format!("{}/", d.slug),
    })
}

/// `/beslutninger/<body>/<yyyy-mm-dd>/<item>/`: independent of the title, so editing
/// a title never moves a decision.
pub fn decision_path(x: &Decision) -> String {
    format!("{}{}/", meeting_path(&x.body_slug, x), x.item)
}

pub fn meeting_path(body: &Slug, x: &Decision) -> String {
    let day = x
        .meeting
        .start()
        .map(|d| d.to_string()) // ISO 8601, as `%Y-%m-%d`, without parsing a format
        .unwrap_or_default();
    format!("{DECISIONS}{body}/{day}/")
}

pub fn body_path(body: &Slug) -> String {
    format!("{DECISIONS}{body}/")
}

pub fn decisions_year_path(year: i32) -> String {
    format!("{DECISIONS}aar/{year}/")
}

pub fn plans_area_path(area: &Slug) -> String {
    format!("{PLANS}omraade/{area}/")
}

/// The listing of plans with one status, at a Danish address like every other one:
/// `planer/status/vedtaget/`.
pub fn plans_status_path(status: &str) -> String {
    format!("{PLANS}status/{}/", status_folder(status))
}

/// Where the listing of one status was before its address was Danish
/// (`planer/status/adopted/`): the build keeps a page there that leads on.
pub fn plans_status_old_path(status: &str) -> String {
    format!("{PLANS}status/{status}/")
}

fn status_folder(status: &str) -> &str {
    match status {
        "draft" => "under-udarbejdelse",
        "hearing" => "i-hoering",
        "adopted" => "vedtaget",
        "archived" => "arkiveret",
        other => other,
    }
}

/// The href from the page at `from` to the site path `to` (both site-relative),
/// as a relative link so the site works from any folder and from `file://`.
pub fn relative(from: &str, to: &str, style: LinkStyle) -> String {
    let depth = from.matches('/').count();
    let mut s = "../".repeat(depth);
    s.push_str(to);
    style.finish(s)
}

/// How links to folders are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkStyle {
    /// `planer/x/`: clean addresses for a web server.
    #[default]
    Pretty,
    /// `planer/x/index.html`: works from `file://` and inside archives.
    ExplicitIndex,
}

impl LinkStyle {
    /// A site-relative path (`planer/x/`, `planer/x/bilag 1.pdf`) as a page links it in
    /// this style: percent-encoded, and a folder with `index.html` when explicit.
    pub fn folder(self, p: &str) -> String {
        let p = encode_path(p);
        if self == LinkStyle::ExplicitIndex && p.ends_with('/') {
            format!("{p}index.html")
        } else {
            p.into_owned()
        }
    }

    pub fn finish(self, mut href: String) -> String {
        if self == LinkStyle::ExplicitIndex && (href.is_empty() || href.ends_with('/')) {
            href.push_str("index.html");
        }
        if href.is_empty() {
            href.push_str("./");
        }
        href
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(
            relative("planer/x/", "hoeringer/y/", LinkStyle::Pretty),
            "../../hoeringer/y/"
        );
        assert_eq!(relative("", "planer/", LinkStyle::Pretty), "planer/");
        assert_eq!(relative("planer/x/", "", LinkStyle::Pretty), "../../");
        assert_eq!(relative("", "", LinkStyle::Pretty), "./");
        assert_eq!(
            relative("a/", "", LinkStyle::ExplicitIndex),
            "../index.html"
        );
        assert_eq!(
            relative("a/", "x.css", LinkStyle::ExplicitIndex),
            "../x.css"
        );
    }

    #[test]
    fn addresses_are_percent_encoded() {
        assert_eq!(
            absolute("https://x.dk/", "hoeringer/h/bilag æøå #2.pdf"),
            "https://x.dk/hoeringer/h/bilag%20%C3%A6%C3%B8%C3%A5%20%232.pdf"
        );
        assert_eq!(
            absolute("https://x.dk/", "planer/p/"),
            "https://x.dk/planer/p/"
        );
        assert_eq!(
            LinkStyle::Pretty.folder("planer/p/a b.pdf"),
            "planer/p/a%20b.pdf"
        );
        assert_eq!(
            LinkStyle::ExplicitIndex.folder("planer/p/"),
            "planer/p/index.html"
        );
    }
}
