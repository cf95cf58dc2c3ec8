//! The whole site after parsing: which documents are public, their addresses, and the
//! relations between them resolved in both directions.

use crate::messages::Key;
use crate::model::config::SiteConfig;
use crate::model::content::{ContentType, Data, DecisionState, Document, PlanStatus};
use crate::model::dates::FuzzyDate;
use crate::model::diagnostics::{Diagnostic, Severity, did_you_mean};
use crate::model::digest::{FastMap, FastSet};
use crate::model::slug::Slug;
use crate::model::yaml::PathSeg;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Index of a document in [`Site::docs`].
pub type DocId = usize;

/// Top-level folders the generator writes itself; a page cannot take these slugs.
pub const RESERVED_SLUGS: &[&str] = &[
    "planer",
    "hoeringer",
    "beslutninger",
    "api",
    "feeds",
    "kalender",
    "soeg",
    "assets",
    "404",
];

#[derive(Debug, Default, Clone)]
pub struct Relations {
    pub parent: BTreeMap<DocId, DocId>,
    pub children: BTreeMap<DocId, Vec<DocId>>,
    /// plan → hearings about it (via `hearing.plan` or a timeline row).
    pub plan_hearings: BTreeMap<DocId, BTreeSet<DocId>>,
    /// plan → decisions about it (via `decision.plans`, a timeline row, or its hearings).
    pub plan_decisions: BTreeMap<DocId, BTreeSet<DocId>>,
    /// hearing → plan
    pub hearing_plan: BTreeMap<DocId, DocId>,
    /// hearing → decisions that followed it.
    pub hearing_decisions: BTreeMap<DocId, BTreeSet<DocId>>,
    /// decision → plans and hearings.
    pub decision_plans: BTreeMap<DocId, BTreeSet<DocId>>,
    pub decision_hearings: BTreeMap<DocId, BTreeSet<DocId>>,
    /// (plan, timeline row) → linked hearing / decision, only where the target is public.
    pub row_hearing: BTreeMap<(DocId, usize), DocId>,
    pub row_decision: BTreeMap<(DocId, usize), DocId>,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub now: DateTime<Tz>,
    /// Public documents only, sorted by type and slug. Shared with whoever read them
    /// (the preview keeps them between saves); resolution copies only a document it
    /// changes.
    pub docs: Vec<Arc<Document>>,
    /// Per document, a plan's status: as written, or else as its timeline, hearings
    /// and decisions give it at `now` (see [`Site::plan_status`]).
    statuses: Vec<Option<PlanStatus>>,
    pub rel: Relations,
    pub accessibility_page: Option<DocId>,
    /// The page `privacy.page` in `site.yaml` names, linked where citizens respond.
    pub privacy_page: Option<DocId>,
    /// Documents held back by a future `publish_at` (not drafts): they appear when it
    /// arrives, so the site must be rebuilt then.
    pub embargoed: Vec<Embargoed>,
    /// Documents that exist in the sources but are not public at `now` (drafts, held
    /// back by date): the decision ledger must not mistake them for deleted ones.
    pub hidden: Vec<Arc<Document>>,
}

#[derive(Debug, Clone)]
pub struct Embargoed {
    pub file: String,
    pub title: String,
    pub at: DateTime<Tz>,
}

/// Whether a document may appear in the output at `now`.
pub fn is_public(doc: &Document, now: &DateTime<Tz>, include_drafts: bool) -> bool {
    if include_drafts {
        return true;
    }
    if doc.draft {
        return false;
    }
    match held_until(doc, &now.timezone()) {
        Some(t) => *now >= t,
        None => true,
    }
}

/// The moment before which a (non-draft) document must not appear: its `publish_at`.
/// `None` when nothing holds it back.
pub fn held_until(doc: &Document, tz: &Tz) -> Option<DateTime<Tz>> {
    let at = doc.publish_at.as_ref()?;
    // A date without a start (cannot happen for a checked field) holds back for ever.
    moment_start(at, tz).or_else(|| tz.with_ymd_and_hms(9999, 12, 31, 0, 0, 0).single())
}

/// The first moment of a date (its time if given), in the site's zone.
pub fn moment_start(d: &FuzzyDate, tz: &Tz) -> Option<DateTime<Tz>> {
    let day = d.start()?;
    let time = d.start_time().unwrap_or(NaiveTime::MIN);
    local(tz, day.and_time(time), d)
}

