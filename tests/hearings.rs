//! Hearing notices citizens can act on (issue 4): the example hearing before, during
//! and after its period, days left, the hearing lists, Atom feeds, the sitemap,
//! `planpub schedule` with `api/next-change.json`, and the editorial checks.

mod common;

use common::{Out, Page, Run, Site, check_at, example_at, percent_decode, planpub, resolve, run};
use std::collections::BTreeMap;

const EXAMPLE_HEARING: &str = "hoeringer/hoering-rammeplan-2008/index.html";

fn build_into(site: &Site, out: &std::path::Path, now: &str) -> Run {
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(out)
        .args(["--now", now]);
    run(&mut c)
}

/// The `warning:` lines that mention `needle`.
fn warnings_about<'a>(r: &'a Run, needle: &str) -> Vec<&'a str> {
    r.stderr
        .lines()
        .filter(|l| l.starts_with("warning: ") && l.contains(needle))
        .collect()
}

// ---------------------------------------------------------------- the example hearing

#[test]
fn example_hearing_while_open_shows_deadline_days_left_and_how_to_respond() {
    let out = example_at("2008-06-01");
    let h = out.html(EXAMPLE_HEARING);
    assert_eq!(h.text(".hearing-banner .badge"), "Åben");
    assert_eq!(h.text(".banner-deadline time"), "20. juni 2008 kl. 12.00");
    assert_eq!(h.text(".banner-days"), "Der er 19 dage til fristen");
    let respond = h.text("section.respond");
    assert!(respond.contains("20. juni 2008 kl. 12.00"), "{respond}");
    let mail = h.href_of("section.respond a", "hoering-rammeplan@example.dk");
    let (addr, query) = mail.split_once('?').expect("a subject");
    assert_eq!(addr, "mailto:hoering-rammeplan@example.dk");
    let subject = percent_decode(query.strip_prefix("subject=").expect("subject="));
    assert!(subject.contains("2007-54374"), "{subject}");
    assert!(
        subject.contains("Høring over rammeplan for den sociale indsats for psykisk syge"),
        "{subject}"
    );
    assert!(
        h.text("section.respond address")
            .contains("Socialforvaltningen, Eksempelvej 1")
    );
    // Nothing of the outcome yet.
    assert_eq!(h.count("section.summary-note"), 0);
    assert_eq!(h.count("section[aria-labelledby=h-responses]"), 0);
    assert!(out.files_containing("Pårørendeforening").is_empty());
}

#[test]
fn example_hearing_after_its_deadline_shows_note_responses_and_decision() {
    let out = example_at("2008-09-01");
    let h = out.html(EXAMPLE_HEARING);
    assert_eq!(h.text(".hearing-banner .badge"), "Afsluttet");
    assert_eq!(h.count("section.respond"), 0);
    let note = resolve(
        EXAMPLE_HEARING,
        &h.href_of("section.summary-note a", "Høringsnotat"),
    );
    assert_eq!(note, "hoeringer/hoering-rammeplan-2008/hoeringsnotat.pdf");
    assert!(out.exists(&note));
    let responses = h.texts("section[aria-labelledby=h-responses] li");
    assert_eq!(responses.len(), 2, "{responses:?}");
    assert!(responses[0].contains("Pårørendeforening"), "{responses:?}");
    assert!(responses[0].contains("16. juni 2008"), "{responses:?}");
    assert!(
        responses[1].contains("Faglig organisation"),
        "{responses:?}"
    );
    for (_, href) in h.links("section[aria-labelledby=h-responses] a") {
        let f = resolve(EXAMPLE_HEARING, &href);
        assert!(out.exists(&f), "{f} is not published");
    }
    let decision = resolve(
        EXAMPLE_HEARING,
        &h.href_of("section.followed a", "Endelig vedtagelse"),
    );
    assert_eq!(
        decision,
        "beslutninger/socialudvalget/2008-08-27/1/index.html"
    );
    assert!(out.exists(&decision));
}

