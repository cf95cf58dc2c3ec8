//! The machine formats against independent tools (issue 15): every JSON file of the API
//! against its published JSON Schema (the `jsonschema` crate), a consumer that knows
//! only docs/open-data.md, the DCAT-AP catalogue as RDF (rdflib), addresses with
//! spaces, Danish letters and reserved characters (the Nu HTML Checker, Python's
//! `urllib`), calendars (Python `icalendar` and `vobject`), and JSON-LD (extruct, and
//! the schema.org vocabulary).

mod common;

use common::{Out, Site, percent_decode};
use serde_json::Value;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::Path;

const BASE: &str = "https://planer.test.dk/";
const MOMENTS: [&str; 4] = ["2008-05-01", "2008-06-01", "2008-06-03T20:00", "2008-09-01"];

/// Attachment names a person might choose: spaces, Danish letters, reserved characters.
const ODD: [&str; 4] = [
    "bilag æøå 2.pdf",
    "notat (endelig) #2 & 100%.pdf",
    "bilag/høring 1?.pdf",
    "Ærø+Å=ø;.docx",
];

fn odd_site() -> Site {
    let site = Site::new()
        .file(
            "site.yaml",
            "title: Testkommunens planer\nlanguage: da\nbase_url: https://planer.test.dk/\norganisation: Testkommune\ndescription: Planer, høringer og beslutninger i Testkommune.\ncontact:\n  name: Testkommune, Kommunikation\n  email: planer@test.dk\n  phone: \"+45 11 22 33 44\"\n  address: Rådhuset, Torvet 1, 9999 Testby\nlicence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n",
        )
        .file(
            "content/planer/hovedplan/index.md",
            "---\ntype: plan\ntitle: Hovedplan for ældreområdet\nsummary: Planen for ældreområdet.\npublished: 2008-04-01\nstatus: hearing\narea: Ældre\ntags: [ældre, plan]\nowner: Sundhed og Omsorg\ncase_number: 2008-11111\nattachments:\n  - { title: Bilag æøå, file: \"bilag æøå 2.pdf\" }\n  - { title: Notat, file: \"notat (endelig) #2 & 100%.pdf\" }\n  - { title: Høringsbilag, file: \"bilag/høring 1?.pdf\" }\n  - { title: Skema, file: \"Ærø+Å=ø;.docx\" }\ntimeline:\n  - when: april 2008\n    what: Udkast\n  - when: 22. maj til 20. juni 2008\n    what: Høring\n    kind: hearing\n    hearing: hoering-hovedplan\n  - when: 27. august 2008\n    what: Beslutning\n    kind: decision\n    decision: beslutning-hovedplan\n  - undated: efter behov\n    what: Opfølgning\ntracks:\n  - name: Organisering\n    actions:\n      - what: To fagchefer\n        when: januar – juni 2009\n        level: central\n---\n\nPlanens tekst med et [bilag](/planer/hovedplan/bilag%20%C3%A6%C3%B8%C3%A5%202.pdf).\n",
        )
        .file(
            "content/planer/delplan.md",
            "---\ntype: plan\ntitle: Delplan for hjemmeplejen\nparent: hovedplan\n---\n\nDelplanen.\n",
        )
        .file(
            "content/hoeringer/hoering-hovedplan/index.md",
            "---\ntype: hearing\ntitle: Høring over hovedplanen\nsummary: Sig din mening om hovedplanen.\nplan: hovedplan\nauthority: Sundhed og Omsorg\nopens: 2008-05-22\ncloses: 2008-06-20 12:00\nrespond:\n  email: hoering@test.dk\n  address: Sundhed og Omsorg, Torvet 1, 9999 Testby\n  url: https://borger.test.dk/svar/\ndocuments:\n  - { title: Høringsmateriale, file: \"høringsmateriale æøå.pdf\" }\nmeetings:\n  - when: 2008-06-03 19:00\n    until: \"21:30\"\n    where: Festsalen, Rådhuset\n    address: Torvet 1, 9999 Testby\n    what: Borgermøde\n  - when: 4. juni 2008 kl. 17.00-19.00\n    where: Biblioteket, Bibliotekvej 2, 9999 Testby\n    what: Dialogmøde\n  - when: 2008-06-05 10:00\n    where: Plejecentret\n    what: Formiddagsmøde\n  - when: 2008-06-06\n    what: Åbent hus\nresponses:\n  - { from: Ældrerådet, file: \"svar fra ø.pdf\", received: 2008-06-19 }\nsummary_note: { title: Høringsnotat, file: \"høringsnotat 1.pdf\" }\n---\n\nHøringen.\n",
        )
        .file(
            "content/beslutninger/beslutning-hovedplan.md",
            "---\ntype: decision\ntitle: Hovedplanen vedtages\nsummary: Udvalget vedtog planen.\nbody: Sundheds- og Omsorgsudvalget\nmeeting: 2008-08-27\ncase_number: 2008-11111\nitem: 3\nplans: [hovedplan]\nhearings: [hoering-hovedplan]\nrecommendations:\n  - text: At planen godkendes\n    outcome: approved\n    remark: Med en bemærkning.\nabsent: [A. Andersen]\n---\n\nSagsfremstilling.\n",
        )
        .file(
            "content/beslutninger/lukket.md",
            "---\ntype: decision\ntitle: Lukket punkt\nbody: Sundheds- og Omsorgsudvalget\nmeeting: 2008-08-27\nitem: 4\naccess: closed\n---\n\nFortroligt.\n",
        );
    for (i, name) in ODD.iter().enumerate() {
        site.write(
            &format!("content/planer/hovedplan/{name}"),
            format!("%PDF-1.4 bilag {i}\n").as_bytes(),
        );
    }
    for name in [
        "høringsmateriale æøå.pdf",
        "svar fra ø.pdf",
        "høringsnotat 1.pdf",
    ] {
        site.write(
            &format!("content/hoeringer/hoering-hovedplan/{name}"),
            format!("%PDF-1.4 {name}\n").as_bytes(),
        );
    }
    site
}

