//! `planpub init` and `planpub new`: starting points that build at once.

use crate::messages::Key;
use crate::model::content::ContentType;
use crate::model::content::placeholders as ph;
use crate::model::slug::Slug;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error(
        "there is no site.yaml in {0}, so this is not a site folder: run `planpub new` in the folder that holds site.yaml, name that folder with --root, or create a site with `planpub init`"
    )]
    NotASite(PathBuf),
    #[error("{0} already exists; planpub will not overwrite it")]
    Exists(PathBuf),
    #[error("the folder {0} is not empty; choose a new folder for the site")]
    NotEmpty(PathBuf),
    #[error("cannot make a file name from the title \"{0}\"; use letters or digits")]
    BadTitle(String),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// The catalogue message for the error, naming the path.
    pub fn key(&self) -> Key {
        let at = |id, p: &Path| Key::new(id).arg("path", p.display().to_string());
        match self {
            ScaffoldError::NotASite(p) => at("scaffold-not-a-site", p),
            ScaffoldError::Exists(p) => at("scaffold-exists", p),
            ScaffoldError::NotEmpty(p) => at("scaffold-not-empty", p),
            ScaffoldError::BadTitle(t) => Key::new("scaffold-bad-title").arg("title", t),
            ScaffoldError::Io { path, source } => {
                at("scaffold-io", path).sub("reason", crate::messages::io_reason(source))
            }
        }
    }
}

