//! The texts `planpub new` writes for authors to replace. The scaffold writes them and
//! `check` warns when a public item still carries one, so both read this one list.

use super::{Data, Document};
use crate::model::yaml::PathSeg;

pub const PLAN_SUMMARY: &str = "Kort beskrivelse af planen i én eller to sætninger.";
pub const PLAN_BODY: &str = "Skriv her, hvad planen handler om, og hvorfor den laves.";
pub const PLAN_STEP: &str = "Hvad der sker, fx: Arbejdet går i gang";
pub const PLAN_UNDATED_STEP: &str = "Et trin uden fast dato, fx: Dialogmøder med borgere";
pub const HEARING_SUMMARY: &str = "Hvad høringen handler om, i én sætning.";
pub const HEARING_BODY: &str =
    "Skriv her, hvad borgerne bliver hørt om, og hvad svarene bruges til.";
pub const DECISION_SUMMARY: &str = "Hvad udvalget besluttede, i én sætning.";
pub const DECISION_BODY: &str = "Sagsfremstilling: baggrund og forløb.";
pub const DECISION_RECOMMENDATION: &str = "Indstillingens tekst, fx: At forslaget godkendes";
/// A meeting day no committee will hold: valid, clearly not real, and far enough ahead
/// that the item stays an agenda item (never recorded in the ledger) until it is fixed.
pub const DECISION_MEETING: &str = "2099-12-31";
pub const PAGE_SUMMARY: &str = "Hvad siden handler om.";
pub const PAGE_BODY: &str = "Sidens tekst.";

const SUMMARIES: &[&str] = &[
    PLAN_SUMMARY,
    HEARING_SUMMARY,
    DECISION_SUMMARY,
    PAGE_SUMMARY,
];
const BODIES: &[&str] = &[PLAN_BODY, HEARING_BODY, DECISION_BODY, PAGE_BODY];
const STEPS: &[&str] = &[PLAN_STEP, PLAN_UNDATED_STEP];

/// A placeholder left in a document: the field (`None` for the Markdown text) and the
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: Option<Vec<PathSeg>>,
    pub text: &'static str,
}

fn same(written: &str, placeholder: &str) -> bool {
    written
        .split_whitespace()
        .eq(placeholder.split_whitespace())
}

fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.into())
}

/// Every placeholder text still in `d`.
pub fn in_document(d: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    let mut check = |path: Option<Vec<PathSeg>>, written: &str, list: &[&'static str]| {
        if let Some(p) = list.iter().find(|p| same(written, p)) {
            out.push(Found { path, text: p });
        }
    };
    if let Some(s) = &d.summary {
        check(Some(vec![key("summary")]), s, SUMMARIES);
    }
    check(None, &d.body, BODIES);
    match &d.data {
        Data::Plan(p) => {
            for (i, r) in p.timeline.iter().enumerate() {
                let path = vec![key("timeline"), PathSeg::Index(i), key("what")];
                check(Some(path), &r.what, STEPS);
            }
        }
        Data::Decision(x) => {
            check(
                Some(vec![key("meeting")]),
                x.meeting.text(),
                &[DECISION_MEETING],
            );
            for (i, r) in x.recommendations.iter().enumerate() {
                let path = vec![key("recommendations"), PathSeg::Index(i), key("text")];
                check(Some(path), &r.text, &[DECISION_RECOMMENDATION]);
            }
        }
        Data::Hearing(_) | Data::Page(_) => {}
    }
    out
}
