//! Links in a page's text to pages that are not public (drafts, embargoed items).
//!
//! A link to such a page would publish its address, and so its slug, before the page
//! itself. [`hidden_target`] is the one rule for what such a link is: the build warns
//! about each with its file and line ([`check_body_links`]), and the renderer leaves the
//! link out and shows its text plain.

use crate::messages::Key;
use crate::model::content::Document;
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::site::Site;
use crate::model::urls;

/// The non-public document that `dest`, written on the page at site path `from`
/// (`planer/x/`), points at, if any. Understands site-absolute links (`/planer/y/`),
/// links with the site's own address in front and relative links (`../y/`).
pub fn hidden_target<'a>(site: &'a Site, from: &str, dest: &str) -> Option<&'a Document> {
    if site.hidden.is_empty() {
        return None;
    }
    let path = site_path(&site.config.base_url, from, dest)?;
    site.hidden
        .iter()
        .find(|d| {
            let target = urls::doc_path(d);
            path == target || path == target.trim_end_matches('/') || path.starts_with(target)
        })
        .map(|d| &**d)
}

/// The site path a link leads to, normalised (`planer/x/`), or `None` for a link that
/// leaves the site.
fn site_path(base_url: &str, from: &str, dest: &str) -> Option<String> {
    let dest = dest.trim();
    let dest = dest.split(['?', '#']).next().unwrap_or("");
    let (base, rel) = if let Some(rest) = dest.strip_prefix(base_url) {
        ("", rest)
    } else if let Some(rest) = dest.strip_prefix('/').filter(|r| !r.starts_with('/')) {
        ("", rest)
    } else if dest.contains(':') || dest.starts_with("//") || dest.is_empty() {
        return None;
    } else {
        (from, dest)
    };
    let mut segments: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    if segments.last() == Some(&"index.html") {
        segments.pop();
    }
    let mut path = segments.join("/");
    if !path.is_empty() && (rel.ends_with('/') || dest.ends_with("index.html")) {
        path.push('/');
    }
    Some(path)
}

/// A warning for every link in a public page's text that points at a page that is not
/// public.
pub fn check_body_links(site: &Site) -> Vec<Diagnostic> {
    if site.hidden.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for d in &site.docs {
        let from = urls::doc_path(d);
        for (line, dest) in &d.body_links {
            if let Some(target) = hidden_target(site, from, dest) {
                let key = Key::new("link-to-hidden")
                    .arg("dest", dest.as_str())
                    .arg("file", target.file.as_str())
                    .arg("title", target.title.as_str());
                out.push(Diagnostic::keyed(Severity::Warning, &d.file, key).at(Some(*line), None));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn link_forms_lead_to_site_paths() {
        let base = "https://planer.example.dk/";
        let p = |dest: &str| site_path(base, "planer/x/", dest);
        assert_eq!(p("/planer/y/").as_deref(), Some("planer/y/"));
        assert_eq!(
            p("https://planer.example.dk/planer/y/").as_deref(),
            Some("planer/y/")
        );
        assert_eq!(p("../y/").as_deref(), Some("planer/y/"));
        assert_eq!(p("../y/index.html#a").as_deref(), Some("planer/y/"));
        assert_eq!(p("../../hoeringer/z").as_deref(), Some("hoeringer/z"));
        assert_eq!(p("bilag.pdf").as_deref(), Some("planer/x/bilag.pdf"));
        assert_eq!(p("https://other.example/planer/y/"), None);
        assert_eq!(p("mailto:a@b.dk"), None);
        assert_eq!(p("//cdn.example/x"), None);
        assert_eq!(p("#afsnit"), None);
    }
}
