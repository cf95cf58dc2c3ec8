//! TEMPORARY: minimal ISO-only stand-in with the agreed API; replaced by the full parser.
use chrono::{NaiveDate, NaiveTime};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Week,
    Month,
    PartOfMonth,
    Quarter,
    HalfYear,
    PartOfYear,
    Season,
    Year,
    Range,
    OpenEnded,
    Ongoing,
}
impl Precision {
    pub fn as_str(&self) -> &'static str {
        "day"
    }
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Da,
    En,
}
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateConventions {}
pub struct ParseContext<'a> {
    pub conventions: &'a DateConventions,
    pub default_year: Option<i32>,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyDate {
    text: String,
    day: NaiveDate,
    time: Option<NaiveTime>,
}
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    #[error("\"{text}\" is not a date")]
    NotADate { text: String },
    #[error("\"{text}\" has no year")]
    NoYear { text: String },
}
pub const ACCEPTED_FORMS: &str = "2023-09-12";
impl FuzzyDate {
    pub fn parse(text: &str, _ctx: &ParseContext) -> Result<FuzzyDate, DateError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(DateError::Empty);
        }
        let (d, tm) = t
            .split_once(' ')
            .map(|(a, b)| (a, Some(b)))
            .unwrap_or((t, None));
        let day = NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| DateError::NotADate { text: t.into() })?;
        let time = match tm {
            Some(x) => Some(
                NaiveTime::parse_from_str(x, "%H:%M")
                    .map_err(|_| DateError::NotADate { text: t.into() })?,
            ),
            None => None,
        };
        Ok(FuzzyDate {
            text: t.into(),
            day,
            time,
        })
    }
    pub fn from_day(d: NaiveDate) -> Self {
        FuzzyDate {
            text: d.to_string(),
            day: d,
            time: None,
        }
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn start(&self) -> Option<NaiveDate> {
        Some(self.day)
    }
    pub fn end(&self) -> Option<NaiveDate> {
        Some(self.day)
    }
    pub fn start_time(&self) -> Option<NaiveTime> {
        self.time
    }
    pub fn end_time(&self) -> Option<NaiveTime> {
        self.time
    }
    pub fn offset(&self) -> Option<chrono::FixedOffset> {
        None
    }
    pub fn precision(&self) -> Precision {
        Precision::Day
    }
    pub fn year_inferred(&self) -> bool {
        false
    }
    pub fn last_year(&self) -> Option<i32> {
        use chrono::Datelike;
        Some(self.day.year())
    }
    pub fn is_exact_day(&self) -> bool {
        true
    }
    pub fn display(&self, _lang: Lang) -> String {
        self.day.format("%-d. %B %Y").to_string()
    }
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({"text": self.text, "start": self.day.to_string(), "end": self.day.to_string(), "precision": "day"})
    }
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        (self.day, self.day)
    }
}
