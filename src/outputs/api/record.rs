//! The open-data documents as typed values that borrow from the site and serialize
//! straight to bytes. Field order is the order in the files; `schema.rs` describes the
//! same shapes as JSON Schema, and a test holds every written file to its schema.

use super::{Addresses, id_of};
use crate::model::content::{
    Access, Attachment, ChangeMoments, Contact, Data, Document, EntryKind, Level, Outcome,
    PlanStatus, Respond, When,
};
use crate::model::dates::FuzzyDate;
use crate::model::diagnostics::Diagnostic;
use crate::model::events::{EventKind, EventWhen};
use crate::model::site::{DocId, day_start};
use crate::model::state;
use crate::outputs::reader::{Reader, Rel};
use crate::outputs::views::attachment_output_path;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

/// A moment, written as RFC 3339 with its offset (`2008-06-20T12:00:00+02:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp(pub DateTime<Tz>);

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The one timestamp rule of every output (whole seconds unless there is a fraction).
        s.collect_str(&crate::model::clock::timestamp(&self.0))
    }
}

/// A time of day, written `HH:MM`.
#[derive(Debug, Clone, Copy)]
pub struct Hm(NaiveTime);

impl Serialize for Hm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%H:%M"))
    }
}

/// A date as the author wrote it and as it was resolved.
#[derive(Serialize)]
pub struct DateOut<'a> {
    text: &'a str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    precision: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<Hm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<Hm>,
    /// Only on a hearing's `closes`: the exact deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<Stamp>,
}

pub fn date(d: &FuzzyDate) -> DateOut<'_> {
    DateOut {
        text: d.text(),
        start: d.start(),
        end: d.end(),
        precision: d.precision().as_str(),
        start_time: d.start_time().map(Hm),
        end_time: d.end_time().map(Hm),
        deadline: None,
    }
}

/// Another item of the site, with its addresses.
#[derive(Serialize)]
pub struct LinkOut<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    slug: &'a str,
    title: &'a str,
    url: String,
    json: String,
}

/// A published file.
#[derive(Serialize)]
pub struct FileOut<'a> {
    title: &'a str,
    url: String,
    media_type: &'static str,
    bytes: u64,
    sha256: String,
}

/// What every full record and index entry begins with.
#[derive(Serialize)]
pub struct Head<'a> {
    #[serde(flatten)]
    link: LinkOut<'a>,
    created: Option<Stamp>,
    modified: Option<Stamp>,
}

/// What every open record (all but a closed decision) has.
#[derive(Serialize)]
pub struct Common<'a> {
    summary: Option<&'a str>,
    published: Option<DateOut<'a>>,
    updated: Option<DateOut<'a>>,
    area: Option<&'a str>,
    tags: &'a [String],
    attachments: Vec<FileOut<'a>>,
}

#[derive(Serialize)]
pub struct Record<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    #[serde(flatten)]
    head: Head<'a>,
    #[serde(flatten)]
    common: Option<Common<'a>>,
    #[serde(flatten)]
    body: Body<'a>,
}

/// What follows the common fields, by type. One lives on the stack for the moment it
/// is written, so the sizes of the variants do not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(untagged)]
pub enum Body<'a> {
    Plan(PlanBody<'a>),
    Hearing(HearingBody<'a>),
    Decision(DecisionBody<'a>),
    Closed(ClosedBody<'a>),
}

#[derive(Serialize)]
pub struct RowOut<'a> {
    when: Option<DateOut<'a>>,
    undated: Option<&'a str>,
    what: &'a str,
    who: Option<&'a str>,
    kind: Option<EntryKind>,
    state: Option<&'static str>,
    hearing: Option<LinkOut<'a>>,
    decision: Option<LinkOut<'a>>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ActionOut<'a> {
    what: &'a str,
    when: Option<DateOut<'a>>,
    undated: Option<&'a str>,
    who: Option<&'a str>,
    level: Option<Level>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct TrackOut<'a> {
    name: &'a str,
    description: Option<&'a str>,
    actions: Vec<ActionOut<'a>>,
}

#[derive(Serialize)]
pub struct PlanBody<'a> {
    status: Option<PlanStatus>,
    owner: Option<&'a str>,
    contact: Option<&'a Contact>,
    case_number: Option<&'a str>,
    document_number: Option<&'a str>,
    parent: Option<LinkOut<'a>>,
    children: Vec<LinkOut<'a>>,
    hearings: Vec<LinkOut<'a>>,
    decisions: Vec<LinkOut<'a>>,
    timeline: Vec<RowOut<'a>>,
    tracks: Vec<TrackOut<'a>>,
}

#[derive(Serialize)]
pub struct MeetingOut<'a> {
    when: DateOut<'a>,
    /// When it begins and ends, for a meeting with a time (the end as calendars show it).
    starts_at: Option<Stamp>,
    ends_at: Option<Stamp>,
    #[serde(rename = "where")]
    place: Option<&'a str>,
    address: Option<&'a str>,
    what: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ResponseOut<'a> {
    from: &'a str,
    received: Option<DateOut<'a>>,
    file: Option<FileOut<'a>>,
}

#[derive(Serialize)]
pub struct HearingBody<'a> {
    state: &'static str,
    authority: Option<&'a str>,
    case_number: Option<&'a str>,
    plan: Option<LinkOut<'a>>,
    opens: DateOut<'a>,
    closes: DateOut<'a>,
    respond: &'a Respond,
    documents: Vec<FileOut<'a>>,
    meetings: Vec<MeetingOut<'a>>,
    responses: Vec<ResponseOut<'a>>,
    summary_note: Option<FileOut<'a>>,
    decisions: Vec<LinkOut<'a>>,
}

