//! Time on the site: the calendar page, the site's iCalendar file, and one iCalendar
//! file per plan and hearing.

use crate::formats::{self, CalEvent, CalMeta, EventTime};
use crate::model::content::{ContentType, Document};
use crate::model::diagnostics::Diagnostic;
use crate::model::digest::{Digester, digester};
use crate::model::events::{EventWhen, SiteEvent, event_key};
use crate::model::site::DocId;
use crate::model::state::EntryState;
use crate::model::urls;
use crate::outputs::format::{DateView, date_view};
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::{Builder, Link};
use crate::outputs::{Args, Job, Listing, Output};
use chrono::Datelike;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

pub const SITE_CALENDAR: &str = "kalender.ics";
pub const PAGE: &str = "kalender/";

/// The calendar page shows at most this many coming events, and of the past at most
/// this many months back and this many events (the newest): a page a phone can load
/// on any site. Every event stays on its own plan's or hearing's page.
const UPCOMING: usize = 300;
const PAST_MONTHS: usize = 6;
const PAST_EVENTS: usize = 200;
/// The site's calendar file holds the events from this many days before the build
/// moment to this many days after (about one year back and two ahead): what a
/// subscriber's calendar needs, at a size it can fetch. Each plan's and hearing's own
/// calendar file holds all of its events.
pub const SITE_CALENDAR_DAYS_BEFORE: i64 = 366;
pub const SITE_CALENDAR_DAYS_AFTER: i64 = 731;

/// The calendar file of a plan or hearing page, beside its `index.html`.
pub fn doc_calendar_path(d: &Document) -> String {
    format!("{}kalender.ics", urls::doc_path(d))
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let site = l.site;
    let today = site.now.date_naive();
    let from = today - chrono::Duration::days(SITE_CALENDAR_DAYS_BEFORE);
    let to = today + chrono::Duration::days(SITE_CALENDAR_DAYS_AFTER);
    let in_window = |e: &SiteEvent| e.when.last_day() >= from && e.when.first_day() <= to;
    let by_doc = &l.shared.events.by_doc;
    let with_events: Vec<DocId> = (0..site.docs.len())
        .filter(|&id| by_doc[id].iter().any(in_window))
        .collect();
    // Everything the site calendar writes of its events, as a digest: its identity, so
    // it is made again when an event in it changed, not on every edit of a document
    // with events (see `render_site_ics`).
    let mut events = digester();
    for &id in &with_events {
        let path = urls::doc_path(&site.docs[id]);
        for e in by_doc[id].iter() {
            if in_window(e) {
                event_digest(e, path, &mut events);
            }
        }
    }
    let window = json!({
        "from": from.to_string(),
        "to": to.to_string(),
        "events": events.finish(),
    });
    jobs.push(Job::new(
        SITE_CALENDAR,
        render_site_ics,
        Args::docs(with_events).with(window),
    ));
    for (id, d) in site.docs.iter().enumerate() {
        if matches!(d.kind(), ContentType::Plan | ContentType::Hearing) {
            jobs.push(Job::new(
                doc_calendar_path(d),
                render_doc_ics,
                Args::doc(id),
            ));
        }
    }
    jobs.push(Job::new(
        format!("{PAGE}index.html"),
        render_page,
        page_args(l),
    ));
}

