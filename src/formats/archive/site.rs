//! Listing the files of a directory tree in a deterministic order.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use super::ArchiveError;

/// What a tree entry is (directories are not listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Symlink,
    Other,
}

/// One non-directory entry under a root.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// Relative path with `/` separators (lossily converted when not UTF-8).
    pub rel: String,
    /// False when some component of the name is not valid UTF-8.
    pub utf8: bool,
    pub abs: PathBuf,
    pub kind: Kind,
    /// Size in bytes for regular files, else 0.
    pub len: u64,
}

/// Lists every non-directory entry under `root` without following symbolic links
/// (a symlinked `root` itself is followed), sorted by the bytes of `rel`.
pub(crate) fn walk(root: &Path) -> Result<Vec<Entry>, ArchiveError> {
    let mut out = Vec::new();
    for item in walkdir::WalkDir::new(root).follow_links(false).min_depth(1) {
        let entry = item.map_err(|e| {
            let path = e.path().unwrap_or(root).to_path_buf();
            let source = e
                .into_io_error()
                .unwrap_or_else(|| io::Error::other("file system loop"));
            ArchiveError::io(path, source)
        })?;
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let abs = entry.path().to_path_buf();
        let relp = abs.strip_prefix(root).unwrap_or(&abs);
        let mut parts = Vec::new();
        let mut utf8 = true;
        for c in relp.components() {
            if let Component::Normal(os) = c {
                match os.to_str() {
                    Some(s) => parts.push(s.to_string()),
                    None => {
                        utf8 = false;
                        parts.push(os.to_string_lossy().into_owned());
                    }
                }
            }
        }
        let kind = if ft.is_symlink() {
            Kind::Symlink
        } else if ft.is_file() {
            Kind::File
        } else {
            Kind::Other
        };
        let len = if kind == Kind::File {
            entry
                .metadata()
                .map_err(|e| {
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("metadata"));
                    ArchiveError::io(&abs, source)
                })?
                .len()
        } else {
            0
        };
        out.push(Entry {
            rel: parts.join("/"),
            utf8,
            abs,
            kind,
            len,
        });
    }
    out.sort_by(|a, b| a.rel.as_bytes().cmp(b.rel.as_bytes()));
    Ok(out)
}

/// Lists the regular files of a site directory, refusing symbolic links, special
/// files and non-UTF-8 names.
pub(crate) fn site_files(site_dir: &Path) -> Result<Vec<Entry>, ArchiveError> {
    let md = fs::metadata(site_dir).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            ArchiveError::NotADirectory {
                path: site_dir.to_path_buf(),
            }
        } else {
            ArchiveError::io(site_dir, e)
        }
    })?;
    if !md.is_dir() {
        return Err(ArchiveError::NotADirectory {
            path: site_dir.to_path_buf(),
        });
    }
    let entries = walk(site_dir)?;
    for e in &entries {
        match e.kind {
            Kind::Symlink => {
                return Err(ArchiveError::Symlink {
                    path: e.abs.clone(),
                });
            }
            Kind::Other => {
                return Err(ArchiveError::UnsupportedFileType {
                    path: e.abs.clone(),
                });
            }
            Kind::File if !e.utf8 => {
                return Err(ArchiveError::NonUtf8Path {
                    path: e.abs.clone(),
                });
            }
            Kind::File => {}
        }
    }
    Ok(entries)
}

/// SHA-256 and length of a file, streamed.
pub(crate) fn hash_file(path: &Path) -> Result<([u8; 32], u64), ArchiveError> {
    let mut f = fs::File::open(path).map_err(|e| ArchiveError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ArchiveError::io(path, e)),
        };
        hasher.update(&buf[..n]);
        len += n as u64;
    }
    Ok((hasher.finalize().into(), len))
}

/// Copies `src` to a new file `dst`, returning the SHA-256 and length of the bytes
/// copied (so a manifest describes exactly what was written).
pub(crate) fn copy_and_hash(src: &Path, dst: &Path) -> Result<([u8; 32], u64), ArchiveError> {
    let mut input = fs::File::open(src).map_err(|e| ArchiveError::io(src, e))?;
    let mut output = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(dst)
        .map_err(|e| ArchiveError::io(dst, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut len = 0u64;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ArchiveError::io(src, e)),
        };
        hasher.update(&buf[..n]);
        output
            .write_all(&buf[..n])
            .map_err(|e| ArchiveError::io(dst, e))?;
        len += n as u64;
    }
    output.sync_all().map_err(|e| ArchiveError::io(dst, e))?;
    Ok((hasher.finalize().into(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_sorts_by_utf8_bytes_and_uses_slashes() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        fs::create_dir_all(r.join("a/b")).unwrap();
        fs::create_dir_all(r.join("empty")).unwrap();
        for p in [
            "z.txt",
            "a/b/c.txt",
            "a-b.txt",
            "a/å.txt",
            "a/z.txt",
            "B.txt",
        ] {
            fs::write(r.join(p), p).unwrap();
        }
        let got: Vec<String> = site_files(r).unwrap().into_iter().map(|e| e.rel).collect();
        assert_eq!(
            got,
            [
                "B.txt",
                "a-b.txt",
                "a/b/c.txt",
                "a/z.txt",
                "a/å.txt",
                "z.txt"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_refused_with_path() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        fs::create_dir_all(r.join("d")).unwrap();
        fs::write(r.join("d/real.txt"), "x").unwrap();
        std::os::unix::fs::symlink("/etc", r.join("d/escape")).unwrap();
        match site_files(r) {
            Err(ArchiveError::Symlink { path }) => assert!(path.ends_with("d/escape")),
            other => panic!("expected Symlink error, got {other:?}"),
        }
    }

    #[test]
    fn missing_site_is_an_error() {
        let t = tempfile::tempdir().unwrap();
        assert!(matches!(
            site_files(&t.path().join("nope")),
            Err(ArchiveError::NotADirectory { .. })
        ));
    }

    #[test]
    fn hashing_and_copying_agree() {
        let t = tempfile::tempdir().unwrap();
        let src = t.path().join("s");
        fs::write(&src, b"abc").unwrap();
        let (h1, l1) = hash_file(&src).unwrap();
        let (h2, l2) = copy_and_hash(&src, &t.path().join("d")).unwrap();
        assert_eq!((h1, l1), (h2, l2));
        assert_eq!(
            super::super::encode::hex(&h1),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(fs::read(t.path().join("d")).unwrap(), b"abc");
    }
}
