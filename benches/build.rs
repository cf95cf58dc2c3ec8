//! Build speed: the example site and a generated site of 10,000 documents.
//!
//! Run with `cargo bench --bench build` (release profile). Prints the median of three
//! builds and the peak memory of the process.

#[path = "support.rs"]
mod support;

// The same allocator as the `planpub` binary, so the figures are what users get.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use planpub::build::{BuildOptions, build};
use planpub::model::clock::parse_now;
use std::path::Path;
use std::time::Instant;

fn median_build(root: &Path, runs: usize) -> (f64, usize) {
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..runs {
        let out = tempfile::tempdir().unwrap();
        let mut opts = BuildOptions::new(root, parse_now("2024-06-01").unwrap());
        opts.out = out.path().join("public");
        let t = Instant::now();
        let report = build(&opts).unwrap_or_else(|d| panic!("build failed:\n{d}"));
        times.push(t.elapsed().as_secs_f64());
        pages = report.pages;
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (times[times.len() / 2], pages)
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<f64>()
                    .unwrap_or(0.0)
            })
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn main() {
    let threads = rayon::current_num_threads();
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The example site keeps its ledger in the repository; build a copy.
    let copy = tempfile::tempdir().unwrap();
    for f in ["site.yaml", "decision-ledger.json"] {
        std::fs::copy(example.join(f), copy.path().join(f)).unwrap();
    }
    copy_dir(&example.join("content"), &copy.path().join("content"));
    let (t, pages) = median_build(copy.path(), 3);
    println!(
        "example site: {pages} pages in {:.0} ms (median of 3, {threads} threads)",
        t * 1000.0
    );

    let big = tempfile::tempdir().unwrap();
    support::generate(big.path(), 10_000);
    let (t, pages) = median_build(big.path(), 3);
    println!(
        "generated site: 10000 documents, {pages} pages in {:.2} s (median of 3, {threads} threads)",
        t
    );
    println!("peak memory: {:.0} MB", peak_rss_mb());
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}
