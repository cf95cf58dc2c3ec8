//! The description of the contract agrees with what the parser accepts, both ways.
//!
//! * The serde structs of `raw` are traced with a deserializer that records every
//!   struct's field names, every enum's variants and every list and option, and the
//!   tree is compared with the description.
//! * The unknown-field lists (`raw::fields_for`) are compared with it too.
//! * Documents made from the description (every field, only the required ones, each
//!   required field left out, rules broken, an unknown field, a wrong choice) are run
//!   through the real parser and through the generated JSON Schema: both must agree.

use super::*;
use crate::model::config::Language;
use crate::model::content::raw;
use crate::model::yaml::Shape;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use serde_json::{Value, json};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- tracing serde

/// What serde's derived code asked for.
#[derive(Debug, Clone, PartialEq)]
enum Traced {
    Unknown,
    /// A scalar: `str`, `bool`, `u32`, `any` (text or number, see `raw::Text`) …
    Scalar(&'static str),
    Enum(Vec<&'static str>),
    Seq(Box<Traced>),
    Option(Box<Traced>),
    Struct(BTreeMap<&'static str, Traced>),
}

type Error = de::value::Error;

/// A deserializer that feeds a derived `Deserialize` plausible input and records the
/// shape it asks for. The second part is the field's name, for text that must have a
/// form (an e-mail address, a web address).
struct Tracer<'a>(&'a mut Traced, &'static str);

/// Text that the field `name` accepts.
fn sample_text(name: &str) -> &'static str {
    match name {
        "email" => "x@example.dk",
        "url" => "https://example.dk/",
        _ => "x",
    }
}

macro_rules! scalar {
    ($($method:ident => $name:literal, $visit:ident($($value:expr)?);)*) => {
        $(fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            *self.0 = Traced::Scalar($name);
            v.$visit($($value)?)
        })*
    };
}

impl<'de> Deserializer<'de> for Tracer<'_> {
    type Error = Error;

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        *self.0 = Traced::Scalar("str");
        v.visit_str(sample_text(self.1))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    scalar! {
        deserialize_any => "any", visit_str("1");
        deserialize_bool => "bool", visit_bool(false);
        deserialize_u8 => "whole", visit_u8(1);
        deserialize_u16 => "whole", visit_u16(1);
        deserialize_u32 => "whole", visit_u32(1);
        deserialize_u64 => "whole", visit_u64(1);
        deserialize_i8 => "int", visit_i8(1);
        deserialize_i16 => "int", visit_i16(1);
        deserialize_i32 => "int", visit_i32(1);
        deserialize_i64 => "int", visit_i64(1);
        deserialize_f32 => "float", visit_f32(1.0);
        deserialize_f64 => "float", visit_f64(1.0);
        deserialize_char => "str", visit_char('x');
        deserialize_identifier => "str", visit_str("x");
        deserialize_bytes => "bytes", visit_bytes(b"x");
        deserialize_byte_buf => "bytes", visit_bytes(b"x");
        deserialize_unit => "unit", visit_unit();
        deserialize_ignored_any => "any", visit_unit();
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let mut inner = Traced::Unknown;
        let r = v.visit_some(Tracer(&mut inner, self.1));
        *self.0 = Traced::Option(Box::new(inner));
        r
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let mut item = Traced::Unknown;
        let r = v.visit_seq(OneItem(Some(&mut item)));
        *self.0 = Traced::Seq(Box::new(item));
        r
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(de::Error::custom(
            "free-form maps are not part of the contract",
        ))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let mut map: BTreeMap<&'static str, Traced> =
            fields.iter().map(|f| (*f, Traced::Unknown)).collect();
        let r = v.visit_map(Fields {
            names: fields.iter(),
            current: None,
            map: &mut map,
        });
        *self.0 = Traced::Struct(map);
        r
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        *self.0 = Traced::Enum(variants.to_vec());
        v.visit_enum(variants[0].into_deserializer())
    }
}

struct OneItem<'a>(Option<&'a mut Traced>);

impl<'de> de::SeqAccess<'de> for OneItem<'_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.0.take() {
            Some(slot) => seed.deserialize(Tracer(slot, "")).map(Some),
            None => Ok(None),
        }
    }
}

