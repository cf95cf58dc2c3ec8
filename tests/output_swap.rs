//! The output folder is replaced atomically: a build killed at any step leaves either
//! the complete previous site or the complete new one, never a mix and never nothing;
//! what a killed build leaves behind is removed by the next build, but never the work
//! folder of a build that is still running.

mod common;

use common::{Site, planpub, run};
use std::collections::BTreeMap;
use std::path::Path;

fn site(title: &str) -> Site {
    Site::new()
        .file(
            "content/planer/a.md",
            &format!("---\ntype: plan\ntitle: {title}\n---\n\nTekst.\n"),
        )
        .file(
            "content/sider/om.md",
            "---\ntype: page\ntitle: Om\n---\n\nOm siden.\n",
        )
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Names in the output's parent folder that belong to planpub's work.
fn leftovers(s: &Site) -> Vec<String> {
    std::fs::read_dir(s.tmp())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("planpub"))
        .collect()
}

fn build_aborting_at(s: &Site, step: &str) -> common::Run {
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(s.root())
        .arg("--out")
        .arg(s.out())
        .args(["--now", common::NOW])
        .env("PLANPUB_TEST_ABORT_AT", step);
    run(&mut c)
}

#[test]
fn a_build_killed_at_any_step_leaves_one_complete_site() {
    for (step, new_in_place) in [
        ("writing", false),
        ("before-swap", false),
        ("after-swap", true),
    ] {
        let s = site("Første udgave");
        s.build().assert_ok();
        let old = tree(&s.out());
        // The same site with another title, built into the same folder, killed at `step`.
        s.write(
            "content/planer/a.md",
            b"---\ntype: plan\ntitle: Anden udgave\n---\n\nTekst.\n",
        );
        let r = build_aborting_at(&s, step);
        assert!(
            r.code.is_none(),
            "the build at {step} was not killed: {r:?}"
        );
        assert!(s.out().is_dir(), "no output folder after a kill at {step}");
        let now = tree(&s.out());
        let page = String::from_utf8_lossy(&now["planer/a/index.html"]).into_owned();
        if new_in_place {
            assert!(
                page.contains("Anden udgave"),
                "killed at {step}: the new site is not in place"
            );
            assert_eq!(
                now.len(),
                old.len(),
                "killed at {step}: the new site is incomplete"
            );
        } else {
            assert_eq!(now, old, "killed at {step}: the previous site changed");
        }
        assert!(
            !leftovers(&s).is_empty(),
            "a kill at {step} should leave its work folder"
        );
        // The next build removes what the killed one left, and completes.
        s.build().assert_ok();
        assert_eq!(
            leftovers(&s),
            Vec::<String>::new(),
            "after a kill at {step}"
        );
        let done = tree(&s.out());
        assert!(String::from_utf8_lossy(&done["planer/a/index.html"]).contains("Anden udgave"));
    }
}

#[test]
fn the_work_folder_of_a_running_build_is_left_alone() {
    let s = site("Plan");
    s.build().assert_ok();
    // A work folder whose lock is held stands for a build that is still running.
    let work = s.tmp().join(".out.planpub-new-running");
    std::fs::create_dir_all(work.join("planer")).unwrap();
    let lock = std::fs::File::create(s.tmp().join(".out.planpub-new-running.lock")).unwrap();
    lock.lock().unwrap();
    s.build().assert_ok();
    assert!(work.is_dir(), "the sweep removed a running build's folder");
    drop(lock);
    s.build().assert_ok();
    assert!(
        !work.exists(),
        "the sweep did not remove an abandoned work folder"
    );
    assert_eq!(leftovers(&s), Vec::<String>::new());
}

#[test]
fn unchanged_files_are_taken_over_and_changed_ones_rewritten() {
    let s = site("Plan");
    s.build().assert_ok();
    let inode = |rel: &str| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(s.out().join(rel)).unwrap().ino()
    };
    let (css, page) = (inode("assets/planpub.css"), inode("planer/a/index.html"));
    s.write(
        "content/planer/a.md",
        b"---\ntype: plan\ntitle: Ny titel\n---\n\nTekst.\n",
    );
    s.build().assert_ok();
    assert_eq!(
        inode("assets/planpub.css"),
        css,
        "an unchanged file was written again"
    );
    assert_ne!(
        inode("planer/a/index.html"),
        page,
        "a changed page was not written"
    );
    // A file changed by hand in the output is not trusted, and is written again.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(s.out().join("assets/planpub.css"), b"tampered").unwrap();
    s.build().assert_ok();
    let css_now = std::fs::read(s.out().join("assets/planpub.css")).unwrap();
    assert_ne!(css_now, b"tampered", "a tampered file was taken over");
}
