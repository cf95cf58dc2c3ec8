//! Messages in the site's language (issue 16): the error fixtures below, read by a
//! Danish site, reach the user without English words — in `check`'s text and JSON and
//! in `build` — and `--lang`/`PLANPUB_LANG` choose the language over the site's.

mod common;

use common::{Run, Site, planpub, run};

/// Words that would only be there if English text reached the user (not "have",
/// "date" or "track": Danish and the YAML staff write use them too).
const ENGLISH: &[&str] = &[
    "the", "is", "not", "field", "expected", "found", "but", "error", "errors", "warning", "help",
    "there", "cannot", "must", "write", "missing", "allowed", "value", "values", "because",
    "could", "read", "file", "folder", "did", "you", "mean", "line", "with", "fix", "built",
    "problems", "row", "rows", "table", "sheet", "empty", "nothing", "written", "would", "has",
    "heading", "imported", "timeline", "tracks", "actions", "undated",
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

/// `planpub check` of `site` at the moment `now`, in the site's own language.
fn check_at(site: &Site, now: &str) -> Run {
    no_lang(
        planpub()
            .args(["check", "--now", now, "--root"])
            .arg(site.root()),
    )
}

#[track_caller]
fn assert_contains_all(all: &str, expected: &[&str]) {
    for e in expected {
        assert!(all.contains(e), "missing {e:?} in\n{all}");
    }
}

/// A site in `language` with the common settings.
fn site_in(language: &str) -> Site {
    Site::bare().file(
        "site.yaml",
        &common::SITE_YAML.replace("language: da", &format!("language: {language}")),
    )
}

/// `check --format json` at `now` finds at least `min` problems, told without English.
#[track_caller]
fn assert_json_danish(site: &Site, now: &str, min: usize) {
    let json = no_lang(
        planpub()
            .args(["check", "-f", "json", "--now", now, "--root"])
            .arg(site.root()),
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let list = v["diagnostics"].as_array().expect("list");
    assert!(list.len() >= min, "{v:#}");
    for d in list {
        assert_no_english("json message", d["message"].as_str().unwrap_or(""));
        assert_no_english("json help", d["help"].as_str().unwrap_or(""));
    }
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
    assert_contains_all(
        &all,
        &[
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
        ],
    );
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
    // The preview says the same, not that its folder cannot be made.
    let r = danish(
        planpub()
            .args(["serve", "--port", "0", "--root"])
            .arg(tmp.path().join("findes-ikke")),
    );
    r.assert_failed();
    assert!(
        r.stderr.contains("der er ingen `site.yaml` i"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("forhåndsvisningen"), "{}", r.stderr);
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
    let en_site = site_in("en").file(
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

/// The second set of fixtures (issue 16): dates, attachments, links, site settings,
/// templates, each in a site of its own language.
fn more_mistakes(language: &str) -> Site {
    let md = |fm: &str, body: &str| format!("---\n{fm}---\n\n{body}\n");
    Site::bare()
        .file(
            "site.yaml",
            &format!(
                "title: Testkommunens planer\nlanguage: {language}\nbase_url: https://planer.test.dk/\norganisation: Testkommune\ncontact:\n  email: planer@test.dk\n"
            ),
        )
        // A date that is no date, a day that does not exist, a week where a day is needed.
        .file("content/planer/dato.md", &md("type: plan\ntitle: Planen\ntimeline:\n  - when: snart engang\n    what: Start\n  - when: 30. februar 2023\n    what: Slut\n", "Tekst."))
        .file("content/hoeringer/uge.md", &md("type: hearing\ntitle: Høringen\nopens: uge 10 2008\ncloses: 2008-06-20\nrespond: { email: hoering@kommune.dk }\n", "Tekst."))
        // An attachment that is not there, one a browser would run, an address with a mistake.
        .file("content/sider/bilag.md", &md("type: page\ntitle: Bilag\nattachments:\n  - { title: Notat, file: mangler.pdf }\n", "Tekst."))
        .file("content/hoeringer/adresse.md", &md("type: hearing\ntitle: Høring om adresser\nopens: 2008-05-01\ncloses: 2008-06-20\nrespond: { email: \"hoering@kommune\" }\n", "Tekst."))
        .file("content/hoeringer/svar.md", &md("type: hearing\ntitle: Høring om svar\nopens: 2008-05-01\ncloses: 2008-06-20\nrespond: { url: \"javascript:alert(1)\" }\n", "Tekst."))
        // A template with a mistake.
        .file("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ doc.title }{% endblock content %}")
}

/// Mistakes found once every file reads: a link to a draft, a template that uses a
/// value that does not exist (found when the pages are made).
fn site_mistakes(language: &str) -> Site {
    let md = |fm: &str, body: &str| format!("---\n{fm}---\n\n{body}\n");
    site_in(language)
        .file(
            "content/sider/kladde.md",
            &md("type: page\ntitle: Kladden\ndraft: true\n", "Tekst."),
        )
        .file(
            "content/sider/link.md",
            &md("type: page\ntitle: Links\n", "Se [kladden](/kladde/)."),
        )
        .file("templates/page.html", "{{ no_such_value.inner }}\n")
}

/// A site.yaml with settings that cannot be used.
fn bad_settings(language: &str) -> Site {
    Site::bare()
        .file(
            "site.yaml",
            &format!(
                "title: \"\"\nlanguage: {language}\nbase_url: ftp://planer.test.dk/\ntimezone: Mars/Olympus\ntheme: findes-ikke\nlicence:\n  name: CC BY\n  url: cc-by\n"
            ),
        )
        .file("content/sider/s.md", "---\ntype: page\ntitle: S\n---\n")
}

fn no_lang(cmd: &mut std::process::Command) -> Run {
    run(cmd.env_remove("PLANPUB_LANG"))
}

#[track_caller]
fn assert_all_danish(what: &str, r: &Run) {
    for line in r.stderr.lines().chain(r.stdout.lines()) {
        assert_no_english(what, line);
    }
}

#[test]
fn dates_attachments_links_and_templates_are_explained_in_danish() {
    let site = more_mistakes("da");
    let r = check_at(&site, "2008-06-01");
    r.assert_failed();
    assert_all_danish("check", &r);
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "\"snart engang\" er ikke en dato, som planpub kan læse. Disse former virker:",
            "- en uge: uge 15 2023",
            "\"30. februar 2023\" er ikke en dato, der findes: februar 2023 har 28 dage.",
            "\"uge 10 2008\" er en uge og ikke én dag, men `opens` skal angive én bestemt dag",
            "bilaget \"mangler.pdf\" (\"Notat\") findes ikke",
            "er ikke en e-mailadresse",
            "er ikke en webadresse, planpub vil linke til",
            "skabelonen kunne ikke læses: `page.html` har en fejl i linje 1",
            "hjælp: se efter, at hver `{{` har sin `}}`",
        ],
    );
    // The overlay and tools get the same words through the JSON.
    assert_json_danish(&site, "2008-06-01", 6);
}

#[test]
fn an_english_site_gets_the_same_problems_in_english() {
    let site = more_mistakes("en");
    let r = check_at(&site, "2008-06-01");
    r.assert_failed();
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "\"snart engang\" is not a date this site understands. These forms work:",
            "\"30. februar 2023\" is not a real date: February 2023 has 28 days.",
            "\"uge 10 2008\" is a week, not one day, but `opens` must name one exact day",
            "the attachment \"mangler.pdf\" (\"Notat\") does not exist",
            "is not an e-mail address",
            "is not a web address planpub will link to",
            "the template could not be read: `page.html` has a mistake at line 1",
            "Problems found: ",
        ],
    );
    let b = bad_settings("en");
    let r = no_lang(planpub().arg("check").arg("--root").arg(b.root()));
    assert!(
        r.stderr
            .contains("\"Mars/Olympus\" is not a known time zone"),
        "{}",
        r.stderr
    );
}

#[test]
fn site_settings_are_explained_in_danish() {
    let site = bad_settings("da");
    let r = no_lang(planpub().arg("check").arg("--root").arg(site.root()));
    r.assert_failed();
    assert_all_danish("settings", &r);
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "sitet har ingen titel",
            "er ikke en webadresse, planpub vil linke til: den skal begynde med https://",
            "\"Mars/Olympus\" er ikke en kendt tidszone",
            "\"cc-by\" er ikke en webadresse",
            "hjælp: skriv den fulde adresse på det offentliggjorte site",
        ],
    );
    // A missing theme folder is found once the other settings are right.
    let theme = Site::new().file(
        "site.yaml",
        &format!("{}theme: findes-ikke\n", common::SITE_YAML),
    );
    let r = no_lang(planpub().arg("check").arg("--root").arg(theme.root()));
    assert!(
        r.stderr.contains("temamappen \"findes-ikke\" findes ikke"),
        "{}",
        r.stderr
    );
    assert_all_danish("theme", &r);
}

