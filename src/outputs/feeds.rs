//! The Atom feeds: everything, and one per content type.

use crate::formats::{self, FeedEntry, FeedMeta};
use crate::model::content::ContentType;
use crate::model::diagnostics::Diagnostic;
use crate::model::site::{DocId, day_start};
use crate::model::state;
use crate::model::urls;
use crate::outputs::reader::Reader;
use crate::outputs::{Args, Job, Listing, Output};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::json;

pub const FEED_ALL: &str = "feeds/alt.atom";
pub const FEED_PLANS: &str = "feeds/planer.atom";
pub const FEED_HEARINGS: &str = "feeds/hoeringer.atom";
pub const FEED_DECISIONS: &str = "feeds/beslutninger.atom";

/// Each feed: its file, the translation key of its title, the types it carries.
const FEEDS: &[(&str, &str, &[ContentType])] = &[
    (
        FEED_ALL,
        "feeds.all",
        &[
            ContentType::Plan,
            ContentType::Hearing,
            ContentType::Decision,
        ],
    ),
    (FEED_PLANS, "feeds.plans", &[ContentType::Plan]),
    (FEED_HEARINGS, "feeds.hearings", &[ContentType::Hearing]),
    (FEED_DECISIONS, "feeds.decisions", &[ContentType::Decision]),
];

/// How many entries a feed carries: the latest changes. A feed reader only shows what
/// is new, and the listings and the open data hold everything.
pub const FEED_ENTRIES: usize = 50;

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let site = l.site;
    for (i, (path, _, kinds)) in FEEDS.iter().enumerate() {
        // The latest changes first, as the feed lists them; ties by address.
        let mut docs: Vec<(NaiveDate, &str, DocId)> = (0..site.docs.len())
            .filter(|&id| kinds.contains(&site.docs[id].kind()))
            .filter_map(|id| {
                let d = &site.docs[id];
                Some((state::changed_as_of(d, &site.now)?, urls::doc_path(d), id))
            })
            .collect();
        docs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let docs: Vec<DocId> = docs.into_iter().take(FEED_ENTRIES).map(|x| x.2).collect();
        jobs.push(Job::new(
            *path,
            render,
            Args::docs(docs).with(json!({ "feed": i })),
        ));
    }
}

fn midnight(r: &Reader, day: NaiveDate) -> Option<DateTime<FixedOffset>> {
    day_start(&r.config().tz(), day).map(|t| t.fixed_offset())
}

fn entry(r: &Reader, id: DocId) -> Option<FeedEntry> {
    let d = r.doc(id);
    let today = r.today();
    let updated = midnight(r, state::changed_as_of(d, r.now())?)?;
    let published = d
        .published
        .as_ref()
        .and_then(|p| p.start())
        .map(|p| p.min(today))
        .and_then(|p| midnight(r, p));
    let closed = d.is_closed();
    let link = urls::absolute(&r.config().base_url, urls::doc_path(d));
    Some(FeedEntry {
        // The permanent address never changes, so it is a stable id.
        id: link.clone(),
        title: d.title.clone(),
        url: link,
        updated,
        published,
        summary: if closed { None } else { d.summary.clone() },
        categories: if closed {
            Vec::new()
        } else {
            d.area
                .iter()
                .cloned()
                .chain(d.tags.iter().cloned())
                .collect()
        },
        kind_label: Some(r.t(state::kind_key(d))),
    })
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let (path, title_key, _) = FEEDS[job.args.num("feed").unwrap_or(0) as usize];
    let cfg = r.config();
    let entries: Vec<FeedEntry> = job
        .args
        .docs
        .iter()
        .filter_map(|&id| entry(r, id))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .or_else(|| midnight(r, NaiveDate::from_ymd_opt(2000, 1, 1)?))
        .expect("a fixed date exists");
    let url = urls::absolute(&cfg.base_url, path);
    let meta = FeedMeta {
        id: url.clone(),
        title: format!("{} – {}", cfg.title, r.t(title_key)),
        subtitle: cfg.description.clone(),
        self_url: url,
        alternate_url: cfg.base_url.clone(),
        updated,
        author: cfg
            .organisation
            .clone()
            .unwrap_or_else(|| cfg.title.clone()),
        lang: cfg.language.code().to_string(),
        generator: format!("planpub {}", env!("CARGO_PKG_VERSION")),
    };
    Ok(Output::Bytes(
        formats::atom_feed(&meta, &entries).into_bytes(),
    ))
}
