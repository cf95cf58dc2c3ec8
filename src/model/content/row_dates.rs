//! Dates in the rows of a table (timeline rows, track actions), read as a person reads
//! down the table: a date written without a year takes the year of the nearest earlier
//! dated row. The content parser and `planpub import` both read rows through this, so a
//! table reads the same in the importer's summary and in the built timeline.

use crate::messages::Key;
use crate::model::dates::{DateConventions, DateError, FuzzyDate, ParseContext};

/// Reads the dates of one table from top to bottom, carrying the year down.
#[derive(Debug, Default, Clone)]
pub struct RowYears {
    last: Option<i32>,
}

/// A row's date, and the year it borrowed from the row before when it had none.
#[derive(Debug, Clone)]
pub struct RowDate {
    pub date: FuzzyDate,
    pub year_from_row_before: Option<i32>,
}

impl RowYears {
    pub fn new() -> RowYears {
        RowYears::default()
    }

    /// Reads the next row's date. A text that is not a date leaves the carried year as it
    /// was, so the row after it still takes the year of the last dated row.
    pub fn read(
        &mut self,
        text: &str,
        conventions: &DateConventions,
    ) -> Result<RowDate, DateError> {
        let ctx = ParseContext {
            conventions,
            default_year: self.last,
        };
        let date = FuzzyDate::parse(text, &ctx)?;
        let year_from_row_before = if date.year_inferred() {
            self.last
        } else {
            None
        };
        if let Some(y) = date.last_year() {
            self.last = Some(y);
        }
        Ok(RowDate {
            date,
            year_from_row_before,
        })
    }
}

impl RowDate {
    /// The warning staff get when the year was taken from the row before, with its help.
    pub fn year_warning(&self) -> Option<Key> {
        self.year_from_row_before.map(|year| {
            Key::new("date-year-from-row-before")
                .arg("text", self.date.text().trim())
                .arg("year", year.to_string())
        })
    }
}
