//! Calendar UIDs are stable (issue 11): inserting, deleting and reordering timeline rows
//! or hearing meetings never gives an event another event's UID; `id:` names a row;
//! two rows with the same identity are an error naming both. Read with the `ical` crate.

mod common;

use common::{Site, check_json, ics_events};
use std::collections::BTreeMap;

const ROWS: [&str; 3] = [
    "  - when: marts 2024\n    what: Udkastet skrives\n    who: Forvaltningen\n",
    "  - when: 12. juni 2024\n    what: Temamøde i udvalget\n    who: Udvalget\n",
    "  - when: august 2024\n    what: Planen vedtages\n    who: Byrådet\n",
];

fn plan(rows: &[&str]) -> String {
    format!(
        "---\ntype: plan\ntitle: Planen\ntimeline:\n{}---\n\nTekst.\n",
        rows.concat()
    )
}

fn hearing(meetings: &[&str]) -> String {
    format!(
        "---\ntype: hearing\ntitle: Høringen\nopens: 2024-05-01\ncloses: 2024-06-30 12:00\nrespond: {{ email: a@test.dk }}\nmeetings:\n{}---\n\nTekst.\n",
        meetings.concat()
    )
}

const MEETINGS: [&str; 2] = [
    "  - { when: 2024-05-14 19:00, where: Rådhuset, what: Borgermøde }\n",
    "  - { when: 2024-06-04 17:00, where: Biblioteket, what: Dialogmøde }\n",
];

/// SUMMARY → UID of every event in `rel`.
fn uids(site: &Site, rel: &str) -> BTreeMap<String, String> {
    let out = site.built_at("2024-01-15");
    ics_events(&out, rel)
        .into_iter()
        .map(|e| (e["SUMMARY"].clone(), e["UID"].clone()))
        .collect()
}

#[test]
fn inserting_deleting_and_reordering_rows_keeps_every_events_uid() {
    let s = Site::new()
        .file("content/planer/planen.md", &plan(&ROWS))
        .file("content/hoeringer/hoeringen.md", &hearing(&MEETINGS));
    let before = uids(&s, "kalender.ics");
    assert_eq!(before.len(), 3 + 2 + 2, "{before:?}");
    let mut distinct: Vec<&String> = before.values().collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), before.len(), "UIDs repeat: {before:?}");

    // A row and a meeting inserted at the top: every existing event keeps its UID.
    let new_row = "  - when: januar 2024\n    what: Arbejdet begynder\n";
    let new_meeting = "  - { when: 2024-05-02 19:00, where: Skolen, what: Åbent hus }\n";
    s.write(
        "content/planer/planen.md",
        plan(&[new_row, ROWS[0], ROWS[1], ROWS[2]]).as_bytes(),
    );
    s.write(
        "content/hoeringer/hoeringen.md",
        hearing(&[new_meeting, MEETINGS[0], MEETINGS[1]]).as_bytes(),
    );
    let inserted = uids(&s, "kalender.ics");
    for (summary, uid) in &before {
        assert_eq!(inserted.get(summary), Some(uid), "{summary} changed UID");
    }
    assert_eq!(inserted.len(), before.len() + 2);
    assert!(!before.values().any(|u| u == &inserted["Arbejdet begynder"]));

    // Reordered and one deleted: the rest keep theirs.
    s.write(
        "content/planer/planen.md",
        plan(&[ROWS[2], ROWS[0]]).as_bytes(),
    );
    let reordered = uids(&s, "kalender.ics");
    for summary in ["Udkastet skrives", "Planen vedtages"] {
        assert_eq!(reordered[summary], before[summary], "{summary}");
    }
    assert!(!reordered.contains_key("Temamøde i udvalget"));

    // Moving a row to another date keeps its UID: it is the same step, rescheduled.
    s.write(
        "content/planer/planen.md",
        plan(&[&ROWS[2].replace("august 2024", "oktober 2024"), ROWS[0]]).as_bytes(),
    );
    assert_eq!(
        uids(&s, "kalender.ics")["Planen vedtages"],
        before["Planen vedtages"]
    );

    // The plan's own calendar uses the same UIDs.
    let own = uids(&s, "planer/planen/kalender.ics");
    assert_eq!(own["Udkastet skrives"], before["Udkastet skrives"]);
}

#[test]
fn an_id_names_the_row_and_survives_a_new_wording() {
    let row = "  - id: vedtagelse\n    when: august 2024\n    what: Planen vedtages\n";
    let s = Site::new().file("content/planer/planen.md", &plan(&[ROWS[0], row]));
    let first = uids(&s, "kalender.ics");
    assert_eq!(
        first["Planen vedtages"],
        "plan-planen-row-vedtagelse@planer.test.dk"
    );
    s.write(
        "content/planer/planen.md",
        plan(&[
            ROWS[0],
            &row.replace("Planen vedtages", "Byrådet vedtager planen"),
        ])
        .as_bytes(),
    );
    assert_eq!(
        uids(&s, "kalender.ics")["Byrådet vedtager planen"],
        "plan-planen-row-vedtagelse@planer.test.dk"
    );
}

#[test]
fn two_rows_with_the_same_identity_are_an_error_naming_both() {
    let s = Site::new().file(
        "content/planer/planen.md",
        &plan(&[ROWS[0], ROWS[1], ROWS[0]]),
    );
    let (ok, diags) = check_json(&s, "2024-01-15", &[]);
    assert!(!ok);
    let d = diags
        .iter()
        .find(|d| d["field"] == "timeline[2]")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(d["file"], "content/planer/planen.md");
    assert_eq!(d["line"], 11);
    assert_eq!(
        d["message"],
        "timeline rows 1 (line 5) and 3 (line 11) have the same identity, so their calendar events would share one UID"
    );
    assert!(d["help"].as_str().unwrap().contains("id:"), "{d}");

    // Ids that repeat are caught the same way, and a bad id is named.
    let twice = "  - id: trin\n    when: maj 2024\n    what: Et trin\n";
    let other = "  - id: trin\n    when: juni 2024\n    what: Et andet trin\n";
    let s = Site::new().file("content/planer/planen.md", &plan(&[twice, other]));
    let (ok, diags) = check_json(&s, "2024-01-15", &[]);
    assert!(!ok);
    assert!(
        diags.iter().any(|d| d["field"] == "timeline[1]"),
        "{diags:?}"
    );
    let s = Site::new().file(
        "content/planer/planen.md",
        &plan(&["  - id: Trin Et\n    when: maj 2024\n    what: Et trin\n"]),
    );
    let (ok, diags) = check_json(&s, "2024-01-15", &[]);
    assert!(!ok);
    let d = diags
        .iter()
        .find(|d| d["field"] == "timeline[0].id")
        .expect("id");
    assert!(d["help"].as_str().unwrap().contains("trin-et"), "{d}");
}