#[test]
fn a_port_in_use_is_one_danish_sentence_naming_the_port_and_what_to_do() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = busy.local_addr().unwrap().port();
    let site = Site::new();
    let r = no_lang(
        planpub()
            .args(["serve", "--port", &port.to_string(), "--root"])
            .arg(site.root()),
    );
    r.assert_failed();
    assert!(
        r.stderr.contains(&format!(
            "fejl: port {port} bruges allerede af et andet program"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`--port`"), "{}", r.stderr);
    assert!(r.stderr.contains("stop det andet program"), "{}", r.stderr);
    assert!(!r.stderr.contains("os error"), "{}", r.stderr);
    assert_all_danish("serve", &r);
    // In English for an English reader.
    let en = run(planpub()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root()));
    assert!(
        en.stderr.contains(&format!(
            "error: port {port} is already in use by another program"
        )),
        "{}",
        en.stderr
    );
    drop(busy);
}

#[test]
fn snapshot_and_verify_of_a_damaged_snapshot_speak_danish() {
    let site = Site::new().file(
        "content/sider/om.md",
        "---\ntype: page\ntitle: Om sitet\n---\n\nTekst om sitet.\n",
    );
    let out = site.tmp().join("arkiv");
    let snap = no_lang(
        planpub()
            .args(["snapshot", "--now", "2008-06-01", "--out"])
            .arg(&out)
            .arg("--root")
            .arg(site.root()),
    );
    snap.assert_ok();
    assert!(snap.stdout.starts_with("Pose: "), "{}", snap.stdout);
    assert_all_danish("snapshot", &snap);
    let bag = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("the bag");
    // A second snapshot into the same folder is refused, in Danish, with what to do.
    let again = no_lang(
        planpub()
            .args(["snapshot", "--now", "2008-06-01", "--out"])
            .arg(&out)
            .arg("--root")
            .arg(site.root()),
    );
    again.assert_failed();
    assert!(again.stderr.contains("findes allerede"), "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("hjælp: vælg en anden mappe med `--out`"),
        "{}",
        again.stderr
    );
    assert_all_danish("snapshot again", &again);
    // Damage: a file added, one changed, one removed.
    std::fs::write(bag.join("data/ekstra.txt"), "x\n").unwrap();
    std::fs::write(bag.join("data/robots.txt"), "ændret\n").unwrap();
    std::fs::remove_file(bag.join("data/sitemap.xml")).unwrap();
    // Payload-Oxum (the payload's size) no longer matches either: four problems.
    let v = no_lang(
        planpub()
            .arg("verify")
            .arg(&bag)
            .arg("--root")
            .arg(site.root()),
    );
    v.assert_failed();
    assert!(
        v.stdout.starts_with("posen er ikke i orden: 4 problemer"),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout
            .contains("data/ekstra.txt: findes, men står ikke i manifest-sha256.txt"),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout
            .contains("data/robots.txt: kontrolsummen passer ikke"),
        "{}",
        v.stdout
    );
    assert!(
        v.stdout
            .contains("data/sitemap.xml: står i manifestet, men mangler"),
        "{}",
        v.stdout
    );
    assert_all_danish("verify", &v);
    let missing = no_lang(
        planpub()
            .arg("verify")
            .arg(site.tmp().join("ingen-pose"))
            .arg("--root")
            .arg(site.root()),
    );
    missing.assert_failed();
    assert!(
        missing
            .stderr
            .contains("er ikke en BagIt-pose: den findes ikke"),
        "{}",
        missing.stderr
    );
    assert_all_danish("verify missing", &missing);
}

#[test]
fn the_date_command_and_a_bad_moment_speak_danish() {
    let site = Site::new();
    let r = no_lang(
        planpub()
            .args(["date", "Høringsfrist: 3. maj 2024 (forventet)", "--root"])
            .arg(site.root()),
    );
    r.assert_ok();
    assert!(r.stdout.contains("slut:      2024-05-03"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("bemærk:    \"forventet\": datoen er forventet, ikke fastlagt"),
        "{}",
        r.stdout
    );
    assert_all_danish("date", &r);
    let bad = no_lang(planpub().args(["date", "snart", "--root"]).arg(site.root()));
    bad.assert_failed();
    assert!(
        bad.stderr.starts_with("fejl: \"snart\" er ikke en dato"),
        "{}",
        bad.stderr
    );
    assert_all_danish("date error", &bad);
    let now = check_at(&site, "i morgen");
    now.assert_failed();
    assert!(
        now.stderr
            .contains("er ikke et tidspunkt, planpub kan læse"),
        "{}",
        now.stderr
    );
    assert_all_danish("--now", &now);
}

#[test]
fn problems_found_across_the_site_are_told_in_the_sites_language() {
    let svg = |language: &str| {
        site_mistakes(language)
            .file("content/sider/kort.md", "---\ntype: page\ntitle: Kort\nattachments:\n  - { title: Kort, file: kort.svg }\n---\n")
            .file("content/sider/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
    };
    let r = no_lang(planpub().args(["check", "--root"]).arg(svg("da").root()));
    assert!(
        r.stderr.contains(
            "bilaget \"kort.svg\" er et SVG-billede, en filtype, som browsere kører programkode i"
        ),
        "{}",
        r.stderr
    );
    assert_all_danish("svg", &r);
    let r = no_lang(planpub().args(["check", "--root"]).arg(svg("en").root()));
    assert!(
        r.stderr
            .contains("the attachment \"kort.svg\" is an SVG image"),
        "{}",
        r.stderr
    );
    let da = site_mistakes("da");
    let r = check_at(&da, "2008-06-01");
    r.assert_failed();
    assert_all_danish("site check", &r);
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "som er en kladde eller endnu ikke offentliggjort",
            "siden kunne ikke laves med skabelonen `page.html`: den bruger værdien `no_such_value.inner`, som ikke findes her",
        ],
    );
    let en = site_mistakes("en");
    let r = check_at(&en, "2008-06-01");
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "which is a draft or not yet published",
            "the page could not be rendered with the template `page.html`: it uses the value `no_such_value.inner`, which does not exist here",
        ],
    );
}

