//! A decision exists only once its meeting has begun, and withdrawing a recorded one is
//! a documented act (issue 11). Every output is read as a reader sees it: parsed HTML,
//! JSON, iCalendar; the decision ledger is read as JSON.

mod common;

use common::{Out, Site, build_at, check_json, ics_events, planpub, run};

const PLAN: &str = "---
type: plan
title: Hovedplan for ældreområdet
timeline:
  - when: 2008-05-22 – 2008-06-20
    what: Planen sendes i høring
    kind: hearing
    hearing: hoering-hovedplan
  - when: 2008-08-27
    what: Socialudvalget vedtager planen
    kind: decision
    decision: beslutning-hovedplan
---

Planens tekst.
";

const HEARING: &str = "---
type: hearing
title: Høring over hovedplanen
plan: hovedplan
opens: 2008-05-22
closes: 2008-06-20 12:00
respond: { email: svar@test.dk }
documents:
  - { title: Materiale, file: materiale.pdf }
decision: beslutning-hovedplan
---

Sig din mening.
";

const DECISION: &str = "---
type: decision
title: Vedtagelse af hovedplanen
summary: Udvalget GODKENDTEMARKØR hovedplanen.
body: Socialudvalget
meeting: 2008-08-27
item: 7
attachments:
  - { title: Bilag BILAGSMARKØR, file: bilag.pdf }
recommendations:
  - text: At hovedplanen INDSTILLINGSMARKØR godkendes
    outcome: approved
    remark: BEMÆRKNINGSMARKØR
absent: [ FRAVÆRSMARKØR ]
plans: [ hovedplan ]
---

SAGSFREMSTILLINGSMARKØR om planen.
";

const DECISION_FILE: &str = "content/beslutninger/beslutning-hovedplan.md";
const DECISION_PAGE: &str = "beslutninger/socialudvalget/2008-08-27/7/index.html";
const DECISION_URL: &str = "https://planer.test.dk/beslutninger/socialudvalget/2008-08-27/7/";
const HEARING_PAGE: &str = "hoeringer/hoering-hovedplan/index.html";
const PLAN_PAGE: &str = "planer/hovedplan/index.html";

fn site() -> Site {
    site_with(DECISION)
}

fn site_with(decision: &str) -> Site {
    Site::new()
        .file("content/planer/hovedplan.md", PLAN)
        .file("content/hoeringer/hoering-hovedplan.md", HEARING)
        .bytes("content/hoeringer/materiale.pdf", b"%PDF-1.4\n")
        .file(DECISION_FILE, decision)
        .bytes("content/beslutninger/bilag.pdf", b"%PDF-1.4 bilag\n")
}

/// `DECISION` with its `body:` line replaced by `lines`.
fn with_committee_as(lines: &str) -> String {
    let renamed = DECISION.replace("\nbody: Socialudvalget\n", &format!("\n{lines}"));
    assert_ne!(
        renamed, DECISION,
        "the fixture's `body:` line was not found"
    );
    renamed
}

/// The HTML pages of the site whose text contains `needle`.
fn pages_saying(out: &Out, needle: &str) -> Vec<String> {
    out.files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .filter(|f| out.html(f).body_text().contains(needle))
        .collect()
}

fn ledger(site: &Site) -> serde_json::Value {
    match std::fs::read_to_string(site.root().join("decision-ledger.json")) {
        Ok(t) => serde_json::from_str(&t).expect("the ledger is JSON"),
        Err(_) => serde_json::json!({ "decisions": {} }),
    }
}

fn recorded(site: &Site) -> Option<serde_json::Value> {
    let l = ledger(site);
    let v = &l["decisions"]["beslutninger/socialudvalget/2008-08-27/7/"];
    (!v.is_null()).then(|| v.clone())
}