struct Fields<'a> {
    names: std::slice::Iter<'static, &'static str>,
    current: Option<&'static str>,
    map: &'a mut BTreeMap<&'static str, Traced>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.names.next() {
            Some(name) => {
                self.current = Some(name);
                let key: de::value::StrDeserializer<Error> = name.into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let name = self.current.expect("a key before its value");
        let slot = self.map.get_mut(name).expect("a known field");
        seed.deserialize(Tracer(slot, name))
    }
}

fn trace<T: serde::de::DeserializeOwned>() -> BTreeMap<&'static str, Traced> {
    let mut t = Traced::Unknown;
    T::deserialize(Tracer(&mut t, "")).expect("the tracer feeds every struct what it asks for");
    match t {
        Traced::Struct(m) => m,
        other => panic!("not a struct: {other:?}"),
    }
}

fn traced_type(kind: ContentType) -> BTreeMap<&'static str, Traced> {
    let mut all = trace::<raw::Common>();
    let own = match kind {
        ContentType::Plan => trace::<raw::PlanFields>(),
        ContentType::Hearing => trace::<raw::HearingFields>(),
        ContentType::Decision => trace::<raw::DecisionFields>(),
        ContentType::Page => trace::<raw::PageFields>(),
    };
    all.extend(own);
    all
}

// ---------------------------------------------------------------- comparing

/// Whether the description of `f` fits what serde asked for; a list of mismatches.
fn compare(path: &str, doc: &Kind, traced: &Traced, out: &mut Vec<String>) {
    let traced = match traced {
        Traced::Option(inner) => inner,
        t => t,
    };
    match (doc, traced) {
        (Kind::Choice(choices), Traced::Enum(variants)) => {
            let mut a: Vec<&str> = choices.iter().map(|c| c.value).collect();
            let mut b = variants.clone();
            a.sort();
            b.sort();
            if a != b {
                out.push(format!(
                    "{path}: described values {a:?}, parser accepts {b:?}"
                ));
            }
        }
        (Kind::Group(r), Traced::Struct(m)) => compare_fields(path, r.fields, m, out),
        (Kind::Rows(r), Traced::Seq(item)) => match item.as_ref() {
            Traced::Struct(m) => compare_fields(&format!("{path}[]"), r.fields, m, out),
            t => out.push(format!(
                "{path}: described as rows, parser reads a list of {t:?}"
            )),
        },
        (Kind::List(k), Traced::Seq(item)) => compare(&format!("{path}[]"), k, item, out),
        (Kind::Bool, Traced::Scalar("bool")) | (Kind::Whole, Traced::Scalar("whole")) => {}
        // `raw::Text` takes text or a number.
        (Kind::Code | Kind::Date(_), Traced::Scalar("any")) => {}
        (
            Kind::Line
            | Kind::Prose
            | Kind::Email
            | Kind::Url
            | Kind::Slug
            | Kind::Ref(_)
            | Kind::File
            | Kind::Date(_),
            Traced::Scalar("str"),
        ) => {}
        (d, t) => out.push(format!("{path}: described as {d:?}, parser reads {t:?}")),
    }
}

