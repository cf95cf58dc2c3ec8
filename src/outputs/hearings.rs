//! The hearing listing: open hearings (soonest deadline first), upcoming ones, then
//! closed ones by year.

use crate::model::content::{ContentType, Data, Hearing};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::{DocId, Site};
use crate::model::state::{self, HearingState};
use crate::model::urls;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::{Builder, Card};
use crate::outputs::{Args, Job, Listing, Output};
use chrono::DateTime;
use chrono_tz::Tz;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Hearings grouped by their state at the build moment.
pub struct HearingGroups {
    pub open: Vec<DocId>,
    pub upcoming: Vec<DocId>,
    /// Closed hearings by the year of their deadline, newest first within a year.
    pub closed_by_year: BTreeMap<i32, Vec<DocId>>,
}

impl HearingGroups {
    pub fn of(site: &Site) -> HearingGroups {
        let tz = site.now.timezone();
        let mut g = HearingGroups {
            open: Vec::new(),
            upcoming: Vec::new(),
            closed_by_year: BTreeMap::new(),
        };
        let hearing = |id: DocId| match &site.docs[id].data {
            Data::Hearing(h) => h,
            _ => unreachable!("listed as a hearing"),
        };
        for (id, _) in site.of_kind(ContentType::Hearing) {
            let h = hearing(id);
            match state::hearing_state(h, &site.now) {
                HearingState::Open => g.open.push(id),
                HearingState::Upcoming => g.upcoming.push(id),
                HearingState::Closed => {
                    let y = state::deadline(h, &tz)
                        .map(|d| chrono::Datelike::year(&d))
                        .unwrap_or(0);
                    g.closed_by_year.entry(y).or_default().push(id);
                }
            }
        }
        type At = fn(&Hearing, &Tz) -> Option<DateTime<Tz>>;
        let key = |id: &DocId, f: At| (f(hearing(*id), &tz), *id);
        g.open.sort_by_key(|id| key(id, state::deadline));
        g.upcoming.sort_by_key(|id| key(id, state::opening));
        for v in g.closed_by_year.values_mut() {
            v.sort_by_key(|id| std::cmp::Reverse(key(id, state::deadline)));
        }
        g
    }

    /// Open, upcoming and the closed years (newest first, at most `closed_max` closed
    /// hearings in all) as job arguments.
    pub fn args(&self, closed_max: usize) -> Args {
        let mut docs = self.open.clone();
        docs.extend(&self.upcoming);
        let mut counts = vec![self.open.len(), self.upcoming.len()];
        let mut years = Vec::new();
        let mut left = closed_max;
        for (y, ids) in self.closed_by_year.iter().rev() {
            if left == 0 {
                break;
            }
            let take = ids.len().min(left);
            left -= take;
            docs.extend(&ids[..take]);
            counts.push(take);
            years.push(*y);
        }
        Args::docs(docs).with(json!({ "groups": counts, "years": years }))
    }
}

/// The context of open, upcoming and closed-by-year hearing cards, from [`HearingGroups::args`].
pub fn cards(b: &Builder, a: &Args) -> (Vec<Card>, Vec<Card>, Vec<Value>) {
    let groups = a.groups("groups");
    let years: Vec<i32> = a.get("years").unwrap_or_default();
    let cards = |ids: &[DocId]| -> Vec<Card> { ids.iter().map(|&i| b.card(i)).collect() };
    let open = groups.first().map(|g| cards(g)).unwrap_or_default();
    let upcoming = groups.get(1).map(|g| cards(g)).unwrap_or_default();
    let closed = years
        .iter()
        .zip(groups.iter().skip(2))
        .map(|(y, ids)| json!({ "year": y, "hearings": cards(ids) }))
        .collect();
    (open, upcoming, closed)
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let args = HearingGroups::of(l.site).args(usize::MAX);
    jobs.push(Job::new(
        format!("{}index.html", urls::HEARINGS),
        render,
        args,
    ));
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let (open, upcoming, closed) = cards(&b, &job.args);
    let mut ctx = tera::Context::new();
    ctx.insert("open", &open);
    ctx.insert("upcoming", &upcoming);
    ctx.insert("closed_years", &closed);
    page::render(
        r,
        &Page {
            template: "hearings.html",
            path: job.folder(),
            title: &r.t("hearings.title"),
            description: Some(&r.t("hearings.description")),
            source: None,
        },
        ctx,
    )
}
