//! Archived decisions and archival snapshots (issue 5): closed items leak nowhere,
//! permanent addresses, the decision ledger, archive pages, BagIt bags and WARC files
//! that verify, reproduce byte for byte and work offline.

mod common;

use common::{Run, Site, planpub, resolve, run, snapshot};
use std::path::{Path, PathBuf};

const OPEN_FILE: &str = "content/beslutninger/aabent-punkt.md";
const CLOSED_FILE: &str = "content/beslutninger/lukket-punkt.md";
const OPEN_PAGE: &str = "beslutninger/socialudvalget/2008-05-20/1/index.html";
const CLOSED_PAGE: &str = "beslutninger/socialudvalget/2008-05-20/2/index.html";

const OPEN: &str = r#"---
type: decision
title: Vedtagelse af ældreplanen
summary: Udvalget vedtog ældreplanen.
body: Socialudvalget
meeting: 2008-05-20
case_number: 2008-1234
item: 1
recommendations:
  - text: At ældreplanen godkendes
    outcome: approved
    remark: Med en ændring.
  - text: At sagen sendes videre
    outcome: rejected
---

Sagsfremstilling om ældreplanen.
"#;

const CLOSED: &str = r#"---
type: decision
title: Lukket punkt om en personalesag
summary: Resume LUKKETRESUME
tags: [LUKKETTAG]
body: Socialudvalget
meeting: 2008-05-20
case_number: LUKKETSAGSNR-99
item: 2
access: closed
absent: [Fraværende LUKKETFRAVAER]
recommendations:
  - text: Indstilling LUKKETINDSTILLING
    outcome: approved
    remark: Bemærkning LUKKETBEMAERKNING
---

Brødtekst LUKKETBROEDTEKST.
"#;

const OTHER: &str = r#"---
type: decision
title: Budget for vejene
summary: Byrådet tog budgettet til efterretning.
body: Byrådet
meeting: 2007-12-10
item: 3
recommendations:
  - text: At budgettet tages til efterretning
    outcome: noted
---

Om vejene.
"#;

const MARKERS: [&str; 7] = [
    "LUKKETRESUME",
    "LUKKETTAG",
    "LUKKETSAGSNR",
    "LUKKETFRAVAER",
    "LUKKETINDSTILLING",
    "LUKKETBEMAERKNING",
    "LUKKETBROEDTEKST",
];

const PLAN: &str = "---\ntype: plan\ntitle: Ældreplanen\nsummary: Planen.\ntimeline:\n  - when: 2008-05-20\n    what: Socialudvalget behandler planen\n---\n\nTekst med et [link](/beslutninger/).\n";

fn site() -> Site {
    Site::new()
        .file(OPEN_FILE, OPEN)
        .file(CLOSED_FILE, CLOSED)
        .file("content/beslutninger/budget.md", OTHER)
        .file("content/planer/aeldreplan.md", PLAN)
        .file(
            "content/hoeringer/h.md",
            "---\ntype: hearing\ntitle: Høring om planen\nopens: 2008-05-01\ncloses: 2008-06-20\nmin_days: 1\nrespond: { email: a@test.dk }\ndocuments:\n  - title: Materiale\n    file: m.pdf\n---\n\nTekst.\n",
        )
        .bytes("content/hoeringer/m.pdf", b"%PDF-1.4\n")
}

fn ledger(site: &Site) -> serde_json::Value {
    let text = std::fs::read_to_string(site.root().join("decision-ledger.json"))
        .expect("decision-ledger.json at the site root");
    serde_json::from_str(&text).expect("ledger JSON")
}

// ---------------------------------------------------------------- closed items