/// The first moment of a plain day in `tz`: what [`moment_start`] gives for a date
/// of one day without a time or offset, without building that date.
pub fn day_start(tz: &Tz, day: NaiveDate) -> Option<DateTime<Tz>> {
    local_moment(tz, day.and_time(NaiveTime::MIN), None)
}

/// The last moment of a date: its end time if given, else the end of its last day.
pub fn moment_end(d: &FuzzyDate, tz: &Tz) -> Option<DateTime<Tz>> {
    let day = d.end()?;
    // A single day with one time (`2008-06-20 12:00`) ends at that time.
    let single_time = (d.start() == d.end()).then(|| d.start_time()).flatten();
    match d.end_time().or(single_time) {
        Some(t) => local(tz, day.and_time(t), d),
        None => {
            let next = day.succ_opt()?.and_time(NaiveTime::MIN);
            local(tz, next, d).map(|t| t - chrono::Duration::seconds(1))
        }
    }
}

fn local(tz: &Tz, naive: chrono::NaiveDateTime, d: &FuzzyDate) -> Option<DateTime<Tz>> {
    local_moment(tz, naive, d.offset())
}

/// A wall-clock time in `tz`, or at `offset` when the text gave one. In the autumn hour
/// that exists twice, the earlier; in the spring gap, the first valid moment after it.
pub fn local_moment(
    tz: &Tz,
    naive: chrono::NaiveDateTime,
    offset: Option<chrono::FixedOffset>,
) -> Option<DateTime<Tz>> {
    if let Some(off) = offset {
        return off
            .from_local_datetime(&naive)
            .single()
            .map(|t| t.with_timezone(tz));
    }
    tz.from_local_datetime(&naive).earliest().or_else(|| {
        tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
    })
}

impl Site {
    /// Resolves references among the public documents of `all`. References to hidden
    /// documents are dropped with a warning; references to nothing are errors.
    pub fn assemble(
        config: SiteConfig,
        now: DateTime<Tz>,
        mut all: Vec<Arc<Document>>,
        include_drafts: bool,
    ) -> (Site, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        crate::model::order::sort_large_by(&mut all, |a, b| {
            (a.kind(), &a.slug, &a.file).cmp(&(b.kind(), &b.slug, &b.file))
        });
        for d in &mut all {
            diags.extend(resolve_decision(d, &now));
        }

        // Slugs are unique across the whole site, so a reference never needs a type.
        let mut seen: FastMap<&Slug, &Document> = FastMap::default();
        for d in all.iter().map(|d| &**d) {
            if let Some(first) = seen.get(&d.slug) {
                // A draft never blocks a public file: the problem is reported on the draft.
                let (this, other) = if first.draft && !d.draft {
                    (*first, d)
                } else {
                    (d, *first)
                };
                let key = Key::new("slug-duplicate")
                    .arg("slug", this.slug.as_str())
                    .arg("other", other.file.as_str())
                    .with_help(Key::new("slug-duplicate-help"));
                diags.push(Diagnostic::keyed(Severity::Error, &this.file, key).field("slug"));
            } else {
                seen.insert(&d.slug, d);
            }
            if d.kind() == ContentType::Page && RESERVED_SLUGS.contains(&d.slug.as_str()) {
                let key = Key::new("slug-reserved")
                    .arg("slug", d.slug.as_str())
                    .arg("reserved", RESERVED_SLUGS.join(", "));
                diags.push(Diagnostic::keyed(Severity::Error, &d.file, key).field("slug"));
            }
        }
        let kinds: FastMap<&Slug, (ContentType, bool)> = all
            .iter()
            .map(|d| (&d.slug, (d.kind(), is_public(d, &now, include_drafts))))
            .collect();

        let withdrawn: FastSet<&Slug> = all
            .iter()
            .filter(|d| matches!(&d.data, Data::Decision(x) if x.state == DecisionState::Withdrawn))
            .map(|d| &d.slug)
            .collect();
        // Check every reference of every document (drafts too, so `check` shows their
        // problems) against all documents, public or not; in parallel, in file order.
        diags.par_extend(
            all.par_iter()
                .flat_map_iter(|d| reference_problems(d, &kinds, &withdrawn)),
        );

        let embargoed: Vec<Embargoed> = all
            .iter()
            .filter(|d| !d.draft && !is_public(d, &now, include_drafts))
            .filter_map(|d| {
                let at = held_until(d, &now.timezone())?;
                Some(Embargoed {
                    file: d.file.clone(),
                    title: d.title.clone(),
                    at,
                })
            })
            .collect();
        // In place: the public documents stay where they are, in order.
        let hidden: Vec<Arc<Document>> = all
            .extract_if(.., |d| !is_public(d, &now, include_drafts))
            .collect();
        let mut docs = all;
        docs.dedup_by(|a, b| a.slug == b.slug);
        let by_slug: FastMap<&Slug, DocId> =
            docs.iter().enumerate().map(|(i, d)| (&d.slug, i)).collect();

        let accessibility_page = setting_page(
            config.accessibility_page.as_deref(),
            "accessibility_page",
            &docs,
            &by_slug,
            &mut diags,
        );
        let privacy_page = setting_page(
            config.privacy.page.as_deref(),
            "privacy.page",
            &docs,
            &by_slug,
            &mut diags,
        );

        let rel = relate(&docs, &by_slug);
        drop(by_slug);
        check_cycles(&docs, &rel, &mut diags);
        check_decision_addresses(&docs, &mut diags);
        let statuses = plan_statuses(&docs, &rel, &now);

        // The site is returned even with errors, so that later checks still run and
        // every problem is reported in one go; callers decide from the diagnostics.
        (
            Site {
                config,
                now,
                docs,
                statuses,
                rel,
                accessibility_page,
                privacy_page,
                embargoed,
                hidden,
            },
            diags,
        )
    }

