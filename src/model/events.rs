//! Everything on the site that happens at a time: timeline rows, hearing openings and
//! deadlines, public meetings. The calendar page, the iCalendar files and
//! `planpub schedule` all read this one list.

use crate::model::content::{Access, Data, DecisionState, Document, Meeting, When};
use crate::model::dates::FuzzyDate;
use crate::model::digest::FastMap;
use crate::model::site::{DocId, Site};
use crate::model::state::{self, EntryState};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
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
#[derive(Debug, Default, Clone)]
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
    /// The last build's documents by address, each with its place in `last`; the
    /// document is held, so its address is not reused by another while it is here.
    at: FastMap<usize, (Arc<Document>, DocId)>,
    /// The last build's events and their order, from which the next order is merged
    /// rather than sorted again (41,000 events at 10,000 documents).
    last: Option<SiteEvents>,
}

impl EventCache {
    /// Keeps the events of this build's documents (and forgets all others).
    pub fn remember(&mut self, site: &Site, events: &SiteEvents) {
        self.at = site
            .docs
            .iter()
            .enumerate()
            .map(|(id, d)| (Arc::as_ptr(d) as usize, (d.clone(), id)))
            .collect();
        self.last = Some(events.clone());
    }

    fn get(&self, inputs: u64, d: &Arc<Document>) -> Option<Arc<[SiteEvent]>> {
        let last = self.last.as_ref().filter(|l| l.inputs == inputs)?;
        let (_, id) = self.at.get(&(Arc::as_ptr(d) as usize))?;
        Some(last.by_doc[*id].clone())
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
    let inputs = crate::model::digest::digest((host, site.now.timezone().name(), &words));
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
    let last = cache.and_then(|c| c.last.as_ref());
    let order = last
        .and_then(|l| merged_order(&l.by_doc, &l.order, &by_doc))
        .unwrap_or_else(|| sorted_order(&by_doc, |_| true));
    SiteEvents {
        by_doc,
        order,
        inputs,
    }
}

/// The events of the documents `take` picks, in the site's order: by [`event_key`],
/// then by document and place (as a stable sort of them leaves ties).
fn sorted_order(by_doc: &[Arc<[SiteEvent]>], take: impl Fn(DocId) -> bool) -> Vec<EventRef> {
    let mut order: Vec<EventRef> = by_doc
        .iter()
        .enumerate()
        .filter(|(doc, _)| take(*doc))
        .flat_map(|(doc, es)| (0..es.len()).map(move |nth| EventRef { doc, nth }))
        .collect();
    let of = |e: &EventRef| event_key(&by_doc[e.doc][e.nth]);
    crate::model::order::sort_large_by(&mut order, |a, b| of(a).cmp(&of(b)));
    order
}

/// The order [`sorted_order`] gives for `by_doc`, made from the last build's order:
/// the events of documents kept from it (the same shared list) keep their order, the
/// others are sorted and merged in. `None` when the kept lists do not appear in the
/// same relative order (documents are sorted by a key of their own, so they always
/// should), and the caller sorts everything.
fn merged_order(
    last_docs: &[Arc<[SiteEvent]>],
    last_order: &[EventRef],
    by_doc: &[Arc<[SiteEvent]>],
) -> Option<Vec<EventRef>> {
    let at: FastMap<*const SiteEvent, DocId> = by_doc
        .iter()
        .enumerate()
        .map(|(id, es)| (es.as_ptr(), id))
        .collect();
    if at.len() != by_doc.len() {
        return None;
    }
    let moved: Vec<Option<DocId>> = last_docs
        .iter()
        .map(|es| at.get(&es.as_ptr()).copied())
        .collect();
    let kept_ids: Vec<DocId> = moved.iter().flatten().copied().collect();
    // Ties are broken by document number, so kept documents must keep their order.
    if !kept_ids.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let mut kept_doc = vec![false; by_doc.len()];
    for &id in &kept_ids {
        kept_doc[id] = true;
    }
    let fresh = sorted_order(by_doc, |id| !kept_doc[id]);
    let kept = last_order
        .iter()
        .filter_map(|e| moved[e.doc].map(|doc| EventRef { doc, nth: e.nth }));
    let rank = |e: &EventRef| (event_key(&by_doc[e.doc][e.nth]), e.doc, e.nth);
    let mut out = Vec::with_capacity(last_order.len() + fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for e in kept {
        while let Some(f) = fresh.next_if(|f| rank(f) < rank(&e)) {
            out.push(f);
        }
        out.push(e);
    }
    out.extend(fresh);
    Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn event(day: u32, uid: &str) -> SiteEvent {
        let day = NaiveDate::from_ymd_opt(2024, 1, day).unwrap();
        SiteEvent {
            kind: EventKind::HearingOpens,
            uid: uid.into(),
            title: String::new(),
            description: None,
            location: None,
            when: EventWhen::Days {
                start: day,
                end: day,
            },
            date: FuzzyDate::from_day(day),
        }
    }

    /// A document's events, sorted as `site_events` keeps them; few days and uids, so
    /// that ties across documents are common.
    fn doc(next: &mut impl FnMut() -> u64) -> Arc<[SiteEvent]> {
        let mut es: Vec<SiteEvent> = (0..next() % 4)
            .map(|_| event(1 + (next() % 3) as u32, ["a", "b"][(next() % 2) as usize]))
            .collect();
        es.sort_by(|a, b| event_key(a).cmp(&event_key(b)));
        es.into()
    }

    fn refs(v: &[EventRef]) -> Vec<(DocId, usize)> {
        v.iter().map(|e| (e.doc, e.nth)).collect()
    }

    #[test]
    fn a_merged_order_is_the_sorted_order() {
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        for round in 0..300 {
            let last: Vec<Arc<[SiteEvent]>> = (0..next() % 12).map(|_| doc(&mut next)).collect();
            let last_order = sorted_order(&last, |_| true);
            // Keep, replace or drop each document, and insert new ones anywhere.
            let mut now: Vec<Arc<[SiteEvent]>> = Vec::new();
            for es in &last {
                match next() % 4 {
                    0 => {}
                    1 => now.push(doc(&mut next)),
                    _ => now.push(es.clone()),
                }
                if next() % 4 == 0 {
                    now.push(doc(&mut next));
                }
            }
            let merged = merged_order(&last, &last_order, &now).expect("kept in order");
            assert_eq!(
                refs(&merged),
                refs(&sorted_order(&now, |_| true)),
                "round {round}"
            );
        }
    }

    #[test]
    fn kept_documents_out_of_order_are_sorted_again() {
        let (a, b): (Arc<[SiteEvent]>, Arc<[SiteEvent]>) =
            (vec![event(1, "a")].into(), vec![event(1, "b")].into());
        let last = vec![a.clone(), b.clone()];
        let order = sorted_order(&last, |_| true);
        assert!(merged_order(&last, &order, &[b, a]).is_none());
    }
}
