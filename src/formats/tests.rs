//! Tests: every output is read back with an independent parser (feed-rs for Atom, the `ical`
//! crate and Python's `icalendar` for iCalendar, quick-xml for the sitemap).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::calendar::{fold_into, utc_offset};
use super::*;

/// The validators' Python, one helper shared with the integration tests.
#[allow(dead_code)]
mod python {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/python/validators.rs"
    ));
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dt(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn ndt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

// ------------------------------------------------------------------------------- Atom

fn meta() -> FeedMeta {
    FeedMeta {
        id: tag_uri("planer.example.dk", d(2024, 1, 1), "/feed"),
        title: "Planer & høringer – Ærø Kommune".into(),
        subtitle: Some("Nye planer, høringer og afgørelser".into()),
        self_url: "https://planer.example.dk/feed.xml".into(),
        alternate_url: "https://planer.example.dk/".into(),
        updated: dt("2024-03-01T12:00:00+01:00"),
        author: "Ærø Kommune".into(),
        lang: "da".into(),
        generator: "planpub".into(),
    }
}

fn entries() -> Vec<FeedEntry> {
    vec![
        FeedEntry {
            id: tag_uri("planer.example.dk", d(2024, 1, 1), "/plans/lp-123"),
            title: "Lokalplan 123 <Søndergade> & Østervej".into(),
            url: "https://planer.example.dk/plans/lp-123/".into(),
            updated: dt("2024-02-01T10:00:00+01:00"),
            published: Some(dt("2024-01-15T09:00:00+01:00")),
            summary: Some(
                "Forslag til lokalplan for boliger ved Søndergade. \"Citat\" & 'mere'".into(),
            ),
            categories: vec!["Boliger".into(), "Høring".into(), "Boliger".into()],
            kind_label: Some("Høring".into()),
        },
        FeedEntry {
            id: "tag:planer.example.dk,2024-01-01:/decisions/a".into(),
            title: "Afgørelse A".into(),
            url: "https://planer.example.dk/decisions/a/".into(),
            updated: dt("2024-02-20T08:00:00Z"),
            published: None,
            summary: None,
            categories: vec![],
            kind_label: Some("Afgørelse".into()),
        },
        FeedEntry {
            id: "tag:planer.example.dk,2024-01-01:/decisions/b".into(),
            title: "Afgørelse B".into(),
            url: "https://planer.example.dk/decisions/b/".into(),
            // Same instant as decision A, other offset: sorted by id after the instant.
            updated: dt("2024-02-20T09:00:00+01:00"),
            published: None,
            summary: Some("Kort".into()),
            categories: vec!["Natur".into()],
            kind_label: None,
        },
    ]
}

fn parse_feed(xml: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(xml.as_bytes()).expect("feed-rs parses our Atom")
}

#[test]
fn atom_parses_with_feed_rs() {
    let xml = atom_feed(&meta(), &entries());
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "));
    assert!(xml.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(xml.contains("xml:lang=\"da\""));

    let feed = parse_feed(&xml);
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.id, "tag:planer.example.dk,2024-01-01:/feed");
    assert_eq!(
        feed.title.unwrap().content,
        "Planer & høringer – Ærø Kommune"
    );
    assert_eq!(feed.language.as_deref(), Some("da"));
    assert_eq!(
        feed.updated,
        Some(Utc.with_ymd_and_hms(2024, 3, 1, 11, 0, 0).unwrap())
    );
    let rels: Vec<(Option<&str>, &str)> = feed
        .links
        .iter()
        .map(|l| (l.rel.as_deref(), l.href.as_str()))
        .collect();
    assert!(rels.contains(&(Some("self"), "https://planer.example.dk/feed.xml")));
    assert!(rels.contains(&(Some("alternate"), "https://planer.example.dk/")));
    assert_eq!(feed.authors[0].name.as_deref(), Some("Ærø Kommune"));

    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tag:planer.example.dk,2024-01-01:/decisions/a",
            "tag:planer.example.dk,2024-01-01:/decisions/b",
            "tag:planer.example.dk,2024-01-01:/plans/lp-123",
        ]
    );

    let plan = &feed.entries[2];
    assert_eq!(
        plan.title.as_ref().unwrap().content,
        "Lokalplan 123 <Søndergade> & Østervej"
    );
    assert_eq!(plan.links.len(), 1);
    assert_eq!(
        plan.links[0].href,
        "https://planer.example.dk/plans/lp-123/"
    );
    assert_eq!(plan.links[0].rel.as_deref(), Some("alternate"));
    assert_eq!(
        plan.updated,
        Some(Utc.with_ymd_and_hms(2024, 2, 1, 9, 0, 0).unwrap())
    );
    assert_eq!(
        plan.published,
        Some(Utc.with_ymd_and_hms(2024, 1, 15, 8, 0, 0).unwrap())
    );
    assert_eq!(
        plan.summary.as_ref().unwrap().content,
        "Forslag til lokalplan for boliger ved Søndergade. \"Citat\" & 'mere'"
    );
    let terms: Vec<&str> = plan.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(
        terms,
        ["Høring", "Boliger"],
        "kind first, duplicates dropped"
    );
    assert_eq!(plan.categories[0].label.as_deref(), Some("Høring"));

    assert!(feed.entries[0].summary.is_none());
    assert!(feed.entries[0].published.is_none());
}

