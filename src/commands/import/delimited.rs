//! CSV files through the `csv` crate. A Danish Excel saves "CSV" with `;` between
//! fields (the comma is the decimal mark) and in Windows-1252 unless "CSV UTF-8" is
//! chosen, so the delimiter is sniffed and a file that is not UTF-8 is read as
//! Windows-1252.

use super::ImportError;
use super::document::{Block, Cell, Slot, TableName, sheet_table};
use std::path::Path;

const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

pub fn read(path: &Path) -> Result<Vec<Block>, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::io(path, e))?;
    let text = decode(&bytes);
    let delimiter = sniff(&text);
    let records = parse(&text, delimiter).map_err(|e| ImportError::Damaged {
        path: path.to_path_buf(),
        why: crate::messages::Key::new("import-why-csv").arg("detail", super::detail(e)),
    })?;
    let grid = records
        .into_iter()
        .map(|r| {
            r.iter()
                .map(|f| Slot::Content(Cell::from_lines(f)))
                .collect()
        })
        .collect();
    Ok(vec![Block::Table(sheet_table(
        TableName::Csv,
        1,
        grid,
        &[],
    ))])
}

/// UTF-8 (with or without the byte-order mark Excel writes), else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn parse(text: &str, delimiter: u8) -> Result<Vec<csv::StringRecord>, csv::Error> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .collect()
}

/// The delimiter that splits the first records into the same number (more than one)
/// of fields most often; `;` wins a tie, as Danish files use it.
fn sniff(text: &str) -> u8 {
    let score = |d: u8| -> usize {
        let counts: Vec<usize> = csv::ReaderBuilder::new()
            .delimiter(d)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .take(20)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .filter(|&n| n > 1)
            .collect();
        let Some(&widest) = counts.iter().max() else {
            return 0;
        };
        // Consistent rows count most; a wider split breaks ties between them.
        counts.iter().filter(|&&n| n == widest).count() * 100 + widest
    };
    DELIMITERS
        .into_iter()
        .max_by_key(|&d| (score(d), d == b';'))
        .unwrap_or(b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_excel_semicolons_and_commas_in_text() {
        let t = "Dato;Aktivitet;Hvem\n20. januar 2021;Temadrøftelse, om drømme;Byrådet\n3. juni 2021;Temadag;Forvaltningen\n";
        assert_eq!(sniff(t), b';');
        let t = "Tid,Emne\n5. marts 2008,\"Indstilling; om procesplan\"\n";
        assert_eq!(sniff(t), b',');
        assert_eq!(sniff("Tid\tEmne\nMaj 2009\tBudget\n"), b'\t');
    }

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode(b"Byr\xe5det"), "Byrådet");
        assert_eq!(decode("\u{feff}Ældre".as_bytes()), "Ældre");
    }
}
