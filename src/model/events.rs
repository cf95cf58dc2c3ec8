//! Everything on the site that happens at a time: timeline rows, hearing openings and
//! deadlines, public meetings. The calendar page, the iCalendar files and
//! `planpub schedule` all read this one list.

use crate::model::content::{Access, Data, DecisionState, Document, Meeting, When};
use crate::model::dates::FuzzyDate;
use crate::model::site::{DocId, Site};
use crate::model::state::{self, EntryState};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::sync::Arc;

/// How long a meeting (or any other timed event) lasts when its source gives a start
/// time but no end (`2008-06-03 19:00` without `until:` or `kl. 19.00-21.00`): two
/// hours, the usual length of a public meeting. Documented in docs/content-reference.md.
pub const DEFAULT_DURATION_MINUTES: i64 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Timeline(usize),
    HearingOpens,
    HearingDeadline,
    Meeting(usize),
    DecisionMeeting,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Timeline(_) => "timeline",
            EventKind::HearingOpens => "hearing-opens",
            EventKind::HearingDeadline => "hearing-deadline",
            EventKind::Meeting(_) => "meeting",
            EventKind::DecisionMeeting => "decision",
        }
    }
}

/// When an event happens, as precisely as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EventWhen {
    /// Whole days (fuzzy dates become their interval).
    Days { start: NaiveDate, end: NaiveDate },
    /// Wall-clock times in the site's zone; `end` None = an instant.
    Timed {
        start: NaiveDateTime,
        end: Option<NaiveDateTime>,
    },
}

impl EventWhen {
    pub fn first_day(&self) -> NaiveDate {
        match self {
            EventWhen::Days { start, .. } => *start,
            EventWhen::Timed { start, .. } => start.date(),
        }
    }
    pub fn last_day(&self) -> NaiveDate {
        match self {
            EventWhen::Days { end, .. } => *end,
            EventWhen::Timed { start, end } => end.map(|e| e.date()).unwrap_or(start.date()),
        }
    }
}

impl SiteEvent {
    /// Whether the event is a moment rather than something that lasts: a hearing's
    /// opening and its deadline.
    pub fn is_instant(&self) -> bool {
        matches!(
            self.kind,
            EventKind::HearingOpens | EventKind::HearingDeadline
        )
    }

    /// The end of a timed event as calendars show it: its own end, else
    /// [`DEFAULT_DURATION_MINUTES`] after its start; `None` for an instant (and for a
    /// whole-day event, whose days are its span).
    pub fn timed_end(&self) -> Option<NaiveDateTime> {
        match &self.when {
            EventWhen::Timed { .. } if self.is_instant() => None,
            EventWhen::Timed { start, end } => {
                Some(end.unwrap_or(*start + Duration::minutes(DEFAULT_DURATION_MINUTES)))
            }
            EventWhen::Days { .. } => None,
        }
    }

    /// Where the event stands at `now` by its own time: whole days compare with the
    /// build day, timed events with the moment itself, lasting until the end the
    /// calendars show ([`SiteEvent::timed_end`]); an instant is done once it has passed.
    pub fn state_at(&self, now: &DateTime<Tz>) -> EntryState {
        match &self.when {
            EventWhen::Days { start, end } => {
                let today = now.date_naive();
                if *end < today {
                    EntryState::Done
                } else if *start > today {
                    EntryState::Upcoming
                } else {
                    EntryState::Now
                }
            }
            EventWhen::Timed { start, .. } => {
                let at = now.naive_local();
                if self.timed_end().unwrap_or(*start) < at {
                    EntryState::Done
                } else if *start > at {
                    EntryState::Upcoming
                } else {
                    EntryState::Now
                }
            }
        }
    }
}

/// Where an event of document `doc` stands at the build moment: a timeline row's event
/// as the row on the plan page ([`state::row_state_in`]), any other by its own time.
pub fn event_state(site: &Site, doc: DocId, e: &SiteEvent) -> EntryState {
    if let EventKind::Timeline(i) = e.kind
        && let Data::Plan(p) = &site.docs[doc].data
        && let Some(row) = p.timeline.get(i)
        && let Some(st) = state::row_state_in(&site.docs, &site.rel, doc, i, row, &site.now)
    {
        return st;
    }
    e.state_at(&site.now)
}

