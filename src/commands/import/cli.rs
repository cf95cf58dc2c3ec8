//! The `planpub import` command line: arguments, output and exit status.

use super::columns::{self, Columns};
use super::{ImportError, ImportOptions, report};
use crate::commands::scaffold::ScaffoldError;
use crate::messages::{Key, Messages};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Turn a procesplan table (Word, OpenDocument, Excel or CSV) into a draft plan page
#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The document: .docx, .odt, .xlsx, .xls, .ods or .csv
    pub file: PathBuf,
    /// The plan's title [default: the document's first heading]
    #[arg(short = 't', long)]
    pub title: Option<String>,
    /// Which column holds what, counted from 1, when the headings are unusual:
    /// e.g. when=2,what=1,who=3 (also track, level, note)
    // Read in `run`, so that a mistake is told in the reader's language.
    #[arg(short = 'c', long)]
    pub columns: Option<String>,
    /// Print the rows as planpub reads them, and write nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// text, or json for other tools
    #[arg(short = 'f', long, value_enum, default_value = "text")]
    pub format: Format,
}

fn fail(e: &ImportError, m: &Messages) -> ExitCode {
    eprintln!("{}", m.error(&e.key()));
    ExitCode::FAILURE
}

fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

/// Runs the import into the site at `root` (content/planer/<slug>.md).
pub fn run(args: ImportArgs, root: &Path, m: &Messages) -> ExitCode {
    let columns: Option<Columns> = match args.columns.as_deref().map(columns::parse_spec) {
        None => None,
        Some(Ok(c)) => Some(c),
        Some(Err(e)) => {
            eprintln!("{}", m.error(&e.key()));
            return ExitCode::from(2);
        }
    };
    let cfg = crate::model::config::SiteConfig::load(root).ok();
    let conventions = cfg.map(|c| c.dates).unwrap_or_default();
    let opts = ImportOptions {
        title: args.title.clone(),
        columns,
        conventions: &conventions,
    };
    let plan = match super::import(&args.file, &opts) {
        Ok(p) => p,
        Err(e) => return fail(&e, m),
    };
    let target = super::target(root, &plan);
    let shown = match &target {
        Ok(t) => relative(root, t),
        Err(ImportError::Write(ScaffoldError::Exists(p))) if args.dry_run => {
            m.text(&Key::new("import-rows-target-exists").arg("path", relative(root, p)))
        }
        Err(e) => return fail(e, m),
    };
    let written = if args.dry_run {
        None
    } else {
        match super::write_plan(root, &plan) {
            Ok(p) => Some(p),
            Err(e) => return fail(&e, m),
        }
    };
    let text = match args.format {
        Format::Json => {
            let value = report::json(&plan, &shown, written.is_some(), m);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
        Format::Text if args.dry_run => format!(
            "{}\n{}",
            report::rows_text(&plan, &shown, m),
            report::summary(&plan, None, m)
        ),
        Format::Text => report::summary(
            &plan,
            written.as_deref().map(|p| p.strip_prefix(".").unwrap_or(p)),
            m,
        ),
    };
    // A reader such as `head` may stop early; that is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::SUCCESS
}
