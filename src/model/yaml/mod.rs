//! Reading YAML (front matter and `site.yaml`) into typed structs, turning every problem
//! into a [`Diagnostic`] that names the file, line, column and field.
//!
//! The document is parsed once into a `Value`; unknown fields are found by walking it
//! against a [`Shape`] (so *all* of them are reported, each with a suggestion), and the
//! typed conversion reports the path of a wrongly typed field, which is then located in
//! the text.

mod fields;
pub mod limits;
mod locate;
mod messages;

pub use fields::{Field, Shape, check_fields};
pub use locate::{PathSeg, locate, path_to_string};

use crate::messages::Key;
use crate::model::diagnostics::{Diagnostic, Severity};
use serde::de::DeserializeOwned;
use serde_norway::Value;

/// A YAML text and where it sits in its file.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub text: &'a str,
    /// Site-relative file name for messages.
    pub file: &'a str,
    /// 1-based file line of the text's first line.
    pub first_line: usize,
}

impl Source<'_> {
    /// A diagnostic pointing at the field at `path` (or the nearest parent found).
    pub fn diag(
        &self,
        severity: Severity,
        path: &[PathSeg],
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, col) = match locate(self.text, path) {
            Some((l, c)) => (Some(l + self.first_line - 1), Some(c)),
            None => (Some(self.first_line), None),
        };
        let mut d = Diagnostic::error(self.file, message).at(line, col);
        d.severity = severity;
        if !path.is_empty() {
            d = d.field(path_to_string(path));
        }
        d
    }

    pub fn error(&self, path: &[PathSeg], message: impl Into<String>) -> Diagnostic {
        self.diag(Severity::Error, path, message)
    }

    pub fn warning(&self, path: &[PathSeg], message: impl Into<String>) -> Diagnostic {
        self.diag(Severity::Warning, path, message)
    }

    /// A located diagnostic told by a catalogue message.
    pub fn keyed(&self, severity: Severity, path: &[PathSeg], key: Key) -> Diagnostic {
        self.diag(severity, path, "").with_key(key)
    }
}

/// Parses the text into a generic value; a syntax error is located where the parser
/// stopped. The [`limits`] are checked first, and YAML tags are refused.
pub fn parse_value(src: &Source) -> Result<Value, Vec<Diagnostic>> {
    if src.text.trim().is_empty() {
        return Ok(Value::Mapping(Default::default()));
    }
    let findings = limits::scan(src.text);
    if findings
        .iter()
        .any(|f| !matches!(f, limits::Finding::Tag { .. }))
    {
        return Err(findings
            .iter()
            .map(|f| limit_diagnostic(src, f, None))
            .collect());
    }
    let value = parse_unchecked(src).map_err(|d| vec![d])?;
    let mut problems: Vec<Diagnostic> = findings
        .iter()
        .map(|f| limit_diagnostic(src, f, Some(&value)))
        .collect();
    too_long_lists(src, &value, &mut Vec::new(), &mut problems);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems)
    }
}

fn limit_diagnostic(src: &Source, f: &limits::Finding, value: Option<&Value>) -> Diagnostic {
    let at = |line: usize| Some(line + src.first_line - 1);
    match f {
        limits::Finding::TooLarge { bytes } => Diagnostic::keyed(
            Severity::Error,
            src.file,
            Key::new("yaml-too-large")
                .arg("bytes", bytes.to_string())
                .arg("max", limits::MAX_BYTES.to_string()),
        )
        .at(Some(src.first_line), None),
        limits::Finding::TooDeep { line } => Diagnostic::keyed(
            Severity::Error,
            src.file,
            Key::new("yaml-too-deep").arg("max", limits::MAX_DEPTH.to_string()),
        )
        .at(at(*line), None),
        limits::Finding::Tag { line, tag, key } => {
            let mut d = Diagnostic::keyed(
                Severity::Error,
                src.file,
                Key::new("yaml-tag").arg("tag", tag.as_str()),
            )
            .at(at(*line), None);
            if let (Some(key), Some(value)) = (key, value) {
                d.field = field_on_line(src, value, key, *line).or(Some(key.clone()));
            }
            d
        }
    }
}

/// The full path (`respond.url`) of the field `key` written on `line`.
fn field_on_line(src: &Source, value: &Value, key: &str, line: usize) -> Option<String> {
    let mut found = None;
    let mut path = Vec::new();
    visit_keys(value, key, &mut path, &mut |p| {
        if found.is_none() && locate(src.text, p).map(|(l, _)| l) == Some(line) {
            found = Some(path_to_string(p));
        }
    });
    found
}

