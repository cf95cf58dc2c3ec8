//! Archival snapshots of a built planpub site.
//!
//! Two formats are written from the output directory of a site build:
//!
//! * a **BagIt 1.0 bag** ([RFC 8493]) with [`write_bag`], checked again with [`verify_bag`];
//! * a **WARC/1.1 file** ([ISO 28500:2017]) with [`write_warc`], which web archives
//!   (pywb, ReplayWeb.page, OpenWayback, …) can replay at the site's public URLs.
//!
//! # Determinism
//!
//! Both writers are byte-for-byte deterministic: the output depends only on the
//! *content* and *relative paths* of the files under the site directory and on the
//! arguments (dates, base URL, software name, the WARC's file name).  It does not
//! depend on where the site or the output lives, on directory listing order, on file
//! modification times, or on the clock.  Files are processed in the byte order of
//! their UTF-8 relative paths with `/` separators.
//!
//! # What is refused
//!
//! The site tree must hold only regular files and directories.  A symbolic link
//! anywhere below the site directory is refused with [`ArchiveError::Symlink`] naming
//! it (an archive must not follow links out of the site), as are sockets, FIFOs and
//! device files ([`ArchiveError::UnsupportedFileType`]) and file names that are not
//! valid UTF-8 ([`ArchiveError::NonUtf8Path`]).  Empty directories cannot be
//! represented in either format and are left out.  The output may not lie inside the
//! site directory ([`ArchiveError::OutputInsideSite`]); otherwise the next snapshot
//! would contain the previous one.
//!
//! # Bags
//!
//! [`write_bag`] builds the bag in a temporary directory beside `bag_dir` and renames
//! it into place when complete, so `bag_dir` either does not exist or holds a
//! complete bag.  The tag files are:
//!
//! * `bagit.txt` — `BagIt-Version: 1.0`, `Tag-File-Character-Encoding: UTF-8`;
//! * `manifest-sha256.txt` — `<lowercase hex>  data/<path>` per payload file;
//! * `bag-info.txt` — in this order: `Source-Organization`, `Organization-Address`,
//!   `Contact-Name`, `Contact-Phone`, `Contact-Email` (when given), `External-Description`
//!   (a sentence naming the base URL), `External-Identifier`, `Bagging-Date`
//!   (`YYYY-MM-DD`), `Payload-Oxum` (`<octets>.<files>`), `Planpub-Base-URL` (the
//!   base URL alone, machine-readable; RFC 8493 has no reserved label for it), then
//!   [`BagInfo::extra`] in the given order (e.g. `Bag-Software-Agent`).  Values
//!   are trimmed; a line whose value is empty is left out;
//! * `tagmanifest-sha256.txt` — covers the three files above.
//!
//! Paths in manifests use `/` and percent-encode only what RFC 8493 §2.1.3 requires:
//! CR as `%0D`, LF as `%0A` and `%` as `%25`.  (Note: bagit-python 1.9 decodes
//! `%0D`/`%0A` but not `%25`, so it rejects bags with `%` in a file name; such bags
//! are still RFC-conformant and pass [`verify_bag`].)
//!
//! # WARC files
//!
//! [`write_warc`] writes an uncompressed WARC/1.1 file: one `warcinfo` record, then a
//! `response` record per file (an HTTP/1.1 `200 OK` message with `Content-Type` and
//! `Content-Length` headers, then the file's bytes) at `base_url` + the percent-encoded
//! relative path.
//!
//! A file named `index.html` is what a web server answers for its directory, so its
//! `response` record is written at the **directory URL** (`…/plans/x/`; the site root
//! is the base URL itself).  The same document is also reachable as
//! `…/plans/x/index.html`; for that URL a `revisit` record with the profile
//! `http://netpreserve.org/warc/1.1/revisit/identical-payload-digest` follows the
//! response immediately, with `WARC-Refers-To`, `WARC-Refers-To-Target-URI`,
//! `WARC-Refers-To-Date` and the same `WARC-Payload-Digest`, and the HTTP headers
//! (but not the body) as its block.  This keeps the file free of duplicate payloads
//! while replay tools that resolve revisits (pywb, ReplayWeb.page, OpenWayback) serve
//! both URLs.  The directory URL without its trailing slash is not recorded.
//!
//! * `WARC-Date` is the given date at second precision with `Z`.
//! * `WARC-Block-Digest` and `WARC-Payload-Digest` are `sha256:` followed by the
//!   RFC 4648 base32 form (upper case, `=`-padded, 56 characters) of the SHA-256
//!   digest — the same form warcio writes and the customary form for WARC digests;
//!   warcio's `check` verifies it.
//! * `WARC-Record-ID` is `<urn:uuid:…>` with a version-8 (RFC 9562 "custom") UUID made
//!   from the first 128 bits of
//!   `SHA-256("planpub-warc-record" NUL type NUL target-URI NUL WARC-Date NUL block-SHA-256)`
//!   (for the `warcinfo` record the WARC's file name stands for the URI).  It is
//!   deterministic, yet differs between snapshots taken on different dates.
//! * Every record after the first carries `WARC-Warcinfo-ID`.
//!
//! The WARC is written to a temporary file beside `warc_path` and moved into place at
//! the end; an existing `warc_path` is never overwritten ([`ArchiveError::Exists`]).
//! Each file is read into memory once (hashing and writing use the same bytes).
//!
//! [RFC 8493]: https://www.rfc-editor.org/rfc/rfc8493
//! [ISO 28500:2017]: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/

