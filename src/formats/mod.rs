//! Machine-readable outputs of planpub: Atom feeds, iCalendar files, sitemaps and `robots.txt`.
//!
//! Every function here is a pure function of its input: no clock, no randomness, no I/O.
//! The same input always yields the same bytes, so a rebuilt site only changes where the
//! content changed.
//!
//! * [`atom_feed`] writes an Atom 1.0 feed (RFC 4287). Entries are sorted by `updated`
//!   (newest first), then by `id`, so the order in which the caller passes them does not
//!   matter. [`tag_uri`] makes stable RFC 4151 `tag:` ids.
//! * [`ical`] writes an iCalendar file (RFC 5545) with CRLF line endings, lines folded at
//!   75 octets on UTF-8 character boundaries, `DTSTAMP` taken from [`CalMeta::dtstamp`]
//!   and one `VTIMEZONE` for every time zone that a timed event uses.
//!   Whole-day or fuzzy dates are [`EventTime::AllDay`]; meetings and deadlines are
//!   [`EventTime::Timed`], where a missing end means an instant (`DURATION:PT0S`).
//! * [`url::encode_path`] percent-encodes a site path for a URL: the one rule for
//!   every address planpub writes.
//! * [`sitemap`] writes a sitemaps.org 0.9 `urlset`, sorted by `loc`; [`robots_txt`] points
//!   crawlers at it.

pub mod archive;
mod atom;
mod calendar;
pub mod escape;
pub mod markdown;
pub mod mime;
mod sitemap;
pub mod url;
pub mod words;

#[cfg(test)]
mod tests;

pub use self::atom::{FeedEntry, FeedMeta, atom_feed, tag_uri};
pub use self::calendar::{CalEvent, CalMeta, EventTime, ical};
pub use self::sitemap::{SitemapUrl, robots_txt, sitemap};
