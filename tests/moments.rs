//! One build moment, every output (issue 11): a fixture site with hearings that are
//! upcoming, open and closed over time, decisions before and after their meeting, a
//! withdrawn decision and an embargoed hearing is built at every moment that
//! `planpub schedule` lists (and at the moments its newly published items bring), one
//! second before each, and half-way between neighbours. At each build, every output is
//! read — each HTML page (badges, banners, cards, timeline rows, decision wording,
//! links), the feeds (feed-rs), the calendars (ical), the sitemap, every open-data JSON
//! file, the search index and `next-change.json` — and what each says about each
//! hearing's state, each decision's existence and state, and the plan's status is
//! collected as a claim. Every claim must match the answer the content rules give at
//! that moment (worked out here from the fixture's dates, independently of planpub),
//! so no output can contradict another.

mod common;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use common::{Out, Site, planpub, resolve, run};
use scraper::{ElementRef, Html, Selector};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------- the fixture

type T = DateTime<FixedOffset>;

fn t(s: &str) -> T {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A hearing of the fixture, with the exact moments its front matter means.
struct Hx {
    slug: &'static str,
    title: &'static str,
    opening: &'static str,
    deadline: &'static str,
    publish_at: Option<&'static str>,
    /// Text that appears only once the hearing has closed (a response, the note).
    held_back: &'static [&'static str],
}

/// A decision of the fixture.
struct Dx {
    slug: &'static str,
    path: &'static str,
    /// The start of its meeting: from then on it is decided.
    decided_from: &'static str,
    withdrawn_from: Option<&'static str>,
    /// Text that appears only while it is decided (summary, remark, absent member).
    held_back: &'static [&'static str],
}

const HEARINGS: [Hx; 4] = [
    Hx {
        slug: "hoering-lukket",
        title: "Høring om cykelstier",
        opening: "2030-04-01T00:00:00+02:00",
        deadline: "2030-04-15T23:59:59+02:00",
        publish_at: None,
        held_back: &["svarlukket", "notatlukket"],
    },
    Hx {
        slug: "hoering-aaben",
        title: "Høring om plan A",
        opening: "2030-05-06T09:00:00+02:00",
        deadline: "2030-05-20T12:00:00+02:00",
        publish_at: None,
        held_back: &["svaraaben"],
    },
    Hx {
        slug: "hoering-kommende",
        title: "Høring om skolevejen",
        opening: "2030-06-10T00:00:00+02:00",
        deadline: "2030-06-24T12:00:00+02:00",
        publish_at: None,
        held_back: &[],
    },
    Hx {
        slug: "hoering-embargo",
        title: "Hemmelig tillægshøring om plan A",
        opening: "2030-05-13T00:00:00+02:00",
        deadline: "2030-05-27T12:00:00+02:00",
        publish_at: Some("2030-05-12T09:00:00+02:00"),
        held_back: &[],
    },
];

const DECISIONS: [Dx; 3] = [
    Dx {
        slug: "beslutning-foer",
        path: "beslutninger/udvalget/2030-04-20/1/index.html",
        decided_from: "2030-04-20T00:00:00+02:00",
        withdrawn_from: None,
        held_back: &["resultatfoer", "remarkfoer"],
    },
    Dx {
        slug: "beslutning-trukket",
        path: "beslutninger/udvalget/2030-04-20/2/index.html",
        decided_from: "2030-04-20T00:00:00+02:00",
        withdrawn_from: Some("2030-05-15T00:00:00+02:00"),
        held_back: &["resultattrukket", "remarktrukket"],
    },
    Dx {
        slug: "beslutning-efter",
        path: "beslutninger/udvalget/2030-06-05/1/index.html",
        decided_from: "2030-06-05T17:00:00+02:00",
        withdrawn_from: None,
        held_back: &["resultatefter", "remarkefter", "fravaerendeefter"],
    },
];

const PLAN_PATH: &str = "planer/plan-a/index.html";

/// The plan's timeline rows: text, the hearing or decision it links, its days.
struct Rx {
    what: &'static str,
    link: Option<&'static str>,
    first: &'static str,
    last: &'static str,
}

const ROWS: [Rx; 4] = [
    Rx {
        what: "Arbejdet begynder",
        link: None,
        first: "2030-04-01",
        last: "2030-04-01",
    },
    Rx {
        what: "Planen sendes i høring",
        link: Some("hoering-aaben"),
        first: "2030-05-06",
        last: "2030-05-20",
    },
    Rx {
        what: "Tillægshøringen",
        link: Some("hoering-embargo"),
        first: "2030-05-13",
        last: "2030-05-27",
    },
    Rx {
        what: "Udvalget vedtager planen",
        link: Some("beslutning-efter"),
        first: "2030-06-05",
        last: "2030-06-05",
    },
];

/// The moment every search starts from: before anything on the site happens.
const START: &str = "2030-03-25T00:00:00+01:00";

