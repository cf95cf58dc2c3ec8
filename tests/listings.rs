//! Pages a phone can load: listings in pages of 50 with numbered links and
//! `rel="prev"`/`rel="next"`, feeds with the latest entries only, a site calendar
//! bounded to a window around the build moment.

mod common;

use common::Site;

fn plan(i: usize, area: &str) -> String {
    format!(
        "---\ntype: plan\ntitle: Plan {i:03}\narea: {area}\nstatus: adopted\npublished: 2008-01-{:02}\ntimeline:\n  - when: {}. maj 2008\n    what: Trin\n---\n\nTekst.\n",
        1 + i % 28,
        1 + i % 28
    )
}

fn big_site(n: usize) -> Site {
    let s = Site::new();
    for i in 0..n {
        let area = if i % 2 == 0 { "Vest" } else { "Øst" };
        s.write(
            &format!("content/planer/plan-{i:03}.md"),
            plan(i, area).as_bytes(),
        );
    }
    s
}

#[test]
fn plan_listings_come_in_pages_of_fifty_with_their_filter_kept() {
    let out = big_site(120).built();
    let titles = |rel: &str| out.html(rel).texts(".doc-list .doc-title a");
    let p1 = titles("planer/index.html");
    let p2 = titles("planer/side/2/index.html");
    let p3 = titles("planer/side/3/index.html");
    assert_eq!((p1.len(), p2.len(), p3.len()), (50, 50, 20));
    assert_eq!(p1[0], "Plan 000");
    assert_eq!(p2[0], "Plan 050");
    assert_eq!(p3.last().unwrap(), "Plan 119");
    assert!(!out.exists("planer/side/4/index.html"));
    assert!(
        !out.exists("planer/side/1/index.html"),
        "page 1 is the listing itself"
    );

    // Each page says where it is and links its neighbours, in the page and in <head>.
    let page2 = out.html("planer/side/2/index.html");
    assert_eq!(page2.attr("link[rel=prev]", "href"), "../../../planer/");
    assert_eq!(
        page2.attr("link[rel=next]", "href"),
        "../../../planer/side/3/"
    );
    assert_eq!(page2.text(".pagination-status"), "Side 2 af 3");
    assert_eq!(page2.text(".pagination a[aria-current=page]"), "2");
    assert_eq!(
        page2.texts(".pagination li a"),
        ["Forrige side", "1", "2", "3", "Næste side"]
    );
    assert!(page2.text("title").contains("side 2"));
    // The count is of the whole listing, not of the page.
    assert!(
        out.html("planer/index.html")
            .text("#h-list")
            .contains("120 planer")
    );
    assert_eq!(out.html("planer/index.html").count("link[rel=prev]"), 0);

    // A filtered listing keeps its filter on every page.
    let west = titles("planer/omraade/vest/index.html");
    let west2 = titles("planer/omraade/vest/side/2/index.html");
    assert_eq!((west.len(), west2.len()), (50, 10));
    assert!(west2.iter().all(|t| {
        let n: usize = t.trim_start_matches("Plan ").parse().unwrap();
        n.is_multiple_of(2)
    }));
    let w2 = out.html("planer/omraade/vest/side/2/index.html");
    assert_eq!(
        w2.attr("link[rel=prev]", "href"),
        "../../../../../planer/omraade/vest/"
    );
}

#[test]
fn a_small_listing_has_no_page_links() {
    let out = big_site(3).built();
    let page = out.html("planer/index.html");
    assert_eq!(page.count(".pagination"), 0);
    assert_eq!(page.count("link[rel=next]"), 0);
}

/// The day of a feed timestamp in the site's zone.
fn local(t: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    t.with_timezone(&chrono_tz::Europe::Copenhagen).date_naive()
}

#[test]
fn feeds_carry_the_latest_fifty_changes() {
    let out = big_site(80).built();
    let feed = feed_rs::parser::parse(out.read("feeds/planer.atom").as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 50);
    // Newest first: published days run 28 down to 1 across the plans.
    let days: Vec<u32> = feed
        .entries
        .iter()
        .map(|e| chrono::Datelike::day(&local(e.updated.unwrap())))
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert_eq!(days[0], 28);
}

#[test]
fn feed_dates_are_never_after_the_build_moment() {
    let s = Site::new().file(
        "content/planer/ny.md",
        "---\ntype: plan\ntitle: Ny\npublished: 2030-01-01\n---\n\nTekst.\n",
    );
    let out = s.built_at("2024-06-01");
    let feed = feed_rs::parser::parse(out.read("feeds/alt.atom").as_bytes()).unwrap();
    let e = &feed.entries[0];
    assert_eq!(local(e.updated.unwrap()).to_string(), "2024-06-01");
    assert_eq!(local(e.published.unwrap()).to_string(), "2024-06-01");
    assert!(local(feed.updated.unwrap()).to_string().as_str() <= "2024-06-01");
}

