//! Fuzzy dates as Danish (and English) plans write them.
//!
//! Process plans rarely give exact days: they say `Primo 2024`, `Februar-oktober 2023`,
//! `uge 15 2023` or `løbende`. [`FuzzyDate::parse`] turns such a text into an interval
//! (`start`, `end`, either of which may be open), a [`Precision`] and the original text,
//! so that timelines can be sorted, "now" can be placed, and the date can be shown in a
//! conventional form in Danish or English ([`FuzzyDate::display`]).
//!
//! The parser never guesses: a text it does not understand is a [`DateError`] with a
//! message written for non-programmers (it quotes the text and says what would work).
//!
//! # Accepted forms
//!
//! `docs/dates.md` lists every form and convention; in short:
//!
//! * ISO 8601, days (`12. september 2023`, numeric dates **always day first**:
//!   `12.04.2016`, `19/2-2019`, `27.04.23`), months, parts of months
//!   (`primo/medio/ultimo marts 2024`), ISO weeks, quarters, half-years, seasons
//!   (`forsommeren`, `sensommeren` too), school years (`skoleåret 2024/25`), years and
//!   parts of years, and periods between any two of these (`22. maj til 20. juni 2008`,
//!   `4. og 5. marts 2025`, `2021-25`).
//! * Open periods: `senest X`, `frist X`, `til og med X` end on X; `inden X` and `før X`
//!   end the day before X; `fra X`, `tidligst X`, `X og frem` start on X.
//! * Words around a date (labels, sentences, brackets, footnote marks, hedges) are
//!   skipped and recorded ([`FuzzyDate::ignored`]); a deadline label makes the date a
//!   deadline ([`Role::Deadline`]); what was assumed is in [`FuzzyDate::notes`]. Every
//!   number must be part of the date, an identifier (`Lokalplan 1150`) or an amount
//!   (`3 puljer`), or the text is refused.
//! * A two-digit number after a month is a year only where no day reading fits; where
//!   both fit the text is refused with both readings ([`DateError::Ambiguous`]). Years
//!   before 1000 are refused.
//!
//! The work per text is bounded: at most 80 tokens (words, numbers, signs) are read, and each
//! step looks a fixed number of tokens ahead.
//!
//! A date without a year (`December`, `22. maj`) takes [`ParseContext::default_year`]
//! (normally the year of the row above it in a table) and reports
//! [`FuzzyDate::year_inferred`]; without one it is [`DateError::NoYear`].
//!
//! # Conventions
//!
//! Primo/medio/ultimo, seasons and the school year have no fixed meaning, so their spans
//! are documented defaults that a site can change through [`DateConventions`]:
//!
//! * of a **month**: days 1–10 / 11–20 / 21–last day;
//! * of a **year**: January–February / June–July / November–December
//!   (`primo 2024` = 2024-01-01 – 2024-02-29, precision `part-of-year`);
//! * of a **quarter**: its first / second / third month; of a **half-year**: its first
//!   month / its third and fourth months / its sixth month (both precision `part-of-year`);
//! * **seasons**: forår March–May, sommer June–August, efterår September–November,
//!   vinter December – February of the *next* year (`vinter 2023` = 2023-12-01 – 2024-02-29),
//!   forsommer May–June, højsommer July, sensommer August–September;
//! * the **school year**: August to July of the next year.
//!
//! # Precision
//!
//! `day` (an exact day, maybe with a time), `week`, `month`, `part-of-month`
//! (primo/medio/ultimo of a month), `quarter`, `half-year`, `part-of-year`
//! (primo/medio/ultimo of a year, half-year or quarter), `season`, `year`, `range` (two
//! different ends; a range whose ends are the same unit, `oktober/oktober 2021`, is just
//! that unit), `open-ended` (one end open) and `ongoing` (`løbende`).
//!
//! Weeks are ISO 8601 weeks: week 1 may start in December of the year before, and only some
//! years have a week 53.

mod conventions;
mod display;
mod lex;
mod lexicon;
mod parse;
mod phrase;

#[cfg(test)]
mod tests;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveTime};

