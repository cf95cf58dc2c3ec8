//! From a document's blocks to a plan: the timeline rows, the tracks, the body text and
//! everything staff should look at (rows without a readable date, years taken from
//! the row before, tables that were not imported).

use super::columns::{Columns, Field, TableKind};
use super::document::{Block, Cell, Location, Para, Row, Table};
use crate::messages::Key;
use crate::model::content::Level;
use crate::model::content::row_dates::{RowDate, RowYears};
use crate::model::dates::DateConventions;

/// How a row's `when` cell was read.
// A table has tens of rows: boxing the date would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Reading {
    Date(RowDate),
    /// Not a date: imported as `undated:` with the cell's text, for this reason (a
    /// catalogue message: a date error's, or `import-undated-empty`).
    Undated {
        reason: Key,
    },
}

/// One imported timeline row or track action.
#[derive(Debug, Clone)]
pub struct ImportedRow {
    pub location: Location,
    /// The `when` cell's text with its line breaks joined ("Februar-oktober 2023").
    pub text: String,
    pub reading: Reading,
    /// The date came from a cell merged down from a row above.
    pub date_from_above: bool,
    pub what: String,
    pub who: Option<String>,
    pub note: Option<String>,
    pub level: Option<Level>,
}

#[derive(Debug, Clone)]
pub struct ImportedTrack {
    pub name: String,
    pub location: Location,
    pub actions: Vec<ImportedRow>,
}

/// Something staff should check, with the row it is about: a catalogue message and
/// its help, told in the reader's language when it is printed.
#[derive(Debug, Clone)]
pub struct Notice {
    pub location: Option<Location>,
    pub key: Key,
}

/// The name of a track the table does not name: it is written into the plan, which is
/// in Danish whatever the language of the messages.
const UNNAMED_TRACK: &str = "Uden navn";

#[derive(Debug, Default)]
pub struct Assembled {
    pub heading: Option<String>,
    pub timeline: Vec<ImportedRow>,
    pub tracks: Vec<ImportedTrack>,
    pub body: Vec<Block>,
    pub notices: Vec<Notice>,
    /// Headings of the tables that were neither timelines nor tracks.
    pub other_tables: Vec<String>,
    /// The year carried down the current track.
    track_years: RowYears,
}

pub fn assemble(
    blocks: Vec<Block>,
    columns: Option<&Columns>,
    conventions: &DateConventions,
) -> Assembled {
    let mut a = Assembled::default();
    let mut years = RowYears::new();
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        match block {
            Block::Heading(h) if a.heading.is_none() => a.heading = Some(h),
            // A heading right before a table that becomes the timeline is its caption;
            // the page has a timeline heading of its own.
            Block::Heading(h) => {
                let caption = matches!(blocks.peek(), Some(Block::Table(t)) if table_kind(t, columns).is_some());
                if !caption {
                    a.body.push(Block::Heading(h));
                }
            }
            Block::Paragraph(p) => a.body.push(Block::Paragraph(p)),
            Block::Table(t) => a.table(t, columns, conventions, &mut years),
        }
    }
    a
}

/// The heading row (its index) and the columns of a table, if it is a timeline or a
/// tracks table.
fn header(t: &Table, columns: Option<&Columns>) -> Option<(Option<usize>, Columns)> {
    let mut rows = t.rows.iter().enumerate().filter(|(_, r)| !r.is_empty());
    match columns {
        Some(c) => {
            let (i, first) = rows.next()?;
            (first.cells.len() > c.widest()).then(|| {
                // The first row is a heading row unless it already holds a date.
                let dated = c
                    .get(Field::When)
                    .and_then(|w| first.cell(w))
                    .is_some_and(|cell| looks_like_date(&when_text(cell)));
                ((!dated).then_some(i), c.clone())
            })
        }
        None => rows.take(3).find_map(|(i, r)| {
            let c = Columns::from_headings(&r.texts());
            c.kind().map(|_| (Some(i), c))
        }),
    }
}

