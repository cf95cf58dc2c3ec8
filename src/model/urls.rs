//! Where every page lives in the output, as site-relative paths ending in `/` (a folder
//! with an `index.html`). Nothing here can escape the output folder: every segment is a
//! [`Slug`](crate::model::slug::Slug), a date or a number.

use crate::model::content::{Data, Decision, Document};
use crate::model::slug::Slug;

pub const PLANS: &str = "planer/";
pub const HEARINGS: &str = "hoeringer/";
pub const DECISIONS: &str = "beslutninger/";

pub fn doc_path(d: &Document) -> String {
    match &d.data {
        Data::Plan(_) => format!("{PLANS}{}/", d.slug),
        Data::Hearing(_) => format!("{HEARINGS}{}/", d.slug),
        Data::Decision(x) => decision_path(x),
        Data::Page(_) => format!("{}/", d.slug),
    }
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
        .map(|d| d.format("%Y-%m-%d").to_string())
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
    /// A site-relative folder path (`planer/x/`) as this style writes it.
    pub fn folder(self, p: &str) -> String {
        if self == LinkStyle::ExplicitIndex && p.ends_with('/') {
            format!("{p}index.html")
        } else {
            p.to_string()
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
}
