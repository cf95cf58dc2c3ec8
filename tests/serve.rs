//! Live preview (issue 6): `planpub serve` on a free port against a fixture site,
//! fetched with plain HTTP/1.1 over `TcpStream`; edits reload, broken front matter
//! shows the overlay, deleted pages 404, paths never escape the output, Ctrl-C stops.

mod common;

use common::{NOW, Site};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const PAGE_FILE: &str = "content/sider/om.md";
const PAGE: &str = "---\ntype: page\ntitle: Om sitet\nmenu: 1\n---\n\nDen første tekst.\n";

fn site() -> Site {
    Site::new()
        .file(PAGE_FILE, PAGE)
        .file(
            "content/planer/plan.md",
            "---\ntype: plan\ntitle: Planen\ntimeline:\n  - when: juli 2008\n    what: Vedtagelse\n---\n\nPlanens tekst.\n",
        )
        .file(
            "content/sider/kladde.md",
            "---\ntype: page\ntitle: Kladden\ndraft: true\n---\n\nKladdens tekst.\n",
        )
}

/// A running `planpub serve`, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Site, extra: &[&str]) -> Server {
    serve_at(site, Some(NOW), extra, None)
}

/// `planpub serve` as of `now` (the clock when `None`); every line it prints goes to
/// `lines` too when given.
fn serve_at(
    site: &Site,
    now: Option<&str>,
    extra: &[&str],
    lines: Option<mpsc::Sender<String>>,
) -> Server {
    // Tests run in parallel, so each takes any free port unless it tests the default.
    let port: &[&str] = if extra.contains(&"--default-port") {
        &[]
    } else {
        &["--port", "0"]
    };
    let extra: Vec<&str> = extra
        .iter()
        .copied()
        .filter(|a| *a != "--default-port")
        .collect();
    let mut cmd = Command::new(common::bin());
    // English, as every fixture run (the Danish messages have their own tests).
    cmd.env("PLANPUB_LANG", "en");
    cmd.arg("serve").arg("--root").arg(site.root()).args(port);
    if let Some(now) = now {
        cmd.args(["--now", now]);
    }
    let mut child = cmd
        .args(extra)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start planpub serve");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(l) = &lines {
                let _ = l.send(line.clone());
            }
            if let Some(rest) = line.split(" http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = tx.send(port.parse::<u16>().ok());
            }
        }
    });
    let mut server = Server { child, port: 0 };
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Some(port)) => server.port = port,
        other => panic!("no preview URL printed: {other:?}"),
    }
    // The URL is printed before the file watcher is set up; give it a moment so the
    // tests' first edit is not made before anything watches.
    std::thread::sleep(Duration::from_millis(700));
    server
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(nl) = b.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&b[..nl])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap().trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || b.len() < nl + 2 + size {
            break;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + size]);
        b = &b[(nl + 4 + size).min(b.len())..];
    }
    out
}

/// `GET target` with the target sent exactly as given.
fn get(port: u16, target: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP head for {target}: {raw:?}"));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

/// Polls `target` until `ok` holds or 5 s pass; returns the last response.
fn wait_for(port: u16, target: &str, ok: impl Fn(&Response) -> bool) -> Response {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = get(port, target);
        if ok(&r) || Instant::now() > deadline {
            return r;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An open event stream, read on its own thread.
struct Events {
    rx: mpsc::Receiver<String>,
    seen: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(
            s,
            "GET /__planpub/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = s.read(&mut buf) {
                if n == 0
                    || tx
                        .send(String::from_utf8_lossy(&buf[..n]).into_owned())
                        .is_err()
                {
                    break;
                }
            }
        });
        let mut e = Events {
            rx,
            seen: String::new(),
        };
        assert!(
            e.wait_for("event: hello", Duration::from_secs(5)),
            "{}",
            e.seen
        );
        e
    }

    /// Whether `needle` arrives (counting from now) within `limit`.
    fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let start = self.seen.len();
        let deadline = Instant::now() + limit;
        loop {
            if self.seen[start..].contains(needle) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.seen.push_str(&chunk),
                Err(_) => return self.seen[start..].contains(needle),
            }
        }
    }
}

