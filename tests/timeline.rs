//! Timelines as plans write them (issue 3): the plan page's year-grouped list with
//! states, the band view, tracks, the calendar page, iCalendar files, `planpub date`
//! and the open-data JSON — all through the binary on fixture sites.

mod common;

use common::{Out, Page, Run, Site, check_at, planpub, run};
use scraper::{ElementRef, Selector};
use std::collections::BTreeMap;

/// The build moment of most tests: inside the plan's span (2008 – 2024).
const NOW: &str = "2023-12-10";

const PLAN_FILE: &str = "content/planer/tidsplan.md";

/// Line 12 of this file is the year-less `December` row (`timeline[2]`).
const PLAN: &str = r#"---
type: plan
title: Tidsplan for ældreområdet
summary: En plan med en lang tidslinje.
timeline:
  - when: 22. maj til 20. juni 2008
    what: Første høring
    who: Socialforvaltningen
  - when: 2023-03-15
    what: Planen sendes i høring
    who: Socialforvaltningen
  - when: December
    what: Byrådet vedtager
    who: Byrådet
  - when: primo 2024
    what: Evaluering
  - undated: efter behov
    what: Opfølgning
  - when: 2024-09-01 10:00
    what: Temamøde om planen
tracks:
  - name: Spor A
    actions:
      - what: Kortlægning
        when: 2. kvartal 2023
        who: Forvaltningen
        level: central
      - what: Lokal opfølgning
        when: 2025
        who: Centrene
        level: local
---

Planens tekst.
"#;

const HEARING: &str = r#"---
type: hearing
title: Høring om tidsplanen
plan: tidsplan
opens: 2024-02-01
closes: 2024-03-01 12:00
respond: { email: svar@test.dk }
documents:
  - title: Materiale
    file: materiale.pdf
meetings:
  - when: 2024-02-10 19:00
    where: Rådhuset
    what: Borgermøde om tidsplanen
---

Sig din mening.
"#;

const PLAN_PAGE: &str = "planer/tidsplan/index.html";

fn site() -> Site {
    Site::new()
        .file(PLAN_FILE, PLAN)
        .file("content/hoeringer/hoering-tidsplan/index.md", HEARING)
        .bytes(
            "content/hoeringer/hoering-tidsplan/materiale.pdf",
            b"%PDF-1.4\n",
        )
}

fn build_at(site: &Site, now: &str) -> Run {
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .args(["--now", now]);
    run(&mut c)
}

fn built(site: &Site) -> Out {
    site.built_at(NOW)
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(e: ElementRef) -> String {
    squash(&e.text().collect::<String>())
}

/// One timeline row as a reader sees it.
#[derive(Debug)]
struct Row {
    when: String,
    datetimes: Vec<String>,
    state_class: Option<String>,
    label: Option<String>,
    what: String,
    who: Option<String>,
}

/// Every `ol.timeline` with the year heading before it, and its rows.
fn timeline(p: &Page) -> Vec<(String, Vec<Row>)> {
    let mut out: Vec<(String, Vec<Row>)> = Vec::new();
    let section =
        p.0.select(&sel("section.timeline-section"))
            .next()
            .expect("a timeline section");
    let mut year = None;
    for el in section.children().filter_map(ElementRef::wrap) {
        match el.value().name() {
            "h3" => year = Some(text_of(el)),
            "ol" => {
                let rows = el
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|li| li.value().name() == "li")
                    .map(|li| {
                        let when = li.select(&sel(".tl-when")).next().expect("a when");
                        Row {
                            when: text_of(when),
                            datetimes: when
                                .select(&sel("time"))
                                .filter_map(|t| t.value().attr("datetime").map(String::from))
                                .collect(),
                            state_class: li
                                .value()
                                .classes()
                                .find(|c| c.starts_with("tl-") && *c != "tl-item")
                                .map(String::from),
                            label: li.select(&sel(".state")).next().map(text_of),
                            what: text_of(li.select(&sel(".tl-what")).next().expect("what")),
                            who: li.select(&sel(".tl-who")).next().map(text_of),
                        }
                    })
                    .collect();
                out.push((year.take().expect("a year heading before the list"), rows));
            }
            _ => {}
        }
    }
    out
}

fn rows(p: &Page) -> Vec<Row> {
    timeline(p).into_iter().flat_map(|(_, r)| r).collect()
}

