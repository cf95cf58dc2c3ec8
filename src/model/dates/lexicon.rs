//! The words of dates, and the words around them.
//!
//! Date words are read by the grammar ([`super::parse`]). The others tell the phrase
//! reader ([`super::phrase`]) how to treat what surrounds a date: a *hedge* (`forventet`)
//! is kept as a note, a *deadline* word (`Høringsfrist`) makes the date a deadline, a
//! *label* (`Opdateret`) may stand right before a bare year, and any other word is
//! ordinary text that is skipped and reported.

use super::conventions::{Part, Season};

/// What a word is, for the phrase reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// A word the grammar reads (months, fillers, `fra`, `kl` …).
    Date(DateWord),
    /// `forventet`, `ca.`, `planlagt` …: kept as a note; the interval does not change.
    Hedge,
    /// `Høringsfrist`, `Fristen`, `deadline`: the date is a deadline.
    Deadline,
    /// `Opdateret`, `Revideret`, `pr.` …: ordinary labels that may stand right before a
    /// bare year (`Opdateret 2024`).
    Label,
    /// Any other word.
    Free,
}

impl WordClass {
    pub fn date(self) -> Option<DateWord> {
        match self {
            WordClass::Date(d) => Some(d),
            _ => None,
        }
    }
}

/// The kinds of date words that matter to the phrase reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateWord {
    /// Months, seasons and `løbende`: a date by themselves.
    Bearing,
    /// `fra`, `til`, `senest`, `inden`, `kl` … : need a date next to them.
    Operator,
    /// `og`, `and`, `or`: join dates, mean nothing alone.
    Connector,
    /// `af`, `of`: a period *of* something (`første halvdel af valgperioden`).
    Of,
    /// Everything else (fillers, weekdays, `kvartal`, ordinals, units, number words).
    Other,
}

pub(super) fn month_of(w: &str) -> Option<u32> {
    Some(match w {
        "januar" | "january" | "jan" => 1,
        "februar" | "february" | "feb" | "febr" => 2,
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

pub(super) fn part_of(w: &str) -> Option<Part> {
    Some(match w {
        "primo" | "early" | "start" | "starten" | "begyndelsen" | "beginning" | "først"
        | "forst" | "foerst" => Part::Primo,
        "medio" | "mid" | "midten" | "middle" | "midt" => Part::Medio,
        "ultimo" | "late" | "slutningen" | "udgangen" | "end" | "sidst" => Part::Ultimo,
        _ => return None,
    })
}

/// Part words that mean nothing but a part of a period (`først`, `midt`, `end` are
/// ordinary words too): a date cannot lose them silently.
fn is_part_name(w: &str) -> bool {
    matches!(
        w,
        "primo"
            | "medio"
            | "ultimo"
            | "begyndelsen"
            | "midten"
            | "slutningen"
            | "udgangen"
            | "starten"
    )
}

/// Words for the end of a period: after `inden` or `senest` they mean the period's end
/// (`inden udgangen af 2025` is by 31 December 2025).
pub(super) fn is_end_word(w: &str) -> bool {
    matches!(w, "udgangen" | "slutningen" | "end")
}

pub(super) fn season_of(w: &str) -> Option<Season> {
    Some(match w {
        "forår" | "foråret" | "foraar" | "foraaret" | "forar" | "foraret" | "spring" => {
            Season::Spring
        }
        "sommer" | "sommeren" | "summer" => Season::Summer,
        "forsommer" | "forsommeren" => Season::EarlySummer,
        "højsommer" | "højsommeren" | "hojsommer" | "hojsommeren" => Season::HighSummer,
        "sensommer" | "sensommeren" => Season::LateSummer,
        "efterår" | "efteråret" | "efteraar" | "efteraaret" | "efterar" | "efteraret"
        | "autumn" | "fall" => Season::Autumn,
        "vinter" | "vinteren" | "winter" => Season::Winter,
        _ => return None,
    })
}

pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "første" | "forste" | "foerste" | "first" => 1,
        "anden" | "andet" | "second" => 2,
        "tredje" | "third" => 3,
        "fjerde" | "fourth" => 4,
        _ => return None,
    })
}

