//! Finding the date in what staff paste: a label before it (`Opdateret:`), a hedge
//! (`forventet`), brackets and footnote marks, or a whole sentence around it.
//!
//! The reader never guesses, so it works by accounting for every part of the text:
//!
//! 1. Every word is classed ([`super::lexicon`]): date words, hedges, deadline words,
//!    labels, and ordinary words. A misspelt date word is corrected only when exactly one
//!    date word is one slip away, and the correction is noted.
//! 2. Every *number* must be part of the date, or plainly something else: the identifier
//!    of a named thing (`Lokalplan 1150`, `nr. 9533`, `KB 112/19`, `Version 2.1`) or an
//!    amount (`3 puljer`, `2,5 mio. kr.`, `70%`). A number that is none of these makes the
//!    text unclear, and it is refused.
//! 3. The date is a run of date words, numbers and punctuation. Ordinary words may stand
//!    around it; what was skipped is recorded and shown back.
//! 4. A deadline word (`Høringsfrist`, `Fristen`, `Klagefristen`) makes the date a
//!    deadline; `senest`/`tidligst` after it make it open; hedges are kept as notes.
//! 5. Two dates joined by `og`, `til` or a dash (`påbegyndes marts 2025 og forventes
//!    afsluttet i juni 2026`) are the period between them; one inside the other
//!    (`i 2021 … den 18. august 2021`) is the more precise one; two unrelated dates are
//!    refused.
//!
//! Everything is bounded: at most `MAX_TOKENS` tokens, and a fixed number
//! of attempts per run of date words.

use crate::messages::Key;
use chrono::{Datelike, NaiveTime};

use super::lex::{Kind, Tok, tokenize};
use super::lexicon::{
    DateWord, WordClass, class_of, is_date_word, month_of, spelling_slip, weekday_of,
};
use super::parse::{Dur, Expr, Flags, Reading, Resolver, Sep, readings};
use super::{
    DateError, FuzzyDate, Lang, Note, NoteKind, ParseContext, Precision, Role, Shape, Unit,
};

/// What a token is, for finding the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum C {
    Date(DateWord),
    Num,
    Punct,
    /// Brackets, quotes, bullets, footnote marks: they end a date, and are skipped.
    Break,
    Hedge,
    Deadline,
    Label,
    Free,
    /// A number that is an identifier or an amount, not part of a date.
    Ident,
}

impl C {
    fn is_word(self) -> bool {
        matches!(self, C::Hedge | C::Deadline | C::Label | C::Free)
    }

    fn in_run(self) -> bool {
        matches!(self, C::Date(_) | C::Num | C::Punct)
    }
}

/// One date found in the text: the token range and its complete readings.
struct Core {
    a: usize,
    b: usize,
    readings: Vec<Reading>,
}

/// How the text was classed, and what was learnt on the way.
struct Scan {
    toks: Vec<Tok>,
    class: Vec<C>,
    notes: Vec<Note>,
}

pub(super) fn parse(text: &str, ctx: &ParseContext) -> Result<FuzzyDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let Some(toks) = tokenize(text) else {
        return Err(DateError::TooLong {
            text: text.chars().take(60).collect(),
        });
    };
    let mut scan = classify(normalise(toks));
    mark_numbers(&mut scan);
    let found = find_cores(&scan, text)?;
    let (mut date, used) = combine(text, ctx, &scan, &found)?;
    annotate(&mut date, text, ctx, &scan, &found, &used);
    Ok(date)
}