#[track_caller]
fn row<'a>(rows: &'a [Row], what: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.what == what)
        .unwrap_or_else(|| panic!("no row {what:?} in {rows:#?}"))
}

// ---------------------------------------------------------------- plan page

#[test]
fn timeline_is_ordered_lists_grouped_by_year() {
    let out = built(&site());
    let p = out.html(PLAN_PAGE);
    let groups = timeline(&p);
    let years: Vec<&str> = groups.iter().map(|(y, _)| y.as_str()).collect();
    assert_eq!(years, ["2008", "2023", "2024"]);
    let whats: Vec<Vec<&str>> = groups
        .iter()
        .map(|(_, r)| r.iter().map(|r| r.what.as_str()).collect())
        .collect();
    assert_eq!(
        whats,
        [
            vec!["Første høring"],
            vec!["Planen sendes i høring", "Byrådet vedtager"],
            vec!["Evaluering", "Opfølgning", "Temamøde om planen"],
        ]
    );
    // An ordered list per year, one item per row, in the HTML itself.
    assert_eq!(p.count("section.timeline-section ol.timeline"), 3);
    assert_eq!(p.count("section.timeline-section ol.timeline > li"), 6);
    let r = rows(&p);
    assert_eq!(
        row(&r, "Første høring").who.as_deref(),
        Some("Hvem: Socialforvaltningen")
    );
    assert_eq!(row(&r, "Evaluering").who, None);
}

#[test]
fn timeline_states_are_relative_to_the_build_moment() {
    let s = site();
    let out = built(&s);
    let r = rows(&out.html(PLAN_PAGE));
    let states: Vec<(&str, Option<&str>, Option<&str>)> = r
        .iter()
        .map(|r| {
            (
                r.what.as_str(),
                r.state_class.as_deref(),
                r.label.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("Første høring", Some("tl-done"), Some("Afsluttet")),
            ("Planen sendes i høring", Some("tl-done"), Some("Afsluttet")),
            ("Byrådet vedtager", Some("tl-now"), Some("I gang nu")),
            ("Evaluering", Some("tl-upcoming"), Some("Kommende")),
            ("Opfølgning", Some("tl-undated"), Some("Uden fast dato")),
            ("Temamøde om planen", Some("tl-upcoming"), Some("Kommende")),
        ]
    );
    // The same sources built a year later: everything dated before has passed.
    let later = s.built_at("2024-01-15");
    let r = rows(&later.html(PLAN_PAGE));
    assert_eq!(
        row(&r, "Byrådet vedtager").label.as_deref(),
        Some("Afsluttet")
    );
    assert_eq!(row(&r, "Evaluering").label.as_deref(), Some("I gang nu"));
    assert_eq!(
        row(&r, "Temamøde om planen").label.as_deref(),
        Some("Kommende")
    );
}

#[test]
fn a_range_has_a_time_element_for_each_end() {
    let out = built(&site());
    let r = rows(&out.html(PLAN_PAGE));
    let first = row(&r, "Første høring");
    assert_eq!(first.when, "22. maj – 20. juni 2008");
    assert_eq!(first.datetimes, ["2008-05-22", "2008-06-20"]);
    // A fuzzy date keeps its wording and still gives both ends of its interval.
    let fuzzy = row(&r, "Evaluering");
    assert_eq!(fuzzy.when, "primo 2024");
    assert_eq!(fuzzy.datetimes, ["2024-01-01", "2024-02-29"]);
    let timed = row(&r, "Temamøde om planen");
    assert_eq!(timed.when, "1. september 2024 kl. 10.00");
    assert_eq!(timed.datetimes, ["2024-09-01T10:00"]);
}

#[test]
fn an_undated_row_shows_its_text_in_its_place_without_a_time() {
    let out = built(&site());
    let p = out.html(PLAN_PAGE);
    let r = rows(&p);
    let undated = row(&r, "Opfølgning");
    assert_eq!(undated.when, "efter behov");
    assert!(undated.datetimes.is_empty(), "{undated:?}");
    // In its place: between the rows around it in the source.
    let order: Vec<&str> = r.iter().map(|r| r.what.as_str()).collect();
    let at = order.iter().position(|w| *w == "Opfølgning").unwrap();
    assert_eq!(order[at - 1], "Evaluering");
    assert_eq!(order[at + 1], "Temamøde om planen");
    // And it has no bar on the time axis.
    assert!(
        !p.texts(".band .band-label")
            .contains(&"Opfølgning".to_string())
    );
}

#[test]
fn a_row_without_a_year_takes_the_year_before_and_check_warns_naming_it() {
    let s = site();
    let c = check_at(&s, NOW);
    c.assert_ok();
    let warnings: Vec<&str> = c
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: ") && l.contains("December"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", c.stderr);
    let w = warnings[0];
    assert!(w.contains(&format!("{PLAN_FILE}:12")), "{w}");
    assert!(w.contains("timeline[2].when"), "{w}");
    assert!(w.contains("2023"), "{w}");

    let out = built(&s);
    let yearless = rows(&out.html(PLAN_PAGE))
        .into_iter()
        .find(|r| r.what == "Byrådet vedtager")
        .unwrap();
    assert_eq!(yearless.when, "december 2023");
    assert_eq!(yearless.datetimes, ["2023-12"]);
    let json = out.json("api/plans/tidsplan.json");
    assert_eq!(json["timeline"][2]["when"]["start"], "2023-12-01");
    assert_eq!(json["timeline"][2]["when"]["end"], "2023-12-31");
    assert_eq!(json["timeline"][2]["when"]["text"], "December");
}

