//! What every reader produces: a document as a sequence of headings, paragraphs and
//! tables, whatever file format it came from. Merged cells are resolved here, once.

use crate::messages::Key;
use std::fmt;

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Paragraph(Para),
    Table(Table),
}

/// A paragraph of text; `bullet` when it is an item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub bullet: bool,
}

impl Para {
    /// A paragraph whose text may begin with a typed bullet (`• `, `- `, `– `…), which
    /// then makes it a list item.
    pub fn new(text: &str, bullet: bool) -> Para {
        let trimmed = text.trim();
        match strip_bullet(trimmed) {
            Some(rest) => Para {
                text: rest.to_string(),
                bullet: true,
            },
            None => Para {
                text: trimmed.to_string(),
                bullet,
            },
        }
    }
}

fn strip_bullet(text: &str) -> Option<&str> {
    // `*` is left out: a line starting with it is usually a footnote. U+F0B7 is the
    // bullet Word's Symbol font leaves in copied text.
    const MARKS: [char; 7] = ['•', '◦', '▪', '·', '-', '–', '\u{f0b7}'];
    let mut chars = text.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (MARKS.contains(&first) && rest.starts_with([' ', '\t'])).then(|| rest.trim_start())
}

/// Where a table came from, for the row numbers people look up in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableName {
    /// The n-th table (from 1) of a word-processor document.
    Numbered(usize),
    /// A spreadsheet's sheet.
    Sheet(String),
    /// The one table of a CSV file.
    Csv,
}

/// A row of a table as a person finds it: the table and its row number from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub table: TableName,
    pub row: usize,
}

impl Location {
    /// "table 1, row 3" in the reader's language.
    pub fn key(&self) -> Key {
        match &self.table {
            TableName::Numbered(n) => Key::new("import-at-table").num("table", *n),
            TableName::Sheet(s) => Key::new("import-at-sheet").arg("sheet", s.clone()),
            TableName::Csv => Key::new("import-at-row"),
        }
        .num("row", self.row)
    }
}

/// The English, for logs and tests; staff read [`Location::key`].
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::english(&self.key()).0)
    }
}

/// A cell's content after merges are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// True when the content belongs to a cell merged down from a row above.
    pub from_above: bool,
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell {
            paras: paras.into_iter().filter(|p| !p.text.is_empty()).collect(),
            from_above: false,
        }
    }

    /// A cell from a spreadsheet or CSV value: each line is a paragraph.
    pub fn from_lines(text: &str) -> Cell {
        Cell::new(text.lines().map(|l| Para::new(l, false)).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    /// All the text, one paragraph a line.
    pub fn text(&self) -> String {
        self.paras
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub location: Location,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }

    pub fn cell(&self, col: usize) -> Option<&Cell> {
        self.cells.get(col)
    }

    /// The text of every cell, for headings and messages.
    pub fn texts(&self) -> Vec<String> {
        self.cells.iter().map(Cell::text).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: TableName,
    pub rows: Vec<Row>,
}

/// A cell slot as a reader finds it, before merges are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Content(Cell),
    /// Part of a cell merged down from above: it repeats the content of the cell above.
    CoveredFromAbove,
    /// Part of a cell merged from the left: the content stays in the leftmost column.
    CoveredFromLeft,
}

/// Builds a [`Table`] from slots: a cell merged over several rows gives every row it
/// covers its content (a date that spans three activities dates all three), while a
/// cell merged across columns keeps its content in its first column only.
pub fn resolve(name: TableName, rows: Vec<(usize, Vec<Slot>)>) -> Table {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for (number, slots) in rows {
        let cells = slots
            .into_iter()
            .enumerate()
            .map(|(col, slot)| match slot {
                Slot::Content(c) => c,
                Slot::CoveredFromLeft => Cell::default(),
                Slot::CoveredFromAbove => out
                    .last()
                    .and_then(|r| r.cells.get(col))
                    .map(|above| Cell {
                        paras: above.paras.clone(),
                        from_above: true,
                    })
                    .unwrap_or_default(),
            })
            .collect();
        out.push(Row {
            location: Location {
                table: name.clone(),
                row: number,
            },
            cells,
        });
    }
    Table { name, rows: out }
}

/// Merged regions (inclusive, 0-based row and column within the grid) turned into
/// slots: every cell of a region but its top-left one is covered.
pub fn apply_regions(grid: &mut [Vec<Slot>], regions: &[(usize, usize, usize, usize)]) {
    for &(r0, c0, r1, c1) in regions {
        for (r, row) in grid.iter_mut().enumerate().take(r1 + 1).skip(r0) {
            for (c, slot) in row.iter_mut().enumerate().take(c1 + 1).skip(c0) {
                if (r, c) == (r0, c0) {
                    continue;
                }
                *slot = if r > r0 {
                    Slot::CoveredFromAbove
                } else {
                    Slot::CoveredFromLeft
                };
            }
        }
    }
}

/// The grid of a spreadsheet region: rows padded to one width, with merges applied.
pub fn sheet_table(
    name: TableName,
    first_row_number: usize,
    mut grid: Vec<Vec<Slot>>,
    regions: &[(usize, usize, usize, usize)],
) -> Table {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut grid {
        row.resize(width, Slot::Content(Cell::default()));
    }
    apply_regions(&mut grid, regions);
    let rows = grid
        .into_iter()
        .enumerate()
        .map(|(i, r)| (first_row_number + i, r))
        .collect();
    resolve(name, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Slot {
        Slot::Content(Cell::from_lines(s))
    }

    #[test]
    fn a_cell_merged_down_dates_every_row_it_covers() {
        let t = resolve(
            TableName::Numbered(1),
            vec![
                (1, vec![text("Maj 2023"), text("A")]),
                (2, vec![Slot::CoveredFromAbove, text("B")]),
                (3, vec![Slot::CoveredFromAbove, text("C")]),
            ],
        );
        assert_eq!(t.rows[2].cells[0].text(), "Maj 2023");
        assert!(t.rows[2].cells[0].from_above);
        assert!(!t.rows[0].cells[0].from_above);
        assert_eq!(t.rows[2].location.to_string(), "table 1, row 3");
    }

    #[test]
    fn a_cell_merged_across_keeps_its_text_in_the_first_column() {
        let mut grid = vec![
            vec![text("Overskrift"), text(""), text("")],
            vec![text("x"), text("y"), text("z")],
        ];
        apply_regions(&mut grid, &[(0, 0, 0, 2)]);
        let t = resolve(
            TableName::Csv,
            vec![(1, grid[0].clone()), (2, grid[1].clone())],
        );
        assert_eq!(t.rows[0].texts(), ["Overskrift", "", ""]);
    }

    #[test]
    fn typed_bullets_become_list_items() {
        assert_eq!(
            Para::new("• Workshop", false),
            Para {
                text: "Workshop".into(),
                bullet: true
            }
        );
        assert!(Para::new("- Workshop", false).bullet);
        assert!(!Para::new("-2 grader", false).bullet);
        assert!(!Para::new("Ældre- og Aktivitetsudvalget", false).bullet);
    }
}