use crate::messages::Key;
use std::fmt;
use std::path::{Path, PathBuf};

mod bagit;
mod encode;
mod site;
mod verify;
mod warc;

#[cfg(test)]
mod tests;

pub use self::bagit::write_bag;
pub use self::verify::verify_bag;
pub use self::warc::write_warc;

/// Metadata for `bag-info.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagInfo {
    /// `Source-Organization`, e.g. "Aarhus Kommune".
    pub source_organization: String,
    /// `Organization-Address`, `Contact-Name`, `Contact-Phone` and `Contact-Email`
    /// (RFC 8493 §2.2.2), written after `Source-Organization` when given. Values must be
    /// one line.
    pub organization_address: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    /// `External-Identifier`, e.g. `planpub:https://plan.example.dk/:2025-06-01`.
    pub external_identifier: String,
    /// The site's public base URL, e.g. `https://plan.example.dk/`.  Written as
    /// `Planpub-Base-URL` (with a trailing `/` added if missing) and mentioned in
    /// `External-Description`.
    pub base_url: String,
    /// `Bagging-Date`, written as `YYYY-MM-DD`.
    pub bagging_date: chrono::NaiveDate,
    /// Further `bag-info.txt` lines, written after the standard ones in the given
    /// order, e.g. `("Bag-Software-Agent", "planpub 1.4.0")`.  Labels must be
    /// non-empty, without `:` or control characters, and not one of the labels
    /// this module writes that may occur only once (`Bagging-Date`, `Payload-Oxum`,
    /// `Planpub-Base-URL`); values must not contain CR or LF.
    pub extra: Vec<(String, String)>,
}

/// What [`write_bag`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagSummary {
    /// Number of payload files (files under `data/`).
    pub files: usize,
    /// Total size of the payload files in bytes.
    pub payload_bytes: u64,
    /// The `Payload-Oxum` value, `<payload_bytes>.<files>`.
    pub oxum: String,
}

/// What [`write_warc`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcSummary {
    /// All records, including the `warcinfo` record.
    pub records: usize,
    /// `response` records (one per site file).
    pub responses: usize,
    /// `revisit` records (one per `index.html`, at its `…/index.html` URL).
    pub revisits: usize,
    /// Size of the WARC file in bytes.
    pub bytes: u64,
    /// Total size of the archived files (HTTP bodies) in bytes.
    pub payload_bytes: u64,
}

/// The result of [`verify_bag`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Number of files whose checksum was computed (payload and tag files).
    pub checked: usize,
    /// Every problem found, in a stable order: tag files first, then payload
    /// files by path.
    pub problems: Vec<BagProblem>,
}

impl VerifyReport {
    /// True when no problem was found.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

impl VerifyReport {
    /// "bag valid (N files checked)" or one line per problem after a count line, in
    /// `m`'s language.
    pub fn told(&self, m: &crate::messages::Messages) -> String {
        let checked = self.checked.to_string();
        if self.is_valid() {
            return m.text(&Key::new("bag-valid").arg("checked", checked));
        }
        let mut out = m.text(
            &Key::new("bag-invalid")
                .num("n", self.problems.len())
                .arg("checked", checked),
        );
        for p in &self.problems {
            out.push('\n');
            out.push_str(&m.text(&p.key()));
        }
        out
    }
}

impl fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.told(crate::messages::of(crate::model::config::Language::En)))
    }
}