#[test]
fn before_its_meeting_a_decision_is_an_agenda_item_in_every_output() {
    let s = site();
    let out = s.built_at("2008-06-01");
    // Nothing decided exists anywhere: not the outcome, remark, absent list or summary.
    for secret in [
        "BEMÆRKNINGSMARKØR",
        "FRAVÆRSMARKØR",
        "GODKENDTEMARKØR",
        "\"approved\"",
    ] {
        // The published JSON Schemas name every outcome a decision can have.
        let leaked: Vec<String> = out
            .files_containing(secret)
            .into_iter()
            .filter(|f| !f.starts_with("api/schema/"))
            .collect();
        assert!(leaked.is_empty(), "{secret} leaked into {leaked:?}");
    }
    for word in [
        "Godkendt",
        "Det blev besluttet",
        "Se beslutningen",
        "Seneste beslutninger",
    ] {
        assert!(
            pages_saying(&out, word).is_empty(),
            "{word}: {:?}",
            pages_saying(&out, word)
        );
    }

    // The decision's page is the agenda item: title, meeting, recommendation, case text.
    let d = out.html(DECISION_PAGE);
    assert_eq!(d.text("h1"), "Vedtagelse af hovedplanen");
    assert!(
        d.text(".doc-kind").starts_with("Dagsordenspunkt"),
        "{}",
        d.text(".doc-kind")
    );
    assert_eq!(
        d.text("#h-agenda"),
        "Dagsordenspunkt – mødet holdes 27. august 2008"
    );
    assert_eq!(d.count(".rec-outcome, .outcome-label"), 0);
    assert_eq!(
        d.texts("section.recommendations li"),
        ["At hovedplanen INDSTILLINGSMARKØR godkendes"]
    );
    assert!(d.text(".prose").contains("SAGSFREMSTILLINGSMARKØR"));

    // The hearing and the plan say the matter is coming, not that it was decided.
    let h = out.html(HEARING_PAGE);
    assert_eq!(h.text("#h-decision"), "Den videre behandling");
    assert_eq!(
        h.text("section.followed li"),
        "Vedtagelse af hovedplanen – sagen behandles på mødet 27. august 2008"
    );
    let p = out.html(PLAN_PAGE);
    assert!(
        p.texts(".tl-link")
            .contains(&"Se dagsordenspunktet: Vedtagelse af hovedplanen".to_string()),
        "{:?}",
        p.texts(".tl-link")
    );
    let meeting = out.html("beslutninger/socialudvalget/2008-08-27/index.html");
    assert_eq!(
        meeting.texts("ol.meeting-items li"),
        ["Vedtagelse af hovedplanen Dagsordenspunkt"]
    );
    assert_eq!(out.html("index.html").count("#h-latest"), 0);

    let json = out.json("api/decisions/beslutning-hovedplan.json");
    assert_eq!(json["state"], "agenda");
    assert_eq!(
        json["recommendations"][0]["outcome"],
        serde_json::Value::Null
    );
    assert_eq!(
        json["recommendations"][0]["remark"],
        serde_json::Value::Null
    );
    assert_eq!(json["absent"], serde_json::json!([]));
    assert_eq!(json["summary"], serde_json::Value::Null);
    // The meeting itself is in the calendar.
    let events = ics_events(&out, "kalender.ics");
    assert!(
        events
            .iter()
            .any(|e| e["SUMMARY"] == "Socialudvalget: Vedtagelse af hovedplanen"),
        "{events:?}"
    );
    // The ledger records nothing and locks nothing.
    assert_eq!(recorded(&s), None);
}

#[test]
fn outcomes_written_in_advance_are_held_back_with_a_warning_and_scheduled() {
    let s = site();
    let (ok, diags) = check_json(&s, "2008-06-01", &[]);
    assert!(ok, "{diags:?}");
    let d = diags
        .iter()
        .find(|d| d["field"] == "recommendations[0].outcome")
        .unwrap_or_else(|| panic!("no warning on the outcome: {diags:?}"));
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["file"], DECISION_FILE);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("held back until the meeting on 2008-08-27"),
        "{d}"
    );
    let r = run(planpub()
        .arg("schedule")
        .arg("--root")
        .arg(s.root())
        .args(["--now", "2008-06-01"]));
    r.assert_ok();
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("2008-08-27T00:00:00+02:00")
                && l.contains("\"Vedtagelse af hovedplanen\" begins")),
        "{}",
        r.stdout
    );
}

