//! Attachments a browser would run: HTML, SVG, XML, JavaScript and the like.
//!
//! An attachment is published from the site's own address. A browser that opens an SVG
//! or HTML file from there runs the scripts in it *as the site*: it can change what the
//! site's pages say or read what a citizen types. Such files are refused unless
//! `site.yaml` names their type in `allow_active_attachments` (for files the
//! organisation made itself and trusts). The types come from the program's one MIME
//! table ([`crate::formats::mime::active_kind`]).

use crate::messages::Key;
use crate::model::content::{Attachment, Data, Document};
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::site::Site;
use crate::model::yaml::PathSeg;
use std::path::Path;

/// Every file a document publishes, with the field that names it.
pub fn files_with_fields(d: &Document) -> Vec<(Vec<PathSeg>, &Attachment)> {
    let key = |k: &str| PathSeg::Key(k.into());
    let item = |list: &str, i: usize| vec![key(list), PathSeg::Index(i), key("file")];
    let mut out: Vec<(Vec<PathSeg>, &Attachment)> = d
        .attachments
        .iter()
        .enumerate()
        .map(|(i, a)| (item("attachments", i), a))
        .collect();
    if let Data::Hearing(h) = &d.data {
        out.extend(
            h.documents
                .iter()
                .enumerate()
                .map(|(i, a)| (item("documents", i), a)),
        );
        out.extend(
            h.responses
                .iter()
                .enumerate()
                .filter_map(|(i, r)| Some((item("responses", i), r.file.as_ref()?))),
        );
        out.extend(
            h.summary_note
                .iter()
                .map(|a| (vec![key("summary_note"), key("file")], a)),
        );
    }
    out
}

/// The extension of `file` as written in `allow_active_attachments` (`svg`, not `.SVG`).
fn extension(file: &str) -> String {
    Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// An error for every attachment of a public document whose type a browser runs and
/// that the site has not allowed.
pub fn check_active(site: &Site) -> Vec<Diagnostic> {
    let allowed: Vec<String> = site
        .config
        .allow_active_attachments
        .iter()
        .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
        .collect();
    let mut out = Vec::new();
    for d in &site.docs {
        for (path, a) in files_with_fields(d) {
            let Some(kind) = crate::formats::mime::active_kind(Path::new(&a.file)) else {
                continue;
            };
            let ext = extension(&a.file);
            if allowed.contains(&ext) {
                continue;
            }
            let key = Key::new("attachment-active")
                .arg("file", a.file.as_str())
                .sub("kind", Key::new(kind))
                .arg("ext", ext);
            out.push(d.front_source().keyed(Severity::Error, &path, key));
        }
    }
    out
}
