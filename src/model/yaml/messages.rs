//! Plain-language rewrites of what the YAML parser and serde say, so that staff read
//! what is wrong and how to fix it, never "Value::Tagged enum" or "as u128".

use super::{PathSeg, Source};
use crate::model::diagnostics::{Diagnostic, did_you_mean};
use serde::de::DeserializeOwned;
use serde_norway::Value;

const SYNTAX_HELP: &str = "check the indentation, that every `field: value` has a space after the colon, and put quotes around values that contain `: ` or start with a special character such as `*`, `&`, `[` or `{`";

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
        let mut d = Diagnostic::error(
            src.file,
            format!("the number {number} is too large: planpub reads whole numbers of up to 19 digits"),
        )
        .at(line, col)
        .help("check the number; write it in quotes if it is a code rather than a number, for example `\"12345678901234567890\"`");
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
        return Diagnostic::error(src.file, format!("the field `{key}` is written twice"))
            .at(again.or(line), None)
            .field(key)
            .help("keep one of the two lines and delete the other");
    }
    if reason.contains("repetition limit exceeded") {
        return Diagnostic::error(
            src.file,
            "the `*` references (aliases) here repeat other values so often that the front matter would grow enormous, so planpub does not read it",
        )
        .at(line, col)
        .help("write the values out instead of repeating them with `&name` and `*name`");
    }
    if reason.contains("recursion limit exceeded") {
        return Diagnostic::error(src.file, "the fields are nested too deeply here, more than planpub reads")
            .at(line, col)
            .help("planpub's fields are at most five levels deep; look for a `[` or `{` that is never closed");
    }
    if text_line.is_some_and(|l| l.trim_end().starts_with('\t') || l.contains(":\t")) {
        return Diagnostic::error(
            src.file,
            "this line is indented with a tab character; YAML allows only spaces",
        )
        .at(line, None)
        .help("replace the tab at the start of the line with spaces (two per level)");
    }
    Diagnostic::error(src.file, format!("the YAML is not valid here: {reason}"))
        .at(line, col)
        .help(SYNTAX_HELP)
}

/// A serde error in plain words.
pub(super) struct Plain {
    pub message: String,
    /// The name of a missing field (serde reports it at its parent).
    pub missing: Option<String>,
    pub help: Option<String>,
}

/// Rewrites serde's terse messages into plain language. `allowed` lists the values of
/// the enum being read, for messages where serde does not say them.
pub(super) fn typed_error(raw: &str, allowed: impl FnOnce() -> Vec<String>) -> Plain {
    let plain = |message: String, help: Option<String>| Plain {
        message,
        missing: None,
        help,
    };
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest).to_string();
        return Plain {
            message: format!("the required field `{name}` is missing"),
            missing: Some(name),
            help: None,
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
            let help = allowed
                .first()
                .map(|a| format!("write one of the values on the same line, for example `{a}`"));
            return plain(
                format!(
                    "expected one of the values {}, but found {}",
                    allowed.join(", "),
                    plain_found(found)
                ),
                help,
            );
        }
        return plain(
            format!(
                "expected {}, but found {}",
                plain_expected(expected),
                plain_found(found)
            ),
            None,
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
            None => format!(
                "expected {}, but found {n} values",
                plain_expected(expected)
            ),
        };
        return plain(message, None);
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let help =
            did_you_mean(value, allowed.iter().copied()).map(|s| format!("did you mean `{s}`?"));
        return plain(
            format!(
                "`{value}` is not an allowed value here; allowed values: {}",
                allowed.join(", ")
            ),
            help,
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let help = danish_name(key)
            .filter(|d| allowed.contains(d))
            .or_else(|| did_you_mean(key, allowed.iter().copied()))
            .map(|s| format!("did you mean `{s}`?"))
            .unwrap_or_else(|| format!("the fields allowed here are: {}", allowed.join(", ")));
        return plain(format!("`{key}` is not a known field here"), Some(help));
    }
    plain(raw.to_string(), None)
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

fn plain_expected(expected: &str) -> String {
    match expected {
        "a string" => "text".into(),
        "a boolean" => "`true` or `false`".into(),
        "a sequence" => "a list (lines starting with `- `)".into(),
        "u32" | "u16" | "u64" | "usize" | "u8" => "a whole number".into(),
        e if e.starts_with("struct ") || e == "a map" => "a group of `field: value` lines".into(),
        e if e.starts_with("an array of length ") => "a list".into(),
        e => e.replace('`', ""),
    }
}

pub(super) fn plain_found(found: &str) -> String {
    if let Some(v) = found.strip_prefix("integer ") {
        return format!("the number {}", v.trim_matches('`'));
    }
    if let Some(v) = found.strip_prefix("floating point ") {
        return format!("the number {}", v.trim_matches('`'));
    }
    if let Some(v) = found.strip_prefix("string ") {
        return format!("the text {v}");
    }
    if let Some(v) = found.strip_prefix("boolean ") {
        return v.to_string();
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a group of fields".into(),
        "unit value" => "nothing (the field is empty)".into(),
        f => f.replace('`', ""),
    }
}

/// The words serde put in backticks: its lists of allowed values.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}
