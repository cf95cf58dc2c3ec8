//! Reading one XML part of a ZIP package (DOCX, ODT, ODS) with `zip` and `quick-xml`.
//!
//! Elements are matched by their qualified names (`w:tc`, `table:table-cell`): Word,
//! LibreOffice and every library that writes these formats use the prefixes the
//! standards give, and matching them keeps the readers short.

use super::{ImportError, detail};
use crate::messages::Key;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::io::{BufReader, Read};
use std::path::Path;

/// An XML part is never this large in a real document; the cap keeps a hostile ZIP
/// from exhausting memory.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// The bytes of `member` inside the package at `path`, or `None` when it has no such
/// part.
pub fn read_part(path: &Path, member: &str) -> Result<Option<Vec<u8>>, ImportError> {
    let file = std::fs::File::open(path).map_err(|e| ImportError::io(path, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| ImportError::Damaged {
        path: path.to_path_buf(),
        why: Key::new("import-why-not-zip").arg("detail", detail(e)),
    })?;
    let mut part = match zip.by_name(member) {
        Ok(p) => p,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(ImportError::Damaged {
                path: path.to_path_buf(),
                why: Key::new("import-why-part-unreadable")
                    .arg("part", member)
                    .arg("detail", detail(e)),
            });
        }
    };
    let mut bytes = Vec::new();
    (&mut part)
        .take(MAX_PART_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Damaged {
            path: path.to_path_buf(),
            why: Key::new("import-why-part-unpacked")
                .arg("part", member)
                .arg("detail", detail(e)),
        })?;
    Ok(Some(bytes))
}

pub fn reader(bytes: &[u8]) -> quick_xml::Reader<BufReader<&[u8]>> {
    quick_xml::Reader::from_reader(BufReader::new(bytes))
}

/// The error for XML that does not parse.
pub fn broken(path: &Path, member: &str, e: impl std::fmt::Display) -> ImportError {
    ImportError::Damaged {
        path: path.to_path_buf(),
        why: Key::new("import-why-part-xml")
            .arg("part", member)
            .arg("detail", detail(e)),
    }
}

/// The unescaped value of the attribute `name`, if present.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// A numeric attribute such as a span or repeat count (1 when absent or unreadable).
pub fn count(e: &BytesStart, name: &str) -> usize {
    attr(e, name)
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n: &usize| n >= 1)
        .unwrap_or(1)
}

/// The text of an entity or character reference (`&amp;`, `&#248;`).
pub fn reference(r: &BytesRef) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => {
            let name = r.clone().into_inner();
            quick_xml::escape::resolve_predefined_entity(&name)
                .unwrap_or_default()
                .to_string()
        }
    }
}

/// What a reader does with the events of an XML part.
pub trait Handler {
    fn start(&mut self, e: &BytesStart, empty: bool);
    fn end(&mut self, name: &str);
    fn text(&mut self, text: &str);
}

/// Feeds every element and text of `bytes` to `h`, entity references resolved.
pub fn walk(bytes: &[u8], h: &mut impl Handler) -> Result<(), quick_xml::Error> {
    let mut r = reader(bytes);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf)? {
            Event::Start(e) => h.start(&e, false),
            Event::Empty(e) => h.start(&e, true),
            Event::End(e) => h.end(e.name().as_ref()),
            Event::Text(t) => h.text(&t.xml10_content()),
            Event::GeneralRef(g) => h.text(&reference(&g)),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}
