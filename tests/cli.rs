//! The verbs besides `build`: `new`, `init`, and the command line itself.

mod common;

use common::{Run, Site, planpub, run};
use std::path::Path;

/// 2008-06-01T12:00:00Z: `new` and `init` date their files from SOURCE_DATE_EPOCH.
const EPOCH: &str = "1212321600";

fn new_content(root: &Path, kind: &str, title: &str) -> Run {
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", EPOCH)
        .args(["new", kind, title, "--root"])
        .arg(root);
    run(&mut c)
}

/// The YAML between the first two `---` lines.
fn front_matter(text: &str) -> serde_norway::Value {
    let rest = text.strip_prefix("---\n").expect("starts with ---");
    let end = rest.find("\n---\n").expect("front matter is closed");
    serde_norway::from_str(&rest[..end]).expect("front matter is valid YAML")
}

#[test]
fn new_plan_writes_slugged_file_with_type_and_title() {
    let site = Site::new();
    let r = new_content(&site.root(), "plan", "Høring om ældre");
    r.assert_ok();
    let path = site.root().join("content/planer/hoering-om-aeldre.md");
    assert!(path.is_file(), "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("hoering-om-aeldre.md"), "{}", r.stdout);
    let fm = front_matter(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(fm["type"].as_str(), Some("plan"));
    assert_eq!(fm["title"].as_str(), Some("Høring om ældre"));
    assert_eq!(fm["draft"].as_bool(), Some(true));
    assert_eq!(fm["published"].as_str(), Some("2008-06-01"));
}

#[test]
fn new_refuses_to_overwrite_an_existing_file() {
    let site = Site::new();
    new_content(&site.root(), "plan", "Høring om ældre").assert_ok();
    let path = site.root().join("content/planer/hoering-om-aeldre.md");
    let mut edited = std::fs::read_to_string(&path).unwrap();
    edited.push_str("\nRedaktørens egen tekst, som ikke må forsvinde.\n");
    std::fs::write(&path, &edited).unwrap();

    let r = new_content(&site.root(), "plan", "Høring om ældre");
    r.assert_failed();
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(r.stderr.contains("hoering-om-aeldre.md"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn new_refuses_when_a_bundle_folder_of_that_slug_exists() {
    let site = Site::new().file(
        "content/planer/hoering-om-aeldre/index.md",
        "---\ntype: plan\ntitle: Findes\n---\n",
    );
    let r = new_content(&site.root(), "plan", "Høring om ældre");
    r.assert_failed();
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(
        !site
            .root()
            .join("content/planer/hoering-om-aeldre.md")
            .exists()
    );
}

/// Runs `new` for each `(kind, title, file)`, checks the type, and returns the site.
fn scaffold(site: &Site, items: &[(&str, &str, &str)]) {
    for (kind, title, file) in items {
        new_content(&site.root(), kind, title).assert_ok();
        let text = std::fs::read_to_string(site.root().join(file)).unwrap();
        assert_eq!(front_matter(&text)["type"].as_str(), Some(*kind), "{file}");
    }
}

#[test]
fn new_files_are_drafts_that_build_only_with_drafts() {
    let site = Site::new();
    scaffold(
        &site,
        &[
            (
                "plan",
                "Ny plan for Åen",
                "content/planer/ny-plan-for-aaen.md",
            ),
            (
                "decision",
                "Ny beslutning",
                "content/beslutninger/ny-beslutning.md",
            ),
            ("page", "Ny side", "content/sider/ny-side.md"),
        ],
    );
    // Drafts: a normal build publishes none of them …
    let out = site.built();
    assert!(out.files_containing("Ny plan for Åen").is_empty());
    assert!(out.files_containing("ny-beslutning").is_empty());
    assert!(out.files_containing("ny-side").is_empty());
    // … and `--drafts` publishes all of them.
    site.build_with(&["--drafts"]).assert_ok();
    let out = site.output();
    assert!(out.exists("planer/ny-plan-for-aaen/index.html"));
    assert!(out.exists("ny-side/index.html"));
    assert_eq!(
        out.html("planer/ny-plan-for-aaen/index.html").text("h1"),
        "Ny plan for Åen"
    );
    let d = out.json("api/decisions.json");
    assert_eq!(d["decisions"][0]["title"], "Ny beslutning");
}

#[test]
fn new_hearing_is_a_draft_that_builds_with_drafts() {
    let site = Site::new();
    scaffold(
        &site,
        &[("hearing", "Ny høring", "content/hoeringer/ny-hoering.md")],
    );
    let out = site.built();
    assert!(out.files_containing("ny-hoering").is_empty());
    site.build_with(&["--drafts"]).assert_ok();
    assert!(site.output().exists("hoeringer/ny-hoering/index.html"));
}

#[test]
fn init_creates_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("min-side");
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", EPOCH).arg("init").arg(&dir);
    let r = run(&mut c);
    r.assert_ok();
    assert!(dir.join("site.yaml").is_file());
    assert!(
        r.stdout.contains(&format!("cd {}", dir.display())),
        "{}",
        r.stdout
    );

    let out = tmp.path().join("public");
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--now", "2008-06-02"]);
    run(&mut c).assert_ok();
    let built = common::Out::at(&out);
    let home = built.html("index.html");
    assert_eq!(home.text("h1"), "Planer og høringer");
    // One example of each type.
    for kind in ["plans", "hearings", "decisions"] {
        let idx = built.json(&format!("api/{kind}.json"));
        assert_eq!(idx[kind].as_array().map(Vec::len), Some(1), "{kind}: {idx}");
    }
    assert!(built.exists("tilgaengelighedserklaering/index.html"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("noter.txt"), "mine noter").unwrap();
    let mut c = planpub();
    c.arg("init").arg(tmp.path());
    let r = run(&mut c);
    r.assert_failed();
    assert!(r.stderr.contains("not empty"), "{}", r.stderr);
    assert!(!tmp.path().join("site.yaml").exists());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("noter.txt")).unwrap(),
        "mine noter"
    );
}

#[test]
fn bad_now_is_rejected_with_the_accepted_forms() {
    let site = Site::new();
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .args(["--now", "i morgen"]);
    let r = run(&mut c);
    r.assert_failed();
    assert!(r.stderr.contains("\"i morgen\""), "{}", r.stderr);
    assert!(r.stderr.contains("2024-03-01"), "{}", r.stderr);
    assert!(!site.out().exists());
}

#[test]
fn source_date_epoch_sets_the_build_moment() {
    let site = Site::new().file(
        "content/hoeringer/h.md",
        "---\ntype: hearing\ntitle: H\nopens: 2008-05-22\ncloses: 2008-06-20\nrespond: { email: h@test.dk }\n---\n",
    );
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", EPOCH)
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out());
    run(&mut c).assert_ok();
    let h = site.output().json("api/hearings/h.json");
    assert_eq!(h["state"], "open");
    let mut c = planpub();
    c.env("SOURCE_DATE_EPOCH", "1230768000") // 2009-01-01
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out());
    run(&mut c).assert_ok();
    assert_eq!(site.output().json("api/hearings/h.json")["state"], "closed");
}
