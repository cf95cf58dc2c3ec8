//! Spreadsheets (.xlsx, .xls, .ods) through `calamine`: every sheet is a table, with
//! its merged ranges (for .ods read from the file's content.xml, which calamine does
//! not expose).

use super::ImportError;
use super::document::{Block, Cell, Slot, Table, TableName, sheet_table};
use super::odf::{self, Region};
use calamine::{Data, Dimensions, Range, Reader};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xls,
    Ods,
}

pub fn read(path: &Path, kind: Kind) -> Result<Vec<Block>, ImportError> {
    let damaged = |e: &dyn std::fmt::Display| ImportError::Damaged {
        path: path.to_path_buf(),
        why: crate::messages::Key::new("import-why-sheet").arg("detail", super::detail(e)),
    };
    let sheets = match kind {
        Kind::Xlsx => {
            let wb: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(|e| damaged(&e))?;
            every_sheet(wb, |wb, name| {
                wb.merge_cells_by_sheet_name(name).map(|m| regions(&m))
            })
            .map_err(|e| damaged(&e))?
        }
        Kind::Xls => {
            let wb: calamine::Xls<_> = calamine::open_workbook(path).map_err(|e| damaged(&e))?;
            every_sheet(wb, |wb, name| {
                wb.merge_cells_by_sheet_name(name).map(|m| regions(&m))
            })
            .map_err(|e| damaged(&e))?
        }
        Kind::Ods => {
            let wb: calamine::Ods<_> = calamine::open_workbook(path).map_err(|e| damaged(&e))?;
            // The n-th table of content.xml is the n-th sheet.
            let mut merged = odf::merged_regions(path)?.into_iter();
            every_sheet(wb, |_, _| Ok(merged.next().unwrap_or_default()))
                .map_err(|e| damaged(&e))?
        }
    };
    Ok(sheets
        .into_iter()
        .filter_map(|(name, range, merges)| table(name, &range, &merges))
        .map(Block::Table)
        .collect())
}

/// A sheet's name, cells and merged regions.
type SheetCells = (String, Range<Data>, Vec<Region>);

/// Each sheet's cells and merged regions, in the workbook's order.
fn every_sheet<RS, R>(
    mut wb: R,
    mut merges: impl FnMut(&mut R, &str) -> Result<Vec<Region>, R::Error>,
) -> Result<Vec<SheetCells>, R::Error>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
{
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        let regions = merges(&mut wb, &name)?;
        out.push((name, range, regions));
    }
    Ok(out)
}

fn regions(dims: &[Dimensions]) -> Vec<Region> {
    dims.iter()
        .map(|d| {
            (
                d.start.0 as usize,
                d.start.1 as usize,
                d.end.0 as usize,
                d.end.1 as usize,
            )
        })
        .collect()
}

/// The sheet from its first used row down, from column A, so that row numbers and
/// column numbers are the ones the spreadsheet shows.
fn table(name: String, range: &Range<Data>, merges: &[Region]) -> Option<Table> {
    let (row0, col0) = range.start()?;
    let (row0, col0) = (row0 as usize, col0 as usize);
    let grid: Vec<Vec<Slot>> = range
        .rows()
        .map(|cells| {
            let mut row = vec![Slot::Content(Cell::default()); col0];
            row.extend(
                cells
                    .iter()
                    .map(|d| Slot::Content(Cell::from_lines(&value_text(d)))),
            );
            row
        })
        .collect();
    // Regions are in sheet coordinates; the grid starts at row0 and column A.
    let shifted: Vec<Region> = merges
        .iter()
        .filter(|r| r.2 >= row0)
        .map(|&(r0, c0, r1, c1)| (r0.saturating_sub(row0), c0, r1 - row0, c1))
        .collect();
    Some(sheet_table(
        TableName::Sheet(name),
        row0 + 1,
        grid,
        &shifted,
    ))
}

/// A cell's value as text: dates as ISO 8601 days (which planpub reads), whole numbers
/// without a decimal point (a year typed as a number).
fn value_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => dt.to_string(),
        },
        Data::DateTimeIso(s) => s
            .replacen('T', " ", 1)
            .trim_end_matches(" 00:00:00")
            .to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}
