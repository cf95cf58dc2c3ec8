//! Editor support (issue 16): `planpub init` and `planpub editor` write JSON Schemas,
//! VS Code files and the browser editor's configuration; the schemas accept every real
//! content file and the exact-day pattern accepts every day the date reader accepts.
//! Also the command line's conventions: global and short options, help texts, counts.

mod common;

use common::{Run, Site, planpub, run};
use planpub::model::content::ExactDate;
use planpub::model::dates::{DateConventions, FuzzyDate, ParseContext};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn init(dir: &Path) -> Run {
    let r = run(planpub().arg("init").arg(dir));
    r.assert_ok();
    r
}

fn read_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Every Markdown file under `dir`.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The front matter of a content file as JSON, the way editors' YAML readers see it.
fn front_matter(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).expect("read");
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|t| t.split("\n---").next())
        .unwrap_or_else(|| panic!("{}: no front matter", p.display()));
    serde_norway::from_str(yaml).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[track_caller]
fn assert_valid(schema: &Value, files: &[PathBuf]) {
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    assert!(!files.is_empty());
    for f in files {
        let doc = front_matter(f);
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
    }
}

#[test]
fn init_writes_the_editor_files_and_the_site_still_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mit-site");
    init(&dir);
    for rel in [
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".vscode/planpub.code-snippets",
        ".remarkrc.mjs",
        "package.json",
        ".gitignore",
        ".planpub/schemas/da/content.schema.json",
        ".planpub/schemas/da/hearing.schema.json",
        ".planpub/schemas/en/plan.schema.json",
        "static/admin/index.html",
        "static/admin/config.yml",
    ] {
        assert!(dir.join(rel).is_file(), "{rel} is missing");
    }
    let ext = read_json(&dir.join(".vscode/extensions.json"));
    assert_eq!(ext["recommendations"][0], "unifiedjs.vscode-remark");
    let remarkrc = std::fs::read_to_string(dir.join(".remarkrc.mjs")).unwrap();
    assert!(
        remarkrc.contains(".planpub/schemas/da/content.schema.json"),
        "{remarkrc}"
    );
    assert!(remarkrc.contains("'content/**/*.md'"), "{remarkrc}");
    // The snippets complete allowed values from the contract.
    let snippets = read_json(&dir.join(".vscode/planpub.code-snippets"));
    let status = snippets["status"]["body"][0].as_str().unwrap();
    assert_eq!(status, "status: ${1|draft,hearing,adopted,archived|}");
    assert!(
        snippets["planpub: Høring"]["body"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "closes: ${3:}")
    );

    let check = run(planpub().arg("check").arg("--root").arg(&dir));
    check.assert_ok();
    assert!(
        check.stdout.contains("OK: 0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
}

#[test]
fn the_schemas_accept_every_real_content_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    init(&dir);
    for lang in ["da", "en"] {
        let schema = read_json(&dir.join(format!(".planpub/schemas/{lang}/content.schema.json")));
        assert_valid(&schema, &markdown_files(&dir.join("content")));
        // The example site in this repository: real plans, a hearing and decisions.
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        assert_valid(&schema, &markdown_files(&repo));
    }
}

