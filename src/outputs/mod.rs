//! What the site publishes: every output file is made by one [`Job`].
//!
//! Each page family or output format is one module with a `jobs` function that lists
//! its jobs, registered once in [`FAMILIES`]. A job is an output path, a plain function
//! and the [`Args`] it was listed with. The function reads the site only through a
//! [`Reader`], which records what it reads, so a job's output depends on nothing but
//! its arguments and its recorded reads. That is what lets the preview re-run exactly
//! the jobs an edit affects (see `build::incremental`), and it is checked by a test
//! that compares random edit sequences with fresh builds.
//!
//! Jobs run in parallel and hand each file to a sink as soon as it is made, so a build
//! never holds the whole site in memory.

pub mod api;
pub mod calendar;
pub mod conflicts;
pub mod decisions;
pub mod documents;
pub mod feeds;
pub mod files;
pub mod format;
pub mod hearings;
pub mod home;
pub mod jsonld;
pub mod page;
pub mod paginate;
pub mod plans;
pub mod reader;
pub mod search;
pub mod sitemap;
pub mod subscribe;
pub mod theme;
pub mod views;

use crate::model::diagnostics::Diagnostic;
use crate::model::events::EventCache;
use crate::model::site::{DocId, Site};
use crate::model::urls::LinkStyle;
use rayon::prelude::*;
use reader::{Dep, Reader, Shared};
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use theme::Theme;

/// The content of one output file.
#[derive(Debug, Clone)]
pub enum Output {
    Bytes(Vec<u8>),
    /// A file compiled into planpub (the default theme's assets).
    Static(&'static [u8]),
    /// A file copied as it is (attachments, a site's static files).
    Copy(PathBuf),
}

/// What a job was listed with. Besides its [`Reader`], this is the only data a job's
/// function sees, so it is part of the job's identity. Documents are named in `docs`
/// (and counted by slug, so ids that move do not count as a change); `data` holds the
/// rest (group sizes, labels, page numbers) and refers to documents only by their
/// position in `docs`, never by id.
#[derive(Debug, Clone, Default)]
pub struct Args {
    pub docs: Vec<DocId>,
    pub data: serde_json::Value,
    /// Whether the output shows its documents by number rather than by what they are
    /// (see [`Args::numbered`]).
    numbered: bool,
}

impl Args {
    pub fn none() -> Args {
        Args::default()
    }

    pub fn doc(id: DocId) -> Args {
        Args::docs(vec![id])
    }

    pub fn docs(docs: Vec<DocId>) -> Args {
        Args {
            docs,
            data: serde_json::Value::Null,
            numbered: false,
        }
    }

    /// Documents named by number: for an output that writes their numbers (a search
    /// word file lists the documents that have a word) and whose `data` carries a
    /// digest of all it shows of them. Its identity is then the numbers themselves,
    /// hashed at once: a site's word files name hundreds of thousands of documents,
    /// too many to hash by slug on every preview save.
    pub fn numbered(docs: Vec<DocId>) -> Args {
        Args {
            numbered: true,
            ..Args::docs(docs)
        }
    }

    pub fn with(mut self, data: serde_json::Value) -> Args {
        self.data = data;
        self
    }

    /// `data[key]` as text.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.data.get(key).and_then(|v| v.as_str())
    }

    /// `data[key]` as a number.
    pub fn num(&self, key: &str) -> Option<i64> {
        self.data.get(key).and_then(|v| v.as_i64())
    }

    /// `data[key]` read back into the type it was written from.
    pub fn get<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.data
            .get(key)
            .and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// Consecutive slices of `docs` with the lengths in `data[key]` (a list of counts).
    pub fn groups(&self, key: &str) -> Vec<&[DocId]> {
        let counts: Vec<usize> = self.get(key).unwrap_or_default();
        let mut rest = self.docs.as_slice();
        let mut out = Vec::with_capacity(counts.len());
        for n in counts {
            let (a, b) = rest.split_at(n.min(rest.len()));
            out.push(a);
            rest = b;
        }
        out
    }
}

/// Makes one output file from the job's path and arguments and what it reads.
pub type Render = fn(&Reader, &Job) -> Result<Output, Diagnostic>;

/// One output file to make.
pub struct Job {
    /// Site-relative path with `/` separators, e.g. `planer/x/index.html`.
    pub path: String,
    /// The family that listed it (for timings and messages).
    pub family: &'static str,
    pub render: Render,
    pub args: Args,
}

impl Job {
    pub fn new(path: impl Into<String>, render: Render, args: Args) -> Job {
        Job {
            path: path.into(),
            family: "",
            render,
            args,
        }
    }

    /// The folder of a page job (`planer/x/` for `planer/x/index.html`).
    pub fn folder(&self) -> &str {
        self.path.strip_suffix("index.html").unwrap_or(&self.path)
    }

