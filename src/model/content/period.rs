//! A hearing's period: two exact moments that citizens can rely on.
//!
//! A hearing opens and closes at moments with legal weight, so `opens` and `closes` must
//! each name one day (a time may follow). [`ExactDate`] can only be made from such a
//! date, and [`HearingPeriod`] only from two of them in the right order, with both
//! moments resolved in the site's time zone. Nothing after parsing can meet a fuzzy
//! deadline.

use crate::messages::Key;
use crate::model::dates::{FuzzyDate, Precision};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

/// One day, maybe with one time of day, as the author wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExactDate {
    written: FuzzyDate,
    day: NaiveDate,
}

/// Why a date is not one exact day: a phrase that completes "… is ___".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotExact(pub Key);

impl ExactDate {
    /// Accepts a date that names one day, with no time or one time.
    pub fn new(d: FuzzyDate) -> Result<ExactDate, NotExact> {
        let what = |id: &'static str| Err(NotExact(Key::new(id)));
        match (d.precision(), d.start(), d.end()) {
            (Precision::Day, Some(s), Some(e)) if s == e => {
                if d.end_time().is_some_and(|end| Some(end) != d.start_time()) {
                    return what("not-exact-span");
                }
                Ok(ExactDate { day: s, written: d })
            }
            (Precision::Ongoing, _, _) => what("not-exact-ongoing"),
            (_, None, _) => what("not-exact-no-first"),
            (_, _, None) => what("not-exact-no-last"),
            (Precision::Week, ..) => what("not-exact-week"),
            (Precision::Month, ..) => what("not-exact-month"),
            (Precision::PartOfMonth, ..) => what("not-exact-part-of-month"),
            (Precision::Quarter, ..) => what("not-exact-quarter"),
            (Precision::HalfYear, ..) => what("not-exact-half-year"),
            (Precision::PartOfYear, ..) => what("not-exact-part-of-year"),
            (Precision::Season, ..) => what("not-exact-season"),
            (Precision::Year, ..) => what("not-exact-year"),
            _ => what("not-exact-period"),
        }
    }

    /// The date as written, for display and the open data.
    pub fn written(&self) -> &FuzzyDate {
        &self.written
    }

    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// The time of day, when the author gave one.
    pub fn time(&self) -> Option<NaiveTime> {
        self.written.start_time()
    }

    /// The moment in `tz` (or at the offset the text gave): the given time, else the
    /// start of the day, or with `end_of_day` its last second.
    fn moment(&self, tz: &Tz, end_of_day: bool) -> Option<DateTime<Tz>> {
        match self.time() {
            Some(t) => self.local(tz, self.day.and_time(t)),
            None if end_of_day => self
                .local(tz, self.day.succ_opt()?.and_time(NaiveTime::MIN))
                .map(|t| t - chrono::Duration::seconds(1)),
            None => self.local(tz, self.day.and_time(NaiveTime::MIN)),
        }
    }

    fn local(&self, tz: &Tz, naive: NaiveDateTime) -> Option<DateTime<Tz>> {
        crate::model::site::local_moment(tz, naive, self.written.offset())
    }
}

/// The deadline of a hearing: the moment after which answers are no longer taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    at: DateTime<Tz>,
    time_given: bool,
}

impl Deadline {
    pub fn at(&self) -> DateTime<Tz> {
        self.at
    }

    /// False when `closes` named only a day: the deadline is then the end of that day
    /// (23:59:59), and pages say so.
    pub fn time_given(&self) -> bool {
        self.time_given
    }
}

impl PeriodError {
    /// The catalogue message that says what is wrong, with its help.
    pub fn key(&self) -> Key {
        let help = Key::new("hearing-period-help");
        match self {
            PeriodError::ClosesBeforeOpens { opens, closes } => {
                Key::new("hearing-closes-before-opens")
                    .arg("opens", opens)
                    .arg("closes", closes)
            }
            PeriodError::SameDay { day } => Key::new("hearing-same-day").arg("day", day),
            PeriodError::NoSuchMoment(t) => Key::new("hearing-no-such-moment").arg("time", t),
        }
        .with_help(help)
    }
}

/// Why two exact dates do not make a hearing period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("the hearing closes ({closes}) before it opens ({opens})")]
    ClosesBeforeOpens { opens: String, closes: String },
    #[error(
        "the hearing closes on the day it opens ({day}): `closes` must be a later day than `opens`, so that citizens have time to answer"
    )]
    SameDay { day: String },
    #[error("the time \"{0}\" does not exist in the site's time zone")]
    NoSuchMoment(String),
}

/// When a hearing opens and when it closes: exact, ordered, resolved in one zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HearingPeriod {
    opens: ExactDate,
    closes: ExactDate,
    opening: DateTime<Tz>,
    deadline: Deadline,
}