/// Abbreviations written with periods, as one word: `t.o.m.` → `tom`, `f.o.m.` → `fom`.
fn normalise(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let w = |k: usize| toks.get(k).and_then(|t| t.word());
        let dot = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Dot && !t.sp);
        if matches!(w(i), Some("t" | "f"))
            && dot(i + 1)
            && w(i + 2) == Some("o")
            && dot(i + 3)
            && w(i + 4) == Some("m")
        {
            let last = if dot(i + 5) { i + 5 } else { i + 4 };
            let word = if w(i) == Some("t") { "tom" } else { "fom" };
            out.push(Tok {
                kind: Kind::Word(word.into()),
                end: toks[last].end,
                ..toks[i].clone()
            });
            i = last + 1;
            continue;
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

fn classify(mut toks: Vec<Tok>) -> Scan {
    let mut class = Vec::with_capacity(toks.len());
    let mut notes = Vec::new();
    for i in 0..toks.len() {
        let c = match &toks[i].kind {
            Kind::Num(_) => C::Num,
            Kind::Dot | Kind::Dash | Kind::Slash | Kind::Colon | Kind::Comma | Kind::Plus => {
                C::Punct
            }
            Kind::Open | Kind::Close | Kind::Unit | Kind::Other => C::Break,
            Kind::Word(w) => {
                let (c, slip) = word_class(&toks, i, w);
                if let Some(target) = slip {
                    notes.push(Note::new(
                        NoteKind::Spelling,
                        Key::new("date-note-spelling")
                            .arg("word", w.as_str())
                            .arg("target", target),
                    ));
                    toks[i].kind = Kind::Word(target.to_string());
                }
                c
            }
        };
        let c = if matches!(c, C::Date(_)) && is_amount_of_time(&toks, i) {
            C::Free
        } else {
            c
        };
        class.push(c);
    }
    Scan { toks, class, notes }
}

/// The class of word `i`, and the date word it was corrected to, if it was a slip.
fn word_class(toks: &[Tok], i: usize, w: &str) -> (C, Option<&'static str>) {
    // "jul" is also Christmas ("inden jul"): July only as "jul." or "jul-24", or next to
    // another month ("jun-jul 2024").
    if w == "jul" {
        let glued = toks
            .get(i + 1)
            .is_some_and(|n| !n.sp && matches!(n.kind, Kind::Dot | Kind::Dash | Kind::Slash));
        let other_month = toks
            .iter()
            .enumerate()
            .any(|(k, t)| k != i && t.word().is_some_and(|w| month_of(w).is_some()));
        if !glued && !other_month {
            return (C::Free, None);
        }
    }
    match class_of(w) {
        WordClass::Date(d) => (C::Date(d), None),
        WordClass::Hedge => (C::Hedge, None),
        WordClass::Deadline => (C::Deadline, None),
        WordClass::Label => (C::Label, None),
        WordClass::Free => match slip_in_context(toks, i, w) {
            Some(target) => match class_of(target).date() {
                Some(d) => (C::Date(d), Some(target)),
                None => (C::Free, None),
            },
            None => (C::Free, None),
        },
    }
}

/// "3 uger", "4 år", "8 dage før mødet": an amount of time after a number of its own is
/// not a date, unless it starts a duration ("i 6 uger fra den 3. marts") or counts
/// months of a year ("de første 3 måneder af 2025").
fn is_amount_of_time(toks: &[Tok], i: usize) -> bool {
    let Some(w) = toks[i].word() else {
        return false;
    };
    let unit = super::lexicon::dur_unit_of(w).is_some() || matches!(w, "år" | "aar");
    let own_number = i > 0
        && toks[i - 1].is_num()
        && (i == 1 || toks[i - 1].sp || toks[i - 2].kind == Kind::Open);
    // "hvert 4. år", "hver 2. uge": an ordinal before a unit counts, too.
    let ordinal = i >= 2 && toks[i - 1].kind == Kind::Dot && toks[i - 2].is_num();
    let starts_duration = matches!(toks.get(i + 1).and_then(|t| t.word()), Some("fra" | "from"));
    let counts_months = i >= 2
        && matches!(
            toks[i - 2].word(),
            Some("første" | "forste" | "foerste" | "sidste" | "first" | "last")
        );
    unit && (own_number || ordinal) && !starts_duration && !counts_months
}

/// A slip is corrected only next to a number or a date word (`midio 2025`,
/// `15. janaur`): elsewhere a word is just a word.
fn slip_in_context(toks: &[Tok], i: usize, w: &str) -> Option<&'static str> {
    let target = spelling_slip(w)?;
    let near = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_num()
                || t.word()
                    .is_some_and(|w| month_of(w).is_some() || is_date_word(w) && w.len() > 2)
        })
    };
    let before = i.checked_sub(1).is_some_and(&near)
        || (i >= 2 && toks[i - 1].kind == Kind::Dot && near(i - 2));
    (before || near(i + 1)).then_some(target)
}

/// Glued groups: maximal runs of tokens written without space between them.
fn groups(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut a = 0;
    for i in 1..=toks.len() {
        if i == toks.len() || toks[i].sp {
            out.push((a, i));
            a = i;
        }
    }
    out
}

