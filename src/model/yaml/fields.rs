//! The fields a YAML document may contain, so that every unknown field can be reported
//! with the likely intended name.

use super::{PathSeg, Source};
use crate::messages::Key;
use crate::model::diagnostics::{Diagnostic, did_you_mean};
use serde_norway::Value;

#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Anything goes (a scalar, or a structure checked elsewhere).
    Any,
    Map(&'static [Field]),
    List(&'static Shape),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub shape: Shape,
}

impl Field {
    pub const fn leaf(name: &'static str) -> Field {
        Field {
            name,
            shape: Shape::Any,
        }
    }
    pub const fn map(name: &'static str, fields: &'static [Field]) -> Field {
        Field {
            name,
            shape: Shape::Map(fields),
        }
    }
    pub const fn list_of(name: &'static str, item: &'static Shape) -> Field {
        Field {
            name,
            shape: Shape::List(item),
        }
    }
}

/// Reports every key in `value` that `shape` does not know, recursively.
pub fn check_fields(src: &Source, value: &Value, shape: &Shape) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(src, value, shape, &mut Vec::new(), &mut out);
    out
}

fn walk(
    src: &Source,
    value: &Value,
    shape: &Shape,
    path: &mut Vec<PathSeg>,
    out: &mut Vec<Diagnostic>,
) {
    match (shape, value) {
        (Shape::Map(fields), Value::Mapping(map)) => {
            for (k, v) in map {
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => serde_norway::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                path.push(PathSeg::Key(key.clone()));
                match fields.iter().find(|f| f.name == key) {
                    Some(f) => walk(src, v, &f.shape, path, out),
                    None => {
                        let names = fields.iter().map(|f| f.name);
                        let invisible = key.chars().any(|c| {
                            c.is_whitespace()
                                || c.is_control()
                                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}')
                        });
                        let msg = if invisible {
                            Key::new("field-unknown-invisible").arg("field", format!("{key:?}"))
                        } else {
                            Key::new("field-unknown").arg("field", key.clone())
                        };
                        let help = match did_you_mean(&key, names) {
                            Some(s) => Key::new("did-you-mean").arg("suggestion", s),
                            None => Key::new("fields-allowed").arg(
                                "fields",
                                fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", "),
                            ),
                        };
                        let d = src.error(path, "").with_key(msg.with_help(help));
                        out.push(d);
                    }
                }
                path.pop();
            }
        }
        (Shape::List(item), Value::Sequence(seq)) => {
            for (i, v) in seq.iter().enumerate() {
                path.push(PathSeg::Index(i));
                walk(src, v, item, path, out);
                path.pop();
            }
        }
        // Wrong kinds of value are reported by the typed conversion.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTACT: &[Field] = &[Field::leaf("name"), Field::leaf("email")];
    const ROW: &[Field] = &[Field::leaf("when"), Field::leaf("what")];
    const TOP: &[Field] = &[
        Field::leaf("title"),
        Field::map("contact", CONTACT),
        Field::list_of("timeline", &Shape::Map(ROW)),
    ];

    #[test]
    fn reports_all_unknown_fields_with_suggestions() {
        let text = "titel: A\ncontact:\n  emial: x\ntimeline:\n  - when: 2023\n    waht: y\n";
        let src = Source {
            text,
            file: "c.md",
            first_line: 2,
        };
        let v: Value = serde_norway::from_str(text).unwrap();
        let ds = check_fields(&src, &v, &Shape::Map(TOP));
        assert_eq!(ds.len(), 3);
        assert_eq!(ds[0].help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(ds[0].line, Some(2));
        assert_eq!(ds[1].field.as_deref(), Some("contact.emial"));
        assert_eq!(ds[1].help.as_deref(), Some("did you mean `email`?"));
        assert_eq!(ds[2].field.as_deref(), Some("timeline[0].waht"));
        assert_eq!(ds[2].line, Some(7));
    }
}