fn compare_fields(
    path: &str,
    doc: &[FieldDoc],
    traced: &BTreeMap<&'static str, Traced>,
    out: &mut Vec<String>,
) {
    let at = |name: &str| {
        if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    for f in doc {
        for name in f.names() {
            match traced.get(name) {
                Some(t) => compare(&at(name), &f.kind, t, out),
                None => out.push(format!(
                    "{}: described, but the parser has no such field",
                    at(name)
                )),
            }
        }
    }
    for name in traced.keys() {
        if !doc.iter().any(|f| f.names().any(|n| n == *name)) {
            out.push(format!(
                "{}: the parser accepts it, but the description lacks it",
                at(name)
            ));
        }
    }
}

#[test]
fn the_description_and_the_serde_structs_have_the_same_fields() {
    let mut problems = Vec::new();
    for t in &ALL {
        let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
        compare_fields(
            t.kind.as_str(),
            &fields,
            &traced_type(t.kind),
            &mut problems,
        );
    }
    assert!(
        problems.is_empty(),
        "contract and parser disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_tracer_sees_nested_rows_and_choices() {
    // The comparison is only as good as the tracer: it must reach inside rows.
    let plan = traced_type(ContentType::Plan);
    let Some(Traced::Seq(row)) = plan.get("timeline") else {
        panic!("timeline: {:?}", plan.get("timeline"));
    };
    let Traced::Struct(row) = row.as_ref() else {
        panic!("row: {row:?}");
    };
    assert_eq!(
        row.get("kind"),
        Some(&Traced::Option(Box::new(Traced::Enum(vec![
            "milestone",
            "meeting",
            "hearing",
            "decision",
            "phase"
        ]))))
    );
    assert!(row.contains_key("undated"));
}

/// The names of a yaml::Shape as a tree of paths.
fn shape_paths(prefix: &str, shape: &Shape, out: &mut Vec<String>) {
    match shape {
        Shape::Any => {}
        Shape::List(item) => shape_paths(&format!("{prefix}[]"), item, out),
        Shape::Map(fields) => {
            for f in *fields {
                let p = format!("{prefix}.{}", f.name);
                out.push(p.clone());
                shape_paths(&p, &f.shape, out);
            }
        }
    }
}

fn doc_paths(prefix: &str, fields: &[FieldDoc], out: &mut Vec<String>) {
    for f in fields {
        for name in f.names() {
            let p = format!("{prefix}.{name}");
            out.push(p.clone());
            match f.kind {
                Kind::Group(r) => doc_paths(&p, r.fields, out),
                Kind::Rows(r) => doc_paths(&format!("{p}[]"), r.fields, out),
                _ => {}
            }
        }
    }
}

#[test]
fn the_unknown_field_lists_match_the_description() {
    for t in &ALL {
        let mut a = Vec::new();
        shape_paths("", &Shape::Map(raw::fields_for(t.kind)), &mut a);
        let mut b = Vec::new();
        let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
        doc_paths("", &fields, &mut b);
        a.sort();
        b.sort();
        assert_eq!(
            a,
            b,
            "{}: raw::fields_for and the description differ",
            t.kind.as_str()
        );
    }
}

// ---------------------------------------------------------------- parser and schema agree

/// A value for a field in a made-up document.
fn sample(name: &str, kind: &Kind, full: bool) -> Value {
    match kind {
        Kind::Line | Kind::Prose => json!("Eksempel"),
        Kind::Email => json!("hoering@example.dk"),
        Kind::Url => json!("https://example.dk/svar"),
        Kind::Code if name == "until" => json!("21:00"),
        Kind::Code => json!("12-345"),
        Kind::Bool => json!(false),
        Kind::Whole => json!(1),
        Kind::Choice(choices) => json!(choices[0].value),
        // A meeting's `until` needs a start time in its `when`.
        Kind::Date(DateForm::Fuzzy) if name == "when" => json!("2008-06-03 19:00"),
        Kind::Date(DateForm::Fuzzy) => json!("2008-05-22"),
        Kind::Date(DateForm::Day) => match name {
            "closes" => json!("2008-06-20 12:00"),
            _ => json!("2008-05-22"),
        },
        Kind::Slug => json!("eksempel-id"),
        Kind::Ref(t) => json!(format!("eksempel-{}", t.as_str())),
        Kind::File => json!("eksempel.pdf"),
        Kind::List(k) => json!([sample(name, k, full)]),
        Kind::Group(r) => group(r, full),
        Kind::Rows(r) => json!([group(r, full)]),
    }
}

fn group(r: &Record, full: bool) -> Value {
    // Of fields that exclude each other, only the first is written.
    let excluded: &[&str] = match r.rule {
        Rule::OneOf(names) | Rule::AtMostOne(names) | Rule::AnyOf(names) => &names[1..],
        Rule::None => &[],
    };
    let first = match r.rule {
        Rule::OneOf(names) | Rule::AnyOf(names) => Some(names[0]),
        _ => None,
    };
    let mut m = serde_json::Map::new();
    for f in r.fields {
        let wanted = f.need != Need::Optional || full || first == Some(f.name);
        if wanted && !excluded.contains(&f.name) {
            m.insert(f.name.into(), sample(f.name, &f.kind, full));
        }
    }
    Value::Object(m)
}

fn document(t: &TypeDoc, full: bool) -> Value {
    let fields: &'static [FieldDoc] = Box::leak(
        t.all_fields()
            .copied()
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    );
    let mut doc = group(
        Box::leak(Box::new(Record {
            fields,
            rule: Rule::None,
            item: t.singular,
        })),
        full,
    );
    doc["type"] = json!(t.kind.as_str());
    doc
}

struct Checked {
    parser_errors: Vec<String>,
    schema_errors: Vec<String>,
}

/// Items the made-up documents refer to (`sample` makes `eksempel-<type>` slugs).
const STUBS: &[(&str, &str)] = &[
    (
        "content/eksempel-plan.md",
        "---\ntype: plan\ntitle: Stub\n---\n",
    ),
    (
        "content/eksempel-hearing.md",
        "---\ntype: hearing\ntitle: Stub\nopens: 2008-01-02\ncloses: 2008-02-20\nrespond: { email: a@example.dk }\n---\n",
    ),
    (
        "content/eksempel-decision.md",
        "---\ntype: decision\ntitle: Stub\nbody: Stubudvalget\nmeeting: 2008-01-05\nitem: 9\n---\n",
    ),
];

/// Runs `doc` through a whole site load (file checks and the checks across documents)
/// and through the type's generated JSON Schema.
fn check(t: &TypeDoc, doc: &Value) -> Checked {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let write = |rel: &str, bytes: &[u8]| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(p, bytes).expect("write");
    };
    write(
        "site.yaml",
        b"title: Test\nbase_url: https://test.example.dk/\n",
    );
    write("content/eksempel.pdf", b"%PDF-1.4\n");
    for (rel, text) in STUBS {
        write(rel, text.as_bytes());
    }
    let yaml = serde_norway::to_string(doc).expect("yaml");
    write(
        "content/eksempel.md",
        format!("---\n{yaml}---\n\nTekst.\n").as_bytes(),
    );
    let now = crate::model::clock::build_moment(Some("2008-06-01")).expect("moment");
    let opts = crate::build::BuildOptions::new(root, now);
    let parser_errors = match crate::build::load(&opts) {
        Ok(_) => Vec::new(),
        Err(diags) => diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| {
                format!(
                    "{}: {}: {}",
                    d.file,
                    d.field.as_deref().unwrap_or("-"),
                    d.message
                )
            })
            .collect(),
    };
    let schema = crate::commands::editor::schema::for_type(t, Language::Da);
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let schema_errors = validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    Checked {
        parser_errors,
        schema_errors,
    }
}