pub use conventions::{DateConventions, Parts, Seasons, Span};
use conventions::{Part, Season};

use crate::messages::{self, Key};

/// How exact a date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// An exact day, possibly with a time.
    Day,
    /// An ISO 8601 week.
    Week,
    Month,
    /// Primo/medio/ultimo of a month.
    PartOfMonth,
    Quarter,
    HalfYear,
    /// Primo/medio/ultimo of a year, a half-year or a quarter.
    PartOfYear,
    Season,
    Year,
    /// From one date to another, different one.
    Range,
    /// One end is open (`senest …`, `fra … og frem`).
    OpenEnded,
    /// `løbende`: no fixed time at all.
    Ongoing,
}

impl Precision {
    /// The kebab-case name used in JSON and templates (`"part-of-month"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::PartOfMonth => "part-of-month",
            Precision::Quarter => "quarter",
            Precision::HalfYear => "half-year",
            Precision::PartOfYear => "part-of-year",
            Precision::Season => "season",
            Precision::Year => "year",
            Precision::Range => "range",
            Precision::OpenEnded => "open-ended",
            Precision::Ongoing => "ongoing",
        }
    }
}

/// Output language for [`FuzzyDate::display`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Da,
    En,
}

/// What the parser needs besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ParseContext<'a> {
    pub conventions: &'a DateConventions,
    /// The year for a date written without one, usually the year of the previous row
    /// ([`FuzzyDate::last_year`] of that row).
    pub default_year: Option<i32>,
}

/// Why a text is not a date. Messages are meant for the people who wrote the text; they
/// come from the message catalogues ([`DateError::key`]), and `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    NotADate {
        text: String,
    },
    NoYear {
        text: String,
    },
    InvalidDay {
        text: String,
        detail: Key,
    },
    Reversed {
        text: String,
    },
    Ambiguous {
        text: String,
        readings: Vec<String>,
        /// How to write it so that only one reading is left.
        hint: Key,
    },
    TwoDates {
        text: String,
        first: String,
        second: String,
    },
    Unclear {
        text: String,
        detail: Key,
    },
    TooLong {
        text: String,
    },
}

impl DateError {
    /// The catalogue message that says what is wrong.
    pub fn key(&self) -> Key {
        let t = |id, text: &str| Key::new(id).arg("text", text);
        match self {
            DateError::Empty => Key::new("date-empty"),
            DateError::NotADate { text } => {
                t("date-not-a-date", text).sub("forms", Key::new("date-forms"))
            }
            DateError::NoYear { text } => t("date-no-year", text),
            DateError::InvalidDay { text, detail } => {
                t("date-invalid", text).sub("detail", detail.clone())
            }
            DateError::Reversed { text } => t("date-reversed", text),
            DateError::Ambiguous {
                text,
                readings,
                hint,
            } => t("date-ambiguous", text)
                .either(
                    "readings",
                    readings.join(", eller "),
                    readings.join(", or "),
                )
                .sub("hint", hint.clone()),
            DateError::TwoDates {
                text,
                first,
                second,
            } => t("date-two-dates", text)
                .arg("first", first)
                .arg("second", second),
            DateError::Unclear { text, detail } => {
                t("date-unclear", text).sub("detail", detail.clone())
            }
            DateError::TooLong { text } => t("date-too-long", text),
        }
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&messages::english(&self.key()).0)
    }
}

impl std::error::Error for DateError {}

/// What a date is for, as far as its wording says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// An ordinary date or period (both ends known).
    Period,
    /// Open at the start: `senest 1. maj 2024`, `inden 1. marts 2024`, `til og med …`.
    Until,
    /// Open at the end: `fra 1. halvår 2023`, `tidligst …`, `… og frem`.
    From,
    /// Read from a deadline label (`Høringsfrist: …`, `Fristen for høringssvar er …`):
    /// open at the start, ending on the deadline.
    Deadline,
    /// `løbende`.
    Ongoing,
}

impl Role {
    /// The kebab-case name used in JSON (`"deadline"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Period => "period",
            Role::Until => "until",
            Role::From => "from",
            Role::Deadline => "deadline",
            Role::Ongoing => "ongoing",
        }
    }
}

