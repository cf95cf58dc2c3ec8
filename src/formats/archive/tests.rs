//! End-to-end tests: a small site → bag / WARC → verification, determinism, and
//! independent validation with the Python packages `bagit` and `warcio`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::TimeZone;

use super::*;

/// The validators' Python, one helper shared with the integration tests.
#[allow(dead_code)]
mod python {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/python/validators.rs"
    ));
}

const BASE: &str = "https://plan.example.dk/";

/// (relative path, content) of the test site.  Includes nested directories,
/// `index.html` files at several levels, Danish file names, a space, and an empty
/// file.
fn site_files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "index.html",
            b"<!doctype html><title>Planer</title>".to_vec(),
        ),
        ("assets/style.css", b"body{font-family:sans-serif}".to_vec()),
        ("assets/app.js", b"console.log('hej');".to_vec()),
        ("assets/empty.txt", Vec::new()),
        (
            "assets/logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        ),
        (
            "plans/index.html",
            "<h1>Lokalplaner</h1>".as_bytes().to_vec(),
        ),
        (
            "plans/lokalplan-1042/index.html",
            "<h1>Lokalplan 1042 – Ærøvej</h1>".as_bytes().to_vec(),
        ),
        (
            "plans/lokalplan-1042/høringsnotat.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n".to_vec(),
        ),
        ("plans/lokalplan-1042/bilag 2.pdf", b"%PDF-1.4\n".to_vec()),
        ("plans/plans.json", br#"[{"id":1042}]"#.to_vec()),
        (
            "kalender.ics",
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".to_vec(),
        ),
        (
            "feed.atom",
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".to_vec(),
        ),
        ("kort/øst.png", vec![0x89, b'P', b'N', b'G', 0, 1, 2, 255]),
    ]
}

/// Writes the test site under `root`, in the given order (to vary the order in
/// which the file system returns entries).
fn make_site(root: &Path, reverse: bool) {
    let mut files = site_files();
    if reverse {
        files.reverse();
    }
    for (rel, content) in files {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }
    fs::create_dir_all(root.join("empty-dir")).unwrap();
}

fn bag_info() -> BagInfo {
    BagInfo {
        organization_address: None,
        contact_name: None,
        contact_phone: None,
        contact_email: None,
        source_organization: "Ærø Kommune".into(),
        external_identifier: format!("planpub:{BASE}:2025-06-01"),
        base_url: BASE.into(),
        bagging_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
        extra: vec![
            ("Bag-Software-Agent".into(), "planpub 0.1.0".into()),
            ("Contact-Email".into(), "plan@example.dk".into()),
        ],
    }
}

fn warc_date() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc
        .with_ymd_and_hms(2025, 6, 1, 8, 15, 0)
        .unwrap()
        // Sub-second part must not show up in the WARC.
        + chrono::Duration::milliseconds(789)
}

/// A fresh site and a bag made from it.
fn site_and_bag() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    make_site(&site, false);
    let bag = t.path().join("bag");
    write_bag(&site, &bag, &bag_info()).unwrap();
    (t, site, bag)
}

