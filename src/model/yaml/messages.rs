//! Plain-language rewrites of what the YAML parser and serde say, so that staff read
//! what is wrong and how to fix it, never "Value::Tagged enum" or "as u128".

use super::{PathSeg, Source};
use crate::messages::Key;
use crate::model::diagnostics::{Diagnostic, Severity, did_you_mean};
use serde::de::DeserializeOwned;
use serde_norway::Value;

/// A syntax error of the YAML parser, located and in plain words.
pub(super) fn parser_error(src: &Source, e: &serde_norway::Error) -> Diagnostic {
    let (line, col) = e
        .location()
        .map(|l| (Some(l.line() + src.first_line - 1), Some(l.column())))
        .unwrap_or((Some(src.first_line), None));
    let raw = e.to_string();
    let reason = raw.split(" at line ").next().unwrap_or(&raw);
    let text_line = line.and_then(|l| src.text.lines().nth(l - src.first_line));
    // `field: invalid type: integer `…` as u128, expected any YAML value`
    if reason.contains(" as u128") || reason.contains(" as i128") {
        let field = reason
            .split(": invalid type")
            .next()
            .filter(|f| !f.contains(' '));
        let number = reason.split('`').nth(1).unwrap_or("");
        let mut d = Diagnostic::keyed(
            Severity::Error,
            src.file,
            Key::new("yaml-number-too-large").arg("number", number),
        )
        .at(line, col);
        d.field = field.map(str::to_string);
        return d;
    }
    if let Some(rest) = reason.split("duplicate entry with key \"").nth(1) {
        let key = rest.split('"').next().unwrap_or(rest);
        let again = src
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .nth(1)
            .map(|(i, _)| i + src.first_line);
        return Diagnostic::keyed(
            Severity::Error,
            src.file,
            Key::new("yaml-duplicate").arg("field", key),
        )
        .at(again.or(line), None)
        .field(key);
    }
    if reason.contains("repetition limit exceeded") {
        return Diagnostic::keyed(Severity::Error, src.file, Key::new("yaml-alias-repetition"))
            .at(line, col);
    }
    if reason.contains("recursion limit exceeded") {
        return Diagnostic::keyed(Severity::Error, src.file, Key::new("yaml-recursion"))
            .at(line, col);
    }
    if text_line.is_some_and(|l| l.trim_end().starts_with('\t') || l.contains(":\t")) {
        return Diagnostic::keyed(Severity::Error, src.file, Key::new("yaml-tab")).at(line, None);
    }
    if reason.contains("mapping values are not allowed") && past_first_colon(text_line, col) {
        return colon_in_value(src, line, col);
    }
    let key = if reason.contains("cannot start any token") {
        Key::new("yaml-reserved-start")
    } else if reason.contains("did not find expected key")
        || reason.contains("not allowed in this context")
    {
        Key::new("yaml-indent")
    } else {
        Key::new("yaml-syntax").arg("reason", reason)
    };
    Diagnostic::keyed(Severity::Error, src.file, key).at(line, col)
}

/// Whether the parser stopped after the first `: ` of its line (at a second colon in
/// the value), rather than at the line's own field (an indentation slip).
fn past_first_colon(text_line: Option<&str>, col: Option<usize>) -> bool {
    let (Some(text), Some(col)) = (text_line, col) else {
        return false;
    };
    let chars: Vec<char> = text.chars().collect();
    let first = chars
        .windows(2)
        .position(|w| w[0] == ':' && w[1] == ' ')
        .unwrap_or(chars.len());
    col.saturating_sub(1) > first
}

/// `title: Høring: Havnen` — YAML reads the second `: ` as a new field. The parser
/// stops at the second colon, on the line of the field.
fn colon_in_value(src: &Source, line: Option<usize>, col: Option<usize>) -> Diagnostic {
    let text = line
        .and_then(|l| src.text.lines().nth(l.saturating_sub(src.first_line)))
        .unwrap_or("");
    let (field, value) = text
        .trim_start()
        .trim_start_matches("- ")
        .split_once(": ")
        .map_or(("", ""), |(k, v)| (k.trim(), v.trim()));
    let simple = !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let quoted = format!("{field}: \"{}\"", value.replace('"', "'"));
    let key = Key::new("yaml-colon")
        .arg("field", if simple { field } else { "none" })
        .arg(
            "example",
            if simple {
                quoted.as_str()
            } else {
                "title: \"Høring: Havnen\""
            },
        );
    let d = Diagnostic::keyed(Severity::Error, src.file, key).at(line, col);
    if simple { d.field(field) } else { d }
}

/// A serde error in plain words: a catalogue message, or serde's own text when it is
/// one of planpub's own (already plain) errors.
pub(super) struct Plain {
    pub message: String,
    /// The name of a missing field (serde reports it at its parent).
    pub missing: Option<String>,
    pub help: Option<String>,
    pub key: Option<Key>,
}

impl Plain {
    fn keyed(key: Key) -> Plain {
        let (message, help) = crate::messages::english(&key);
        Plain {
            message,
            missing: None,
            help,
            key: Some(key),
        }
    }
}

