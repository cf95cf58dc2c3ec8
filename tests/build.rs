//! End-to-end builds of fixture sites: every page type renders its fields, relations
//! link both ways, drafts and embargoed items leak nowhere, and the open-data JSON
//! follows the contract.

mod common;

use common::{Out, Site, percent_decode, resolve};
use serde_json::Value;

const PLAN: &str = r#"---
type: plan
title: Hovedplan for ældreområdet
summary: Hovedplanen samler kommunens indsats for ældre borgere.
area: Ældreområdet
status: hearing
owner: Sundhed og Omsorg
contact: { name: Eva Testesen, email: eva@test.dk, phone: "+45 11 22 33 44" }
case_number: 2008-11111
document_number: 2008-22222
attachments:
  - title: Planudkast til drøftelse
    file: planudkast.pdf
timeline:
  - when: 2008-05-22
    what: Planen sendes i høring
    who: Socialforvaltningen
    kind: hearing
    hearing: hoering-hovedplan
  - when: 2008-08-27
    what: Socialudvalget vedtager planen
    who: Socialudvalget
    kind: decision
    decision: beslutning-hovedplan
  - when: primo 2024
    what: Evaluering af planen
---

Indledning til planen.

## Økonomi

Første afsnit om økonomi.

## Økonomi

Andet afsnit om økonomi.

<script>alert("SCRIPTMARKOER")</script>

Afslutning.
"#;

const SUBPLAN: &str = r#"---
type: plan
title: Delplan for hjemmeplejen
summary: Delplanen beskriver hjemmeplejen.
area: Sundhedsområdet
status: draft
parent: hovedplan
---

Delplanens tekst.
"#;

const HEARING: &str = r#"---
type: hearing
title: Høring over hovedplanen
summary: Sig din mening om hovedplanen.
plan: hovedplan
authority: Socialforvaltningen
case_number: 2008-11111
opens: 2008-05-22
closes: 2008-06-20 12:00
respond:
  email: svar@test.dk
  address: Testvej 1, 9999 Testby
documents:
  - title: Høringsmateriale om hovedplanen
    file: materiale.pdf
meetings:
  - when: 2008-06-03 19:00
    where: Rådhuset, mødesal 2
    what: Borgermøde om hovedplanen
responses:
  - from: Ældrerådet i Testkommune
    file: svar-aeldreraadet.pdf
    received: 2008-06-16
summary_note:
  title: Høringsnotat om hovedplanen
  file: notat.pdf
decision: beslutning-hovedplan
---

Vi vil gerne høre din mening.
"#;

const UPCOMING_HEARING: &str = r#"---
type: hearing
title: Høring over trafikplanen
opens: 2008-07-01
closes: 2008-08-15
respond: { email: trafik@test.dk }
---

Kommer snart.
"#;

const CLOSED_HEARING: &str = r#"---
type: hearing
title: Høring over skoleplanen
opens: 2007-03-01
closes: 2007-04-01
respond: { url: "https://test.dk/svar" }
---

Afsluttet.
"#;

const DECISION: &str = r#"---
type: decision
title: Vedtagelse af hovedplanen
summary: Socialudvalget vedtog hovedplanen.
body: Socialudvalget
meeting: 2008-08-27
case_number: 2008-11111
item: 7
recommendations:
  - text: At hovedplanen godkendes
    outcome: approved
    remark: Med en ændring i afsnit 3.
  - text: At høringssvarene drøftes
    outcome: discussed
absent: [Ole Fraværende, Kirsten Syg]
plans: [hovedplan]
---

Sagsfremstilling om hovedplanen.
"#;

const OTHER_DECISION: &str = r#"---
type: decision
title: Budget for vejene
body: Byrådet
meeting: 2007-12-10
item: 3
recommendations:
  - text: At budgettet tages til efterretning
    outcome: noted
---

Om vejene.
"#;

const PAGE: &str = r#"---
type: page
title: Om sitet
summary: Hvad sitet indeholder.
menu: 1
---

Sitet samler planer.

## Kontakt

Skriv til os.
"#;

