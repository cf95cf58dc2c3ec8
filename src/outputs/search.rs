//! Site search that works on any static host and offline: a compact index written at
//! build time as a script (`search-index.js`, loaded with `<script>`, so it also works
//! from `file://`, where browsers refuse `fetch`), searched by `assets/search.js`.
//!
//! Each entry has the type, title, address, date, an excerpt for the result list and a
//! folded text for matching: lower case, with æ/ø/å spelled ae/oe/aa and accents
//! removed, so `Høring`, `høring` and `hoering` all find the same pages. A closed item
//! contributes only its title.

use crate::formats::markdown::excerpt;
use crate::model::content::Data;
use crate::model::diagnostics::Diagnostic;
use crate::model::slug::Slug;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::{Builder, Link};
use crate::outputs::{Args, Job, Listing, Output};
use serde::Serialize;

pub const INDEX_FILE: &str = "search-index.js";
pub const PAGE: &str = "soeg/";

/// Longest text indexed per document; long documents are found by their opening.
const MAX_TEXT: usize = 6000;

#[derive(Serialize)]
struct Entry<'a> {
    /// Content type (plan, hearing, decision, page).
    k: &'a str,
    /// Type label in the site's language.
    l: &'a str,
    t: &'a str,
    /// Path from the site root.
    u: &'a str,
    /// Date for display.
    d: Option<&'a str>,
    /// Excerpt for the result list.
    e: String,
    /// Folded text for matching.
    x: String,
}

/// Folds text for matching: the same rules as the search script.
pub fn fold(text: &str) -> String {
    // Slug rules already fold Danish letters and accents; keep words apart with spaces.
    text.split_whitespace()
        .filter_map(|w| Slug::from_text(w).ok())
        .map(|s| s.as_str().replace('-', " "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a document is found by: title, summary, fields and body, folded, each
/// word once. A closed item is found by its title and committee only.
fn matching_text(d: &crate::model::content::Document, closed: bool) -> String {
    let mut text = String::new();
    if !closed {
        let mut extra: Vec<&str> = Vec::new();
        extra.extend(d.summary.as_deref());
        extra.extend(d.area.as_deref());
        extra.extend(d.tags.iter().map(String::as_str));
        match &d.data {
            Data::Plan(p) => {
                extra.extend(p.case_number.as_deref());
                extra.extend(p.document_number.as_deref());
                extra.extend(p.owner.as_deref());
            }
            Data::Hearing(h) => {
                extra.extend(h.case_number.as_deref());
                extra.extend(h.authority.as_deref());
            }
            Data::Decision(x) => {
                extra.extend(x.case_number.as_deref());
                extra.push(&x.body);
                extra.extend(x.recommendations.iter().map(|r| r.text.as_str()));
            }
            Data::Page(_) => {}
        }
        text = extra.join(" ");
        text.push(' ');
        text.push_str(d.plain_text());
    } else if let Data::Decision(x) = &d.data {
        text = x.body.clone();
    }
    let body: String = text.chars().take(MAX_TEXT).collect();
    // Case numbers like 23/7776 are also findable as written.
    let raw_numbers: Vec<&str> = body
        .split_whitespace()
        .filter(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let folded = format!(
        "{} {} {}",
        fold(&d.title),
        fold(&body),
        raw_numbers.join(" ").to_lowercase()
    );
    // Matching looks for words, so each word is kept once: the index stays small.
    let mut seen = std::collections::HashSet::new();
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    jobs.push(Job::new(
        format!("{PAGE}index.html"),
        render_page,
        Args::none(),
    ));
    let all = (0..l.site.docs.len()).collect();
    jobs.push(Job::new(INDEX_FILE, render_index, Args::docs(all)));
}

/// The search page works with the index script; without JavaScript it links to the
/// index pages.
fn render_page(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    let mut ctx = tera::Context::new();
    ctx.insert("index_script", INDEX_FILE);
    page::render(
        r,
        &Page {
            template: "search.html",
            path: PAGE,
            title: &r.t("search.title"),
            description: Some(&r.t("search.description")),
            source: None,
        },
        ctx,
    )
}

fn render_index(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let links: Vec<Link> = job.args.docs.iter().map(|&id| b.link(id)).collect();
    let entries: Vec<Entry> = job
        .args
        .docs
        .iter()
        .zip(&links)
        .map(|(&id, link)| {
            let d = r.doc(id);
            let closed = d.is_closed();
            // The folded text depends on the document alone; a preview rebuild reuses it.
            let x = d
                .search_text
                .get_or_init(|| matching_text(d, closed))
                .clone();
            let e = if closed {
                String::new()
            } else {
                d.summary
                    .clone()
                    .unwrap_or_else(|| excerpt(d.plain_text(), 180))
            };
            Entry {
                k: link.kind,
                l: &link.kind_label,
                t: &link.title,
                u: &link.path,
                d: link.date.as_ref().map(|d| d.display.as_str()),
                e,
                x,
            }
        })
        .collect();
    let json = serde_json::to_string(&entries)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c");
    let js = format!("// Search index written by planpub.\nwindow.PLANPUB_SEARCH = {json};\n");
    Ok(Output::Bytes(js.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_danish_spellings() {
        assert_eq!(fold("Høring om Ældreområdet"), "hoering om aeldreomraadet");
        assert_eq!(fold("HØRING"), fold("hoering"));
        assert_eq!(fold("23/7776"), "23 7776");
    }
}