#[test]
fn the_site_calendar_holds_a_window_around_the_build_moment() {
    let s = Site::new().file(
        "content/planer/lang.md",
        "---\ntype: plan\ntitle: Lang plan\ntimeline:\n  - when: 2001\n    what: Gammelt trin\n  - when: juni 2024\n    what: Nu-trin\n  - when: 2040\n    what: Fjernt trin\n---\n\nTekst.\n",
    );
    let out = s.built_at("2024-06-01");
    let site = out.read("kalender.ics");
    assert!(site.contains("Nu-trin"));
    assert!(
        !site.contains("Gammelt trin"),
        "an event years back is in the site calendar"
    );
    assert!(
        !site.contains("Fjernt trin"),
        "an event years ahead is in the site calendar"
    );
    // The plan's own calendar has all of its events.
    let own = out.read("planer/lang/kalender.ics");
    for what in ["Gammelt trin", "Nu-trin", "Fjernt trin"] {
        assert!(
            own.contains(what),
            "{what} is missing from the plan's calendar"
        );
    }
}

#[test]
fn hearing_and_decision_archives_are_paginated_too() {
    let s = Site::new();
    for i in 0..60 {
        s.write(
            &format!("content/hoeringer/h-{i:02}.md"),
            format!(
                "---\ntype: hearing\ntitle: Høring {i:02}\nopens: 2007-01-{d:02}\ncloses: 2007-03-{d:02}\nrespond: {{ email: svar@test.dk }}\n---\n\nTekst.\n",
                d = 1 + i % 28
            )
            .as_bytes(),
        );
        s.write(
            &format!("content/beslutninger/b-{i:02}.md"),
            format!(
                "---\ntype: decision\ntitle: Punkt {i:02}\nbody: Byrådet\nmeeting: 2007-{m:02}-10\nitem: {item}\n---\n\nTekst.\n",
                m = 1 + i / 10,
                item = 1 + i % 10
            )
            .as_bytes(),
        );
    }
    let out = s.built();
    let cards = |rel: &str| out.html(rel).count(".hearing-card");
    assert_eq!(
        (
            cards("hoeringer/index.html"),
            cards("hoeringer/side/2/index.html")
        ),
        (50, 10)
    );
    // Decisions come in pages of whole meetings (ten items each here).
    let items = |rel: &str| out.html(rel).count(".meeting-items li");
    assert_eq!(items("beslutninger/index.html"), 50);
    assert_eq!(items("beslutninger/side/2/index.html"), 10);
    let second = out.html("beslutninger/side/2/index.html");
    assert!(
        second.text(".meeting-block h2").contains("januar 2007"),
        "oldest meeting last"
    );
}

#[test]
fn the_calendar_page_stays_small_and_says_what_it_leaves_out() {
    // One plan with 400 coming steps and 260 past ones in one month.
    let mut fm = String::from("---\ntype: plan\ntitle: Travl plan\ntimeline:\n");
    for i in 0..260 {
        fm.push_str(&format!(
            "  - when: {}. maj 2024\n    what: Forbi {i:03}\n",
            1 + i % 28
        ));
    }
    for i in 0..400 {
        fm.push_str(&format!(
            "  - when: {}. juli 2024\n    what: Kommer {i:03}\n",
            1 + i % 28
        ));
    }
    fm.push_str("---\n\nTekst.\n");
    let out = Site::new()
        .file("content/planer/travl.md", &fm)
        .built_at("2024-06-01");
    let page = out.html("kalender/index.html");
    let coming = page.texts("#h-coming ~ .cal-list .cal-what");
    let past = page.texts("#h-past ~ .cal-list .cal-what");
    assert_eq!((coming.len(), past.len()), (300, 200));
    assert_eq!(
        page.texts(".cal-more").len(),
        2,
        "both sections say that they leave events out"
    );
    // The plan's own calendar still has every step.
    let own = out.read("planer/travl/kalender.ics");
    assert_eq!(own.matches("BEGIN:VEVENT").count(), 660);

    // A small calendar says nothing of the kind.
    let small = Site::new()
        .file(
            "content/planer/lille.md",
            "---\ntype: plan\ntitle: Lille plan\ntimeline:\n  - when: 3. maj 2024\n    what: Forbi\n  - when: 3. juli 2024\n    what: Kommer\n---\n",
        )
        .built_at("2024-06-01");
    assert!(
        small
            .html("kalender/index.html")
            .texts(".cal-more")
            .is_empty()
    );
}