#[test]
fn atom_escapes_markup_and_keeps_danish_letters() {
    let xml = atom_feed(&meta(), &entries());
    assert!(xml.contains("Lokalplan 123 &lt;Søndergade&gt; &amp; Østervej"));
    assert!(xml.contains("Planer &amp; høringer – Ærø Kommune"));
    assert!(!xml.contains("<Søndergade>"));
}

#[test]
fn atom_is_deterministic_and_independent_of_input_order() {
    let a = atom_feed(&meta(), &entries());
    assert_eq!(a, atom_feed(&meta(), &entries()));
    let mut reversed = entries();
    reversed.reverse();
    assert_eq!(a, atom_feed(&meta(), &reversed));
    let mut rotated = entries();
    rotated.rotate_left(1);
    assert_eq!(a, atom_feed(&meta(), &rotated));
}

#[test]
fn atom_sorts_newest_first_then_by_id() {
    let mut es = entries();
    es.push(FeedEntry {
        id: "urn:a-newest".into(),
        updated: dt("2024-02-28T00:00:00+01:00"),
        ..es[1].clone()
    });
    let feed = parse_feed(&atom_feed(&meta(), &es));
    let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids[0], "urn:a-newest");
    assert!(ids[1] < ids[2], "equal instants are ordered by id");
}

#[test]
fn atom_drops_characters_xml_forbids() {
    let mut es = entries();
    es[0].title = "Bad\u{0}title\u{8}".into();
    let xml = atom_feed(&meta(), &es);
    let feed = parse_feed(&xml);
    assert!(
        feed.entries
            .iter()
            .any(|e| e.title.as_ref().unwrap().content == "Badtitle")
    );
}

#[test]
fn atom_without_entries_is_valid() {
    let feed = parse_feed(&atom_feed(&meta(), &[]));
    assert!(feed.entries.is_empty());
    assert_eq!(feed.id, "tag:planer.example.dk,2024-01-01:/feed");
}

#[test]
fn tag_uris() {
    assert_eq!(
        tag_uri("planer.example.dk", d(2024, 1, 1), "/plans/x"),
        "tag:planer.example.dk,2024-01-01:/plans/x"
    );
    assert_eq!(
        tag_uri(
            "Planer.Example.DK",
            d(2024, 12, 31),
            "/planer/æble have?v=1%20"
        ),
        "tag:planer.example.dk,2024-12-31:/planer/%C3%A6ble%20have?v=1%20"
    );
    assert_eq!(
        tag_uri("a.dk", d(2024, 1, 1), "100%"),
        "tag:a.dk,2024-01-01:100%25"
    );
}