/// Small numbers written as words, for durations (`i otte uger`) and `de første tre
/// måneder`.
pub(super) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "en" | "et" | "én" | "ét" | "one" => 1,
        "to" | "two" => 2,
        "tre" | "three" => 3,
        "fire" | "four" => 4,
        "fem" | "five" => 5,
        "seks" | "six" => 6,
        "syv" | "seven" => 7,
        "otte" | "eight" => 8,
        "ni" | "nine" => 9,
        "ti" | "ten" => 10,
        "elleve" | "eleven" => 11,
        "tolv" | "twelve" => 12,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    Quarter,
    Half,
}

pub(super) fn period_of(w: &str) -> Option<Period> {
    match w {
        "kvartal" | "kvartaler" | "kvt" | "quarter" => Some(Period::Quarter),
        "halvår" | "halvåret" | "halvaar" | "halvaaret" | "halvar" | "halvdel" | "half" => {
            Some(Period::Half)
        }
        _ => None,
    }
}

/// Units of a duration (`i 6 uger fra …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DurUnit {
    Day,
    Week,
    Month,
}

pub(super) fn dur_unit_of(w: &str) -> Option<DurUnit> {
    match w {
        "dag" | "dage" | "dages" | "døgn" | "day" | "days" => Some(DurUnit::Day),
        "uge" | "uger" | "ugers" | "week" | "weeks" => Some(DurUnit::Week),
        "måned" | "måneder" | "måneders" | "maaned" | "maaneder" | "mdr" | "md" | "month"
        | "months" => Some(DurUnit::Month),
        _ => None,
    }
}

pub(super) fn is_week_word(w: &str) -> bool {
    matches!(w, "uge" | "ugerne" | "week" | "weeks" | "wk")
}

pub(super) fn is_school_year_word(w: &str) -> bool {
    matches!(
        w,
        "skoleår" | "skoleåret" | "skoleaar" | "skoleaaret" | "skolear"
    )
}

/// Words that real documents wrap around dates and that carry no date information. They
/// are dropped before the grammar reads the date.
pub(super) const FILLERS: &[&str] = &[
    "den",
    "d",
    "i",
    "perioden",
    "periode",
    "tidsrummet",
    "løbet",
    "lobet",
    "the",
    "on",
    "in",
    "of",
    "af",
    "during",
    "hele",
    "gennem",
    "ved",
    "med",
    "på",
    "paa",
    "for",
    "måned",
    "måneden",
    "maaned",
    "året",
    "aaret",
    "år",
    "aar",
    "de",
    "det",
    "om",
];

