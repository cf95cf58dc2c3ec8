//! Two things published at one address: each is named, so staff know which two files
//! to tell apart.

use crate::model::diagnostics::Diagnostic;
use crate::model::site::Site;
use crate::outputs::Job;
use crate::outputs::theme::{Asset, Theme};

/// An error for every address that `jobs` (sorted by path) would write twice.
pub fn duplicate_addresses(site: &Site, theme: &Theme, jobs: &[Job]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < jobs.len() {
        let same = jobs[i..]
            .iter()
            .take_while(|j| j.path == jobs[i].path)
            .count();
        if same > 1 {
            let what: Vec<String> = jobs[i..i + same]
                .iter()
                .map(|j| describe(site, theme, j))
                .collect();
            out.push(
                Diagnostic::error(
                    &jobs[i].path,
                    format!(
                        "two different things would be published at this address: {}",
                        what.join(" and ")
                    ),
                )
                .help("rename one of them (or give the page another `slug:`), so each has its own address"),
            );
        }
        i += same;
    }
    out
}

/// Where an output file comes from, in words.
fn describe(site: &Site, theme: &Theme, j: &Job) -> String {
    let doc = j.args.docs.first().map(|&id| &site.docs[id]);
    match (j.family, doc) {
        ("documents", Some(d)) => format!("the page of {}", d.file),
        ("files", Some(d)) => {
            let k = j.args.num("file").unwrap_or(0) as usize;
            let with_outcome = j.args.data["outcome"].as_bool().unwrap_or(true);
            match d.all_files(with_outcome).get(k) {
                Some(a) => format!("the attachment \"{}\" of {}", a.file, d.file),
                None => format!("an attachment of {}", d.file),
            }
        }
        ("files", None) if j.path != "404.html" => match theme.assets.get(&j.path) {
            Some(Asset::File(p)) => format!("the file {}", p.display()),
            _ => "a file of the built-in theme".into(),
        },
        _ => "a page planpub makes itself (a listing, feed or index)".into(),
    }
}
