//! Where things stand at the build moment: a hearing is upcoming, open or closed; a
//! timeline entry is done, happening now, or upcoming; a decision is an agenda item,
//! decided or withdrawn; a plan's status follows its timeline, hearings and decisions.
//! Every output asks these functions, so they all agree.

use crate::messages::Key;
use crate::model::content::{
    Data, Decision, DecisionState, Document, EntryKind, Hearing, Outcome, Plan, PlanStatus,
    TimelineEntry, When,
};
use crate::model::dates::FuzzyDate;
use crate::model::site::{DocId, Relations, moment_start};
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HearingState {
    Open,
    Upcoming,
    Closed,
}

impl HearingState {
    pub fn as_str(self) -> &'static str {
        match self {
            HearingState::Open => "open",
            HearingState::Upcoming => "upcoming",
            HearingState::Closed => "closed",
        }
    }
}

/// The hearing's deadline: the time `closes` gives, else the end of that day, in the
/// site's zone. Always `Some` (the period is exact); new code reads
/// [`HearingPeriod::deadline`](crate::model::content::HearingPeriod::deadline).
pub fn deadline(h: &Hearing, _tz: &Tz) -> Option<DateTime<Tz>> {
    Some(h.period.deadline().at())
}

/// The first moment citizens can answer. Always `Some`, like [`deadline`].
pub fn opening(h: &Hearing, _tz: &Tz) -> Option<DateTime<Tz>> {
    Some(h.period.opening())
}

pub fn hearing_state(h: &Hearing, now: &DateTime<Tz>) -> HearingState {
    if *now < h.period.opening() {
        HearingState::Upcoming
    } else if *now > h.period.deadline().at() {
        HearingState::Closed
    } else {
        HearingState::Open
    }
}

/// Whole calendar days from today to the deadline day (0 = closes today).
pub fn days_left(h: &Hearing, now: &DateTime<Tz>) -> Option<i64> {
    let d = h.period.deadline().at();
    Some((d.date_naive() - now.date_naive()).num_days())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryState {
    Done,
    Now,
    Upcoming,
}

impl EntryState {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Done => "done",
            EntryState::Now => "now",
            EntryState::Upcoming => "upcoming",
        }
    }
}

/// Compares a (possibly open or fuzzy) interval with today.
pub fn entry_state(d: &FuzzyDate, today: NaiveDate) -> EntryState {
    match (d.start(), d.end()) {
        (_, Some(end)) if end < today => EntryState::Done,
        (Some(start), _) if start > today => EntryState::Upcoming,
        _ => EntryState::Now,
    }
}

/// Where a timeline row stands at `now`. A row that links a public hearing follows the
/// hearing (upcoming before it opens, now while it is open, done after its deadline),
/// and a row that links a public decision follows the decision (upcoming while it is
/// an agenda item, done once its meeting has begun): the linked page is exact where the
/// row's date is a day or vaguer, so the plan page, the linked page and the plan's
/// status never disagree. Any other row compares its dates with the build day; an
/// undated row has no state.
pub fn row_state(
    row: &TimelineEntry,
    hearing: Option<&Hearing>,
    decision: Option<&Decision>,
    now: &DateTime<Tz>,
) -> Option<EntryState> {
    if let Some(h) = hearing {
        return Some(match hearing_state(h, now) {
            HearingState::Upcoming => EntryState::Upcoming,
            HearingState::Open => EntryState::Now,
            HearingState::Closed => EntryState::Done,
        });
    }
    if let Some(x) = decision {
        return Some(match x.state {
            DecisionState::Agenda => EntryState::Upcoming,
            DecisionState::Decided | DecisionState::Withdrawn => EntryState::Done,
        });
    }
    row.when.date().map(|d| entry_state(d, now.date_naive()))
}

/// [`row_state`] of row `i` of plan `id`, with the hearing and decision it links to
/// as resolved in `rel` (only public ones are linked).
pub fn row_state_in(
    docs: &[std::sync::Arc<Document>],
    rel: &Relations,
    id: DocId,
    i: usize,
    row: &TimelineEntry,
    now: &DateTime<Tz>,
) -> Option<EntryState> {
    let hearing = rel
        .row_hearing
        .get(&(id, i))
        .and_then(|&h| match &docs[h].data {
            Data::Hearing(x) => Some(x),
            _ => None,
        });
    let decision = rel
        .row_decision
        .get(&(id, i))
        .and_then(|&x| match &docs[x].data {
            Data::Decision(d) => Some(d),
            _ => None,
        });
    row_state(row, hearing, decision, now)
}

