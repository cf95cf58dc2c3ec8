//! Which column of a table holds what: recognised from its Danish or English heading, or
//! named on the command line (`--columns when=2,what=1,who=3`).

use crate::model::diagnostics::did_you_mean;
use std::fmt;

/// A field of a timeline row or track action that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    When,
    What,
    Who,
    Track,
    Level,
    Note,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::When,
        Field::What,
        Field::Who,
        Field::Track,
        Field::Level,
        Field::Note,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::When => "when",
            Field::What => "what",
            Field::Who => "who",
            Field::Track => "track",
            Field::Level => "level",
            Field::Note => "note",
        }
    }

    /// Column headings that mean this field, folded by [`fold`]. Danish first; OCR and
    /// keyboards without æøå give the forms without them.
    fn headings(self) -> &'static [&'static str] {
        match self {
            Field::When => &[
                "tid",
                "tidspunkt",
                "tidspunkter",
                "dato",
                "datoer",
                "hvornaar",
                "hvornar",
                "periode",
                "tidsperiode",
                "tidsplan",
                "tidsramme",
                "frist",
                "deadline",
                "forventet tidspunkt",
                "when",
                "date",
                "dates",
                "time",
                "timing",
                "period",
            ],
            Field::What => &[
                "emne",
                "aktivitet",
                "aktiviteter",
                "opgave",
                "opgaver",
                "hvad",
                "indhold",
                "beskrivelse",
                "handling",
                "handlinger",
                "tiltag",
                "indsats",
                "indsatser",
                "milepael",
                "milepaele",
                "proces",
                "procestrin",
                "what",
                "activity",
                "activities",
                "task",
                "tasks",
                "subject",
                "topic",
                "item",
                "description",
                "action",
                "actions",
                "milestone",
                "step",
            ],
            Field::Who => &[
                "hvem",
                "ansvarlig",
                "ansvarlige",
                "ansvar",
                "involverede",
                "deltagere",
                "aktoer",
                "aktoerer",
                "udfoerer",
                "who",
                "responsible",
                "owner",
                "by",
                "participants",
            ],
            Field::Track => &[
                "udviklingsspor",
                "spor",
                "indsatsomraade",
                "indsatsomrade",
                "track",
                "tracks",
                "development track",
                "workstream",
            ],
            Field::Level => &["niveau", "level", "central lokal", "central decentral"],
            Field::Note => &[
                "bemaerkning",
                "bemaerkninger",
                "note",
                "noter",
                "kommentar",
                "kommentarer",
                "notes",
                "remarks",
                "comment",
                "comments",
            ],
        }
    }

    /// The names `--columns` accepts for this field: the English name and Danish ones.
    fn spec_names(self) -> &'static [&'static str] {
        match self {
            Field::When => &["when", "hvornaar", "tid", "dato"],
            Field::What => &["what", "hvad", "aktivitet", "tiltag", "action"],
            Field::Who => &["who", "hvem", "ansvarlig"],
            Field::Track => &["track", "spor", "udviklingsspor"],
            Field::Level => &["level", "niveau"],
            Field::Note => &["note", "bemaerkning"],
        }
    }
}

/// Folds a heading for comparison: lower case, Danish letters spelt out, punctuation
/// and words in brackets dropped, spaces collapsed (`"Hvornår?"` → `"hvornaar"`).
pub fn fold(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    let mut depth = 0usize;
    for ch in heading.chars().flat_map(char::to_lowercase) {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a heading names, if any: the whole heading, else its first word
/// (`"Tidspunkt for møde"` is a when column).
pub fn field_of_heading(heading: &str) -> Option<Field> {
    let folded = fold(heading);
    if folded.is_empty() {
        return None;
    }
    let exact = |h: &str| Field::ALL.into_iter().find(|f| f.headings().contains(&h));
    exact(&folded).or_else(|| exact(folded.split(' ').next().unwrap_or_default()))
}

/// Column numbers (from 0) for each field of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    cols: Vec<(Field, usize)>,
}

impl Columns {
    pub fn get(&self, field: Field) -> Option<usize> {
        self.cols.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    fn set(&mut self, field: Field, col: usize) {
        self.cols.push((field, col));
    }

    /// The columns named by a heading row; the first column wins when two headings name
    /// the same field. In a tracks table an action column (`Tiltag`) fills `what`.
    pub fn from_headings(headings: &[String]) -> Columns {
        let mut c = Columns::default();
        for (i, h) in headings.iter().enumerate() {
            if let Some(f) = field_of_heading(h)
                && c.get(f).is_none()
            {
                c.set(f, i);
            }
        }
        c
    }

    pub fn kind(&self) -> Option<TableKind> {
        let what = self.get(Field::What).is_some();
        if what && self.get(Field::Track).is_some() {
            Some(TableKind::Tracks)
        } else if what && self.get(Field::When).is_some() {
            Some(TableKind::Timeline)
        } else {
            None
        }
    }

    /// The highest column number used, so a table can be checked to be wide enough.
    pub fn widest(&self) -> usize {
        self.cols.iter().map(|(_, c)| *c).max().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.cols.is_empty()
    }
}

impl fmt::Display for Columns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .cols
            .iter()
            .map(|(field, c)| format!("{}={}", field.name(), c + 1))
            .collect();
        f.write_str(&parts.join(","))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Timeline,
    Tracks,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnSpecError {
    #[error("`{0}` in --columns is not of the form field=number (for example `when=2`)")]
    Shape(String),
    #[error("`{name}` in --columns is not a field{}; the fields are when, what, who, track, level and note", .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownField {
        name: String,
        suggestion: Option<String>,
    },
    #[error("`{0}` in --columns is not a column number: count the columns from 1 at the left")]
    BadNumber(String),
    #[error("--columns names `{0}` twice")]
    Twice(&'static str),
    #[error("--columns gives column {0} to both `{1}` and `{2}`")]
    SameColumn(usize, &'static str, &'static str),
    #[error("--columns must name a `what` column and a `when` column (or a `track` column)")]
    Incomplete,
}

impl ColumnSpecError {
    /// The catalogue message of this error, for the reader's language.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        match self {
            ColumnSpecError::Shape(s) => Key::new("columns-shape").arg("part", s.as_str()),
            ColumnSpecError::UnknownField { name, suggestion } => {
                let k = Key::new("columns-unknown-field").arg("name", name.as_str());
                match suggestion {
                    Some(s) => k.arg("suggestion", s.as_str()),
                    None => k.arg("suggestion", "none"),
                }
            }
            ColumnSpecError::BadNumber(s) => Key::new("columns-bad-number").arg("part", s.as_str()),
            ColumnSpecError::Twice(f) => Key::new("columns-twice").arg("field", *f),
            ColumnSpecError::SameColumn(c, a, b) => Key::new("columns-same-column")
                .arg("column", c.to_string())
                .arg("first", *a)
                .arg("second", *b),
            ColumnSpecError::Incomplete => Key::new("columns-incomplete"),
        }
    }
}