/// The fixture and the example site at moments before, during and after the hearings.
fn builds() -> Vec<(String, Out)> {
    let site = odd_site();
    let mut v = Vec::new();
    for now in MOMENTS {
        let out = site.built_at(now);
        // Each build replaces the last in the site's output folder: keep a copy.
        let tmp = tempfile::tempdir().unwrap();
        let copy = tmp.path().join("out");
        copy_dir(&out.dir, &copy);
        v.push((format!("fixture at {now}"), Out::in_temp(tmp, copy)));
    }
    for now in ["2008-05-01", "2008-06-01", "2008-09-01", "2024-01-01"] {
        v.push((format!("example at {now}"), common::example_at(now)));
    }
    v
}

fn copy_dir(from: &Path, to: &Path) {
    for (rel, bytes) in common::snapshot(from) {
        let p = to.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// The file an address of the site is published as.
fn local(out: &Out, base: &str, url: &str) -> std::path::PathBuf {
    let rel = url
        .strip_prefix(base)
        .unwrap_or_else(|| panic!("{url} is not on {base}"));
    let rel = percent_decode(rel.split(['#', '?']).next().unwrap());
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    };
    out.dir.join(rel)
}

fn base_of(out: &Out) -> String {
    out.json("api/index.json")["url"]
        .as_str()
        .unwrap()
        .to_string()
}

// ---------------------------------------------------------------- JSON Schema

/// The published schema made strict: no key that it does not name.
fn strict(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("properties") && !m.contains_key("additionalProperties") {
                    m.insert("additionalProperties".into(), Value::Bool(false));
                }
                for x in m.values_mut() {
                    walk(x);
                }
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

#[test]
fn every_api_document_matches_its_published_schema() {
    let mut checked = 0;
    for (label, out) in builds() {
        let base = base_of(&out);
        let mut schemas_seen = BTreeSet::new();
        for f in out.files().into_iter().filter(|f| f.starts_with("api/")) {
            if f.ends_with(".jsonld") {
                continue;
            }
            let doc = out.json(&f);
            if f.starts_with("api/schema/") {
                assert!(
                    jsonschema::meta::is_valid(&doc),
                    "{label}: {f} is not a valid JSON Schema"
                );
                assert_eq!(
                    doc["$schema"],
                    "https://json-schema.org/draft/2020-12/schema"
                );
                assert_eq!(doc["$id"], format!("{base}{f}"), "{label}: {f}");
                continue;
            }
            let url = doc["$schema"]
                .as_str()
                .unwrap_or_else(|| panic!("{label}: {f} has no $schema"));
            let schema_file = local(&out, &base, url);
            let schema: Value =
                serde_json::from_slice(&std::fs::read(&schema_file).unwrap_or_else(|e| {
                    panic!("{label}: {f} names {url}, which is not published: {e}")
                }))
                .unwrap();
            schemas_seen.insert(url.to_string());
            for (how, s) in [("published", schema.clone()), ("strict", strict(schema))] {
                let errors: Vec<String> = validator(&s)
                    .iter_errors(&doc)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{label}: {f} does not match its {how} schema {url}:\n{}",
                    errors.join("\n")
                );
            }
            checked += 1;
        }
        assert_eq!(schemas_seen.len(), 8, "{label}: {schemas_seen:?}");
    }
    assert!(checked > 80, "only {checked} documents checked");
}

#[test]
fn the_schemas_refuse_what_the_contract_does_not_allow() {
    let out = odd_site().built();
    let schema = strict(out.json("api/schema/v1/hearing.json"));
    let v = validator(&schema);
    let good = out.json("api/hearings/hoering-hovedplan.json");
    assert!(v.is_valid(&good));
    for (pointer, bad) in [
        ("/state", Value::from("maybe")),
        ("/closes/deadline", Value::from("20. juni")),
        ("/documents/0/sha256", Value::from("abc")),
        ("/documents/0/bytes", Value::from(-1)),
        ("/plan/id", Value::from("hovedplan")),
        ("/modified", Value::from("2008-06-01")),
    ] {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).unwrap() = bad.clone();
        assert!(!v.is_valid(&doc), "{pointer} = {bad} passed");
    }
    let mut extra = good.clone();
    extra["surprise"] = Value::from(1);
    assert!(
        !v.is_valid(&extra),
        "an unknown key passed the strict schema"
    );
}