/// The translation key of the word for what a document is at the build moment: a
/// decision is called an agenda item before its meeting and withdrawn after its
/// withdrawal, never a decision, in every output that names its kind.
pub fn kind_key(d: &Document) -> &'static str {
    match &d.data {
        Data::Decision(x) if x.state == DecisionState::Agenda => "decision.agenda",
        Data::Decision(x) if x.state == DecisionState::Withdrawn => "decision.withdrawn",
        Data::Decision(_) => "type.decision",
        Data::Plan(_) => "type.plan",
        Data::Hearing(_) => "type.hearing",
        Data::Page(_) => "type.page",
    }
}

/// The day a document last changed as of `now`, for feeds and the sitemap: the latest
/// of the days it changed by its author (`updated`, `published`) or by time (a hearing
/// opening and closing, a decision's meeting and withdrawal) that is not after the
/// build day. A page written with only later dates exists now, so it counts as
/// changed on the build day; a document with no dates at all has none.
pub fn changed_as_of(d: &Document, now: &DateTime<Tz>) -> Option<NaiveDate> {
    let today = now.date_naive();
    let tz = now.timezone();
    let written = [&d.updated, &d.published]
        .into_iter()
        .flatten()
        .filter_map(|x| x.start());
    // At most two days by time; no list is made (the sitemap asks for every document).
    let by_time: [Option<NaiveDate>; 2] = match &d.data {
        Data::Hearing(h) => [
            // The opening day, even when still to come: an announced hearing is news.
            Some(h.period.opening().date_naive()),
            (hearing_state(h, now) == HearingState::Closed)
                .then(|| h.period.deadline().at().date_naive()),
        ],
        // The meeting day, even when still to come: an agenda item is news too.
        Data::Decision(x) => [
            decided_from(x, &tz),
            withdrawn_from(x, &tz).filter(|_| x.state == DecisionState::Withdrawn),
        ]
        .map(|t| t.map(|t| t.date_naive())),
        Data::Plan(_) | Data::Page(_) => [None, None],
    };
    let mut any = false;
    let mut latest = None;
    for day in written.chain(by_time.into_iter().flatten()) {
        any = true;
        if day <= today {
            latest = latest.max(Some(day));
        }
    }
    latest.or_else(|| any.then_some(today))
}

/// Responses and the hearing note are published only once the hearing has closed, so
/// staff can add them in advance without anything appearing early.
pub fn outcome_public(h: &Hearing, now: &DateTime<Tz>) -> bool {
    hearing_state(h, now) == HearingState::Closed
}

// ---------------------------------------------------------------- decisions

/// The moment a decision exists: the start of its meeting (the time `meeting` gives,
/// else the start of the meeting day). Before it, the item is an agenda item.
pub fn decided_from(x: &Decision, tz: &Tz) -> Option<DateTime<Tz>> {
    moment_start(&x.meeting, tz)
}

/// The moment a withdrawal takes effect: the start of its day.
pub fn withdrawn_from(x: &Decision, tz: &Tz) -> Option<DateTime<Tz>> {
    x.withdrawn
        .as_ref()
        .and_then(|w| moment_start(w.date.written(), tz))
}

/// Where a decision stands at `now`, from its fields as written.
pub fn decision_state(x: &Decision, now: &DateTime<Tz>) -> DecisionState {
    let tz = now.timezone();
    if withdrawn_from(x, &tz).is_some_and(|t| *now >= t) {
        DecisionState::Withdrawn
    } else if decided_from(x, &tz).is_none_or(|t| *now < t) {
        DecisionState::Agenda
    } else {
        DecisionState::Decided
    }
}

// ---------------------------------------------------------------- plan status

/// A plan whose steps are all done is taken as archived this many days after its last
/// step, unless it was adopted.
pub const ARCHIVE_AFTER_DAYS: i64 = 365;

/// The status a plan's own timeline, hearings and decisions give, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusFinding {
    pub status: PlanStatus,
    /// Completes "status: X, but …" and the documentation's wording, e.g. `the hearing
    /// "…" is open`.
    pub because: Key,
}

/// The derived status of a plan and, when its written `status` contradicts it, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanStatusCheck {
    /// `None` when the plan has nothing to derive from (no dated rows, hearings or
    /// decisions).
    pub derived: Option<StatusFinding>,
    /// A sentence for `check`, e.g. `status: adopted, but the timeline's adoption step
    /// "…" (juni 2024) is still to come`.
    pub conflict: Option<Key>,
}

/// How far the adoption of a plan has come.
enum Adoption {
    Done(Key),
    /// Not (yet) adopted, and why.
    Open(Key),
    NoEvidence,
}

/// A dated timeline row: its index, the row, its date and its state at the moment.
type Dated<'a> = (usize, &'a TimelineEntry, &'a FuzzyDate, EntryState);

