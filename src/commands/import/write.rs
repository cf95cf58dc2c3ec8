//! The imported plan as a content file: YAML front matter written by `serde_norway`
//! (which quotes whatever needs quoting) and a Markdown body.

use super::Imported;
use super::document::{Block, Table};
use super::plan::{ImportedRow, Reading};
use crate::model::content::Level;
use serde::Serialize;

#[derive(Serialize)]
struct Front<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    draft: bool,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    timeline: Vec<Row<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tracks: Vec<Track<'a>>,
}

#[derive(Serialize)]
struct Track<'a> {
    name: &'a str,
    actions: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    /// Set when another row has the same `what` and `who`: a row's calendar identity
    /// comes from those, so a repeated step (a status report every quarter, say)
    /// needs its own id.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    undated: Option<&'a str>,
    what: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    who: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn of(r: &'a ImportedRow) -> Row<'a> {
        // An unreadable date keeps its text exactly, as `undated:`.
        let (when, undated) = match &r.reading {
            Reading::Date(_) => (Some(r.text.as_str()), None),
            Reading::Undated { .. } => (None, Some(r.text.as_str())),
        };
        Row {
            id: None,
            when,
            undated,
            what: &r.what,
            who: r.who.as_deref(),
            level: r.level,
            note: r.note.as_deref(),
        }
    }
}

/// Gives every repeat of a row (the same `what` and `who`, as planpub compares them:
/// spaces collapsed, case ignored) an `id:` of its own, so the plan builds as written.
fn with_ids(mut rows: Vec<Row>) -> Vec<Row> {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut seen: std::collections::HashMap<(String, String), usize> = Default::default();
    for r in &mut rows {
        let n = seen
            .entry((norm(r.what), norm(r.who.unwrap_or(""))))
            .or_insert(0);
        *n += 1;
        if *n > 1 {
            let base = crate::model::slug::Slug::from_text(r.what)
                .map(|s| s.as_str().chars().take(40).collect::<String>())
                .unwrap_or_else(|_| "trin".into());
            r.id = Some(format!("{}-{n}", base.trim_end_matches('-')));
        }
    }
    rows
}

/// The whole file: front matter, then the body text.
pub fn render(plan: &Imported) -> Result<String, serde_norway::Error> {
    let front = Front {
        kind: "plan",
        title: &plan.title,
        draft: true,
        status: "draft",
        timeline: with_ids(plan.timeline.iter().map(Row::of).collect()),
        tracks: plan
            .tracks
            .iter()
            .map(|t| Track {
                name: &t.name,
                actions: t.actions.iter().map(Row::of).collect(),
            })
            .collect(),
    };
    let yaml = serde_norway::to_string(&front)?;
    let source = plan
        .source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = format!(
        "---\n# Importeret fra {source} med `planpub import`. Planen er en kladde: fjern\n# `draft: true`, når den må offentliggøres.\n{yaml}---\n"
    );
    let body = markdown(&plan.body);
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
    }
    Ok(out)
}

/// The body blocks as Markdown: headings as `##`, list items as `-`, tables that were
/// not imported as tables.
pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev_bullet = false;
    for b in blocks {
        let bullet = matches!(b, Block::Paragraph(p) if p.bullet);
        if !out.is_empty() {
            out.push_str(if bullet && prev_bullet { "\n" } else { "\n\n" });
        }
        match b {
            Block::Heading(h) => {
                out.push_str("## ");
                out.push_str(&escape(h));
            }
            Block::Paragraph(p) if p.bullet => {
                out.push_str("- ");
                out.push_str(&escape(&p.text));
            }
            Block::Paragraph(p) => out.push_str(&escape(&p.text)),
            Block::Table(t) => out.push_str(&table(t)),
        }
        prev_bullet = bullet;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn table(t: &Table) -> String {
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.texts()
                .iter()
                .map(|c| escape(&c.split_whitespace().collect::<Vec<_>>().join(" ")))
                .collect()
        })
        .collect();
    let Some(first) = rows.first() else {
        return String::new();
    };
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let mut out = vec![line(first), line(&vec!["---".to_string(); first.len()])];
    out.extend(rows[1..].iter().map(|r| line(r)));
    out.join("\n")
}

/// Text as Markdown that shows exactly this text: inline markup characters are
/// backslash-escaped, and so is a start that Markdown would take for a heading or list.
pub fn escape(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    // "- x", "+ x", "1. x" and "1) x" at the start of a paragraph would become lists.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let starts_list = out.starts_with("- ")
        || out.starts_with("+ ")
        || (digits > 0 && (out[digits..].starts_with(". ") || out[digits..].starts_with(") ")));
    if starts_list {
        let at = if digits > 0 { digits } else { 0 };
        out.insert(at, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_the_text() {
        assert_eq!(
            escape("* Metoden \"at borgerdesigne\""),
            "\\* Metoden \"at borgerdesigne\""
        );
        assert_eq!(
            escape("1. oktober 2021 er fristen"),
            "1\\. oktober 2021 er fristen"
        );
        assert_eq!(escape("- punkt"), "\\- punkt");
        assert_eq!(
            escape("Senior-, Social- og Sundhedsudvalget"),
            "Senior-, Social- og Sundhedsudvalget"
        );
        assert_eq!(escape("a_b <c> [d]"), "a\\_b \\<c\\> \\[d\\]");
    }
}
