//! Follow-on errors: a file that could not be read is missing from the site, so every
//! reference to it fails too ("there is no hearing with the slug …"). Such a message is
//! told its cause and listed after every other problem, so staff fix the cause first.

use crate::messages::Key;
use crate::model::content::Document;
use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::slug::Slug;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The slugs of the Markdown files that have errors and so were not read, with their
/// files. The slug is the one the file name gives (a `slug:` field was not read).
pub fn failed_files(
    diags: &Diagnostics,
    docs: &[std::sync::Arc<Document>],
) -> BTreeMap<String, String> {
    let read: BTreeSet<&str> = docs.iter().map(|d| d.file.as_str()).collect();
    diags
        .iter()
        .filter(|d| d.is_error() && d.file.ends_with(".md") && !read.contains(d.file.as_str()))
        .filter_map(|d| {
            let path = Path::new(&d.file);
            let stem = path.file_stem()?.to_string_lossy();
            let name = if stem == "index" || stem == "_index" {
                path.parent()?.file_name()?.to_string_lossy()
            } else {
                stem
            };
            Some((Slug::from_text(&name).ok()?.to_string(), d.file.clone()))
        })
        .collect()
}

/// Marks every reference error whose target is one of the `failed` files as a
/// follow-on of it.
pub fn mark(diags: Diagnostics, failed: &BTreeMap<String, String>) -> Diagnostics {
    if failed.is_empty() {
        return diags;
    }
    let mut out = Diagnostics::new();
    for mut d in diags {
        if let Some(cause) = referenced_slug(&d).and_then(|s| failed.get(s))
            && cause != &d.file
        {
            let help = Key::new("follow-on-help").arg("cause", cause.clone());
            let of = |first: Key| {
                Key::new("follow-on")
                    .sub("message", first)
                    .arg("cause", cause.clone())
                    .with_help(help.clone())
            };
            d = match d.key.take() {
                Some(first) => d.with_key(of(first)),
                None => {
                    let first = Key::new("value-raw").arg("value", d.message.clone());
                    d.with_key(of(first))
                }
            };
            d.follow_on = true;
        }
        out.push(d);
    }
    out
}

/// The slug in a "there is no … with the slug "…"" message.
fn referenced_slug(d: &Diagnostic) -> Option<&str> {
    if !d.is_error() || !d.message.starts_with("there is no ") {
        return None;
    }
    d.message
        .split("with the slug \"")
        .nth(1)?
        .split('"')
        .next()
}