// ---------------------------------------------------------------------------- iCalendar

const LONG_DA: &str = "Høringsperioden for forslag til lokalplan 123 for området ved Søndergade og \
Østervej løber fra den 1. januar til den 29. februar 2024. Alle borgere, foreninger og \
myndigheder kan komme med bemærkninger, indsigelser eller ændringsforslag; send dem via \
høringsportalen, pr. brev eller e-mail. Æ, ø og å skal bevares — også når linjen foldes.\n\
Næste afsnit: ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå 😀😀😀😀😀.";

fn cal_meta() -> CalMeta {
    CalMeta {
        name: "Høringer – Ærø Kommune".into(),
        prodid: "-//planpub//planpub 1.0//DA".into(),
        dtstamp: Utc.with_ymd_and_hms(2024, 5, 1, 8, 30, 0).unwrap(),
        description: Some("Høringer, borgermøder og frister".into()),
    }
}

fn cal_events() -> Vec<CalEvent> {
    vec![
        CalEvent {
            uid: "hearing-lp-123@planer.example.dk".into(),
            summary: "Høring: Lokalplan 123".into(),
            description: Some(LONG_DA.into()),
            url: Some("https://planer.example.dk/plans/lp-123/".into()),
            location: None,
            time: EventTime::AllDay {
                start: d(2024, 1, 1),
                end_inclusive: d(2024, 2, 29),
            },
            categories: vec!["Høring".into(), "Lokalplan, boliger".into()],
        },
        CalEvent {
            uid: "meeting-lp-123@planer.example.dk".into(),
            summary: "Borgermøde; Lokalplan 123".into(),
            description: Some("Dagsorden:\n1. Velkomst\r\n2. Spørgsmål".into()),
            url: None,
            location: Some("Ærøskøbing Rådhus, Søndergade 1".into()),
            time: EventTime::Timed {
                start: ndt("2024-01-16T19:00"),
                end: Some(ndt("2024-01-16T21:00")),
                tz: chrono_tz::Europe::Copenhagen,
            },
            categories: vec![],
        },
        CalEvent {
            uid: "deadline-lp-123@planer.example.dk".into(),
            summary: "Høringsfrist: Lokalplan 123".into(),
            description: None,
            url: None,
            location: None,
            time: EventTime::Timed {
                start: ndt("2024-04-02T23:59"),
                end: None,
                tz: chrono_tz::Europe::Copenhagen,
            },
            categories: vec![],
        },
    ]
}

fn parse_ical(s: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(s.as_bytes());
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("ical parses our output");
    assert!(parser.next().is_none(), "exactly one calendar");
    cal
}

type Prop = ical::property::Property;

fn prop<'a>(props: &'a [Prop], name: &str) -> &'a Prop {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn value<'a>(props: &'a [Prop], name: &str) -> &'a str {
    prop(props, name).value.as_deref().unwrap()
}

fn param(p: &Prop, name: &str) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.join(","))
}

/// Physical lines without their CRLF.
fn physical_lines(s: &str) -> Vec<&str> {
    let body = s.strip_suffix("\r\n").expect("ends with CRLF");
    body.split("\r\n").collect()
}

fn unfold(s: &str) -> String {
    s.replace("\r\n ", "")
}

/// The unfolded content lines of the VEVENT with the given UID.
fn event_lines(s: &str, uid: &str) -> Vec<String> {
    let unfolded = unfold(s);
    let mut current = Vec::new();
    for line in unfolded.split("\r\n") {
        if line == "BEGIN:VEVENT" {
            current.clear();
        } else if line == "END:VEVENT" {
            if current.iter().any(|l: &String| l == &format!("UID:{uid}")) {
                return current;
            }
        } else {
            current.push(line.to_owned());
        }
    }
    panic!("no event {uid}");
}

