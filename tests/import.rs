//! `planpub import`: the seeds' process plans, as Word, OpenDocument, Excel and CSV
//! files, become draft plans that build, with every row of the source table and the
//! interval a person reads in it.
//!
//! The expected intervals below are written from reading the seeds, not from the
//! parser: `Primo 2024` is January–February 2024 and `Ultimo 2008` November–December
//! 2008 by planpub's documented conventions for primo/ultimo of a year.

mod common;

use common::{Run, Site, planpub, run};
use planpub::model::content::parse::{ParseEnv, parse_text};
use planpub::model::content::{Data, When};
use planpub::model::dates::DateConventions;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(site: &Site, file: &str, extra: &[&str]) -> Run {
    let mut c = planpub();
    c.arg("import")
        .arg(fixture(file))
        .arg("--root")
        .arg(site.root())
        .args(extra);
    run(&mut c)
}

/// (when as written, first day, last day) of each row.
type Rows = &'static [(&'static str, &'static str, &'static str)];

const MASTERPLAN: Rows = &[
    ("Januar 2023", "2023-01-01", "2023-01-31"),
    ("Februar-oktober 2023", "2023-02-01", "2023-10-31"),
    ("Juni 2023", "2023-06-01", "2023-06-30"),
    ("Oktober 2023", "2023-10-01", "2023-10-31"),
    ("November-december 2023", "2023-11-01", "2023-12-31"),
    // Written without a year: the year of the row above.
    ("December", "2023-12-01", "2023-12-31"),
    ("Primo 2024", "2024-01-01", "2024-02-29"),
    ("Primo 2024", "2024-01-01", "2024-02-29"),
];
const MASTERPLAN_SLUG: &str = "procesplan-for-udarbejdelse-af-masterplan-for-det-sociale-omraade";

const VELFAERD: Rows = &[
    ("20. januar 2021", "2021-01-20", "2021-01-20"),
    ("22. januar 2021", "2021-01-22", "2021-01-22"),
    ("26. januar 2021", "2021-01-26", "2021-01-26"),
    ("27. januar 2021", "2021-01-27", "2021-01-27"),
    ("Januar-juni 2021", "2021-01-01", "2021-06-30"),
    ("15. maj 2021", "2021-05-15", "2021-05-15"),
    ("3. juni 2021", "2021-06-03", "2021-06-03"),
    ("August-september 2021", "2021-08-01", "2021-09-30"),
    // The same date cell, merged over the second activity.
    ("August-september 2021", "2021-08-01", "2021-09-30"),
    ("September 2021", "2021-09-01", "2021-09-30"),
    ("August-september 2021", "2021-08-01", "2021-09-30"),
    ("August-september 2021", "2021-08-01", "2021-09-30"),
    ("September 2021", "2021-09-01", "2021-09-30"),
    ("1. oktober 2021", "2021-10-01", "2021-10-01"),
    ("Oktober/november 2021", "2021-10-01", "2021-11-30"),
    // From October 2021 to October 2022, as planpub documents `Oktober 2021/2022`.
    ("Oktober 2021/2022", "2021-10-01", "2022-10-31"),
    ("9. november 2021", "2021-11-09", "2021-11-09"),
    ("Januar 2022", "2022-01-01", "2022-01-31"),
    ("Februar/Marts 2022", "2022-02-01", "2022-03-31"),
    ("Marts/april 2022", "2022-03-01", "2022-04-30"),
    ("1. april 2022", "2022-04-01", "2022-04-01"),
];
const VELFAERD_SLUG: &str = "tids-og-procesplan-for-velfaerdsaftalen-paa-aeldreomraadet";

