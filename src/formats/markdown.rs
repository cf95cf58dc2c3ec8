//! Markdown → safe HTML, with stable heading ids and a table of contents.
//!
//! pulldown-cmark passes raw HTML through untouched, so everything it produces is run
//! through ammonia: an author (or a pasted document) can never put a script on the site.

use crate::model::slug::Slug;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// The text without markup, for search and descriptions.
    pub plain: String,
}

/// How site-internal links (`/planer/x/`) are written into a page.
pub trait LinkRewriter: Sync {
    /// Turns a root-absolute site path (without the leading `/`) into the href to use.
    fn internal(&self, site_path: &str) -> String;
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub fn render(markdown: &str, links: &dyn LinkRewriter) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut toc = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut plain = String::new();

    // Heading ids: the author's `{#id}` wins; otherwise the heading text slugged the
    // Danish way, with -2, -3 … for repeats, so anchors stay stable across builds.
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = *level;
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| {
                Slug::from_text(&text)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|_| "afsnit".to_string())
            });
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let unique = if *n == 1 { base } else { format!("{base}-{n}") };
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            toc.push(TocEntry {
                level: heading_number(level),
                id: unique,
                title: text.trim().to_string(),
            });
            i = j;
        }
        i += 1;
    }

    for ev in events.iter_mut() {
        match ev {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(rest) = dest_url.strip_prefix('/')
                    && !rest.starts_with('/')
                {
                    *dest_url = CowStr::from(links.internal(rest));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                plain.push_str(t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => {
                plain.push(' ');
            }
            _ => {}
        }
    }

    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    let html = sanitizer().clean(&raw).to_string();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    Rendered { html, toc, plain }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Built once: ammonia's builder is not cheap, and rendering runs in parallel.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .add_allowed_classes("div", ["footnote-definition"])
            .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
            .add_tag_attributes("ol", ["start"])
            .link_rel(Some("noopener"))
            .url_relative(ammonia::UrlRelative::PassThrough);
        b
    })
}

/// The text of a Markdown document without markup, without rendering HTML.
pub fn plain_text(markdown: &str) -> String {
    let mut plain = String::with_capacity(markdown.len());
    for ev in Parser::new_ext(markdown, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => plain.push(' '),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plain-text excerpt of at most `max` characters, cut at a word boundary.
pub fn excerpt(plain: &str, max: usize) -> String {
    if plain.chars().count() <= max {
        return plain.to_string();
    }
    let cut: String = plain.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rel;
    impl LinkRewriter for Rel {
        fn internal(&self, p: &str) -> String {
            format!("../../{p}")
        }
    }

    #[test]
    fn headings_get_stable_danish_ids_and_toc() {
        let r = render(
            "## Baggrund\n\ntekst\n\n## Økonomi og ændringer\n\n## Baggrund\n",
            &Rel,
        );
        assert!(
            r.html.contains(r#"<h2 id="baggrund">Baggrund</h2>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"id="oekonomi-og-aendringer""#));
        assert!(r.html.contains(r#"id="baggrund-2""#));
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[1].title, "Økonomi og ændringer");
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let r = render(
            "Hej <script>alert(1)</script><img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>",
            &Rel,
        );
        assert!(!r.html.contains("<script"));
        assert!(!r.html.contains("onerror"));
        assert!(!r.html.contains("javascript:"));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] ~~slettet~~\n\n[^1]: Note\n",
            &Rel,
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<th>a</th>"));
        assert!(r.html.contains("<del>slettet</del>"));
        assert!(r.html.contains("footnote-definition"));
    }

    #[test]
    fn internal_links_become_relative() {
        let r = render(
            "[plan](/planer/x/) [ekstern](https://example.dk/) [net](//cdn.example/x)",
            &Rel,
        );
        assert!(r.html.contains(r#"href="../../planer/x/""#), "{}", r.html);
        assert!(r.html.contains(r#"href="https://example.dk/""#));
    }

    #[test]
    fn excerpt_cuts_at_words() {
        assert_eq!(excerpt("en to tre fire", 9), "en to…");
        assert_eq!(excerpt("kort", 10), "kort");
    }
}
