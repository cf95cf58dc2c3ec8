//! The `planpub` command line: the edge where typed errors become reports for people.

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions};
use crate::model::clock;
use crate::model::content::ContentType;
use crate::model::diagnostics::Diagnostics;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "planpub",
    version,
    about = "Publish plans, public hearings and political decisions as a static website"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(clap::Args, Clone)]
struct SiteArgs {
    /// The site folder (with site.yaml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include drafts and embargoed items
    #[arg(long)]
    drafts: bool,
    /// Build as of this moment (2024-03-01, 2024-03-01T12:00 or RFC 3339); default
    /// SOURCE_DATE_EPOCH, else now
    #[arg(long)]
    now: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder (default: public/ in the site folder)
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override base_url from site.yaml
        #[arg(long)]
        base_url: Option<String>,
        /// Write links ending in index.html, so the site also works opened from disk
        #[arg(long)]
        offline: bool,
    },
    /// Build the site and write an archival snapshot: a BagIt bag and a WARC file
    Snapshot {
        #[command(flatten)]
        site: SiteArgs,
        /// Folder for the snapshot (default: snapshot/ in the site folder)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Preview the site: build, serve on this machine, rebuild and reload on every save
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (default: a free port)
        #[arg(long)]
        port: Option<u16>,
        /// Address to listen on (default: 127.0.0.1, this machine only)
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the browser
        #[arg(long)]
        open: bool,
    },
    /// Verify a BagIt bag: every file present, none extra, every checksum right
    Verify {
        /// The bag folder
        bag: PathBuf,
    },
    /// Check everything without writing anything
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Create a new content file with its front matter filled in
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// The title; the file name is made from it
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Show how planpub reads a date text (start, end, precision, display form)
    Date {
        /// The date as staff would write it, e.g. "ultimo april 2008"
        text: String,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Use the date conventions and language of the site in this folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The year for a date written without one
        #[arg(long)]
        year: Option<i32>,
    },
    /// List every future moment at which some page changes, so the site can be rebuilt
    Schedule {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    Import(crate::commands::import::cli::ImportArgs),
    /// Create a new site folder that builds at once
    Init {
        /// The folder to create
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Plan,
    Hearing,
    Decision,
    Page,
}

impl From<NewKind> for ContentType {
    fn from(k: NewKind) -> Self {
        match k {
            NewKind::Plan => ContentType::Plan,
            NewKind::Hearing => ContentType::Hearing,
            NewKind::Decision => ContentType::Decision,
            NewKind::Page => ContentType::Page,
        }
    }
}

fn options(site: &SiteArgs) -> Result<BuildOptions, String> {
    let now = clock::build_moment(site.now.as_deref()).map_err(|e| e.to_string())?;
    let mut o = BuildOptions::new(&site.root, now);
    o.drafts = site.drafts;
    Ok(o)
}

fn report(diags: &Diagnostics) {
    for d in diags.iter() {
        eprintln!("{d}");
    }
}

fn summary(diags: &Diagnostics) -> String {
    let (e, w) = (diags.error_count(), diags.warning_count());
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    format!(
        "{}, {}",
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings")
    )
}

fn today() -> chrono::NaiveDate {
    match clock::build_moment(None) {
        Ok(m) => m.resolve(&chrono_tz::Europe::Copenhagen).date_naive(),
        Err(_) => chrono::Utc::now().date_naive(),
    }
}

/// Runs the command line: parses the arguments, runs the command, reports.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            site,
            out,
            base_url,
            offline,
        } => {
            let mut opts = match options(&site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            if let Some(out) = out {
                opts.out = out;
            }
            opts.base_url = base_url;
            if offline {
                opts.style = crate::model::urls::LinkStyle::ExplicitIndex;
            }
            let started = std::time::Instant::now();
            match build::build(&opts) {
                Ok(r) => {
                    report(&r.warnings);
                    println!(
                        "Built {} pages ({} files, {:.1} MB) into {} in {} ms{}",
                        r.pages,
                        r.files,
                        r.bytes as f64 / 1e6,
                        opts.out.display(),
                        started.elapsed().as_millis(),
                        if r.warnings.is_empty() {
                            String::new()
                        } else {
                            format!("; {}", summary(&r.warnings))
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(&diags);
                    eprintln!(
                        "The site was not built ({}); the previous output is unchanged.",
                        summary(&diags)
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { site, format } => {
            let opts = match options(&site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            // Everything `build` would refuse, `check` reports: content, templates and
            // the decision ledger.
            let (diags, ok) = match build::load(&opts).and_then(|l| {
                let ledger = build::ledger_gate(&opts, &l);
                let render = build::render_check(&l);
                match (ledger, render) {
                    (Ok(_), Ok(_)) => Ok(l.warnings),
                    (a, b) => {
                        let mut d = l.warnings;
                        d.extend(a.err().into_iter().flatten());
                        d.extend(b.err().into_iter().flatten());
                        Err(d.sorted())
                    }
                }
            }) {
                Ok(w) => (w, true),
                Err(d) => (d, false),
            };
            match format {
                Format::Json => {
                    let list: Vec<_> = diags.iter().collect();
                    println!(
                        "{}",
                        serde_json::to_string_pretty(
                            &serde_json::json!({ "ok": ok, "diagnostics": list })
                        )
                        .unwrap_or_default()
                    );
                }
                Format::Text => {
                    report(&diags);
                    println!(
                        "{}: {}",
                        if ok { "OK" } else { "Problems found" },
                        summary(&diags)
                    );
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::New { kind, title, root } => {
            let min_days = crate::model::config::SiteConfig::load(&root)
                .map(|c| c.min_hearing_days)
                .unwrap_or(28);
            match crate::commands::scaffold::new_content(
                &root,
                kind.into(),
                &title,
                today(),
                min_days,
            ) {
                Ok(p) => {
                    println!(
                        "Created {} (a draft: remove `draft: true` when it may be published)",
                        p.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Snapshot { site, out } => {
            let opts = match options(&site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let out = out.unwrap_or_else(|| site.root.join("snapshot"));
            match crate::commands::snapshot::snapshot(&opts, &out) {
                Ok(r) => {
                    report(&r.warnings);
                    println!(
                        "Bag:  {} ({} files, {:.1} MB)",
                        r.bag_dir.display(),
                        r.files,
                        r.bytes as f64 / 1e6
                    );
                    println!("WARC: {}", r.warc_path.display());
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(&diags);
                    eprintln!("No snapshot was written ({}).", summary(&diags));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Serve {
            site,
            port,
            bind,
            open,
        } => {
            let opts = match options(&site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            match crate::commands::serve::serve(
                opts,
                crate::commands::serve::ServeOptions {
                    bind,
                    port,
                    open,
                    follow_clock: clock::follows_clock(site.now.as_deref()),
                },
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Verify { bag } => match crate::formats::archive::verify_bag(&bag) {
            Ok(r) => {
                println!("{r}");
                if r.problems.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Date {
            text,
            format,
            root,
            year,
        } => date_command(&text, format, &root, year),
        Command::Schedule { site, format } => {
            let opts = match options(&site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            match build::load(&opts) {
                Ok(loaded) => {
                    let changes = crate::model::schedule::changes(&loaded.site);
                    match format {
                        Format::Json => println!(
                            "{}",
                            serde_json::to_string_pretty(&changes).unwrap_or_default()
                        ),
                        Format::Text => {
                            if changes.is_empty() {
                                println!(
                                    "Nothing on the site changes after {}.",
                                    clock::timestamp(&loaded.site.now)
                                );
                            }
                            // A reader such as `head` may stop early; that is not an error.
                            let mut out = std::io::stdout().lock();
                            for c in &changes {
                                if writeln!(
                                    out,
                                    "{}  {}  ({})",
                                    clock::timestamp(&c.at),
                                    c.what,
                                    c.page
                                )
                                .is_err()
                                {
                                    break;
                                }
                            }
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(&diags);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import(args) => crate::commands::import::cli::run(args),
        Command::Init { dir } => match crate::commands::scaffold::init(&dir, today()) {
            Ok(files) => {
                println!(
                    "Created a new site in {} ({} files). Build it with:\n  planpub build --root {}",
                    dir.display(),
                    files.len(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn date_command(text: &str, format: Format, root: &std::path::Path, year: Option<i32>) -> ExitCode {
    use crate::model::dates::{FuzzyDate, ParseContext};
    let cfg = crate::model::config::SiteConfig::load(root).ok();
    let conventions = cfg.as_ref().map(|c| c.dates).unwrap_or_default();
    let lang = cfg.as_ref().map(|c| c.language).unwrap_or_default();
    let ctx = ParseContext {
        conventions: &conventions,
        default_year: year,
    };
    match FuzzyDate::parse(text, &ctx) {
        Ok(d) => {
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&d.to_json()).unwrap_or_default()
                ),
                Format::Text => {
                    let iso = |x: Option<chrono::NaiveDate>| {
                        x.map(|d| d.to_string()).unwrap_or_else(|| "(open)".into())
                    };
                    println!("text:      {}", d.text());
                    println!("start:     {}", iso(d.start()));
                    println!("end:       {}", iso(d.end()));
                    println!("precision: {}", d.precision().as_str());
                    println!("role:      {}", d.role().as_str());
                    println!("display:   {}", d.display(lang.date_lang()));
                    // What was skipped or assumed, so staff see every interpretation.
                    for i in d.ignored() {
                        println!("ignored:   \"{i}\"");
                    }
                    for n in d.notes() {
                        println!("note:      {}", n.message);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
