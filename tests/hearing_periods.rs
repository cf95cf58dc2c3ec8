//! A hearing's period is exact (issue 11): `opens` and `closes` each name one day, the
//! deadline of a day-only `closes` is the end of that day and the page says so, and no
//! output writes a moment finer than a millisecond.

mod common;

use common::{Out, Site, build_at, check_json, planpub, run};

fn hearing(opens: &str, closes: &str) -> String {
    format!(
        "---\ntype: hearing\ntitle: Høring om fristen\nopens: {opens}\ncloses: {closes}\nrespond: {{ email: svar@test.dk }}\ndocuments:\n  - title: Materiale\n    file: m.pdf\n---\n\nTekst.\n"
    )
}

fn site_with(opens: &str, closes: &str) -> Site {
    Site::new()
        .file("content/hoeringer/frist.md", &hearing(opens, closes))
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
}

const PAGE: &str = "hoeringer/frist/index.html";

#[test]
fn a_deadline_that_is_not_one_day_is_an_error_with_file_line_field_and_an_example() {
    for (closes, what, example) in [
        ("løbende", "ongoing", "closes: 2024-03-29 12:00"),
        (
            "fra 1. december 2026 og frem",
            "without a last day",
            "closes: 2024-03-29 12:00",
        ),
        (
            "senest 20. juni 2008",
            "without a first day",
            "closes: 2008-06-20 12:00",
        ),
        ("december 2026", "a month", "closes: 2026-12-31 12:00"),
        ("uge 26 2008", "a week", "closes: 2008-06-29 12:00"),
        ("sommer 2008", "a season", "closes: 2008-08-31 12:00"),
        ("1. halvår 2008", "a half-year", "closes: 2008-06-30 12:00"),
        (
            "ultimo juni 2008",
            "part of a month",
            "closes: 2008-06-30 12:00",
        ),
    ] {
        let site = site_with("2008-05-01", closes);
        let (ok, diags) = check_json(&site, "2008-06-01", &[]);
        assert!(!ok, "{closes}: {diags:?}");
        let d = diags
            .iter()
            .find(|d| d["field"] == "closes" && d["severity"] == "error")
            .unwrap_or_else(|| panic!("{closes}: no error on `closes`: {diags:?}"));
        assert_eq!(d["file"], "content/hoeringer/frist.md", "{closes}");
        assert_eq!(d["line"], 5, "{closes}");
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(what), "{closes}: {message}");
        assert!(message.contains("one exact day"), "{closes}: {message}");
        let help = d["help"].as_str().unwrap();
        assert!(help.contains(example), "{closes}: {help}");
        // Nothing is built over a good site.
        let r = build_at(&site, "2008-06-01", &[]);
        r.assert_failed();
        assert!(!site.out().exists(), "{closes}");
    }
    // `opens` is held to the same rule.
    let site = site_with("fra maj 2008", "2008-06-20");
    let (ok, diags) = check_json(&site, "2008-06-01", &[]);
    assert!(!ok);
    let d = diags.iter().find(|d| d["field"] == "opens").expect("opens");
    assert!(
        d["help"].as_str().unwrap().contains("opens: 2008-05-01"),
        "{d}"
    );
}

#[test]
fn closes_on_the_day_it_opens_or_before_is_an_error_that_says_so() {
    let (ok, diags) = check_json(&site_with("2008-06-20", "2008-06-20"), "2008-06-01", &[]);
    assert!(!ok);
    let d = &diags
        .iter()
        .find(|d| d["field"] == "closes")
        .expect("closes")["message"];
    assert!(
        d.as_str().unwrap().contains("closes on the day it opens"),
        "{d}"
    );
    let (ok, diags) = check_json(
        &site_with("2008-06-20", "2008-06-01 12:00"),
        "2008-06-01",
        &[],
    );
    assert!(!ok);
    let d = &diags
        .iter()
        .find(|d| d["field"] == "closes")
        .expect("closes")["message"];
    assert!(d.as_str().unwrap().contains("before it opens"), "{d}");
}

