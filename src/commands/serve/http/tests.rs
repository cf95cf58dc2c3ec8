//! Tests: real server on loopback, raw HTTP over `TcpStream` (clients would
//! normalise `..` away, so traversal attempts must be sent by hand).

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::files::{self, Target};
use super::inject;
use super::*;

const SECRET: &str = "TOP-SECRET-BYTES-4711";
const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// A scratch directory `<tmp>/planpub-serve-test-N/` holding `out/` (the
/// root) and a sibling `secret.txt`. Removed on drop.
struct Fixture {
    base: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = std::env::temp_dir().join(format!(
            "planpub-serve-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&base);
        let out = base.join("out");
        fs::create_dir_all(out.join("sub")).unwrap();
        fs::create_dir_all(out.join("assets")).unwrap();
        fs::write(
            out.join("index.html"),
            "<!doctype html><html lang=\"da\"><head><title>Forside</title></head>\
             <body><h1>Velkommen til kommunen</h1></body></html>",
        )
        .unwrap();
        fs::write(
            out.join("sub/index.html"),
            "<!doctype html><html><body><h1>Underside</h1><p>Sub-indhold</p></BODY></html>",
        )
        .unwrap();
        fs::write(out.join("assets/site.css"), "body{color:#111}</body>").unwrap();
        fs::write(out.join("assets/app.js"), "console.log('</body>')").unwrap();
        fs::write(out.join("assets/data.json"), "{\"a\":1}").unwrap();
        fs::write(out.join("sub/plan.pdf"), PDF).unwrap();
        fs::write(
            out.join("kalender.ics"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        )
        .unwrap();
        fs::write(out.join("fil med mellemrum.txt"), "mellemrum").unwrap();
        fs::write(
            out.join("404.html"),
            "<html><body><h1>Siden findes ikke</h1></body></html>",
        )
        .unwrap();
        fs::write(base.join("secret.txt"), SECRET).unwrap();
        Fixture { base }
    }

    fn root(&self) -> PathBuf {
        self.base.join("out")
    }

    fn start(&self) -> Server {
        Server::start(ServeConfig::new(self.root())).unwrap()
    }

    fn start_with_keepalive(&self, keepalive: Duration) -> Server {
        Server::start_with(
            ServeConfig::new(self.root()),
            Options {
                keepalive,
                ..Options::default()
            },
        )
        .unwrap()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.base);
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

/// Send `method target` verbatim and read the whole reply.
fn raw(addr: SocketAddr, method: &str, target: &str) -> Reply {
    let mut s = connect(addr);
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    parse(&buf)
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    raw(addr, "GET", target)
}

fn parse(buf: &[u8]) -> Reply {
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no header end");
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = buf[split + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
}

/// An open event stream read as text.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let mut stream = connect(addr);
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .unwrap();
        write!(
            stream,
            "GET {EVENTS_PATH} HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut ev = Events {
            stream,
            seen: String::new(),
        };
        // The stream is established once the hello event has arrived.
        assert!(
            ev.wait_for("event: hello", Duration::from_secs(2)),
            "{}",
            ev.seen
        );
        ev
    }

    /// Read until `needle` appears in what was received after the last
    /// successful wait, or the timeout passes.
    fn wait_for(&mut self, needle: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut buf = [0u8; 4096];
        loop {
            if let Some(at) = self.seen.find(needle) {
                self.seen.drain(..at + needle.len());
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            match self.stream.read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => return false,
            }
        }
    }
}

fn wait_until(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    cond()
}

fn problem(message: &str) -> Problem {
    Problem {
        file: "indhold/nyheder/vejarbejde.md".to_owned(),
        line: Some(3),
        column: Some(7),
        field: Some("dato".to_owned()),
        message: message.to_owned(),
        help: None,
        editor: None,
    }
}

// ---------------------------------------------------------------- serving

#[test]
fn serves_index_with_script_injected() {
    let fx = Fixture::new();
    let srv = fx.start();
    let r = get(srv.addr(), "/");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let body = r.text();
    assert!(body.contains("Velkommen til kommunen"));
    assert!(body.contains("new EventSource('/__planpub/events')"));
    // Injected before </body>, page end intact, no overlay without problems.
    let script = body.find("__planpub-reload").unwrap();
    assert!(script < body.rfind("</body>").unwrap());
    assert!(body.ends_with("</body></html>"));
    assert!(!body.contains("role=\"alert\""));
}

#[test]
fn serves_sub_index_and_redirects_without_slash() {
    let fx = Fixture::new();
    let srv = fx.start();
    let r = get(srv.addr(), "/sub/");
    assert_eq!(r.status, 200);
    let body = r.text();
    assert!(body.contains("Sub-indhold"));
    assert!(body.find("__planpub-reload").unwrap() < body.find("</BODY>").unwrap());

    let r = get(srv.addr(), "/sub");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), Some("/sub/"));
    assert_eq!(r.header("cache-control"), Some("no-store"));

