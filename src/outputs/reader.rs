//! The only way a render job reads the site: every read is recorded as a [`Dep`].
//!
//! A job's output is a pure function of its [`Args`](super::Args) and of what it reads
//! through its `Reader`. Because the reader records each read, the preview server knows
//! exactly which jobs an edit can affect, without a list of special cases that could
//! miss one: a job is rendered again when one of the things it read has changed.
//! The site itself is a private field, so render code cannot read around the record.

use crate::formats::words::WordList;
use crate::model::config::SiteConfig;
use crate::model::content::{Data, Document};
use crate::model::events::{SiteEvent, SiteEvents};
use crate::model::site::{DocId, Site};
use crate::model::urls::LinkStyle;
use crate::outputs::theme::Theme;
use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use std::cell::RefCell;

/// A relation of one document to others, as resolved in [`Site::rel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rel {
    Parent,
    Children,
    PlanHearings,
    PlanDecisions,
    HearingPlan,
    HearingDecisions,
    DecisionPlans,
    DecisionHearings,
    /// The hearings and decisions that a plan's timeline rows link to.
    RowLinks,
}

/// One thing a job read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// The document's parsed content, including its attachments' sizes, but not its
    /// text: that is `Text`.
    Doc(DocId),
    /// The document's text: its Markdown body and what is made of it (the rendered
    /// page text, the plain text, the search words). See [`Reader::text`].
    Text(DocId),
    /// Which documents it is related to (not their content: that is `Doc` of each).
    Rel(DocId, Rel),
    /// Only the document's address and the day it last changed as of the build moment
    /// (what a sitemap lists): see [`Reader::address`].
    Address(DocId),
    /// The build moment (hearing states, timeline states, "as of" lines).
    Moment,
    /// `site.yaml` (after command-line overrides).
    Config,
    /// Templates, translations and assets.
    Theme,
    /// What every page shares: navigation, menu pages, the accessibility page.
    Site,
    /// Which documents exist but are not public (drafts, embargoed): a link to one is
    /// left out of the page.
    Hidden,
}

/// What every job of one build shares, computed once.
#[derive(Default)]
pub struct Shared {
    /// The template context common to every HTML page (site, navigation, translations).
    pub base: tera::Context,
    /// Every event of the site, by document and in the site's order.
    pub events: SiteEvents,
    /// Per document, this build's search words of a body with links: they depend on
    /// which pages are public, so they are kept for one build only.
    pub words: Vec<std::sync::OnceLock<WordList>>,
    /// Whether the documents outlive this build (the preview keeps them for the next
    /// save): data derived from one document alone is then worth keeping with it.
    pub lasting: bool,
    /// The first change after the build moment (what `planpub schedule` lists first):
    /// the open data tells it, and the preview rebuilds by itself then.
    pub next_change: Option<crate::model::schedule::Change>,
}

/// A thread's copy of the shared page context, reused from page to page.
pub type PageSlot = RefCell<Option<tera::Context>>;

pub struct Reader<'a> {
    site: &'a Site,
    theme: &'a Theme,
    shared: &'a Shared,
    style: LinkStyle,
    deps: RefCell<Vec<Dep>>,
    page: &'a PageSlot,
}