#[test]
fn a_closed_decision_leaks_nothing_but_its_title_into_any_output_file() {
    let out = site().built();
    let files = out.files();
    for kind in [".html", ".json", ".xml", ".ics", "sitemap.xml"] {
        assert!(
            files.iter().any(|f| f.ends_with(kind)),
            "no {kind} output to search"
        );
    }
    for m in MARKERS {
        assert_eq!(
            out.files_containing(m),
            Vec::<String>::new(),
            "{m} leaked into these files"
        );
    }
    // The title and meeting are public.
    let p = out.html(CLOSED_PAGE);
    assert_eq!(p.text("h1"), "Lukket punkt om en personalesag");
    assert!(
        !out.files_containing("Lukket punkt om en personalesag")
            .is_empty()
    );
    // The open item on the same meeting shows its text, so the markers test can fail.
    assert!(
        out.read(OPEN_PAGE)
            .contains("Sagsfremstilling om ældreplanen")
    );
}

#[test]
fn decisions_have_permanent_addresses_from_body_meeting_and_item() {
    let out = site().built();
    assert!(out.exists(OPEN_PAGE));
    assert!(out.exists(CLOSED_PAGE));
    assert!(out.exists("beslutninger/byraadet/2007-12-10/3/index.html"));
    let d = out.html(OPEN_PAGE);
    assert_eq!(d.text("h1"), "Vedtagelse af ældreplanen");
    let canonical = d.attr("link[rel=canonical]", "href");
    assert_eq!(
        canonical,
        "https://planer.test.dk/beslutninger/socialudvalget/2008-05-20/1/"
    );
}

// ---------------------------------------------------------------- ledger

#[test]
fn the_first_build_records_every_decision_with_a_sha256() {
    let s = site();
    assert!(!s.root().join("decision-ledger.json").exists());
    s.built();
    let l = ledger(&s);
    let d = l["decisions"].as_object().expect("decisions");
    let mut keys: Vec<&String> = d.keys().collect();
    keys.sort();
    assert_eq!(keys.len(), 3, "{keys:?}");
    let entry = d
        .iter()
        .find(|(k, _)| k.contains("socialudvalget/2008-05-20/1"))
        .map(|(_, v)| v)
        .expect("the open decision");
    assert_eq!(entry["file"], OPEN_FILE);
    use sha2::Digest;
    let want = format!("{:x}", sha2::Sha256::digest(OPEN.as_bytes()));
    assert_eq!(entry["sha256"], want);
}

#[test]
fn editing_a_published_decision_without_a_correction_fails_and_leaves_output_alone() {
    let s = site();
    s.built();
    let before = snapshot(&s.out());
    let ledger_before = ledger(&s);
    s.write(
        OPEN_FILE,
        OPEN.replace("Med en ændring.", "Med to ændringer.")
            .as_bytes(),
    );
    let r = s.build();
    r.assert_failed();
    let e = r.error_about("without a correction");
    assert!(e.contains(OPEN_FILE), "{e}");
    assert_eq!(snapshot(&s.out()), before, "the output changed");
    assert_eq!(ledger(&s), ledger_before, "the ledger changed");
}

#[test]
fn check_reports_an_edit_without_a_correction_like_build_does() {
    let s = site();
    s.built();
    s.write(
        OPEN_FILE,
        OPEN.replace("Med en ændring.", "Med to ændringer.")
            .as_bytes(),
    );
    s.build().assert_failed();
    let c = s.check(&[]);
    c.assert_failed();
    assert!(c.error_about("without a correction").contains(OPEN_FILE));
}