#[track_caller]
fn both_accept(t: &TypeDoc, doc: &Value, what: &str) {
    let c = check(t, doc);
    assert!(
        c.parser_errors.is_empty() && c.schema_errors.is_empty(),
        "{} ({what}) should be accepted:\nparser: {:?}\nschema: {:?}\n{doc:#}",
        t.kind.as_str(),
        c.parser_errors,
        c.schema_errors
    );
}

#[track_caller]
fn both_refuse(t: &TypeDoc, doc: &Value, what: &str) {
    let c = check(t, doc);
    assert!(
        !c.parser_errors.is_empty() && !c.schema_errors.is_empty(),
        "{} ({what}) should be refused by both:\nparser: {:?}\nschema: {:?}\n{doc:#}",
        t.kind.as_str(),
        c.parser_errors,
        c.schema_errors
    );
}

#[test]
fn documents_with_every_field_or_only_the_required_ones_pass_both() {
    for t in &ALL {
        both_accept(t, &document(t, true), "every field");
        both_accept(t, &document(t, false), "required fields only");
    }
}

/// Every (path to a map, field) of a document, for taking fields out.
fn required_paths(fields: &[FieldDoc], at: Vec<String>, out: &mut Vec<(Vec<String>, FieldDoc)>) {
    for f in fields {
        if f.need != Need::Optional {
            out.push((at.clone(), *f));
        }
        match f.kind {
            Kind::Group(r) => {
                required_paths(r.fields, [at.clone(), vec![f.name.into()]].concat(), out)
            }
            Kind::Rows(r) => required_paths(
                r.fields,
                [at.clone(), vec![f.name.into(), "0".into()]].concat(),
                out,
            ),
            _ => {}
        }
    }
}

