//! VS Code support for writing front matter: the workspace settings and recommended
//! extensions, snippets that complete field names and allowed values, and the remark
//! configuration that checks every content file against the generated JSON Schema.
//!
//! Why remark and not the Red Hat YAML extension: the YAML language server only serves
//! YAML documents, not YAML embedded at the top of a Markdown file (its issue #207 has
//! been open since 2019), so its `yaml.schemas` setting does nothing for `.md` files.
//! `remark-lint-frontmatter-schema`, run by the `unifiedjs.vscode-remark` extension,
//! validates Markdown front matter against a JSON Schema and underlines each problem
//! at its line. Completion comes from the snippets, which VS Code offers as you type.

use crate::model::config::Language;
use crate::model::content::contract::{self, FieldDoc, Kind, Need};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The npm packages the remark check needs, pinned; the browser test installs the same.
pub const REMARK_PACKAGES: &[(&str, &str)] = &[
    ("remark-cli", "12.0.1"),
    ("remark-frontmatter", "5.0.0"),
    ("remark-lint-frontmatter-schema", "3.15.4"),
];

pub fn schema_dir(lang: Language) -> String {
    format!(".planpub/schemas/{}", lang.code())
}

pub fn settings_json() -> String {
    pretty(&json!({
        "[markdown]": {
            "editor.quickSuggestions": { "other": "on", "comments": "off", "strings": "off" },
            "editor.wordBasedSuggestions": "off",
            "editor.snippetSuggestions": "top"
        },
        "remark.requireConfig": true,
        "files.exclude": { "node_modules": true }
    }))
}

pub fn extensions_json() -> String {
    pretty(&json!({ "recommendations": ["unifiedjs.vscode-remark"] }))
}

pub fn remarkrc(lang: Language) -> String {
    let schema = format!("{}/content.schema.json", schema_dir(lang));
    format!(
        "// Written by `planpub editor`: checks the front matter of every content file against\n\
         // planpub's schema, in VS Code (extension unifiedjs.vscode-remark) and with\n\
         // `npx remark content`. Run `npm install` once in this folder first.\n\
         import remarkFrontmatter from 'remark-frontmatter';\n\
         import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';\n\
         \n\
         export default {{\n  plugins: [\n    remarkFrontmatter,\n    [remarkLintFrontmatterSchema, ['error', {{ schemas: {{ '{schema}': ['content/**/*.md'] }} }}]],\n  ],\n}};\n"
    )
}

pub fn package_json() -> String {
    let deps: Map<String, Value> = REMARK_PACKAGES
        .iter()
        .map(|(n, v)| (n.to_string(), json!(v)))
        .collect();
    pretty(&json!({
        "private": true,
        "description": "The front-matter check for VS Code (see .remarkrc.mjs); planpub itself needs none of this.",
        "scripts": { "check-front-matter": "remark content --quiet --frail" },
        "devDependencies": deps
    }))
}

/// Snippets: one whole front matter per content type, and one per field name.
pub fn snippets(lang: Language) -> String {
    let mut out = Map::new();
    for t in &contract::ALL {
        let name = t.singular.get(lang);
        let mut body = vec!["---".to_string()];
        let mut n = 1;
        for f in t.all_fields() {
            match (f.name, f.need) {
                ("type", _) => body.push(format!("type: {}", t.kind.as_str())),
                ("title", _) => {
                    body.push(format!("title: ${{{n}:{name}}}"));
                    n += 1;
                }
                ("draft", _) => body.push("draft: true".into()),
                (_, Need::Required | Need::Published) => {
                    for line in field_lines(f, &mut n) {
                        body.push(line);
                    }
                }
                _ => {}
            }
        }
        body.push("---".into());
        body.push(String::new());
        body.push("$0".into());
        out.insert(
            format!("planpub: {name}"),
            json!({
                "scope": "markdown",
                "prefix": [format!("planpub-{}", t.kind.as_str()), format!("planpub-{}", name.to_lowercase())],
                "body": body,
                "description": match lang {
                    Language::Da => format!("Front matter for en ny {} med de felter, der skal udfyldes", name.to_lowercase()),
                    Language::En => format!("Front matter for a new {} with the fields to fill in", name.to_lowercase()),
                },
            }),
        );
    }
    // One snippet per field name; a name used by several types is described once.
    let mut by_name: BTreeMap<&str, (&FieldDoc, Vec<&str>)> = BTreeMap::new();
    for t in &contract::ALL {
        for f in t.all_fields() {
            by_name
                .entry(f.name)
                .or_insert((f, Vec::new()))
                .1
                .push(t.kind.as_str());
        }
    }
    for (name, (f, types)) in by_name {
        if name == "type" {
            continue;
        }
        let mut n = 1;
        let used = if types.len() == contract::ALL.len() {
            String::new()
        } else {
            format!(" ({})", types.join(", "))
        };
        out.insert(
            name.to_string(),
            json!({
                "scope": "markdown",
                "prefix": name,
                "body": field_lines(f, &mut n),
                "description": format!("{}{used}", f.help.get(lang)),
            }),
        );
    }
    pretty(&Value::Object(out))
}

/// The lines of a field with tab stops numbered from `n`.
fn field_lines(f: &FieldDoc, n: &mut usize) -> Vec<String> {
    let mut stop = |default: &str| {
        let s = format!("${{{n}:{default}}}");
        *n += 1;
        s
    };
    match &f.kind {
        Kind::Choice(choices) => {
            let values: Vec<&str> = choices.iter().map(|c| c.value).collect();
            let s = format!("{}: ${{{n}|{}|}}", f.name, values.join(","));
            *n += 1;
            vec![s]
        }
        Kind::Bool => {
            let s = format!("{}: ${{{n}|true,false|}}", f.name);
            *n += 1;
            vec![s]
        }
        Kind::Group(r) => {
            let mut lines = vec![format!("{}:", f.name)];
            for sub in r.fields {
                if sub.need == Need::Required || r.fields.len() <= 3 {
                    lines.push(format!("  {}: {}", sub.name, stop("")));
                }
            }
            lines
        }
        Kind::Rows(r) => {
            let mut lines = vec![format!("{}:", f.name)];
            let mut first = true;
            for sub in r
                .fields
                .iter()
                .filter(|s| s.need == Need::Required || s.example.is_some())
            {
                let lead = if first { "  - " } else { "    " };
                first = false;
                lines.push(format!(
                    "{lead}{}: {}",
                    sub.name,
                    stop(sub.example.unwrap_or(""))
                ));
            }
            lines
        }
        Kind::List(_) => vec![format!("{}: [ {} ]", f.name, stop(""))],
        _ => vec![format!("{}: {}", f.name, stop(f.example.unwrap_or("")))],
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