#[test]
fn a_correction_lets_the_edit_through_shows_it_and_updates_the_ledger() {
    let s = site();
    s.built();
    let old = ledger(&s);
    let edited = OPEN
        .replace("Med en ændring.", "Med to ændringer.")
        .replace(
            "item: 1\n",
            "item: 1\ncorrections:\n  - date: 2008-05-25\n    note: Bemærkningen er rettet.\n",
        );
    s.write(OPEN_FILE, edited.as_bytes());
    let out = s.built();
    let d = out.html(OPEN_PAGE);
    let corr = d.text("section.corrections");
    assert!(corr.contains("25. maj 2008"), "{corr}");
    assert!(corr.contains("Bemærkningen er rettet."), "{corr}");
    assert!(d.body_text().contains("Med to ændringer."));
    let new = ledger(&s);
    let key = |l: &serde_json::Value| {
        l["decisions"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(k, _)| k.contains("socialudvalget/2008-05-20/1"))
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    use sha2::Digest;
    assert_ne!(key(&old)["sha256"], key(&new)["sha256"]);
    assert_eq!(
        key(&new)["sha256"],
        format!("{:x}", sha2::Sha256::digest(edited.as_bytes()))
    );
    assert_eq!(key(&new)["corrections"], 1);
    // And the next build is quiet.
    s.build().assert_ok();
}

#[test]
fn deleting_a_recorded_decision_is_an_error() {
    let s = site();
    s.built();
    std::fs::remove_file(s.root().join("content/beslutninger/budget.md")).unwrap();
    let r = s.build();
    r.assert_failed();
    let e = r.error_about("no longer on the site");
    assert!(e.contains("content/beslutninger/budget.md"), "{e}");
    assert!(e.contains("Budget for vejene"), "{e}");
}

// ---------------------------------------------------------------- archive pages

#[test]
fn archive_pages_by_body_by_year_and_by_meeting() {
    let out = site().built();
    let body = out.html("beslutninger/socialudvalget/index.html");
    let t = body.body_text();
    assert!(t.contains("Vedtagelse af ældreplanen"), "{t}");
    assert!(!t.contains("Budget for vejene"), "{t}");
    let year = out.html("beslutninger/aar/2007/index.html");
    let t = year.body_text();
    assert!(t.contains("Budget for vejene"), "{t}");
    assert!(!t.contains("Vedtagelse af ældreplanen"), "{t}");

    let meeting_page = "beslutninger/socialudvalget/2008-05-20/index.html";
    let m = out.html(meeting_page);
    let items = m.texts("ol.meeting-items > li");
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(
        items[0].starts_with("Vedtagelse af ældreplanen"),
        "{items:?}"
    );
    assert!(
        items[0].contains("Godkendt") && items[0].contains("Forkastet"),
        "{items:?}"
    );
    assert!(
        items[1].starts_with("Lukket punkt om en personalesag"),
        "{items:?}"
    );
    assert_eq!(m.attrs("ol.meeting-items > li", "value"), ["1", "2"]);
    let hrefs: Vec<String> = m
        .links("ol.meeting-items a")
        .into_iter()
        .map(|(_, h)| resolve(meeting_page, &h))
        .collect();
    assert_eq!(hrefs, [OPEN_PAGE, CLOSED_PAGE]);
}

// ---------------------------------------------------------------- snapshots

fn snapshot_into(site: &Site, dir: &Path, epoch: &str) -> Run {
    let mut c = std::process::Command::new(common::bin());
    c.arg("snapshot")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(dir)
        .env("SOURCE_DATE_EPOCH", epoch);
    run(&mut c)
}

fn verify(bag: &Path) -> Run {
    run(planpub().arg("verify").arg(bag))
}

/// 2008-06-01 12:00:00 UTC.
const EPOCH: &str = "1212321600";

fn snapped() -> (Site, PathBuf, PathBuf) {
    let s = site();
    let dir = s.tmp().join("snap");
    snapshot_into(&s, &dir, EPOCH).assert_ok();
    let bag = dir.join("planer.test.dk-2008-06-01");
    let warc = dir.join("planer.test.dk-2008-06-01.warc");
    assert!(bag.is_dir(), "no bag; {:?}", snapshot(&dir).keys());
    assert!(warc.is_file(), "no WARC");
    (s, bag, warc)
}

#[test]
fn snapshot_writes_a_bag_and_a_warc_named_by_host_and_day() {
    let (_s, bag, warc) = snapped();
    for f in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "data/index.html",
    ] {
        assert!(bag.join(f).is_file(), "{f} missing");
    }
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(
        info.contains("Source-Organization: Testkommune\n"),
        "{info}"
    );
    assert!(info.contains("Bagging-Date: 2008-06-01\n"), "{info}");
    assert!(info.contains("https://planer.test.dk/"), "{info}");
    assert!(info.contains("Payload-Oxum: "), "{info}");
    let w = std::fs::read(&warc).unwrap();
    assert!(w.starts_with(b"WARC/1.1\r\n"));
    let text = String::from_utf8_lossy(&w);
    assert!(text.contains("WARC-Type: warcinfo"));
    assert!(text.contains(&format!(
        "WARC-Target-URI: https://planer.test.dk/{}",
        OPEN_PAGE.trim_end_matches("index.html")
    )));
    // The closed item stays closed in the archive too.
    for m in MARKERS {
        assert!(!text.contains(m), "{m} in the WARC");
        assert!(
            common::Out::at(&bag).files_containing(m).is_empty(),
            "{m} in the bag"
        );
    }
    let r = verify(&bag);
    r.assert_ok();
}