    /// The files of every draft, public in this build (`--drafts`) or not: their
    /// problems never block a public build.
    pub fn draft_files(&self) -> BTreeSet<String> {
        self.docs
            .iter()
            .chain(self.hidden.iter())
            .filter(|d| d.draft)
            .map(|d| d.file.clone())
            .collect()
    }

    /// The status plan `id` shows: the one written, or else the derived one.
    pub fn plan_status(&self, id: DocId) -> Option<PlanStatus> {
        self.statuses.get(id).copied().flatten()
    }

    pub fn of_kind(&self, kind: ContentType) -> impl Iterator<Item = (DocId, &Document)> {
        self.docs
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.kind() == kind)
            .map(|(id, d)| (id, &**d))
    }
}

/// The problems of one document's references, looked up in `kinds` (every document,
/// public or not, by slug) and `withdrawn`.
fn reference_problems(
    d: &Document,
    kinds: &FastMap<&Slug, (ContentType, bool)>,
    withdrawn: &FastSet<&Slug>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for r in references(d) {
        let target = r.target.as_str();
        let key = match kinds.get(&r.target) {
            None => {
                // Either picks the smallest of equally near slugs: the map's order
                // does not matter.
                let same_type = kinds
                    .iter()
                    .filter(|(_, (k, _))| *k == r.expect)
                    .map(|(s, _)| s.as_str());
                let near =
                    did_you_mean(target, same_type.clone()).or_else(|| nearest(target, same_type));
                let kind = r.expect.as_str();
                let help = match near {
                    Some(n) => Key::new("ref-nearest").arg("type", kind).arg("nearest", n),
                    None => Key::new("ref-none").arg("type", kind),
                };
                let key = Key::new("ref-missing")
                    .arg("type", kind)
                    .arg("slug", target)
                    .with_help(help);
                diags.push(d.front_source().error(&r.at.path(), "").with_key(key));
                continue;
            }
            Some((kind, _)) if *kind != r.expect => (
                Severity::Error,
                Key::new("ref-wrong-type")
                    .arg("slug", target)
                    .arg("type", type_word(*kind))
                    .arg("expected", type_word(r.expect)),
            ),
            Some((_, false)) => (
                Severity::Warning,
                Key::new("ref-not-public").arg("slug", target),
            ),
            Some(_) if withdrawn.contains(&r.target) => (
                Severity::Warning,
                Key::new("ref-withdrawn").arg("slug", target),
            ),
            Some(_) => continue,
        };
        diags.push(d.front_source().keyed(key.0, &r.at.path(), key.1));
    }
    diags
}

struct Reference {
    at: RefAt,
    target: Slug,
    expect: ContentType,
}