/// Decides which numbers are identifiers or amounts (see the module documentation).
fn mark_numbers(scan: &mut Scan) {
    let gs = groups(&scan.toks);
    let toks = &scan.toks;
    let class = &mut scan.class;
    let mut prev_ident = false;
    for (gi, &(a, b)) in gs.iter().enumerate() {
        let has_num = (a..b).any(|i| class[i] == C::Num);
        if !has_num {
            prev_ident = false;
            continue;
        }
        // A number written against a word or a quantity sign: "CO2", "P19", "70%", "4½".
        let tainted = (a..b).any(|i| class[i].is_word() || matches!(toks[i].kind, Kind::Unit));
        let prev_group = gi.checked_sub(1).map(|p| gs[p]);
        let next_group = gs.get(gi + 1).copied();
        // "2023: Den reelle udbygning", "Fase 1: 2020": a colon or comma ends the number's
        // connection to the words around it.
        let closes = |(_, e): (usize, usize)| matches!(toks[e - 1].kind, Kind::Colon | Kind::Comma);
        // "Projekt: 62112" names a project, but "Projektperiode: 2023-2026" is a period:
        // after a colon only a number that cannot be a year is an identifier.
        let after_name = prev_group.is_some_and(|(pa, pb)| {
            names_a_thing(toks, class, pa, pb)
                && !(toks[pb - 1].kind == Kind::Colon && is_year_like(toks, a, b))
        });
        // "august 2023 forslag", "i 2021 er": a number that completes a date, or a year
        // after a preposition of time, stays part of the date.
        let lone_year = b - a == 1 && toks[a].len == 4;
        let completes = prev_group.is_some_and(|(pa, pb)| {
            let last = (pa..pb).rev().find(|&i| toks[i].word().is_some());
            last.and_then(|i| toks[i].word()).is_some_and(|w| {
                month_of(w).is_some()
                    || super::lexicon::season_of(w).is_some()
                    || super::lexicon::period_of(w).is_some()
                    || super::lexicon::is_week_word(w)
                    || lone_year && last.is_some_and(|i| class[i] != C::Free) && is_date_word(w)
                    || matches!(w, "kl" | "klokken")
            })
        });
        let before_word = !closes((a, b))
            && !completes
            && next_group
                .is_some_and(|(na, _)| class[na] == C::Free || matches!(toks[na].kind, Kind::Unit));
        let after_ident = prev_ident && prev_group.is_some_and(|g| !closes(g));
        let strong = is_strong(toks, class, a, b, next_group);
        // "24/7" is round the clock, not the 24th of July.
        let idiom = matches!(&toks[a..b], [x, s, y] if x.kind == Kind::Num(24)
            && s.kind == Kind::Slash && y.kind == Kind::Num(7));
        let ident = tainted || idiom || (!strong && (after_name || before_word || after_ident));
        if ident {
            for c in &mut class[a..b] {
                if *c == C::Num {
                    *c = C::Ident;
                }
            }
        }
        prev_ident = ident;
    }
}

/// `2024`, `2023-2026`, `2024/25`: a group that reads as a year or two.
fn is_year_like(toks: &[Tok], a: usize, b: usize) -> bool {
    let year = |t: &Tok| matches!(t.kind, Kind::Num(y) if t.len == 4 && (1000..=2999).contains(&y));
    let end = (a..b)
        .rev()
        .find(|&i| !matches!(toks[i].kind, Kind::Colon | Kind::Comma | Kind::Dot))
        .map_or(a, |i| i + 1);
    match &toks[a..end] {
        [y] => year(y),
        [y, sep, z] => {
            year(y)
                && matches!(sep.kind, Kind::Dash | Kind::Slash)
                && matches!((&y.kind, &z.kind), (Kind::Num(y1), Kind::Num(y2))
                    if (z.len == 4 && y2 > y1 && y2 - y1 <= 100) || (z.len == 2 && *y2 == (y1 + 1) % 100))
        }
        _ => false,
    }
}

/// Whether the group names a thing a number may follow as its identifier: a word of its
/// own (`Lokalplan`, `nr.`, `Projekt:`), or `§`.
fn names_a_thing(toks: &[Tok], class: &[C], a: usize, b: usize) -> bool {
    let core: Vec<usize> = (a..b)
        .filter(|&i| !matches!(toks[i].kind, Kind::Dot | Kind::Colon | Kind::Comma))
        .collect();
    match core.as_slice() {
        [i] => class[*i] == C::Free || toks[*i].kind == Kind::Unit,
        _ => false,
    }
}