#[test]
fn from_the_meeting_day_the_decision_is_published_and_recorded() {
    let s = site();
    let out = s.built_at("2008-08-27");
    let d = out.html(DECISION_PAGE);
    assert_eq!(d.count("#h-agenda"), 0);
    assert_eq!(
        d.texts("ol.rec-list .rec-outcome"),
        ["Beslutning: Godkendt BEMÆRKNINGSMARKØR"]
    );
    assert_eq!(d.text("p.absent"), "Fraværende: FRAVÆRSMARKØR");
    assert_eq!(d.text("p.lead"), "Udvalget GODKENDTEMARKØR hovedplanen.");
    let h = out.html(HEARING_PAGE);
    assert_eq!(h.text("#h-decision"), "Det blev besluttet");
    let p = out.html(PLAN_PAGE);
    assert!(
        p.texts(".tl-link")
            .iter()
            .any(|t| t.starts_with("Se beslutningen"))
    );
    assert_eq!(
        out.html("index.html").text("#h-latest"),
        "Seneste beslutninger"
    );
    assert_eq!(
        out.json("api/decisions/beslutning-hovedplan.json")["state"],
        "decided"
    );
    let entry = recorded(&s).expect("recorded once its meeting has begun");
    assert_eq!(entry["file"], DECISION_FILE);
    assert_eq!(entry["recorded"], "2008-08-27");
}

#[test]
fn an_english_site_names_the_agenda_item_in_english() {
    let s = site().file(
        "site.yaml",
        "title: Test plans\nlanguage: en\nbase_url: https://planer.test.dk/\n",
    );
    let out = s.built_at("2008-06-01");
    assert_eq!(
        out.html(DECISION_PAGE).text("#h-agenda"),
        "Agenda item – the meeting is held on 27 August 2008"
    );
    assert_eq!(
        out.html(HEARING_PAGE).text("#h-decision"),
        "What happens next"
    );
}

const WITHDRAWN: &str =
    "withdrawn:\n  date: 2008-09-10\n  reason: Punktet blev offentliggjort ved en fejl.\n";

fn with_withdrawal(text: &str) -> String {
    text.replacen(
        "plans: [ hovedplan ]\n",
        &format!("plans: [ hovedplan ]\n{text_w}", text_w = WITHDRAWN),
        1,
    )
}