/// One problem found by [`verify_bag`].  Paths are relative to the bag directory,
/// with `/` separators and decoded (as on disk), e.g. `data/plans/x/index.html` or
/// `bag-info.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BagProblem {
    /// A file listed in a manifest (payload or tag) does not exist.
    Missing { path: String },
    /// A payload file exists under `data/` but is not listed in `manifest-sha256.txt`.
    Extra { path: String },
    /// A file's SHA-256 differs from its manifest entry (payload files via
    /// `manifest-sha256.txt`, tag files such as `bag-info.txt` via
    /// `tagmanifest-sha256.txt`).  Both values are lowercase hex.
    ChecksumMismatch {
        path: String,
        expected: String,
        actual: String,
    },
    /// `Payload-Oxum` in `bag-info.txt` differs from the payload actually present.
    OxumMismatch { expected: String, actual: String },
    /// A tag file is missing, unreadable as required or malformed
    /// (`bagit.txt`, a manifest line, `bag-info.txt`, an unsupported `fetch.txt`, …).
    TagFile { path: String, detail: Key },
    /// A symbolic link or other non-regular file was found where a file belongs.
    NotAFile { path: String, detail: Key },
    /// A file could not be read (permissions, I/O error).
    Unreadable { path: String, detail: Key },
}

impl BagProblem {
    /// The bag-relative path the problem concerns.
    pub fn path(&self) -> &str {
        match self {
            BagProblem::Missing { path }
            | BagProblem::Extra { path }
            | BagProblem::ChecksumMismatch { path, .. }
            | BagProblem::TagFile { path, .. }
            | BagProblem::NotAFile { path, .. }
            | BagProblem::Unreadable { path, .. } => path,
            BagProblem::OxumMismatch { .. } => "bag-info.txt",
        }
    }
}

fn short_hash(h: &str) -> String {
    if h.chars().count() > 12 {
        let s: String = h.chars().take(12).collect();
        format!("{s}…")
    } else {
        h.to_string()
    }
}

impl BagProblem {
    /// The catalogue message for the problem (`path: what is wrong`).
    pub fn key(&self) -> Key {
        let at = |id, path: &str| Key::new(id).arg("path", path);
        match self {
            BagProblem::Missing { path } => at("bag-missing", path),
            BagProblem::Extra { path } => at("bag-extra", path),
            BagProblem::ChecksumMismatch {
                path,
                expected,
                actual,
            } => at("bag-checksum", path)
                .arg("expected", short_hash(expected))
                .arg("actual", short_hash(actual)),
            BagProblem::OxumMismatch { expected, actual } => Key::new("bag-oxum")
                .arg("expected", expected)
                .arg("actual", actual),
            BagProblem::TagFile { path, detail } | BagProblem::NotAFile { path, detail } => {
                at("bag-problem", path).sub("detail", detail.clone())
            }
            BagProblem::Unreadable { path, detail } => {
                at("bag-unreadable", path).sub("reason", detail.clone())
            }
        }
    }
}

impl fmt::Display for BagProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::english(&self.key()).0)
    }
}

/// Errors that stop a bag or WARC from being written or a bag from being checked.
/// Problems *inside* a bag are not errors but [`BagProblem`]s in the [`VerifyReport`].
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// Reading or writing `path` failed.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `path` is not a bag at all (not a directory, or no `bagit.txt`).
    #[error("{}: not a BagIt bag: {reason}", .path.display())]
    NotABag { path: PathBuf, reason: String },
    /// The output exists (a non-empty bag directory, or any file at the WARC path).
    #[error("{}: already exists (a bag directory must be absent or empty, a WARC path absent)", .path.display())]
    Exists { path: PathBuf },
    /// A symbolic link was found in the site directory.
    #[error("{}: symbolic links are not allowed in a site to be archived", .path.display())]
    Symlink { path: PathBuf },
    /// A socket, FIFO, device or other non-regular file was found in the site directory.
    #[error("{}: not a regular file or directory", .path.display())]
    UnsupportedFileType { path: PathBuf },
    /// A file name under the site directory is not valid UTF-8.
    #[error("{}: file name is not valid UTF-8", .path.display())]
    NonUtf8Path { path: PathBuf },
    /// The site directory does not exist or is not a directory.
    #[error("{}: site directory does not exist or is not a directory", .path.display())]
    NotADirectory { path: PathBuf },
    /// The output would be written inside the site directory.
    #[error("{}: output must not be inside the site directory {}", .output.display(), .site.display())]
    OutputInsideSite { output: PathBuf, site: PathBuf },
    /// The base URL is not an absolute `http`/`https` URL without query or fragment.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl { url: String, reason: String },
    /// A `bag-info.txt` label or value, or the WARC software string, cannot be written.
    #[error("invalid metadata: {0}")]
    InvalidMetadata(String),
}

