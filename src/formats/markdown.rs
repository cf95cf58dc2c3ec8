//! Markdown → safe HTML, with stable heading ids and a table of contents.
//!
//! pulldown-cmark passes raw HTML through untouched, so everything it produces is run
//! through ammonia: an author (or a pasted document) can never put a script on the site.
//!
//! Raw HTML that the sanitiser or the HTML parser would cut together with the text after
//! it (an unclosed `<script>`, `<style>`, `<textarea>`, `<!--` …: see [`raw_html_cuts`])
//! is shown as visible text instead, and [`inspect`] lists it so the build can warn with
//! its line. The page's plain text ([`Rendered::plain`], used by the search index) is
//! read back from the sanitised HTML, so it is exactly the text the page shows.

use crate::model::slug::Slug;
use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
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
pub trait LinkRewriter {
    /// Turns a root-absolute site path (without the leading `/`) into the href to use.
    fn internal(&self, site_path: &str) -> String;
    /// Whether a link destination (as written) points at a page that is not public:
    /// such a link is left out and its text shown plain, so no address leaks.
    fn hidden(&self, _dest: &str) -> bool {
        false
    }
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

    escape_cut_html(&mut events);
    let mut kept = Vec::with_capacity(events.len());
    // For each open link or image: whether it was left out (its end goes too).
    let mut open: Vec<bool> = Vec::new();
    // Inside a left-out autolink, whose text is the address itself.
    let mut dropping = 0usize;
    for mut ev in events {
        match &mut ev {
            Event::Start(Tag::Link {
                dest_url,
                link_type,
                ..
            })
            | Event::Start(Tag::Image {
                dest_url,
                link_type,
                ..
            }) => {
                let hide = links.hidden(dest_url);
                open.push(hide);
                if hide {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) || dropping > 0 {
                        dropping += 1;
                    }
                    continue;
                }
                if let Some(rest) = dest_url.strip_prefix('/')
                    && !rest.starts_with('/')
                {
                    *dest_url = CowStr::from(links.internal(rest));
                }
            }
            // The guard pops the link's entry whichever way it turns out.
            Event::End(TagEnd::Link | TagEnd::Image) if open.pop() == Some(true) => {
                dropping = dropping.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        if dropping == 0 {
            kept.push(ev);
        }
    }

    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, kept.into_iter());
    let html = sanitizer().clean(&raw).to_string();
    let plain = visible_text(&html);
    Rendered { html, toc, plain }
}

/// Start tags whose element the sanitiser removes with its content, or that the HTML
/// parser reads as raw text up to a closing tag that may never come: either way, text
/// after them would vanish or turn into markup soup.
const CUTTING_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "object",
    "select",
    "svg",
    "math",
];

/// For the raw HTML `pieces` of one block (its lines, joined) or one paragraph (its
/// inline tags, in order): what, in each piece, opens something that is never closed in
/// it or a later piece. A closed `<script>…</script>` is left to the sanitiser, which
/// removes it whole; an unclosed one would take the rest of the page with it.
fn unclosed(pieces: &[&str]) -> Vec<Option<String>> {
    let joined = pieces.concat().to_ascii_lowercase();
    // The last closer of each kind: an opener before it is closed (linear, however many).
    let last = |needle: &str| joined.rfind(needle);
    let closers: Vec<Option<usize>> = CUTTING_TAGS
        .iter()
        .map(|t| last(&format!("</{t}")))
        .collect();
    let comment_end = last("-->");
    let cdata_end = last("]]>");
    let gt = last(">");
    let mut out = Vec::with_capacity(pieces.len());
    let mut offset = 0;
    for piece in pieces {
        let lower = &joined[offset..offset + piece.len()];
        let mut found = None;
        for (i, _) in lower.match_indices('<') {
            let at = offset + i;
            let rest = &lower[i + 1..];
            let closed_after =
                |end: Option<usize>, skip: usize| end.is_some_and(|e| e >= at + skip);
            let what = if rest.starts_with("!--") {
                (!closed_after(comment_end, 4)).then(|| "<!--".to_string())
            } else if rest.starts_with("![cdata[") {
                (!closed_after(cdata_end, 9)).then(|| "<![CDATA[".to_string())
            } else if rest.starts_with('!') || rest.starts_with('?') {
                (!closed_after(gt, 2)).then(|| piece[i..i + 2].to_string())
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                CUTTING_TAGS
                    .iter()
                    .position(|t| *t == name)
                    .filter(|&k| !closed_after(closers[k], 1))
                    .map(|_| format!("<{name}>"))
            };
            if what.is_some() {
                found = what;
                break;
            }
        }
        out.push(found);
        offset += piece.len();
    }
    out
}