#[test]
fn a_withdrawn_decision_keeps_only_its_notice_and_the_ledger_records_it() {
    let s = site();
    s.built_at("2008-09-01");
    assert!(recorded(&s).is_some());
    s.write(DECISION_FILE, with_withdrawal(DECISION).as_bytes());
    let out = s.built_at("2008-09-15");

    let d = out.html(DECISION_PAGE);
    assert_eq!(
        d.text("p.withdrawn-note"),
        "Trukket tilbage Punktet er trukket tilbage den 10. september 2008, begrundelse: Punktet blev offentliggjort ved en fejl."
    );
    assert_eq!(d.count("section"), 0, "nothing but the notice");
    for secret in [
        "SAGSFREMSTILLINGSMARKØR",
        "INDSTILLINGSMARKØR",
        "BEMÆRKNINGSMARKØR",
        "FRAVÆRSMARKØR",
        "GODKENDTEMARKØR",
        "BILAGSMARKØR",
    ] {
        assert!(
            out.files_containing(secret).is_empty(),
            "{secret} is still in {:?}",
            out.files_containing(secret)
        );
    }
    assert!(!out.exists("beslutninger/socialudvalget/2008-08-27/7/bilag.pdf"));
    // Nothing links to it any more, and it has left the calendar.
    assert_eq!(out.html(HEARING_PAGE).count("section.followed"), 0);
    assert!(
        !out.html(PLAN_PAGE)
            .links("a")
            .iter()
            .any(|(_, h)| h.contains("2008-08-27/7")),
    );
    assert!(
        ics_events(&out, "kalender.ics")
            .iter()
            .all(|e| e.get("URL").map(String::as_str) != Some(DECISION_URL))
    );
    let json = out.json("api/decisions/beslutning-hovedplan.json");
    assert_eq!(json["state"], "withdrawn");
    assert_eq!(json["withdrawn"]["date"]["start"], "2008-09-10");
    assert_eq!(
        json["withdrawn"]["reason"],
        "Punktet blev offentliggjort ved en fejl."
    );
    assert_eq!(json["recommendations"], serde_json::json!([]));

    let entry = recorded(&s).expect("still recorded");
    assert_eq!(entry["recorded"], "2008-09-01");
    assert_eq!(entry["withdrawn"]["date"], "2008-09-10");
    assert_eq!(
        entry["withdrawn"]["reason"],
        "Punktet blev offentliggjort ved en fejl."
    );
    assert_eq!(entry["withdrawn"]["recorded"], "2008-09-15");

    // The rest of a withdrawn item may still be edited (nothing of it is published) …
    s.write(
        DECISION_FILE,
        with_withdrawal(&DECISION.replace("SAGSFREMSTILLINGSMARKØR", "Fjernet.")).as_bytes(),
    );
    build_at(&s, "2008-09-16", &[]).assert_ok();
    // … but the withdrawal itself cannot change, nor be undone.
    s.write(
        DECISION_FILE,
        with_withdrawal(DECISION)
            .replace("ved en fejl", "for tidligt")
            .as_bytes(),
    );
    let r = build_at(&s, "2008-09-16", &[]);
    r.assert_failed();
    assert!(
        r.error_about("field `withdrawn`")
            .contains("a recorded withdrawal cannot change"),
        "{}",
        r.stderr
    );
    s.write(DECISION_FILE, DECISION.as_bytes());
    let r = build_at(&s, "2008-09-16", &[]);
    r.assert_failed();
    assert!(
        r.error_about("field `withdrawn`")
            .contains("cannot be undone"),
        "{}",
        r.stderr
    );
}

