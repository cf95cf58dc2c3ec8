//! What `planpub import` tells staff: the rows as planpub read them (`--dry-run`), the
//! same as JSON for scripts (`--format json`), and the summary of what needs a look.

use super::plan::{ImportedRow, Reading};
use super::{Imported, TitleSource};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;

/// The first line of a date error, without the list of forms that follows it.
pub fn short_reason(reason: &str) -> String {
    let first = reason.lines().next().unwrap_or_default().trim();
    first
        .strip_suffix("These forms work:")
        .unwrap_or(first)
        .trim()
        .to_string()
}

fn interval(r: &ImportedRow) -> (String, String, String) {
    match &r.reading {
        Reading::Date(d) => {
            let day = |x: Option<chrono::NaiveDate>| {
                x.map(|d| d.to_string()).unwrap_or_else(|| "(open)".into())
            };
            (
                day(d.date.start()),
                day(d.date.end()),
                d.date.precision().as_str().to_string(),
            )
        }
        Reading::Undated { .. } => ("-".into(), "-".into(), "undated".into()),
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn row_line(out: &mut String, r: &ImportedRow) {
    let (start, end, precision) = interval(r);
    let text = if r.text.is_empty() {
        "(empty)".to_string()
    } else {
        format!("\"{}\"", r.text)
    };
    let _ = write!(
        out,
        "  {:<24} {:<32} {} – {}  {:<13} {}",
        r.location.to_string(),
        text,
        start,
        end,
        precision,
        shorten(&r.what, 48)
    );
    if let Some(who) = &r.who {
        let _ = write!(out, " [{}]", shorten(who, 30));
    }
    out.push('\n');
}

/// The rows as read, for `--dry-run`.
pub fn rows_text(plan: &Imported, target: &str) -> String {
    let mut out = String::new();
    let from = match plan.title_source {
        TitleSource::Option => "from --title",
        TitleSource::Heading => "the document's first heading",
        TitleSource::FileName => "from the file name",
    };
    let _ = writeln!(out, "Title: {} ({from})", plan.title);
    let _ = writeln!(out, "Would write: {target}");
    if !plan.timeline.is_empty() {
        let _ = writeln!(
            out,
            "\nTimeline ({} rows): where, when as written, interval, precision, what [who]",
            plan.timeline.len()
        );
        for r in &plan.timeline {
            row_line(&mut out, r);
        }
    }
    for t in &plan.tracks {
        let _ = writeln!(out, "\nTrack \"{}\" ({} actions):", t.name, t.actions.len());
        for r in &t.actions {
            row_line(&mut out, r);
        }
    }
    let paragraphs = plan.body.len();
    if paragraphs > 0 {
        let _ = writeln!(
            out,
            "\nBody text: {paragraphs} blocks from outside the tables"
        );
    }
    out
}

/// The summary printed after every import: what needs a look, row by row.
pub fn summary(plan: &Imported, written: Option<&Path>) -> String {
    let mut out = String::new();
    let tracks = plan.tracks.len();
    let what = if tracks == 0 {
        format!("{} timeline rows", plan.timeline.len())
    } else {
        format!(
            "{} timeline rows and {} actions in {tracks} tracks",
            plan.timeline.len(),
            plan.row_count() - plan.timeline.len()
        )
    };
    match written {
        Some(p) => {
            let _ = writeln!(
                out,
                "Imported {what} into {} (a draft: remove `draft: true` when it may be published)",
                p.display()
            );
        }
        None => {
            let _ = writeln!(out, "Read {what}; nothing was written (--dry-run).");
        }
    }
    for n in &plan.notices {
        let at = n
            .location
            .as_ref()
            .map(|l| format!("{l}: "))
            .unwrap_or_default();
        let _ = writeln!(out, "warning: {at}{}", n.message);
        if let Some(h) = &n.help {
            let _ = writeln!(out, "  help: {h}");
        }
    }
    let undated: Vec<_> = plan.undated().collect();
    if !undated.is_empty() {
        let _ = writeln!(
            out,
            "{} {} no date planpub can read, so {} imported as `undated:` with the text as written:",
            undated.len(),
            if undated.len() == 1 {
                "row has"
            } else {
                "rows have"
            },
            if undated.len() == 1 {
                "it was"
            } else {
                "they were"
            },
        );
        for (r, reason) in &undated {
            let text = if r.text.is_empty() {
                "(empty)".to_string()
            } else {
                format!("\"{}\"", r.text)
            };
            let _ = writeln!(
                out,
                "  {}: {text} ({}): {}",
                r.location,
                shorten(&r.what, 40),
                short_reason(reason)
            );
        }
        let _ = writeln!(
            out,
            "  help: write a date planpub reads in `when:` (`planpub date \"…\"` shows how it reads a text), or keep `undated:` for a row without a date"
        );
    }
    out
}

fn row_json(r: &ImportedRow) -> Value {
    let day = |x: Option<chrono::NaiveDate>| {
        x.map(|d| Value::String(d.to_string()))
            .unwrap_or(Value::Null)
    };
    let (start, end, precision, undated_reason, year_from) = match &r.reading {
        Reading::Date(d) => (
            day(d.date.start()),
            day(d.date.end()),
            Value::String(d.date.precision().as_str().into()),
            Value::Null,
            d.year_from_row_before
                .map(Value::from)
                .unwrap_or(Value::Null),
        ),
        Reading::Undated { reason } => (
            Value::Null,
            Value::Null,
            Value::Null,
            Value::String(short_reason(reason)),
            Value::Null,
        ),
    };
    json!({
        "location": r.location.to_string(),
        "row": r.location.row,
        "text": r.text,
        "start": start,
        "end": end,
        "precision": precision,
        "undated": undated_reason,
        "year_from_row_before": year_from,
        "date_from_cell_above": r.date_from_above,
        "what": r.what,
        "who": r.who,
        "note": r.note,
        "level": r.level.map(|l| match l {
            crate::model::content::Level::Central => "central",
            crate::model::content::Level::Local => "local",
        }),
    })
}

/// The same as the text output, for scripts.
pub fn json(plan: &Imported, target: &str, written: bool) -> Value {
    json!({
        "source": plan.source.display().to_string(),
        "title": plan.title,
        "slug": plan.slug.as_str(),
        "path": target,
        "written": written,
        "timeline": plan.timeline.iter().map(row_json).collect::<Vec<_>>(),
        "tracks": plan.tracks.iter().map(|t| json!({
            "name": t.name,
            "location": t.location.to_string(),
            "actions": t.actions.iter().map(row_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "body": super::write::markdown(&plan.body),
        "undated": plan.undated().map(|(r, reason)| json!({
            "location": r.location.to_string(),
            "text": r.text,
            "reason": short_reason(reason),
        })).collect::<Vec<_>>(),
        "warnings": plan.notices.iter().map(|n| json!({
            "location": n.location.as_ref().map(ToString::to_string),
            "message": n.message,
            "help": n.help,
        })).collect::<Vec<_>>(),
    })
}