/// All files under `root`, relative path → content.
fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn bag_is_written_and_verifies() {
    let (_t, _site, bag) = site_and_bag();
    let files = site_files();
    let total: usize = files.iter().map(|(_, c)| c.len()).sum();

    let report = verify_bag(&bag).unwrap();
    assert!(report.is_valid(), "{report}");
    assert_eq!(report.checked, files.len() + 3);
    assert_eq!(
        report.to_string(),
        format!("bag valid ({} files checked)", files.len() + 3)
    );

    assert_eq!(
        fs::read_to_string(bag.join("bagit.txt")).unwrap(),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    );
    let info = fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    assert!(info.contains(&format!("Payload-Oxum: {total}.{}\n", files.len())));
    assert!(info.contains("Bagging-Date: 2025-06-01\n"));
    assert!(info.contains("Planpub-Base-URL: https://plan.example.dk/\n"));
    assert!(info.starts_with("Source-Organization: Ærø Kommune\n"));
    assert!(info.ends_with("Bag-Software-Agent: planpub 0.1.0\nContact-Email: plan@example.dk\n"));

    let manifest = fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    let paths: Vec<&str> = manifest
        .lines()
        .map(|l| l.split_once("  ").unwrap().1)
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), files.len());
    assert!(paths.contains(&"data/plans/lokalplan-1042/høringsnotat.pdf"));
    assert!(paths.contains(&"data/plans/lokalplan-1042/bilag 2.pdf"));
    // The empty file is there with the SHA-256 of nothing.
    assert!(manifest.contains(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/assets/empty.txt\n"
    ));
    assert_eq!(
        fs::read(bag.join("data/assets/empty.txt")).unwrap().len(),
        0
    );

    let tagmanifest = fs::read_to_string(bag.join("tagmanifest-sha256.txt")).unwrap();
    let tag_paths: Vec<&str> = tagmanifest
        .lines()
        .map(|l| l.split_once("  ").unwrap().1)
        .collect();
    assert_eq!(
        tag_paths,
        ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    );
    // Empty directories cannot be represented in a bag.
    assert!(!bag.join("data/empty-dir").exists());
}

#[test]
fn changed_byte_is_named() {
    let (_t, _site, bag) = site_and_bag();
    let target = bag.join("data/plans/lokalplan-1042/index.html");
    let mut bytes = fs::read(&target).unwrap();
    bytes[3] ^= 0x20;
    fs::write(&target, bytes).unwrap();

    let report = verify_bag(&bag).unwrap();
    assert!(!report.is_valid());
    assert_eq!(report.problems.len(), 1, "{report}");
    match &report.problems[0] {
        BagProblem::ChecksumMismatch {
            path,
            expected,
            actual,
        } => {
            assert_eq!(path, "data/plans/lokalplan-1042/index.html");
            assert_ne!(expected, actual);
        }
        other => panic!("unexpected {other:?}"),
    }
    let line = report.problems[0].to_string();
    assert!(
        line.starts_with("data/plans/lokalplan-1042/index.html: checksum differs (expected "),
        "{line}"
    );
}

#[test]
fn removed_file_is_named() {
    let (_t, _site, bag) = site_and_bag();
    fs::remove_file(bag.join("data/plans/lokalplan-1042/høringsnotat.pdf")).unwrap();
    let report = verify_bag(&bag).unwrap();
    assert!(!report.is_valid());
    assert!(report.problems.contains(&BagProblem::Missing {
        path: "data/plans/lokalplan-1042/høringsnotat.pdf".into()
    }));
    // The payload no longer matches Payload-Oxum either.
    assert!(
        report
            .problems
            .iter()
            .any(|p| matches!(p, BagProblem::OxumMismatch { .. }))
    );
    assert_eq!(report.problems.len(), 2, "{report}");
}

#[test]
fn added_file_is_named() {
    let (_t, _site, bag) = site_and_bag();
    fs::create_dir_all(bag.join("data/ny")).unwrap();
    fs::write(bag.join("data/ny/tilføjet.html"), "snuck in").unwrap();
    let report = verify_bag(&bag).unwrap();
    assert!(!report.is_valid());
    assert!(report.problems.contains(&BagProblem::Extra {
        path: "data/ny/tilføjet.html".into()
    }));
    let text = report.to_string();
    assert!(
        text.contains("data/ny/tilføjet.html: present but not listed"),
        "{text}"
    );
}

#[test]
fn edited_bag_info_is_reported_via_tag_manifest() {
    let (_t, _site, bag) = site_and_bag();
    let p = bag.join("bag-info.txt");
    let text = fs::read_to_string(&p)
        .unwrap()
        .replace("Ærø Kommune", "Anden Kommune");
    fs::write(&p, text).unwrap();
    let report = verify_bag(&bag).unwrap();
    assert!(!report.is_valid());
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(matches!(
        &report.problems[0],
        BagProblem::ChecksumMismatch { path, .. } if path == "bag-info.txt"
    ));
}