    let r = get(srv.addr(), "/sub?utm=x");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), Some("/sub/?utm=x"));

    // Explicit index file, query strings ignored.
    assert_eq!(get(srv.addr(), "/sub/index.html?v=2").status, 200);
    // A file with a trailing slash is not a directory.
    assert_eq!(get(srv.addr(), "/kalender.ics/").status, 404);
}

#[test]
fn content_types_and_no_injection_outside_html() {
    let fx = Fixture::new();
    let srv = fx.start();
    let cases = [
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/data.json", "application/json"),
        ("/sub/plan.pdf", "application/pdf"),
        ("/kalender.ics", "text/calendar; charset=utf-8"),
        ("/fil%20med%20mellemrum.txt", "text/plain; charset=utf-8"),
    ];
    for (path, ctype) in cases {
        let r = get(srv.addr(), path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some(ctype), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        assert!(!r.text().contains("EventSource"), "{path} got the script");
    }
    assert_eq!(get(srv.addr(), "/sub/plan.pdf").body, PDF);
    assert_eq!(
        get(srv.addr(), "/assets/site.css").text(),
        "body{color:#111}</body>"
    );
}

#[test]
fn content_type_table() {
    let ct = |p: &str| files::content_type(Path::new(p));
    assert_eq!(ct("a.HTML"), "text/html; charset=utf-8");
    assert_eq!(ct("a.svg"), "image/svg+xml");
    assert_eq!(ct("a.png"), "image/png");
    assert_eq!(ct("a.jpg"), "image/jpeg");
    assert_eq!(ct("a.webp"), "image/webp");
    assert_eq!(ct("favicon.ico"), "image/x-icon");
    assert_eq!(ct("feed.atom"), "application/atom+xml");
    assert_eq!(ct("sitemap.xml"), "application/xml");
    assert_eq!(ct("f.woff2"), "font/woff2");
    assert_eq!(ct("noext"), "application/octet-stream");
    assert_eq!(ct("x.bin"), "application/octet-stream");
}

#[test]
fn missing_file_gets_404_page_with_script() {
    let fx = Fixture::new();
    let srv = fx.start();
    let r = get(srv.addr(), "/findes/ikke.html");
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let body = r.text();
    assert!(body.contains("Siden findes ikke"));
    assert!(body.contains("__planpub-reload"));
}

#[test]
fn missing_file_without_404_page_is_plain_text() {
    let fx = Fixture::new();
    fs::remove_file(fx.root().join("404.html")).unwrap();
    let srv = fx.start();
    let r = get(srv.addr(), "/nope");
    assert_eq!(r.status, 404);
    assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
    assert!(!r.text().contains("EventSource"));
}

#[test]
fn missing_root_is_404_not_a_crash() {
    let fx = Fixture::new();
    let srv = Server::start(ServeConfig::new(fx.base.join("not-built-yet"))).unwrap();
    assert_eq!(get(srv.addr(), "/").status, 404);
    assert_eq!(get(srv.addr(), "/index.html").status, 404);
}

#[test]
fn head_has_headers_but_no_body() {
    let fx = Fixture::new();
    let srv = fx.start();
    let r = raw(srv.addr(), "HEAD", "/sub/plan.pdf");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/pdf"));
    assert!(r.body.is_empty());
    let r = raw(srv.addr(), "HEAD", "/");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
}

#[test]
fn other_methods_are_405() {
    let fx = Fixture::new();
    let srv = fx.start();
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let r = raw(srv.addr(), method, "/");
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"));
    }
    assert_eq!(raw(srv.addr(), "POST", EVENTS_PATH).status, 405);
}

