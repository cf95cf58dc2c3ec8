//! Writing the finished site atomically: files go into a fresh folder beside the
//! output as they are rendered, and when every job has succeeded that folder takes the
//! output's place in one atomic exchange. A failed build never touches the previous
//! site, and planpub never clears a folder it did not create.
//!
//! The marker file of every output folder is also its manifest: the SHA-256 and size
//! of each file (and nothing that depends on when it was written, so the same sources
//! give the same folder). A file whose bytes did not change since the last build is
//! hard-linked from the previous output instead of written again — unless it was
//! modified after the manifest was written — so a scheduled rebuild only writes what
//! changed, and unchanged files keep their times (which deployment tools such as rsync
//! rely on).
//!
//! Folders left by an interrupted build (`.<name>.planpub-new-*`) are removed by the
//! next build; a folder whose build is still running is recognised by the lock its
//! build holds and left alone.

use crate::outputs::Output;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::File;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// Present in every folder planpub writes; its absence means "not ours, do not delete".
/// It holds the folder's manifest.
pub const MARKER: &str = ".planpub-output";
const MARKER_HEADER: &str = "This folder was written by planpub and is replaced on every build.";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "the output folder {0} already exists and was not made by planpub (it has no {MARKER} file), so planpub will not replace it; choose another folder with --out, or empty it yourself"
    )]
    NotOurs(PathBuf),
    #[error(
        "the output folder {out} would contain or replace {what}; choose an output folder outside the site's content, for example `public/`"
    )]
    Overlaps { out: PathBuf, what: Guarded },
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

impl OutputError {
    /// The catalogue message for the error, naming the folder and what to do.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        let at = |id, p: String| Key::new(id).arg("path", p);
        match self {
            OutputError::NotOurs(p) => {
                at("output-not-ours", p.display().to_string()).arg("marker", MARKER)
            }
            OutputError::Overlaps { out, what } => {
                at("output-overlaps", out.display().to_string()).sub("what", what.key())
            }
            OutputError::Escapes(p) => at("output-escapes", format!("{p:?}")),
            OutputError::Duplicate(p) => at("output-duplicate", p.clone()),
            OutputError::Io { path, source } => at("output-io", path.display().to_string())
                .sub("reason", crate::messages::io_reason(source)),
        }
    }
}

/// What an output folder must not contain or replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    Disk,
    SiteRoot,
    Content,
    /// One of the site's source folders (templates, static, themes).
    Folder(&'static str),
}

impl Guarded {
    fn key(self) -> crate::messages::Key {
        use crate::messages::Key;
        match self {
            Guarded::Disk => Key::new("output-overlaps-disk"),
            Guarded::SiteRoot => Key::new("output-overlaps-root"),
            Guarded::Content => Key::new("output-overlaps-content"),
            Guarded::Folder(f) => Key::new("output-overlaps-folder").arg("folder", f),
        }
    }
}