/// A site with every content type and relations between them.
fn full_site() -> Site {
    Site::new()
        .file("content/planer/hovedplan/index.md", PLAN)
        .bytes("content/planer/hovedplan/planudkast.pdf", &[b'%'; 1234])
        .file("content/planer/delplan-hjemmepleje.md", SUBPLAN)
        .file("content/hoeringer/hoering-hovedplan/index.md", HEARING)
        .bytes(
            "content/hoeringer/hoering-hovedplan/materiale.pdf",
            &[1; 830],
        )
        .bytes(
            "content/hoeringer/hoering-hovedplan/svar-aeldreraadet.pdf",
            &[2; 2500],
        )
        .bytes(
            "content/hoeringer/hoering-hovedplan/notat.pdf",
            &[3; 12_300],
        )
        .file("content/hoeringer/hoering-trafikplan.md", UPCOMING_HEARING)
        .file("content/hoeringer/hoering-skoleplan.md", CLOSED_HEARING)
        .file("content/beslutninger/beslutning-hovedplan.md", DECISION)
        .file("content/beslutninger/budget-veje.md", OTHER_DECISION)
        .file("content/sider/om-sitet.md", PAGE)
}

const PLAN_PAGE: &str = "planer/hovedplan/index.html";
const HEARING_PAGE: &str = "hoeringer/hoering-hovedplan/index.html";
const DECISION_PAGE: &str = "beslutninger/socialudvalget/2008-08-27/7/index.html";

// ---------------------------------------------------------------- plan

#[test]
fn plan_page_shows_title_summary_status_and_facts() {
    let out = full_site().built();
    let p = out.html(PLAN_PAGE);
    assert_eq!(p.text("h1"), "Hovedplan for ældreområdet");
    assert_eq!(
        p.text(".doc-header .lead"),
        "Hovedplanen samler kommunens indsats for ældre borgere."
    );
    assert_eq!(p.text(".doc-header .badge"), "I høring");
    assert_eq!(p.fact("dl.facts", "Status"), "I høring");
    assert_eq!(p.fact("dl.facts", "Område"), "Ældreområdet");
    assert_eq!(p.fact("dl.facts", "Ansvarlig"), "Sundhed og Omsorg");
    assert_eq!(p.fact("dl.facts", "Sagsnummer"), "2008-11111");
    assert_eq!(p.fact("dl.facts", "Dokumentnummer"), "2008-22222");
    let contact = p.fact("dl.facts", "Kontakt");
    assert!(contact.contains("Eva Testesen"), "{contact}");
    assert!(contact.contains("+45 11 22 33 44"), "{contact}");
    assert_eq!(p.href_of("dl.facts a", "eva@test.dk"), "mailto:eva@test.dk");
}

#[test]
fn plan_timeline_rows_show_when_what_and_who() {
    let out = full_site().built();
    let p = out.html(PLAN_PAGE);
    let rows = p.texts("ol.timeline > li");
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let whats = p.texts("ol.timeline .tl-what");
    assert_eq!(
        whats,
        [
            "Planen sendes i høring",
            "Socialudvalget vedtager planen",
            "Evaluering af planen"
        ]
    );
    assert_eq!(
        p.texts("ol.timeline .tl-when")[..2],
        ["22. maj 2008", "27. august 2008"]
    );
    assert_eq!(
        p.attrs("ol.timeline .tl-when time", "datetime")[..2],
        ["2008-05-22", "2008-08-27"]
    );
    let who = p.texts("ol.timeline .tl-who");
    assert_eq!(who[0], "Hvem: Socialforvaltningen");
    assert_eq!(who[1], "Hvem: Socialudvalget");
}

#[test]
fn plan_attachment_lists_title_type_and_human_size_and_is_copied() {
    let out = full_site().built();
    let p = out.html(PLAN_PAGE);
    let items = p.texts("section.attachments li");
    assert_eq!(items, ["Planudkast til drøftelse (PDF, 1,2 kB)"]);
    let href = p.href_of("section.attachments a", "Planudkast");
    let target = resolve(PLAN_PAGE, &href);
    assert_eq!(target, "planer/hovedplan/planudkast.pdf");
    assert_eq!(std::fs::read(out.dir.join(&target)).unwrap().len(), 1234);
}

#[test]
fn markdown_headings_get_danish_ids_and_duplicates_are_numbered() {
    let out = full_site().built();
    let p = out.html(PLAN_PAGE);
    let ids = p.attrs(".prose h2", "id");
    assert_eq!(ids, ["oekonomi", "oekonomi-2"]);
}

#[test]
fn raw_script_in_markdown_is_removed() {
    let out = full_site().built();
    let p = out.html(PLAN_PAGE);
    assert_eq!(p.count(".prose script"), 0);
    // The only scripts left are the theme's own structured data.
    assert_eq!(p.count("script:not([type=\"application/ld+json\"])"), 0);
    assert!(!out.read(PLAN_PAGE).contains("SCRIPTMARKOER"));
    // The text around it survives.
    assert!(p.text(".prose").contains("Afslutning."));
}