#[test]
fn root_is_re_resolved_after_rename_swap() {
    let fx = Fixture::new();
    let srv = fx.start();
    assert!(get(srv.addr(), "/").text().contains("Velkommen"));
    // The build writes a fresh directory and renames it into place.
    let fresh = fx.base.join("out.new");
    fs::create_dir_all(&fresh).unwrap();
    fs::write(fresh.join("index.html"), "<body>Ny version</body>").unwrap();
    fs::rename(fx.root(), fx.base.join("out.old")).unwrap();
    fs::rename(&fresh, fx.root()).unwrap();
    let body = get(srv.addr(), "/").text();
    assert!(body.contains("Ny version"), "{body}");
    assert_eq!(get(srv.addr(), "/sub/").status, 404);
    // And contents swapped in place are seen too.
    fs::write(fx.root().join("index.html"), "<body>Tredje</body>").unwrap();
    assert!(get(srv.addr(), "/").text().contains("Tredje"));
}

// --------------------------------------------------------------- security

#[test]
fn traversal_attempts_never_leak_outside_root() {
    let fx = Fixture::new();
    let srv = fx.start();
    let attempts = [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/sub/..%2f..%2fsecret.txt",
        "/sub/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/sub/../../secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/..%5csecret.txt",
        "/./../secret.txt",
        "/.%2e/secret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/%2Fetc%2Fpasswd",
        "/C:/Windows/win.ini",
        "/c:%5cwindows%5cwin.ini",
        "/index.html%00.txt",
        "/%00",
        "/sub/%c0%ae%c0%ae/secret.txt",
        "/..",
        "/../",
        "/sub/..",
        "..%2fsecret.txt",
        "../secret.txt",
        "http://localhost/../secret.txt",
    ];
    for target in attempts {
        let r = get(srv.addr(), target);
        assert!(
            r.status == 404 || r.status == 400,
            "{target}: status {}",
            r.status
        );
        assert!(!r.text().contains(SECRET), "{target} leaked the secret");
        assert!(!r.text().contains("root:"), "{target} leaked /etc/passwd");
    }
    // Still serving normally afterwards.
    assert_eq!(get(srv.addr(), "/").status, 200);
}

#[cfg(unix)]
#[test]
fn symlinks_pointing_outside_are_404() {
    let fx = Fixture::new();
    let outside_dir = fx.base.join("outside");
    fs::create_dir_all(&outside_dir).unwrap();
    fs::write(outside_dir.join("index.html"), SECRET).unwrap();
    std::os::unix::fs::symlink(fx.base.join("secret.txt"), fx.root().join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&outside_dir, fx.root().join("ud")).unwrap();
    // A symlink that stays inside is fine.
    std::os::unix::fs::symlink(fx.root().join("kalender.ics"), fx.root().join("cal.ics")).unwrap();
    let srv = fx.start();
    for target in ["/link.txt", "/ud/", "/ud", "/ud/index.html"] {
        let r = get(srv.addr(), target);
        assert_eq!(r.status, 404, "{target}");
        assert!(!r.text().contains(SECRET), "{target}");
    }
    assert_eq!(get(srv.addr(), "/cal.ics").status, 200);
}

#[cfg(unix)]
#[test]
fn root_itself_may_be_a_symlink() {
    let fx = Fixture::new();
    let link = fx.base.join("current");
    std::os::unix::fs::symlink(fx.root(), &link).unwrap();
    let srv = Server::start(ServeConfig::new(&link)).unwrap();
    assert_eq!(get(srv.addr(), "/sub/").status, 200);
    assert_eq!(get(srv.addr(), "/../secret.txt").status, 404);
}

