//! Writing the finished site atomically: everything goes into a fresh folder beside the
//! output, which then takes the output's place. A failed build never touches the
//! previous site, and planpub never clears a folder it did not create.

use crate::outputs::{OutData, OutFile};
use rayon::prelude::*;
use std::path::{Component, Path, PathBuf};

/// Present in every folder planpub writes; its absence means "not ours, do not delete".
pub const MARKER: &str = ".planpub-output";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "the output folder {0} already exists and was not made by planpub (it has no {MARKER} file), so planpub will not replace it; choose another folder with --out, or empty it yourself"
    )]
    NotOurs(PathBuf),
    #[error(
        "the output folder {out} would contain or replace {what}; choose an output folder outside the site's content, for example `public/`"
    )]
    Overlaps { out: PathBuf, what: String },
    #[error("the output path {0:?} would leave the output folder")]
    Escapes(String),
    #[error("two things would be written to the same file {0}")]
    Duplicate(String),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An absolute, normalised form of a path that may not exist yet.
fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Resolve the longest existing prefix through symlinks, then append the rest.
    let mut existing = abs.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for r in rest.into_iter().rev() {
        if r == ".." {
            out.pop();
        } else if r != "." {
            out.push(r);
        }
    }
    out
}

/// Refuses output folders that would destroy the sources: the site root itself, a
/// folder containing it, or `content/` (or anything inside it).
pub fn check_location(root: &Path, out: &Path) -> Result<(), OutputError> {
    check_overlap(root, out)?;
    if absolute(out).exists() && !is_ours_or_empty(&absolute(out)) {
        return Err(OutputError::NotOurs(out.to_path_buf()));
    }
    Ok(())
}

/// The folders no output may be written to or over, also for `snapshot --out` (which
/// adds to a folder of archives rather than replacing it): the filesystem root, the
/// home folder, the site root or a folder containing it, and the site's sources.
pub fn check_overlap(root: &Path, out: &Path) -> Result<(), OutputError> {
    let out_abs = absolute(out);
    let home = std::env::var_os("HOME").map(|h| absolute(Path::new(&h)));
    if out_abs.parent().is_none() || home.is_some_and(|h| h == out_abs) {
        return Err(OutputError::Overlaps {
            out: out.to_path_buf(),
            what: "the whole disk or your home folder".into(),
        });
    }
    let root = absolute(root);
    let content = root.join("content");
    if root.starts_with(&out_abs) {
        return Err(OutputError::Overlaps {
            out: out.to_path_buf(),
            what: "the site root".into(),
        });
    }
    if content.starts_with(&out_abs) || out_abs.starts_with(&content) {
        return Err(OutputError::Overlaps {
            out: out.to_path_buf(),
            what: "the content folder".into(),
        });
    }
    for sub in ["templates", "static", "themes"] {
        let s = root.join(sub);
        if out_abs.starts_with(&s) || s.starts_with(&out_abs) {
            return Err(OutputError::Overlaps {
                out: out.to_path_buf(),
                what: format!("the {sub} folder"),
            });
        }
    }
    Ok(())
}

fn is_ours_or_empty(dir: &Path) -> bool {
    if !dir.is_dir() {
        return false;
    }
    dir.join(MARKER).is_file()
        || std::fs::read_dir(dir)
            .map(|mut r| r.next().is_none())
            .unwrap_or(false)
}

fn safe_join(base: &Path, rel: &str) -> Result<PathBuf, OutputError> {
    let p = Path::new(rel);
    if rel.is_empty()
        || rel.contains('\\')
        || !p.components().all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(OutputError::Escapes(rel.to_string()));
    }
    Ok(base.join(p))
}

pub struct WriteStats {
    pub files: usize,
    pub bytes: u64,
}

