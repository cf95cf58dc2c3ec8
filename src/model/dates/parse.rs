//! Tokenizer and parser.
//!
//! The parser works in two steps so that it never guesses:
//!
//! 1. *Syntax*: the text is split into tokens and matched against the grammar. Every
//!    sub-parser returns all the ways it can read the tokens at a position (there are few),
//!    so ambiguous spots such as `22.–28. maj` (a bare day, then a range) or `1/2-3/2 2024`
//!    are settled by which reading consumes the whole text, not by a fixed priority.
//! 2. *Meaning*: each complete reading is resolved into days (years filled in, spans from
//!    the conventions, validity checked). The first reading that resolves wins; if none
//!    does, the most informative error is returned (a "not a real day" beats "not a date").

use chrono::{FixedOffset, NaiveTime};

use super::conventions::{Part, Season};
use super::{DateError, FuzzyDate, ParseContext, Precision, Shape, Times, Unit};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Num(u32),
    Word(String),
    Dot,
    /// Hyphen, en dash, em dash and their look-alikes.
    Dash,
    Slash,
    Colon,
    Plus,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Tok {
    kind: Kind,
    /// Number of digits (for `Num`): `2023` and `09` are told apart by length.
    len: usize,
    /// Whether whitespace came before the token (only the stray-dash rule needs this).
    sp: bool,
}

fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut sp = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Commas never change the meaning of a date ("September 12, 2023",
        // "tirsdag, den 4. januar"), so they count as space.
        if c.is_whitespace() || c == ',' {
            sp = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            // Overlong numbers saturate; their length keeps them out of every rule.
            Kind::Num(digits.parse().unwrap_or(u32::MAX))
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            Kind::Word(chars[start..i].iter().collect::<String>().to_lowercase())
        } else {
            i += 1;
            match c {
                '.' => Kind::Dot,
                '-' | '–' | '—' | '‐' | '‑' | '‒' | '−' => Kind::Dash,
                '/' => Kind::Slash,
                ':' => Kind::Colon,
                '+' => Kind::Plus,
                _ => Kind::Other,
            }
        };
        toks.push(Tok {
            kind,
            len: i - start,
            sp,
        });
        sp = false;
    }
    toks
}

/// Words that real documents wrap around dates and that carry no date information.
const FILLERS: &[&str] = &[
    "den", "d", "i", "perioden", "periode", "løbet", "lobet", "the", "on", "in", "of", "af",
    "during",
];

const WEEKDAYS: &[&str] = &[
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "lordag",
    "loerdag",
    "søndag",
    "sondag",
    "soendag",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "man",
    "tirs",
    "tir",
    "ons",
    "tors",
    "tor",
    "fre",
    "lør",
    "lor",
    "søn",
    "son",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

fn strip_fillers(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut iter = toks.into_iter().peekable();
    while let Some(tok) = iter.next() {
        if let Kind::Word(w) = &tok.kind
            && (FILLERS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str()))
        {
            // "d." and "tirs." take their abbreviation period with them.
            if iter.peek().is_some_and(|t| t.kind == Kind::Dot) {
                iter.next();
            }
            continue;
        }
        out.push(tok);
    }
    out
}

const ONGOING: &[&str] = &["løbende", "lobende", "loebende", "ongoing", "continuous"];

fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "januar" | "january" | "jan" => 1,
        "februar" | "february" | "feb" => 2,
        "marts" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

fn part_of(w: &str) -> Option<Part> {
    Some(match w {
        "primo" | "early" | "start" | "starten" | "begyndelsen" | "beginning" | "først"
        | "forst" | "foerst" => Part::Primo,
        "medio" | "mid" | "midten" | "middle" | "midt" => Part::Medio,
        "ultimo" | "late" | "slutningen" | "udgangen" | "end" | "sidst" => Part::Ultimo,
        _ => return None,
    })
}