#[test]
fn the_schema_underlines_the_usual_mistakes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    init(&dir);
    let schema = read_json(&dir.join(".planpub/schemas/da/content.schema.json"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let hearing = front_matter(&dir.join("content/hoeringer/eksempel-hoering.md"));
    assert!(validator.is_valid(&hearing));
    let wrong = |edit: &dyn Fn(&mut Value)| {
        let mut v = hearing.clone();
        edit(&mut v);
        !validator.is_valid(&v)
    };
    assert!(
        wrong(&|v| v["respond"]["emial"] = "a@b.dk".into()),
        "unknown field"
    );
    assert!(
        wrong(&|v| v["closes"] = "december 2026".into()),
        "not one day"
    );
    assert!(wrong(&|v| v["plan"] = "Eksempel plan".into()), "not a slug");
    assert!(wrong(&|v| v["type"] = "høring".into()), "not a type");
    assert!(wrong(&|v| v["draft"] = "ja".into()), "not a boolean");
    assert!(
        wrong(&|v| v["min_days"] = "fire uger".into()),
        "not a number"
    );
}

#[test]
fn the_schemas_take_the_committee_under_either_name_but_not_both_or_neither() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    init(&dir);
    let decision = front_matter(&dir.join("content/beslutninger/eksempel-beslutning.md"));
    assert_eq!(
        decision["committee"], "Eksempeludvalget",
        "init writes `committee:`"
    );
    let mut body = decision.clone();
    let map = body.as_object_mut().unwrap();
    let name = map.remove("committee").unwrap();
    map.insert("body".into(), name.clone());
    let mut both = decision.clone();
    both["body"] = name;
    let mut neither = body.clone();
    neither.as_object_mut().unwrap().remove("body");
    for lang in ["da", "en"] {
        for file in ["content", "decision"] {
            let schema =
                read_json(&dir.join(format!(".planpub/schemas/{lang}/{file}.schema.json")));
            let v = jsonschema::validator_for(&schema).unwrap();
            let at = format!("{lang}/{file}");
            assert!(v.is_valid(&decision), "{at}: committee");
            assert!(v.is_valid(&body), "{at}: body");
            assert!(!v.is_valid(&both), "{at}: both names");
            assert!(!v.is_valid(&neither), "{at}: neither name");
        }
    }
    // `planpub check` agrees on each: the old name is still a decision's committee.
    for (what, fm, ok) in [
        ("committee", &decision, true),
        ("body", &body, true),
        ("both", &both, false),
        ("neither", &neither, false),
    ] {
        let yaml = serde_norway::to_string(fm).unwrap();
        std::fs::write(
            dir.join("content/beslutninger/eksempel-beslutning.md"),
            format!("---\n{yaml}---\n\nTekst.\n"),
        )
        .unwrap();
        let r = run(planpub().arg("check").arg("--root").arg(&dir));
        assert_eq!(r.ok(), ok, "{what}: {}", r.all());
    }
}

/// A new site's `static/admin/config.yml` (the site stays in `tmp`).
fn decap_config(tmp: &Path) -> Value {
    let dir = tmp.join("s");
    init(&dir);
    serde_norway::from_str(&std::fs::read_to_string(dir.join("static/admin/config.yml")).unwrap())
        .unwrap()
}

/// The form field `name` of the collection `coll`.
fn decap_field<'a>(config: &'a Value, coll: &str, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["name"] == coll))
        .and_then(|c| c["fields"].as_array())
        .and_then(|fs| fs.iter().find(|f| f["name"] == name))
        .unwrap_or_else(|| panic!("no field {coll}.{name}"))
}

#[test]
fn the_browser_editor_names_the_committee_field_committee_not_body() {
    let tmp = tempfile::tempdir().unwrap();
    let config = decap_config(tmp.path());
    for c in config["collections"].as_array().unwrap() {
        let fields = c["fields"].as_array().unwrap();
        let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
        // Decap requires unique names and keeps `body` for the Markdown text.
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{}: {names:?}", c["name"]);
        let body = fields.iter().find(|f| f["name"] == "body").unwrap();
        assert_eq!(body["widget"], "markdown", "{}", c["name"]);
    }
    let committee = decap_field(&config, "decision", "committee");
    assert_eq!(committee["widget"], "string");
    assert_eq!(committee["label"], "Udvalg");
    assert!(
        committee.get("required").is_none(),
        "required: {committee:?}"
    );
    // Decap starts as soon as its script has run and needs `document.body` by then.
    let html = std::fs::read_to_string(tmp.path().join("s/static/admin/index.html")).unwrap();
    let script = html.find("<script").unwrap();
    assert!(html.find("<body>").unwrap() < script, "{html}");
}

#[test]
fn a_group_that_may_be_left_out_does_not_stop_the_browser_editor_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let config = decap_config(tmp.path());
    // Decap checks a group's required fields even when the group is left empty, so a
    // decision could not be saved without being withdrawn. planpub check requires
    // `withdrawn.date` and `reason` once `withdrawn:` is written.
    for (coll, name) in [
        ("decision", "withdrawn"),
        ("hearing", "summary_note"),
        ("hearing", "respond"),
        ("plan", "contact"),
    ] {
        let group = decap_field(&config, coll, name);
        assert_eq!(group["widget"], "object", "{coll}.{name}");
        assert_eq!(group["required"], false, "{coll}.{name}");
        for sub in group["fields"].as_array().unwrap() {
            assert_eq!(sub["required"], false, "{coll}.{name}.{}", sub["name"]);
        }
    }
}

