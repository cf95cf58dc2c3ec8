//! Bad input: every problem gets its own plain message naming file, line, field and
//! what to do; all problems of a build are reported at once; a failed build never
//! touches the previous output, and planpub refuses output folders it must not clear.

mod common;

use common::{Run, Site, snapshot};
use serde_json::Value;

const GOOD_PLAN: &str = "---\ntype: plan\ntitle: Gyldig plan\n---\n\nTekst.\n";

/// A site with one valid plan plus `rel` containing `text`.
fn site_with(rel: &str, text: &str) -> Site {
    Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .file(rel, text)
}

/// Builds, expects failure, and returns the run.
#[track_caller]
fn failed_build(site: &Site) -> Run {
    let r = site.build();
    r.assert_failed();
    assert!(
        r.stderr.contains("The site was not built"),
        "no summary line:\n{}",
        r.stderr
    );
    r
}

/// The diagnostics of `planpub check --format json`.
#[track_caller]
fn check_json(site: &Site) -> (bool, Vec<Value>) {
    let r = site.check(&["--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("check did not print JSON ({e}):\n{}", r.stdout));
    let ok = v["ok"].as_bool().expect("ok flag");
    assert_eq!(ok, r.ok(), "exit status must agree with `ok`");
    (
        ok,
        v["diagnostics"].as_array().expect("diagnostics").clone(),
    )
}

#[track_caller]
fn only_error(diags: &[Value]) -> &Value {
    let errors: Vec<&Value> = diags.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "expected exactly one error: {diags:#?}");
    errors[0]
}

// ---------------------------------------------------------------- file-level problems

#[test]
fn invalid_yaml_is_reported_with_file_and_line() {
    let site = site_with(
        "content/planer/ugyldig.md",
        "---\ntype: plan\ntitle: [uafsluttet\nstatus: draft\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/ugyldig.md");
    assert!(line.contains("the YAML is not valid"), "{line}");
    let (ok, diags) = check_json(&site);
    assert!(!ok);
    let e = only_error(&diags);
    assert_eq!(e["file"], "content/planer/ugyldig.md");
    let n = e["line"].as_u64().expect("a line");
    assert!(
        (3..=4).contains(&n),
        "line {n} is not near the broken value"
    );
    assert!(e["column"].as_u64().is_some());
}

#[test]
fn unclosed_front_matter_is_reported() {
    let site = site_with(
        "content/planer/aaben.md",
        "---\ntype: plan\ntitle: Aldrig lukket\n\nBrødtekst uden afslutning.\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/aaben.md");
    assert!(line.contains("content/planer/aaben.md:1:"), "{line}");
    assert!(line.contains("never closed"), "{line}");
    assert!(line.contains("`---`"), "{line}");
}

#[test]
fn file_that_is_not_utf8_is_reported_with_its_line() {
    // "Kærlighed" saved as Latin-1: æ is the single byte 0xE6.
    let site = Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .bytes(
            "content/planer/latin1.md",
            b"---\ntype: plan\ntitle: K\xe6rlighed\n---\n",
        );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/latin1.md");
    assert!(line.contains("content/planer/latin1.md:3"), "{line}");
    assert!(line.contains("not saved as UTF-8"), "{line}");
    assert!(
        r.stderr.contains("UTF-8\""),
        "help names the encoding:\n{}",
        r.stderr
    );
}

#[test]
fn missing_title_is_reported() {
    let site = site_with(
        "content/planer/uden-titel.md",
        "---\ntype: plan\nsummary: Et resumé uden titel\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/uden-titel.md");
    assert!(line.contains("field `title`"), "{line}");
    assert!(line.contains("no title"), "{line}");
}

#[test]
fn wrong_type_for_item_names_field_line_and_text() {
    let site = site_with(
        "content/beslutninger/punkt.md",
        "---\ntype: decision\ntitle: Forkert punkt\nbody: Byrådet\nmeeting: 2008-01-01\nitem: fire\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/beslutninger/punkt.md");
    assert!(line.contains("punkt.md:6:"), "{line}");
    assert!(line.contains("field `item`"), "{line}");
    assert!(line.contains("whole number"), "{line}");
    assert!(line.contains("\"fire\""), "{line}");
}

#[test]
fn wrong_type_for_draft_names_field_and_expected_values() {
    let site = site_with(
        "content/planer/maaske.md",
        "---\ntype: plan\ntitle: Måske\ndraft: maybe\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/maaske.md");
    assert!(line.contains("maaske.md:4:"), "{line}");
    assert!(line.contains("field `draft`"), "{line}");
    assert!(line.contains("`true` or `false`"), "{line}");
    assert!(line.contains("\"maybe\""), "{line}");
}

#[test]
fn two_files_with_the_same_slug_are_both_named() {
    let site = Site::new()
        .file("content/planer/dublet.md", "---\ntype: plan\ntitle: Første\n---\n")
        .file(
            "content/hoeringer/en-anden.md",
            "---\ntype: hearing\ntitle: Anden\nslug: dublet\nopens: 2008-01-01\ncloses: 2008-02-01\n---\n",
        );
    let r = failed_build(&site);
    let line = r.error_about("same slug");
    assert!(line.contains("\"dublet\""), "{line}");
    assert!(line.contains("content/planer/dublet.md"), "{line}");
    assert!(line.contains("content/hoeringer/en-anden.md"), "{line}");
}

// ---------------------------------------------------------------- field-level problems

#[test]
fn unknown_field_suggests_the_right_one() {
    let site = site_with(
        "content/planer/stavefejl.md",
        "---\ntype: plan\ntitle: Stavefejl\ntitel: Stavefejl igen\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("field `titel`");
    assert!(line.contains("content/planer/stavefejl.md:4:1"), "{line}");
    assert!(line.contains("not a known field"), "{line}");
    assert!(r.stderr.contains("did you mean `title`?"), "{}", r.stderr);
}

#[test]
fn unknown_status_suggests_the_nearest_value() {
    let site = site_with(
        "content/planer/status.md",
        "---\ntype: plan\ntitle: Status\nstatus: adoptd\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("field `status`");
    assert!(line.contains("content/planer/status.md:4:"), "{line}");
    assert!(line.contains("`adoptd`"), "{line}");
    assert!(line.contains("draft, hearing, adopted, archived"), "{line}");
    assert!(r.stderr.contains("did you mean `adopted`?"), "{}", r.stderr);
}

#[test]
fn reference_to_missing_slug_names_field_and_nearest_slug() {
    let site = site_with(
        "content/planer/barn.md",
        "---\ntype: plan\ntitle: Barn\nparent: gyldig-pla\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/barn.md");
    assert!(line.contains("barn.md:4:"), "{line}");
    assert!(line.contains("field `parent`"), "{line}");
    assert!(
        line.contains("no plan with the slug \"gyldig-pla\""),
        "{line}"
    );
    assert!(
        r.stderr
            .contains("nearest existing plan slug is `gyldig-plan`"),
        "{}",
        r.stderr
    );
}

#[test]
fn hearing_plan_reference_to_missing_slug_is_an_error() {
    let site = site_with(
        "content/hoeringer/h.md",
        "---\ntype: hearing\ntitle: H\nplan: gyldigplan\nopens: 2008-01-01\ncloses: 2008-02-01\nrespond: { email: h@example.dk }\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/hoeringer/h.md");
    assert!(line.contains("field `plan`"), "{line}");
    assert!(r.stderr.contains("`gyldig-plan`"), "{}", r.stderr);
}

#[test]
fn missing_attachment_names_the_page_and_the_file() {
    let site = site_with(
        "content/planer/bilag.md",
        "---\ntype: plan\ntitle: Bilag\nattachments:\n  - title: Det manglende bilag\n    file: findes-ikke.pdf\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/bilag.md");
    assert!(line.contains("bilag.md:6:"), "{line}");
    assert!(line.contains("attachments[0].file"), "{line}");
    assert!(line.contains("\"findes-ikke.pdf\""), "{line}");
    assert!(line.contains("does not exist"), "{line}");
}

#[test]
fn attachment_path_with_dotdot_is_rejected() {
    let site = site_with(
        "content/planer/ud.md",
        "---\ntype: plan\ntitle: Ud\nattachments:\n  - title: Indstillinger\n    file: ../../site.yaml\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/ud.md");
    assert!(line.contains("attachments[0].file"), "{line}");
    assert!(line.contains("`..`"), "{line}");
    assert!(!site.out().exists(), "nothing may be written");
}

#[test]
fn absolute_attachment_path_is_rejected() {
    let site = site_with(
        "content/planer/abs.md",
        "---\ntype: plan\ntitle: Abs\nattachments:\n  - title: System\n    file: /etc/passwd\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/abs.md");
    assert!(line.contains("attachments[0].file"), "{line}");
    assert!(line.contains("absolute path"), "{line}");
}

#[test]
fn explicit_slug_that_escapes_is_rejected() {
    let site = site_with(
        "content/planer/flugt.md",
        "---\ntype: plan\ntitle: Flugt\nslug: ../x\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/flugt.md");
    assert!(line.contains("flugt.md:4:"), "{line}");
    assert!(line.contains("field `slug`"), "{line}");
    assert!(line.contains("\"../x\" is not a valid slug"), "{line}");
    assert!(!site.tmp().join("x").exists());
}

#[test]
fn timeline_date_that_is_not_a_date_lists_accepted_forms() {
    let site = site_with(
        "content/planer/snart.md",
        "---\ntype: plan\ntitle: Snart\ntimeline:\n  - when: snart\n    what: Noget sker\n---\n",
    );
    let r = failed_build(&site);
    let line = r.error_about("content/planer/snart.md");
    assert!(line.contains("snart.md:5:"), "{line}");
    assert!(line.contains("field `timeline[0].when`"), "{line}");
    assert!(line.contains("\"snart\""), "{line}");
    assert!(line.contains("not a date"), "{line}");
    // The accepted forms follow the message.
    assert!(r.stderr.contains("2023-09-12"), "{}", r.stderr);
    assert!(r.stderr.contains("primo"), "{}", r.stderr);
}

// ---------------------------------------------------------------- reporting

#[test]
fn all_errors_of_a_build_are_reported_at_once() {
    let site = Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .file(
            "content/planer/foerste-fejl.md",
            "---\ntype: plan\ntitle: En\nstatus: adoptd\n---\n",
        )
        .file(
            "content/beslutninger/anden-fejl.md",
            "---\ntype: decision\ntitle: To\nbody: Byrådet\nmeeting: 2008-01-01\nitem: fire\n---\n",
        )
        .bytes("content/sider/tredje-fejl.md", b"---\ntitle: \xe6\n---\n");
    let r = failed_build(&site);
    r.error_about("content/planer/foerste-fejl.md");
    r.error_about("content/beslutninger/anden-fejl.md");
    r.error_about("content/sider/tredje-fejl.md");
    assert_eq!(r.error_lines().len(), 3, "{}", r.stderr);
    assert!(r.stderr.contains("(3 errors"), "{}", r.stderr);
}

#[test]
fn check_json_gives_file_line_column_field_message_severity() {
    let site = Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .file(
            "content/planer/status.md",
            "---\ntype: plan\ntitle: Status\nstatus: adoptd\n---\n",
        )
        .file(
            "content/planer/aar.md",
            "---\ntype: plan\ntitle: Uden år\ntimeline:\n  - when: 2008-03-01\n    what: Start\n  - when: 5. maj\n    what: Senere\n---\n",
        );
    let (ok, diags) = check_json(&site);
    assert!(!ok);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    for d in &diags {
        for k in ["file", "line", "column", "field", "message", "severity"] {
            assert!(d.get(k).is_some(), "{k} missing in {d}");
        }
    }
    let e = diags
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error");
    assert_eq!(e["file"], "content/planer/status.md");
    assert_eq!(e["line"], 4);
    assert_eq!(e["column"], 1);
    assert_eq!(e["field"], "status");
    assert!(e["message"].as_str().unwrap().contains("adoptd"));
    let w = diags
        .iter()
        .find(|d| d["severity"] == "warning")
        .expect("a warning");
    assert_eq!(w["file"], "content/planer/aar.md");
    assert_eq!(w["line"], 7);
    assert_eq!(w["field"], "timeline[1].when");
    assert!(w["message"].as_str().unwrap().contains("2008"), "{w}");
}

#[test]
fn check_writes_nothing_and_succeeds_on_a_good_site() {
    let site = Site::new().file("content/planer/gyldig-plan.md", GOOD_PLAN);
    let r = site.check(&[]);
    r.assert_ok();
    assert!(r.stdout.contains("OK"), "{}", r.stdout);
    assert!(!site.out().exists());
    assert!(!site.root().join("public").exists());
}

// ---------------------------------------------------------------- the output folder

#[test]
fn failed_build_leaves_previous_output_byte_identical() {
    let site = Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .file(
            "content/planer/anden-plan.md",
            "---\ntype: plan\ntitle: Anden plan\nstatus: adopted\n---\n",
        );
    site.built();
    let before = snapshot(&site.out());
    assert!(before.len() > 10, "{:?}", before.keys());
    site.write(
        "content/planer/anden-plan.md",
        b"---\ntype: plan\ntitle: Anden plan\nstatus: adoptd\n---\n",
    );
    let r = failed_build(&site);
    r.error_about("content/planer/anden-plan.md");
    assert!(
        r.stderr.contains("the previous output is unchanged"),
        "{}",
        r.stderr
    );
    let after = snapshot(&site.out());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the set of files changed"
    );
    for (path, bytes) in &before {
        assert!(after[path] == *bytes, "{path} changed after a failed build");
    }
    // No temporary folders left beside the output.
    let stray: Vec<String> = std::fs::read_dir(site.tmp())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("planpub"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn foreign_output_folder_is_refused_and_untouched() {
    let site = Site::new().file("content/planer/gyldig-plan.md", GOOD_PLAN);
    let out = site.out();
    std::fs::create_dir_all(out.join("vigtigt")).unwrap();
    std::fs::write(out.join("vigtigt/dokument.txt"), "må ikke slettes").unwrap();
    std::fs::write(out.join("index.html"), "gammel forside").unwrap();
    let before = snapshot(&out);
    let r = site.build();
    r.assert_failed();
    assert!(r.stderr.contains("was not made by planpub"), "{}", r.stderr);
    assert!(r.stderr.contains(".planpub-output"), "{}", r.stderr);
    assert_eq!(snapshot(&out), before);
}

#[test]
fn output_equal_to_the_site_root_is_refused() {
    let site = Site::new().file("content/planer/gyldig-plan.md", GOOD_PLAN);
    let before = snapshot(&site.root());
    let mut c = common::planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.root())
        .args(["--now", common::NOW]);
    let r = common::run(&mut c);
    r.assert_failed();
    assert!(r.stderr.contains("the site root"), "{}", r.stderr);
    assert_eq!(snapshot(&site.root()), before);
}

#[test]
fn output_equal_to_or_inside_content_is_refused() {
    let site = Site::new().file("content/planer/gyldig-plan.md", GOOD_PLAN);
    let before = snapshot(&site.root());
    for out in [site.root().join("content"), site.root().join("content/ud")] {
        let mut c = common::planpub();
        c.arg("build")
            .arg("--root")
            .arg(site.root())
            .arg("--out")
            .arg(&out)
            .args(["--now", common::NOW]);
        let r = common::run(&mut c);
        r.assert_failed();
        assert!(r.stderr.contains("the content folder"), "{}", r.stderr);
    }
    assert_eq!(snapshot(&site.root()), before);
}

#[test]
fn own_output_is_replaced_and_stale_files_disappear() {
    let site = Site::new()
        .file("content/planer/gyldig-plan.md", GOOD_PLAN)
        .file(
            "content/planer/gammel-plan.md",
            "---\ntype: plan\ntitle: Gammel\n---\n",
        );
    let first = site.built();
    assert!(first.exists("planer/gammel-plan/index.html"));
    assert!(first.exists(".planpub-output"));
    std::fs::remove_file(site.root().join("content/planer/gammel-plan.md")).unwrap();
    let second = site.built();
    assert!(!second.exists("planer/gammel-plan/index.html"));
    assert!(second.files_containing("gammel-plan").is_empty());
}