// ---------------------------------------------------------------- tests

#[test]
fn pages_are_served_with_the_reload_script_which_build_never_writes() {
    let s = site();
    let srv = serve(&s, &[]);
    let home = get(srv.port, "/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/__planpub/events"), "no reload script");
    assert!(home.body.contains("Testkommunens planer"));
    let page = get(srv.port, "/om/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Den første tekst."));
    assert!(page.body.contains("/__planpub/events"));

    let out = s.built();
    assert!(out.exists("index.html"));
    assert_eq!(out.files_containing("__planpub"), Vec::<String>::new());
}

#[test]
fn an_edit_is_served_and_a_reload_event_sent_within_two_seconds() {
    let s = site();
    let srv = serve(&s, &[]);
    let mut events = Events::open(srv.port);
    std::thread::sleep(Duration::from_millis(300));
    let saved = Instant::now();
    s.write(
        PAGE_FILE,
        PAGE.replace("Den første tekst.", "Den nye tekst.")
            .as_bytes(),
    );
    assert!(
        events.wait_for("event: reload", Duration::from_secs(2)),
        "no reload event within 2 s; got {:?}",
        events.seen
    );
    let r = wait_for(srv.port, "/om/", |r| r.body.contains("Den nye tekst."));
    assert!(r.body.contains("Den nye tekst."), "{}", r.body);
    assert!(
        saved.elapsed() < Duration::from_secs(2),
        "took {:?}",
        saved.elapsed()
    );
    assert!(!r.body.contains("Den første tekst."));
}

#[test]
fn broken_front_matter_shows_the_overlay_until_it_is_fixed() {
    let s = site();
    // In the site's language (Danish), which `--lang` asks for over the fixtures' English.
    let srv = serve(&s, &["--lang", "da"]);
    s.write(
        PAGE_FILE,
        b"---\ntype: page\ntitle: [Om sitet\n---\n\nDen brudte tekst.\n",
    );
    let r = wait_for(srv.port, "/", |r| r.body.contains("role=\"alert\""));
    assert!(r.body.contains("role=\"alert\""), "no overlay: {}", r.body);
    let doc = scraper::Html::parse_document(&r.body);
    let alert = doc
        .select(&scraper::Selector::parse("[role=alert]").unwrap())
        .next()
        .expect("the overlay")
        .text()
        .collect::<String>();
    // file:line and the message, as the terminal prints them.
    let at = alert
        .find(&format!("{PAGE_FILE}:"))
        .expect("file:line in the overlay");
    assert!(
        alert[at + PAGE_FILE.len() + 1..].starts_with(|c: char| c.is_ascii_digit()),
        "{alert}"
    );
    // The site is Danish, so is the overlay: the message, its help, the editor link.
    assert!(alert.contains("YAML-teksten kan ikke læses her"), "{alert}");
    assert!(alert.contains("Sådan retter du det"), "{alert}");
    assert!(alert.contains("Åbn i editoren"), "{alert}");
    // The last good content stays under the overlay, on other pages too.
    let page = get(srv.port, "/om/");
    assert!(page.body.contains("role=\"alert\""));
    assert!(page.body.contains("Den første tekst."), "{}", page.body);

    s.write(PAGE_FILE, PAGE.replace("første", "rettede").as_bytes());
    let r = wait_for(srv.port, "/om/", |r| {
        !r.body.contains("role=\"alert\"") && r.body.contains("Den rettede tekst.")
    });
    assert!(
        !r.body.contains("role=\"alert\""),
        "overlay stays: {}",
        r.body
    );
    assert!(r.body.contains("Den rettede tekst."));
}