#[test]
fn resolve_and_decode_units() {
    let fx = Fixture::new();
    let root = fx.root();
    let canon = fs::canonicalize(&root).unwrap();
    assert_eq!(
        files::resolve(&root, "/"),
        Target::File(canon.join("index.html"))
    );
    assert_eq!(
        files::resolve(&root, "/sub/index%2Ehtml"),
        Target::File(canon.join("sub/index.html"))
    );
    assert_eq!(files::resolve(&root, "*"), Target::BadRequest);
    assert_eq!(files::resolve(&root, "/a//b"), Target::NotFound);
    assert_eq!(files::resolve(&root, "/%ff"), Target::NotFound);
    let d = files::decode_segments("/a%20b/c/").unwrap();
    assert_eq!(d.segments, ["a b", "c"]);
    assert!(d.trailing_slash);
    assert!(files::decode_segments("/a/%2e").is_none());
    assert!(files::decode_segments("/a/b%0a").is_none());
    // Non-ASCII names are fine and redirects keep/escape them safely.
    fs::create_dir_all(root.join("æøå")).unwrap();
    assert_eq!(
        files::resolve(&root, "/%C3%A6%C3%B8%C3%A5"),
        Target::Redirect("/%C3%A6%C3%B8%C3%A5/".to_owned())
    );
}

// ------------------------------------------------------------- injection

#[test]
fn inject_places_snippet_before_last_body_close_or_at_end() {
    let out = inject::inject(
        b"<p>a</p></Body>tail",
        7,
        &[],
        &inject::OverlayLabels::default(),
    );
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("<p>a</p>\n<style"));
    assert!(out.ends_with("</script>\n</Body>tail"));
    assert!(out.contains("var version = '7';"));

    let out = String::from_utf8(inject::inject(
        b"<p>no body",
        0,
        &[],
        &inject::OverlayLabels::default(),
    ))
    .unwrap();
    assert!(out.starts_with("<p>no body\n<style"));
    assert!(out.trim_end().ends_with("</script>"));
}

#[test]
fn overlay_is_escaped_and_accessible() {
    let p = Problem {
        file: "a<b>.md".to_owned(),
        line: Some(12),
        column: None,
        field: Some("titel\"x".to_owned()),
        message: "<script>alert('x')</script> & mere".to_owned(),
        help: None,
        editor: None,
    };
    let labels = inject::OverlayLabels::default();
    let html = inject::overlay(std::slice::from_ref(&p), &labels);
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains(&labels.heading));
    assert!(html.contains("seneste version"));
    assert!(html.contains("<code>a&lt;b&gt;.md:12</code>"));
    assert!(html.contains("titel&quot;x"));
    assert!(html.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; mere"));
    assert!(!html.contains("<script>"));
    assert_eq!(inject::overlay(&[], &labels), "");
    assert_eq!(
        inject::location(&problem("m")),
        "indhold/nyheder/vejarbejde.md:3:7"
    );
    let no_line = Problem {
        line: None,
        ..problem("m")
    };
    assert_eq!(inject::location(&no_line), "indhold/nyheder/vejarbejde.md");
}

// ------------------------------------------------------------------ events

#[test]
fn reload_reaches_open_tab_within_two_seconds() {
    let fx = Fixture::new();
    let srv = fx.start();
    let mut ev = Events::open(srv.addr());
    assert!(ev.seen.is_empty() || !ev.seen.contains("event: reload"));
    srv.reload();
    assert!(ev.wait_for("event: reload", Duration::from_secs(2)));
    srv.reload();
    assert!(ev.wait_for("event: reload", Duration::from_secs(2)));
}

#[test]
fn events_response_head() {
    let fx = Fixture::new();
    let srv = fx.start();
    let mut s = connect(srv.addr());
    write!(s, "GET {EVENTS_PATH}?t=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut buf = vec![0u8; 1024];
    let mut got = Vec::new();
    while !String::from_utf8_lossy(&got).contains("event: hello") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0);
        got.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
    assert!(text.contains("Content-Type: text/event-stream"));
    assert!(text.contains("Cache-Control: no-store"));
    assert!(text.contains("retry: 1000\nid: 0\nevent: hello\ndata: 0\n\n"));
}

