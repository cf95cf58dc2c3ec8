//! The words staff read — problems, the command line's summaries, the preview's
//! overlay — from Project Fluent catalogues in Danish and English (`da.ftl`, `en.ftl`),
//! chosen by the site's `language` (or `--lang`, or `PLANPUB_LANG`).
//!
//! A [`Diagnostic`] made from a catalogue message carries its [`Key`]; its `message`
//! and `help` are the English text, and [`Messages::localize`] tells it again in the
//! reader's language at the edge (CLI, JSON, overlay). A diagnostic without a key keeps
//! its text as it is.

use crate::model::config::Language;
use crate::model::diagnostics::{Diagnostic, Diagnostics, Severity};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

const DA: &str = include_str!("da.ftl");
const EN: &str = include_str!("en.ftl");

/// A catalogue message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// The `.help` attribute of another message, when the help is not this message's own.
    pub help: Option<Box<Key>>,
}

/// One argument: text, a number (for plurals), or another message told in the same
/// language (the "found" part of "expected …, but found …").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    Text(String),
    Number(i64),
    Key(Box<Key>),
    /// A text that differs by language (a month's name, a date written out).
    Lang {
        da: String,
        en: String,
    },
}

impl Key {
    pub fn new(id: &'static str) -> Key {
        Key {
            id,
            args: Vec::new(),
            help: None,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Key {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn num(mut self, name: &'static str, n: usize) -> Key {
        self.args
            .push((name, Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))));
        self
    }

    /// A whole number that may be negative.
    pub fn int(mut self, name: &'static str, n: i64) -> Key {
        self.args.push((name, Arg::Number(n)));
        self
    }

    pub fn sub(mut self, name: &'static str, key: Key) -> Key {
        self.args.push((name, Arg::Key(Box::new(key))));
        self
    }

    /// An argument written differently in each language (`februar` / `February`).
    pub fn either(
        mut self,
        name: &'static str,
        da: impl Into<String>,
        en: impl Into<String>,
    ) -> Key {
        self.args.push((
            name,
            Arg::Lang {
                da: da.into(),
                en: en.into(),
            },
        ));
        self
    }

    /// Help from another message (its value, not an attribute).
    pub fn with_help(mut self, help: Key) -> Key {
        self.help = Some(Box::new(help));
        self
    }
}

/// One language's catalogue.
pub struct Messages {
    lang: Language,
    bundle: FluentBundle<FluentResource>,
}

static ENGLISH: LazyLock<Messages> = LazyLock::new(|| Messages::new(Language::En));
static DANISH: LazyLock<Messages> = LazyLock::new(|| Messages::new(Language::Da));

/// The catalogue of `lang`, parsed once.
pub fn of(lang: Language) -> &'static Messages {
    match lang {
        Language::Da => &DANISH,
        Language::En => &ENGLISH,
    }
}

/// The catalogue's source text (for tests and tools).
pub fn source(lang: Language) -> &'static str {
    match lang {
        Language::Da => DA,
        Language::En => EN,
    }
}

/// The language to speak: `--lang`, else `PLANPUB_LANG`, else the site's, else Danish.
/// An unknown code is ignored, so a typo never hides the messages.
pub fn choose(flag: Option<&str>, env: Option<&str>, site: Option<Language>) -> Language {
    let parse = |s: &str| match s.trim().to_ascii_lowercase().get(..2) {
        Some("da") => Some(Language::Da),
        Some("en") => Some(Language::En),
        _ => None,
    };
    flag.and_then(parse)
        .or_else(|| env.and_then(parse))
        .or(site)
        .unwrap_or(Language::Da)
}

impl Messages {
    fn new(lang: Language) -> Messages {
        let locale = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Terminals and JSON readers do not want invisible bidi isolation marks.
        bundle.set_use_isolating(false);
        // The catalogues are part of the program; a test parses both without error.
        let resource = FluentResource::try_new(source(lang).to_string())
            .unwrap_or_else(|(partial, _)| partial);
        if let Err(errors) = bundle.add_resource(resource) {
            debug_assert!(errors.is_empty(), "{errors:?}");
        }
        Messages { lang, bundle }
    }

    pub fn lang(&self) -> Language {
        self.lang
    }