impl<'a> Reader<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        shared: &'a Shared,
        style: LinkStyle,
        page: &'a PageSlot,
    ) -> Self {
        Reader {
            site,
            theme,
            shared,
            style,
            deps: RefCell::new(Vec::new()),
            page,
        }
    }

    /// This thread's copy of the shared page context (empty until the first page).
    /// Reading it is reading [`Reader::base`].
    pub fn page_context(&self) -> std::cell::RefMut<'a, Option<tera::Context>> {
        self.page.borrow_mut()
    }

    fn record(&self, d: Dep) {
        self.deps.borrow_mut().push(d);
    }

    /// Runs `f` without recording what it reads. Only for a job whose arguments carry a
    /// digest of everything it shows, so that its identity changes with its inputs.
    pub fn untracked<T>(&self, f: impl FnOnce() -> T) -> T {
        let before = self.deps.borrow().len();
        let out = f();
        self.deps.borrow_mut().truncate(before);
        out
    }

    /// Everything read so far, each once, in a stable order.
    pub fn take_deps(&self) -> Vec<Dep> {
        let mut v = std::mem::take(&mut *self.deps.borrow_mut());
        v.sort_unstable();
        v.dedup();
        v
    }

    /// A document. Hearings and decisions read as of the build moment (their state,
    /// what is held back until a deadline or a meeting), so reading one reads the
    /// moment too.
    pub fn doc(&self, id: DocId) -> &'a Document {
        let d = &self.site.docs[id];
        self.record(Dep::Doc(id));
        if matches!(d.data, Data::Hearing(_) | Data::Decision(_)) {
            self.record(Dep::Moment);
        }
        d
    }

    /// A document whose text is read (its body, rendered, as plain text or as search
    /// words): only a job that reads a text through this depends on it, so an edit of
    /// a plan's text leaves the listings, feeds and open data that show the plan as
    /// they are. Everything else of the document is read as [`Reader::doc`] reads it.
    pub fn text(&self, id: DocId) -> &'a Document {
        self.record(Dep::Text(id));
        self.doc(id)
    }

    /// The address of document `id` and the day it last changed as of the build
    /// moment; reading these alone does not make a job depend on the rest of the
    /// document (an edit of a plan's text leaves the sitemap as it is).
    pub fn address(&self, id: DocId) -> (&'a str, Option<NaiveDate>) {
        self.record(Dep::Address(id));
        dated_address(self.site, id)
    }

    /// The status plan `id` shows. It is resolved with the document, so it reads as
    /// the document does (a change of it changes the document's fingerprint).
    pub fn plan_status(&self, id: DocId) -> Option<crate::model::content::PlanStatus> {
        self.record(Dep::Doc(id));
        self.site.plan_status(id)
    }

    /// A document's slug. Reading it records nothing: a job knows a document only
    /// from its arguments or a recorded relation, and both count documents by slug.
    pub fn slug(&self, id: DocId) -> &'a crate::model::slug::Slug {
        &self.site.docs[id].slug
    }

    /// The documents related to `id` in one way, in the site's order.
    pub fn related(&self, id: DocId, rel: Rel) -> Vec<DocId> {
        self.record(Dep::Rel(id, rel));
        related_ids(self.site, id, rel)
    }

    /// The hearing and the decision that row `row` of plan `id` links to, if public.
    pub fn row_links(&self, id: DocId, row: usize) -> (Option<DocId>, Option<DocId>) {
        self.record(Dep::Rel(id, Rel::RowLinks));
        let r = &self.site.rel;
        (
            r.row_hearing.get(&(id, row)).copied(),
            r.row_decision.get(&(id, row)).copied(),
        )
    }

    /// Where row `row` of plan `id` stands at the build moment: a linked hearing or
    /// decision decides it (see [`crate::model::state::row_state`]), so this reads the
    /// row's links, the linked documents and the moment.
    pub fn row_state(
        &self,
        id: DocId,
        row: usize,
        entry: &crate::model::content::TimelineEntry,
    ) -> Option<crate::model::state::EntryState> {
        let (hearing, decision) = self.row_links(id, row);
        let hearing = hearing.and_then(|h| match &self.doc(h).data {
            Data::Hearing(x) => Some(x),
            _ => None,
        });
        let decision = decision.and_then(|x| match &self.doc(x).data {
            Data::Decision(d) => Some(d),
            _ => None,
        });
        crate::model::state::row_state(entry, hearing, decision, self.now())
    }

    /// The build moment.
    pub fn now(&self) -> &'a DateTime<Tz> {
        self.record(Dep::Moment);
        &self.site.now
    }

    /// The build day in the site's time zone.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    pub fn config(&self) -> &'a SiteConfig {
        self.record(Dep::Config);
        &self.site.config
    }

    pub fn theme(&self) -> &'a Theme {
        self.record(Dep::Theme);
        self.theme
    }

    /// A translated string of the theme.
    pub fn t(&self, key: &str) -> String {
        self.theme().t(key)
    }

    /// The template context every page shares (it states the build moment).
    pub fn base(&self) -> &'a tera::Context {
        self.record(Dep::Site);
        self.record(Dep::Moment);
        self.record(Dep::Config);
        self.record(Dep::Theme);
        &self.shared.base
    }

    /// Whether a link written on the page at `from` points at a document that is not
    /// public (see [`crate::model::links::hidden_target`]).
    pub fn link_hidden(&self, from: &str, dest: &str) -> bool {
        self.record(Dep::Hidden);
        self.record(Dep::Config);
        crate::model::links::hidden_target(self.site, from, dest).is_some()
    }

    /// This build's cache of the search words of a document whose body has links,
    /// worked out once by whichever job needs them first (the index listing, then its
    /// word files). Reading them depends on which pages are public, whether or not they
    /// were cached.
    pub fn linked_words(&self, id: DocId) -> &'a std::sync::OnceLock<WordList> {
        self.doc(id);
        self.record(Dep::Hidden);
        self.record(Dep::Config);
        &self.shared.words[id]
    }

    /// The accessibility statement page, if the site has one.
    pub fn accessibility_page(&self) -> Option<DocId> {
        self.record(Dep::Site);
        self.site.accessibility_page
    }

    /// The events of one document (its timeline rows, hearing dates, meetings).
    pub fn events_of(&self, id: DocId) -> impl Iterator<Item = &'a SiteEvent> + 'a {
        self.doc(id);
        // Event titles use the theme's words and UIDs the site's host.
        self.record(Dep::Theme);
        self.record(Dep::Config);
        self.shared.events.by_doc[id].iter()
    }

    /// The SHA-256 (lower-case hex) of an attachment's bytes. An attachment is read
    /// through its document, and [`Dep::Doc`] already covers its file (the preview
    /// compares each attachment's size and time), so this records nothing more.
    pub fn file_sha256(&self, a: &crate::model::content::Attachment) -> std::io::Result<String> {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        std::io::copy(&mut std::fs::File::open(&a.source)?, &mut h)?;
        Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn style(&self) -> LinkStyle {
        self.style
    }
}