fn fixture() -> Site {
    let hearing = |slug: &str, extra: &str| {
        let h = HEARINGS.iter().find(|h| h.slug == slug).unwrap();
        format!(
            "---\ntype: hearing\ntitle: {}\nsummary: Om {}.\n{extra}respond: {{ email: svar@test.dk }}\n---\n\nHøringens tekst.\n",
            h.title,
            h.title.to_lowercase()
        )
    };
    Site::new()
        .file(
            "content/planer/plan-a.md",
            "---\ntype: plan\ntitle: Plan A for bydelen\nsummary: Planen for bydelen.\npublished: 2030-03-01\ntimeline:\n  - when: 1. april 2030\n    what: Arbejdet begynder\n    kind: milestone\n  - when: 6. maj til 20. maj 2030\n    what: Planen sendes i høring\n    kind: hearing\n    hearing: hoering-aaben\n  - when: 13. maj til 27. maj 2030\n    what: Tillægshøringen\n    kind: hearing\n    hearing: hoering-embargo\n  - when: 5. juni 2030\n    what: Udvalget vedtager planen\n    kind: decision\n    decision: beslutning-efter\n---\n\nPlanens tekst.\n",
        )
        .file(
            "content/hoeringer/hoering-lukket/index.md",
            &hearing(
                "hoering-lukket",
                "opens: 2030-04-01\ncloses: 2030-04-15\nresponses:\n  - { from: SVARLUKKET Grundejerforeningen, received: 2030-04-10 }\nsummary_note: { title: NOTATLUKKET Høringsnotat, file: notat.pdf }\n",
            ),
        )
        .bytes("content/hoeringer/hoering-lukket/notat.pdf", b"%PDF-1.4\n")
        .file(
            "content/hoeringer/hoering-aaben.md",
            &hearing(
                "hoering-aaben",
                "opens: 2030-05-06 09:00\ncloses: 2030-05-20 12:00\nplan: plan-a\ndecision: beslutning-efter\nresponses:\n  - { from: SVARAABEN Beboerforeningen, received: 2030-05-19 }\n",
            ),
        )
        .file(
            "content/hoeringer/hoering-kommende.md",
            &hearing(
                "hoering-kommende",
                "opens: 2030-06-10\ncloses: 2030-06-24 12:00\nplan: plan-a\n",
            ),
        )
        .file(
            "content/hoeringer/hoering-embargo.md",
            &hearing(
                "hoering-embargo",
                "publish_at: 2030-05-12 09:00\nopens: 2030-05-13\ncloses: 2030-05-27 12:00\nplan: plan-a\n",
            ),
        )
        .file(
            "content/beslutninger/beslutning-foer.md",
            "---\ntype: decision\ntitle: Igangsætning af plan A\nsummary: RESULTATFOER Udvalget satte arbejdet i gang.\nbody: Udvalget\nmeeting: 2030-04-20\nitem: 1\naccess: open\nrecommendations:\n  - text: At arbejdet sættes i gang\n    outcome: approved\n    remark: REMARKFOER\nplans: [plan-a]\n---\n\nSagsfremstillingen.\n",
        )
        .file(
            "content/beslutninger/beslutning-trukket.md",
            "---\ntype: decision\ntitle: Lukning af en sti\nsummary: RESULTATTRUKKET Udvalget lukkede stien.\nbody: Udvalget\nmeeting: 2030-04-20\nitem: 2\naccess: open\nrecommendations:\n  - text: At stien lukkes\n    outcome: approved\n    remark: REMARKTRUKKET\nplans: [plan-a]\nwithdrawn: { date: 2030-05-15, reason: Punktet blev offentliggjort ved en fejl. }\n---\n\nSagsfremstillingen om stien.\n",
        )
        .file(
            "content/beslutninger/beslutning-efter.md",
            "---\ntype: decision\ntitle: Vedtagelse af plan A\nsummary: RESULTATEFTER Udvalget vedtog plan A.\nbody: Udvalget\nmeeting: 2030-06-05 17:00\nitem: 1\naccess: open\nrecommendations:\n  - text: At plan A vedtages\n    outcome: approved\n    remark: REMARKEFTER\nabsent: [FRAVAERENDEEFTER]\nplans: [plan-a]\nhearings: [hoering-aaben]\n---\n\nSagsfremstillingen om planen.\n",
        )
}

// ---------------------------------------------------------------- the rules, independently

fn public(h: &Hx, at: T) -> bool {
    h.publish_at.is_none_or(|p| at >= t(p))
}

/// A hearing's state at `at`, or `absent` when it is not public.
fn hearing_state(h: &Hx, at: T) -> &'static str {
    if !public(h, at) {
        "absent"
    } else if at < t(h.opening) {
        "upcoming"
    } else if at > t(h.deadline) {
        "closed"
    } else {
        "open"
    }
}

fn decision_state(x: &Dx, at: T) -> &'static str {
    if x.withdrawn_from.is_some_and(|w| at >= t(w)) {
        "withdrawn"
    } else if at < t(x.decided_from) {
        "agenda"
    } else {
        "decided"
    }
}

/// The derived plan status: in hearing while a hearing of the plan is open, adopted
/// once the approving decision exists, else a draft.
fn plan_status(at: T) -> &'static str {
    let open = ["hoering-aaben", "hoering-embargo", "hoering-kommende"]
        .iter()
        .any(|s| hearing_state(hx(s), at) == "open");
    if open {
        "hearing"
    } else if decision_state(dx("beslutning-efter"), at) == "decided" {
        "adopted"
    } else {
        "draft"
    }
}

/// The subject a row links, while the link is shown (public and not withdrawn).
fn row_link(r: &Rx, at: T) -> Option<String> {
    let subject = full_subject(r.link?);
    let shown = !matches!(expected(&subject, at), "absent" | "withdrawn");
    shown.then_some(subject)
}

/// A row follows what it links; otherwise its days decide.
fn row_state(r: &Rx, at: T) -> &'static str {
    match row_link(r, at).map(|s| expected(&s, at)) {
        Some("upcoming" | "agenda") => "upcoming",
        Some("open") => "now",
        Some(_) => "done",
        None => {
            let day = |d: &str| d.parse::<NaiveDate>().unwrap();
            let today = at.date_naive();
            if day(r.last) < today {
                "done"
            } else if day(r.first) > today {
                "upcoming"
            } else {
                "now"
            }
        }
    }
}

fn rx(what: &str) -> Option<&'static Rx> {
    ROWS.iter().find(|r| r.what == what)
}

fn hx(slug: &str) -> &'static Hx {
    HEARINGS.iter().find(|h| h.slug == slug).unwrap()
}

fn dx(slug: &str) -> &'static Dx {
    DECISIONS.iter().find(|d| d.slug == slug).unwrap()
}

/// What every output must say about `subject` at `at`.
fn expected(subject: &str, at: T) -> &'static str {
    match subject.split_once(':') {
        Some(("hearing", s)) => hearing_state(hx(s), at),
        Some(("decision", s)) => decision_state(dx(s), at),
        Some(("plan", _)) => plan_status(at),
        Some(("row", what)) => row_state(rx(what).expect("a fixture row"), at),
        Some(("row-link", what)) => match row_link(rx(what).expect("a fixture row"), at) {
            Some(_) => "shown",
            None => "left out",
        },
        _ => panic!("unknown subject {subject}"),
    }
}

// ---------------------------------------------------------------- claims

/// What the outputs of one build say: subject → (output, the states it allows).
#[derive(Default)]
struct Claims {
    by_subject: BTreeMap<String, Vec<(String, String)>>,
    /// Checks other than claims (links, timestamps, dates), as failures.
    problems: Vec<String>,
    checks: usize,
}

impl Claims {
    /// `output` says `subject` is in one of the states `says` (`|`-separated).
    fn add(&mut self, subject: impl Into<String>, output: &str, says: &str) {
        self.by_subject
            .entry(subject.into())
            .or_default()
            .push((output.to_string(), says.to_string()));
    }

    fn hearing(&mut self, slug: &str, output: &str, says: &str) {
        self.add(format!("hearing:{slug}"), output, says);
    }

    fn decision(&mut self, slug: &str, output: &str, says: &str) {
        self.add(format!("decision:{slug}"), output, says);
    }

    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.checks += 1;
        if !ok {
            self.problems.push(what());
        }
    }
}