fn table_kind(t: &Table, columns: Option<&Columns>) -> Option<TableKind> {
    header(t, columns).and_then(|(_, c)| c.kind())
}

fn looks_like_date(text: &str) -> bool {
    let conventions = DateConventions::default();
    let ctx = crate::model::dates::ParseContext {
        conventions: &conventions,
        default_year: Some(2000),
    };
    crate::model::dates::FuzzyDate::parse(text, &ctx).is_ok()
}

impl Assembled {
    fn table(
        &mut self,
        t: Table,
        columns: Option<&Columns>,
        conventions: &DateConventions,
        years: &mut RowYears,
    ) {
        let Some((head, cols)) = header(&t, columns) else {
            self.other_table(t, columns);
            return;
        };
        let heading_texts: Option<Vec<String>> = head.and_then(|h| t.rows.get(h)).map(Row::texts);
        for (i, row) in t.rows.into_iter().enumerate() {
            if row.is_empty() || Some(i) == head {
                continue;
            }
            if head.is_some_and(|h| i < h) {
                // Rows above the heading row: a title row in a spreadsheet, a caption.
                self.loose_row(&row);
                continue;
            }
            // A heading row repeated after a page break is not a row of the plan.
            if heading_texts.as_ref() == Some(&row.texts()) {
                continue;
            }
            match cols.kind() {
                Some(TableKind::Tracks) => self.action(&row, &cols, conventions),
                _ => {
                    let r = self.row(&row, &cols, conventions, years);
                    self.timeline.push(r);
                }
            }
        }
    }

    fn loose_row(&mut self, row: &Row) {
        let text: Vec<String> = row.texts().into_iter().filter(|t| !t.is_empty()).collect();
        let text = text.join(" ").replace('\n', " ");
        if self.heading.is_none() && self.timeline.is_empty() && self.tracks.is_empty() {
            self.heading = Some(text);
        } else {
            self.body.push(Block::Paragraph(Para::new(&text, false)));
        }
    }