/// The third set of fixtures (issue 16): editorial checks, a plan's status, slugs,
/// YAML tags, the decision ledger — in a site of the given language, checked during
/// the hearing (2024-03-03).
fn checked_mistakes(language: &str) -> Site {
    let md = |fm: &str| format!("---\n{fm}---\n\nTekst om sagen.\n");
    site_in(language)
        // Too short, no way to respond, open without documents, for a plan that says
        // it is adopted.
        .file("content/hoeringer/kort.md", &md("type: hearing\ntitle: Kort høring\nopens: 2024-03-01\ncloses: 2024-03-05\nplan: planen\n"))
        .file("content/planer/planen.md", &md("type: plan\ntitle: Planen\nstatus: adopted\n"))
        // Two files with the same slug, a YAML tag.
        .file("content/sider/a.md", &md("type: page\ntitle: Side A\nslug: samme\n"))
        .file("content/sider/b.md", &md("type: page\ntitle: Side B\nslug: samme\n"))
        .file("content/sider/tag.md", &md("type: page\ntitle: !!str Om mærker\n"))
}

const DURING: &str = "2024-03-03";

#[test]
fn editorial_checks_slugs_and_tags_are_explained_in_danish() {
    let site = checked_mistakes("da");
    let r = check_at(&site, DURING);
    r.assert_failed();
    assert_all_danish("check", &r);
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "høringsperioden er 5 dage, kortere end de mindst 28 dage",
            "høringen giver ikke borgerne nogen måde at svare på",
            "høringen er åben, men har intet høringsmateriale",
            "der står `status: adopted`, men høringen \"Kort høring\" er åben",
            "fjern `status:`, så vises den status",
            "(nu: `hearing`)",
            "to filer har samme",
            "er et YAML-mærke (tag), som planpub ikke læser",
        ],
    );
    assert_json_danish(&site, DURING, 6);
}

