//! Phase timings for performance work: set `PLANPUB_TIMINGS=1` to print how long each
//! step of a build takes.

use std::time::Instant;

pub struct Phase {
    name: &'static str,
    start: Instant,
    on: bool,
}

pub fn phase(name: &'static str) -> Phase {
    Phase {
        name,
        start: Instant::now(),
        on: std::env::var_os("PLANPUB_TIMINGS").is_some(),
    }
}

impl Drop for Phase {
    fn drop(&mut self) {
        if self.on {
            eprintln!(
                "timing: {:<28} {:>8.1} ms{}",
                self.name,
                self.start.elapsed().as_secs_f64() * 1000.0,
                memory()
            );
        }
    }
}

/// The process's resident memory now and at its peak, where the system tells it (Linux),
/// so a phase's line shows what it added to a build's peak.
pub fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return String::new();
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().strip_suffix(" kB"))
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!(
        "   (memory {} MiB, peak {} MiB)",
        field("VmRSS:"),
        field("VmHWM:")
    )
}

/// Time spent per output family and step, summed over threads (so it is CPU time, not
/// wall time); printed with `PLANPUB_TIMINGS=1`.
/// Microseconds and job count per (family, step).
type Totals = std::collections::BTreeMap<(&'static str, &'static str), (u128, usize)>;

pub struct Families {
    on: bool,
    totals: std::sync::Mutex<Totals>,
}

impl Default for Families {
    fn default() -> Self {
        Self::new()
    }
}

impl Families {
    pub fn new() -> Families {
        Families {
            on: std::env::var_os("PLANPUB_TIMINGS").is_some(),
            totals: Default::default(),
        }
    }

    pub fn start(&self) -> Option<Instant> {
        self.on.then(Instant::now)
    }

    pub fn add(&self, family: &'static str, step: &'static str, started: Option<Instant>) {
        if let Some(t) = started {
            let mut m = self.totals.lock().unwrap_or_else(|e| e.into_inner());
            let e = m.entry((family, step)).or_default();
            e.0 += t.elapsed().as_micros();
            e.1 += 1;
        }
    }

    pub fn report(&self) {
        if !self.on {
            return;
        }
        let m = self.totals.lock().unwrap_or_else(|e| e.into_inner());
        for ((family, step), (us, n)) in m.iter() {
            eprintln!(
                "timing:   {family:<10} {step:<7} {:>8.1} ms cpu  ({n} jobs)",
                *us as f64 / 1000.0
            );
        }
    }
}