#[test]
fn verify_names_a_changed_a_removed_and_an_added_file() {
    let (_s, bag, _) = snapped();
    verify(&bag).assert_ok();
    let page = bag.join("data").join(OPEN_PAGE);
    let original = std::fs::read(&page).unwrap();

    // One byte changed.
    let mut bytes = original.clone();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
    std::fs::write(&page, &bytes).unwrap();
    let r = verify(&bag);
    r.assert_failed();
    assert!(
        r.all().contains(&format!("data/{OPEN_PAGE}")),
        "{}",
        r.all()
    );
    std::fs::write(&page, &original).unwrap();
    verify(&bag).assert_ok();

    // One file removed.
    let css = bag.join("data/assets/planpub.css");
    let css_bytes = std::fs::read(&css).unwrap();
    std::fs::remove_file(&css).unwrap();
    let r = verify(&bag);
    r.assert_failed();
    assert!(r.all().contains("data/assets/planpub.css"), "{}", r.all());
    std::fs::write(&css, &css_bytes).unwrap();
    verify(&bag).assert_ok();

    // One file added.
    std::fs::write(bag.join("data/ekstra-fil.txt"), b"ekstra").unwrap();
    let r = verify(&bag);
    r.assert_failed();
    assert!(r.all().contains("data/ekstra-fil.txt"), "{}", r.all());
}

/// Copies a directory tree.
fn copy_tree(from: &Path, to: &Path) {
    for (rel, bytes) in snapshot(from) {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

#[test]
fn the_same_sources_and_moment_give_byte_identical_site_bag_and_warc() {
    let src = site();
    let mut results = Vec::new();
    for name in ["eins", "zwei-anderer-ort"] {
        let tmp = tempfile::Builder::new()
            .prefix(&format!("planpub-repro-{name}-"))
            .tempdir()
            .unwrap();
        let root = tmp.path().join("kilde").join(name);
        copy_tree(&src.root(), &root);
        let out = tmp.path().join("ud");
        let mut c = std::process::Command::new(common::bin());
        c.arg("build")
            .arg("--root")
            .arg(&root)
            .arg("--out")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", EPOCH);
        run(&mut c).assert_ok();
        let snap = tmp.path().join("snap");
        let mut c = std::process::Command::new(common::bin());
        c.arg("snapshot")
            .arg("--root")
            .arg(&root)
            .arg("--out")
            .arg(&snap)
            .env("SOURCE_DATE_EPOCH", EPOCH);
        run(&mut c).assert_ok();
        results.push((snapshot(&out), snapshot(&snap), tmp));
    }
    let (a, b) = (&results[0], &results[1]);
    assert!(a.0.len() > 10 && a.1.len() > 10);
    let keys =
        |m: &std::collections::BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&a.0), keys(&b.0), "site file lists differ");
    for (k, v) in &a.0 {
        assert!(v == &b.0[k], "site file {k} differs");
    }
    assert_eq!(keys(&a.1), keys(&b.1), "snapshot file lists differ");
    for (k, v) in &a.1 {
        assert!(v == &b.1[k], "snapshot file {k} differs");
    }
    assert!(a.1.keys().any(|k| k.ends_with(".warc")));
}

/// Every `(element, attribute, value)` of href/src on a, link, script and img.
fn references(html: &str) -> Vec<(String, String, String, Option<String>)> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    doc.select(&sel)
        .map(|e| {
            let name = e.value().name().to_string();
            let (attr, v) = match e.value().attr("href") {
                Some(h) => ("href", h),
                None => ("src", e.value().attr("src").unwrap()),
            };
            (
                name,
                attr.to_string(),
                v.to_string(),
                e.value().attr("rel").map(String::from),
            )
        })
        .collect()
}

