//! The grammar of one date expression, and the resolver that turns it into days.
//!
//! The phrase reader ([`super::phrase`]) finds the date in a text and hands its tokens
//! here. The grammar works in two steps so that it never guesses:
//!
//! 1. *Syntax*: every sub-parser returns all the ways it can read the tokens at a position
//!    (there are few), so ambiguous spots such as `22.–28. maj` (a bare day, then a range)
//!    or `1/2-3/2 2024` are settled by which reading consumes the whole date, not by a
//!    fixed priority. Readings remember how they read a two-digit number after a month
//!    (as a year or as a day), so that a text with both sensible readings is refused.
//! 2. *Meaning*: each complete reading is resolved into days (years filled in, spans from
//!    the conventions, validity checked).
//!
//! The token list is at most `MAX_TOKENS` long and each sub-parser looks a
//! fixed number of tokens ahead, so the work per text is bounded.

use crate::messages::Key;
use chrono::{Datelike, FixedOffset, Months, NaiveDate, NaiveTime};

use super::conventions::{Part, Season};
use super::lex::{Kind, Tok};
use super::lexicon::{
    DurUnit, FILLERS, Period, WEEKDAYS, dur_unit_of, is_end_word, is_school_year_word,
    is_week_word, month_of, number_word, ordinal_word, part_of, period_of, season_of,
};
use super::{DateError, FuzzyDate, ParseContext, Precision, Role, Shape, Times, Unit};

/// How a reading used a two-digit number written after a month (`okt 23`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags {
    /// Read as a year (`okt-23` = October 2023, `2024/25`).
    pub yy_year: bool,
    /// Read as something else: a day (`Okt 09` = 9 October) or an ISO month.
    pub yy_other: bool,
}

impl Flags {
    pub fn or(self, o: Flags) -> Flags {
        Flags {
            yy_year: self.yy_year || o.yy_year,
            yy_other: self.yy_other || o.yy_other,
        }
    }
}

const YEAR: Flags = Flags {
    yy_year: true,
    yy_other: false,
};
const OTHER: Flags = Flags {
    yy_year: false,
    yy_other: true,
};

/// What joined the two ends of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// `-`, `til`, a sentence break …
    Plain,
    /// `/`: `Oktober 2021/2022` repeats the first end in the second year.
    Slash,
    /// `og`: the period covering both (`4. og 5. marts`).
    And,
}

/// A duration: `i 6 uger fra den 3. marts 2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Dur {
    pub n: u32,
    pub unit: DurUnit,
}

/// A complete reading of a date expression before years are filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expr {
    Point(Unit),
    Range(Unit, Unit, Sep),
    /// `senest …`: open at the start, ending with the end of the unit.
    OpenStart(Unit),
    /// `fra … og frem`: open at the end.
    OpenEnd(Unit),
    /// `inden …`, `før …`: open at the start, ending the day before the unit begins.
    Before(Unit),
    /// `i 6 uger fra den 3. marts`: from the unit's first day, for a duration.
    Lasting(Unit, Dur),
    Ongoing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    pub expr: Expr,
    pub flags: Flags,
    /// A duration written before a range that also names its end (`i 4 uger fra den
    /// 5. april til den 9. maj`): the written end wins, and a mismatch is reported.
    pub dur: Option<Dur>,
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    u: Unit,
    k: usize,
    f: Flags,
}

type Cands = Vec<Cand>;

fn cand(u: Unit, k: usize) -> Cand {
    Cand {
        u,
        k,
        f: Flags::default(),
    }
}

const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// A two-digit year in full: 70–99 are the 1900s, 00–69 the 2000s.
pub(super) fn full_year(yy: u32) -> i32 {
    if yy >= 70 {
        1900 + yy as i32
    } else {
        2000 + yy as i32
    }
}

/// The year `yy` ends in, on or after `from` (and at most 99 years later).
fn year_after(from: i32, yy: u32) -> i32 {
    let century = from - from.rem_euclid(100);
    let y = century + yy as i32;
    if y < from { y + 100 } else { y }
}

/// The operator before a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    None,
    Until,
    Before,
    From,
    Within,
}

/// Drops filler words and commas (which never change a date), marking the token after
/// them. `med` stays after `og` (`til og med`), and `for` after `inden` (`inden for`).
pub(super) fn strip(toks: &[Tok]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut fill = false;
    let mut sp = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == Kind::Comma {
            sp = true;
            i += 1;
            continue;
        }
        let prev = out.last().and_then(|p| p.word());
        if let Some(w) = t.word()
            && (FILLERS.contains(&w) || WEEKDAYS.contains(&w))
            && !(w == "med" && prev == Some("og"))
            // "sidst på året": the year itself, after a part word.
            && !(matches!(w, "året" | "aaret") && prev.is_some_and(|p| part_of(p).is_some()))
        {
            fill = true;
            // "d." and "tirs." take their abbreviation period with them.
            if toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Dot && !n.sp)
            {
                i += 1;
            }
            i += 1;
            continue;
        }
        let mut t = t.clone();
        t.fill = fill;
        t.sp |= sp || fill;
        out.push(t);
        fill = false;
        sp = false;
        i += 1;
    }
    out
}

/// Every complete reading of one date expression (raw tokens: fillers still in).
pub(super) fn readings(raw: &[Tok]) -> Vec<Reading> {
    let mut start = 0;
    while raw
        .get(start)
        .and_then(|t| t.word())
        .is_some_and(|w| FILLERS.contains(&w))
    {
        start += 1;
        // "d. 11.9.2019": the filler takes its abbreviation period with it.
        if raw.get(start).is_some_and(|t| t.kind == Kind::Dot && !t.sp) {
            start += 1;
        }
    }
    let raw = &raw[start..];
    let (dur, raw) = duration_prefix(raw);
    let (op, raw) = operator(raw);
    let toks = strip(raw);
    let p = Parser { t: &toks };
    let mut out = Vec::new();
    match dur {
        Some(d) => {
            if op != Op::From {
                return out;
            }
            for r in p.body(Op::From) {
                match r.expr {
                    Expr::OpenEnd(u) => out.push(Reading {
                        expr: Expr::Lasting(u, d),
                        ..r
                    }),
                    Expr::Range(..) => out.push(Reading { dur: Some(d), ..r }),
                    _ => {}
                }
            }
        }
        None => out = p.body(op),
    }
    out
}

