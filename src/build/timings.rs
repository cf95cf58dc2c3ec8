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
                "timing: {:<28} {:>8.1} ms",
                self.name,
                self.start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
