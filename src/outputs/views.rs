//! View models: what templates see. Built once per build from the [`Site`]; every path
//! in them is site-relative, and templates prefix `root` to make it relative to the
//! page being rendered.

use crate::model::config::Language;
use crate::model::content::{Access, Attachment, Data, Document, When};
use crate::model::site::DocId;
use crate::model::state::{self, EntryState, HearingState};
use crate::model::urls::{self, LinkStyle};
use crate::outputs::format::{DateView, date_view, human_size, moment_display, timestamp};
use crate::outputs::reader::{Reader, Rel};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A link to another document, with what a list needs to show it.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub kind: &'static str,
    pub kind_label: String,
    pub slug: String,
    pub title: String,
    pub path: String,
    pub summary: Option<String>,
    pub date: Option<DateView>,
    /// Hearing state, plan status or decision outcome summary, for badges.
    pub badge: Option<String>,
    pub badge_label: Option<String>,
    /// A decision's state at the build moment (`agenda`, `decided`, `withdrawn`), so a
    /// link can say "on the agenda" rather than "decided".
    pub decision_state: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub path: String,
    pub file_name: String,
    pub type_label: String,
    pub size: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub when: Option<DateView>,
    pub undated: Option<String>,
    pub what: String,
    pub who: Option<String>,
    pub kind: Option<String>,
    pub kind_label: Option<String>,
    pub note: Option<String>,
    pub state: Option<&'static str>,
    pub state_label: Option<String>,
    pub hearing: Option<Link>,
    pub decision: Option<Link>,
    pub year_inferred: bool,
    /// Position on the band view, in percent of the plan's span.
    pub bar: Option<Bar>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Bar {
    pub left: f64,
    pub width: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearGroup {
    pub label: String,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Band {
    pub start: String,
    pub end: String,
    /// Year ticks: label and position in percent.
    pub ticks: Vec<(String, f64)>,
    /// Position of today in percent, if inside the span.
    pub today: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub what: String,
    pub when: Option<DateView>,
    pub undated: Option<String>,
    pub who: Option<String>,
    pub level: Option<String>,
    pub level_label: Option<String>,
    pub note: Option<String>,
    pub state: Option<&'static str>,
    pub state_label: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrackView {
    pub name: String,
    pub description: Option<String>,
    pub actions: Vec<ActionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    pub status: Option<&'static str>,
    pub status_label: Option<String>,
    pub status_path: Option<String>,
    pub owner: Option<String>,
    pub contact: Option<crate::model::content::Contact>,
    pub case_number: Option<String>,
    pub document_number: Option<String>,
    pub parent: Option<Link>,
    pub children: Vec<Link>,
    pub hearings: Vec<Link>,
    pub decisions: Vec<Link>,
    pub timeline: Vec<YearGroup>,
    pub timeline_count: usize,
    pub band: Option<Band>,
    /// The step happening now, else the next one (kept for site templates).
    pub current: Option<RowView>,
    /// Every step happening now: plans often run two at once.
    pub now_rows: Vec<RowView>,
    /// The first step still to come.
    pub next: Option<RowView>,
    /// The steps happening now, and the next step, as the theme's `step` macro writes
    /// them (`<li>` elements; made in Rust, once, because listings show thousands).
    pub now_html: String,
    pub next_html: String,
    pub tracks: Vec<TrackView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    pub when: DateView,
    pub place: Option<String>,
    pub what: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResponseView {
    pub from: String,
    pub received: Option<DateView>,
    pub file: Option<AttachmentView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HearingView {
    pub state: &'static str,
    pub state_label: String,
    pub days_left: Option<i64>,
    pub opens: DateView,
    pub closes: DateView,
    /// The deadline as an RFC 3339 timestamp with offset, and for readers.
    pub deadline: Option<String>,
    /// True when `closes` gave no time: the deadline is the end of the day, and the page
    /// says so.
    pub deadline_end_of_day: bool,
    pub deadline_display: Option<String>,
    /// The opening moment as an RFC 3339 timestamp, for the optional script.
    pub opening: Option<String>,
    pub authority: Option<String>,
    pub case_number: Option<String>,
    pub plan: Option<Link>,
    pub email: Option<String>,
    pub mailto: Option<String>,
    pub address: Option<String>,
    pub form_url: Option<String>,
    pub documents: Vec<AttachmentView>,
    pub meetings: Vec<MeetingView>,
    pub responses: Vec<ResponseView>,
    pub summary_note: Option<AttachmentView>,
    pub decisions: Vec<Link>,
    pub period_days: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecommendationView {
    pub number: usize,
    pub text: String,
    pub outcome: Option<&'static str>,
    pub outcome_label: Option<String>,
    pub remark: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView {
    pub date: DateView,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WithdrawnView {
    pub date: DateView,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    /// `agenda`, `decided` or `withdrawn` (see [`crate::model::content::DecisionState`]).
    pub state: &'static str,
    pub withdrawn: Option<WithdrawnView>,
    pub closed: bool,
    pub body: String,
    pub body_path: String,
    pub meeting: DateView,
    pub meeting_path: String,
    pub item: u32,
    pub case_number: Option<String>,
    pub recommendations: Vec<RecommendationView>,
    pub absent: Vec<String>,
    pub plans: Vec<Link>,
    pub hearings: Vec<Link>,
    pub corrections: Vec<CorrectionView>,
}

/// Everything about one document that any page may show.
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    #[serde(flatten)]
    pub link: Link,
    pub area: Option<String>,
    pub area_path: Option<String>,
    pub tags: Vec<String>,
    pub published: Option<DateView>,
    pub updated: Option<DateView>,
    pub attachments: Vec<AttachmentView>,
    pub draft: bool,
    /// The document's own iCalendar file (plans and hearings).
    pub calendar: Option<String>,
    pub plan: Option<PlanView>,
    pub hearing: Option<HearingView>,
    pub decision: Option<DecisionView>,
}

/// What a list of documents shows of each: far smaller than a [`DocView`], because a
/// listing of a large site names thousands of documents.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    #[serde(flatten)]
    pub link: Link,
    pub area: Option<String>,
    pub plan: Option<PlanCard>,
    pub hearing: Option<HearingCard>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanCard {
    pub status: Option<&'static str>,
    pub status_label: Option<String>,
    pub current: Option<RowView>,
    pub now_rows: Vec<RowView>,
    pub next: Option<RowView>,
    /// As on [`PlanView::now_html`].
    pub now_html: String,
    pub next_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HearingCard {
    pub state: &'static str,
    pub state_label: String,
    pub opens: DateView,
    pub deadline_display: Option<String>,
    pub days_left: Option<i64>,
}

/// The steps happening now, each labelled with its state.
fn now_html(now: &[RowView]) -> String {
    let mut out = String::new();
    for r in now {
        step_html(r, r.state_label.as_deref().unwrap_or_default(), &mut out);
    }
    out
}

/// One step as the theme's `step` macro writes it, escaped as Tera escapes.
fn step_html(r: &RowView, label: &str, out: &mut String) {
    use std::fmt::Write;
    let e = tera::escape_html;
    let _ = write!(
        out,
        "<li class=\"step\"><span class=\"state state-{}\">{}</span> <span class=\"step-what\">{}</span>",
        e(r.state.unwrap_or("undated")),
        e(label),
        e(&r.what)
    );
    if let Some(when) = &r.when {
        let _ = write!(out, " <span class=\"step-when\">({})</span>", when.html);
    }
    if let Some(who) = r.who.as_deref().filter(|w| !w.is_empty()) {
        let _ = write!(out, " <span class=\"step-who\">– {}</span>", e(who));
    }
    out.push_str("</li>");
}

impl Builder<'_> {
    /// What a listing shows of a document: built directly, because a listing of a large
    /// site shows thousands of them.
    pub fn card(&self, id: DocId) -> Card {
        let d = self.r.doc(id);
        Card {
            link: self.link(id),
            area: if d.is_closed() { None } else { d.area.clone() },
            plan: match &d.data {
                Data::Plan(p) => {
                    let (now, next) = self.steps(id, p);
                    let row = |i: usize| self.row(id, i, &p.timeline[i], None);
                    let now_rows: Vec<RowView> = now.into_iter().map(row).collect();
                    let next = next.map(row);
                    let status = self.r.plan_status(id);
                    Some(PlanCard {
                        status: status.map(|s| s.as_str()),
                        status_label: status.map(|s| self.t(&format!("status.{}", s.as_str()))),
                        current: now_rows.first().or(next.as_ref()).cloned(),
                        now_html: now_html(&now_rows),
                        next_html: self.next_html(next.as_ref()),
                        now_rows,
                        next,
                    })
                }
                _ => None,
            },
            hearing: match &d.data {
                Data::Hearing(h) => Some(self.hearing_card(h)),
                _ => None,
            },
        }
    }

    fn hearing_card(&self, h: &crate::model::content::Hearing) -> HearingCard {
        let now = self.r.now();
        let st = state::hearing_state(h, now);
        HearingCard {
            state: st.as_str(),
            state_label: self.t(&format!("hearing.state.{}", st.as_str())),
            opens: date_view(h.period.opens().written(), self.lang),
            deadline_display: state::deadline(h, &now.timezone())
                .map(|t| moment_display(&t, self.lang)),
            days_left: if st == HearingState::Open {
                state::days_left(h, now)
            } else {
                None
            },
        }
    }

    /// The rows happening now and the first row still to come: what a citizen looks
    /// for first. Rows are in the order written; a row's state follows its linked
    /// hearing or decision, as everywhere else.
    fn steps(&self, id: DocId, p: &crate::model::content::Plan) -> (Vec<usize>, Option<usize>) {
        let states: Vec<Option<EntryState>> = p
            .timeline
            .iter()
            .enumerate()
            .map(|(i, r)| self.r.row_state(id, i, r))
            .collect();
        let now = (0..p.timeline.len())
            .filter(|&i| states[i] == Some(EntryState::Now))
            .collect();
        let next = p
            .timeline
            .iter()
            .enumerate()
            .filter(|(i, _)| states[*i] == Some(EntryState::Upcoming))
            .min_by_key(|(i, r)| (r.when.date().and_then(|d| d.start()), *i))
            .map(|(i, _)| i);
        (now, next)
    }
}

/// Builds view models from what a job reads.
pub struct Builder<'r> {
    pub r: &'r Reader<'r>,
    pub lang: Language,
    pub style: LinkStyle,
}

impl<'r> Builder<'r> {
    pub fn new(r: &'r Reader<'r>) -> Self {
        Builder {
            r,
            lang: r.config().language,
            style: r.style(),
        }
    }

    fn t(&self, key: &str) -> String {
        self.r.t(key)
    }

    pub fn link(&self, id: DocId) -> Link {
        let d = self.r.doc(id);
        let kind = d.kind().as_str();
        let (date, badge) = match &d.data {
            Data::Plan(_) => (
                d.updated
                    .as_ref()
                    .or(d.published.as_ref())
                    .map(|x| date_view(x, self.lang)),
                self.r.plan_status(id).map(|s| s.as_str().to_string()),
            ),
            Data::Hearing(h) => (
                Some(date_view(h.period.closes().written(), self.lang)),
                Some(state::hearing_state(h, self.r.now()).as_str().to_string()),
            ),
            Data::Decision(x) => (Some(date_view(&x.meeting, self.lang)), None),
            Data::Page(_) => (
                d.updated
                    .as_ref()
                    .or(d.published.as_ref())
                    .map(|x| date_view(x, self.lang)),
                None,
            ),
        };
        let badge_label = badge.as_ref().map(|b| match d.data {
            Data::Plan(_) => self.t(&format!("status.{b}")),
            _ => self.t(&format!("hearing.state.{b}")),
        });
        let closed = matches!(&d.data, Data::Decision(x) if x.access == Access::Closed);
        Link {
            kind,
            kind_label: self.t(state::kind_key(d)),
            slug: d.slug.to_string(),
            title: d.title.clone(),
            path: self.path(urls::doc_path(d)),
            summary: if closed { None } else { d.summary.clone() },
            date,
            badge,
            badge_label,
            decision_state: match &d.data {
                Data::Decision(x) => Some(x.state.as_str()),
                _ => None,
            },
        }
    }

    /// A folder path in the site's link style.
    pub fn path(&self, p: &str) -> String {
        self.style.folder(p)
    }

    fn attachment(&self, d: &Document, a: &Attachment) -> AttachmentView {
        AttachmentView {
            title: a.title.clone(),
            path: self.path(&attachment_output_path(d, a)),
            file_name: std::path::Path::new(&a.file)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            type_label: a.type_label(),
            size: human_size(a.size, self.lang),
            bytes: a.size,
        }
    }

    pub fn doc(&self, id: DocId) -> DocView {
        let d = self.r.doc(id);
        let closed = matches!(&d.data, Data::Decision(x) if x.access == Access::Closed);
        let area_path = d
            .area
            .as_ref()
            .and_then(|a| crate::model::slug::Slug::from_text(a).ok())
            .map(|s| self.path(&urls::plans_area_path(&s)));
        let mut v = DocView {
            link: self.link(id),
            area: if closed { None } else { d.area.clone() },
            area_path: if closed || d.kind() != crate::model::content::ContentType::Plan {
                None
            } else {
                area_path
            },
            tags: if closed { Vec::new() } else { d.tags.clone() },
            published: d.published.as_ref().map(|x| date_view(x, self.lang)),
            // A page built before its `updated` day cannot say it was updated then.
            updated: d
                .updated
                .as_ref()
                .filter(|x| x.start().is_some_and(|s| s <= self.r.today()))
                .map(|x| date_view(x, self.lang)),
            attachments: if closed {
                Vec::new()
            } else {
                d.attachments
                    .iter()
                    .map(|a| self.attachment(d, a))
                    .collect()
            },
            draft: d.draft
                || d.publish_at.is_some() && !crate::model::site::is_public(d, self.r.now(), false),
            calendar: matches!(
                d.kind(),
                crate::model::content::ContentType::Plan
                    | crate::model::content::ContentType::Hearing
            )
            .then(|| crate::outputs::calendar::doc_calendar_path(d)),
            plan: None,
            hearing: None,
            decision: None,
        };
        match &d.data {
            Data::Plan(_) => v.plan = Some(self.plan(id)),
            Data::Hearing(_) => v.hearing = Some(self.hearing(id)),
            Data::Decision(_) => v.decision = Some(self.decision(id)),
            Data::Page(_) => {}
        }
        v
    }

    fn links(&self, ids: impl IntoIterator<Item = DocId>) -> Vec<Link> {
        ids.into_iter().map(|i| self.link(i)).collect()
    }

    fn entry_state(&self, when: Option<&When>) -> (Option<&'static str>, Option<String>) {
        self.state_words(
            when.and_then(When::date)
                .map(|d| state::entry_state(d, self.r.today())),
        )
    }

    fn state_words(&self, st: Option<EntryState>) -> (Option<&'static str>, Option<String>) {
        match st {
            Some(s) => (
                Some(s.as_str()),
                Some(self.t(&format!("timeline.state.{}", s.as_str()))),
            ),
            None => (None, None),
        }
    }

    fn plan(&self, id: DocId) -> PlanView {
        let d = self.r.doc(id);
        let Data::Plan(p) = &d.data else {
            unreachable!("plan view of a non-plan")
        };
        let span = plan_span(p);
        let mut rows: Vec<RowView> = p
            .timeline
            .iter()
            .enumerate()
            .map(|(i, r)| self.row(id, i, r, span))
            .collect();
        let (now, next) = self.steps(id, p);
        let now_rows: Vec<RowView> = now.iter().map(|&i| rows[i].clone()).collect();
        let next = next.map(|i| rows[i].clone());
        let current = now_rows.first().or(next.as_ref()).cloned();
        // Group by year in the order written; undated rows stay with the rows around them.
        let mut groups: Vec<YearGroup> = Vec::new();
        for r in rows.drain(..) {
            let label = r
                .when
                .as_ref()
                .and_then(|w| w.start.as_ref().or(w.end.as_ref()))
                .map(|s| s[..4].to_string())
                .or_else(|| r.when.as_ref().map(|_| self.t("timeline.ongoing")));
            match (groups.last_mut(), label) {
                (Some(g), Some(l)) if g.label == l => g.rows.push(r),
                (Some(g), None) => g.rows.push(r),
                (_, l) => groups.push(YearGroup {
                    label: l.unwrap_or_else(|| self.t("timeline.undated")),
                    rows: vec![r],
                }),
            }
        }
        let band = span.map(|(s, e)| {
            let total = (e - s).num_days().max(1) as f64;
            // At most about six year labels, so they fit beside each other at 320 px.
            let step = ((e.year() - s.year()) / 6 + 1).max(1);
            let ticks = (s.year()..=e.year())
                .filter(|y| (y - s.year()) % step == 0)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
                .filter(|jan1| *jan1 >= s && *jan1 <= e)
                .map(|jan1| {
                    (
                        jan1.year().to_string(),
                        pct((jan1 - s).num_days() as f64 / total),
                    )
                })
                .collect();
            let today = self.r.today();
            let today =
                (today >= s && today <= e).then(|| pct((today - s).num_days() as f64 / total));
            Band {
                start: s.to_string(),
                end: e.to_string(),
                ticks,
                today,
            }
        });
        let tracks = p
            .tracks
            .iter()
            .map(|t| TrackView {
                name: t.name.clone(),
                description: t.description.clone(),
                actions: t
                    .actions
                    .iter()
                    .map(|a| {
                        let (st, st_label) = self.entry_state(a.when.as_ref());
                        let lvl = a.level.map(|l| format!("{l:?}").to_lowercase());
                        ActionView {
                            what: a.what.clone(),
                            when: a
                                .when
                                .as_ref()
                                .and_then(When::date)
                                .map(|x| date_view(x, self.lang)),
                            undated: match &a.when {
                                Some(When::Undated(t)) => Some(t.clone()),
                                _ => None,
                            },
                            who: a.who.clone(),
                            level_label: lvl.as_ref().map(|l| self.t(&format!("level.{l}"))),
                            level: lvl,
                            note: a.note.clone(),
                            state: st,
                            state_label: st_label,
                        }
                    })
                    .collect(),
            })
            .collect();
        let status = self.r.plan_status(id);
        PlanView {
            status: status.map(|s| s.as_str()),
            status_label: status.map(|s| self.t(&format!("status.{}", s.as_str()))),
            status_path: status.map(|s| self.path(&urls::plans_status_path(s.as_str()))),
            owner: p.owner.clone(),
            contact: p.contact.clone(),
            case_number: p.case_number.clone(),
            document_number: p.document_number.clone(),
            parent: self.links(self.r.related(id, Rel::Parent)).pop(),
            children: self.links(self.r.related(id, Rel::Children)),
            hearings: self.links(self.r.related(id, Rel::PlanHearings)),
            decisions: self.links(self.r.related(id, Rel::PlanDecisions)),
            timeline_count: p.timeline.len(),
            timeline: groups,
            band,
            current,
            now_html: now_html(&now_rows),
            next_html: self.next_html(next.as_ref()),
            now_rows,
            next,
            tracks,
        }
    }

    /// The next step, labelled as such.
    fn next_html(&self, next: Option<&RowView>) -> String {
        let mut out = String::new();
        if let Some(r) = next {
            step_html(r, &self.t("timeline.next"), &mut out);
        }
        out
    }

    /// One timeline row; `span` places it on the band view.
    fn row(
        &self,
        id: DocId,
        i: usize,
        r: &crate::model::content::TimelineEntry,
        span: Option<(NaiveDate, NaiveDate)>,
    ) -> RowView {
        let (st, st_label) = self.state_words(self.r.row_state(id, i, r));
        let date = r.when.date();
        let (hearing, decision) = self.r.row_links(id, i);
        let kind = r.kind.map(|k| format!("{k:?}").to_lowercase());
        RowView {
            when: date.map(|x| date_view(x, self.lang)),
            undated: match &r.when {
                When::Undated(t) => Some(t.clone()),
                _ => None,
            },
            what: r.what.clone(),
            who: r.who.clone(),
            kind_label: kind.as_ref().map(|k| self.t(&format!("timeline.kind.{k}"))),
            kind,
            note: r.note.clone(),
            state: st,
            state_label: st_label,
            hearing: hearing.map(|h| self.link(h)),
            decision: decision.map(|x| self.link(x)),
            year_inferred: date.is_some_and(|x| x.year_inferred()),
            bar: match (span, date) {
                (Some(span), Some(x)) => bar(span, x),
                _ => None,
            },
        }
    }

    fn hearing(&self, id: DocId) -> HearingView {
        let d = self.r.doc(id);
        let Data::Hearing(h) = &d.data else {
            unreachable!("hearing view of a non-hearing")
        };
        let now = self.r.now();
        let tz = now.timezone();
        let st = state::hearing_state(h, now);
        let outcome = state::outcome_public(h, now);
        let deadline = state::deadline(h, &tz);
        let subject = match &h.case_number {
            Some(c) => format!("{} ({} {c})", d.title, self.t("hearing.case_number")),
            None => d.title.clone(),
        };
        let subject = format!("{}: {subject}", self.t("hearing.response_subject"));
        let mailto = h.respond.email.as_ref().map(|e| e.mailto(Some(&subject)));
        let period_days = match (state::opening(h, &tz), deadline) {
            (Some(o), Some(c)) => Some((c.date_naive() - o.date_naive()).num_days() + 1),
            _ => None,
        };
        HearingView {
            state: st.as_str(),
            state_label: self.t(&format!("hearing.state.{}", st.as_str())),
            days_left: if st == HearingState::Open {
                state::days_left(h, now)
            } else {
                None
            },
            opens: date_view(h.period.opens().written(), self.lang),
            closes: date_view(h.period.closes().written(), self.lang),
            deadline: deadline.map(|t| timestamp(&t)),
            deadline_end_of_day: !h.period.deadline().time_given(),
            opening: state::opening(h, &tz).map(|t| timestamp(&t)),
            deadline_display: deadline.map(|t| moment_display(&t, self.lang)),
            authority: h.authority.clone(),
            case_number: h.case_number.clone(),
            plan: self.links(self.r.related(id, Rel::HearingPlan)).pop(),
            email: h.respond.email.as_ref().map(|e| e.to_string()),
            mailto,
            address: h.respond.address.clone(),
            form_url: h.respond.url.as_ref().map(|u| u.to_string()),
            documents: h.documents.iter().map(|a| self.attachment(d, a)).collect(),
            meetings: h
                .meetings
                .iter()
                .map(|m| MeetingView {
                    when: date_view(&m.when, self.lang),
                    place: m.place.clone(),
                    what: m.what.clone(),
                })
                .collect(),
            responses: h
                .responses
                .iter()
                .filter(|_| outcome)
                .collect::<Vec<_>>()
                .iter()
                .map(|r| ResponseView {
                    from: r.from.clone(),
                    received: r.received.as_ref().map(|x| date_view(x, self.lang)),
                    file: r.file.as_ref().map(|a| self.attachment(d, a)),
                })
                .collect(),
            summary_note: h
                .summary_note
                .as_ref()
                .filter(|_| outcome)
                .map(|a| self.attachment(d, a)),
            decisions: self.links(self.r.related(id, Rel::HearingDecisions)),
            period_days,
        }
    }

    fn decision(&self, id: DocId) -> DecisionView {
        let d = self.r.doc(id);
        let Data::Decision(x) = &d.data else {
            unreachable!("decision view of a non-decision")
        };
        let closed = x.access == Access::Closed;
        DecisionView {
            state: x.state.as_str(),
            withdrawn: x.withdrawal().map(|w| WithdrawnView {
                date: date_view(w.date.written(), self.lang),
                reason: w.reason.clone(),
            }),
            closed,
            body: x.body.clone(),
            body_path: self.path(&urls::body_path(&x.body_slug)),
            meeting: date_view(&x.meeting, self.lang),
            meeting_path: self.path(&urls::meeting_path(&x.body_slug, x)),
            item: x.item,
            case_number: if closed { None } else { x.case_number.clone() },
            recommendations: if closed {
                Vec::new()
            } else {
                x.recommendations
                    .iter()
                    .enumerate()
                    .map(|(i, r)| RecommendationView {
                        number: i + 1,
                        text: r.text.clone(),
                        outcome: r.outcome.map(|o| o.as_str()),
                        outcome_label: r
                            .outcome
                            .map(|o| self.t(&format!("outcome.{}", o.as_str()))),
                        remark: r.remark.clone(),
                    })
                    .collect()
            },
            absent: if closed { Vec::new() } else { x.absent.clone() },
            plans: if closed {
                Vec::new()
            } else {
                self.links(self.r.related(id, Rel::DecisionPlans))
            },
            hearings: if closed {
                Vec::new()
            } else {
                self.links(self.r.related(id, Rel::DecisionHearings))
            },
            corrections: if closed {
                Vec::new()
            } else {
                x.corrections
                    .iter()
                    .map(|c| CorrectionView {
                        date: date_view(&c.date, self.lang),
                        note: c.note.clone(),
                    })
                    .collect()
            },
        }
    }
}

/// Where an attachment is published: beside its page, or at its `static/` path.
pub fn attachment_output_path(d: &Document, a: &Attachment) -> String {
    if a.from_static {
        a.file.trim_start_matches("./").to_string()
    } else {
        format!("{}{}", urls::doc_path(d), a.file.trim_start_matches("./"))
    }
}

/// The span of a plan's dated rows, for the band view.
fn plan_span(p: &crate::model::content::Plan) -> Option<(NaiveDate, NaiveDate)> {
    let dates = p.timeline.iter().filter_map(|r| r.when.date());
    let mut lo: Option<NaiveDate> = None;
    let mut hi: Option<NaiveDate> = None;
    for d in dates {
        for x in [d.start(), d.end()].into_iter().flatten() {
            lo = Some(lo.map_or(x, |l| l.min(x)));
            hi = Some(hi.map_or(x, |h| h.max(x)));
        }
    }
    match (lo, hi) {
        (Some(l), Some(h)) => {
            // Whole years read better on an axis.
            let s = NaiveDate::from_ymd_opt(l.year(), 1, 1)?;
            let e = NaiveDate::from_ymd_opt(h.year(), 12, 31)?;
            Some((s, e))
        }
        _ => None,
    }
}

fn pct(x: f64) -> f64 {
    (x * 1000.0).round() / 10.0
}

fn bar((s, e): (NaiveDate, NaiveDate), d: &crate::model::dates::FuzzyDate) -> Option<Bar> {
    let total = (e - s).num_days().max(1) as f64;
    let a = d.start().unwrap_or(s).max(s);
    let b = d.end().unwrap_or(e).min(e);
    if b < a {
        return None;
    }
    let left = pct((a - s).num_days() as f64 / total);
    // At least a sliver, so a single day is still visible.
    let width = pct(((b - a).num_days() + 1) as f64 / total).max(0.8);
    Some(Bar {
        left,
        width: width.min(100.0 - left).max(0.8),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `step_html` against the theme's own `step` macro, for rows with and without a
    /// state, a date and a responsible, and text that must be escaped.
    #[test]
    fn step_html_writes_what_the_theme_macro_writes() {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates([
            (
                "macros.html",
                include_str!("../../themes/default/templates/macros.html"),
            ),
            (
                "t.html",
                r#"{% import "macros.html" as m %}{{ m::step(r=r, label=label) }}"#,
            ),
        ])
        .unwrap();
        let conventions = Default::default();
        let cx = crate::model::dates::ParseContext {
            conventions: &conventions,
            default_year: None,
        };
        let date = |t: &str| {
            let d = crate::model::dates::FuzzyDate::parse(t, &cx).unwrap();
            date_view(&d, Language::Da)
        };
        let row = |state, when, who: Option<&str>| RowView {
            when,
            undated: None,
            what: "Høring & \"dialog\" <med> borgerne/foreninger's".into(),
            who: who.map(str::to_string),
            kind: None,
            kind_label: None,
            note: None,
            state,
            state_label: Some("I gang".into()),
            hearing: None,
            decision: None,
            year_inferred: false,
            bar: None,
        };
        let mut cases = 0;
        for state in [Some("ongoing"), None] {
            for when in [
                Some(date("22. maj til 20. juni 2008")),
                Some(date("primo 2024")),
                None,
            ] {
                for who in [Some("Byrådet <&> 'udvalg'"), Some(""), None] {
                    let r = row(state, when.clone(), who);
                    for label in ["I gang", "Næste <trin>"] {
                        let mut ctx = tera::Context::new();
                        ctx.insert("r", &r);
                        ctx.insert("label", label);
                        let mut ours = String::new();
                        step_html(&r, label, &mut ours);
                        assert_eq!(ours, tera.render("t.html", &ctx).unwrap(), "{r:?}");
                        cases += 1;
                    }
                }
            }
        }
        assert_eq!(cases, 36);
    }
}
