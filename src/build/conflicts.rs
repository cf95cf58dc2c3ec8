//! Two things published at one address: each is named, so staff know which two files
//! to tell apart.

use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::model::urls;
use crate::outputs::{OutData, OutFile};

/// An error for every address that `files` (sorted by path) would write twice.
pub fn duplicate_addresses(site: &Site, files: &[OutFile]) -> Diagnostics {
    let mut out = Diagnostics::new();
    let mut i = 0;
    while i < files.len() {
        let same = files[i..]
            .iter()
            .take_while(|f| f.path == files[i].path)
            .count();
        if same > 1 {
            let what: Vec<String> = files[i..i + same]
                .iter()
                .map(|f| describe(site, f))
                .collect();
            out.push(
                Diagnostic::error(
                    &files[i].path,
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
fn describe(site: &Site, f: &OutFile) -> String {
    match &f.data {
        OutData::Bytes(_) => site
            .docs
            .iter()
            .find(|d| format!("{}index.html", urls::doc_path(d)) == f.path)
            .map(|d| format!("the page of {}", d.file))
            .unwrap_or_else(|| "a page planpub makes itself (a listing, feed or index)".into()),
        OutData::Copy(src) => site
            .docs
            .iter()
            .find_map(|d| {
                d.all_files(true)
                    .into_iter()
                    .find(|a| &a.source == src)
                    .map(|a| format!("the attachment \"{}\" of {}", a.file, d.file))
            })
            .unwrap_or_else(|| format!("the file {}", src.display())),
        OutData::Static(_) => "a file of the built-in theme".into(),
    }
}