/// Writes `files` as the complete new content of `out`.
pub fn write_site(root: &Path, out: &Path, files: &[OutFile]) -> Result<WriteStats, OutputError> {
    check_location(root, out)?;
    let mut seen = std::collections::BTreeSet::new();
    for f in files {
        if !seen.insert(f.path.as_str()) {
            return Err(OutputError::Duplicate(f.path.clone()));
        }
    }
    let out_abs = absolute(out);
    let parent = out_abs
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = out_abs
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.planpub-new-"))
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    let tmp_path = tmp.path().to_path_buf();

    // Folders first, each once, in order; then the files in parallel.
    let mut dirs = std::collections::BTreeSet::new();
    for f in files {
        let dest = safe_join(&tmp_path, &f.path)?;
        if let Some(dir) = dest.parent() {
            dirs.insert(dir.to_path_buf());
        }
    }
    for dir in &dirs {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let bytes: u64 = files
        .par_iter()
        .map(|f| -> Result<u64, OutputError> {
            let dest = safe_join(&tmp_path, &f.path)?;
            match &f.data {
                OutData::Bytes(b) => std::fs::write(&dest, b).map(|_| b.len() as u64),
                OutData::Static(b) => std::fs::write(&dest, b).map(|_| b.len() as u64),
                OutData::Copy(src) => std::fs::copy(src, &dest),
            }
            .map_err(io(&dest))
        })
        .collect::<Result<Vec<u64>, _>>()?
        .into_iter()
        .sum();
    std::fs::write(
        tmp_path.join(MARKER),
        b"This folder was written by planpub and is replaced on every build.\n",
    )
    .map_err(io(&tmp_path))?;

    // Swap: move the old site aside, put the new one in place, then delete the old.
    let tmp_kept = tmp.keep();
    if out_abs.exists() {
        let old = parent.join(format!(".{name}.planpub-old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(&out_abs, &old).map_err(io(&out_abs))?;
        if let Err(e) = std::fs::rename(&tmp_kept, &out_abs) {
            let _ = std::fs::rename(&old, &out_abs);
            let _ = std::fs::remove_dir_all(&tmp_kept);
            return Err(OutputError::Io {
                path: out_abs,
                source: e,
            });
        }
        let _ = std::fs::remove_dir_all(&old);
    } else if let Err(e) = std::fs::rename(&tmp_kept, &out_abs) {
        let _ = std::fs::remove_dir_all(&tmp_kept);
        return Err(OutputError::Io {
            path: out_abs,
            source: e,
        });
    }
    Ok(WriteStats {
        files: files.len(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_overlapping_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(matches!(
            check_location(root, root),
            Err(OutputError::Overlaps { .. })
        ));
        assert!(matches!(
            check_location(root, &root.join("content")),
            Err(OutputError::Overlaps { .. })
        ));
        assert!(matches!(
            check_location(root, &root.join("content/out")),
            Err(OutputError::Overlaps { .. })
        ));
        assert!(matches!(
            check_location(&root.join("site"), root),
            Err(OutputError::Overlaps { .. })
        ));
        assert!(check_location(root, &root.join("public")).is_ok());
    }

    #[test]
    fn refuses_foreign_folder_and_escaping_paths() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("precious.txt"), "x").unwrap();
        let site = dir.path().join("site");
        let files = vec![OutFile {
            path: "index.html".into(),
            data: OutData::Bytes(b"hi".to_vec()),
        }];
        assert!(matches!(
            write_site(&site, &out, &files),
            Err(OutputError::NotOurs(_))
        ));
        assert_eq!(
            std::fs::read_to_string(out.join("precious.txt")).unwrap(),
            "x"
        );
        let out2 = dir.path().join("out2");
        let bad = vec![OutFile {
            path: "../evil".into(),
            data: OutData::Bytes(vec![]),
        }];
        assert!(matches!(
            write_site(&site, &out2, &bad),
            Err(OutputError::Escapes(_))
        ));
        assert!(!dir.path().join("evil").exists());
    }

    #[test]
    fn replaces_own_output_completely() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let out = dir.path().join("public");
        let one = vec![OutFile {
            path: "a/index.html".into(),
            data: OutData::Bytes(b"1".to_vec()),
        }];
        write_site(&site, &out, &one).unwrap();
        let two = vec![OutFile {
            path: "b/index.html".into(),
            data: OutData::Bytes(b"2".to_vec()),
        }];
        write_site(&site, &out, &two).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("b/index.html")).unwrap(),
            "2"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("planpub"))
            .collect();
        assert!(leftovers.is_empty(), "temporary folders left behind");
    }
}
