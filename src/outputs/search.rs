//! Site search that works on any static host and offline, and stays small on a large
//! site: the index is split into script files under `search/`, loaded with `<script>`
//! (so it also works from `file://`, where browsers refuse `fetch`) and only as a query
//! needs them, by `assets/search.js`:
//!
//! * `search/index.js` — which word files exist, how many documents there are and the
//!   type of each;
//! * `search/w-<xy>.js` — for every word beginning with `xy`, the documents it is in
//!   (each as `2 × number + 1` when the word is in the title, else `2 × number`);
//! * `search/d-<k>.js` — documents `100 k … 100 k + 99`: type, title, address, date,
//!   excerpt, and for a hearing its state and deadline.
//!
//! A query for `høring` loads the manifest, one word file and the document files of the
//! first results: a few hundred kilobytes even for a site of 10,000 documents, where
//! one index of everything would be several megabytes.
//!
//! Words are folded: lower case, with æ/ø/å spelled ae/oe/aa and accents removed, so
//! `Høring`, `høring` and `hoering` find the same pages. A closed item contributes only
//! its title and committee.

use crate::formats::markdown::excerpt;
use crate::formats::words::{SEARCH_PREFIX as PREFIX, SearchRun as Run, WordList};
use crate::model::content::{Data, Document};
use crate::model::diagnostics::Diagnostic;
use crate::model::digest::{Digester, digester};
use crate::model::site::DocId;
use crate::model::slug::Slug;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::Builder;
use crate::outputs::{Args, Job, Listing, Output};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

pub const PAGE: &str = "soeg/";
/// The manifest the search page loads.
pub const INDEX_FILE: &str = "search/index.js";
/// Documents per document file.
pub const CHUNK: usize = 100;

/// Longest text indexed per document; long documents are found by their opening.
const MAX_TEXT: usize = 6000;

/// Folds text for matching: the same rules as the search script.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded words of `text` to `out`, space-separated. Each
/// whitespace-separated word folds as its slug would, with spaces for hyphens; a word
/// that makes no slug (nothing but marks, or longer than a slug may be) is left out.
fn fold_into(text: &str, out: &mut String) {
    use crate::model::slug::fold_char;
    for word in text.split_whitespace() {
        let mark = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let start = out.len();
        let mut gap = false;
        for ch in word.chars().flat_map(char::to_lowercase) {
            match fold_char(ch) {
                None => gap = true,
                Some(piece) => {
                    if gap && out.len() > start {
                        out.push(' ');
                    }
                    gap = false;
                    piece.push_onto(out);
                }
            }
        }
        if out.len() == start || out.len() - start > Slug::MAX_LEN {
            out.truncate(mark);
        }
    }
}

/// The words a document is found by: title, summary, fields and body, folded, sorted,
/// each once. A closed item is found by its title and committee only. They depend on
/// the document alone (and are kept with it) unless its body has links, whose text
/// depends on which pages are public (and are kept for this build).
pub fn words<'a>(r: &Reader<'a>, id: DocId) -> &'a WordList {
    let d = r.text(id);
    let compute = || {
        let plain = crate::outputs::documents::plain_text(r, id);
        let text = matching_text(d, d.is_closed(), &plain);
        // By word file, then by word, so the words of one file are one run (found by
        // bisection, without allocating); each word's file key worked out once.
        let mut w: Vec<([char; PREFIX], &str)> = text
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| (prefix_key(w), w))
            .collect();
        w.sort_unstable();
        WordList::from_sorted(w.into_iter().map(|(_, w)| w))
    };
    if d.body_links.is_empty() {
        d.search_words.all.get_or_init(compute)
    } else {
        r.linked_words(id).get_or_init(compute)
    }
}

/// The folded words of a document's title, sorted (results found by the title rank
/// first).
fn title_words<'a>(r: &Reader<'a>, id: DocId) -> &'a WordList {
    let d = r.doc(id);
    d.search_words.title.get_or_init(|| {
        let folded = fold(&d.title);
        let mut t: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        t.sort_unstable();
        WordList::from_sorted(t)
    })
}