#[test]
fn ical_parses_and_has_calendar_properties() {
    let out = ical(&cal_meta(), &cal_events());
    let cal = parse_ical(&out);
    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
    assert_eq!(
        value(&cal.properties, "PRODID"),
        "-//planpub//planpub 1.0//DA"
    );
    assert_eq!(
        value(&cal.properties, "X-WR-CALNAME"),
        "Høringer – Ærø Kommune"
    );
    assert_eq!(value(&cal.properties, "NAME"), "Høringer – Ærø Kommune");
    assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(cal.events.len(), 3);
    let uids: Vec<&str> = cal
        .events
        .iter()
        .map(|e| value(&e.properties, "UID"))
        .collect();
    assert_eq!(
        uids,
        [
            "hearing-lp-123@planer.example.dk",
            "meeting-lp-123@planer.example.dk",
            "deadline-lp-123@planer.example.dk"
        ],
        "events in the given order"
    );
    for e in &cal.events {
        assert_eq!(value(&e.properties, "DTSTAMP"), "20240501T083000Z");
        assert_eq!(e.properties.iter().filter(|p| p.name == "UID").count(), 1);
    }
}

#[test]
fn ical_all_day_event_has_exclusive_date_end() {
    let out = ical(&cal_meta(), &cal_events());
    let lines = event_lines(&out, "hearing-lp-123@planer.example.dk");
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20240101".to_owned()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20240301".to_owned()));

    let cal = parse_ical(&out);
    let ev = &cal.events[0].properties;
    let start = prop(ev, "DTSTART");
    assert_eq!(start.value.as_deref(), Some("20240101"));
    assert_eq!(param(start, "VALUE").as_deref(), Some("DATE"));
    let end = prop(ev, "DTEND");
    assert_eq!(end.value.as_deref(), Some("20240301"));
    assert_eq!(param(end, "VALUE").as_deref(), Some("DATE"));
    assert_eq!(value(ev, "URL"), "https://planer.example.dk/plans/lp-123/");
    assert_eq!(value(ev, "CATEGORIES"), "Høring,Lokalplan\\, boliger");
}

#[test]
fn ical_all_day_end_before_start_is_one_day() {
    let mut ev = cal_events().remove(0);
    ev.time = EventTime::AllDay {
        start: d(2024, 12, 31),
        end_inclusive: d(2024, 12, 1),
    };
    let out = ical(&cal_meta(), &[ev]);
    let lines = event_lines(&out, "hearing-lp-123@planer.example.dk");
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20241231".to_owned()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20250101".to_owned()));
    assert!(!out.contains("BEGIN:VTIMEZONE"), "no zone needed");
}

#[test]
fn ical_timed_event_uses_tzid_and_vtimezone() {
    let out = ical(&cal_meta(), &cal_events());
    let lines = event_lines(&out, "meeting-lp-123@planer.example.dk");
    assert!(lines.contains(&"DTSTART;TZID=Europe/Copenhagen:20240116T190000".to_owned()));
    assert!(lines.contains(&"DTEND;TZID=Europe/Copenhagen:20240116T210000".to_owned()));
    assert!(lines.contains(&"SUMMARY:Borgermøde\\; Lokalplan 123".to_owned()));
    assert!(lines.contains(&"DESCRIPTION:Dagsorden:\\n1. Velkomst\\n2. Spørgsmål".to_owned()));
    assert!(lines.contains(&"LOCATION:Ærøskøbing Rådhus\\, Søndergade 1".to_owned()));

    let expected_vtimezone = "BEGIN:VTIMEZONE\r\n\
        TZID:Europe/Copenhagen\r\n\
        X-LIC-LOCATION:Europe/Copenhagen\r\n\
        BEGIN:STANDARD\r\n\
        DTSTART:19961027T030000\r\n\
        TZOFFSETFROM:+0200\r\n\
        TZOFFSETTO:+0100\r\n\
        TZNAME:CET\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
        END:STANDARD\r\n\
        BEGIN:DAYLIGHT\r\n\
        DTSTART:19960331T020000\r\n\
        TZOFFSETFROM:+0100\r\n\
        TZOFFSETTO:+0200\r\n\
        TZNAME:CEST\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
        END:DAYLIGHT\r\n\
        END:VTIMEZONE\r\n";
    assert!(out.contains(expected_vtimezone), "{out}");
    assert_eq!(out.matches("BEGIN:VTIMEZONE").count(), 1, "one per zone");
    let tz_at = out.find("BEGIN:VTIMEZONE").unwrap();
    assert!(tz_at < out.find("BEGIN:VEVENT").unwrap());

    let cal = parse_ical(&out);
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(
        value(&cal.timezones[0].properties, "TZID"),
        "Europe/Copenhagen"
    );
    assert_eq!(cal.timezones[0].transitions.len(), 2);
    let start = prop(&cal.events[1].properties, "DTSTART");
    assert_eq!(param(start, "TZID").as_deref(), Some("Europe/Copenhagen"));
    assert_eq!(start.value.as_deref(), Some("20240116T190000"));
}