/// `[i] 6 uger fra …`: the duration, and the tokens from `fra` on.
fn duration_prefix(raw: &[Tok]) -> (Option<Dur>, &[Tok]) {
    let n = match raw.first() {
        Some(Tok {
            kind: Kind::Num(n),
            len: 1..=3,
            ..
        }) => Some(*n),
        Some(t) => t.word().and_then(number_word),
        None => None,
    };
    let unit = raw.get(1).and_then(|t| t.word()).and_then(dur_unit_of);
    match (n, unit, raw.get(2).and_then(|t| t.word())) {
        (Some(n), Some(unit), Some("fra" | "from")) if n > 0 => (Some(Dur { n, unit }), &raw[2..]),
        _ => (None, raw),
    }
}

fn words_at(t: &[Tok], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| t.get(i + k).and_then(|t| t.word()) == Some(*w))
}

/// The operator at the start, and the tokens after it.
fn operator(raw: &[Tok]) -> (Op, &[Tok]) {
    const OPS: &[(&[&str], Op)] = &[
        (&["til", "og", "med"], Op::Until),
        (&["frem", "til", "og", "med"], Op::Until),
        (&["frem", "til"], Op::Until),
        (&["frem", "mod"], Op::Until),
        (&["no", "later", "than"], Op::Until),
        (&["senest"], Op::Until),
        (&["indtil"], Op::Until),
        (&["until"], Op::Until),
        (&["till"], Op::Until),
        (&["by"], Op::Until),
        (&["tom"], Op::Until),
        (&["inden", "for"], Op::Within),
        (&["within"], Op::Within),
        (&["inden"], Op::Before),
        (&["før"], Op::Before),
        (&["foer"], Op::Before),
        (&["before"], Op::Before),
        (&["fra", "og", "med"], Op::From),
        (&["starting", "from"], Op::From),
        (&["fom"], Op::From),
        (&["fra"], Op::From),
        (&["from"], Op::From),
        (&["tidligst"], Op::From),
        (&["siden"], Op::From),
        (&["since"], Op::From),
        (&["starting"], Op::From),
    ];
    for (words, op) in OPS {
        if words_at(raw, 0, words) {
            let mut j = words.len();
            // "Frist: 1. maj", "fra: 3. marts".
            if raw.get(j).is_some_and(|t| t.kind == Kind::Colon) {
                j += 1;
            }
            return (*op, &raw[j..]);
        }
    }
    (Op::None, raw)
}

struct Parser<'t> {
    t: &'t [Tok],
}

