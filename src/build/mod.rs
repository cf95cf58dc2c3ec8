//! The build pipeline: discover → parse and validate → resolve → render → write.

mod conflicts;
pub mod incremental;
pub mod timings;
pub mod writer;

use crate::model::clock::Moment;
use crate::model::config::SiteConfig;
use crate::model::content::{discover, parse};
use crate::model::diagnostics::{Diagnostic, Diagnostics};
use crate::model::site::Site;
use crate::model::urls::LinkStyle;
use crate::outputs::theme::{Asset, Theme};
use crate::outputs::{self, OutData, OutFile, RenderOptions};
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
    discover::markdown_files(&opts.root.join("content")).map_err(|e| {
        Diagnostic::error("content", format!("cannot read the content folder: {e}"))
            .help("a site keeps its Markdown files in a folder named `content` next to `site.yaml`")
    })
}

/// Parses files in parallel; each result keeps its own warnings and errors.
pub fn parse_files(
    opts: &BuildOptions,
    conventions: &crate::model::dates::DateConventions,
    files: &[PathBuf],
) -> Vec<(Option<crate::model::content::Document>, Vec<Diagnostic>)> {
    let env = parse::ParseEnv {
        root: &opts.root,
        conventions,
    };
    files
        .par_iter()
        .map(|p| parse::parse_file(&env, p))
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
    let parsed = parse_files(opts, conventions, &files);
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
    docs: Vec<crate::model::content::Document>,
    mut diags: Diagnostics,
) -> Result<Loaded, Diagnostics> {
    let (Some(config), Some(theme)) = (config, theme) else {
        return Err(diags.sorted());
    };
    let now = opts.now.resolve(&config.tz());
    let _t = crate::build::timings::phase("assemble + checks");
    let failed = crate::model::followon::failed_files(&diags, &docs);
    let (site, ds) = Site::assemble(config, now, docs, opts.drafts);
    diags.extend(ds);
    diags = crate::model::followon::mark(diags, &failed);
    diags.extend(crate::model::checks::check_hearings(&site));
    diags.extend(crate::model::attachments::check_active(&site));
    diags.extend(crate::model::links::check_body_links(&site));
    if diags.has_errors() {
        return Err(diags.sorted());
    }
    Ok(Loaded {
        site,
        theme,
        warnings: diags.sorted(),
    })
}

/// Every file of the site, rendered.
pub fn render_all(loaded: &Loaded, style: LinkStyle) -> Result<Vec<OutFile>, Diagnostics> {
    render_scoped(loaded, style, &outputs::Scope::all())
}

/// The files of the pages in `scope` (and every listing, feed and index).
pub fn render_scoped(
    loaded: &Loaded,
    style: LinkStyle,
    scope: &outputs::Scope,
) -> Result<Vec<OutFile>, Diagnostics> {
    let site = &loaded.site;
    let events = crate::model::events::site_events(site, &|k| loaded.theme.t(k));
    let t = crate::build::timings::phase("render pages");
    let mut files =
        outputs::render_site(site, &loaded.theme, RenderOptions { style }, &events, scope)
            .map_err(|ds| {
                let mut d = Diagnostics::new();
                d.extend(ds);
                d.sorted()
            })?;
    drop(t);
    let t = crate::build::timings::phase("open data");
    files.extend(crate::outputs::api::api_files(site, scope));
    drop(t);
    let _t = crate::build::timings::phase("feeds, calendars, sitemap");
    files.extend(crate::outputs::syndication::syndication_files(
        site,
        &loaded.theme,
        &events,
        scope,
    ));
    for d in &site.docs {
        let closed = matches!(&d.data, crate::model::content::Data::Decision(x) if x.access == crate::model::content::Access::Closed);
        if closed {
            continue;
        }
        let with_outcome = match &d.data {
            crate::model::content::Data::Hearing(h) => {
                crate::model::state::outcome_public(h, &site.now)
            }
            _ => true,
        };
        for a in d.all_files(with_outcome) {
            if a.from_static {
                continue; // published with the rest of static/
            }
            files.push(OutFile {
                path: outputs::views::attachment_output_path(d, a),
                data: OutData::Copy(a.source.clone()),
            });
        }
    }
    for (path, asset) in &loaded.theme.assets {
        files.push(OutFile {
            path: path.clone(),
            data: match asset {
                Asset::Embedded(b) => OutData::Static(b),
                Asset::File(p) => OutData::Copy(p.clone()),
            },
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let dupes = conflicts::duplicate_addresses(site, &files);
    if !dupes.is_empty() {
        return Err(dupes);
    }
    Ok(files)
}

pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Diagnostics,
}

/// Builds the site into `opts.out`. Nothing is written unless everything succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    if let Err(e) = crate::build::writer::check_location(&opts.root, &opts.out) {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(display(&opts.out), e.to_string()));
        return Err(d);
    }
    let loaded = load(opts)?;
    // Ledger and rendering problems are reported together.
    let (ledger_update, files) = match (ledger_gate(opts, &loaded), render_all(&loaded, opts.style))
    {
        (Ok(l), Ok(f)) => (l, f),
        (l, f) => {
            let mut d = Diagnostics::new();
            d.extend(l.err().into_iter().flatten());
            d.extend(f.err().into_iter().flatten());
            return Err(d.sorted());
        }
    };
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let _t = crate::build::timings::phase("write");
    let stats = crate::build::writer::write_site(&opts.root, &opts.out, &files).map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error(display(&opts.out), e.to_string()));
        d
    })?;
    save_ledger(opts, ledger_update)?;
    Ok(BuildReport {
        pages,
        files: stats.files,
        bytes: stats.bytes,
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

pub fn save_ledger(
    opts: &BuildOptions,
    update: Option<crate::model::ledger::Ledger>,
) -> Result<(), Diagnostics> {
    if let Some(ledger) = update {
        crate::model::ledger::save(&opts.root, &ledger).map_err(|e| {
            let mut d = Diagnostics::new();
            d.push(Diagnostic::error(
                crate::model::ledger::FILE_NAME,
                format!("cannot write the decision ledger: {e}"),
            ));
            d
        })?;
    }
    Ok(())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