/// The subject a site path is the page of.
fn subject_of(path: &str) -> Option<String> {
    if path == PLAN_PATH {
        return Some("plan:plan-a".into());
    }
    if let Some(slug) = path
        .strip_prefix("hoeringer/")
        .and_then(|p| p.strip_suffix("/index.html"))
        .filter(|s| !s.contains('/'))
    {
        return HEARINGS
            .iter()
            .any(|h| h.slug == slug)
            .then(|| format!("hearing:{slug}"));
    }
    DECISIONS
        .iter()
        .find(|d| d.path == path)
        .map(|d| format!("decision:{}", d.slug))
}

/// The subject a public URL (or site-relative path) points at.
fn subject_of_url(url: &str) -> Option<String> {
    let path = url.strip_prefix(BASE).unwrap_or(url);
    let path = if path.ends_with('/') || path.is_empty() {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    subject_of(&path)
}

const BASE: &str = "https://planer.test.dk/";

fn slug_of(subject: &str) -> &str {
    subject.split_once(':').map(|(_, s)| s).unwrap_or(subject)
}

// ---------------------------------------------------------------- reading HTML

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

fn text(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn all<'a>(e: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    e.select(&sel(css)).collect()
}

fn first<'a>(e: ElementRef<'a>, css: &str) -> Option<ElementRef<'a>> {
    e.select(&sel(css)).next()
}

fn classes(e: ElementRef) -> Vec<String> {
    e.value().classes().map(str::to_string).collect()
}

/// The state named by a `state-…`, `badge-…` or `tl-…` class.
fn class_state(e: ElementRef, prefix: &str) -> Option<String> {
    classes(e)
        .iter()
        .find_map(|c| c.strip_prefix(prefix).map(str::to_string))
}

/// The subjects of the links inside `e`, with the link elements.
fn linked<'a>(page: &str, e: ElementRef<'a>) -> Vec<(String, ElementRef<'a>)> {
    all(e, "a[href]")
        .into_iter()
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            subject_of(&resolve(page, href)).map(|s| (s, a))
        })
        .collect()
}

fn hearing_word(s: &str) -> Option<&'static str> {
    Some(match s {
        "Åben" | "Høringen er åben" => "open",
        "Kommende" | "Høringen er ikke åbnet endnu" => "upcoming",
        "Afsluttet" | "Høringen er afsluttet" => "closed",
        _ => return None,
    })
}

fn decision_label(s: &str) -> Option<&'static str> {
    Some(match s {
        "Dagsordenspunkt" => "agenda",
        "Beslutning" => "decided",
        "Trukket tilbage" => "withdrawn",
        _ => return None,
    })
}

/// Hearing cards (home, listings): badge class and word, card class, deadline line.
fn hearing_cards(page: &str, doc: ElementRef, c: &mut Claims) {
    for card in all(doc, "li.hearing-card") {
        let Some((subject, _)) = linked(page, card).into_iter().next() else {
            c.problems
                .push(format!("{page}: a hearing card links no known hearing"));
            continue;
        };
        let slug = slug_of(&subject).to_string();
        let out = format!("{page} card");
        if let Some(s) = class_state(card, "state-") {
            c.hearing(&slug, &format!("{out} class"), &s);
        }
        for b in all(card, ".badge") {
            c.hearing(
                &slug,
                &format!("{out} badge class"),
                &class_state(b, "badge-").unwrap_or_default(),
            );
            c.hearing(
                &slug,
                &format!("{out} badge"),
                hearing_word(&text(b)).unwrap_or("?"),
            );
        }
        if let Some(d) = first(card, ".deadline") {
            let line = text(d);
            let says = if line.starts_with("Du kan svare fra") {
                "upcoming"
            } else if line.starts_with("Høringsfrist:") {
                "open"
            } else if line.starts_with("Fristen var") {
                "closed"
            } else {
                "?"
            };
            c.hearing(&slug, &format!("{out} deadline line"), says);
        }
    }
    // The listing's sections hold only hearings in their state.
    for (section, state) in [
        ("h-open", "open"),
        ("h-upcoming", "upcoming"),
        ("h-closed", "closed"),
    ] {
        if page == "index.html" {
            break; // the home page nests upcoming and closed hearings in its open section
        }
        for s in all(doc, &format!("section[aria-labelledby={section}]")) {
            for card in all(s, "li.hearing-card") {
                if let Some((subject, _)) = linked(page, card).into_iter().next() {
                    c.add(subject, &format!("{page} section {section}"), state);
                }
            }
        }
    }
}

/// The hearing page: banner, respond block, responses and note, days left, decisions.
fn hearing_page(page: &str, slug: &str, doc: ElementRef, c: &mut Claims) {
    let out = |w: &str| format!("{page} {w}");
    let Some(banner) = first(doc, ".hearing-banner") else {
        c.problems.push(format!("{page}: no banner"));
        return;
    };
    c.hearing(
        slug,
        &out("banner class"),
        &class_state(banner, "state-").unwrap_or_default(),
    );
    if let Some(b) = first(banner, ".badge") {
        c.hearing(
            slug,
            &out("banner badge"),
            hearing_word(&text(b)).unwrap_or("?"),
        );
        c.hearing(
            slug,
            &out("banner badge class"),
            &class_state(b, "badge-").unwrap_or_default(),
        );
    }
    if let Some(b) = first(banner, ".banner-text") {
        c.hearing(
            slug,
            &out("banner text"),
            hearing_word(&text(b)).unwrap_or("?"),
        );
    }
    let has = |css: &str| first(doc, css).is_some();
    c.hearing(
        slug,
        &out("respond block"),
        if has("section.respond") {
            "upcoming|open"
        } else {
            "closed"
        },
    );
    c.hearing(
        slug,
        &out("days left"),
        if has(".banner-days") {
            "open"
        } else {
            "upcoming|closed"
        },
    );
    let banner_text = text(banner);
    if banner_text.contains("Fristen var") {
        c.hearing(slug, &out("'Fristen var'"), "closed");
    }
    if banner_text.contains("Du kan svare fra") {
        c.hearing(slug, &out("'Du kan svare fra'"), "upcoming");
    }
    if !hx(slug).held_back.is_empty() {
        c.hearing(
            slug,
            &out("responses"),
            if has("section[aria-labelledby=h-responses]") {
                "closed"
            } else {
                "upcoming|open"
            },
        );
    }
    if slug == "hoering-lukket" {
        c.hearing(
            slug,
            &out("hearing note"),
            if has("section.summary-note") {
                "closed"
            } else {
                "upcoming|open"
            },
        );
    }
    // The decision that followed: an agenda item until its meeting.
    for li in all(doc, "section.followed li") {
        for (subject, _) in linked(page, li) {
            let says = if text(li).contains("sagen behandles på mødet") {
                "agenda"
            } else {
                "decided"
            };
            c.add(subject, &out("followed by"), says);
        }
    }
}