#[test]
fn all_problems_are_reported_at_once() {
    let (_t, _site, bag) = site_and_bag();
    fs::write(bag.join("data/assets/style.css"), "body{}").unwrap();
    fs::remove_file(bag.join("data/kort/øst.png")).unwrap();
    fs::write(bag.join("data/extra.html"), "x").unwrap();
    let m = bag.join("manifest-sha256.txt");
    let mut manifest = fs::read_to_string(&m).unwrap();
    manifest.push_str("garbage line\n");
    fs::write(&m, manifest).unwrap();
    fs::write(bag.join("bagit.txt"), "BagIt-Version: 1.0\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/passwd", bag.join("data/link")).unwrap();

    let report = verify_bag(&bag).unwrap();
    let paths: Vec<&str> = report.problems.iter().map(|p| p.path()).collect();
    for expected in [
        "bagit.txt",             // encoding line missing, and changed per tag manifest
        "manifest-sha256.txt",   // malformed line, and changed per tag manifest
        "bag-info.txt",          // Payload-Oxum
        "data/assets/style.css", // checksum
        "data/kort/øst.png",     // missing
        "data/extra.html",       // extra
    ] {
        assert!(paths.contains(&expected), "{expected} not in\n{report}");
    }
    #[cfg(unix)]
    assert!(paths.contains(&"data/link"), "{report}");
    // Tag-file problems come first, payload problems after, sorted by path.
    let first_payload = paths.iter().position(|p| p.starts_with("data/")).unwrap();
    assert!(
        paths[..first_payload]
            .iter()
            .all(|p| !p.starts_with("data/"))
    );
    let payload = &paths[first_payload..];
    let mut sorted = payload.to_vec();
    sorted.sort();
    assert_eq!(payload, sorted.as_slice());
    // One line per problem plus the heading.
    assert_eq!(
        report.to_string().lines().count(),
        report.problems.len() + 1
    );
}

#[test]
fn unusual_file_names_round_trip_through_the_manifest() {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("100% lokalt.txt"), "a").unwrap();
    #[cfg(unix)]
    fs::write(site.join("line\nbreak\r.txt"), "b").unwrap();
    let bag = t.path().join("bag");
    write_bag(&site, &bag, &bag_info()).unwrap();
    let manifest = fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    assert!(manifest.contains("  data/100%25 lokalt.txt\n"));
    #[cfg(unix)]
    assert!(manifest.contains("  data/line%0Abreak%0D.txt\n"));
    let report = verify_bag(&bag).unwrap();
    assert!(report.is_valid(), "{report}");
}

#[test]
fn bags_are_byte_identical_across_locations_and_order() {
    let t1 = tempfile::tempdir().unwrap();
    let t2 = tempfile::tempdir().unwrap();
    make_site(&t1.path().join("site"), false);
    make_site(&t2.path().join("a/different/place"), true);
    let b1 = t1.path().join("bag");
    let b2 = t2.path().join("elsewhere/other-name");
    let s1 = write_bag(&t1.path().join("site"), &b1, &bag_info()).unwrap();
    let s2 = write_bag(&t2.path().join("a/different/place"), &b2, &bag_info()).unwrap();
    assert_eq!(s1, s2);
    let tree1 = read_tree(&b1);
    assert_eq!(tree1, read_tree(&b2));
    assert_eq!(tree1.len(), site_files().len() + 4);
}