/// Reads `when=2,what=1,who=3` (column numbers from 1, as people count them).
pub fn parse_spec(spec: &str) -> Result<Columns, ColumnSpecError> {
    let mut c = Columns::default();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, number) = part
            .split_once('=')
            .ok_or_else(|| ColumnSpecError::Shape(part.to_string()))?;
        let folded = fold(name);
        let field = Field::ALL
            .into_iter()
            .find(|f| f.spec_names().contains(&folded.as_str()))
            .ok_or_else(|| ColumnSpecError::UnknownField {
                name: name.trim().to_string(),
                suggestion: did_you_mean(
                    &folded,
                    Field::ALL
                        .iter()
                        .flat_map(|f| f.spec_names().iter().copied()),
                )
                .map(str::to_string),
            })?;
        let col = match number.trim().parse::<usize>() {
            Ok(n) if n >= 1 => n - 1,
            _ => return Err(ColumnSpecError::BadNumber(number.trim().to_string())),
        };
        if c.get(field).is_some() {
            return Err(ColumnSpecError::Twice(field.name()));
        }
        if let Some((other, _)) = c.cols.iter().find(|(_, x)| *x == col) {
            return Err(ColumnSpecError::SameColumn(
                col + 1,
                other.name(),
                field.name(),
            ));
        }
        c.set(field, col);
    }
    if c.kind().is_none() {
        return Err(ColumnSpecError::Incomplete);
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(h: &[&str]) -> Columns {
        Columns::from_headings(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_seeds_headings_are_recognised() {
        let c = headings(&["Tid", "Emne"]);
        assert_eq!((c.get(Field::When), c.get(Field::What)), (Some(0), Some(1)));
        let c = headings(&["Dato", "Aktivitet", "Hvem"]);
        assert_eq!(c.get(Field::Who), Some(2));
        let c = headings(&["Opgave", "Tidspunkt"]);
        assert_eq!((c.get(Field::What), c.get(Field::When)), (Some(0), Some(1)));
        assert_eq!(c.kind(), Some(TableKind::Timeline));
    }

    #[test]
    fn tracks_and_english_headings() {
        let c = headings(&["Udviklingsspor", "Tiltag", "Hvornår?", "Hvem", "Niveau"]);
        assert_eq!(c.kind(), Some(TableKind::Tracks));
        assert_eq!(c.get(Field::When), Some(2));
        assert_eq!(c.get(Field::Level), Some(4));
        let c = headings(&["Date", "Activity", "Responsible (unit)"]);
        assert_eq!(c.get(Field::Who), Some(2));
        assert_eq!(field_of_heading("Tidspunkt for mødet"), Some(Field::When));
        assert_eq!(field_of_heading("Budget"), None);
    }

    #[test]
    fn column_specs() {
        let c = parse_spec("when=2, what=1,who=3").unwrap();
        assert_eq!(
            (c.get(Field::When), c.get(Field::What), c.get(Field::Who)),
            (Some(1), Some(0), Some(2))
        );
        assert_eq!(c.to_string(), "when=2,what=1,who=3");
        assert_eq!(
            parse_spec("hvornår=1,hvad=2").unwrap().get(Field::When),
            Some(0)
        );
        assert_eq!(
            parse_spec("when=0,what=1"),
            Err(ColumnSpecError::BadNumber("0".into()))
        );
        assert_eq!(
            parse_spec("when=1,what=1"),
            Err(ColumnSpecError::SameColumn(1, "when", "what"))
        );
        assert_eq!(parse_spec("who=3"), Err(ColumnSpecError::Incomplete));
        let e = parse_spec("wen=1,what=2").unwrap_err().to_string();
        assert!(e.contains("did you mean `when`"), "{e}");
        assert!(matches!(
            parse_spec("when:1"),
            Err(ColumnSpecError::Shape(_))
        ));
    }
}