#[test]
fn parent_plan_lists_its_children_and_child_links_its_parent() {
    let out = full_site().built();
    let parent = out.html(PLAN_PAGE);
    let href = parent.href_of(".doc-aside ul a", "Delplan for hjemmeplejen");
    assert_eq!(
        resolve(PLAN_PAGE, &href),
        "planer/delplan-hjemmepleje/index.html"
    );
    let child_path = "planer/delplan-hjemmepleje/index.html";
    let child = out.html(child_path);
    let up = child.href_of(".doc-aside p a", "Hovedplan for ældreområdet");
    assert_eq!(resolve(child_path, &up), PLAN_PAGE);
    assert!(child.texts(".doc-aside h3").contains(&"Del af".to_string()));
    // The child has no children of its own.
    assert!(
        !child
            .texts(".doc-aside h3")
            .contains(&"Delplaner og delstrategier".to_string())
    );
}

// ---------------------------------------------------------------- hearing

#[test]
fn hearing_page_shows_authority_period_state_and_facts() {
    let out = full_site().built();
    let h = out.html(HEARING_PAGE);
    assert_eq!(h.text("h1"), "Høring over hovedplanen");
    assert_eq!(h.text(".hearing-banner .badge"), "Åben");
    assert_eq!(h.fact("dl.facts", "Myndighed"), "Socialforvaltningen");
    assert_eq!(h.fact("dl.facts", "Åbner"), "22. maj 2008");
    assert!(
        h.fact("dl.facts", "Høringsfrist")
            .starts_with("20. juni 2008"),
        "{}",
        h.fact("dl.facts", "Høringsfrist")
    );
    assert_eq!(h.fact("dl.facts", "Sagsnummer"), "2008-11111");
    assert_eq!(h.text(".banner-days"), "Der er 19 dage til fristen");
}

#[test]
fn hearing_deadline_keeps_the_time_of_day_written_in_closes() {
    let out = full_site().built();
    let h = out.html(HEARING_PAGE);
    assert_eq!(
        h.attr(".banner-deadline time", "datetime"),
        "2008-06-20T12:00:00+02:00"
    );
    assert_eq!(h.text(".banner-deadline time"), "20. juni 2008 kl. 12.00");
}

#[test]
fn hearing_respond_mailto_has_title_and_case_number_in_subject() {
    let out = full_site().built();
    let h = out.html(HEARING_PAGE);
    let href = h.href_of(".respond a", "svar@test.dk");
    let (addr, query) = href.split_once('?').expect("a subject");
    assert_eq!(addr, "mailto:svar@test.dk");
    let subject = percent_decode(query.strip_prefix("subject=").expect("subject="));
    assert!(subject.contains("Høring over hovedplanen"), "{subject}");
    assert!(subject.contains("2008-11111"), "{subject}");
    assert!(
        h.text(".respond address")
            .contains("Testvej 1, 9999 Testby")
    );
}

#[test]
fn hearing_lists_documents_and_meeting() {
    let out = full_site().built();
    let h = out.html(HEARING_PAGE);
    assert_eq!(
        h.texts("section.attachments li"),
        ["Høringsmateriale om hovedplanen (PDF, 830 B)"]
    );
    let doc = resolve(
        HEARING_PAGE,
        &h.href_of("section.attachments a", "Høringsmateriale"),
    );
    assert!(out.exists(&doc), "{doc} not published");
    let meeting = h.text("ul.meetings li");
    assert!(meeting.contains("3. juni 2008 kl. 19.00"), "{meeting}");
    assert!(meeting.contains("Borgermøde om hovedplanen"), "{meeting}");
    assert!(meeting.contains("Rådhuset, mødesal 2"), "{meeting}");
}

#[test]
fn hearing_responses_are_listed_after_the_deadline() {
    let out = full_site().built_at("2008-07-01");
    let h = out.html(HEARING_PAGE);
    let resp = h.texts("section[aria-labelledby=h-responses] li");
    assert_eq!(resp.len(), 1, "{resp:?}");
    assert!(resp[0].contains("Ældrerådet i Testkommune"), "{resp:?}");
    assert!(resp[0].contains("(PDF, 2,5 kB)"), "{resp:?}");
    assert!(resp[0].contains("16. juni 2008"), "{resp:?}");
    let file = resolve(
        HEARING_PAGE,
        &h.href_of("section[aria-labelledby=h-responses] a", "Ældrerådet"),
    );
    assert!(out.exists(&file), "{file} not published");
}