#[test]
fn ical_deadline_is_an_instant() {
    let out = ical(&cal_meta(), &cal_events());
    let lines = event_lines(&out, "deadline-lp-123@planer.example.dk");
    assert!(lines.contains(&"DTSTART;TZID=Europe/Copenhagen:20240402T235900".to_owned()));
    // Zero length written out, so no client invents one; it does not block time.
    assert!(lines.contains(&"DURATION:PT0S".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"TRANSP:TRANSPARENT".to_owned()),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("DTEND")));

    // An end that is not after the start makes an instant too.
    let mut ev = cal_events().remove(1);
    ev.time = EventTime::Timed {
        start: ndt("2024-01-16T19:00"),
        end: Some(ndt("2024-01-16T19:00")),
        tz: chrono_tz::Europe::Copenhagen,
    };
    let out = ical(&cal_meta(), &[ev]);
    assert!(!out.contains("DTEND"));
    assert!(out.contains("DURATION:PT0S"));
}

#[test]
fn ical_uses_crlf_everywhere() {
    let out = ical(&cal_meta(), &cal_events());
    assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(out.ends_with("END:VCALENDAR\r\n"));
    let bytes = out.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
}

#[test]
fn ical_folds_long_lines_at_75_octets() {
    let out = ical(&cal_meta(), &cal_events());
    let lines = physical_lines(&out);
    assert!(
        lines.iter().any(|l| l.starts_with(' ')),
        "something was folded"
    );
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.is_empty());
    }
    // Folds avoid whitespace at either side of the cut, so trimming readers lose nothing.
    for line in &lines {
        assert!(!line.ends_with(' '), "{line:?}");
        assert!(!line.starts_with("  "), "{line:?}");
    }
    // Folding never splits a character: each physical line is valid UTF-8 on its own.
    let mut rest = out.as_bytes();
    while let Some(pos) = rest.windows(2).position(|w| w == b"\r\n") {
        std::str::from_utf8(&rest[..pos]).expect("physical line is valid UTF-8");
        rest = &rest[pos + 2..];
    }
    // Unfolding gives back the text, escaped once.
    let desc = event_lines(&out, "hearing-lp-123@planer.example.dk")
        .into_iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .unwrap();
    let expected = LONG_DA
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n");
    assert_eq!(desc, format!("DESCRIPTION:{expected}"));
    // And the independent parser agrees.
    let cal = parse_ical(&out);
    assert_eq!(value(&cal.events[0].properties, "DESCRIPTION"), expected);
}