/// When a public meeting happens: its date, ending at its `until:` time if it has one.
pub fn meeting_when(m: &Meeting) -> Option<EventWhen> {
    match (event_when(&m.when)?, m.until) {
        (EventWhen::Timed { start, end: None }, Some(until)) => Some(EventWhen::Timed {
            start,
            end: Some(start.date().and_time(until)).filter(|e| *e > start),
        }),
        (w, _) => Some(w),
    }
}

/// An event of one document. It does not name its document: the events of an
/// unchanged document are kept from one preview rebuild to the next, where its
/// number may differ.
#[derive(Debug, Clone)]
pub struct SiteEvent {
    pub kind: EventKind,
    /// Stable across builds and edits: the document's slug and the event's identity in
    /// it (a timeline row's or meeting's `id:`, else a hash of its texts; see
    /// docs/open-data.md), never its position.
    pub uid: String,
    pub title: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub when: EventWhen,
    /// The date as written, for display.
    pub date: FuzzyDate,
}

/// The calendar form of a fuzzy date; `None` for dates that have no position
/// (`løbende`).
pub fn event_when(d: &FuzzyDate) -> Option<EventWhen> {
    match (d.start(), d.end()) {
        (Some(s), Some(e)) => match (d.start_time(), s == e) {
            (Some(t), true) => Some(EventWhen::Timed {
                start: s.and_time(t),
                end: d.end_time().filter(|et| *et > t).map(|et| e.and_time(et)),
            }),
            _ => Some(EventWhen::Days { start: s, end: e }),
        },
        // An open interval is shown on the day that is known.
        (Some(s), None) => Some(EventWhen::Days { start: s, end: s }),
        (None, Some(e)) => Some(EventWhen::Days { start: e, end: e }),
        (None, None) => None,
    }
}

/// An event named by its document and its place among the document's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventRef {
    pub doc: DocId,
    pub nth: usize,
}

/// The events of the public site.
#[derive(Debug, Default)]
pub struct SiteEvents {
    /// Each document's events, in the site's order.
    pub by_doc: Vec<Arc<[SiteEvent]>>,
    /// Every event, in a stable order: by first day, then uid.
    pub order: Vec<EventRef>,
    /// A digest of what events are made of besides their document (see [`EventCache`]).
    inputs: u64,
}

impl SiteEvents {
    pub fn get(&self, e: EventRef) -> &SiteEvent {
        &self.by_doc[e.doc][e.nth]
    }
}

/// Each document's events as last worked out, for the preview. A document that is the
/// same value as last time (the preview shares unchanged documents between rebuilds, and
/// a document is never changed once shared) has the same events, as long as what else
/// they are made of is the same: the site's host, its time zone and two words.
#[derive(Default)]
pub struct EventCache {
    inputs: u64,
    /// By the document's address; the document is held, so the address is not reused
    /// by another while it is here.
    by_doc: HashMap<usize, (Arc<Document>, Arc<[SiteEvent]>)>,
}

impl EventCache {
    /// Keeps the events of this build's documents (and forgets all others).
    pub fn remember(&mut self, site: &Site, events: &SiteEvents) {
        self.inputs = events.inputs;
        self.by_doc = site
            .docs
            .iter()
            .zip(&events.by_doc)
            .map(|(d, e)| (Arc::as_ptr(d) as usize, (d.clone(), e.clone())))
            .collect();
    }

    fn get(&self, inputs: u64, d: &Arc<Document>) -> Option<Arc<[SiteEvent]>> {
        if inputs != self.inputs {
            return None;
        }
        let (_, events) = self.by_doc.get(&(Arc::as_ptr(d) as usize))?;
        Some(events.clone())
    }
}

/// The order of the site's events: by first day, then uid.
pub fn event_key(e: &SiteEvent) -> (NaiveDate, &str) {
    (e.when.first_day(), &e.uid)
}

