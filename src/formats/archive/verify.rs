//! Checking BagIt bags.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::encode::{hex, manifest_path_decode};
use super::site::{Kind, hash_file, walk};
use super::{ArchiveError, BagProblem, VerifyReport};
use crate::messages::Key;

/// One parsed manifest line.
struct ManifestEntry {
    /// Lowercase hex.
    checksum: String,
    /// Decoded relative path with `/` separators.
    path: String,
}

/// Checks a bag at `bag_dir` and reports every problem found:
///
/// * `bagit.txt` must declare a version and `Tag-File-Character-Encoding: UTF-8`;
/// * every file in `manifest-sha256.txt` must exist with the listed SHA-256
///   ([`BagProblem::Missing`], [`BagProblem::ChecksumMismatch`]);
/// * every file under `data/` must be listed ([`BagProblem::Extra`]); symbolic links
///   and special files there are reported as [`BagProblem::NotAFile`];
/// * `Payload-Oxum` in `bag-info.txt`, when present, must match the payload
///   ([`BagProblem::OxumMismatch`]);
/// * every file in `tagmanifest-sha256.txt`, when present, must exist with the
///   listed SHA-256 (so an edited `bag-info.txt` is reported as a checksum
///   mismatch of `bag-info.txt`);
/// * malformed tag files and manifest lines, and a `fetch.txt` (not supported), are
///   reported as [`BagProblem::TagFile`].
///
/// Only SHA-256 manifests are checked; manifests for other algorithms are ignored.
///
/// Returns [`ArchiveError::NotABag`] when `bag_dir` is not a directory or has no
/// `bagit.txt`.  Problems inside the bag, including unreadable files, go into the
/// report rather than ending the check.
pub fn verify_bag(bag_dir: &Path) -> Result<VerifyReport, ArchiveError> {
    match fs::metadata(bag_dir) {
        Ok(md) if md.is_dir() => {}
        Ok(_) => {
            return Err(ArchiveError::NotABag {
                path: bag_dir.to_path_buf(),
                reason: "not a directory".into(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(ArchiveError::NotABag {
                path: bag_dir.to_path_buf(),
                reason: "does not exist".into(),
            });
        }
        Err(e) => return Err(ArchiveError::io(bag_dir, e)),
    }
    let bagit_path = bag_dir.join("bagit.txt");
    if !bagit_path.is_file() {
        return Err(ArchiveError::NotABag {
            path: bag_dir.to_path_buf(),
            reason: "no bagit.txt".into(),
        });
    }

    let mut v = Verifier {
        bag: bag_dir.to_path_buf(),
        checked: 0,
        tag_problems: Vec::new(),
        payload_problems: Vec::new(),
    };

    v.check_bagit_txt();
    if bag_dir.join("fetch.txt").exists() {
        v.tag("fetch.txt", Key::new("bag-fetch-unsupported"));
    }
    v.check_tag_manifest();
    let (oxum_bytes, oxum_files) = v.check_payload();
    v.check_oxum(oxum_bytes, oxum_files);

    v.payload_problems.sort_by(|a, b| a.0.cmp(&b.0));
    let mut problems = v.tag_problems;
    problems.extend(v.payload_problems.into_iter().map(|(_, p)| p));
    Ok(VerifyReport {
        checked: v.checked,
        problems,
    })
}

struct Verifier {
    bag: PathBuf,
    checked: usize,
    tag_problems: Vec<BagProblem>,
    /// (sort key, problem)
    payload_problems: Vec<(String, BagProblem)>,
}

impl Verifier {
    fn tag(&mut self, path: &str, detail: Key) {
        self.tag_problems.push(BagProblem::TagFile {
            path: path.to_string(),
            detail,
        });
    }

    fn payload(&mut self, p: BagProblem) {
        self.payload_problems.push((p.path().to_string(), p));
    }

    /// Reads a tag file as UTF-8 text; `None` (with a problem recorded unless it is
    /// simply absent and `optional`) when that fails.
    fn read_tag_text(&mut self, name: &str, optional: bool) -> Option<String> {
        match fs::read(self.bag.join(name)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => Some(s),
                Err(_) => {
                    self.tag(name, Key::new("bag-tag-not-utf8"));
                    None
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound && optional => None,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.tag(name, Key::new("bag-tag-missing"));
                None
            }
            Err(e) => {
                self.tag_problems.push(BagProblem::Unreadable {
                    path: name.to_string(),
                    detail: crate::messages::io_reason(&e),
                });
                None
            }
        }
    }

    fn check_bagit_txt(&mut self) {
        let Some(text) = self.read_tag_text("bagit.txt", false) else {
            return;
        };
        let fields = parse_fields(&text);
        let get = |label: &str| {
            fields
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.as_str())
        };
        match get("BagIt-Version") {
            Some(ver)
                if ver.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                }) => {}
            Some(ver) => self.tag(
                "bagit.txt",
                Key::new("bag-tag-bad-version").arg("value", format!("{ver:?}")),
            ),
            None => self.tag("bagit.txt", Key::new("bag-tag-no-version")),
        }
        match get("Tag-File-Character-Encoding") {
            Some(enc) if enc.eq_ignore_ascii_case("UTF-8") => {}
            Some(enc) => self.tag(
                "bagit.txt",
                Key::new("bag-tag-encoding").arg("value", format!("{enc:?}")),
            ),
            None => self.tag("bagit.txt", Key::new("bag-tag-no-encoding")),
        }
    }

    /// Parses a manifest, recording malformed and duplicate lines as problems.
    fn parse_manifest(&mut self, name: &str, text: &str) -> Vec<ManifestEntry> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() {
                continue;
            }
            let lineno = i + 1;
            let Some((sum, rest)) = line.split_once([' ', '\t']) else {
                self.tag(
                    name,
                    Key::new("bag-line-no-path").arg("line", lineno.to_string()),
                );
                continue;
            };
            let enc_path = rest.trim_start_matches([' ', '\t']);
            if sum.len() != 64 || !sum.bytes().all(|b| b.is_ascii_hexdigit()) {
                self.tag(
                    name,
                    Key::new("bag-line-bad-sum")
                        .arg("line", lineno.to_string())
                        .arg("sum", format!("{sum:?}")),
                );
                continue;
            }
            let path = manifest_path_decode(enc_path);
            if let Err(why) = check_rel_path(&path) {
                self.tag(
                    name,
                    Key::new("bag-line-bad-path")
                        .arg("line", lineno.to_string())
                        .arg("path", format!("{path:?}"))
                        .sub("why", Key::new(why)),
                );
                continue;
            }
            if !seen.insert(path.clone()) {
                self.tag(
                    name,
                    Key::new("bag-line-twice")
                        .arg("line", lineno.to_string())
                        .arg("path", path.as_str()),
                );
                continue;
            }
            out.push(ManifestEntry {
                checksum: sum.to_ascii_lowercase(),
                path,
            });
        }
        out
    }

    fn check_tag_manifest(&mut self) {
        let name = "tagmanifest-sha256.txt";
        let Some(text) = self.read_tag_text(name, true) else {
            return;
        };
        for entry in self.parse_manifest(name, &text) {
            if entry.path == "data" || entry.path.starts_with("data/") {
                self.tag(
                    name,
                    Key::new("bag-tag-lists-payload").arg("path", entry.path.as_str()),
                );
                continue;
            }
            let abs = self.bag.join(&entry.path);
            match fs::symlink_metadata(&abs) {
                Ok(md) if md.is_file() => match hash_file(&abs) {
                    Ok((digest, _)) => {
                        self.checked += 1;
                        let actual = hex(&digest);
                        if actual != entry.checksum {
                            self.tag_problems.push(BagProblem::ChecksumMismatch {
                                path: entry.path,
                                expected: entry.checksum,
                                actual,
                            });
                        }
                    }
                    Err(e) => self.tag_problems.push(BagProblem::Unreadable {
                        path: entry.path,
                        detail: io_key(&e),
                    }),
                },
                Ok(_) => self.tag_problems.push(BagProblem::NotAFile {
                    path: entry.path,
                    detail: Key::new("bag-not-file-tag"),
                }),
                Err(_) => self
                    .tag_problems
                    .push(BagProblem::Missing { path: entry.path }),
            }
        }
    }

    /// Checks the payload against `manifest-sha256.txt`; returns the octet and file
    /// counts of the regular files actually under `data/`.
    fn check_payload(&mut self) -> (u64, usize) {
        let data = self.bag.join("data");
        let actual = match fs::symlink_metadata(&data) {
            Ok(md) if md.is_dir() => match walk(&data) {
                Ok(entries) => entries,
                Err(e) => {
                    self.tag(
                        "data",
                        Key::new("bag-data-unlisted").sub("reason", io_key(&e)),
                    );
                    Vec::new()
                }
            },
            Ok(_) => {
                self.tag("data", Key::new("bag-data-not-dir"));
                Vec::new()
            }
            Err(_) => {
                self.tag("data", Key::new("bag-data-missing"));
                Vec::new()
            }
        };
        let mut by_path = BTreeMap::new();
        let (mut bytes, mut files) = (0u64, 0usize);
        for e in actual {
            if e.kind == Kind::File {
                bytes += e.len;
                files += 1;
            }
            by_path.insert(format!("data/{}", e.rel), e);
        }

        let manifest_name = "manifest-sha256.txt";
        let Some(text) = self.read_tag_text(manifest_name, true) else {
            if !self.bag.join(manifest_name).exists() {
                self.tag(manifest_name, Key::new("bag-manifest-missing"));
            }
            return (bytes, files);
        };
        let entries = self.parse_manifest(manifest_name, &text);
        let mut listed = BTreeSet::new();
        for entry in entries {
            if !entry.path.starts_with("data/") {
                self.tag(
                    manifest_name,
                    Key::new("bag-outside-data").arg("path", entry.path.as_str()),
                );
                continue;
            }
            listed.insert(entry.path.clone());
            match by_path.get(&entry.path) {
                Some(e) if e.kind == Kind::File => match hash_file(&e.abs) {
                    Ok((digest, _)) => {
                        self.checked += 1;
                        let actual = hex(&digest);
                        if actual != entry.checksum {
                            self.payload(BagProblem::ChecksumMismatch {
                                path: entry.path,
                                expected: entry.checksum,
                                actual,
                            });
                        }
                    }
                    Err(err) => self.payload(BagProblem::Unreadable {
                        path: entry.path,
                        detail: io_key(&err),
                    }),
                },
                // Reported below as not a file.
                Some(_) => {}
                None => self.payload(BagProblem::Missing { path: entry.path }),
            }
        }
        for (path, e) in by_path {
            match e.kind {
                Kind::File if !listed.contains(&path) => {
                    self.payload(BagProblem::Extra { path });
                }
                Kind::File => {}
                Kind::Symlink => self.payload(BagProblem::NotAFile {
                    path,
                    detail: Key::new("bag-not-file-symlink"),
                }),
                Kind::Other => self.payload(BagProblem::NotAFile {
                    path,
                    detail: Key::new("bag-not-file-other"),
                }),
            }
        }
        (bytes, files)
    }

    fn check_oxum(&mut self, bytes: u64, files: usize) {
        let Some(text) = self.read_tag_text("bag-info.txt", true) else {
            return;
        };
        let oxums: Vec<String> = parse_fields(&text)
            .into_iter()
            .filter(|(l, _)| l.eq_ignore_ascii_case("Payload-Oxum"))
            .map(|(_, v)| v)
            .collect();
        let actual = format!("{bytes}.{files}");
        match oxums.as_slice() {
            [] => {}
            [one] => {
                let well_formed = one
                    .split_once('.')
                    .is_some_and(|(a, b)| a.parse::<u64>().is_ok() && b.parse::<u64>().is_ok());
                if !well_formed {
                    self.tag(
                        "bag-info.txt",
                        Key::new("bag-oxum-bad").arg("value", format!("{one:?}")),
                    );
                } else if *one != actual {
                    self.tag_problems.push(BagProblem::OxumMismatch {
                        expected: one.clone(),
                        actual,
                    });
                }
            }
            _ => self.tag("bag-info.txt", Key::new("bag-oxum-twice")),
        }
    }
}