/// What kind of thing a [`Note`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A misspelt date word was read as the one word it can be (`midio` → `medio`).
    Spelling,
    /// A hedge (`forventet`, `ca.`, `planlagt`): the date is expected, not fixed. The
    /// interval is the date itself.
    Hedge,
    /// A two-digit year was read in full (`okt-23` → October 2023).
    TwoDigitYear,
    /// Two dates joined by `og` with days between them: read as the whole period.
    Joined,
    /// Two dates in one sentence: read as the period from the first to the second, or
    /// the more precise one when it lies inside the other.
    Combined,
    /// The weekday written does not match the date.
    Weekday,
    /// A duration and a written end disagree; the written end is used.
    Duration,
    /// `kl` with no time after it was skipped.
    EmptyTime,
    /// `senest`/`tidligst` after the date made it open.
    Operator,
}

/// Something the reader should know about how a text was read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Note {
    pub kind: NoteKind,
    /// A plain sentence for the people who wrote the text (English; [`Note::key`] tells
    /// it in the reader's language).
    pub message: String,
    #[serde(skip)]
    pub key: Key,
}

impl Note {
    pub(super) fn new(kind: NoteKind, key: Key) -> Note {
        Note {
            kind,
            message: messages::english(&key).0,
            key,
        }
    }
}

/// One exact day, as [`FuzzyDate::exact_day`] and [`FuzzyDate::deadline_day`] give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExactDay {
    pub date: NaiveDate,
    /// The time written with the day (for a deadline: the time it ends).
    pub time: Option<NaiveTime>,
    /// The end of a time span on that day (`kl. 17.00-19.00`).
    pub end_time: Option<NaiveTime>,
    /// The UTC offset, only when the text gave a zone.
    pub offset: Option<FixedOffset>,
}

/// A time of day as written, validated when the date is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Times {
    start: (u32, u32, u32),
    end: Option<(u32, u32, u32)>,
    /// Offset from UTC in seconds, when the text gave a zone.
    offset: Option<i32>,
}

/// One date expression as written: the building block of points, ranges and open
/// intervals. `y: None` means the text gave no year (filled in before a [`FuzzyDate`]
/// is built, so stored units always have a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
        time: Option<Times>,
    },
    /// A day number alone, only valid as the first end of a range (`22.–28. maj`).
    BareDay {
        d: u32,
    },
    Month {
        m: u32,
        y: Option<i32>,
    },
    MonthPart {
        part: Part,
        m: u32,
        y: Option<i32>,
    },
    Week {
        w: u32,
        y: Option<i32>,
    },
    Quarter {
        q: u32,
        part: Option<Part>,
        y: Option<i32>,
    },
    Half {
        h: u32,
        part: Option<Part>,
        y: Option<i32>,
    },
    /// Primo/medio/ultimo of a year: `ultimo 2025`, or `sidst på året` (the year from
    /// the row above).
    YearPart {
        part: Part,
        y: Option<i32>,
    },
    Season {
        s: Season,
        y: Option<i32>,
    },
    Year {
        y: i32,
    },
    /// `skoleåret 2024/25`: from the conventions' school-year start month in `y` to its
    /// end month in `y + 1`.
    SchoolYear {
        y: i32,
    },
}

impl Unit {
    fn year(&self) -> Option<i32> {
        match *self {
            Unit::Day { y, .. }
            | Unit::Month { y, .. }
            | Unit::MonthPart { y, .. }
            | Unit::Week { y, .. }
            | Unit::Quarter { y, .. }
            | Unit::Half { y, .. }
            | Unit::Season { y, .. } => y,
            Unit::YearPart { y, .. } => y,
            Unit::Year { y } | Unit::SchoolYear { y } => Some(y),
            Unit::BareDay { .. } => None,
        }
    }

