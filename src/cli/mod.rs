//! The `planpub` command line: the edge where typed errors become reports for people.

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions};
use crate::messages::{Key, Messages};
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
    /// The site folder (with site.yaml and content/); accepted before or after the
    /// command
    #[arg(
        short = 'r',
        long,
        global = true,
        default_value = ".",
        value_name = "DIR"
    )]
    root: PathBuf,
    /// The language of planpub's messages: da or en [default: PLANPUB_LANG, else the
    /// site's language, else da]
    #[arg(short = 'l', long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// For people
    Text,
    /// For other tools
    Json,
}

/// The build moment, shared by every command that builds or checks the site.
#[derive(clap::Args, Clone)]
struct MomentArg {
    /// Build as of this moment: 2024-03-01, 2024-03-01T12:00 or RFC 3339
    /// (2024-03-01T12:00:00+01:00); without it SOURCE_DATE_EPOCH, else the clock
    #[arg(short = 'n', long, value_name = "MOMENT")]
    now: Option<String>,
}

#[derive(clap::Args, Clone)]
struct SiteArgs {
    /// Include drafts and embargoed items: a preview, never for publishing
    #[arg(short = 'D', long)]
    drafts: bool,
    #[command(flatten)]
    moment: MomentArg,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder [default: public/ in the site folder]
        #[arg(short = 'o', long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Another public address than base_url in site.yaml, e.g. for a test server
        #[arg(short = 'u', long, value_name = "URL")]
        base_url: Option<String>,
        /// Write links ending in index.html, so the site also works opened from disk
        #[arg(long)]
        offline: bool,
    },
    /// Build the site and write an archival snapshot: a BagIt bag and a WARC file
    Snapshot {
        #[command(flatten)]
        moment: MomentArg,
        /// Folder for the snapshot [default: snapshot/ in the site folder]
        #[arg(short = 'o', long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Preview the site: build, serve on this machine, rebuild and reload on every save
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on; 0 takes any free port [default: 1212, or the next free port
        /// after it]
        #[arg(short = 'p', long)]
        port: Option<u16>,
        /// Address to listen on; 127.0.0.1 serves this machine only
        #[arg(short = 'b', long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: std::net::IpAddr,
        /// Open the preview in the browser
        #[arg(short = 'O', long)]
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
        /// How to print the problems: text for people, json for other tools
        #[arg(short = 'f', long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Create a new content file with its front matter filled in (in the site folder)
    New {
        /// What to create: plan, hearing, decision or page
        #[arg(value_enum)]
        kind: NewKind,
        /// The title; the file name is made from it
        title: String,
    },
    /// Show how planpub reads a date text (start, end, precision, display form)
    Date {
        /// The date as staff would write it, e.g. "ultimo april 2008"
        text: String,
        /// text, or json: the date object of the open data
        #[arg(short = 'f', long, value_enum, default_value = "text")]
        format: Format,
        /// The year for a date written without one
        #[arg(short = 'y', long)]
        year: Option<i32>,
    },
    /// List every future moment at which some page changes, so the site can be rebuilt
    Schedule {
        #[command(flatten)]
        site: SiteArgs,
        /// text, or json for other tools
        #[arg(short = 'f', long, value_enum, default_value = "text")]
        format: Format,
    },
    Import(crate::commands::import::cli::ImportArgs),
    /// Create a new site folder that builds at once
    Init {
        /// The folder to create
        dir: PathBuf,
    },
    /// Write (or refresh) the editor support: JSON Schemas of the front matter, VS Code
    /// settings and snippets, and the browser editor in static/admin/
    Editor,
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

fn options(root: &std::path::Path, site: &SiteArgs) -> Result<BuildOptions, clock::ClockError> {
    let mut o = moment_options(root, &site.moment)?;
    o.drafts = site.drafts;
    Ok(o)
}

fn moment_options(
    root: &std::path::Path,
    m: &MomentArg,
) -> Result<BuildOptions, clock::ClockError> {
    let now = clock::build_moment(m.now.as_deref())?;
    Ok(BuildOptions::new(root, now))
}

fn report(m: &Messages, diags: &Diagnostics) {
    for d in diags.iter() {
        eprintln!("{}", m.render(d));
    }
}

/// The catalogue to speak in: `--lang`, `PLANPUB_LANG`, the site's `language`.
fn messages_for(flag: Option<&str>, root: &std::path::Path) -> &'static Messages {
    let env = std::env::var("PLANPUB_LANG").ok();
    let site = crate::model::config::SiteConfig::load(root)
        .map(|c| c.language)
        .ok()
        .or_else(|| written_language(root));
    crate::messages::of(crate::messages::choose(flag, env.as_deref(), site))
}

/// The `language:` of a `site.yaml` that has other mistakes, so that they are told in
/// the site's language too.
fn written_language(root: &std::path::Path) -> Option<crate::model::config::Language> {
    let text = std::fs::read_to_string(root.join(crate::model::config::FILE_NAME)).ok()?;
    let value: serde_norway::Value = serde_norway::from_str(&text).ok()?;
    serde_norway::from_value(value.get("language")?.clone()).ok()
}

/// The arguments, read by a command whose help is in the reader's language.
fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let m = early_messages(&args);
    let matches = match localized(Cli::command(), m, "planpub").try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) => argument_error(m, e),
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| argument_error(m, e))
}

