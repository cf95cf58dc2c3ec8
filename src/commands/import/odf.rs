//! OpenDocument (.odt text documents; the merged cells of .ods spreadsheets).
//!
//! A cell spanning rows or columns carries `table:number-rows-spanned` /
//! `table:number-columns-spanned`, and each position it covers is a
//! `table:covered-table-cell`. Rows and cells may be written once with a repeat count
//! (`table:number-rows-repeated`, `table:number-columns-repeated`).

use super::ImportError;
use super::document::{Block, Cell, Para, Slot, TableName, resolve};
use super::xml;
use quick_xml::events::BytesStart;
use std::path::Path;

const CONTENT: &str = "content.xml";

/// A merged region: first row, first column, last row, last column (0-based, inclusive).
pub type Region = (usize, usize, usize, usize);

/// Spreadsheets repeat empty rows and cells up to the sheet's limits; content is never
/// repeated that often, so longer runs are cut here.
const MAX_REPEAT: usize = 1000;

/// The headings, paragraphs and tables of an OpenDocument text.
pub fn read_text(path: &Path) -> Result<Vec<Block>, ImportError> {
    let bytes = content(path)?;
    let mut w = Walker {
        keep: true,
        ..Walker::default()
    };
    xml::walk(&bytes, &mut w).map_err(|e| xml::broken(path, CONTENT, e))?;
    Ok(w.blocks)
}

/// The merged regions of each table (sheet) of an OpenDocument spreadsheet, in order.
pub fn merged_regions(path: &Path) -> Result<Vec<Vec<Region>>, ImportError> {
    let bytes = content(path)?;
    let mut w = Walker::default();
    xml::walk(&bytes, &mut w).map_err(|e| xml::broken(path, CONTENT, e))?;
    Ok(w.all_regions)
}

fn content(path: &Path) -> Result<Vec<u8>, ImportError> {
    xml::read_part(path, CONTENT)?.ok_or_else(|| ImportError::Damaged {
        path: path.to_path_buf(),
        why: crate::messages::Key::new("import-why-not-opendocument").arg("part", CONTENT),
    })
}

struct PendingCell {
    paras: Vec<Para>,
    repeat: usize,
    covered: bool,
}

#[derive(Default)]
struct Walker {
    /// Keep rows and text (a text document); otherwise only count positions.
    keep: bool,
    blocks: Vec<Block>,
    all_regions: Vec<Vec<Region>>,
    tables: usize,
    depth: usize,
    regions: Vec<Region>,
    rows: Vec<(usize, Vec<Slot>)>,
    row_index: usize,
    row_repeat: usize,
    row: Option<Vec<Slot>>,
    col: usize,
    cell: Option<PendingCell>,
    /// Open paragraphs (a paragraph may hold another, e.g. in a frame).
    paras: Vec<(String, bool)>,
    heading: Vec<bool>,
    list_depth: usize,
    skip: usize,
}

impl Walker {
    fn push_text(&mut self, s: &str) {
        if let Some((text, _)) = self.paras.last_mut() {
            text.push_str(s);
        }
    }
}

