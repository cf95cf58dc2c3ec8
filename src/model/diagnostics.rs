//! Problems found in a site, reported all at once with file, line, column and field.
//!
//! Communications staff read these messages, so every diagnostic says where the problem
//! is and, where possible, what would fix it.

use crate::messages::Key;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub field: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// True when the problem is in a draft: a public build reports it as a warning
    /// ([`Diagnostics::settle_drafts`]), since the draft is not published.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Caused by another problem (a reference to a file that could not be read): listed
    /// after all others.
    #[serde(skip)]
    pub follow_on: bool,
    /// The catalogue message this was made from, so that it can be told in the
    /// reader's language (`message` and `help` hold its English text).
    #[serde(skip)]
    pub key: Option<Key>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            help: None,
            draft: false,
            follow_on: false,
            key: None,
        }
    }

    /// A diagnostic told by a catalogue message: English here, any language at the edge
    /// ([`crate::messages::Messages::localize`]).
    pub fn keyed(severity: Severity, file: impl Into<String>, key: Key) -> Self {
        let (message, help) = crate::messages::english(&key);
        Diagnostic {
            severity,
            help,
            key: Some(key),
            ..Diagnostic::error(file, message)
        }
    }

    /// Sets the message (and its help) from the catalogue, keeping place and field.
    pub fn with_key(mut self, key: Key) -> Self {
        let (message, help) = crate::messages::english(&key);
        self.message = message;
        self.help = help;
        self.key = Some(key);
        self
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Marks the diagnostic as being about a draft when `draft` is true.
    pub fn in_draft(mut self, draft: bool) -> Self {
        self.draft |= draft;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match (self.severity, self.draft) {
            (Severity::Error, false) => "error",
            (Severity::Warning, false) => "warning",
            (Severity::Error, true) => "error (draft)",
            (Severity::Warning, true) => "warning (draft)",
        };
        write!(f, "{label}: {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", help.replace('\n', "\n        "))?;
        }
        Ok(())
    }
}

/// Every problem found in one run, in a stable order (by file, then line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (
                a.follow_on,
                &a.file,
                a.line,
                a.column,
                a.severity,
                &a.message,
            )
                .cmp(&(
                    b.follow_on,
                    &b.file,
                    b.line,
                    b.column,
                    b.severity,
                    &b.message,
                ))
        });
        self.0.dedup();
        self
    }
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// Drafts never block publishing: marks every problem in one of `draft_files` as a
    /// draft's, and unless drafts are being built (`--drafts`), makes the drafts' errors
    /// warnings.
    pub fn settle_drafts(
        mut self,
        draft_files: &std::collections::BTreeSet<String>,
        building_drafts: bool,
    ) -> Self {
        for d in &mut self.0 {
            d.draft |= draft_files.contains(&d.file);
            if d.draft && !building_drafts {
                d.severity = Severity::Warning;
            }
        }
        self
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// The closest candidate to `wrong`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wrong_l = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&wrong_l, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// The site-relative display form of a path.
pub fn rel_display(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_field_names() {
        let fields = ["title", "summary", "published", "timeline"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("timelien", fields), Some("timeline"));
        assert_eq!(did_you_mean("Summary", fields), Some("summary"));
        assert_eq!(did_you_mean("zzzzzz", fields), None);
    }

    #[test]
    fn display_names_file_line_field_and_help() {
        let d = Diagnostic::error("content/a.md", "is missing")
            .at(Some(3), Some(1))
            .field("title")
            .help("add `title: …`");
        assert_eq!(
            d.to_string(),
            "error: content/a.md:3:1: field `title`: is missing\n  help: add `title: …`"
        );
    }

    #[test]
    fn a_drafts_errors_are_warnings_unless_drafts_are_built() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::error("content/kladde.md", "broken"));
        ds.push(Diagnostic::error("content/offentlig.md", "broken"));
        let drafts = std::collections::BTreeSet::from(["content/kladde.md".to_string()]);
        let public = ds.clone().settle_drafts(&drafts, false).into_vec();
        assert_eq!(public[0].severity, Severity::Warning);
        assert!(public[0].draft);
        assert_eq!(
            public[0].to_string(),
            "warning (draft): content/kladde.md: broken"
        );
        assert_eq!(public[1].severity, Severity::Error);
        let preview = ds.settle_drafts(&drafts, true).into_vec();
        assert_eq!(preview[0].severity, Severity::Error);
        assert!(preview[0].draft);
    }
}
