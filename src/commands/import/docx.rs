//! Word documents (.docx, Office Open XML): the body's paragraphs and tables.
//!
//! A cell merged down over rows is written by Word as a first cell with
//! `<w:vMerge w:val="restart"/>` and a `<w:vMerge/>` cell in each row below; a cell
//! across columns has `<w:gridSpan w:val="n"/>`. Headings and lists are known by their
//! paragraph style (looked up in `styles.xml`) or by direct list numbering.

use super::ImportError;
use super::document::{Block, Cell, Para, Slot, TableName, resolve};
use super::xml;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::path::Path;

const BODY: &str = "word/document.xml";

pub fn read(path: &Path) -> Result<Vec<Block>, ImportError> {
    let body = xml::read_part(path, BODY)?.ok_or_else(|| ImportError::Damaged {
        path: path.to_path_buf(),
        why: crate::messages::Key::new("import-why-not-word").arg("part", BODY),
    })?;
    let styles = match xml::read_part(path, "word/styles.xml")? {
        Some(bytes) => read_styles(&bytes).map_err(|e| xml::broken(path, "word/styles.xml", e))?,
        None => HashMap::new(),
    };
    let mut walker = Walker {
        styles,
        ..Walker::default()
    };
    xml::walk(&body, &mut walker).map_err(|e| xml::broken(path, BODY, e))?;
    Ok(walker.blocks)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Role {
    #[default]
    Text,
    Heading,
    ListItem,
}

/// Paragraph style id → what the style makes of a paragraph.
fn read_styles(bytes: &[u8]) -> Result<HashMap<String, Role>, quick_xml::Error> {
    let mut r = xml::reader(bytes);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut current: Option<(String, Role)> = None;
    loop {
        match r.read_event_into(&mut buf)? {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:style" => {
                    current = xml::attr(&e, "w:styleId").map(|id| (id, Role::Text));
                }
                "w:name" => {
                    if let (Some((_, role)), Some(name)) = (&mut current, xml::attr(&e, "w:val")) {
                        *role = role_of_style_name(&name).unwrap_or(*role);
                    }
                }
                "w:outlineLvl" => {
                    if let Some((_, role)) = &mut current
                        && xml::attr(&e, "w:val").is_some_and(|v| v != "9")
                    {
                        *role = Role::Heading;
                    }
                }
                "w:numPr" => {
                    if let Some((_, role)) = &mut current
                        && *role == Role::Text
                    {
                        *role = Role::ListItem;
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "w:style" => {
                if let Some((id, role)) = current.take() {
                    out.insert(id, role);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// English and Danish built-in style names (Word stores the English name in the file
/// even in a Danish Word, but other programs write the local one).
fn role_of_style_name(name: &str) -> Option<Role> {
    let n = name.to_lowercase();
    if n == "title" || n == "titel" || n.starts_with("heading") || n.starts_with("overskrift") {
        Some(Role::Heading)
    } else if n.starts_with("list bullet")
        || n.starts_with("list number")
        || n.starts_with("opstilling")
    {
        Some(Role::ListItem)
    } else {
        None
    }
}

#[derive(Default)]
struct Paragraph {
    text: String,
    role: Role,
}

#[derive(Default)]
struct CellState {
    paras: Vec<Para>,
    span: usize,
    continues: bool,
}

#[derive(Default)]
struct Walker {
    styles: HashMap<String, Role>,
    blocks: Vec<Block>,
    tables: usize,
    /// Nesting of tables: only the outermost becomes a table, nested ones are text.
    depth: usize,
    rows: Vec<(usize, Vec<Slot>)>,
    row: Option<Vec<Slot>>,
    cell: Option<CellState>,
    paras: Vec<Paragraph>,
    in_text: bool,
    /// Inside `mc:Fallback`, which repeats the content of `mc:Choice`.
    skip: usize,
}

impl Walker {
    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
        }
    }
}

impl xml::Handler for Walker {
    fn text(&mut self, text: &str) {
        if self.in_text && self.skip == 0 {
            self.push_text(text);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        if name.as_ref() == "mc:Fallback" && !empty {
            self.skip += 1;
        }
        if self.skip > 0 {
            return;
        }
        match name.as_ref() {
            "w:p" if !empty => self.paras.push(Paragraph::default()),
            "w:t" if !empty => self.in_text = true,
            "w:tab" => self.push_text("\t"),
            "w:br" | "w:cr" => {
                let page = xml::attr(e, "w:type").is_some_and(|t| t != "textWrapping");
                self.push_text(if page { " " } else { "\n" });
            }
            "w:pStyle" => {
                let role = xml::attr(e, "w:val").and_then(|id| {
                    self.styles
                        .get(&id)
                        .copied()
                        .or_else(|| role_of_style_name(&id))
                });
                if let (Some(p), Some(role)) = (self.paras.last_mut(), role) {
                    p.role = role;
                }
            }
            "w:numPr" => {
                if let Some(p) = self.paras.last_mut()
                    && p.role == Role::Text
                {
                    p.role = Role::ListItem;
                }
            }
            "w:tbl" if !empty => self.depth += 1,
            "w:tr" if !empty && self.depth == 1 => self.row = Some(Vec::new()),
            "w:gridBefore" if self.depth == 1 => {
                if let Some(row) = &mut self.row {
                    for _ in 0..xml::count(e, "w:val") {
                        row.push(Slot::Content(Cell::default()));
                    }
                }
            }
            "w:tc" if !empty && self.depth == 1 => {
                self.cell = Some(CellState {
                    span: 1,
                    ..CellState::default()
                })
            }
            "w:gridSpan" if self.depth == 1 => {
                if let Some(c) = &mut self.cell {
                    c.span = xml::count(e, "w:val");
                }
            }
            "w:vMerge" if self.depth == 1 => {
                if let Some(c) = &mut self.cell {
                    // No value, or "continue", continues the merged cell from above.
                    c.continues = xml::attr(e, "w:val").is_none_or(|v| v == "continue");
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if name == "mc:Fallback" {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "w:t" => self.in_text = false,
            "w:p" => {
                if let Some(p) = self.paras.pop() {
                    self.finish_paragraph(p);
                }
            }
            "w:tc" if self.depth == 1 => {
                if let (Some(c), Some(row)) = (self.cell.take(), &mut self.row) {
                    row.push(if c.continues {
                        Slot::CoveredFromAbove
                    } else {
                        Slot::Content(Cell::new(c.paras))
                    });
                    for _ in 1..c.span {
                        row.push(Slot::CoveredFromLeft);
                    }
                }
            }
            "w:tr" if self.depth == 1 => {
                if let Some(row) = self.row.take() {
                    let number = self.rows.len() + 1;
                    self.rows.push((number, row));
                }
            }
            "w:tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.tables += 1;
                    let rows = std::mem::take(&mut self.rows);
                    let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
                    let rows = rows
                        .into_iter()
                        .map(|(n, mut r)| {
                            r.resize(width, Slot::Content(Cell::default()));
                            (n, r)
                        })
                        .collect();
                    self.blocks.push(Block::Table(resolve(
                        TableName::Numbered(self.tables),
                        rows,
                    )));
                }
            }
            _ => {}
        }
    }
}

impl Walker {
    fn finish_paragraph(&mut self, p: Paragraph) {
        let para = Para::new(&p.text, p.role == Role::ListItem);
        if para.text.is_empty() {
            return;
        }
        if let Some(cell) = &mut self.cell {
            cell.paras.push(para);
        } else if self.depth == 0 {
            self.blocks.push(match p.role {
                Role::Heading => Block::Heading(para.text),
                _ => Block::Paragraph(para),
            });
        }
    }
}