#[test]
fn hearing_responses_are_held_back_while_the_hearing_is_open() {
    let out = full_site().built();
    assert_eq!(
        out.html(HEARING_PAGE)
            .count("section[aria-labelledby=h-responses]"),
        0
    );
    assert!(out.files_containing("Ældrerådet i Testkommune").is_empty());
    assert!(out.files_containing("svar-aeldreraadet").is_empty());
    assert!(
        out.files_containing("Høringsnotat om hovedplanen")
            .is_empty()
    );
}

#[test]
fn closed_hearing_shows_summary_note_and_no_respond_box() {
    let site = full_site();
    let out = site.built_at("2008-07-01");
    let h = out.html(HEARING_PAGE);
    assert_eq!(h.text(".hearing-banner .badge"), "Afsluttet");
    assert_eq!(h.count("section.respond"), 0);
    let note = h.text("section.summary-note");
    assert!(
        note.contains("Høringsnotat om hovedplanen (PDF, 12 kB)"),
        "{note}"
    );
    // While open, the note is not shown yet.
    let open = site.built();
    assert_eq!(open.html(HEARING_PAGE).count("section.summary-note"), 0);
}

#[test]
fn hearing_links_its_plan_and_decision_and_plan_lists_the_hearing() {
    let out = full_site().built();
    let h = out.html(HEARING_PAGE);
    let plan = h.href_of(".doc-aside a", "Hovedplan for ældreområdet");
    assert_eq!(resolve(HEARING_PAGE, &plan), PLAN_PAGE);
    let dec = h.href_of("section.followed a", "Vedtagelse af hovedplanen");
    assert_eq!(resolve(HEARING_PAGE, &dec), DECISION_PAGE);

    let p = out.html(PLAN_PAGE);
    let back = p.href_of(".doc-aside a", "Høring over hovedplanen");
    assert_eq!(resolve(PLAN_PAGE, &back), HEARING_PAGE);
    // The timeline row links the hearing too.
    let row = p.href_of(".tl-link a", "Høring over hovedplanen");
    assert_eq!(resolve(PLAN_PAGE, &row), HEARING_PAGE);
}

// ---------------------------------------------------------------- decision

/// A moment after the decision's meeting (2008-08-27): before it, the decision is an
/// agenda item without outcomes.
const AFTER_MEETING: &str = "2008-09-01";

#[test]
fn decision_page_shows_body_meeting_item_case_and_outcomes() {
    let out = full_site().built_at(AFTER_MEETING);
    let d = out.html(DECISION_PAGE);
    assert_eq!(d.text("h1"), "Vedtagelse af hovedplanen");
    assert_eq!(d.fact("dl.facts", "Udvalg"), "Socialudvalget");
    assert_eq!(d.fact("dl.facts", "Møde"), "27. august 2008");
    assert_eq!(d.fact("dl.facts", "Punkt"), "7");
    assert_eq!(d.fact("dl.facts", "Sagsnummer"), "2008-11111");
    assert_eq!(
        d.texts("ol.outcome-list li"),
        [
            "Ad 1: Godkendt, Med en ændring i afsnit 3.",
            "Ad 2: Drøftet"
        ]
    );
    assert_eq!(d.text(".remark"), "Med en ændring i afsnit 3.");
    assert_eq!(
        d.texts("section.recommendations li"),
        ["At hovedplanen godkendes", "At høringssvarene drøftes"]
    );
    assert_eq!(
        d.text("p.absent"),
        "Fraværende: Ole Fraværende, Kirsten Syg"
    );
}

#[test]
fn decision_and_plan_link_each_other() {
    let out = full_site().built();
    let d = out.html(DECISION_PAGE);
    let plan = d.href_of("section a", "Hovedplan for ældreområdet");
    assert_eq!(resolve(DECISION_PAGE, &plan), PLAN_PAGE);
    let p = out.html(PLAN_PAGE);
    let back = p.href_of(".doc-aside a", "Vedtagelse af hovedplanen");
    assert_eq!(resolve(PLAN_PAGE, &back), DECISION_PAGE);
}