    fn with_year(self, year: i32) -> Unit {
        let y = Some(year);
        match self {
            Unit::Day { d, m, time, .. } => Unit::Day { d, m, y, time },
            Unit::Month { m, .. } => Unit::Month { m, y },
            Unit::MonthPart { part, m, .. } => Unit::MonthPart { part, m, y },
            Unit::Week { w, .. } => Unit::Week { w, y },
            Unit::Quarter { q, part, .. } => Unit::Quarter { q, part, y },
            Unit::Half { h, part, .. } => Unit::Half { h, part, y },
            Unit::Season { s, .. } => Unit::Season { s, y },
            Unit::YearPart { part, .. } => Unit::YearPart { part, y },
            Unit::Year { .. } => Unit::Year { y: year },
            Unit::SchoolYear { .. } => Unit::SchoolYear { y: year },
            Unit::BareDay { d } => Unit::BareDay { d },
        }
    }

    fn precision(&self) -> Precision {
        match self {
            Unit::Day { .. } | Unit::BareDay { .. } => Precision::Day,
            Unit::Month { .. } => Precision::Month,
            Unit::MonthPart { .. } => Precision::PartOfMonth,
            Unit::Week { .. } => Precision::Week,
            Unit::Quarter { part: None, .. } => Precision::Quarter,
            Unit::Half { part: None, .. } => Precision::HalfYear,
            Unit::Quarter { .. } | Unit::Half { .. } | Unit::YearPart { .. } => {
                Precision::PartOfYear
            }
            Unit::Season { .. } => Precision::Season,
            Unit::Year { .. } => Precision::Year,
            // Two ends in different years: a period, not one unit of the calendar.
            Unit::SchoolYear { .. } => Precision::Range,
        }
    }

    fn times(&self) -> Option<Times> {
        match self {
            Unit::Day { time, .. } => *time,
            _ => None,
        }
    }

    /// The first and last day the unit covers. The error is the `detail` of
    /// [`DateError::InvalidDay`].
    fn span(&self, conv: &DateConventions) -> Result<(NaiveDate, NaiveDate), Key> {
        let missing = || Key::new("date-detail-year-missing");
        match *self {
            Unit::Day { d, m, y, .. } => {
                let y = y.ok_or_else(missing)?;
                let last = last_day(y, m)?;
                if d == 0 || d > last {
                    return Err(Key::new("date-detail-days-in-month")
                        .either(
                            "month",
                            display::month_name(m, Lang::Da),
                            display::month_name(m, Lang::En),
                        )
                        .arg("year", y.to_string())
                        .arg("last", last.to_string()));
                }
                let date = ymd(y, m, d)?;
                Ok((date, date))
            }
            Unit::BareDay { .. } => Err(Key::new("date-detail-month-year-missing")),
            Unit::Month { m, y } => months(y.ok_or_else(missing)?, m, m),
            Unit::MonthPart { part, m, y } => {
                let y = y.ok_or_else(missing)?;
                let last = last_day(y, m)?;
                let [a, b] = conv.month_parts.get(part);
                // Clamp so that "31" means the last day of any month, and so that a bad
                // configuration can never produce an impossible date.
                let (a, b) = ordered(a.clamp(1, last), b.clamp(1, last));
                Ok((ymd(y, m, a)?, ymd(y, m, b)?))
            }
            Unit::Week { w, y } => {
                let y = y.ok_or_else(missing)?;
                check_year(y)?;
                let weeks = ymd(y, 12, 28)?.iso_week().week();
                if w == 0 || w > weeks {
                    return Err(Key::new("date-detail-weeks")
                        .arg("year", y.to_string())
                        .arg("weeks", weeks.to_string())
                        .arg("week", w.to_string()));
                }
                let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)
                    .ok_or_else(|| no_week(w, y))?;
                let sunday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sun)
                    .ok_or_else(|| no_week(w, y))?;
                Ok((monday, sunday))
            }
            Unit::Quarter { q, part, y } => {
                if !(1..=4).contains(&q) {
                    return Err(Key::new("date-detail-quarter").arg("quarter", q.to_string()));
                }
                sub_months(
                    y.ok_or_else(missing)?,
                    (q - 1) * 3,
                    3,
                    part.map(|p| conv.quarter_parts.get(p)),
                )
            }
            Unit::Half { h, part, y } => {
                if !(1..=2).contains(&h) {
                    return Err(Key::new("date-detail-half").arg("half", h.to_string()));
                }
                sub_months(
                    y.ok_or_else(missing)?,
                    (h - 1) * 6,
                    6,
                    part.map(|p| conv.half_year_parts.get(p)),
                )
            }
            Unit::YearPart { part, y } => sub_months(
                y.ok_or_else(missing)?,
                0,
                12,
                Some(conv.year_parts.get(part)),
            ),
            Unit::Season { s, y } => {
                let y = y.ok_or_else(missing)?;
                let [a, b] = conv.seasons.get(s);
                let (a, b) = (a.clamp(1, 12), b.clamp(1, 12));
                if b >= a {
                    months(y, a, b)
                } else {
                    // A season that wraps (winter: Dec–Feb) continues into the next year.
                    Ok((months(y, a, a)?.0, months(y + 1, b, b)?.1))
                }
            }
            Unit::Year { y } => months(y, 1, 12),
            Unit::SchoolYear { y } => {
                let [a, b] = conv.school_year;
                let (a, b) = (a.clamp(1, 12), b.clamp(1, 12));
                if b >= a {
                    months(y, a, b)
                } else {
                    Ok((months(y, a, a)?.0, months(y + 1, b, b)?.1))
                }
            }
        }
    }
}