/// The plan page: status badge, timeline rows, the "now" box, the aside's lists.
fn plan_page(page: &str, doc: ElementRef, c: &mut Claims) {
    let out = |w: &str| format!("{page} {w}");
    if let Some(b) = first(doc, ".doc-header .badge") {
        c.add(
            "plan:plan-a",
            &out("status badge"),
            &class_state(b, "badge-").unwrap_or_default(),
        );
    }
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    for row in all(doc, "li.tl-item") {
        let what = first(row, ".tl-what").map(text).unwrap_or_default();
        let state = classes(row)
            .iter()
            .find_map(|c| {
                c.strip_prefix("tl-")
                    .filter(|s| ["done", "now", "upcoming"].contains(s))
                    .map(str::to_string)
            })
            .unwrap_or_else(|| "none".into());
        rows.insert(what.clone(), state.clone());
        c.add(format!("row:{what}"), &out("timeline row"), &state);
        let links = linked(page, row);
        let says = if links.is_empty() {
            "left out"
        } else {
            "shown"
        };
        c.add(format!("row-link:{what}"), &out("timeline row link"), says);
        for (s, a) in links {
            let t = text(a);
            if s.starts_with("decision:") {
                let says = if t.starts_with("Se dagsordenspunktet") {
                    "agenda"
                } else if t.starts_with("Se beslutningen") {
                    "decided"
                } else {
                    "?"
                };
                c.add(&s, &out("row link wording"), says);
            }
        }
    }
    // "Hvor er vi nu?" lists every step happening now and the next one (issue 17).
    for step in all(doc, "section.now-box li.step") {
        let what = first(step, ".step-what").map(text).unwrap_or_default();
        let state = first(step, ".state")
            .and_then(|s| class_state(s, "state-"))
            .unwrap_or_default();
        c.check(rows.get(&what) == Some(&state), || {
            format!(
                "{page}: the 'now' box says {what:?} is {state}, the timeline says {:?}",
                rows.get(&what)
            )
        });
    }
    // The aside lists the plan's hearings with badges and its decisions with wording.
    if let Some(aside) = first(doc, "aside.doc-aside") {
        for li in all(aside, "li") {
            for (subject, _) in linked(page, li) {
                if subject.starts_with("hearing:") {
                    for b in all(li, ".badge") {
                        c.add(
                            &subject,
                            &out("aside badge"),
                            hearing_word(&text(b)).unwrap_or("?"),
                        );
                    }
                } else if subject.starts_with("decision:") {
                    let says = if text(li).contains("sagen behandles på mødet") {
                        "agenda"
                    } else {
                        "decided"
                    };
                    c.add(&subject, &out("aside decision"), says);
                }
            }
        }
    }
}

fn full_subject(slug: &str) -> String {
    if slug.starts_with("hoering") {
        format!("hearing:{slug}")
    } else {
        format!("decision:{slug}")
    }
}

/// A decision's page: its kind word and which sections it has.
fn decision_page(page: &str, slug: &str, doc: ElementRef, c: &mut Claims) {
    let out = |w: &str| format!("{page} {w}");
    let kind = first(doc, ".doc-header .doc-kind")
        .map(text)
        .unwrap_or_default();
    let word = kind.split(" · ").next().unwrap_or_default();
    c.decision(slug, &out("kind"), decision_label(word).unwrap_or("?"));
    let has = |css: &str| first(doc, css).is_some();
    c.decision(
        slug,
        &out("outcome section"),
        // The outcome stands under each recommendation (issue 17), or in a section.
        if has("section.outcome, .rec-outcome") {
            "decided"
        } else {
            "agenda|withdrawn"
        },
    );
    c.decision(
        slug,
        &out("agenda note"),
        if has("section.agenda-note") {
            "agenda"
        } else {
            "decided|withdrawn"
        },
    );
    c.decision(
        slug,
        &out("withdrawal notice"),
        if has(".withdrawn-note") {
            "withdrawn"
        } else {
            "agenda|decided"
        },
    );
}

/// Meeting items (meeting pages, archives, the home page's latest decisions).
fn meeting_items(page: &str, doc: ElementRef, c: &mut Claims) {
    for li in all(doc, "ol.meeting-items li") {
        for (subject, _) in linked(page, li) {
            let says = if first(li, ".badge-withdrawn").is_some() {
                "withdrawn"
            } else if first(li, ".badge-agenda").is_some() {
                "agenda"
            } else if first(li, ".outcomes").is_some() {
                "decided"
            } else {
                "?"
            };
            c.add(&subject, &format!("{page} meeting item"), says);
            if page == "index.html" {
                // The home page lists only meetings that have been held.
                c.add(&subject, "index.html latest decisions", "decided|withdrawn");
            }
        }
    }
}

/// The calendar page: which section an event is in, the "now" marker, the kind word.
fn calendar_page(page: &str, doc: ElementRef, at: T, c: &mut Claims) {
    for (section, coming) in [("h-coming", true), ("h-past", false)] {
        for s in all(doc, &format!("section[aria-labelledby={section}]")) {
            for item in all(s, "li.cal-item") {
                let what = first(item, ".cal-what").map(text).unwrap_or_default();
                let now = first(item, ".state-now").is_some();
                let entry = match (coming, now) {
                    (true, true) => "now",
                    (true, false) => "upcoming",
                    (false, _) => "done",
                };
                if !coming
                    && let Some(day) = first(item, "time").and_then(|t| t.value().attr("datetime"))
                {
                    c.check(starts_not_after(day, at), || {
                        format!("{page}: past event {what:?} is dated {day}, after the moment")
                    });
                }
                let Some(a) = first(item, "a.cal-doc") else {
                    continue;
                };
                let Some(subject) = a
                    .value()
                    .attr("href")
                    .and_then(|h| subject_of(&resolve(page, h)))
                else {
                    continue;
                };
                let out = format!("{page} {what:?}");
                if subject.starts_with("decision:") {
                    let word = text(a);
                    let word = word.split(':').next().unwrap_or_default();
                    c.add(
                        &subject,
                        &format!("{out} kind"),
                        decision_label(word).unwrap_or("?"),
                    );
                    c.add(
                        &subject,
                        &out,
                        match entry {
                            "upcoming" => "agenda",
                            _ => "decided",
                        },
                    );
                } else if subject.starts_with("hearing:") {
                    let says = if what.ends_with("(høringsfrist)") {
                        match entry {
                            "done" => "closed",
                            "now" => "open",
                            _ => "upcoming|open",
                        }
                    } else if what.contains("(høringen åbner)") {
                        match entry {
                            "upcoming" => "upcoming",
                            "now" => "open",
                            _ => "open|closed",
                        }
                    } else {
                        "upcoming|open|closed"
                    };
                    c.add(&subject, &out, says);
                } else if let Some(r) = ROWS.iter().find(|r| what.ends_with(r.what)) {
                    c.add(
                        format!("row:{}", r.what),
                        &format!("{out} (timeline row)"),
                        entry,
                    );
                }
            }
        }
    }
}

