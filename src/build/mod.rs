//! The build pipeline: discover → parse and validate → resolve → render → write.

pub mod incremental;
pub mod timings;
pub mod writer;

use crate::messages::Key;
use crate::model::clock::Moment;
use crate::model::config::SiteConfig;
use crate::model::content::{discover, parse};
use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::model::urls::LinkStyle;
use crate::outputs::theme::Theme;
use crate::outputs::{self, Done, Job, Listing};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The moment the site is built "as of": decides hearing states, embargoes and
    /// timeline states.
    pub now: Moment,
    pub style: LinkStyle,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>, now: Moment) -> Self {
        let root = root.into();
        BuildOptions {
            out: root.join("public"),
            root,
            base_url: None,
            drafts: false,
            now,
            style: LinkStyle::Pretty,
        }
    }
}

/// A site read and checked, ready to render.
pub struct Loaded {
    pub site: Site,
    pub theme: Arc<Theme>,
    pub warnings: Diagnostics,
}

/// Reads `site.yaml`, applying the `--base-url` override.
pub fn load_config(opts: &BuildOptions) -> Result<SiteConfig, Vec<Diagnostic>> {
    let config = SiteConfig::load(&opts.root)?;
    match &opts.base_url {
        Some(url) => config.with_base_url(url).map_err(|d| vec![d]),
        None => Ok(config),
    }
}

/// The Markdown files of the site, or why they cannot be listed.
pub fn content_files(opts: &BuildOptions) -> Result<Vec<PathBuf>, Diagnostic> {
    content_walk(opts).map(|w| w.files)
}

/// [`content_files`], with the folders walked.
pub fn content_walk(opts: &BuildOptions) -> Result<discover::Walk, Diagnostic> {
    let dir = opts.root.join("content");
    discover::walk(&dir).map_err(|e| {
        let key = if dir.is_file() {
            Key::new("content-folder-file")
        } else if dir.exists() {
            Key::new("content-folder-unreadable").arg("reason", e.to_string())
        } else {
            Key::new("content-folder-missing").arg("dir", opts.root.display().to_string())
        };
        Diagnostic::keyed(crate::model::diagnostics::Severity::Error, "content", key)
    })
}

/// Parses files in parallel; each result keeps its own warnings and errors.
pub fn parse_files(
    opts: &BuildOptions,
    conventions: &crate::model::dates::DateConventions,
    tz: chrono_tz::Tz,
    files: &[PathBuf],
) -> Vec<(
    Option<Arc<crate::model::content::Document>>,
    Vec<Diagnostic>,
)> {
    let env = parse::ParseEnv {
        root: &opts.root,
        conventions,
        tz,
    };
    files
        .par_iter()
        .map(|p| {
            // Each document goes to its own allocation at once: a list of ten thousand
            // documents by value, moved out afterwards, cost its size in peak memory.
            let (doc, diags) = parse::parse_file(&env, p);
            (doc.map(Arc::new), diags)
        })
        .collect()
}

/// Reads and checks everything; on failure returns every problem found.
pub fn load(opts: &BuildOptions) -> Result<Loaded, Diagnostics> {
    let mut diags = Diagnostics::new();
    let config = match load_config(opts) {
        Ok(c) => Some(c),
        Err(ds) => {
            diags.extend(ds);
            None
        }
    };
    let default_conv = Default::default();
    let conventions = config.as_ref().map(|c| &c.dates).unwrap_or(&default_conv);
    let files = content_files(opts).unwrap_or_else(|d| {
        diags.push(d);
        Vec::new()
    });
    let mut docs = Vec::with_capacity(files.len());
    let t = crate::build::timings::phase("parse");
    let tz = config
        .as_ref()
        .map_or(chrono_tz::Europe::Copenhagen, |c| c.tz());
    let parsed = parse_files(opts, conventions, tz, &files);
    drop(t);
    for (doc, ds) in parsed {
        diags.extend(ds);
        docs.extend(doc);
    }
    let theme = match &config {
        Some(c) => match Theme::load(&opts.root, c) {
            Ok(t) => Some(Arc::new(t)),
            Err(ds) => {
                diags.extend(ds);
                None
            }
        },
        None => None,
    };
    finish(opts, config, theme, docs, diags)
}

