//! Editorial checks on hearings that the content model alone cannot express: they
//! depend on each other's dates, on the site's rules, or on the build moment.

use crate::model::content::Data;
use crate::model::diagnostics::{Diagnostic, Severity};
use crate::model::site::Site;
use crate::model::state::{self, HearingState};
use crate::model::yaml::PathSeg;

fn k(s: &str) -> PathSeg {
    PathSeg::Key(s.into())
}

pub fn check_hearings(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let tz = site.now.timezone();
    for d in &site.docs {
        let Data::Hearing(h) = &d.data else { continue };
        let src = d.front_source();
        let (open, deadline) = (state::opening(h, &tz), state::deadline(h, &tz));
        if let (Some(o), Some(c)) = (open, deadline) {
            if c < o {
                out.push(src.error(&[k("closes")], format!(
                    "the hearing closes ({}) before it opens ({})",
                    h.closes.text(),
                    h.opens.text()
                )).help("check the two dates: `opens` is the first day citizens can answer, `closes` the deadline"));
            } else {
                let days = (c.date_naive() - o.date_naive()).num_days() + 1;
                let min = h.min_days.unwrap_or(site.config.min_hearing_days);
                if days < i64::from(min) {
                    out.push(src.warning(&[k("closes")], format!(
                        "the hearing period is {days} days, shorter than the minimum of {min} days"
                    )).help("planloven § 24 sets 8 weeks for most plan proposals, 4 for a lokalplan and 2 for a minor one; set `min_days:` on the hearing if a shorter period is lawful here"));
                }
            }
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
            out.push(
                src.diag(
                    severity,
                    &[k("respond")],
                    "the hearing gives citizens no way to respond",
                )
                .help("add `respond:` with at least one of `email:`, `address:` or `url:`"),
            );
        }
        let st = state::hearing_state(h, &site.now);
        if st != HearingState::Closed && (!h.responses.is_empty() || h.summary_note.is_some()) {
            // They are never published early: the build holds them back.
            out.push(src.warning(&[k(if h.responses.is_empty() { "summary_note" } else { "responses" })], format!(
                "responses and the hearing note are held back until the deadline ({}) has passed",
                h.closes.text()
            )).help("they appear on the site with the first build after the deadline; `planpub schedule` shows when"));
        }
        if st == HearingState::Open && h.documents.is_empty() {
            out.push(
                src.warning(
                    &[k("documents")],
                    "the hearing is open but has no documents (høringsmateriale)",
                )
                .help("add `documents:` with the material citizens are asked about"),
            );
        }
    }
    out
}