#[test]
fn a_text_that_is_not_a_date_is_an_error_listing_the_accepted_forms() {
    let s = site();
    s.write(
        "content/planer/snart.md",
        b"---\ntype: plan\ntitle: Snart\ntimeline:\n  - when: 2023-01-01\n    what: Start\n  - when: snart\n    what: Noget\n---\n\nTekst.\n",
    );
    let c = check_at(&s, NOW);
    c.assert_failed();
    let e = c.error_about("snart");
    assert!(e.contains("content/planer/snart.md:7"), "{e}");
    assert!(e.contains("timeline[1].when"), "{e}");
    for form in [
        "12. september 2023",
        "uge 15 2023",
        "2. kvartal 2023",
        "løbende",
    ] {
        assert!(c.stderr.contains(form), "no {form:?} in\n{}", c.stderr);
    }
    // The build refuses too and writes nothing.
    let b = build_at(&s, NOW);
    b.assert_failed();
    assert!(!s.out().join("index.html").exists());
}

#[test]
fn the_band_view_has_a_today_marker_only_inside_the_span() {
    let s = site();
    let out = built(&s);
    let p = out.html(PLAN_PAGE);
    assert_eq!(p.texts(".band .band-today-label"), ["I dag"]);
    // One bar per dated row, each coloured by its state.
    assert_eq!(p.count(".band .band-bar"), 5);
    assert_eq!(p.count(".band .band-bar.bar-done"), 2);
    assert_eq!(p.count(".band .band-bar.bar-now"), 1);
    assert_eq!(p.count(".band .band-bar.bar-upcoming"), 2);
    // The marker sits between the axis ends, inside the last year (2023 → 2024).
    let pct = |style: &str, side: &str| -> f64 {
        style
            .trim_start_matches(side)
            .trim()
            .trim_end_matches(['%', ';'])
            .parse()
            .unwrap_or_else(|_| panic!("{style}"))
    };
    let line = p.attr(".band .band-now", "style");
    let left = pct(&line, "left:");
    assert!(left > 85.0 && left < 100.0, "{line}");
    // Its label, in a row of its own, ends at the line when the line is in the right
    // half, so it never runs out of the chart.
    assert_eq!(
        p.attr(".band .band-today-label", "class"),
        "band-today-label flip"
    );
    let right = pct(&p.attr(".band .band-today-label", "style"), "right:");
    assert!((left + right - 100.0).abs() < 0.01, "{left} + {right}");
    assert_eq!(p.count(".band .band-today-row .band-tick"), 0);

    // Built long after the last entry, the band has no "today" in it.
    let after = s.built_at("2030-01-01");
    let p = after.html(PLAN_PAGE);
    assert_eq!(p.count(".band .band-bar"), 5);
    assert_eq!(p.count(".band .band-today-label"), 0);
    assert_eq!(p.count(".band .band-now"), 0);
}