/// What the plan's sources say at `today`, gathered once for both derivation and check.
struct Facts<'a> {
    plan: &'a Plan,
    hearing_now: Option<Key>,
    hearing_ahead: Option<String>,
    hearing_closed: Option<String>,
    adoption: Adoption,
    /// The first dated step that is happening now or still to come.
    pending: Option<Key>,
    last_end: Option<NaiveDate>,
    all_done: bool,
    any_evidence: bool,
}

fn when_text(r: &crate::model::content::TimelineEntry) -> &str {
    match &r.when {
        When::Date(d) => d.text(),
        When::Undated(t) => t,
    }
}

fn facts<'a>(
    docs: &'a [std::sync::Arc<Document>],
    rel: &Relations,
    id: DocId,
    plan: &'a Plan,
    now: &DateTime<Tz>,
) -> Facts<'a> {
    let hearings: Vec<(&Document, &Hearing)> = rel
        .plan_hearings
        .get(&id)
        .into_iter()
        .flatten()
        .filter_map(|&h| match &docs[h].data {
            Data::Hearing(x) => Some((&*docs[h], x)),
            _ => None,
        })
        .collect();
    let in_state = |st: HearingState| {
        hearings
            .iter()
            .find(|(_, h)| hearing_state(h, now) == st)
            .map(|(d, _)| d.title.clone())
    };
    // Each dated row with its state (a linked hearing or decision decides it).
    let dated: Vec<Dated> = plan
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let d = r.when.date()?;
            let st = row_state_in(docs, rel, id, i, r, now)?;
            Some((i, r, d, st))
        })
        .collect();
    let hearing_row_now = dated
        .iter()
        .find(|(_, r, _, st)| r.kind == Some(EntryKind::Hearing) && *st == EntryState::Now);
    let hearing_now = in_state(HearingState::Open)
        .map(|t| Key::new("status-reason-hearing-open").arg("title", t))
        .or_else(|| {
            hearing_row_now.map(|(_, r, _, _)| {
                Key::new("status-reason-hearing-step-now")
                    .arg("what", r.what.as_str())
                    .arg("when", when_text(r))
            })
        });
    let pending = dated
        .iter()
        .find(|(_, _, _, st)| *st != EntryState::Done)
        .map(|(_, r, _, st)| {
            Key::new("status-reason-step")
                .arg("what", r.what.as_str())
                .arg("when", when_text(r))
                .arg("now", if *st == EntryState::Now { "yes" } else { "no" })
        });
    Facts {
        plan,
        hearing_now,
        hearing_ahead: in_state(HearingState::Upcoming),
        hearing_closed: in_state(HearingState::Closed),
        adoption: adoption(docs, rel, id, &dated),
        pending,
        last_end: dated.iter().filter_map(|(_, _, d, _)| d.end()).max(),
        all_done: !dated.is_empty() && dated.iter().all(|(_, _, _, st)| *st == EntryState::Done),
        any_evidence: !dated.is_empty()
            || !hearings.is_empty()
            || rel.plan_decisions.get(&id).is_some_and(|s| !s.is_empty()),
    }
}

fn approves(x: &Decision) -> bool {
    x.recommendations
        .iter()
        .any(|r| r.outcome == Some(Outcome::Approved))
}

/// The adoption step is the timeline's last step of kind `decision` (by its end). With
/// a linked decision, that decision decides; without, the step's date. Without any
/// decision step, a linked decision that approved something counts.
fn adoption(
    docs: &[std::sync::Arc<Document>],
    rel: &Relations,
    id: DocId,
    dated: &[Dated],
) -> Adoption {
    let decision = |x: DocId| match &docs[x].data {
        Data::Decision(d) => Some((&docs[x], d)),
        _ => None,
    };
    let step = dated
        .iter()
        .filter(|(_, r, _, _)| r.kind == Some(EntryKind::Decision))
        .max_by_key(|(i, _, d, _)| (d.sort_key().1, *i));
    if let Some((i, r, _, st)) = step {
        let step = Key::new("status-adoption-step")
            .arg("what", r.what.as_str())
            .arg("when", when_text(r));
        let on_step = |id| Key::new(id).sub("step", step.clone());
        return match rel.row_decision.get(&(id, *i)).and_then(|&x| decision(x)) {
            Some((doc, x)) => match x.state {
                DecisionState::Decided if approves(x) => Adoption::Done(
                    Key::new("status-reason-approved").arg("title", doc.title.as_str()),
                ),
                DecisionState::Decided => Adoption::Open(
                    on_step("status-adoption-approved-nothing").arg("title", doc.title.as_str()),
                ),
                DecisionState::Agenda => Adoption::Open(
                    on_step("status-adoption-agenda")
                        .arg("title", doc.title.as_str())
                        .arg("meeting", x.meeting.text()),
                ),
                DecisionState::Withdrawn => Adoption::Open(
                    on_step("status-adoption-withdrawn").arg("title", doc.title.as_str()),
                ),
            },
            // The row names a decision that is not public (a draft, embargoed or
            // withdrawn): its date alone proves nothing.
            None if r.decision.is_some() => Adoption::Open(
                on_step("status-adoption-unpublished")
                    .arg("title", r.decision.as_deref().unwrap_or_default()),
            ),
            None => match st {
                EntryState::Done => Adoption::Done(on_step("status-adoption-done")),
                EntryState::Now => Adoption::Open(on_step("status-adoption-now")),
                EntryState::Upcoming => Adoption::Open(on_step("status-adoption-upcoming")),
            },
        };
    }
    let approved = rel
        .plan_decisions
        .get(&id)
        .into_iter()
        .flatten()
        .filter_map(|&x| decision(x))
        .filter(|(_, x)| x.state == DecisionState::Decided && approves(x))
        .max_by_key(|(_, x)| x.meeting.sort_key());
    match approved {
        Some((doc, _)) => {
            Adoption::Done(Key::new("status-reason-approved").arg("title", doc.title.as_str()))
        }
        None => Adoption::NoEvidence,
    }
}

