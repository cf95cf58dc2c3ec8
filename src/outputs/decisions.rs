//! The decision archives: all meetings, by body, by year, and one page per meeting.

use crate::model::content::{ContentType, Data, Outcome, RecommendationItem};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::{DocId, Site};
use crate::model::urls;
use crate::outputs::format::DateView;
use crate::outputs::page::{self, Page};
use crate::outputs::plans::Facet;
use crate::outputs::reader::Reader;
use crate::outputs::views::{Builder, Link};
use crate::outputs::{Args, Job, Listing, Output, paginate};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// The decisions of one meeting of one body, in agenda order.
pub struct Meeting {
    pub day: NaiveDate,
    pub body_slug: String,
    pub body: String,
    pub items: Vec<DocId>,
}

/// Every meeting with decisions on the site, oldest first.
pub fn meetings(site: &Site) -> Vec<Meeting> {
    let mut groups: BTreeMap<(NaiveDate, String, String), Vec<(u32, DocId)>> = BTreeMap::new();
    for (id, d) in site.of_kind(ContentType::Decision) {
        let Data::Decision(x) = &d.data else { continue };
        let Some(day) = x.meeting.start() else {
            continue;
        };
        groups
            .entry((day, x.body_slug.to_string(), x.body.clone()))
            .or_default()
            .push((x.item, id));
    }
    groups
        .into_iter()
        .map(|((day, body_slug, body), mut items)| {
            items.sort();
            Meeting {
                day,
                body_slug,
                body,
                items: items.into_iter().map(|(_, id)| id).collect(),
            }
        })
        .collect()
}

/// Meetings as job arguments: their decisions in order, and each meeting's size.
pub fn meetings_args<'m>(list: impl IntoIterator<Item = &'m Meeting>) -> Args {
    let mut docs = Vec::new();
    let mut counts = Vec::new();
    for m in list {
        docs.extend(&m.items);
        counts.push(m.items.len());
    }
    Args::docs(docs).with(json!({ "meetings": counts }))
}

#[derive(Serialize)]
pub struct MeetingGroup {
    body: String,
    body_path: String,
    pub date: DateView,
    path: String,
    items: Vec<MeetingItem>,
}

#[derive(Serialize)]
struct MeetingItem {
    item: u32,
    link: Link,
    closed: bool,
    outcomes: Vec<String>,
    /// The outcomes in a few words: "Godkendt (3 af 4 punkter), 1 drøftet".
    outcome_summary: Option<String>,
}

/// What a meeting listing says of an item's outcomes: the most common outcome with how
/// many of the recommendations it covers (left out when it covers all), then the count
/// of each other outcome. `None` while no outcome is recorded.
pub fn outcome_summary(b: &Builder, recs: &[RecommendationItem]) -> Option<String> {
    let mut counts: Vec<(Outcome, usize)> = Vec::new();
    for o in recs.iter().filter_map(|r| r.outcome) {
        match counts.iter_mut().find(|(k, _)| *k == o) {
            Some((_, n)) => *n += 1,
            None => counts.push((o, 1)),
        }
    }
    // Most common first; a tie keeps the order of the recommendations.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let label = |o: Outcome| b.r.t(&format!("outcome.{}", o.as_str()));
    let (first, n) = *counts.first()?;
    let mut out = if n == recs.len() {
        label(first)
    } else {
        b.r.t("decision.summary_first")
            .replace("{label}", &label(first))
            .replace("{n}", &n.to_string())
            .replace("{total}", &recs.len().to_string())
    };
    for &(o, n) in &counts[1..] {
        out.push_str(", ");
        out.push_str(
            &b.r.t("decision.summary_more")
                .replace("{n}", &n.to_string())
                .replace("{label}", &label(o).to_lowercase()),
        );
    }
    Some(out)
}

/// One meeting's view, from its decisions.
fn group(b: &Builder, ids: &[DocId]) -> Option<MeetingGroup> {
    let lang = b.lang;
    let first = b.r.doc(*ids.first()?);
    let Data::Decision(x) = &first.data else {
        return None;
    };
    let items = ids
        .iter()
        .filter_map(|&id| {
            let d = b.r.doc(id);
            let Data::Decision(x) = &d.data else {
                return None;
            };
            let closed = d.is_closed();
            Some(MeetingItem {
                item: x.item,
                link: b.link(id),
                closed,
                outcomes: if closed {
                    Vec::new()
                } else {
                    x.recommendations
                        .iter()
                        .filter_map(|r| r.outcome)
                        .map(|o| b.r.t(&format!("outcome.{}", o.as_str())))
                        .collect()
                },
                outcome_summary: if closed {
                    None
                } else {
                    outcome_summary(b, &x.recommendations)
                },
            })
        })
        .collect();
    Some(MeetingGroup {
        body: x.body.clone(),
        body_path: b.path(&urls::body_path(&x.body_slug)),
        date: crate::outputs::format::date_view(&x.meeting, lang),
        path: b.path(&urls::meeting_path(&x.body_slug, x)),
        items,
    })
}