#[test]
fn tracks_are_tables_with_what_when_who_and_level() {
    let out = built(&site());
    let p = out.html(PLAN_PAGE);
    assert_eq!(p.texts("section.tracks table caption"), ["Spor A"]);
    let heads = p.texts("section.tracks thead th[scope=col]");
    assert_eq!(heads[..4], ["Hvad", "Hvornår", "Hvem", "Niveau"]);
    assert_eq!(
        p.texts("section.tracks tbody th[scope=row]"),
        ["Kortlægning", "Lokal opfølgning"]
    );
    let table =
        p.0.select(&sel("section.tracks tbody tr"))
            .collect::<Vec<_>>();
    let cells: Vec<Vec<String>> = table
        .iter()
        .map(|tr| tr.select(&sel("td")).map(text_of).collect())
        .collect();
    assert_eq!(
        cells[0][..3],
        ["2. kvartal 2023", "Forvaltningen", "Centralt"]
    );
    assert_eq!(cells[1][..3], ["2025", "Centrene", "Lokalt"]);
    let datetimes: Vec<&str> = table[0]
        .select(&sel("td time"))
        .filter_map(|t| t.value().attr("datetime"))
        .collect();
    assert_eq!(datetimes, ["2023-04-01", "2023-06-30"]);
    assert!(cells[0][3].contains("Afsluttet"), "{cells:?}");
    assert!(cells[1][3].contains("Kommende"), "{cells:?}");
}

// ---------------------------------------------------------------- calendar page

#[test]
fn the_calendar_page_lists_what_is_coming_soonest_first_and_the_past_by_month() {
    let out = built(&site());
    let p = out.html("kalender/index.html");
    let coming = p.texts("section[aria-labelledby=h-coming] .cal-what");
    assert_eq!(coming.len(), 6, "{coming:?}");
    assert_eq!(coming[0], "I gang nu Byrådet vedtager");
    assert_eq!(coming[1], "Evaluering");
    assert!(
        coming[2].starts_with("Høring om tidsplanen (") && coming[2].contains("åbner"),
        "{coming:?}"
    );
    assert_eq!(coming[3], "Borgermøde om tidsplanen");
    assert_eq!(coming[4], "Høring om tidsplanen (høringsfrist)");
    assert_eq!(coming[5], "Temamøde om planen");
    let past =
        p.0.select(&sel("section[aria-labelledby=h-past]"))
            .next()
            .expect("a past section");
    let months: Vec<String> = past.select(&sel("h3")).map(text_of).collect();
    assert_eq!(months, ["marts 2023", "maj 2008"]);
    let past_items: Vec<String> = past.select(&sel(".cal-what")).map(text_of).collect();
    assert_eq!(past_items, ["Planen sendes i høring", "Første høring"]);
    // Every entry links its page.
    let docs = p.links(".cal-doc");
    assert!(
        docs.iter()
            .any(|(t, h)| t.contains("Høring om tidsplanen")
                && h.contains("hoeringer/hoering-tidsplan")),
        "{docs:?}"
    );
}

/// A past row dated by a season or a quarter is listed under that period, among the
/// months by its last day, not under its first month as if it happened then.
#[test]
fn a_past_season_row_is_listed_under_its_season_not_its_first_month() {
    let plan = r#"---
type: plan
title: Sæsonplan
summary: Rækker med lange perioder.
timeline:
  - when: 2008-06-10
    what: Første møde
  - when: sommer 2008
    what: Sommerens arbejde
  - when: 3. kvartal 2008
    what: Kvartalets opfølgning
  - when: 2008-08-20
    what: Augustmødet
---
"#;
    let out = Site::new()
        .file("content/planer/saeson.md", plan)
        .built_at("2009-01-10");
    let p = out.html("kalender/index.html");
    let past =
        p.0.select(&sel("section[aria-labelledby=h-past]"))
            .next()
            .expect("a past section");
    let heads: Vec<String> = past.select(&sel("h3")).map(text_of).collect();
    assert_eq!(
        heads,
        ["3. kvartal 2008", "sommer 2008", "august 2008", "juni 2008"],
        "{heads:?}"
    );
    let items: Vec<String> = past.select(&sel(".cal-what")).map(text_of).collect();
    assert_eq!(
        items,
        [
            "Kvartalets opfølgning",
            "Sommerens arbejde",
            "Augustmødet",
            "Første møde"
        ]
    );
}

// ---------------------------------------------------------------- iCalendar