#[test]
fn an_english_site_gets_the_editorial_checks_in_english() {
    let site = checked_mistakes("en");
    let r = check_at(&site, DURING);
    r.assert_failed();
    let all = r.all();
    assert_contains_all(
        &all,
        &[
            "the hearing period is 5 days, shorter than the minimum of 28 days",
            "the hearing gives citizens no way to respond",
            "the hearing is open but has no documents (høringsmateriale)",
            "status: adopted, but the hearing \"Kort høring\" is open",
            "remove `status:` to show the status the plan's timeline, hearings and decisions give (now: hearing)",
            "two files have the same slug \"samme\"",
            "`!!str` is a YAML tag, which planpub does not read",
        ],
    );
}

/// A decision published by one build and changed before the next, in `language`.
fn changed_decision(language: &str) -> Site {
    let decision = |summary: &str| {
        format!(
            "---\ntype: decision\ntitle: Vedtagelse af planen\ncommittee: Byrådet\nmeeting: 2024-03-12\nitem: 4\nrecommendations:\n  - text: At planen vedtages.\n    outcome: approved\nsummary: {summary}\n---\n\nTekst.\n"
        )
    };
    let site = site_in(language).file(
        "content/beslutninger/vedtagelse.md",
        &decision("Planen blev vedtaget."),
    );
    no_lang(
        planpub()
            .args(["build", "--now", "2024-04-01", "--root"])
            .arg(site.root()),
    )
    .assert_ok();
    site.write(
        "content/beslutninger/vedtagelse.md",
        decision("Planen blev vedtaget med ændringer.").as_bytes(),
    );
    site
}

