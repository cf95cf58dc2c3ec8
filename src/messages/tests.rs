use super::*;
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::path::Path;

/// `id` and `id.attribute` for every message of a catalogue, and the parse errors.
fn ids(lang: Language) -> BTreeSet<String> {
    let res = fluent_syntax::parser::parse(source(lang))
        .unwrap_or_else(|(_, errors)| panic!("{}.ftl does not parse: {errors:?}", lang.code()));
    let mut out = BTreeSet::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            out.insert(m.id.name.to_string());
            for a in m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    out
}

#[test]
fn both_catalogues_parse_and_have_the_same_messages() {
    let (da, en) = (ids(Language::Da), ids(Language::En));
    assert!(en.len() > 50, "{en:?}");
    let only_en: Vec<_> = en.difference(&da).collect();
    let only_da: Vec<_> = da.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in da.ftl: {only_en:?}");
    assert!(only_da.is_empty(), "missing in en.ftl: {only_da:?}");
}

/// Every `Key::new("…")` in the source, with the file it is in.
fn used_ids() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
        if e.path().extension().is_none_or(|x| x != "rs") || e.path().ends_with("messages/tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).expect("read");
        for part in text.split("Key::new(\"").skip(1) {
            let id = part.split('"').next().unwrap_or("");
            out.push((id.to_string(), e.path().display().to_string()));
        }
    }
    out
}

#[test]
fn every_key_the_code_uses_is_in_both_catalogues() {
    let used = used_ids();
    assert!(used.len() > 20, "{used:?}");
    for lang in [Language::Da, Language::En] {
        let known = ids(lang);
        for (id, file) in &used {
            assert!(
                known.contains(id),
                "{file}: `{id}` is not in {}.ftl",
                lang.code()
            );
        }
    }
}

/// Every `$variable` the catalogue names.
fn variables(lang: Language) -> BTreeSet<String> {
    source(lang)
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect::<String>()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

#[test]
fn every_message_formats_without_errors_given_its_arguments() {
    // Formatting with every variable a message names (as text) must not report an
    // unknown message or a broken reference in either language.
    for lang in [Language::Da, Language::En] {
        let m = of(lang);
        for id in ids(lang) {
            let (id, attr) = id
                .split_once('.')
                .map_or((id.as_str(), None), |(i, a)| (i, Some(a)));
            let msg = m.bundle.get_message(id).expect("listed");
            let pattern = match attr {
                Some(a) => msg.get_attribute(a).expect("listed").value(),
                None => match msg.value() {
                    Some(v) => v,
                    None => continue,
                },
            };
            let mut args = FluentArgs::new();
            for v in variables(lang) {
                args.set(v, FluentValue::from("x"));
            }
            args.set("n", FluentValue::from(2));
            let mut errors = Vec::new();
            let text = m.bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            assert!(!text.trim().is_empty(), "{}: {id} is empty", lang.code());
        }
    }
}

#[test]
fn plurals_follow_the_language() {
    assert_eq!(of(Language::Da).counts(1, 1), "1 fejl, 1 advarsel");
    assert_eq!(of(Language::Da).counts(2, 3), "2 fejl, 3 advarsler");
    assert_eq!(of(Language::En).counts(1, 0), "1 error, 0 warnings");
    assert_eq!(of(Language::En).counts(2, 1), "2 errors, 1 warning");
}

#[test]
fn the_language_is_the_flag_then_the_environment_then_the_site() {
    use Language::*;
    assert_eq!(choose(Some("en"), Some("da"), Some(Da)), En);
    assert_eq!(choose(None, Some("en_GB.UTF-8"), Some(Da)), En);
    assert_eq!(choose(None, None, Some(En)), En);
    assert_eq!(choose(None, None, None), Da);
    // A typo is ignored rather than hiding the messages.
    assert_eq!(choose(Some("xx"), None, Some(En)), En);
}

#[test]
fn a_keyed_diagnostic_is_told_in_danish_with_its_help() {
    let d = Diagnostic::keyed(
        Severity::Error,
        "content/h.md",
        Key::new("yaml-colon")
            .arg("field", "title")
            .arg("example", "title: \"Høring: Havnen\""),
    )
    .at(Some(3), Some(12))
    .field("title");
    // English in the diagnostic itself.
    assert!(
        d.message.starts_with("the title contains a colon"),
        "{}",
        d.message
    );
    let da = of(Language::Da).render(&d);
    assert_eq!(
        da,
        "fejl: content/h.md:3:12: feltet `title`: titlen indeholder et kolon efterfulgt af et mellemrum, som YAML læser som starten på et nyt felt\n  hjælp: sæt hele værdien i anførselstegn, fx `title: \"Høring: Havnen\"`"
    );
}

#[test]
fn a_diagnostic_without_a_key_keeps_its_text() {
    let d = Diagnostic::error("content/a.md", "something else");
    assert_eq!(of(Language::Da).localize(&d).message, "something else");
}
