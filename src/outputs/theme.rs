//! The theme: Tera templates, translations and static assets.
//!
//! The default theme in `themes/default/` is compiled into the binary, so a site needs
//! nothing but `site.yaml` and `content/`. A site may select another theme folder in
//! `site.yaml` (`theme:`), and may override any single template or asset by putting a
//! file of the same name in its own `templates/` or `static/` folder. Whatever is not
//! overridden falls back to the default theme.

use crate::messages::Key;
use crate::model::config::{Language, SiteConfig};
use crate::model::diagnostics::{Diagnostic, Severity, rel_display};
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;
use walkdir::WalkDir;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A file the theme or the site publishes as is.
#[derive(Debug, Clone)]
pub enum Asset {
    Embedded(&'static [u8]),
    File(PathBuf),
}

pub struct Theme {
    pub tera: Tera,
    /// Translations for the site's language: key → text.
    pub strings: BTreeMap<String, String>,
    /// Output path (site-relative) → asset. Site `static/` files win over the theme's.
    pub assets: BTreeMap<String, Asset>,
}

impl Theme {
    pub fn load(root: &Path, cfg: &SiteConfig) -> Result<Theme, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        // name → (source text, where it came from, for error messages)
        let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut strings_text: Vec<(String, String)> = Vec::new();
        let mut assets: BTreeMap<String, Asset> = BTreeMap::new();
        let lang_file = format!("i18n/{}.yaml", cfg.language.code());

        for f in embedded_files(&DEFAULT_THEME) {
            let path = f.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(f.contents()).into_owned();
                templates.insert(name.to_string(), (text, format!("themes/default/{path}")));
            } else if let Some(rel) = path.strip_prefix("static/") {
                assets.insert(rel.to_string(), Asset::Embedded(f.contents()));
            } else if path == lang_file {
                strings_text.push((
                    String::from_utf8_lossy(f.contents()).into_owned(),
                    format!("themes/default/{path}"),
                ));
            }
        }

        let mut overlay = |dir: PathBuf,
                           templates_sub: &str,
                           static_sub: &str,
                           i18n: bool,
                           diags: &mut Vec<Diagnostic>| {
            for (rel, path) in files_under(&dir.join(templates_sub)) {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        templates.insert(rel, (text, rel_display(root, &path)));
                    }
                    Err(e) => diags.push(Diagnostic::keyed(
                        Severity::Error,
                        rel_display(root, &path),
                        Key::new("template-unreadable")
                            .sub("reason", crate::messages::io_reason(&e)),
                    )),
                }
            }
            for (rel, path) in files_under(&dir.join(static_sub)) {
                assets.insert(rel, Asset::File(path));
            }
            if i18n {
                let p = dir.join(&lang_file);
                if let Ok(text) = std::fs::read_to_string(&p) {
                    strings_text.push((text, rel_display(root, &p)));
                }
            }
        };
        if let Some(theme) = &cfg.theme {
            let dir = root.join(theme);
            if !dir.is_dir() {
                diags.push(
                    Diagnostic::keyed(
                        Severity::Error,
                        crate::model::config::FILE_NAME,
                        Key::new("theme-missing").arg("theme", theme.as_str()),
                    )
                    .field("theme"),
                );
            } else {
                overlay(dir, "templates", "static", true, &mut diags);
            }
        }
        // A site may also change single labels in its own i18n/<language>.yaml.
        overlay(root.to_path_buf(), "templates", "static", true, &mut diags);

        let mut strings = BTreeMap::new();
        for (text, file) in strings_text {
            match serde_norway::from_str::<BTreeMap<String, String>>(&text) {
                Ok(m) => strings.extend(m),
                Err(e) => diags.push(
                    Diagnostic::keyed(
                        Severity::Error,
                        file,
                        Key::new("translations-invalid")
                            .arg("reason", e.to_string().replace('`', "'")),
                    )
                    .at(
                        e.location().map(|l| l.line()),
                        e.location().map(|l| l.column()),
                    ),
                ),
            }
        }

        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("slugify", slugify_filter);
        tera.register_filter("mailto", mailto_filter);
        let sources: Vec<(String, String)> = templates
            .iter()
            .map(|(n, (t, _))| (n.clone(), t.clone()))
            .collect();
        if let Err(e) = tera.add_raw_templates(sources) {
            diags.push(template_error(&e, &templates));
        }
        if diags.iter().any(Diagnostic::is_error) {
            return Err(diags);
        }
        Ok(Theme {
            tera,
            strings,
            assets,
        })
    }

    /// The translation of `key`, or the key itself so a missing string is visible.
    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// The size and time of every file a theme is loaded from (the site's `templates/`,
/// `static/` and `i18n/` folders and the theme folder), hashed: when it changes, the
/// theme must be loaded again.
pub fn input_stamps(root: &Path, cfg: &SiteConfig) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::model::digest::digester();
    let mut dirs = vec![
        root.join("templates"),
        root.join("static"),
        root.join("i18n"),
    ];
    if let Some(t) = &cfg.theme {
        dirs.push(root.join(t));
    }
    for dir in dirs {
        for (rel, path) in files_under(&dir) {
            let m = std::fs::metadata(&path).ok();
            (
                rel,
                m.as_ref().map(|m| m.len()),
                m.and_then(|m| m.modified().ok()),
            )
                .hash(&mut h);
        }
    }
    h.finish()
}