#[test]
fn a_changed_published_decision_is_explained_in_danish_and_english() {
    let site = changed_decision("da");
    let r = check_at(&site, "2024-04-02");
    r.assert_failed();
    assert_all_danish("ledger", &r);
    assert!(
        r.stderr.contains("er ændret siden uden en rettelse"),
        "{}",
        r.stderr
    );
    let en = changed_decision("en");
    let r = check_at(&en, "2024-04-02");
    assert!(
        r.stderr
            .contains("has been changed since, without a correction"),
        "{}",
        r.stderr
    );
}

#[test]
fn import_with_bad_columns_speaks_the_sites_language() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/unusual-headings.csv");
    let site = Site::new();
    let r = no_lang(
        planpub()
            .arg("import")
            .arg(&fixture)
            .args(["--columns", "wen=3,what=2", "--root"])
            .arg(site.root()),
    );
    r.assert_failed();
    assert!(
        r.stderr
            .contains("fejl: `wen` i --columns er ikke et af felterne (mente du `when`?)"),
        "{}",
        r.stderr
    );
    assert_all_danish("import", &r);
    let en = no_lang(
        planpub()
            .arg("import")
            .arg(&fixture)
            .args(["--lang", "en", "--columns", "when=1,what=1", "--root"])
            .arg(site.root()),
    );
    en.assert_failed();
    assert!(
        en.stderr
            .contains("error: --columns gives column 1 to both `when` and `what`"),
        "{}",
        en.stderr
    );
}

/// The fourth set (issue 16): rows and titles, a withdrawal, an address used twice, and
/// an output folder inside the sources.
fn row_mistakes(language: &str) -> Site {
    let md = |fm: &str| format!("---\n{fm}---\n\nTekst om sagen.\n");
    site_in(language)
        .file("content/planer/uden-titel.md", &md("type: plan\nstatus: draft\ntimeline:\n  - when: primo 2024\n    undated: senere\n    what: Begge\n  - what: Ingen dato\n"))
        .file("content/beslutninger/trukket.md", &md("type: decision\ntitle: Punkt\ncommittee: Byrådet\nmeeting: 2024-03-12\nitem: 1\nwithdrawn:\n  date: 2024-03-13\n  reason: \" \"\n"))
}

#[test]
fn rows_titles_withdrawals_and_output_folders_speak_the_sites_language() {
    for (language, expected) in [
        (
            "da",
            [
                "siden har ingen titel",
                "en række kan ikke have både `when` og `undated`",
                "rækken har ingen dato",
                "en tilbagetrækning skal have en begrundelse",
            ],
        ),
        (
            "en",
            [
                "the page has no title",
                "a row cannot have both `when` and `undated`",
                "the row has no date",
                "a withdrawal needs a reason",
            ],
        ),
    ] {
        let site = row_mistakes(language);
        let r = no_lang(planpub().arg("check").arg("--root").arg(site.root()));
        r.assert_failed();
        if language == "da" {
            assert_all_danish("check", &r);
        }
        let all = r.all();
        for e in expected {
            assert!(all.contains(e), "missing {e:?} in\n{all}");
        }
        // A page and a static file at one address (in a site without other mistakes:
        // addresses are compared once the content reads).
        let clash = site_in(language)
            .file(
                "content/sider/om.md",
                "---\ntype: page\ntitle: Om os\n---\n",
            )
            .file("static/om/index.html", "<p>gammel side</p>");
        let r = no_lang(planpub().arg("build").arg("--root").arg(clash.root()));
        r.assert_failed();
        if language == "da" {
            assert_all_danish("build with two things at one address", &r);
        }
        let e = if language == "da" {
            "to forskellige ting ville blive udgivet på denne adresse: siden fra content/sider/om.md og filen "
        } else {
            "two different things would be published at this address: the page of content/sider/om.md and the file "
        };
        assert!(r.stderr.contains(e), "{}", r.stderr);
        let inside = site.root().join("content").join("ud");
        let r = no_lang(
            planpub()
                .arg("build")
                .arg("--root")
                .arg(site.root())
                .arg("--out")
                .arg(&inside),
        );
        r.assert_failed();
        let e = if language == "da" {
            "ville indeholde eller erstatte mappen content"
        } else {
            "would contain or replace the content folder"
        };
        assert!(r.stderr.contains(e), "{}", r.stderr);
        if language == "da" {
            assert_all_danish("build --out inside content", &r);
        }
    }
}

