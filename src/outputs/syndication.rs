//! Files for machines and subscribers: Atom feeds, iCalendar files, the sitemap and
//! `robots.txt`, all derived from the checked site.

use crate::formats::{self, CalEvent, CalMeta, EventTime, FeedEntry, FeedMeta, SitemapUrl};
use crate::model::content::{Access, ContentType, Data, Document};
use crate::model::events::{EventWhen, SiteEvent};
use crate::model::site::{DocId, Site, moment_start};
use crate::model::urls;
use crate::outputs::theme::Theme;
use crate::outputs::{OutData, OutFile};
use chrono::{DateTime, FixedOffset, NaiveDate};

pub const FEED_ALL: &str = "feeds/alt.atom";
pub const FEED_PLANS: &str = "feeds/planer.atom";
pub const FEED_HEARINGS: &str = "feeds/hoeringer.atom";
pub const FEED_DECISIONS: &str = "feeds/beslutninger.atom";
pub const SITE_CALENDAR: &str = "kalender.ics";

/// The calendar file of a plan or hearing page, beside its `index.html`.
pub fn doc_calendar_path(d: &Document) -> String {
    format!("{}kalender.ics", urls::doc_path(d))
}

fn url(site: &Site, path: &str) -> String {
    format!("{}{}", site.config.base_url, path)
}

/// The date a document was last changed, for feeds and the sitemap: `updated`, else
/// `published`, else its own natural date.
pub fn changed_on(d: &Document) -> Option<NaiveDate> {
    let natural = match &d.data {
        Data::Hearing(h) => Some(h.period.opens().day()),
        Data::Decision(x) => x.meeting.start(),
        _ => None,
    };
    d.updated
        .as_ref()
        .and_then(|u| u.start())
        .or(d.published.as_ref().and_then(|p| p.start()))
        .or(natural)
}

fn midnight(site: &Site, day: NaiveDate) -> Option<DateTime<FixedOffset>> {
    let d = crate::model::dates::FuzzyDate::from_day(day);
    moment_start(&d, &site.now.timezone()).map(|t| t.fixed_offset())
}

fn entry(site: &Site, theme: &Theme, id: DocId) -> Option<FeedEntry> {
    let d = &site.docs[id];
    let updated = midnight(site, changed_on(d)?)?;
    let published = d
        .published
        .as_ref()
        .and_then(|p| p.start())
        .and_then(|p| midnight(site, p));
    let closed = matches!(&d.data, Data::Decision(x) if x.access == Access::Closed);
    let link = url(site, &urls::doc_path(d));
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
        kind_label: Some(theme.t(&format!("type.{}", d.kind().as_str()))),
    })
}

fn feed(site: &Site, theme: &Theme, path: &str, title_key: &str, kinds: &[ContentType]) -> OutFile {
    let entries: Vec<FeedEntry> = site
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| kinds.contains(&d.kind()))
        .filter_map(|(i, _)| entry(site, theme, i))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .or_else(|| midnight(site, NaiveDate::from_ymd_opt(2000, 1, 1)?))
        .expect("a fixed date exists");
    let meta = FeedMeta {
        id: url(site, path),
        title: format!("{} – {}", site.config.title, theme.t(title_key)),
        subtitle: site.config.description.clone(),
        self_url: url(site, path),
        alternate_url: site.config.base_url.clone(),
        updated,
        author: site
            .config
            .organisation
            .clone()
            .unwrap_or_else(|| site.config.title.clone()),
        lang: site.config.language.code().to_string(),
        generator: format!("planpub {}", env!("CARGO_PKG_VERSION")),
    };
    OutFile {
        path: path.to_string(),
        data: OutData::Bytes(formats::atom_feed(&meta, &entries).into_bytes()),
    }
}

