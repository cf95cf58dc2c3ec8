//! Atom 1.0 feeds (RFC 4287), written with the `atom_syndication` crate.

use std::cmp::Ordering;

use atom_syndication::{Category, Entry, Feed, Generator, Link, Person, Text, WriteConfig};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Feed-level data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedMeta {
    /// Permanent, unique feed id (an IRI, e.g. from [`tag_uri`]).
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// Absolute URL of the feed file itself (`rel="self"`).
    pub self_url: String,
    /// Absolute URL of the HTML page the feed mirrors (`rel="alternate"`).
    pub alternate_url: String,
    /// Last time anything in the feed changed. Taken as given, never from the clock.
    pub updated: DateTime<FixedOffset>,
    /// Feed author (the municipality); covers all entries.
    pub author: String,
    /// Written as `xml:lang` on `<feed>`, normally `"da"`.
    pub lang: String,
    /// Written as `<generator>`, e.g. `"planpub"`.
    pub generator: String,
}

/// One entry (a plan, a hearing, a decision …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// Permanent, unique entry id: must not change when the entry is edited.
    pub id: String,
    pub title: String,
    /// Absolute URL of the entry's HTML page (`rel="alternate"`).
    pub url: String,
    pub updated: DateTime<FixedOffset>,
    pub published: Option<DateTime<FixedOffset>>,
    /// Plain text summary (`type="text"`).
    pub summary: Option<String>,
    /// Written as `<category term="…"/>`, in the given order, duplicates dropped.
    pub categories: Vec<String>,
    /// What kind of item this is, for people ("Høring", "Lokalplan", "Afgørelse").
    /// Written as the first category, with `label` set: `<category term="Høring" label="Høring"/>`.
    pub kind_label: Option<String>,
}

/// Builds an RFC 4151 tag URI: `tag:planer.example.dk,2024-01-01:/plans/x`.
///
/// The authority is lower-cased (it is a DNS name or an e-mail address). The date is always
/// written in full (`YYYY-MM-DD`), which RFC 4151 allows. Characters of `specific` that a
/// tag URI may not hold (spaces, non-ASCII letters such as `æøå`, …) are percent-encoded as
/// UTF-8; existing `%XX` escapes are kept.
pub fn tag_uri(authority: &str, date: NaiveDate, specific: &str) -> String {
    format!(
        "tag:{},{}:{}",
        authority.trim().to_ascii_lowercase(),
        date.format("%Y-%m-%d"),
        encode_tag_specific(specific)
    )
}

fn encode_tag_specific(specific: &str) -> String {
    let bytes = specific.as_bytes();
    let mut out = String::with_capacity(specific.len());
    for (i, &b) in bytes.iter().enumerate() {
        let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b);
        let is_escape = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if allowed || is_escape {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes an Atom 1.0 feed.
///
/// * `<?xml version="1.0" encoding="utf-8"?>`, then `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="…">`,
///   indented by two spaces.
/// * Entries sorted by `updated` (newest first), then `id` (ascending); remaining ties are
///   broken on the other fields, so the output does not depend on the input order.
/// * Characters that XML 1.0 forbids (control characters other than tab, LF, CR) are dropped
///   from all text; `& < > " '` are escaped by the writer.
pub fn atom_feed(meta: &FeedMeta, entries: &[FeedEntry]) -> String {
    let mut sorted: Vec<&FeedEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| entry_order(a, b));

    let feed = Feed {
        title: text(&meta.title),
        id: clean(&meta.id),
        updated: meta.updated,
        authors: vec![Person {
            name: clean(&meta.author),
            ..Default::default()
        }],
        generator: Some(Generator {
            value: clean(&meta.generator),
            ..Default::default()
        }),
        links: vec![
            link(&meta.self_url, "self", "application/atom+xml"),
            link(&meta.alternate_url, "alternate", "text/html"),
        ],
        subtitle: meta.subtitle.as_deref().map(text),
        lang: Some(clean(&meta.lang)),
        entries: sorted.into_iter().map(entry).collect(),
        ..Default::default()
    };

    let config = WriteConfig {
        write_document_declaration: false,
        indent_size: Some(2),
    };
    let body = feed
        .write_with_config(Vec::new(), config)
        .expect("writing an Atom feed into memory cannot fail");
    let body = String::from_utf8(body).expect("the Atom writer emits UTF-8");
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{body}\n")
}

fn entry_order(a: &FeedEntry, b: &FeedEntry) -> Ordering {
    b.updated
        .cmp(&a.updated)
        .then_with(|| a.id.cmp(&b.id))
        // Same instant written with different offsets renders differently: order it too.
        .then_with(|| {
            let off = |e: &FeedEntry| e.updated.offset().local_minus_utc();
            off(a).cmp(&off(b))
        })
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.url.cmp(&b.url))
        .then_with(|| {
            let p = |e: &FeedEntry| e.published.map(|d| d.to_rfc3339());
            p(a).cmp(&p(b))
        })
        .then_with(|| a.summary.cmp(&b.summary))
        .then_with(|| a.categories.cmp(&b.categories))
        .then_with(|| a.kind_label.cmp(&b.kind_label))
}

fn entry(e: &FeedEntry) -> Entry {
    let mut categories: Vec<Category> = Vec::new();
    // A set, not a search of the list: 100,000 tags must not take 100,000² steps.
    let mut seen = std::collections::HashSet::new();
    let mut push = |term: &str, label: Option<&str>| {
        let term = clean(term);
        if term.is_empty() || !seen.insert(term.clone()) {
            return;
        }
        categories.push(Category {
            term,
            scheme: None,
            label: label.map(clean),
        });
    };
    if let Some(kind) = &e.kind_label {
        push(kind, Some(kind));
    }
    for c in &e.categories {
        push(c, None);
    }

    Entry {
        title: text(&e.title),
        id: clean(&e.id),
        updated: e.updated,
        categories,
        links: vec![link(&e.url, "alternate", "text/html")],
        published: e.published,
        summary: e.summary.as_deref().map(text),
        ..Default::default()
    }
}

fn link(href: &str, rel: &str, mime: &str) -> Link {
    Link {
        href: clean(href),
        rel: rel.to_owned(),
        mime_type: Some(mime.to_owned()),
        ..Default::default()
    }
}

fn text(s: &str) -> Text {
    Text::plain(clean(s))
}

/// Drops characters that are not allowed anywhere in an XML 1.0 document.
pub(super) fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || (!c.is_control() && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}