/// A number group that is clearly a date even next to words: a full numeric date
/// (`10.07.2018`, `2024-03-04`) or a day before a month or period word (`14. juni`).
fn is_strong(toks: &[Tok], class: &[C], a: usize, b: usize, next: Option<(usize, usize)>) -> bool {
    let nums = (a..b).filter(|&i| class[i] == C::Num).count();
    let seps = (a..b)
        .filter(|&i| matches!(toks[i].kind, Kind::Dot | Kind::Dash | Kind::Slash))
        .count();
    let full = nums >= 3 && seps >= 2;
    let before_month = next.is_some_and(|(na, _)| {
        toks[na].word().is_some_and(|w| {
            month_of(w).is_some()
                || super::lexicon::period_of(w).is_some()
                || super::lexicon::season_of(w).is_some()
        })
    });
    // Only a lone day number stands before a month ("14. juni"), not "2.1, januar".
    full || before_month && nums == 1 && !matches!(toks[b - 1].kind, Kind::Comma | Kind::Colon)
}

/// What the text's date parts are.
struct Found {
    cores: Vec<Core>,
    /// A trailing `senest`/`tidligst` after the last date (`1. maj 2024 (senest)`).
    post: Option<Role>,
    /// `kl` with no time after it was skipped.
    empty_time: bool,
}

fn is_date_bearing(scan: &Scan, i: usize) -> bool {
    matches!(scan.class[i], C::Num | C::Date(DateWord::Bearing))
}

fn word_at(scan: &Scan, i: usize) -> Option<&str> {
    scan.toks.get(i).and_then(|t| t.word())
}

/// Tokens that cannot begin a date: punctuation, `og`, a bare `til`.
fn weak_start(scan: &Scan, i: usize) -> bool {
    match scan.class[i] {
        C::Punct => true,
        C::Date(DateWord::Connector) => true,
        C::Date(_) => {
            let w = word_at(scan, i);
            w == Some("til")
                && !(word_at(scan, i + 1) == Some("og") && word_at(scan, i + 2) == Some("med"))
                || w == Some("frem")
                    && word_at(scan, i + 1) != Some("til")
                    && word_at(scan, i + 1) != Some("mod")
        }
        _ => false,
    }
}

/// Tokens that cannot end a date: punctuation, operators and fillers waiting for a date,
/// connectors (but `og frem` is a date's end).
fn weak_end(scan: &Scan, i: usize, a: usize) -> bool {
    let w = word_at(scan, i);
    let og_frem = matches!(w, Some("frem" | "fremefter" | "fremover"))
        && i > a
        && word_at(scan, i - 1) == Some("og");
    // "2.1." keeps its closing period: the grammar decides whether it belongs to the date
    // ("2.1." is 2 January) or to the sentence ("12. maj 2024.").
    let closing_dot =
        scan.toks[i].kind == Kind::Dot && !scan.toks[i].sp && i > a && scan.toks[i - 1].is_num();
    if og_frem || closing_dot || matches!(w, Some("onwards" | "onward")) {
        return false;
    }
    matches!(
        scan.class[i],
        C::Punct | C::Date(DateWord::Operator | DateWord::Connector | DateWord::Of)
    )
}

fn find_cores(scan: &Scan, text: &str) -> Result<Found, DateError> {
    let n = scan.toks.len();
    let mut found = Found {
        cores: Vec::new(),
        post: None,
        empty_time: false,
    };
    let mut i = 0;
    while i < n {
        if !scan.class[i].in_run() {
            i += 1;
            continue;
        }
        let mut b = i;
        while b < n && scan.class[b].in_run() {
            b += 1;
        }
        let run_end = b;
        let mut a = i;
        while a < run_end && weak_start(scan, a) {
            a += 1;
        }
        let Trimmed {
            end: e,
            dangling_of,
            mut post,
            empty_time,
        } = trim_end(scan, a, run_end);
        found.empty_time |= empty_time;
        i = run_end;
        let bearing = (a..e).any(|k| is_date_bearing(scan, k)) || names_part_of_year(scan, a, e);
        if !bearing || dangling_of {
            // "senest opdateret …": an operator away from any date is just a word.
            if bearing && (a..e).any(|k| scan.class[k] == C::Num) {
                return Err(unclear(text, scan, a, e));
            }
            if !bearing && post.is_none() {
                post = match (a..e).rev().find_map(|k| word_at(scan, k)) {
                    Some("senest") => Some(Role::Until),
                    Some("tidligst") => Some(Role::From),
                    _ => None,
                };
            }
            if let Some(p) = post
                && !found.cores.is_empty()
                && only_breaks_between(scan, found.cores.last().map_or(0, |c| c.b), a)
            {
                found.post = Some(p);
            }
            continue;
        }
        match best_core(scan, a, e) {
            Some(core) => {
                if post.is_some() && core.b == e {
                    found.post = post;
                }
                found.cores.push(core);
            }
            None => return Err(unclear(text, scan, a, e)),
        }
    }
    Ok(found)
}

