//! `planpub import`: a procesplan table from a Word, OpenDocument, Excel or CSV file
//! becomes a draft plan page.
//!
//! Reading flows one way: a reader per format family turns the file into [`Block`]s
//! (headings, paragraphs, tables with merged cells resolved); [`plan::assemble`]
//! recognises the timeline and tracks tables by their headings (or `--columns`) and
//! reads every `when` with planpub's own date reader, carrying the year down the table
//! exactly as the content parser does; [`write::render`] writes the content file.
//! Nothing is dropped or invented: a date cell planpub cannot read is imported as
//! `undated:` with its text and listed in the summary with its row.

pub mod cli;
pub mod columns;
pub mod document;
pub mod plan;
pub mod report;
pub mod write;

mod delimited;
mod docx;
mod odf;
mod sheet;
mod xml;

use crate::commands::scaffold::{self, ScaffoldError};
use crate::messages::Key;
use crate::model::content::ContentType;
use crate::model::dates::DateConventions;
use crate::model::slug::Slug;
use columns::Columns;
use document::Block;
use plan::{ImportedRow, ImportedTrack, Notice, Reading};
use std::path::{Path, PathBuf};

/// Why `planpub import` stopped. What staff read comes from the catalogues
/// ([`ImportError::key`]); `Display` is the English, for logs.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not what its extension says, or it is damaged: `why` is one of the
    /// `import-why-*` messages.
    #[error("cannot import {path}: {}", crate::messages::english(.why).0)]
    Damaged { path: PathBuf, why: Key },
    #[error(
        "cannot import {path}: planpub reads .docx, .odt, .xlsx, .xls, .ods and .csv files{}",
        if .extension.is_empty() { String::new() } else { format!(", not .{}", .extension) }
    )]
    Format { path: PathBuf, extension: String },
    #[error("{path} has no table with a date column and an activity column")]
    NoTable { path: PathBuf, tables: Vec<String> },
    #[error("cannot make a file name from the title \"{0}\"; give one with --title")]
    BadTitle(String),
    #[error(transparent)]
    Write(#[from] ScaffoldError),
    #[error("cannot write the plan as YAML: {0}")]
    Yaml(#[from] serde_norway::Error),
}

/// A library's own words about a damaged file, for the `{ $detail }` the catalogue
/// puts in quotes (so that they read as what the library said, not as planpub's
/// sentence); a double quote inside them becomes a single one.
pub(crate) fn detail(e: impl std::fmt::Display) -> String {
    e.to_string().replace('"', "'")
}

impl ImportError {
    pub fn io(path: &Path, source: std::io::Error) -> ImportError {
        ImportError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The catalogue message for the error, with its help.
    pub fn key(&self) -> Key {
        let path = |p: &Path| p.display().to_string();
        match self {
            ImportError::Io { path: p, source } => Key::new("import-io")
                .arg("path", path(p))
                .sub("reason", crate::messages::io_reason(source)),
            ImportError::Damaged { path: p, why } => Key::new("import-damaged")
                .arg("path", path(p))
                .sub("why", why.clone()),
            ImportError::Format { path: p, extension } if extension.is_empty() => {
                Key::new("import-format-no-extension").arg("path", path(p))
            }
            ImportError::Format { path: p, extension } => Key::new("import-format")
                .arg("path", path(p))
                .arg("extension", extension.clone()),
            ImportError::NoTable { path: p, tables } => {
                let found = if tables.is_empty() {
                    Key::new("import-found-no-tables")
                } else {
                    let list = tables
                        .iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    Key::new("import-found-tables").arg("tables", list)
                };
                Key::new("import-no-table")
                    .arg("path", path(p))
                    .sub("found", found)
            }
            ImportError::BadTitle(t) => Key::new("import-bad-title").arg("title", t.clone()),
            ImportError::Write(e @ ScaffoldError::Exists(_)) => {
                e.key().with_help(Key::new("import-exists-help"))
            }
            ImportError::Write(e) => e.key(),
            ImportError::Yaml(e) => Key::new("import-yaml").arg("detail", detail(e)),
        }
    }
}

/// What `planpub import` needs besides the file.
pub struct ImportOptions<'a> {
    pub title: Option<String>,
    pub columns: Option<Columns>,
    pub conventions: &'a DateConventions,
}

/// Where the plan's title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    Option,
    Heading,
    FileName,
}

