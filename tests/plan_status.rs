//! A plan's status follows the plan (issue 11): without `status:` it is derived from the
//! timeline, hearings and decisions at the build moment; a written `status` that they
//! contradict makes `check` warn and say why.

mod common;

use common::{Site, check_json};

const HEARING: &str = "---
type: hearing
title: Høring over planen
plan: planen
opens: 2008-05-22
closes: 2008-06-20 12:00
respond: { email: svar@test.dk }
documents:
  - { title: Materiale, file: materiale.pdf }
---

Tekst.
";

const DECISION: &str = "---
type: decision
title: Vedtagelse af planen
body: Byrådet
meeting: 2008-08-27
item: 1
recommendations:
  - text: At planen vedtages
    outcome: approved
plans: [ planen ]
---

Tekst.
";

fn plan(status: Option<&str>) -> String {
    let status = status.map(|s| format!("status: {s}\n")).unwrap_or_default();
    format!(
        "---
type: plan
title: Planen
{status}timeline:
  - when: marts 2008
    what: Udkastet skrives
    kind: phase
  - when: 22. maj – 20. juni 2008
    what: Planen er i høring
    kind: hearing
    hearing: hoering
  - when: 27. august 2008
    what: Byrådet vedtager planen
    kind: decision
    decision: vedtagelse
---

Tekst.
"
    )
}

fn site(status: Option<&str>) -> Site {
    Site::new()
        .file("content/planer/planen.md", &plan(status))
        .file("content/hoeringer/hoering.md", HEARING)
        .bytes("content/hoeringer/materiale.pdf", b"%PDF-1.4\n")
        .file("content/beslutninger/vedtagelse.md", DECISION)
}

const PAGE: &str = "planer/planen/index.html";

#[test]
fn without_status_the_plan_shows_the_status_its_timeline_gives_in_every_output() {
    let s = site(None);
    for (now, label, status) in [
        ("2008-04-01", "Under udarbejdelse", "draft"),
        ("2008-06-01", "I høring", "hearing"),
        ("2008-07-01", "Under udarbejdelse", "draft"),
        ("2008-08-27T10:00", "Vedtaget", "adopted"),
    ] {
        let out = s.built_at(now);
        let p = out.html(PAGE);
        assert_eq!(p.text(".doc-header .badge"), label, "{now}");
        assert_eq!(p.fact("dl.facts", "Status"), label, "{now}");
        assert_eq!(out.json("api/plans/planen.json")["status"], status, "{now}");
        let folder = match status {
            "draft" => "under-udarbejdelse",
            "hearing" => "i-hoering",
            _ => "vedtaget",
        };
        let listed = out.html(&format!("planer/status/{folder}/index.html"));
        assert_eq!(listed.texts("ul.doc-list h3"), ["Planen"], "{now}");
        let (ok, diags) = check_json(&s, now, &[]);
        assert!(ok, "{now}: {diags:?}");
        assert!(
            diags.iter().all(|d| d["field"] != "status"),
            "{now}: {diags:?}"
        );
    }
}

#[test]
fn a_plan_whose_steps_ended_long_ago_is_archived_unless_it_was_adopted() {
    let s = Site::new().file(
        "content/planer/gammel.md",
        "---\ntype: plan\ntitle: Gammel plan\ntimeline:\n  - when: ultimo 2009\n    what: Evaluering\n---\n",
    );
    assert_eq!(
        s.built_at("2010-06-01")
            .html("planer/gammel/index.html")
            .text(".doc-header .badge"),
        "Under udarbejdelse"
    );
    assert_eq!(
        s.built_at("2011-01-01")
            .html("planer/gammel/index.html")
            .text(".doc-header .badge"),
        "Arkiveret"
    );
    // An adopted plan stays adopted, however old.
    assert_eq!(
        site(None)
            .built_at("2020-01-01")
            .html(PAGE)
            .text(".doc-header .badge"),
        "Vedtaget"
    );
}

/// The `check` warning on `status`, if any.
fn status_warning(s: &Site, now: &str) -> Option<serde_json::Value> {
    let (ok, diags) = check_json(s, now, &[]);
    assert!(ok, "{diags:?}");
    diags.into_iter().find(|d| d["field"] == "status")
}

#[test]
fn a_written_status_that_the_plan_contradicts_is_a_warning_that_says_why() {
    let w = status_warning(&site(Some("adopted")), "2008-06-01").expect("a warning");
    assert_eq!(w["severity"], "warning");
    assert_eq!(w["file"], "content/planer/planen.md");
    assert_eq!(w["line"], 4);
    assert_eq!(
        w["message"],
        "status: adopted, but the hearing \"Høring over planen\" is open"
    );
    assert!(w["help"].as_str().unwrap().contains("now: hearing"), "{w}");

    let w = status_warning(&site(Some("adopted")), "2008-07-01").expect("a warning");
    let m = w["message"].as_str().unwrap();
    assert!(
        m.starts_with("status: adopted, but the timeline's adoption step \"Byrådet vedtager planen\" (27. august 2008) is still to come"),
        "{m}"
    );

    let w = status_warning(&site(Some("hearing")), "2008-07-01").expect("a warning");
    assert_eq!(
        w["message"],
        "status: hearing, but no hearing of the plan is open at the build moment (\"Høring over planen\" has closed)"
    );

    let w = status_warning(&site(Some("draft")), "2008-09-01").expect("a warning");
    assert_eq!(
        w["message"],
        "status: draft, but the decision \"Vedtagelse af planen\" approved it"
    );

    let w = status_warning(&site(Some("archived")), "2008-06-01").expect("a warning");
    assert_eq!(
        w["message"],
        "status: archived, but the hearing \"Høring over planen\" is open"
    );
}

#[test]
fn a_written_status_the_plan_agrees_with_is_shown_without_a_warning() {
    for (status, now) in [
        ("hearing", "2008-06-01"),
        ("adopted", "2008-09-01"),
        // Archiving an adopted plan is the author's call.
        ("archived", "2009-01-01"),
    ] {
        let s = site(Some(status));
        assert_eq!(status_warning(&s, now), None, "{status} at {now}");
        let out = s.built_at(now);
        assert_eq!(out.json("api/plans/planen.json")["status"], status);
    }
}

#[test]
fn a_plan_with_nothing_to_go_by_has_no_status() {
    let s = Site::new().file(
        "content/planer/tom.md",
        "---\ntype: plan\ntitle: Tom plan\n---\n\nTekst.\n",
    );
    let out = s.built();
    assert_eq!(
        out.html("planer/tom/index.html")
            .count(".doc-header .badge"),
        0
    );
    assert_eq!(
        out.json("api/plans/tom.json")["status"],
        serde_json::Value::Null
    );
}

#[test]
fn an_adoption_step_whose_decision_is_not_published_proves_nothing() {
    let s = site(None).file(
        "content/beslutninger/vedtagelse.md",
        &DECISION.replace("item: 1\n", "item: 1\ndraft: true\n"),
    );
    let out = s.built_at("2008-09-01");
    assert_eq!(
        out.html(PAGE).text(".doc-header .badge"),
        "Under udarbejdelse"
    );
    assert_eq!(out.json("api/plans/planen.json")["status"], "draft");
}