/// Writes a file that must not exist yet (the folders are created).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), ScaffoldError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| ScaffoldError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    // create_new: never overwrite, even if the file appeared since we looked.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(path.to_path_buf())
            } else {
                ScaffoldError::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
    std::io::Write::write_all(&mut f, bytes).map_err(|source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The folder under `content/` that new items of `kind` go into.
pub fn section(kind: ContentType) -> &'static str {
    crate::model::content::contract::TypeDoc::of(kind).folder
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Front matter and body for a new file of `kind`, with every field of the type
/// present. New files are drafts until staff remove `draft: true`; the texts to replace
/// come from [`ph`], which `check` also reads. A new decision has no outcomes and a
/// placeholder meeting far ahead, so it stays an agenda item until it is filled in.
pub fn template(kind: ContentType, title: &str, today: NaiveDate, min_days: u32) -> String {
    let t = yaml_string(title);
    let q = yaml_string;
    let d = today.format("%Y-%m-%d");
    let y = today.format("%Y");
    let closes = (today + chrono::Duration::days(i64::from(min_days))).format("%Y-%m-%d");
    // The fields every type has; commented ones are uncommented when needed.
    let common = format!(
        "area: \ntags: []   # emneord, fx [ høring, lokalplan ]\nattachments: []   # bilag: - {{ title: Bilag, file: bilag.pdf }}\n# slug: eget-webnavn   # sidste del af webadressen; uden linjen bruges filnavnet\n# updated: {d}   # hvornår siden sidst blev ændret\n# publish_at: {d} 08:00   # embargo: ikke offentlig før dette tidspunkt\n"
    );
    match kind {
        ContentType::Plan => format!(
            "---\ntype: plan\ntitle: {t}\nsummary: {summary}\npublished: {d}\ndraft: true   # fjern linjen, når planen må offentliggøres\n# status: draft   # udelad status, så følger den tidsplanen; ellers draft | hearing | adopted | archived\nowner: \ncontact: {{ name: , email: , phone: }}\ncase_number: \n# document_number: \n# parent: slug-paa-overordnet-plan\n{common}timeline:\n  - when: primo {y}\n    what: {step}\n    who: \n    kind: phase   # milestone | meeting | hearing | decision | phase\n    # hearing: slug-paa-hoeringen   # trinnet linker til en høring\n    # decision: slug-paa-beslutningen   # eller til en beslutning\n    # note: En bemærkning ved trinnet\n    # id: fast-id   # kun nødvendigt, hvis to trin ellers ligner hinanden\n  - undated: efter behov\n    what: {undated}\n# tracks:   # udviklingsspor med deres tiltag\n#   - name: Organisering\n#     description: Hvordan området ledes\n#     actions:\n#       - what: Ansættelse af to fagchefer\n#         when: januar – juni {y}\n#         who: Direktionen\n#         level: central   # central | local\n#         note: En bemærkning\n#       - what: Et tiltag uden fast dato\n#         undated: løbende\n---\n\n{body}\n",
            summary = q(ph::PLAN_SUMMARY),
            step = q(ph::PLAN_STEP),
            undated = q(ph::PLAN_UNDATED_STEP),
            body = ph::PLAN_BODY,
        ),
        ContentType::Hearing => format!(
            "---\ntype: hearing\ntitle: {t}\nsummary: {summary}\npublished: {d}\ndraft: true   # fjern linjen, når høringen må offentliggøres\n# plan: slug-paa-planen\nauthority: \ncase_number: \nopens: {d}   # én dag\ncloses: {closes} 12:00   # høringsfristen: én dag, evt. med klokkeslæt (uden klokkeslæt: dagens slutning)\nrespond:\n  email: \n  address: \n  url: \ndocuments: []   # - {{ title: Høringsmateriale, file: hoeringsmateriale.pdf }}\nmeetings: []    # - {{ when: {d} 19:00, until: \"21:00\", where: Rådhuset, address: Rådhuspladsen 1, what: Borgermøde, id: borgermoede }}\n{common}# responses:   # høringssvar; de vises først, når fristen er udløbet\n#   - {{ from: Ældrerådet, file: hoeringssvar.pdf, received: {closes} }}\n# summary_note: {{ title: Høringsnotat, file: hoeringsnotat.pdf }}   # vises først efter fristen\n# decision: slug-paa-beslutningen   # beslutningen, der fulgte efter høringen\n# min_days: {min_days}   # erstatter sitets min_hearing_days for denne høring\n---\n\n{body}\n",
            summary = q(ph::HEARING_SUMMARY),
            body = ph::HEARING_BODY,
        ),
        ContentType::Decision => format!(
            "---\ntype: decision\ntitle: {t}\nsummary: {summary}   # vises først, når mødet er holdt\ndraft: true   # fjern linjen, når punktet må offentliggøres\ncommittee: Byrådet   # udvalget eller byrådet; indgår i den faste webadresse\nmeeting: {meeting}   # pladsholder: skriv mødets dato, fx {d}\nitem: 1\ncase_number: \naccess: open   # open | closed\nrecommendations:\n  - text: {rec}\n    # outcome: approved   # skrives, når mødet er holdt: approved | discussed | noted | rejected | postponed\n    # remark: Godkendt, med den bemærkning, at …\nabsent: []\nplans: []      # slugs på de planer, beslutningen angår\nhearings: []   # slugs på de høringer, beslutningen fulgte efter\n# published: {d}\n{common}# corrections:   # den eneste måde, en offentliggjort beslutning må ændres på\n#   - {{ date: {d}, note: Hvad der blev rettet }}\n# withdrawn: {{ date: {d}, reason: Hvorfor punktet blev trukket tilbage }}\n---\n\n{body}\n",
            summary = q(ph::DECISION_SUMMARY),
            meeting = ph::DECISION_MEETING,
            rec = q(ph::DECISION_RECOMMENDATION),
            body = ph::DECISION_BODY,
        ),
        ContentType::Page => format!(
            "---\ntype: page\ntitle: {t}\nsummary: {summary}\npublished: {d}\ndraft: true   # fjern linjen, når siden må offentliggøres\n# menu: 1   # placering i hovedmenuen; uden linjen er siden ikke i menuen\n{common}---\n\n{body}\n",
            summary = q(ph::PAGE_SUMMARY),
            body = ph::PAGE_BODY,
        ),
    }
}

/// Writes a new content file for `title`; returns its path.
pub fn new_content(
    root: &Path,
    kind: ContentType,
    title: &str,
    today: NaiveDate,
    min_days: u32,
) -> Result<PathBuf, ScaffoldError> {
    if !root.join(crate::model::config::FILE_NAME).is_file() {
        let shown = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        return Err(ScaffoldError::NotASite(shown));
    }
    let slug = Slug::from_text(title).map_err(|_| ScaffoldError::BadTitle(title.to_string()))?;
    let path = new_path(root, kind, &slug)?;
    write_new(&path, template(kind, title, today, min_days).as_bytes())?;
    Ok(path)
}

/// Where a new page of `kind` with `slug` goes (`content/<section>/<slug>.md`), or
/// `Exists` when the page is already there, as a file or as a folder with `index.md`.
pub fn new_path(root: &Path, kind: ContentType, slug: &Slug) -> Result<PathBuf, ScaffoldError> {
    let dir = root.join("content").join(section(kind));
    let path = dir.join(format!("{slug}.md"));
    let bundle = dir.join(slug.as_str()).join("index.md");
    for p in [&path, &bundle] {
        if p.exists() {
            return Err(ScaffoldError::Exists(p.clone()));
        }
    }
    Ok(path)
}

const INIT_SITE: &str = "# Indstillinger for sitet. Alle felter er beskrevet i planpubs README.
title: Planer og høringer
language: da            # da | en
base_url: https://planer.example.dk/
organisation: Eksempel Kommune
description: Kommunens planer, høringer og politiske beslutninger.
contact:
  name: Kommunikation
  email: kommunikation@example.dk
min_hearing_days: 28    # advarsel, hvis en høring er kortere
accessibility_page: tilgaengelighedserklaering
# Hvad høringssiderne siger om personoplysninger i høringssvar. Uden `text` bruges
# temaets standardtekst; link til jeres egen privatlivspolitik med `page` (en side her)
# eller `url` (en adresse andetsteds).
# privacy:
#   url: https://www.example.dk/privatlivspolitik
# theme: themes/mit-tema   # uden denne linje bruges planpubs indbyggede standardtema;
#                          # enkelte skabeloner kan tilpasses i templates/ og filer i static/
";

/// The example content of a new site, as of `today`: a plan in hearing, its open
/// hearing with a document, the committee's coming agenda item on the plan, and an
/// accessibility statement. It passes `check` without a warning, and nothing in it is
/// recorded in the decision ledger (the decision is an agenda item until its meeting),
/// so the examples can be deleted before the site is first published.
fn init_files(today: NaiveDate) -> Vec<(&'static str, Vec<u8>)> {
    let d = today.format("%Y-%m-%d");
    let closes = (today + chrono::Duration::days(42)).format("%Y-%m-%d");
    let meeting = (today + chrono::Duration::days(56)).format("%Y-%m-%d");
    let y = today.format("%Y");
    let text = |s: String| s.into_bytes();
    vec![
        ("site.yaml", INIT_SITE.as_bytes().to_vec()),
        ("content/planer/eksempel-plan.md", text(format!("---\ntype: plan\ntitle: Eksempel på en plan\nsummary: En plan, der viser, hvordan en tidsplan skrives.\npublished: {d}\n# Uden status: følger planens status tidsplanen, høringen og beslutningen.\narea: Eksempelområdet\nowner: Forvaltningen\ntimeline:\n  - when: primo {y}\n    what: Forvaltningen skriver et udkast til planen\n    kind: phase\n  - when: {d} – {closes}\n    what: Planen er i høring\n    kind: hearing\n    hearing: eksempel-hoering\n  - when: {meeting}\n    what: Eksempeludvalget behandler planen\n    kind: decision\n    decision: eksempel-beslutning\n---\n\nDette er en eksempelplan. Ret eller slet den.\n"))),
        ("content/hoeringer/eksempel-hoering.md", text(format!("---\ntype: hearing\ntitle: Høring over eksempelplanen\nsummary: Sig din mening om eksempelplanen.\npublished: {d}\nplan: eksempel-plan\nauthority: Forvaltningen\nopens: {d}\ncloses: {closes} 12:00\nrespond:\n  email: hoering@example.dk\ndocuments:\n  - title: Eksempel på høringsmateriale\n    file: eksempel-hoeringsmateriale.pdf\n---\n\nFortæl os, hvad du mener om planen.\n"))),
        ("content/hoeringer/eksempel-hoeringsmateriale.pdf", example_pdf("Eksempel paa hoeringsmateriale")),
        ("content/beslutninger/eksempel-beslutning.md", text(format!("---\ntype: decision\ntitle: Eksempel på et punkt om eksempelplanen\n# Før mødet er punktet et dagsordenspunkt. Skriv outcome: ved hver indstilling, når\n# mødet er holdt; derefter er beslutningen et arkiv, som ikke må ændres i stilhed\n# (se decision-ledger.json i README).\ncommittee: Eksempeludvalget\nmeeting: {meeting}\nitem: 1\nrecommendations:\n  - text: At høringssvarene tages til efterretning\n  - text: At planen vedtages\nplans: [ eksempel-plan ]\nhearings: [ eksempel-hoering ]\n---\n\nSagsfremstillingen skrives her: baggrunden for punktet og forløbet indtil nu.\n"))),
        ("content/sider/tilgaengelighedserklaering.md", text(format!("---\ntype: page\ntitle: Tilgængelighedserklæring\nsummary: Hvordan sitet lever op til kravene om webtilgængelighed.\npublished: {d}\n---\n\nEksempel Kommune ønsker, at alle kan bruge dette site. Sitet er lavet med planpub, hvis\nstandardtema er bygget til at leve op til WCAG 2.1 niveau AA.\n\nOffentlige myndigheder skal udfylde en tilgængelighedserklæring hos\nDigitaliseringsstyrelsen og linke til den herfra.\n\nOplever du problemer med at bruge sitet, så skriv til kommunikation@example.dk.\n"))),
        ("templates/LÆS-MIG.txt", "Læg en skabelon her med samme navn som i planpubs standardtema (fx page.html)\nfor at tilpasse den. Filer i static/ kopieres som de er og erstatter temaets filer\nmed samme navn.\n".as_bytes().to_vec()),
        ("static/.gitkeep", Vec::new()),
    ]
}

/// A one-page PDF that shows `line` (ASCII), so the example hearing has a real document.
fn example_pdf(line: &str) -> Vec<u8> {
    let stream = format!("BT /F1 18 Tf 72 720 Td ({line}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

/// Creates a new site in `dir` with one example of each content type.
pub fn init(dir: &Path, today: NaiveDate) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut r| r.next().is_some())
            .unwrap_or(true)
    {
        return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
    }
    let mut written = Vec::new();
    for (rel, bytes) in init_files(today) {
        let p = dir.join(rel);
        write_new(&p, &bytes)?;
        written.push(p);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::contract::{self, FieldDoc, Kind};

    /// The template with every line that starts with `# field:` (or a commented row)
    /// uncommented.
    fn uncommented(text: &str) -> String {
        text.lines()
            .map(|l| {
                let indent = l.len() - l.trim_start().len();
                match l.trim_start().strip_prefix("# ") {
                    Some(rest) if rest.trim_start().starts_with("- ") || is_field(rest) => {
                        format!("{}{rest}", &l[..indent])
                    }
                    _ => l.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn is_field(s: &str) -> bool {
        s.trim_start().split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
    }

    fn names(fields: &[FieldDoc], out: &mut Vec<&'static str>) {
        for f in fields {
            out.push(f.name);
            if let Kind::Group(r) | Kind::Rows(r) = f.kind {
                names(r.fields, out);
            }
        }
    }

    #[test]
    fn a_new_file_fills_in_or_comments_every_field_of_its_type() {
        let today = NaiveDate::from_ymd_opt(2024, 3, 1).expect("day");
        for t in &contract::ALL {
            let text = template(t.kind, "Eksempel", today, 28);
            let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
            let mut all = Vec::new();
            names(&fields, &mut all);
            for name in all {
                let written = [
                    format!("\n{name}:"),
                    format!(" {name}:"),
                    format!("{{ {name}:"),
                ];
                assert!(
                    written.iter().any(|w| text.contains(w.as_str())),
                    "{}: `new` does not mention `{name}`:\n{text}",
                    t.kind.as_str()
                );
            }
            // Uncommented, the file still has only fields of the type.
            let open = uncommented(&text);
            let yaml = open.split("---\n").nth(1).expect("front matter");
            let value: serde_json::Value = serde_norway::from_str(yaml).unwrap_or_else(|e| {
                panic!(
                    "{}: uncommented template is not YAML: {e}\n{open}",
                    t.kind.as_str()
                )
            });
            let schema =
                crate::commands::editor::schema::for_type(t, crate::model::config::Language::Da);
            // Nested rows too: nothing the schema does not know, at any depth.
            let validator = jsonschema::validator_for(&schema).expect("schema");
            let unknown: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .filter(|e| e.contains("Additional properties"))
                .collect();
            assert!(
                unknown.is_empty(),
                "{}: {unknown:?}\n{open}",
                t.kind.as_str()
            );
        }
    }
}
