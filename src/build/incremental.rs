//! Rebuilding after a change, reusing what did not change: the preview server's engine.
//!
//! The session keeps the parsed documents (by file, with size and modification time),
//! the compiled theme and a hash of every file it last wrote. After a change it parses
//! only the changed files, renders only the pages the change can affect (the changed
//! documents, the documents that link to them, and the listings, feeds and indexes),
//! and writes only the files whose bytes differ. A change to `site.yaml`, to a shared
//! template or to the set of documents renders everything.

use crate::build::{self, BuildOptions, Loaded};
use crate::model::config::SiteConfig;
use crate::model::content::Document;
use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::site::DocId;
use crate::model::slug::Slug;
use crate::outputs::theme::Theme;
use crate::outputs::{OutData, OutFile, Scope};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// Page templates: a change to one of these affects only the pages made with it.
const PAGE_TEMPLATES: &[&str] = &[
    "home.html",
    "plan.html",
    "plans.html",
    "hearing.html",
    "hearings.html",
    "decision.html",
    "decisions.html",
    "meeting.html",
    "page.html",
    "calendar.html",
    "404.html",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(p: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(p).ok()?;
    Some(Stamp {
        len: m.len(),
        modified: m.modified().ok(),
    })
}

struct Parsed {
    stamp: Option<Stamp>,
    doc: Option<Document>,
    diags: Vec<Diagnostic>,
}

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct RebuildReport {
    pub parsed: usize,
    pub rendered_pages: usize,
    pub written: usize,
    pub removed: usize,
    pub full: bool,
    pub warnings: Diagnostics,
}

pub struct Session {
    opts: BuildOptions,
    out: PathBuf,
    config: Option<SiteConfig>,
    theme: Option<Arc<Theme>>,
    parsed: BTreeMap<PathBuf, Parsed>,
    written: BTreeMap<String, [u8; 32]>,
    /// (slug, kind) of each document id in the last good site, to map ids across builds.
    last_ids: Vec<(Slug, crate::model::content::ContentType)>,
    /// Source files of the documents in the last good site, by id.
    last_files: Vec<PathBuf>,
}

/// Which kind of input a path is.
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
            parsed: BTreeMap::new(),
            written: BTreeMap::new(),
            last_ids: Vec::new(),
            last_files: Vec::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.opts.root
    }

    /// Classifies a changed path relative to the site root.
    pub fn classify(&self, path: &Path) -> Input {
        let rel = path.strip_prefix(&self.opts.root).unwrap_or(path);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let theme_dir = self.config.as_ref().and_then(|c| c.theme.clone());
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

    /// Rebuilds after `changed` (empty = first build: everything).
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<RebuildReport, Diagnostics> {
        let first = self.config.is_none() || self.theme.is_none() || changed.is_empty();
        let kinds: BTreeSet<_> = changed
            .iter()
            .map(|p| self.classify(p))
            .map(|k| k as u8)
            .collect();
        let has = |k: Input| kinds.contains(&(k as u8));
        let mut full = first || has(Input::Config) || has(Input::Static);
        let mut diags = Diagnostics::new();

        if first || has(Input::Config) {
            self.config = None;
            self.theme = None;
            // Date conventions may have changed: every file is read again.
            self.parsed.clear();
        }
        if self.config.is_none() {
            match build::load_config(&self.opts) {
                Ok(c) => self.config = Some(c),
                Err(ds) => {
                    diags.extend(ds);
                    return Err(diags.sorted());
                }
            }
        }
        let config = self.config.clone().expect("loaded above");
        let changed_templates: BTreeSet<String> = changed
            .iter()
            .filter(|p| self.classify(p) == Input::Template)
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        if has(Input::Template) || has(Input::Static) {
            self.theme = None;
            if changed_templates
                .iter()
                .any(|t| !PAGE_TEMPLATES.contains(&t.as_str()))
            {
                full = true;
            }
        }
        if self.theme.is_none() {
            match Theme::load(&self.opts.root, &config) {
                Ok(t) => self.theme = Some(Arc::new(t)),
                Err(ds) => {
                    diags.extend(ds);
                    return Err(diags.sorted());
                }
            }
        }

        // Parse what is new or changed; forget what is gone. A changed attachment
        // means its page must be read again (its size is shown).
        let files = build::content_files(&self.opts).map_err(|d| {
            let mut ds = Diagnostics::new();
            ds.push(d);
            ds
        })?;
        let changed_dirs: BTreeSet<PathBuf> = changed
            .iter()
            .filter(|p| p.extension().is_none_or(|e| e != "md"))
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        let present: BTreeSet<&PathBuf> = files.iter().collect();
        let before = self.parsed.len();
        self.parsed.retain(|p, _| present.contains(p));
        let mut structure_changed = self.parsed.len() != before;
        let stale: Vec<PathBuf> = files
            .iter()
            .filter(|p| match self.parsed.get(*p) {
                None => true,
                Some(old) => {
                    old.stamp != stamp(p)
                        || changed.contains(p)
                        || p.parent().is_some_and(|d| changed_dirs.contains(d))
                }
            })
            .cloned()
            .collect();
        let results = build::parse_files(&self.opts, &config.dates, config.tz(), &stale);
        let mut changed_files: BTreeSet<PathBuf> = BTreeSet::new();
        for (p, (doc, ds)) in stale.iter().zip(results) {
            let old_slug = self
                .parsed
                .get(p)
                .and_then(|o| o.doc.as_ref().map(|d| (d.slug.clone(), d.kind())));
            let new_slug = doc.as_ref().map(|d| (d.slug.clone(), d.kind()));
            if old_slug != new_slug {
                structure_changed = true;
            }
            changed_files.insert(p.clone());
            self.parsed.insert(
                p.clone(),
                Parsed {
                    stamp: stamp(p),
                    doc,
                    diags: ds,
                },
            );
        }

        let mut docs = Vec::with_capacity(self.parsed.len());
        for parsed in self.parsed.values() {
            diags.extend(parsed.diags.iter().cloned());
            docs.extend(parsed.doc.iter().cloned());
        }
        let loaded = build::finish(&self.opts, Some(config), self.theme.clone(), docs, diags)?;

        // Ids are positions in the sorted list; they stay valid unless documents were
        // added, removed or renamed.
        let ids: Vec<(Slug, crate::model::content::ContentType)> = loaded
            .site
            .docs
            .iter()
            .map(|d| (d.slug.clone(), d.kind()))
            .collect();
        if ids != self.last_ids {
            structure_changed = true;
        }
        full |= structure_changed;
        let scope = if full {
            Scope::all()
        } else if !changed_templates.is_empty() && changed_files.is_empty() {
            Scope {
                docs: None,
                templates: Some(changed_templates.clone()),
            }
        } else {
            Scope {
                docs: Some(affected(&loaded, &changed_files, &self.opts.root)),
                templates: None,
            }
        };
        let files = build::render_scoped(&loaded, self.opts.style, &scope)?;
        let rendered_pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
        let (written, removed) = self.write(&files, full).map_err(|e| {
            let mut ds = Diagnostics::new();
            ds.push(Diagnostic::error(
                self.out.display().to_string(),
                e.to_string(),
            ));
            ds
        })?;
        self.last_ids = ids;
        self.last_files = loaded
            .site
            .docs
            .iter()
            .map(|d| self.opts.root.join(&d.file))
            .collect();
        Ok(RebuildReport {
            parsed: stale.len(),
            rendered_pages,
            written,
            removed,
            full,
            warnings: loaded.warnings.clone(),
        })
    }

    /// Writes the files whose bytes changed, each atomically; on a full render also
    /// removes files that are no longer produced.
    fn write(&mut self, files: &[OutFile], full: bool) -> std::io::Result<(usize, usize)> {
        std::fs::create_dir_all(&self.out)?;
        let marker = self.out.join(crate::build::writer::MARKER);
        if !marker.exists() {
            std::fs::write(&marker, b"written by planpub serve\n")?;
        }
        let mut written = 0;
        for f in files {
            // A copied file is identified by its source, size and time, so unchanged
            // attachments are not read again on every save.
            let hash: [u8; 32] = match &f.data {
                OutData::Bytes(b) => Sha256::digest(b).into(),
                OutData::Static(b) => Sha256::digest(b).into(),
                OutData::Copy(p) => {
                    let st = stamp(p);
                    Sha256::digest(
                        format!(
                            "copy {} {:?} {:?}",
                            p.display(),
                            st.map(|s| s.len),
                            st.and_then(|s| s.modified)
                        )
                        .as_bytes(),
                    )
                    .into()
                }
            };
            if self.written.get(&f.path) == Some(&hash) {
                continue;
            }
            let bytes: std::borrow::Cow<[u8]> = match &f.data {
                OutData::Bytes(b) => b.as_slice().into(),
                OutData::Static(b) => (*b).into(),
                OutData::Copy(p) => std::fs::read(p)?.into(),
            };
            let dest = self.out.join(&f.path);
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut tmp = tempfile::NamedTempFile::new_in(dest.parent().unwrap_or(&self.out))?;
            std::io::Write::write_all(&mut tmp, &bytes)?;
            tmp.persist(&dest).map_err(|e| e.error)?;
            self.written.insert(f.path.clone(), hash);
            written += 1;
        }
        let mut removed = 0;
        if full {
            let keep: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
            let gone: Vec<String> = self
                .written
                .keys()
                .filter(|p| !keep.contains(p.as_str()))
                .cloned()
                .collect();
            for p in gone {
                let _ = std::fs::remove_file(self.out.join(&p));
                self.written.remove(&p);
                removed += 1;
            }
        }
        Ok((written, removed))
    }
}