/// Where in the front matter a reference is written: named, and spelled out as a
/// path only for a problem's report.
#[derive(Clone, Copy)]
enum RefAt {
    /// A top-level field (`parent`, `plan`, `decision`).
    Field(&'static str),
    /// A field of a timeline row (`hearing`, `decision`).
    Row(usize, &'static str),
    /// An item of a top-level list (`plans`, `hearings`).
    Item(&'static str, usize),
}

impl RefAt {
    fn path(self) -> Vec<PathSeg> {
        match self {
            RefAt::Field(f) => vec![k(f)],
            RefAt::Row(i, f) => vec![k("timeline"), PathSeg::Index(i), k(f)],
            RefAt::Item(f, i) => vec![k(f), PathSeg::Index(i)],
        }
    }
}

fn k(s: &str) -> PathSeg {
    PathSeg::Key(s.into())
}

/// Every slug a document refers to, with where it is written. Text that cannot be a
/// slug can never match, so it is reported as pointing at nothing.
fn references(d: &Document) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut push = |at: RefAt, target: &str, expect| {
        let target = Slug::parse(target.trim()).unwrap_or_else(|_| {
            Slug::from_text(target).unwrap_or_else(|_| Slug::parse("x").expect("valid"))
        });
        out.push(Reference { at, target, expect });
    };
    match &d.data {
        Data::Plan(p) => {
            if let Some(parent) = &p.parent {
                push(RefAt::Field("parent"), parent, ContentType::Plan);
            }
            for (i, row) in p.timeline.iter().enumerate() {
                if let Some(h) = &row.hearing {
                    push(RefAt::Row(i, "hearing"), h, ContentType::Hearing);
                }
                if let Some(x) = &row.decision {
                    push(RefAt::Row(i, "decision"), x, ContentType::Decision);
                }
            }
        }
        Data::Hearing(h) => {
            if let Some(p) = &h.plan {
                push(RefAt::Field("plan"), p, ContentType::Plan);
            }
            if let Some(x) = &h.decision {
                push(RefAt::Field("decision"), x, ContentType::Decision);
            }
        }
        Data::Decision(x) => {
            for (i, p) in x.plans.iter().enumerate() {
                push(RefAt::Item("plans", i), p, ContentType::Plan);
            }
            for (i, h) in x.hearings.iter().enumerate() {
                push(RefAt::Item("hearings", i), h, ContentType::Hearing);
            }
        }
        Data::Page(_) => {}
    }
    out
}

fn type_word(t: ContentType) -> &'static str {
    t.as_str()
}

/// The candidate with the smallest edit distance, however far: a reference to a slug
/// that does not exist should always point at something real.
/// The page a `site.yaml` setting names by slug; an error naming the nearest page slug
/// if there is no such page.
fn setting_page(
    slug: Option<&str>,
    field: &str,
    docs: &[Arc<Document>],
    by_slug: &FastMap<&Slug, DocId>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DocId> {
    let s = slug?;
    match Slug::parse(s).ok().and_then(|s| by_slug.get(&s).copied()) {
        Some(id) if docs[id].kind() == ContentType::Page => Some(id),
        _ => {
            let pages = docs
                .iter()
                .filter(|d| d.kind() == ContentType::Page)
                .map(|d| d.slug.as_str());
            let help = match nearest(s, pages) {
                Some(n) => Key::new("ref-nearest")
                    .arg("type", "page")
                    .arg("nearest", n),
                None => Key::new("ref-none").arg("type", "page"),
            };
            let key = Key::new("ref-missing")
                .arg("type", "page")
                .arg("slug", s)
                .with_help(help);
            diags.push(
                Diagnostic::keyed(
                    crate::model::diagnostics::Severity::Error,
                    crate::model::config::FILE_NAME,
                    key,
                )
                .field(field),
            );
            None
        }
    }
}

fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .min_by_key(|c| (strsim::levenshtein(wrong, c), *c))
}

fn relate(docs: &[Arc<Document>], by_slug: &FastMap<&Slug, DocId>) -> Relations {
    let mut rel = Relations::default();
    // A withdrawn decision keeps only its notice: nothing links to it or from it.
    let find = |s: &str, kind: ContentType| -> Option<DocId> {
        let slug = Slug::parse(s.trim()).ok()?;
        by_slug
            .get(&slug)
            .copied()
            .filter(|&id| docs[id].kind() == kind)
            .filter(|&id| !is_withdrawn(&docs[id]))
    };
    for (id, d) in docs.iter().enumerate() {
        match &d.data {
            Data::Plan(p) => {
                if let Some(parent) = p.parent.as_deref().and_then(|s| find(s, ContentType::Plan)) {
                    rel.parent.insert(id, parent);
                    rel.children.entry(parent).or_default().push(id);
                }
                for (i, row) in p.timeline.iter().enumerate() {
                    if let Some(h) = row
                        .hearing
                        .as_deref()
                        .and_then(|s| find(s, ContentType::Hearing))
                    {
                        rel.row_hearing.insert((id, i), h);
                        rel.plan_hearings.entry(id).or_default().insert(h);
                    }
                    if let Some(x) = row
                        .decision
                        .as_deref()
                        .and_then(|s| find(s, ContentType::Decision))
                    {
                        rel.row_decision.insert((id, i), x);
                        rel.plan_decisions.entry(id).or_default().insert(x);
                    }
                }
            }
            Data::Hearing(h) => {
                if let Some(p) = h.plan.as_deref().and_then(|s| find(s, ContentType::Plan)) {
                    rel.hearing_plan.insert(id, p);
                    rel.plan_hearings.entry(p).or_default().insert(id);
                }
                if let Some(x) = h
                    .decision
                    .as_deref()
                    .and_then(|s| find(s, ContentType::Decision))
                {
                    rel.hearing_decisions.entry(id).or_default().insert(x);
                    rel.decision_hearings.entry(x).or_default().insert(id);
                }
            }
            Data::Decision(x) => {
                for p in x.plans.iter().filter_map(|s| find(s, ContentType::Plan)) {
                    rel.decision_plans.entry(id).or_default().insert(p);
                    rel.plan_decisions.entry(p).or_default().insert(id);
                }
                for h in x
                    .hearings
                    .iter()
                    .filter_map(|s| find(s, ContentType::Hearing))
                {
                    rel.decision_hearings.entry(id).or_default().insert(h);
                    rel.hearing_decisions.entry(h).or_default().insert(id);
                }
            }
            Data::Page(_) => {}
        }
    }
    // A plan's timeline row linking a hearing also ties that hearing to the plan.
    let row_links: Vec<(DocId, DocId)> =
        rel.row_hearing.iter().map(|(&(p, _), &h)| (p, h)).collect();
    for (p, h) in row_links {
        rel.hearing_plan.entry(h).or_insert(p);
    }
    // Decisions that followed a plan's hearings are decisions about the plan too.
    let via_hearings: Vec<(DocId, DocId)> = rel
        .plan_hearings
        .iter()
        .flat_map(|(&p, hs)| {
            hs.iter()
                .flat_map(move |h| std::iter::repeat(p).zip(std::iter::once(*h)))
        })
        .flat_map(|(p, h)| {
            rel.hearing_decisions
                .get(&h)
                .into_iter()
                .flatten()
                .map(move |&x| (p, x))
        })
        .collect();
    for (p, x) in via_hearings {
        rel.plan_decisions.entry(p).or_default().insert(x);
        rel.decision_plans.entry(x).or_default().insert(p);
    }
    for kids in rel.children.values_mut() {
        kids.sort_by(|&a, &b| docs[a].title.cmp(&docs[b].title));
    }
    rel
}

/// What resolution made of document `id`, as a number: equal numbers mean the same
/// resolved document, given the same source file. Everything [`Site::assemble`] sets
/// or clears for a document (a decision's state, which also decides what is removed;
/// a plan's status, kept beside the document) must be in it — the preview compares
/// documents by their source and this, and `tests/incremental.rs` checks the two
/// agree.
pub fn resolution_fingerprint(site: &Site, id: DocId) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::model::digest::digester();
    let d = &site.docs[id];
    match &d.data {
        Data::Decision(x) => x.state.as_str().hash(&mut h),
        Data::Plan(_) => site.plan_status(id).map(|s| s.as_str()).hash(&mut h),
        Data::Hearing(_) | Data::Page(_) => {}
    }
    h.finish()
}