#[derive(Serialize)]
pub struct RecommendationOut<'a> {
    number: usize,
    text: &'a str,
    outcome: Option<Outcome>,
    remark: Option<&'a str>,
}

#[derive(Serialize)]
pub struct CorrectionOut<'a> {
    date: DateOut<'a>,
    note: &'a str,
}

/// The notice left of a withdrawn item.
#[derive(Serialize)]
pub struct WithdrawnOut<'a> {
    date: DateOut<'a>,
    reason: &'a str,
}

#[derive(Serialize)]
pub struct DecisionBody<'a> {
    body: &'a str,
    meeting: DateOut<'a>,
    case_number: Option<&'a str>,
    item: u32,
    access: Access,
    /// As of the build moment: an agenda item, decided, or withdrawn.
    state: &'static str,
    withdrawn: Option<WithdrawnOut<'a>>,
    recommendations: Vec<RecommendationOut<'a>>,
    absent: &'a [String],
    plans: Vec<LinkOut<'a>>,
    hearings: Vec<LinkOut<'a>>,
    corrections: Vec<CorrectionOut<'a>>,
}

/// A closed item publishes nothing but its title, body, meeting and item number.
#[derive(Serialize)]
pub struct ClosedBody<'a> {
    body: &'a str,
    meeting: DateOut<'a>,
    item: u32,
    access: Access,
    state: &'static str,
}

/// What a record's job needs besides the reader: the site's addresses.
pub struct Ctx<'r, 'a> {
    pub r: &'r Reader<'a>,
    pub at: &'r Addresses,
}