// ---------------------------------------------------------------- the consumer

/// A client written from docs/open-data.md alone: it starts at `/api/index.json`,
/// follows the endpoints, every index entry's `json`, every related item's `json`,
/// and checks every file's size and SHA-256.
struct Consumer<'a> {
    out: &'a Out,
    base: String,
    fetched: BTreeSet<String>,
    files: usize,
}

impl Consumer<'_> {
    fn get(&mut self, url: &str) -> Value {
        self.fetched.insert(url.to_string());
        let p = local(self.out, &self.base, url);
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("GET {url}: {e}"));
        serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{url} is not JSON: {e}"))
    }

    /// Every link (`{"id", "json", …}`) and file (`{"sha256", …}`) inside a record.
    fn follow(&mut self, v: &Value) {
        match v {
            Value::Object(m) => {
                if let (Some(id), Some(json)) = (m.get("id"), m.get("json"))
                    && m.contains_key("slug")
                {
                    let target = self.get(json.as_str().unwrap());
                    assert_eq!(&target["id"], id, "{json} has another id");
                }
                if let Some(sha) = m.get("sha256") {
                    let url = m["url"].as_str().unwrap();
                    let bytes = std::fs::read(local(self.out, &self.base, url))
                        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
                    assert_eq!(m["bytes"], bytes.len() as u64, "{url}");
                    use sha2::Digest;
                    let hex: String = sha2::Sha256::digest(&bytes)
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect();
                    assert_eq!(sha.as_str().unwrap(), hex, "{url}");
                    assert!(m["media_type"].as_str().unwrap().contains('/'));
                    self.files += 1;
                }
                for x in m.values() {
                    self.follow(x);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| self.follow(x)),
            _ => {}
        }
    }
}

#[test]
fn a_consumer_walks_the_whole_api_from_the_index() {
    for (label, out) in builds() {
        let base = base_of(&out);
        let mut c = Consumer {
            out: &out,
            base: base.clone(),
            fetched: BTreeSet::new(),
            files: 0,
        };
        let index = c.get(&format!("{base}api/index.json"));
        assert!(index["api_version"].as_str().unwrap().starts_with("1."));
        assert!(
            index["built_as_of"].as_str().unwrap().len() >= 25,
            "{label}"
        );
        let endpoints = index["endpoints"].as_array().unwrap().clone();
        let mut templates = std::collections::BTreeMap::new();
        for ep in &endpoints {
            let url = ep["url"].as_str().unwrap();
            if url.contains("{slug}") {
                templates.insert(ep["name"].as_str().unwrap().to_string(), url.to_string());
                continue;
            }
            if ep["media_type"] == "application/json" {
                let doc = c.get(url);
                assert_eq!(doc["$schema"], ep["schema"], "{label}: {url}");
            }
        }
        for (list, one) in [
            ("plans", "plan"),
            ("hearings", "hearing"),
            ("decisions", "decision"),
        ] {
            let ep = endpoints.iter().find(|e| e["name"] == list).unwrap();
            let idx = c.get(ep["url"].as_str().unwrap());
            let entries = idx[list].as_array().unwrap();
            assert_eq!(idx["count"], entries.len(), "{label}: {list}");
            for e in entries {
                let rec = c.get(e["json"].as_str().unwrap());
                for k in [
                    "id", "type", "slug", "title", "url", "json", "created", "modified",
                ] {
                    assert_eq!(
                        rec[k], e[k],
                        "{label}: {list} entry and record differ in {k}"
                    );
                }
                assert_eq!(rec["type"], one);
                let from_template = templates[one].replace("{slug}", e["slug"].as_str().unwrap());
                assert_eq!(rec["json"], from_template.as_str());
                assert!(local(&out, &base, rec["url"].as_str().unwrap()).is_file());
                c.follow(&rec);
            }
        }
        // The walk reached every record the site publishes.
        let records: BTreeSet<String> = out
            .files()
            .into_iter()
            .filter(|f| {
                f.starts_with("api/")
                    && f.matches('/').count() == 2
                    && !f.starts_with("api/schema/")
            })
            .map(|f| format!("{base}{f}"))
            .collect();
        let missed: Vec<&String> = records.difference(&c.fetched).collect();
        assert!(
            missed.is_empty(),
            "{label}: not reached from the index: {missed:?}"
        );
        if label.starts_with("fixture") {
            assert!(c.files >= 5, "{label}: {} files checked", c.files);
        }
    }
}

