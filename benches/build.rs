//! Full builds against the targets of issue 12: the example site, a generated site of
//! 10,000 documents (wall time, peak memory, what a search downloads) and, on request,
//! one of 100,000 documents.
//!
//! Run with `cargo bench --bench build`. Each build is the release `planpub build` run
//! as a child process into an empty output folder, timed from start to exit, its peak
//! memory the child's maximum resident set as the kernel reports it (`wait4`). One
//! unmeasured build of each site comes first: it records the decision ledger, as a site
//! in use has one, and fills the file cache. Before each build the disk is synced.
//! Nothing is removed until everything is measured: on ext4 mounted with `discard`, as
//! on the project's machine, removing 25,000 files slows the builds that follow by
//! seconds. The outputs of 10,000 documents take about 1.3 GB, of 100,000 about 10 GB.
//! The table at the end gives the median, the range and the target of each measure, and
//! whether the median meets it.
//!
//! - `PLANPUB_BENCH_100K=1` adds the 100,000-document site (several minutes, about
//!   10 GB of disk for a while); without it those rows say they were skipped.
//! - `PLANPUB_BENCH_RUNS=N` sets the number of measured runs of every site (default 11
//!   for the example site, 5 at 10,000 documents, 3 at 100,000).

#[path = "harness.rs"]
mod harness;
#[path = "search_client.rs"]
mod search_client;
#[path = "support.rs"]
mod support;

use harness::{GIB, MIB, Samples, Table, Unit};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The build moment of every build: hearings of the generated site are open.
const NOW: &str = "2024-06-01";

/// One `planpub build`: wall seconds, CPU seconds (all threads) in planpub's own code
/// and in the kernel on its behalf, and peak resident bytes.
struct Run {
    wall: f64,
    user: f64,
    system: f64,
    peak: f64,
}

