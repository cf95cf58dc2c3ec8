//! The public corpus of real date wordings (`tests/date_corpus.tsv`): every entry must
//! resolve to the interval, precision and role a person reads, or be refused.

mod common;

use planpub::model::dates::{DateConventions, DateError, FuzzyDate, ParseContext};

struct Entry<'a> {
    line: usize,
    kind: &'a str,
    text: &'a str,
    year: Option<i32>,
    start: &'a str,
    end: &'a str,
    precision: &'a str,
    role: &'a str,
    url: &'a str,
}

fn entries(tsv: &str) -> Vec<Entry<'_>> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                8,
                "line {}: expected 8 tab-separated fields",
                i + 1
            );
            Entry {
                line: i + 1,
                kind: f[0],
                text: f[1],
                year: (f[2] != "-").then(|| f[2].parse().expect("year")),
                start: f[3],
                end: f[4],
                precision: f[5],
                role: f[6],
                url: f[7],
            }
        })
        .collect()
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn corpus() {
    let tsv = include_str!("date_corpus.tsv");
    let conv = DateConventions::default();
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut failures = Vec::new();
    for e in entries(tsv) {
        assert!(
            e.url.starts_with("http"),
            "line {}: no source address",
            e.line
        );
        let ctx = ParseContext {
            conventions: &conv,
            default_year: e.year,
        };
        let got = FuzzyDate::parse(e.text, &ctx);
        let ok = match (&got, e.start) {
            // An ambiguous text is refused with both readings named.
            (Err(DateError::Ambiguous { readings, .. }), "refused") => {
                e.kind == "ambiguous" && readings.len() == 2
            }
            (Err(_), "refused") => e.kind == "nondate",
            (Ok(d), s) if s != "refused" => {
                day(d.start()) == e.start
                    && day(d.end()) == e.end
                    && d.precision().as_str() == e.precision
                    && d.role().as_str() == e.role
                    // A clean phrase skips nothing (it may carry a note, such as a two-digit
                    // year read in full); a wrapped wording says what it skipped or noted.
                    && if e.kind == "clean" { d.ignored().is_empty() } else { !d.is_clean() }
            }
            _ => false,
        };
        let c = by_kind.entry(e.kind).or_default();
        c.1 += 1;
        if ok {
            c.0 += 1;
        } else {
            let got = match got {
                Ok(d) => format!(
                    "{} – {} ({}, {}, clean: {}, {:?})",
                    day(d.start()),
                    day(d.end()),
                    d.precision().as_str(),
                    d.role().as_str(),
                    d.is_clean(),
                    d.reading(planpub::model::dates::Lang::Da)
                ),
                Err(e) => format!("refused: {}", e.to_string().lines().next().unwrap_or("")),
            };
            failures.push(format!(
                "line {}: {:?} got {got}, want {} – {} ({}, {}, {})",
                e.line, e.text, e.start, e.end, e.precision, e.role, e.kind
            ));
        }
    }
    for (k, (ok, n)) in &by_kind {
        eprintln!("{k}: {ok}/{n} ({:.1} %)", 100.0 * *ok as f64 / *n as f64);
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `planpub date` says what it skipped and how it read the rest, in text and JSON.
#[test]
fn date_command_shows_what_it_ignored() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_planpub"))
            .current_dir(tmp.path())
            .env("PLANPUB_LANG", "en")
            .arg("date")
            .args(args)
            .output()
            .expect("planpub runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let text = run(&["Høringsfrist: 3. maj 2024 kl. 12.00 (forventet)"]);
    for line in [
        "end:       2024-05-03",
        "role:      deadline",
        "ignored:   \"Høringsfrist:\"",
        "ignored:   \"(forventet)\"",
        "note:      \"forventet\": the date is expected, not fixed",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} missing in:\n{text}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--format", "json", "Opdateret: 04-03-2024 09:15"]))
            .expect("JSON");
    assert_eq!(json["ignored"], serde_json::json!(["Opdateret:"]));
    assert_eq!(json["text"], "Opdateret: 04-03-2024 09:15");
    assert_eq!(json["start_time"], "09:15");
}

/// `check` warns, with the reading, for every date field that was not a clean date
/// phrase, and stays quiet for clean ones.
#[test]
fn check_warns_with_the_reading() {
    let site = common::Site::new();
    site.write(
        "content/planer/tidsplan.md",
        "---\ntype: plan\ntitle: Tidsplan\nupdated: \"Opdateret: 4. marts 2024\"\ntimeline:\n  - when: 22. maj til 20. juni 2008\n    what: Høring\n  - when: \"Høringsfrist: 3. maj 2024 kl. 12.00\"\n    what: Frist\n  - when: Maj 2024 – forventet\n    what: Vedtagelse\n---\n\nTekst.\n"
            .as_bytes(),
    );
    let r = common::check_at(&site, "2024-01-01");
    let all = format!("{}{}", r.stdout, r.stderr);
    for want in [
        "`updated`: \"Opdateret: 4. marts 2024\": read as 4. marts 2024; ignored \"Opdateret:\"",
        "\"Høringsfrist: 3. maj 2024 kl. 12.00\": read as senest 3. maj 2024 kl. 12.00 (a deadline); ignored \"Høringsfrist:\"",
        "\"Maj 2024 – forventet\": read as maj 2024; ignored \"– forventet\"; \"forventet\": the date is expected, not fixed",
    ] {
        assert!(all.contains(want), "{want:?} missing in:\n{all}");
    }
    assert_eq!(all.matches("read as").count(), 3, "{all}");
}