/// Whether a `datetime` value (a day or a moment) is not after `at`.
fn starts_not_after(value: &str, at: T) -> bool {
    match DateTime::parse_from_rfc3339(value) {
        Ok(v) => v <= at,
        Err(_) => value
            .get(..10)
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .is_some_and(|d| d <= at.date_naive()),
    }
}

/// A valid HTML `datetime`: a year, month or day, or a moment with at most milliseconds.
fn valid_datetime(v: &str) -> bool {
    let day = |s: &str| s.parse::<NaiveDate>().is_ok();
    if day(v) || v.len() == 7 && day(&format!("{v}-01")) || v.len() == 4 && v.parse::<u16>().is_ok()
    {
        return true;
    }
    // A local date and time (`2030-05-06T09:00`) or a global one with its offset.
    let local = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ]
    .iter()
    .any(|f| chrono::NaiveDateTime::parse_from_str(v, f).is_ok());
    if !local && DateTime::parse_from_rfc3339(v).is_err() {
        return false;
    }
    let frac = v
        .split_once('.')
        .map(|(_, r)| r.chars().take_while(char::is_ascii_digit).count());
    frac.is_none_or(|n| (1..=3).contains(&n))
}

/// Every HTML page: the claims of each kind of page, and what holds on every page.
fn read_html(out: &Out, page: &str, at: T, moment: &str, c: &mut Claims) {
    let html = Html::parse_document(&out.read(page));
    let doc = html.root_element();
    // The footer states the build moment.
    let built: Vec<String> = all(doc, ".site-footer .built-at time")
        .iter()
        .filter_map(|t| t.value().attr("datetime").map(str::to_string))
        .collect();
    c.check(built == [moment.to_string()], || {
        format!("{page}: built {built:?}, not {moment}")
    });
    for t in all(doc, "time") {
        let v = t.value().attr("datetime").unwrap_or("");
        c.check(valid_datetime(v), || {
            format!("{page}: <time datetime={v:?}> is not a valid date or moment")
        });
    }
    // Every link inside the site reaches a file of this build: nothing links to an item
    // that is not public at the moment.
    for a in all(doc, "a[href]") {
        let href = a.value().attr("href").unwrap_or("");
        if href.starts_with("mailto:")
            || href.starts_with("http://")
            || href.starts_with("https://")
            || href.starts_with('#')
        {
            continue;
        }
        let target = common::percent_decode(&resolve(page, href));
        c.check(out.exists(&target), || {
            format!("{page}: the link {href:?} leads to nothing ({target})")
        });
    }
    hearing_cards(page, doc, c);
    meeting_items(page, doc, c);
    if page == "kalender/index.html" {
        calendar_page(page, doc, at, c);
    }
    match subject_of(page).as_deref().and_then(|s| s.split_once(':')) {
        Some(("hearing", slug)) => {
            hearing_page(page, slug, doc, c);
            let as_of: Vec<&str> = all(doc, ".as-of time")
                .iter()
                .filter_map(|t| t.value().attr("datetime"))
                .collect();
            c.check(as_of == [moment], || {
                format!("{page}: status as of {as_of:?}, not {moment}")
            });
            if hearing_state(hx(slug), at) == "closed" {
                for tm in all(doc, ".hearing-banner time") {
                    let v = tm.value().attr("datetime").unwrap_or("");
                    c.check(starts_not_after(v, at), || {
                        format!("{page}: the closed hearing's banner gives {v}, after the moment")
                    });
                }
            }
        }
        Some(("decision", slug)) => {
            decision_page(page, slug, doc, c);
            if first(doc, "section.outcome").is_some() {
                c.check(at >= t(dx(slug).decided_from), || {
                    format!("{page}: an outcome before the meeting")
                });
            }
        }
        Some(("plan", _)) => {
            plan_page(page, doc, c);
            for row in all(doc, "li.tl-done") {
                for tm in all(row, ".tl-when time") {
                    let v = tm.value().attr("datetime").unwrap_or("");
                    c.check(starts_not_after(v, at), || {
                        format!("{page}: a done row is dated {v}, after the moment")
                    });
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- the other outputs

fn read_feeds(out: &Out, at: T, c: &mut Claims) {
    for rel in [
        "feeds/alt.atom",
        "feeds/hoeringer.atom",
        "feeds/beslutninger.atom",
        "feeds/planer.atom",
    ] {
        let feed = feed_rs::parser::parse(out.read(rel).as_bytes())
            .unwrap_or_else(|e| panic!("{rel}: {e}"));
        if let Some(u) = feed.updated {
            c.check(u <= at, || {
                format!("{rel}: the feed is updated {u}, after the moment")
            });
        }
        for e in &feed.entries {
            for (what, d) in [("updated", e.updated), ("published", e.published)] {
                if let Some(d) = d {
                    c.check(d <= at, || {
                        format!("{rel}: {} is {what} {d}, after the moment", e.id)
                    });
                }
            }
            let Some(subject) = subject_of_url(&e.id) else {
                continue;
            };
            let labels: Vec<String> = e
                .categories
                .iter()
                .flat_map(|k| [Some(k.term.clone()), k.label.clone()])
                .flatten()
                .collect();
            if subject.starts_with("decision:") {
                for l in &labels {
                    if let Some(s) = decision_label(l) {
                        c.add(&subject, &format!("{rel} category"), s);
                    }
                }
                c.add(
                    &subject,
                    &format!("{rel} entry"),
                    "agenda|decided|withdrawn",
                );
            } else if subject.starts_with("hearing:") {
                c.add(&subject, &format!("{rel} entry"), "upcoming|open|closed");
            }
        }
    }
}

fn read_calendars(out: &Out, at: T, c: &mut Claims) {
    let mut files = vec!["kalender.ics".to_string()];
    files.extend(
        out.files()
            .into_iter()
            .filter(|f| f.ends_with("/kalender.ics")),
    );
    let stamp = at
        .with_timezone(&chrono::Utc)
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    for rel in &files {
        for e in common::ics_events(out, rel) {
            c.check(e.get("DTSTAMP") == Some(&stamp), || {
                format!(
                    "{rel}: DTSTAMP {:?}, not the build moment {stamp}",
                    e.get("DTSTAMP")
                )
            });
            let uid = e.get("UID").cloned().unwrap_or_default();
            for h in &HEARINGS {
                if uid.starts_with(&format!("hearing-{}-", h.slug)) {
                    c.hearing(h.slug, &format!("{rel} event"), "upcoming|open|closed");
                }
            }
            for d in &DECISIONS {
                if uid.starts_with(&format!("decision-{}-", d.slug)) {
                    // A withdrawn item keeps no place in any calendar.
                    c.decision(d.slug, &format!("{rel} event"), "agenda|decided");
                }
            }
        }
    }
    for h in &HEARINGS {
        let rel = format!("hoeringer/{}/kalender.ics", h.slug);
        if out.exists(&rel) {
            c.hearing(h.slug, &rel, "upcoming|open|closed");
        }
    }
}

fn read_sitemap(out: &Out, at: T, c: &mut Claims) {
    let xml = out.read("sitemap.xml");
    for block in xml.split("<url>").skip(1) {
        let field = |tag: &str| {
            block
                .split(&format!("<{tag}>"))
                .nth(1)
                .and_then(|r| r.split(&format!("</{tag}>")).next())
                .map(str::to_string)
        };
        let loc = field("loc").unwrap_or_default();
        if let Some(m) = field("lastmod") {
            c.check(starts_not_after(&m, at), || {
                format!("sitemap.xml: {loc} lastmod {m}, after the moment")
            });
        }
        match subject_of_url(&loc) {
            Some(s) if s.starts_with("hearing:") => {
                c.add(&s, "sitemap.xml", "upcoming|open|closed")
            }
            Some(s) if s.starts_with("decision:") => {
                c.add(&s, "sitemap.xml", "agenda|decided|withdrawn")
            }
            _ => {}
        }
    }
}

/// A search index entry: what the result list shows.
struct SearchEntry {
    label: String,
    url: String,
}

/// Reads the search index, whatever its files look like. The only function that knows
/// the index format: `search-index.js` today (`window.PLANPUB_SEARCH = [...]`), or
/// the files under `search/`.
fn search_entries(out: &Out) -> Vec<SearchEntry> {
    let files: Vec<String> = if out.exists("search-index.js") {
        vec!["search-index.js".into()]
    } else {
        out.files()
            .into_iter()
            .filter(|f| f.starts_with("search/") && (f.ends_with(".js") || f.ends_with(".json")))
            .collect()
    };
    assert!(
        !files.is_empty(),
        "no search index found; update search_entries for its new format"
    );
    let mut entries = Vec::new();
    for f in files {
        let text = out.read(&f);
        let start = text.find(['[', '{']).unwrap_or(0);
        let end = text.rfind([']', '}']).map_or(text.len(), |e| e + 1);
        let v: serde_json::Value =
            serde_json::from_str(&text[start..end]).unwrap_or_else(|e| panic!("{f}: {e}"));
        let list = v
            .as_array()
            .cloned()
            .or_else(|| v.get("entries").and_then(|e| e.as_array()).cloned())
            .unwrap_or_default();
        for e in list {
            entries.push(SearchEntry {
                label: e["l"].as_str().unwrap_or_default().to_string(),
                url: e["u"].as_str().unwrap_or_default().to_string(),
            });
        }
    }
    entries
}

fn read_search(out: &Out, c: &mut Claims) {
    for e in search_entries(out) {
        let Some(subject) = subject_of_url(&e.url) else {
            continue;
        };
        if subject.starts_with("decision:") {
            c.add(
                &subject,
                "search index label",
                decision_label(&e.label).unwrap_or("?"),
            );
        } else if subject.starts_with("hearing:") {
            c.add(&subject, "search index", "upcoming|open|closed");
        }
    }
}

/// The slug a link in the open data names: a link record's `slug`, or a plain slug.
fn slug_in(v: &serde_json::Value) -> Option<&str> {
    v.as_str().or_else(|| v["slug"].as_str())
}

fn read_api(out: &Out, c: &mut Claims) {
    for e in out.json("api/hearings.json")["hearings"]
        .as_array()
        .unwrap()
    {
        let slug = e["slug"].as_str().unwrap();
        c.hearing(
            slug,
            "api/hearings.json",
            e["state"].as_str().unwrap_or("?"),
        );
    }
    for h in &HEARINGS {
        let rel = format!("api/hearings/{}.json", h.slug);
        if !out.exists(&rel) {
            continue;
        }
        let v = out.json(&rel);
        c.hearing(h.slug, &rel, v["state"].as_str().unwrap_or("?"));
        let responses = !v["responses"].as_array().unwrap().is_empty();
        let note = !v["summary_note"].is_null();
        if !h.held_back.is_empty() {
            c.hearing(
                h.slug,
                &format!("{rel} responses"),
                if responses { "closed" } else { "upcoming|open" },
            );
        }
        if h.slug == "hoering-lukket" {
            c.hearing(
                h.slug,
                &format!("{rel} summary_note"),
                if note { "closed" } else { "upcoming|open" },
            );
        }
    }
    for e in out.json("api/decisions.json")["decisions"]
        .as_array()
        .unwrap()
    {
        let url = e["url"].as_str().unwrap_or_default();
        if let Some(subject) = subject_of_url(url) {
            // The list names a decision's state where it gives one; it lists each
            // decision that exists either way.
            let state = e
                .get("state")
                .map_or(Some("agenda|decided|withdrawn"), |s| s.as_str());
            c.add(&subject, "api/decisions.json", state.unwrap_or("?"));
        }
    }
    for d in &DECISIONS {
        let rel = format!("api/decisions/{}.json", d.slug);
        let v = out.json(&rel);
        c.decision(d.slug, &rel, v["state"].as_str().unwrap_or("?"));
        let outcomes = v["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| !r["outcome"].is_null());
        c.decision(
            d.slug,
            &format!("{rel} outcomes"),
            if outcomes {
                "decided"
            } else {
                "agenda|withdrawn"
            },
        );
        c.decision(
            d.slug,
            &format!("{rel} withdrawn"),
            if v.get("withdrawn").is_some_and(|w| !w.is_null()) {
                "withdrawn"
            } else {
                "agenda|decided"
            },
        );
    }
    for e in out.json("api/plans.json")["plans"].as_array().unwrap() {
        c.add(
            "plan:plan-a",
            "api/plans.json",
            e["status"].as_str().unwrap_or("?"),
        );
    }
    let plan = out.json("api/plans/plan-a.json");
    c.add(
        "plan:plan-a",
        "api/plans/plan-a.json",
        plan["status"].as_str().unwrap_or("?"),
    );
    for row in plan["timeline"].as_array().unwrap() {
        let what = row["what"].as_str().unwrap_or_default();
        let state = row["state"].as_str().unwrap_or("?");
        c.add(
            format!("row:{what}"),
            "api/plans/plan-a.json timeline",
            state,
        );
        let link = slug_in(&row["hearing"]).or(slug_in(&row["decision"]));
        let says = if link.is_some() { "shown" } else { "left out" };
        c.add(
            format!("row-link:{what}"),
            "api/plans/plan-a.json timeline link",
            says,
        );
    }
    for s in plan["hearings"].as_array().unwrap() {
        c.hearing(
            slug_in(s).unwrap(),
            "api/plans/plan-a.json hearings",
            "upcoming|open|closed",
        );
    }
    for s in plan["decisions"].as_array().unwrap() {
        c.decision(
            slug_in(s).unwrap(),
            "api/plans/plan-a.json decisions",
            "agenda|decided",
        );
    }
}

/// `next-change.json` against `planpub schedule` at the same moment.
fn read_next_change(out: &Out, site: &Site, moment: &str, c: &mut Claims) {
    let v = out.json("api/next-change.json");
    c.check(v["built_as_of"] == moment, || {
        format!(
            "next-change.json: built as of {}, not {moment}",
            v["built_as_of"]
        )
    });
    let schedule = schedule(site, moment);
    let next = schedule.first();
    c.check(
        v["next_change"].as_str() == next.map(|n| n["at"].as_str().unwrap()),
        || {
            format!(
                "next-change.json says {}, schedule says {:?}",
                v["next_change"],
                next.map(|n| &n["at"])
            )
        },
    );
    if let Some(n) = next {
        c.check(t(n["at"].as_str().unwrap()) > t(moment), || {
            format!("the schedule at {moment} lists {} as coming", n["at"])
        });
        if n["public"] == true {
            c.check(v["what"] == n["what"], || {
                format!("next-change.json: what {} vs {}", v["what"], n["what"])
            });
        } else {
            c.check(
                v["what"] == "scheduled publication" && v["page"].is_null(),
                || format!("next-change.json names an embargoed item: {v}"),
            );
        }
    }
}

/// Text that may appear only in some states, searched for in every file of the build.
fn read_held_back(out: &Out, at: T, c: &mut Claims) {
    let files: Vec<(String, String)> = common::snapshot(&out.dir)
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".pdf"))
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).to_lowercase()))
        .collect();
    let found = |needle: &str| -> Vec<String> {
        files
            .iter()
            .filter(|(_, t)| t.contains(needle))
            .map(|(p, _)| p.clone())
            .collect()
    };
    for h in &HEARINGS {
        for m in h.held_back {
            for f in found(m) {
                c.hearing(h.slug, &format!("{f} shows {m:?}"), "closed");
            }
        }
        if !public(h, at) {
            for needle in [h.title.to_lowercase(), h.slug.to_string()] {
                for f in found(&needle) {
                    c.hearing(h.slug, &format!("{f} names it"), "upcoming|open|closed");
                }
            }
        }
    }
    for d in &DECISIONS {
        for m in d.held_back {
            for f in found(m) {
                c.decision(d.slug, &format!("{f} shows {m:?}"), "decided");
            }
        }
    }
}

// ---------------------------------------------------------------- builds

fn schedule(site: &Site, moment: &str) -> Vec<serde_json::Value> {
    let mut cmd = planpub();
    cmd.arg("schedule")
        .arg("--root")
        .arg(site.root())
        .args(["--now", moment, "--format", "json"]);
    let r = run(&mut cmd);
    r.assert_ok();
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("schedule json: {e}\n{}", r.stdout))
}