fn cal_event(site: &Site, e: &SiteEvent) -> CalEvent {
    let tz = site.now.timezone();
    CalEvent {
        uid: e.uid.clone(),
        summary: e.title.clone(),
        description: e.description.clone(),
        url: Some(url(site, &urls::doc_path(&site.docs[e.doc]))),
        location: e.location.clone(),
        time: match &e.when {
            EventWhen::Days { start, end } => EventTime::AllDay {
                start: *start,
                end_inclusive: *end,
            },
            EventWhen::Timed { start, end } => EventTime::Timed {
                start: *start,
                end: *end,
                tz,
            },
        },
        categories: vec![e.kind.as_str().to_string()],
    }
}

fn calendar(site: &Site, name: String, events: &[&SiteEvent]) -> String {
    let meta = CalMeta {
        name,
        prodid: format!(
            "-//planpub//planpub {}//{}",
            env!("CARGO_PKG_VERSION"),
            site.config.language.code().to_uppercase()
        ),
        // The build moment, never the clock: the same build gives the same bytes.
        dtstamp: site.now.with_timezone(&chrono::Utc),
        description: site.config.description.clone(),
    };
    let evs: Vec<CalEvent> = events.iter().map(|e| cal_event(site, e)).collect();
    formats::ical(&meta, &evs)
}

/// The feeds, the site calendar, the sitemap and `robots.txt`, and the calendars of the
/// documents in `scope`.
pub fn syndication_files(
    site: &Site,
    theme: &Theme,
    events: &[SiteEvent],
    scope: &crate::outputs::Scope,
) -> Vec<OutFile> {
    let mut out = vec![
        feed(
            site,
            theme,
            FEED_ALL,
            "feeds.all",
            &[
                ContentType::Plan,
                ContentType::Hearing,
                ContentType::Decision,
            ],
        ),
        feed(site, theme, FEED_PLANS, "feeds.plans", &[ContentType::Plan]),
        feed(
            site,
            theme,
            FEED_HEARINGS,
            "feeds.hearings",
            &[ContentType::Hearing],
        ),
        feed(
            site,
            theme,
            FEED_DECISIONS,
            "feeds.decisions",
            &[ContentType::Decision],
        ),
    ];
    let all: Vec<&SiteEvent> = events.iter().collect();
    out.push(OutFile {
        path: SITE_CALENDAR.into(),
        data: OutData::Bytes(calendar(site, site.config.title.clone(), &all).into_bytes()),
    });
    let mut by_doc: std::collections::BTreeMap<DocId, Vec<&SiteEvent>> = Default::default();
    for e in events {
        by_doc.entry(e.doc).or_default().push(e);
    }
    for (id, d) in site.docs.iter().enumerate() {
        if matches!(d.kind(), ContentType::Plan | ContentType::Hearing) && scope.includes_doc(id) {
            let mine: Vec<&SiteEvent> = by_doc.remove(&id).unwrap_or_default();
            out.push(OutFile {
                path: doc_calendar_path(d),
                data: OutData::Bytes(calendar(site, d.title.clone(), &mine).into_bytes()),
            });
        }
    }
    let mut urls_list: Vec<SitemapUrl> = site
        .docs
        .iter()
        .map(|d| SitemapUrl {
            loc: url(site, &urls::doc_path(d)),
            // A page cannot have changed after the moment it was built.
            lastmod: changed_on(d).map(|c| c.min(site.now.date_naive())),
        })
        .collect();
    for p in [
        "",
        urls::PLANS,
        urls::HEARINGS,
        urls::DECISIONS,
        "kalender/",
    ] {
        urls_list.push(SitemapUrl {
            loc: url(site, p),
            lastmod: None,
        });
    }
    out.push(OutFile {
        path: "sitemap.xml".into(),
        data: OutData::Bytes(formats::sitemap(&urls_list).into_bytes()),
    });
    out.push(OutFile {
        path: "robots.txt".into(),
        data: OutData::Bytes(formats::robots_txt(&url(site, "sitemap.xml")).into_bytes()),
    });
    out
}