#[test]
fn the_exact_day_pattern_accepts_every_day_the_reader_accepts() {
    let pattern = planpub::model::content::contract::day_pattern();
    let schema = serde_json::json!({ "type": "string", "pattern": pattern });
    let validator = jsonschema::validator_for(&schema).unwrap();
    let conventions = DateConventions::default();
    let ctx = ParseContext {
        conventions: &conventions,
        default_year: Some(2024),
    };
    let corpus = include_str!("date_corpus.tsv");
    // Clean date phrases; a day with words around it (`Tirsdag den 4. oktober 2022`) is
    // read with a warning by `check`, and underlined by the schema: both say to write
    // just the date.
    let mut texts: Vec<&str> = corpus
        .lines()
        .filter(|l| l.starts_with("clean\t"))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    texts.extend([
        "2024-03-01",
        "2024-03-01 12:00",
        "2024-03-01T12:00:00+01:00",
        "1. marts 2024",
        "1. marts 2024 kl. 12.00",
        "1. mar. 2024",
        "01.03.2024",
        "1 March 2024",
        "20. juni 2008 kl. 12",
        "29/12/2004",
    ]);
    let (mut days, mut missed) = (0, Vec::new());
    for t in texts {
        let Ok(d) = FuzzyDate::parse(t, &ctx) else {
            continue;
        };
        // A date without its year (`26. maj`) is not one day on its own.
        if d.year_inferred() || ExactDate::new(d).is_err() {
            continue;
        }
        days += 1;
        if !validator.is_valid(&Value::String(t.to_string())) {
            missed.push(t);
        }
    }
    assert!(days > 20, "only {days} exact days found");
    assert!(
        missed.is_empty(),
        "the schema would underline days the reader accepts: {missed:#?}"
    );
}

#[test]
fn editor_refreshes_generated_files_and_keeps_the_sites_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    init(&dir);
    std::fs::write(dir.join(".vscode/settings.json"), "{ \"mine\": true }\n").unwrap();
    let config = dir.join("static/admin/config.yml");
    let text = std::fs::read_to_string(&config).unwrap();
    let mine = text.replace(
        "backend:\n  name: git-gateway\n  branch: main\n",
        "backend:\n  name: github\n  repo: kommune/planer\n",
    );
    assert_ne!(
        mine, text,
        "the generated backend block was not found:\n{text}"
    );
    std::fs::write(&config, mine).unwrap();
    let schema = dir.join(".planpub/schemas/da/plan.schema.json");
    std::fs::remove_file(&schema).unwrap();

    let r = run(planpub().arg("editor").arg("--root").arg(&dir));
    r.assert_ok();
    assert!(
        r.stdout.contains("kept  .vscode/settings.json"),
        "{}",
        r.stdout
    );
    assert!(schema.is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join(".vscode/settings.json")).unwrap(),
        "{ \"mine\": true }\n"
    );
    let after: Value = serde_norway::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(after["backend"]["name"], "github");
    assert_eq!(after["backend"]["repo"], "kommune/planer");
    assert_eq!(after["collections"].as_array().unwrap().len(), 4);
}

#[test]
fn the_browser_editor_has_a_collection_per_type_with_lists_and_relations() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("s");
    init(&dir);
    let config: Value = serde_norway::from_str(
        &std::fs::read_to_string(dir.join("static/admin/config.yml")).unwrap(),
    )
    .unwrap();
    let collections = config["collections"].as_array().unwrap();
    let names: Vec<&str> = collections
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["plan", "hearing", "decision", "page"]);
    let field = |coll: &str, name: &str| -> Value {
        let c = collections.iter().find(|c| c["name"] == coll).unwrap();
        c["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{coll}.{name}"))
    };
    for (coll, name) in [
        ("plan", "timeline"),
        ("plan", "tracks"),
        ("decision", "recommendations"),
        ("hearing", "documents"),
    ] {
        let f = field(coll, name);
        assert_eq!(f["widget"], "list", "{coll}.{name}");
        assert!(
            f["fields"].as_array().is_some_and(|a| !a.is_empty()),
            "{coll}.{name}"
        );
    }
    let plan = field("hearing", "plan");
    assert_eq!(plan["widget"], "relation");
    assert_eq!(plan["collection"], "plan");
    assert_eq!(plan["value_field"], "{{slug}}");
    let plans = field("decision", "plans");
    assert_eq!(plans["widget"], "relation");
    assert_eq!(plans["multiple"], true);
    let row = field("plan", "timeline");
    let hearing = row["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "hearing")
        .unwrap();
    assert_eq!(hearing["collection"], "hearing");
    assert_eq!(
        field("hearing", "draft")["default"],
        true,
        "new entries start as drafts"
    );
    assert_eq!(field("plan", "status")["widget"], "select");
}

// ---------------------------------------------------------------- command-line conventions

