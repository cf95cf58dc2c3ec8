//! The content model: plans, hearings, decisions and pages as checked, typed values.
//!
//! `raw` is the contract as authors write it; `parse` turns one file into a
//! [`Document`] (or the list of everything wrong with it); `discover` finds the files.

pub mod contract;
pub mod discover;
pub mod frontmatter;
pub mod parse;
pub mod period;
pub mod placeholders;
pub mod raw;
pub mod row_dates;

use crate::model::dates::FuzzyDate;
use crate::model::slug::Slug;
use std::path::PathBuf;

pub use period::{Deadline, ExactDate, HearingPeriod};
pub use raw::{Access, Contact, ContentType, EntryKind, Level, Outcome, PlanStatus, Respond};

/// A file that belongs to a page and is published beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub title: String,
    /// The path as the author wrote it, relative to the Markdown file (or to `static/`).
    pub file: String,
    /// Where the file is read from.
    pub source: PathBuf,
    pub size: u64,
    /// True when the file lives under the site's `static/` folder (and is published from
    /// there) rather than beside the Markdown file.
    pub from_static: bool,
}

impl Attachment {
    /// Upper-case file type shown to readers, e.g. `PDF`.
    pub fn type_label(&self) -> String {
        std::path::Path::new(&self.file)
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_else(|| "FIL".into())
    }
}

/// When a timeline row or action happens: a date, or a deliberate non-date text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Date(FuzzyDate),
    Undated(String),
}