#[test]
fn a_day_only_deadline_ends_at_23_59_and_the_page_says_so() {
    let out = site_with("2008-05-22", "2008-06-20").built();
    let h = out.html(PAGE);
    assert_eq!(
        h.text(".banner-deadline"),
        "Høringsfrist: 20. juni 2008 kl. 23.59 (fristen udløber ved dagens slutning)"
    );
    assert_eq!(
        h.attr(".banner-deadline time", "datetime"),
        "2008-06-20T23:59:59+02:00"
    );
    assert_eq!(
        h.fact("dl.facts", "Høringsfrist"),
        "20. juni 2008 kl. 23.59 (fristen udløber ved dagens slutning)"
    );
    let json = out.json("api/hearings/frist.json");
    assert_eq!(json["closes"]["deadline"], "2008-06-20T23:59:59+02:00");
    assert_eq!(json["closes"]["precision"], "day");

    // A deadline with a time needs no note.
    let out = site_with("2008-05-22", "20. juni 2008 kl. 12.00").built();
    let h = out.html(PAGE);
    assert_eq!(
        h.text(".banner-deadline"),
        "Høringsfrist: 20. juni 2008 kl. 12.00"
    );
    assert_eq!(h.count(".deadline-note"), 0);
}

#[test]
fn the_end_of_day_note_is_translated() {
    let site = site_with("2008-05-22", "2008-06-20").file(
        "site.yaml",
        "title: Test plans\nlanguage: en\nbase_url: https://plans.test.dk/\n",
    );
    let h = site.built().html(PAGE);
    assert_eq!(
        h.text(".banner-deadline"),
        "Deadline: 20 June 2008, 23:59 (the deadline is the end of that day)"
    );
}

/// Every `datetime` attribute in the site's HTML, with the file it is in.
fn datetimes(out: &Out) -> Vec<(String, String)> {
    out.files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .flat_map(|f| {
            out.html(&f)
                .attrs("time", "datetime")
                .into_iter()
                .map(move |v| (f.clone(), v))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A valid HTML date or global date and time: at most three digits of a second.
fn valid_html_datetime(v: &str) -> bool {
    let Some((_, time)) = v.split_once('T') else {
        return true; // a date, month, year or week
    };
    match time.split_once('.') {
        None => true,
        Some((_, rest)) => {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            (1..=3).contains(&digits)
        }
    }
}

/// The longest run of digits after a `:SS.` in any text file of the output.
fn longest_fraction(out: &Out) -> usize {
    let mut longest = 0;
    for f in out.files() {
        let Ok(text) = std::fs::read_to_string(out.dir.join(&f)) else {
            continue;
        };
        let b = text.as_bytes();
        for i in 0..b.len().saturating_sub(4) {
            let seconds = b[i] == b':' && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit();
            if seconds && b[i + 3] == b'.' {
                let n = b[i + 4..].iter().take_while(|c| c.is_ascii_digit()).count();
                longest = longest.max(n);
            }
        }
    }
    longest
}

#[test]
fn a_moment_with_a_fraction_is_written_with_at_most_milliseconds() {
    let site = site_with("2008-05-22", "2008-06-20");
    build_at(&site, "2008-06-01T10:00:00.123456789+02:00", &[]).assert_ok();
    let out = site.output();
    let all = datetimes(&out);
    assert!(!all.is_empty());
    for (f, v) in &all {
        assert!(valid_html_datetime(v), "{f}: datetime=\"{v}\"");
    }
    assert!(
        all.iter()
            .any(|(_, v)| v == "2008-06-01T10:00:00.123+02:00"),
        "the build moment keeps its milliseconds: {all:?}"
    );
    let next = out.json("api/next-change.json");
    assert_eq!(next["built_as_of"], "2008-06-01T10:00:00.123+02:00");
    assert!(longest_fraction(&out) <= 3);
}

#[test]
fn a_build_by_the_clock_writes_no_fraction_of_a_second() {
    let site = site_with("2008-05-22", "2008-06-20");
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out());
    run(&mut c).assert_ok();
    let out = site.output();
    for (f, v) in datetimes(&out) {
        assert!(valid_html_datetime(&v), "{f}: datetime=\"{v}\"");
    }
    assert_eq!(longest_fraction(&out), 0);
    let built = out.json("api/next-change.json")["built_as_of"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        chrono::DateTime::parse_from_rfc3339(&built).is_ok(),
        "{built}"
    );
    assert!(!built.contains('.'), "{built}");
}

#[test]
fn a_snapshots_bag_info_keeps_at_most_milliseconds() {
    let site = site_with("2008-05-22", "2008-06-20");
    let dest = site.tmp().join("arkiv");
    let mut c = planpub();
    c.arg("snapshot")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(&dest)
        .args(["--now", "2008-06-01T10:00:00.987654+02:00"]);
    run(&mut c).assert_ok();
    let bag = std::fs::read_dir(&dest)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("a bag folder");
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(
        info.contains("Planpub-Built-As-Of: 2008-06-01T10:00:00.987+02:00"),
        "{info}"
    );
    assert!(!info.contains("987654"), "{info}");
}