#[test]
fn warcs_are_byte_identical_across_locations_and_order() {
    let t1 = tempfile::tempdir().unwrap();
    let t2 = tempfile::tempdir().unwrap();
    make_site(&t1.path().join("site"), false);
    make_site(&t2.path().join("x/y"), true);
    let w1 = t1.path().join("snap.warc");
    let w2 = t2.path().join("out/snap.warc");
    let s1 = write_warc(
        &t1.path().join("site"),
        &w1,
        BASE,
        warc_date(),
        "planpub 0.1.0",
    )
    .unwrap();
    let s2 = write_warc(
        &t2.path().join("x/y"),
        &w2,
        BASE,
        warc_date(),
        "planpub 0.1.0",
    )
    .unwrap();
    assert_eq!(s1, s2);
    let indexes = site_files()
        .iter()
        .filter(|(p, _)| p.ends_with("index.html"))
        .count();
    assert_eq!(s1.responses, site_files().len());
    assert_eq!(s1.revisits, indexes);
    assert_eq!(s1.records, 1 + site_files().len() + indexes);
    let a = fs::read(&w1).unwrap();
    assert_eq!(a, fs::read(&w2).unwrap());
    let text = String::from_utf8_lossy(&a);
    assert!(text.contains("WARC-Date: 2025-06-01T08:15:00Z\r\n"));
    assert!(!text.contains(".789"));
}

#[cfg(unix)]
#[test]
fn symlinks_in_site_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    make_site(&site, false);
    std::os::unix::fs::symlink("../../outside", site.join("plans/ud")).unwrap();
    let bag = t.path().join("bag");
    let err = write_bag(&site, &bag, &bag_info()).unwrap_err();
    assert!(matches!(&err, ArchiveError::Symlink { path } if path.ends_with("plans/ud")));
    assert!(err.to_string().contains("plans/ud"), "{err}");
    assert!(!bag.exists());
    let warc = t.path().join("s.warc");
    let err = write_warc(&site, &warc, BASE, warc_date(), "planpub").unwrap_err();
    assert!(matches!(err, ArchiveError::Symlink { .. }));
    assert!(!warc.exists());
    assert_eq!(
        fs::read_dir(t.path()).unwrap().count(),
        1,
        "temp files left"
    );
}

/// The URLs the WARC must hold for the test site.
fn expected_target_uris() -> Vec<String> {
    let mut v = Vec::new();
    for (rel, _) in site_files() {
        let enc = super::encode::url_path_encode(rel);
        if let Some(dir) = enc.strip_suffix("index.html") {
            v.push(format!("{BASE}{dir}"));
        }
        v.push(format!("{BASE}{enc}"));
    }
    v.sort();
    v
}

const WARC_CHECK_PY: &str = r#"
import base64, hashlib, json, re, sys
from warcio.archiveiterator import ArchiveIterator

path, expected = sys.argv[1], set(json.loads(sys.argv[2]))
uuid_re = re.compile(r'^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>$')

def b32(data):
    return 'sha256:' + base64.b32encode(hashlib.sha256(data).digest()).decode()

types, targets, ids, responses, revisits = [], set(), set(), {}, []
with open(path, 'rb') as fh:
    for rec in ArchiveIterator(fh, check_digests=True):
        h = rec.rec_headers
        t = h.get_header('WARC-Type')
        types.append(t)
        assert h.protocol == 'WARC/1.1', h.protocol
        rid = h.get_header('WARC-Record-ID')
        assert uuid_re.match(rid), rid
        assert rid not in ids, 'duplicate id ' + rid
        ids.add(rid)
        assert h.get_header('WARC-Date') == '2025-06-01T08:15:00Z', h.get_header('WARC-Date')
        if t == 'warcinfo':
            body = rec.content_stream().read()
            assert b'software: planpub 0.1.0\r\n' in body, body
            assert h.get_header('WARC-Block-Digest') == b32(body)
            assert rec.digest_checker.passed is True, list(rec.digest_checker.problems)
            continue
        uri = h.get_header('WARC-Target-URI')
        assert uri not in targets, 'duplicate target ' + uri
        targets.add(uri)
        assert h.get_header('Content-Type') == 'application/http;msgtype=response'
        assert rec.http_headers.get_statuscode() == '200'
        if t == 'response':
            body = rec.content_stream().read()
            assert h.get_header('WARC-Payload-Digest') == b32(body), uri
            assert rec.http_headers.get_header('Content-Length') == str(len(body)), uri
            assert rec.digest_checker.passed is True, (uri, list(rec.digest_checker.problems))
            responses[uri] = (rid, h.get_header('WARC-Payload-Digest'))
        elif t == 'revisit':
            assert h.get_header('WARC-Profile') == 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest'
            revisits.append((uri, h.get_header('WARC-Refers-To-Target-URI'),
                             h.get_header('WARC-Refers-To'), h.get_header('WARC-Payload-Digest')))
        else:
            raise AssertionError('unexpected record type ' + t)