#[test]
fn decision_address_does_not_move_when_its_title_is_edited() {
    let site = full_site();
    let first = site.built();
    assert!(first.exists(DECISION_PAGE));
    site.write(
        "content/beslutninger/beslutning-hovedplan.md",
        DECISION
            .replace(
                "title: Vedtagelse af hovedplanen",
                "title: Hovedplanen er vedtaget med ændringer",
            )
            .replace(
                "plans: [hovedplan]",
                "plans: [hovedplan]\ncorrections:\n  - date: 2008-06-01\n    note: Titlen er gjort tydeligere.",
            )
            .as_bytes(),
    );
    let second = site.built();
    assert_eq!(
        second.html(DECISION_PAGE).text("h1"),
        "Hovedplanen er vedtaget med ændringer"
    );
    assert!(
        second
            .html(DECISION_PAGE)
            .text("section.corrections")
            .contains("Titlen er gjort tydeligere.")
    );
    let json = second.json("api/decisions/beslutning-hovedplan.json");
    assert_eq!(
        json["url"],
        "https://planer.test.dk/beslutninger/socialudvalget/2008-08-27/7/"
    );
}

#[test]
fn meeting_page_lists_its_items_with_outcomes() {
    let out = full_site().built_at(AFTER_MEETING);
    let path = "beslutninger/socialudvalget/2008-08-27/index.html";
    let m = out.html(path);
    assert!(
        m.text("h1").starts_with("Socialudvalget"),
        "{}",
        m.text("h1")
    );
    let items = m.texts("ol.meeting-items li");
    assert_eq!(items, ["Vedtagelse af hovedplanen – Godkendt, Drøftet"]);
    let href = m.href_of("ol.meeting-items a", "Vedtagelse");
    assert_eq!(resolve(path, &href), DECISION_PAGE);
}

#[test]
fn decision_archive_is_split_by_body_and_by_year() {
    let out = full_site().built();
    let all = out.html("beslutninger/index.html");
    let titles = all.texts("ol.meeting-items a");
    assert_eq!(titles, ["Vedtagelse af hovedplanen", "Budget for vejene"]);

    let body = out.html("beslutninger/socialudvalget/index.html");
    assert_eq!(
        body.texts("ol.meeting-items a"),
        ["Vedtagelse af hovedplanen"]
    );
    let byraad = out.html("beslutninger/byraadet/index.html");
    assert_eq!(byraad.texts("ol.meeting-items a"), ["Budget for vejene"]);

    let y2007 = out.html("beslutninger/aar/2007/index.html");
    assert_eq!(y2007.texts("ol.meeting-items a"), ["Budget for vejene"]);
    let y2008 = out.html("beslutninger/aar/2008/index.html");
    assert_eq!(
        y2008.texts("ol.meeting-items a"),
        ["Vedtagelse af hovedplanen"]
    );
    let facets = all.texts("nav.facets li");
    assert!(
        facets.contains(&"Socialudvalget (1)".to_string()),
        "{facets:?}"
    );
    assert!(facets.contains(&"2007 (1)".to_string()), "{facets:?}");
}

// ---------------------------------------------------------------- pages and indexes

#[test]
fn plain_page_renders_and_appears_in_the_menu() {
    let out = full_site().built();
    let p = out.html("om-sitet/index.html");
    assert_eq!(p.text("article h1"), "Om sitet");
    assert_eq!(p.text("article .lead"), "Hvad sitet indeholder.");
    assert!(p.text(".prose").contains("Sitet samler planer."));
    let home = out.html("index.html");
    let href = home.href_of(".site-nav a", "Om sitet");
    assert_eq!(resolve("index.html", &href), "om-sitet/index.html");
}

#[test]
fn home_page_shows_open_hearings_first() {
    let out = full_site().built();
    let home = out.html("index.html");
    assert_eq!(home.text("h1"), "Testkommunens planer");
    let cards = home.texts("#main li.hearing-card h3");
    assert_eq!(
        cards,
        [
            "Høring over hovedplanen",
            "Høring over trafikplanen",
            "Høring over skoleplanen"
        ],
        "the open hearing comes first, then the upcoming, then the closed ones by year"
    );
    assert_eq!(
        home.attr("#main li.hearing-card", "class"),
        "hearing-card state-open"
    );
    let h2 = home.texts("#main h2");
    assert_eq!(h2[0], "Åbne høringer – sig din mening");
}

#[test]
fn hearing_index_groups_open_upcoming_and_closed() {
    let out = full_site().built();
    let idx = out.html("hoeringer/index.html");
    assert_eq!(
        idx.texts("section[aria-labelledby=h-open] h3.doc-title"),
        ["Høring over hovedplanen"]
    );
    assert_eq!(
        idx.texts("section[aria-labelledby=h-upcoming] h3.doc-title"),
        ["Høring over trafikplanen"]
    );
    assert_eq!(
        idx.texts("section[aria-labelledby=h-closed] h3.doc-title"),
        ["Høring over skoleplanen"]
    );
    assert!(
        idx.texts("section[aria-labelledby=h-closed] h3")
            .contains(&"2007".to_string())
    );
}