impl HearingPeriod {
    /// The period from `opens` to `closes`; `closes` must be a later day.
    pub fn new(opens: ExactDate, closes: ExactDate, tz: &Tz) -> Result<Self, PeriodError> {
        let missing = |d: &ExactDate| PeriodError::NoSuchMoment(d.written.text().to_string());
        let opening = opens.moment(tz, false).ok_or_else(|| missing(&opens))?;
        let at = closes.moment(tz, true).ok_or_else(|| missing(&closes))?;
        if closes.day == opens.day {
            return Err(PeriodError::SameDay {
                day: opens.written.text().to_string(),
            });
        }
        if closes.day < opens.day || at <= opening {
            return Err(PeriodError::ClosesBeforeOpens {
                opens: opens.written.text().to_string(),
                closes: closes.written.text().to_string(),
            });
        }
        let time_given = closes.time().is_some();
        Ok(HearingPeriod {
            opens,
            closes,
            opening,
            deadline: Deadline { at, time_given },
        })
    }

    pub fn opens(&self) -> &ExactDate {
        &self.opens
    }

    pub fn closes(&self) -> &ExactDate {
        &self.closes
    }

    /// The first moment citizens can answer.
    pub fn opening(&self) -> DateTime<Tz> {
        self.opening
    }

    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// Days from the opening day to the deadline day, both counted.
    pub fn days(&self) -> i64 {
        (self.deadline.at.date_naive() - self.opening.date_naive()).num_days() + 1
    }
}

/// An example of an accepted value for `field`, made from what the author wrote where
/// possible (`closes: december 2026` → `2026-12-31`).
pub fn example_value(field: &str, written: Option<&FuzzyDate>) -> String {
    let deadline = field == "closes";
    let day = written.and_then(|d| if deadline { d.end() } else { d.start() });
    match (day, deadline) {
        (Some(d), true) => format!("{} 12:00", d.format("%Y-%m-%d")),
        (Some(d), false) => d.format("%Y-%m-%d").to_string(),
        (None, true) => "2024-03-29 12:00".to_string(),
        (None, false) => "2024-03-01".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::{DateConventions, ParseContext};

    fn date(s: &str) -> FuzzyDate {
        let conv = DateConventions::default();
        FuzzyDate::parse(
            s,
            &ParseContext {
                conventions: &conv,
                default_year: None,
            },
        )
        .unwrap()
    }

    fn exact(s: &str) -> ExactDate {
        ExactDate::new(date(s)).unwrap()
    }

    const TZ: Tz = chrono_tz::Europe::Copenhagen;

    #[test]
    fn only_one_day_with_at_most_one_time_is_exact() {
        for ok in [
            "2008-06-20",
            "20. juni 2008 kl. 12.00",
            "2008-06-20T12:00:00+02:00",
        ] {
            assert!(ExactDate::new(date(ok)).is_ok(), "{ok}");
        }
        for (text, why) in [
            ("løbende", "ongoing"),
            ("fra 1. december 2026 og frem", "without a last day"),
            ("senest 20. juni 2008", "without a first day"),
            ("december 2026", "a month"),
            ("uge 15 2024", "a week"),
            ("forår 2024", "a season"),
            ("primo 2024", "part of a year"),
            ("22. maj til 20. juni 2008", "several days"),
            ("5. marts 2025 kl. 17.00-19.00", "span of time"),
        ] {
            let e = crate::messages::english(&ExactDate::new(date(text)).unwrap_err().0).0;
            assert!(e.contains(why), "{text}: {e}");
        }
    }

    #[test]
    fn a_day_only_deadline_is_the_end_of_that_day_and_says_so() {
        let p = HearingPeriod::new(exact("2008-05-22"), exact("2008-06-20"), &TZ).unwrap();
        assert_eq!(p.opening().to_rfc3339(), "2008-05-22T00:00:00+02:00");
        assert_eq!(p.deadline().at().to_rfc3339(), "2008-06-20T23:59:59+02:00");
        assert!(!p.deadline().time_given());
        assert_eq!(p.days(), 30);
        let p = HearingPeriod::new(exact("2008-05-22"), exact("2008-06-20 12:00"), &TZ).unwrap();
        assert_eq!(p.deadline().at().to_rfc3339(), "2008-06-20T12:00:00+02:00");
        assert!(p.deadline().time_given());
    }

    #[test]
    fn closes_must_be_a_later_day_than_opens() {
        let same = HearingPeriod::new(exact("2008-06-20"), exact("2008-06-20 16:00"), &TZ);
        assert!(matches!(same, Err(PeriodError::SameDay { .. })), "{same:?}");
        let reversed = HearingPeriod::new(exact("2008-06-20"), exact("2008-06-01"), &TZ);
        assert!(
            matches!(reversed, Err(PeriodError::ClosesBeforeOpens { .. })),
            "{reversed:?}"
        );
    }

    #[test]
    fn examples_come_from_what_was_written() {
        assert_eq!(
            example_value("closes", Some(&date("december 2026"))),
            "2026-12-31 12:00"
        );
        assert_eq!(
            example_value("opens", Some(&date("fra 1. december 2026 og frem"))),
            "2026-12-01"
        );
        assert_eq!(example_value("opens", Some(&date("løbende"))), "2024-03-01");
    }
}
