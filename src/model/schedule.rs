//! When the site must be rebuilt. A static page cannot change by itself, so planpub
//! lists every future moment at which some page's content changes: a hearing opens or
//! closes (and its "days left" ticks over), an embargoed item's `publish_at` arrives,
//! a timeline entry moves from upcoming to now to done, a decision's meeting begins (its
//! outcome is published) or its withdrawal takes effect, a plan's derived status turns
//! to archived.

use crate::messages::Key;
use crate::model::content::{Data, DecisionState, Document, When};
use crate::model::site::Site;
use crate::model::state;
use crate::model::urls;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    #[serde(serialize_with = "rfc3339")]
    pub at: DateTime<Tz>,
    /// False for an embargoed item: staff may see it here, but nothing about it may
    /// appear in the published site before its time.
    pub public: bool,
    /// What changes, as a catalogue message for the reader's language; serialised as
    /// `what` in plain English words (the open data's `what`).
    #[serde(rename = "what", serialize_with = "english")]
    pub key: Key,
    /// Site-relative path of the page that changes, or the source file of an
    /// embargoed item.
    pub page: String,
}

impl Change {
    /// What changes, in plain English words. Made when asked for: a large site has
    /// tens of thousands of coming changes, and most are only counted or compared.
    pub fn what(&self) -> String {
        crate::messages::english(&self.key).0
    }
}

fn english<S: serde::Serializer>(k: &Key, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::messages::english(k).0)
}

fn rfc3339<S: serde::Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::model::clock::timestamp(t))
}

fn day_start(tz: &Tz, d: NaiveDate) -> Option<DateTime<Tz>> {
    tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
        .earliest()
}

/// Every change after `site.now`, in time order.
pub fn changes(site: &Site) -> Vec<Change> {
    let mut out = Vec::new();
    visit(site, &mut |at, public, key, page| {
        out.push(Change {
            at,
            public,
            key: key(),
            page: page.to_string(),
        });
    });
    out.sort_by(order);
    out.dedup();
    out
}

/// The first of [`changes`], found without listing them all: a large site has tens of
/// thousands (every open hearing's midnights), and a build needs only the next.
pub fn next_change(site: &Site) -> Option<Change> {
    let mut best: Option<Change> = None;
    visit(site, &mut |at, public, key, page| {
        let sooner = best
            .as_ref()
            .is_none_or(|b| (at, page) <= (b.at, b.page.as_str()));
        if sooner {
            let c = Change {
                at,
                public,
                key: key(),
                page: page.to_string(),
            };
            if best.as_ref().is_none_or(|b| order(&c, b).is_lt()) {
                best = Some(c);
            }
        }
    });
    best
}

/// The order of changes: by moment, then page; the words decide only between changes
/// at one moment on one page (rare).
fn order(a: &Change, b: &Change) -> std::cmp::Ordering {
    (a.at, &a.page)
        .cmp(&(b.at, &b.page))
        .then_with(|| a.what().cmp(&b.what()))
}

/// A change still to come: its moment, whether it may be told publicly, its message
/// (made only when asked for) and its page.
type Sink<'s> = dyn FnMut(DateTime<Tz>, bool, &dyn Fn() -> Key, &str) + 's;