fn io_key(e: &ArchiveError) -> Key {
    match e {
        ArchiveError::Io { source, .. } => crate::messages::io_reason(source),
        other => Key::new("io-other").arg("reason", other.to_string()),
    }
}

/// Checks that a manifest path is relative and stays inside the bag.
fn check_rel_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("bag-path-empty");
    }
    if path.starts_with('/') || path.contains('\0') {
        return Err("bag-path-absolute");
    }
    if path
        .split('/')
        .any(|c| c.is_empty() || c == "." || c == "..")
    {
        return Err("bag-path-component");
    }
    Ok(())
}

/// Parses `Label: value` lines; lines starting with whitespace continue the
/// previous value (RFC 8493 §2.2.2).  Labels and values are trimmed.
fn parse_fields(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for raw in text.lines() {
        let line = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((l, v)) = line.split_once(':') {
            out.push((l.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_continuation() {
        let f = parse_fields("A: 1\nB:two\n  more\nC : 3\r\n");
        assert_eq!(
            f,
            [
                ("A".to_string(), "1".to_string()),
                ("B".to_string(), "two more".to_string()),
                ("C".to_string(), "3".to_string()),
            ]
        );
    }

    #[test]
    fn rel_paths() {
        assert!(check_rel_path("data/a/b.txt").is_ok());
        assert!(check_rel_path("data/../etc/passwd").is_err());
        assert!(check_rel_path("/etc/passwd").is_err());
        assert!(check_rel_path("data//x").is_err());
        assert!(check_rel_path("data/./x").is_err());
    }

    #[test]
    fn not_a_bag() {
        let t = tempfile::tempdir().unwrap();
        assert!(matches!(
            verify_bag(t.path()),
            Err(ArchiveError::NotABag { .. })
        ));
        assert!(matches!(
            verify_bag(&t.path().join("nope")),
            Err(ArchiveError::NotABag { .. })
        ));
    }

    #[test]
    fn manifest_escape_and_malformed_lines() {
        let t = tempfile::tempdir().unwrap();
        let b = t.path();
        fs::write(b.join("bagit.txt"), super::super::bagit::BAGIT_TXT).unwrap();
        fs::create_dir_all(b.join("data")).unwrap();
        fs::write(b.join("data/50%.txt"), "x").unwrap();
        let sum = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
        fs::write(
            b.join("manifest-sha256.txt"),
            format!("{sum}  data/50%25.txt\nnot-a-sum  data/y\n{sum}  data/../../etc/passwd\n"),
        )
        .unwrap();
        let r = verify_bag(b).unwrap();
        assert_eq!(r.checked, 1);
        assert_eq!(r.problems.len(), 2, "{r}");
        assert!(r.problems.iter().all(|p| p.path() == "manifest-sha256.txt"));
    }
}
