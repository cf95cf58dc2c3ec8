//! Rebuilding after a change, reusing what did not change: the preview server's engine.
//!
//! Nothing here trusts the watcher's list of changed paths: every rebuild looks at all
//! inputs again (cheaply, by size and modification time), parses what changed, runs
//! every check a build runs (the decision ledger included), lists every job, and
//! renders a job again only when it is new, was listed with other arguments, or one
//! of the things it read last time (see [`Dep`]) is different now. Files that are no
//! longer produced are removed. The result is the same as a fresh build, which a
//! property test checks after random sequences of edits.

use crate::build::{self, BuildOptions, Loaded};
use crate::model::config::SiteConfig;
use crate::model::content::Document;
use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::digest::{FastMap, FastSet, digest};
use crate::model::site::{DocId, Site};
use crate::model::slug::Slug;
use crate::outputs::reader::{Dep, Rel};
use crate::outputs::theme::Theme;
use crate::outputs::{self, Job, Output};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// What a file looked like: enough to notice that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

pub fn stamp(p: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(p).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

struct Parsed {
    stamp: Option<Stamp>,
    /// The attachment files the document names, as they were when it was read.
    inputs: Vec<(PathBuf, Option<Stamp>)>,
    /// Shared with the site of every rebuild until the file changes.
    doc: Option<Arc<Document>>,
    diags: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether what was read is still what is on disk. `since` is when the file was
    /// last read: a file modified within the clock's resolution of that moment may
    /// have changed again without its size or time showing it (git calls such files
    /// "racily clean"), so it is read again.
    fn still_valid(&self, now: Option<Stamp>, since: SystemTime) -> bool {
        // A file with problems is read again every time: what it refers to (an
        // attachment, say) may have appeared since.
        self.stamp == now
            && !racy(&now, since)
            && self.doc.is_some()
            && !self.diags.iter().any(Diagnostic::is_error)
            && self
                .inputs
                .iter()
                .all(|(p, s)| stamp(p) == *s && !racy(s, since))
    }
}

/// Modification times closer than this to the moment a file was read do not prove
/// that it was not changed again after.
const RACY_WINDOW: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether a stamp taken at `since` proves nothing about later changes: its time is
/// unknown, or within [`RACY_WINDOW`] of `since`.
fn racy(s: &Option<Stamp>, since: SystemTime) -> bool {
    s.and_then(|s| s.modified)
        .is_none_or(|m| m + RACY_WINDOW >= since)
}

/// The folders of the last listing of content files, each with its stamp, and when
/// the listing began.
struct Folders {
    stamps: Vec<(PathBuf, Option<Stamp>)>,
    at: SystemTime,
}

impl Folders {
    /// `None` when the listing cannot be trusted to stay right (it met a symbolic link).
    fn new(walk: &crate::model::content::discover::Walk, at: SystemTime) -> Option<Folders> {
        (!walk.links).then(|| Folders {
            stamps: walk.folders.iter().map(|p| (p.clone(), stamp(p))).collect(),
            at,
        })
    }

    /// Whether no folder changed since the listing: the same stamps, none of them
    /// within the clock's resolution of the listing (it could have changed again
    /// unseen, as with files; see [`Parsed::still_valid`]).
    fn unchanged(&self) -> bool {
        self.stamps
            .par_iter()
            .all(|(p, s)| !racy(s, self.at) && stamp(p) == *s)
    }
}

/// A dependency stated by slug, so it still means the same document after ids move.
#[derive(Debug, Clone)]
enum Stored {
    Doc(DocKey),
    Text(DocKey),
    Rel(DocKey, Rel),
    Address(DocKey),
    Moment,
    Config,
    Theme,
    Site,
    Hidden,
}

/// A document named by its slug, with the number it had when it was recorded: while
/// documents keep their places it is found by that number and one comparison, not by
/// hashing its slug (tens of thousands of lookups per save); else by its slug.
#[derive(Debug, Clone)]
struct DocKey {
    slug: Slug,
    at: DocId,
}

/// What the last rendering of one output file depended on, and what it produced.
struct Record {
    key: u64,
    deps: Vec<(Stored, u64)>,
    out: [u8; 32],
}

/// The last rendering of every output file, sorted by path as the job list is, so
/// that the two are matched by one walk rather than by hashing tens of thousands of
/// paths on every save.
#[derive(Default)]
struct Records(Vec<(String, Record)>);

impl Records {
    /// Where the last record of each job is (`jobs` sorted by path, each path once),
    /// found by one walk of the two sorted lists.
    fn of(&self, jobs: &[Job]) -> Vec<Option<usize>> {
        let mut rest = self.0.iter().enumerate().peekable();
        jobs.iter()
            .map(|j| {
                while rest
                    .next_if(|(_, (p, _))| p.as_str() < j.path.as_str())
                    .is_some()
                {}
                rest.next_if(|(_, (p, _))| *p == j.path).map(|(i, _)| i)
            })
            .collect()
    }

    fn at(&self, i: Option<usize>) -> Option<&Record> {
        i.map(|i| &self.0[i].1)
    }

    fn get(&self, path: &str) -> Option<&Record> {
        let i = self
            .0
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        Some(&self.0[i].1)
    }

    /// The records of `jobs` after this rebuild: `fresh` (sorted by path) where a job
    /// was rendered, else the last (at `last`, as [`Records::of`] found them). Returns
    /// the paths of records no job has any more.
    fn replace(
        &mut self,
        jobs: &[Job],
        last: &[Option<usize>],
        fresh: Vec<(String, Record)>,
    ) -> Vec<String> {
        let mut old: Vec<Option<(String, Record)>> =
            std::mem::take(&mut self.0).into_iter().map(Some).collect();
        let mut fresh = fresh.into_iter().peekable();
        for (j, at) in jobs.iter().zip(last) {
            let kept = at.and_then(|i| old[i].take());
            if let Some(f) = fresh.next_if(|(p, _)| *p == j.path) {
                self.0.push(f);
            } else if let Some(k) = kept {
                self.0.push(k);
            }
        }
        old.into_iter().flatten().map(|(p, _)| p).collect()
    }
}

/// A file rendered by this rebuild, not yet written.
struct Fresh {
    path: String,
    record: Record,
    output: Output,
}

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct RebuildReport {
    pub parsed: usize,
    pub rendered: usize,
    pub rendered_pages: usize,
    pub written: usize,
    pub removed: usize,
    pub warnings: Diagnostics,
    /// The first moment after the build moment at which some page changes (the first
    /// of `planpub schedule`), so a preview can rebuild by itself then.
    pub next_change: Option<crate::model::schedule::Change>,
    /// The build moment, in the site's time zone.
    pub moment: chrono::DateTime<chrono_tz::Tz>,
}

pub struct Session {
    opts: BuildOptions,
    out: PathBuf,
    config: Option<(u64, SiteConfig)>,
    theme: Option<(u64, Arc<Theme>)>,
    /// Every content file as read last, found by path (hashed: a tree map compares
    /// paths component by component, thousands of times per save)...
    parsed: FastMap<PathBuf, Parsed>,
    /// ...and the files in the order they were found (sorted by name).
    files: Vec<PathBuf>,
    /// When the content files were last looked at.
    scanned: SystemTime,
    /// The folders the content files were found in, as they were then.
    folders: Option<Folders>,
    records: Records,
    /// Each document's events, kept for the next rebuild.
    events: crate::model::events::EventCache,
}

/// Which kind of input a path is (for the watcher: which folders to watch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Config,
    Template,
    Static,
    Content,
    Other,
}