#[test]
fn fold_limits_hold_for_every_length_and_alignment() {
    // ASCII, 2-byte, 3-byte and 4-byte characters at every offset around the fold points.
    for unit in ["a", "ø", "–", "😀", " ", "ø ", "ab  "] {
        for prefix in 0..8 {
            for n in 0..120 {
                let line = format!("X:{}{}", "b".repeat(prefix), unit.repeat(n));
                let mut out = String::new();
                fold_into(&line, &mut out);
                let physical = physical_lines(&out);
                for (i, p) in physical.iter().enumerate() {
                    assert!(p.len() <= 75, "{unit} {prefix} {n}: {} octets", p.len());
                    if i > 0 {
                        assert!(p.starts_with(' ') && p.len() > 1);
                    }
                }
                assert_eq!(unfold(&out), format!("{line}\r\n"));
            }
        }
    }
    let mut out = String::new();
    fold_into(&"a".repeat(75), &mut out);
    assert_eq!(out.matches("\r\n").count(), 1, "75 octets fit on one line");
    out.clear();
    fold_into(&"a".repeat(76), &mut out);
    assert_eq!(out.matches("\r\n").count(), 2);
}

#[test]
fn ical_is_deterministic() {
    let a = ical(&cal_meta(), &cal_events());
    let b = ical(&cal_meta(), &cal_events());
    assert_eq!(a, b);
    assert_eq!(a.matches("DTSTAMP:").count(), 3);
    assert_eq!(a.matches("DTSTAMP:20240501T083000Z").count(), 3);
}

#[test]
fn ical_without_events_is_valid() {
    let out = ical(&cal_meta(), &[]);
    let cal = parse_ical(&out);
    assert!(cal.events.is_empty());
    assert!(cal.timezones.is_empty());
    assert!(!out.contains("DTSTAMP"));
    assert!(!out.contains("UID"));
}

fn timed(uid: &str, start: &str, end: Option<&str>, tz: chrono_tz::Tz) -> CalEvent {
    CalEvent {
        uid: uid.into(),
        summary: uid.into(),
        description: None,
        url: None,
        location: None,
        time: EventTime::Timed {
            start: ndt(start),
            end: end.map(ndt),
            tz,
        },
        categories: vec![],
    }
}

/// The VTIMEZONE block for `tzid`, as unfolded lines.
fn vtimezone_block(out: &str, tzid: &str) -> Vec<String> {
    let unfolded = unfold(out);
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    let at = lines
        .iter()
        .position(|l| *l == format!("TZID:{tzid}"))
        .unwrap_or_else(|| panic!("no VTIMEZONE for {tzid}"));
    let end = at
        + lines[at..]
            .iter()
            .position(|l| *l == "END:VTIMEZONE")
            .unwrap();
    lines[at - 1..=end].iter().map(|l| l.to_string()).collect()
}

#[test]
fn ical_other_zones_get_their_own_vtimezone() {
    let events = [
        timed("ny", "2024-06-01T10:00", None, chrono_tz::America::New_York),
        timed(
            "berlin",
            "2024-06-01T10:00",
            None,
            chrono_tz::Europe::Berlin,
        ),
        timed("tokyo", "2024-06-01T10:00", None, chrono_tz::Asia::Tokyo),
        timed(
            "cph",
            "2024-06-01T10:00",
            None,
            chrono_tz::Europe::Copenhagen,
        ),
        timed(
            "cph2",
            "2025-06-01T10:00",
            None,
            chrono_tz::Europe::Copenhagen,
        ),
    ];
    let out = ical(&cal_meta(), &events);
    let cal = parse_ical(&out);
    let tzids: Vec<&str> = cal
        .timezones
        .iter()
        .map(|t| value(&t.properties, "TZID"))
        .collect();
    assert_eq!(
        tzids,
        [
            "America/New_York",
            "Asia/Tokyo",
            "Europe/Berlin",
            "Europe/Copenhagen"
        ]
    );

    // Berlin follows the EU rule like Copenhagen.
    let berlin = vtimezone_block(&out, "Europe/Berlin");
    assert!(berlin.contains(&"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".to_owned()));

    // Tokyo: no changes, one STANDARD.
    let tokyo = vtimezone_block(&out, "Asia/Tokyo");
    assert_eq!(tokyo.iter().filter(|l| l.starts_with("BEGIN:")).count(), 2);
    assert!(tokyo.contains(&"TZOFFSETFROM:+0900".to_owned()));
    assert!(tokyo.contains(&"TZOFFSETTO:+0900".to_owned()));
    assert!(tokyo.contains(&"BEGIN:STANDARD".to_owned()));

    // New York: explicit changes for 2023..=2025, among them those of 2024.
    let ny = vtimezone_block(&out, "America/New_York").join("\n");
    assert!(ny.contains(
        "BEGIN:DAYLIGHT\nDTSTART:20240310T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nTZNAME:EDT\nEND:DAYLIGHT"
    ));
    assert!(ny.contains(
        "BEGIN:STANDARD\nDTSTART:20241103T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nTZNAME:EST\nEND:STANDARD"
    ));
    assert_eq!(ny.matches("BEGIN:DAYLIGHT").count(), 3, "2023, 2024, 2025");
    assert_eq!(ny.matches("BEGIN:STANDARD").count(), 4, "start + 3 autumns");
}

