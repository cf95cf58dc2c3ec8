//! Small presentation helpers shared by pages, feeds and open data.

use crate::model::config::Language;
use crate::model::dates::{FuzzyDate, Precision};
use chrono::Datelike;
use serde::Serialize;

/// The one way a moment is written for machines (`<time datetime>`, JSON, feeds,
/// bag-info): RFC 3339 with offset, never finer than milliseconds.
pub use crate::model::clock::timestamp;

/// A date as templates need it: the author's text, the display form in the site's
/// language, and machine-readable ends for `<time datetime>`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateView {
    pub text: String,
    pub display: String,
    pub precision: &'static str,
    /// `datetime` values for the start and end (`None` for an open end).
    pub start: Option<String>,
    pub end: Option<String>,
    /// When the display is a range `A – B`, its two halves, so each gets its own
    /// `<time>`; empty otherwise.
    pub parts: Vec<String>,
    /// True when start and end denote the same point (one `<time>` is enough).
    pub single: bool,
    /// The date as the default theme's `date` macro writes it, made here once: the
    /// macro's own branches in Tera cost more than the rest of a timeline row.
    pub html: String,
}

pub fn date_view(d: &FuzzyDate, lang: Language) -> DateView {
    let display = d.display(lang.date_lang());
    let start = d.start().map(|s| machine(s, d.start_time()));
    let end = d.end().map(|e| machine(e, d.end_time()));
    let parts: Vec<String> = match (d.start(), d.end()) {
        (Some(_), Some(_)) => {
            let p: Vec<&str> = display.split(" – ").collect();
            if p.len() == 2 {
                p.into_iter().map(str::to_string).collect()
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    let single_point = match d.precision() {
        Precision::Day => d.start() == d.end(),
        Precision::Month | Precision::Year | Precision::Week => true,
        _ => false,
    };
    let (start, end, single) = if single_point {
        let s = match d.precision() {
            Precision::Month => d
                .start()
                .map(|s| format!("{:04}-{:02}", s.year(), s.month())),
            Precision::Year => d.start().map(|s| format!("{:04}", s.year())),
            Precision::Week => d.start().map(|s| {
                let w = s.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }),
            _ => start,
        };
        (s.clone(), s, true)
    } else {
        (start, end, false)
    };
    let mut v = DateView {
        text: d.text().to_string(),
        display,
        precision: d.precision().as_str(),
        start,
        end,
        parts,
        single,
        html: String::new(),
    };
    v.html = date_html(&v);
    v
}

/// `<time>` elements for a date: one for a point, one per half of a range `A – B`,
/// and the period's ends in `title` otherwise; escaped as Tera escapes.
fn date_html(d: &DateView) -> String {
    let e = tera::escape_html;
    let start = d.start.as_deref().map(e);
    let end = d.end.as_deref().map(e);
    let display = e(&d.display);
    match (&start, &end) {
        _ if d.single => format!(
            "<time datetime=\"{}\">{display}</time>",
            start.as_deref().unwrap_or_default()
        ),
        (Some(s), Some(t)) if d.parts.len() == 2 => format!(
            "<time datetime=\"{s}\">{}</time> – <time datetime=\"{t}\">{}</time>",
            e(&d.parts[0]),
            e(&d.parts[1])
        ),
        (Some(s), Some(t)) => format!(
            "<time datetime=\"{s}\" title=\"{s} – {t}\">{display}</time><time datetime=\"{t}\"></time>"
        ),
        (Some(s), None) => format!("<time datetime=\"{s}\">{display}</time>"),
        (None, Some(t)) => format!("<time datetime=\"{t}\">{display}</time>"),
        (None, None) => display,
    }
}

fn machine(day: chrono::NaiveDate, time: Option<chrono::NaiveTime>) -> String {
    match time {
        Some(t) => format!("{}T{}", day.format("%Y-%m-%d"), t.format("%H:%M")),
        None => day.format("%Y-%m-%d").to_string(),
    }
}

/// A file size for readers: `830 B`, `12 kB`, `1,4 MB` (decimal comma in Danish).
pub fn human_size(bytes: u64, lang: Language) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if bytes < 1000 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let s = if value < 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.0}")
    };
    let s = match lang {
        Language::Da => s.replace('.', ","),
        Language::En => s,
    };
    format!("{s} {}", UNITS[unit])
}

/// A timestamp in the site's language, e.g. `20. juni 2008 kl. 12.00`.
pub fn moment_display(t: &chrono::DateTime<chrono_tz::Tz>, lang: Language) -> String {
    let d = FuzzyDate::from_day(t.date_naive()).display(lang.date_lang());
    match lang {
        Language::Da => format!("{d} kl. {}", t.format("%H.%M")),
        Language::En => format!("{d}, {}", t.format("%H:%M")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(830, Language::Da), "830 B");
        assert_eq!(human_size(1_450_000, Language::Da), "1,4 MB");
        assert_eq!(human_size(1_450_000, Language::En), "1.4 MB");
        assert_eq!(human_size(12_300, Language::Da), "12 kB");
    }

    /// The branches the theme's `date` macro had in Tera, before they moved to
    /// `date_html`: both ways must write the same bytes for every kind of date.
    const TERA_DATE: &str = r#"{% if d.single %}<time datetime="{{ d.start }}">{{ d.display }}</time>{% elif d.parts | length == 2 %}<time datetime="{{ d.start }}">{{ d.parts.0 }}</time> – <time datetime="{{ d.end }}">{{ d.parts.1 }}</time>{% elif d.start and d.end %}<time datetime="{{ d.start }}" title="{{ d.start }} – {{ d.end }}">{{ d.display }}</time><time datetime="{{ d.end }}"></time>{% elif d.start %}<time datetime="{{ d.start }}">{{ d.display }}</time>{% elif d.end %}<time datetime="{{ d.end }}">{{ d.display }}</time>{% else %}{{ d.display }}{% endif %}"#;

    #[test]
    fn date_html_writes_what_the_tera_macro_wrote() {
        let mut tera = tera::Tera::default();
        tera.add_raw_template("d.html", TERA_DATE).unwrap();
        let conventions = Default::default();
        let cx = crate::model::dates::ParseContext {
            conventions: &conventions,
            default_year: None,
        };
        let mut kinds = std::collections::BTreeSet::new();
        for text in [
            "12. september 2023",
            "2008-06-20 12:00",
            "5. marts 2025 kl. 17.00-19.00",
            "september 2023",
            "2023",
            "uge 15 2023",
            "primo 2024",
            "1. halvår 2023",
            "2. kvartal 2023",
            "sommer 2024",
            "februar-oktober 2023",
            "22. maj til 20. juni 2008",
            "fra 1. december 2026 og frem",
            "senest 20. juni 2008",
            "løbende",
        ] {
            let d = crate::model::dates::FuzzyDate::parse(text, &cx).expect(text);
            for lang in [Language::Da, Language::En] {
                let v = date_view(&d, lang);
                let mut ctx = tera::Context::new();
                ctx.insert("d", &v);
                let tera_html = tera.render("d.html", &ctx).unwrap();
                assert_eq!(v.html, tera_html, "{text} ({lang:?})");
                kinds.insert((v.single, v.parts.len(), v.start.is_some(), v.end.is_some()));
            }
        }
        // Every branch of the macro was reached.
        assert!(kinds.len() >= 5, "{kinds:?}");
    }
}
