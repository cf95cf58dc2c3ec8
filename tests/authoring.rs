//! What staff meet while writing (issue 11): drafts never block publishing, `new` only
//! runs in a site folder, a fresh `init` site is clean, and placeholder text is not
//! published without a word.

mod common;

use common::{Site, build_at, check_json, planpub, run};
use std::path::Path;

/// A public plan, so that the site has something to publish.
const PUBLIC: &str = "---\ntype: plan\ntitle: Offentlig plan\n---\n\nTekst.\n";

/// Drafts with problems: YAML that cannot be read at all, a deadline that is no day, and
/// a link to nothing.
fn site_with_broken_drafts() -> Site {
    Site::new()
        .file("content/planer/offentlig.md", PUBLIC)
        .file(
            "content/hoeringer/ulaeselig.md",
            "---\ntype: hearing\ndraft: true\ntitle: [ikke lukket\n---\n",
        )
        .file(
            "content/hoeringer/loebende.md",
            "---\ntype: hearing\ntitle: Løbende høring\ndraft: true\nopens: 2008-05-01\ncloses: løbende\nrespond: { email: a@test.dk }\n---\n",
        )
        .file(
            "content/planer/kladde.md",
            "---\ntype: plan\ntitle: Kladde\ndraft: true\nparent: findes-ikke\n---\n",
        )
}

const DRAFT_FILES: [&str; 3] = [
    "content/hoeringer/ulaeselig.md",
    "content/hoeringer/loebende.md",
    "content/planer/kladde.md",
];

#[test]
fn a_public_build_reports_a_drafts_problems_as_warnings_marked_draft() {
    let s = site_with_broken_drafts();
    let r = s.build();
    r.assert_ok();
    for f in DRAFT_FILES {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.starts_with(&format!("warning (draft): {f}"))),
            "{f}:\n{}",
            r.stderr
        );
    }
    assert!(s.output().exists("planer/offentlig/index.html"));
    assert!(s.output().files_containing("Kladde").is_empty());
}

#[test]
fn with_drafts_their_problems_are_errors() {
    let s = site_with_broken_drafts();
    let r = s.build_with(&["--drafts"]);
    r.assert_failed();
    for f in DRAFT_FILES {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.starts_with(&format!("error (draft): {f}"))),
            "{f}:\n{}",
            r.stderr
        );
    }
    assert!(!s.out().exists());
}

#[test]
fn check_shows_a_drafts_problems_by_default_marked_draft_in_json() {
    let s = site_with_broken_drafts();
    let (ok, diags) = check_json(&s, "2008-06-01", &[]);
    assert!(ok, "{diags:?}");
    for f in DRAFT_FILES {
        let mine: Vec<_> = diags.iter().filter(|d| d["file"] == f).collect();
        assert!(!mine.is_empty(), "{f}: {diags:?}");
        for d in mine {
            assert_eq!(d["draft"], true, "{d}");
            assert_eq!(d["severity"], "warning", "{d}");
        }
    }
    let (ok, diags) = check_json(&s, "2008-06-01", &["--drafts"]);
    assert!(!ok);
    assert!(
        diags
            .iter()
            .any(|d| d["file"] == "content/hoeringer/loebende.md" && d["severity"] == "error"),
        "{diags:?}"
    );
    // A public file's error is no draft's.
    let s = site_with_broken_drafts().file(
        "content/planer/offentlig.md",
        "---\ntype: plan\ntitle: Offentlig plan\nparent: findes-ikke\n---\n",
    );
    let (ok, diags) = check_json(&s, "2008-06-01", &[]);
    assert!(!ok);
    let d = diags
        .iter()
        .find(|d| d["file"] == "content/planer/offentlig.md")
        .expect("the public file's error");
    assert_eq!(d["severity"], "error");
    assert!(d.get("draft").is_none(), "{d}");
}

#[test]
fn a_draft_sharing_a_slug_with_a_public_file_does_not_block_it() {
    let s = Site::new().file("content/a/plan.md", PUBLIC).file(
        "content/b/plan.md",
        "---\ntype: plan\ntitle: Kladde med samme slug\ndraft: true\n---\n",
    );
    let r = s.build();
    r.assert_ok();
    assert!(
        r.stderr.contains("warning (draft): content/b/plan.md"),
        "{}",
        r.stderr
    );
}

fn new_in(root: &Path, kind: &str, title: &str) -> common::Run {
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", "1212321600")
        .args(["new", kind, title, "--root"])
        .arg(root);
    run(&mut c)
}

#[test]
fn new_refuses_to_run_outside_a_site_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let r = new_in(tmp.path(), "hearing", "Test");
    r.assert_failed();
    assert!(
        r.stderr.contains("there is no site.yaml in"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("planpub init"), "{}", r.stderr);
    assert!(!tmp.path().join("content").exists());
    // The same from the current folder, without --root.
    let r = run(planpub()
        .current_dir(tmp.path())
        .args(["new", "hearing", "Test"]));
    r.assert_failed();
    assert!(!tmp.path().join("content").exists());
}

fn init_site(epoch: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ny-side");
    let mut c = planpub();
    if let Some(e) = epoch {
        c.env("SOURCE_DATE_EPOCH", e);
    }
    run(c.arg("init").arg(&dir)).assert_ok();
    (tmp, dir)
}