/// A parsed VEVENT: property name → (parameters, value).
type Event = BTreeMap<String, (Vec<(String, Vec<String>)>, String)>;

#[track_caller]
fn ics(out: &Out, rel: &str) -> Vec<Event> {
    let text = out.read(rel);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{rel}: {text}");
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .unwrap_or_else(|| panic!("{rel}: no calendar"))
        .unwrap_or_else(|e| panic!("{rel} does not parse: {e}"));
    assert!(parser.next().is_none(), "{rel}: more than one calendar");
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    (
                        p.name,
                        (p.params.unwrap_or_default(), p.value.unwrap_or_default()),
                    )
                })
                .collect()
        })
        .collect()
}

#[track_caller]
fn event<'a>(events: &'a [Event], summary: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.get("SUMMARY").map(|s| s.1.as_str()) == Some(summary))
        .unwrap_or_else(|| panic!("no event {summary:?} in {events:#?}"))
}

fn param(e: &Event, prop: &str, name: &str) -> Option<String> {
    e.get(prop)?
        .0
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.join(","))
}

fn value<'a>(e: &'a Event, prop: &str) -> &'a str {
    e.get(prop).map(|p| p.1.as_str()).unwrap_or("")
}

#[test]
fn plan_hearing_and_site_calendars_parse_and_are_linked() {
    let out = built(&site());
    let plan = ics(&out, "planer/tidsplan/kalender.ics");
    // Every dated row, none for the undated one.
    let mut summaries: Vec<&str> = plan.iter().map(|e| value(e, "SUMMARY")).collect();
    summaries.sort();
    assert_eq!(
        summaries,
        [
            "Byrådet vedtager",
            "Evaluering",
            "Første høring",
            "Planen sendes i høring",
            "Temamøde om planen"
        ]
    );
    let hearing = ics(&out, "hoeringer/hoering-tidsplan/kalender.ics");
    let summaries: Vec<&str> = hearing.iter().map(|e| value(e, "SUMMARY")).collect();
    assert_eq!(summaries.len(), 3, "{summaries:?}");
    assert!(
        summaries.contains(&"Borgermøde om tidsplanen"),
        "{summaries:?}"
    );
    assert!(
        summaries.contains(&"Høring om tidsplanen (høringsfrist)"),
        "{summaries:?}"
    );
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("Høring om tidsplanen (") && s.contains("åbner")),
        "{summaries:?}"
    );
    // The site calendar holds a window around the build moment (one year back, two
    // ahead): everything but the 2008 row.
    let site = ics(&out, "kalender.ics");
    assert_eq!(site.len(), plan.len() + hearing.len() - 1);
    assert!(!site.iter().any(|e| value(e, "SUMMARY") == "Første høring"));
    // Each page links its calendar file.
    let p = out.html(PLAN_PAGE);
    assert_eq!(
        common::resolve(PLAN_PAGE, &p.attr(".ics-link a", "href")),
        "planer/tidsplan/kalender.ics"
    );
    let hp = "hoeringer/hoering-tidsplan/index.html";
    assert_eq!(
        common::resolve(hp, &out.html(hp).attr(".ics-link a", "href")),
        "hoeringer/hoering-tidsplan/kalender.ics"
    );
}

#[test]
fn fuzzy_dates_are_all_day_events_spanning_their_interval() {
    let out = built(&site());
    let plan = ics(&out, "planer/tidsplan/kalender.ics");
    let primo = event(&plan, "Evaluering");
    assert_eq!(value(primo, "DTSTART"), "20240101");
    assert_eq!(param(primo, "DTSTART", "VALUE").as_deref(), Some("DATE"));
    // DTEND of an all-day event is exclusive: the day after 29 February 2024.
    assert_eq!(value(primo, "DTEND"), "20240301");
    assert_eq!(param(primo, "DTEND", "VALUE").as_deref(), Some("DATE"));
    let range = event(&plan, "Første høring");
    assert_eq!(value(range, "DTSTART"), "20080522");
    assert_eq!(value(range, "DTEND"), "20080621");
    let day = event(&plan, "Planen sendes i høring");
    assert_eq!(value(day, "DTSTART"), "20230315");
    assert_eq!(value(day, "DTEND"), "20230316");
}