fn visit_keys(value: &Value, key: &str, path: &mut Vec<PathSeg>, f: &mut dyn FnMut(&[PathSeg])) {
    match value {
        Value::Mapping(m) => {
            for (k, v) in m {
                let Value::String(k) = k else { continue };
                path.push(PathSeg::Key(k.clone()));
                if k == key {
                    f(path);
                }
                visit_keys(v, key, path, f);
                path.pop();
            }
        }
        Value::Sequence(s) => {
            for (i, v) in s.iter().enumerate() {
                path.push(PathSeg::Index(i));
                visit_keys(v, key, path, f);
                path.pop();
            }
        }
        Value::Tagged(t) => visit_keys(&t.value, key, path, f),
        _ => {}
    }
}

fn too_long_lists(src: &Source, value: &Value, path: &mut Vec<PathSeg>, out: &mut Vec<Diagnostic>) {
    let n = match value {
        Value::Sequence(s) => s.len(),
        Value::Mapping(m) => m.len(),
        _ => return,
    };
    if n > limits::MAX_LIST_ITEMS {
        let key = Key::new("yaml-too-many-items")
            .arg("n", n.to_string())
            .arg("max", limits::MAX_LIST_ITEMS.to_string());
        out.push(src.keyed(Severity::Error, path, key));
        return;
    }
    match value {
        Value::Sequence(s) => {
            for (i, v) in s.iter().enumerate() {
                path.push(PathSeg::Index(i));
                too_long_lists(src, v, path, out);
                path.pop();
            }
        }
        Value::Mapping(m) => {
            for (k, v) in m {
                if let Value::String(k) = k {
                    path.push(PathSeg::Key(k.clone()));
                    too_long_lists(src, v, path, out);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}

fn parse_unchecked(src: &Source) -> Result<Value, Diagnostic> {
    serde_norway::from_str::<Value>(src.text).map_err(|e| messages::parser_error(src, &e))
}

/// Converts a value into a typed struct, locating the field serde complains about.
pub fn from_value<T: DeserializeOwned>(src: &Source, value: Value) -> Result<T, Diagnostic> {
    serde_path_to_error::deserialize::<_, T>(&value).map_err(|e| {
        let mut path: Vec<PathSeg> = e
            .path()
            .iter()
            .filter_map(|seg| match seg {
                serde_path_to_error::Segment::Seq { index } => Some(PathSeg::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(PathSeg::Key(key.clone())),
                _ => None,
            })
            .collect();
        let raw = e.inner().to_string();
        let allowed = || messages::allowed_values::<T>(&value, &path);
        let mut plain = messages::typed_error(&raw, allowed);
        if plain.key.is_none() {
            plain = messages::own_error(&raw, &value, &path).unwrap_or(plain);
        }
        let mut d = if let Some(missing) = plain.missing {
            // serde reports a missing field at its parent; point there but name the field.
            let mut d = src.error(&path, plain.message);
            path.push(PathSeg::Key(missing));
            d.field = Some(path_to_string(&path));
            d
        } else {
            src.error(&path, plain.message)
        };
        d.help = plain.help;
        d.key = plain.key;
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct T {
        title: String,
        count: Option<u32>,
        status: Option<Status>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(rename_all = "lowercase")]
    enum Status {
        Draft,
        Adopted,
    }

    fn src(text: &str) -> Source<'_> {
        Source {
            text,
            file: "content/x.md",
            first_line: 2,
        }
    }

    #[test]
    fn type_errors_are_located_and_plain() {
        let s = src("title: A\ncount: many\n");
        let v = parse_value(&s).unwrap();
        let e = from_value::<T>(&s, v).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.field.as_deref(), Some("count"));
        assert!(
            e.message.contains("expected a whole number"),
            "{}",
            e.message
        );
    }

    #[test]
    fn missing_field_names_it() {
        let s = src("count: 1\n");
        let v = parse_value(&s).unwrap();
        let e = from_value::<T>(&s, v).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("title"));
        assert!(e.message.contains("required field `title` is missing"));
    }

    #[test]
    fn unknown_value_suggests() {
        let s = src("title: A\nstatus: adoptd\n");
        let v = parse_value(&s).unwrap();
        let e = from_value::<T>(&s, v).unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `adopted`?"));
        assert!(
            e.message.contains("allowed values: draft, adopted"),
            "{}",
            e.message
        );
    }

    #[test]
    fn syntax_error_has_line() {
        let s = src("title: A\n  bad: [\n");
        let e = &parse_value(&s).unwrap_err()[0];
        assert!(e.line.unwrap() >= 2, "{:?}", e);
        // An indentation slip, not a colon inside a value.
        assert_eq!(e.key.as_ref().map(|k| k.id), Some("yaml-indent"), "{e:?}");
        let colon = &parse_value(&src("title: Høring: Havnen\n")).unwrap_err()[0];
        assert_eq!(
            colon.key.as_ref().map(|k| k.id),
            Some("yaml-colon"),
            "{colon:?}"
        );
        assert_eq!(colon.field.as_deref(), Some("title"));
    }
}
