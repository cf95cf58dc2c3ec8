//! `planpub init` and `planpub new`: starting points that build at once.

use crate::model::content::ContentType;
use crate::model::slug::Slug;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
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

/// Writes a file that must not exist yet (the folders are created).
pub fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
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
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    })
}

pub fn section(kind: ContentType) -> &'static str {
    match kind {
        ContentType::Plan => "planer",
        ContentType::Hearing => "hoeringer",
        ContentType::Decision => "beslutninger",
        ContentType::Page => "sider",
    }
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Front matter and body for a new file of `kind`, with every field of the type
/// present. New files are drafts until staff remove `draft: true`.
pub fn template(kind: ContentType, title: &str, today: NaiveDate, min_days: u32) -> String {
    let t = yaml_string(title);
    let d = today.format("%Y-%m-%d");
    let closes = (today + chrono::Duration::days(i64::from(min_days))).format("%Y-%m-%d");
    match kind {
        ContentType::Plan => format!(
            "---\ntype: plan\ntitle: {t}\nsummary: Kort beskrivelse af planen i én eller to sætninger.\npublished: {d}\ndraft: true   # fjern linjen, når planen må offentliggøres\nstatus: draft   # draft | hearing | adopted | archived\narea: \nowner: \ncontact: {{ name: , email: , phone: }}\ncase_number: \n# parent: slug-paa-overordnet-plan\ntimeline:\n  - when: primo {y}\n    what: Arbejdet går i gang\n    who: \n    kind: phase   # milestone | meeting | hearing | decision | phase\n  - undated: efter behov\n    what: Dialogmøder med borgere\n---\n\nSkriv her, hvad planen handler om, og hvorfor den laves.\n",
            y = today.format("%Y")
        ),
        ContentType::Hearing => format!(
            "---\ntype: hearing\ntitle: {t}\nsummary: Hvad høringen handler om, i én sætning.\npublished: {d}\ndraft: true   # fjern linjen, når høringen må offentliggøres\n# plan: slug-paa-planen\nauthority: \ncase_number: \nopens: {d}\ncloses: {closes} 12:00   # høringsfristen\nrespond:\n  email: \n  address: \n  url: \ndocuments: []   # - {{ title: Høringsmateriale, file: hoeringsmateriale.pdf }}\nmeetings: []    # - {{ when: {d} 19:00, where: Rådhuset, what: Borgermøde }}\n---\n\nSkriv her, hvad borgerne bliver hørt om, og hvad svarene bruges til.\n"
        ),
        ContentType::Decision => format!(
            "---\ntype: decision\ntitle: {t}\nsummary: Hvad udvalget besluttede, i én sætning.\ndraft: true   # fjern linjen, når beslutningen må offentliggøres\nbody: Byrådet\nmeeting: {d}\nitem: 1\ncase_number: \naccess: open   # open | closed\nrecommendations:\n  - text: At forslaget godkendes\n    outcome: approved   # approved | discussed | noted | rejected | postponed\nabsent: []\nplans: []\n---\n\nSagsfremstilling: baggrund og forløb.\n"
        ),
        ContentType::Page => format!(
            "---\ntype: page\ntitle: {t}\nsummary: Hvad siden handler om.\npublished: {d}\ndraft: true   # fjern linjen, når siden må offentliggøres\n---\n\nSidens tekst.\n"
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
    let slug = Slug::from_text(title).map_err(|_| ScaffoldError::BadTitle(title.to_string()))?;
    let path = new_path(root, kind, &slug)?;
    write_new(&path, &template(kind, title, today, min_days))?;
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
# theme: themes/mit-tema   # uden denne linje bruges planpubs indbyggede standardtema;
#                          # enkelte skabeloner kan tilpasses i templates/ og filer i static/
";

/// Creates a new site in `dir` with one example of each content type.
pub fn init(dir: &Path, today: NaiveDate) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut r| r.next().is_some())
            .unwrap_or(true)
    {
        return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
    }
    let d = today.format("%Y-%m-%d");
    let closes = (today + chrono::Duration::days(42)).format("%Y-%m-%d");
    let y = today.format("%Y");
    let files: Vec<(&str, String)> = vec![
        ("site.yaml", INIT_SITE.to_string()),
        ("content/planer/eksempel-plan.md", format!("---\ntype: plan\ntitle: Eksempel på en plan\nsummary: En plan, der viser, hvordan en tidsplan skrives.\npublished: {d}\nstatus: hearing\narea: Eksempelområdet\nowner: Forvaltningen\ntimeline:\n  - when: primo {y}\n    what: Arbejdet går i gang\n    kind: phase\n  - when: {d} – {closes}\n    what: Planen er i høring\n    kind: hearing\n    hearing: eksempel-hoering\n  - when: ultimo {y}\n    what: Byrådet beslutter planen\n    kind: decision\n---\n\nDette er en eksempelplan. Ret eller slet den.\n")),
        ("content/hoeringer/eksempel-hoering.md", format!("---\ntype: hearing\ntitle: Høring over eksempelplanen\nsummary: Sig din mening om eksempelplanen.\npublished: {d}\nplan: eksempel-plan\nauthority: Forvaltningen\nopens: {d}\ncloses: {closes} 12:00\nrespond:\n  email: hoering@example.dk\n---\n\nFortæl os, hvad du mener om planen.\n")),
        ("content/beslutninger/eksempel-beslutning.md", format!("---\ntype: decision\ntitle: Eksempel på en beslutning\nsummary: Udvalget godkendte at sende eksempelplanen i høring.\n# Offentliggjorte beslutninger må ikke ændres i stilhed: se decision-ledger.json i README.\nbody: Eksempeludvalget\nmeeting: {d}\nitem: 1\nrecommendations:\n  - text: At planen sendes i høring\n    outcome: approved\nplans: [ eksempel-plan ]\n---\n\nSagsfremstillingen skrives her.\n")),
        ("content/sider/tilgaengelighedserklaering.md", format!("---\ntype: page\ntitle: Tilgængelighedserklæring\nsummary: Hvordan sitet lever op til kravene om webtilgængelighed.\npublished: {d}\n---\n\nSkriv her jeres tilgængelighedserklæring.\n")),
        ("templates/LÆS-MIG.txt", "Læg en skabelon her med samme navn som i planpubs standardtema (fx page.html)\nfor at tilpasse den. Filer i static/ kopieres som de er og erstatter temaets filer\nmed samme navn.\n".to_string()),
        ("static/.gitkeep", String::new()),
    ];
    let mut written = Vec::new();
    for (rel, text) in files {
        let p = dir.join(rel);
        write_new(&p, &text)?;
        written.push(p);
    }
    Ok(written)
}