/// All events of the public site; a document's events are taken from `cache` when it
/// has them.
pub fn site_events(
    site: &Site,
    t: &(dyn Fn(&str) -> String + Sync),
    cache: Option<&EventCache>,
) -> SiteEvents {
    use rayon::prelude::*;
    let host = site.config.base_url.split('/').nth(2).unwrap_or("planpub");
    let words = [t("calendar.opens"), t("calendar.deadline")];
    let inputs = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (host, site.now.timezone().name(), &words).hash(&mut h);
        h.finish()
    };
    let by_doc: Vec<Arc<[SiteEvent]>> = site
        .docs
        .par_iter()
        .enumerate()
        .map(|(id, d)| {
            cache.and_then(|c| c.get(inputs, d)).unwrap_or_else(|| {
                let mut events = Vec::new();
                doc_events(site, id, host, &words, &mut events);
                // Stable: two rows of one day and text keep their order.
                events.sort_by(|a, b| event_key(a).cmp(&event_key(b)));
                events.into()
            })
        })
        .collect();
    let mut order: Vec<EventRef> = by_doc
        .iter()
        .enumerate()
        .flat_map(|(doc, es)| (0..es.len()).map(move |nth| EventRef { doc, nth }))
        .collect();
    let of = |e: &EventRef| event_key(&by_doc[e.doc][e.nth]);
    crate::model::order::sort_large_by(&mut order, |a, b| of(a).cmp(&of(b)));
    SiteEvents {
        by_doc,
        order,
        inputs,
    }
}

/// The events of one document, appended to `out`. `words` are the theme's words for
/// a hearing's opening and its deadline.
fn doc_events(site: &Site, id: DocId, host: &str, words: &[String; 2], out: &mut Vec<SiteEvent>) {
    let tz = site.now.timezone();
    let d = &site.docs[id];
    let uid = |what: String| format!("{}-{}-{what}@{host}", d.kind().as_str(), d.slug);
    match &d.data {
        Data::Plan(p) => {
            for (i, r) in p.timeline.iter().enumerate() {
                let When::Date(date) = &r.when else { continue };
                let Some(when) = event_when(date) else {
                    continue;
                };
                out.push(SiteEvent {
                    kind: EventKind::Timeline(i),
                    uid: uid(r.key.clone()),
                    title: r.what.clone(),
                    description: Some(match &r.who {
                        Some(w) => format!("{} – {w}", d.title),
                        None => d.title.clone(),
                    }),
                    location: None,
                    when,
                    date: date.clone(),
                });
            }
        }
        Data::Hearing(h) => {
            let opens = h.period.opens();
            out.push(SiteEvent {
                kind: EventKind::HearingOpens,
                uid: uid("opens".into()),
                title: format!("{} ({})", d.title, words[0]),
                description: d.summary.clone(),
                location: None,
                when: match opens.time() {
                    Some(_) => EventWhen::Timed {
                        start: h.period.opening().naive_local(),
                        end: None,
                    },
                    None => EventWhen::Days {
                        start: opens.day(),
                        end: opens.day(),
                    },
                },
                date: opens.written().clone(),
            });
            out.push(SiteEvent {
                kind: EventKind::HearingDeadline,
                uid: uid("deadline".into()),
                title: format!("{} ({})", d.title, words[1]),
                description: d.summary.clone(),
                location: None,
                when: EventWhen::Timed {
                    start: h.period.deadline().at().with_timezone(&tz).naive_local(),
                    end: None,
                },
                date: h.period.closes().written().clone(),
            });
            for (i, m) in h.meetings.iter().enumerate() {
                let Some(when) = meeting_when(m) else {
                    continue;
                };
                out.push(SiteEvent {
                    kind: EventKind::Meeting(i),
                    uid: uid(m.key.clone()),
                    title: m.what.clone().unwrap_or_else(|| d.title.clone()),
                    description: Some(d.title.clone()),
                    location: match (&m.place, &m.address) {
                        (Some(p), Some(a)) => Some(format!("{p}, {a}")),
                        (p, a) => p.clone().or_else(|| a.clone()),
                    },
                    when,
                    date: m.when.clone(),
                });
            }
        }
        // A withdrawn item keeps only its notice, not even its place in the calendar.
        Data::Decision(x) if x.state == DecisionState::Withdrawn => {}
        Data::Decision(x) => {
            let Some(when) = event_when(&x.meeting) else {
                return;
            };
            let closed = x.access == Access::Closed;
            out.push(SiteEvent {
                kind: EventKind::DecisionMeeting,
                uid: uid("meeting".into()),
                title: format!("{}: {}", x.body, d.title),
                description: if closed { None } else { d.summary.clone() },
                location: None,
                when,
                date: x.meeting.clone(),
            });
        }
        Data::Page(_) => {}
    }
}