/// `sidst på året`, `først på året`: a part of the year, in the year of the row above.
fn names_part_of_year(scan: &Scan, a: usize, e: usize) -> bool {
    let words: Vec<&str> = (a..e).filter_map(|k| word_at(scan, k)).collect();
    words
        .windows(2)
        .any(|w| super::lexicon::part_of(w[0]).is_some() && matches!(w[1], "året" | "aaret"))
        || words.windows(3).any(|w| {
            super::lexicon::part_of(w[0]).is_some()
                && matches!(w[1], "på" | "paa" | "af" | "i")
                && matches!(w[2], "året" | "aaret")
        })
}

/// What trimming the end of a run of date tokens left, and what it learnt.
struct Trimmed {
    end: usize,
    /// The run ended with `af` before ordinary words: a period *of* something else.
    dangling_of: bool,
    /// A `senest`/`tidligst` after the date.
    post: Option<Role>,
    /// A `kl` with no time after it.
    empty_time: bool,
}

fn trim_end(scan: &Scan, a: usize, run_end: usize) -> Trimmed {
    let mut t = Trimmed {
        end: run_end,
        dangling_of: false,
        post: None,
        empty_time: false,
    };
    let before_words = scan.class.get(run_end).is_some_and(|c| c.is_word());
    while t.end > a && weak_end(scan, t.end - 1, a) {
        match word_at(scan, t.end - 1) {
            Some("af" | "of") if t.end == run_end && before_words => t.dangling_of = true,
            Some("kl" | "klokken") => t.empty_time = true,
            Some("senest") => t.post = Some(Role::Until),
            Some("tidligst") => t.post = Some(Role::From),
            _ => {}
        }
        t.end -= 1;
    }
    t
}

/// Whether only brackets, punctuation and hedges stand between two places.
fn only_breaks_between(scan: &Scan, a: usize, b: usize) -> bool {
    (a..b).all(|k| matches!(scan.class[k], C::Break | C::Punct | C::Hedge))
}

/// The date in a run of date tokens: the whole run, or the run without a few words at
/// its edges that carry no date (`i uge` in `i uge den 25. september 2019`).
fn best_core(scan: &Scan, a: usize, e: usize) -> Option<Core> {
    const MAX_TRIM: usize = 6;
    for total in 0..=MAX_TRIM.min(e - a - 1) {
        for lead in 0..=total {
            let (s, t) = (a + lead, e - (total - lead));
            if s >= t || weak_start(scan, s) || weak_end(scan, t - 1, s) {
                continue;
            }
            if (a..s).chain(t..e).any(|k| is_date_bearing(scan, k)) {
                continue;
            }
            let mut rs = readings(&scan.toks[s..t]);
            // A closing period may belong to the sentence: both readings are kept, and
            // the first that resolves wins.
            if t - s > 1 && scan.toks[t - 1].kind == Kind::Dot {
                rs.extend(readings(&scan.toks[s..t - 1]));
            }
            if !rs.is_empty() {
                return Some(Core {
                    a: s,
                    b: t,
                    readings: rs,
                });
            }
        }
    }
    None
}

fn unclear(text: &str, scan: &Scan, a: usize, e: usize) -> DateError {
    let part = &text[scan.toks[a].start..scan.toks[e.max(a + 1) - 1].end];
    DateError::Unclear {
        text: text.to_string(),
        detail: Key::new("date-detail-unreadable-part").arg("part", part),
    }
}

/// Whether the text between two dates joins them into a period.
fn joins(scan: &Scan, a: usize, b: usize) -> bool {
    (a..b).any(|k| match scan.class[k] {
        C::Punct => matches!(scan.toks[k].kind, Kind::Dash),
        _ => word_at(scan, k).is_some_and(|w| {
            matches!(
                w,
                "til" | "og" | "samt" | "eller" | "indtil" | "frem" | "and" | "or" | "to" | "until"
            ) || ["afslut", "slut", "færdig", "ende", "end"]
                .iter()
                .any(|p| w.starts_with(p))
        }),
    })
}

/// The left and right units of a reading, for joining two dates into a period.
fn ends(e: Expr) -> Option<(Unit, Unit)> {
    match e {
        Expr::Point(u) => Some((u, u)),
        Expr::Range(l, r, _) => Some((l, r)),
        _ => None,
    }
}