fn is_withdrawn(d: &Document) -> bool {
    matches!(&d.data, Data::Decision(x) if x.state == DecisionState::Withdrawn)
}

/// Sets a decision's state as of `now` and removes what must not exist yet (or any
/// more): before its meeting, outcomes, remarks, absent members and the summary (which
/// says what was decided); once withdrawn, everything but the notice and the permanent
/// address. Outcomes written in advance are reported, like a hearing's responses.
fn resolve_decision(doc: &mut Arc<Document>, now: &DateTime<Tz>) -> Option<Diagnostic> {
    let Data::Decision(x) = &doc.data else {
        return None;
    };
    let state = crate::model::state::decision_state(x, now);
    let warning = (state == DecisionState::Agenda)
        .then(|| held_back(doc, x))
        .flatten();
    if state == DecisionState::Decided && x.state == state {
        // Nothing to set or remove: the document stays shared, not copied.
        return warning;
    }
    let d = Arc::make_mut(doc);
    let Data::Decision(x) = &mut d.data else {
        return None;
    };
    x.state = state;
    match state {
        DecisionState::Decided => return None,
        DecisionState::Agenda => {
            for r in &mut x.recommendations {
                r.outcome = None;
                r.remark = None;
            }
            x.absent.clear();
            d.summary = None;
        }
        DecisionState::Withdrawn => {
            x.recommendations.clear();
            x.absent.clear();
            x.corrections.clear();
            x.plans.clear();
            x.hearings.clear();
            x.case_number = None;
            d.summary = None;
            d.body = "".into();
            d.tags.clear();
            d.area = None;
            d.attachments.clear();
        }
    }
    // The caches may hold text of the item as written.
    d.rendered = Default::default();
    d.search_words = Default::default();
    d.change_moments = Default::default();
    warning
}