#[test]
fn site_options_go_before_or_after_the_command_and_have_short_forms() {
    let site = Site::new().file(
        "content/planer/p.md",
        "---\ntype: plan\ntitle: Plan\n---\n\nTekst.\n",
    );
    for args in [
        vec![
            "--root".into(),
            site.root().display().to_string(),
            "check".into(),
        ],
        vec![
            "-r".into(),
            site.root().display().to_string(),
            "check".into(),
            "-D".into(),
        ],
        vec![
            "check".into(),
            "-r".into(),
            site.root().display().to_string(),
            "-f".into(),
            "json".into(),
        ],
    ] {
        let r = run(planpub().args(&args));
        r.assert_ok();
    }
    let out = site.tmp().join("ud");
    let r = run(planpub()
        .arg("-r")
        .arg(site.root())
        .arg("build")
        .arg("-o")
        .arg(&out)
        .args(["-n", common::NOW]));
    r.assert_ok();
    assert!(out.join("index.html").is_file());
}

/// `planpub <verb> --help` for every verb.
fn helps() -> Vec<(String, String)> {
    let verbs = [
        "build", "check", "new", "init", "date", "import", "schedule", "snapshot", "verify",
        "serve", "editor",
    ];
    verbs
        .iter()
        .map(|v| {
            let r = run(planpub().args([v, "--help"]));
            r.assert_ok();
            (v.to_string(), r.stdout)
        })
        .collect()
}

#[test]
fn every_option_is_explained_once_in_help() {
    for (verb, help) in helps() {
        for line in help.lines().filter(|l| l.trim_start().starts_with('-')) {
            let flag_end = line.find("  ").map(|i| i + 2);
            let text = flag_end.map(|i| line[i..].trim()).unwrap_or("");
            // A flag alone on its line has its text on the next; clap never does that here.
            assert!(!text.is_empty(), "{verb}: an option without help: {line:?}");
            assert!(
                line.matches("default").count() <= 1,
                "{verb}: the default is given twice: {line:?}"
            );
        }
    }
}

#[test]
fn snapshot_does_not_offer_drafts() {
    let help = run(planpub().args(["snapshot", "--help"])).stdout;
    assert!(!help.contains("--drafts"), "{help}");
}

#[test]
fn init_prints_the_next_steps_of_the_readme() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mit-site");
    let r = init(&dir);
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let printed: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    assert!(printed.iter().any(|l| l.starts_with("cd ")), "{}", r.stdout);
    assert!(
        printed.contains(&"planpub serve --drafts --open"),
        "{}",
        r.stdout
    );
    for step in printed.iter().filter(|l| l.starts_with("planpub ")) {
        let verb = step
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(readme.contains(&verb), "the README lacks `{step}`");
    }
    assert!(readme.contains("cd mit-site"));
}

#[test]
fn a_failed_first_build_does_not_speak_of_a_previous_output() {
    let site = Site::new().file("content/planer/p.md", "---\ntype: plan\n---\n");
    let r = site.build();
    r.assert_failed();
    assert!(r.stderr.contains("The site was not built"), "{}", r.stderr);
    assert!(!r.stderr.contains("previous output"), "{}", r.stderr);
}

#[test]
fn build_and_check_count_the_same_problems() {
    // A warning (a placeholder text) and an error only rendering finds (a template that
    // uses a value that does not exist).
    let site = Site::new()
        .file(
            "content/sider/side.md",
            "---\ntype: page\ntitle: Side\nsummary: Hvad siden handler om.\n---\n\nTekst.\n",
        )
        .file("templates/page.html", "{{ no_such_value.inner }}\n");
    let build = site.build();
    build.assert_failed();
    let check = site.check(&[]);
    check.assert_failed();
    let counts = |s: &str| -> String {
        let at = s.find("error").unwrap_or_else(|| panic!("no count in {s}"));
        let start = s[..at]
            .rfind(|c: char| !c.is_ascii_digit() && c != ' ')
            .map_or(0, |i| i + 1);
        let end = s[at..]
            .find("warning")
            .map(|i| at + i + "warnings".len().min(s.len() - at - i))
            .unwrap();
        s[start..end].trim().trim_end_matches(')').to_string()
    };
    let b = build
        .stderr
        .lines()
        .rev()
        .find(|l| l.contains("not built"))
        .unwrap();
    let c = check
        .stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("Problems found"))
        .unwrap();
    assert_eq!(counts(b), counts(c), "build: {b}\ncheck: {c}");
    assert!(c.contains("1 warning"), "{c}");
}
