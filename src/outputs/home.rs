//! The home page: open and upcoming hearings, the latest closed ones, what happens
//! soon in the plans, and the latest decisions.

use crate::model::content::{Data, DecisionState};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::DocId;
use crate::model::state::{self, EntryState};
use crate::outputs::decisions::{self, meetings_args};
use crate::outputs::hearings::{self, HearingGroups};
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::Builder;
use crate::outputs::{Args, Job, Listing, Output, jsonld};
use serde_json::{Value, json};

/// How many closed hearings the home page shows; the hearing listing has them all.
const HOME_CLOSED: usize = 6;
/// How many coming timeline steps the home page shows at most.
pub const MILESTONES: usize = 5;
/// How far ahead "Det sker snart" looks: steps that start later than this many days
/// after the build day are left to the plans and the calendar.
pub const MILESTONE_HORIZON_DAYS: i64 = 183;
/// How many of the latest meetings the home page shows.
const LATEST_MEETINGS: usize = 3;

/// Timeline rows across all plans that are coming within the horizon, soonest first:
/// (plan, row). A step that several plans share (a framework plan and its
/// sub-strategies often repeat one row) is listed once, under the first plan.
fn milestones(l: &Listing) -> Vec<(DocId, usize)> {
    let site = l.site;
    let today = site.now.date_naive();
    let horizon = today + chrono::Duration::days(MILESTONE_HORIZON_DAYS);
    let mut rows = Vec::new();
    for (id, d) in site.docs.iter().enumerate() {
        let Data::Plan(p) = &d.data else { continue };
        for (i, r) in p.timeline.iter().enumerate() {
            let Some(date) = r.when.date() else { continue };
            let st = state::row_state_in(&site.docs, &site.rel, id, i, r, &site.now);
            if st != Some(EntryState::Upcoming) {
                continue;
            }
            if let Some(start) = date.start().filter(|s| *s <= horizon) {
                rows.push((start, id, i));
            }
        }
    }
    rows.sort();
    let mut seen = std::collections::BTreeSet::new();
    rows.into_iter()
        .filter(|&(_, id, i)| {
            let Data::Plan(p) = &l.site.docs[id].data else {
                return false;
            };
            let r = &p.timeline[i];
            let when = r.when.date().map(|d| (d.start(), d.end()));
            seen.insert((when, r.what.trim().to_lowercase()))
        })
        .take(MILESTONES)
        .map(|(_, id, i)| (id, i))
        .collect()
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let hearing_args = HearingGroups::of(l.site).args(HOME_CLOSED);
    // Only meetings that have been held: the home page says "latest decisions".
    let meetings = decisions::meetings(l.site);
    let held = |m: &&decisions::Meeting| {
        m.items.iter().any(|&id| {
            matches!(&l.site.docs[id].data, Data::Decision(x) if x.state == DecisionState::Decided)
        })
    };
    let latest = meetings_args(meetings.iter().rev().filter(held).take(LATEST_MEETINGS));
    let ms = milestones(l);
    let plans = l
        .site
        .docs
        .iter()
        .filter(|d| matches!(d.data, Data::Plan(_)))
        .count();
    // One list of documents: hearings, then the latest decisions, then milestone plans.
    let mut docs = hearing_args.docs.clone();
    docs.extend(&latest.docs);
    docs.extend(ms.iter().map(|(id, _)| *id));
    let data = json!({
        "hearings": hearing_args.docs.len(),
        "hearing_groups": hearing_args.data,
        "decisions": latest.docs.len(),
        "meetings": latest.data["meetings"],
        "rows": ms.iter().map(|(_, i)| i).collect::<Vec<_>>(),
        "plan_count": plans,
    });
    jobs.push(Job::new("index.html", render, Args::docs(docs).with(data)));
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let a = &job.args;
    let n_hearings = a.num("hearings").unwrap_or(0) as usize;
    let n_decisions = a.num("decisions").unwrap_or(0) as usize;
    let (h, rest) = a.docs.split_at(n_hearings.min(a.docs.len()));
    let (x, plans) = rest.split_at(n_decisions.min(rest.len()));
    let hearing_args = Args::docs(h.to_vec()).with(a.data["hearing_groups"].clone());
    let (open, upcoming, closed) = hearings::cards(&b, &hearing_args);
    let meeting_args = Args::docs(x.to_vec()).with(json!({ "meetings": a.data["meetings"] }));
    let latest = decisions::groups(&b, &meeting_args);
    let rows: Vec<usize> = a.get("rows").unwrap_or_default();
    let lang = b.lang;
    let milestones: Vec<Value> = plans
        .iter()
        .zip(rows)
        .filter_map(|(&id, i)| {
            let Data::Plan(p) = &r.doc(id).data else {
                return None;
            };
            let row = p.timeline.get(i)?;
            Some(json!({
                "when": crate::outputs::format::date_view(row.when.date()?, lang),
                "what": row.what,
                "plan": b.link(id),
            }))
        })
        .collect();
    let cfg = r.config();
    let mut ctx = tera::Context::new();
    ctx.insert("open", &open);
    ctx.insert("upcoming", &upcoming);
    ctx.insert("closed_years", &closed);
    ctx.insert("milestones", &milestones);
    ctx.insert("latest_meetings", &latest);
    ctx.insert("plan_count", &a.data["plan_count"]);
    ctx.insert("jsonld", &jsonld::for_site(r));
    page::render(
        r,
        &Page {
            template: "home.html",
            path: "",
            title: &cfg.title,
            description: cfg.description.as_deref(),
            source: None,
        },
        ctx,
    )
}