impl xml::Handler for Walker {
    fn text(&mut self, text: &str) {
        if self.skip == 0 {
            self.push_text(text);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if matches!(name, "office:annotation" | "text:tracked-changes") && !empty {
            self.skip += 1;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "text:p" | "text:h" => {
                let title = xml::attr(e, "text:style-name").is_some_and(|s| s == "Title");
                let heading = name == "text:h" || title;
                if empty {
                    return;
                }
                self.paras.push((String::new(), self.list_depth > 0));
                self.heading.push(heading);
            }
            "text:s" => {
                let n = xml::count(e, "text:c").min(MAX_REPEAT);
                self.push_text(&" ".repeat(n));
            }
            "text:tab" => self.push_text("\t"),
            "text:line-break" => self.push_text("\n"),
            "text:list" if !empty => self.list_depth += 1,
            "table:table" if !empty => {
                self.depth += 1;
                if self.depth == 1 {
                    self.row_index = 0;
                    self.regions.clear();
                }
            }
            "table:table-row" if self.depth == 1 => {
                self.row_repeat = xml::count(e, "table:number-rows-repeated");
                self.row = Some(Vec::new());
                self.col = 0;
                if empty {
                    self.end_row();
                }
            }
            "table:table-cell" | "table:covered-table-cell" if self.depth == 1 => {
                let covered = name == "table:covered-table-cell";
                let rows = xml::count(e, "table:number-rows-spanned");
                let cols = xml::count(e, "table:number-columns-spanned");
                if !covered && (rows > 1 || cols > 1) {
                    self.regions.push((
                        self.row_index,
                        self.col,
                        self.row_index + rows - 1,
                        self.col + cols - 1,
                    ));
                }
                self.cell = Some(PendingCell {
                    paras: Vec::new(),
                    repeat: xml::count(e, "table:number-columns-repeated"),
                    covered,
                });
                if empty {
                    self.end_cell();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if matches!(name, "office:annotation" | "text:tracked-changes") {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "text:p" | "text:h" => {
                if let (Some((text, bullet)), Some(heading)) =
                    (self.paras.pop(), self.heading.pop())
                {
                    self.finish_paragraph(&text, bullet, heading);
                }
            }
            "text:list" => self.list_depth = self.list_depth.saturating_sub(1),
            "table:table-cell" | "table:covered-table-cell" if self.depth == 1 => self.end_cell(),
            "table:table-row" if self.depth == 1 => self.end_row(),
            "table:table" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.end_table();
                }
            }
            _ => {}
        }
    }
}

impl Walker {
    fn end_cell(&mut self) {
        let Some(c) = self.cell.take() else { return };
        let slot = if c.covered {
            // Covered by a cell above (merged down) or to the left (merged across).
            let (r, col) = (self.row_index, self.col);
            let above = self
                .regions
                .iter()
                .any(|&(r0, c0, r1, c1)| r0 < r && r <= r1 && c0 <= col && col <= c1);
            if above {
                Slot::CoveredFromAbove
            } else {
                Slot::CoveredFromLeft
            }
        } else {
            Slot::Content(Cell::new(c.paras))
        };
        let repeat = c.repeat;
        if let Some(row) = &mut self.row
            && self.keep
        {
            for _ in 0..repeat.min(MAX_REPEAT) {
                row.push(slot.clone());
            }
        }
        self.col += repeat;
    }

    fn end_row(&mut self) {
        let Some(mut row) = self.row.take() else {
            return;
        };
        let repeat = self.row_repeat.max(1);
        if self.keep {
            while matches!(row.last(), Some(Slot::Content(c)) if c.is_empty()) {
                row.pop();
            }
            let copies = if row.is_empty() {
                1
            } else {
                repeat.min(MAX_REPEAT)
            };
            for i in 0..copies {
                self.rows.push((self.row_index + i + 1, row.clone()));
            }
        }
        self.row_index += repeat;
    }

    fn end_table(&mut self) {
        self.tables += 1;
        self.all_regions.push(std::mem::take(&mut self.regions));
        if !self.keep {
            return;
        }
        let mut rows = std::mem::take(&mut self.rows);
        while rows.last().is_some_and(|(_, r)| r.is_empty()) {
            rows.pop();
        }
        let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
        for (_, r) in &mut rows {
            r.resize(width, Slot::Content(Cell::default()));
        }
        self.blocks.push(Block::Table(resolve(
            TableName::Numbered(self.tables),
            rows,
        )));
    }

    fn finish_paragraph(&mut self, text: &str, bullet: bool, heading: bool) {
        if !self.keep {
            return;
        }
        let para = Para::new(text, bullet);
        if para.text.is_empty() {
            return;
        }
        if let Some(cell) = &mut self.cell {
            cell.paras.push(para);
        } else if self.depth == 0 {
            self.blocks.push(if heading {
                Block::Heading(para.text)
            } else {
                Block::Paragraph(para)
            });
        }
    }
}