/// Rewrites serde's terse messages into plain language. `allowed` lists the values of
/// the enum being read, for messages where serde does not say them.
pub(super) fn typed_error(raw: &str, allowed: impl FnOnce() -> Vec<String>) -> Plain {
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest).to_string();
        return Plain {
            missing: Some(name.clone()),
            ..Plain::keyed(Key::new("field-missing").arg("field", name))
        };
    }
    // serde says "invalid type" for a wrong kind of value and "invalid value" for a
    // wrong value of the right kind; both read the same to an author.
    if let Some(rest) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        if expected.contains("Value::Tagged") || expected.starts_with("enum ") {
            let allowed = allowed();
            let mut key = Key::new("value-one-of")
                .arg("allowed", allowed.join(", "))
                .sub("found", plain_found(found));
            if let Some(a) = allowed.first() {
                key = key.with_help(Key::new("value-one-of-help").arg("example", a.clone()));
            }
            return Plain::keyed(key);
        }
        return Plain::keyed(
            Key::new("value-wrong-type")
                .sub("expected", plain_expected(expected))
                .sub("found", plain_found(found)),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid length ")
        && let Some((n, expected)) = rest.split_once(", expected ")
    {
        let want = expected
            .rsplit(' ')
            .next()
            .and_then(|w| w.parse::<usize>().ok());
        let message = match want {
            Some(2) => format!("expected two numbers, such as `[1, 3]`, but found {n}"),
            Some(w) => format!("expected a list of {w} values, but found {n}"),
            None => format!("expected {expected}, but found {n} values"),
        };
        return Plain {
            message,
            missing: None,
            help: None,
            key: None,
        };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let mut key = Key::new("value-not-allowed")
            .arg("value", value)
            .arg("allowed", allowed.join(", "));
        if let Some(s) = did_you_mean(value, allowed.iter().copied()) {
            key = key.with_help(Key::new("did-you-mean").arg("suggestion", s));
        }
        return Plain::keyed(key);
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let help = danish_name(key)
            .filter(|d| allowed.contains(d))
            .or_else(|| did_you_mean(key, allowed.iter().copied()))
            .map(|s| Key::new("did-you-mean").arg("suggestion", s))
            .unwrap_or_else(|| Key::new("fields-allowed").arg("fields", allowed.join(", ")));
        return Plain::keyed(Key::new("field-unknown").arg("field", key).with_help(help));
    }
    Plain {
        message: raw.to_string(),
        missing: None,
        help: None,
        key: None,
    }
}

/// One of planpub's own typed errors (a web or e-mail address refused while reading),
/// told again from its catalogue message: the value at `path` is parsed once more, and
/// its error is used when it is the one serde reported.
pub(super) fn own_error(raw: &str, value: &Value, path: &[PathSeg]) -> Option<Plain> {
    let mut probe = value.clone();
    let Value::String(text) = value_at_mut(&mut probe, path)? else {
        return None;
    };
    let url = crate::model::web::WebUrl::parse(text).err();
    let email = crate::model::web::Email::parse(text).err();
    let key = match (url, email) {
        (Some(e), _) if e.to_string() == raw => e.key(),
        (_, Some(e)) if e.to_string() == raw => e.key(),
        _ => return None,
    };
    Some(Plain::keyed(key))
}

/// English setting names for the Danish words staff are likely to write.
fn danish_name(key: &str) -> Option<&'static str> {
    Some(match key.to_lowercase().as_str() {
        "forår" | "foraar" => "spring",
        "sommer" => "summer",
        "efterår" | "efteraar" => "autumn",
        "vinter" => "winter",
        _ => return None,
    })
}

/// The values of the enum at `path` in `value`, found by asking serde what it would
/// have accepted there (it lists them for an unknown one).
pub(super) fn allowed_values<T: DeserializeOwned>(value: &Value, path: &[PathSeg]) -> Vec<String> {
    let mut probe = value.clone();
    let Some(slot) = value_at_mut(&mut probe, path) else {
        return Vec::new();
    };
    *slot = Value::String("\u{1}".into());
    match serde_path_to_error::deserialize::<_, T>(&probe) {
        Err(e) => {
            let raw = e.inner().to_string();
            raw.split_once("`, expected ")
                .map(|(_, list)| backticked(list).into_iter().map(str::to_string).collect())
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

fn value_at_mut<'a>(value: &'a mut Value, path: &[PathSeg]) -> Option<&'a mut Value> {
    let mut v = value;
    for seg in path {
        v = match (seg, v) {
            (PathSeg::Key(k), Value::Mapping(m)) => m.get_mut(k.as_str())?,
            (PathSeg::Index(i), Value::Sequence(s)) => s.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

fn plain_expected(expected: &str) -> Key {
    match expected {
        "a string" => Key::new("expected-text"),
        "a boolean" => Key::new("expected-bool"),
        "a sequence" => Key::new("expected-list"),
        "text or a number" => Key::new("expected-text-or-number"),
        "u32" | "u16" | "u64" | "usize" | "u8" => Key::new("expected-number"),
        e if e.starts_with("struct ") || e == "a map" => Key::new("expected-group"),
        e if e.starts_with("an array of length ") => Key::new("expected-list"),
        e => Key::new("value-raw").arg("value", e.replace('`', "")),
    }
}

pub(super) fn plain_found(found: &str) -> Key {
    let number = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "));
    if let Some(v) = number {
        return Key::new("found-number").arg("value", v.trim_matches('`'));
    }
    if let Some(v) = found.strip_prefix("string ") {
        return Key::new("found-text").arg("value", v);
    }
    if let Some(v) = found.strip_prefix("boolean ") {
        return Key::new("value-raw").arg("value", v);
    }
    match found {
        "sequence" => Key::new("found-list"),
        "map" => Key::new("found-group"),
        "unit value" => Key::new("found-empty"),
        "tagged value" => Key::new("found-tagged"),
        f => Key::new("value-raw").arg("value", f.replace('`', "")),
    }
}

/// The words serde put in backticks: its lists of allowed values.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}