#[test]
fn http10_event_stream_is_closed_on_shutdown() {
    let fx = Fixture::new();
    let srv = fx.start();
    let mut s = connect(srv.addr());
    write!(s, "GET {EVENTS_PATH} HTTP/1.0\r\n\r\n").unwrap();
    let mut buf = [0u8; 512];
    let n = s.read(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.0 200 OK"));
    srv.shutdown();
    let mut rest = Vec::new();
    // EOF (not a timeout) proves the stream was ended.
    s.read_to_end(&mut rest).unwrap();
}

#[test]
fn keepalive_comment_is_sent() {
    let fx = Fixture::new();
    let srv = fx.start_with_keepalive(Duration::from_millis(150));
    let mut ev = Events::open(srv.addr());
    assert!(ev.wait_for(": keep-alive\n\n", Duration::from_secs(2)));
    assert!(ev.wait_for(": keep-alive\n\n", Duration::from_secs(2)));
}

#[test]
fn problems_show_overlay_and_clearing_removes_it() {
    let fx = Fixture::new();
    let srv = fx.start();
    let mut ev = Events::open(srv.addr());

    srv.set_problems(vec![problem("Ugyldig dato <\"2024-13-01\"> & mere")]);
    assert!(ev.wait_for("event: problems\ndata: [", Duration::from_secs(2)));
    assert!(ev.wait_for("\"field\":\"dato\"", Duration::from_secs(2)));

    for target in ["/", "/sub/", "/findes-ikke"] {
        let body = get(srv.addr(), target).text();
        assert!(body.contains("role=\"alert\""), "{target}");
        assert!(body.contains("Siden kunne ikke bygges"), "{target}");
        assert!(
            body.contains("Ugyldig dato &lt;&quot;2024-13-01&quot;&gt; &amp; mere"),
            "{target}"
        );
        assert!(
            body.contains("indhold/nyheder/vejarbejde.md:3:7"),
            "{target}"
        );
        // The page below is still the last good build.
        assert!(!body.contains("<\"2024-13-01\">"));
    }
    // Nothing injected into non-HTML files, even with problems.
    assert!(!get(srv.addr(), "/assets/site.css").text().contains("alert"));

    srv.set_problems(Vec::new());
    assert!(ev.wait_for("event: problems\ndata: []", Duration::from_secs(2)));
    assert!(ev.wait_for("event: reload", Duration::from_secs(2)));
    let body = get(srv.addr(), "/").text();
    assert!(!body.contains("role=\"alert\""));
    assert!(!body.contains("Ugyldig dato"));
}

#[test]
fn page_version_matches_hello_version() {
    let fx = Fixture::new();
    let srv = fx.start();
    srv.reload();
    srv.set_problems(vec![problem("x")]);
    // Version is now 2: the page is rendered at 2, hello says 2.
    assert!(get(srv.addr(), "/").text().contains("var version = '2';"));
    let mut s = connect(srv.addr());
    write!(s, "GET {EVENTS_PATH} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut got = String::new();
    let mut buf = [0u8; 1024];
    while !got.contains("event: hello") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0);
        got.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(got.contains("id: 2\nevent: hello\ndata: 2\n"));
}

#[test]
fn clearing_when_already_clear_sends_nothing() {
    let fx = Fixture::new();
    let srv = fx.start_with_keepalive(Duration::from_millis(300));
    let mut ev = Events::open(srv.addr());
    srv.set_problems(Vec::new());
    // The next thing on the wire is a keep-alive, not an event.
    assert!(ev.wait_for(": keep-alive", Duration::from_secs(2)));
    assert!(!ev.seen.contains("event:"));
    let body = get(srv.addr(), "/").text();
    assert!(body.contains("var version = '0';"));
}

#[test]
fn disconnected_client_is_dropped_without_affecting_others() {
    let fx = Fixture::new();
    let srv = fx.start();
    let gone = Events::open(srv.addr());
    let mut stays = Events::open(srv.addr());
    assert_eq!(srv.event_clients(), 2);
    drop(gone);
    // Writes to the closed socket fail within a couple of events.
    assert!(wait_until(Duration::from_secs(3), || {
        srv.reload();
        srv.event_clients() == 1
    }));
    assert!(stays.wait_for("event: reload", Duration::from_secs(2)));
    srv.reload();
    assert!(stays.wait_for("event: reload", Duration::from_secs(2)));
    assert_eq!(get(srv.addr(), "/").status, 200);
}

// ------------------------------------------------------ binding, shutdown

#[test]
fn binds_loopback_and_free_port_by_default() {
    let fx = Fixture::new();
    let cfg = ServeConfig::new(fx.root());
    assert_eq!(cfg.bind, IpAddr::V4(Ipv4Addr::LOCALHOST));
    assert_eq!(cfg.port, None);
    let srv = Server::start(cfg).unwrap();
    let addr = srv.addr();
    assert_eq!(addr.ip(), IpAddr::V4(Ipv4Addr::LOCALHOST));
    assert_ne!(addr.port(), 0);
    assert_eq!(srv.url(), format!("http://127.0.0.1:{}/", addr.port()));
    assert_eq!(get(addr, "/").status, 200);
}

#[test]
fn explicit_port_and_bind_error() {
    let fx = Fixture::new();
    let first = fx.start();
    let port = first.addr().port();
    let cfg = ServeConfig {
        port: Some(port),
        ..ServeConfig::new(fx.root())
    };
    match Server::start(cfg.clone()) {
        Err(ServerError::Bind { addr, .. }) => assert_eq!(addr.port(), port),
        other => panic!("expected bind error, got {other:?}"),
    }
    first.shutdown();
    // The listener is closed by shutdown, so the port is free again; allow a few
    // seconds for a loaded test run.
    let deadline = Instant::now() + Duration::from_secs(5);
    let again = loop {
        match Server::start(cfg.clone()) {
            Ok(s) => break s,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => panic!("the port was not free again within 5 s: {e}"),
        }
    };
    assert_eq!(again.addr().port(), port);
    assert_eq!(get(again.addr(), "/").status, 200);
}

#[test]
fn url_uses_loopback_for_unspecified_bind() {
    let url = |s: &str| browse_url(s.parse().unwrap());
    assert_eq!(url("0.0.0.0:4000"), "http://127.0.0.1:4000/");
    assert_eq!(url("[::]:4000"), "http://[::1]:4000/");
    assert_eq!(url("[::1]:80"), "http://[::1]:80/");
    assert_eq!(url("192.0.2.7:8080"), "http://192.0.2.7:8080/");
}

#[test]
fn shutdown_with_open_event_streams_is_quick() {
    let fx = Fixture::new();
    let srv = fx.start();
    let addr = srv.addr();
    let mut a = Events::open(addr);
    let _b = Events::open(addr);
    let started = Instant::now();
    srv.shutdown();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "shutdown took {:?}",
        started.elapsed()
    );
    // The stream was ended with the last chunk.
    assert!(a.wait_for("0\r\n\r\n", Duration::from_secs(2)));
    // And nothing is listening any more.
    assert!(wait_until(Duration::from_secs(2), || TcpStream::connect(
        addr
    )
    .is_err()));
}