#[test]
fn deleting_a_recorded_decision_is_an_error_that_explains_withdrawn() {
    let s = site();
    s.built_at("2008-09-01");
    std::fs::remove_file(s.root().join(DECISION_FILE)).unwrap();
    // Also drop the references, so only the ledger speaks.
    s.write(
        "content/planer/hovedplan.md",
        PLAN.replace("    decision: beslutning-hovedplan\n", "")
            .as_bytes(),
    );
    s.write(
        "content/hoeringer/hoering-hovedplan.md",
        HEARING
            .replace("decision: beslutning-hovedplan\n", "")
            .as_bytes(),
    );
    let r = build_at(&s, "2008-09-02", &[]);
    r.assert_failed();
    let line = r.error_about("is no longer on the site");
    assert!(line.contains(DECISION_FILE), "{line}");
    assert!(r.stderr.contains("withdrawn:"), "{}", r.stderr);
    assert!(r.stderr.contains("reason:"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("decision-ledger.json deliberately"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_examples_of_a_new_site_can_be_deleted_after_a_build() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ny");
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", "1212321600")
        .arg("init")
        .arg(&dir);
    run(&mut c).assert_ok();
    let build = |now: &str| {
        let mut c = planpub();
        c.arg("build")
            .arg("--root")
            .arg(&dir)
            .arg("--out")
            .arg(tmp.path().join("public"))
            .args(["--now", now]);
        run(&mut c)
    };
    build("2008-06-01T14:00").assert_ok();
    // The example decision is an agenda item: not recorded, so not locked.
    let ledger = std::fs::read_to_string(dir.join("decision-ledger.json")).unwrap_or_default();
    assert!(!ledger.contains("eksempel-beslutning"), "{ledger}");
    for f in [
        "content/planer/eksempel-plan.md",
        "content/hoeringer/eksempel-hoering.md",
        "content/beslutninger/eksempel-beslutning.md",
    ] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    build("2008-06-02").assert_ok();
}

// ---------------------------------------------------------------- the committee's two names

/// Errors that only say the decision could not be read (the plan and hearing link to it).
#[track_caller]
fn only_follow_ons(lines: &[&str]) {
    assert_eq!(lines.len(), 2, "{lines:#?}");
    for l in lines {
        assert!(
            l.contains("because content/beslutninger/beslutning-hovedplan.md has errors"),
            "{l}"
        );
    }
}

#[test]
fn a_committee_written_as_committee_builds_the_same_files_as_body() {
    // `committee:` is what the browser editor writes; `body:` the contract's first name.
    let committee = site_with(&with_committee_as("committee: Socialudvalget\n"));
    let body = site();
    // Before the meeting (an agenda item), on its day and after (a recorded decision).
    for now in ["2008-06-01T14:00", "2008-08-27T18:00", "2008-09-15"] {
        let a = common::snapshot(&committee.built_at(now).dir);
        let b = common::snapshot(&body.built_at(now).dir);
        assert!(a.len() > 10, "{now}: {:?}", a.keys());
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            b.keys().collect::<Vec<_>>(),
            "{now}: the same files"
        );
        for (file, bytes) in &a {
            assert!(bytes == &b[file], "{now}: {file} differs");
        }
        assert!(a.contains_key(DECISION_PAGE) || now < "2008-08-27", "{now}");
    }
    // The committee gives the permanent address either way.
    let page = committee.output().read(DECISION_PAGE);
    assert!(page.contains("Socialudvalget"), "{page}");
}

#[test]
fn the_committee_under_both_names_is_an_error_at_the_second_with_what_to_do() {
    let both = site_with(&with_committee_as(
        "committee: Socialudvalget\nbody: Socialudvalget\n",
    ));
    let r = both.check(&[]);
    r.assert_failed();
    let lines = r.error_lines();
    assert_eq!(
        lines[0],
        "error: content/beslutninger/beslutning-hovedplan.md:6:1: field `body`: `committee` and `body` are two names for the same field, and both are written here, so planpub cannot tell which one is meant",
        "{}",
        r.stderr
    );
    // The plan and the hearing that link to the decision follow on from it.
    only_follow_ons(&lines[1..]);
    assert!(
        r.stderr.contains(
            "help: keep one of the two lines and delete the other; prefer `committee:`, the name the browser editor uses too"
        ),
        "{}",
        r.stderr
    );
    // The build refuses too, and leaves no half-built site.
    let b = both.build();
    b.assert_failed();
    assert!(!both.out().join("index.html").exists());
    // In JSON: the file, line and field.
    let (ok, diags) = check_json(&both, common::NOW, &[]);
    assert!(!ok);
    let d = diags
        .iter()
        .find(|d| d["field"] == "body")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    assert_eq!(d["line"], 6);
    assert_eq!(d["file"], DECISION_FILE);
}

#[test]
fn a_missing_or_misspelt_committee_names_committee() {
    let missing = site_with(&with_committee_as(""));
    let r = missing.check(&[]);
    r.assert_failed();
    let lines = r.error_lines();
    assert_eq!(
        lines[0],
        "error: content/beslutninger/beslutning-hovedplan.md:2: field `committee`: the required field `committee` is missing",
        "{}",
        r.stderr
    );
    only_follow_ons(&lines[1..]);

    let misspelt = site_with(&with_committee_as("comittee: Socialudvalget\n"));
    let r = misspelt.check(&[]);
    r.assert_failed();
    r.error_about("field `comittee`: `comittee` is not a known field here");
    assert!(
        r.stderr.contains("help: did you mean `committee`?"),
        "{}",
        r.stderr
    );
}