/// The meeting views of [`meetings_args`].
pub fn groups(b: &Builder, a: &Args) -> Vec<MeetingGroup> {
    a.groups("meetings")
        .into_iter()
        .filter_map(|ids| group(b, ids))
        .collect()
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let all = meetings(l.site);
    let mut bodies: BTreeMap<&str, (&str, Vec<&Meeting>)> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<&Meeting>> = BTreeMap::new();
    for m in &all {
        bodies
            .entry(&m.body_slug)
            .or_insert_with(|| (&m.body, Vec::new()))
            .1
            .push(m);
        years.entry(m.day.year()).or_default().push(m);
    }
    let count = |ms: &[&Meeting]| ms.iter().map(|m| m.items.len()).sum::<usize>();
    let body_facets: Vec<Facet> = bodies
        .iter()
        .map(|(slug, (name, ms))| Facet {
            label: name.to_string(),
            path: l.style.folder(&format!("{}{slug}/", urls::DECISIONS)),
            count: count(ms),
        })
        .collect();
    let year_facets: Vec<Facet> = years
        .iter()
        .rev()
        .map(|(y, ms)| Facet {
            label: y.to_string(),
            path: l.style.folder(&urls::decisions_year_path(*y)),
            count: count(ms),
        })
        .collect();
    // Archives list the newest meeting first, in pages of whole meetings.
    let mut archive = |folder: String, ms: Vec<&Meeting>, filter: serde_json::Value| {
        let newest_first: Vec<&Meeting> = ms.into_iter().rev().collect();
        let pages = meeting_pages(&newest_first);
        for (i, page) in pages.iter().enumerate() {
            let mut a = meetings_args(page.iter().copied());
            a.data["bodies"] = json!(body_facets);
            a.data["years"] = json!(year_facets);
            a.data["filter"] = filter.clone();
            a.data["page"] = paginate::args(&folder, i + 1, pages.len());
            jobs.push(Job::new(
                format!("{}index.html", paginate::page_folder(&folder, i + 1)),
                render_archive,
                a,
            ));
        }
    };
    archive(
        urls::DECISIONS.into(),
        all.iter().collect(),
        serde_json::Value::Null,
    );
    for (slug, (name, ms)) in &bodies {
        archive(
            format!("{}{slug}/", urls::DECISIONS),
            ms.clone(),
            json!({ "kind": "body", "label": name }),
        );
    }
    for (y, ms) in &years {
        archive(
            urls::decisions_year_path(*y),
            ms.clone(),
            json!({ "kind": "year", "label": y.to_string() }),
        );
    }
    for m in &all {
        let path = format!(
            "{}{}/{}/",
            urls::DECISIONS,
            m.body_slug,
            m.day.format("%Y-%m-%d")
        );
        jobs.push(Job::new(
            format!("{path}index.html"),
            render_meeting,
            meetings_args([m]),
        ));
    }
}

/// Pages of whole meetings with about [`paginate::PAGE_SIZE`] decisions each (a large
/// meeting may make its page longer; it is never split).
fn meeting_pages<'m>(ms: &[&'m Meeting]) -> Vec<Vec<&'m Meeting>> {
    let mut pages: Vec<Vec<&Meeting>> = vec![Vec::new()];
    let mut items = 0;
    for m in ms {
        let last = pages.last_mut().expect("one page at least");
        if !last.is_empty() && items + m.items.len() > paginate::PAGE_SIZE {
            pages.push(Vec::new());
            items = 0;
        }
        items += m.items.len();
        pages.last_mut().expect("just pushed").push(m);
    }
    pages
}

fn render_archive(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let a = &job.args;
    let filter = &a.data["filter"];
    let title = match (filter["kind"].as_str(), filter["label"].as_str()) {
        (Some("body"), Some(name)) => format!("{} – {name}", r.t("decisions.title")),
        (Some(_), Some(y)) => format!("{} {y}", r.t("decisions.title")),
        _ => r.t("decisions.title"),
    };
    let description = filter.is_null().then(|| r.t("decisions.description"));
    let title = paginate::title(r, title, &a.data["page"]);
    let mut ctx = tera::Context::new();
    ctx.insert(
        "pagination",
        &paginate::view(&a.data["page"], |p| b.path(p)),
    );
    ctx.insert("meetings", &groups(&b, a));
    ctx.insert("bodies", &a.data["bodies"]);
    ctx.insert("years", &a.data["years"]);
    ctx.insert("filter", filter);
    page::render(
        r,
        &Page {
            template: "decisions.html",
            path: job.folder(),
            title: &title,
            description: description.as_deref(),
            source: None,
        },
        ctx,
    )
}

fn render_meeting(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let g = groups(&b, &job.args)
        .pop()
        .expect("a meeting has at least one decision");
    let title = format!("{} {}", g.body, g.date.display);
    let mut ctx = tera::Context::new();
    ctx.insert("meeting", &g);
    page::render(
        r,
        &Page {
            template: "meeting.html",
            path: job.folder(),
            title: &title,
            description: None,
            source: None,
        },
        ctx,
    )
}