/// The date, and which of the cores it was read from.
fn combine(
    text: &str,
    ctx: &ParseContext,
    scan: &Scan,
    found: &Found,
) -> Result<(FuzzyDate, Vec<usize>), DateError> {
    let cores = &found.cores;
    match cores.len() {
        0 => Err(DateError::NotADate {
            text: text.to_string(),
        }),
        1 => Ok((choose(text, ctx, &cores[0].readings)?, vec![0])),
        2 if joins(scan, cores[0].b, cores[1].a) => {
            let mut rs = Vec::new();
            for r1 in &cores[0].readings {
                for r2 in &cores[1].readings {
                    if let (Some((l, _)), Some((_, r))) = (ends(r1.expr), ends(r2.expr)) {
                        rs.push(Reading {
                            expr: Expr::Range(l, r, Sep::Plain),
                            flags: r1.flags.or(r2.flags),
                            dur: None,
                        });
                    }
                }
            }
            let mut d = choose(text, ctx, &rs)?;
            d.notes.push(Note::new(
                NoteKind::Combined,
                Key::new("date-note-combined"),
            ));
            Ok((d, vec![0, 1]))
        }
        2 => nested(text, ctx, &cores[0].readings, &cores[1].readings),
        _ => Err(DateError::Unclear {
            text: text.to_string(),
            detail: Key::new("date-detail-too-many"),
        }),
    }
}

/// Two dates not joined into a period: one inside the other is the more precise one
/// (`Den sidste dato i 2021 er den 18. august 2021`); otherwise the text is refused.
fn nested(
    text: &str,
    ctx: &ParseContext,
    a: &[Reading],
    b: &[Reading],
) -> Result<(FuzzyDate, Vec<usize>), DateError> {
    let first = choose(text, ctx, a);
    let second = choose(text, ctx, b);
    // A year-less date takes the year of the other one ("2025 pr. 31. oktober").
    let with_year = |rs: &[Reading], other: &Result<FuzzyDate, DateError>| match other {
        Ok(o) => {
            let ctx = ParseContext {
                default_year: o.last_year(),
                ..*ctx
            };
            choose(text, &ctx, rs)
        }
        Err(e) => Err(e.clone()),
    };
    let (first, second) = match (first, second) {
        (Err(DateError::NoYear { .. }), s @ Ok(_)) => (with_year(a, &s), s),
        (f @ Ok(_), Err(DateError::NoYear { .. })) => {
            let s = with_year(b, &f);
            (f, s)
        }
        other => other,
    };
    let (x, y) = (first?, second?);
    let inside = |i: &FuzzyDate, o: &FuzzyDate| matches!((i.start, i.end, o.start, o.end), (Some(is), Some(ie), Some(os), Some(oe)) if os <= is && ie <= oe);
    let (inner, outer, used) = if inside(&x, &y) {
        (x, y, 0)
    } else if inside(&y, &x) {
        (y, x, 1)
    } else {
        return Err(DateError::TwoDates {
            text: text.to_string(),
            first: x.display(Lang::Da),
            second: y.display(Lang::Da),
        });
    };
    let mut d = inner;
    d.year_inferred = false;
    d.notes.push(Note::new(
        NoteKind::Combined,
        Key::new("date-note-contains").arg("outer", outer.display(Lang::Da)),
    ));
    Ok((d, vec![used]))
}

/// Resolves the readings of one date: the first that resolves wins, unless a two-digit
/// number after a month can be read both as a year and as a day and both resolve.
fn choose(text: &str, ctx: &ParseContext, rs: &[Reading]) -> Result<FuzzyDate, DateError> {
    let mut best_err: Option<DateError> = None;
    let mut ok: Vec<(FuzzyDate, Flags, Option<Dur>)> = Vec::new();
    for r in rs {
        let resolver = Resolver {
            text,
            ctx,
            inferred: false,
        };
        match resolver.resolve(*r) {
            Ok(d) => ok.push((d, r.flags, r.dur)),
            Err(e) => {
                let better = match (&best_err, &e) {
                    (None, _) => true,
                    (Some(DateError::NotADate { .. }), DateError::NotADate { .. }) => false,
                    (Some(DateError::NotADate { .. }), _) => true,
                    _ => false,
                };
                if better {
                    best_err = Some(e);
                }
            }
        }
    }
    // Two-digit numbers after month names are read the same way throughout a text:
    // "sep. 23-jan. 24" is not 23 September 2023 to January 2024.
    ok.retain(|(_, f, _)| !(f.yy_year && f.yy_other));
    let as_year = ok.iter().position(|(_, f, _)| f.yy_year);
    let as_other = ok.iter().position(|(_, f, _)| f.yy_other);
    if let (Some(y), Some(o)) = (as_year, as_other)
        && (ok[y].0.start, ok[y].0.end) != (ok[o].0.start, ok[o].0.end)
    {
        let mut readings = vec![ok[o].0.display(Lang::Da), ok[y].0.display(Lang::Da)];
        readings.dedup();
        let hint = if ok[o].0.precision == Precision::Month {
            Key::new("date-hint-years")
        } else {
            Key::new("date-hint-day")
        };
        return Err(DateError::Ambiguous {
            text: text.to_string(),
            readings,
            hint,
        });
    }
    let Some((mut d, flags, dur)) = ok.into_iter().next() else {
        return Err(best_err.unwrap_or(DateError::NotADate {
            text: text.to_string(),
        }));
    };
    if flags.yy_year {
        let key = Key::new("date-note-two-digit-year").arg("date", d.display(Lang::Da));
        d.notes.push(Note::new(NoteKind::TwoDigitYear, key));
    }
    if let Some(dur) = dur {
        duration_note(&mut d, dur);
    }
    Ok(d)
}

