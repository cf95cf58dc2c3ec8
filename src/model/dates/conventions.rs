//! The configurable spans behind the vague words (`primo`, `medio`, `ultimo`, seasons).
//!
//! A site can override any of these in its configuration (YAML or JSON); every field is
//! optional and falls back to the documented default. Unknown keys are rejected so that a
//! misspelt setting is reported instead of silently ignored.

use serde::{Deserialize, Serialize};

/// An inclusive span `[from, to]`. What the two numbers count (days of a month, months of
/// a year, months of a quarter …) depends on where the span is used.
pub type Span = [u32; 2];

/// Which part of a longer period `primo`, `medio` and `ultimo` (early/mid/late) cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Parts {
    pub primo: Span,
    pub medio: Span,
    pub ultimo: Span,
}

impl Parts {
    pub(super) fn get(&self, part: Part) -> Span {
        match part {
            Part::Primo => self.primo,
            Part::Medio => self.medio,
            Part::Ultimo => self.ultimo,
        }
    }
}

/// The months of the four seasons and of the parts of summer Danish names
/// (`forsommer`, `højsommer`, `sensommer`). A season whose end month is smaller than its
/// start month (winter: December–February) runs into the following year, so
/// `vinter 2023` is December 2023 – February 2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Seasons {
    pub spring: Span,
    pub summer: Span,
    pub autumn: Span,
    pub winter: Span,
    pub early_summer: Span,
    pub high_summer: Span,
    pub late_summer: Span,
}

impl Seasons {
    pub(super) fn get(&self, season: Season) -> Span {
        match season {
            Season::Spring => self.spring,
            Season::Summer => self.summer,
            Season::Autumn => self.autumn,
            Season::Winter => self.winter,
            Season::EarlySummer => self.early_summer,
            Season::HighSummer => self.high_summer,
            Season::LateSummer => self.late_summer,
        }
    }
}

/// Beginning, middle or end (`primo`/`medio`/`ultimo`, `early`/`mid`/`late`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Part {
    Primo,
    Medio,
    Ultimo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
    EarlySummer,
    HighSummer,
    LateSummer,
}

/// The spans used for `primo`/`medio`/`ultimo` and for seasons.
///
/// Defaults (see the module documentation for the reasoning):
///
/// | setting | primo | medio | ultimo |
/// |---|---|---|---|
/// | `month_parts` (days of the month; 31 means "last day") | 1–10 | 11–20 | 21–31 |
/// | `year_parts` (months of the year) | 1–2 | 6–7 | 11–12 |
/// | `quarter_parts` (months of the quarter) | 1–1 | 2–2 | 3–3 |
/// | `half_year_parts` (months of the half-year) | 1–1 | 3–4 | 6–6 |
///
/// `seasons` (months): spring 3–5, summer 6–8, autumn 9–11, winter 12–2 (into next year),
/// early summer (forsommer) 5–6, high summer (højsommer) 7, late summer (sensommer) 8–9.
///
/// `school_year` (months): 8–7, August to July of the next year (`skoleåret 2024/25`).
///
/// Every setting, and every span inside a setting, is optional when deserializing: what
/// is left out keeps its default. Unknown keys and impossible spans are rejected with a
/// message naming the setting. Example YAML:
///
/// ```yaml
/// year_parts:
///   primo: [1, 3]     # primo 2024 = January–March
/// seasons:
///   winter: [11, 2]   # vinter 2023 = November 2023 – February 2024
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawConventions")]
pub struct DateConventions {
    pub month_parts: Parts,
    pub year_parts: Parts,
    pub quarter_parts: Parts,
    pub half_year_parts: Parts,
    pub seasons: Seasons,
    pub school_year: Span,
}

/// What a configuration file may say: everything optional, nothing unknown.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConventions {
    month_parts: RawParts,
    year_parts: RawParts,
    quarter_parts: RawParts,
    half_year_parts: RawParts,
    seasons: RawSeasons,
    school_year: Option<Span>,
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawParts {
    primo: Option<Span>,
    medio: Option<Span>,
    ultimo: Option<Span>,
}

