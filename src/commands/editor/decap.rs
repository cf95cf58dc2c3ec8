//! The configuration of the browser editor, generated from the content contract.
//!
//! Decap CMS (and Sveltia CMS, which reads the same `config.yml`) edits the Markdown
//! files in the site's git repository from a browser: a collection per content type,
//! a form field per front-matter field, list widgets for rows, relation widgets for the
//! slugs of plans, hearings and decisions.

use crate::model::config::Language;
use crate::model::content::ContentType;
use crate::model::content::contract::{self, DateForm, FieldDoc, Kind, Need, TypeDoc};
use serde_norway::{Mapping, Value};

/// The Decap CMS version `admin/index.html` loads; the browser test runs the same one.
pub const DECAP_VERSION: &str = "3.16.3";

fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut m = Mapping::new();
    for (k, v) in pairs {
        m.insert(Value::String(k.into()), v);
    }
    Value::Mapping(m)
}

fn s(text: &str) -> Value {
    Value::String(text.into())
}

fn insert(v: &mut Value, key: &str, value: Value) {
    if let Value::Mapping(m) = v {
        m.insert(s(key), value);
    }
}

/// The collection name of a content type (also what relation widgets point at).
pub fn collection_name(kind: ContentType) -> &'static str {
    kind.as_str()
}

/// `static/admin/config.yml` for a site in `lang`.
pub fn config_yml(lang: Language) -> String {
    let collections: Vec<Value> = contract::ALL.iter().map(|t| collection(t, lang)).collect();
    let config = map([
        (
            "backend",
            map([("name", s("git-gateway")), ("branch", s("main"))]),
        ),
        ("local_backend", Value::Bool(true)),
        ("locale", s(lang.code())),
        ("media_folder", s("static/filer")),
        ("public_folder", s("/filer")),
        ("collections", Value::Sequence(collections)),
    ]);
    let yaml = serde_norway::to_string(&config).unwrap_or_default();
    format!("{}{yaml}", header(lang))
}

fn header(lang: Language) -> &'static str {
    match lang {
        Language::Da => {
            "\
# Browser-editoren (Decap CMS eller Sveltia CMS) – skrevet af `planpub editor` ud fra
# planpubs indholdskontrakt. Ret ikke i filen: kør `planpub editor` igen efter en
# opdatering af planpub. Kun `backend:` er din: vælg, hvor sitets git-depot ligger,
# fx   backend: { name: github, repo: kommune/planer, branch: main }
# eller  backend: { name: gitlab, repo: kommune/planer, branch: main }.
# Lokalt uden login: kør `npx decap-server` i sitets mappe og åbn /admin/.
"
        }
        Language::En => {
            "\
# The browser editor (Decap CMS or Sveltia CMS), written by `planpub editor` from
# planpub's content contract. Do not edit: run `planpub editor` again after updating
# planpub. Only `backend:` is yours: say where the site's git repository lives,
# e.g.   backend: { name: github, repo: council/plans, branch: main }.
# Locally without a login: run `npx decap-server` in the site folder and open /admin/.
"
        }
    }
}

fn collection(t: &TypeDoc, lang: Language) -> Value {
    let mut fields = vec![map([
        ("name", s("type")),
        ("label", s(contract::COMMON[0].label.get(lang))),
        ("widget", s("hidden")),
        ("default", s(t.kind.as_str())),
    ])];
    fields.extend(
        t.all_fields()
            .filter(|f| f.name != "type")
            .map(|f| field(f, lang)),
    );
    fields.push(map([
        ("name", s("body")),
        (
            "label",
            s(match lang {
                Language::Da => "Tekst",
                Language::En => "Text",
            }),
        ),
        ("widget", s("markdown")),
        ("required", Value::Bool(false)),
    ]));
    map([
        ("name", s(collection_name(t.kind))),
        ("label", s(t.plural.get(lang))),
        ("label_singular", s(t.singular.get(lang))),
        ("folder", s(&format!("content/{}", t.folder))),
        ("create", Value::Bool(true)),
        ("extension", s("md")),
        ("format", s("frontmatter")),
        ("slug", s("{{slug}}")),
        (
            "filter",
            map([("field", s("type")), ("value", s(t.kind.as_str()))]),
        ),
        // Files beside the Markdown file, where planpub looks for them first.
        ("media_folder", s("")),
        ("public_folder", s("")),
        ("summary", s("{{title}}")),
        ("fields", Value::Sequence(fields)),
    ])
}

fn field(f: &FieldDoc, lang: Language) -> Value {
    let mut v = widget(&f.kind, lang);
    if matches!(f.kind, Kind::Group(_)) && f.need != Need::Required {
        // Decap checks the required fields inside a group even when the group itself
        // may be left out, so a decision could not be saved without `withdrawn:`'s date
        // and reason. planpub check (and the schema) still require them once the group
        // is written.
        optional_inside(&mut v);
    }
    insert(&mut v, "name", s(f.name));
    insert(&mut v, "label", s(f.label.get(lang)));
    insert(&mut v, "hint", s(f.help.get(lang)));
    // Decap requires every field unless told otherwise; a draft may lack `Published`.
    if f.need != Need::Required {
        insert(&mut v, "required", Value::Bool(false));
    }
    if let Some(e) = f.example {
        // The contract writes examples as YAML text; the form wants the typed value.
        let typed = serde_norway::from_str::<Value>(e).unwrap_or_else(|_| s(e));
        let typed = match (&f.kind, typed) {
            (Kind::Line | Kind::Prose | Kind::Date(_), Value::Number(n)) => s(&n.to_string()),
            (_, t) => t,
        };
        insert(&mut v, "default", typed);
    }
    v
}