/// Resolves and checks parsed documents into a site ready to render.
pub fn finish(
    opts: &BuildOptions,
    config: Option<SiteConfig>,
    theme: Option<Arc<Theme>>,
    docs: Vec<Arc<crate::model::content::Document>>,
    mut diags: Diagnostics,
) -> Result<Loaded, Diagnostics> {
    let (Some(config), Some(theme)) = (config, theme) else {
        return Err(diags.sorted());
    };
    let now = opts.now.resolve(&config.tz());
    use crate::build::timings::phase;
    let _t = phase("assemble + checks");
    let failed = crate::model::followon::failed_files(&diags, &docs);
    let t = phase("  assemble");
    let (site, ds) = Site::assemble(config, now, docs, opts.drafts);
    drop(t);
    diags.extend(ds);
    diags = crate::model::followon::mark(diags, &failed);
    let t = phase("  check site");
    diags.extend(crate::model::checks::check_site(&site));
    drop(t);
    let t = phase("  check attachments, links");
    diags.extend(crate::model::attachments::check_active(&site));
    diags.extend(crate::model::links::check_body_links(&site));
    drop(t);
    diags = diags.settle_drafts(&site.draft_files(), opts.drafts);
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    Ok(Loaded {
        site,
        theme,
        warnings: diags.sorted(),
    })
}

/// The shared data and every job of a loaded site, ready to run.
pub struct Plan<'a> {
    pub listing: Listing<'a>,
    pub jobs: Vec<Job>,
}

/// Lists every job of the site. `shared` must outlive the plan.
pub fn plan<'a>(
    loaded: &'a Loaded,
    shared: &'a outputs::reader::Shared,
    style: LinkStyle,
) -> Result<Plan<'a>, Diagnostics> {
    let listing = Listing {
        site: &loaded.site,
        theme: &loaded.theme,
        shared,
        style,
    };
    let jobs = outputs::list(&listing).map_err(|ds| {
        let mut d = Diagnostics::new();
        d.extend(ds);
        d
    })?;
    Ok(Plan { listing, jobs })
}

/// Renders every file of the site and hands each to `sink` as soon as it is made.
pub fn render_all<S>(loaded: &Loaded, style: LinkStyle, sink: S) -> Result<usize, Diagnostics>
where
    S: for<'j> Fn(Done<'j>) -> Result<(), Diagnostic> + Sync,
{
    let t = crate::build::timings::phase("shared data (events, base context)");
    let shared = outputs::shared(&loaded.site, &loaded.theme, style, None);
    drop(t);
    let t = crate::build::timings::phase("list jobs");
    let plan = plan(loaded, &shared, style)?;
    drop(t);
    let _t = crate::build::timings::phase("render and write");
    let refs: Vec<&Job> = plan.jobs.iter().collect();
    let problems = outputs::run(&plan.listing, &refs, sink);
    if problems.is_empty() {
        Ok(plan.jobs.len())
    } else {
        let mut d = Diagnostics::new();
        d.extend(problems);
        Err(d.sorted())
    }
}

/// Renders every file without writing any: what `check` runs.
pub fn render_check(loaded: &Loaded) -> Result<(), Diagnostics> {
    render_all(loaded, LinkStyle::Pretty, |_| Ok(())).map(|_| ())
}

/// Renders the whole site into the folder `out`, atomically. Returns the number of
/// HTML pages and the writer's figures.
pub fn render_into(
    loaded: &Loaded,
    root: &Path,
    out: &Path,
    style: LinkStyle,
) -> Result<(usize, writer::WriteStats), Diagnostics> {
    let fail = |e: writer::OutputError| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::keyed(
            crate::model::diagnostics::Severity::Error,
            display(out),
            e.key(),
        ));
        d
    };
    let staged = writer::Staged::begin(root, out).map_err(fail)?;
    let pages = std::sync::atomic::AtomicUsize::new(0);
    render_all(loaded, style, |done| {
        if done.job.path.ends_with(".html") {
            pages.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        staged
            .put(&done.job.path, &done.output)
            .map(|_| ())
            .map_err(|e| {
                Diagnostic::keyed(
                    crate::model::diagnostics::Severity::Error,
                    display(out),
                    e.key(),
                )
            })
    })?;
    let _t = crate::build::timings::phase("swap");
    let stats = staged.commit().map_err(fail)?;
    Ok((pages.into_inner(), stats))
}

pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    /// Files unchanged since the previous build, taken over without writing.
    pub reused: usize,
    pub warnings: Diagnostics,
}

/// Builds the site into `opts.out`. Nothing is written unless everything succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    if let Err(e) = crate::build::writer::check_location(&opts.root, &opts.out) {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::keyed(
            crate::model::diagnostics::Severity::Error,
            display(&opts.out),
            e.key(),
        ));
        return Err(d);
    }
    let loaded = load(opts)?;
    // Ledger problems are reported together with rendering problems, so the ledger is
    // checked first but its errors wait for the render.
    let ledger = ledger_gate(opts, &loaded);
    let rendered = match &ledger {
        Ok(_) => render_into(&loaded, &opts.root, &opts.out, opts.style),
        Err(_) => render_check(&loaded).map(|_| {
            (
                0,
                writer::WriteStats {
                    files: 0,
                    bytes: 0,
                    reused: 0,
                },
            )
        }),
    };
    let (ledger_update, (pages, stats)) = match (ledger, rendered) {
        (Ok(l), Ok(r)) => (l, r),
        (l, r) => {
            // The warnings of loading count too, as `check` counts them.
            let mut d = loaded.warnings;
            d.extend(l.err().into_iter().flatten());
            d.extend(r.err().into_iter().flatten());
            return Err(d.sorted());
        }
    };
    save_ledger(opts, ledger_update)?;
    Ok(BuildReport {
        pages,
        files: stats.files,
        bytes: stats.bytes,
        reused: stats.reused,
        warnings: loaded.warnings,
    })
}

/// Checks the decision ledger; returns the updated ledger to save once the site is
/// written. A preview with drafts records nothing.
pub fn ledger_gate(
    opts: &BuildOptions,
    loaded: &Loaded,
) -> Result<Option<crate::model::ledger::Ledger>, Diagnostics> {
    if opts.drafts {
        return Ok(None);
    }
    let ledger = crate::model::ledger::load(&opts.root).map_err(|d| {
        let mut ds = Diagnostics::new();
        ds.push(d);
        ds
    })?;
    let (update, problems) = crate::model::ledger::reconcile(&loaded.site, &ledger);
    if !problems.is_empty() {
        let mut ds = Diagnostics::new();
        ds.extend(problems);
        return Err(ds.sorted());
    }
    Ok(update)
}

/// Checks the decision ledger without recording anything: what the preview runs, with
/// or without drafts, so it refuses what `build` would refuse.
pub fn ledger_check(opts: &BuildOptions, loaded: &Loaded) -> Result<(), Diagnostics> {
    let ledger = crate::model::ledger::load(&opts.root).map_err(|d| {
        let mut ds = Diagnostics::new();
        ds.push(d);
        ds
    })?;
    let (_, problems) = crate::model::ledger::reconcile(&loaded.site, &ledger);
    if problems.is_empty() {
        Ok(())
    } else {
        let mut ds = Diagnostics::new();
        ds.extend(problems);
        Err(ds.sorted())
    }
}

pub fn save_ledger(
    opts: &BuildOptions,
    update: Option<crate::model::ledger::Ledger>,
) -> Result<(), Diagnostics> {
    if let Some(ledger) = update {
        crate::model::ledger::save(&opts.root, &ledger).map_err(|e| {
            let mut d = Diagnostics::new();
            let key = crate::messages::Key::new("ledger-unwritable")
                .sub("reason", crate::messages::io_reason(&e));
            d.push(Diagnostic::keyed(
                crate::model::diagnostics::Severity::Error,
                crate::model::ledger::FILE_NAME,
                key,
            ));
            d
        })?;
    }
    Ok(())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