#[test]
fn utc_offsets() {
    assert_eq!(utc_offset(3600), "+0100");
    assert_eq!(utc_offset(-5 * 3600), "-0500");
    assert_eq!(utc_offset(0), "+0000");
    assert_eq!(utc_offset(5 * 3600 + 45 * 60), "+0545");
    assert_eq!(utc_offset(-(3600 + 30)), "-010030");
}

const PY_CHECK: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
for c in cal.walk():
    for err in getattr(c, "errors", []):
        print("ERR", c.name, err)
print("NAME", cal.get("X-WR-CALNAME"))
for tz in cal.walk("VTIMEZONE"):
    print("TZ", tz.get("TZID"), len(tz.subcomponents))
for ev in cal.walk("VEVENT"):
    end = ev.get("DTEND")
    print("EV", ev.get("UID"), ev.decoded("DTSTART").isoformat(),
          end.dt.isoformat() if end is not None else "-", ev.decoded("DTSTAMP").isoformat())
    print("DESC", str(ev.get("DESCRIPTION", "")).replace("\n", "|"))
"#;

#[test]
fn ical_parses_with_python_icalendar() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let Some(py) = python::interpreter() else {
        return;
    };
    let out = ical(&cal_meta(), &cal_events());
    let mut child = Command::new(&py)
        .args(["-c", PY_CHECK])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(out.as_bytes())
        .unwrap();
    let result = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(result.stdout).unwrap();
    assert!(
        result.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(!stdout.contains("ERR"), "{stdout}");
    assert_eq!(lines[0], "NAME Høringer – Ærø Kommune");
    assert_eq!(lines[1], "TZ Europe/Copenhagen 2");
    assert_eq!(
        lines[2],
        "EV hearing-lp-123@planer.example.dk 2024-01-01 2024-03-01 2024-05-01T08:30:00+00:00"
    );
    assert_eq!(lines[3], format!("DESC {}", LONG_DA.replace('\n', "|")));
    assert_eq!(
        lines[4],
        "EV meeting-lp-123@planer.example.dk 2024-01-16T19:00:00+01:00 \
         2024-01-16T21:00:00+01:00 2024-05-01T08:30:00+00:00"
    );
    assert_eq!(lines[5], "DESC Dagsorden:|1. Velkomst|2. Spørgsmål");
    assert_eq!(
        lines[6],
        "EV deadline-lp-123@planer.example.dk 2024-04-02T23:59:00+02:00 - \
         2024-05-01T08:30:00+00:00"
    );
    assert_eq!(lines.len(), 8);
}

// ------------------------------------------------------------------------------ Sitemap