pub(super) const WEEKDAYS: &[&str] = &[
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

/// The weekday a weekday word names (Monday = 0), to check it against the date. Only
/// whole names and four-letter forms: `man`, `ons` or `sat` are ordinary words too.
pub(super) fn weekday_of(w: &str) -> Option<u32> {
    Some(match w {
        "mandag" | "monday" => 0,
        "tirsdag" | "tirs" | "tuesday" => 1,
        "onsdag" | "wednesday" => 2,
        "torsdag" | "tors" | "thursday" | "thurs" => 3,
        "fredag" | "friday" => 4,
        "lørdag" | "lordag" | "loerdag" | "saturday" => 5,
        "søndag" | "sondag" | "soendag" | "sunday" => 6,
        _ => return None,
    })
}

pub(super) const ONGOING: &[&str] = &["løbende", "lobende", "loebende", "ongoing", "continuous"];

const OPERATORS: &[&str] = &[
    "fra",
    "til",
    "frem",
    "mod",
    "fremefter",
    "fremover",
    "senest",
    "inden",
    "før",
    "foer",
    "indtil",
    "siden",
    "tidligst",
    "kl",
    "klokken",
    "tom",
    "fom",
    "from",
    "until",
    "till",
    "by",
    "since",
    "starting",
    "through",
    "onwards",
    "onward",
    "later",
    "no",
    "than",
    "at",
    "before",
];

const CONNECTORS: &[&str] = &["og", "and", "or", "samt"];

/// Single letters of ISO and short forms: `2023-W15`, `Q2`, `H1`, `T12:00`, `Z`.
const LETTERS: &[&str] = &["w", "q", "h", "t", "z", "st", "nd", "rd", "th"];

const HEDGES: &[&str] = &[
    "forventet",
    "forventes",
    "forventede",
    "forventeligt",
    "forventelig",
    "forventer",
    "forventeligvis",
    "ventes",
    "ventet",
    "ca",
    "cirka",
    "omkring",
    "omtrent",
    "planlagt",
    "planlægges",
    "planlægger",
    "planlagte",
    "estimeret",
    "anslået",
    "anslaaet",
    "foreløbig",
    "foreløbigt",
    "foreløbige",
    "tentativ",
    "tentativt",
    "formentlig",
    "formentligt",
    "formodentlig",
    "sandsynligvis",
    "muligvis",
    "måske",
    "evt",
    "eventuelt",
    "expected",
    "planned",
    "approximately",
    "around",
    "about",
    "circa",
    "tentative",
    "provisional",
    "estimated",
];

const LABELS: &[&str] = &[
    "opdateret",
    "opdatering",
    "opdateringsdato",
    "revideret",
    "rev",
    "revision",
    "ajourført",
    "offentliggjort",
    "offentliggørelse",
    "offentliggøres",
    "publiceret",
    "publiceringsdato",
    "udgivet",
    "udsendt",
    "godkendt",
    "vedtaget",
    "vedtages",
    "besluttet",
    "behandlet",
    "behandles",
    "dato",
    "datering",
    "dateret",
    "mødedato",
    "møde",
    "mødet",
    "tidspunkt",
    "udskriftsdato",
    "status",
    "pr",
    "per",
    "gældende",
    "gyldig",
    "skrevet",
    "fremsat",
    "oprettet",
    "ændret",
    "redigeret",
    "modtaget",
    "afholdt",
    "afholdes",
    "holdes",
    "startdato",
    "slutdato",
    "opstart",
    "afslutning",
    "afsluttet",
    "afsluttes",
    "påbegyndt",
    "påbegyndes",
    "igangsat",
    "igangsættes",
    "tidsplan",
    "høringsperiode",
    "høringsperioden",
    "høring",
    "høringen",
    "borgermøde",
    "indkaldelse",
    "referat",
    "dagsorden",
    "nyhed",
    "updated",
    "revised",
    "published",
    "date",
    // Verbs and small words that stand before a date but name nothing ("fristen er 28/2").
    "er",
    "var",
    "blev",
    "bliver",
    "være",
    "været",
    "sker",
    "skete",
    "ske",
    "begynder",
    "starter",
    "slutter",
    "åbner",
    "lukker",
    "udløber",
    "træder",
    "mødes",
    "kommer",
    "går",
    "gik",
    "foregår",
    "finder",
    "sendes",
    "sendt",
    "holder",
    "gælder",
    "indtil",
    "som",
    "når",
    "hvis",
    "så",
    "nu",
    "igen",
    "også",
    "kun",
    "eller",
    "men",
    "is",
    "was",
    "will",
    "be",
];

/// Real words one letter away from a date word: never "corrected".
const NOT_SLIPS: &[&str] = &[
    "media", "medie", "medier", "prima", "ultima", "vinder", "vinden", "marks", "marta", "maria",
    "mario", "julia", "junior", "primus", "somme", "sommet",
];

/// Whole date words that a slip may be corrected to (the abbreviations are too short to
/// correct safely).
const SLIP_TARGETS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "april",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "october",
    "primo",
    "medio",
    "ultimo",
    "foråret",
    "efteråret",
    "sommeren",
    "vinteren",
    "kvartal",
    "halvår",
    "skoleåret",
];

pub(super) fn is_deadline_word(w: &str) -> bool {
    w.contains("frist") || w == "deadline" || w == "deadlines"
}