impl RawParts {
    fn over(self, base: Parts) -> Parts {
        Parts {
            primo: self.primo.unwrap_or(base.primo),
            medio: self.medio.unwrap_or(base.medio),
            ultimo: self.ultimo.unwrap_or(base.ultimo),
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawSeasons {
    spring: Option<Span>,
    summer: Option<Span>,
    autumn: Option<Span>,
    winter: Option<Span>,
    early_summer: Option<Span>,
    high_summer: Option<Span>,
    late_summer: Option<Span>,
}

impl TryFrom<RawConventions> for DateConventions {
    type Error = String;

    fn try_from(raw: RawConventions) -> Result<Self, String> {
        let d = DateConventions::default();
        let s = raw.seasons;
        let conv = DateConventions {
            month_parts: raw.month_parts.over(d.month_parts),
            year_parts: raw.year_parts.over(d.year_parts),
            quarter_parts: raw.quarter_parts.over(d.quarter_parts),
            half_year_parts: raw.half_year_parts.over(d.half_year_parts),
            seasons: Seasons {
                spring: s.spring.unwrap_or(d.seasons.spring),
                summer: s.summer.unwrap_or(d.seasons.summer),
                autumn: s.autumn.unwrap_or(d.seasons.autumn),
                winter: s.winter.unwrap_or(d.seasons.winter),
                early_summer: s.early_summer.unwrap_or(d.seasons.early_summer),
                high_summer: s.high_summer.unwrap_or(d.seasons.high_summer),
                late_summer: s.late_summer.unwrap_or(d.seasons.late_summer),
            },
            school_year: raw.school_year.unwrap_or(d.school_year),
        };
        conv.validate()?;
        Ok(conv)
    }
}

impl Default for DateConventions {
    fn default() -> Self {
        DateConventions {
            month_parts: Parts {
                primo: [1, 10],
                medio: [11, 20],
                ultimo: [21, 31],
            },
            year_parts: Parts {
                primo: [1, 2],
                medio: [6, 7],
                ultimo: [11, 12],
            },
            quarter_parts: Parts {
                primo: [1, 1],
                medio: [2, 2],
                ultimo: [3, 3],
            },
            half_year_parts: Parts {
                primo: [1, 1],
                medio: [3, 4],
                ultimo: [6, 6],
            },
            seasons: Seasons {
                spring: [3, 5],
                summer: [6, 8],
                autumn: [9, 11],
                winter: [12, 2],
                early_summer: [5, 6],
                high_summer: [7, 7],
                late_summer: [8, 9],
            },
            school_year: [8, 7],
        }
    }
}

impl DateConventions {
    /// Check that every span is inside its unit and runs forwards. Returns a plain message
    /// naming the offending setting. Deserializing runs this; the parser itself never
    /// panics on bad conventions built in code (it clamps).
    pub fn validate(&self) -> Result<(), String> {
        let parts = [
            ("month_parts", &self.month_parts, 31, "day"),
            ("year_parts", &self.year_parts, 12, "month"),
            (
                "quarter_parts",
                &self.quarter_parts,
                3,
                "month of the quarter",
            ),
            (
                "half_year_parts",
                &self.half_year_parts,
                6,
                "month of the half-year",
            ),
        ];
        for (name, p, max, what) in parts {
            for (pname, [from, to]) in
                [("primo", p.primo), ("medio", p.medio), ("ultimo", p.ultimo)]
            {
                if from < 1 || to > max || from > to {
                    return Err(format!(
                        "{name}.{pname} is [{from}, {to}], but it must be two {what} numbers \
                         from 1 to {max}, the first not after the second"
                    ));
                }
            }
        }
        let s = &self.seasons;
        for (name, [from, to]) in [
            ("spring", s.spring),
            ("summer", s.summer),
            ("autumn", s.autumn),
            ("winter", s.winter),
            ("early_summer", s.early_summer),
            ("high_summer", s.high_summer),
            ("late_summer", s.late_summer),
            ("school_year", self.school_year),
        ] {
            if !(1..=12).contains(&from) || !(1..=12).contains(&to) {
                return Err(format!(
                    "{}{name} is [{from}, {to}], but it must be two month numbers from 1 to 12",
                    if name == "school_year" {
                        ""
                    } else {
                        "seasons."
                    }
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn defaults_validate() {
        assert_eq!(DateConventions::default().validate(), Ok(()));
    }

    #[test]
    fn partial_override_keeps_other_defaults() {
        let c: DateConventions = serde_json::from_str(
            r#"{"year_parts": {"primo": [1, 3], "medio": [6, 7], "ultimo": [10, 12]}}"#,
        )
        .expect("valid config");
        assert_eq!(c.year_parts.primo, [1, 3]);
        assert_eq!(c.month_parts, DateConventions::default().month_parts);
        assert_eq!(c.seasons, DateConventions::default().seasons);
    }

    #[test]
    fn single_span_override() {
        let c: DateConventions =
            serde_json::from_str(r#"{"year_parts": {"primo": [1, 3]}}"#).expect("valid config");
        let d = DateConventions::default();
        assert_eq!(c.year_parts.primo, [1, 3]);
        assert_eq!(
            (c.year_parts.medio, c.year_parts.ultimo),
            (d.year_parts.medio, d.year_parts.ultimo)
        );
    }

    #[test]
    fn unknown_keys_are_rejected() {
        assert!(serde_json::from_str::<DateConventions>(r#"{"yeer_parts": {}}"#).is_err());
        assert!(
            serde_json::from_str::<DateConventions>(r#"{"year_parts": {"prim": [1, 2]}}"#).is_err()
        );
    }

    #[test]
    fn impossible_spans_are_rejected_when_loading() {
        let err = serde_json::from_str::<DateConventions>(r#"{"seasons": {"winter": [12, 13]}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("seasons.winter"), "{err}");
    }

    #[test]
    fn validate_reports_bad_span() {
        let mut c = DateConventions::default();
        c.month_parts.medio = [20, 11];
        let msg = c.validate().unwrap_err();
        assert!(msg.contains("month_parts.medio"), "{msg}");
    }
}
