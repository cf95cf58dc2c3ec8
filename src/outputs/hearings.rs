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
use crate::outputs::{Args, Job, Listing, Output, paginate};
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

    /// Closed hearings newest first, with the year each is filed under.
    fn closed(&self) -> Vec<(i32, DocId)> {
        self.closed_by_year
            .iter()
            .rev()
            .flat_map(|(y, ids)| ids.iter().map(move |&id| (*y, id)))
            .collect()
    }

    /// Open, upcoming and the first `closed_max` closed hearings as job arguments.
    pub fn args(&self, closed_max: usize) -> Args {
        let closed = self.closed();
        page_args(
            &self.open,
            &self.upcoming,
            &closed[..closed.len().min(closed_max)],
        )
    }
}

/// One page of hearing cards: open and upcoming ones, and closed ones by year.
fn page_args(open: &[DocId], upcoming: &[DocId], closed: &[(i32, DocId)]) -> Args {
    let mut docs = open.to_vec();
    docs.extend(upcoming);
    let mut counts = vec![open.len(), upcoming.len()];
    let mut years: Vec<i32> = Vec::new();
    for &(y, id) in closed {
        if years.last() != Some(&y) {
            years.push(y);
            counts.push(0);
        }
        *counts.last_mut().expect("pushed with the year") += 1;
        docs.push(id);
    }
    Args::docs(docs).with(json!({ "groups": counts, "years": years }))
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

/// The hearing listing: open and upcoming hearings on its first page, the closed ones
/// newest first over as many pages as they need.
pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let g = HearingGroups::of(l.site);
    let closed = g.closed();
    let pages = paginate::split(&closed, paginate::PAGE_SIZE);
    for (i, page) in pages.iter().enumerate() {
        let (open, upcoming) = if i == 0 {
            (g.open.as_slice(), g.upcoming.as_slice())
        } else {
            (&[][..], &[][..])
        };
        let mut args = page_args(open, upcoming, page);
        args.data["page"] = paginate::args(urls::HEARINGS, i + 1, pages.len());
        jobs.push(Job::new(
            format!("{}index.html", paginate::page_folder(urls::HEARINGS, i + 1)),
            render,
            args,
        ));
    }
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let (open, upcoming, closed) = cards(&b, &job.args);
    let page = &job.args.data["page"];
    let title = paginate::title(r, r.t("hearings.title"), page);
    let mut ctx = tera::Context::new();
    ctx.insert("pagination", &paginate::view(page, |p| b.path(p)));
    ctx.insert("first_page", &(page["n"].as_u64().unwrap_or(1) == 1));
    ctx.insert("open", &open);
    ctx.insert("upcoming", &upcoming);
    ctx.insert("closed_years", &closed);
    page::render(
        r,
        &Page {
            template: "hearings.html",
            path: job.folder(),
            title: &title,
            description: Some(&r.t("hearings.description")),
            source: None,
        },
        ctx,
    )
}
