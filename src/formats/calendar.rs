//! iCalendar files (RFC 5545), built with the `icalendar` crate.
//!
//! The `icalendar` crate writes the `VCALENDAR` and the `VEVENT`s. Two things are done here
//! on top of it:
//!
//! * **`VTIMEZONE`.** The crate cannot write one (its generic component adds a `DTSTAMP` from
//!   the clock and a random `UID`, which RFC 5545 does not allow in a `VTIMEZONE`), so the
//!   `VTIMEZONE` lines are written here and put in front of the first `VEVENT`, one for every
//!   zone used by a timed event, sorted by zone name.
//! * **Content lines and folding.** The crate's writer folds long lines in time that grows
//!   with the square of the line (it counts characters from the start of the line for
//!   every fold: a 1 MB title took most of a second, 2 MB four), and its last continuation
//!   line can reach 76 octets. So the crate builds the calendar and its properties, and
//!   [`content_lines`] writes them here, escaped as the crate would, and [`fold_into`]
//!   folds them in one pass: every physical line is at most 75 octets (not counting
//!   CRLF), continuation lines start with one space, and a fold never splits a UTF-8
//!   character.

use rayon::prelude::*;
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, Property, ValueType};

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventTime {
    /// Fuzzy or whole-day dates: DTSTART;VALUE=DATE and DTEND;VALUE=DATE (exclusive end =
    /// inclusive end + 1 day). An `end_inclusive` before `start` is treated as `start`
    /// (a one-day event).
    AllDay {
        start: NaiveDate,
        end_inclusive: NaiveDate,
    },
    /// Exact times, as wall-clock times in `tz`: `DTSTART;TZID=Europe/Copenhagen:…`, with a
    /// matching `VTIMEZONE` in the calendar.
    ///
    /// With `end: None` the event is an instant: `DTSTART` with `DURATION:PT0S` and
    /// `TRANSP:TRANSPARENT`. RFC 5545 §3.6.1 gives an event without an end no length, but
    /// clients guess (one shows nothing, another an hour), so the zero length is written
    /// out; that is what a deadline is ("høringsfrist" at 12:00), and it does not mark the
    /// time as busy. An `end` that is not after `start` is an instant too (RFC 5545
    /// requires `DTEND` to be later than `DTSTART`).
    ///
    /// A wall-clock time that does not exist (skipped at the spring DST change) is written as
    /// given; RFC 5545 §3.3.5 says readers interpret it with the offset before the gap.
    Timed {
        start: NaiveDateTime,
        end: Option<NaiveDateTime>,
        tz: Tz,
    },
}

/// One calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalEvent {
    /// Stable, globally unique id (e.g. `hearing-2024-017@planer.example.dk`).
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub time: EventTime,
    pub categories: Vec<String>,
}

/// Calendar-level data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalMeta {
    /// Written as `NAME` (RFC 7986) and `X-WR-CALNAME`.
    pub name: String,
    /// `PRODID`, e.g. `-//planpub//planpub 1.0//DA`.
    pub prodid: String,
    /// `DTSTAMP` of every event. Pass the time the data last changed (the site build's
    /// content date), never "now", so that rebuilds produce the same bytes.
    pub dtstamp: DateTime<Utc>,
    /// Written as `DESCRIPTION` and `X-WR-CALDESC`.
    pub description: Option<String>,
}