#[test]
fn records_carry_timestamps_links_and_file_facts() {
    let out = odd_site().built_at("2008-06-01");
    let h = out.json("api/hearings/hoering-hovedplan.json");
    assert_eq!(h["id"], "hearing:hoering-hovedplan");
    assert_eq!(h["created"], "2008-05-22T00:00:00+02:00");
    assert_eq!(
        h["modified"], "2008-05-22T00:00:00+02:00",
        "opened, not yet closed"
    );
    assert_eq!(h["plan"]["json"], format!("{BASE}api/plans/hovedplan.json"));
    let m = &h["meetings"];
    assert_eq!(m[0]["starts_at"], "2008-06-03T19:00:00+02:00");
    assert_eq!(m[0]["ends_at"], "2008-06-03T21:30:00+02:00", "until:");
    assert_eq!(m[0]["address"], "Torvet 1, 9999 Testby");
    assert_eq!(
        m[1]["ends_at"], "2008-06-04T19:00:00+02:00",
        "kl. 17.00-19.00"
    );
    assert_eq!(
        m[2]["ends_at"], "2008-06-05T12:00:00+02:00",
        "the two-hour default"
    );
    assert_eq!(m[3]["starts_at"], Value::Null, "a meeting without a time");
    assert_eq!(h["responses"], serde_json::json!([]));
    let after = odd_site().built_at("2008-09-01");
    let h = after.json("api/hearings/hoering-hovedplan.json");
    assert_eq!(
        h["modified"], "2008-06-20T12:00:01+02:00",
        "the moment it closed"
    );
    assert_eq!(h["responses"][0]["file"]["media_type"], "application/pdf");
    let d = after.json("api/decisions/beslutning-hovedplan.json");
    assert_eq!(d["modified"], "2008-08-27T00:00:00+02:00");
    let closed = after.json("api/decisions/lukket.json");
    assert!(closed.get("summary").is_none() && closed.get("recommendations").is_none());
    let idx = after.json("api/index.json");
    assert_eq!(idx["licence"]["name"], "CC BY 4.0");
    assert_eq!(idx["publisher"]["name"], "Testkommune");
    assert_eq!(idx["built_as_of"], "2008-09-01T00:00:00+02:00");
}

// ---------------------------------------------------------------- addresses

/// Every address in every output of the fixture: no raw space, non-ASCII letter or
/// reserved character of a file name survives, and each one leads to its file.
#[test]
fn every_address_planpub_writes_is_percent_encoded() {
    let out = odd_site().built_at("2008-09-01");
    // A fragment of our own (`#hearing`) may follow; before it no raw `#` may stand.
    let bad = |u: &str| {
        let before = match u.rsplit_once('#') {
            Some((b, f)) if f.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') => b,
            _ => u,
        };
        before
            .chars()
            .any(|c| c == ' ' || !c.is_ascii() || c == '#')
    };
    let encoded = "bilag%20%C3%A6%C3%B8%C3%A5%202.pdf";
    for f in [
        "planer/hovedplan/index.html",
        "api/plans/hovedplan.json",
        "feeds/alt.atom",
        "sitemap.xml",
        "kalender.ics",
        "hoeringer/hoering-hovedplan/kalender.ics",
    ] {
        let text = out.read(f);
        assert!(!text.contains("bilag æøå 2.pdf\""), "{f} has a raw address");
        if f.ends_with(".json") || f.ends_with(".html") {
            assert!(
                text.contains(encoded),
                "{f} lacks the encoded attachment address"
            );
        }
    }
    // JSON: every url.
    let mut urls = Vec::new();
    fn collect(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if (k == "url"
                        || k == "json"
                        || k.ends_with("URL")
                        || k == "@id"
                        || k == "contentUrl")
                        && let Some(s) = x.as_str()
                    {
                        out.push(s.to_string());
                    }
                    collect(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    for f in out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("api/") && !f.starts_with("api/schema/"))
    {
        collect(&out.json(&f), &mut urls);
    }
    let page = out.html("planer/hovedplan/index.html");
    for ld in page
        .0
        .select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
    {
        collect(&serde_json::from_str(&ld.inner_html()).unwrap(), &mut urls);
    }
    let mut attachments = 0;
    for u in urls.iter().filter(|u| u.starts_with(BASE)) {
        assert!(!bad(u), "raw characters in {u}");
        if u.contains("{slug}") || u.contains("#") {
            continue;
        }
        assert!(local(&out, BASE, u).is_file(), "{u} leads to no file");
        if u.contains("%C3") || u.contains("%20") {
            attachments += 1;
        }
    }
    assert!(attachments >= 6, "{attachments} attachment addresses seen");
    // HTML: every href on the plan and hearing pages.
    for p in [
        "planer/hovedplan/index.html",
        "hoeringer/hoering-hovedplan/index.html",
    ] {
        for href in out.html(p).attrs("a[href]", "href") {
            if href.starts_with("mailto:") || href.starts_with("https://creativecommons") {
                continue;
            }
            assert!(
                !href.contains(' ') && href.is_ascii(),
                "{p}: raw href {href}"
            );
            if !href.starts_with("http") && !href.starts_with('#') {
                let target = percent_decode(&common::resolve(p, &href));
                assert!(out.exists(&target), "{p}: {href} → {target} is missing");
            }
        }
    }
    // Feeds, sitemap and calendars name pages only; their addresses are checked too.
    for f in ["sitemap.xml", "feeds/alt.atom"] {
        for u in out
            .read(f)
            .split(['<', '>', '"'])
            .filter(|s| s.starts_with(BASE))
        {
            assert!(!bad(u), "{f}: {u}");
        }
    }
}

#[test]
fn python_urllib_fetches_every_address_in_the_json() {
    let Some(py) = common::python(&["urllib.request"]) else {
        return;
    };
    let out = odd_site().built_at("2008-09-01");
    let script = r#"
import sys, json, os, threading, hashlib, functools, urllib.request
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
root, base = sys.argv[1], sys.argv[2]
class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
threading.Thread(target=srv.serve_forever, daemon=True).start()
local = "http://127.0.0.1:%d/" % srv.server_address[1]
def walk(v):
    if isinstance(v, dict):
        if "sha256" in v:
            yield v
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)
n = 0
for dirpath, _, files in os.walk(os.path.join(root, "api")):
    if os.sep + "schema" in dirpath:
        continue
    for f in files:
        if not f.endswith(".json"):
            continue
        for att in walk(json.load(open(os.path.join(dirpath, f), encoding="utf-8"))):
            url = att["url"]
            # urlopen refuses addresses with raw spaces or control characters.
            urllib.request.Request(url)
            body = urllib.request.urlopen(url.replace(base, local)).read()
            assert len(body) == att["bytes"], url
            assert hashlib.sha256(body).hexdigest() == att["sha256"], url
            n += 1
srv.shutdown()
print("fetched", n)
"#;
    let run = py.run(script, &[out.dir.as_os_str(), OsStr::new(BASE)]);
    run.assert_ok();
    let n: usize = run
        .stdout
        .trim()
        .trim_start_matches("fetched ")
        .parse()
        .unwrap();
    assert!(n >= 7, "{}", run.stdout);
}

