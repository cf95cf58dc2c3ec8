//! Save-to-reload latency of `planpub serve`: the time from writing one content file to
//! the `reload` event reaching a connected browser tab, on the example site and on a
//! generated site of 10,000 documents.
//!
//! Run with `cargo bench --bench reload`. It starts the real binary on loopback, edits
//! a file five times per site and prints the median. (The watcher waits 40 ms for a
//! burst of saves to settle; that wait is included, as a user would see it.)

#[path = "support.rs"]
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(root: &Path) -> (Server, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planpub"))
        .args(["serve", "--now", "2024-06-01", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start planpub serve");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines.next().expect("server output").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    // Keep draining the server's output so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (Server(child), port)
}

/// Opens the event stream and returns it positioned after the greeting.
fn events(port: u16) -> TcpStream {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /__planpub/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut buf = [0u8; 4096];
    let mut seen = String::new();
    while !seen.contains("event: hello") {
        let n = s.read(&mut buf).unwrap();
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    s
}

fn wait_for_reload(s: &mut TcpStream) {
    let mut buf = [0u8; 4096];
    let mut seen = String::new();
    while !seen.contains("event: reload") {
        let n = s.read(&mut buf).expect("reload event");
        assert!(n > 0, "event stream closed");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

fn measure(root: &Path, file: &Path, label: &str) {
    let (_server, port) = start(root);
    let mut stream = events(port);
    // Let the watcher settle before the first edit.
    std::thread::sleep(Duration::from_millis(500));
    let original = std::fs::read_to_string(file).unwrap();
    let mut times = Vec::new();
    for i in 0..5 {
        let t = Instant::now();
        std::fs::write(file, format!("{original}\nÆndring {i}.\n")).unwrap();
        wait_for_reload(&mut stream);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(300));
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{label}: save to reload event {:.0} ms (median of 5; min {:.0}, max {:.0})",
        times[2], times[0], times[4]
    );
}

fn main() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().unwrap();
    for f in ["site.yaml", "decision-ledger.json"] {
        std::fs::copy(example.join(f), copy.path().join(f)).unwrap();
    }
    for e in walkdir::WalkDir::new(example.join("content")) {
        let e = e.unwrap();
        let dest = copy.path().join(e.path().strip_prefix(example).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    measure(
        copy.path(),
        &copy.path().join("content/sider/om-planpub.md"),
        "example site",
    );

    let big = tempfile::tempdir().unwrap();
    support::generate(big.path(), 10_000);
    measure(
        big.path(),
        &big.path().join("content/planer/plan-123.md"),
        "generated site (10,000 documents)",
    );
}