impl Parser<'_> {
    fn kind(&self, i: usize) -> Option<&Kind> {
        self.t.get(i).map(|t| &t.kind)
    }

    fn is(&self, i: usize, kind: &Kind) -> bool {
        self.kind(i) == Some(kind)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.t.get(i).and_then(|t| t.word())
    }

    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words_at(self.t, i, words)
    }

    /// Whether whitespace came before token `i`.
    fn spaced(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.sp)
    }

    /// Whether the `count` tokens from `i` on are written without space before them.
    fn glued(&self, i: usize, count: usize) -> bool {
        (i..i + count).all(|k| self.t.get(k).is_some_and(|t| !t.sp))
    }

    /// A number of `min..=max` digits.
    fn num(&self, i: usize, min: usize, max: usize) -> Option<u32> {
        match self.t.get(i) {
            Some(Tok {
                kind: Kind::Num(v),
                len,
                ..
            }) if (min..=max).contains(len) => Some(*v),
            _ => None,
        }
    }

    fn year4(&self, i: usize) -> Option<i32> {
        self.num(i, 4, 4).and_then(|v| i32::try_from(v).ok())
    }

    /// An optional four-digit year: both readings (with and without it).
    fn year_opt(&self, i: usize) -> Vec<(Option<i32>, usize)> {
        let mut out = Vec::with_capacity(2);
        if let Some(y) = self.year4(i) {
            out.push((Some(y), i + 1));
        }
        out.push((None, i));
        out
    }

    /// A month name, with and without a following abbreviation period.
    fn month_word(&self, i: usize) -> Vec<(u32, usize)> {
        let mut out = Vec::new();
        if let Some(m) = self.word(i).and_then(month_of) {
            if self.is(i + 1, &Kind::Dot) && !self.spaced(i + 1) {
                out.push((m, i + 2));
            }
            out.push((m, i + 1));
        }
        out
    }

    /// The body of a date after its operator.
    fn body(&self, op: Op) -> Vec<Reading> {
        let n = self.t.len();
        let mut out = Vec::new();
        let push = |out: &mut Vec<Reading>, expr, flags| {
            out.push(Reading {
                expr,
                flags,
                dur: None,
            })
        };
        if n == 0 {
            return out;
        }
        if n == 1
            && let Some(w) = self.word(0)
            && super::lexicon::ONGOING.contains(&w)
            && op == Op::None
        {
            push(&mut out, Expr::Ongoing, Flags::default());
            return out;
        }
        match op {
            Op::Until | Op::Before => {
                // "inden udgangen af 2025", "senest ved udgangen af uge 28": by the end.
                if self.word(0).is_some_and(is_end_word) {
                    for c in self.point(1) {
                        if c.k == n {
                            push(&mut out, Expr::OpenStart(c.u), c.f);
                        }
                    }
                }
                for c in self.point(0) {
                    if c.k == n {
                        let e = if op == Op::Until {
                            Expr::OpenStart(c.u)
                        } else {
                            Expr::Before(c.u)
                        };
                        push(&mut out, e, c.f);
                    }
                }
                return out;
            }
            Op::Within => {
                for c in self.point(0) {
                    if c.k == n {
                        push(&mut out, Expr::Point(c.u), c.f);
                    }
                }
                return out;
            }
            Op::From | Op::None => {}
        }
        let suffix = self.open_end_suffix();
        let end = suffix.unwrap_or(n);
        if op == Op::From || suffix.is_some() {
            for c in self.point(0) {
                if c.k == end {
                    push(&mut out, Expr::OpenEnd(c.u), c.f);
                }
            }
        } else {
            for c in self.point(0) {
                if c.k == n {
                    push(&mut out, Expr::Point(c.u), c.f);
                }
            }
            self.first_months(&mut out);
            self.year_pair(&mut out);
            self.part_pair(&mut out);
        }
        // "fra 1. maj til 3. maj" is a range, not an open interval.
        if suffix.is_none() {
            self.ranges(&mut out);
        }
        out
    }

    fn ranges(&self, out: &mut Vec<Reading>) {
        let n = self.t.len();
        for l in self.point(0) {
            for k in self.listed_days(l) {
                for (k2, sep) in self.separators(k) {
                    if k != l.k && sep != Sep::And {
                        continue;
                    }
                    // "4., 5. og 6. marts" names the days between: no gap to report.
                    let sep = if k != l.k { Sep::Plain } else { sep };
                    // A sentence break joins two whole dates ("1. kvartal 2023. Primo 4.
                    // kvartal 2023"), never an abbreviation's period ("1. kvt. 2026").
                    let sentence = self.is(k, &Kind::Dot);
                    for r in self.point(k2) {
                        if r.k == n && !(sentence && (l.u.year().is_none() || r.u.year().is_none()))
                        {
                            out.push(Reading {
                                expr: Expr::Range(l.u, r.u, sep),
                                flags: l.f.or(r.f),
                                dur: None,
                            });
                        }
                    }
                    // "uge 15-17 2023", "September 12-14, 2023": the second end is a
                    // bare number of the same kind as the first.
                    for (v, k3) in self.day_number(k2) {
                        for (y, k4) in self.year_opt(k3) {
                            if k4 == n
                                && let Some(r) = repeat_unit(l.u, v, y)
                            {
                                out.push(Reading {
                                    expr: Expr::Range(l.u, r, sep),
                                    flags: l.f,
                                    dur: None,
                                });
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where a list of bare days after a range's first end may stop: `4., 5. og 6. marts`
    /// lists `5.` before `og`. Always includes the first end's own end.
    fn listed_days(&self, l: Cand) -> Vec<usize> {
        let mut out = vec![l.k];
        if !matches!(l.u, Unit::BareDay { .. }) {
            return out;
        }
        let mut k = l.k;
        for _ in 0..3 {
            match self
                .day_number(k)
                .into_iter()
                .find(|&(_, j)| self.is(j, &Kind::Dot) || self.word(j) == Some("og"))
            {
                Some((_, j)) => {
                    let j = if self.is(j, &Kind::Dot) { j + 1 } else { j };
                    out.push(j);
                    k = j;
                }
                None => break,
            }
        }
        out
    }

    /// All readings of one date expression starting at `i`, longest first.
    fn point(&self, i: usize) -> Cands {
        let mut out = Vec::new();
        self.iso(i, &mut out);
        self.numeric(i, &mut out);
        self.day_month(i, &mut out);
        self.month_day(i, &mut out);
        self.period(i, None, &mut out);
        self.week(i, &mut out);
        self.part(i, &mut out);
        self.month(i, &mut out);
        self.season(i, &mut out);
        self.school_year(i, &mut out);
        self.bare_day(i, &mut out);
        self.time_first(i, &mut out);
        self.year_first(i, &mut out);
        out.sort_by_key(|c| std::cmp::Reverse(c.k));
        out
    }

    fn push_days(&self, d: u32, m: u32, y: Option<i32>, at: usize, f: Flags, out: &mut Cands) {
        for (time, k) in self.times(at, y.is_some()) {
            out.push(Cand {
                u: Unit::Day { d, m, y, time },
                k,
                f,
            });
        }
    }

    /// `2023-09-12[T12:00[:00][Z|+02:00]]`, `2023-09`, `2023-W15`, `2023-Q2`, `2023-H1`, `2023`.
    fn iso(&self, i: usize, out: &mut Cands) {
        let Some(y) = self.year4(i) else { return };
        // ISO forms are written without spaces; "1990 – 1. marts" is a range, not 1990-01.
        if self.is(i + 1, &Kind::Dash) && self.glued(i + 1, 2) {
            if let Some(m) = self.num(i + 2, 2, 2) {
                if self.is(i + 3, &Kind::Dash)
                    && self.glued(i + 3, 2)
                    && let Some(d) = self.num(i + 4, 2, 2)
                {
                    self.push_days(d, m, Some(y), i + 5, Flags::default(), out);
                }
                // "2010-11" is also the years 2010 to 2011 (see `year_pair`).
                let f = if m == ((y + 1).rem_euclid(100)) as u32 {
                    OTHER
                } else {
                    Flags::default()
                };
                out.push(Cand {
                    u: Unit::Month { m, y: Some(y) },
                    k: i + 3,
                    f,
                });
            }
            if let (Some(w), Some(n)) = (self.word(i + 2), self.num(i + 3, 1, 2)) {
                let y = Some(y);
                let unit = match w {
                    "w" => Some(Unit::Week { w: n, y }),
                    "q" => Some(Unit::Quarter {
                        q: n,
                        part: None,
                        y,
                    }),
                    "h" => Some(Unit::Half {
                        h: n,
                        part: None,
                        y,
                    }),
                    _ => None,
                };
                if let Some(u) = unit {
                    out.push(cand(u, i + 4));
                }
            }
        }
        out.push(cand(Unit::Year { y }, i + 1));
    }

    /// Numeric dates, always day first: `12.04.2016`, `18-09-2024`, `19/2-2019`,
    /// `4/1 2022`, `27.04.23`, `26.03. 2015`, and year-less `4/1`, `12.04.`.
    fn numeric(&self, i: usize, out: &mut Cands) {
        let (Some(d), Some(sep), Some(m)) =
            (self.num(i, 1, 2), self.kind(i + 1), self.num(i + 2, 1, 2))
        else {
            return;
        };
        // Numeric dates are written without spaces ("1. 2. kvartal" is not 1 February).
        if !matches!(sep, Kind::Dot | Kind::Slash | Kind::Dash) || !self.glued(i + 1, 2) {
            return;
        }
        let sep2 = matches!(self.kind(i + 3), Some(Kind::Dot | Kind::Slash | Kind::Dash))
            && !self.spaced(i + 3);
        let mut years = Vec::new();
        if sep2 {
            if let Some(v) = self.num(i + 4, 2, 4).filter(|_| {
                self.t
                    .get(i + 4)
                    .is_some_and(|t| t.len != 3 && (!t.sp || t.len == 4))
            }) {
                years.push((v, i + 5));
            }
        } else if let Some(v) = self.num(i + 3, 4, 4) {
            years.push((v, i + 4));
        }
        for (v, at) in years {
            // A two-digit year: 70–99 are the 1900s, 00–69 the 2000s (`27.04.23`).
            let y = if v < 100 { full_year(v) } else { v as i32 };
            self.push_days(d, m, Some(y), at, Flags::default(), out);
        }
        // Without a year, `18-09` is too easily a range of days, so only `.` and `/` count;
        // and `2.1` or `1.4` is as often a version or a decimal, so a dotted date without a
        // year needs its closing period (`2.1.`) or two two-digit numbers (`12.04`).
        if *sep != Kind::Dash {
            let two_digits = self.num(i, 2, 2).is_some() && self.num(i + 2, 2, 2).is_some();
            if *sep == Kind::Slash || two_digits {
                self.push_days(d, m, None, i + 3, Flags::default(), out);
            }
            if self.is(i + 3, &Kind::Dot) {
                self.push_days(d, m, None, i + 4, Flags::default(), out);
            }
        }
    }

    /// The end of a day number: `12.`, `1st`, or nothing.
    fn day_number(&self, i: usize) -> Vec<(u32, usize)> {
        let Some(d) = self.num(i, 1, 2) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if self.is(i + 1, &Kind::Dot) {
            out.push((d, i + 2));
        }
        if self
            .word(i + 1)
            .is_some_and(|w| ORDINAL_SUFFIXES.contains(&w))
        {
            let j = if self.is(i + 2, &Kind::Dot) {
                i + 3
            } else {
                i + 2
            };
            out.push((d, j));
        }
        out.push((d, i + 1));
        out
    }

    /// `12. september 2023`, `12 sep 2023`, `4 January 2022`, `19. februar 09`,
    /// `15-maj-2002`, `23-jan`.
    fn day_month(&self, i: usize, out: &mut Cands) {
        for (d, j) in self.day_number(i) {
            for (m, k) in self.month_word(j) {
                for (y, l) in self.year_opt(k) {
                    self.push_days(d, m, y, l, Flags::default(), out);
                }
                // A two-digit year after the month: "18.-19. februar 09".
                if let Some(yy) = self.num(k, 2, 2)
                    && self.spaced(k)
                {
                    self.push_days(d, m, Some(full_year(yy)), k + 1, YEAR, out);
                }
            }
        }
        // "15-maj-2002", "23-jan" (spreadsheets): dashes written against the month.
        if let Some(d) = self.num(i, 1, 2)
            && self.is(i + 1, &Kind::Dash)
            && self.glued(i + 1, 2)
        {
            for (m, k) in self.month_word(i + 2) {
                if self.is(k, &Kind::Dash) && self.glued(k, 2) {
                    if let Some(y) = self.year4(k + 1) {
                        self.push_days(d, m, Some(y), k + 2, Flags::default(), out);
                    }
                } else {
                    self.push_days(d, m, None, k, Flags::default(), out);
                }
            }
        }
    }

    /// English month first: `September 12, 2023`, `marts 5, 2025`, `Okt 09`.
    fn month_day(&self, i: usize, out: &mut Cands) {
        for (m, j) in self.month_word(i) {
            if !self.spaced(j) {
                continue;
            }
            for (d, k) in self.day_number(j) {
                // "Okt 09" may also be October 2009 (see `month`).
                let f = if self.num(j, 2, 2).is_some() && k == j + 1 {
                    OTHER
                } else {
                    Flags::default()
                };
                for (y, l) in self.year_opt(k) {
                    self.push_days(d, m, y, l, f, out);
                }
            }
        }
    }

    /// Quarters and half-years: `2. kvartal 2023`, `1st quarter`, `første halvår`,
    /// `first half of 2024`, `Q2 2023`, `H1 2024`.
    fn period(&self, i: usize, part: Option<Part>, out: &mut Cands) {
        let mut heads: Vec<(u32, Period, usize)> = Vec::new();
        // Q2 / H1 (letter and digit written together).
        if let (Some(w), Some(n)) = (self.word(i), self.num(i + 1, 1, 1))
            && !self.spaced(i + 1)
        {
            match w {
                "q" => heads.push((n, Period::Quarter, i + 2)),
                "h" => heads.push((n, Period::Half, i + 2)),
                _ => {}
            }
        }
        let mut ordinals: Vec<(u32, usize)> = Vec::new();
        match self.word(i) {
            Some(w) if ordinal_word(w).is_some() => {
                ordinals.push((ordinal_word(w).unwrap_or(1), i + 1));
            }
            // "sidste halvår", "det sidste kvartal": the last one of the kind.
            Some("sidste" | "last") => ordinals.push((0, i + 1)),
            _ => {}
        }
        if self.num(i, 1, 1).is_some() {
            ordinals.extend(self.day_number(i));
        }
        for (n, j) in ordinals {
            if let Some(p) = self.word(j).and_then(period_of) {
                let mut k = j + 1;
                // "1. kvt. 2026": the abbreviation's period.
                if self.is(k, &Kind::Dot) && !self.spaced(k) {
                    k += 1;
                }
                // "half-year", "half year", "halvår" all mean the same.
                if self.is(k, &Kind::Dash) && self.word(k + 1) == Some("year") {
                    k += 2;
                } else if self.word(k) == Some("year") {
                    k += 1;
                }
                let n = match (n, p) {
                    (0, Period::Quarter) => 4,
                    (0, Period::Half) => 2,
                    _ => n,
                };
                heads.push((n, p, k));
            }
        }
        for (n, p, k) in heads {
            for (y, l) in self.year_opt(k) {
                let unit = match p {
                    Period::Quarter => Unit::Quarter { q: n, part, y },
                    Period::Half => Unit::Half { h: n, part, y },
                };
                out.push(cand(unit, l));
            }
        }
    }

    /// `uge 15 2023`, `week 15 2024`, `ugerne 20-22` (the number written right after the
    /// word: in `i uge den 25. september` there is no week).
    fn week(&self, i: usize, out: &mut Cands) {
        if !self.word(i).is_some_and(is_week_word) {
            return;
        }
        let j = if self.is(i + 1, &Kind::Dot) {
            i + 2
        } else {
            i + 1
        };
        if let Some(w) = self.num(j, 1, 2)
            && !self.t[j].fill
        {
            for (y, k) in self.year_opt(j + 1) {
                out.push(cand(Unit::Week { w, y }, k));
            }
        }
    }

    /// `primo marts 2024`, `Ultimo 2008`, `mid-March`, `early Q2 2024`, `starten af 2024`.
    fn part(&self, i: usize, out: &mut Cands) {
        let Some(part) = self.word(i).and_then(part_of) else {
            return;
        };
        let mut j = i + 1;
        // "mid-March", "mid-2024": a dash written against the word.
        if self.is(j, &Kind::Dash) && !self.spaced(j) {
            j += 1;
        }
        for (m, k) in self.month_word(j) {
            for (y, l) in self.year_opt(k) {
                out.push(cand(Unit::MonthPart { part, m, y }, l));
            }
        }
        self.period(j, Some(part), out);
        // A year is required here: `ultimo` alone is not a date, but `sidst på året`
        // (the year) is, in the year of the row above.
        if let Some(y) = self.year4(j) {
            out.push(cand(Unit::YearPart { part, y: Some(y) }, j + 1));
        } else if matches!(self.word(j), Some("året" | "aaret")) {
            match self.year4(j + 1) {
                Some(y) => out.push(cand(Unit::YearPart { part, y: Some(y) }, j + 2)),
                None => out.push(cand(Unit::YearPart { part, y: None }, j + 1)),
            }
        }
    }

    /// `september 2023`, `Januar`, `okt-23`, `okt 23`, and OCR's `Oktober —2021` (a stray
    /// dash written against the year, with a space before it: that is not a range).
    fn month(&self, i: usize, out: &mut Cands) {
        for (m, j) in self.month_word(i) {
            if self.is(j, &Kind::Dash)
                && self.spaced(j)
                && let Some(y) = self.year4(j + 1)
                && !self.spaced(j + 1)
            {
                out.push(cand(Unit::Month { m, y: Some(y) }, j + 2));
            }
            // Spreadsheets: "okt-23", "jan.-24", "okt/23".
            if matches!(self.kind(j), Some(Kind::Dash | Kind::Slash))
                && self.glued(j, 2)
                && let Some(yy) = self.num(j + 1, 2, 2)
            {
                out.push(Cand {
                    u: Unit::Month {
                        m,
                        y: Some(full_year(yy)),
                    },
                    k: j + 2,
                    f: YEAR,
                });
            }
            // "maj 24": a year, or (see `month_day`) the 24th.
            if let Some(yy) = self.num(j, 2, 2)
                && self.spaced(j)
            {
                out.push(Cand {
                    u: Unit::Month {
                        m,
                        y: Some(full_year(yy)),
                    },
                    k: j + 1,
                    f: YEAR,
                });
            }
            for (y, k) in self.year_opt(j) {
                out.push(cand(Unit::Month { m, y }, k));
            }
        }
    }

    /// `forår 2023`, `efteråret 2023`, `winter 2024`, `vinter 2024/25`, `early summer`.
    fn season(&self, i: usize, out: &mut Cands) {
        let (s, j) = match (self.word(i), self.word(i + 1)) {
            (Some("early"), Some("summer")) => (Season::EarlySummer, i + 2),
            (Some("high"), Some("summer")) => (Season::HighSummer, i + 2),
            (Some("late"), Some("summer")) => (Season::LateSummer, i + 2),
            (Some(w), _) => match season_of(w) {
                Some(s) => (s, i + 1),
                None => return,
            },
            _ => return,
        };
        // "vinter 2024/25", "vinteren 2024-2025": the winter that runs into 2025.
        if s == Season::Winter
            && let Some((y, k, f)) = self.year_and_next(j)
        {
            out.push(Cand {
                u: Unit::Season { s, y: Some(y) },
                k,
                f,
            });
        }
        for (y, k) in self.year_opt(j) {
            out.push(cand(Unit::Season { s, y }, k));
        }
    }

    /// `skoleåret 2024/25`, `skoleår 2024-2025`, `school year 2024/25`.
    fn school_year(&self, i: usize, out: &mut Cands) {
        let j = if self.word(i).is_some_and(is_school_year_word) {
            i + 1
        } else if self.words_at(i, &["school", "year"]) {
            i + 2
        } else {
            return;
        };
        if let Some((y, k, f)) = self.year_and_next(j) {
            out.push(Cand {
                u: Unit::SchoolYear { y },
                k,
                f,
            });
        }
    }

    /// A year and the next one written together: `2024/25`, `2024-2025`, `24/25` (with
    /// spaces, `vinter 2022 – 2023` is a period from one winter to a year).
    fn year_and_next(&self, j: usize) -> Option<(i32, usize, Flags)> {
        let sep =
            matches!(self.kind(j + 1), Some(Kind::Slash | Kind::Dash)) && self.glued(j + 1, 2);
        if !sep {
            return None;
        }
        let (y, f) = match (self.year4(j), self.num(j, 2, 2)) {
            (Some(y), _) => (y, Flags::default()),
            (None, Some(yy)) => (full_year(yy), YEAR),
            _ => return None,
        };
        let next = self
            .year4(j + 2)
            .or_else(|| self.num(j + 2, 2, 2).map(|yy| year_after(y, yy)))?;
        (next == y + 1).then_some((y, j + 3, f))
    }

    /// `2021-25`, `2024/25`: two years, the second written with two digits.
    fn year_pair(&self, out: &mut Vec<Reading>) {
        let n = self.t.len();
        let Some(y) = self.year4(0) else { return };
        if n != 3 || !matches!(self.kind(1), Some(Kind::Dash | Kind::Slash)) || !self.glued(1, 2) {
            return;
        }
        let Some(yy) = self.num(2, 2, 2) else { return };
        let end = year_after(y, yy);
        if end > y && end - y <= 50 {
            out.push(Reading {
                expr: Expr::Range(Unit::Year { y }, Unit::Year { y: end }, Sep::Plain),
                flags: YEAR,
                dur: None,
            });
        }
    }

    /// `medio/ultimo 2025`, `primo-medio marts 2026`: two parts of the same period.
    fn part_pair(&self, out: &mut Vec<Reading>) {
        let n = self.t.len();
        let Some(p1) = self.word(0).and_then(part_of) else {
            return;
        };
        for (k, _) in self.separators(1) {
            for r in self.point(k) {
                let l = match r.u {
                    Unit::MonthPart { m, y, .. } => Unit::MonthPart { part: p1, m, y },
                    Unit::YearPart { y, .. } => Unit::YearPart { part: p1, y },
                    Unit::Quarter {
                        q,
                        part: Some(_),
                        y,
                    } => Unit::Quarter {
                        q,
                        part: Some(p1),
                        y,
                    },
                    Unit::Half {
                        h,
                        part: Some(_),
                        y,
                    } => Unit::Half {
                        h,
                        part: Some(p1),
                        y,
                    },
                    _ => continue,
                };
                if r.k == n {
                    out.push(Reading {
                        expr: Expr::Range(l, r.u, Sep::Plain),
                        flags: r.f,
                        dur: None,
                    });
                }
            }
        }
    }

    /// `de første tre måneder af 2025`, `de sidste 2 måneder af 2024`.
    fn first_months(&self, out: &mut Vec<Reading>) {
        let first = match self.word(0) {
            Some("første" | "forste" | "foerste" | "first") => true,
            Some("sidste" | "last") => false,
            _ => return,
        };
        let count = self
            .num(1, 1, 2)
            .or_else(|| self.word(1).and_then(number_word));
        let unit = self.word(2).and_then(dur_unit_of);
        let (Some(c), Some(DurUnit::Month), Some(y), 4) =
            (count, unit, self.year4(3), self.t.len())
        else {
            return;
        };
        if !(1..=12).contains(&c) {
            return;
        }
        let (a, b) = if first { (1, c) } else { (13 - c, 12) };
        let y = Some(y);
        let expr = if a == b {
            Expr::Point(Unit::Month { m: a, y })
        } else {
            Expr::Range(Unit::Month { m: a, y }, Unit::Month { m: b, y }, Sep::Plain)
        };
        out.push(Reading {
            expr,
            flags: Flags::default(),
            dur: None,
        });
    }

    /// `22.` in `22.–28. maj 2008`.
    fn bare_day(&self, i: usize, out: &mut Cands) {
        for (d, j) in self.day_number(i) {
            out.push(cand(Unit::BareDay { d }, j));
        }
    }

    /// A time written before the day: `kl. 19.00, tirsdag den 4. marts 2025`.
    fn time_first(&self, i: usize, out: &mut Cands) {
        if !matches!(self.word(i), Some("kl" | "klokken")) {
            return;
        }
        for (time, j) in self.times(i, false) {
            let Some(time) = time else { continue };
            let mut days = Vec::new();
            self.numeric(j, &mut days);
            self.day_month(j, &mut days);
            self.month_day(j, &mut days);
            for c in days {
                if let Unit::Day {
                    d,
                    m,
                    y,
                    time: None,
                } = c.u
                {
                    out.push(Cand {
                        u: Unit::Day {
                            d,
                            m,
                            y,
                            time: Some(time),
                        },
                        ..c
                    });
                }
            }
        }
    }

    /// A year written first: `2019, maj`, `2020, 1. halvår`.
    fn year_first(&self, i: usize, out: &mut Cands) {
        let Some(y) = self.year4(i) else { return };
        if !self.spaced(i + 1) {
            return;
        }
        let mut rest = Vec::new();
        self.day_month(i + 1, &mut rest);
        self.period(i + 1, None, &mut rest);
        self.week(i + 1, &mut rest);
        self.part(i + 1, &mut rest);
        self.month(i + 1, &mut rest);
        self.season(i + 1, &mut rest);
        for c in rest {
            if c.u.year().is_none() && c.f == Flags::default() {
                out.push(Cand {
                    u: c.u.with_year(y),
                    ..c
                });
            }
        }
    }

    /// Optional time after a day: `kl. 17.00`, `kl. 12`, `17:00`, `T12:00:00+02:00`,
    /// `kl. 17.00-19.00`, `- 19:00`, `fra kl. 17-19`, `Klokken 10.00`, and `9.30` after a
    /// day with its year (`5. MAR 2025 9.30`). Always includes the reading without a time.
    fn times(&self, i: usize, has_year: bool) -> Vec<(Option<Times>, usize)> {
        let mut out = vec![(None, i)];
        let mut i = i;
        // "4. marts 2025 - 19:00", "27. august: Klokken 10.00", "fra kl. 17-19".
        let lead = matches!(self.kind(i), Some(Kind::Dash | Kind::Colon))
            || matches!(self.word(i), Some("fra" | "from"));
        if lead {
            i += 1;
        }
        let (marker, iso_t, mut j) = match self.word(i) {
            Some("kl" | "klokken" | "at") => (true, false, i + 1),
            Some("t") if !self.spaced(i) && !lead => (true, true, i + 1),
            _ => (false, false, i),
        };
        if marker && !iso_t && self.is(j, &Kind::Dot) {
            j += 1;
        }
        let Some((start, colon, k)) = self.clock(j) else {
            return out;
        };
        // A bare "17.00" after a date could be anything; without "kl." only 17:00 counts,
        // or 17.00 right after a day that has its year.
        let bare_dot_ok = has_year && !lead && start.1 > 0 && self.num(j + 2, 2, 2).is_some();
        if !marker && !colon && !bare_dot_ok {
            return out;
        }
        let (offset, k) = self.zone(k, iso_t);
        out.push((
            Some(Times {
                start,
                end: None,
                offset,
            }),
            k,
        ));
        if offset.is_none()
            && (self.is(k, &Kind::Dash) || matches!(self.word(k), Some("til" | "to")))
        {
            let mut m = k + 1;
            if matches!(self.word(m), Some("kl" | "klokken")) {
                m += 1;
                if self.is(m, &Kind::Dot) {
                    m += 1;
                }
            }
            if let Some((end, _, n)) = self.clock(m) {
                out.push((
                    Some(Times {
                        start,
                        end: Some(end),
                        offset: None,
                    }),
                    n,
                ));
            }
        }
        out
    }

    /// `17`, `17.00`, `17:00`, `17:00:30`; the flag says whether a colon was used.
    fn clock(&self, j: usize) -> Option<((u32, u32, u32), bool, usize)> {
        let h = self.num(j, 1, 2)?;
        let colon = self.is(j + 1, &Kind::Colon);
        if (colon || self.is(j + 1, &Kind::Dot))
            && let Some(m) = self.num(j + 2, 2, 2)
        {
            if colon
                && self.is(j + 3, &Kind::Colon)
                && let Some(s) = self.num(j + 4, 2, 2)
            {
                return Some(((h, m, s), true, j + 5));
            }
            return Some(((h, m, 0), colon, j + 3));
        }
        // "kl. 17 – 19. maj": a bare number followed by a period is a day, not an hour.
        if self.is(j + 1, &Kind::Dot) {
            return None;
        }
        Some(((h, 0, 0), false, j + 1))
    }

    /// `Z`, `+02:00`, `+0200`, `+02`, and with an ISO `T` also `-05:00`.
    fn zone(&self, k: usize, allow_minus: bool) -> (Option<i32>, usize) {
        if self.word(k) == Some("z") {
            return (Some(0), k + 1);
        }
        let sign = if self.is(k, &Kind::Plus) {
            1
        } else if allow_minus && self.is(k, &Kind::Dash) {
            -1
        } else {
            return (None, k);
        };
        if let Some(h) = self.num(k + 1, 2, 2) {
            let h = h as i32;
            if self.is(k + 2, &Kind::Colon)
                && let Some(m) = self.num(k + 3, 2, 2)
            {
                return (Some(sign * (h * 3600 + m as i32 * 60)), k + 4);
            }
            return (Some(sign * h * 3600), k + 2);
        }
        if let Some(hm) = self.num(k + 1, 4, 4) {
            let (h, m) = ((hm / 100) as i32, (hm % 100) as i32);
            return (Some(sign * (h * 3600 + m * 60)), k + 2);
        }
        (None, k)
    }

    /// What may stand between the two ends of a range.
    fn separators(&self, k: usize) -> Vec<(usize, Sep)> {
        match self.kind(k) {
            Some(Kind::Dash) => vec![(k + 1, Sep::Plain)],
            Some(Kind::Slash) => vec![(k + 1, Sep::Slash)],
            // A sentence break: "1. kvartal 2023. Primo 4. kvartal 2023".
            Some(Kind::Dot) => vec![(k + 1, Sep::Plain)],
            Some(Kind::Word(w)) => match w.as_str() {
                "til" if self.words_at(k + 1, &["og", "med"]) => vec![(k + 3, Sep::Plain)],
                "frem" if self.words_at(k + 1, &["til"]) => vec![(k + 2, Sep::Plain)],
                "til" | "to" | "through" | "till" | "until" | "indtil" => {
                    vec![(k + 1, Sep::Plain)]
                }
                "og" | "and" => vec![(k + 1, Sep::And)],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// `… og frem`, `… onwards`: returns where the suffix starts.
    fn open_end_suffix(&self) -> Option<usize> {
        const SUFFIXES: &[&[&str]] = &[
            &["og", "frem"],
            &["og", "fremefter"],
            &["og", "fremover"],
            &["and", "onwards"],
            &["and", "later"],
            &["or", "later"],
            &["onwards"],
            &["onward"],
            &["fremefter"],
            &["fremover"],
        ];
        let n = self.t.len();
        SUFFIXES
            .iter()
            .filter(|s| s.len() < n)
            .map(|s| (n - s.len(), s))
            .find(|(at, s)| self.words_at(*at, s))
            .map(|(at, _)| at)
    }
}

/// The unit `l` with its number replaced by `v` (and the year `y`), for ranges that write
/// the kind only once. Only for a year-less first end, so that the year is shared.
fn repeat_unit(l: Unit, v: u32, y: Option<i32>) -> Option<Unit> {
    match l {
        Unit::Week { y: None, .. } => Some(Unit::Week { w: v, y }),
        Unit::Day {
            m,
            y: None,
            time: None,
            ..
        } => Some(Unit::Day {
            d: v,
            m,
            y,
            time: None,
        }),
        Unit::Quarter {
            part: None,
            y: None,
            ..
        } => Some(Unit::Quarter {
            q: v,
            part: None,
            y,
        }),
        Unit::Half {
            part: None,
            y: None,
            ..
        } => Some(Unit::Half {
            h: v,
            part: None,
            y,
        }),
        _ => None,
    }
}

/// Turns one reading into days.
pub(super) struct Resolver<'a, 'c> {
    pub text: &'a str,
    pub ctx: &'a ParseContext<'c>,
    pub inferred: bool,
}

impl Resolver<'_, '_> {
    fn invalid(&self, detail: Key) -> DateError {
        DateError::InvalidDay {
            text: self.text.to_string(),
            detail,
        }
    }

    fn not_a_date(&self) -> DateError {
        DateError::NotADate {
            text: self.text.to_string(),
        }
    }

    fn span(&self, u: &Unit) -> Result<(NaiveDate, NaiveDate), DateError> {
        u.span(self.ctx.conventions).map_err(|d| self.invalid(d))
    }

    /// Give a year-less unit the default year.
    fn fill(&mut self, u: Unit) -> Result<Unit, DateError> {
        if matches!(u, Unit::BareDay { .. }) {
            return Err(self.not_a_date());
        }
        if u.year().is_some() {
            return Ok(u);
        }
        match self.ctx.default_year {
            Some(y) => {
                self.inferred = true;
                Ok(u.with_year(y))
            }
            None => Err(DateError::NoYear {
                text: self.text.to_string(),
            }),
        }
    }

    fn time(&self, (h, m, s): (u32, u32, u32)) -> Result<NaiveTime, DateError> {
        NaiveTime::from_hms_opt(h, m, s).ok_or_else(|| {
            self.invalid(Key::new("date-detail-time").arg("time", format!("{h}.{m:02}")))
        })
    }

    /// The day a duration from `start` ends on: a week later is the same weekday
    /// (`8 uger fra 22. marts` ends 17. maj), as Danish deadlines are counted.
    fn after(&self, start: NaiveDate, d: Dur) -> Result<NaiveDate, DateError> {
        let too_far = || self.invalid(Key::new("date-detail-duration").arg("n", d.n.to_string()));
        match d.unit {
            DurUnit::Day => start.checked_add_days(chrono::Days::new(d.n.into())),
            DurUnit::Week => start.checked_add_days(chrono::Days::new(u64::from(d.n) * 7)),
            DurUnit::Month => start.checked_add_months(Months::new(d.n)),
        }
        .filter(|e| e.year() <= 9999)
        .ok_or_else(too_far)
    }

    fn day_unit(d: NaiveDate) -> Unit {
        Unit::Day {
            d: d.day(),
            m: d.month(),
            y: Some(d.year()),
            time: None,
        }
    }

    pub fn resolve(mut self, reading: Reading) -> Result<FuzzyDate, DateError> {
        let (shape, start, end) = match reading.expr {
            Expr::Ongoing => (Shape::Ongoing, None, None),
            Expr::Point(u) => {
                let u = self.fill(u)?;
                let (s, e) = self.span(&u)?;
                (Shape::Point(u), Some(s), Some(e))
            }
            Expr::OpenStart(u) => {
                let u = self.fill(u)?;
                (Shape::OpenStart(u), None, Some(self.span(&u)?.1))
            }
            Expr::Before(u) => {
                let u = self.fill(u)?;
                let first = self.span(&u)?.0;
                let e = first
                    .pred_opt()
                    .filter(|d| d.year() >= 1000)
                    .ok_or_else(|| self.invalid(Key::new("date-detail-no-day-before")))?;
                (Shape::Before(u), None, Some(e))
            }
            Expr::OpenEnd(u) => {
                let u = self.fill(u)?;
                (Shape::OpenEnd(u), Some(self.span(&u)?.0), None)
            }
            Expr::Lasting(u, d) => {
                let u = self.fill(u)?;
                let s = self.span(&u)?.0;
                let e = self.after(s, d)?;
                let l = Unit::Day {
                    d: s.day(),
                    m: s.month(),
                    y: Some(s.year()),
                    time: u.times(),
                };
                let r = Self::day_unit(e);
                (
                    Shape::Range(l, r, self.may_elide_year(&l, &r)?),
                    Some(s),
                    Some(e),
                )
            }
            Expr::Range(l, r, sep) => {
                let (l, r) = self.resolve_range(l, r, sep)?;
                let (s, _) = self.span(&l)?;
                let (_, e) = self.span(&r)?;
                if e < s {
                    return Err(DateError::Reversed {
                        text: self.text.to_string(),
                    });
                }
                // "sagsnr. 2024-5678" is not a period: no plan spans a century.
                if e.year() - s.year() > 100 {
                    return Err(self.invalid(Key::new("date-detail-century")));
                }
                // "oktober/oktober 2021" is just October 2021.
                let shape = if l == r {
                    Shape::Point(l)
                } else {
                    Shape::Range(l, r, self.may_elide_year(&l, &r)?)
                };
                (shape, Some(s), Some(e))
            }
        };

        // Times: the first end's start time and the last end's end time (or its only time).
        let (first, last) = match shape {
            Shape::Point(u) => (Some(u), Some(u)),
            Shape::Range(l, r, _) => (Some(l), Some(r)),
            Shape::OpenStart(u) => (None, Some(u)),
            Shape::Before(_) => (None, None),
            Shape::OpenEnd(u) => (Some(u), None),
            Shape::Ongoing => (None, None),
        };
        let first_t = first.and_then(|u| u.times());
        let last_t = last.and_then(|u| u.times());
        let start_time = first_t.map(|t| self.time(t.start)).transpose()?;
        let end_time = match (shape, last_t) {
            (Shape::Point(_) | Shape::OpenEnd(_), Some(t)) => {
                t.end.map(|e| self.time(e)).transpose()?
            }
            (_, Some(t)) => Some(self.time(t.end.unwrap_or(t.start))?),
            (_, None) => None,
        };
        if let (Some(st), Some(et)) = (start_time, end_time)
            && start == end
            && et < st
        {
            return Err(DateError::Reversed {
                text: self.text.to_string(),
            });
        }
        let offset = match first_t.or(last_t).and_then(|t| t.offset) {
            Some(secs) => Some(FixedOffset::east_opt(secs).ok_or_else(|| {
                self.invalid(Key::new("date-detail-offset").arg("seconds", secs.to_string()))
            })?),
            None => None,
        };

        let (precision, role) = match shape {
            Shape::Point(u) => (u.precision(), Role::Period),
            Shape::Range(..) => (Precision::Range, Role::Period),
            Shape::OpenStart(_) | Shape::Before(_) => (Precision::OpenEnded, Role::Until),
            Shape::OpenEnd(_) => (Precision::OpenEnded, Role::From),
            Shape::Ongoing => (Precision::Ongoing, Role::Ongoing),
        };
        Ok(FuzzyDate {
            text: self.text.to_string(),
            shape,
            start,
            end,
            start_time,
            end_time,
            offset,
            precision,
            year_inferred: self.inferred,
            role,
            ignored: Vec::new(),
            notes: Vec::new(),
        })
    }

    /// Whether the first end of a range can be written without its year and still be read
    /// back as the same day(s): both ends in the same year, the first one of a kind whose
    /// year is only a suffix, and not starting after the second (else the reader would
    /// move it to the year before, see `resolve_range`).
    fn may_elide_year(&self, l: &Unit, r: &Unit) -> Result<bool, DateError> {
        let kind_ok = matches!(
            l,
            Unit::Day { .. }
                | Unit::Month { .. }
                | Unit::MonthPart { .. }
                | Unit::Week { .. }
                | Unit::Quarter { .. }
                | Unit::Half { .. }
                | Unit::Season { .. }
        );
        Ok(kind_ok && l.year() == r.year() && self.span(l)?.0 <= self.span(r)?.0)
    }

    /// Fill in the years of a range's ends from each other.
    pub fn resolve_range(&mut self, l: Unit, r: Unit, sep: Sep) -> Result<(Unit, Unit), DateError> {
        let mut l = match (l, r) {
            // "22.–28. maj": the bare day borrows the month (and year) of the second end.
            (Unit::BareDay { d }, Unit::Day { m, y, .. }) => Unit::Day {
                d,
                m,
                y,
                time: None,
            },
            // "1.-2. kvartal 2023", "1.-2. halvår": the number borrows the kind too.
            (Unit::BareDay { d }, Unit::Quarter { part: None, y, .. }) => Unit::Quarter {
                q: d,
                part: None,
                y,
            },
            (Unit::BareDay { d }, Unit::Half { part: None, y, .. }) => Unit::Half {
                h: d,
                part: None,
                y,
            },
            (Unit::BareDay { .. }, _) => return Err(self.not_a_date()),
            _ => l,
        };
        let mut r = r;
        if matches!(r, Unit::BareDay { .. }) {
            return Err(self.not_a_date());
        }
        // "Oktober 2021/2022": the same month (week, quarter …) one or more years on.
        if sep == Sep::Slash
            && let Unit::Year { y } = r
            && !matches!(l, Unit::Year { .. })
            && l.year().is_some()
        {
            r = l.with_year(y);
        }
        if l.year().is_none() && r.year().is_none() {
            r = self.fill(r)?;
        }
        match (l.year(), r.year()) {
            (None, Some(ry)) => {
                // "dec. – feb. 2023": a first end that would come after the second
                // belongs to the year before.
                let same = l.with_year(ry);
                l = if self.span(&same)?.0 > self.span(&r)?.0 {
                    l.with_year(ry - 1)
                } else {
                    same
                };
            }
            (Some(ly), None) => {
                // "december 2022 – februar": the second end is the next one after the first.
                let same = r.with_year(ly);
                r = if self.span(&same)?.1 < self.span(&l)?.0 {
                    r.with_year(ly + 1)
                } else {
                    same
                };
            }
            _ => {}
        }
        Ok((l, r))
    }
}

#[cfg(test)]
mod unit_tests {
    use super::super::lex::tokenize;
    use super::*;

    #[test]
    fn fillers_are_dropped_with_their_period() {
        let toks = strip(&tokenize("tirs. d. 4. januar").unwrap());
        assert_eq!(toks.len(), 3);
        assert!(toks[0].fill);
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(full_year(23), 2023);
        assert_eq!(full_year(69), 2069);
        assert_eq!(full_year(70), 1970);
        assert_eq!(year_after(2024, 25), 2025);
        assert_eq!(year_after(1999, 0), 2000);
        assert_eq!(year_after(2021, 20), 2120);
    }

    #[test]
    fn week_needs_its_number_next_to_it() {
        let r = readings(&tokenize("uge den 25. september 2019").unwrap());
        assert!(
            r.iter()
                .all(|r| !matches!(r.expr, Expr::Range(Unit::Week { .. }, ..))),
            "{r:?}"
        );
    }
}