/// Runs `planpub build` of `root` into `out` and waits for it with `wait4`, which also
/// reports the child's peak memory.
fn build_once(root: &Path, out: &Path, log: &Path) -> Run {
    let log_file = std::fs::File::create(log).unwrap();
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_planpub"))
        .args(["build", "--now", NOW, "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .expect("start planpub build");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct, which
    // `wait4` then fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for (`Child` is never waited on
    // and does not wait when dropped); both pointers are to live locals.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed().as_secs_f64();
    assert_eq!(reaped, pid, "wait4: {}", std::io::Error::last_os_error());
    drop(child);
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        panic!(
            "planpub build of {root:?} failed:\n{}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // Linux gives the maximum resident set size in kilobytes.
    Run {
        wall,
        user: seconds(usage.ru_utime),
        system: seconds(usage.ru_stime),
        peak: usage.ru_maxrss as f64 * 1024.0,
    }
}

struct Builds {
    wall: Samples,
    /// CPU time, user and system: on a shared machine the user time varies far less
    /// than the wall time, the system time (writing files) a lot.
    user: Samples,
    system: Samples,
    peak: Samples,
    /// The last run's output.
    out: PathBuf,
}

/// Waits until the disk has every write so far, so that a build does not pay for
/// flushing the files of the build (or the site generation) before it.
fn settle() {
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

/// A warm-up build, then `runs` measured builds of `root`, each into a new folder
/// under `scratch`, all kept until the end.
fn measure(label: &str, root: &Path, runs: usize, scratch: &Path) -> Builds {
    std::fs::create_dir_all(scratch).unwrap();
    let log = scratch.join("build.log");
    let warm = scratch.join("warm-up");
    settle();
    build_once(root, &warm, &log);
    let (mut walls, mut users, mut systems, mut peaks) = (vec![], vec![], vec![], vec![]);
    let mut out = PathBuf::new();
    for i in 1..=runs {
        settle();
        out = scratch.join(format!("run-{i}"));
        let run = build_once(root, &out, &log);
        eprintln!(
            "{label}: run {i} of {runs}: {:.3} s, CPU {:.3} s user + {:.3} s system, {:.0} MiB",
            run.wall,
            run.user,
            run.system,
            run.peak / MIB
        );
        walls.push(run.wall);
        users.push(run.user);
        systems.push(run.system);
        peaks.push(run.peak);
    }
    Builds {
        wall: Samples::new(walls),
        user: Samples::new(users),
        system: Samples::new(systems),
        peak: Samples::new(peaks),
        out,
    }
}

/// A generated site of `n` documents in a new temporary folder.
fn generated(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    support::generate(dir.path(), n);
    eprintln!(
        "generated {n} documents in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    dir
}

/// The search rows: a common word, and the costliest two letters to type.
fn search_rows(out: &Path, table: &mut Table) {
    let client = search_client::Client::open(out);
    for q in [
        "høring",
        "plan",
        "borgerne",
        "kommunen beskriver",
        "ældreområdet",
    ] {
        eprintln!("search {q:?}: {}", client.query(q).describe());
    }
    let common = client.query("høring");
    let (start, worst) = client.worst_start();
    eprintln!(
        "search {start:?} (costliest two letters): {}",
        worst.describe()
    );
    let target = Some(1e6);
    let one = |d: search_client::Download| Samples::new(vec![d.total() as f64]);
    table.add(
        "10,000 documents, search: download before first result, \"høring\"",
        one(common),
        target,
        Unit::MB,
    );
    table.add(
        &format!("10,000 documents, search: same, costliest two letters (\"{start}\")"),
        one(worst),
        target,
        Unit::MB,
    );
}

/// One site to build, with its targets: wall time, and peak memory (`None`: shown
/// only).
struct Site<'a> {
    label: &'a str,
    root: &'a Path,
    runs: usize,
    wall: (f64, Unit),
    peak: Option<f64>,
}

impl Site<'_> {
    /// Measures the builds and adds their rows: wall time and peak memory against the
    /// targets, and the CPU times for reading wall times taken on a busy machine.
    fn bench(&self, table: &mut Table, scratch: &Path) -> Builds {
        let b = measure(self.label, self.root, self.runs, scratch);
        let (wall, unit) = self.wall;
        let rows = [
            ("full build", &b.wall, Some(wall), unit),
            ("CPU time, user", &b.user, None, unit),
            ("CPU time, system", &b.system, None, unit),
            ("peak memory", &b.peak, self.peak, Unit::MiB),
        ];
        for (what, samples, target, unit) in rows {
            let measure = format!("{}, {what}", self.label);
            table.add(&measure, samples.clone(), target, unit);
        }
        b
    }
}

fn main() {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    eprintln!(
        "planpub build benchmark, {threads} hardware threads, build moment {NOW}, load average {}",
        harness::load_average()
    );
    let scratch = tempfile::tempdir().unwrap();
    let mut table = Table::default();

    let example = harness::copy_example();
    let site = Site {
        label: "example site",
        root: example.path(),
        runs: harness::runs(11),
        wall: (0.030, Unit::Ms),
        peak: None,
    };
    site.bench(&mut table, &scratch.path().join("example"));

    let ten_site = generated(10_000);
    let site = Site {
        label: "10,000 documents",
        root: ten_site.path(),
        runs: harness::runs(5),
        wall: (1.0, Unit::S),
        peak: Some(250.0 * MIB),
    };
    let ten = site.bench(&mut table, &scratch.path().join("10k"));
    search_rows(&ten.out, &mut table);

    let mut growth = None;
    if std::env::var("PLANPUB_BENCH_100K").is_ok_and(|v| v == "1") {
        let big_site = generated(100_000);
        let site = Site {
            label: "100,000 documents",
            root: big_site.path(),
            runs: harness::runs(3),
            wall: (10.0, Unit::S),
            peak: Some(GIB),
        };
        let big = site.bench(&mut table, &scratch.path().join("100k"));
        let times = |f: fn(&Builds) -> &Samples| f(&big).median() / f(&ten).median();
        growth = Some(format!(
            "10,000 → 100,000 documents: wall ×{:.1}, user CPU ×{:.1}, memory ×{:.1} (linear: ×10)",
            times(|b| &b.wall),
            times(|b| &b.user),
            times(|b| &b.peak)
        ));
    } else {
        let why = "set PLANPUB_BENCH_100K=1";
        table.skip("100,000 documents, full build", why, 10.0, Unit::S);
        table.skip("100,000 documents, peak memory", why, GIB, Unit::MiB);
    }
    table.print();
    if let Some(g) = growth {
        println!("{g}");
    }
}