fn at_mut<'a>(doc: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(doc, |v, seg| match seg.parse::<usize>() {
        Ok(i) => &mut v[i],
        Err(_) => &mut v[seg.as_str()],
    })
}

#[test]
fn leaving_out_a_required_field_is_refused_by_both() {
    for t in &ALL {
        let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
        let mut paths = Vec::new();
        required_paths(&fields, Vec::new(), &mut paths);
        assert!(!paths.is_empty());
        for (at, f) in paths {
            if f.name == "type" {
                continue; // without a type there is no type to check against
            }
            let mut doc = document(t, true);
            let map = at_mut(&mut doc, &at).as_object_mut().expect("a map");
            map.remove(f.name);
            both_refuse(t, &doc, &format!("without {}.{}", at.join("."), f.name));
        }
    }
}

/// Every record with a rule, with the path to one instance of it in a full document.
fn rules(fields: &[FieldDoc], at: Vec<String>, out: &mut Vec<(Vec<String>, Record)>) {
    for f in fields {
        let (r, here) = match f.kind {
            Kind::Group(r) => (r, [at.clone(), vec![f.name.into()]].concat()),
            Kind::Rows(r) => (r, [at.clone(), vec![f.name.into(), "0".into()]].concat()),
            _ => continue,
        };
        if r.rule != Rule::None {
            out.push((here.clone(), *r));
        }
        rules(r.fields, here, out);
    }
}

#[test]
fn rules_across_fields_are_enforced_by_both() {
    for t in &ALL {
        let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
        let mut found = Vec::new();
        rules(&fields, Vec::new(), &mut found);
        for (at, r) in found {
            let field = |n: &str| {
                *r.fields
                    .iter()
                    .find(|f| f.name == n)
                    .expect("a field of the rule")
            };
            let (names, none_allowed) = match r.rule {
                Rule::OneOf(n) => (n, false),
                Rule::AnyOf(n) => (n, false),
                Rule::AtMostOne(n) => (n, true),
                Rule::None => unreachable!(),
            };
            if !matches!(r.rule, Rule::AnyOf(_)) {
                let mut doc = document(t, true);
                let map = at_mut(&mut doc, &at);
                for n in names {
                    map[*n] = sample(n, &field(n).kind, true);
                }
                both_refuse(t, &doc, &format!("{} with all of {names:?}", at.join(".")));
            }
            if !none_allowed {
                let mut doc = document(t, true);
                let map = at_mut(&mut doc, &at).as_object_mut().expect("a map");
                for n in names {
                    map.remove(*n);
                }
                both_refuse(t, &doc, &format!("{} with none of {names:?}", at.join(".")));
            }
        }
    }
}

#[test]
fn second_names_are_the_parsers_own_and_clash_with_no_field() {
    fn nested_aliases(fields: &[FieldDoc], out: &mut Vec<&'static str>) {
        for f in fields {
            if let Kind::Group(r) | Kind::Rows(r) = f.kind {
                out.extend(
                    r.fields
                        .iter()
                        .filter(|g| g.alias.is_some())
                        .map(|g| g.name),
                );
                nested_aliases(r.fields, out);
            }
        }
    }
    let mut seen = 0;
    for t in &ALL {
        let fields: Vec<FieldDoc> = t.all_fields().copied().collect();
        let described: Vec<(&str, &str)> = fields
            .iter()
            .filter_map(|f| f.alias.map(|a| (f.name, a)))
            .collect();
        assert_eq!(
            described,
            raw::other_names(t.kind),
            "{}: the contract's second names and the parser's differ",
            t.kind.as_str()
        );
        seen += described.len();
        for (name, alias) in described {
            assert!(
                !fields.iter().any(|g| g.name == alias),
                "{name}: its second name {alias} is another field's name"
            );
            let f = fields.iter().find(|f| f.name == name).expect("described");
            // The schema's `else: required` after `draft` lists one name per field.
            assert_ne!(f.need, Need::Published, "{name}");
        }
        // The parser knows second names of top-level fields only.
        let mut nested = Vec::new();
        nested_aliases(&fields, &mut nested);
        assert!(nested.is_empty(), "{}: {nested:?}", t.kind.as_str());
    }
    assert!(
        seen > 0,
        "no field has a second name; this test has nothing to check"
    );
}