impl When {
    pub fn date(&self) -> Option<&FuzzyDate> {
        match self {
            When::Date(d) => Some(d),
            When::Undated(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TimelineEntry {
    /// The row's identity within its plan (`row-<id>` from `id:`, else a hash of `what`
    /// and `who`): calendar UIDs are made from it, so reordering rows changes nothing.
    pub key: String,
    pub when: When,
    pub what: String,
    pub who: Option<String>,
    pub kind: Option<EntryKind>,
    pub hearing: Option<String>,
    pub decision: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub what: String,
    pub when: Option<When>,
    pub who: Option<String>,
    pub level: Option<Level>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Track {
    pub name: String,
    pub description: Option<String>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// The `status` as written in the front matter. The status every output shows is
    /// the site's ([`crate::model::site::Site::plan_status`]): this one, or, when none
    /// was written, the one the plan's timeline, hearings and decisions give.
    pub status_given: Option<PlanStatus>,
    pub owner: Option<String>,
    pub contact: Option<Contact>,
    pub case_number: Option<String>,
    pub document_number: Option<String>,
    pub parent: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub tracks: Vec<Track>,
}

#[derive(Debug, Clone)]
pub struct Meeting {
    /// The meeting's identity within its hearing (`meeting-<id>` or a hash), for UIDs.
    pub key: String,
    pub when: FuzzyDate,
    /// The time the meeting ends on its day (`until: "19:00"`), when `when` gives none.
    pub until: Option<chrono::NaiveTime>,
    pub place: Option<String>,
    /// The postal address of the place (`address:`), for calendars and search engines.
    pub address: Option<String>,
    pub what: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Response {
    pub from: String,
    pub file: Option<Attachment>,
    pub received: Option<FuzzyDate>,
}

#[derive(Debug, Clone)]
pub struct Hearing {
    pub plan: Option<String>,
    pub authority: Option<String>,
    pub case_number: Option<String>,
    /// `opens` and `closes`: exact, ordered, resolved in the site's time zone.
    pub period: HearingPeriod,
    pub respond: Respond,
    pub documents: Vec<Attachment>,
    pub meetings: Vec<Meeting>,
    pub responses: Vec<Response>,
    pub summary_note: Option<Attachment>,
    pub decision: Option<String>,
    pub min_days: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct RecommendationItem {
    pub text: String,
    pub outcome: Option<Outcome>,
    pub remark: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Correction {
    pub date: FuzzyDate,
    pub note: String,
}

/// Where a decision stands at the build moment; set when the site is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionState {
    /// Before its meeting: an agenda item, with no outcome, remark, absent list or
    /// summary anywhere in the resolved site.
    Agenda,
    /// Its meeting has begun: the decision as written.
    Decided,
    /// Withdrawn (`withdrawn:`): only the notice of withdrawal is left.
    Withdrawn,
}

impl DecisionState {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionState::Agenda => "agenda",
            DecisionState::Decided => "decided",
            DecisionState::Withdrawn => "withdrawn",
        }
    }
}

/// A published decision taken down on purpose: when and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub date: ExactDate,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Decision {
    /// As parsed, [`DecisionState::Decided`] (the record as written); the resolved site
    /// sets it as of the build moment.
    pub state: DecisionState,
    pub withdrawn: Option<Withdrawal>,
    pub body: String,
    pub body_slug: Slug,
    pub meeting: FuzzyDate,
    pub case_number: Option<String>,
    pub item: u32,
    pub access: Access,
    pub recommendations: Vec<RecommendationItem>,
    pub absent: Vec<String>,
    pub plans: Vec<String>,
    pub hearings: Vec<String>,
    pub corrections: Vec<Correction>,
}

impl Decision {
    /// The withdrawal in effect at the build moment (a `withdrawn:` dated later is not
    /// in effect yet).
    pub fn withdrawal(&self) -> Option<&Withdrawal> {
        self.withdrawn
            .as_ref()
            .filter(|_| self.state == DecisionState::Withdrawn)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub menu: Option<u32>,
}

// A document is a large struct anyway; boxing variants would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Data {
    Plan(Plan),
    Hearing(Hearing),
    Decision(Decision),
    Page(Page),
}

/// One content file, parsed and checked.
#[derive(Debug, Clone)]
pub struct Document {
    /// Site-relative path of the Markdown file, for messages.
    pub file: String,
    /// The folder of the Markdown file: attachments are read from here.
    pub dir: PathBuf,
    /// The front matter text and its first line, to locate fields in later checks.
    /// Shared by every copy of the document (resolving copies a decision it changes,
    /// on every preview save), like `body`.
    pub front: std::sync::Arc<str>,
    pub front_first_line: usize,
    /// A digest of `front`, worked out once: the preview compares every document's
    /// front matter on every save.
    pub front_digest: std::sync::OnceLock<u64>,
    pub slug: Slug,
    pub title: String,
    pub summary: Option<String>,
    pub published: Option<FuzzyDate>,
    pub updated: Option<FuzzyDate>,
    pub publish_at: Option<FuzzyDate>,
    pub draft: bool,
    pub tags: Vec<String>,
    pub area: Option<String>,
    pub attachments: Vec<Attachment>,
    pub body: std::sync::Arc<str>,
    pub body_first_line: usize,
    /// Every link and image in the body: (file line, destination as written), so links
    /// to pages that are not public can be reported and left out.
    pub body_links: Vec<(usize, String)>,
    /// SHA-256 (hex) of the whole source file, for the decision ledger.
    pub source_sha256: String,
    /// The body rendered once, for a body without links (whose rendering depends on the
    /// document alone); shared by every clone, so the preview server renders it once
    /// per edit.
    pub rendered: std::sync::Arc<crate::formats::markdown::Once>,
    /// The document's words in the search index, likewise worked out once.
    pub search_words: std::sync::Arc<crate::formats::words::SearchWords>,
    /// Its address on the site ([`crate::model::urls::doc_path`]), worked out once:
    /// every listing, feed and link asks for it.
    pub path: std::sync::OnceLock<String>,
    /// The moments at which the document changes by time, likewise (the open data and
    /// feeds pick the last one before the build moment).
    pub change_moments: std::sync::Arc<std::sync::OnceLock<ChangeMoments>>,
    pub data: Data,
}

/// The moments at which a document changes as its dates tell, worked out in one time
/// zone: for its "last modified", the latest of `sorted` before the build moment, else
/// `created`. Kept as microseconds since 1970 (UTC), a sixth of a zoned time's size:
/// a large site holds some hundred thousand.
#[derive(Debug, Clone)]
pub struct ChangeMoments {
    pub tz: chrono_tz::Tz,
    /// Ascending.
    pub sorted: Vec<i64>,
    pub created: Option<i64>,
}

impl Document {
    pub fn kind(&self) -> ContentType {
        match self.data {
            Data::Plan(_) => ContentType::Plan,
            Data::Hearing(_) => ContentType::Hearing,
            Data::Decision(_) => ContentType::Decision,
            Data::Page(_) => ContentType::Page,
        }
    }

    /// A closed agenda item (`access: closed`) publishes nothing but its title and
    /// meeting: every output asks this one question.
    pub fn is_closed(&self) -> bool {
        matches!(&self.data, Data::Decision(x) if x.access == Access::Closed)
    }

    /// The body without markup (for search), rendered at most once.
    pub fn plain_text(&self) -> &str {
        self.rendered.plain(&self.body)
    }

    /// A YAML source view of the front matter, for located diagnostics.
    pub fn front_source(&self) -> crate::model::yaml::Source<'_> {
        crate::model::yaml::Source {
            text: &self.front,
            file: &self.file,
            first_line: self.front_first_line,
        }
    }

    /// Every attachment-like file the document publishes; a hearing's responses and
    /// note only when `with_outcome` (after its deadline).
    pub fn all_files(&self, with_outcome: bool) -> Vec<&Attachment> {
        let mut v: Vec<&Attachment> = self.attachments.iter().collect();
        if let Data::Hearing(h) = &self.data {
            v.extend(h.documents.iter());
            if with_outcome {
                v.extend(h.responses.iter().filter_map(|r| r.file.as_ref()));
                v.extend(h.summary_note.iter());
            }
        }
        v
    }
}