/// Years outside 1000–9999 are refused: no plan needs them, a year such as `0023` is a
/// slip rather than a date, and every accepted year is shown with four digits that read
/// back the same. It also keeps chrono in range.
fn check_year(y: i32) -> Result<(), Key> {
    if (1000..=9999).contains(&y) {
        Ok(())
    } else {
        Err(Key::new("date-detail-year-range").arg("year", y.to_string()))
    }
}

fn no_week(w: u32, y: i32) -> Key {
    Key::new("date-detail-no-week")
        .arg("week", w.to_string())
        .arg("year", y.to_string())
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, Key> {
    check_year(y)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        Key::new("date-detail-no-day")
            .arg("day", d.to_string())
            .arg("month", m.to_string())
            .arg("year", y.to_string())
    })
}

fn last_day(y: i32, m: u32) -> Result<u32, Key> {
    // Checked first so that `y + 1` below cannot overflow.
    check_year(y)?;
    if !(1..=12).contains(&m) {
        return Err(Key::new("date-detail-no-month").arg("month", m.to_string()));
    }
    let first_next = if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    };
    match first_next {
        Ok(d) => Ok(d.pred_opt().map_or(31, |p| p.day())),
        // December 9999: the last day is still the 31st.
        Err(_) if m == 12 => Ok(31),
        Err(e) => Err(e),
    }
}

/// From the first day of month `a` to the last day of month `b` in year `y`.
fn months(y: i32, a: u32, b: u32) -> Result<(NaiveDate, NaiveDate), Key> {
    let (a, b) = ordered(a, b);
    Ok((ymd(y, a, 1)?, ymd(y, b, last_day(y, b)?)?))
}

/// Months `offset+1 ..= offset+len` of year `y`, or the part of them a convention picks
/// (the convention's numbers count from 1 within the period and are clamped to it).
fn sub_months(
    y: i32,
    offset: u32,
    len: u32,
    part: Option<Span>,
) -> Result<(NaiveDate, NaiveDate), Key> {
    let [a, b] = part.unwrap_or([1, len]);
    let (a, b) = ordered(a.clamp(1, len), b.clamp(1, len));
    months(y, offset + a, offset + b)
}

fn ordered(a: u32, b: u32) -> (u32, u32) {
    if a <= b { (a, b) } else { (b, a) }
}

/// How the units of a date relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Point(Unit),
    /// The flag says whether the first end may be shown without its year
    /// (`22. maj – 20. juni 2008`): true when both ends share a year and reading the
    /// shortened form back gives the same first end.
    Range(Unit, Unit, bool),
    /// `senest …`: open at the start.
    OpenStart(Unit),
    /// `inden …`: open at the start, ending the day before the unit begins.
    Before(Unit),
    /// `fra … og frem`: open at the end.
    OpenEnd(Unit),
    Ongoing,
}