/// Hands every change after the build moment to `sink`, in no particular order.
fn visit(site: &Site, sink: &mut Sink) {
    let now = site.now;
    let tz = now.timezone();
    for e in site.embargoed.iter().filter(|e| e.at > now) {
        let key = || Key::new("schedule-published").arg("title", e.title.as_str());
        sink(e.at, false, &key, &e.file);
    }
    // Most dated rows of a large site are in the past, and nothing is made for them: a
    // day that began by the build moment is not looked up in the time zone.
    let today = now.date_naive();
    let future = |d: NaiveDate| (d > today).then(|| day_start(&tz, d)).flatten();
    let mut push = |at: Option<DateTime<Tz>>, key: &dyn Fn() -> Key, page: &Document| {
        if let Some(at) = at.filter(|a| *a > now) {
            sink(at, true, key, urls::doc_path(page));
        }
    };
    let titled = |id: &'static str, title: &str| Key::new(id).arg("title", title);
    let step = |id: &'static str, what: &str, title: &str| {
        Key::new(id).arg("what", what).arg("title", title)
    };
    for (id, d) in site.docs.iter().enumerate() {
        match &d.data {
            Data::Hearing(h) => {
                let open = state::opening(h, &tz);
                let deadline = state::deadline(h, &tz);
                push(open, &|| titled("schedule-hearing-opens", &d.title), d);
                push(
                    deadline.map(|t| t + chrono::Duration::seconds(1)),
                    &|| titled("schedule-hearing-closes", &d.title),
                    d,
                );
                // While open, the page counts the days left; that text changes at midnight.
                if let (Some(o), Some(c)) = (open, deadline) {
                    let mut day = o.date_naive().succ_opt();
                    while let Some(dd) = day.filter(|dd| *dd <= c.date_naive()) {
                        let left = (c.date_naive() - dd).num_days();
                        let key = || titled("schedule-days-left", &d.title).int("days", left);
                        push(future(dd), &key, d);
                        day = dd.succ_opt();
                    }
                }
            }
            Data::Decision(x) => {
                if x.state == DecisionState::Agenda {
                    push(
                        state::decided_from(x, &tz),
                        &|| titled("schedule-meeting-begins", &d.title),
                        d,
                    );
                }
                if x.state != DecisionState::Withdrawn {
                    push(
                        state::withdrawn_from(x, &tz),
                        &|| titled("schedule-withdrawn", &d.title),
                        d,
                    );
                }
            }
            Data::Plan(p) => {
                // A derived status turns to archived a year after the last step.
                if p.status_given.is_none()
                    && site.plan_status(id) == Some(crate::model::content::PlanStatus::Draft)
                {
                    push(
                        state::archived_from(p).and_then(future),
                        &|| titled("schedule-archived", &d.title),
                        d,
                    );
                }
                for (i, r) in p.timeline.iter().enumerate() {
                    // A row linking a hearing or decision changes with it (listed above).
                    let linked = site.rel.row_hearing.contains_key(&(id, i))
                        || site.rel.row_decision.contains_key(&(id, i));
                    let When::Date(date) = &r.when else { continue };
                    if linked {
                        continue;
                    }
                    push(
                        date.start().and_then(future),
                        &|| step("schedule-step-starts", &r.what, &d.title),
                        d,
                    );
                    push(
                        date.end().and_then(|e| e.succ_opt()).and_then(future),
                        &|| step("schedule-step-done", &r.what, &d.title),
                        d,
                    );
                }
                for t in &p.tracks {
                    for a in &t.actions {
                        let Some(When::Date(date)) = &a.when else {
                            continue;
                        };
                        push(
                            date.start().and_then(future),
                            &|| step("schedule-step-starts", &a.what, &d.title),
                            d,
                        );
                        push(
                            date.end().and_then(|e| e.succ_opt()).and_then(future),
                            &|| step("schedule-step-done", &a.what, &d.title),
                            d,
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

/// `/api/next-change.json`: when this build stops being true.
/// `next` is [`next_change`] of `site`, worked out once per build.
pub fn next_change_json(site: &Site, next: Option<&Change>) -> serde_json::Value {
    let next_at = next.map(|c| crate::model::clock::timestamp(&c.at));
    // An embargoed item is announced only as "something is scheduled": its title and
    // file stay private until it is published.
    let (what, page) = match &next {
        Some(c) if c.public => (
            Some(c.what()),
            Some(urls::absolute(&site.config.base_url, &c.page)),
        ),
        Some(_) => (Some("scheduled publication".to_string()), None),
        None => (None, None),
    };
    serde_json::json!({
        "built_as_of": crate::model::clock::timestamp(&site.now),
        "next_change": next_at,
        "what": what,
        "page": page,
    })
}
