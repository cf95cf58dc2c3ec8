//! The example site at many moments (issue 11): built before, at, one second before and
//! between each moment its hearings open and close and its meetings begin (as
//! `planpub schedule` lists them), and once as of the real clock. At every build each
//! output that tells a hearing's state or deadline, a decision's state or a plan's
//! status is read — the hearing pages, the listings and home page, the plan pages,
//! the open data, the search index, the feeds (feed-rs) and the calendars (ical) — and
//! all must agree with each other and with the rule applied here to the moments the
//! pages themselves state (the build moment, the opening, the deadline, the meeting).

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use common::{Out, planpub, run};
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;

type T = DateTime<FixedOffset>;

/// Before anything on the example site happens.
const START: &str = "2008-05-01T00:00:00+02:00";

fn t(s: &str) -> T {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The moments hearings open and close and meetings begin, from `planpub schedule`.
fn listed() -> Vec<T> {
    let mut c = planpub();
    c.arg("schedule")
        .arg("--root")
        .arg(env!("CARGO_MANIFEST_DIR"))
        .args(["--now", START, "--format", "json"]);
    let r = run(&mut c);
    r.assert_ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("schedule JSON");
    let mut at: Vec<T> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            let what = c["what"].as_str().unwrap_or_default();
            what.starts_with("the meeting of")
                || (what.starts_with("the hearing")
                    && (what.ends_with("opens") || what.contains("closes")))
        })
        .map(|c| t(c["at"].as_str().unwrap()))
        .collect();
    at.sort();
    at.dedup();
    at
}

/// Each listed moment, one second before it, and half-way to the next; and the start.
fn moments(listed: &[T]) -> Vec<String> {
    let mut v = vec![t(START)];
    for (i, m) in listed.iter().enumerate() {
        v.push(*m - Duration::seconds(1));
        v.push(*m);
        if let Some(next) = listed.get(i + 1) {
            v.push(*m + (*next - *m) / 2);
        } else {
            v.push(*m + Duration::days(30));
        }
    }
    v.sort();
    v.dedup();
    v.into_iter()
        .map(|m| m.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .collect()
}

// ---------------------------------------------------------------- reading

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

fn all<'a>(e: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    e.select(&sel(css)).collect()
}

/// The `prefix…` class of an element (`state-open` → `open`).
fn class_state(e: ElementRef, prefix: &str) -> Option<String> {
    e.value()
        .classes()
        .find_map(|c| c.strip_prefix(prefix).map(str::to_string))
}

/// The hearing slug an `href` on `page` points at.
fn hearing_of(page: &str, href: &str) -> Option<String> {
    let path = common::resolve(page, href);
    path.strip_prefix("hoeringer/")?
        .strip_suffix("/index.html")
        .filter(|s| !s.contains('/'))
        .map(str::to_string)
}

/// What the outputs of one build say: subject → output → value.
#[derive(Default)]
struct Said(BTreeMap<String, BTreeMap<String, String>>);

impl Said {
    fn add(&mut self, subject: &str, output: impl Into<String>, value: impl Into<String>) {
        self.0
            .entry(subject.to_string())
            .or_default()
            .insert(output.into(), value.into());
    }
}

/// The timeline row state that follows a hearing state.
fn row_word(hearing: &str) -> &'static str {
    match hearing {
        "upcoming" => "upcoming",
        "open" => "now",
        _ => "done",
    }
}

/// The start of a meeting as written in the open data (`start`, `start_time`), in the
/// example site's time zone.
fn meeting_start(m: &serde_json::Value) -> T {
    let day: NaiveDate = m["start"].as_str().unwrap().parse().unwrap();
    let time = m["start_time"]
        .as_str()
        .map(|s| NaiveTime::parse_from_str(s, "%H:%M").unwrap())
        .unwrap_or(NaiveTime::MIN);
    chrono_tz::Europe::Copenhagen
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .unwrap()
        .fixed_offset()
}

