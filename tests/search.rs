//! Site search (issue 7): the index is written at build time, finds Danish words
//! however they are spelt, and holds nothing of a closed item but its title.

mod common;

use common::Site;
use serde_json::Value;

const DECISION: &str = r#"---
type: decision
title: Ny vejbelysning på Strandvejen
summary: Udvalget godkendte ny belysning.
body: Teknisk udvalg
meeting: 2024-03-05
case_number: 24/1234
item: 3
recommendations:
  - text: At projektet godkendes
    outcome: approved
---

Lamperne på Strandvejen udskiftes med LED-armaturer, så fodgængerovergangene bliver
tryggere om aftenen. Arbejdet begynder i efteråret.
"#;

const CLOSED: &str = r#"---
type: decision
title: Lukket punkt om et køb
body: Teknisk udvalg
meeting: 2024-03-05
item: 4
access: closed
---

Forhandlingen om grunden HEMMELIGGRUND er fortrolig.
"#;

const HEARING: &str = r#"---
type: hearing
title: Høring om Ærøgade
summary: Sig din mening om ombygningen af Ærøgade.
opens: 2024-02-01
closes: 2024-03-01 12:00
respond: { email: hoering@example.dk }
---

Høringen handler om fortove og cykelstier.
"#;

/// The entries of `search-index.js`.
fn index(out: &common::Out) -> Vec<Value> {
    let js = out.read("search-index.js");
    let json = js
        .split_once("window.PLANPUB_SEARCH = ")
        .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
        .expect("the index assigns window.PLANPUB_SEARCH");
    serde_json::from_str::<Vec<Value>>(json).expect("the index is JSON")
}

/// The addresses of the entries that contain every folded query word at the start of a
/// word, as the search script matches them.
fn find(entries: &[Value], query: &str) -> Vec<String> {
    let terms: Vec<String> = planpub::outputs::search::fold(query)
        .split(' ')
        .map(|t| format!(" {t}"))
        .collect();
    entries
        .iter()
        .filter(|e| {
            let hay = format!(" {} ", e["x"].as_str().unwrap_or(""));
            terms.iter().all(|t| hay.contains(t.as_str()))
        })
        .map(|e| e["u"].as_str().unwrap_or("").to_string())
        .collect()
}

fn site() -> Site {
    Site::new()
        .file("content/beslutninger/belysning.md", DECISION)
        .file("content/beslutninger/lukket.md", CLOSED)
        .file("content/hoeringer/aeroegade.md", HEARING)
}

#[test]
fn the_index_is_written_and_the_search_page_loads_it() {
    let out = site().built_at("2024-04-01");
    let entries = index(&out);
    assert_eq!(entries.len(), 3);
    let page = out.read("soeg/index.html");
    assert!(
        page.contains("search-index.js"),
        "the search page loads the index"
    );
    assert!(page.contains("assets/search.js"));
    // Without JavaScript the page still leads somewhere useful.
    let p = out.html("soeg/index.html");
    assert!(
        p.texts(".search-fallback a")
            .iter()
            .any(|t| t == "Beslutninger")
    );
}

#[test]
fn a_word_from_a_decision_finds_it() {
    let out = site().built_at("2024-04-01");
    let entries = index(&out);
    let hits = find(&entries, "fodgængerovergangene");
    assert_eq!(hits, ["beslutninger/teknisk-udvalg/2024-03-05/3/"]);
    // Beginnings of words match too, and every word must match.
    assert_eq!(
        find(&entries, "fodg strandvej"),
        ["beslutninger/teknisk-udvalg/2024-03-05/3/"]
    );
    assert!(find(&entries, "fodg ærøgade").is_empty());
    // The case number as written.
    assert_eq!(
        find(&entries, "24/1234"),
        ["beslutninger/teknisk-udvalg/2024-03-05/3/"]
    );
    let e = entries
        .iter()
        .find(|e| e["u"] == "beslutninger/teknisk-udvalg/2024-03-05/3/")
        .unwrap();
    assert_eq!(e["k"], "decision");
    assert_eq!(e["l"], "Beslutning");
    assert_eq!(e["d"], "5. marts 2024");
    assert_eq!(e["e"], "Udvalget godkendte ny belysning.");
}

#[test]
fn danish_letters_match_however_they_are_written() {
    let out = site().built_at("2024-04-01");
    let entries = index(&out);
    for q in [
        "Ærøgade",
        "ærøgade",
        "AEROEGADE",
        "aeroegade",
        "høring",
        "hoering",
    ] {
        assert_eq!(find(&entries, q), ["hoeringer/aeroegade/"], "query {q:?}");
    }
}

#[test]
fn a_closed_items_text_is_not_in_the_index() {
    let out = site().built_at("2024-04-01");
    let js = out.read("search-index.js");
    assert!(!js.contains("HEMMELIGGRUND") && !js.to_lowercase().contains("hemmeliggrund"));
    let entries = index(&out);
    let closed = entries
        .iter()
        .find(|e| e["u"] == "beslutninger/teknisk-udvalg/2024-03-05/4/")
        .unwrap();
    assert_eq!(closed["t"], "Lukket punkt om et køb");
    assert_eq!(closed["e"], "");
    assert!(find(&entries, "forhandlingen").is_empty());
}
