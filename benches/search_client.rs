//! What a citizen's browser downloads before the first search result: the search page
//! with its stylesheet and scripts, the index manifest, the word files of the query's
//! words and the document files of the first page of results.
//!
//! It follows `themes/default/static/assets/search.js` step by step (which files it
//! loads for a query, how it ranks, how many results it shows first), reading the files
//! of a built site. Sizes are as written, before any compression a web server adds.

use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Results the script shows before "more" (`PAGE` in search.js).
const FIRST_RESULTS: usize = 20;
/// Characters that name a word file (`PREFIX` in search.js).
const PREFIX: usize = 2;
const SEARCH_PAGE: &str = "soeg/index.html";

/// Bytes downloaded for one query, by kind of file.
#[derive(Default, Clone, Copy)]
pub struct Download {
    /// The search page, its stylesheets, scripts and images.
    pub page: u64,
    pub manifest: u64,
    pub word_files: u64,
    pub doc_files: u64,
    pub results: usize,
}

impl Download {
    pub fn total(&self) -> u64 {
        self.page + self.manifest + self.word_files + self.doc_files
    }

    pub fn describe(&self) -> String {
        let kb = |b: u64| format!("{:.0} kB", b as f64 / 1e3);
        format!(
            "{} in all: page and assets {}, manifest {}, word files {}, document files {} ({} results)",
            kb(self.total()),
            kb(self.page),
            kb(self.manifest),
            kb(self.word_files),
            kb(self.doc_files),
            self.results
        )
    }
}

/// A built site's search index, read as the browser reads it.
pub struct Client {
    search: PathBuf,
    page: u64,
    manifest: u64,
    words: BTreeSet<String>,
    chunk: usize,
}

impl Client {
    pub fn open(out: &Path) -> Client {
        let (manifest, m) = script(&out.join("search/index.js"));
        let words = m["words"]
            .as_array()
            .expect("manifest lists its word files")
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect();
        let chunk = m["chunk"].as_u64().expect("manifest gives its chunk size") as usize;
        Client {
            search: out.join("search"),
            page: page_bytes(out),
            manifest,
            words,
            chunk,
        }
    }

    /// What typing (or following a link with) `query` downloads until its first page of
    /// results is shown, every result type ticked as the page opens.
    pub fn query(&self, query: &str) -> Download {
        let folded = fold(query);
        let terms: Vec<&str> = folded
            .split(' ')
            .filter(|t| t.chars().count() >= PREFIX)
            .collect();
        let mut download = Download {
            page: self.page,
            manifest: self.manifest,
            ..Download::default()
        };
        let mut files: BTreeMap<String, Value> = BTreeMap::new();
        for t in &terms {
            let p = prefix(t);
            if self.words.contains(&p) && !files.contains_key(&p) {
                let (bytes, value) = script(&self.search.join(format!("w-{p}.js")));
                download.word_files += bytes;
                files.insert(p, value);
            }
        }
        let mut scores: Option<BTreeMap<u64, u32>> = None;
        for t in &terms {
            let hits = files
                .get(&prefix(t))
                .map(|f| matches(t, f))
                .unwrap_or_default();
            scores = Some(match scores {
                None => hits,
                Some(s) => s
                    .into_iter()
                    .filter_map(|(n, a)| hits.get(&n).map(|b| (n, a + b)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u64, u32)> = scores.unwrap_or_default().into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        download.results = ranked.len();
        let chunks: BTreeSet<u64> = ranked
            .iter()
            .take(FIRST_RESULTS)
            .map(|(n, _)| n / self.chunk as u64)
            .collect();
        download.doc_files = chunks
            .iter()
            .map(|k| size(&self.search.join(format!("d-{k}.js"))))
            .sum();
        download
    }

    /// The costliest query of two letters (what typing shows a first result for), over
    /// every word file.
    pub fn worst_start(&self) -> (String, Download) {
        self.words
            .iter()
            .filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(|p| (p.clone(), self.query(p)))
            .max_by_key(|(_, d)| d.total())
            .expect("the index has word files")
    }
}

/// Documents with a word that begins with `term`: number → 10 when the word is in the
/// title, else 1 (`matches` in search.js).
fn matches(term: &str, file: &Value) -> BTreeMap<u64, u32> {
    let mut hits = BTreeMap::new();
    for (word, postings) in file.as_object().expect("a word file is an object") {
        if !word.starts_with(term) {
            continue;
        }
        for p in postings.as_array().expect("postings are a list") {
            let p = p.as_u64().expect("a posting is a number");
            let score = if p & 1 == 1 { 10 } else { 1 };
            let best = hits.entry(p >> 1).or_insert(0);
            *best = (*best).max(score);
        }
    }
    hits
}

/// Folds a query as search.js does (Danish letters spelled out; anything but letters,
/// digits and `/` separates words). Accented letters beyond these are not in the
/// benchmark's queries.
fn fold(query: &str) -> String {
    let mut s = String::new();
    for c in query.to_lowercase().chars() {
        match c {
            'æ' | 'ä' => s.push_str("ae"),
            'ø' | 'ö' => s.push_str("oe"),
            'å' => s.push_str("aa"),
            'ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            'a'..='z' | '0'..='9' | '/' => s.push(c),
            _ => s.push(' '),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn prefix(term: &str) -> String {
    term.chars()
        .take(PREFIX)
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// An index script's size and the value it hands to the page:
/// `window.PLANPUB_SEARCH_LOAD("name", value);`.
fn script(path: &Path) -> (u64, Value) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let json = text
        .split_once(", ")
        .and_then(|(_, rest)| rest.trim_end().strip_suffix(");"))
        .unwrap_or_else(|| panic!("{path:?} is not an index script"));
    let value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    (text.len() as u64, value)
}

/// The search page and the stylesheets, scripts and images it links to.
fn page_bytes(out: &Path) -> u64 {
    let page = out.join(SEARCH_PAGE);
    let html = std::fs::read_to_string(&page).unwrap();
    let doc = Html::parse_document(&html);
    let sel = Selector::parse(
        "link[rel~=stylesheet][href], link[rel~=icon][href], script[src], img[src]",
    )
    .unwrap();
    let linked: BTreeSet<PathBuf> = doc
        .select(&sel)
        .filter_map(|e| e.attr("href").or(e.attr("src")))
        .filter_map(|url| local_file(out, url))
        .collect();
    size(&page) + linked.iter().map(|p| size(p)).sum::<u64>()
}

/// The file in `out` that an address on the search page names, if it is on the site.
fn local_file(out: &Path, url: &str) -> Option<PathBuf> {
    let url = url.split(['?', '#']).next()?;
    let path = if let Some(rest) = url.split_once("://").map(|(_, r)| r) {
        out.join(rest.split_once('/')?.1)
    } else if let Some(abs) = url.strip_prefix('/') {
        out.join(abs)
    } else {
        out.join("soeg").join(url)
    };
    path.canonicalize().ok().filter(|p| p.is_file())
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{path:?}: {e}"))
        .len()
}