#[test]
fn timed_events_are_in_europe_copenhagen() {
    let out = built(&site());
    let plan = ics(&out, "planer/tidsplan/kalender.ics");
    let meeting = event(&plan, "Temamøde om planen");
    assert_eq!(value(meeting, "DTSTART"), "20240901T100000");
    assert_eq!(
        param(meeting, "DTSTART", "TZID").as_deref(),
        Some("Europe/Copenhagen")
    );
    let hearing = ics(&out, "hoeringer/hoering-tidsplan/kalender.ics");
    let m = event(&hearing, "Borgermøde om tidsplanen");
    assert_eq!(value(m, "DTSTART"), "20240210T190000");
    assert_eq!(
        param(m, "DTSTART", "TZID").as_deref(),
        Some("Europe/Copenhagen")
    );
    assert_eq!(value(m, "LOCATION"), "Rådhuset");
    let d = event(&hearing, "Høring om tidsplanen (høringsfrist)");
    assert_eq!(value(d, "DTSTART"), "20240301T120000");
    assert_eq!(
        param(d, "DTSTART", "TZID").as_deref(),
        Some("Europe/Copenhagen")
    );
    // The zone the events name is defined in the file.
    assert!(
        out.read("hoeringer/hoering-tidsplan/kalender.ics")
            .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n")
    );
}

#[test]
fn uids_are_stable_and_dtstamp_is_the_build_moment() {
    let s = site();
    let uids = |out: &Out| -> Vec<String> {
        // The plan's and the hearing's own calendars hold all their events (the site
        // calendar only a window around the build moment).
        let mut v: Vec<String> = [
            "planer/tidsplan/kalender.ics",
            "hoeringer/hoering-tidsplan/kalender.ics",
        ]
        .iter()
        .flat_map(|f| ics(out, f))
        .map(|e| value(&e, "UID").to_string())
        .collect();
        v.sort();
        v
    };
    let first = s.built_at(NOW);
    let a = uids(&first);
    assert_eq!(a.len(), 8);
    let mut unique = a.clone();
    unique.dedup();
    assert_eq!(unique.len(), a.len(), "UIDs repeat: {a:?}");
    for e in ics(&first, "kalender.ics") {
        // 2023-12-10 00:00 in Copenhagen.
        assert_eq!(value(&e, "DTSTAMP"), "20231209T230000Z");
    }
    let b = uids(&s.built_at("2024-05-05"));
    assert_eq!(a, b);
    for e in ics(&s.output(), "kalender.ics") {
        assert_eq!(value(&e, "DTSTAMP"), "20240504T220000Z");
    }

    // Without --now, SOURCE_DATE_EPOCH is the build moment, not the clock.
    let mut c = std::process::Command::new(common::bin());
    c.arg("build")
        .arg("--root")
        .arg(s.root())
        .arg("--out")
        .arg(s.out())
        .env("SOURCE_DATE_EPOCH", "1700000000");
    run(&mut c).assert_ok();
    let events = ics(&s.output(), "kalender.ics");
    assert_eq!(uids(&s.output()), a);
    for e in &events {
        assert_eq!(value(e, "DTSTAMP"), "20231114T221320Z");
    }
}

// ---------------------------------------------------------------- planpub date

#[test]
fn date_command_prints_start_end_precision_and_display() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(planpub()
        .current_dir(tmp.path())
        .args(["date", "ultimo april 2008"]));
    r.assert_ok();
    let fields: BTreeMap<&str, &str> = r
        .stdout
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    assert_eq!(fields.get("start"), Some(&"2008-04-21"), "{}", r.stdout);
    assert_eq!(fields.get("end"), Some(&"2008-04-30"), "{}", r.stdout);
    assert_eq!(
        fields.get("precision"),
        Some(&"part-of-month"),
        "{}",
        r.stdout
    );
    assert_eq!(
        fields.get("display"),
        Some(&"ultimo april 2008"),
        "{}",
        r.stdout
    );

    let range = run(planpub()
        .current_dir(tmp.path())
        .args(["date", "22. maj til 20. juni 2008"]));
    range.assert_ok();
    assert!(
        range.stdout.contains("22. maj – 20. juni 2008"),
        "{}",
        range.stdout
    );
}