pub(super) fn is_date_word(w: &str) -> bool {
    month_of(w).is_some()
        || part_of(w).is_some()
        || season_of(w).is_some()
        || ordinal_word(w).is_some()
        || period_of(w).is_some()
        || number_word(w).is_some()
        || dur_unit_of(w).is_some()
        || is_week_word(w)
        || is_school_year_word(w)
        || FILLERS.contains(&w)
        || WEEKDAYS.contains(&w)
        || ONGOING.contains(&w)
        || OPERATORS.contains(&w)
        || CONNECTORS.contains(&w)
        || LETTERS.contains(&w)
        || matches!(w, "school" | "year" | "sidste" | "last" | "high")
}

/// How the phrase reader treats a (lower-cased) word.
pub(super) fn class_of(w: &str) -> WordClass {
    if is_deadline_word(w) {
        return WordClass::Deadline;
    }
    if HEDGES.contains(&w) {
        return WordClass::Hedge;
    }
    if is_date_word(w) {
        let kind = if month_of(w).is_some()
            || season_of(w).is_some()
            || ONGOING.contains(&w)
            || is_part_name(w)
        {
            DateWord::Bearing
        } else if OPERATORS.contains(&w) {
            DateWord::Operator
        } else if CONNECTORS.contains(&w) {
            DateWord::Connector
        } else if matches!(w, "af" | "of") {
            DateWord::Of
        } else {
            DateWord::Other
        };
        return WordClass::Date(kind);
    }
    // Danish compounds name what the date is: "planperiode", "mødedato", "tidsramme".
    const LABEL_ENDINGS: &[&str] = &[
        "periode",
        "perioden",
        "dato",
        "datoen",
        "tidspunkt",
        "tidspunktet",
        "tidsplan",
        "tidsramme",
        "tidsrum",
    ];
    if LABELS.contains(&w) || LABEL_ENDINGS.iter().any(|e| w.ends_with(e)) {
        return WordClass::Label;
    }
    WordClass::Free
}

/// The date word a misspelt word stands for, when there is exactly one within one typing
/// slip (a wrong, missing, extra or swapped letter) that starts with the same letter:
/// `midio` → `medio`, `janaur` → `januar`. Short words and real words are never
/// corrected.
pub(super) fn spelling_slip(w: &str) -> Option<&'static str> {
    let len = w.chars().count();
    if !(5..=12).contains(&len) || NOT_SLIPS.contains(&w) || is_date_word(w) {
        return None;
    }
    let first = w.chars().next()?;
    let mut found = None;
    for t in SLIP_TARGETS {
        if t.starts_with(first) && strsim::osa_distance(w, t) == 1 {
            if found.is_some() {
                return None;
            }
            found = Some(*t);
        }
    }
    found
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn slips_are_corrected_only_when_unambiguous() {
        assert_eq!(spelling_slip("midio"), Some("medio"));
        assert_eq!(spelling_slip("janaur"), Some("januar"));
        assert_eq!(spelling_slip("septmber"), Some("september"));
        assert_eq!(spelling_slip("media"), None, "a real word");
        assert_eq!(spelling_slip("jumi"), None, "too short");
        assert_eq!(spelling_slip("medio"), None, "already right");
        assert_eq!(spelling_slip("nidio"), None, "first letter differs");
    }

    #[test]
    fn classes() {
        assert_eq!(class_of("høringsfrist"), WordClass::Deadline);
        assert_eq!(class_of("fristen"), WordClass::Deadline);
        assert_eq!(class_of("forventet"), WordClass::Hedge);
        assert_eq!(class_of("opdateret"), WordClass::Label);
        assert_eq!(class_of("marts"), WordClass::Date(DateWord::Bearing));
        assert_eq!(class_of("senest"), WordClass::Date(DateWord::Operator));
        assert_eq!(class_of("lokalplan"), WordClass::Free);
    }

    #[test]
    fn weekdays_map_to_their_day() {
        assert_eq!(weekday_of("mandag"), Some(0));
        assert_eq!(weekday_of("søndag"), Some(6));
        assert_eq!(weekday_of("sunday"), Some(6));
        assert_eq!(weekday_of("tors"), Some(3));
        assert_eq!(weekday_of("man"), None);
    }
}