fn check_dir(dir: &Path, epoch: Option<&str>) -> common::Run {
    let mut c = planpub();
    if let Some(e) = epoch {
        c.env("SOURCE_DATE_EPOCH", e);
    }
    run(c.arg("check").arg("--root").arg(dir))
}

#[test]
fn a_fresh_init_site_passes_check_without_errors_or_warnings() {
    // On a fixed day, and by the real clock (both `init` and `check` read it).
    for epoch in [Some("1212321600"), None] {
        let (_tmp, dir) = init_site(epoch);
        let r = check_dir(&dir, epoch);
        r.assert_ok();
        assert!(
            r.stdout.contains("OK: 0 errors, 0 warnings"),
            "{epoch:?}\n{}",
            r.all()
        );
    }
}

#[test]
fn a_fresh_init_site_shows_a_plan_in_hearing_and_a_coming_agenda_item() {
    let (tmp, dir) = init_site(Some("1212321600")); // 2008-06-01
    let out = tmp.path().join("public");
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--now", "2008-06-01T14:00"]);
    run(&mut c).assert_ok();
    let out = common::Out::at(&out);
    let plan = out.html("planer/eksempel-plan/index.html");
    assert_eq!(plan.text(".doc-header .badge"), "I høring");
    let decision = out.json("api/decisions/eksempel-beslutning.json");
    assert_eq!(decision["state"], "agenda");
    let hearing = out.html("hoeringer/eksempel-hoering/index.html");
    let doc = hearing.href_of(".attachments a", "Eksempel på høringsmateriale");
    let pdf = common::resolve("hoeringer/eksempel-hoering/index.html", &doc);
    assert!(
        std::fs::read(out.dir.join(&pdf))
            .unwrap()
            .starts_with(b"%PDF-1.4")
    );
}

#[test]
fn new_decision_has_no_outcome_and_a_placeholder_meeting_that_keeps_it_an_agenda_item() {
    let s = Site::new();
    new_in(&s.root(), "decision", "Nyt punkt").assert_ok();
    let text = std::fs::read_to_string(s.root().join("content/beslutninger/nyt-punkt.md")).unwrap();
    let front = text.split("---\n").nth(1).unwrap();
    let fm: serde_norway::Value = serde_norway::from_str(front).unwrap();
    assert_eq!(fm["meeting"].as_str(), Some("2099-12-31"));
    assert!(fm["recommendations"][0].get("outcome").is_none(), "{front}");
    let out = {
        s.build_with(&["--drafts"]).assert_ok();
        s.output()
    };
    assert_eq!(out.json("api/decisions/nyt-punkt.json")["state"], "agenda");
}

#[test]
fn placeholder_text_left_in_a_public_item_is_a_warning_naming_the_field() {
    let s = Site::new();
    for (kind, title) in [
        ("plan", "Ny plan"),
        ("hearing", "Ny høring"),
        ("decision", "Nyt punkt"),
        ("page", "Ny side"),
    ] {
        new_in(&s.root(), kind, title).assert_ok();
    }
    // While they are drafts, placeholders are expected: no warning about them.
    let (_, diags) = check_json(&s, "2008-06-01", &[]);
    assert!(
        diags
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("placeholder")),
        "{diags:?}"
    );
    // Published as they are, each placeholder is named.
    for f in [
        "content/planer/ny-plan.md",
        "content/hoeringer/ny-hoering.md",
        "content/beslutninger/nyt-punkt.md",
        "content/sider/ny-side.md",
    ] {
        let p = s.root().join(f);
        let text = std::fs::read_to_string(&p).unwrap();
        let public: String = text
            .lines()
            .filter(|l| !l.starts_with("draft: true"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&p, public).unwrap();
    }
    let (_, diags) = check_json(&s, "2008-06-01", &[]);
    let placeholders: Vec<(String, String)> = diags
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("placeholder"))
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["field"].as_str().unwrap_or("(text)").to_string(),
            )
        })
        .collect();
    for expected in [
        ("content/planer/ny-plan.md", "summary"),
        ("content/planer/ny-plan.md", "timeline[0].what"),
        ("content/planer/ny-plan.md", "timeline[1].what"),
        ("content/planer/ny-plan.md", "(text)"),
        ("content/hoeringer/ny-hoering.md", "summary"),
        ("content/hoeringer/ny-hoering.md", "(text)"),
        ("content/beslutninger/nyt-punkt.md", "summary"),
        ("content/beslutninger/nyt-punkt.md", "meeting"),
        (
            "content/beslutninger/nyt-punkt.md",
            "recommendations[0].text",
        ),
        ("content/beslutninger/nyt-punkt.md", "(text)"),
        ("content/sider/ny-side.md", "summary"),
        ("content/sider/ny-side.md", "(text)"),
    ] {
        assert!(
            placeholders.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} missing from {placeholders:?}"
        );
    }
    for d in diags
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("placeholder"))
    {
        assert_eq!(d["severity"], "warning", "{d}");
        assert!(d["line"].as_u64().is_some(), "{d}");
    }
    // The hearing has no way to respond yet, so this site must not be built.
    assert!(!build_at(&s, "2008-06-01", &[]).ok());
}