/// What a relation is worth to a job that read it: the related documents' slugs (and,
/// for timeline rows, which row links to which). The session compares these to know
/// whether a relation changed; it is computed from the same tables as
/// [`Reader::related`] and [`Reader::row_links`].
pub fn relation_fingerprint(site: &Site, id: DocId, rel: Rel) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::model::digest::digester();
    let r = &site.rel;
    let slug = |i: DocId| site.docs[i].slug.as_str();
    if rel == Rel::RowLinks {
        for (&(_, row), &t) in r.row_hearing.range((id, 0)..(id + 1, 0)) {
            (row, 'h', slug(t)).hash(&mut h);
        }
        for (&(_, row), &t) in r.row_decision.range((id, 0)..(id + 1, 0)) {
            (row, 'd', slug(t)).hash(&mut h);
        }
    } else {
        for i in related_ids(site, id, rel) {
            slug(i).hash(&mut h);
        }
    }
    h.finish()
}

/// What [`Reader::address`] reads, as the session compares it.
pub fn address_fingerprint(site: &Site, id: DocId) -> u64 {
    crate::model::digest::digest(dated_address(site, id))
}

fn dated_address(site: &Site, id: DocId) -> (&str, Option<NaiveDate>) {
    let d = &site.docs[id];
    (
        crate::model::urls::doc_path(d),
        crate::model::state::changed_as_of(d, &site.now),
    )
}

fn related_ids(site: &Site, id: DocId, rel: Rel) -> Vec<DocId> {
    let r = &site.rel;
    let set = |m: &std::collections::BTreeMap<DocId, std::collections::BTreeSet<DocId>>| {
        m.get(&id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    };
    match rel {
        Rel::Parent => r.parent.get(&id).copied().into_iter().collect(),
        Rel::Children => r.children.get(&id).cloned().unwrap_or_default(),
        Rel::PlanHearings => set(&r.plan_hearings),
        Rel::PlanDecisions => set(&r.plan_decisions),
        Rel::HearingPlan => r.hearing_plan.get(&id).copied().into_iter().collect(),
        Rel::HearingDecisions => set(&r.hearing_decisions),
        Rel::DecisionPlans => set(&r.decision_plans),
        Rel::DecisionHearings => set(&r.decision_hearings),
        Rel::RowLinks => {
            let mut v: Vec<DocId> = r
                .row_hearing
                .range((id, 0)..(id + 1, 0))
                .chain(r.row_decision.range((id, 0)..(id + 1, 0)))
                .map(|(_, &t)| t)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
    }
}