impl std::fmt::Display for Guarded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::messages::english(&self.key()).0)
    }
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
            what: Guarded::Disk,
        });
    }
    let root = absolute(root);
    let content = root.join("content");
    if root.starts_with(&out_abs) {
        return Err(OutputError::Overlaps {
            out: out.to_path_buf(),
            what: Guarded::SiteRoot,
        });
    }
    if content.starts_with(&out_abs) || out_abs.starts_with(&content) {
        return Err(OutputError::Overlaps {
            out: out.to_path_buf(),
            what: Guarded::Content,
        });
    }
    for sub in ["templates", "static", "themes"] {
        let s = root.join(sub);
        if out_abs.starts_with(&s) || s.starts_with(&out_abs) {
            return Err(OutputError::Overlaps {
                out: out.to_path_buf(),
                what: Guarded::Folder(sub),
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
    /// Files taken over unchanged from the previous output.
    pub reused: usize,
}

/// One file of an output folder, as its manifest records it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    sha256: [u8; 32],
    size: u64,
}

fn mtime(m: &std::fs::Metadata) -> Option<SystemTime> {
    m.modified().ok()
}

fn hex(b: &[u8; 32]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if s.len() != 64 {
        return None;
    }
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(s.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Reads the manifest of an earlier output, and when it was written; an unreadable one
/// is simply not used.
fn read_manifest(dir: &Path) -> (HashMap<String, Entry>, Option<SystemTime>) {
    let path = dir.join(MARKER);
    let (Ok(text), Ok(meta)) = (std::fs::read_to_string(&path), std::fs::metadata(&path)) else {
        return (HashMap::new(), None);
    };
    let entries = text
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.splitn(3, ' ');
            let sha256 = unhex(f.next()?)?;
            let size = f.next()?.parse().ok()?;
            Some((f.next()?.to_string(), Entry { sha256, size }))
        })
        .collect();
    (entries, mtime(&meta))
}

fn manifest_text(entries: &mut [(String, Entry)]) -> String {
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let mut s = String::with_capacity(entries.len() * 100);
    s.push_str(MARKER_HEADER);
    s.push('\n');
    for (p, e) in entries.iter() {
        s.push_str(&format!("{} {} {p}\n", hex(&e.sha256), e.size));
    }
    s
}

/// A failure injected by the tests at a named step, to prove that an interrupted
/// build never loses the previous site. Only debug builds look at the variable.
fn failpoint(step: &str) {
    if cfg!(debug_assertions) && std::env::var("PLANPUB_TEST_ABORT_AT").is_ok_and(|s| s == step) {
        eprintln!("aborting at {step} (PLANPUB_TEST_ABORT_AT)");
        std::process::abort();
    }
}

/// The prefix of the work folders of builds into `out`.
fn work_prefix(out: &Path) -> String {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    format!(".{name}.planpub-new-")
}

fn lock_path(work: &Path) -> PathBuf {
    let mut p = work.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

/// Removes the work folders of earlier builds into `out` that were interrupted: those
/// whose lock no running build holds. Returns how many were removed.
pub fn sweep_stale(out: &Path) -> usize {
    let out = absolute(out);
    let (Some(parent), prefix) = (out.parent(), work_prefix(&out)) else {
        return 0;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with(&prefix) || name.ends_with(".lock") {
            continue;
        }
        let work = e.path();
        let lock = lock_path(&work);
        let Ok(f) = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock)
        else {
            continue;
        };
        if f.try_lock().is_ok() {
            remove_tree(&work);
            let _ = std::fs::remove_file(&lock);
            removed += 1;
        }
    }
    removed
}

/// A new output being written. Dropping it without [`Staged::commit`] removes it and
/// leaves the previous output as it was.
pub struct Staged {
    out: PathBuf,
    work: PathBuf,
    lock: Option<File>,
    previous: HashMap<String, Entry>,
    /// When the previous manifest was written: a file modified later is not reused.
    previous_at: Option<SystemTime>,
    written: Mutex<Vec<(String, Entry)>>,
    /// Folders of the work folder made so far: a page's folder is made before its
    /// file is written, instead of after a failed first try (10,000 pages made 10,000
    /// failed opens).
    made: Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staged {
    /// Starts a new output for `out` (checked with [`check_location`]).
    pub fn begin(root: &Path, out: &Path) -> Result<Staged, OutputError> {
        check_location(root, out)?;
        sweep_stale(out);
        let out_abs = absolute(out);
        let parent = out_abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        let work = tempfile::Builder::new()
            .prefix(&work_prefix(&out_abs))
            .tempdir_in(&parent)
            .map_err(io(&parent))?
            .keep();
        // The lock tells a concurrent build's sweep that this folder is in use.
        let lock_file = lock_path(&work);
        let lock = File::create(&lock_file).map_err(io(&lock_file))?;
        lock.lock().map_err(io(&lock_file))?;
        let (previous, previous_at) = read_manifest(&out_abs);
        Ok(Staged {
            out: out_abs,
            work,
            lock: Some(lock),
            previous,
            previous_at,
            written: Mutex::new(Vec::new()),
            made: Mutex::new(std::collections::HashSet::new()),
        })
    }

    /// Writes one file; may be called from many threads at once.
    pub fn put(&self, rel: &str, output: &Output) -> Result<u64, OutputError> {
        let dest = safe_join(&self.work, rel)?;
        let (sha256, size) = match output {
            Output::Bytes(b) => (Sha256::digest(b).into(), b.len() as u64),
            Output::Static(b) => (Sha256::digest(b).into(), b.len() as u64),
            Output::Copy(src) => hash_file(src)?,
        };
        self.make_parent(&dest)?;
        let reused = self.reuse(rel, &dest, &sha256, size);
        if !reused {
            match output {
                Output::Bytes(b) => write_new(&dest, b)?,
                Output::Static(b) => write_new(&dest, b)?,
                Output::Copy(src) => {
                    with_parent(&dest, |d| std::fs::copy(src, d).map(|_| ()))?;
                }
            }
        }
        lock(&self.written).push((rel.to_string(), Entry { sha256, size }));
        Ok(size)
    }

    fn make_parent(&self, dest: &Path) -> Result<(), OutputError> {
        let Some(dir) = dest.parent() else {
            return Ok(());
        };
        if lock(&self.made).contains(dir) {
            return Ok(());
        }
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        lock(&self.made).insert(dir.to_path_buf());
        Ok(())
    }

    /// Hard-links the previous output's file when it has the same bytes and nobody
    /// touched it since it was written.
    fn reuse(&self, rel: &str, dest: &Path, sha256: &[u8; 32], size: u64) -> bool {
        let Some(old) = self.previous.get(rel) else {
            return false;
        };
        if old.sha256 != *sha256 || old.size != size {
            return false;
        }
        let src = self.out.join(rel);
        match (std::fs::symlink_metadata(&src), self.previous_at) {
            (Ok(m), Some(at))
                if m.is_file() && m.len() == size && mtime(&m).is_some_and(|t| t <= at) => {}
            _ => return false,
        }
        with_parent(dest, |d| std::fs::hard_link(&src, d)).is_ok()
    }

    /// Puts the new output in place of the old one in one step, then removes the old.
    pub fn commit(mut self) -> Result<WriteStats, OutputError> {
        let mut entries = std::mem::take(&mut *lock(&self.written));
        let bytes = entries.iter().map(|(_, e)| e.size).sum();
        let reused = entries
            .iter()
            .filter(|(p, e)| self.previous.get(p).is_some_and(|o| o.sha256 == e.sha256))
            .count();
        let files = entries.len();
        let marker = self.work.join(MARKER);
        std::fs::write(&marker, manifest_text(&mut entries)).map_err(io(&marker))?;
        failpoint("before-swap");
        exchange(&self.work, &self.out)?;
        failpoint("after-swap");
        // The work path now holds the previous output (or nothing).
        remove_tree(&self.work);
        self.release();
        Ok(WriteStats {
            files,
            bytes,
            reused,
        })
    }

    fn release(&mut self) {
        if self.lock.take().is_some() {
            let _ = std::fs::remove_file(lock_path(&self.work));
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.lock.is_some() {
            remove_tree(&self.work);
            self.release();
        }
    }
}

/// Removes a folder and everything in it, on every thread: the previous output of a
/// large site is tens of thousands of files, and removing them one by one took as
/// long as writing them. Removing what is already gone is not an error.
fn remove_tree(dir: &Path) {
    use rayon::iter::{ParallelBridge, ParallelIterator};
    if let Ok(entries) = std::fs::read_dir(dir) {
        entries
            .flatten()
            .par_bridge()
            .for_each(|e| match e.file_type() {
                Ok(t) if t.is_dir() => remove_tree(&e.path()),
                _ => {
                    let _ = std::fs::remove_file(e.path());
                }
            });
    }
    let _ = std::fs::remove_dir(dir);
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `f` on `dest`, creating its folder first when it does not exist yet (tried
/// after the first failure, so a folder costs no extra call once it exists).
fn with_parent(dest: &Path, f: impl Fn(&Path) -> std::io::Result<()>) -> Result<(), OutputError> {
    match f(dest) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            f(dest).map_err(io(dest))
        }
        r => r.map_err(io(dest)),
    }
}

fn write_new(dest: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    failpoint("writing");
    with_parent(dest, |d| std::fs::write(d, bytes))
}

fn hash_file(p: &Path) -> Result<([u8; 32], u64), OutputError> {
    let mut f = File::open(p).map_err(io(p))?;
    let mut h = Sha256::new();
    let n = std::io::copy(&mut f, &mut h).map_err(io(p))?;
    Ok((h.finalize().into(), n))
}

/// Swaps `new` into `out` atomically: on Linux with `renameat2(RENAME_EXCHANGE)`, so
/// there is no moment without an output folder; afterwards `new` holds the old output.
/// Where the exchange is not available (another system, or a file system without it),
/// the old output is moved aside first and `new` renamed into place — two steps; a
/// kill between them leaves the old output beside, where the next build removes it.
fn exchange(new: &Path, out: &Path) -> Result<(), OutputError> {
    if !out.exists() {
        return std::fs::rename(new, out).map_err(io(out));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => {
                return Err(OutputError::Io {
                    path: out.to_path_buf(),
                    source: e.into(),
                });
            }
        }
    }
    let aside = new.with_extension("old");
    std::fs::rename(out, &aside).map_err(io(out))?;
    if let Err(e) = std::fs::rename(new, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(OutputError::Io {
            path: out.to_path_buf(),
            source: e,
        });
    }
    std::fs::rename(&aside, new).map_err(io(new))
}

/// Writes `files` as the complete new content of `out`.
pub fn write_site(
    root: &Path,
    out: &Path,
    files: &[(String, Output)],
) -> Result<WriteStats, OutputError> {
    let staged = Staged::begin(root, out)?;
    for (path, o) in files {
        staged.put(path, o)?;
    }
    staged.commit()
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
        let files = vec![("index.html".to_string(), Output::Bytes(b"hi".to_vec()))];
        assert!(matches!(
            write_site(&site, &out, &files),
            Err(OutputError::NotOurs(_))
        ));
        assert_eq!(
            std::fs::read_to_string(out.join("precious.txt")).unwrap(),
            "x"
        );
        let out2 = dir.path().join("out2");
        let bad = vec![("../evil".to_string(), Output::Bytes(vec![]))];
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
        let one = vec![("a/index.html".to_string(), Output::Bytes(b"1".to_vec()))];
        write_site(&site, &out, &one).unwrap();
        let two = vec![("b/index.html".to_string(), Output::Bytes(b"2".to_vec()))];
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