#[test]
fn the_bag_works_offline_with_every_internal_link_resolving() {
    let (_s, bag, _) = snapped();
    let data = bag.join("data");
    let files = snapshot(&data);
    let mut checked = 0;
    // The 404 page is served at any depth, so it is checked on its own below.
    for (rel, bytes) in files
        .iter()
        .filter(|(k, _)| k.ends_with(".html") && k.as_str() != "404.html")
    {
        let html = String::from_utf8_lossy(bytes);
        for (el, _attr, v, rel_attr) in references(&html) {
            let external =
                v.starts_with("http://") || v.starts_with("https://") || v.starts_with("//");
            if external {
                // Only the canonical link and ordinary outbound links may point elsewhere.
                let allowed =
                    (el == "link" && rel_attr.as_deref() == Some("canonical")) || el == "a";
                assert!(allowed, "{rel}: <{el}> loads {v} from another host");
                continue;
            }
            if v.starts_with("mailto:") || v.starts_with('#') || v.starts_with("data:") {
                continue;
            }
            assert!(
                !v.starts_with('/'),
                "{rel}: root-relative link {v} breaks from file://"
            );
            let path = v.split(['#', '?']).next().unwrap();
            assert!(
                !path.ends_with('/') && !path.is_empty(),
                "{rel}: link {v} does not name a file"
            );
            let target = resolve(rel, &common::percent_decode(path));
            assert!(
                files.contains_key(&target),
                "{rel}: {v} → {target} is missing"
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn the_bag_and_warc_pass_independent_validators() {
    let Some(python) = common::python::interpreter() else {
        return;
    };
    let (_s, bag, warc) = snapped();
    let py = |args: &[&str], path: &Path| {
        let o = std::process::Command::new(&python)
            .args(args)
            .arg(path)
            .output()
            .unwrap();
        Run::from_output(o)
    };
    py(&["-m", "bagit", "--validate"], &bag).assert_ok();
    let cli = "import sys; from warcio.cli import main; main(sys.argv[1:])";
    let check = py(&["-c", cli, "check", "-v"], &warc);
    check.assert_ok();
    assert!(check.stdout.contains("digest pass"), "{}", check.stdout);
    assert!(!check.stdout.contains("fail"), "{}", check.stdout);
    let index = py(
        &["-c", cli, "index", "-f", "warc-type,warc-target-uri"],
        &warc,
    );
    index.assert_ok();
    assert!(
        index.stdout.contains(&format!(
            "https://planer.test.dk/{}",
            OPEN_PAGE.trim_end_matches("index.html")
        )),
        "{}",
        index.stdout
    );
    // The validator notices a damaged bag, too.
    let page = bag.join("data").join(OPEN_PAGE);
    std::fs::write(&page, b"changed").unwrap();
    py(&["-m", "bagit", "--validate"], &bag).assert_failed();
}

#[test]
fn the_bags_404_page_works_offline_too() {
    let (_s, bag, _) = snapped();
    let data = bag.join("data");
    let html = std::fs::read_to_string(data.join("404.html")).unwrap();
    for (el, _attr, v, _) in references(&html) {
        if v.starts_with("http") || v.starts_with("mailto:") || v.starts_with('#') {
            continue;
        }
        assert!(!v.starts_with('/'), "404.html: <{el}> {v} is root-relative");
        let target = resolve("404.html", &common::percent_decode(&v));
        assert!(
            data.join(&target).is_file(),
            "404.html: {v} → {target} is missing"
        );
    }
}

/// The README's snapshot example, as planpub prints it for the example site. Run with
/// `PLANPUB_BLESS=1` to write the current output into the README.
#[test]
fn the_readme_snapshot_example_is_what_planpub_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("arkiv");
    let root = env!("CARGO_MANIFEST_DIR");
    let snap = run(planpub()
        .env("SOURCE_DATE_EPOCH", "1212278400")
        .args(["snapshot", "--root", root, "--out"])
        .arg(&out));
    snap.assert_ok();
    let bag = out.join("planer.example.dk-2008-06-01");
    let verify = || run(planpub().arg("verify").arg(&bag));
    let valid = verify();
    valid.assert_ok();
    // The README's damage: a file added, one changed (same size).
    std::fs::write(bag.join("data/extra.txt"), "x\n").unwrap();
    let robots = bag.join("data/robots.txt");
    let text = std::fs::read_to_string(&robots).unwrap();
    std::fs::write(&robots, text.replacen("User-agent: *", "User-agent: -", 1)).unwrap();
    let invalid = verify();
    invalid.assert_failed();

    let show = |s: &str| s.replace(out.to_str().unwrap(), "/arkiv");
    let console = format!(
        "```console\n$ SOURCE_DATE_EPOCH=1212278400 planpub snapshot --out /arkiv\n{}$ planpub verify /arkiv/planer.example.dk-2008-06-01\n{}```\n",
        show(&snap.stdout),
        show(&valid.stdout)
    );
    let damaged = format!("```text\n{}```\n", show(&invalid.stdout));
    let readme_path = Path::new(root).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let block = |start: &str| -> (usize, usize) {
        let at = readme
            .find(start)
            .unwrap_or_else(|| panic!("README has no block starting {start:?}"));
        let end = at + readme[at + 4..].find("```\n").unwrap() + 4 + 4;
        (at, end)
    };
    let (c0, c1) = block("```console\n$ SOURCE_DATE_EPOCH=1212278400 planpub snapshot");
    let (d0, d1) = block("```text\nbag invalid");
    if std::env::var("PLANPUB_BLESS").as_deref() == Ok("1") {
        let mut new = readme.clone();
        new.replace_range(d0..d1, &damaged);
        new.replace_range(c0..c1, &console);
        std::fs::write(&readme_path, new).unwrap();
        return;
    }
    assert_eq!(
        readme[c0..c1],
        console,
        "the README's snapshot example is out of date: run this test with PLANPUB_BLESS=1"
    );
    assert_eq!(
        readme[d0..d1],
        damaged,
        "the README's verify example is out of date: run this test with PLANPUB_BLESS=1"
    );
}

#[test]
fn bag_info_names_the_contact_and_organisation_of_site_yaml() {
    let s = Site::new().file(
        "site.yaml",
        "title: Testkommunens planer\nbase_url: https://planer.test.dk/\norganisation: Testkommune\ncontact:\n  name: Testkommune, Kommunikation\n  email: planer@test.dk\n  phone: \"+45 11 22 33 44\"\n  address: |\n    Rådhuset\n    Torvet 1, 9999 Testby\n",
    );
    s.write("content/planer/p.md", PLAN.as_bytes());
    let out = s.tmp().join("arkiv");
    run(planpub()
        .args(["snapshot", "--now", "2008-06-01", "--root"])
        .arg(s.root())
        .arg("--out")
        .arg(&out))
    .assert_ok();
    let bag = out.join("planer.test.dk-2008-06-01");
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for line in [
        "Source-Organization: Testkommune\n",
        "Organization-Address: Rådhuset, Torvet 1, 9999 Testby\n",
        "Contact-Name: Testkommune, Kommunikation\n",
        "Contact-Phone: +45 11 22 33 44\n",
        "Contact-Email: planer@test.dk\n",
    ] {
        assert!(info.contains(line), "{line:?} not in\n{info}");
    }
    // LoC bagit reads the same values.
    let Some(py) = common::python(&["bagit"]) else {
        return;
    };
    let r = py.run(
        "import sys, bagit\nb = bagit.Bag(sys.argv[1])\nb.validate()\nfor k in ('Contact-Name', 'Contact-Email', 'Contact-Phone', 'Organization-Address'):\n    print(k, '=', b.info[k])\n",
        &[bag.as_os_str()],
    );
    r.assert_ok();
    assert!(
        r.stdout
            .contains("Organization-Address = Rådhuset, Torvet 1, 9999 Testby"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Contact-Email = planer@test.dk"),
        "{}",
        r.stdout
    );
}