/// The documents whose pages a change to `changed` can alter: the changed documents and
/// every document related to them (their links show titles and states).
fn affected(loaded: &Loaded, changed: &BTreeSet<PathBuf>, root: &Path) -> BTreeSet<DocId> {
    let site = &loaded.site;
    let mut set: BTreeSet<DocId> = site
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| changed.contains(&root.join(&d.file)))
        .map(|(i, _)| i)
        .collect();
    let rel = &site.rel;
    let seeds: Vec<DocId> = set.iter().copied().collect();
    for id in seeds {
        let mut add = |x: DocId| {
            set.insert(x);
        };
        rel.parent.get(&id).copied().into_iter().for_each(&mut add);
        rel.children
            .get(&id)
            .into_iter()
            .flatten()
            .copied()
            .for_each(&mut add);
        for m in [
            &rel.plan_hearings,
            &rel.plan_decisions,
            &rel.hearing_decisions,
            &rel.decision_plans,
            &rel.decision_hearings,
        ] {
            m.get(&id).into_iter().flatten().copied().for_each(&mut add);
        }
        rel.hearing_plan
            .get(&id)
            .copied()
            .into_iter()
            .for_each(&mut add);
        // Reverse edges: anything that points at the changed document.
        for (&(p, _), &h) in rel.row_hearing.iter().chain(rel.row_decision.iter()) {
            if h == id {
                add(p);
            }
        }
        for (&from, tos) in rel
            .plan_hearings
            .iter()
            .chain(rel.plan_decisions.iter())
            .chain(rel.decision_plans.iter())
            .chain(rel.decision_hearings.iter())
            .chain(rel.hearing_decisions.iter())
        {
            if tos.contains(&id) {
                add(from);
            }
        }
        for (&from, &to) in rel.hearing_plan.iter().chain(rel.parent.iter()) {
            if to == id {
                add(from);
            }
        }
    }
    set
}
