//! Property-based fuzzing of the three readers of untrusted text: the front-matter
//! reader, the date parser and the Markdown path. Each property asserts that nothing
//! panics and that the reader's promises hold.
//!
//! `cargo test` (and so CI) runs 256 cases per property; `PROPTEST_CASES=100000 cargo
//! test --release --test fuzz` runs a longer campaign.

use planpub::formats::markdown::{LinkRewriter, render};
use planpub::model::content::parse::{ParseEnv, parse_text};
use planpub::model::dates::{DateConventions, FuzzyDate, ParseContext};
use proptest::prelude::*;
use std::path::Path;

struct Same;
impl LinkRewriter for Same {
    fn internal(&self, p: &str) -> String {
        p.to_string()
    }
}

/// Pieces a real or hostile front matter is made of.
fn front_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("type: plan\n".to_string()),
        Just("type: hearing\n".to_string()),
        Just("type: decision\n".to_string()),
        Just("title: Høring over plan\n".to_string()),
        Just("opens: 2008-05-22\n".to_string()),
        Just("closes: 2008-06-20 12:00\n".to_string()),
        Just("respond:\n  email: a@kommune.dk\n  url: javascript:alert(1)\n".to_string()),
        Just("timeline:\n  - when: primo 2024\n    what: x\n".to_string()),
        Just("tags: [a, !!str b, [c]]\n".to_string()),
        Just("title: !!binary aGVsbG8=\n".to_string()),
        Just("item: 99999999999999999999999\n".to_string()),
        Just("a: &x [1]\nb: *x\n".to_string()),
        Just("\t- x\n".to_string()),
        Just("meeting: 2023-09-12\nbody: Byrådet\nitem: 4\n".to_string()),
        "[\\[\\]{}:,!&*|>'\"#-]{0,12}",
        "[a-z_]{1,8}: [^\n]{0,20}\n",
        "[ ]{0,6}- [^\n]{0,12}\n",
    ]
}

fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Om <script> i tekst. ".to_string()),
        Just("<style>\n\n".to_string()),
        Just("<!-- kommentar\n\n".to_string()),
        Just("</script>".to_string()),
        Just("<b>fed</b> ".to_string()),
        Just("<div>\nblok\n</div>\n\n".to_string()),
        Just("<textarea>".to_string()),
        Just("<svg><script>x</script></svg>".to_string()),
        Just("[link](/planer/x/) ".to_string()),
        Just("<https://example.dk/>".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n\n".to_string()),
        Just("Tekst[^1]\n\n[^1]: Note\n\n".to_string()),
        Just("# Overskrift\n\n".to_string()),
        Just("&amp; &lt; &#x41; &bogus; ".to_string()),
        Just("`<script>` ".to_string()),
        Just("\n\n".to_string()),
        "[a-zæøåA-Z0-9 .,<>/&;!-]{0,20}",
    ]
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #[test]
    fn front_matter_reader_never_panics(pieces in prop::collection::vec(front_piece(), 0..12), body in "[^\u{0}]{0,40}") {
        let text = format!("---\n{}---\n{body}", pieces.concat());
        let conventions = DateConventions::default();
        let env = ParseEnv { root: Path::new("."), conventions: &conventions, tz: chrono_tz::Europe::Copenhagen };
        let (doc, diags) = parse_text(&env, Path::new("content/x.md"), "content/x.md", &text);
        if let Some(doc) = doc {
            // A document is only returned when nothing is wrong with it.
            prop_assert!(!diags.iter().any(|d| d.is_error()));
            prop_assert!(!doc.title.trim().is_empty());
        } else {
            prop_assert!(diags.iter().any(|d| d.is_error()));
        }
        for d in &diags {
            prop_assert!(!d.message.contains("Value::") && !d.message.contains("u128"), "{}", d.message);
        }
    }

    #[test]
    fn any_text_through_the_front_matter_reader(text in "\\PC{0,200}") {
        let conventions = DateConventions::default();
        let env = ParseEnv { root: Path::new("."), conventions: &conventions, tz: chrono_tz::Europe::Copenhagen };
        let _ = parse_text(&env, Path::new("content/x.md"), "content/x.md", &text);
        let _ = parse_text(&env, Path::new("content/x.md"), "content/x.md", &format!("---\n{text}\n---\n"));
    }

    #[test]
    fn date_parser_never_panics_and_keeps_its_order(text in "\\PC{0,40}", words in prop::collection::vec(prop_oneof![
        Just("primo"), Just("medio"), Just("ultimo"), Just("uge"), Just("kvartal"), Just("halvår"),
        Just("til"), Just("–"), Just("-"), Just("/"), Just("maj"), Just("dec."), Just("2024"),
        Just("31."), Just("1."), Just("Q2"), Just("fra"), Just("og frem"), Just("kl. 25.99"),
        Just("løbende"), Just("senest"), Just("9999999999"), Just("0"),
    ], 0..8)) {
        let conventions = DateConventions::default();
        let ctx = ParseContext { conventions: &conventions, default_year: Some(2024) };
        for t in [text.clone(), words.join(" ")] {
            if let Ok(d) = FuzzyDate::parse(&t, &ctx)
                && let (Some(s), Some(e)) = (d.start(), d.end())
            {
                prop_assert!(s <= e, "{t:?}: {s} after {e}");
            }
        }
    }

    #[test]
    fn markdown_loses_no_text_and_search_text_is_page_text(pieces in prop::collection::vec(markdown_piece(), 0..16)) {
        let md = pieces.concat();
        let r = render(&md, &Same);
        let page = scraper::Html::parse_fragment(&r.html);
        let shown: String = page.root_element().text().collect();
        // The plain text (what the search index holds) is exactly the page's text.
        prop_assert_eq!(without_whitespace(&r.plain), without_whitespace(&shown));
        // No script survives, in any spelling.
        let lower = r.html.to_ascii_lowercase();
        prop_assert!(!lower.contains("<script") && !lower.contains("<style") && !lower.contains("javascript:"));
        // Text written after an unclosed tag is still on the page.
        if md.ends_with("ZZ-SLUT") || !md.contains("ZZ") {
            let tail = format!("{md}\n\nZZ-SLUT");
            let shown = render(&tail, &Same).plain;
            prop_assert!(shown.contains("ZZ-SLUT"), "{tail:?} lost its end: {shown:?}");
        }
    }
}
