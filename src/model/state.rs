//! Where things stand at the build moment: a hearing is upcoming, open or closed; a
//! timeline entry is done, happening now, or upcoming.

use crate::model::content::Hearing;
use crate::model::dates::FuzzyDate;
use crate::model::site::{moment_end, moment_start};
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

/// The hearing's deadline: the end of `closes` (its time if given, else the end of the
/// day) in the site's zone.
pub fn deadline(h: &Hearing, tz: &Tz) -> Option<DateTime<Tz>> {
    moment_end(&h.closes, tz)
}

pub fn opening(h: &Hearing, tz: &Tz) -> Option<DateTime<Tz>> {
    moment_start(&h.opens, tz)
}

pub fn hearing_state(h: &Hearing, now: &DateTime<Tz>) -> HearingState {
    let tz = now.timezone();
    match (opening(h, &tz), deadline(h, &tz)) {
        (Some(o), _) if *now < o => HearingState::Upcoming,
        (_, Some(d)) if *now > d => HearingState::Closed,
        _ => HearingState::Open,
    }
}

/// Whole calendar days from today to the deadline day (0 = closes today).
pub fn days_left(h: &Hearing, now: &DateTime<Tz>) -> Option<i64> {
    let d = deadline(h, &now.timezone())?;
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

/// Responses and the hearing note are published only once the hearing has closed, so
/// staff can add them in advance without anything appearing early.
pub fn outcome_public(h: &Hearing, now: &DateTime<Tz>) -> bool {
    hearing_state(h, now) == HearingState::Closed
}