/// The warning for an agenda item that already carries what only its meeting decides.
fn held_back(d: &Document, x: &crate::model::content::Decision) -> Option<Diagnostic> {
    let written = x
        .recommendations
        .iter()
        .position(|r| r.outcome.is_some() || r.remark.is_some());
    let path = match written {
        Some(i) => vec![k("recommendations"), PathSeg::Index(i), k("outcome")],
        None if !x.absent.is_empty() => vec![k("absent")],
        // A summary alone is no outcome: it is simply shown once the meeting has begun.
        None => return None,
    };
    let key = Key::new("decision-held-back").arg("meeting", x.meeting.text());
    Some(d.front_source().keyed(Severity::Warning, &path, key))
}

/// Each plan's status (none for other documents): the one written, or else the one
/// its timeline, hearings and decisions give (see [`crate::model::state::plan_status`]).
fn plan_statuses(
    docs: &[Arc<Document>],
    rel: &Relations,
    now: &DateTime<Tz>,
) -> Vec<Option<PlanStatus>> {
    use rayon::prelude::*;
    docs.par_iter()
        .enumerate()
        .map(|(id, d)| match &d.data {
            Data::Plan(p) => p.status_given.or_else(|| {
                crate::model::state::plan_status(docs, rel, id, now)
                    .derived
                    .map(|f| f.status)
            }),
            _ => None,
        })
        .collect()
}

fn check_cycles(docs: &[Arc<Document>], rel: &Relations, diags: &mut Vec<Diagnostic>) {
    for (&start, _) in rel.parent.iter() {
        let mut cur = start;
        let mut steps = 0;
        while let Some(&p) = rel.parent.get(&cur) {
            cur = p;
            steps += 1;
            if cur == start {
                let d = &docs[start];
                let key = Key::new("plan-own-ancestor").arg("slug", d.slug.as_str());
                diags.push(d.front_source().keyed(Severity::Error, &[k("parent")], key));
                break;
            }
            if steps > docs.len() {
                break;
            }
        }
    }
}

/// A decision's permanent address comes from body, meeting and item, so two decisions
/// must never share all three.
fn check_decision_addresses(docs: &[Arc<Document>], diags: &mut Vec<Diagnostic>) {
    let mut seen: FastMap<String, &Document> = FastMap::default();
    for d in docs {
        if let Data::Decision(x) = &d.data {
            let key = crate::model::urls::decision_path(x);
            if let Some(first) = seen.get(&key) {
                let key = Key::new("decision-same-item")
                    .arg("other", first.file.as_str())
                    .arg("item", x.item.to_string())
                    .arg("meeting", x.meeting.text());
                diags.push(d.front_source().keyed(Severity::Error, &[k("item")], key));
            } else {
                seen.insert(key, d);
            }
        }
    }
}
