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

/// The value a search script file hands to the page.
fn script(out: &common::Out, rel: &str) -> Option<Value> {
    let path = out.dir.join(rel);
    let js = std::fs::read_to_string(path).ok()?;
    let (_, rest) = js.split_once(", ")?;
    let json = rest.trim_end().strip_suffix(");")?;
    Some(serde_json::from_str(json).expect("the index file holds JSON"))
}

/// Every result entry of the site, by document number.
fn index(out: &common::Out) -> Vec<Value> {
    let m = script(out, "search/index.js").expect("the manifest");
    let n = m["docs"].as_u64().unwrap() as usize;
    let chunk = m["chunk"].as_u64().unwrap() as usize;
    (0..n)
        .map(|i| script(out, &format!("search/d-{}.js", i / chunk)).unwrap()[i % chunk].clone())
        .collect()
}

/// The addresses of the results of `query`, as the search script finds them: every
/// folded query word must begin some word of the document; title words rank first.
fn find(out: &common::Out, query: &str) -> Vec<String> {
    let entries = index(out);
    let mut scores: Option<std::collections::BTreeMap<u64, u64>> = None;
    for term in planpub::outputs::search::fold(query).split(' ') {
        let prefix: String = term
            .chars()
            .take(2)
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let mut hits = std::collections::BTreeMap::new();
        if let Some(Value::Object(words)) = script(out, &format!("search/w-{prefix}.js")) {
            for (w, ps) in words {
                if w.starts_with(term) {
                    for p in ps.as_array().unwrap() {
                        let p = p.as_u64().unwrap();
                        let s = if p & 1 == 1 { 10 } else { 1 };
                        let e = hits.entry(p >> 1).or_insert(0);
                        *e = (*e).max(s);
                    }
                }
            }
        }
        scores = Some(match scores {
            None => hits,
            Some(old) => old
                .into_iter()
                .filter_map(|(n, s)| hits.get(&n).map(|h| (n, s + h)))
                .collect(),
        });
    }
    let mut ranked: Vec<(u64, u64)> = scores.unwrap_or_default().into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(n, _)| entries[n as usize]["u"].as_str().unwrap().to_string())
        .collect()
}

/// All the index files' text.
fn all_index_text(out: &common::Out) -> String {
    out.files()
        .into_iter()
        .filter(|f| f.starts_with("search/"))
        .map(|f| out.read(&f))
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
        page.contains("assets/search.js"),
        "the search page loads the script"
    );
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
    let hits = find(&out, "fodgængerovergangene");
    assert_eq!(hits, ["beslutninger/teknisk-udvalg/2024-03-05/3/"]);
    // Beginnings of words match too, and every word must match.
    assert_eq!(
        find(&out, "fodg strandvej"),
        ["beslutninger/teknisk-udvalg/2024-03-05/3/"]
    );
    assert!(find(&out, "fodg ærøgade").is_empty());
    // The case number as written.
    assert_eq!(
        find(&out, "24/1234"),
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
    for q in [
        "Ærøgade",
        "ærøgade",
        "AEROEGADE",
        "aeroegade",
        "høring",
        "hoering",
    ] {
        assert_eq!(find(&out, q), ["hoeringer/aeroegade/"], "query {q:?}");
    }
}

#[test]
fn a_closed_items_text_is_not_in_the_index() {
    let out = site().built_at("2024-04-01");
    let js = all_index_text(&out);
    assert!(!js.contains("HEMMELIGGRUND") && !js.to_lowercase().contains("hemmeliggrund"));
    let entries = index(&out);
    let closed = entries
        .iter()
        .find(|e| e["u"] == "beslutninger/teknisk-udvalg/2024-03-05/4/")
        .unwrap();
    assert_eq!(closed["t"], "Lukket punkt om et køb");
    assert_eq!(closed["e"], "");
    assert!(find(&out, "forhandlingen").is_empty());
}

#[test]
fn a_hearing_result_says_whether_it_is_open_and_until_when() {
    let entry = |now: &str| {
        let out = site().built_at(now);
        index(&out)
            .into_iter()
            .find(|e| e["u"] == "hoeringer/aeroegade/")
            .unwrap()
    };
    let open = entry("2024-02-15");
    assert_eq!(
        (open["s"].as_str(), open["sl"].as_str()),
        (Some("open"), Some("Åben"))
    );
    assert_eq!(open["dl"], "1. marts 2024 kl. 12.00");
    let closed = entry("2024-04-01");
    assert_eq!(closed["s"], "closed");
}

#[test]
fn a_query_loads_only_the_files_it_needs() {
    let s = site();
    for i in 0..300 {
        s.write(
            &format!("content/sider/side-{i}.md"),
            format!(
                "---\ntype: page\ntitle: Side {i}\n---\n\nOrd{i} og andre ord om vejbelysning.\n"
            )
            .as_bytes(),
        );
    }
    let out = s.built_at("2024-04-01");
    let words = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/w-"))
        .count();
    let chunks = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/d-"))
        .count();
    assert!(words > 10, "{words} word files");
    assert_eq!(chunks, 4, "303 documents in files of 100");
    // Every page matches "vejbelysning": the results come from one word file.
    assert_eq!(find(&out, "vejbelysning").len(), 301);
}