fn season_of(w: &str) -> Option<Season> {
    Some(match w {
        "forår" | "foråret" | "foraar" | "foraaret" | "forar" | "foraret" | "spring" => {
            Season::Spring
        }
        "sommer" | "sommeren" | "summer" => Season::Summer,
        "efterår" | "efteråret" | "efteraar" | "efteraaret" | "efterar" | "efteraret"
        | "autumn" | "fall" => Season::Autumn,
        "vinter" | "vinteren" | "winter" => Season::Winter,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "første" | "forste" | "foerste" | "first" => 1,
        "anden" | "andet" | "second" => 2,
        "tredje" | "third" => 3,
        "fjerde" | "fourth" => 4,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    Quarter,
    Half,
}

fn period_of(w: &str) -> Option<Period> {
    match w {
        "kvartal" | "kvartaler" | "kvt" | "quarter" => Some(Period::Quarter),
        "halvår" | "halvåret" | "halvaar" | "halvaaret" | "halvar" | "halvdel" | "half" => {
            Some(Period::Half)
        }
        _ => None,
    }
}

const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// A complete reading of the text before years are filled in.
#[derive(Debug, Clone, Copy)]
enum Expr {
    Point(Unit),
    /// The flag is true when the ends were joined by `/` (see `resolve_range`).
    Range(Unit, Unit, bool),
    OpenStart(Unit),
    OpenEnd(Unit),
}

type Cands = Vec<(Unit, usize)>;

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
        match self.kind(i) {
            Some(Kind::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word(i + k) == Some(*w))
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
            if self.is(i + 1, &Kind::Dot) {
                out.push((m, i + 2));
            }
            out.push((m, i + 1));
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
        self.bare_day(i, &mut out);
        out.sort_by_key(|c| std::cmp::Reverse(c.1));
        out
    }

    fn push_days(&self, d: u32, m: u32, y: Option<i32>, at: usize, out: &mut Cands) {
        for (time, k) in self.times(at) {
            out.push((Unit::Day { d, m, y, time }, k));
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
                    self.push_days(d, m, Some(y), i + 5, out);
                }
                out.push((Unit::Month { m, y: Some(y) }, i + 3));
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
                    out.push((u, i + 4));
                }
            }
        }
        out.push((Unit::Year { y }, i + 1));
    }

    /// Numeric dates, always day first: `12.04.2016`, `18-09-2024`, `19/2-2019`,
    /// `4/1 2022`, `27.04.23`, and year-less `4/1`, `12.04.`.
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
            && self.glued(i + 3, 2);
        let year = if sep2 {
            self.num(i + 4, 2, 4)
                .filter(|_| self.t.get(i + 4).is_some_and(|t| t.len != 3))
                .map(|v| (v, i + 5))
        } else {
            self.num(i + 3, 4, 4).map(|v| (v, i + 4))
        };
        if let Some((v, at)) = year {
            // A two-digit year means 2000–2099 (`27.04.23`).
            let y = if v < 100 { 2000 + v as i32 } else { v as i32 };
            self.push_days(d, m, Some(y), at, out);
        }
        // Without a year, `18-09` is too easily a range of days, so only `.` and `/` count.
        if *sep != Kind::Dash {
            self.push_days(d, m, None, i + 3, out);
            if self.is(i + 3, &Kind::Dot) {
                self.push_days(d, m, None, i + 4, out);
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

    /// `12. september 2023`, `12 sep 2023`, `4 January 2022`.
    fn day_month(&self, i: usize, out: &mut Cands) {
        for (d, j) in self.day_number(i) {
            for (m, k) in self.month_word(j) {
                for (y, l) in self.year_opt(k) {
                    self.push_days(d, m, y, l, out);
                }
            }
        }
    }

    /// English month first: `September 12, 2023`.
    fn month_day(&self, i: usize, out: &mut Cands) {
        for (m, j) in self.month_word(i) {
            for (d, k) in self.day_number(j) {
                for (y, l) in self.year_opt(k) {
                    self.push_days(d, m, y, l, out);
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
        if let Some(n) = self.word(i).and_then(ordinal_word) {
            ordinals.push((n, i + 1));
        }
        if self.num(i, 1, 1).is_some() {
            ordinals.extend(self.day_number(i));
        }
        for (n, j) in ordinals {
            if let Some(p) = self.word(j).and_then(period_of) {
                let mut k = j + 1;
                // "half-year", "half year", "halvår" all mean the same.
                if self.is(k, &Kind::Dash) && self.word(k + 1) == Some("year") {
                    k += 2;
                } else if self.word(k) == Some("year") {
                    k += 1;
                }
                heads.push((n, p, k));
            }
        }
        for (n, p, k) in heads {
            for (y, l) in self.year_opt(k) {
                let unit = match p {
                    Period::Quarter => Unit::Quarter { q: n, part, y },
                    Period::Half => Unit::Half { h: n, part, y },
                };
                out.push((unit, l));
            }
        }
    }

    /// `uge 15 2023`, `week 15 2024`.
    fn week(&self, i: usize, out: &mut Cands) {
        if !matches!(self.word(i), Some("uge" | "week" | "wk")) {
            return;
        }
        let j = if self.is(i + 1, &Kind::Dot) {
            i + 2
        } else {
            i + 1
        };
        if let Some(w) = self.num(j, 1, 2) {
            for (y, k) in self.year_opt(j + 1) {
                out.push((Unit::Week { w, y }, k));
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
                out.push((Unit::MonthPart { part, m, y }, l));
            }
        }
        self.period(j, Some(part), out);
        // The year is required here: `ultimo` alone is not a date.
        if let Some(y) = self.year4(j) {
            out.push((Unit::YearPart { part, y }, j + 1));
        }
    }

    /// `september 2023`, `Januar`, and OCR's `Oktober —2021` (a stray dash written
    /// against the year, with a space before it: that is not a range).
    fn month(&self, i: usize, out: &mut Cands) {
        for (m, j) in self.month_word(i) {
            if self.is(j, &Kind::Dash)
                && self.spaced(j)
                && let Some(y) = self.year4(j + 1)
                && !self.spaced(j + 1)
            {
                out.push((Unit::Month { m, y: Some(y) }, j + 2));
            }
            for (y, k) in self.year_opt(j) {
                out.push((Unit::Month { m, y }, k));
            }
        }
    }

    /// `forår 2023`, `efteråret 2023`, `winter 2024`.
    fn season(&self, i: usize, out: &mut Cands) {
        if let Some(s) = self.word(i).and_then(season_of) {
            for (y, k) in self.year_opt(i + 1) {
                out.push((Unit::Season { s, y }, k));
            }
        }
    }

    /// `22.` in `22.–28. maj 2008`.
    fn bare_day(&self, i: usize, out: &mut Cands) {
        for (d, j) in self.day_number(i) {
            out.push((Unit::BareDay { d }, j));
        }
    }

    /// Optional time after a day: `kl. 17.00`, `kl. 12`, `17:00`, `T12:00:00+02:00`,
    /// `kl. 17.00-19.00`. Always includes the reading without a time.
    fn times(&self, i: usize) -> Vec<(Option<Times>, usize)> {
        let mut out = vec![(None, i)];
        let (marker, iso_t, mut j) = match self.word(i) {
            Some("kl" | "klokken" | "at") => (true, false, i + 1),
            Some("t") if !self.spaced(i) => (true, true, i + 1),
            _ => (false, false, i),
        };
        if marker && !iso_t && self.is(j, &Kind::Dot) {
            j += 1;
        }
        let Some((start, colon, k)) = self.clock(j) else {
            return out;
        };
        // A bare "17.00" after a date could be anything; without "kl." only 17:00 counts.
        if !marker && !colon {
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

    /// What may stand between the two ends of a range; the flag marks `/`.
    fn separators(&self, k: usize) -> Vec<(usize, bool)> {
        match self.kind(k) {
            Some(Kind::Dash) => vec![(k + 1, false)],
            Some(Kind::Slash) => vec![(k + 1, true)],
            // A sentence break: "1. kvartal 2023. Primo 4. kvartal 2023".
            Some(Kind::Dot) => vec![(k + 1, false)],
            Some(Kind::Word(w)) => match w.as_str() {
                "til" if self.words_at(k + 1, &["og", "med"]) => vec![(k + 3, false)],
                "til" | "to" | "through" | "till" | "until" => vec![(k + 1, false)],
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Every complete reading of the token list.
    fn readings(&self) -> Vec<Expr> {
        let n = self.t.len();
        let mut out = Vec::new();
        if let Some(j) = self.open_start_prefix() {
            for (u, k) in self.point(j) {
                if k == n {
                    out.push(Expr::OpenStart(u));
                }
            }
            return out;
        }
        let from = self.open_end_prefix();
        let suffix = self.open_end_suffix();
        let j = from.unwrap_or(0);
        let end = suffix.unwrap_or(n);
        if from.is_some() || suffix.is_some() {
            for (u, k) in self.point(j) {
                if k == end {
                    out.push(Expr::OpenEnd(u));
                }
            }
        } else {
            for (u, k) in self.point(0) {
                if k == n {
                    out.push(Expr::Point(u));
                }
            }
        }
        // "fra 1. maj til 3. maj" is a range, not an open interval.
        if suffix.is_none() {
            for (l, k) in self.point(j) {
                for (k2, slash) in self.separators(k) {
                    for (r, k3) in self.point(k2) {
                        if k3 == n {
                            out.push(Expr::Range(l, r, slash));
                        }
                    }
                    // "uge 15-17 2023", "September 12-14, 2023": the second end is a bare
                    // number of the same kind as the first.
                    for (v, k3) in self.day_number(k2) {
                        for (y, k4) in self.year_opt(k3) {
                            if k4 == n
                                && let Some(r) = repeat_unit(l, v, y)
                            {
                                out.push(Expr::Range(l, r, slash));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Deadlines: the interval is open at the start. Returns where the date begins.
    fn open_start_prefix(&self) -> Option<usize> {
        const PREFIXES: &[&[&str]] = &[
            &["til", "og", "med"],
            &["frem", "til"],
            &["no", "later", "than"],
            &["senest"],
            &["frist"],
            &["fristen"],
            &["høringsfrist"],
            &["horingsfrist"],
            &["svarfrist"],
            &["deadline"],
            &["inden"],
            &["indtil"],
            &["until"],
            &["till"],
            &["by"],
        ];
        let p = PREFIXES.iter().find(|p| self.words_at(0, p))?;
        let j = p.len();
        Some(if self.is(j, &Kind::Colon) { j + 1 } else { j })
    }

    /// Beginnings: the interval is open at the end (unless a `til …` follows).
    fn open_end_prefix(&self) -> Option<usize> {
        const PREFIXES: &[&[&str]] = &[
            &["fra", "og", "med"],
            &["starting", "from"],
            &["fra"],
            &["from"],
            &["tidligst"],
            &["siden"],
            &["since"],
            &["starting"],
        ];
        PREFIXES
            .iter()
            .find(|p| self.words_at(0, p))
            .map(|p| p.len())
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

pub(super) fn parse(text: &str, ctx: &ParseContext) -> Result<FuzzyDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let not_a_date = || DateError::NotADate {
        text: text.to_string(),
    };
    let mut toks = strip_fillers(tokenize(text));
    // A sentence's closing period belongs to the sentence, not to the date.
    while toks.last().is_some_and(|t| t.kind == Kind::Dot) {
        toks.pop();
    }
    if toks.is_empty() {
        return Err(not_a_date());
    }
    if let [
        Tok {
            kind: Kind::Word(w),
            ..
        },
    ] = toks.as_slice()
        && ONGOING.contains(&w.as_str())
    {
        return Ok(FuzzyDate {
            text: text.to_string(),
            shape: Shape::Ongoing,
            start: None,
            end: None,
            start_time: None,
            end_time: None,
            offset: None,
            precision: Precision::Ongoing,
            year_inferred: false,
        });
    }
    let parser = Parser { t: &toks };
    let mut best_err: Option<DateError> = None;
    for expr in parser.readings() {
        let resolver = Resolver {
            text,
            ctx,
            inferred: false,
        };
        match resolver.resolve(expr) {
            Ok(date) => return Ok(date),
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
    Err(best_err.unwrap_or_else(not_a_date))
}

/// Turns one reading into days.
struct Resolver<'a, 'c> {
    text: &'a str,
    ctx: &'a ParseContext<'c>,
    inferred: bool,
}

impl Resolver<'_, '_> {
    fn invalid(&self, detail: String) -> DateError {
        DateError::InvalidDay {
            text: self.text.to_string(),
            detail,
        }
    }

    fn span(&self, u: &Unit) -> Result<(chrono::NaiveDate, chrono::NaiveDate), DateError> {
        u.span(self.ctx.conventions).map_err(|d| self.invalid(d))
    }

    /// Give a year-less unit the default year.
    fn fill(&mut self, u: Unit) -> Result<Unit, DateError> {
        if matches!(u, Unit::BareDay { .. }) {
            return Err(DateError::NotADate {
                text: self.text.to_string(),
            });
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
            self.invalid(format!(
                "{h}.{m:02} is not a time of day (use 00.00 to 23.59)"
            ))
        })
    }

    fn resolve(mut self, expr: Expr) -> Result<FuzzyDate, DateError> {
        let (shape, start, end) = match expr {
            Expr::Point(u) => {
                let u = self.fill(u)?;
                let (s, e) = self.span(&u)?;
                (Shape::Point(u), Some(s), Some(e))
            }
            Expr::OpenStart(u) => {
                let u = self.fill(u)?;
                (Shape::OpenStart(u), None, Some(self.span(&u)?.1))
            }
            Expr::OpenEnd(u) => {
                let u = self.fill(u)?;
                (Shape::OpenEnd(u), Some(self.span(&u)?.0), None)
            }
            Expr::Range(l, r, slash) => {
                let (l, r) = self.resolve_range(l, r, slash)?;
                let (s, _) = self.span(&l)?;
                let (_, e) = self.span(&r)?;
                if e < s {
                    return Err(DateError::Reversed {
                        text: self.text.to_string(),
                    });
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
                self.invalid(format!(
                    "the time zone offset {secs} seconds does not exist"
                ))
            })?),
            None => None,
        };

        let precision = match shape {
            Shape::Point(u) => u.precision(),
            Shape::Range(..) => Precision::Range,
            Shape::OpenStart(_) | Shape::OpenEnd(_) => Precision::OpenEnded,
            Shape::Ongoing => Precision::Ongoing,
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
    fn resolve_range(&mut self, l: Unit, r: Unit, slash: bool) -> Result<(Unit, Unit), DateError> {
        let not_a_date = || DateError::NotADate {
            text: self.text.to_string(),
        };
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
            (Unit::BareDay { .. }, _) => return Err(not_a_date()),
            _ => l,
        };
        let mut r = r;
        if matches!(r, Unit::BareDay { .. }) {
            return Err(not_a_date());
        }
        // "Oktober 2021/2022": the same month (week, quarter …) one or more years on.
        if slash
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
    use super::*;

    #[test]
    fn tokenizer_splits_letters_digits_and_dashes() {
        let kinds: Vec<Kind> = tokenize("2023-W15 – 12.sep")
            .into_iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Num(2023),
                Kind::Dash,
                Kind::Word("w".into()),
                Kind::Num(15),
                Kind::Dash,
                Kind::Num(12),
                Kind::Dot,
                Kind::Word("sep".into()),
            ]
        );
    }

    #[test]
    fn fillers_are_dropped_with_their_period() {
        let toks = strip_fillers(tokenize("tirs. d. 4. januar"));
        assert_eq!(toks.len(), 3);
    }

    #[test]
    fn overlong_numbers_do_not_panic() {
        let toks = tokenize("99999999999999999999");
        assert_eq!(toks[0].kind, Kind::Num(u32::MAX));
    }
}