/// The raw HTML events that would cut text: (index of the first event, what it is,
/// every event index to show as text).
fn cut_events(events: &[Event]) -> Vec<(usize, String, Vec<usize>)> {
    let mut out = Vec::new();
    let mut inline: Vec<usize> = Vec::new();
    let flush = |inline: &mut Vec<usize>, out: &mut Vec<(usize, String, Vec<usize>)>| {
        if inline.is_empty() {
            return;
        }
        let pieces: Vec<&str> = inline
            .iter()
            .map(|&k| match &events[k] {
                Event::InlineHtml(h) => h.as_ref(),
                _ => "",
            })
            .collect();
        for (k, what) in inline.iter().zip(unclosed(&pieces)) {
            if let Some(what) = what {
                out.push((*k, what, vec![*k]));
            }
        }
        inline.clear();
    };
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::HtmlBlock) => {
                flush(&mut inline, &mut out);
                let end = (i + 1..events.len())
                    .find(|&j| matches!(events[j], Event::End(TagEnd::HtmlBlock)))
                    .unwrap_or(events.len());
                let block: String = events[i + 1..end]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Html(h) => Some(h.as_ref()),
                        _ => None,
                    })
                    .collect();
                if let Some(Some(what)) = unclosed(&[&block]).pop() {
                    out.push((i, what, (i + 1..end).collect()));
                }
                i = end;
            }
            Event::InlineHtml(_) => inline.push(i),
            // Inline HTML lives in leaf blocks; a paragraph's tags are judged together.
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) => flush(&mut inline, &mut out),
            _ => {}
        }
        i += 1;
    }
    flush(&mut inline, &mut out);
    out
}

/// Raw HTML that would cut text becomes text, shown just as written.
fn escape_cut_html(events: &mut [Event]) {
    for (_, _, indices) in cut_events(events) {
        for k in indices {
            if let Event::Html(h) | Event::InlineHtml(h) = &events[k] {
                events[k] = Event::Text(h.clone());
            }
        }
    }
}

/// Elements after which a reader sees a break: their text is kept apart by a space.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "li",
    "ul",
    "ol",
    "dd",
    "dt",
    "dl",
    "div",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "section",
    "figure",
    "figcaption",
    "caption",
];

/// The text a reader sees on a page of sanitised HTML, with whitespace collapsed.
///
/// The input is ammonia's output: well-formed, attribute values in double quotes, text
/// escaped as `&amp;`, `&lt;`, `&gt;` and `&nbsp;` (and `&quot;`), no comments.
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        decode_into(&rest[..lt], &mut text);
        let tag = &rest[lt + 1..];
        let end = tag_end(tag);
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if BLOCKS.contains(&name.as_str()) {
            text.push(' ');
        }
        rest = &tag[end..];
    }
    decode_into(rest, &mut text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a tag that starts just after `<` ends (after its `>`), skipping quoted values.
fn tag_end(tag: &str) -> usize {
    let mut quoted = false;
    for (i, c) in tag.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i + 1,
            _ => {}
        }
    }
    tag.len()
}

fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let (decoded, used) = match after.find(';') {
            Some(semi) if semi <= 8 => {
                let name = &after[..semi];
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "nbsp" => Some('\u{a0}'),
                    n if n.starts_with("#x") || n.starts_with("#X") => {
                        u32::from_str_radix(&n[2..], 16)
                            .ok()
                            .and_then(char::from_u32)
                    }
                    n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                    _ => None,
                };
                (c, semi + 1)
            }
            _ => (None, 0),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push('&'),
        }
        rest = &after[used..];
    }
    out.push_str(rest);
}

/// What the build needs to know about a body before rendering it: every link with its
/// line, and every piece of raw HTML shown as text because it would cut the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inspection {
    /// (1-based line within the body, destination as written)
    pub links: Vec<(usize, String)>,
    /// (1-based line within the body, the tag or construct)
    pub cut_html: Vec<(usize, String)>,
}