#[test]
fn command_line_mistakes_are_told_in_the_readers_language() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["buidl"],
            "`buidl` er ikke en af planpubs kommandoer",
            "mente du `build`?",
        ),
        (
            &["build", "--otu", "x"],
            "`--otu` er ikke et tilvalg til denne kommando",
            "`planpub --help` viser kommandoerne",
        ),
        (
            &["check", "--format", "xml"],
            "`xml` kan ikke bruges til `--format`; tilladte værdier: text, json",
            "hjælp: ",
        ),
        (&["import"], "`<FILE>` skal angives", "hjælp: "),
    ];
    for (args, message, help) in cases {
        let r = danish(planpub().current_dir(tmp.path()).args(args));
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.all());
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(help), "{args:?}: {}", r.stderr);
        assert_all_danish("command line", &r);
    }
    let r = run(planpub()
        .env("PLANPUB_LANG", "en")
        .args(["build", "--otu", "x"]));
    assert!(
        r.stderr
            .contains("error: `--otu` is not an option of this command"),
        "{}",
        r.stderr
    );
    // Help is still help, with success.
    let r = danish(planpub().arg("--help"));
    assert_eq!(r.code, Some(0), "{}", r.all());
}

/// The import fixtures, and files made here that planpub cannot import (issue 16d).
fn import_site(language: &str) -> Site {
    site_in(language)
        .file("content/sider/om.md", "---\ntype: page\ntitle: Om\n---\n")
        .file("x.docx", "ikke en zip")
        .file("plan.pdf", "%PDF-1.4")
        // A row without an activity and a level planpub does not know.
        .file(
            "raekker.csv",
            "Dato;Aktivitet;Niveau\nmarts 2024;;central\napril 2024;Møde;regionalt\n",
        )
}

fn import_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// `planpub import` in the site's language: (the file, its arguments, whether it
/// succeeds, what a Danish site reads, what an English site reads).
type ImportCase = (
    std::path::PathBuf,
    &'static [&'static str],
    bool,
    &'static [&'static str],
    &'static [&'static str],
);