#[test]
fn plan_index_has_pages_per_area_and_per_status() {
    let out = full_site().built();
    let all = out.html("planer/index.html");
    assert_eq!(
        all.texts("ul.doc-list h3"),
        ["Delplan for hjemmeplejen", "Hovedplan for ældreområdet"]
    );
    let area = out.html("planer/omraade/aeldreomraadet/index.html");
    assert_eq!(area.texts("ul.doc-list h3"), ["Hovedplan for ældreområdet"]);
    assert!(area.text("h1").contains("Ældreområdet"));
    let other = out.html("planer/omraade/sundhedsomraadet/index.html");
    assert_eq!(other.texts("ul.doc-list h3"), ["Delplan for hjemmeplejen"]);
    let hearing = out.html("planer/status/hearing/index.html");
    assert_eq!(
        hearing.texts("ul.doc-list h3"),
        ["Hovedplan for ældreområdet"]
    );
    let draft = out.html("planer/status/draft/index.html");
    assert_eq!(draft.texts("ul.doc-list h3"), ["Delplan for hjemmeplejen"]);
    assert!(!out.exists("planer/status/adopted/index.html"));
}

#[test]
fn not_found_page_is_written_with_links_from_the_root() {
    let out = full_site().built();
    let p = out.html("404.html");
    assert_eq!(p.text("h1"), "Siden findes ikke");
    assert_eq!(p.href_of("#main a", "Gå til forsiden"), "/");
    assert_eq!(p.href_of("#main a", "Planer"), "/planer/");
}

// ---------------------------------------------------------------- drafts and embargo

const DRAFT_PLAN: &str = r#"---
type: plan
title: Kladdeplan KLADDEMARKOER
summary: Resumé med KLADDEMARKOER.
draft: true
status: draft
area: Hemmeligt område
---

Tekst med KLADDEMARKOER.
"#;

const EMBARGO_PLAN: &str = r#"---
type: plan
title: Plan under embargo EMBARGOMARKOER
summary: Resumé med EMBARGOMARKOER.
publish_at: 2008-06-10 08:00
status: adopted
---

Tekst med EMBARGOMARKOER.
"#;

const DRAFT_DECISION: &str = r#"---
type: decision
title: Kladdebeslutning KLADDEMARKOER
draft: true
body: Hemmeligudvalget
meeting: 2008-05-05
item: 1
---

KLADDEMARKOER.
"#;

const PUBLIC_HEARING_ABOUT_DRAFT: &str = r#"---
type: hearing
title: Offentlig høring
plan: kladdeplan
opens: 2008-05-01
closes: 2008-06-30
respond: { email: offentlig@test.dk }
---

Offentlig tekst.
"#;

fn site_with_hidden_items() -> Site {
    Site::new()
        .file(
            "content/planer/synlig-plan.md",
            "---\ntype: plan\ntitle: Synlig plan\n---\n\nSynlig.\n",
        )
        .file("content/planer/kladdeplan.md", DRAFT_PLAN)
        .file("content/planer/embargoplan.md", EMBARGO_PLAN)
        .file("content/beslutninger/kladdebeslutning.md", DRAFT_DECISION)
        .file(
            "content/hoeringer/offentlig-hoering.md",
            PUBLIC_HEARING_ABOUT_DRAFT,
        )
}

#[track_caller]
fn assert_absent(out: &Out, needle: &str) {
    let found = out.files_containing(needle);
    assert!(found.is_empty(), "{needle:?} leaked into {found:?}");
}

#[test]
fn draft_items_leak_into_no_file() {
    let out = site_with_hidden_items().built();
    assert!(
        out.exists("planer/synlig-plan/index.html"),
        "sanity: site built"
    );
    assert!(out.files().len() > 10);
    for needle in [
        "KLADDEMARKOER",
        "kladdeplan",
        "Kladdeplan",
        "kladdebeslutning",
        "Hemmeligudvalget",
        "hemmeligudvalget",
        "Hemmeligt område",
        "hemmeligt-omraade",
    ] {
        assert_absent(&out, needle);
    }
}

