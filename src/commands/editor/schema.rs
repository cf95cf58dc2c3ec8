//! JSON Schemas (draft-07) of the front matter, generated from the content contract:
//! one per content type and one for any content file, which picks the type's schema by
//! its `type:` field. Editors use them for completion, hover texts and red squiggles.

use crate::model::config::Language;
use crate::model::content::contract::{
    self, DateForm, FieldDoc, Kind, Need, Record, Rule, TypeDoc,
};
use serde_json::{Map, Value, json};

/// The schema of one content type's front matter, described in `lang`.
pub fn for_type(t: &TypeDoc, lang: Language) -> Value {
    let mut s = object(t.all_fields(), contract::Rule::None, lang);
    let obj = s.as_object_mut().expect("an object schema");
    obj.insert(
        "properties".into(),
        with_type_const(obj["properties"].clone(), t),
    );
    let mut head = Map::new();
    head.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    head.insert(
        "title".into(),
        json!(format!("planpub: {}", t.singular.get(lang))),
    );
    head.insert("description".into(), json!(type_description(t, lang)));
    head.extend(std::mem::take(obj));
    if t.all_fields().any(|f| f.need == Need::Published) {
        head.insert("if".into(), draft_true());
        head.insert("else".into(), json!({ "required": published_fields(t) }));
    }
    Value::Object(head)
}

/// One schema for every content file: the `type:` field picks the type's schema.
pub fn for_any(lang: Language) -> Value {
    let mut defs = Map::new();
    let mut branches = Vec::new();
    for t in &contract::ALL {
        let name = t.kind.as_str();
        let mut s = for_type(t, lang);
        if let Some(o) = s.as_object_mut() {
            o.remove("$schema");
        }
        defs.insert(name.into(), s);
        branches.push(json!({
            "if": { "properties": { "type": { "const": name } }, "required": ["type"] },
            "then": { "$ref": format!("#/definitions/{name}") }
        }));
    }
    let types: Vec<&str> = contract::TYPES.iter().map(|c| c.value).collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "planpub",
        "description": match lang {
            Language::Da => "Front matter i en planpub-indholdsfil. Feltet type bestemmer, hvilke felter filen kan have.",
            Language::En => "The front matter of a planpub content file. The type field decides which fields it may have.",
        },
        "type": "object",
        "required": ["type"],
        "properties": { "type": {
            "enum": types,
            "description": contract::COMMON[0].help.get(lang),
        } },
        "allOf": branches,
        "definitions": defs,
    })
}

fn type_description(t: &TypeDoc, lang: Language) -> String {
    match lang {
        Language::Da => format!(
            "Front matter for en {} i planpub. Se docs/content-reference.md.",
            t.singular.da.to_lowercase()
        ),
        Language::En => format!(
            "The front matter of a planpub {}. See docs/content-reference.md.",
            t.singular.en.to_lowercase()
        ),
    }
}

fn with_type_const(mut props: Value, t: &TypeDoc) -> Value {
    if let Some(p) = props.get_mut("type").and_then(Value::as_object_mut) {
        p.insert("enum".into(), json!([t.kind.as_str()]));
    }
    props
}

fn draft_true() -> Value {
    json!({ "properties": { "draft": { "const": true } }, "required": ["draft"] })
}

fn published_fields(t: &TypeDoc) -> Vec<&'static str> {
    t.all_fields()
        .filter(|f| f.need == Need::Published)
        .map(|f| f.name)
        .collect()
}