fn import_cases(site: &Site) -> Vec<ImportCase> {
    let root = site.root();
    vec![
        (
            import_fixture("masterplan.docx"),
            &["--dry-run"],
            true,
            &[
                "Titel: Procesplan for udarbejdelse af masterplan for det sociale område (dokumentets første overskrift)\n",
                "Ville oprette: content/planer/procesplan-for-udarbejdelse-af-masterplan-for-det-sociale-omraade.md\n",
                "Tidslinje (8 rækker): hvor, datoen som skrevet, fra – til, præcision, hvad [hvem]",
                "  tabel 1, række 3         \"Februar-oktober 2023\"           2023-02-01 – 2023-10-31  periode ",
                "2024-01-01 – 2024-02-29  del af år ",
                "Brødtekst: 3 afsnit uden for tabellerne",
                "Læste 8 rækker i tidslinjen; intet er skrevet (`--dry-run`).",
                "advarsel: tabel 1, række 7: \"December\" har intet årstal, så planpub læste det som 2023, årstallet i rækken før\n  hjælp: skriv årstallet, hvis det ikke var det, du mente",
            ],
            &[
                "Title: Procesplan for udarbejdelse af masterplan for det sociale område (the document's first heading)\n",
                "Would write: content/planer/procesplan-for-udarbejdelse-af-masterplan-for-det-sociale-omraade.md\n",
                "Timeline (8 rows): where, when as written, interval, precision, what [who]",
                "2024-01-01 – 2024-02-29  part-of-year ",
                "Body text: 3 blocks from outside the tables",
                "Read 8 timeline rows; nothing was written (`--dry-run`).",
                "warning: table 1, row 7: \"December\" has no year, so planpub read it as 2023",
            ],
        ),
        (
            import_fixture("masterplan.docx"),
            &[],
            true,
            &[
                "Importerede 8 rækker i tidslinjen til ",
                "(en kladde: fjern `draft: true`, når den må offentliggøres)",
                "advarsel: tabel 1, række 7: ",
            ],
            &[
                "Imported 8 timeline rows into ",
                "(a draft: remove `draft: true` when it may be published)",
                "warning: table 1, row 7: ",
            ],
        ),
        (
            import_fixture("masterplan.docx"),
            &[],
            false,
            &[
                "fejl: ",
                "findes allerede; planpub overskriver den ikke\n  hjælp: vælg en anden titel med `--title \"…\"`, eller omdøb eller fjern den fil, der er der",
            ],
            &[
                "error: ",
                "already exists; planpub will not overwrite it\n  help: choose another title with `--title \"…\"`, or rename or remove the existing file",
            ],
        ),
        (
            import_fixture("masterplan.docx"),
            &["--dry-run"],
            true,
            &["(den findes allerede: importen ville ikke overskrive den)"],
            &["(it exists: the import would refuse to overwrite it)"],
        ),
        (
            import_fixture("damaged.xlsx"),
            &["--dry-run"],
            true,
            &[
                "  arket \"Tidsplan\", række 7 (tom) ",
                "uden dato",
                "3 rækker har ingen dato, som planpub kan læse, så de er importeret som `undated:` med teksten, som den står:\n",
                "  arket \"Tidsplan\", række 5: \"Efter behov\" (Afholdelse af styregruppemøder.): \"Efter behov\" er ikke en dato, som planpub kan læse.\n",
                "  arket \"Tidsplan\", række 7: (tom) (Et udkast til en masterplan er klar til…): der står ingen dato i cellen\n",
                "  hjælp: skriv en dato, som planpub kan læse, i `when:` (`planpub date \"…\"` viser, hvordan planpub læser en tekst), eller behold `undated:` for en række uden dato",
            ],
            &[
                "3 rows have no date planpub can read, so they were imported as `undated:` with the text as written:\n",
                "  sheet \"Tidsplan\", row 5: \"Efter behov\" (Afholdelse af styregruppemøder.): \"Efter behov\" is not a date this site understands.\n",
                "  sheet \"Tidsplan\", row 7: (empty) (Et udkast til en masterplan er klar til…): the date cell is empty\n",
                "  help: write a date planpub reads in `when:`",
            ],
        ),
        (
            import_fixture("handleplan-spor.docx"),
            &["--dry-run"],
            true,
            &[
                "Udviklingsspor \"Socialområdet\" (4 tiltag):",
                "Udviklingsspor \"Børne- og Familieområdet\" (2 tiltag):",
                "Læste 0 rækker i tidslinjen og 6 tiltag i 2 udviklingsspor; intet er skrevet",
                "2 rækker har ingen dato",
            ],
            &[
                "Track \"Socialområdet\" (4 actions):",
                "Read 0 timeline rows and 6 actions in 2 tracks; nothing was written",
            ],
        ),
        (
            import_fixture("unusual-headings.csv"),
            &[],
            false,
            &[
                "har ingen tabel med en kolonne med datoer og en kolonne med aktiviteter; dens tabeller begynder med: \"Nr. | Indhold i punktet | Mødedag | Udvalg\"\n  hjælp: angiv kolonnerne med `--columns`, for eksempel `--columns when=1,what=2,who=3`",
            ],
            &[
                "has no table with a date column and an activity column; the tables it has start with: \"Nr. | Indhold i punktet | Mødedag | Udvalg\"\n  help: name the columns with `--columns`",
            ],
        ),
        (
            import_fixture("unusual-headings.csv"),
            &["--columns", "when=3,what=2,who=4", "--dry-run"],
            true,
            &[
                "Titel: unusual-headings (fra filnavnet)",
                "  række 2                  \"5. marts 2008\"                  2008-03-05 – 2008-03-05  dag ",
                "advarsel: dokumentet har ingen overskrift, så planen har fået titlen \"unusual-headings\" efter filnavnet\n  hjælp: angiv titlen med `--title \"…\"`",
            ],
            &[
                "Title: unusual-headings (from the file name)",
                "warning: the document has no heading, so the plan is titled \"unusual-headings\" after the file name\n  help: give the title with `--title \"…\"`",
            ],
        ),
        (
            root.join("raekker.csv"),
            &["--title", "Rækker", "--dry-run"],
            true,
            &[
                "Titel: Rækker (fra `--title`)",
                "advarsel: række 2: rækken har ingen tekst om, hvad der sker\n  hjælp: skriv, hvad der sker, i feltet `what:`",
                "advarsel: række 3: planpub kender ikke niveauet \"regionalt\", så det er gemt i bemærkningen\n  hjælp: niveauerne er `central` og `local`",
            ],
            &[
                "Title: Rækker (from `--title`)",
                "warning: row 2: the row has no activity text\n  help: write what happens in the `what:` field",
                "warning: row 3: \"regionalt\" is not a level planpub knows, so it was kept in the note",
            ],
        ),
        (
            root.join("findes-ikke.docx"),
            &[],
            false,
            &["findes-ikke.docx kan ikke læses: filen eller mappen findes ikke"],
            &["findes-ikke.docx: there is no such file or folder"],
        ),
        (
            root.join("x.docx"),
            &[],
            false,
            &[
                "x.docx kan ikke importeres: den kan ikke åbnes som en ZIP-pakke, og det kan alle Word- og OpenDocument-filer (teknisk: \"",
                "  hjælp: åbn filen i det program, den er lavet i (fx Word, Excel eller LibreOffice), gem den igen, og importér den gemte fil",
            ],
            &[
                "x.docx: it is not a readable ZIP package, as every Word and OpenDocument file is (technical: \"",
                "  help: open the file in the program that made it",
            ],
        ),
        (
            root.join("plan.pdf"),
            &[],
            false,
            &[
                "plan.pdf kan ikke importeres: planpub læser .docx-, .odt-, .xlsx-, .xls-, .ods- og .csv-filer, ikke .pdf\n  hjælp: gem dokumentet som .docx eller .xlsx",
            ],
            &[
                "plan.pdf: planpub reads .docx, .odt, .xlsx, .xls, .ods and .csv files, not .pdf\n  help: save the document as .docx or .xlsx",
            ],
        ),
    ]
}

