//! Fixture sites in temporary folders, built through the real `planpub` binary.
//!
//! Each test file uses only part of this module.
#![allow(dead_code)]

/// The independent Python validators (bagit, warcio, icalendar, …), one helper shared
/// with the unit tests in src/.
#[path = "../python/validators.rs"]
pub mod python;

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

/// The build moment used by every fixture build unless a test says otherwise.
pub const NOW: &str = "2008-06-01";

pub const SITE_YAML: &str = "title: Testkommunens planer\nlanguage: da\nbase_url: https://planer.test.dk/\norganisation: Testkommune\n";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_planpub")
}

/// A planpub command with a clean environment for the build moment, speaking
/// English (the tests of the Danish messages ask for Danish themselves).
pub fn planpub() -> Command {
    let mut c = Command::new(bin());
    c.env_remove("SOURCE_DATE_EPOCH");
    c.env("PLANPUB_LANG", "en");
    c
}

/// What a run of the binary printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from_output(o: Output) -> Run {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// Everything printed, for assertions on messages.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }

    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert!(
            self.ok(),
            "planpub failed ({:?})\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_failed(&self) -> &Self {
        assert!(
            !self.ok() && self.code.is_some(),
            "planpub should have failed with an exit status, got {:?}\nstdout:\n{}\nstderr:\n{}",
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }

    /// The diagnostic lines (`error: …` / `warning: …`) with their help lines.
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect()
    }

    /// The one `error:` line that mentions `needle`, failing if none does.
    #[track_caller]
    pub fn error_about(&self, needle: &str) -> String {
        let found: Vec<&str> = self
            .error_lines()
            .into_iter()
            .filter(|l| l.contains(needle))
            .collect();
        assert!(
            !found.is_empty(),
            "no error line mentions {needle:?}\nstderr:\n{}",
            self.stderr
        );
        found[0].to_string()
    }
}

pub fn run(cmd: &mut Command) -> Run {
    Run::from_output(cmd.output().expect("run planpub"))
}

/// A site folder in a temporary directory, plus an output folder beside it.
pub struct Site {
    dir: Arc<tempfile::TempDir>,
}

impl Default for Site {
    fn default() -> Self {
        Self::new()
    }
}

impl Site {
    /// A site with a minimal `site.yaml` and an empty `content/`.
    pub fn new() -> Site {
        let s = Site::bare();
        s.write("site.yaml", SITE_YAML.as_bytes());
        std::fs::create_dir_all(s.root().join("content")).unwrap();
        s
    }

    /// An empty temporary folder with no site in it.
    pub fn bare() -> Site {
        let dir = tempfile::Builder::new()
            .prefix("planpub-it-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(dir.path().join("site")).unwrap();
        Site { dir: Arc::new(dir) }
    }

    /// The site root (`<tmp>/site`).
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// The default output folder used by [`Site::build`] (`<tmp>/out`, outside the root).
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }

    /// The temporary folder holding the site and its outputs.
    pub fn tmp(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(self, rel: &str, text: &str) -> Site {
        self.write(rel, text.as_bytes());
        self
    }

    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Site {
        self.write(rel, bytes);
        self
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    /// `planpub build --root <root> --out <out> --now NOW` plus `extra`.
    pub fn build_with(&self, extra: &[&str]) -> Run {
        build_at(self, NOW, extra)
    }

    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// Builds and fails the test unless the build succeeds.
    #[track_caller]
    pub fn built(&self) -> Out {
        self.build().assert_ok();
        self.output()
    }

    /// Builds at another moment.
    #[track_caller]
    pub fn built_at(&self, now: &str) -> Out {
        build_at(self, now, &[]).assert_ok();
        self.output()
    }

    /// The output folder as an [`Out`] that keeps the temporary folder alive.
    pub fn output(&self) -> Out {
        Out {
            dir: self.out(),
            _keep: Some(self.dir.clone()),
        }
    }

    /// `planpub check --root <root> --now NOW` plus `extra`.
    pub fn check(&self, extra: &[&str]) -> Run {
        let mut c = planpub();
        c.arg("check")
            .arg("--root")
            .arg(self.root())
            .args(["--now", NOW])
            .args(extra);
        run(&mut c)
    }
}

/// A built site on disk.
pub struct Out {
    pub dir: PathBuf,
    _keep: Option<Arc<tempfile::TempDir>>,
}

impl Out {
    pub fn at(dir: impl Into<PathBuf>) -> Out {
        Out {
            dir: dir.into(),
            _keep: None,
        }
    }

    /// An output folder inside `tmp`, which is deleted when the `Out` is dropped.
    pub fn in_temp(tmp: tempfile::TempDir, dir: impl Into<PathBuf>) -> Out {
        Out {
            dir: dir.into(),
            _keep: Some(Arc::new(tmp)),
        }
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.dir.join(rel).is_file()
    }

    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        let p = self.dir.join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}\nfiles:\n{}",
                p.display(),
                self.files().join("\n")
            )
        })
    }

    #[track_caller]
    pub fn html(&self, rel: &str) -> Page {
        Page(Html::parse_document(&self.read(rel)))
    }

    #[track_caller]
    pub fn json(&self, rel: &str) -> serde_json::Value {
        serde_json::from_str(&self.read(rel))
            .unwrap_or_else(|e| panic!("{rel} is not valid JSON: {e}"))
    }

    /// Every file below the output, as sorted relative paths with `/`.
    pub fn files(&self) -> Vec<String> {
        snapshot(&self.dir).into_keys().collect()
    }

    /// Files whose bytes or path contain `needle`.
    pub fn files_containing(&self, needle: &str) -> Vec<String> {
        snapshot(&self.dir)
            .into_iter()
            .filter(|(p, b)| p.contains(needle) || contains(b, needle.as_bytes()))
            .map(|(p, _)| p)
            .collect()
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Every file below `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    walk(dir, dir, &mut out);
    out
}

/// A parsed HTML page.
pub struct Page(pub Html);

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Page {
    /// The whitespace-normalised text of every element matching `css`.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.0
            .select(&sel(css))
            .map(|e| squash(&e.text().collect::<String>()))
            .collect()
    }

    /// The text of the first element matching `css`.
    #[track_caller]
    pub fn text(&self, css: &str) -> String {
        self.texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css}"))
    }

    /// The value of `attr` on every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.0
            .select(&sel(css))
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    #[track_caller]
    pub fn attr(&self, css: &str, attr: &str) -> String {
        self.attrs(css, attr)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {css} with attribute {attr}"))
    }

    pub fn count(&self, css: &str) -> usize {
        self.0.select(&sel(css)).count()
    }

    /// The whole visible text of the page, normalised.
    pub fn body_text(&self) -> String {
        self.text("body")
    }

    /// `(text, href)` of every link matching `css`.
    pub fn links(&self, css: &str) -> Vec<(String, String)> {
        self.0
            .select(&sel(css))
            .map(|e| {
                (
                    squash(&e.text().collect::<String>()),
                    e.value().attr("href").unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    /// The href of the first link matching `css` whose text contains `text`.
    #[track_caller]
    pub fn href_of(&self, css: &str, text: &str) -> String {
        self.links(css)
            .into_iter()
            .find(|(t, _)| t.contains(text))
            .map(|(_, h)| h)
            .unwrap_or_else(|| {
                panic!(
                    "no link {css} with text {text:?}; links: {:?}",
                    self.links(css)
                )
            })
    }

    /// The `<dd>` following the `<dt>` with exactly this text, within `css`.
    #[track_caller]
    pub fn fact(&self, css: &str, term: &str) -> String {
        let dl = self
            .0
            .select(&sel(css))
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css}"));
        let mut take = false;
        for el in dl.children().filter_map(scraper::ElementRef::wrap) {
            let name = el.value().name();
            let text = squash(&el.text().collect::<String>());
            if take && name == "dd" {
                return text;
            }
            take = name == "dt" && text == term;
        }
        panic!("no fact {term:?} in {css}: {}", squash(&dl.html()));
    }
}

/// Resolves a relative href found on the page at `page` (a site-relative file path such
/// as `planer/x/index.html`) to a site-relative path, adding `index.html` for folders.
pub fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the file name
    let href = href.split(['#', '?']).next().unwrap_or("");
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut p = parts.join("/");
    if href.ends_with('/') || href.is_empty() {
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str("index.html");
    }
    p
}

/// Percent-decodes a URL component (UTF-8).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The example site (the repository root) built at `now` into a temporary folder.
#[allow(dead_code)]
#[track_caller]
pub fn example_at(now: &str) -> Out {
    example_as_of(Some(now))
}

/// The example site built as of `now`, or as of the clock when `None` (without
/// `SOURCE_DATE_EPOCH`, as `cargo run --release -- build` on a fresh machine).
#[allow(dead_code)]
#[track_caller]
pub fn example_as_of(now: Option<&str>) -> Out {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--out")
        .arg(&out)
        .env_remove("SOURCE_DATE_EPOCH");
    if let Some(now) = now {
        c.args(["--now", now]);
    }
    run(&mut c).assert_ok();
    Out::in_temp(tmp, out)
}

/// `planpub check --root <site> --now <now>`.
#[allow(dead_code)]
pub fn check_at(site: &Site, now: &str) -> Run {
    let mut c = planpub();
    c.arg("check")
        .arg("--root")
        .arg(site.root())
        .args(["--now", now]);
    run(&mut c)
}

/// The events of an iCalendar file, parsed with the `ical` crate: property name → value.
#[allow(dead_code)]
#[track_caller]
pub fn ics_events(out: &Out, rel: &str) -> Vec<BTreeMap<String, String>> {
    let text = out.read(rel);
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .unwrap_or_else(|| panic!("{rel}: no calendar"))
        .unwrap_or_else(|e| panic!("{rel} does not parse: {e}"));
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

/// `planpub check --format json` at `now`: the diagnostics as JSON values.
#[allow(dead_code)]
pub fn check_json(site: &Site, now: &str, extra: &[&str]) -> (bool, Vec<serde_json::Value>) {
    let mut c = planpub();
    c.arg("check")
        .arg("--root")
        .arg(site.root())
        .args(["--now", now, "--format", "json"])
        .args(extra);
    let r = run(&mut c);
    let v: serde_json::Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("check --format json: {e}\n{}", r.all()));
    let ok = v["ok"].as_bool().expect("ok");
    assert_eq!(ok, r.ok(), "exit status must agree with `ok`");
    (ok, v["diagnostics"].as_array().cloned().unwrap_or_default())
}

/// Builds at `now` into the site's output folder, returning the run (built or not).
#[allow(dead_code)]
pub fn build_at(site: &Site, now: &str, extra: &[&str]) -> Run {
    let mut c = planpub();
    c.arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .args(["--now", now])
        .args(extra);
    run(&mut c)
}

/// The validators' Python (tests/python/requirements.txt, prepared by
/// [`python::interpreter`]) for a check that imports `modules`; `None` (the test is
/// skipped, and says so) only when PLANPUB_SKIP_PYTHON=1.
#[allow(dead_code)]
pub fn python(modules: &[&str]) -> Option<Python> {
    let python = python::interpreter()?;
    let probe = format!("import {}", modules.join(", "));
    let r = run(Command::new(&python).args(["-c", &probe]));
    assert!(
        r.ok(),
        "the validators' Python cannot import {}: add it to tests/python/requirements.txt\n{}",
        modules.join(", "),
        r.all()
    );
    Some(Python(python))
}

/// The validators' Python interpreter, found by [`python`].
#[allow(dead_code)]
pub struct Python(PathBuf);

#[allow(dead_code)]
impl Python {
    /// Runs `script` with `args` (`sys.argv[1:]`).
    pub fn run(&self, script: &str, args: &[&std::ffi::OsStr]) -> Run {
        run(Command::new(&self.0).arg("-c").arg(script).args(args))
    }
}

/// Whether a check that needs the browser suite's tools (Java and the Nu HTML Checker,
/// Node.js and ical.js, installed by `npm ci --prefix tests/browser`) may be skipped
/// when they are missing. They are not part of the README's fresh-machine promise
/// (Rust and Python 3), so `cargo test` skips them with a visible line; `.ci/run`
/// installs them first and sets PLANPUB_REQUIRE_BROWSER_TOOLS=1, which makes a
/// missing tool a failure.
#[allow(dead_code)]
pub fn browser_tool_missing(what: &str) {
    if std::env::var("PLANPUB_REQUIRE_BROWSER_TOOLS").as_deref() == Ok("1") {
        panic!(
            "{what} is needed: `npm ci --prefix tests/browser --ignore-scripts` and a Java runtime (PLANPUB_REQUIRE_BROWSER_TOOLS=1 is set)"
        );
    }
    println!(
        "SKIPPED: {what} is not installed (`npm ci --prefix tests/browser --ignore-scripts`; .ci/run does it)"
    );
}

/// The Nu HTML Checker's jar, installed by `npm ci --prefix tests/browser`, with a
/// Java runtime; `None` when missing (see [`browser_tool_missing`]).
#[allow(dead_code)]
pub fn vnu() -> Option<PathBuf> {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if jar.is_file() && java {
        return Some(jar);
    }
    browser_tool_missing("the Nu HTML Checker (vnu.jar and java)");
    None
}