/// A date as plans write it: an interval that may be open at either end, how precise it
/// is, and the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyDate {
    text: String,
    shape: Shape,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
    precision: Precision,
    year_inferred: bool,
    role: Role,
    /// Text around the date that was skipped, as written (`"Opdateret:"`).
    ignored: Vec<String>,
    notes: Vec<Note>,
}

impl FuzzyDate {
    /// Parse a date as written in a plan. See the module documentation for the forms.
    pub fn parse(text: &str, ctx: &ParseContext) -> Result<FuzzyDate, DateError> {
        phrase::parse(text, ctx)
    }

    /// An exact day; the text is its ISO form.
    pub fn from_day(d: NaiveDate) -> Self {
        FuzzyDate {
            text: d.format("%Y-%m-%d").to_string(),
            shape: Shape::Point(Unit::Day {
                d: d.day(),
                m: d.month(),
                y: Some(d.year()),
                time: None,
            }),
            start: Some(d),
            end: Some(d),
            start_time: None,
            end_time: None,
            offset: None,
            precision: Precision::Day,
            year_inferred: false,
            role: Role::Period,
            ignored: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The text as written (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The first day, or `None` when open at the start (`senest 1. maj 2024`).
    pub fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// The last day, or `None` when open at the end (`fra 1. halvår 2023 og frem`).
    /// Both ends are `None` only for `løbende`.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// The time of day on the first day, when the text gave one (`12. maj 2024 kl. 17.00`;
    /// also the first end of a range when that end is a day with a time).
    pub fn start_time(&self) -> Option<NaiveTime> {
        self.start_time
    }

    /// The time of day the date ends on its last day: the second time of a single day
    /// (`kl. 17.00-19.00`), or the time of a range's last end or of a deadline
    /// (`senest 3. maj 2024 kl. 12.00`).
    pub fn end_time(&self) -> Option<NaiveTime> {
        self.end_time
    }

    /// The UTC offset, only when the text gave a zone (`Z`, `+02:00`).
    pub fn offset(&self) -> Option<FixedOffset> {
        self.offset
    }

    /// How exact the date is; see the module documentation.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// True when the year came from [`ParseContext::default_year`].
    pub fn year_inferred(&self) -> bool {
        self.year_inferred
    }

    /// The year a following year-less row should inherit: the year of the end, else of
    /// the start.
    pub fn last_year(&self) -> Option<i32> {
        self.end.or(self.start).map(|d| d.year())
    }

    /// True for a single exact day (with or without a time).
    pub fn is_exact_day(&self) -> bool {
        self.precision == Precision::Day
    }

    /// The one day the text names, with its time if it gave one: `12. maj 2024`,
    /// `2008-06-20 12:00`, `Mødedato: 17.01.2024, kl. 16:00`. `None` for anything else
    /// (a period, an open interval such as `senest 1. maj`, a month …). This is the test
    /// for fields that must name one day, such as a hearing's `opens`.
    pub fn exact_day(&self) -> Option<ExactDay> {
        match self.shape {
            Shape::Point(Unit::Day { .. }) => Some(ExactDay {
                date: self.start?,
                time: self.start_time,
                end_time: self.end_time,
                offset: self.offset,
            }),
            _ => None,
        }
    }

    /// The last day of a deadline that ends on one day, with the time it ends: an exact
    /// day as [`FuzzyDate::exact_day`] gives it, or a deadline whose date is one day
    /// (`senest 3. maj 2024 kl. 12.00`, `Høringsfrist: 3. maj 2024`; `inden 1. marts` ends
    /// on the last day of February). `None` for periods and for deadlines such as
    /// `senest juni 2024`.
    pub fn deadline_day(&self) -> Option<ExactDay> {
        match self.shape {
            Shape::OpenStart(Unit::Day { .. }) => Some(ExactDay {
                date: self.end?,
                time: self.end_time,
                end_time: None,
                offset: self.offset,
            }),
            Shape::Before(Unit::Day { .. }) => Some(ExactDay {
                date: self.end?,
                time: None,
                end_time: None,
                offset: None,
            }),
            _ => self.exact_day(),
        }
    }

    /// What the date is for: an ordinary date or period, a deadline, open at one end, or
    /// ongoing.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The text around the date that was skipped, each piece as written
    /// (`["Opdateret:"]`). Empty for a clean date phrase.
    pub fn ignored(&self) -> &[String] {
        &self.ignored
    }

    /// What the reader should know about how the text was read (spelling slips that were
    /// corrected, hedges, two-digit years read in full …).
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// True when the text hedges the date (`forventet`, `ca.`, `planlagt` …).
    pub fn is_hedged(&self) -> bool {
        self.notes.iter().any(|n| n.kind == NoteKind::Hedge)
    }

    /// True when the text was a date phrase and nothing else: no words were skipped and
    /// nothing needed a note.
    pub fn is_clean(&self) -> bool {
        self.ignored.is_empty() && self.notes.is_empty()
    }

    /// For a text that was not a clean date phrase: one line saying how it was read, for
    /// warnings (`read as 4. marts 2024; ignored "Opdateret:"`). `None` when clean.
    pub fn reading(&self, lang: Lang) -> Option<String> {
        self.reading_told(lang, messages::of(crate::model::config::Language::En))
    }

    /// [`FuzzyDate::reading`] told in `m`'s language, with the date written in `lang`.
    pub fn reading_told(&self, lang: Lang, m: &messages::Messages) -> Option<String> {
        if self.is_clean() {
            return None;
        }
        let mut out = m.text(&Key::new("date-read-as").arg("date", self.display(lang)));
        if self.role == Role::Deadline {
            out.push(' ');
            out.push_str(&m.get("date-read-deadline"));
        }
        if !self.ignored.is_empty() {
            let quoted: Vec<String> = self.ignored.iter().map(|i| format!("\"{i}\"")).collect();
            out.push_str("; ");
            out.push_str(&m.text(&Key::new("date-read-ignored").arg("ignored", quoted.join(", "))));
        }
        for n in &self.notes {
            out.push_str("; ");
            out.push_str(&m.text(&n.key));
        }
        Some(out)
    }

    /// The conventional written form (`22. maj – 20. juni 2008`, `22 May – 20 June 2008`).
    pub fn display(&self, lang: Lang) -> String {
        display::display(&self.shape, lang)
    }

    /// `{"text", "start", "end", "precision"}` plus `"start_time"`/`"end_time"` (`"HH:MM"`)
    /// when present. Days are `"YYYY-MM-DD"` or `null`. A date that is not an ordinary
    /// period adds `"role"`; a hedged one `"hedged": true`; a text that was not a clean
    /// date phrase adds `"ignored"` (the skipped text) and `"notes"`
    /// (`[{"kind", "message"}]`).
    pub fn to_json(&self) -> serde_json::Value {
        let day = |d: Option<NaiveDate>| match d {
            Some(d) => serde_json::Value::String(d.format("%Y-%m-%d").to_string()),
            None => serde_json::Value::Null,
        };
        let mut map = serde_json::Map::new();
        map.insert("text".into(), self.text.clone().into());
        map.insert("start".into(), day(self.start));
        map.insert("end".into(), day(self.end));
        map.insert("precision".into(), self.precision.as_str().into());
        if let Some(t) = self.start_time {
            map.insert("start_time".into(), t.format("%H:%M").to_string().into());
        }
        if let Some(t) = self.end_time {
            map.insert("end_time".into(), t.format("%H:%M").to_string().into());
        }
        if self.role != Role::Period {
            map.insert("role".into(), self.role.as_str().into());
        }
        if self.is_hedged() {
            map.insert("hedged".into(), true.into());
        }
        if !self.ignored.is_empty() {
            map.insert("ignored".into(), self.ignored.clone().into());
        }
        if !self.notes.is_empty() {
            let notes = serde_json::to_value(&self.notes).unwrap_or_default();
            map.insert("notes".into(), notes);
        }
        serde_json::Value::Object(map)
    }

    /// Compare by (start or MIN, end or MAX) for sorting timelines/calendars.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        (
            self.start.unwrap_or(NaiveDate::MIN),
            self.end.unwrap_or(NaiveDate::MAX),
        )
    }
}