impl<'a> Ctx<'_, 'a> {
    fn head(&self, id: DocId) -> Head<'a> {
        let d = self.r.doc(id);
        let now = self.r.now();
        Head {
            link: self.link(id),
            created: created(d, &now.timezone()),
            modified: modified(d, now),
        }
    }

    fn link(&self, id: DocId) -> LinkOut<'a> {
        let d = self.r.doc(id);
        LinkOut {
            id: id_of(d),
            kind: d.kind().as_str(),
            slug: d.slug.as_str(),
            title: &d.title,
            url: self.at.page(d),
            json: self.at.record(d),
        }
    }

    fn links(&self, id: DocId, rel: Rel) -> Vec<LinkOut<'a>> {
        let mut v: Vec<LinkOut<'a>> = self
            .r
            .related(id, rel)
            .into_iter()
            .map(|i| self.link(i))
            .collect();
        v.sort_by(|a, b| a.slug.cmp(b.slug));
        v
    }

    fn file(&self, d: &'a Document, a: &'a Attachment) -> Result<FileOut<'a>, Diagnostic> {
        let sha256 = self.r.file_sha256(a).map_err(|e| {
            let key = crate::messages::Key::new("attachment-unreadable")
                .arg("file", a.file.as_str())
                .sub("reason", crate::messages::io_reason(&e));
            Diagnostic::keyed(crate::model::diagnostics::Severity::Error, &d.file, key)
        })?;
        Ok(FileOut {
            title: &a.title,
            url: self.at.file(&attachment_output_path(d, a)),
            media_type: crate::formats::mime::essence(std::path::Path::new(&a.file)),
            bytes: a.size,
            sha256,
        })
    }

    fn files(
        &self,
        d: &'a Document,
        list: impl IntoIterator<Item = &'a Attachment>,
    ) -> Result<Vec<FileOut<'a>>, Diagnostic> {
        list.into_iter().map(|a| self.file(d, a)).collect()
    }

    fn common(&self, d: &'a Document) -> Result<Common<'a>, Diagnostic> {
        Ok(Common {
            summary: d.summary.as_deref(),
            published: d.published.as_ref().map(date),
            updated: d.updated.as_ref().map(date),
            area: d.area.as_deref(),
            tags: &d.tags,
            attachments: self.files(d, &d.attachments)?,
        })
    }

    /// The full record of one document, as bytes.
    pub fn record(&self, id: DocId) -> Result<Vec<u8>, Diagnostic> {
        let d = self.r.doc(id);
        let schema = self.at.schema(&format!("{}.json", d.kind().as_str()));
        let head = self.head(id);
        let out = |common, body| {
            to_bytes(&Record {
                schema,
                head,
                common,
                body,
            })
        };
        Ok(match &d.data {
            Data::Decision(x) if d.is_closed() => out(
                None,
                Body::Closed(ClosedBody {
                    body: &x.body,
                    meeting: date(&x.meeting),
                    item: x.item,
                    access: x.access,
                    state: x.state.as_str(),
                }),
            ),
            Data::Decision(x) => out(Some(self.common(d)?), Body::Decision(self.decision(id, x))),
            Data::Hearing(h) => out(
                Some(self.common(d)?),
                Body::Hearing(self.hearing(id, d, h)?),
            ),
            Data::Plan(p) => out(Some(self.common(d)?), Body::Plan(self.plan(id, p))),
            Data::Page(_) => Vec::new(),
        })
    }

    fn plan(&self, id: DocId, p: &'a crate::model::content::Plan) -> PlanBody<'a> {
        let when = |w: &'a When| match w {
            When::Date(d) => (Some(date(d)), None),
            When::Undated(t) => (None, Some(t.as_str())),
        };
        PlanBody {
            status: self.r.plan_status(id),
            owner: p.owner.as_deref(),
            contact: p.contact.as_ref(),
            case_number: p.case_number.as_deref(),
            document_number: p.document_number.as_deref(),
            parent: self
                .r
                .related(id, Rel::Parent)
                .first()
                .map(|&i| self.link(i)),
            children: self.links(id, Rel::Children),
            hearings: self.links(id, Rel::PlanHearings),
            decisions: self.links(id, Rel::PlanDecisions),
            timeline: p
                .timeline
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let (w, u) = when(&row.when);
                    let (hearing, decision) = self.r.row_links(id, i);
                    RowOut {
                        when: w,
                        undated: u,
                        what: &row.what,
                        who: row.who.as_deref(),
                        kind: row.kind,
                        // A row that links a hearing or decision follows it.
                        state: self.r.row_state(id, i, row).map(|s| s.as_str()),
                        hearing: hearing.map(|h| self.link(h)),
                        decision: decision.map(|x| self.link(x)),
                        note: row.note.as_deref(),
                    }
                })
                .collect(),
            tracks: p
                .tracks
                .iter()
                .map(|t| TrackOut {
                    name: &t.name,
                    description: t.description.as_deref(),
                    actions: t
                        .actions
                        .iter()
                        .map(|a| {
                            let (w, u) = a.when.as_ref().map(when).unwrap_or((None, None));
                            ActionOut {
                                what: &a.what,
                                when: w,
                                undated: u,
                                who: a.who.as_deref(),
                                level: a.level,
                                note: a.note.as_deref(),
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn hearing(
        &self,
        id: DocId,
        d: &'a Document,
        h: &'a crate::model::content::Hearing,
    ) -> Result<HearingBody<'a>, Diagnostic> {
        let now = self.r.now();
        let tz = now.timezone();
        let mut closes = date(h.period.closes().written());
        closes.deadline = state::deadline(h, &tz).map(Stamp);
        let outcome = state::outcome_public(h, now);
        // Start and end as the calendars give them: one rule for both.
        let mut spans = vec![(None, None); h.meetings.len()];
        for e in self.r.events_of(id) {
            if let (EventKind::Meeting(i), EventWhen::Timed { start, .. }) = (e.kind, &e.when)
                && let Some(slot) = spans.get_mut(i)
            {
                let at = |t| tz.from_local_datetime(&t).earliest().map(Stamp);
                *slot = (at(*start), e.timed_end().and_then(at));
            }
        }
        let responses = if outcome {
            h.responses
                .iter()
                .map(|x| {
                    Ok(ResponseOut {
                        from: &x.from,
                        received: x.received.as_ref().map(date),
                        file: x.file.as_ref().map(|a| self.file(d, a)).transpose()?,
                    })
                })
                .collect::<Result<_, Diagnostic>>()?
        } else {
            Vec::new()
        };
        Ok(HearingBody {
            state: state::hearing_state(h, now).as_str(),
            authority: h.authority.as_deref(),
            case_number: h.case_number.as_deref(),
            plan: self
                .r
                .related(id, Rel::HearingPlan)
                .first()
                .map(|&p| self.link(p)),
            opens: date(h.period.opens().written()),
            closes,
            respond: &h.respond,
            documents: self.files(d, &h.documents)?,
            meetings: h
                .meetings
                .iter()
                .zip(spans)
                .map(|(m, (start, end))| MeetingOut {
                    when: date(&m.when),
                    starts_at: start,
                    ends_at: end,
                    place: m.place.as_deref(),
                    address: m.address.as_deref(),
                    what: m.what.as_deref(),
                })
                .collect(),
            responses,
            summary_note: h
                .summary_note
                .as_ref()
                .filter(|_| outcome)
                .map(|a| self.file(d, a))
                .transpose()?,
            decisions: self.links(id, Rel::HearingDecisions),
        })
    }

    fn decision(&self, id: DocId, x: &'a crate::model::content::Decision) -> DecisionBody<'a> {
        DecisionBody {
            body: &x.body,
            meeting: date(&x.meeting),
            case_number: x.case_number.as_deref(),
            item: x.item,
            access: x.access,
            state: x.state.as_str(),
            withdrawn: x.withdrawal().map(|w| WithdrawnOut {
                date: date(w.date.written()),
                reason: &w.reason,
            }),
            recommendations: x
                .recommendations
                .iter()
                .enumerate()
                .map(|(i, x)| RecommendationOut {
                    number: i + 1,
                    text: &x.text,
                    outcome: x.outcome,
                    remark: x.remark.as_deref(),
                })
                .collect(),
            absent: &x.absent,
            plans: self.links(id, Rel::DecisionPlans),
            hearings: self.links(id, Rel::DecisionHearings),
            corrections: x
                .corrections
                .iter()
                .map(|c| CorrectionOut {
                    date: date(&c.date),
                    note: &c.note,
                })
                .collect(),
        }
    }

    /// The short entry of a document in its type's index.
    pub fn entry(&self, id: DocId) -> Entry<'a> {
        let d = self.r.doc(id);
        let closed = d.is_closed();
        let now = self.r.now();
        let kind = match &d.data {
            Data::Plan(_) => EntryBody::Plan {
                status: self.r.plan_status(id),
                area: d.area.as_deref(),
            },
            Data::Hearing(h) => {
                let mut closes = date(h.period.closes().written());
                closes.deadline = state::deadline(h, &now.timezone()).map(Stamp);
                EntryBody::Hearing {
                    state: state::hearing_state(h, now).as_str(),
                    opens: date(h.period.opens().written()),
                    closes,
                }
            }
            Data::Decision(x) => EntryBody::Decision {
                body: &x.body,
                meeting: date(&x.meeting),
                item: x.item,
                access: x.access,
            },
            Data::Page(_) => EntryBody::Page {},
        };
        Entry {
            head: self.head(id),
            summary: if closed { None } else { d.summary.as_deref() },
            published: d.published.as_ref().filter(|_| !closed).map(date),
            updated: d.updated.as_ref().filter(|_| !closed).map(date),
            kind,
        }
    }
}

/// An index entry: the head, a summary and what a list needs of each type.
#[derive(Serialize)]
pub struct Entry<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    summary: Option<&'a str>,
    published: Option<DateOut<'a>>,
    updated: Option<DateOut<'a>>,
    #[serde(flatten)]
    kind: EntryBody<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
pub enum EntryBody<'a> {
    Plan {
        status: Option<PlanStatus>,
        area: Option<&'a str>,
    },
    Hearing {
        state: &'static str,
        opens: DateOut<'a>,
        closes: DateOut<'a>,
    },
    Decision {
        body: &'a str,
        meeting: DateOut<'a>,
        item: u32,
        access: Access,
    },
    Page {},
}

/// The day an item was first published, as the moment that day began: `published`,
/// else its natural first day (a hearing's opening, a decision's meeting day; always
/// the meeting day for a closed item).
pub fn created(d: &Document, tz: &Tz) -> Option<Stamp> {
    let natural = match &d.data {
        Data::Hearing(h) => Some(h.period.opens().written()),
        Data::Decision(x) => Some(&x.meeting),
        _ => None,
    };
    // A closed item tells nothing beyond its meeting, not even its dates.
    let published = d.published.as_ref().filter(|_| !d.is_closed());
    published
        .or(natural)
        .and_then(|p| day_start(tz, p.start()?))
        .map(Stamp)
}

/// The last moment at or before the build moment at which the record changed, as far
/// as its dates tell: `updated`, `published`, and the moments its time-dependent fields
/// turned (a hearing opening and closing, a decision's meeting day and corrections, a
/// timeline row starting and ending). `created` if none has passed.
pub fn modified(d: &Document, now: &DateTime<Tz>) -> Option<Stamp> {
    let tz = now.timezone();
    let fresh;
    // Kept with the document (it is the same on every build until the file changes);
    // worked out anew in another zone.
    let m = match d.change_moments.get_or_init(|| change_moments(d, &tz)) {
        m if m.tz == tz => m,
        _ => {
            fresh = change_moments(d, &tz);
            &fresh
        }
    };
    let at = now.timestamp_micros();
    let passed = m.sorted.partition_point(|&t| t <= at);
    passed
        .checked_sub(1)
        .map(|i| m.sorted[i])
        .or(m.created.filter(|&c| c <= at))
        .and_then(DateTime::from_timestamp_micros)
        .map(|t| Stamp(t.with_timezone(&tz)))
}

/// Every moment [`modified`] chooses from, in time order.
fn change_moments(d: &Document, tz: &Tz) -> ChangeMoments {
    let day = |x: &FuzzyDate| x.start().and_then(|s| day_start(tz, s));
    let mut moments: Vec<Option<DateTime<Tz>>> = Vec::new();
    if !d.is_closed() {
        moments.extend(d.updated.iter().chain(&d.published).map(&day));
    }
    match &d.data {
        Data::Hearing(h) => {
            moments.push(state::opening(h, tz));
            moments.push(state::deadline(h, tz).map(|t| t + Duration::seconds(1)));
        }
        Data::Decision(x) => {
            moments.push(day(&x.meeting));
            if !d.is_closed() {
                moments.extend(x.corrections.iter().map(|c| day(&c.date)));
            }
        }
        Data::Plan(p) => {
            for x in p.timeline.iter().filter_map(|r| r.when.date()) {
                moments.push(day(x));
                moments.push(
                    x.end()
                        .and_then(|e| e.succ_opt())
                        .and_then(|e| day_start(tz, e)),
                );
            }
        }
        Data::Page(_) => {}
    }
    let mut sorted: Vec<i64> = moments
        .into_iter()
        .flatten()
        .map(|t| t.timestamp_micros())
        .collect();
    sorted.sort_unstable();
    sorted.shrink_to_fit();
    ChangeMoments {
        tz: *tz,
        sorted,
        created: created(d, tz).map(|c| c.0.timestamp_micros()),
    }
}

/// Pretty JSON with a final newline.
pub fn to_bytes<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}

/// The items of a list that stands `depth` levels deep in a [`to_bytes`] document,
/// each serialized on its own, in parallel, and indented for where it stands: placed
/// in the list as raw JSON they give the same bytes as serializing the list in one go
/// (a type index holds thousands of entries; the preview writes it on every save).
pub fn pretty_items<T: Serialize + Sync>(items: &[T], depth: usize) -> Vec<Box<RawValue>> {
    use rayon::prelude::*;
    let break_and_indent = format!("\n{}", "  ".repeat(depth));
    items
        .par_iter()
        .map(|item| {
            let text = serde_json::to_string_pretty(item).unwrap_or_default();
            // JSON strings escape their line breaks, so each one here starts a line.
            let text = text.replace('\n', &break_and_indent);
            RawValue::from_string(text).expect("serde_json wrote valid JSON")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pretty_items_give_the_bytes_of_the_whole_list() {
        let items = [
            json!({"a": 1, "b": [1, {"c": "two\nlines"}], "d": {}, "e": []}),
            json!("plain"),
            json!([]),
            json!({"nested": {"deeper": {"deepest": [null, true]}}}),
        ];
        #[derive(Serialize)]
        struct Doc<T> {
            schema: &'static str,
            plans: T,
        }
        for list in [&items[..], &items[..1], &[]] {
            let whole = to_bytes(&Doc {
                schema: "x",
                plans: list,
            });
            let raw = to_bytes(&Doc {
                schema: "x",
                plans: pretty_items(list, 2),
            });
            assert_eq!(String::from_utf8(raw), String::from_utf8(whole));
        }
    }
}