impl Session {
    /// A session writing the site into `out` (a folder planpub owns).
    pub fn new(opts: BuildOptions, out: PathBuf) -> Session {
        Session {
            opts,
            out,
            config: None,
            theme: None,
            parsed: FastMap::default(),
            files: Vec::new(),
            scanned: SystemTime::UNIX_EPOCH,
            folders: None,
            records: Records::default(),
            events: Default::default(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// The build moment of the next rebuild.
    pub fn set_now(&mut self, now: crate::model::clock::Moment) {
        self.opts.now = now;
    }

    pub fn options(&self) -> &BuildOptions {
        &self.opts
    }

    /// Classifies a changed path relative to the site root.
    pub fn classify(&self, path: &Path) -> Input {
        let rel = path.strip_prefix(&self.opts.root).unwrap_or(path);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let theme_dir = self.config.as_ref().and_then(|(_, c)| c.theme.clone());
        if rel == Path::new(crate::model::config::FILE_NAME) {
            Input::Config
        } else if first == "content" {
            Input::Content
        } else if first == "templates"
            || first == "i18n"
            || theme_dir.as_ref().is_some_and(|t| rel.starts_with(t))
        {
            if rel.components().any(|c| c.as_os_str() == "static") {
                Input::Static
            } else {
                Input::Template
            }
        } else if first == "static" {
            Input::Static
        } else {
            Input::Other
        }
    }

    /// Reads `site.yaml` again when its text changed.
    fn refresh_config(&mut self) -> Result<bool, Diagnostics> {
        let path = self.opts.root.join(crate::model::config::FILE_NAME);
        let text = std::fs::read(&path).unwrap_or_default();
        let fp = digest((&text, &self.opts.base_url));
        if self.config.as_ref().is_some_and(|(f, _)| *f == fp) {
            return Ok(false);
        }
        self.config = None;
        let c = build::load_config(&self.opts).map_err(|ds| {
            let mut d = Diagnostics::new();
            d.extend(ds);
            d.sorted()
        })?;
        self.config = Some((fp, c));
        Ok(true)
    }

    /// Loads the theme again when a template, translation or asset changed.
    fn refresh_theme(&mut self, config_changed: bool) -> Result<(), Diagnostics> {
        let (cfp, config) = self.config.as_ref().expect("config is loaded first");
        let fp = digest((
            cfp,
            crate::outputs::theme::input_stamps(&self.opts.root, config),
        ));
        if !config_changed && self.theme.as_ref().is_some_and(|(f, _)| *f == fp) {
            return Ok(());
        }
        self.theme = None;
        let t = Theme::load(&self.opts.root, config).map_err(|ds| {
            let mut d = Diagnostics::new();
            d.extend(ds);
            d.sorted()
        })?;
        self.theme = Some((fp, Arc::new(t)));
        Ok(())
    }

    /// Parses the content files that are new or changed (or whose attachments
    /// changed); forgets those that are gone. Returns how many were read.
    fn refresh_content(&mut self, config_changed: bool) -> Result<usize, Diagnostics> {
        if config_changed {
            // Date conventions may have changed: every file is read again.
            self.parsed.clear();
        }
        let tt = crate::build::timings::phase("rebuild: list files");
        let files = match self.folders.as_ref().filter(|f| f.unchanged()) {
            // Nothing was added, removed or renamed: the same files, in the same order.
            Some(_) => std::mem::take(&mut self.files),
            None => {
                self.folders = None;
                let at = SystemTime::now();
                let walk = build::content_walk(&self.opts).map_err(|d| {
                    let mut ds = Diagnostics::new();
                    ds.push(d);
                    ds
                })?;
                self.folders = Folders::new(&walk, at);
                walk.files
            }
        };
        drop(tt);
        let tt = crate::build::timings::phase("rebuild: look for changes");
        let present: FastSet<&PathBuf> = files.iter().collect();
        self.parsed.retain(|p, _| present.contains(p));
        let since = self.scanned;
        self.scanned = SystemTime::now();
        let stale: Vec<PathBuf> = files
            .par_iter()
            .filter(|p| {
                self.parsed
                    .get(*p)
                    .is_none_or(|old| !old.still_valid(stamp(p), since))
            })
            .cloned()
            .collect();
        drop(tt);
        let (_, config) = self.config.as_ref().expect("config is loaded first");
        let results = build::parse_files(&self.opts, &config.dates, config.tz(), &stale);
        for (p, (doc, diags)) in stale.iter().zip(results) {
            let inputs = doc
                .as_ref()
                .map(|d| {
                    d.all_files(true)
                        .into_iter()
                        .map(|a| (a.source.clone(), stamp(&a.source)))
                        .collect()
                })
                .unwrap_or_default();
            self.parsed.insert(
                p.clone(),
                Parsed {
                    stamp: stamp(p),
                    inputs,
                    doc,
                    diags,
                },
            );
        }
        self.files = files;
        Ok(stale.len())
    }

    /// What was read of each content file, in the order the files were found.
    fn sources(&self) -> impl Iterator<Item = &Parsed> {
        self.files.iter().filter_map(|f| self.parsed.get(f))
    }

    /// Rebuilds. `changed` only says that something happened; every input is looked
    /// at again.
    pub fn rebuild(&mut self, _changed: &[PathBuf]) -> Result<RebuildReport, Diagnostics> {
        use crate::build::timings::phase;
        let t = phase("rebuild: read changes");
        let config_changed = self.refresh_config()?;
        self.refresh_theme(config_changed)?;
        let parsed = self.refresh_content(config_changed)?;
        drop(t);
        let t = phase("rebuild: assemble + checks");
        let t_gather = phase("rebuild: gather documents");
        let mut diags = Diagnostics::new();
        let mut docs = Vec::with_capacity(self.parsed.len());
        for p in self.sources() {
            diags.extend(p.diags.iter().cloned());
            // Shared, not copied: resolving copies only a document it changes.
            docs.extend(p.doc.clone());
        }
        drop(t_gather);
        let (_, config) = self.config.clone().expect("loaded");
        let (theme_fp, theme) = self.theme.clone().expect("loaded");
        let mut loaded = build::finish(&self.opts, Some(config), Some(theme), docs, diags)?;
        let t_ledger = phase("rebuild: ledger");
        // Every check a build runs, the ledger included; the preview records nothing.
        build::ledger_check(&self.opts, &loaded)?;
        drop(t_ledger);
        drop(t);

        let t = phase("rebuild: list jobs");
        let style = self.opts.style;
        let t_shared = phase("rebuild: shared");
        let mut shared = outputs::shared(&loaded.site, &loaded.theme, style, Some(&self.events));
        self.events.remember(&loaded.site, &shared.events);
        drop(t_shared);
        let plan = build::plan(&loaded, &shared, style)?;
        let t_fps = phase("rebuild: fingerprints");
        let fps = Fingerprints::new(
            &loaded,
            &shared,
            theme_fp,
            self.config.as_ref().map(|c| c.0),
        );
        drop(t_fps);
        let t_due = phase("rebuild: due");
        let site = &loaded.site;
        // In parallel: a job's key and its dependencies' fingerprints are hashed for
        // each of the site's tens of thousands of files on every save.
        let last = self.records.of(&plan.jobs);
        let due: Vec<&Job> = plan
            .jobs
            .par_iter()
            .zip(&last)
            .filter(|(j, at)| match self.records.at(**at) {
                None => true,
                Some(r) => r.key != j.key(site) || r.deps.iter().any(|(d, f)| fps.of(d) != *f),
            })
            .map(|(j, _)| j)
            .collect();
        drop(t_due);
        drop(t);

        let t = phase("rebuild: render due jobs");
        // Render first, write after: a failed rebuild leaves the last good pages.
        let done: std::sync::Mutex<Vec<Fresh>> = Default::default();
        let problems = outputs::run(&plan.listing, &due, |d| {
            let deps: Vec<(Stored, u64)> = d
                .deps
                .iter()
                .map(|dep| {
                    let s = stored(site, dep);
                    let f = fps.of(&s);
                    (s, f)
                })
                .collect();
            let hash = output_hash(&d.output).map_err(|e| {
                let key = crate::messages::Key::new("publish-file-unreadable")
                    .sub("reason", crate::messages::io_reason(&e));
                Diagnostic::keyed(crate::model::diagnostics::Severity::Error, &d.job.path, key)
            })?;
            let key = d.job.key(site);
            done.lock().unwrap_or_else(|e| e.into_inner()).push(Fresh {
                path: d.job.path.clone(),
                record: Record {
                    key,
                    deps,
                    out: hash,
                },
                output: d.output,
            });
            Ok(())
        });
        if !problems.is_empty() {
            let mut d = Diagnostics::new();
            d.extend(problems);
            return Err(d.sorted());
        }
        drop(t);
        let _t = phase("rebuild: write");
        let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
        done.sort_by(|a, b| a.path.cmp(&b.path));
        let rendered = done.len();
        let rendered_pages = done.iter().filter(|d| d.path.ends_with(".html")).count();
        let io_err = |p: &Path, e: std::io::Error| {
            let mut ds = Diagnostics::new();
            let key = crate::messages::Key::new("output-io")
                .arg("path", p.display().to_string())
                .sub("reason", crate::messages::io_reason(&e));
            ds.push(Diagnostic::keyed(
                crate::model::diagnostics::Severity::Error,
                p.display().to_string(),
                key,
            ));
            ds
        };
        std::fs::create_dir_all(&self.out).map_err(|e| io_err(&self.out, e))?;
        let marker = self.out.join(crate::build::writer::MARKER);
        if !marker.exists() {
            std::fs::write(&marker, b"written by planpub serve\n")
                .map_err(|e| io_err(&marker, e))?;
        }
        let mut written = 0;
        // On a failed write the last records stay: what was not written is due again.
        for f in &done {
            let unchanged = self
                .records
                .get(&f.path)
                .is_some_and(|r| r.out == f.record.out)
                && self.out.join(&f.path).is_file();
            if !unchanged {
                write_file(&self.out, &f.path, &f.output)
                    .map_err(|e| io_err(&self.out.join(&f.path), e))?;
                written += 1;
            }
        }
        let fresh = done.into_iter().map(|f| (f.path, f.record)).collect();
        let gone = self.records.replace(&plan.jobs, &last, fresh);
        for p in &gone {
            remove_file(&self.out, p);
        }
        let removed = gone.len();
        let moment = site.now;
        let jobs = plan.jobs;
        let report = RebuildReport {
            parsed,
            rendered,
            rendered_pages,
            written,
            removed,
            warnings: std::mem::take(&mut loaded.warnings),
            next_change: shared.next_change.take(),
            moment,
        };
        drop_later((jobs, shared, loaded));
        Ok(report)
    }
}

/// Frees a rebuild's data on another thread: taking apart tens of thousands of
/// documents and jobs costs milliseconds the browser need not wait for.
fn drop_later<T: Send + 'static>(v: T) {
    let spawned = std::thread::Builder::new()
        .name("planpub-free".into())
        .spawn(move || drop(v));
    // Without a thread (the system refused one), `v` was dropped here, in the closure.
    drop(spawned);
}

/// What a dependency is worth now; equal values mean equal inputs.
struct Fingerprints<'a> {
    site: &'a Site,
    /// Each document's fingerprints, by number, worked out together, in parallel (a
    /// sitemap or listing asks for thousands of them).
    prints: Vec<DocPrints>,
    /// The documents by slug, made only when a document is not where it was.
    by_slug: std::sync::OnceLock<FastMap<&'a Slug, DocId>>,
    moment: u64,
    config: u64,
    theme: u64,
    shared: u64,
    hidden: u64,
}

impl<'a> Fingerprints<'a> {
    fn new(
        loaded: &'a Loaded,
        shared: &outputs::reader::Shared,
        theme: u64,
        config: Option<u64>,
    ) -> Self {
        let site = &loaded.site;
        let prints = (0..site.docs.len())
            .into_par_iter()
            .map(|id| DocPrints::of(site, id))
            .collect();
        Fingerprints {
            site,
            prints,
            by_slug: Default::default(),
            moment: digest(site.now.to_rfc3339()),
            config: digest((config, &site.config.base_url)),
            theme,
            shared: digest(shared.base.clone().into_json().to_string()),
            hidden: digest(
                site.hidden
                    .iter()
                    .map(|d| crate::model::urls::doc_path(d))
                    .collect::<Vec<_>>(),
            ),
        }
    }