#[test]
fn a_deleted_page_answers_404_with_the_themes_page() {
    let s = site();
    let srv = serve(&s, &[]);
    assert_eq!(get(srv.port, "/om/").status, 200);
    std::fs::remove_file(s.root().join(PAGE_FILE)).unwrap();
    let r = wait_for(srv.port, "/om/", |r| {
        r.status == 404 && r.body.contains("Siden findes ikke")
    });
    assert_eq!(r.status, 404);
    assert!(r.body.contains("Siden findes ikke"), "{}", r.body);
    let other = get(srv.port, "/findes/ikke/");
    assert_eq!(other.status, 404);
    assert!(other.body.contains("Siden findes ikke"));
    assert!(
        other
            .header("content-type")
            .unwrap_or("")
            .starts_with("text/html")
    );
}

#[test]
fn no_url_reaches_a_file_outside_the_output() {
    let s = site();
    // A file beside the site root and the site's own source are outside the output.
    std::fs::write(s.tmp().join("secret.txt"), "HEMMELIGT-INDHOLD").unwrap();
    let srv = serve(&s, &[]);
    assert_eq!(get(srv.port, "/assets/planpub.css").status, 200);
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/assets%2f..%2f..%2fsecret.txt",
        "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/../site/site.yaml",
        "/../../site/content/sider/om.md",
    ] {
        let r = get(srv.port, target);
        assert_ne!(r.status, 200, "{target} was served: {}", r.body);
        assert!(!r.body.contains("HEMMELIGT"), "{target}");
        assert!(!r.body.contains("root:x:0"), "{target}");
        assert!(!r.body.contains("base_url:"), "{target}");
    }
}

#[test]
fn files_are_served_with_their_content_types() {
    let s = site();
    let srv = serve(&s, &[]);
    for (target, want) in [
        ("/", "text/html"),
        ("/om/", "text/html"),
        ("/assets/planpub.css", "text/css"),
        ("/kalender.ics", "text/calendar"),
        ("/planer/plan/kalender.ics", "text/calendar"),
        ("/api/plans.json", "application/json"),
    ] {
        let r = get(srv.port, target);
        assert_eq!(r.status, 200, "{target}");
        let ct = r.header("content-type").unwrap_or("");
        assert!(ct.starts_with(want), "{target}: {ct}");
    }
    let feed = get(srv.port, "/feeds/alt.atom");
    assert_eq!(feed.status, 200);
    let ct = feed.header("content-type").unwrap_or("");
    assert!(
        ct.starts_with("application/atom+xml") || ct.starts_with("application/xml"),
        "{ct}"
    );
    assert!(feed.body.contains("<feed"));
    assert!(
        !feed.body.contains("__planpub"),
        "script injected into a feed"
    );
}

#[test]
fn atom_feeds_are_served_as_atom() {
    let s = site();
    let srv = serve(&s, &[]);
    let ct = get(srv.port, "/feeds/alt.atom")
        .header("content-type")
        .unwrap_or("")
        .to_string();
    assert!(ct.starts_with("application/atom+xml"), "{ct}");
}

#[test]
fn drafts_are_shown_only_with_the_drafts_flag_and_marked() {
    let s = site();
    {
        let srv = serve(&s, &[]);
        assert_eq!(get(srv.port, "/kladde/").status, 404);
    }
    let srv = serve(&s, &["--drafts"]);
    let r = get(srv.port, "/kladde/");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Kladdens tekst."));
    let doc = scraper::Html::parse_document(&r.body);
    let flag = doc
        .select(&scraper::Selector::parse(".draft-flag").unwrap())
        .next()
        .expect("a draft marker")
        .text()
        .collect::<String>();
    assert!(flag.contains("Kladde"), "{flag}");
}

