//! `planpub editor` (and `planpub init`): the files that let staff write content with
//! help from their editor, all generated from one description of the content contract
//! (`model::content::contract`):
//!
//! * `.planpub/schemas/<da|en>/*.schema.json` — JSON Schemas of the front matter;
//! * `.vscode/` and `.remarkrc.mjs`, `package.json` — VS Code checks front matter against
//!   those schemas and completes field names and allowed values ([`vscode`]);
//! * `static/admin/` — the browser editor, Decap CMS or Sveltia CMS ([`decap`]).
//!
//! Generated files are rewritten on every run; files staff may adapt (settings,
//! `package.json`, `admin/index.html`) are written only when missing, and the browser
//! editor's `backend:` is kept.

pub mod decap;
pub mod schema;
pub mod vscode;

use crate::commands::scaffold::ScaffoldError;
use crate::model::config::Language;
use crate::model::content::contract;
use std::path::{Path, PathBuf};

/// Whether `planpub editor` may replace a file that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Made from the contract; rewritten on every run.
    Generated,
    /// A starting point staff may change; written only when missing.
    Site,
}

#[derive(Debug, Clone)]
pub struct EditorFile {
    /// Relative to the site root, with `/`.
    pub path: String,
    pub text: String,
    pub owner: Owner,
}

fn json(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// Every editor file of a site in `lang` (schemas come in both languages).
pub fn files(lang: Language) -> Vec<EditorFile> {
    let file = |path: String, text: String, owner| EditorFile { path, text, owner };
    let mut out = Vec::new();
    for l in [Language::Da, Language::En] {
        let dir = vscode::schema_dir(l);
        for t in &contract::ALL {
            let name = format!("{dir}/{}.schema.json", t.kind.as_str());
            out.push(file(name, json(&schema::for_type(t, l)), Owner::Generated));
        }
        let any = format!("{dir}/content.schema.json");
        out.push(file(any, json(&schema::for_any(l)), Owner::Generated));
    }
    use Owner::*;
    out.extend([
        file(
            ".vscode/planpub.code-snippets".into(),
            vscode::snippets(lang),
            Generated,
        ),
        file(".remarkrc.mjs".into(), vscode::remarkrc(lang), Generated),
        file(
            "static/admin/config.yml".into(),
            decap::config_yml(lang),
            Generated,
        ),
        file(
            ".vscode/settings.json".into(),
            vscode::settings_json(),
            Site,
        ),
        file(
            ".vscode/extensions.json".into(),
            vscode::extensions_json(),
            Site,
        ),
        file("package.json".into(), vscode::package_json(), Site),
        file(".gitignore".into(), "node_modules/\n".into(), Site),
        file(
            "static/admin/index.html".into(),
            decap::index_html(lang),
            Site,
        ),
    ]);
    out
}

/// What [`write`] did.
#[derive(Debug, Default)]
pub struct Written {
    pub written: Vec<PathBuf>,
    /// Files staff own that existed and were left alone.
    pub kept: Vec<PathBuf>,
}

/// Writes the editor files into the site at `root`.
pub fn write(root: &Path, lang: Language) -> Result<Written, ScaffoldError> {
    let mut done = Written::default();
    for f in files(lang) {
        let path = root.join(&f.path);
        if f.owner == Owner::Site && path.exists() {
            done.kept.push(path);
            continue;
        }
        let text = if f.path.ends_with("admin/config.yml") {
            keep_backend(&path, f.text)
        } else {
            f.text
        };
        replace(&path, text.as_bytes())?;
        done.written.push(path);
    }
    Ok(done)
}

/// The browser editor's `backend:` is the site's own choice: a refresh keeps it.
fn keep_backend(path: &Path, fresh: String) -> String {
    let Ok(old) = std::fs::read_to_string(path) else {
        return fresh;
    };
    let Ok(old) = serde_norway::from_str::<serde_norway::Value>(&old) else {
        return fresh;
    };
    let Some(backend) = old.get("backend") else {
        return fresh;
    };
    let Ok(line) = serde_norway::to_string(&serde_norway::Mapping::from_iter([(
        serde_norway::Value::String("backend".into()),
        backend.clone(),
    )])) else {
        return fresh;
    };
    // The generated backend block runs from `backend:` to the next top-level key.
    let start = fresh.find("\nbackend:").map(|i| i + 1);
    let end = start.and_then(|s| {
        fresh[s + 1..]
            .find("\nlocal_backend:")
            .map(|e| s + 1 + e + 1)
    });
    match (start, end) {
        (Some(s), Some(e)) => format!("{}{line}{}", &fresh[..s], &fresh[e..]),
        _ => fresh,
    }
}

/// Writes `bytes` to `path` through a temporary file, so a reader never sees half.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(io)?;
    // A temporary file is private; these files are read by editors and published.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o644);
        tmp.as_file().set_permissions(mode).map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