/// A mistake on the command line, told in the reader's language (clap's own words are
/// English); help and version output are clap's, already localised above.
fn argument_error(m: &Messages, e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = ctx(ContextKind::InvalidArg).unwrap_or_default();
    // clap writes an argument as `--out <DIR>`; the reader types `--out`.
    let arg = arg.split(' ').next().unwrap_or_default().to_string();
    let suggestion =
        ctx(ContextKind::SuggestedArg).or_else(|| ctx(ContextKind::SuggestedSubcommand));
    let key = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
        ErrorKind::UnknownArgument => Key::new("cli-unknown-argument").arg("arg", arg),
        ErrorKind::InvalidSubcommand => Key::new("cli-unknown-command").arg(
            "arg",
            ctx(ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Key::new("cli-invalid-value")
            .arg("arg", arg)
            .arg("value", ctx(ContextKind::InvalidValue).unwrap_or_default())
            .arg(
                "valid",
                ctx(ContextKind::ValidValue).unwrap_or_else(|| "none".into()),
            ),
        ErrorKind::MissingRequiredArgument => Key::new("cli-missing-argument").arg("arg", arg),
        ErrorKind::ArgumentConflict => Key::new("cli-conflict")
            .arg("arg", arg)
            .arg("other", ctx(ContextKind::PriorArg).unwrap_or_default()),
        ErrorKind::NoEquals | ErrorKind::InvalidUtf8 => Key::new("cli-bad-value").arg("arg", arg),
        _ => Key::new("cli-not-understood"),
    };
    let key = match suggestion {
        Some(s) => key.with_help(Key::new("did-you-mean").arg("suggestion", s)),
        None => key.with_help(Key::new("cli-see-help")),
    };
    eprintln!("{}", m.error(&key));
    std::process::exit(2)
}

/// The language for `--help`, before the arguments are parsed: `--lang`, then
/// `PLANPUB_LANG`, then the language of the site `--root` names (or the current folder).
fn early_messages(args: &[std::ffi::OsString]) -> &'static Messages {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |long: &str, short: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{long}="))
                .map(str::to_string)
                .or_else(|| (a == long || a == short).then(|| args.get(i + 1).cloned())?)
        })
    };
    let root = std::path::PathBuf::from(value("--root", "-r").unwrap_or_else(|| ".".into()));
    messages_for(value("--lang", "-l").as_deref(), &root)
}

/// `cmd` with its about, every argument's help and the headings from the catalogue:
/// `help-<path>` for a command, `help-<path>-<argument>` or else `help-arg-<argument>`
/// for an argument. The built-in help and version flags are replaced by ones that
/// speak the same language.
fn localized(cmd: clap::Command, m: &'static Messages, path: &str) -> clap::Command {
    let text = |id: String| m.has(&id).then(|| m.text_of(&id));
    let mut cmd = cmd
        .disable_help_flag(true)
        .subcommand_help_heading(m.get("help-heading-commands"))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            m.get("help-usage")
        ));
    if let Some(about) = text(format!("help-{path}")) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = text(format!("help-{path}-{id}")).or_else(|| text(format!("help-arg-{id}")));
        let heading = m.get(if positional {
            "help-heading-arguments"
        } else {
            "help-heading-options"
        });
        cmd = cmd.mut_arg(&id, |a| {
            // The catalogue's text says the default and the values in its own words.
            let takes_values = a.get_action().takes_values();
            let a = a
                .help_heading(heading)
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values);
            match help {
                Some(h) => a.help(h).long_help(None),
                None => a,
            }
        });
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(m.get("help-flag"))
            .help_heading(m.get("help-heading-options")),
    );
    if path == "planpub" {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(m.get("help-version"))
                .help_heading(m.get("help-heading-options")),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(&name, |c| localized(c, m, &sub_path));
    }
    if path == "planpub" {
        // clap adds its `help` command (in English) when the command is built; built
        // here, after everything else, it can be given the catalogue's words.
        cmd.build();
        let about = m.get("help-help");
        cmd = cmd.mut_subcommand("help", |c| {
            let c = c
                .about(about.clone())
                .subcommand_help_heading(m.get("help-heading-commands"))
                .help_template(format!(
                    "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}",
                    m.get("help-usage")
                ));
            let nested = c.find_subcommand("help").is_some();
            if nested {
                c.mut_subcommand("help", |h| h.about(about))
            } else {
                c
            }
        });
    }
    cmd
}

