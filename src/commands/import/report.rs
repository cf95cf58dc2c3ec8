//! What `planpub import` tells staff: the rows as planpub read them (`--dry-run`), the
//! same as JSON for scripts (`--format json`), and the summary of what needs a look.

use super::plan::{ImportedRow, Reading};
use super::{Imported, TitleSource};
use crate::messages::{Key, Messages};
use crate::model::dates::Precision;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::Path;

/// A row's undated reason without the list of the forms that work, which follows
/// "is not a date planpub can read" and would repeat for every such row.
pub fn short_reason(reason: &Key) -> Key {
    if reason.id == "date-not-a-date" {
        let mut short = reason.clone();
        short.id = "import-undated-not-a-date";
        short
    } else {
        reason.clone()
    }
}

fn precision(p: Precision) -> Key {
    Key::new(match p {
        Precision::Day => "import-precision-day",
        Precision::Week => "import-precision-week",
        Precision::Month => "import-precision-month",
        Precision::PartOfMonth => "import-precision-part-of-month",
        Precision::Quarter => "import-precision-quarter",
        Precision::HalfYear => "import-precision-half-year",
        Precision::PartOfYear => "import-precision-part-of-year",
        Precision::Season => "import-precision-season",
        Precision::Year => "import-precision-year",
        Precision::Range => "import-precision-range",
        Precision::OpenEnded => "import-precision-open-ended",
        Precision::Ongoing => "import-precision-ongoing",
    })
}