#[test]
fn the_nu_checker_finds_no_error_on_pages_with_such_attachments() {
    let Some(jar) = common::vnu() else { return };
    let out = odd_site().built_at("2008-09-01");
    let pages: Vec<std::path::PathBuf> = out
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| out.dir.join(f))
        .collect();
    assert!(pages.len() > 10);
    let o = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .args(&pages)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&o.stderr)
        .unwrap_or_else(|_| panic!("vnu: {}", String::from_utf8_lossy(&o.stderr)));
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("{}: {}", m["url"], m["message"]))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

// ---------------------------------------------------------------- calendars

const ICAL_CHECK: &str = r#"
import sys, icalendar, vobject
data = open(sys.argv[1], "rb").read()
cal = icalendar.Calendar.from_ical(data)
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    if hasattr(start, "hour"):
        assert "DTEND" in ev or "DURATION" in ev, ev.get("UID")
    end = ev.decoded("DTEND") if "DTEND" in ev else start + ev.decoded("DURATION")
    print("I", ev.get("UID"), start.isoformat(), end.isoformat())
for v in vobject.readComponents(data.decode("utf-8")):
    for ev in v.vevent_list:
        start = ev.dtstart.value
        end = ev.dtend.value if hasattr(ev, "dtend") else start + ev.duration.value
        print("V", ev.uid.value, start.isoformat(), end.isoformat())
"#;