fn optional_inside(group: &mut Value) {
    if let Some(Value::Sequence(fields)) = group.get_mut("fields") {
        for f in fields {
            insert(f, "required", Value::Bool(false));
        }
    }
}

fn pattern(lang: Language, regex: &str, da: &str, en: &str) -> Value {
    Value::Sequence(vec![
        s(regex),
        s(match lang {
            Language::Da => da,
            Language::En => en,
        }),
    ])
}

fn widget(kind: &Kind, lang: Language) -> Value {
    match kind {
        Kind::Line | Kind::Code => map([("widget", s("string"))]),
        Kind::Email => map([
            ("widget", s("string")),
            (
                "pattern",
                pattern(
                    lang,
                    contract::EMAIL_PATTERN,
                    "Skriv én e-mailadresse, fx hoering@kommune.dk",
                    "Write one e-mail address, e.g. hearing@council.gov.uk",
                ),
            ),
        ]),
        Kind::Url => map([
            ("widget", s("string")),
            (
                "pattern",
                pattern(
                    lang,
                    contract::URL_PATTERN,
                    "Skriv en webadresse, der begynder med https://",
                    "Write a web address that starts with https://",
                ),
            ),
        ]),
        Kind::Prose => map([("widget", s("text"))]),
        Kind::Bool => map([("widget", s("boolean")), ("default", Value::Bool(false))]),
        Kind::Whole => map([
            ("widget", s("number")),
            ("value_type", s("int")),
            ("min", Value::Number(0.into())),
        ]),
        Kind::Choice(choices) => {
            let options = choices
                .iter()
                .map(|c| {
                    map([
                        ("label", s(&format!("{} ({})", c.value, c.label.get(lang)))),
                        ("value", s(c.value)),
                    ])
                })
                .collect();
            map([
                ("widget", s("select")),
                ("options", Value::Sequence(options)),
            ])
        }
        Kind::Date(DateForm::Fuzzy) => map([("widget", s("string"))]),
        Kind::Date(DateForm::Day) => map([
            ("widget", s("string")),
            (
                "pattern",
                pattern(
                    lang,
                    &contract::day_pattern(),
                    "Skriv én dag, evt. med klokkeslæt, fx 2024-03-01 12:00",
                    "Write one day, optionally with a time, e.g. 2024-03-01 12:00",
                ),
            ),
        ]),
        Kind::Slug => map([
            ("widget", s("string")),
            (
                "pattern",
                pattern(
                    lang,
                    contract::SLUG_PATTERN,
                    "Små bogstaver a-z, tal og bindestreger",
                    "Lower-case a-z, digits and hyphens",
                ),
            ),
        ]),
        Kind::Ref(target) => relation(*target, false),
        Kind::File => map([("widget", s("file"))]),
        Kind::List(Kind::Ref(target)) => relation(*target, true),
        Kind::List(_) => map([("widget", s("list"))]),
        Kind::Group(r) => map([
            ("widget", s("object")),
            ("collapsed", Value::Bool(false)),
            ("fields", subfields(r.fields, lang)),
        ]),
        Kind::Rows(r) => map([
            ("widget", s("list")),
            ("label_singular", s(r.item.get(lang))),
            (
                "summary",
                s(&format!("{{{{fields.{}}}}}", row_summary(r.fields))),
            ),
            ("fields", subfields(r.fields, lang)),
        ]),
    }
}

/// The field a row is summed up by in a collapsed list: the first required text.
fn row_summary(fields: &[FieldDoc]) -> &'static str {
    fields
        .iter()
        .find(|f| f.need == Need::Required && matches!(f.kind, Kind::Line | Kind::Prose))
        .or(fields.first())
        .map(|f| f.name)
        .unwrap_or("title")
}

fn subfields(fields: &[FieldDoc], lang: Language) -> Value {
    Value::Sequence(fields.iter().map(|f| field(f, lang)).collect())
}

fn relation(target: ContentType, multiple: bool) -> Value {
    map([
        ("widget", s("relation")),
        ("collection", s(collection_name(target))),
        ("value_field", s("{{slug}}")),
        ("search_fields", Value::Sequence(vec![s("title")])),
        ("display_fields", Value::Sequence(vec![s("title")])),
        ("multiple", Value::Bool(multiple)),
    ])
}

/// `static/admin/index.html`: loads the pinned Decap CMS, which reads `config.yml`
/// beside it. The script is in `<body>`: Decap starts as soon as it has loaded and puts
/// its page into `document.body`, which does not exist yet while `<head>` is read.
pub fn index_html(lang: Language) -> String {
    let title = match lang {
        Language::Da => "Redigér sitets indhold",
        Language::En => "Edit the site's content",
    };
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n<title>{title}</title>\n</head>\n<body>\n<script src=\"https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js\"></script>\n</body>\n</html>\n",
        code = lang.code(),
    )
}