#[test]
fn a_field_with_two_names_takes_either_but_never_both_in_both() {
    for t in &ALL {
        for f in t.all_fields().filter(|f| f.alias.is_some()) {
            let alias = f.alias.expect("filtered");
            let full = document(t, true);
            let value = full[f.name].clone();
            let mut renamed = full.clone();
            let map = renamed.as_object_mut().expect("a map");
            map.remove(f.name);
            map.insert(alias.into(), value.clone());
            both_accept(t, &renamed, &format!("{alias} instead of {}", f.name));

            let mut both = full.clone();
            both[alias] = value;
            both_refuse(t, &both, &format!("both {} and {alias}", f.name));
            let c = check(t, &both);
            assert!(
                c.parser_errors
                    .iter()
                    .any(|e| e.contains(&format!(": {alias}: "))
                        && e.contains("two names for the same field")),
                "{:?}",
                c.parser_errors
            );

            if f.need == Need::Required {
                let mut neither = renamed.clone();
                neither.as_object_mut().expect("a map").remove(alias);
                both_refuse(t, &neither, &format!("neither {} nor {alias}", f.name));
            }
        }
    }
}

#[test]
fn unknown_fields_and_values_outside_a_choice_are_refused_by_both() {
    let hearing = TypeDoc::of(ContentType::Hearing);
    let mut doc = document(hearing, true);
    doc["respond"]["emial"] = json!("a@example.dk");
    both_refuse(hearing, &doc, "respond.emial");

    let plan = TypeDoc::of(ContentType::Plan);
    let mut doc = document(plan, true);
    doc["status"] = json!("adoptd");
    both_refuse(plan, &doc, "status: adoptd");
    let mut doc = document(plan, true);
    doc["timeline"][0]["kind"] = json!("fase");
    both_refuse(plan, &doc, "timeline[0].kind: fase");

    let decision = TypeDoc::of(ContentType::Decision);
    let mut doc = document(decision, true);
    doc["recommendations"][0]["outcome"] = json!("godkendt");
    both_refuse(decision, &doc, "outcome: godkendt");
}

#[test]
fn a_draft_may_lack_what_a_published_item_needs() {
    let hearing = TypeDoc::of(ContentType::Hearing);
    let mut doc = document(hearing, false);
    doc.as_object_mut().expect("map").remove("respond");
    both_refuse(hearing, &doc, "published without respond");
    doc["draft"] = json!(true);
    let c = check(hearing, &doc);
    assert!(c.schema_errors.is_empty(), "{:?}", c.schema_errors);
}

#[test]
fn exact_day_fields_refuse_what_is_not_one_day_in_both() {
    let hearing = TypeDoc::of(ContentType::Hearing);
    for bad in [
        "december 2026",
        "uge 26 2008",
        "løbende",
        "1. halvår 2008",
        "22. maj - 20. juni 2008",
    ] {
        let mut doc = document(hearing, true);
        doc["closes"] = json!(bad);
        both_refuse(hearing, &doc, &format!("closes: {bad}"));
    }
    for good in [
        "2008-06-20",
        "20. juni 2008 kl. 12.00",
        "2008-06-20T12:00:00+02:00",
        "20.06.2008",
        "20 June 2008",
    ] {
        let mut doc = document(hearing, true);
        doc["closes"] = json!(good);
        both_accept(hearing, &doc, &format!("closes: {good}"));
    }
}

#[test]
fn every_type_and_field_has_both_languages() {
    fn words(fields: &[FieldDoc]) {
        for f in fields {
            for w in [f.label, f.help] {
                assert!(!w.da.is_empty() && !w.en.is_empty(), "{}", f.name);
            }
            match f.kind {
                Kind::Group(r) | Kind::Rows(r) => words(r.fields),
                Kind::Choice(cs) => {
                    assert!(
                        cs.iter()
                            .all(|c| !c.label.da.is_empty() && !c.label.en.is_empty())
                    )
                }
                _ => {}
            }
        }
    }
    words(COMMON);
    for t in &ALL {
        words(t.fields);
    }
}