/// Checks well-formedness with quick-xml and returns (loc, lastmod) pairs.
fn parse_sitemap(xml: &str) -> Vec<(String, Option<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut urls = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut saw_root = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                if name == "urlset" {
                    saw_root = true;
                    let ns = e
                        .try_get_attribute("xmlns")
                        .unwrap()
                        .expect("xmlns on urlset");
                    assert_eq!(&*ns.value, "http://www.sitemaps.org/schemas/sitemap/0.9");
                }
                if name == "url" {
                    urls.push((String::new(), None));
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                match path.last().map(String::as_str) {
                    Some("loc") => urls.last_mut().unwrap().0.push_str(&text),
                    Some("lastmod") => urls.last_mut().unwrap().1 = Some(text),
                    _ => assert!(text.trim().is_empty(), "stray text {text:?}"),
                }
            }
            Event::GeneralRef(r) => {
                let name: &str = &r;
                let c = match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other}"),
                };
                assert_eq!(path.last().map(String::as_str), Some("loc"));
                urls.last_mut().unwrap().0.push_str(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(saw_root && path.is_empty());
    urls
}

#[test]
fn sitemap_is_sorted_escaped_and_well_formed() {
    let urls = [
        SitemapUrl {
            loc: "https://planer.example.dk/plans/b/?a=1&b=2".into(),
            lastmod: Some(d(2024, 3, 5)),
        },
        SitemapUrl {
            loc: "https://planer.example.dk/".into(),
            lastmod: None,
        },
        SitemapUrl {
            loc: "https://planer.example.dk/plans/a/'x'".into(),
            lastmod: Some(d(2023, 12, 24)),
        },
        SitemapUrl {
            loc: "https://planer.example.dk/planer/æblehaven/".into(),
            lastmod: Some(d(2024, 1, 2)),
        },
        SitemapUrl {
            loc: "https://planer.example.dk/plans/b/?a=1&b=2".into(),
            lastmod: Some(d(2024, 1, 1)),
        },
    ];
    let xml = sitemap(&urls);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset"));
    assert!(xml.contains("<loc>https://planer.example.dk/plans/b/?a=1&amp;b=2</loc>"));
    assert!(xml.contains("/plans/a/&apos;x&apos;</loc>"));
    assert!(xml.contains("<lastmod>2024-03-05</lastmod>"));
    let parsed = parse_sitemap(&xml);
    let expected = [
        ("https://planer.example.dk/".to_owned(), None),
        (
            "https://planer.example.dk/planer/%C3%A6blehaven/".to_owned(),
            Some("2024-01-02".to_owned()),
        ),
        (
            "https://planer.example.dk/plans/a/'x'".to_owned(),
            Some("2023-12-24".to_owned()),
        ),
        (
            "https://planer.example.dk/plans/b/?a=1&b=2".to_owned(),
            Some("2024-03-05".to_owned()),
        ),
    ];
    assert_eq!(
        parsed, expected,
        "sorted, duplicate kept once with latest lastmod"
    );

    let mut reversed = urls.to_vec();
    reversed.reverse();
    assert_eq!(xml, sitemap(&reversed));
}

#[test]
fn sitemap_escapes_markup_characters() {
    let xml = sitemap(&[SitemapUrl {
        loc: "https://x.dk/a<b>\"c\" d".into(),
        lastmod: Some(d(2024, 2, 29)),
    }]);
    let parsed = parse_sitemap(&xml);
    assert_eq!(parsed[0].0, "https://x.dk/a%3Cb%3E%22c%22%20d");
    assert_eq!(parsed[0].1.as_deref(), Some("2024-02-29"));
}

#[test]
fn empty_sitemap_is_well_formed() {
    assert!(parse_sitemap(&sitemap(&[])).is_empty());
}

#[test]
fn robots() {
    assert_eq!(
        robots_txt("https://planer.example.dk/sitemap.xml"),
        "User-agent: *\nAllow: /\nSitemap: https://planer.example.dk/sitemap.xml\n"
    );
}