/// An object with these fields: nothing else allowed, the required ones listed.
fn object<'a>(fields: impl Iterator<Item = &'a FieldDoc>, rule: Rule, lang: Language) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    let mut two_names = Vec::new();
    for f in fields {
        props.insert(f.name.into(), field(f, lang));
        match f.alias {
            None if f.need == Need::Required => required.push(f.name),
            None => {}
            Some(alias) => {
                props.insert(alias.into(), alias_field(f, lang));
                two_names.push(match f.need {
                    Need::Required => json!({ "oneOf": each_required(&[f.name, alias]) }),
                    // A field needed only once published has no alias (a test checks).
                    Need::Optional | Need::Published => {
                        json!({ "not": { "required": [f.name, alias] } })
                    }
                });
            }
        }
    }
    let mut o = Map::new();
    o.insert("type".into(), json!("object"));
    o.insert("properties".into(), Value::Object(props));
    o.insert("additionalProperties".into(), json!(false));
    if !required.is_empty() {
        o.insert("required".into(), json!(required));
    }
    if !two_names.is_empty() {
        o.insert("allOf".into(), json!(two_names));
    }
    match rule {
        Rule::None => {}
        Rule::OneOf(names) => {
            o.insert("oneOf".into(), json!(each_required(names)));
        }
        Rule::AnyOf(names) => {
            o.insert("anyOf".into(), json!(each_required(names)));
        }
        Rule::AtMostOne(names) => {
            o.insert("not".into(), json!({ "required": names }));
        }
    }
    Value::Object(o)
}

fn each_required(names: &[&str]) -> Vec<Value> {
    names.iter().map(|n| json!({ "required": [n] })).collect()
}

fn record(r: &Record, lang: Language) -> Value {
    object(r.fields.iter(), r.rule, lang)
}

fn field(f: &FieldDoc, lang: Language) -> Value {
    let mut v = value(&f.kind, lang);
    if let Some(o) = v.as_object_mut() {
        o.insert("title".into(), json!(f.label.get(lang)));
        o.insert("description".into(), json!(f.help.get(lang)));
        if f.need == Need::Required && matches!(f.kind, Kind::Line | Kind::Prose) {
            // An empty or blank required text is as missing as no field at all.
            o.insert("pattern".into(), json!(r"\S"));
        }
    }
    v
}

/// The field under its second name: the same value, described as another name for it.
fn alias_field(f: &FieldDoc, lang: Language) -> Value {
    let mut v = field(f, lang);
    let note = match lang {
        Language::Da => format!(
            "Et andet navn for feltet {}; skriv kun det ene af de to. {}",
            f.name, f.help.da
        ),
        Language::En => format!(
            "Another name for the field {}; write only one of the two. {}",
            f.name, f.help.en
        ),
    };
    if let Some(o) = v.as_object_mut() {
        o.insert("description".into(), json!(note));
    }
    v
}

/// The schema of a value of `kind` (without title and description).
fn value(kind: &Kind, lang: Language) -> Value {
    match kind {
        Kind::Line | Kind::Prose | Kind::File => json!({ "type": "string" }),
        Kind::Email => json!({ "type": "string", "pattern": contract::EMAIL_PATTERN }),
        Kind::Url => json!({ "type": "string", "pattern": contract::URL_PATTERN }),
        Kind::Code => json!({ "type": ["string", "number"] }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Whole => json!({ "type": "integer", "minimum": 0 }),
        Kind::Choice(choices) => {
            let values: Vec<&str> = choices.iter().map(|c| c.value).collect();
            json!({ "enum": values })
        }
        Kind::Date(DateForm::Fuzzy) => json!({
            "type": ["string", "number"],
            "examples": contract::DATE_EXAMPLES,
        }),
        Kind::Date(DateForm::Day) => json!({
            "type": "string",
            "pattern": contract::day_pattern(),
            "examples": ["2024-03-01", "2024-03-01 12:00", "1. marts 2024 kl. 12.00"],
        }),
        Kind::Slug | Kind::Ref(_) => json!({ "type": "string", "pattern": contract::SLUG_PATTERN }),
        Kind::List(item) => json!({ "type": "array", "items": value(item, lang) }),
        Kind::Group(r) => record(r, lang),
        Kind::Rows(r) => json!({ "type": "array", "items": record(r, lang) }),
    }
}