#[test]
fn drop_stops_the_server_too() {
    let fx = Fixture::new();
    let srv = fx.start();
    let addr = srv.addr();
    let _ev = Events::open(addr);
    let started = Instant::now();
    drop(srv);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(wait_until(Duration::from_secs(2), || TcpStream::connect(
        addr
    )
    .is_err()));
}

// ------------------------------------------------- slow clients, keep-alive (issue 14)

/// Sends `GET target` on an open keep-alive connection and reads exactly one reply.
fn keepalive_get(s: &mut TcpStream, target: &str) -> Reply {
    // One write, so the client side's own Nagle delay plays no part.
    s.write_all(format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
        .unwrap();
    let mut buf = Vec::new();
    let mut byte = [0u8; 4096];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let len: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .map(|v| v.trim().parse().unwrap())
                .expect("a content-length");
            if buf.len() >= end + 4 + len {
                return parse(&buf[..end + 4 + len]);
            }
        }
        let n = s.read(&mut byte).unwrap();
        assert!(n > 0, "connection closed early");
        buf.extend_from_slice(&byte[..n]);
    }
}

#[test]
fn four_stalled_clients_cannot_stop_it_answering_others() {
    let fx = Fixture::new();
    // Far more than the socket buffers of a loopback connection hold.
    let big = vec![b'x'; 48 << 20];
    fs::write(fx.root().join("stor.bin"), &big).unwrap();
    let opts = Options {
        write_timeout: Duration::from_secs(2),
        ..Options::default()
    };
    let srv = Server::start_with(ServeConfig::new(fx.root()), opts).unwrap();
    let mut stalled: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = connect(srv.addr());
            // A small receive buffer fills at once; this client never reads.
            write!(s, "GET /stor.bin HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // Others are answered while the four wait, on new and on kept-alive connections.
    for _ in 0..5 {
        let r = get(srv.addr(), "/");
        assert_eq!(r.status, 200);
        assert!(r.text().contains("Velkommen"));
    }
    let mut ev = Events::open(srv.addr());
    srv.reload();
    assert!(ev.wait_for("event: reload", Duration::from_secs(2)));
    // After the write timeout the stalled responses are abandoned: each connection
    // ends long before the whole file could have been sent to it.
    std::thread::sleep(Duration::from_secs(3));
    for s in &mut stalled {
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut got = Vec::new();
        let _ = s.read_to_end(&mut got); // EOF or reset, not a timeout
        assert!(got.len() < big.len(), "a stalled client got the whole file");
    }
    assert_eq!(get(srv.addr(), "/").status, 200);
}

#[test]
fn keep_alive_responses_are_not_held_back() {
    let fx = Fixture::new();
    // Two file frames and a short tail: each response is several writes.
    let file: Vec<u8> = (0..(64 << 10) + 1000).map(|i| (i % 251) as u8).collect();
    fs::write(fx.root().join("assets/kort.bin"), &file).unwrap();
    let srv = fx.start();
    let mut s = connect(srv.addr());
    let n = 100;
    let started = Instant::now();
    for i in 0..n {
        let target = if i % 2 == 0 {
            "/assets/data.json"
        } else {
            "/assets/kort.bin"
        };
        let r = keepalive_get(&mut s, target);
        assert_eq!(r.status, 200);
        if i % 2 == 0 {
            assert_eq!(r.body, b"{\"a\":1}");
        } else {
            assert_eq!(r.body, file);
        }
    }
    // A generous bound: without TCP_NODELAY each reply waits for the client's delayed
    // ACK (about 40 ms, so 4 s for 100); with it the whole loop takes milliseconds.
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "{n} keep-alive requests took {took:?}"
    );
}

