//! Editorial checks that the content model alone cannot express: they depend on each
//! other's dates, on the site's rules, or on the build moment. Drafts are checked too,
//! so `check` shows their problems; a public build reports them as the draft's
//! warnings ([`crate::model::diagnostics::Diagnostics::settle_drafts`]).

use crate::messages::Key;
use crate::model::content::{Access, Data, DecisionState, Document};
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::site::{DocId, Site};
use crate::model::state::{self, HearingState};
use crate::model::yaml::PathSeg;

fn k(s: &str) -> PathSeg {
    PathSeg::Key(s.into())
}

/// Every check of this module.
pub fn check_site(site: &Site) -> Vec<Diagnostic> {
    let (mut out, (statuses, decisions)) = rayon::join(
        || check_hearings(site),
        || rayon::join(|| check_plan_statuses(site), || check_decisions(site)),
    );
    out.extend(statuses);
    out.extend(decisions);
    out
}

/// The documents the checks look at: the public ones, and those held back (drafts and
/// embargoed items), which will be public one day.
fn all_docs(site: &Site) -> impl Iterator<Item = &Document> {
    site.docs.iter().chain(site.hidden.iter()).map(|d| &**d)
}

/// Each hearing's own problems, in the order of the documents (in parallel: locating
/// a warning's line in its file is what costs, and a site has thousands of hearings).
pub fn check_hearings(site: &Site) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let hearings: Vec<(&Document, &crate::model::content::Hearing)> = all_docs(site)
        .filter_map(|d| match &d.data {
            Data::Hearing(h) => Some((d, h)),
            _ => None,
        })
        .collect();
    hearings
        .into_par_iter()
        .flat_map_iter(|(d, h)| hearing_problems(site, d, h))
        .collect()
}

fn hearing_problems(
    site: &Site,
    d: &Document,
    h: &crate::model::content::Hearing,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let src = d.front_source();
    let days = h.period.days();
    let min = h.min_days.unwrap_or(site.config.min_hearing_days);
    if days < i64::from(min) {
        let key = Key::new("hearing-too-short")
            .int("days", days)
            .num("min", min as usize);
        out.push(src.keyed(Severity::Warning, &[k("closes")], key));
    }
    let r = &h.respond;
    let blank = |x: &Option<String>| x.as_deref().is_none_or(|s| s.trim().is_empty());
    if r.email.is_none() && blank(&r.address) && r.url.is_none() {
        // A draft is a preview and may still be incomplete; a published hearing may not.
        let severity = if d.draft {
            Severity::Warning
        } else {
            Severity::Error
        };
        out.push(src.keyed(severity, &[k("respond")], Key::new("hearing-no-respond")));
    }
    let st = state::hearing_state(h, &site.now);
    if st != HearingState::Closed && (!h.responses.is_empty() || h.summary_note.is_some()) {
        // They are never published early: the build holds them back.
        let field = if h.responses.is_empty() {
            "summary_note"
        } else {
            "responses"
        };
        let key = Key::new("hearing-responses-held-back")
            .arg("deadline", h.period.closes().written().text());
        out.push(src.keyed(Severity::Warning, &[k(field)], key));
    }
    if st == HearingState::Open && h.documents.is_empty() {
        out.push(src.keyed(
            Severity::Warning,
            &[k("documents")],
            Key::new("hearing-no-documents"),
        ));
    }
    out
}

/// A written `status` that the plan's own timeline, hearings or decisions contradict.
pub fn check_plan_statuses(site: &Site) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    // Only a written status can contradict the derived one.
    let written: Vec<DocId> = site
        .of_kind(crate::model::content::ContentType::Plan)
        .filter(|(_, d)| matches!(&d.data, Data::Plan(p) if p.status_given.is_some()))
        .map(|(id, _)| id)
        .collect();
    written
        .into_par_iter()
        .filter_map(|id| {
            let check = state::plan_status(&site.docs, &site.rel, id, &site.now);
            let conflict = check.conflict?;
            let derived = check.derived.map(|f| f.status.as_str()).unwrap_or("none");
            let key = conflict.with_help(Key::new("status-conflict-help").arg("derived", derived));
            let d = &site.docs[id];
            Some(
                d.front_source()
                    .keyed(Severity::Warning, &[k("status")], key),
            )
        })
        .collect()
}

/// A decision whose meeting has been held but that records no outcome at all.
pub fn check_decisions(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for d in all_docs(site) {
        let Data::Decision(x) = &d.data else { continue };
        let silent = x.state == DecisionState::Decided
            && x.access == Access::Open
            && !x.recommendations.is_empty()
            && x.recommendations.iter().all(|r| r.outcome.is_none());
        if silent {
            let key = Key::new("decision-no-outcome").arg("meeting", x.meeting.text());
            out.push(
                d.front_source()
                    .keyed(Severity::Warning, &[k("recommendations")], key),
            );
        }
    }
    out
}