#[test]
fn date_command_json_is_the_open_data_object() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(planpub().current_dir(tmp.path()).args([
        "date",
        "--format",
        "json",
        "ultimo april 2008",
    ]));
    r.assert_ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(
        v,
        serde_json::json!({
            "text": "ultimo april 2008",
            "start": "2008-04-21",
            "end": "2008-04-30",
            "precision": "part-of-month"
        })
    );
    // The same object as the plan's open data for that wording.
    let s = site();
    s.write(
        PLAN_FILE,
        PLAN.replace("when: primo 2024", "when: ultimo april 2008")
            .as_bytes(),
    );
    let out = s.built_at(NOW);
    let plan = out.json("api/plans/tidsplan.json");
    let row = plan["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["what"] == "Evaluering")
        .unwrap();
    assert_eq!(row["when"], v);
}

#[test]
fn date_command_rejects_a_non_date_with_the_error() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(planpub().current_dir(tmp.path()).args(["date", "snart"]));
    r.assert_failed();
    assert!(r.stdout.trim().is_empty(), "{}", r.stdout);
    assert!(r.stderr.contains("\"snart\""), "{}", r.stderr);
    assert!(r.stderr.contains("uge 15 2023"), "{}", r.stderr);
}

// ---------------------------------------------------------------- open data

#[test]
fn open_data_carries_text_start_end_and_precision_for_every_date() {
    let out = built(&site());
    let plan = out.json("api/plans/tidsplan.json");
    let tl = plan["timeline"].as_array().expect("timeline");
    assert_eq!(tl.len(), 6);
    let got: Vec<(String, serde_json::Value)> = tl
        .iter()
        .map(|r| (r["what"].as_str().unwrap().to_string(), r["when"].clone()))
        .collect();
    let want = [
        (
            "Første høring",
            Some((
                "22. maj til 20. juni 2008",
                "2008-05-22",
                "2008-06-20",
                "range",
            )),
        ),
        (
            "Planen sendes i høring",
            Some(("2023-03-15", "2023-03-15", "2023-03-15", "day")),
        ),
        (
            "Byrådet vedtager",
            Some(("December", "2023-12-01", "2023-12-31", "month")),
        ),
        (
            "Evaluering",
            Some(("primo 2024", "2024-01-01", "2024-02-29", "part-of-year")),
        ),
        ("Opfølgning", None),
        (
            "Temamøde om planen",
            Some(("2024-09-01 10:00", "2024-09-01", "2024-09-01", "day")),
        ),
    ];
    for ((what, when), (w, exp)) in got.iter().zip(want) {
        assert_eq!(what, w);
        match exp {
            Some((text, start, end, precision)) => {
                assert_eq!(when["text"], text, "{what}");
                assert_eq!(when["start"], start, "{what}");
                assert_eq!(when["end"], end, "{what}");
                assert_eq!(when["precision"], precision, "{what}");
            }
            None => assert!(when.is_null(), "{what}: {when}"),
        }
    }
    assert_eq!(tl[4]["undated"], "efter behov");
    let states: Vec<&str> = tl
        .iter()
        .map(|r| r["state"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(states, ["done", "done", "now", "upcoming", "-", "upcoming"]);
}

// ---------------------------------------------------------------- English

#[test]
fn an_english_site_shows_english_dates_and_labels() {
    let s = site();
    s.write(
        "site.yaml",
        common::SITE_YAML
            .replace("language: da", "language: en")
            .as_bytes(),
    );
    let out = built(&s);
    let p = out.html(PLAN_PAGE);
    let r = rows(&p);
    let first = row(&r, "Første høring");
    assert_eq!(first.when, "22 May – 20 June 2008");
    assert_eq!(first.datetimes, ["2008-05-22", "2008-06-20"]);
    assert_eq!(row(&r, "Evaluering").when, "early 2024");
    assert_eq!(row(&r, "Byrådet vedtager").when, "December 2023");
    let labels: Vec<Option<&str>> = r.iter().map(|r| r.label.as_deref()).collect();
    assert_eq!(
        labels,
        [
            Some("Done"),
            Some("Done"),
            Some("Happening now"),
            Some("Upcoming"),
            Some("No fixed date"),
            Some("Upcoming")
        ]
    );
    assert_eq!(p.texts(".band .band-today-label"), ["Today"]);
    for danish in ["Afsluttet", "I gang nu", "Kommende", "Hvem:"] {
        assert!(
            !p.body_text().contains(danish),
            "Danish {danish:?} on an English page"
        );
    }
}
