//! Tests of the test set-up: the helper that gives the Python cross-checks their
//! validators (tests/python/validators.rs). Each prepares into its own temporary folder,
//! never into target/python-validators/.

mod common;

use common::python::{Pin, Problem, SKIP_VAR, Setup, parse_pins, skipped};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A set-up with the machine's `python3` and the given requirements, in a fresh folder.
fn setup(requirements: &str) -> (tempfile::TempDir, Setup) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("requirements.txt");
    fs::write(&file, requirements).unwrap();
    let setup = Setup {
        python: PathBuf::from("python3"),
        requirements: file,
        root: dir.path().join("environments"),
        env: Vec::new(),
        announce: false,
    };
    (dir, setup)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[track_caller]
fn assert_says(msg: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(msg.contains(w), "{w:?} missing from:\n{msg}");
    }
}

/// The tests that run the real `python3` honour the opt-out like the cross-checks do,
/// and say so where libtest does not capture it (straight to stderr, not eprintln!).
fn needs_python3() -> bool {
    if skipped() {
        let test = std::thread::current().name().unwrap_or("").to_owned();
        let _ = writeln!(
            std::io::stderr(),
            "note: {SKIP_VAR}=1: {test} did not test the preparation with the real python3"
        );
    }
    !skipped()
}

#[test]
fn the_requirements_pin_exact_versions_and_comments_are_allowed() {
    let pins = parse_pins("# validators\n\nbagit==1.9.0\n  warcio == 1.8.1  # WARC\n").unwrap();
    assert_eq!(
        pins,
        vec![
            Pin {
                name: "bagit".into(),
                version: "1.9.0".into()
            },
            Pin {
                name: "warcio".into(),
                version: "1.8.1".into()
            },
        ]
    );
    let repo = fs::read_to_string(common::python::REQUIREMENTS).unwrap();
    let names: Vec<String> = parse_pins(&repo)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        [
            "bagit",
            "warcio",
            "icalendar",
            "vobject",
            "rdflib",
            "extruct",
            "schemaorg"
        ]
    );
}

#[test]
fn every_line_that_is_not_an_exact_pin_is_reported_at_once() {
    let (_dir, setup) = setup("bagit>=1.9\nwarcio==1.8.1\nicalendar\n--index-url x\n");
    let err = setup.prepare().unwrap_err();
    assert!(matches!(err, Problem::Requirements { .. }), "{err:?}");
    let msg = err.to_string();
    assert_says(
        &msg,
        &[
            "line 1: `bagit>=1.9` is not an exact pin",
            "line 3: `icalendar`",
            "line 4: `--index-url x`",
            "name==version",
            "PLANPUB_SKIP_PYTHON=1 cargo test",
        ],
    );
    assert!(!msg.contains("line 2"), "{msg}");
}

#[test]
fn a_missing_interpreter_says_how_to_install_python_with_venv() {
    let (dir, mut setup) = setup("bagit==1.9.0\n");
    setup.python = dir.path().join("no-such-python3");
    let err = setup.prepare().unwrap_err();
    assert!(
        matches!(
            err,
            Problem::NoPython {
                not_found: true,
                ..
            }
        ),
        "{err:?}"
    );
    let msg = err.to_string();
    assert_says(
        &msg,
        &[
            "What is missing: Python 3:",
            "no-such-python3` was not found on PATH",
            "apt-get install python3 python3-venv",
            "PLANPUB_SKIP_PYTHON=1 cargo test",
        ],
    );
    assert!(!setup.root.exists(), "nothing is created without a Python");
}

#[test]
fn an_interpreter_that_is_not_python_3_is_reported_with_what_it_said() {
    let (_dir, mut setup) = setup("bagit==1.9.0\n");
    setup.python = PathBuf::from("false");
    let msg = setup.prepare().unwrap_err().to_string();
    assert!(msg.contains("`false` did not run as Python 3"), "{msg}");
}

#[test]
fn a_python_without_venv_says_to_install_python3_venv() {
    if !needs_python3() {
        return;
    }
    // Debian's python3 without python3-venv lacks ensurepip; a stand-in that fails to
    // import, found first on PYTHONPATH, behaves the same.
    let (dir, mut setup) = setup("bagit==1.9.0\n");
    let fake = dir.path().join("no-ensurepip");
    fs::create_dir_all(fake.join("ensurepip")).unwrap();
    fs::write(
        fake.join("ensurepip/__init__.py"),
        "raise ImportError('ensurepip is not installed (python3-venv is missing)')\n",
    )
    .unwrap();
    setup.env = vec![("PYTHONPATH".into(), fake.display().to_string())];
    let err = setup.prepare().unwrap_err();
    assert!(matches!(err, Problem::NoVenv { .. }), "{err:?}");
    let msg = err.to_string();
    assert_says(
        &msg,
        &[
            "What is missing: Python's venv module",
            "python3-venv is missing",
            "apt-get install python3-venv",
            "PLANPUB_SKIP_PYTHON=1 cargo test",
        ],
    );
    assert!(!setup.root.exists(), "nothing is created without venv");
}

