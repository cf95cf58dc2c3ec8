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
    // Each numbered recommendation carries its own outcome and remark.
    assert_eq!(
        d.texts("ol.rec-list > li .outcome-label"),
        ["Drøftet", "Godkendt", "Godkendt", "Godkendt"]
    );
    assert_eq!(d.count("section.recommendations ol.rec-list > li"), 4);
    assert!(
        d.text("ol.rec-list > li:nth-child(2) .rec-outcome .remark")
            .starts_with("Der skal udarbejdes en beskrivelse")
    );
    assert!(
        d.text("ol.rec-list > li:nth-child(2) .rec-text")
            .starts_with("At forslaget til fælles langsigtet strategi")
    );
    // The line under the breadcrumb names the kind only; the facts say the rest once.
    assert_eq!(d.text(".doc-header .doc-kind"), "Beslutning");
    // Listings sum the outcomes up in words.
    let meeting = out.html("beslutninger/omraadeudvalg-socialomraadet/2023-09-12/index.html");
    assert_eq!(
        meeting.text("ol.meeting-items li:first-child .outcomes"),
        "– Godkendt (3 af 4 punkter), 1 drøftet"
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
    assert_eq!(
        page.count(".rec-outcome, .outcome-label, section.recommendations"),
        0
    );
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

#[test]
fn example_hearing_page_puts_the_answer_first_and_says_what_happens_to_it() {
    let out = example_at("2008-06-01");
    let h = out.html(HEARING);
    // The order a citizen needs on a phone, which is the order of the document.
    let order: Vec<String> = h.attrs(".hearing-layout > *", "class");
    assert_eq!(
        order,
        ["hl-top", "hl-docs", "doc-aside hl-facts", "hl-body"]
    );
    let top = h.attrs(".hl-top > section", "class");
    assert!(top[0].starts_with("hearing-banner"), "{top:?}");
    assert_eq!(top[1], "respond");
    let respond = h.text("section.respond");
    assert!(
        respond.contains("Vi offentliggør høringssvarene her på siden, når fristen er udløbet"),
        "{respond}"
    );
    assert!(
        respond.contains("databeskyttelsesforordningen"),
        "{respond}"
    );
    assert_eq!(
        h.links("section.respond .respond-privacy a"),
        [(
            "Sådan behandler vi dine personoplysninger".to_string(),
            "../../privatlivspolitik/".to_string()
        )]
    );
    // The form is the hearing portal, not this page again.
    assert!(
        !h.attr(".respond-list a[href^=http]", "href")
            .contains("/hoeringer/")
    );
    // As of 2008-06-01 the hearing was published, and not yet updated (27 August).
    assert_eq!(h.fact("dl.facts", "Offentliggjort"), "22. maj 2008");
    assert!(
        h.text("footer .built")
            .contains("Indholdet er senest opdateret 22. maj 2008")
    );
    assert!(
        h.text("footer .built")
            .contains("Siden er dannet 1. juni 2008")
    );
}

#[test]
fn example_home_lists_coming_steps_once_within_the_horizon() {
    let out = example_at("2008-06-01");
    let home = out.html("index.html");
    let steps = home.texts("ol.milestones > li .ms-what");
    assert!(!steps.is_empty() && steps.len() <= 5, "{steps:?}");
    let mut unique = steps.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), steps.len(), "a step twice: {steps:?}");
    // Nothing starts later than half a year after the build day: 2009 is left out.
    assert!(
        home.texts("ol.milestones > li .ms-when")
            .iter()
            .all(|w| !w.contains("2009")),
        "{:?}",
        home.texts("ol.milestones > li .ms-when")
    );
    // One feeds link in the footer, to the page that lists them all.
    let footer = home.links("footer .footer-links a");
    assert_eq!(
        footer
            .iter()
            .filter(|(_, href)| href.contains("feeds/"))
            .count(),
        2
    );
    assert!(
        footer.iter().all(|(_, href)| !href.ends_with(".atom")),
        "{footer:?}"
    );
    let feeds = out.html("feeds/index.html");
    assert_eq!(feeds.count(".follow-list a[href$='.atom']"), 4);
    assert_eq!(feeds.count("a[href$='kalender.ics']"), 1);
}

#[test]
fn example_plan_listing_shows_the_current_and_the_next_step() {
    let out = example_at("2008-06-01");
    let plans = out.html("planer/index.html");
    let cards = plans.texts("ul.doc-list > li");
    let card = cards
        .iter()
        .find(|c| c.contains("Procesplan for arbejdet med en plan"))
        .expect("the rammeplan is listed");
    assert!(card.contains("I gang nu Høringsperiode"), "{card}");
    assert!(
        card.contains("Næste skridt Høringssvarene fremlægges"),
        "{card}"
    );
}