/// Every moment at which a page changes, from the start on: what the schedule lists,
/// and what it lists once each embargoed item is public.
fn moments_of(site: &Site) -> Vec<T> {
    let mut seen: BTreeSet<T> = BTreeSet::new();
    let mut todo = vec![START.to_string()];
    while let Some(from) = todo.pop() {
        for c in schedule(site, &from) {
            let at = t(c["at"].as_str().unwrap());
            if seen.insert(at) && c["public"] == false {
                // What the newly public item brings is listed from its moment on.
                todo.push(c["at"].as_str().unwrap().to_string());
            }
        }
    }
    seen.into_iter().collect()
}

/// The moments to build at: the start, each listed moment and one second before it,
/// and a few in between: half-way into each gap that begins or ends at a time of day
/// other than midnight (an opening, a deadline, a meeting, an embargo), and a day after
/// the last moment.
fn build_moments(listed: &[T]) -> Vec<T> {
    let midnight = |m: &T| m.time() == chrono::NaiveTime::MIN;
    let mut all: BTreeSet<T> = BTreeSet::new();
    all.insert(t(START));
    for (i, &m) in listed.iter().enumerate() {
        all.insert(m);
        all.insert(m - Duration::seconds(1));
        match listed.get(i + 1) {
            Some(&next)
                if next - m > Duration::seconds(2) && !(midnight(&m) && midnight(&next)) =>
            {
                all.insert(m + (next - m) / 2);
            }
            None => {
                all.insert(m + Duration::days(1));
            }
            _ => {}
        }
    }
    all.into_iter().collect()
}