assert types[0] == 'warcinfo' and types.count('warcinfo') == 1, types
for uri, ref_uri, ref_id, digest in revisits:
    assert uri == ref_uri + 'index.html', (uri, ref_uri)
    assert responses[ref_uri] == (ref_id, digest), uri
assert targets == expected, (sorted(targets ^ expected))
pdf = 'https://plan.example.dk/plans/lokalplan-1042/h%C3%B8ringsnotat.pdf'
assert pdf in responses
print('warc ok: %d records, %d responses, %d revisits, digests verified' % (len(types), len(responses), len(revisits)))
"#;

const BAG_CHECK_PY: &str = r#"
import sys, bagit
bag = bagit.Bag(sys.argv[1])
bag.validate()
assert bag.info['Payload-Oxum'] == sys.argv[2], bag.info
print('bagit ok: version %s, %d payload files, Payload-Oxum %s, valid' % (bag.version, len(list(bag.payload_files())), bag.info['Payload-Oxum']))
"#;

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("running the validators' Python");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    println!("$ {cmd:?}\n{stdout}{stderr}");
    stdout
}

#[test]
fn python_bagit_and_warcio_accept_the_output() {
    let Some(py) = python::interpreter() else {
        return;
    };
    let (t, site, bag) = site_and_bag();
    let oxum = write_bag(&site, &t.path().join("bag2"), &bag_info())
        .unwrap()
        .oxum;
    run(Command::new(&py)
        .args(["-c", BAG_CHECK_PY])
        .arg(&bag)
        .arg(&oxum));
    run(Command::new(&py)
        .args(["-m", "bagit", "--validate"])
        .arg(&bag));

    // bagit-python must also see the damage that verify_bag sees.
    fs::write(bag.join("data/index.html"), "changed").unwrap();
    let out = Command::new(&py)
        .args(["-c", BAG_CHECK_PY])
        .arg(&bag)
        .arg(&oxum)
        .output()
        .unwrap();
    assert!(!out.status.success(), "bagit accepted a damaged bag");

    let warc = t.path().join("site.warc");
    write_warc(&site, &warc, BASE, warc_date(), "planpub 0.1.0").unwrap();
    let cli = "import sys; from warcio.cli import main; main(sys.argv[1:])";
    let check = run(Command::new(&py)
        .args(["-c", cli, "check", "-v"])
        .arg(&warc));
    assert!(!check.contains("failed"), "{check}");
    assert!(check.contains("digest pass"), "{check}");
    let index = run(Command::new(&py)
        .args([
            "-c",
            cli,
            "index",
            "-f",
            "warc-type,warc-target-uri,warc-payload-digest,http:status,http:content-type",
        ])
        .arg(&warc));
    assert_eq!(
        index.lines().count(),
        1 + site_files().len() + expected_target_uris().len() - site_files().len()
    );
    let expected = format!(
        "[{}]",
        expected_target_uris()
            .iter()
            .map(|u| format!("\"{u}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let out = run(Command::new(&py)
        .args(["-c", WARC_CHECK_PY])
        .arg(&warc)
        .arg(expected));
    assert!(out.contains("warc ok"), "{out}");

    // warcio must also notice a changed byte in a payload.
    let mut bytes = fs::read(&warc).unwrap();
    let pos = bytes.windows(9).position(|w| w == b"Lokalplan").unwrap();
    bytes[pos] = b'X';
    let damaged = t.path().join("damaged.warc");
    fs::write(&damaged, bytes).unwrap();
    let out = Command::new(&py)
        .args(["-c", cli, "check"])
        .arg(&damaged)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "warcio check accepted a damaged WARC"
    );
    println!("damaged WARC: {}", String::from_utf8_lossy(&out.stdout));
}