/// A document read into a plan, before it is written.
#[derive(Debug)]
pub struct Imported {
    pub source: PathBuf,
    pub title: String,
    pub title_source: TitleSource,
    pub slug: Slug,
    pub timeline: Vec<ImportedRow>,
    pub tracks: Vec<ImportedTrack>,
    pub body: Vec<Block>,
    pub notices: Vec<Notice>,
}

impl Imported {
    /// Every row and action whose date could not be read, in document order.
    pub fn undated(&self) -> impl Iterator<Item = (&ImportedRow, &Key)> {
        self.timeline
            .iter()
            .chain(self.tracks.iter().flat_map(|t| t.actions.iter()))
            .filter_map(|r| match &r.reading {
                Reading::Undated { reason } => Some((r, reason)),
                Reading::Date(_) => None,
            })
    }

    pub fn row_count(&self) -> usize {
        self.timeline.len() + self.tracks.iter().map(|t| t.actions.len()).sum::<usize>()
    }
}

/// Reads a document in any of the supported formats, by its extension.
pub fn read_document(path: &Path) -> Result<Vec<Block>, ImportError> {
    if !path.is_file() {
        let kind = if path.is_dir() {
            std::io::ErrorKind::IsADirectory
        } else {
            std::io::ErrorKind::NotFound
        };
        return Err(ImportError::io(path, kind.into()));
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "docx" | "docm" => docx::read(path),
        "odt" => odf::read_text(path),
        "xlsx" | "xlsm" => sheet::read(path, sheet::Kind::Xlsx),
        "xls" => sheet::read(path, sheet::Kind::Xls),
        "ods" => sheet::read(path, sheet::Kind::Ods),
        "csv" | "txt" | "tsv" => delimited::read(path),
        _ => Err(ImportError::Format {
            path: path.to_path_buf(),
            extension,
        }),
    }
}

/// Reads `path` into a plan without writing anything.
pub fn import(path: &Path, opts: &ImportOptions) -> Result<Imported, ImportError> {
    let blocks = read_document(path)?;
    let a = plan::assemble(blocks, opts.columns.as_ref(), opts.conventions);
    if a.timeline.is_empty() && a.tracks.is_empty() {
        return Err(ImportError::NoTable {
            path: path.to_path_buf(),
            tables: a.other_tables,
        });
    }
    let mut notices = a.notices;
    let (title, title_source) = match (&opts.title, a.heading) {
        (Some(t), _) => (t.trim().to_string(), TitleSource::Option),
        (None, Some(h)) => (h, TitleSource::Heading),
        (None, None) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            notices.push(Notice {
                location: None,
                key: Key::new("import-no-heading").arg("title", stem.clone()),
            });
            (stem, TitleSource::FileName)
        }
    };
    let slug = Slug::from_text(&title).map_err(|_| ImportError::BadTitle(title.clone()))?;
    Ok(Imported {
        source: path.to_path_buf(),
        title,
        title_source,
        slug,
        timeline: a.timeline,
        tracks: a.tracks,
        body: a.body,
        notices,
    })
}

/// Where the plan would be written in the site at `root`; `Exists` if a page is there.
pub fn target(root: &Path, plan: &Imported) -> Result<PathBuf, ImportError> {
    Ok(scaffold::new_path(root, ContentType::Plan, &plan.slug)?)
}

/// Writes the plan into the site at `root`, never over an existing file.
pub fn write_plan(root: &Path, plan: &Imported) -> Result<PathBuf, ImportError> {
    let path = target(root, plan)?;
    let text = write::render(plan)?;
    scaffold::write_new(&path, text.as_bytes())?;
    Ok(path)
}