    fn args(&self, key: &Key) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, value) in &key.args {
            let v: FluentValue<'static> = match value {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Key(k) => FluentValue::from(self.text(k)),
                Arg::Lang { da, en } => FluentValue::from(match self.lang {
                    Language::Da => da.clone(),
                    Language::En => en.clone(),
                }),
            };
            args.set(*name, v);
        }
        args
    }

    /// The message's text; its id if the catalogue lacks it (a test rules that out).
    pub fn text(&self, key: &Key) -> String {
        self.format(key, None).unwrap_or_else(|| key.id.to_string())
    }

    /// The message's help: its `.help` attribute, or the message named as its help.
    pub fn help(&self, key: &Key) -> Option<String> {
        match &key.help {
            Some(h) => Some(self.text(h)),
            None => self.format(key, Some("help")),
        }
    }

    fn format(&self, key: &Key, attribute: Option<&str>) -> Option<String> {
        // Tests run debug builds: a key missing from a catalogue fails the test that
        // reaches it. A release build shows the id rather than nothing.
        debug_assert!(
            self.bundle.has_message(key.id),
            "`{}` is not in {}.ftl",
            key.id,
            self.lang.code()
        );
        let msg = self.bundle.get_message(key.id)?;
        let pattern = match attribute {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let args = self.args(key);
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }

    /// Whether the catalogue has a message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message whose id is made at run time (the help of a command-line option), with
    /// no arguments.
    pub fn text_of(&self, id: &str) -> String {
        let msg = self.bundle.get_message(id).and_then(|m| m.value());
        match msg {
            Some(pattern) => {
                let mut errors = Vec::new();
                self.bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned()
            }
            None => id.to_string(),
        }
    }

    /// A message by id with no arguments.
    pub fn get(&self, id: &'static str) -> String {
        self.text(&Key::new(id))
    }

    /// The diagnostic told in this language (unchanged when it has no key).
    pub fn localize(&self, d: &Diagnostic) -> Diagnostic {
        let mut out = d.clone();
        if let Some(key) = &d.key {
            out.message = self.text(key);
            out.help = self.help(key);
        }
        out
    }

    /// Every diagnostic told in this language.
    pub fn localize_all(&self, ds: &Diagnostics) -> Diagnostics {
        let mut out = Diagnostics::new();
        out.extend(ds.iter().map(|d| self.localize(d)));
        out
    }

    /// `error: content/a.md:3:1: field `title`: …` and its help, in this language.
    pub fn render(&self, d: &Diagnostic) -> String {
        let d = self.localize(d);
        let label = match (d.severity, d.draft) {
            (Severity::Error, false) => "severity-error",
            (Severity::Warning, false) => "severity-warning",
            (Severity::Error, true) => "severity-error-draft",
            (Severity::Warning, true) => "severity-warning-draft",
        };
        let mut s = format!("{}: {}", self.get(label), d.file);
        if let Some(line) = d.line {
            s.push_str(&format!(":{line}"));
            if let Some(col) = d.column {
                s.push_str(&format!(":{col}"));
            }
        }
        if let Some(field) = &d.field {
            let f = self.text(&Key::new("diag-field").arg("field", field.clone()));
            s.push_str(&format!(": {f}"));
        }
        s.push_str(&format!(": {}", d.message));
        if let Some(help) = &d.help {
            let label = self.get("diag-help");
            let indent = " ".repeat(label.chars().count() + 4);
            s.push_str(&format!(
                "\n  {label}: {}",
                help.replace('\n', &format!("\n{indent}"))
            ));
        }
        s
    }

    /// A problem that stops a command (`error: …` and its help), for the terminal.
    pub fn error(&self, key: &Key) -> String {
        let mut s = self.text(&Key::new("cli-error").arg("message", self.text(key)));
        if let Some(help) = self.help(key) {
            s.push_str(&format!("\n  {}: {help}", self.get("diag-help")));
        }
        s
    }

    /// `1 error, 2 warnings` in this language.
    pub fn counts(&self, errors: usize, warnings: usize) -> String {
        self.text(
            &Key::new("counts")
                .sub("errors", Key::new("count-errors").num("n", errors))
                .sub("warnings", Key::new("count-warnings").num("n", warnings)),
        )
    }

    /// The counts of a run's problems.
    pub fn summary(&self, ds: &Diagnostics) -> String {
        self.counts(ds.error_count(), ds.warning_count())
    }
}

/// What went wrong with a file or folder, in words staff can act on (the system's own
/// text only for rare errors without a plain name).
pub fn io_reason(e: &std::io::Error) -> Key {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::StorageFull | K::QuotaExceeded => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::DirectoryNotEmpty => "io-not-empty",
        K::InvalidData => "io-invalid-data",
        _ => return Key::new("io-other").arg("reason", e.to_string()),
    };
    Key::new(id)
}

/// The English text of a key: what a diagnostic holds until it is localized.
pub fn english(key: &Key) -> (String, Option<String>) {
    let m = of(Language::En);
    (m.text(key), m.help(key))
}

#[cfg(test)]
mod tests;