/// planpub writes moments in the site's zone; the test names them the same way.
fn stamp(at: T) -> String {
    let tz: chrono_tz::Tz = "Europe/Copenhagen".parse().unwrap();
    let local = at.with_timezone(&tz);
    local.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

/// What one build at one moment showed.
struct Outcome {
    moment: String,
    claims: usize,
    checks: usize,
    wrong: Vec<String>,
}

/// Builds at `at` and checks every output.
fn build_and_check(site: &Site, at: T) -> Outcome {
    let moment = stamp(at);
    // Each build is a fresh publication as of its moment: no ledger from another one.
    let _ = std::fs::remove_file(site.root().join("decision-ledger.json"));
    let r = common::build_at(site, &moment, &[]);
    if !r.ok() {
        return Outcome {
            moment,
            claims: 0,
            checks: 1,
            wrong: vec![format!("the build failed:\n{}", r.all())],
        };
    }
    let out = site.output();
    let mut c = Claims::default();
    for page in out.files().into_iter().filter(|f| f.ends_with(".html")) {
        read_html(&out, &page, at, &moment, &mut c);
    }
    read_feeds(&out, at, &mut c);
    read_calendars(&out, at, &mut c);
    read_sitemap(&out, at, &mut c);
    read_search(&out, &mut c);
    read_api(&out, &mut c);
    read_next_change(&out, site, &moment, &mut c);
    read_held_back(&out, at, &mut c);

    // Every public hearing and decision is told about by the outputs that list them all.
    let told: BTreeMap<String, BTreeSet<String>> = c
        .by_subject
        .iter()
        .map(|(s, v)| (s.clone(), v.iter().map(|(o, _)| o.clone()).collect()))
        .collect();
    let mut required: Vec<(String, Vec<String>)> = Vec::new();
    for h in HEARINGS.iter().filter(|h| public(h, at)) {
        let page = format!("hoeringer/{}/index.html", h.slug);
        let mut outs = vec![
            format!("{page} banner class"),
            "hoeringer/index.html card class".to_string(),
            "index.html card class".to_string(),
            "api/hearings.json".to_string(),
            format!("api/hearings/{}.json", h.slug),
            "sitemap.xml".to_string(),
            "search index".to_string(),
            "feeds/hoeringer.atom entry".to_string(),
            "feeds/alt.atom entry".to_string(),
            format!("hoeringer/{}/kalender.ics", h.slug),
        ];
        if h.slug != "hoering-lukket" {
            outs.push("planer/plan-a/index.html aside badge".into());
            outs.push("api/plans/plan-a.json hearings".into());
        }
        required.push((format!("hearing:{}", h.slug), outs));
    }
    for d in &DECISIONS {
        let mut outs = vec![
            format!("{} kind", d.path),
            format!("api/decisions/{}.json", d.slug),
            "api/decisions.json".to_string(),
            "sitemap.xml".to_string(),
            "search index label".to_string(),
            "feeds/beslutninger.atom category".to_string(),
            "beslutninger/index.html meeting item".to_string(),
        ];
        if decision_state(d, at) != "withdrawn" {
            // The site calendar holds the last year and the next two.
            if at - t(d.decided_from) < Duration::days(366) {
                outs.push("kalender.ics event".into());
            }
            outs.push("planer/plan-a/index.html aside decision".into());
        }
        required.push((format!("decision:{}", d.slug), outs));
    }
    for r in &ROWS {
        required.push((
            format!("row:{}", r.what),
            vec![
                "planer/plan-a/index.html timeline row".into(),
                "api/plans/plan-a.json timeline".into(),
            ],
        ));
    }
    required.push((
        "plan:plan-a".into(),
        vec![
            "planer/plan-a/index.html status badge".into(),
            "api/plans.json".into(),
            "api/plans/plan-a.json".into(),
        ],
    ));
    for (subject, outs) in required {
        for o in outs {
            c.check(told.get(&subject).is_some_and(|s| s.contains(&o)), || {
                format!("{o} says nothing about {subject}")
            });
        }
    }

    let mut wrong = c.problems.clone();
    let mut claims = 0;
    for (subject, said) in &c.by_subject {
        let want = expected(subject, at);
        for (output, says) in said {
            claims += 1;
            if !says.split('|').any(|s| s == want) {
                wrong.push(format!("{subject} is {want}, but {output} says {says}"));
            }
        }
    }
    Outcome {
        moment,
        claims,
        checks: c.checks,
        wrong,
    }
}

#[test]
fn every_output_tells_the_same_state_at_every_moment() {
    let sites = [fixture(), fixture()];
    let listed = moments_of(&sites[0]);
    // The schedule lists what the fixture is built around, the embargo's moments too.
    for m in [
        "2030-04-01T00:00:00+02:00",
        "2030-04-16T00:00:00+02:00",
        "2030-05-06T09:00:00+02:00",
        "2030-05-20T12:00:01+02:00",
        "2030-05-12T09:00:00+02:00",
        "2030-05-27T12:00:01+02:00",
        "2030-05-15T00:00:00+02:00",
        "2030-06-05T17:00:00+02:00",
    ] {
        assert!(
            listed.contains(&t(m)),
            "the schedule does not list {m}: {listed:?}"
        );
    }
    let moments = build_moments(&listed);
    // Two builds at a time (the machine has two cores), each in its own site copy.
    let results: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = sites
            .iter()
            .enumerate()
            .map(|(k, site)| {
                let mine: Vec<T> = moments
                    .iter()
                    .copied()
                    .skip(k)
                    .step_by(sites.len())
                    .collect();
                s.spawn(move || {
                    mine.into_iter()
                        .map(|m| build_and_check(site, m))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a build thread"))
            .collect()
    });
    let claims: usize = results.iter().map(|o| o.claims).sum();
    let checks: usize = results.iter().map(|o| o.checks).sum();
    eprintln!(
        "moments test: {} moments listed, {} builds, {claims} claims and {checks} other checks",
        listed.len(),
        moments.len()
    );
    // Each problem once, with the moments it was seen at.
    let mut seen: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for o in &results {
        for w in &o.wrong {
            seen.entry(w.as_str()).or_default().push(o.moment.as_str());
        }
    }
    let report: Vec<String> = seen
        .iter()
        .map(|(w, at)| format!("{w}\n    as of {} ({} builds)", at[0], at.len()))
        .collect();
    assert!(
        report.is_empty(),
        "{} problems in {} builds:\n{}",
        report.len(),
        results.iter().filter(|o| !o.wrong.is_empty()).count(),
        report.join("\n")
    );
}

#[test]
fn the_fixture_builds_and_its_rules_are_what_the_test_assumes() {
    // A spot check of the oracle against a few hand-read facts, so a mistake in the test's
    // own rules cannot hide one in planpub's.
    let at = t("2030-05-20T13:00:00+02:00");
    assert_eq!(hearing_state(hx("hoering-aaben"), at), "closed");
    assert_eq!(hearing_state(hx("hoering-embargo"), at), "open");
    assert_eq!(plan_status(at), "hearing");
    assert_eq!(decision_state(dx("beslutning-trukket"), at), "withdrawn");
    assert_eq!(
        hearing_state(hx("hoering-embargo"), t("2030-05-12T08:59:59+02:00")),
        "absent"
    );
    assert_eq!(plan_status(t("2030-06-06T00:00:00+02:00")), "adopted");
    let s = fixture();
    let out = s.built_at("2030-05-20T13:00");
    let p = out.html("hoeringer/hoering-aaben/index.html");
    assert_eq!(p.text(".hearing-banner .badge"), "Afsluttet");
}