    /// The job's identity within one running program: its path, its function and its
    /// arguments (documents by slug, so ids that move do not count as a change).
    pub fn key(&self, site: &Site) -> u64 {
        let mut h = crate::model::digest::digester();
        self.path.hash(&mut h);
        (self.render as usize).hash(&mut h);
        if self.args.numbered {
            self.args.docs.hash(&mut h);
        } else {
            for &d in &self.args.docs {
                site.docs[d].slug.as_str().hash(&mut h);
            }
        }
        if !self.args.data.is_null() {
            // Streamed into the hash: the preview asks every job for its key per save.
            let _ = serde_json::to_writer(HashWriter(&mut h), &self.args.data);
        }
        h.finish()
    }
}

/// Feeds what is written to a hasher.
struct HashWriter<'h, H: Hasher>(&'h mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a family sees while listing its jobs. Listing may look at anything: whatever
/// it decides goes into the jobs' paths and [`Args`], and so into their identity.
pub struct Listing<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub shared: &'a Shared,
    pub style: LinkStyle,
}

/// A family of outputs: adds its jobs to the list.
pub type Family = fn(&Listing, &mut Vec<Job>);

/// Every family of outputs. A new page family or output format is one module with a
/// `jobs` function, added here.
pub const FAMILIES: &[(&str, Family)] = &[
    ("documents", documents::jobs),
    ("plans", plans::jobs),
    ("hearings", hearings::jobs),
    ("decisions", decisions::jobs),
    ("calendar", calendar::jobs),
    ("home", home::jobs),
    ("search", search::jobs),
    ("feeds", feeds::jobs),
    ("subscribe", subscribe::jobs),
    ("sitemap", sitemap::jobs),
    ("api", api::jobs),
    ("files", files::jobs),
];

/// The shared data of one build: computed once, read by every job. `kept` is the
/// preview's: documents' events from its last rebuild, and the sign that documents
/// outlive this build; `None` for a full build.
pub fn shared(site: &Site, theme: &Theme, style: LinkStyle, kept: Option<&EventCache>) -> Shared {
    // Three independent walks over the site, side by side.
    let ((events, next_change), base) = rayon::join(
        || {
            rayon::join(
                || crate::model::events::site_events(site, &|k| theme.t(k), kept),
                || crate::model::schedule::next_change(site),
            )
        },
        || page::base_context(site, theme, style),
    );
    Shared {
        base,
        events,
        words: std::iter::repeat_with(Default::default)
            .take(site.docs.len())
            .collect(),
        next_change,
        lasting: kept.is_some(),
    }
}

/// Every job of the site, sorted by path. Two jobs with one path are reported: a
/// static file or attachment that has the same name as a page.
pub fn list(l: &Listing) -> Result<Vec<Job>, Vec<Diagnostic>> {
    let clock = crate::build::timings::Families::new();
    // The families list in parallel; joined in registration order, so that the sort
    // (stable) leaves two jobs of one path in the same order on every run.
    let lists: Vec<Vec<Job>> = FAMILIES
        .par_iter()
        .map(|(name, family)| {
            let mut jobs = Vec::new();
            let started = clock.start();
            family(l, &mut jobs);
            clock.add(name, "list", started);
            for j in &mut jobs {
                j.family = name;
            }
            jobs
        })
        .collect();
    clock.report();
    let mut jobs = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for list in lists {
        jobs.extend(list);
    }
    jobs.par_sort_by(|a, b| a.path.cmp(&b.path));
    let dupes = conflicts::duplicate_addresses(l.site, l.theme, &jobs);
    if dupes.is_empty() {
        Ok(jobs)
    } else {
        Err(dupes)
    }
}

/// A finished job: its file and what it read.
pub struct Done<'j> {
    pub job: &'j Job,
    pub output: Output,
    pub deps: Vec<Dep>,
}

/// Runs `jobs` in parallel, handing each finished file to `sink` at once. Returns every
/// problem: the jobs that failed, and what the sink refused.
pub fn run<'j, S>(l: &Listing, jobs: &'j [&'j Job], sink: S) -> Vec<Diagnostic>
where
    S: Fn(Done<'j>) -> Result<(), Diagnostic> + Sync,
{
    let clock = crate::build::timings::Families::new();
    let mut diags: Vec<Diagnostic> = jobs
        .par_iter()
        .map_init(reader::PageSlot::default, |page, job| {
            let started = clock.start();
            let r = Reader::new(l.site, l.theme, l.shared, l.style, page);
            let output = match (job.render)(&r, job) {
                Ok(o) => o,
                Err(d) => return Some(d),
            };
            clock.add(job.family, "render", started);
            let started = clock.start();
            let res = sink(Done {
                job,
                output,
                deps: r.take_deps(),
            })
            .err();
            clock.add(job.family, "write", started);
            res
        })
        .flatten()
        .collect();
    clock.report();
    diags.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
    diags
}
