//! Two things published at one address: each is named, so staff know which two files
//! to tell apart.

use crate::messages::Key;
use crate::model::diagnostics::{Diagnostic, Severity};
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
            // Nearly always two; a third or more is counted rather than listed.
            let key = Key::new("address-conflict")
                .sub("first", describe(site, theme, &jobs[i]))
                .sub("second", describe(site, theme, &jobs[i + 1]))
                .num("more", same - 2);
            out.push(Diagnostic::keyed(Severity::Error, &jobs[i].path, key));
        }
        i += same;
    }
    out
}

/// Where an output file comes from, in words.
fn describe(site: &Site, theme: &Theme, j: &Job) -> Key {
    let doc = j.args.docs.first().map(|&id| &site.docs[id]);
    match (j.family, doc) {
        ("documents", Some(d)) => Key::new("address-of-page").arg("file", d.file.clone()),
        ("files", Some(d)) => {
            let k = j.args.num("file").unwrap_or(0) as usize;
            let with_outcome = j.args.data["outcome"].as_bool().unwrap_or(true);
            match d.all_files(with_outcome).get(k) {
                Some(a) => Key::new("address-of-attachment")
                    .arg("name", a.file.clone())
                    .arg("file", d.file.clone()),
                None => Key::new("address-of-an-attachment").arg("file", d.file.clone()),
            }
        }
        ("files", None) if j.path != "404.html" => match theme.assets.get(&j.path) {
            Some(Asset::File(p)) => {
                Key::new("address-of-file").arg("path", p.display().to_string())
            }
            _ => Key::new("address-of-theme-file"),
        },
        _ => Key::new("address-of-generated"),
    }
}