/// Reads every output of one build and returns what is wrong.
fn check(out: &Out) -> (usize, Vec<String>) {
    let mut said = Said::default();
    let mut want: BTreeMap<String, String> = BTreeMap::new();
    let mut wrong = Vec::new();
    let now = out.json("api/next-change.json")["built_as_of"]
        .as_str()
        .expect("built_as_of")
        .to_string();
    let at = t(&now);

    // Hearings: the page states its opening and deadline; the rule gives the state.
    let hearings: Vec<String> = out.json("api/hearings.json")["hearings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let slug = h["slug"].as_str().unwrap().to_string();
            said.add(
                &slug,
                "api/hearings.json",
                h["state"].as_str().unwrap_or("?"),
            );
            said.add(
                &format!("{slug} deadline"),
                "api/hearings.json",
                h["closes"]["deadline"].as_str().unwrap_or("?"),
            );
            slug
        })
        .collect();
    assert!(!hearings.is_empty(), "the example site has hearings");
    for slug in &hearings {
        let page = format!("hoeringer/{slug}/index.html");
        let html = Html::parse_document(&out.read(&page));
        let doc = html.root_element();
        let banner = all(doc, ".hearing-banner")
            .into_iter()
            .next()
            .expect("banner");
        let attr = |n: &str| banner.value().attr(n).unwrap_or_default().to_string();
        let (opens, deadline) = (attr("data-opens-at"), attr("data-deadline"));
        let rule = if at < t(&opens) {
            "upcoming"
        } else if at > t(&deadline) {
            "closed"
        } else {
            "open"
        };
        want.insert(slug.clone(), rule.into());
        want.insert(format!("{slug} deadline"), deadline.clone());
        want.insert(format!("{slug} row"), row_word(rule).into());
        said.add(slug, format!("{page} data-state"), attr("data-state"));
        said.add(
            slug,
            format!("{page} banner class"),
            class_state(banner, "state-").unwrap_or_default(),
        );
        for b in all(banner, ".badge") {
            said.add(
                slug,
                format!("{page} badge"),
                class_state(b, "badge-").unwrap_or_default(),
            );
        }
        for (i, tm) in all(doc, ".banner-deadline time, .respond time")
            .into_iter()
            .enumerate()
        {
            said.add(
                &format!("{slug} deadline"),
                format!("{page} time {i}"),
                tm.value().attr("datetime").unwrap_or_default(),
            );
        }
        let d = format!("{slug} deadline");
        said.add(&d, format!("{page} data-deadline"), &deadline);
        let api = out.json(&format!("api/hearings/{slug}.json"));
        said.add(
            slug,
            format!("api/hearings/{slug}.json"),
            api["state"].as_str().unwrap_or("?"),
        );
        said.add(
            &d,
            format!("api/hearings/{slug}.json"),
            api["closes"]["deadline"].as_str().unwrap_or("?"),
        );
        let ics = format!("hoeringer/{slug}/kalender.ics");
        let end = common::ics_events(out, &ics)
            .into_iter()
            .find(|e| {
                e.get("UID")
                    .is_some_and(|u| u.ends_with("-deadline@planer.example.dk"))
            })
            .and_then(|e| e.get("DTSTART").cloned())
            .unwrap_or_default();
        let local_deadline = t(&deadline)
            .with_timezone(&chrono_tz::Europe::Copenhagen)
            .format("%Y%m%dT%H%M%S")
            .to_string();
        said.add(
            &d,
            format!("{ics} deadline event"),
            if end == local_deadline {
                deadline.clone()
            } else {
                end
            },
        );
    }

    // Hearing cards on the listings and the home page; hearing badges on plan pages.
    for page in out.files().into_iter().filter(|f| f.ends_with(".html")) {
        let html = Html::parse_document(&out.read(&page));
        let doc = html.root_element();
        for card in all(doc, "li.hearing-card") {
            let Some(slug) = all(card, "a[href]")
                .iter()
                .find_map(|a| hearing_of(&page, a.value().attr("href")?))
            else {
                continue;
            };
            said.add(
                &slug,
                format!("{page} card"),
                class_state(card, "state-").unwrap_or_default(),
            );
            for tm in all(card, ".deadline time") {
                let v = tm.value().attr("datetime").unwrap_or_default();
                // A card names the opening of an upcoming hearing, else the deadline.
                if v != want[&format!("{slug} deadline")] && want[&slug] == "upcoming" {
                    continue;
                }
                said.add(&format!("{slug} deadline"), format!("{page} card time"), v);
            }
        }
        if page.starts_with("planer/") && page != "planer/index.html" {
            for li in all(doc, "aside li") {
                let slug = all(li, "a[href]")
                    .iter()
                    .find_map(|a| hearing_of(&page, a.value().attr("href")?));
                if let (Some(slug), Some(b)) = (slug, all(li, ".badge").into_iter().next()) {
                    said.add(
                        &slug,
                        format!("{page} aside badge"),
                        class_state(b, "badge-").unwrap_or_default(),
                    );
                }
            }
            if let Some(b) = all(doc, ".doc-header .badge").into_iter().next() {
                let plan = page
                    .trim_start_matches("planer/")
                    .trim_end_matches("/index.html");
                said.add(
                    &format!("plan {plan}"),
                    format!("{page} status badge"),
                    class_state(b, "badge-").unwrap_or_default(),
                );
            }
        }
    }

    // Plans: the open data's status is the one the plan page shows; a timeline row
    // that links a hearing follows it.
    for p in out.json("api/plans.json")["plans"].as_array().unwrap() {
        let slug = p["slug"].as_str().unwrap();
        let subject = format!("plan {slug}");
        let status = p["status"].as_str().unwrap_or("?").to_string();
        said.add(&subject, "api/plans.json", &status);
        want.insert(subject.clone(), status);
        let one = out.json(&format!("api/plans/{slug}.json"));
        said.add(
            &subject,
            format!("api/plans/{slug}.json"),
            one["status"].as_str().unwrap_or("?"),
        );
        for (i, row) in one["timeline"].as_array().unwrap().iter().enumerate() {
            if let Some(h) = row["hearing"]["slug"].as_str() {
                said.add(
                    &format!("{h} row"),
                    format!("api/plans/{slug}.json row {i}"),
                    row["state"].as_str().unwrap_or("?"),
                );
            }
        }
    }

    // Decisions: the meeting's start decides; page, open data and feed agree.
    let feed = feed_rs::parser::parse(out.read("feeds/beslutninger.atom").as_bytes())
        .expect("the decisions feed parses");
    let word = |s: &str| match s {
        "Dagsordenspunkt" => "agenda",
        "Beslutning" => "decided",
        "Trukket tilbage" => "withdrawn",
        _ => "?",
    };
    for x in out.json("api/decisions.json")["decisions"]
        .as_array()
        .unwrap()
    {
        let slug = x["slug"].as_str().unwrap();
        let url = x["url"].as_str().unwrap();
        let subject = format!("decision {slug}");
        let one = out.json(&format!("api/decisions/{slug}.json"));
        let rule = if one["withdrawn"].is_object() {
            "withdrawn"
        } else if at < meeting_start(&x["meeting"]) {
            "agenda"
        } else {
            "decided"
        };
        want.insert(subject.clone(), rule.into());
        // The list names a decision's state only where it gives one.
        if let Some(state) = x.get("state") {
            said.add(
                &subject,
                "api/decisions.json",
                state.as_str().unwrap_or("?"),
            );
        }
        said.add(
            &subject,
            format!("api/decisions/{slug}.json"),
            one["state"].as_str().unwrap_or("?"),
        );
        let outcomes = one["recommendations"]
            .as_array()
            .is_some_and(|r| r.iter().any(|r| !r["outcome"].is_null()));
        if outcomes {
            said.add(
                &subject,
                format!("api/decisions/{slug}.json outcomes"),
                "decided",
            );
        }
        let page = format!(
            "{}index.html",
            url.strip_prefix("https://planer.example.dk/").unwrap()
        );
        let html = Html::parse_document(&out.read(&page));
        let kind = all(html.root_element(), ".doc-header .doc-kind")
            .into_iter()
            .next()
            .map(|k| k.text().collect::<String>())
            .unwrap_or_default();
        said.add(
            &subject,
            format!("{page} kind"),
            word(kind.trim().split(" · ").next().unwrap_or("")),
        );
        if let Some(e) = feed.entries.iter().find(|e| e.id == url) {
            let label = e.categories.first().map(|c| c.term.as_str()).unwrap_or("");
            said.add(&subject, "feeds/beslutninger.atom category", word(label));
        }
    }

    // The search index's document files give each hearing's state.
    let docs = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/d-") && f.ends_with(".js"));
    for f in docs {
        let text = out.read(&f);
        let (start, end) = (text.find('[').unwrap(), text.rfind(']').unwrap());
        let list: Vec<serde_json::Value> =
            serde_json::from_str(&text[start..=end]).unwrap_or_else(|e| panic!("{f}: {e}"));
        for e in list {
            let u = e["u"].as_str().unwrap_or_default();
            if let Some(slug) = hearing_of("index.html", u) {
                said.add(&slug, "search index", e["s"].as_str().unwrap_or("?"));
            }
        }
    }
    for slug in &hearings {
        if !said.0[slug].contains_key("search index") {
            wrong.push(format!("the search index leaves out the hearing {slug}"));
        }
    }

    let mut claims = 0;
    for (subject, outputs) in &said.0 {
        let Some(w) = want.get(subject) else {
            wrong.push(format!(
                "{subject}: said by {outputs:?}, but no rule for it"
            ));
            continue;
        };
        for (output, v) in outputs {
            claims += 1;
            if v != w {
                wrong.push(format!("{subject} is {w}, but {output} says {v}"));
            }
        }
    }
    // Every hearing's state is told by all of these.
    for slug in &hearings {
        let told = &said.0[slug];
        for o in [
            format!("hoeringer/{slug}/index.html data-state"),
            "hoeringer/index.html card".to_string(),
            format!("api/hearings/{slug}.json"),
        ] {
            if !told.contains_key(&o) {
                wrong.push(format!("{o} says nothing about {slug}"));
            }
        }
        if !said.0.contains_key(&format!("{slug} row")) {
            wrong.push(format!("no timeline row follows {slug}"));
        }
    }
    (
        claims,
        wrong
            .into_iter()
            .map(|w| format!("as of {now}: {w}"))
            .collect(),
    )
}

#[test]
fn the_example_site_tells_one_state_at_every_moment_and_by_the_clock() {
    let listed = listed();
    assert!(
        listed.len() >= 3,
        "expected the hearing's opening and closing and a meeting: {listed:?}"
    );
    let mut claims = 0;
    let mut wrong = Vec::new();
    let mut states = std::collections::BTreeSet::new();
    let mut builds = 0;
    for m in moments(&listed).iter().map(Some).chain([None]) {
        let out = common::example_as_of(m.map(String::as_str));
        let (n, w) = check(&out);
        states.insert(out.json("api/hearings.json")["hearings"][0]["state"].to_string());
        claims += n;
        wrong.extend(w);
        builds += 1;
    }
    eprintln!("example moments: {builds} builds, {claims} claims");
    // The moments cover the hearing before, while and after it is open.
    assert_eq!(states.len(), 3, "hearing states seen: {states:?}");
    assert!(
        wrong.is_empty(),
        "{} problems:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