#[test]
fn embargoed_items_leak_into_no_file_before_publish_at() {
    let out = site_with_hidden_items().built_at("2008-06-10T07:59");
    assert!(out.exists("planer/synlig-plan/index.html"));
    assert_absent(&out, "EMBARGOMARKOER");
    assert_absent(&out, "embargoplan");
    assert_absent(&out, "status/adopted");
}

/// The same as above, minus `api/next-change.json` (see the ignored test), so pages,
/// listings and records stay covered while that bug is open.
#[test]
fn embargoed_items_leak_into_no_page_or_record_before_publish_at() {
    let out = site_with_hidden_items().built_at("2008-06-10T07:59");
    assert!(out.exists("planer/synlig-plan/index.html"));
    for needle in ["EMBARGOMARKOER", "embargoplan", "status/adopted"] {
        let found: Vec<String> = out
            .files_containing(needle)
            .into_iter()
            .filter(|f| f != "api/next-change.json")
            .collect();
        assert!(found.is_empty(), "{needle:?} leaked into {found:?}");
    }
}

#[test]
fn embargoed_item_appears_once_publish_at_has_passed() {
    let out = site_with_hidden_items().built_at("2008-06-10T08:00");
    let p = out.html("planer/embargoplan/index.html");
    assert_eq!(p.text("h1"), "Plan under embargo EMBARGOMARKOER");
    let index = out.json("api/plans.json");
    let slugs: Vec<&str> = index["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap())
        .collect();
    assert!(slugs.contains(&"embargoplan"), "{slugs:?}");
    // Drafts stay hidden however late the build.
    assert_absent(&out, "KLADDEMARKOER");
}

#[test]
fn drafts_flag_includes_drafts_and_embargoed_items() {
    let site = site_with_hidden_items();
    site.build_with(&["--drafts"]).assert_ok();
    let out = site.output();
    assert_eq!(
        out.html("planer/kladdeplan/index.html").text("h1"),
        "Kladdeplan KLADDEMARKOER"
    );
    assert!(out.exists("planer/embargoplan/index.html"));
    assert!(out.exists("api/plans/kladdeplan.json"));
    assert!(out.exists("beslutninger/hemmeligudvalget/2008-05-05/1/index.html"));
    // With the draft present, the hearing links its plan.
    let h = out.html("hoeringer/offentlig-hoering/index.html");
    let href = h.href_of(".doc-aside a", "Kladdeplan");
    assert_eq!(
        resolve("hoeringer/offentlig-hoering/index.html", &href),
        "planer/kladdeplan/index.html"
    );
}

#[test]
fn reference_to_a_draft_is_dropped_with_a_warning() {
    let site = site_with_hidden_items();
    let r = site.build();
    r.assert_ok();
    assert!(
        r.stderr
            .contains("warning: content/hoeringer/offentlig-hoering.md"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("draft or not yet published"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- open data

fn sorted_slugs(v: &Value, key: &str) -> (Vec<String>, Vec<String>) {
    let slugs: Vec<String> = v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not a list: {v}"))
        .iter()
        .map(|e| e["slug"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = slugs.clone();
    sorted.sort();
    (slugs, sorted)
}

#[test]
fn api_indexes_and_records_exist_and_are_sorted_by_slug() {
    let site = full_site()
        .file(
            "content/planer/aaa-plan.md",
            "---\ntype: plan\ntitle: Zeta-planen\n---\n",
        )
        .file(
            "content/planer/zzz-plan.md",
            "---\ntype: plan\ntitle: Alfa-planen\n---\n",
        );
    let out = site.built();
    for (file, key, count) in [
        ("api/plans.json", "plans", 4),
        ("api/hearings.json", "hearings", 3),
        ("api/decisions.json", "decisions", 2),
    ] {
        let v = out.json(file);
        let (slugs, sorted) = sorted_slugs(&v, key);
        assert_eq!(slugs, sorted, "{file} is not sorted by slug");
        assert_eq!(slugs.len(), count, "{file}: {slugs:?}");
        let singular = key.trim_end_matches('s');
        for s in &slugs {
            let rec = out.json(&format!("api/{key}/{s}.json"));
            assert_eq!(rec["slug"], s.as_str());
            assert_eq!(rec["type"], singular);
        }
    }
    let plans = out.json("api/plans.json");
    assert_eq!(plans["plans"][0]["slug"], "aaa-plan");
    assert_eq!(plans["plans"][0]["title"], "Zeta-planen");
}

#[test]
fn api_plan_record_carries_fields_and_relations() {
    let out = full_site().built();
    let p = out.json("api/plans/hovedplan.json");
    assert_eq!(p["title"], "Hovedplan for ældreområdet");
    assert_eq!(p["status"], "hearing");
    assert_eq!(p["owner"], "Sundhed og Omsorg");
    assert_eq!(p["case_number"], "2008-11111");
    let slugs = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| l["slug"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(slugs(&p["children"]), ["delplan-hjemmepleje"]);
    assert_eq!(slugs(&p["hearings"]), ["hoering-hovedplan"]);
    assert_eq!(slugs(&p["decisions"]), ["beslutning-hovedplan"]);
    // Related items come with their ids and full addresses.
    assert_eq!(p["hearings"][0]["id"], "hearing:hoering-hovedplan");
    assert_eq!(
        p["hearings"][0]["json"],
        "https://planer.test.dk/api/hearings/hoering-hovedplan.json"
    );
    assert_eq!(p["attachments"][0]["media_type"], "application/pdf");
    assert_eq!(p["attachments"][0]["bytes"], 1234);
    assert_eq!(p["attachments"][0]["sha256"].as_str().unwrap().len(), 64);
    let child = out.json("api/plans/delplan-hjemmepleje.json");
    assert_eq!(child["parent"]["slug"], "hovedplan");
    assert_eq!(
        child["parent"]["url"],
        "https://planer.test.dk/planer/hovedplan/"
    );
}

/// Every object that looks like a date (has `precision`) has the four contract keys.
fn check_dates(v: &Value, path: &str, seen: &mut usize) {
    match v {
        Value::Object(m) => {
            if m.contains_key("precision") || m.contains_key("start") {
                for k in ["text", "start", "end", "precision"] {
                    assert!(m.contains_key(k), "date at {path} lacks `{k}`: {v}");
                }
                *seen += 1;
            }
            for (k, x) in m {
                check_dates(x, &format!("{path}.{k}"), seen);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_dates(x, &format!("{path}[{i}]"), seen);
            }
        }
        _ => {}
    }
}

#[test]
fn api_dates_have_text_start_end_and_precision() {
    let out = full_site().built_at(AFTER_MEETING);
    let mut seen = 0;
    for f in out.files().iter().filter(|f| f.starts_with("api/")) {
        check_dates(&out.json(f), f, &mut seen);
    }
    // opens, closes, meeting, response, 3 timeline rows, 2 meetings … at least these.
    assert!(seen >= 10, "only {seen} dates found");
    let plan = out.json("api/plans/hovedplan.json");
    assert_eq!(
        plan["timeline"][2]["when"],
        serde_json::json!({
            "text": "primo 2024",
            "start": "2024-01-01",
            "end": "2024-02-29",
            "precision": "part-of-year"
        })
    );
    assert_eq!(plan["timeline"][0]["when"]["start"], "2008-05-22");
    assert_eq!(plan["timeline"][0]["when"]["precision"], "day");
    let d = out.json("api/decisions/beslutning-hovedplan.json");
    assert_eq!(d["meeting"]["text"], "2008-08-27");
    assert_eq!(d["item"], 7);
    assert_eq!(d["recommendations"][1]["outcome"], "discussed");
}

#[test]
fn api_hearing_deadline_is_rfc3339_with_offset() {
    let out = full_site().built();
    let h = out.json("api/hearings/hoering-hovedplan.json");
    let dl = h["closes"]["deadline"].as_str().expect("closes.deadline");
    let t = chrono::DateTime::parse_from_rfc3339(dl).expect("RFC 3339");
    assert_eq!(t.offset().local_minus_utc(), 2 * 3600, "{dl}");
    assert!(dl.starts_with("2008-06-20T"), "{dl}");
    assert_eq!(h["closes"]["text"], "2008-06-20 12:00");
    // A date-only deadline ends with the day.
    let up = out.json("api/hearings/hoering-trafikplan.json");
    assert_eq!(up["closes"]["deadline"], "2008-08-15T23:59:59+02:00");
}

#[test]
fn api_hearing_deadline_uses_the_time_written_in_closes() {
    let out = full_site().built();
    let h = out.json("api/hearings/hoering-hovedplan.json");
    assert_eq!(h["closes"]["deadline"], "2008-06-20T12:00:00+02:00");
}

#[test]
fn build_is_deterministic_for_a_fixed_now() {
    let site = full_site();
    let a = common::snapshot(&site.built().dir);
    let b = common::snapshot(&site.built().dir);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b[k] == *v, "{k} differs between two identical builds");
    }
}