/// `i 4 uger fra den 5. april til og med den 9. maj`: says so when the weeks and the
/// written end disagree.
fn duration_note(d: &mut FuzzyDate, dur: Dur) {
    use super::lexicon::DurUnit;
    let (Some(s), Some(e)) = (d.start, d.end) else {
        return;
    };
    let expected = match dur.unit {
        DurUnit::Day => s.checked_add_days(chrono::Days::new(dur.n.into())),
        DurUnit::Week => s.checked_add_days(chrono::Days::new(u64::from(dur.n) * 7)),
        DurUnit::Month => s.checked_add_months(chrono::Months::new(dur.n)),
    };
    if let Some(x) = expected
        && x != e
    {
        let key = Key::new("date-note-duration")
            .arg("expected", x.format("%Y-%m-%d").to_string())
            .arg("end", e.format("%Y-%m-%d").to_string());
        d.notes.push(Note::new(NoteKind::Duration, key));
    }
}

/// Role, hedges, notes and the skipped text.
fn annotate(
    d: &mut FuzzyDate,
    text: &str,
    ctx: &ParseContext,
    scan: &Scan,
    found: &Found,
    used: &[usize],
) {
    let deadline = scan.class.contains(&C::Deadline);
    if deadline {
        open_start(d);
        if matches!(d.shape, Shape::OpenStart(_) | Shape::Before(_)) {
            d.role = Role::Deadline;
        }
    }
    match found.post {
        Some(Role::Until) if !deadline => {
            open_start(d);
            d.notes
                .push(Note::new(NoteKind::Operator, Key::new("date-note-senest")));
        }
        Some(Role::From) => {
            open_end(d);
            d.notes.push(Note::new(
                NoteKind::Operator,
                Key::new("date-note-tidligst"),
            ));
        }
        _ => {}
    }
    for (i, c) in scan.class.iter().enumerate() {
        if *c == C::Hedge {
            let w = &text[scan.toks[i].start..scan.toks[i].end];
            d.notes.push(Note::new(
                NoteKind::Hedge,
                Key::new("date-note-hedge").arg("word", w),
            ));
        }
    }
    if found.empty_time {
        d.notes.push(Note::new(
            NoteKind::EmptyTime,
            Key::new("date-note-empty-time"),
        ));
    }
    if let [core] = found.cores.as_slice() {
        weekday_note(d, scan, core);
        gap_note(d, core, ctx);
    }
    let mut notes = scan.notes.clone();
    notes.append(&mut d.notes);
    d.notes = notes;
    let used: Vec<&Core> = used.iter().map(|&i| &found.cores[i]).collect();
    d.ignored = ignored(text, scan, &used);
}

/// Makes a date a deadline: open at the start, ending where it ended.
fn open_start(d: &mut FuzzyDate) {
    let last = match d.shape {
        Shape::Point(u) | Shape::Range(_, u, _) => u,
        _ => return,
    };
    d.shape = Shape::OpenStart(last);
    d.start = None;
    d.start_time = None;
    d.end_time = last
        .times()
        .and_then(|t| {
            let (h, m, s) = t.end.unwrap_or(t.start);
            NaiveTime::from_hms_opt(h, m, s)
        })
        .or(d.end_time);
    d.precision = Precision::OpenEnded;
    d.role = Role::Until;
}

