//! Speed of the date reader: the median time to read each wording of the public corpus,
//! and how the time grows with the length of a text that is not a date (it must stay
//! linear: the reader looks at no more than a fixed number of tokens).
//!
//! Run with `cargo bench --bench dates`. It prints medians of several rounds.

use planpub::model::dates::{DateConventions, FuzzyDate, ParseContext};
use std::time::{Duration, Instant};

const ROUNDS: usize = 9;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(mut f: impl FnMut()) -> Duration {
    let rounds: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    median(rounds)
}

fn main() {
    let conv = DateConventions::default();
    let ctx = ParseContext {
        conventions: &conv,
        default_year: Some(2024),
    };
    let corpus: Vec<&str> = include_str!("../tests/date_corpus.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    let all = time(|| {
        for t in &corpus {
            std::hint::black_box(FuzzyDate::parse(t, &ctx).ok());
        }
    });
    println!(
        "corpus: {} wordings, median {:.1} µs per wording",
        corpus.len(),
        all.as_secs_f64() * 1e6 / corpus.len() as f64
    );
    // The worst shapes for a parser with alternatives: runs of date-like tokens, as long
    // as the reader still looks at them (just under its token cap) …
    for piece in [
        "1. 2/3-4 maj og ",
        "primo 2024 – ",
        "22.-28. maj 2008 til ",
        "okt 23 - ",
    ] {
        let reps = (1..100)
            .take_while(|&n| {
                !matches!(
                    FuzzyDate::parse(&piece.repeat(n), &ctx),
                    Err(planpub::model::dates::DateError::TooLong { .. })
                )
            })
            .last()
            .unwrap_or(1);
        let text = piece.repeat(reps);
        let d = time(|| {
            std::hint::black_box(FuzzyDate::parse(&text, &ctx).ok());
        });
        println!(
            "at the token cap, {:>4} bytes of {piece:?}: median {:>7.1} µs",
            text.len(),
            d.as_secs_f64() * 1e6
        );
    }
    // … and far longer texts, which must cost time in proportion to their length.
    for piece in ["1. 2/3-4 maj og ", "Opdateret: ", "a"] {
        for n in [10, 100, 1_000, 10_000, 100_000] {
            let text = piece.repeat(n);
            let d = time(|| {
                std::hint::black_box(FuzzyDate::parse(&text, &ctx).ok());
            });
            println!(
                "{:>9} bytes of {piece:?}: median {:>9.1} µs",
                text.len(),
                d.as_secs_f64() * 1e6
            );
        }
    }
}
