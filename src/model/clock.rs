//! The moment a build is "as of". Pages state what is open and what is done, so a
//! build must be reproducible for a given moment: `--now` if given, else
//! `SOURCE_DATE_EPOCH`, else the clock.
//!
//! A moment is never finer than its source says, and never finer than a millisecond:
//! the clock is read to the whole second (nobody needs a page "as of" a nanosecond),
//! `--now` keeps at most three decimals of a second, and [`timestamp`] is the one way a
//! moment is written for machines (HTML `datetime`, JSON, feeds, bag-info).

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, SubsecRound, TimeZone, Utc};
use chrono_tz::Tz;

/// The finest fraction of a second a moment keeps: milliseconds, the most HTML's
/// `<time datetime>` allows.
const MAX_FRACTION_DIGITS: u16 = 3;

/// A moment as an RFC 3339 timestamp with its offset, for machines: whole seconds when
/// the moment has no fraction (`2008-06-01T00:00:00+02:00`), otherwise at most
/// milliseconds (`2008-06-01T10:00:00.125+02:00`).
pub fn timestamp<T: TimeZone>(t: &DateTime<T>) -> String
where
    T::Offset: std::fmt::Display,
{
    t.clone()
        .trunc_subsecs(MAX_FRACTION_DIGITS)
        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// An exact instant (from `SOURCE_DATE_EPOCH`, the clock, or a time with an offset).
    Exact(DateTime<Utc>),
    /// A wall-clock time in the site's time zone.
    Local(NaiveDateTime),
}

impl Moment {
    /// An exact instant, keeping at most milliseconds.
    pub fn exact(t: DateTime<Utc>) -> Moment {
        Moment::Exact(t.trunc_subsecs(MAX_FRACTION_DIGITS))
    }

    pub fn resolve(self, tz: &Tz) -> DateTime<Tz> {
        match self {
            Moment::Exact(t) => t.with_timezone(tz),
            Moment::Local(n) => tz
                .from_local_datetime(&n)
                .earliest()
                .unwrap_or_else(|| tz.from_utc_datetime(&n)),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClockError {
    #[error(
        "\"{0}\" is not a moment planpub can read: use `2024-03-01`, `2024-03-01T12:00` or `2024-03-01T12:00:00+01:00`"
    )]
    BadNow(String),
    #[error("SOURCE_DATE_EPOCH is \"{0}\", which is not a number of seconds since 1970")]
    BadEpoch(String),
}

impl ClockError {
    /// The catalogue message for the error.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        match self {
            ClockError::BadNow(t) => Key::new("clock-bad-now").arg("text", t),
            ClockError::BadEpoch(t) => Key::new("clock-bad-epoch").arg("text", t),
        }
    }
}

/// Reads `--now`: a date (midnight local time), a local date and time, or RFC 3339.
pub fn parse_now(s: &str) -> Result<Moment, ClockError> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(Moment::exact(t.with_timezone(&Utc)));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(Moment::Local(n.trunc_subsecs(MAX_FRACTION_DIGITS)));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Moment::Local(
            d.and_hms_opt(0, 0, 0).expect("midnight exists"),
        ));
    }
    Err(ClockError::BadNow(s.to_string()))
}

/// Whether [`build_moment`] reads the clock, so that the moment moves on while a
/// long-running preview runs (neither `--now` nor `SOURCE_DATE_EPOCH` is given).
pub fn follows_clock(now_arg: Option<&str>) -> bool {
    now_arg.is_none() && std::env::var_os("SOURCE_DATE_EPOCH").is_none()
}

/// The clock as a build moment: whole seconds, like [`build_moment`] without a fixed one.
pub fn clock_moment() -> Moment {
    Moment::Exact(Utc::now().trunc_subsecs(0))
}

/// `--now` if given, else `SOURCE_DATE_EPOCH`, else the clock.
pub fn build_moment(now_arg: Option<&str>) -> Result<Moment, ClockError> {
    if let Some(s) = now_arg {
        return parse_now(s);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| ClockError::BadEpoch(epoch.clone()))?;
        let t = Utc
            .timestamp_opt(secs, 0)
            .single()
            .ok_or(ClockError::BadEpoch(epoch))?;
        return Ok(Moment::Exact(t));
    }
    // The clock's nanoseconds would only make pages differ from build to build.
    Ok(clock_moment())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_of_now() {
        let tz: Tz = "Europe/Copenhagen".parse().unwrap();
        let m = parse_now("2008-06-01").unwrap();
        assert_eq!(m.resolve(&tz).to_rfc3339(), "2008-06-01T00:00:00+02:00");
        let m = parse_now("2008-06-20T12:30").unwrap();
        assert_eq!(m.resolve(&tz).to_rfc3339(), "2008-06-20T12:30:00+02:00");
        let m = parse_now("2008-01-20T12:30:00Z").unwrap();
        assert_eq!(m.resolve(&tz).to_rfc3339(), "2008-01-20T13:30:00+01:00");
        assert!(parse_now("i morgen").is_err());
    }

    #[test]
    fn a_moment_keeps_at_most_milliseconds_and_prints_no_more() {
        let tz: Tz = "Europe/Copenhagen".parse().unwrap();
        let m = parse_now("2008-06-01T10:00:00.123456789+02:00").unwrap();
        assert_eq!(timestamp(&m.resolve(&tz)), "2008-06-01T10:00:00.123+02:00");
        let m = parse_now("2008-06-01T10:00:00.5").unwrap();
        assert_eq!(timestamp(&m.resolve(&tz)), "2008-06-01T10:00:00.500+02:00");
        let m = parse_now("2008-06-01").unwrap();
        assert_eq!(timestamp(&m.resolve(&tz)), "2008-06-01T00:00:00+02:00");
        let Moment::Exact(clock) = build_moment(None).unwrap() else {
            panic!("the clock is an exact instant")
        };
        assert_eq!(chrono::Timelike::nanosecond(&clock), 0);
        // Even a finer instant from elsewhere is written to the millisecond.
        let fine = Utc.timestamp_opt(1_212_300_000, 987_654_321).unwrap();
        assert_eq!(timestamp(&fine), "2008-06-01T06:00:00.987+00:00");
    }
}
