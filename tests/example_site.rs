//! The example site in this repository builds and shows what its content promises.

mod common;

use common::example_at;

const HEARING: &str = "hoeringer/hoering-rammeplan-2008/index.html";
const DECISION: &str = "beslutninger/omraadeudvalg-socialomraadet/2023-09-12/1/index.html";
const CLOSED: &str = "beslutninger/omraadeudvalg-socialomraadet/2023-09-12/2/index.html";

#[test]
fn example_site_has_five_plans() {
    let out = example_at("2008-06-01");
    let idx = out.json("api/plans.json");
    let slugs: Vec<&str> = idx["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        [
            "delstrategier-psykisk-syge",
            "faelles-strategi-socialomraadet",
            "masterplan-socialomraadet",
            "rammeplan-psykisk-syge",
            "velfaerdsaftale-aeldreomraadet"
        ]
    );
    assert_eq!(out.html("planer/index.html").count("ul.doc-list > li"), 5);
}

#[test]
fn example_hearing_is_open_with_its_deadline() {
    let out = example_at("2008-06-01");
    let h = out.html(HEARING);
    assert_eq!(h.text(".hearing-banner .badge"), "Åben");
    let deadline = h.text(".banner-deadline");
    assert!(
        deadline.starts_with("Høringsfrist: 20. juni 2008"),
        "{deadline}"
    );
    assert!(
        h.attr(".banner-deadline time", "datetime")
            .starts_with("2008-06-20T"),
    );
    assert!(h.text("ul.meetings").contains("3. juni 2008 kl. 19.00"));
    // The home page shows it among the open hearings.
    let home = out.html("index.html");
    assert_eq!(
        home.texts("#main li.hearing-card.state-open h3"),
        ["Høring over rammeplan for den sociale indsats for psykisk syge"]
    );
    let json = out.json("api/hearings/hoering-rammeplan-2008.json");
    assert_eq!(json["state"], "open");
    assert_eq!(json["opens"]["start"], "2008-05-22");
    assert_eq!(json["closes"]["deadline"], "2008-06-20T12:00:00+02:00");
    assert_eq!(h.text(".banner-deadline time"), "20. juni 2008 kl. 12.00");
}

#[test]
fn example_decision_has_four_recommendations_and_the_absent_members() {
    // After its meeting on 2023-09-12; before it, the item is an agenda item.
    let out = example_at("2023-10-01");
    let d = out.html(DECISION);
    assert_eq!(
        d.text("h1"),
        "Fælles langsigtet strategi på Socialområdet og Børne- og familieområdet"
    );
    assert_eq!(
        d.texts("ol.outcome-list .outcome-label"),
        ["Drøftet", "Godkendt", "Godkendt", "Godkendt"]
    );
    assert_eq!(d.count("section.recommendations li"), 4);
    assert!(
        d.text("ol.outcome-list li:nth-child(2) .remark")
            .starts_with("Der skal udarbejdes en beskrivelse")
    );
    let absent = d.text("p.absent");
    for name in [
        "Hans-Henrik Brandt (aftaleholder)",
        "Tina Nicolajsen (FOA)",
        "Tinne Christiansen (BUPL)",
        "Pia Christensen (DSR)",
        "Hanne Helt Kevy (SL)",
        "Hanne Nezlo Hansen (FOA)",
    ] {
        assert!(absent.contains(name), "{name} missing: {absent}");
    }
    assert_eq!(d.fact("dl.facts", "Sagsnummer"), "23/7776");
    let json = out.json("api/decisions/omu-2023-09-12-strategi.json");
    assert_eq!(json["recommendations"].as_array().unwrap().len(), 4);
    assert_eq!(json["absent"].as_array().unwrap().len(), 6);
    assert_eq!(json["plans"][0]["slug"], "faelles-strategi-socialomraadet");
    assert_eq!(
        json["plans"][0]["url"],
        "https://planer.example.dk/planer/faelles-strategi-socialomraadet/"
    );
}

#[test]
fn example_closed_item_publishes_nothing_but_its_title() {
    let out = example_at("2008-06-01");
    for secret in [
        "FORTROLIGT-TESTMARKØR",
        "FORTROLIGT",
        "23/0000",
        "fortrolig indstilling",
    ] {
        let found = out.files_containing(secret);
        assert!(found.is_empty(), "{secret:?} leaked into {found:?}");
    }
    let page = out.html(CLOSED);
    assert_eq!(page.text("h1"), "Eksempel: lukket punkt om personalesag");
    assert!(page.text("p.closed-note").contains("Lukket punkt"));
    assert_eq!(page.count("section.outcome"), 0);
    assert_eq!(page.count(".prose"), 0);
    let json = out.json("api/decisions/omu-2023-09-12-lukket-punkt.json");
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "$schema", "access", "body", "created", "id", "item", "json", "meeting", "modified",
            "slug", "state", "title", "type", "url"
        ]
    );
    // Its dates say no more than its meeting does.
    assert_eq!(json["created"], "2023-09-12T00:00:00+02:00");
    assert_eq!(json["access"], "closed");
    // As of 2008 the meeting of 2023 is still ahead.
    assert_eq!(json["state"], "agenda");
}