fn today() -> chrono::NaiveDate {
    match clock::build_moment(None) {
        Ok(m) => m.resolve(&chrono_tz::Europe::Copenhagen).date_naive(),
        Err(_) => chrono::Utc::now().date_naive(),
    }
}

/// Runs the command line: parses the arguments, runs the command, reports.
pub fn run() -> ExitCode {
    let cli = parse();
    let root = cli.root;
    let m = messages_for(cli.lang.as_deref(), &root);
    match cli.command {
        Command::Build {
            site,
            out,
            base_url,
            offline,
        } => {
            let mut opts = match options(&root, &site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
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
            // A folder an earlier build wrote, not merely one that exists.
            let had_output = opts.out.join(crate::build::writer::MARKER).is_file();
            match build::build(&opts) {
                Ok(r) => {
                    report(m, &r.warnings);
                    let line = Key::new("build-done")
                        .arg("pages", r.pages.to_string())
                        .arg("files", r.files.to_string())
                        .arg("size", format!("{:.1}", r.bytes as f64 / 1e6))
                        .arg("out", opts.out.display().to_string())
                        .arg("ms", started.elapsed().as_millis().to_string())
                        .arg("counts", m.summary(&r.warnings));
                    println!("{}", m.text(&line));
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(m, &diags);
                    let id = if had_output {
                        "build-failed-kept"
                    } else {
                        "build-failed"
                    };
                    eprintln!("{}", m.text(&Key::new(id).arg("counts", m.summary(&diags))));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { site, format } => {
            let opts = match options(&root, &site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
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
            let diags = m.localize_all(&diags);
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
                    report(m, &diags);
                    let id = if ok { "check-ok" } else { "check-problems" };
                    println!("{}", m.text(&Key::new(id).arg("counts", m.summary(&diags))));
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::New { kind, title } => {
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
                    let key = Key::new("new-created").arg("path", p.display().to_string());
                    println!("{}", m.text(&key));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Snapshot { moment, out } => {
            let opts = match moment_options(&root, &moment) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
                    return ExitCode::from(2);
                }
            };
            let out = out.unwrap_or_else(|| root.join("snapshot"));
            match crate::commands::snapshot::snapshot(&opts, &out) {
                Ok(r) => {
                    report(m, &r.warnings);
                    let bag = Key::new("snapshot-bag")
                        .arg("path", r.bag_dir.display().to_string())
                        .arg("files", r.files.to_string())
                        .arg("size", format!("{:.1}", r.bytes as f64 / 1e6));
                    println!("{}", m.text(&bag));
                    let warc =
                        Key::new("snapshot-warc").arg("path", r.warc_path.display().to_string());
                    println!("{}", m.text(&warc));
                    ExitCode::SUCCESS
                }
                Err(diags) => {
                    report(m, &diags);
                    let key = Key::new("snapshot-failed").arg("counts", m.summary(&diags));
                    eprintln!("{}", m.text(&key));
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
            let opts = match options(&root, &site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
                    return ExitCode::from(2);
                }
            };
            // A folder that is no site is told as such, not as a preview folder that
            // cannot be made; a site.yaml with mistakes is the overlay's to show.
            if !root.join(crate::model::config::FILE_NAME).is_file()
                && let Err(ds) = crate::model::config::SiteConfig::load(&root)
            {
                let mut d = Diagnostics::new();
                d.extend(ds);
                report(m, &d);
                return ExitCode::FAILURE;
            }
            match crate::commands::serve::serve(
                opts,
                crate::commands::serve::ServeOptions {
                    bind,
                    port,
                    open,
                    follow_clock: clock::follows_clock(site.moment.now.as_deref()),
                    lang: m.lang(),
                },
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Verify { bag } => match crate::formats::archive::verify_bag(&bag) {
            Ok(r) => {
                println!("{}", r.told(m));
                if r.problems.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("{}", m.error(&e.key()));
                ExitCode::FAILURE
            }
        },
        Command::Date { text, format, year } => date_command(&text, format, &root, year, m),
        Command::Schedule { site, format } => {
            let opts = match options(&root, &site) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("{}", m.error(&e.key()));
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
                                let at = clock::timestamp(&loaded.site.now);
                                let key = Key::new("schedule-nothing").arg("at", at);
                                println!("{}", m.text(&key));
                            }
                            // A reader such as `head` may stop early; that is not an error.
                            let mut out = std::io::stdout().lock();
                            for c in &changes {
                                if writeln!(
                                    out,
                                    "{}  {}  ({})",
                                    clock::timestamp(&c.at),
                                    m.text(&c.key),
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
                    report(m, &diags);
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import(args) => crate::commands::import::cli::run(args, &root, m),
        Command::Editor => editor_command(&root, m),
        Command::Init { dir } => init_command(&dir, m),
    }
}

fn init_command(dir: &std::path::Path, m: &Messages) -> ExitCode {
    let files = match crate::commands::scaffold::init(dir, today()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}", m.error(&e.key()));
            return ExitCode::FAILURE;
        }
    };
    let editor = match crate::commands::editor::write(dir, crate::model::config::Language::Da) {
        Ok(w) => w.written.len(),
        Err(e) => {
            eprintln!("{}", m.error(&e.key()));
            return ExitCode::FAILURE;
        }
    };
    // The same steps as the README's quick start.
    let key = Key::new("init-created")
        .arg("dir", dir.display().to_string())
        .arg("files", (files.len() + editor).to_string());
    println!("{}", m.text(&key));
    ExitCode::SUCCESS
}

fn editor_command(root: &std::path::Path, m: &Messages) -> ExitCode {
    let lang = match crate::model::config::SiteConfig::load(root) {
        Ok(c) => c.language,
        Err(ds) => {
            for d in ds {
                eprintln!("{}", m.render(&d));
            }
            return ExitCode::FAILURE;
        }
    };
    match crate::commands::editor::write(root, lang) {
        Ok(w) => {
            let rel = |p: &std::path::Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
            for p in &w.written {
                println!("{}", m.text(&Key::new("editor-wrote").arg("path", rel(p))));
            }
            for p in &w.kept {
                println!("{}", m.text(&Key::new("editor-kept").arg("path", rel(p))));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", m.error(&e.key()));
            ExitCode::FAILURE
        }
    }
}

fn date_command(
    text: &str,
    format: Format,
    root: &std::path::Path,
    year: Option<i32>,
    m: &Messages,
) -> ExitCode {
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
                        x.map(|d| d.to_string())
                            .unwrap_or_else(|| m.get("date-out-open"))
                    };
                    let line = |id, value: String| {
                        println!("{}", m.text(&Key::new(id).arg("value", value)));
                    };
                    line("date-out-text", d.text().to_string());
                    line("date-out-start", iso(d.start()));
                    line("date-out-end", iso(d.end()));
                    line("date-out-precision", d.precision().as_str().to_string());
                    line("date-out-role", d.role().as_str().to_string());
                    line("date-out-display", d.display(lang.date_lang()));
                    // What was skipped or assumed, so staff see every interpretation.
                    for i in d.ignored() {
                        line("date-out-ignored", i.clone());
                    }
                    for n in d.notes() {
                        line("date-out-note", m.text(&n.key));
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", m.error(&e.key()));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::Language;

    fn missing_help(cmd: &clap::Command, path: &str, m: &Messages, out: &mut Vec<String>) {
        if !m.has(&format!("help-{path}")) {
            out.push(format!("help-{path}"));
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if !m.has(&format!("help-{path}-{id}")) && !m.has(&format!("help-arg-{id}")) {
                out.push(format!("help-arg-{id} (in {path})"));
            }
        }
        for c in cmd.get_subcommands() {
            missing_help(c, &format!("{path}-{}", c.get_name()), m, out);
        }
    }

    #[test]
    fn every_command_and_option_has_help_in_both_languages() {
        for lang in [Language::Da, Language::En] {
            let mut missing = Vec::new();
            missing_help(
                &Cli::command(),
                "planpub",
                crate::messages::of(lang),
                &mut missing,
            );
            assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
        }
    }

    #[test]
    fn the_danish_help_of_every_command_is_danish() {
        let m = crate::messages::of(Language::Da);
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        localized(Cli::command(), m, "planpub").debug_assert();
        for name in names {
            let e = localized(Cli::command(), m, "planpub")
                .try_get_matches_from(["planpub", name.as_str(), "--help"])
                .expect_err("help is shown as an early exit");
            let help = e.render().to_string();
            assert!(help.contains("Brug: planpub"), "{name}: {help}");
            assert!(help.contains("Tilvalg:"), "{name}: {help}");
            assert!(help.contains("Vis hjælpen"), "{name}: {help}");
            for english in ["Print help", "Options:", "[default:", "The site folder"] {
                assert!(!help.contains(english), "{name}: {english:?} in {help}");
            }
        }
    }
}