/// Writes an iCalendar file: CRLF line endings, lines folded at 75 octets, events in the
/// given order, `DTSTAMP` from `meta`, no generated UIDs.
pub fn ical(meta: &CalMeta, events: &[CalEvent]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", one_line(&meta.prodid)));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(&one_line(&meta.name));
    if let Some(description) = &meta.description {
        cal.description(&text(description));
    }

    // Zones used by timed events, with the first and last year they are used in.
    let mut zones: BTreeMap<&'static str, (Tz, i32, i32)> = BTreeMap::new();
    for event in events {
        if let EventTime::Timed { start, end, tz } = &event.time {
            let (lo, hi) = match end {
                Some(end) => (start.year().min(end.year()), start.year().max(end.year())),
                None => (start.year(), start.year()),
            };
            let entry = zones.entry(tz.name()).or_insert((*tz, lo, hi));
            entry.1 = entry.1.min(lo);
            entry.2 = entry.2.max(hi);
        }
    }

    let mut out = String::new();
    fold_all(&content_lines(&cal), &mut out);
    for &(tz, lo, hi) in zones.values() {
        fold_all(&vtimezone(tz, lo, hi), &mut out);
    }
    // Each event is built, written and dropped in turn, on every thread: a site
    // calendar has tens of thousands, and holding them all as the crate's values took
    // more memory than the rest of the build.
    let bodies: Vec<String> = events
        .par_iter()
        .map(|event| {
            let mut body = String::new();
            fold_all(&event_lines(&vevent(meta, event)), &mut body);
            body
        })
        .collect();
    out.reserve(bodies.iter().map(String::len).sum::<usize>() + 16);
    for body in &bodies {
        out.push_str(body);
    }
    drop(bodies);
    fold_into("END:VCALENDAR", &mut out);
    out
}

fn fold_all(lines: &[String], out: &mut String) {
    for line in lines {
        fold_into(line, out);
    }
}

fn vevent(meta: &CalMeta, ev: &CalEvent) -> Event {
    let mut e = Event::new();
    e.uid(&one_line(&ev.uid));
    e.timestamp(meta.dtstamp);
    e.summary(&text(&ev.summary));
    if let Some(d) = &ev.description {
        e.description(&text(d));
    }
    if let Some(u) = &ev.url {
        e.url(&uri(u));
    }
    if let Some(l) = &ev.location {
        e.location(&text(l));
    }
    match &ev.time {
        EventTime::AllDay {
            start,
            end_inclusive,
        } => {
            e.starts(*start);
            if let Some(end) = (*end_inclusive).max(*start).succ_opt() {
                e.ends(end);
            }
        }
        EventTime::Timed { start, end, tz } => {
            let at = |date_time: NaiveDateTime| CalendarDateTime::WithTimezone {
                date_time,
                tzid: tz.name().to_owned(),
            };
            e.starts(at(*start));
            match end.filter(|end| end > start) {
                Some(end) => {
                    e.ends(at(end));
                }
                None => {
                    e.append_property(Property::new("DURATION", "PT0S"));
                    e.append_property(Property::new("TRANSP", "TRANSPARENT"));
                }
            }
        }
    }
    let categories: Vec<String> = ev
        .categories
        .iter()
        .map(|c| one_line(c))
        .filter(|c| !c.is_empty())
        .collect();
    if !categories.is_empty() {
        e.categories(&categories);
    }
    e.done()
}

/// The calendar's opening content lines, unfolded, in the crate's order (its
/// properties); events and the closing line are written after.
fn content_lines(cal: &Calendar) -> Vec<String> {
    let mut lines = vec!["BEGIN:VCALENDAR".to_owned()];
    lines.extend(cal.properties.iter().map(content_line));
    lines
}

/// One event's content lines, unfolded: its properties (sorted by name), then its
/// repeatable ones.
fn event_lines(event: &Event) -> Vec<String> {
    let mut lines = vec!["BEGIN:VEVENT".to_owned()];
    lines.extend(event.properties().values().map(content_line));
    lines.extend(
        event
            .multi_properties()
            .values()
            .flatten()
            .map(content_line),
    );
    lines.push("END:VEVENT".to_owned());
    lines
}

/// `NAME;PARAM=value:VALUE`: parameter values quoted where RFC 5545 §3.2 asks, TEXT
/// values escaped per §3.3.11 (lists such as CATEGORIES are escaped item by item when
/// the crate joins them).
fn content_line(p: &Property) -> String {
    let mut line = String::with_capacity(p.key().len() + p.value().len() + 8);
    line.push_str(p.key());
    for param in p.params().values() {
        line.push(';');
        line.push_str(param.key());
        line.push('=');
        let v = param.value();
        let quote = v.contains([':', ';', ',']) && !(v.starts_with('"') && v.ends_with('"'));
        if quote {
            line.push('"');
        }
        line.push_str(v);
        if quote {
            line.push('"');
        }
    }
    line.push(':');
    let text_list = ["CATEGORIES", "RESOURCES"]
        .iter()
        .any(|k| p.key().eq_ignore_ascii_case(k));
    if p.value_type() == Some(ValueType::Text) && !text_list {
        for c in p.value().chars() {
            match c {
                '\\' => line.push_str("\\\\"),
                ',' => line.push_str("\\,"),
                ';' => line.push_str("\\;"),
                '\n' => line.push_str("\\n"),
                c => line.push(c),
            }
        }
    } else {
        line.push_str(p.value());
    }
    line
}