/// An event on the calendar page: its document, its place among the document's events
/// and its state at the build moment.
type Placed = (DocId, usize, &'static str);

/// The events of the calendar page: coming ones soonest first, then past ones by
/// month, newest first. Each event is named by its document and its place among the
/// document's events.
fn page_args(l: &Listing) -> Args {
    // Where each event stands is the model's answer at the build moment, decided here.
    let mut upcoming = Vec::new();
    let mut more_upcoming = false;
    let mut past: BTreeMap<(i32, u32, u8, Option<String>), Vec<Placed>> = BTreeMap::new();
    for &at in &l.shared.events.order {
        let e = l.shared.events.get(at);
        let st = crate::model::events::event_state(l.site, at.doc, e);
        let (doc, k) = (at.doc, at.nth);
        if st != EntryState::Done {
            if upcoming.len() < UPCOMING {
                upcoming.push((doc, k, st.as_str()));
            } else {
                more_upcoming = true;
            }
        } else {
            past.entry(past_group(l, e))
                .or_default()
                .push((doc, k, st.as_str()));
        }
    }
    let mut items = upcoming.clone();
    let mut counts = vec![upcoming.len()];
    let mut labels = Vec::new();
    let mut room = PAST_EVENTS;
    let mut more_past = past.len() > PAST_MONTHS;
    for ((year, month, _, period), list) in past.into_iter().rev().take(PAST_MONTHS) {
        if room == 0 {
            more_past = true;
            break;
        }
        // A month cut short keeps its newest events.
        let keep = list.len().min(room);
        more_past |= keep < list.len();
        room -= keep;
        counts.push(keep);
        // Written only for the groups shown: a site has thousands of past events.
        labels.push(period.unwrap_or_else(|| {
            month_label(&format!("{year:04}-{month:02}"), l.site.config.language)
        }));
        items.extend_from_slice(&list[list.len() - keep..]);
    }
    let docs: Vec<DocId> = items.iter().map(|x| x.0).collect();
    let nths: Vec<usize> = items.iter().map(|x| x.1).collect();
    let states: Vec<&str> = items.iter().map(|x| x.2).collect();
    Args::docs(docs).with(json!({
        "groups": counts, "nth": nths, "months": labels, "states": states,
        "more_upcoming": more_upcoming, "more_past": more_past,
    }))
}

/// Where a past event is listed: under the month of its first day, or, for a date
/// that names a longer period (`sommer 2008`, `2. kvartal 2008`, `2008`), under that
/// period itself, placed among the months by its last day: a season row is not
/// something that happened in its first month. The last part is the period's heading
/// as the site writes it; a month's heading is written by the caller, for the months
/// it shows.
fn past_group(l: &Listing, e: &crate::model::events::SiteEvent) -> (i32, u32, u8, Option<String>) {
    use crate::model::dates::Precision;
    let first = e.when.first_day();
    let long = matches!(
        e.date.precision(),
        Precision::Quarter
            | Precision::HalfYear
            | Precision::PartOfYear
            | Precision::Season
            | Precision::Year
    );
    let lang = l.site.config.language;
    match e.date.end().filter(|_| long) {
        Some(last) => (
            last.year(),
            last.month(),
            1,
            Some(e.date.display(lang.date_lang())),
        ),
        None => (first.year(), first.month(), 0, None),
    }
}

#[derive(Serialize)]
struct Item {
    when: DateView,
    title: String,
    kind: &'static str,
    doc: Link,
    state: String,
}

fn render_page(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let a = &job.args;
    let lang = b.lang;
    let nths: Vec<usize> = a.get("nth").unwrap_or_default();
    let states: Vec<String> = a.get("states").unwrap_or_default();
    let mut states = states.into_iter();
    let labels: Vec<String> = a.get("months").unwrap_or_default();
    let mut nth = nths.into_iter();
    let mut item = |id: DocId| -> Option<Item> {
        let k = nth.next()?;
        let state = states.next().unwrap_or_default();
        let e = r.events_of(id).nth(k)?;
        let d = r.doc(id);
        Some(Item {
            when: date_view(&e.date, lang),
            // A closed item is named by its title only.
            title: if d.is_closed() {
                d.title.clone()
            } else {
                e.title.clone()
            },
            kind: e.kind.as_str(),
            doc: b.link(id),
            state,
        })
    };
    let groups = a.groups("groups");
    let mut groups = groups.into_iter();
    let upcoming: Vec<Item> = groups
        .next()
        .unwrap_or_default()
        .iter()
        .filter_map(|&id| item(id))
        .collect();
    let past: Vec<serde_json::Value> = groups
        .zip(labels)
        .map(|(ids, label)| {
            let items: Vec<Item> = ids.iter().filter_map(|&id| item(id)).collect();
            json!({ "label": label, "items": items })
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("upcoming", &upcoming);
    ctx.insert("past_months", &past);
    // Whether the page leaves events out; each is still on its document's page.
    for flag in ["more_upcoming", "more_past"] {
        ctx.insert(flag, &a.get::<bool>(flag).unwrap_or(false));
    }
    page::render(
        r,
        &Page {
            template: "calendar.html",
            path: PAGE,
            title: &r.t("calendar.title"),
            description: Some(&r.t("calendar.description")),
            source: None,
        },
        ctx,
    )
}

/// `2024-03` as the site's language writes a month.
fn month_label(ym: &str, lang: crate::model::config::Language) -> String {
    crate::model::dates::FuzzyDate::parse(
        ym,
        &crate::model::dates::ParseContext {
            conventions: &Default::default(),
            default_year: None,
        },
    )
    .map(|d| d.display(lang.date_lang()))
    .unwrap_or_else(|_| ym.to_string())
}

/// What [`cal_event`] writes of an event, given its document's path.
fn event_digest(e: &SiteEvent, path: &str, h: &mut Digester) {
    (&e.uid, &e.title, &e.description, &e.location).hash(h);
    (&e.when, e.timed_end(), e.kind, path).hash(h);
}

fn cal_event(r: &Reader, doc: DocId, e: &SiteEvent) -> CalEvent {
    let tz = r.config().tz();
    CalEvent {
        uid: e.uid.clone(),
        summary: e.title.clone(),
        description: e.description.clone(),
        url: Some(urls::absolute(
            &r.config().base_url,
            urls::doc_path(r.doc(doc)),
        )),
        location: e.location.clone(),
        time: match &e.when {
            EventWhen::Days { start, end } => EventTime::AllDay {
                start: *start,
                end_inclusive: *end,
            },
            EventWhen::Timed { start, .. } => EventTime::Timed {
                start: *start,
                end: e.timed_end(),
                tz,
            },
        },
        categories: vec![e.kind.as_str().to_string()],
    }
}

fn ics(r: &Reader, name: String, events: &[(DocId, &SiteEvent)]) -> Output {
    let cfg = r.config();
    let meta = CalMeta {
        name,
        prodid: format!(
            "-//planpub//planpub {}//{}",
            env!("CARGO_PKG_VERSION"),
            cfg.language.code().to_uppercase()
        ),
        // The build moment, never the clock: the same build gives the same bytes.
        dtstamp: r.now().with_timezone(&chrono::Utc),
        description: cfg.description.clone(),
    };
    let evs: Vec<CalEvent> = events.iter().map(|&(d, e)| cal_event(r, d, e)).collect();
    Output::Bytes(formats::ical(&meta, &evs).into_bytes())
}

/// The site's calendar. Its arguments carry a digest of all it writes of its events (see
/// `jobs`), so what it reads of their documents is not recorded; the settings and the
/// build moment, which it writes too, are.
fn render_site_ics(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    r.config();
    r.now();
    r.untracked(|| site_ics(r, job))
}

fn site_ics(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let day = |k: &str| job.args.get::<chrono::NaiveDate>(k);
    let (from, to) = (day("from"), day("to"));
    let inside = |(_, e): &(DocId, &SiteEvent)| {
        from.is_none_or(|f| e.when.last_day() >= f) && to.is_none_or(|t| e.when.first_day() <= t)
    };
    let mut events: Vec<(DocId, &SiteEvent)> = job
        .args
        .docs
        .iter()
        .flat_map(|&id| r.events_of(id).map(move |e| (id, e)))
        .filter(inside)
        .collect();
    events.sort_by(|(_, a), (_, b)| event_key(a).cmp(&event_key(b)));
    Ok(ics(r, r.config().title.clone(), &events))
}

fn render_doc_ics(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let id = job.args.docs[0];
    let events: Vec<(DocId, &SiteEvent)> = r.events_of(id).map(|e| (id, e)).collect();
    Ok(ics(r, r.doc(id).title.clone(), &events))
}