/// The text a document is found by, folded (words may repeat: the caller sorts them).
fn matching_text(d: &Document, closed: bool, plain: &str) -> String {
    let mut text = String::new();
    if !closed {
        let mut extra: Vec<&str> = Vec::new();
        extra.extend(d.summary.as_deref());
        extra.extend(d.area.as_deref());
        extra.extend(d.tags.iter().map(String::as_str));
        match &d.data {
            Data::Plan(p) => {
                extra.extend(p.case_number.as_deref());
                extra.extend(p.document_number.as_deref());
                extra.extend(p.owner.as_deref());
            }
            Data::Hearing(h) => {
                extra.extend(h.case_number.as_deref());
                extra.extend(h.authority.as_deref());
            }
            Data::Decision(x) => {
                extra.extend(x.case_number.as_deref());
                extra.push(&x.body);
                extra.extend(x.recommendations.iter().map(|r| r.text.as_str()));
            }
            Data::Page(_) => {}
        }
        text = extra.join(" ");
        text.push(' ');
        text.push_str(plain);
    } else if let Data::Decision(x) = &d.data {
        text = x.body.clone();
    }
    let body = match text.char_indices().nth(MAX_TEXT) {
        Some((end, _)) => &text[..end],
        None => &text[..],
    };
    let mut folded = String::with_capacity(d.title.len() + body.len() + 2);
    fold_into(&d.title, &mut folded);
    folded.push(' ');
    fold_into(body, &mut folded);
    // Case numbers like 23/7776 are also findable as written.
    for w in body
        .split_whitespace()
        .filter(|w| w.contains('/') && w.chars().any(|c| c.is_ascii_digit()))
    {
        folded.push(' ');
        folded.extend(w.chars().flat_map(char::to_lowercase));
    }
    folded
}

fn prefix_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars()
        .take(PREFIX)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
}

/// A word's file prefix as a value that compares like [`prefix_chars`] (a shorter
/// prefix is padded with `\0`, which sorts first and is never a prefix character):
/// comparing it is a few integer comparisons, where bisection compared iterators.
fn prefix_key(word: &str) -> [char; PREFIX] {
    let mut key = ['\0'; PREFIX];
    for (k, c) in key.iter_mut().zip(prefix_chars(word)) {
        *k = c;
    }
    key
}

/// The word file a prefix key names: its first characters, with anything but letters
/// and digits (the `/` of a case number) written `_`.
fn prefix_name(key: [char; PREFIX]) -> String {
    key.iter().filter(|&&c| c != '\0').collect()
}

fn kind_letter(k: crate::model::content::ContentType) -> char {
    use crate::model::content::ContentType;
    match k {
        ContentType::Plan => 'p',
        ContentType::Hearing => 'h',
        ContentType::Decision => 'd',
        ContentType::Page => 's',
    }
}

fn word_file(prefix: &str) -> String {
    format!("search/w-{prefix}.js")
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let docs = &l.site.docs;
    jobs.push(Job::new(
        format!("{PAGE}index.html"),
        render_page,
        Args::none(),
    ));
    // Which word files each document is in, and a digest of what it adds to each
    // (its words are worked out once and kept).
    let prefixes: Vec<Cow<[Run]>> = docs
        .par_iter()
        .enumerate()
        .map(|(id, d)| {
            // Listing decides which files a document is in; what it read is not
            // recorded, because the files' document lists are their identity.
            let slot = crate::outputs::reader::PageSlot::default();
            let r = Reader::new(l.site, l.theme, l.shared, l.style, &slot);
            let compute = || runs(words(&r, id), title_words(&r, id));
            // Kept with the document when it outlives this build (in the preview) and
            // they are not this build's; a full build does not hold them to its end.
            if l.shared.lasting && d.body_links.is_empty() {
                Cow::Borrowed(d.search_words.runs.get_or_init(compute).as_slice())
            } else {
                Cow::Owned(compute())
            }
        })
        .collect();
    let mut by_key: BTreeMap<[char; PREFIX], (Vec<DocId>, Digester)> = BTreeMap::new();
    for (id, runs) in prefixes.iter().enumerate() {
        for &(k, digest) in runs.iter() {
            let (ids, h) = by_key.entry(k).or_insert_with(|| (Vec::new(), digester()));
            ids.push(id);
            (id, digest).hash(h);
        }
    }
    let files: BTreeMap<String, (Vec<DocId>, u64)> = by_key
        .into_iter()
        .map(|(k, (ids, h))| (prefix_name(k), (ids, h.finish())))
        .collect();
    jobs.push(Job::new(
        INDEX_FILE,
        render_manifest,
        Args::none().with(json!({
            "words": files.keys().collect::<Vec<_>>(),
            "docs": docs.len(),
            "chunk": CHUNK,
            // One letter per document (p, h, d, s), so results are filtered by type
            // and counted before any document file is loaded.
            "kinds": docs.iter().map(|d| kind_letter(d.kind())).collect::<String>(),
        })),
    ));
    // A word file is made of its documents' numbers (their ids, the order of the
    // document files) and their words of its prefix, title words marked: the digest of
    // exactly these is its identity, so it is made again when, and only when, one of
    // them changed, not on every edit of one of its thousands of documents.
    for (p, (ids, digest)) in files {
        jobs.push(Job::new(
            word_file(&p),
            render_words,
            Args::numbered(ids).with(json!({ "prefix": p, "words": digest })),
        ));
    }
    for (k, chunk) in (0..docs.len())
        .collect::<Vec<_>>()
        .chunks(CHUNK)
        .enumerate()
    {
        jobs.push(Job::new(
            format!("search/d-{k}.js"),
            render_docs,
            Args::docs(chunk.to_vec()).with(json!({ "chunk": k })),
        ));
    }
}