#[test]
fn sigint_stops_the_server_cleanly() {
    let s = site();
    let mut srv = serve(&s, &[]);
    assert_eq!(get(srv.port, "/").status, 200);
    let pid = srv.child.id().to_string();
    let ok = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(ok.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(st) = srv.child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "still running 5 s after SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    assert!(TcpStream::connect(("127.0.0.1", srv.port)).is_err());
}

/// The preview keeps time (issue 11): with the clock as its moment, a hearing whose
/// deadline passes while `serve` runs is shown closed without any edit, and the
/// terminal says why it rebuilt. The deadline is the next whole minute at least 15 s
/// away (front matter names minutes), so this waits up to 75 s.
#[test]
fn a_deadline_passing_while_the_preview_runs_closes_the_hearing() {
    use chrono::{Duration as D, Timelike, Utc};
    let tz = chrono_tz::Europe::Copenhagen;
    let start = Utc::now().with_timezone(&tz);
    let soon = start + D::seconds(15);
    let deadline = (soon + D::seconds(60 - i64::from(soon.second())))
        .with_nanosecond(0)
        .unwrap();
    let s = site().file(
        "content/hoeringer/snart.md",
        &format!(
            "---\ntype: hearing\ntitle: Snart lukket\nsummary: Om noget.\nopens: {}\ncloses: {}\nrespond: {{ email: svar@test.dk }}\n---\n\nHøringens tekst.\n",
            (start - D::days(3)).format("%Y-%m-%d"),
            deadline.format("%Y-%m-%d %H:%M"),
        ),
    );
    let (tx, lines) = mpsc::channel();
    let srv = serve_at(&s, None, &[], Some(tx));
    let page = "/hoeringer/snart/";
    let before = get(srv.port, page);
    assert!(before.body.contains("state-open"), "{}", before.body);
    let until = deadline.with_timezone(&Utc) + D::seconds(20);
    let mut r = before;
    while Utc::now() < until && !r.body.contains("state-closed") {
        std::thread::sleep(Duration::from_millis(250));
        r = get(srv.port, page);
    }
    assert!(
        r.body.contains("state-closed"),
        "still not closed: {}",
        r.body
    );
    let said: Vec<String> = lines.try_iter().collect();
    assert!(
        said.iter().any(|l| l.contains("next rebuild at")),
        "the start should name the next rebuild: {said:#?}"
    );
    assert!(
        said.iter()
            .any(|l| l.contains("the hearing \"Snart lukket\" closes")),
        "the terminal should say why it rebuilt: {said:#?}"
    );
}

/// With a fixed moment (`--now`) nothing moves on: no rebuild is planned.
#[test]
fn a_fixed_moment_plans_no_rebuild() {
    let (tx, lines) = mpsc::channel();
    let srv = serve_at(&site(), Some(NOW), &[], Some(tx));
    let _ = get(srv.port, "/");
    let said: Vec<String> = lines.try_iter().collect();
    assert!(
        !said.iter().any(|l| l.contains("next rebuild")),
        "{said:#?}"
    );
}

#[test]
fn the_preview_uses_its_fixed_port_or_the_next_free_one() {
    // Hold the default port (if another program holds it already, it is busy anyway).
    let _held = std::net::TcpListener::bind(("127.0.0.1", planpub::commands::serve::DEFAULT_PORT));
    let site = site();
    let s = serve(&site, &["--default-port"]);
    let first = planpub::commands::serve::DEFAULT_PORT;
    assert!(
        s.port > first && s.port < first + 20,
        "expected a port just after {first}, got {}",
        s.port
    );
    assert_eq!(get(s.port, "/om/").status, 200);
}

#[test]
fn a_port_asked_for_that_is_busy_is_an_error() {
    let held = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = held.local_addr().expect("addr").port().to_string();
    let site = site();
    let out = Command::new(common::bin())
        .args(["serve", "--port", &port, "--now", NOW, "--root"])
        .arg(site.root())
        .output()
        .expect("run planpub serve");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&port), "{err}");
}