const PSYKISK: Rows = &[
    ("5. marts 2008", "2008-03-05", "2008-03-05"),
    ("5. marts 2008", "2008-03-05", "2008-03-05"),
    ("6. marts til ultimo april 2008", "2008-03-06", "2008-04-30"),
    ("7. maj 2008", "2008-05-07", "2008-05-07"),
    ("21. maj 2008", "2008-05-21", "2008-05-21"),
    ("22. maj til 20. juni 2008", "2008-05-22", "2008-06-20"),
    ("27. august 2008", "2008-08-27", "2008-08-27"),
    ("Ultimo 2008", "2008-11-01", "2008-12-31"),
    ("Ultimo 2008", "2008-11-01", "2008-12-31"),
    ("Maj – aug. 2009", "2009-05-01", "2009-08-31"),
    ("Ultimo 2009", "2009-11-01", "2009-12-31"),
];
const PSYKISK_SLUG: &str = "procesplan-for-arbejdet-med-en-plan-for-den-sociale-indsats-for-psykisk-syge-i-koebenhavns-kommune";

/// Builds the site with drafts and returns the plan's open-data JSON.
#[track_caller]
fn built_plan(site: &Site, slug: &str) -> Value {
    site.build_with(&["--drafts"]).assert_ok();
    let path = site.out().join(format!("api/plans/{slug}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        site.out()
            .join(format!("planer/{slug}/index.html"))
            .is_file()
    );
    serde_json::from_str(&text).unwrap()
}

#[track_caller]
fn assert_timeline(plan: &Value, expected: Rows) {
    let rows = plan["timeline"].as_array().expect("timeline");
    let got: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            let w = &r["when"];
            let s = |k: &str| w[k].as_str().unwrap_or("(none)").to_string();
            (s("text"), s("start"), s("end"))
        })
        .collect();
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(t, s, e)| (t.to_string(), s.to_string(), e.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// Imports `file` into a fresh site and checks the built timeline.
#[track_caller]
fn seed_builds(file: &str, slug: &str, expected: Rows) -> (Site, Value) {
    let site = Site::new();
    let r = import(&site, file, &[]);
    r.assert_ok();
    assert!(
        r.stdout.contains(&format!("content/planer/{slug}.md")),
        "{}",
        r.stdout
    );
    let plan = built_plan(&site, slug);
    assert_timeline(&plan, expected);
    (site, plan)
}

#[test]
fn masterplan_docx_and_xlsx() {
    for file in ["masterplan.docx", "masterplan.xlsx", "masterplan.odt"] {
        let (site, plan) = seed_builds(file, MASTERPLAN_SLUG, MASTERPLAN);
        assert_eq!(
            plan["title"],
            "Procesplan for udarbejdelse af masterplan for det sociale område"
        );
        // Bullet lists in a cell: the lead paragraph is the activity, the items its note.
        let row2 = &plan["timeline"][1];
        assert_eq!(
            row2["what"], "Udarbejdelsesprocessen af masterplanen.",
            "{file}"
        );
        let note = row2["note"].as_str().unwrap();
        assert_eq!(note.matches('•').count(), 3, "{file}: {note}");
        assert!(note.contains(
            "• Løbende involvering af interessenterne via dialogmøder, skriftlig høring mv."
        ));
        let text = std::fs::read_to_string(
            site.root()
                .join(format!("content/planer/{MASTERPLAN_SLUG}.md")),
        )
        .unwrap();
        assert!(text.contains("draft: true"));
        assert!(text.contains("status: draft"));
        if file != "masterplan.xlsx" {
            // Paragraphs outside the table are the body; the table's own heading is not.
            assert!(
                text.contains("\nArbejdet begynder i januar 2023 og slutter"),
                "{file}: {text}"
            );
            assert!(!text.contains("Overordnet tidsplan"), "{file}");
        }
    }
}

#[test]
fn velfaerdsaftale_docx_xlsx_and_ods() {
    for file in ["velfaerdsaftale.docx", "velfaerdsaftale.xlsx"] {
        let (_site, plan) = seed_builds(file, VELFAERD_SLUG, VELFAERD);
        let t = &plan["timeline"];
        assert_eq!(
            t[7]["who"], "Ældre- og Aktivitetsudvalget, Byrådet",
            "{file}"
        );
        assert_eq!(t[8]["who"], "Center for Offentlig Innovation", "{file}");
        assert_eq!(t[13]["who"], Value::Null, "{file}");
        let what = t[4]["what"].as_str().unwrap();
        assert!(
            what.starts_with("Løbende orientering og drøftelse i Fælles-MED SSO"),
            "{what}"
        );
        assert!(
            what.ends_with("KL, VIVE og øvrige velfærdskommuner."),
            "{what}"
        );
    }
    // The spreadsheet has no heading, so the title is given.
    let site = Site::new();
    import(
        &site,
        "velfaerdsaftale.ods",
        &[
            "--title",
            "Tids- og procesplan for velfærdsaftalen på ældreområdet",
        ],
    )
    .assert_ok();
    assert_timeline(&built_plan(&site, VELFAERD_SLUG), VELFAERD);
}

#[test]
fn psykisk_syge_docx_and_xlsx_over_two_pages() {
    for file in ["psykisk-syge.docx", "psykisk-syge.xlsx"] {
        let (_site, plan) = seed_builds(file, PSYKISK_SLUG, PSYKISK);
        let what = plan["timeline"][5]["what"].as_str().unwrap();
        assert!(
            what.starts_with("Høringsperiode: Rammeplanen sendes i høring"),
            "{what}"
        );
        assert!(
            what.contains("Socialudvalget afholder et offentligt møde"),
            "{what}"
        );
    }
}

/// A Danish Excel's CSV: `;`, Windows-1252. A merged cell's value is in its first row
/// only, so the row below it has an empty date, which is imported as undated and said.
#[test]
fn csv_from_a_danish_excel() {
    let site = Site::new();
    let r = import(
        &site,
        "velfaerdsaftale.csv",
        &["--title", "Velfærdsaftalen"],
    );
    r.assert_ok();
    assert!(
        r.stdout.contains("1 row has no date planpub can read"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("row 10: (empty)"), "{}", r.stdout);
    let plan = built_plan(&site, "velfaerdsaftalen");
    let rows = plan["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), VELFAERD.len());
    assert_eq!(rows[0]["who"], "Byrådet");
    assert_eq!(rows[8]["undated"], "");
    assert_eq!(
        rows[8]["what"],
        "Center for Offentlig Innovation afholder workshop for Ældre- og Aktivitetsudvalget."
    );
}

/// The written file reads back through planpub's own content parser, row for row as
/// the importer reported it.
#[test]
fn the_written_file_round_trips_through_the_content_parser() {
    for (file, slug) in [
        ("velfaerdsaftale.docx", VELFAERD_SLUG),
        (
            "damaged.xlsx",
            "masterplan-for-det-sociale-omraade-beskadiget-tabel",
        ),
        (
            "handleplan-spor.docx",
            "tids-og-handleplan-for-faelles-langsigtet-strategi",
        ),
    ] {
        let site = Site::new();
        let r = import(&site, file, &["--format", "json"]);
        r.assert_ok();
        let report: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(report["written"], true);
        let path = site.root().join(format!("content/planer/{slug}.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        let conventions = DateConventions::default();
        let env = ParseEnv {
            root: &site.root(),
            conventions: &conventions,
            tz: chrono_tz::Europe::Copenhagen,
        };
        let (doc, diags) = parse_text(&env, &path, "plan.md", &text);
        let doc = doc.unwrap_or_else(|| panic!("{file}: {diags:?}\n{text}"));
        let Data::Plan(plan) = &doc.data else {
            panic!("not a plan")
        };
        let when = |w: &When| match w {
            When::Date(d) => (
                d.text().to_string(),
                d.start().map(|x| x.to_string()),
                d.end().map(|x| x.to_string()),
            ),
            When::Undated(u) => (u.clone(), None, None),
        };
        let parsed: Vec<_> = plan
            .timeline
            .iter()
            .map(|r| when(&r.when))
            .chain(
                plan.tracks
                    .iter()
                    .flat_map(|t| t.actions.iter().map(|a| when(a.when.as_ref().unwrap()))),
            )
            .collect();
        let reported: Vec<_> = report["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .chain(
                report["tracks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|t| t["actions"].as_array().unwrap().iter()),
            )
            .map(|r| {
                let day = |k: &str| r[k].as_str().map(str::to_string);
                (
                    r["text"].as_str().unwrap().to_string(),
                    day("start"),
                    day("end"),
                )
            })
            .collect();
        assert_eq!(parsed, reported, "{file}");
    }
}

#[test]
fn a_tracks_table_becomes_tracks() {
    let site = Site::new();
    let r = import(&site, "handleplan-spor.docx", &[]);
    r.assert_ok();
    assert!(r.stdout.contains("6 actions in 2 tracks"), "{}", r.stdout);
    let plan = built_plan(&site, "tids-og-handleplan-for-faelles-langsigtet-strategi");
    let tracks = plan["tracks"].as_array().unwrap();
    let names: Vec<&str> = tracks.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Socialområdet", "Børne- og Familieområdet"]);
    let social = tracks[0]["actions"].as_array().unwrap();
    assert_eq!(social.len(), 4, "the merged track cell covers four actions");
    assert_eq!(
        social[0]["what"],
        "Beskrivelse af, hvordan strategien omsættes til handling"
    );
    assert_eq!(social[0]["when"]["start"], "2023-09-01");
    assert_eq!(social[0]["when"]["end"], "2023-11-30");
    assert_eq!(social[0]["level"], "central");
    assert_eq!(social[2]["level"], "local");
    assert_eq!(social[2]["undated"], "Ikke fastlagt");
    assert_eq!(social[3]["undated"], "Hvert halve år");
    let children = tracks[1]["actions"].as_array().unwrap();
    assert_eq!(children[1]["when"]["start"], "2023-01-01");
    assert_eq!(children[1]["when"]["end"], "2024-12-31");
    assert!(plan["timeline"].as_array().unwrap().is_empty());
}

#[test]
fn damaged_cells_are_imported_undated_and_listed() {
    let site = Site::new();
    let r = import(&site, "damaged.xlsx", &[]);
    r.assert_ok();
    let out = &r.stdout;
    assert!(
        out.contains("3 rows have no date planpub can read, so they were imported as `undated:`"),
        "{out}"
    );
    assert!(
        out.contains("sheet \"Tidsplan\", row 5: \"Efter behov\""),
        "{out}"
    );
    assert!(out.contains("sheet \"Tidsplan\", row 7: (empty)"), "{out}");
    assert!(
        out.contains("sheet \"Tidsplan\", row 9: \"#REF!\""),
        "{out}"
    );
    // The year-less row takes the year of the row above it, with the timeline's warning.
    assert!(out.contains("row 8: \"December\" has no year, so planpub read it as 2023, the year of the row before it"), "{out}");
    // The summary comes last.
    let summary = out.find("3 rows have no date").unwrap();
    assert!(out[summary..].contains("help: write a date planpub reads"));
    let plan = built_plan(&site, "masterplan-for-det-sociale-omraade-beskadiget-tabel");
    let rows = plan["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), 7, "nothing dropped");
    let undated: Vec<&Value> = rows.iter().map(|r| &r["undated"]).collect();
    assert_eq!(undated[1], "Efter behov");
    assert_eq!(undated[3], "");
    assert_eq!(undated[5], "#REF!");
    assert_eq!(rows[4]["when"]["start"], "2023-12-01");
}

#[test]
fn import_refuses_to_overwrite() {
    let site = Site::new();
    import(&site, "psykisk-syge.docx", &[]).assert_ok();
    let path = site
        .root()
        .join(format!("content/planer/{PSYKISK_SLUG}.md"));
    std::fs::write(&path, "edited by staff").unwrap();
    let again = import(&site, "psykisk-syge.xlsx", &[]);
    again.assert_failed();
    assert!(
        again
            .stderr
            .contains("already exists; planpub will not overwrite it"),
        "{}",
        again.stderr
    );
    assert!(again.stderr.contains("--title"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by staff");
    // A page bundle of the same slug counts too, as for `planpub new`.
    let site = Site::new().file("content/planer/velfaerd/index.md", "x");
    let r = import(&site, "velfaerdsaftale.csv", &["--title", "Velfærd"]);
    r.assert_failed();
    assert!(r.stderr.contains("index.md already exists"), "{}", r.stderr);
}

#[test]
fn dry_run_prints_the_rows_as_read_and_writes_nothing() {
    let site = Site::new();
    let r = import(&site, "masterplan.docx", &["--dry-run"]);
    r.assert_ok();
    let out = &r.stdout;
    assert!(
        out.contains("Title: Procesplan for udarbejdelse af masterplan for det sociale område"),
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.contains("\"Februar-oktober 2023\""))
        .expect(out);
    assert!(line.contains("table 1, row 3"), "{line}");
    assert!(line.contains("2023-02-01 – 2023-10-31"), "{line}");
    assert!(line.contains("range"), "{line}");
    let line = out.lines().find(|l| l.contains("\"Primo 2024\"")).unwrap();
    assert!(
        line.contains("2024-01-01 – 2024-02-29  part-of-year"),
        "{line}"
    );
    assert!(out.contains("nothing was written (`--dry-run`)"), "{out}");
    assert!(!site.root().join("content/planer").exists());
}

#[test]
fn json_output_for_scripts() {
    let site = Site::new();
    let r = import(&site, "damaged.xlsx", &["--dry-run", "--format", "json"]);
    r.assert_ok();
    let v: Value = serde_json::from_str(&r.stdout).expect("stdout is JSON");
    assert_eq!(v["written"], false);
    assert_eq!(
        v["path"],
        "content/planer/masterplan-for-det-sociale-omraade-beskadiget-tabel.md"
    );
    let rows = v["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0]["text"], "Januar 2023");
    assert_eq!(rows[0]["start"], "2023-01-01");
    assert_eq!(rows[0]["end"], "2023-01-31");
    assert_eq!(rows[0]["precision"], "month");
    assert_eq!(rows[0]["location"], "sheet \"Tidsplan\", row 4");
    assert_eq!(rows[4]["year_from_row_before"], 2023);
    assert_eq!(rows[1]["start"], Value::Null);
    let undated: Vec<&str> = v["undated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["location"].as_str().unwrap())
        .collect();
    assert_eq!(
        undated,
        [
            "sheet \"Tidsplan\", row 5",
            "sheet \"Tidsplan\", row 7",
            "sheet \"Tidsplan\", row 9"
        ]
    );
    assert!(!site.root().join("content/planer").exists());
}

#[test]
fn columns_name_unusual_headings() {
    let site = Site::new();
    let r = import(&site, "unusual-headings.csv", &[]);
    r.assert_failed();
    assert!(
        r.stderr
            .contains("has no table with a date column and an activity column"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Nr. | Indhold i punktet | Mødedag | Udvalg"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--columns"), "{}", r.stderr);
    let r = import(
        &site,
        "unusual-headings.csv",
        &[
            "--columns",
            "when=3,what=2,who=4",
            "--title",
            "Procesplan 2008",
        ],
    );
    r.assert_ok();
    let plan = built_plan(&site, "procesplan-2008");
    let rows = plan["timeline"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "the heading row is not a row of the plan");
    assert_eq!(rows[0]["what"], "Indstilling om procesplan.");
    assert_eq!(rows[0]["who"], "Socialudvalget");
    assert_eq!(rows[2]["when"]["start"], "2008-05-21");
    let bad = import(
        &site,
        "unusual-headings.csv",
        &["--columns", "wen=3,what=2"],
    );
    bad.assert_failed();
    assert!(bad.stderr.contains("did you mean `when`"), "{}", bad.stderr);
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    let site = Site::new()
        .file("plan.pdf", "%PDF-1.4")
        .file("broken.docx", "not a zip");
    let mut c = planpub();
    c.arg("import")
        .arg(site.root().join("plan.pdf"))
        .arg("--root")
        .arg(site.root());
    let r = run(&mut c);
    r.assert_failed();
    assert!(
        r.stderr
            .contains("planpub reads .docx, .odt, .xlsx, .xls, .ods and .csv files, not .pdf"),
        "{}",
        r.stderr
    );
    let mut c = planpub();
    c.arg("import")
        .arg(site.root().join("broken.docx"))
        .arg("--root")
        .arg(site.root());
    let r = run(&mut c);
    r.assert_failed();
    assert!(
        r.stderr.contains("not a readable ZIP package"),
        "{}",
        r.stderr
    );
    let r = import(&site, "no-such-file.docx", &[]);
    r.assert_failed();
    assert!(r.stderr.contains("there is no such file"), "{}", r.stderr);
}