#[test]
fn a_client_that_sends_no_request_is_closed_after_the_read_timeout() {
    let fx = Fixture::new();
    let opts = Options {
        read_timeout: Duration::from_millis(500),
        ..Options::default()
    };
    let srv = Server::start_with(ServeConfig::new(fx.root()), opts).unwrap();
    let mut idle = connect(srv.addr());
    write!(idle, "GET / HTTP/1.1\r\nHost: x\r\n").unwrap(); // head never finished
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = idle.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(4));
    assert_eq!(get(srv.addr(), "/").status, 200);
}

#[test]
fn overlay_shows_help_with_its_list_and_a_link_to_the_editor() {
    let p = Problem {
        help: Some("skriv en af:\n- `draft`\n- `adopted`\nog gem filen".to_owned()),
        editor: Some("vscode://file/s/content/a.md:3:7".to_owned()),
        message: "`vedtaget` er ikke tilladt".to_owned(),
        ..problem("m")
    };
    let labels = inject::OverlayLabels::new(crate::model::config::Language::Da);
    let html = inject::overlay(std::slice::from_ref(&p), &labels);
    assert!(html.contains("(1 problem)"), "{html}");
    assert!(
        html.contains("<code>vedtaget</code> er ikke tilladt"),
        "{html}"
    );
    assert!(
        html.contains("<p>skriv en af:</p><ul><li><code>draft</code></li><li><code>adopted</code></li></ul><p>og gem filen</p>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"vscode://file/s/content/a.md:3:7\">Åbn i editoren</a>"),
        "{html}"
    );
    let en = inject::OverlayLabels::new(crate::model::config::Language::En);
    let two = inject::overlay(&[p.clone(), p], &en);
    assert!(
        two.contains("lang=\"en\"") && two.contains("(2 problems)"),
        "{two}"
    );
}

#[test]
fn editor_links_encode_the_path_and_follow_the_template() {
    use crate::commands::serve::editor_link;
    let path = std::path::Path::new("/home/k/mit site/content/høring#1.md");
    assert_eq!(
        editor_link(None, path, Some(3), Some(7)).as_deref(),
        Some("vscode://file/home/k/mit%20site/content/h%C3%B8ring%231.md:3:7")
    );
    assert_eq!(
        editor_link(
            Some("idea://open?file={path}&line={line}"),
            path,
            None,
            None
        )
        .as_deref(),
        Some("idea://open?file=/home/k/mit%20site/content/h%C3%B8ring%231.md&line=1")
    );
    assert_eq!(editor_link(Some(""), path, Some(1), None), None);
}