    fn other_table(&mut self, t: Table, columns: Option<&Columns>) {
        let first = t.rows.iter().find(|r| !r.is_empty());
        let headings = first
            .map(|r| {
                r.texts()
                    .iter()
                    .map(|s| s.replace('\n', " "))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .unwrap_or_default();
        if first.is_none() {
            return;
        }
        let what = match &t.name {
            super::document::TableName::Numbered(n) => {
                Key::new("import-table-numbered").num("n", *n)
            }
            super::document::TableName::Sheet(s) => {
                Key::new("import-table-sheet").arg("sheet", s.clone())
            }
            super::document::TableName::Csv => Key::new("import-table-csv"),
        };
        let help = match columns {
            Some(c) => Key::new("import-other-table-fewer-columns").arg("columns", c.to_string()),
            None => Key::new("import-other-table-help"),
        };
        self.notices.push(Notice {
            location: None,
            key: Key::new("import-other-table")
                .sub("what", what)
                .arg("headings", headings.clone())
                .with_help(help),
        });
        self.other_tables.push(headings);
        self.body.push(Block::Table(t));
    }

    fn row(
        &mut self,
        row: &Row,
        cols: &Columns,
        conventions: &DateConventions,
        years: &mut RowYears,
    ) -> ImportedRow {
        let cell = |f: Field| cols.get(f).and_then(|c| row.cell(c));
        let when = cell(Field::When);
        let text = when.map(when_text).unwrap_or_default();
        let reading = if text.is_empty() {
            Reading::Undated {
                reason: Key::new("import-undated-empty"),
            }
        } else {
            match years.read(&text, conventions) {
                Ok(d) => {
                    if let Some(key) = d.year_warning() {
                        self.notices.push(Notice {
                            location: Some(row.location.clone()),
                            key,
                        });
                    }
                    Reading::Date(d)
                }
                Err(e) => Reading::Undated { reason: e.key() },
            }
        };
        let (what, bullets) = cell(Field::What).map(what_text).unwrap_or_default();
        if what.is_empty() {
            self.notices.push(Notice {
                location: Some(row.location.clone()),
                key: Key::new("import-no-what"),
            });
        }
        let note_col = cell(Field::Note)
            .map(|c| joined(c, " "))
            .filter(|s| !s.is_empty());
        let note: Vec<String> = note_col.into_iter().chain(bullets).collect();
        let (level, level_note) = match cell(Field::Level).map(|c| joined(c, " ")) {
            Some(l) if !l.is_empty() => match level_of(&l) {
                Some(level) => (Some(level), None),
                None => {
                    self.notices.push(Notice {
                        location: Some(row.location.clone()),
                        key: Key::new("import-unknown-level").arg("level", l.clone()),
                    });
                    (None, Some(format!("Niveau: {l}")))
                }
            },
            _ => (None, None),
        };
        let note: Vec<String> = note.into_iter().chain(level_note).collect();
        ImportedRow {
            location: row.location.clone(),
            text,
            reading,
            date_from_above: when.is_some_and(|c| c.from_above),
            what,
            who: cell(Field::Who)
                .map(|c| joined(c, ", "))
                .filter(|s| !s.is_empty()),
            note: (!note.is_empty()).then(|| note.join("\n")),
            level,
        }
    }

    /// A row of a tracks table: a new track where the track cell names a new one; a
    /// row whose track cell is empty belongs to the track above, as it reads.
    fn action(&mut self, row: &Row, cols: &Columns, conventions: &DateConventions) {
        let name = cols
            .get(Field::Track)
            .and_then(|c| row.cell(c))
            .map(|c| joined(c, " "))
            .unwrap_or_default();
        let new_track = !name.is_empty() && self.tracks.last().is_none_or(|t| t.name != name);
        if new_track || self.tracks.is_empty() {
            if name.is_empty() {
                self.notices.push(Notice {
                    location: Some(row.location.clone()),
                    key: Key::new("import-track-unnamed").arg("name", UNNAMED_TRACK),
                });
            }
            self.track_years = RowYears::new();
            self.tracks.push(ImportedTrack {
                name: if name.is_empty() {
                    UNNAMED_TRACK.into()
                } else {
                    name
                },
                location: row.location.clone(),
                actions: Vec::new(),
            });
        }
        // Each track reads its dates on its own, as the content parser does.
        let mut years = std::mem::take(&mut self.track_years);
        let action = self.row(row, cols, conventions, &mut years);
        self.track_years = years;
        if let Some(t) = self.tracks.last_mut() {
            t.actions.push(action);
        }
    }
}

/// A date cell's text: lines joined, a line ending in a dash joined without a space
/// ("Februar-\noktober 2023" → "Februar-oktober 2023").
pub fn when_text(cell: &Cell) -> String {
    let mut out = String::new();
    for line in cell.text().lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() && !out.ends_with(['-', '–', '—', '/']) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cell's paragraphs joined by `sep`, line breaks inside a paragraph as spaces.
fn joined(cell: &Cell, sep: &str) -> String {
    cell.paras
        .iter()
        .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The activity text and the cell's bullet items (which go to the note, one a line).
fn what_text(cell: &Cell) -> (String, Vec<String>) {
    let flat = |p: &Para| p.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead: Vec<String> = cell.paras.iter().filter(|p| !p.bullet).map(flat).collect();
    let bullets: Vec<String> = cell.paras.iter().filter(|p| p.bullet).map(flat).collect();
    if lead.is_empty() {
        (bullets.join("; "), Vec::new())
    } else {
        (
            lead.join(" "),
            bullets.into_iter().map(|b| format!("• {b}")).collect(),
        )
    }
}

fn level_of(text: &str) -> Option<Level> {
    match super::columns::fold(text).as_str() {
        "central" | "centralt" | "central niveau" | "centralt niveau" => Some(Level::Central),
        "lokal" | "lokalt" | "local" | "decentral" | "decentralt" | "lokalt niveau"
        | "decentralt niveau" => Some(Level::Local),
        _ => None,
    }
}
