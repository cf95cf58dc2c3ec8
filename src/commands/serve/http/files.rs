//! Mapping request targets to files inside the output directory.
//!
//! Every request re-resolves the root (`fs::canonicalize`), so a build that
//! swaps the output directory's contents, or renames a fresh directory into
//! place, is picked up by the very next request. No file handle or path is
//! cached between requests.
//!
//! Safety rules, in order:
//! 1. only origin-form targets (`/…`) are accepted; query and fragment are
//!    dropped;
//! 2. the path is split on `/` *before* percent-decoding, and every decoded
//!    segment must be a single plain name: no `.`/`..`, no `/` or `\`, no NUL
//!    or other control characters, no drive prefix (`C:`), no empty segments
//!    (so `//etc/passwd` is refused);
//! 3. the joined candidate is canonicalized (resolving symlinks) and must
//!    still start with the canonical root.

use std::fs;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// Outcome of resolving a request target against the output directory.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A regular file inside the root (canonical path).
    File(PathBuf),
    /// A directory requested without trailing slash: redirect here.
    Redirect(String),
    /// Missing, refused, or outside the root.
    NotFound,
    /// Not an origin-form request target at all.
    BadRequest,
}

/// Characters that are escaped when echoing a path into a `Location` header.
const LOCATION: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');

/// Resolve `target` (the raw request target, e.g. `/sub/?x=1`) below `root`.
pub(crate) fn resolve(root: &Path, target: &str) -> Target {
    let (path, query) = split_target(target);
    if !path.starts_with('/') {
        return Target::BadRequest;
    }
    let Some(request) = decode_segments(path) else {
        return Target::NotFound;
    };
    let Ok(root) = fs::canonicalize(root) else {
        return Target::NotFound;
    };
    let mut candidate = root.clone();
    candidate.extend(&request.segments);
    let Some(canonical) = contained(&root, &candidate) else {
        return Target::NotFound;
    };
    let Ok(meta) = fs::metadata(&canonical) else {
        return Target::NotFound;
    };
    if meta.is_dir() {
        if !request.trailing_slash {
            let mut location = utf8_percent_encode(path, LOCATION).to_string();
            location.push('/');
            if let Some(q) = query {
                location.push('?');
                location.push_str(&utf8_percent_encode(q, LOCATION).to_string());
            }
            return Target::Redirect(location);
        }
        match contained(&root, &canonical.join("index.html")) {
            Some(index) if index.is_file() => Target::File(index),
            _ => Target::NotFound,
        }
    } else if meta.is_file() && !request.trailing_slash {
        Target::File(canonical)
    } else {
        Target::NotFound
    }
}

/// The output's own `404.html`, if it exists inside the root.
pub(crate) fn not_found_page(root: &Path) -> Option<PathBuf> {
    let root = fs::canonicalize(root).ok()?;
    contained(&root, &root.join("404.html")).filter(|p| p.is_file())
}

/// Canonicalize `candidate` and return it only if it stays below `root`
/// (which must already be canonical).
fn contained(root: &Path, candidate: &Path) -> Option<PathBuf> {
    let canonical = fs::canonicalize(candidate).ok()?;
    canonical.starts_with(root).then_some(canonical)
}

/// Split a request target into path and (optional) query; a fragment, which
/// clients should never send, is dropped too.
fn split_target(target: &str) -> (&str, Option<&str>) {
    let target = target.split('#').next().unwrap_or("");
    match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) segments: Vec<String>,
    pub(crate) trailing_slash: bool,
}

/// Decode an absolute URL path into safe, plain path segments, or `None` if
/// any segment is unacceptable.
pub(crate) fn decode_segments(path: &str) -> Option<Decoded> {
    let rest = path.strip_prefix('/')?;
    if rest.is_empty() {
        return Some(Decoded {
            segments: Vec::new(),
            trailing_slash: true,
        });
    }
    let trailing_slash = rest.ends_with('/');
    let body = rest.strip_suffix('/').unwrap_or(rest);
    let mut segments = Vec::new();
    for raw in body.split('/') {
        let decoded = percent_decode_str(raw).decode_utf8().ok()?;
        if !is_plain_segment(&decoded) {
            return None;
        }
        segments.push(decoded.into_owned());
    }
    Some(Decoded {
        segments,
        trailing_slash,
    })
}

/// One ordinary file or directory name, harmless on every platform.
fn is_plain_segment(s: &str) -> bool {
    if s.is_empty() || s == "." || s == ".." {
        return false;
    }
    if s.chars().any(|c| c == '/' || c == '\\' || c.is_control()) {
        return false;
    }
    // Windows drive prefixes ("C:", "c:foo") and alternate data streams.
    if s.contains(':') {
        return false;
    }
    let mut components = Path::new(s).components();
    matches!(
        (components.next(), components.next()),
        (Some(Component::Normal(_)), None)
    )
}

/// Content type for a file: the program's one table.
pub(crate) fn content_type(path: &Path) -> String {
    crate::formats::mime::content_type(path)
}

/// Whether a content type gets the reload script and overlay.
pub(crate) fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}
