//! Linear time on hostile input: 1 MB values and 100,000-item lists through every step.
//!
//! Run with `cargo bench --bench limits`. For each step it prints the median time of
//! five runs at the full size and at a quarter of it, and their ratio: a linear step
//! takes four times as long (ratio about 4), a quadratic one sixteen times. It asserts nothing about time
//! (the machine is shared and noisy); README's Security section quotes the figures.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::{NaiveDate, TimeZone, Utc};
use planpub::build::{BuildOptions, build};
use planpub::formats::markdown::{LinkRewriter, render};
use planpub::formats::{CalEvent, CalMeta, EventTime, FeedEntry, FeedMeta, atom_feed, ical};
use planpub::model::clock::parse_now;
use planpub::model::content::parse::{ParseEnv, parse_text};
use std::path::Path;
use std::time::Instant;

const MB: usize = 1 << 20;
const ITEMS: usize = 100_000;

fn median(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[2]
}

/// Times `step` at `size` and `size / 4` and prints both with their ratio.
fn report(name: &str, size: usize, step: impl Fn(usize)) {
    let quarter = median(|| step(size / 4));
    let full = median(|| step(size));
    println!(
        "{name:<44} {:>9.1} ms   quarter size {:>9.1} ms   ratio {:.1}",
        full * 1e3,
        quarter * 1e3,
        full / quarter.max(1e-9)
    );
}

fn words(bytes: usize) -> String {
    "Høring ".repeat(bytes / 8)
}

fn event(summary: String, categories: Vec<String>) -> CalEvent {
    CalEvent {
        uid: "x@planer.example.dk".into(),
        summary,
        description: None,
        url: Some("https://planer.example.dk/x/".into()),
        location: None,
        time: EventTime::AllDay {
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            end_inclusive: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        },
        categories,
    }
}

fn calendar(summary: String, categories: Vec<String>) {
    let meta = CalMeta {
        name: "Kalender".into(),
        prodid: "-//planpub//bench//DA".into(),
        dtstamp: Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap(),
        description: None,
    };
    std::hint::black_box(ical(&meta, &[event(summary, categories)]));
}

fn feed(title: String, categories: Vec<String>) {
    let at = Utc
        .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    let meta = FeedMeta {
        id: "tag:x,2024-01-01:/".into(),
        title: "Feed".into(),
        subtitle: None,
        self_url: "https://x.dk/feed.atom".into(),
        alternate_url: "https://x.dk/".into(),
        updated: at,
        author: "Kommunen".into(),
        lang: "da".into(),
        generator: "planpub".into(),
    };
    let entry = FeedEntry {
        id: "tag:x,2024-01-01:/a".into(),
        title,
        url: "https://x.dk/a/".into(),
        updated: at,
        published: None,
        summary: None,
        categories,
        kind_label: Some("Plan".into()),
    };
    std::hint::black_box(atom_feed(&meta, &[entry]));
}

fn tags(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("emne-{i}")).collect()
}

fn front_matter(body: &str) {
    let root = Path::new(".");
    let conventions = Default::default();
    let env = ParseEnv {
        root,
        conventions: &conventions,
        tz: chrono_tz::Europe::Copenhagen,
    };
    let (_doc, diags) = parse_text(&env, Path::new("content/x.md"), "content/x.md", body);
    std::hint::black_box(diags);
}

struct Same;
impl LinkRewriter for Same {
    fn internal(&self, p: &str) -> String {
        p.to_string()
    }
}

fn site_build(title_bytes: usize, tag_count: usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        "title: Bench\nbase_url: https://planer.example.dk/\n",
    )
    .unwrap();
    let list: String = tags(tag_count)
        .iter()
        .map(|t| format!("  - {t}\n"))
        .collect();
    std::fs::write(
        root.join("content/stor-plan.md"),
        format!(
            "---\ntype: plan\ntitle: \"{}\"\ntags:\n{list}timeline:\n  - when: primo 2024\n    what: Start\n---\n\nTekst.\n",
            words(title_bytes)
        ),
    )
    .unwrap();
    let mut opts = BuildOptions::new(&root, parse_now("2024-06-01").unwrap());
    opts.out = dir.path().join("public");
    build(&opts).unwrap_or_else(|d| panic!("build failed:\n{d}"));
}

fn main() {
    println!("planpub limits benchmark: median of 5 runs; ratio ≈ 4 means linear, 16 quadratic\n");
    report("iCalendar, 1 MB summary", MB, |n| {
        calendar(words(n), Vec::new())
    });
    report("iCalendar, 100,000 categories", ITEMS, |n| {
        calendar("Møde".into(), tags(n))
    });
    report("Atom, 1 MB title", MB, |n| feed(words(n), Vec::new()));
    report("Atom, 100,000 categories", ITEMS, |n| {
        feed("Plan".into(), tags(n))
    });
    report("Markdown, 1 MB body", MB, |n| {
        std::hint::black_box(render(&words(n), &Same));
    });
    report("Front matter, 1 MB title", MB, |n| {
        front_matter(&format!("---\ntype: page\ntitle: \"{}\"\n---\n", words(n)))
    });
    report("Front matter, 100,000 tags", ITEMS, |n| {
        let list: String = tags(n).iter().map(|t| format!("  - {t}\n")).collect();
        front_matter(&format!("---\ntype: page\ntitle: T\ntags:\n{list}---\n"))
    });
    report("Front matter, 100,000 nested brackets", ITEMS, |n| {
        front_matter(&format!(
            "---\ntype: page\ntitle: {}{}\n---\n",
            "[".repeat(n),
            "]".repeat(n)
        ))
    });
    report("Whole build, 1 MB title and 100,000 tags", MB, |n| {
        site_build(n, ITEMS * n / MB)
    });
}