/// Makes a date a beginning: open at the end.
fn open_end(d: &mut FuzzyDate) {
    let first = match d.shape {
        Shape::Point(u) | Shape::Range(u, _, _) => u,
        _ => return,
    };
    d.shape = Shape::OpenEnd(first);
    d.end = None;
    d.end_time = first
        .times()
        .and_then(|t| t.end.and_then(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s)));
    d.precision = Precision::OpenEnded;
    d.role = Role::From;
}

/// `Tirsdag, 4. marts 2025`: a weekday that does not match the day is reported.
fn weekday_note(d: &mut FuzzyDate, scan: &Scan, core: &Core) {
    let days: Vec<(u32, &str)> = (core.a..core.b)
        .filter_map(|k| word_at(scan, k).and_then(|w| weekday_of(w).map(|n| (n, w))))
        .collect();
    if let ([(n, w)], Some(s)) = (days.as_slice(), d.start)
        && d.start == d.end
        && s.weekday().num_days_from_monday() != *n
    {
        let key = Key::new("date-note-weekday")
            .arg("word", *w)
            .arg("date", s.format("%Y-%m-%d").to_string())
            .either(
                "weekday",
                s.format_localized("%A", chrono::Locale::da_DK).to_string(),
                s.format("%A").to_string(),
            );
        d.notes.push(Note::new(NoteKind::Weekday, key));
    }
}

/// `4. og 6. marts`: dates joined by `og` with days between them are read as the whole
/// period, and that is said.
fn gap_note(d: &mut FuzzyDate, core: &Core, ctx: &ParseContext) {
    let Shape::Range(l, r, _) = d.shape else {
        return;
    };
    let joined = core
        .readings
        .iter()
        .any(|rd| matches!(rd.expr, Expr::Range(_, _, Sep::And)));
    if !joined {
        return;
    }
    if let (Ok((_, le)), Ok((rs, _))) = (l.span(ctx.conventions), r.span(ctx.conventions))
        && le.succ_opt().is_some_and(|next| next < rs)
    {
        let key = Key::new("date-note-joined").arg("date", d.display(Lang::Da));
        d.notes.push(Note::new(NoteKind::Joined, key));
    }
}

/// The text outside the dates, as written, in pieces. A sentence's closing full stop is
/// part of a clean date phrase and not reported.
fn ignored(text: &str, scan: &Scan, cores: &[&Core]) -> Vec<String> {
    let n = scan.toks.len();
    let inside = |k: usize| cores.iter().any(|c| (c.a..c.b).contains(&k));
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        if inside(k) {
            k += 1;
            continue;
        }
        let a = k;
        while k < n && !inside(k) {
            k += 1;
        }
        let mut b = k;
        if b == n && b - a == 1 && scan.toks[a].kind == Kind::Dot && a > 0 {
            continue;
        }
        if b == n && b - a > 1 && scan.toks[b - 1].kind == Kind::Dot && !scan.toks[b - 1].sp {
            b -= 1;
        }
        out.push(text[scan.toks[a].start..scan.toks[b - 1].end].to_string());
    }
    out
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    fn scan(text: &str) -> Scan {
        let mut s = classify(normalise(tokenize(text).unwrap()));
        mark_numbers(&mut s);
        s
    }

    fn idents(text: &str) -> Vec<String> {
        let s = scan(text);
        s.toks
            .iter()
            .zip(&s.class)
            .filter(|(_, c)| **c == C::Ident)
            .map(|(t, _)| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn numbers_that_name_things_are_identifiers() {
        assert_eq!(idents("Lokalplan 1150"), ["1150"]);
        assert_eq!(idents("KB 112/19"), ["112", "19"]);
        assert_eq!(idents("Version 2.1 3. marts 2022"), ["2", "1"]);
        assert_eq!(idents("3 puljer"), ["3"]);
        assert_eq!(idents("70%"), ["70"]);
        assert!(idents("Lokalplan 14. juni 2022").is_empty());
        assert!(idents("Nyhed 10.07.2018").is_empty());
        assert!(idents("i 2025").is_empty());
        assert!(idents("Opdateret 2024").is_empty());
    }

    #[test]
    fn abbreviations_with_periods_become_words() {
        let s = scan("t.o.m. 3. maj");
        assert_eq!(s.toks[0].word(), Some("tom"));
        assert_eq!(s.toks.len(), 4);
    }

    #[test]
    fn christmas_is_not_july() {
        let s = scan("inden jul 2024");
        assert_eq!(s.class[1], C::Free);
        let s = scan("jul. 2024");
        assert_eq!(s.class[0], C::Date(DateWord::Bearing));
    }
}