    /// The number the document `k` names has in this build, if it is still there.
    fn find(&self, k: &DocKey) -> Option<DocId> {
        let docs = &self.site.docs;
        if docs.get(k.at).is_some_and(|d| d.slug == k.slug) {
            return Some(k.at);
        }
        let by_slug = self.by_slug.get_or_init(|| {
            docs.iter()
                .enumerate()
                .map(|(id, d)| (&d.slug, id))
                .collect()
        });
        by_slug.get(&k.slug).copied()
    }

    fn of(&self, d: &Stored) -> u64 {
        match d {
            Stored::Doc(k) => self.find(k).map_or(0, |id| self.prints[id].doc),
            Stored::Text(k) => self.find(k).map_or(0, |id| self.prints[id].text),
            Stored::Rel(k, rel) => self.find(k).map_or(0, |id| {
                outputs::reader::relation_fingerprint(self.site, id, *rel)
            }),
            Stored::Address(k) => self.find(k).map_or(0, |id| self.prints[id].address),
            Stored::Moment => self.moment,
            Stored::Config => self.config,
            Stored::Theme => self.theme,
            Stored::Site => self.shared,
            Stored::Hidden => self.hidden,
        }
    }
}

/// The fingerprints of one document, one per way of reading it (see [`Dep`]).
struct DocPrints {
    doc: u64,
    text: u64,
    address: u64,
}

impl DocPrints {
    fn of(site: &Site, id: DocId) -> DocPrints {
        let d = &site.docs[id];
        DocPrints {
            doc: doc_fingerprint(site, id),
            // The whole file's digest covers the body (and more: it is already there).
            text: digest(&d.source_sha256),
            address: outputs::reader::address_fingerprint(site, id),
        }
    }
}

/// A document as read, but for its text: its front matter, its place, the files it
/// publishes (as they are now: an attachment may change without its page changing)
/// and what resolving gave it.
fn doc_fingerprint(site: &Site, id: DocId) -> u64 {
    let d = &site.docs[id];
    let files: Vec<(&Path, u64, Option<Stamp>)> = d
        .all_files(true)
        .into_iter()
        .map(|a| (a.source.as_path(), a.size, stamp(&a.source)))
        .collect();
    digest((
        d.front_digest.get_or_init(|| digest(&*d.front)),
        d.front_first_line,
        &d.file,
        files,
        d.draft,
        crate::model::site::resolution_fingerprint(site, id),
    ))
}

fn stored(site: &Site, d: &Dep) -> Stored {
    let key = |at: DocId| DocKey {
        slug: site.docs[at].slug.clone(),
        at,
    };
    match *d {
        Dep::Doc(id) => Stored::Doc(key(id)),
        Dep::Text(id) => Stored::Text(key(id)),
        Dep::Rel(id, rel) => Stored::Rel(key(id), rel),
        Dep::Address(id) => Stored::Address(key(id)),
        Dep::Moment => Stored::Moment,
        Dep::Config => Stored::Config,
        Dep::Theme => Stored::Theme,
        Dep::Site => Stored::Site,
        Dep::Hidden => Stored::Hidden,
    }
}

fn output_hash(o: &Output) -> std::io::Result<[u8; 32]> {
    Ok(match o {
        Output::Bytes(b) => Sha256::digest(b).into(),
        Output::Static(b) => Sha256::digest(b).into(),
        Output::Copy(p) => {
            let mut f = std::fs::File::open(p)?;
            let mut h = Sha256::new();
            std::io::copy(&mut f, &mut h)?;
            h.finalize().into()
        }
    })
}

/// Writes one file atomically (a reader never sees half of it).
fn write_file(out: &Path, rel: &str, o: &Output) -> std::io::Result<()> {
    let dest = out.join(rel);
    let dir = dest.parent().unwrap_or(out);
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    match o {
        Output::Bytes(b) => std::io::Write::write_all(&mut tmp, b)?,
        Output::Static(b) => std::io::Write::write_all(&mut tmp, b)?,
        Output::Copy(p) => {
            std::io::copy(&mut std::fs::File::open(p)?, &mut tmp)?;
        }
    }
    tmp.persist(&dest).map_err(|e| e.error)?;
    Ok(())
}

/// Removes a file that is no longer produced, and the folders it leaves empty.
fn remove_file(out: &Path, rel: &str) {
    let p = out.join(rel);
    let _ = std::fs::remove_file(&p);
    let mut dir = p.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(path: &str) -> Job {
        fn never(_: &outputs::reader::Reader, _: &Job) -> Result<Output, Diagnostic> {
            unreachable!("records never render")
        }
        Job::new(path, never, outputs::Args::default())
    }

    fn record(key: u64) -> Record {
        Record {
            key,
            deps: Vec::new(),
            out: [0; 32],
        }
    }

    fn keys(r: &Records) -> Vec<(&str, u64)> {
        r.0.iter().map(|(p, r)| (p.as_str(), r.key)).collect()
    }

    #[test]
    fn records_follow_the_jobs_fresh_first_then_the_last() {
        let mut records = Records(
            [("a", 1), ("b", 2), ("d", 4), ("f", 6)]
                .map(|(p, k)| (p.to_string(), record(k)))
                .into(),
        );
        let jobs: Vec<Job> = ["b", "c", "d", "e"].map(job).into();
        let last = records.of(&jobs);
        assert_eq!(last, [Some(1), None, Some(2), None]);
        assert_eq!(records.at(last[2]).map(|r| r.key), Some(4));
        assert_eq!(records.get("f").map(|r| r.key), Some(6));
        assert!(records.get("c").is_none());
        let fresh = vec![("c".to_string(), record(30)), ("d".to_string(), record(40))];
        let gone = records.replace(&jobs, &last, fresh);
        assert_eq!(gone, ["a", "f"]);
        // "e" was neither rendered nor recorded before: it has no record yet.
        assert_eq!(keys(&records), [("b", 2), ("c", 30), ("d", 40)]);
        let again = records.of(&jobs);
        assert_eq!(again, [Some(0), Some(1), Some(2), None]);
    }
}
