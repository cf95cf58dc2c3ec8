//! What the build and reload benchmarks share: a copy of the example site, samples and
//! their median, and the table that sets each measure against its target (issue 12).

use std::path::Path;

/// Repeated measurements of one quantity (seconds or bytes).
#[derive(Clone)]
pub struct Samples(Vec<f64>);

impl Samples {
    pub fn new(mut values: Vec<f64>) -> Samples {
        assert!(!values.is_empty(), "a measure needs at least one sample");
        values.sort_by(f64::total_cmp);
        Samples(values)
    }

    pub fn median(&self) -> f64 {
        let v = &self.0;
        let mid = v.len() / 2;
        if v.len() % 2 == 1 {
            v[mid]
        } else {
            (v[mid - 1] + v[mid]) / 2.0
        }
    }

    fn min(&self) -> f64 {
        self.0[0]
    }

    fn max(&self) -> f64 {
        self.0[self.0.len() - 1]
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// How a measure is shown; values are kept in seconds or bytes.
#[derive(Clone, Copy)]
pub enum Unit {
    Ms,
    S,
    MiB,
    /// Decimal kilobytes and megabytes, as download sizes are given.
    MB,
}

impl Unit {
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Ms => format!("{:.0} ms", value * 1e3),
            Unit::S => format!("{value:.2} s"),
            Unit::MiB => format!("{:.0} MiB", value / f64::from(1 << 20)),
            Unit::MB if value < 1e6 => format!("{:.0} kB", value / 1e3),
            Unit::MB => format!("{:.2} MB", value / 1e6),
        }
    }
}

pub const MIB: f64 = (1 << 20) as f64;
pub const GIB: f64 = (1 << 30) as f64;

enum Outcome {
    Measured(Samples),
    Skipped(String),
}

struct Row {
    measure: String,
    outcome: Outcome,
    /// The most the measure may be; `None` for a figure shown for comparison only.
    target: Option<f64>,
    unit: Unit,
}

/// The measures of one benchmark with their targets, printed as one table at the end.
#[derive(Default)]
pub struct Table(Vec<Row>);

impl Table {
    pub fn add(&mut self, measure: &str, samples: Samples, target: Option<f64>, unit: Unit) {
        self.0.push(Row {
            measure: measure.to_string(),
            outcome: Outcome::Measured(samples),
            target,
            unit,
        });
    }

    pub fn skip(&mut self, measure: &str, why: &str, target: f64, unit: Unit) {
        self.0.push(Row {
            measure: measure.to_string(),
            outcome: Outcome::Skipped(why.to_string()),
            target: Some(target),
            unit,
        });
    }

    pub fn print(&self) {
        let head = ["measure", "median", "min–max", "target", ""];
        let cells: Vec<[String; 5]> = self.0.iter().map(Row::cells).collect();
        let mut width = head.map(|h| h.chars().count());
        for row in &cells {
            for (w, c) in width.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(width)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            println!("{}", padded.join("  ").trim_end());
        };
        println!();
        line(&head.map(String::from));
        for row in &cells {
            line(row);
        }
        println!("(load average at the end: {})", load_average());
    }
}

impl Row {
    fn cells(&self) -> [String; 5] {
        let target = self
            .target
            .map_or("—".to_string(), |t| format!("≤ {}", self.unit.show(t)));
        match &self.outcome {
            Outcome::Skipped(why) => [
                self.measure.clone(),
                format!("skipped: {why}"),
                String::new(),
                target,
                "SKIP".into(),
            ],
            Outcome::Measured(s) => {
                let median = self.unit.show(s.median());
                let range = if s.len() == 1 {
                    "(one run)".to_string()
                } else {
                    format!(
                        "{}–{} ({} runs)",
                        self.unit.show(s.min()),
                        self.unit.show(s.max()),
                        s.len()
                    )
                };
                let verdict = match self.target {
                    Some(t) if s.median() <= t => "PASS",
                    Some(_) => "MISS",
                    None => "",
                };
                [self.measure.clone(), median, range, target, verdict.into()]
            }
        }
    }
}

/// The machine's load average over 1, 5 and 15 minutes: how much else was running.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// How many times to repeat a measure: `PLANPUB_BENCH_RUNS` if set, else `default`.
pub fn runs(default: usize) -> usize {
    match std::env::var("PLANPUB_BENCH_RUNS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .expect("PLANPUB_BENCH_RUNS is a number of runs, at least 1"),
        Err(_) => default,
    }
}

/// A copy of the example site (its ledger is kept in the repository, and a build or an
/// edit must not touch the original).
pub fn copy_example() -> tempfile::TempDir {
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
    copy
}