#[test]
fn example_hearing_before_it_opens_is_upcoming() {
    let out = example_at("2008-05-01");
    let h = out.html(EXAMPLE_HEARING);
    assert_eq!(h.text(".hearing-banner .badge"), "Kommende");
    assert_eq!(h.count(".banner-days"), 0);
    let banner = h.text(".hearing-banner");
    assert!(banner.contains("22. maj 2008"), "{banner}");
    assert!(banner.contains("20. juni 2008 kl. 12.00"), "{banner}");
    let home = out.html("index.html");
    assert_eq!(
        home.texts("li.hearing-card.state-upcoming h3"),
        ["Høring over rammeplan for den sociale indsats for psykisk syge"]
    );
    assert_eq!(home.count("li.hearing-card.state-open"), 0);
}

// ---------------------------------------------------------------- days left

fn one_hearing(closes: &str) -> Site {
    Site::new()
        .file(
            "content/hoeringer/frist.md",
            &format!(
                "---\ntype: hearing\ntitle: Høring om fristen\nopens: 2008-05-01\ncloses: {closes}\nrespond: {{ email: svar@test.dk }}\ndocuments:\n  - title: Materiale\n    file: m.pdf\n---\n\nTekst.\n"
            ),
        )
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
}

#[test]
fn days_left_count_calendar_days_in_copenhagen() {
    const PAGE: &str = "hoeringer/frist/index.html";
    let s = one_hearing("2008-06-20 12:00");
    // 09:59 in Copenhagen on the deadline day: it closes today.
    let out = s.built_at("2008-06-20T07:59:00Z");
    let h = out.html(PAGE);
    assert_eq!(h.text(".hearing-banner .badge"), "Åben");
    assert_eq!(h.text(".banner-days"), "Fristen er i dag");
    // 23:30 UTC on the 19th is already the 20th in Copenhagen.
    let out = s.built_at("2008-06-19T23:30:00Z");
    assert_eq!(out.html(PAGE).text(".banner-days"), "Fristen er i dag");
    // 21:30 UTC on the 19th is still the 19th: one calendar day, not hours.
    let out = s.built_at("2008-06-19T21:30:00Z");
    assert_eq!(
        out.html(PAGE).text(".banner-days"),
        "Der er 1 dag til fristen"
    );
    // After 12:00 on the day it is closed.
    let out = s.built_at("2008-06-20T10:30:00Z");
    assert_eq!(out.html(PAGE).text(".hearing-banner .badge"), "Afsluttet");
    // A deadline without a time lasts the whole day.
    let s = one_hearing("2008-06-20");
    let out = s.built_at("2008-06-20T21:00:00Z");
    let h = out.html(PAGE);
    assert_eq!(h.text(".hearing-banner .badge"), "Åben");
    assert_eq!(h.text(".banner-days"), "Fristen er i dag");
}

// ---------------------------------------------------------------- lists

fn hearing(title: &str, opens: &str, closes: &str) -> String {
    format!(
        "---\ntype: hearing\ntitle: {title}\nsummary: Om {title}.\nopens: {opens}\ncloses: {closes}\nmin_days: 1\nrespond: {{ email: svar@test.dk }}\ndocuments:\n  - title: Materiale\n    file: m.pdf\n---\n\nTekst.\n"
    )
}

fn many_hearings() -> Site {
    Site::new()
        .file(
            "content/hoeringer/a.md",
            &hearing("Åben med sen frist", "2008-05-01", "2008-06-20 12:00"),
        )
        .file(
            "content/hoeringer/b.md",
            &hearing("Åben med snar frist", "2008-05-15", "2008-06-10"),
        )
        .file(
            "content/hoeringer/c.md",
            &hearing("Kommende senere", "2008-08-01", "2008-09-15"),
        )
        .file(
            "content/hoeringer/g.md",
            &hearing("Kommende snart", "2008-07-01", "2008-08-15"),
        )
        .file(
            "content/hoeringer/d.md",
            &hearing("Lukket i 2007", "2007-03-01", "2007-04-01"),
        )
        .file(
            "content/hoeringer/e.md",
            &hearing("Lukket i 2006", "2006-03-01", "2006-04-01"),
        )
        .file(
            "content/hoeringer/f.md",
            &hearing("Lukket i 2008", "2008-01-01", "2008-02-01"),
        )
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
}