/// TEXT value: line breaks normalised to `\n` (escaped by the writer), other control
/// characters (RFC 5545 forbids them, except tab) dropped.
fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// A value that must stay on one line (UID, PRODID, NAME, categories).
fn one_line(s: &str) -> String {
    text(s).replace('\n', " ")
}

/// URI value: no whitespace or control characters (they are not part of a URI).
fn uri(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// Appends `line` folded per RFC 5545 §3.1: at most 75 octets per physical line, CRLF, then
/// a single space in front of each continuation. Cuts only on UTF-8 character boundaries.
///
/// Where it can (within the last 16 octets before the limit), it also avoids cutting next to
/// whitespace: some readers trim the end of each physical line, or all leading whitespace of
/// a continuation, and would lose a space of the text. RFC 5545 does not require this.
pub(super) fn fold_into(line: &str, out: &mut String) {
    const SLACK: usize = 16;
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let hard = cut;
        let beside_space = |cut: usize| {
            rest[..cut].ends_with(char::is_whitespace)
                || rest[cut..].starts_with(char::is_whitespace)
        };
        while beside_space(cut) && cut > limit - SLACK {
            cut -= 1;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
        }
        if beside_space(cut) {
            cut = hard;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74; // the leading space takes one octet
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

// ---------------------------------------------------------------------------------------
// VTIMEZONE

/// The offset in force at one moment, as seen by an iCalendar observance.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observed {
    /// Seconds east of UTC.
    total: i32,
    dst: bool,
    name: Option<String>,
}

#[derive(Debug, Clone)]
struct Transition {
    at_utc: NaiveDateTime,
    from: Observed,
    to: Observed,
}

fn observed(tz: Tz, utc: NaiveDateTime) -> Observed {
    let offset = tz.offset_from_utc_datetime(&utc);
    Observed {
        total: i32::try_from((offset.base_utc_offset() + offset.dst_offset()).num_seconds())
            .unwrap_or(0),
        dst: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().map(str::to_owned),
    }
}

fn jan1(year: i32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .unwrap_or(NaiveDate::MIN)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
}

/// All offset changes of `tz` from 1 January `lo` to 1 January `hi + 1` (UTC), to the second.
/// Steps a day at a time, then bisects; two changes within one day would be seen as one.
fn transitions(tz: Tz, lo: i32, hi: i32) -> (Observed, Vec<Transition>) {
    let end = jan1(hi + 1);
    let mut t = jan1(lo);
    let initial = observed(tz, t);
    let mut current = initial.clone();
    let mut found = Vec::new();
    while t < end {
        let next = (t + Duration::days(1)).min(end);
        if observed(tz, next) == current {
            t = next;
            continue;
        }
        // Bisect on whole seconds.
        let secs = |x: NaiveDateTime| x.and_utc().timestamp();
        let at = |s: i64| DateTime::from_timestamp(s, 0).map_or(next, |x| x.naive_utc());
        let (mut before, mut after) = (secs(t), secs(next));
        while after - before > 1 {
            let mid = before + (after - before) / 2;
            if observed(tz, at(mid)) == current {
                before = mid;
            } else {
                after = mid;
            }
        }
        let after = at(after);
        let to = observed(tz, after);
        found.push(Transition {
            at_utc: after,
            from: current,
            to: to.clone(),
        });
        current = to;
        t = after;
    }
    (initial, found)
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let mut day = NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?;
    while day.weekday() != Weekday::Sun {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// Writes the `VTIMEZONE` for `tz`, valid at least for the years `first..=last`.
///
/// Zones that follow the EU rule (summer time +1 h from 01:00 UTC on the last Sunday of March
/// to 01:00 UTC on the last Sunday of October, as Europe/Copenhagen does since 1996) get the
/// usual compact form: one `STANDARD` and one `DAYLIGHT` observance, each with a yearly
/// `RRULE` (`BYMONTH=10;BYDAY=-1SU` and `BYMONTH=3;BYDAY=-1SU`) starting in 1996.
/// Any other zone gets its actual offset changes from `first - 1` to `last + 1`, one observance
/// each (a zone without changes gets a single `STANDARD`).
fn vtimezone(tz: Tz, first: i32, last: i32) -> Vec<String> {
    // A site writes thousands of calendars with the same zone and years; working out
    // the zone's transitions is by far the costliest part. The result depends only on
    // the arguments, so a per-thread memo keeps this a pure function.
    thread_local! {
        static MEMO: std::cell::RefCell<std::collections::HashMap<(Tz, i32, i32), Vec<String>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(hit) = MEMO.with(|m| m.borrow().get(&(tz, first, last)).cloned()) {
        return hit;
    }
    let lines = compute_vtimezone(tz, first, last);
    MEMO.with(|m| m.borrow_mut().insert((tz, first, last), lines.clone()));
    lines
}

fn compute_vtimezone(tz: Tz, first: i32, last: i32) -> Vec<String> {
    let lo = (first - 1).min(1996);
    let hi = last + 1;
    let (initial, all) = transitions(tz, lo, hi);

    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{}", tz.name()),
        format!("X-LIC-LOCATION:{}", tz.name()),
    ];
    if let Some((spring, autumn)) = eu_rule(&initial, &all, lo, hi) {
        lines.extend(observance(
            &autumn,
            Some("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
        ));
        lines.extend(observance(
            &spring,
            Some("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
        ));
    } else {
        let window = jan1(first - 1);
        let start = observed(tz, window);
        let mut listed: Vec<Transition> = all.into_iter().filter(|t| t.at_utc > window).collect();
        // The offset in force at the start of the window, as an observance without a change.
        listed.insert(
            0,
            Transition {
                at_utc: window,
                from: start.clone(),
                to: start,
            },
        );
        for t in &listed {
            lines.extend(observance(t, None));
        }
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// If the changes in `lo..=hi` are exactly the EU rule, returns the first spring and autumn
/// change (with the same names every year).
fn eu_rule(
    initial: &Observed,
    all: &[Transition],
    lo: i32,
    hi: i32,
) -> Option<(Transition, Transition)> {
    if initial.dst || all.len() != 2 * usize::try_from(hi - lo + 1).ok()? {
        return None;
    }
    let standard = initial.clone();
    let summer_name = all.first()?.to.name.clone();
    let summer = Observed {
        total: standard.total + 3600,
        dst: true,
        name: summer_name,
    };
    for (year, pair) in (lo..=hi).zip(all.chunks(2)) {
        let at = |month| last_sunday(year, month)?.and_hms_opt(1, 0, 0);
        let [spring, autumn] = pair else { return None };
        let ok = spring.at_utc == at(3)?
            && spring.from == standard
            && spring.to == summer
            && autumn.at_utc == at(10)?
            && autumn.from == summer
            && autumn.to == standard;
        if !ok {
            return None;
        }
    }
    Some((all.first()?.clone(), all.get(1)?.clone()))
}

fn observance(t: &Transition, rrule: Option<&str>) -> Vec<String> {
    let kind = if t.to.dst { "DAYLIGHT" } else { "STANDARD" };
    let local = t.at_utc + Duration::seconds(i64::from(t.from.total));
    let mut lines = vec![
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", local.format("%Y%m%dT%H%M%S")),
        format!("TZOFFSETFROM:{}", utc_offset(t.from.total)),
        format!("TZOFFSETTO:{}", utc_offset(t.to.total)),
    ];
    if let Some(name) = &t.to.name {
        lines.push(format!("TZNAME:{}", one_line(name)));
    }
    if let Some(rule) = rrule {
        lines.push(rule.to_owned());
    }
    lines.push(format!("END:{kind}"));
    lines
}

/// RFC 5545 UTC-OFFSET: `+HHMM`, or `+HHMMSS` when there are seconds.
pub(super) fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}