#[test]
fn an_unreachable_package_index_names_the_settings_that_provide_one() {
    if !needs_python3() {
        return;
    }
    let (_dir, mut setup) = setup("bagit==1.9.0\n");
    // Port 9 on this machine refuses; no cache, no wheel folder, no config file.
    setup.env = [
        ("PIP_INDEX_URL", "http://127.0.0.1:9/simple"),
        ("PIP_NO_CACHE_DIR", "1"),
        ("PIP_FIND_LINKS", ""),
        ("PIP_CONFIG_FILE", "/dev/null"),
        ("PIP_RETRIES", "1"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .to_vec();
    // Two tests at once: one tries, the other waits and then reports the same failure
    // instead of trying again.
    let mut errors: Vec<Problem> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2).map(|_| s.spawn(|| setup.prepare())).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap().unwrap_err())
            .collect()
    });
    errors.sort_by_key(|e| matches!(e, Problem::Earlier { .. }));
    let [err, waiter] = <[Problem; 2]>::try_from(errors).unwrap();
    assert!(
        matches!(
            err,
            Problem::Pip {
                unreachable: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(matches!(waiter, Problem::Earlier { .. }), "{waiter:?}");
    assert_eq!(waiter.to_string(), err.to_string());
    let msg = err.to_string();
    assert_says(
        &msg,
        &[
            "What is missing: the package index",
            "bagit==1.9.0",
            "Connection refused",
            "PIP_INDEX_URL=",
            "PIP_NO_INDEX=1 PIP_FIND_LINKS=",
            "Or create the environment yourself:",
            "-m pip install -r",
            "PLANPUB_SKIP_PYTHON=1 cargo test",
        ],
    );
    // The failed attempt leaves no environment and no half one: only the lock and the
    // failure's message for waiting tests.
    let key = setup.environment_dir().unwrap();
    let key = key.file_name().unwrap().to_string_lossy();
    assert_eq!(
        entries(&setup.root),
        [".lock".to_string(), format!("{key}.failed")]
    );
}

#[test]
fn parallel_preparations_build_once_and_ignore_what_a_killed_one_left() {
    if !needs_python3() {
        return;
    }
    // No pins: the environment is made without pip, so this needs no package index.
    let (_dir, setup) = setup("# nothing pinned\n");
    let env = setup.environment_dir().unwrap();
    let partial = env.with_file_name(format!(
        "{}.partial",
        env.file_name().unwrap().to_string_lossy()
    ));
    // What a preparation that was killed half-way leaves behind.
    fs::create_dir_all(partial.join("bin")).unwrap();
    fs::write(partial.join("half-done"), "").unwrap();
    assert!(!env.exists());

    // Each thread opens the lock file itself, so they exclude each other as processes do.
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| setup.prepare())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let prepared: Vec<_> = results.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        prepared.iter().filter(|p| p.built).count(),
        1,
        "{prepared:?}"
    );
    assert!(prepared.iter().all(|p| p.python == prepared[0].python));

    let name = env.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(entries(&setup.root), [".lock".to_string(), name]);
    assert!(!env.join("half-done").exists());
    assert!(env.join("pyvenv.cfg").is_file());
    let out = std::process::Command::new(&prepared[0].python)
        .args(["-c", "import sys; print(sys.prefix)"])
        .output()
        .unwrap();
    assert_eq!(
        Path::new(String::from_utf8_lossy(&out.stdout).trim()),
        env,
        "the renamed environment runs from its final place"
    );

    // A later run reuses it.
    assert!(!setup.prepare().unwrap().built);
}

#[test]
fn an_environment_in_place_without_the_pins_is_reported_not_used() {
    if !needs_python3() {
        return;
    }
    let (_dir, setup) = setup("bagit==1.9.0\n");
    let env = setup.environment_dir().unwrap();
    // Made by hand, without installing anything.
    let made = std::process::Command::new("python3")
        .args(["-m", "venv", "--without-pip"])
        .arg(&env)
        .status()
        .unwrap();
    assert!(made.success());
    let err = setup.prepare().unwrap_err();
    assert!(matches!(err, Problem::Broken { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("bagit==1.9.0 is not installed"), "{msg}");
    assert!(msg.contains(&format!("rm -rf {}", env.display())), "{msg}");
}

#[test]
fn a_changed_pin_gets_an_environment_of_its_own() {
    if !needs_python3() {
        return;
    }
    let (_a, one) = setup("bagit==1.9.0\n");
    let (_b, same) = setup("# the validators\nbagit == 1.9.0\n");
    let (_c, other) = setup("bagit==1.9.0\nwarcio==1.8.1\n");
    let key = |s: &Setup| s.environment_dir().unwrap().file_name().unwrap().to_owned();
    assert_eq!(key(&one), key(&same), "comments and spacing do not matter");
    assert_ne!(key(&one), key(&other));
}