impl ArchiveError {
    /// The catalogue message for the error, naming the path and what to do.
    pub fn key(&self) -> Key {
        let at = |id, p: &Path| Key::new(id).arg("path", p.display().to_string());
        match self {
            ArchiveError::Io { path, source } => {
                at("archive-io", path).sub("reason", crate::messages::io_reason(source))
            }
            ArchiveError::NotABag { path, reason } => at("archive-not-a-bag", path).sub(
                "reason",
                Key::new(match reason.as_str() {
                    "not a directory" => "bag-reason-not-dir",
                    "does not exist" => "bag-reason-missing",
                    _ => "bag-reason-no-bagit",
                }),
            ),
            ArchiveError::Exists { path } => at("archive-exists", path),
            ArchiveError::Symlink { path } => at("archive-symlink", path),
            ArchiveError::UnsupportedFileType { path } => at("archive-special-file", path),
            ArchiveError::NonUtf8Path { path } => at("archive-non-utf8", path),
            ArchiveError::NotADirectory { path } => at("archive-not-a-directory", path),
            ArchiveError::OutputInsideSite { output, site } => {
                at("archive-output-inside", output).arg("site", site.display().to_string())
            }
            ArchiveError::InvalidBaseUrl { url, reason } => Key::new("archive-base-url")
                .arg("url", url)
                .arg("reason", reason),
            ArchiveError::InvalidMetadata(m) => Key::new("archive-metadata").arg("reason", m),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ArchiveError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Checks a base URL and returns it with a trailing `/`.
pub(crate) fn normalize_base_url(url: &str) -> Result<String, ArchiveError> {
    // One rule for the site's address, the same as for `base_url` in site.yaml.
    crate::model::web::base_url(url).map_err(|e| ArchiveError::InvalidBaseUrl {
        url: url.to_string(),
        reason: e.to_string(),
    })
}

/// Fails when `output` (which need not exist) lies inside `site` (which must exist).
pub(crate) fn check_output_outside_site(site: &Path, output: &Path) -> Result<(), ArchiveError> {
    let site_abs = site.canonicalize().map_err(|e| ArchiveError::io(site, e))?;
    // Canonicalize the deepest existing ancestor of `output`, then re-append the rest.
    let mut existing = output.to_path_buf();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    let out_abs = loop {
        match existing.canonicalize() {
            Ok(p) => {
                let mut p = p;
                for part in rest.iter().rev() {
                    p.push(part);
                }
                break p;
            }
            Err(_) => match (existing.file_name(), existing.parent()) {
                (Some(name), Some(parent)) => {
                    rest.push(name.to_os_string());
                    existing = if parent.as_os_str().is_empty() {
                        PathBuf::from(".")
                    } else {
                        parent.to_path_buf()
                    };
                }
                _ => return Ok(()),
            },
        }
    };
    if out_abs.starts_with(&site_abs) {
        return Err(ArchiveError::OutputInsideSite {
            output: output.to_path_buf(),
            site: site.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    #[test]
    fn base_url_normalization() {
        assert_eq!(
            normalize_base_url("https://plan.example.dk").unwrap(),
            "https://plan.example.dk/"
        );
        assert_eq!(
            normalize_base_url("https://plan.example.dk/sub/").unwrap(),
            "https://plan.example.dk/sub/"
        );
        assert!(normalize_base_url("ftp://x/").is_err());
        assert!(normalize_base_url("https:///x").is_err());
        assert!(normalize_base_url("https://x/ y").is_err());
        assert!(normalize_base_url("https://x/?a=1").is_err());
    }

    #[test]
    fn problem_display_names_file() {
        let p = BagProblem::ChecksumMismatch {
            path: "data/plans/x/index.html".into(),
            expected: "3fa0000000000000000000000000".into(),
            actual: "9b10000000000000000000000000".into(),
        };
        assert_eq!(
            p.to_string(),
            "data/plans/x/index.html: checksum differs (expected 3fa000000000…, found 9b1000000000…)"
        );
        assert_eq!(p.path(), "data/plans/x/index.html");
        let m = BagProblem::Missing {
            path: "data/a.css".into(),
        };
        assert!(m.to_string().starts_with("data/a.css: "));
        assert!(!m.to_string().contains('\n'));
    }

    #[test]
    fn output_inside_site_detected() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        std::fs::create_dir(&site).unwrap();
        assert!(check_output_outside_site(&site, &site.join("bag")).is_err());
        assert!(check_output_outside_site(&site, &site.join("a/b/c.warc")).is_err());
        assert!(check_output_outside_site(&site, &t.path().join("bag")).is_ok());
        assert!(check_output_outside_site(&site, &t.path().join("site2")).is_ok());
    }
}