#[test]
fn import_speaks_the_sites_language() {
    for language in ["da", "en"] {
        let site = import_site(language);
        for (file, args, ok, da, en) in import_cases(&site) {
            let r = no_lang(
                planpub()
                    .arg("import")
                    .arg(&file)
                    .arg("--root")
                    .arg(site.root())
                    .args(args),
            );
            let what = format!("{language}: import {} {args:?}", file.display());
            assert_eq!(r.ok(), ok, "{what}\n{}", r.all());
            if language == "da" {
                assert_all_danish(&what, &r);
            }
            let all = r.all();
            for e in if language == "da" { da } else { en } {
                assert!(all.contains(e), "{what}: missing {e:?} in\n{all}");
            }
            // The list of every date form is for `planpub date`, not for each row.
            assert!(
                !all.contains("Disse former virker") && !all.contains("These forms work"),
                "{what}\n{all}"
            );
        }
    }
}

#[test]
fn import_json_keeps_its_keys_and_tells_people_in_the_sites_language() {
    for language in ["da", "en"] {
        let site = import_site(language);
        let r = no_lang(
            planpub()
                .arg("import")
                .arg(import_fixture("damaged.xlsx"))
                .args(["--dry-run", "--format", "json", "--root"])
                .arg(site.root()),
        );
        r.assert_ok();
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
        let warning = &v["warnings"][0];
        let undated = v["undated"].as_array().expect("undated");
        let rows = v["timeline"].as_array().expect("timeline");
        assert_eq!(undated.len(), 3, "{v:#}");
        // Codes for programs stay as they are.
        assert_eq!(rows[0]["precision"], "month");
        assert_eq!(rows[0]["row"], 4);
        if language == "da" {
            for text in [&warning["message"], &warning["help"], &warning["location"]]
                .into_iter()
                .chain(undated.iter().flat_map(|u| [&u["reason"], &u["location"]]))
                .chain(rows.iter().flat_map(|r| [&r["location"], &r["undated"]]))
            {
                assert_no_english("import json", text.as_str().unwrap_or(""));
            }
            assert_eq!(warning["location"], "arket \"Tidsplan\", række 8");
            assert_eq!(
                warning["message"],
                "\"December\" har intet årstal, så planpub læste det som 2023, årstallet i rækken før"
            );
            assert_eq!(
                warning["help"],
                "skriv årstallet, hvis det ikke var det, du mente"
            );
            assert_eq!(undated[1]["reason"], "der står ingen dato i cellen");
            assert_eq!(
                undated[2]["reason"],
                "\"#REF!\" er ikke en dato, som planpub kan læse."
            );
            assert_eq!(rows[1]["undated"], undated[0]["reason"]);
        } else {
            assert_eq!(warning["location"], "sheet \"Tidsplan\", row 8");
            assert!(
                warning["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("\"December\" has no year"),
                "{warning:#}"
            );
            assert_eq!(undated[1]["reason"], "the date cell is empty");
            assert_eq!(
                undated[2]["reason"],
                "\"#REF!\" is not a date this site understands."
            );
        }
    }
}

/// The command list, the `help` command's own line included (clap writes it in
/// English unless told otherwise), and `planpub help <command>` speak Danish.
#[test]
fn help_and_the_help_command_are_danish() {
    for args in [
        &["--help"][..],
        &["help"],
        &["help", "build"],
        &["help", "help"],
    ] {
        let r = run(planpub().args(args).env_remove("PLANPUB_LANG"));
        r.assert_ok();
        // Command and flag names are English words by design; their texts are not.
        let texts: String = r
            .stdout
            .lines()
            .filter(|l| !l.starts_with("Brug:"))
            .map(|l| l.trim_start().split_once("  ").map_or(l, |(_, text)| text))
            .collect::<Vec<_>>()
            .join("\n");
        assert_no_english(&format!("planpub {}", args.join(" ")), &texts);
        assert!(!r.stdout.contains("Print this"), "{}", r.stdout);
    }
}