fn derive(f: &Facts, today: NaiveDate) -> Option<StatusFinding> {
    let found = |status, because: Key| Some(StatusFinding { status, because });
    if let Some(why) = &f.hearing_now {
        return found(PlanStatus::Hearing, why.clone());
    }
    if let Adoption::Done(why) = &f.adoption {
        return found(PlanStatus::Adopted, why.clone());
    }
    if let Some(last) = f
        .last_end
        .filter(|_| f.all_done && f.hearing_ahead.is_none())
        && (today - last).num_days() > ARCHIVE_AFTER_DAYS
    {
        return found(
            PlanStatus::Archived,
            Key::new("status-reason-archived").arg("last", last.to_string()),
        );
    }
    if !f.any_evidence {
        return None;
    }
    let why = match (&f.adoption, &f.pending) {
        (Adoption::Open(why), _) => why.clone(),
        (_, Some(p)) => p.clone(),
        _ => Key::new("status-reason-not-adopted"),
    };
    found(PlanStatus::Draft, why)
}

/// Why the written `status` cannot be true, if it cannot.
fn conflict(given: PlanStatus, f: &Facts, derived: &StatusFinding) -> Option<Key> {
    use PlanStatus::*;
    let but = |why: &Key| {
        Some(
            Key::new("status-conflict")
                .arg("status", given.as_str())
                .sub("why", why.clone()),
        )
    };
    match (given, derived.status) {
        (g, d) if g == d => None,
        // Archiving an adopted plan is an editorial act; neither contradicts the other.
        (Archived, Adopted) | (Adopted, Archived) => None,
        (Archived, _) => match (&f.hearing_now, &f.hearing_ahead, &f.pending) {
            (Some(why), _, _) => but(why),
            (_, Some(t), _) => {
                but(&Key::new("status-reason-hearing-ahead").arg("title", t.as_str()))
            }
            (_, _, Some(p)) => but(p),
            _ => None,
        },
        (Adopted, Hearing) | (Draft, _) => but(&derived.because),
        (Adopted, _) => match &f.adoption {
            Adoption::Open(why) => but(why),
            _ => None,
        },
        (Hearing, _) => {
            let (which, title) = match (&f.hearing_ahead, &f.hearing_closed) {
                (Some(t), _) => ("ahead", t.as_str()),
                (_, Some(t)) => ("closed", t.as_str()),
                _ => ("none", ""),
            };
            but(&Key::new("status-reason-no-hearing-open")
                .arg("which", which)
                .arg("title", title))
        }
    }
}

/// The status a plan's timeline, hearings and decisions give at `now`, and whether its
/// written `status` contradicts them. The rules are in docs/content-reference.md.
pub fn plan_status(
    docs: &[std::sync::Arc<Document>],
    rel: &Relations,
    id: DocId,
    now: &DateTime<Tz>,
) -> PlanStatusCheck {
    let Data::Plan(plan) = &docs[id].data else {
        return PlanStatusCheck {
            derived: None,
            conflict: None,
        };
    };
    let f = facts(docs, rel, id, plan, now);
    let derived = derive(&f, now.date_naive());
    let conflict = match (f.plan.status_given, &derived) {
        (Some(g), Some(d)) => conflict(g, &f, d),
        _ => None,
    };
    PlanStatusCheck { derived, conflict }
}

/// The day from which a plan whose steps are all done would be taken as archived.
pub fn archived_from(plan: &Plan) -> Option<NaiveDate> {
    let last = plan
        .timeline
        .iter()
        .filter_map(|r| r.when.date())
        .filter_map(|d| d.end())
        .max()?;
    last.checked_add_signed(chrono::Duration::days(ARCHIVE_AFTER_DAYS + 1))
}
