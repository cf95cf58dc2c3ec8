//! The decision ledger: published decisions are records and must never change
//! silently.
//!
//! Every build records each newly published decision with a SHA-256 of its source file
//! in `decision-ledger.json` at the site root, which is meant to be committed together
//! with the content. A later build that finds a recorded decision changed fails unless
//! the change comes with a new entry under `corrections`; with one, the build accepts
//! it and records the new state. Decisions are keyed by their permanent address (body,
//! meeting, item), so moving or renaming the file is not a change.
//!
//! Only decisions exist here: an agenda item (before its meeting) is neither recorded
//! nor locked. Taking a recorded decision down is a documented act too: `withdrawn:`
//! with a date and a reason, which the ledger records; after it, the item's address
//! shows only the notice, and the withdrawal itself can no longer change.

use crate::messages::Key;
use crate::model::content::{Data, Decision, DecisionState, Document};
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::site::Site;
use crate::model::urls;
use crate::model::yaml::PathSeg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const FILE_NAME: &str = "decision-ledger.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub file: String,
    pub title: String,
    pub sha256: String,
    /// How many corrections the recorded state had.
    pub corrections: usize,
    /// The build day on which this state was recorded.
    pub recorded: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawn>,
}

/// A recorded withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawn {
    /// The day of the withdrawal, `YYYY-MM-DD`.
    pub date: String,
    pub reason: String,
    /// The build day on which the withdrawal was recorded.
    pub recorded: String,
}

impl Withdrawn {
    fn of(x: &Decision, today: &str) -> Option<Withdrawn> {
        x.withdrawn.as_ref().map(|w| Withdrawn {
            date: w.date.day().to_string(),
            reason: w.reason.clone(),
            recorded: today.to_string(),
        })
    }

    fn same_act(&self, other: &Withdrawn) -> bool {
        self.date == other.date && self.reason == other.reason
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub version: u32,
    /// Permanent path → the recorded state.
    pub decisions: BTreeMap<String, Entry>,
}

pub fn load(root: &Path) -> Result<Ledger, Diagnostic> {
    let path = root.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            let key = Key::new("ledger-damaged").arg("reason", e.to_string());
            Diagnostic::keyed(Severity::Error, FILE_NAME, key).at(Some(e.line()), Some(e.column()))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ledger {
            version: 1,
            decisions: BTreeMap::new(),
        }),
        Err(e) => Err(Diagnostic::keyed(
            Severity::Error,
            FILE_NAME,
            Key::new("ledger-unreadable").sub("reason", crate::messages::io_reason(&e)),
        )),
    }
}

/// Compares the site with the ledger. Returns the updated ledger (when anything is new
/// or corrected) and the problems: a decision changed without a correction, or one
/// that disappeared.
pub fn reconcile(site: &Site, ledger: &Ledger) -> (Option<Ledger>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let today = site.now.date_naive().to_string();
    // Each decision on its own, in parallel (thousands on a large site, every preview
    // save); the results are gathered in the site's order.
    let judged: Vec<(String, Judged)> = site
        .docs
        .par_iter()
        .filter_map(|d| match &d.data {
            // A draft preview (`--drafts`) records nothing.
            Data::Decision(x) if !d.draft => {
                let key = urls::decision_path(x);
                let judged = judge(d, x, ledger.decisions.get(&key), &today);
                Some((key, judged))
            }
            _ => None,
        })
        .collect();
    let mut diags = Vec::new();
    let mut updates = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (key, judged) in judged {
        match judged {
            Judged::Same => {}
            Judged::Record(e) => updates.push((key.clone(), e)),
            Judged::Problem(d) => diags.push(d),
        }
        seen.insert(key);
    }
    // A recorded decision that is only held back (a build "as of" an earlier moment, or
    // made a draft) is still in the sources: not deleted.
    for d in &site.hidden {
        if let Data::Decision(x) = &d.data {
            seen.insert(urls::decision_path(x));
        }
    }
    for (key, old) in &ledger.decisions {
        if !seen.contains(key) {
            diags.push(Diagnostic::keyed(
                Severity::Error,
                &old.file,
                Key::new("ledger-gone")
                    .arg("title", old.title.as_str())
                    .arg("path", key.as_str())
                    .arg("today", today.as_str()),
            ));
        }
    }
    if updates.is_empty() && ledger.version == 1 {
        return (None, diags);
    }
    let mut next = ledger.clone();
    next.version = 1;
    next.decisions.extend(updates);
    let changed = next != *ledger;
    (changed.then_some(next), diags)
}

