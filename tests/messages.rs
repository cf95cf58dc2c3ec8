//! Messages in the site's language (issue 16): the error fixtures below, read by a
//! Danish site, reach the user without English words — in `check`'s text and JSON and
//! in `build` — and `--lang`/`PLANPUB_LANG` choose the language over the site's.

mod common;

use common::{Run, Site, planpub, run};

/// Words that would only be there if English text reached the user.
const ENGLISH: &[&str] = &[
    "the", "is", "not", "field", "expected", "found", "but", "error", "errors", "warning", "help",
    "there", "cannot", "must", "write", "missing", "allowed", "value", "values", "because",
    "could", "read", "file", "folder", "did", "you", "mean", "line", "with", "fix", "built",
    "problems",
];

/// The text without what the author wrote: `code`, "quoted" and file paths.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    let mut in_quote = false;
    for c in text.chars() {
        match c {
            '`' => in_code = !in_code,
            '"' if !in_code => in_quote = !in_quote,
            _ if in_code || in_quote => {}
            _ => out.push(c),
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains(".md") && !w.contains(".yaml"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
fn assert_no_english(what: &str, text: &str) {
    let p = prose(text);
    let words: Vec<String> = p
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let found: Vec<&&str> = ENGLISH
        .iter()
        .filter(|e| words.iter().any(|w| w == *e))
        .collect();
    assert!(found.is_empty(), "{what}: English {found:?} in:\n{text}");
}

/// A Danish site with one mistake of every kind the fixtures cover.
fn broken() -> Site {
    let md = |fm: &str| format!("---\n{fm}---\n\nTekst om sagen.\n");
    Site::new()
        // An unquoted colon in the title.
        .file("content/hoeringer/kolon.md", &md("type: hearing\ntitle: Høring: Havnen\nopens: 2024-03-01\ncloses: 2024-04-01\nrespond: { email: hoering@kommune.dk }\n"))
        // A tab.
        .file("content/sider/tab.md", &md("type: page\ntitle: Side\n\tsummary: Om siden\n"))
        // A misspelt field, a status that is not allowed.
        .file("content/planer/stavet.md", &md("type: plan\ntitle: Planen\nstatsu: draft\nowner: Teknik og Miljø\n"))
        .file("content/planer/status.md", &md("type: plan\ntitle: En anden plan\nstatus: vedtaget\n"))
        // A required field left out, a number that is text, a reference to nothing.
        .file("content/hoeringer/uden-frist.md", &md("type: hearing\ntitle: Høring uden frist\nopens: 2024-03-01\nrespond: { email: hoering@kommune.dk }\n"))
        .file("content/hoeringer/henvisning.md", &md("type: hearing\ntitle: Høring om havnen\nsummary: Om havnen.\nopens: 2024-03-01\ncloses: 2024-04-01\nplan: havneplanen\nrespond: { email: hoering@kommune.dk }\n"))
        .file("content/beslutninger/punkt.md", &md("type: decision\ntitle: Punkt\nbody: Byrådet\nmeeting: 2024-03-12\nitem: fire\n"))
        // The committee under both its names.
        .file("content/beslutninger/to-navne.md", &md("type: decision\ntitle: Punkt to\ncommittee: Byrådet\nbody: Byrådet\nmeeting: 2024-03-12\nitem: 2\n"))
        // A field written twice, a value starting with a reserved character.
        .file("content/sider/dobbelt.md", &md("type: page\ntitle: Side\ntitle: Side igen\n"))
        .file("content/sider/snabel.md", &md("type: page\ntitle: @ Rådhuset\n"))
}

fn danish(cmd: &mut std::process::Command) -> Run {
    run(cmd.env("PLANPUB_LANG", "da"))
}

#[test]
fn check_speaks_danish_to_a_danish_site_without_english_words() {
    let site = broken();
    let r = danish(planpub().arg("check").arg("--root").arg(site.root()));
    r.assert_failed();
    let lines: Vec<&str> = r.stderr.lines().chain(r.stdout.lines()).collect();
    assert!(lines.len() >= 10, "{}", r.all());
    for line in &lines {
        assert_no_english("check", line);
    }
    let all = r.all();
    for expected in [
        "titlen indeholder et kolon",
        "rykket ind med et tabulatortegn",
        "mente du `status`?",
        "`vedtaget` er ikke en tilladt værdi",
        "det påkrævede felt `closes` mangler",
        "her skal stå et helt tal, men der står teksten",
        "der er ingen plan med slug \"havneplanen\"",
        "feltet `title` står der to gange",
        "`committee` og `body` er to navne for samme felt",
        "brug helst `committee:`",
        "begynder med et tegn, som YAML har reserveret",
        "Der er problemer: ",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
}

#[test]
fn check_json_carries_the_danish_message_and_help() {
    let site = broken();
    let r = danish(
        planpub()
            .args(["check", "-f", "json", "--root"])
            .arg(site.root()),
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let list = v["diagnostics"].as_array().expect("list");
    assert!(list.len() >= 8, "{v:#}");
    for d in list {
        assert_no_english("json message", d["message"].as_str().unwrap_or(""));
        assert_no_english("json help", d["help"].as_str().unwrap_or(""));
    }
    let colon = list
        .iter()
        .find(|d| d["file"] == "content/hoeringer/kolon.md")
        .expect("the colon");
    assert_eq!(colon["field"], "title");
    assert_eq!(colon["line"], 3);
    assert!(
        colon["help"]
            .as_str()
            .unwrap()
            .contains("title: \"Høring: Havnen\""),
        "{colon:#}"
    );
}

#[test]
fn build_speaks_danish_and_says_nothing_of_a_previous_output_it_never_had() {
    let site = broken();
    let r = danish(planpub().arg("build").arg("--root").arg(site.root()));
    r.assert_failed();
    for line in r.stderr.lines() {
        assert_no_english("build", line);
    }
    let last = r.stderr.lines().last().unwrap_or("");
    assert!(last.starts_with("Sitet blev ikke bygget ("), "{last}");
    assert!(!last.contains("tidligere"), "{last}");
}

#[test]
fn wrong_folders_are_explained_in_danish() {
    let tmp = tempfile::tempdir().unwrap();
    let r = danish(
        planpub()
            .arg("check")
            .arg("--root")
            .arg(tmp.path().join("findes-ikke")),
    );
    r.assert_failed();
    assert!(
        r.stderr.contains("der er ingen `site.yaml` i"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hjælp: "), "{}", r.stderr);
    for line in r.stderr.lines() {
        assert_no_english("folders", line);
    }
}

#[test]
fn the_language_flag_and_the_environment_win_over_the_site() {
    let site = broken();
    // The site says da; --lang en and PLANPUB_LANG=en both give English.
    let flag = danish(
        planpub()
            .args(["--lang", "en", "check", "--root"])
            .arg(site.root()),
    );
    assert!(
        flag.stderr.contains("the title contains a colon"),
        "{}",
        flag.stderr
    );
    assert!(flag.stdout.contains("Problems found: "), "{}", flag.stdout);
    let env = run(planpub().arg("check").arg("--root").arg(site.root()));
    assert!(
        env.stderr.contains("is not a known field here"),
        "{}",
        env.stderr
    );
    // Without either, the site's language.
    let site_lang = run(planpub()
        .env_remove("PLANPUB_LANG")
        .arg("check")
        .arg("--root")
        .arg(site.root()));
    assert!(
        site_lang.stderr.contains("er ikke et kendt felt her"),
        "{}",
        site_lang.stderr
    );
    let en_site = Site::bare()
        .file(
            "site.yaml",
            &common::SITE_YAML.replace("language: da", "language: en"),
        )
        .file(
            "content/planer/p.md",
            "---\ntype: plan\ntitle: P\nstatsu: draft\n---\n",
        );
    let r = run(planpub()
        .env_remove("PLANPUB_LANG")
        .arg("check")
        .arg("--root")
        .arg(en_site.root()));
    assert!(r.stderr.contains("did you mean `status`?"), "{}", r.stderr);
}