#[test]
fn every_timed_event_ends_in_icalendar_vobject_and_ical_js() {
    let Some(py) = common::python(&["icalendar", "vobject"]) else {
        return;
    };
    let out = odd_site().built_at("2008-06-01");
    let run = py.run(
        ICAL_CHECK,
        &[out
            .dir
            .join("hoeringer/hoering-hovedplan/kalender.ics")
            .as_os_str()],
    );
    run.assert_ok();
    let uid = "hearing-hoering-hovedplan";
    for (what, start, end) in [
        (
            "meeting",
            "2008-06-03T19:00:00+02:00",
            "2008-06-03T21:30:00+02:00",
        ),
        (
            "meeting",
            "2008-06-04T17:00:00+02:00",
            "2008-06-04T19:00:00+02:00",
        ),
        (
            "meeting",
            "2008-06-05T10:00:00+02:00",
            "2008-06-05T12:00:00+02:00",
        ),
        ("meeting", "2008-06-06", "2008-06-07"),
        // The deadline: an instant at its time.
        (
            "deadline",
            "2008-06-20T12:00:00+02:00",
            "2008-06-20T12:00:00+02:00",
        ),
    ] {
        for lib in ["I", "V"] {
            // A meeting's UID ends in a hash of its texts (docs/open-data.md): match the
            // kind and the times.
            let (head, tail) = (format!("{lib} {uid}-{what}"), format!(" {start} {end}"));
            assert!(
                run.stdout
                    .lines()
                    .any(|l| l.starts_with(&head) && l.ends_with(&tail)),
                "{head}… {tail} not in\n{}",
                run.stdout
            );
        }
    }
    // ical.js (web calendars) reads the same ends, as UTC.
    if let Some(node) = ical_js() {
        let o = std::process::Command::new(node)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/ical-check.mjs"))
            .arg(out.dir.join("hoeringer/hoering-hovedplan/kalender.ics"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for line in [
            "meeting@planer.test.dk 2008-06-03T17:00:00.000Z 2008-06-03T19:30:00.000Z",
            "meeting@planer.test.dk 2008-06-05T08:00:00.000Z 2008-06-05T10:00:00.000Z",
            "meeting@planer.test.dk 2008-06-06 2008-06-07",
            "deadline@planer.test.dk 2008-06-20T10:00:00.000Z 2008-06-20T10:00:00.000Z",
        ] {
            let (what, times) = line.split_once(' ').unwrap();
            let (kind, host) = what.split_once('@').unwrap();
            assert!(
                text.lines().any(|l| l.starts_with(&format!("{uid}-{kind}"))
                    && l.ends_with(&format!("@{host} {times}"))),
                "{line} not in\n{text}"
            );
        }
    }
    // The site calendar of the example site, too.
    let ex = common::example_at("2008-06-01");
    py.run(ICAL_CHECK, &[ex.dir.join("kalender.ics").as_os_str()])
        .assert_ok();
}

/// `node`, when ical.js is installed (`npm ci --prefix tests/browser`, as `.ci/run`
/// does); `None` when it is not (see `common::browser_tool_missing`).
fn ical_js() -> Option<&'static str> {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/ical.js");
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if lib.is_dir() && node {
        return Some("node");
    }
    common::browser_tool_missing("ical.js (with Node.js)");
    None
}

// ---------------------------------------------------------------- DCAT-AP

const DCAT_CHECK: &str = r#"
import sys, rdflib
from rdflib.namespace import RDF, DCTERMS, FOAF, DCAT
g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
def one(s, p):
    vals = list(g.objects(s, p))
    assert vals, "%s lacks %s" % (s, p)
    return vals
cats = list(g.subjects(RDF.type, DCAT.Catalog))
assert len(cats) == 1, cats
cat = cats[0]
for p in (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset):
    one(cat, p)
for agent in g.objects(None, DCTERMS.publisher):
    one(agent, FOAF.name)
datasets = list(g.objects(cat, DCAT.dataset))
for ds in datasets:
    assert (ds, RDF.type, DCAT.Dataset) in g
    for p in (DCTERMS.title, DCTERMS.description, DCAT.distribution, DCAT.contactPoint, DCAT.theme, DCAT.landingPage):
        one(ds, p)
    for dist in g.objects(ds, DCAT.distribution):
        assert (dist, RDF.type, DCAT.Distribution) in g
        one(dist, DCAT.accessURL)
        for m in one(dist, DCAT.mediaType):
            assert str(m).startswith("https://www.iana.org/assignments/media-types/"), m
        print("DIST", ds, one(dist, DCAT.downloadURL)[0], ";".join(str(x) for x in g.objects(dist, DCTERMS.license)))
print("DATASETS", len(datasets))
print("LICENCE", ";".join(str(x) for x in g.objects(cat, DCTERMS.license)))
print("LANG", one(cat, DCTERMS.language)[0])
"#;

#[test]
fn the_dcat_catalogue_is_rdf_with_the_mandatory_dcat_ap_properties() {
    let Some(py) = common::python(&["rdflib"]) else {
        return;
    };
    for (label, out) in [
        ("fixture", odd_site().built_at("2008-09-01")),
        ("example", common::example_at("2008-06-01")),
    ] {
        let run = py.run(
            DCAT_CHECK,
            &[out.dir.join("api/catalog.jsonld").as_os_str()],
        );
        run.assert_ok();
        assert!(run.stdout.contains("DATASETS 3"), "{label}: {}", run.stdout);
        assert!(
            run.stdout
                .contains("LANG http://publications.europa.eu/resource/authority/language/DAN"),
            "{label}: {}",
            run.stdout
        );
        let base = base_of(&out);
        // Each JSON distribution is a file that is published.
        for line in run.stdout.lines().filter(|l| l.starts_with("DIST")) {
            let url = line.split(' ').nth(2).unwrap();
            assert!(local(&out, &base, url).is_file(), "{label}: {url}");
        }
        if label == "fixture" {
            assert!(
                run.stdout
                    .contains("LICENCE https://creativecommons.org/licenses/by/4.0/"),
                "{}",
                run.stdout
            );
        }
    }
}

// ---------------------------------------------------------------- JSON-LD

/// extruct reads the pages' JSON-LD; every node is then checked against the schema.org
/// vocabulary (types, the properties each type has, the types each property takes),
/// and the events against what Google's event rich results require.
const JSONLD_CHECK: &str = r#"
import sys, os, csv, json, extruct, schemaorg
data = os.path.join(os.path.dirname(schemaorg.__file__), "data", "releases")
release = sorted(os.listdir(data), key=lambda v: [int(x) for x in v.split(".")])[-1]
def rows(kind):
    with open(os.path.join(data, release, "schemaorg-current-https-%s.csv" % kind), encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}
types, props = rows("types"), rows("properties")
def split(s): return [x.strip() for x in s.split(",") if x.strip()]
def supers(t):
    out, todo = set(), [t]
    while todo:
        x = todo.pop()
        if x in out or x not in types: continue
        out.add(x); todo.extend(split(types[x]["subTypeOf"]))
    return out
S = "https://schema.org/"
literal = {S + t for t in ("Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean", "Time")}
problems, seen = [], []
def check(node, where):
    t = node.get("@type")
    if t is None: return
    for tt in (t if isinstance(t, list) else [t]):
        if S + tt not in types:
            problems.append("%s: unknown type %s" % (where, tt)); return
    t = t if isinstance(t, str) else t[0]
    seen.append(t)
    allowed = set(split(types[S + t]["properties"]))
    for k, v in node.items():
        if k.startswith("@"): continue
        if S + k not in allowed:
            problems.append("%s: %s has no property %s" % (where, t, k)); continue
        ranges = set(split(props[S + k]["rangeIncludes"]))
        for x in (v if isinstance(v, list) else [v]):
            if isinstance(x, dict) and "@type" in x:
                if not (supers(S + x["@type"]) & ranges):
                    problems.append("%s: %s.%s cannot be a %s" % (where, t, k, x["@type"]))
                check(x, where + "." + k)
            elif isinstance(x, dict):
                pass
            elif isinstance(x, str) and x in types and types[x]["enumerationtype"]:
                # An enumeration member, such as https://schema.org/EventScheduled.
                if not (supers(types[x]["enumerationtype"]) & ranges):
                    problems.append("%s: %s.%s cannot be %s" % (where, t, k, x))
            elif not (literal & ranges):
                problems.append("%s: %s.%s takes %s, not a literal" % (where, t, k, sorted(ranges)))
def google_event(e, where):
    # Google's event rich results: name, startDate and a location; a Place needs an
    # address, a VirtualLocation a url.
    # The fixture's last two meetings give no address and no place: nothing to invent.
    vague = e["name"] in ("Formiddagsmøde", "Åbent hus")
    for k in ("name", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode", "organizer", "description"):
        if k not in e and not (vague and k == "location"): problems.append("%s: Event lacks %s" % (where, k))
    locs = e.get("location", [])
    for l in (locs if isinstance(locs, list) else [locs]):
        if l.get("@type") == "Place" and "address" not in l and not vague:
            problems.append("%s: Place without address" % where)
        if l.get("@type") == "VirtualLocation" and "url" not in l:
            problems.append("%s: VirtualLocation without url" % where)
for path in sys.argv[1:]:
    html = open(path, encoding="utf-8").read()
    for item in extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]:
        nodes = item.get("@graph", [item])
        for n in nodes:
            check(n, os.path.basename(os.path.dirname(path)))
            if n.get("@type") == "Event":
                google_event(n, path)
print("TYPES", " ".join(sorted(set(seen))))
for p in problems: print("PROBLEM", p)
"#;

#[test]
fn json_ld_follows_schema_org_and_googles_event_requirements() {
    let Some(py) = common::python(&["extruct", "schemaorg"]) else {
        return;
    };
    let out = odd_site().built_at("2008-06-01");
    let pages = [
        "index.html",
        "planer/hovedplan/index.html",
        "hoeringer/hoering-hovedplan/index.html",
        "beslutninger/sundheds-og-omsorgsudvalget/2008-08-27/3/index.html",
    ];
    let paths: Vec<std::path::PathBuf> = pages.iter().map(|p| out.dir.join(p)).collect();
    let args: Vec<&OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
    let run = py.run(JSONLD_CHECK, &args);
    run.assert_ok();
    assert!(!run.stdout.contains("PROBLEM"), "{}", run.stdout);
    for t in [
        "DigitalDocument",
        "Event",
        "GovernmentOrganization",
        "Legislation",
        "MediaObject",
        "Place",
        "PostalAddress",
        "VirtualLocation",
    ] {
        assert!(run.stdout.contains(t), "no {t} in {}", run.stdout);
    }
}

#[test]
fn the_hearing_is_an_event_from_opening_to_deadline() {
    let out = odd_site().built_at("2008-06-01");
    let page = out.html("hoeringer/hoering-hovedplan/index.html");
    let ld: Value = serde_json::from_str(
        &page
            .0
            .select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
            .next()
            .unwrap()
            .inner_html(),
    )
    .unwrap();
    let g = ld["@graph"].as_array().unwrap();
    let h = &g[0];
    assert_eq!(h["@type"], "Event");
    assert_eq!(h["startDate"], "2008-05-22T00:00:00+02:00");
    assert_eq!(h["endDate"], "2008-06-20T12:00:00+02:00");
    assert_eq!(
        h["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(h["about"]["@type"], "DigitalDocument");
    assert_eq!(h["location"][1]["address"]["postalCode"], "9999");
    let m = &g[1];
    assert_eq!(m["superEvent"]["@id"], h["@id"]);
    assert_eq!(m["endDate"], "2008-06-03T21:30:00+02:00");
    assert_eq!(m["location"]["name"], "Festsalen, Rådhuset");
    assert_eq!(m["location"]["address"]["streetAddress"], "Torvet 1");
    assert_eq!(g[2]["location"]["name"], "Biblioteket");
    assert_eq!(g[2]["location"]["address"]["addressLocality"], "Testby");
    assert_eq!(g[3]["location"]["name"], "Plejecentret");
    let d = out.html("beslutninger/sundheds-og-omsorgsudvalget/2008-08-27/3/index.html");
    let ld =
        d.0.select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
            .next()
            .unwrap()
            .inner_html();
    let ld: Value = serde_json::from_str(&ld).unwrap();
    assert_eq!(ld["@type"], "Legislation");
    assert_eq!(ld["legislationIdentifier"], "2008-11111");
    assert_eq!(ld["datePublished"], "2008-08-27T00:00:00+02:00");
}

#[test]
fn a_meetings_until_is_checked_with_clear_messages() {
    let hearing = |meeting: &str| {
        Site::new().file(
            "content/hoeringer/h.md",
            &format!(
                "---\ntype: hearing\ntitle: H\nopens: 2008-05-22\ncloses: 2008-06-20\nrespond: {{ email: h@test.dk }}\nmeetings:\n{meeting}---\n"
            ),
        )
    };
    let ok = hearing("  - when: 2008-06-03 19:00\n    until: kl. 21.30\n");
    ok.check(&[]).assert_ok();
    for (meeting, needle) in [
        (
            "  - when: 2008-06-03 19:00\n    until: \"18:00\"\n",
            "ends (18:00) before it starts (19:00)",
        ),
        (
            "  - when: 2008-06-03\n    until: \"21:00\"\n",
            "needs a `when` with one day and a start time",
        ),
        (
            "  - when: 2008-06-03 kl. 19-21\n    until: \"21:00\"\n",
            "given twice",
        ),
        (
            "  - when: 2008-06-03 19:00\n    until: sent\n",
            "is not a time of day",
        ),
        (
            "  - when: 2008-06-03 19:00\n    untill: \"21:00\"\n",
            "until",
        ),
    ] {
        let run = hearing(meeting).check(&[]);
        run.assert_failed();
        let line = run.error_about("h.md");
        assert!(
            run.stderr.contains(needle),
            "{meeting}: expected {needle:?}, got {line}\n{}",
            run.stderr
        );
    }
}

/// `next-change.json` finds the next change by itself (it no longer lists them all):
/// it must name the first change `planpub schedule` lists, at every moment.
#[test]
fn next_change_is_the_first_change_the_schedule_lists() {
    for now in [
        "2020-01-01",
        "2024-06-01",
        "2025-03-03T12:00",
        "2026-12-02",
        "2030-01-01",
    ] {
        let out = common::example_at(now);
        let next: Value = serde_json::from_str(&out.read("api/next-change.json")).unwrap();
        let r = common::run(
            common::planpub()
                .args(["schedule", "-f", "json", "--now", now, "--root"])
                .arg(env!("CARGO_MANIFEST_DIR")),
        );
        r.assert_ok();
        let all: Value = serde_json::from_str(&r.stdout).unwrap();
        let first = all.as_array().unwrap().iter().find(|c| c["public"] == true);
        let embargoed_first = all
            .as_array()
            .unwrap()
            .first()
            .is_some_and(|c| c["public"] == false);
        match first {
            _ if embargoed_first => {
                assert_eq!(next["what"], "scheduled publication", "{now}: {next}")
            }
            Some(c) => {
                assert_eq!(next["next_change"], c["at"], "{now}");
                assert_eq!(next["what"], c["what"], "{now}");
                assert!(
                    next["page"]
                        .as_str()
                        .unwrap()
                        .ends_with(c["page"].as_str().unwrap()),
                    "{now}: {next} / {c}"
                );
            }
            None => assert!(next["next_change"].is_null(), "{now}: {next}"),
        }
    }
}