/// What the ledger makes of one decision.
enum Judged {
    /// Nothing to record: as recorded, or not a decision yet.
    Same,
    /// New, corrected or moved: recorded so.
    Record(Entry),
    /// Changed in a way the ledger forbids.
    Problem(Diagnostic),
}

/// Compares decision `x` of document `d` with its entry in the ledger, if any.
fn judge(d: &Document, x: &Decision, old: Option<&Entry>, today: &str) -> Judged {
    if x.state == DecisionState::Agenda {
        return Judged::Same; // not a decision yet: nothing to record or to lock
    }
    let entry = Entry {
        file: d.file.clone(),
        title: d.title.clone(),
        sha256: d.source_sha256.clone(),
        corrections: x.corrections.len(),
        recorded: today.to_string(),
        withdrawn: Withdrawn::of(x, today).filter(|_| x.state == DecisionState::Withdrawn),
    };
    let Some(old) = old else {
        return Judged::Record(entry);
    };
    let src = d.front_source();
    let problem = |field: &str, key: Key| {
        Judged::Problem(src.keyed(Severity::Error, &[PathSeg::Key(field.into())], key))
    };
    match (&old.withdrawn, Withdrawn::of(x, today)) {
        (Some(was), Some(now)) if !was.same_act(&now) => problem(
            "withdrawn",
            Key::new("ledger-withdrawal-changed")
                .arg("recorded", was.recorded.as_str())
                .arg("date", was.date.as_str())
                .arg("reason", was.reason.as_str()),
        ),
        (Some(was), None) => problem(
            "withdrawn",
            Key::new("ledger-withdrawal-removed")
                .arg("date", was.date.as_str())
                .arg("reason", was.reason.as_str()),
        ),
        // Only the notice is published, so the rest of a withdrawn item may change.
        (Some(_), Some(_)) => {
            if x.state == DecisionState::Withdrawn
                && (old.sha256 != entry.sha256 || old.file != entry.file)
            {
                Judged::Record(Entry {
                    recorded: old.recorded.clone(),
                    withdrawn: old.withdrawn.clone(),
                    ..entry
                })
            } else {
                Judged::Same
            }
        }
        (None, Some(_)) if x.state == DecisionState::Withdrawn => Judged::Record(Entry {
            recorded: old.recorded.clone(),
            ..entry
        }),
        (None, _) => match unchanged_or_corrected(old, entry) {
            None => Judged::Same,
            Some(Ok(e)) => Judged::Record(e),
            Some(Err(())) => problem(
                "corrections",
                Key::new("ledger-changed").arg("recorded", old.recorded.as_str()),
            ),
        },
    }
}

/// A recorded decision as written now: `None` if unchanged (or only moved, which is
/// recorded), `Some(Ok)` with the state to record when corrected, `Some(Err)` when
/// changed silently.
fn unchanged_or_corrected(old: &Entry, entry: Entry) -> Option<Result<Entry, ()>> {
    if old.sha256 == entry.sha256 {
        return (old.file != entry.file).then(|| {
            Ok(Entry {
                recorded: old.recorded.clone(),
                ..entry
            })
        });
    }
    if entry.corrections > old.corrections {
        return Some(Ok(entry));
    }
    Some(Err(()))
}

/// Writes the ledger atomically, so an interrupted build cannot leave half a record.
pub fn save(root: &Path, ledger: &Ledger) -> std::io::Result<()> {
    let mut text = serde_json::to_string_pretty(ledger).map_err(std::io::Error::other)?;
    text.push('\n');
    let mut tmp = tempfile::NamedTempFile::new_in(root)?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())?;
    // Temporary files are private; the ledger is committed and read like any source.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(root.join(FILE_NAME)).map_err(|e| e.error)?;
    Ok(())
}