/// The search page works with the index scripts; without JavaScript it links to the
/// index pages.
fn render_page(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    let mut ctx = tera::Context::new();
    ctx.insert("index_script", INDEX_FILE);
    page::render(
        r,
        &Page {
            template: "search.html",
            path: PAGE,
            title: &r.t("search.title"),
            description: Some(&r.t("search.description")),
            source: None,
        },
        ctx,
    )
}

/// A script that hands `value` to the search page: JSON with `<` escaped, so no text
/// can end the script.
fn script(name: &str, value: &impl Serialize) -> Output {
    let json = serde_json::to_string(value)
        .unwrap_or_else(|_| "null".into())
        .replace('<', "\\u003c");
    Output::Bytes(format!("window.PLANPUB_SEARCH_LOAD({:?}, {json});\n", name).into_bytes())
}

/// A document's words, one run per word file; a run's digest covers its words and
/// whether each is a title word (all that a word file shows of a document).
fn runs(ws: &WordList, title: &WordList) -> Vec<Run> {
    let mut out = Vec::new();
    let mut run: Option<([char; PREFIX], Digester)> = None;
    for w in ws.iter() {
        let key = prefix_key(w);
        if run.as_ref().is_some_and(|(k, _)| *k != key) {
            out.extend(run.take().map(|(k, h)| (k, h.finish())));
        }
        let (_, h) = run.get_or_insert_with(|| (key, digester()));
        (w, title.contains_sorted(w)).hash(h);
    }
    out.extend(run.map(|(k, h)| (k, h.finish())));
    out
}

fn render_manifest(_: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    Ok(script("index", &job.args.data))
}

/// A word file. Its arguments carry the digest of everything it shows (see `jobs`), so
/// what it reads of its documents is not recorded: a thousand-document dependency list
/// would be checked on every preview save, and would tell less than the digest.
fn render_words(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    r.untracked(|| Ok(words_file(r, job)))
}

fn words_file(r: &Reader, job: &Job) -> Output {
    let p = job.args.text("prefix").unwrap_or_default();
    let key = prefix_key(p);
    // Hashed while collecting (a file gets a posting for every word of every one of its
    // documents), sorted once at the end for the file's stable order.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    // A document's number is its id (see `jobs`).
    for &id in &job.args.docs {
        let n = id;
        let ws = words(r, id);
        let title = title_words(r, id);
        // The document's words are sorted by file, so its words of this file are one run.
        let from = ws.partition_point(|w| prefix_key(w) < key);
        for w in ws.iter_from(from).take_while(|w| prefix_key(w) == key) {
            let flag = usize::from(title.contains_sorted(w));
            postings.entry(w).or_default().push(2 * n + flag);
        }
    }
    let mut sorted: Vec<(&str, Vec<usize>)> = postings.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    script(&format!("w-{p}"), &InOrder(sorted))
}

/// Pairs written as one JSON object, in their order.
struct InOrder<'a>(Vec<(&'a str, Vec<usize>)>);

impl Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// One document as a search result shows it.
#[derive(Serialize)]
struct Entry<'a> {
    /// Content type (plan, hearing, decision, page) and its label.
    k: &'a str,
    l: String,
    t: &'a str,
    /// Path from the site root.
    u: String,
    /// Date for display.
    d: Option<String>,
    /// Excerpt.
    e: String,
    /// A hearing's state (`open`, …), its label, and its deadline for readers.
    s: Option<&'static str>,
    sl: Option<String>,
    dl: Option<String>,
}

fn render_docs(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let b = Builder::new(r);
    let entries: Vec<Entry> = job
        .args
        .docs
        .iter()
        .map(|&id| {
            let d = r.doc(id);
            let link = b.link(id);
            let card = matches!(d.data, Data::Hearing(_)).then(|| b.card(id));
            let hearing = card.and_then(|c| c.hearing);
            Entry {
                k: link.kind,
                l: link.kind_label,
                t: &d.title,
                u: link.path,
                d: link.date.map(|d| d.display),
                e: if d.is_closed() {
                    String::new()
                } else {
                    d.summary.clone().unwrap_or_else(|| {
                        excerpt(&crate::outputs::documents::plain_text(r, id), 180)
                    })
                },
                s: hearing.as_ref().map(|h| h.state),
                sl: hearing.as_ref().map(|h| h.state_label.clone()),
                dl: hearing.and_then(|h| h.deadline_display),
            }
        })
        .collect();
    let k = job.args.num("chunk").unwrap_or(0);
    Ok(script(&format!("d-{k}"), &entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_danish_spellings() {
        assert_eq!(fold("Høring om Ældreområdet"), "hoering om aeldreomraadet");
        assert_eq!(fold("HØRING"), fold("hoering"));
        assert_eq!(fold("23/7776"), "23 7776");
    }
}