pub fn inspect(markdown: &str) -> Inspection {
    // Line starts, so each lookup is a binary search (a body may have many links).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let (events, ranges): (Vec<Event>, Vec<std::ops::Range<usize>>) =
        Parser::new_ext(markdown, options())
            .into_offset_iter()
            .unzip();
    let links = events
        .iter()
        .zip(&ranges)
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((line_of(range.start), dest_url.to_string()))
            }
            _ => None,
        })
        .collect();
    let cut_html = cut_events(&events)
        .into_iter()
        .map(|(k, what, _)| (line_of(ranges[k].start), what))
        .collect();
    Inspection { links, cut_html }
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

/// For a body without links, whose rendering depends on nothing else.
struct Unchanged;

impl LinkRewriter for Unchanged {
    fn internal(&self, site_path: &str) -> String {
        site_path.to_string()
    }
}

/// The text a page shows for this Markdown: the same rendering as the page, so the
/// search index never holds text the page lost, nor misses text the page shows.
pub fn plain_text(markdown: &str) -> String {
    render(markdown, &Unchanged).plain
}

/// A body without links rendered once for both its uses: the search index reads its
/// text (kept, and shared by the document's clones), its page the HTML. The search
/// index needs the text before any page is rendered, so that rendering's HTML waits
/// here for the page, which takes it: a build renders each page once, and the HTML is
/// not held after. Rendering twice would cost a third of the page's time.
#[derive(Debug, Default)]
pub struct Once {
    plain: OnceLock<String>,
    page: std::sync::Mutex<Option<(String, Vec<TocEntry>)>>,
}

impl Once {
    /// The body's plain text (`markdown` must be the body this cache belongs to).
    pub fn plain(&self, markdown: &str) -> &str {
        self.plain.get_or_init(|| {
            let r = render(markdown, &Unchanged);
            *self.waiting() = Some((r.html, r.toc));
            r.plain
        })
    }

    /// The body's HTML and table of contents, for its page.
    pub fn page(&self, markdown: &str) -> (String, Vec<TocEntry>) {
        if let Some(page) = self.waiting().take() {
            return page;
        }
        let r = render(markdown, &Unchanged);
        let _ = self.plain.set(r.plain);
        (r.html, r.toc)
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, Option<(String, Vec<TocEntry>)>> {
        self.page.lock().unwrap_or_else(|e| e.into_inner())
    }
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
    fn unclosed_cutting_html_is_shown_as_text_and_closed_is_sanitised() {
        let r = render("Om <script> i tekst.\n\nMere tekst.\n", &Rel);
        assert!(r.html.contains("Om &lt;script&gt; i tekst."), "{}", r.html);
        assert_eq!(r.plain, "Om <script> i tekst. Mere tekst.");
        let r = render("Før <script>alert(1)</script> efter.\n", &Rel);
        assert_eq!(r.plain, "Før efter.");
        let r = render("<style>\np { color: red }\n\nTekst bagefter.\n", &Rel);
        assert!(r.plain.contains("Tekst bagefter."), "{}", r.plain);
        let found = inspect("A\n\nOm <script> x\n\n<!-- aldrig lukket\n\nslut\n");
        assert_eq!(
            found.cut_html,
            vec![(3, "<script>".to_string()), (5, "<!--".to_string())]
        );
    }

    #[test]
    fn plain_text_is_the_text_the_page_shows() {
        let r = render(
            "# Titel\n\n<div>\nHTML-blok med tekst\n</div>\n\n| a | b |\n|---|---|\n| 1 & 2 | <3 |\n\nFod[^1]\n\n[^1]: Note\n",
            &Rel,
        );
        assert_eq!(
            r.plain,
            "Titel HTML-blok med tekst a b 1 & 2 <3 Fod1 1 Note"
        );
        assert_eq!(
            visible_text("<p title=\"a>b\">x&amp;y&nbsp;z&#233;</p><p>n</p>"),
            "x&y zé n"
        );
    }

    #[test]
    fn excerpt_cuts_at_words() {
        assert_eq!(excerpt("en to tre fire", 9), "en to…");
        assert_eq!(excerpt("kort", 10), "kort");
    }
}