/// `slugify`: the Danish-aware slug of a text (æ→ae, ø→oe, å→aa), for ids in templates.
fn slugify_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| value.to_string());
    Ok(tera::Value::String(
        crate::model::slug::Slug::from_text(&text)
            .map(|s| s.to_string())
            .unwrap_or_default(),
    ))
}

/// `{{ address | mailto }}` or `{{ address | mailto(subject="…") }}`: the one way a
/// template writes a `mailto:` link ([`Email::mailto`](crate::model::web::Email::mailto)).
/// A value that is not a checked address gives an empty link rather than a wrong one.
fn mailto_filter(
    value: &tera::Value,
    args: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let subject = args.get("subject").and_then(tera::Value::as_str);
    let href = value
        .as_str()
        .and_then(|s| crate::model::web::Email::parse(s).ok())
        .map(|e| e.mailto(subject))
        .unwrap_or_default();
    Ok(tera::Value::String(href))
}

/// Keys of the built-in translations for a language (used to check that both
/// languages are complete).
pub fn default_strings(lang: Language) -> BTreeMap<String, String> {
    let file = format!("i18n/{}.yaml", lang.code());
    DEFAULT_THEME
        .get_file(&file)
        .and_then(|f| serde_norway::from_slice(f.contents()).ok())
        .unwrap_or_default()
}

fn embedded_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<&include_dir::File> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(embedded_files(d));
    }
    out
}

fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (rel_display(dir, e.path()), e.into_path()))
        .collect()
}

/// Tera nests the useful part of a parse error (with its line) in the error's source.
pub fn template_error(
    e: &tera::Error,
    templates: &BTreeMap<String, (String, String)>,
) -> Diagnostic {
    let msg = render_error_message(e);
    let found = templates
        .iter()
        .find(|(name, _)| msg.contains(&format!("'{name}'")));
    let file = found
        .map(|(_, (_, file))| file.clone())
        .unwrap_or_else(|| "templates".into());
    let name = found.map(|(n, _)| n.as_str()).unwrap_or("?");
    // Tera's parser says where it stopped: ` --> 3:17`.
    let at = msg.split(" --> ").nth(1).and_then(|rest| {
        let (l, c) = rest.split_whitespace().next()?.split_once(':')?;
        Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?))
    });
    let key = match at {
        Some((line, col)) => {
            let text = found
                .and_then(|(_, (t, _))| t.lines().nth(line.saturating_sub(1)))
                .unwrap_or("")
                .trim()
                .replace('`', "'");
            Key::new("template-syntax")
                .arg("name", name)
                .arg("line", line.to_string())
                .arg("column", col.to_string())
                .with_help(Key::new("template-syntax-help").arg("text", text))
        }
        None => {
            let problem = tera_problem(&msg);
            let help = problem
                .help
                .clone()
                .map_or(Key::new("template-help"), |h| *h);
            Key::new("template-load-failed")
                .arg("name", name)
                .sub("problem", problem)
                .with_help(help)
        }
    };
    let d = Diagnostic::keyed(Severity::Error, file, key);
    match at {
        Some((line, col)) => d.at(Some(line), Some(col)),
        None => d,
    }
}

/// What Tera says went wrong in a template, in plain words: a value, filter or
/// template that does not exist, or (rarely) Tera's own words as a technical detail.
pub fn tera_problem(msg: &str) -> Key {
    let ticked = |prefix: &str, close: char| {
        msg.split(prefix)
            .nth(1)
            .and_then(|r| r.split(close).next())
            .map(str::to_string)
    };
    let help = Key::new("template-help");
    if let Some(v) = ticked("Variable `", '`') {
        return Key::new("template-no-value")
            .arg("value", v)
            .with_help(help);
    }
    if let Some(f) = ticked("Filter '", '\'') {
        return Key::new("template-no-filter")
            .arg("filter", f)
            .with_help(help);
    }
    let other = ticked("Template '", '\'')
        .filter(|_| msg.contains("not found"))
        .or_else(|| ticked("inheriting from '", '\''));
    if let Some(t) = other {
        return Key::new("template-no-template")
            .arg("other", t)
            .with_help(help);
    }
    Key::new("template-failed")
        .with_help(Key::new("template-detail").arg("detail", msg.replace('`', "'")))
}

/// The full message of a render error (Tera hides the cause in its source chain).
pub fn render_error_message(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_string() {
        let da = default_strings(Language::Da);
        let en = default_strings(Language::En);
        assert!(da.len() > 100, "the Danish strings did not load");
        let missing_en: Vec<_> = da.keys().filter(|k| !en.contains_key(*k)).collect();
        let missing_da: Vec<_> = en.keys().filter(|k| !da.contains_key(*k)).collect();
        assert!(missing_en.is_empty(), "missing in en.yaml: {missing_en:?}");
        assert!(missing_da.is_empty(), "missing in da.yaml: {missing_da:?}");
    }
}
