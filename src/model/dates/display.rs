//! The conventional written form of a date, in Danish or English.
//!
//! Every form written here is one the parser reads back to the same interval and
//! precision (the property tests check this), so a displayed date can be pasted into a
//! front matter field again.

use super::conventions::{Part, Season};
use super::{Lang, Shape, Times, Unit};

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name (Danish names are lower-case, as Danish writes them).
pub(super) fn month_name(m: u32, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::Da => &MONTHS_DA,
        Lang::En => &MONTHS_EN,
    };
    m.checked_sub(1)
        .and_then(|i| names.get(i as usize))
        .copied()
        .unwrap_or("?")
}

fn part_word(p: Part, lang: Lang) -> &'static str {
    match (p, lang) {
        (Part::Primo, Lang::Da) => "primo",
        (Part::Medio, Lang::Da) => "medio",
        (Part::Ultimo, Lang::Da) => "ultimo",
        (Part::Primo, Lang::En) => "early",
        (Part::Medio, Lang::En) => "mid",
        (Part::Ultimo, Lang::En) => "late",
    }
}

fn season_word(s: Season, lang: Lang) -> &'static str {
    match (s, lang) {
        (Season::Spring, Lang::Da) => "forår",
        (Season::Summer, Lang::Da) => "sommer",
        (Season::Autumn, Lang::Da) => "efterår",
        (Season::Winter, Lang::Da) => "vinter",
        (Season::Spring, Lang::En) => "spring",
        (Season::Summer, Lang::En) => "summer",
        (Season::Autumn, Lang::En) => "autumn",
        (Season::Winter, Lang::En) => "winter",
        (Season::EarlySummer, Lang::Da) => "forsommer",
        (Season::HighSummer, Lang::Da) => "højsommer",
        (Season::LateSummer, Lang::Da) => "sensommer",
        (Season::EarlySummer, Lang::En) => "early summer",
        (Season::HighSummer, Lang::En) => "high summer",
        (Season::LateSummer, Lang::En) => "late summer",
    }
}

pub(super) fn display(shape: &Shape, lang: Lang) -> String {
    match (shape, lang) {
        (Shape::Point(u), _) => unit(u, lang, true),
        (Shape::Range(l, r, elide), _) => range(l, r, *elide, lang),
        (Shape::OpenStart(u), Lang::Da) => format!("senest {}", unit(u, lang, true)),
        (Shape::OpenStart(u), Lang::En) => format!("by {}", unit(u, lang, true)),
        (Shape::Before(u), Lang::Da) => format!("inden {}", unit(u, lang, true)),
        (Shape::Before(u), Lang::En) => format!("before {}", unit(u, lang, true)),
        (Shape::OpenEnd(u), Lang::Da) => format!("fra {}", unit(u, lang, true)),
        (Shape::OpenEnd(u), Lang::En) => format!("from {}", unit(u, lang, true)),
        (Shape::Ongoing, Lang::Da) => "løbende".to_string(),
        (Shape::Ongoing, Lang::En) => "ongoing".to_string(),
    }
}

fn range(l: &Unit, r: &Unit, elide: bool, lang: Lang) -> String {
    // Same month: "22.–28. maj 2008" / "22–28 May 2008".
    if let (
        Unit::Day {
            d,
            m: m1,
            y: y1,
            time: None,
        },
        Unit::Day {
            m: m2,
            y: y2,
            time: None,
            ..
        },
    ) = (l, r)
        && m1 == m2
        && y1 == y2
    {
        let dot = if lang == Lang::Da { "." } else { "" };
        return format!("{d}{dot}–{}", unit(r, lang, true));
    }
    format!("{} – {}", unit(l, lang, !elide), unit(r, lang, true))
}

fn clock((h, m, s): (u32, u32, u32), lang: Lang) -> String {
    match (s, lang) {
        (0, Lang::Da) => format!("{h:02}.{m:02}"),
        (0, Lang::En) => format!("{h:02}:{m:02}"),
        _ => format!("{h:02}:{m:02}:{s:02}"),
    }
}

fn times(t: &Times, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Da => format!(" kl. {}", clock(t.start, lang)),
        Lang::En => format!(", {}", clock(t.start, lang)),
    };
    if let Some(end) = t.end {
        out.push('–');
        out.push_str(&clock(end, lang));
    }
    out
}

/// One unit; `with_year: false` leaves the year out (first end of a range).
fn unit(u: &Unit, lang: Lang, with_year: bool) -> String {
    let year = match u.year() {
        Some(y) if with_year => format!(" {y}"),
        _ => String::new(),
    };
    let da = lang == Lang::Da;
    match u {
        Unit::Day { d, m, time, .. } => {
            let time = time.as_ref().map(|t| times(t, lang)).unwrap_or_default();
            if da {
                format!("{d}. {}{year}{time}", month_name(*m, lang))
            } else {
                format!("{d} {}{year}{time}", month_name(*m, lang))
            }
        }
        Unit::BareDay { d } => format!("{d}."),
        Unit::Month { m, .. } => format!("{}{year}", month_name(*m, lang)),
        Unit::MonthPart { part, m, .. } => {
            format!("{} {}{year}", part_word(*part, lang), month_name(*m, lang))
        }
        Unit::Week { w, .. } if da => format!("uge {w}{year}"),
        Unit::Week { w, .. } => format!("week {w}{year}"),
        Unit::Quarter { q, part, .. } => {
            let base = if da {
                format!("{q}. kvartal{year}")
            } else {
                format!("Q{q}{year}")
            };
            with_part(*part, base, lang)
        }
        Unit::Half { h, part, .. } => {
            let base = if da {
                format!("{h}. halvår{year}")
            } else {
                format!("H{h}{year}")
            };
            with_part(*part, base, lang)
        }
        // The year is what a year part is about, so it is always shown.
        Unit::YearPart { part, .. } => {
            format!(
                "{} {}",
                part_word(*part, lang),
                u.year().unwrap_or_default()
            )
        }
        Unit::Season { s, .. } => format!("{}{year}", season_word(*s, lang)),
        Unit::Year { y } => y.to_string(),
        Unit::SchoolYear { y } if da => format!("skoleåret {y}/{:02}", (y + 1).rem_euclid(100)),
        Unit::SchoolYear { y } => format!("school year {y}/{:02}", (y + 1).rem_euclid(100)),
    }
}

fn with_part(part: Option<Part>, base: String, lang: Lang) -> String {
    match part {
        Some(p) => format!("{} {base}", part_word(p, lang)),
        None => base,
    }
}
