//! Save-to-reload latency of `planpub serve`: the time from writing one content file to
//! the `reload` event reaching a connected browser tab, on the example site and on a
//! generated site of 10,000 documents (issue 12's target: at most 100 ms).
//!
//! Run with `cargo bench --bench reload`. It starts the real binary on loopback, edits
//! a file nine times per site (`PLANPUB_BENCH_RUNS=N` for another count) and prints the
//! median, the range and the target. The watcher waits 40 ms for a burst of saves to
//! settle; that wait is included, as a user would see it.

// Shared with the build benchmark, which uses all of it.
#[allow(dead_code)]
#[path = "harness.rs"]
mod harness;
#[path = "support.rs"]
mod support;

use harness::{Samples, Table, Unit};
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

fn measure(root: &Path, file: &Path, runs: usize) -> Samples {
    let (_server, port) = start(root);
    let mut stream = events(port);
    // Let the watcher settle before the first edit.
    std::thread::sleep(Duration::from_millis(500));
    let original = std::fs::read_to_string(file).unwrap();
    let mut times = Vec::new();
    for i in 0..runs {
        let t = Instant::now();
        std::fs::write(file, format!("{original}\nÆndring {i}.\n")).unwrap();
        wait_for_reload(&mut stream);
        times.push(t.elapsed().as_secs_f64());
        std::thread::sleep(Duration::from_millis(300));
    }
    Samples::new(times)
}

fn main() {
    let runs = harness::runs(9);
    eprintln!("load average {}", harness::load_average());
    let mut table = Table::default();
    let example = harness::copy_example();
    let times = measure(
        example.path(),
        &example.path().join("content/sider/om-planpub.md"),
        runs,
    );
    table.add("example site, save → reload event", times, None, Unit::Ms);

    let big = tempfile::tempdir().unwrap();
    support::generate(big.path(), 10_000);
    let times = measure(
        big.path(),
        &big.path().join("content/planer/plan-123.md"),
        runs,
    );
    table.add(
        "10,000 documents, save → reload event",
        times,
        Some(0.100),
        Unit::Ms,
    );
    table.print();
}