fn interval(r: &ImportedRow, m: &Messages) -> (String, String, String) {
    match &r.reading {
        Reading::Date(d) => {
            let day = |x: Option<chrono::NaiveDate>| {
                x.map(|d| d.to_string())
                    .unwrap_or_else(|| m.get("date-out-open"))
            };
            (
                day(d.date.start()),
                day(d.date.end()),
                m.text(&precision(d.date.precision())),
            )
        }
        Reading::Undated { .. } => ("-".into(), "-".into(), m.get("import-precision-undated")),
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

/// The date cell as written, quoted, or "(empty)".
fn cell_text(r: &ImportedRow, m: &Messages) -> String {
    if r.text.is_empty() {
        m.get("import-empty")
    } else {
        format!("\"{}\"", r.text)
    }
}

fn row_line(out: &mut String, r: &ImportedRow, m: &Messages) {
    let (start, end, precision) = interval(r, m);
    let _ = write!(
        out,
        "  {:<24} {:<32} {} – {}  {:<13} {}",
        m.text(&r.location.key()),
        cell_text(r, m),
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
pub fn rows_text(plan: &Imported, target: &str, m: &Messages) -> String {
    let mut out = String::new();
    let from = Key::new(match plan.title_source {
        TitleSource::Option => "import-title-from-option",
        TitleSource::Heading => "import-title-from-heading",
        TitleSource::FileName => "import-title-from-file-name",
    });
    let title = Key::new("import-rows-title")
        .arg("title", plan.title.clone())
        .sub("from", from);
    let _ = writeln!(out, "{}", m.text(&title));
    let _ = writeln!(
        out,
        "{}",
        m.text(&Key::new("import-rows-target").arg("path", target))
    );
    if !plan.timeline.is_empty() {
        let head = Key::new("import-rows-timeline").num("n", plan.timeline.len());
        let _ = writeln!(out, "\n{}", m.text(&head));
        for r in &plan.timeline {
            row_line(&mut out, r, m);
        }
    }
    for t in &plan.tracks {
        let head = Key::new("import-rows-track")
            .arg("name", t.name.clone())
            .num("n", t.actions.len());
        let _ = writeln!(out, "\n{}", m.text(&head));
        for r in &t.actions {
            row_line(&mut out, r, m);
        }
    }
    let blocks = plan.body.len();
    if blocks > 0 {
        let body = Key::new("import-rows-body").num("n", blocks);
        let _ = writeln!(out, "\n{}", m.text(&body));
    }
    out
}

/// `help: …` under a line, as the rest of planpub writes it.
fn help_line(out: &mut String, help: &str, m: &Messages) {
    let label = m.get("diag-help");
    let indent = " ".repeat(label.chars().count() + 4);
    let _ = writeln!(
        out,
        "  {label}: {}",
        help.replace('\n', &format!("\n{indent}"))
    );
}

/// The summary printed after every import: what needs a look, row by row.
pub fn summary(plan: &Imported, written: Option<&Path>, m: &Messages) -> String {
    let mut out = String::new();
    let rows = plan.timeline.len();
    let what = if plan.tracks.is_empty() {
        Key::new("import-what-rows").num("rows", rows)
    } else {
        Key::new("import-what-tracks")
            .num("rows", rows)
            .num("actions", plan.row_count() - rows)
            .num("tracks", plan.tracks.len())
    };
    let head = match written {
        Some(p) => Key::new("import-written")
            .sub("what", what)
            .arg("path", p.display().to_string()),
        None => Key::new("import-dry-run").sub("what", what),
    };
    let _ = writeln!(out, "{}", m.text(&head));
    let warning = m.get("severity-warning");
    for n in &plan.notices {
        let at = n
            .location
            .as_ref()
            .map(|l| format!("{}: ", m.text(&l.key())))
            .unwrap_or_default();
        let _ = writeln!(out, "{warning}: {at}{}", m.text(&n.key));
        if let Some(h) = m.help(&n.key) {
            help_line(&mut out, &h, m);
        }
    }
    let undated: Vec<_> = plan.undated().collect();
    if !undated.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            m.text(&Key::new("import-undated").num("n", undated.len()))
        );
        for (r, reason) in &undated {
            let _ = writeln!(
                out,
                "  {}: {} ({}): {}",
                m.text(&r.location.key()),
                cell_text(r, m),
                shorten(&r.what, 40),
                m.text(&short_reason(reason))
            );
        }
        help_line(&mut out, &m.get("import-undated-help"), m);
    }
    out
}

fn row_json(r: &ImportedRow, m: &Messages) -> Value {
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
            Value::String(m.text(&short_reason(reason))),
            Value::Null,
        ),
    };
    json!({
        "location": m.text(&r.location.key()),
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
/// Keys and values for programs stay English (`precision`, `level`); what people read
/// (`location`, `reason`, `message`, `help`) is in the reader's language.
pub fn json(plan: &Imported, target: &str, written: bool, m: &Messages) -> Value {
    let row = |r: &ImportedRow| row_json(r, m);
    json!({
        "source": plan.source.display().to_string(),
        "title": plan.title,
        "slug": plan.slug.as_str(),
        "path": target,
        "written": written,
        "timeline": plan.timeline.iter().map(row).collect::<Vec<_>>(),
        "tracks": plan.tracks.iter().map(|t| json!({
            "name": t.name,
            "location": m.text(&t.location.key()),
            "actions": t.actions.iter().map(row).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "body": super::write::markdown(&plan.body),
        "undated": plan.undated().map(|(r, reason)| json!({
            "location": m.text(&r.location.key()),
            "text": r.text,
            "reason": m.text(&short_reason(reason)),
        })).collect::<Vec<_>>(),
        "warnings": plan.notices.iter().map(|n| json!({
            "location": n.location.as_ref().map(|l| m.text(&l.key())),
            "message": m.text(&n.key),
            "help": m.help(&n.key),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::import::columns::parse_spec;
    use crate::commands::import::document::{Block, Cell, Slot, TableName, sheet_table};
    use crate::commands::import::plan::assemble;
    use crate::messages::of;
    use crate::model::config::Language;
    use crate::model::dates::DateConventions;
    use crate::model::slug::Slug;

    fn table(n: usize, rows: &[&[&str]]) -> Block {
        let grid = rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| Slot::Content(Cell::from_lines(t)))
                    .collect()
            })
            .collect();
        Block::Table(sheet_table(TableName::Numbered(n), 1, grid, &[]))
    }

    fn imported(blocks: Vec<Block>, columns: Option<&str>) -> Imported {
        let columns = columns.map(|c| parse_spec(c).expect("columns"));
        let a = assemble(blocks, columns.as_ref(), &DateConventions::default());
        Imported {
            source: "plan.docx".into(),
            title: "Planen".into(),
            title_source: TitleSource::Heading,
            slug: Slug::from_text("Planen").expect("slug"),
            timeline: a.timeline,
            tracks: a.tracks,
            body: a.body,
            notices: a.notices,
        }
    }

    /// A table that is not a timeline, a row without an activity, a level planpub does
    /// not know and a date it cannot read: the notices the fixtures do not reach.
    fn mixed(columns: Option<&str>) -> Imported {
        imported(
            vec![
                table(1, &[&["Nr.", "Indhold"], &["1", "Noget andet"]]),
                table(
                    2,
                    &[
                        &["Dato", "Aktivitet", "Niveau"],
                        &["marts 2024", "", "central"],
                        &["når det passer", "Møde", "regionalt"],
                    ],
                ),
            ],
            columns,
        )
    }

    #[test]
    fn notices_and_undated_rows_are_told_in_the_messages_language() {
        let plan = mixed(None);
        let da = summary(&plan, None, of(Language::Da));
        for expected in [
            "Læste 2 rækker i tidslinjen; intet er skrevet (`--dry-run`).",
            "advarsel: tabel 1 (overskrifter: \"Nr. | Indhold\") er hverken en tidslinje eller en tabel med udviklingsspor, så den er kopieret ind i brødteksten som en tabel",
            "  hjælp: hvis det er planens tidslinje, så angiv dens kolonner, for eksempel `--columns when=1,what=2,who=3`",
            "advarsel: tabel 2, række 2: rækken har ingen tekst om, hvad der sker\n  hjælp: skriv, hvad der sker, i feltet `what:`",
            "advarsel: tabel 2, række 3: planpub kender ikke niveauet \"regionalt\", så det er gemt i bemærkningen\n  hjælp: niveauerne er `central` og `local`",
            "1 række har ingen dato, som planpub kan læse, så den er importeret som `undated:`",
            "  tabel 2, række 3: \"når det passer\" (Møde): \"når det passer\" er ikke en dato, som planpub kan læse.\n",
        ] {
            assert!(da.contains(expected), "missing {expected:?} in\n{da}");
        }
        // The list of the forms that work is for `planpub date`, not for every row.
        assert!(!da.contains("Disse former virker"), "{da}");
        let en = summary(&plan, None, of(Language::En));
        for expected in [
            "Read 2 timeline rows; nothing was written (`--dry-run`).",
            "warning: table 1 (headings: \"Nr. | Indhold\") is neither a timeline nor a tracks table",
            "warning: table 2, row 2: the row has no activity text\n  help: write what happens in the `what:` field",
            "1 row has no date planpub can read, so it was imported as `undated:`",
            "\"når det passer\" is not a date this site understands.\n",
        ] {
            assert!(en.contains(expected), "missing {expected:?} in\n{en}");
        }
        assert!(!en.contains("These forms work"), "{en}");
        // With --columns, the help says why the table did not fit them.
        let da = summary(
            &mixed(Some("when=1,what=2,level=3")),
            None,
            of(Language::Da),
        );
        assert!(
            da.contains(
                "  hjælp: den har færre kolonner, end `--columns when=1,what=2,level=3` nævner"
            ),
            "{da}"
        );
        let json = json(&plan, "content/planer/planen.md", false, of(Language::Da));
        assert_eq!(json["warnings"][0]["location"], Value::Null);
        assert_eq!(json["warnings"][1]["location"], "tabel 2, række 2");
        assert_eq!(
            json["warnings"][1]["help"],
            "skriv, hvad der sker, i feltet `what:`"
        );
        assert_eq!(
            json["undated"][0]["reason"],
            "\"når det passer\" er ikke en dato, som planpub kan læse."
        );
    }

    #[test]
    fn an_unnamed_first_track_is_told_in_the_messages_language() {
        let plan = imported(
            vec![table(
                1,
                &[
                    &["Udviklingsspor", "Tiltag", "Tidspunkt"],
                    &["", "Temadag", "marts 2024"],
                ],
            )],
            None,
        );
        let da = summary(&plan, None, of(Language::Da));
        assert!(
            da.contains("advarsel: tabel 1, række 2: første række i tabellen med udviklingsspor nævner intet spor, så sporet hedder \"Uden navn\"\n  hjælp: skriv sporets navn i feltet `name:`"),
            "{da}"
        );
        assert!(
            da.contains("Læste 0 rækker i tidslinjen og 1 tiltag i 1 udviklingsspor"),
            "{da}"
        );
        let rows = rows_text(&plan, "content/planer/planen.md", of(Language::Da));
        assert!(
            rows.contains("Udviklingsspor \"Uden navn\" (1 tiltag):"),
            "{rows}"
        );
        let en = summary(&plan, None, of(Language::En));
        assert!(
            en.contains("the first row of the tracks table names no track, so the track is called \"Uden navn\""),
            "{en}"
        );
        assert!(
            en.contains("Read 0 timeline rows and 1 action in 1 track;"),
            "{en}"
        );
    }
}