/// `(state class, title)` of every hearing card in document order.
fn cards(p: &Page) -> Vec<(String, String)> {
    let li = scraper::Selector::parse("li.hearing-card").unwrap();
    let h3 = scraper::Selector::parse("h3").unwrap();
    p.0.select(&li)
        .map(|e| {
            let state = e
                .value()
                .classes()
                .find(|c| c.starts_with("state-"))
                .unwrap_or("")
                .to_string();
            let title = e
                .select(&h3)
                .next()
                .map(|t| t.text().collect::<String>().trim().to_string())
                .unwrap_or_default();
            (state, title)
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn hearing_index_lists_open_by_deadline_then_upcoming_then_closed_by_year() {
    let out = many_hearings().built();
    let p = out.html("hoeringer/index.html");
    assert_eq!(
        cards(&p),
        pairs(&[
            ("state-open", "Åben med snar frist"),
            ("state-open", "Åben med sen frist"),
            ("state-upcoming", "Kommende snart"),
            ("state-upcoming", "Kommende senere"),
            ("state-closed", "Lukket i 2008"),
            ("state-closed", "Lukket i 2007"),
            ("state-closed", "Lukket i 2006"),
        ])
    );
    let years: Vec<String> = p
        .texts("section[aria-labelledby=h-closed] h3")
        .into_iter()
        .filter(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(years, ["2008", "2007", "2006"]);
}

#[test]
fn home_page_lists_open_hearings_by_deadline_then_upcoming() {
    let out = many_hearings().built();
    let p = out.html("index.html");
    let c = cards(&p);
    let open_and_upcoming: Vec<(String, String)> = c
        .iter()
        .filter(|(s, _)| s != "state-closed")
        .cloned()
        .collect();
    assert_eq!(
        open_and_upcoming,
        pairs(&[
            ("state-open", "Åben med snar frist"),
            ("state-open", "Åben med sen frist"),
            ("state-upcoming", "Kommende snart"),
            ("state-upcoming", "Kommende senere"),
        ])
    );
    let days = p.texts("li.hearing-card.state-open .deadline");
    assert!(days[0].contains("9 dage"), "{days:?}");
    assert!(days[1].contains("19 dage"), "{days:?}");
}

#[test]
fn home_page_lists_closed_hearings_by_year_after_the_upcoming() {
    let out = many_hearings().built();
    let c = cards(&out.html("index.html"));
    let closed: Vec<&str> = c
        .iter()
        .filter(|(s, _)| s == "state-closed")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(closed, ["Lukket i 2008", "Lukket i 2007", "Lukket i 2006"]);
    assert_eq!(c.last().map(|x| x.0.as_str()), Some("state-closed"));
}

// ---------------------------------------------------------------- feeds

const PLAN: &str = "---\ntype: plan\ntitle: Plan for ældreområdet\nsummary: Planen for de ældre.\npublished: 2008-04-01\ntimeline:\n  - when: juli 2008\n    what: Planen vedtages\n---\n\nPlanens tekst.\n";
const DECISION: &str = "---\ntype: decision\ntitle: Vedtagelse af planen\nsummary: Udvalget vedtog planen.\nbody: Socialudvalget\nmeeting: 2008-05-20\nitem: 4\nrecommendations:\n  - text: At planen vedtages\n    outcome: approved\n---\n\nSagsfremstilling.\n";

fn feed_site() -> Site {
    let s = many_hearings()
        .file("content/planer/aeldre.md", PLAN)
        .file("content/beslutninger/vedtagelse.md", DECISION);
    s.write(
        "content/hoeringer/a.md",
        hearing("Åben med sen frist", "2008-05-01", "2008-06-20 12:00")
            .replace("min_days: 1\n", "min_days: 1\nplan: aeldre\n")
            .as_bytes(),
    );
    s
}

const FEEDS: [&str; 4] = [
    "feeds/alt.atom",
    "feeds/hoeringer.atom",
    "feeds/beslutninger.atom",
    "feeds/planer.atom",
];

fn parse_feed(out: &Out, rel: &str) -> feed_rs::model::Feed {
    feed_rs::parser::parse(out.read(rel).as_bytes())
        .unwrap_or_else(|e| panic!("{rel} does not parse: {e}"))
}

fn feed_titles(f: &feed_rs::model::Feed) -> Vec<String> {
    let mut v: Vec<String> = f
        .entries
        .iter()
        .map(|e| {
            e.title
                .as_ref()
                .map(|t| t.content.clone())
                .unwrap_or_default()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn feeds_parse_and_hold_the_right_entries_with_ids_updated_and_summaries() {
    let out = feed_site().built();
    for rel in FEEDS {
        let f = parse_feed(&out, rel);
        assert_eq!(f.feed_type, feed_rs::model::FeedType::Atom, "{rel}");
        assert!(!f.entries.is_empty(), "{rel} has no entries");
        for e in &f.entries {
            assert!(
                e.id.starts_with("https://planer.test.dk/"),
                "{rel}: {}",
                e.id
            );
            assert!(e.updated.is_some(), "{rel}: {} has no updated", e.id);
            let summary = e
                .summary
                .as_ref()
                .map(|s| s.content.clone())
                .unwrap_or_default();
            assert!(
                summary.starts_with("Om ")
                    || summary.starts_with("Plan")
                    || summary.starts_with("Udvalget"),
                "{rel}: {} summary {summary:?}",
                e.id
            );
        }
    }
    let hearings = parse_feed(&out, "feeds/hoeringer.atom");
    assert_eq!(hearings.entries.len(), 7);
    assert!(feed_titles(&hearings).contains(&"Åben med snar frist".to_string()));
    assert_eq!(
        feed_titles(&parse_feed(&out, "feeds/beslutninger.atom")),
        ["Vedtagelse af planen"]
    );
    assert_eq!(
        feed_titles(&parse_feed(&out, "feeds/planer.atom")),
        ["Plan for ældreområdet"]
    );
    let all = parse_feed(&out, "feeds/alt.atom");
    assert_eq!(all.entries.len(), 9);
    let plan = all
        .entries
        .iter()
        .find(|e| e.id.ends_with("/planer/aeldre/"))
        .expect("the plan in the all feed");
    assert_eq!(
        plan.summary.as_ref().unwrap().content,
        "Planen for de ældre."
    );
    assert_eq!(plan.links[0].href, "https://planer.test.dk/planer/aeldre/");
}

#[test]
fn feeds_are_byte_identical_for_the_same_moment_and_ids_are_stable() {
    let s = feed_site();
    let a = s.tmp().join("a");
    let b = s.tmp().join("b");
    build_into(&s, &a, "2008-06-01").assert_ok();
    build_into(&s, &b, "2008-06-01").assert_ok();
    for rel in FEEDS {
        let x = std::fs::read(a.join(rel)).unwrap();
        let y = std::fs::read(b.join(rel)).unwrap();
        assert!(
            x == y,
            "{rel} differs between two builds at the same moment"
        );
    }
    // Another moment changes states but not the entries' ids.
    let c = s.tmp().join("c");
    build_into(&s, &c, "2008-09-01").assert_ok();
    for rel in FEEDS {
        let ids = |dir: &std::path::Path| {
            let mut v: Vec<String> =
                feed_rs::parser::parse(&std::fs::read(dir.join(rel)).unwrap()[..])
                    .unwrap()
                    .entries
                    .into_iter()
                    .map(|e| e.id)
                    .collect();
            v.sort();
            v
        };
        assert_eq!(ids(&a), ids(&c), "{rel}");
    }
}

#[test]
fn pages_link_the_feeds_as_alternates() {
    let out = feed_site().built();
    for page in [
        "index.html",
        "hoeringer/index.html",
        "hoeringer/a/index.html",
        "planer/aeldre/index.html",
    ] {
        let p = out.html(page);
        let mut linked: Vec<String> = p
            .attrs(
                r#"head link[rel=alternate][type="application/atom+xml"]"#,
                "href",
            )
            .iter()
            .map(|h| resolve(page, h))
            .collect();
        linked.sort();
        let mut want: Vec<String> = FEEDS.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(linked, want, "{page}");
    }
}

// ---------------------------------------------------------------- sitemap and robots

/// (loc, lastmod) of every url; panics unless the XML is well-formed.
fn sitemap(xml: &str) -> Vec<(String, Option<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut urls: Vec<(String, Option<String>)> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed sitemap") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref().as_ref()).into_owned();
                if name == "url" {
                    urls.push((String::new(), None));
                }
                path.push(name);
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                match path.last().map(String::as_str) {
                    Some("loc") => urls.last_mut().unwrap().0.push_str(&text),
                    Some("lastmod") => urls.last_mut().unwrap().1 = Some(text),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty());
    urls
}

#[test]
fn sitemap_lists_public_pages_with_lastmod_and_robots_points_at_it() {
    let s = feed_site()
        .file(
            "content/sider/kladde.md",
            "---\ntype: page\ntitle: Kladdeside\ndraft: true\n---\n\nKladde.\n",
        )
        .file(
            "content/sider/om.md",
            "---\ntype: page\ntitle: Om\nupdated: 2008-05-05\n---\n\nOm sitet.\n",
        );
    let out = s.built();
    let urls: BTreeMap<String, Option<String>> =
        sitemap(&out.read("sitemap.xml")).into_iter().collect();
    let base = "https://planer.test.dk/";
    for page in [
        "",
        "hoeringer/",
        "hoeringer/a/",
        "planer/aeldre/",
        "beslutninger/socialudvalget/2008-05-20/4/",
        "om/",
    ] {
        assert!(
            urls.contains_key(&format!("{base}{page}")),
            "{page} missing: {urls:#?}"
        );
    }
    assert_eq!(urls[&format!("{base}om/")].as_deref(), Some("2008-05-05"));
    assert_eq!(
        urls[&format!("{base}planer/aeldre/")].as_deref(),
        Some("2008-04-01")
    );
    for (loc, lastmod) in &urls {
        assert!(loc.starts_with(base), "{loc}");
        assert!(!loc.contains("kladde"), "a draft in the sitemap: {loc}");
        if let Some(d) = lastmod {
            assert!(
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok(),
                "{loc}: {d}"
            );
        }
    }
    // Every page in the sitemap exists in the output.
    for loc in urls.keys() {
        let rel = loc.strip_prefix(base).unwrap();
        assert!(
            out.exists(&format!("{rel}index.html")),
            "{loc} is not in the output"
        );
    }
    let robots = out.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l == "Sitemap: https://planer.test.dk/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn sitemap_lastmod_is_never_after_the_build_moment() {
    let out = feed_site().built();
    for (loc, lastmod) in sitemap(&out.read("sitemap.xml")) {
        if let Some(d) = lastmod {
            assert!(d.as_str() <= "2008-06-01", "{loc}: lastmod {d}");
        }
    }
}

// ---------------------------------------------------------------- schedule

fn schedule_site() -> Site {
    Site::new()
        .file(
            "content/hoeringer/kommende.md",
            "---\ntype: hearing\ntitle: Kommende høring\nopens: 2008-06-10\ncloses: 2008-06-12 12:00\nmin_days: 1\nrespond: { email: svar@test.dk }\ndocuments:\n  - title: Materiale\n    file: m.pdf\n---\n\nTekst.\n",
        )
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
        .file(
            "content/sider/hemmelig.md",
            "---\ntype: page\ntitle: Hemmelig EMBARGOTITEL\npublish_at: 2008-06-05 09:30\n---\n\nEMBARGOTEKST\n",
        )
        .file(
            "content/planer/plan.md",
            "---\ntype: plan\ntitle: Planen\ntimeline:\n  - when: juli 2008\n    what: Vedtagelse\n---\n\nTekst.\n",
        )
}

#[test]
fn schedule_lists_every_future_change_in_time_order() {
    let s = schedule_site();
    let r = run(planpub()
        .arg("schedule")
        .arg("--root")
        .arg(s.root())
        .args(["--now", "2008-06-01"]));
    r.assert_ok();
    let lines: Vec<(&str, &str)> = r
        .stdout
        .lines()
        .map(|l| l.split_once("  ").expect("time  what"))
        .collect();
    let times: Vec<&str> = lines.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        times,
        [
            "2008-06-05T09:30:00+02:00",
            "2008-06-10T00:00:00+02:00",
            "2008-06-11T00:00:00+02:00",
            "2008-06-12T00:00:00+02:00",
            "2008-06-12T12:00:01+02:00",
            "2008-07-01T00:00:00+02:00",
            "2008-08-01T00:00:00+02:00",
            // A year after its last step, the plan's derived status becomes archived.
            "2009-08-01T00:00:00+02:00",
        ],
        "{}",
        r.stdout
    );
    let what: Vec<&str> = lines.iter().map(|(_, w)| *w).collect();
    assert!(
        what[0].contains("EMBARGOTITEL") && what[0].contains("publish_at"),
        "{what:?}"
    );
    assert!(
        what[1].contains("Kommende høring") && what[1].contains("opens"),
        "{what:?}"
    );
    assert!(what[2].contains("1 day"), "{what:?}");
    assert!(what[3].contains("the deadline is today"), "{what:?}");
    assert!(what[4].contains("closes"), "{what:?}");
    assert!(
        what[5].contains("Vedtagelse") && what[5].contains("starts"),
        "{what:?}"
    );
    assert!(
        what[6].contains("Vedtagelse") && what[6].contains("done"),
        "{what:?}"
    );
    assert!(what[7].contains("taken as archived"), "{what:?}");

    // Later, only what is still ahead.
    let later = run(planpub()
        .arg("schedule")
        .arg("--root")
        .arg(s.root())
        .args(["--now", "2008-06-12T13:00:00+02:00"]));
    later.assert_ok();
    assert_eq!(later.stdout.lines().count(), 3, "{}", later.stdout);
}

#[test]
fn next_change_json_gives_the_next_moment_without_naming_an_embargoed_item() {
    let s = schedule_site();
    let out = s.built();
    let next = out.json("api/next-change.json");
    assert_eq!(next["next_change"], "2008-06-05T09:30:00+02:00");
    assert_eq!(next["built_as_of"], "2008-06-01T00:00:00+02:00");
    let text = out.read("api/next-change.json");
    assert!(!text.contains("EMBARGO"), "{text}");
    assert!(!text.contains("hemmelig"), "{text}");
    assert!(out.files_containing("EMBARGO").is_empty());
    // After the publication the next moment is the hearing opening, named.
    let out = s.built_at("2008-06-06");
    let next = out.json("api/next-change.json");
    assert_eq!(next["next_change"], "2008-06-10T00:00:00+02:00");
    assert!(
        next["what"]
            .as_str()
            .unwrap_or("")
            .contains("Kommende høring"),
        "{next}"
    );
    assert_eq!(next["page"], "https://planer.test.dk/hoeringer/kommende/");
}

// ---------------------------------------------------------------- checks

fn check_site(body: &str) -> Site {
    Site::new()
        .file("content/hoeringer/h.md", body)
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
}

const DOCS: &str = "documents:\n  - title: Materiale\n    file: m.pdf\n";

#[test]
fn check_errors_when_a_hearing_closes_before_it_opens() {
    let s = check_site(&format!(
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-20\ncloses: 2008-05-10\nrespond: {{ email: a@test.dk }}\n{DOCS}---\n\nT.\n"
    ));
    let r = s.check(&[]);
    r.assert_failed();
    let e = r.error_about("before it opens");
    assert!(e.contains("content/hoeringer/h.md:5"), "{e}");
    assert!(e.contains("`closes`"), "{e}");
    assert!(e.contains("2008-05-10") && e.contains("2008-05-20"), "{e}");
    s.build().assert_failed();
}

#[test]
fn check_errors_when_a_published_hearing_has_no_way_to_respond() {
    let s = check_site(&format!(
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-20\ncloses: 2008-06-30\n{DOCS}---\n\nT.\n"
    ));
    let r = s.check(&[]);
    r.assert_failed();
    let e = r.error_about("no way to respond");
    assert!(e.contains("content/hoeringer/h.md"), "{e}");
    assert!(e.contains("`respond`"), "{e}");
    assert!(!s.build().ok());
}

#[test]
fn check_warns_about_a_short_period_and_a_hearing_may_set_its_own_minimum() {
    let short = format!(
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-20\ncloses: 2008-06-10\nrespond: {{ email: a@test.dk }}\n{DOCS}---\n\nT.\n"
    );
    let s = check_site(&short);
    s.write(
        "site.yaml",
        format!("{}min_hearing_days: 28\n", common::SITE_YAML).as_bytes(),
    );
    let r = s.check(&[]);
    r.assert_ok();
    let w = warnings_about(&r, "shorter than the minimum");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(
        w[0].contains("22 days") && w[0].contains("28 days"),
        "{}",
        w[0]
    );
    assert!(w[0].contains("content/hoeringer/h.md"), "{}", w[0]);
    // The hearing's own minimum overrides the site's.
    s.write(
        "content/hoeringer/h.md",
        short
            .replace("closes: 2008-06-10\n", "closes: 2008-06-10\nmin_days: 14\n")
            .as_bytes(),
    );
    let r = s.check(&[]);
    r.assert_ok();
    assert!(
        warnings_about(&r, "shorter than the minimum").is_empty(),
        "{}",
        r.stderr
    );
    s.write(
        "content/hoeringer/h.md",
        short
            .replace("closes: 2008-06-10\n", "closes: 2008-06-10\nmin_days: 30\n")
            .as_bytes(),
    );
    let r = s.check(&[]);
    let w = warnings_about(&r, "shorter than the minimum");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(w[0].contains("30 days"), "{}", w[0]);
}

#[test]
fn check_warns_when_an_open_hearing_has_no_documents() {
    let s = check_site(
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-01\ncloses: 2008-06-30\nrespond: { email: a@test.dk }\n---\n\nT.\n",
    );
    let r = s.check(&[]);
    r.assert_ok();
    let w = warnings_about(&r, "no documents");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(w[0].contains("`documents`"), "{}", w[0]);
    // Not while it is still upcoming.
    let r = check_at(&s, "2008-04-01");
    assert!(
        warnings_about(&r, "no documents").is_empty(),
        "{}",
        r.stderr
    );
}

#[test]
fn responses_given_while_open_are_held_back_with_a_warning() {
    let s = check_site(&format!(
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-01\ncloses: 2008-06-30\nrespond: {{ email: a@test.dk }}\n{DOCS}responses:\n  - from: Foreningen SVARMARKOER\n    file: svar.pdf\n    received: 2008-05-25\nsummary_note:\n  title: NOTATMARKOER\n  file: notat.pdf\n---\n\nT.\n"
    ))
    .bytes("content/hoeringer/svar.pdf", b"%PDF-1.4 SVARFIL\n")
    .bytes("content/hoeringer/notat.pdf", b"%PDF-1.4 NOTATFIL\n");
    let r = s.check(&[]);
    r.assert_ok();
    let w = warnings_about(&r, "held back");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(w[0].contains("`responses`"), "{}", w[0]);
    assert!(w[0].contains("2008-06-30"), "{}", w[0]);
    let b = s.build();
    b.assert_ok();
    assert!(!warnings_about(&b, "held back").is_empty(), "{}", b.stderr);
    let out = s.output();
    for needle in [
        "SVARMARKOER",
        "NOTATMARKOER",
        "SVARFIL",
        "NOTATFIL",
        "svar.pdf",
        "notat.pdf",
    ] {
        assert_eq!(
            out.files_containing(needle),
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // After the deadline they are published.
    let out = s.built_at("2008-07-01");
    assert!(!out.files_containing("SVARMARKOER").is_empty());
    assert!(!out.files_containing("SVARFIL").is_empty());
}
