//! The preview's incremental rebuild must equal a fresh full build, byte for byte and
//! file for file, after any sequence of edits.
//!
//! A fixture site is kept as a small model (plans, hearings, decisions, pages) that is
//! written to disk; random edits change the model (or templates, translations,
//! `site.yaml`, attachments) and after every step the preview session's folder is
//! compared with a full build at the same moment. `PLANPUB_INCREMENTAL_CASES` and
//! `PLANPUB_INCREMENTAL_STEPS` set how many random sequences and how many steps each
//! (a short run by default; thousands of steps locally).

use planpub::build::incremental::Session;
use planpub::build::{BuildOptions, build};
use planpub::model::clock::parse_now;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const AREAS: [&str; 3] = ["Socialområdet", "Ældreområdet", "Teknik og miljø"];

#[derive(Debug, Clone)]
struct PlanM {
    slug: String,
    title: String,
    area: Option<usize>,
    parent: Option<usize>,
    when: Vec<String>,
    draft: bool,
    publish_at: Option<String>,
    /// The day it was last revised, as written (the sitemap's and feeds' "modified").
    updated: Option<String>,
    /// More body text: edits of it change the search words, or only the bytes.
    note: String,
}

#[derive(Debug, Clone)]
struct HearingM {
    slug: String,
    title: String,
    plan: Option<usize>,
    opens: String,
    closes: String,
    /// Size in bytes of the document in a subfolder.
    doc_size: usize,
}

#[derive(Debug, Clone)]
struct DecisionM {
    slug: String,
    title: String,
    meeting: String,
    plans: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Model {
    plans: Vec<PlanM>,
    hearings: Vec<HearingM>,
    decisions: Vec<DecisionM>,
    pages: Vec<(String, String, Option<u32>)>,
    site_title: String,
    template_marker: Option<String>,
    label: Option<String>,
    next: usize,
}

const WHENS: [&str; 6] = [
    "primo 2008",
    "22. maj til 20. juni 2008",
    "ultimo 2008",
    "1. halvår 2009",
    "løbende",
    "2. kvartal 2024",
];
const DAYS: [&str; 5] = [
    "2008-05-22",
    "2008-06-20 12:00",
    "2024-05-01",
    "2024-06-15",
    "2025-01-10",
];

impl Model {
    fn initial() -> Model {
        let plan = |i: usize, parent| PlanM {
            slug: format!("plan-{i}"),
            title: format!("Plan nummer {i}"),
            area: Some(i % 3),
            parent,
            when: vec![WHENS[i % 6].into(), WHENS[(i + 1) % 6].into()],
            draft: false,
            publish_at: None,
            updated: None,
            note: String::new(),
        };
        Model {
            plans: vec![
                plan(0, None),
                plan(1, Some(0)),
                plan(2, Some(0)),
                plan(3, None),
            ],
            hearings: vec![
                HearingM {
                    slug: "hoering-0".into(),
                    title: "Høring om plan 0".into(),
                    plan: Some(0),
                    opens: "2008-05-22".into(),
                    closes: "2008-06-20 12:00".into(),
                    doc_size: 1000,
                },
                HearingM {
                    slug: "hoering-1".into(),
                    title: "Høring om plan 3".into(),
                    plan: Some(3),
                    opens: "2024-05-01".into(),
                    closes: "2024-06-15".into(),
                    doc_size: 2000,
                },
            ],
            decisions: vec![DecisionM {
                slug: "beslutning-0".into(),
                title: "Beslutning om plan 0".into(),
                meeting: "2008-08-27".into(),
                plans: vec![0],
            }],
            pages: vec![("om".into(), "Om siden".into(), Some(1))],
            site_title: "Testkommunens planer".into(),
            template_marker: None,
            label: None,
            next: 10,
        }
    }

    fn write(&self, root: &Path) {
        let _ = std::fs::remove_dir_all(root.join("content"));
        let w = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            // Write only what differs, as an editor saving one file would.
            if std::fs::read_to_string(&p).ok().as_deref() != Some(text) {
                std::fs::write(p, text).unwrap();
            }
        };
        w(
            "site.yaml",
            &format!(
                "title: {}\nlanguage: da\nbase_url: https://planer.test.dk/\norganisation: Testkommune\n",
                self.site_title
            ),
        );
        match &self.template_marker {
            Some(m) => w(
                "templates/page.html",
                &format!(
                    "{{% extends \"base.html\" %}}{{% block content %}}<p>{m}</p>{{{{ content | safe }}}}{{% endblock content %}}"
                ),
            ),
            None => {
                let _ = std::fs::remove_file(root.join("templates/page.html"));
            }
        }
        match &self.label {
            Some(l) => w("i18n/da.yaml", &format!("nav.plans: \"{l}\"\n")),
            None => {
                let _ = std::fs::remove_file(root.join("i18n/da.yaml"));
            }
        }
        for p in &self.plans {
            let mut fm = format!("type: plan\ntitle: {}\nsummary: Om {}.\n", p.title, p.slug);
            if let Some(a) = p.area {
                fm += &format!("area: {}\n", AREAS[a]);
            }
            if let Some(par) = p.parent.and_then(|i| self.plans.get(i)) {
                fm += &format!("parent: {}\n", par.slug);
            }
            if p.draft {
                fm += "draft: true\n";
            }
            if let Some(at) = &p.publish_at {
                fm += &format!("publish_at: {at}\n");
            }
            if let Some(day) = &p.updated {
                fm += &format!("updated: {day}\n");
            }
            fm += "timeline:\n";
            for (i, when) in p.when.iter().enumerate() {
                fm += &format!("  - when: {when}\n    what: Trin {i} i {}\n", p.slug);
            }
            w(
                &format!("content/planer/{}.md", p.slug),
                &format!(
                    "---\n{fm}---\n\nTekst om [hjem](/) og {}.\n{}",
                    p.title, p.note
                ),
            );
        }
        for h in &self.hearings {
            let mut fm = format!(
                "type: hearing\ntitle: {}\nopens: {}\ncloses: {}\nrespond:\n  email: svar@test.dk\ndocuments:\n  - title: Materiale\n    file: bilag/materiale.pdf\n",
                h.title, h.opens, h.closes
            );
            if let Some(p) = h.plan.and_then(|i| self.plans.get(i)) {
                fm += &format!("plan: {}\n", p.slug);
            }
            let dir = format!("content/hoeringer/{}", h.slug);
            w(
                &format!("{dir}/index.md"),
                &format!("---\n{fm}---\n\nHøringstekst.\n"),
            );
            w(
                &format!("{dir}/bilag/materiale.pdf"),
                &"x".repeat(h.doc_size),
            );
        }
        for (i, x) in self.decisions.iter().enumerate() {
            let plans: Vec<&str> = x
                .plans
                .iter()
                .filter_map(|&p| self.plans.get(p))
                .map(|p| p.slug.as_str())
                .collect();
            w(
                &format!("content/beslutninger/{}.md", x.slug),
                &format!(
                    "---\ntype: decision\ntitle: {}\nbody: Socialudvalget\nmeeting: {}\nitem: {}\nplans: [{}]\nrecommendations:\n  - text: At planen godkendes\n    outcome: approved\n---\n\nSagsfremstilling.\n",
                    x.title,
                    x.meeting,
                    i + 1,
                    plans.join(", ")
                ),
            );
        }
        for (slug, title, menu) in &self.pages {
            let menu = menu.map(|m| format!("menu: {m}\n")).unwrap_or_default();
            w(
                &format!("content/sider/{slug}.md"),
                &format!("---\ntype: page\ntitle: {title}\n{menu}---\n\nSidetekst for {slug}.\n"),
            );
        }
    }
}

/// One random change to the site.
#[derive(Debug, Clone)]
enum Edit {
    Title(usize, u8),
    Body(usize, u8),
    Parent(usize, Option<usize>),
    Area(usize, Option<usize>),
    When(usize, usize, usize),
    Draft(usize),
    PublishAt(usize, Option<usize>),
    Updated(usize, Option<usize>),
    HearingPlan(usize, Option<usize>),
    Closes(usize, usize),
    GrowAttachment(usize, usize),
    DecisionPlans(usize, Vec<usize>),
    AddPlan(Option<usize>),
    DeletePlan(usize),
    RenamePlan(usize),
    AddPage(Option<u32>),
    DeletePage(usize),
    TemplateAndContent(u8, usize),
    SiteTitle(u8),
    Label(Option<u8>),
    Moment(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..6;
    prop_oneof![
        (i.clone(), any::<u8>()).prop_map(|(a, b)| Edit::Title(a, b)),
        (i.clone(), any::<u8>()).prop_map(|(a, b)| Edit::Body(a, b)),
        (i.clone(), proptest::option::of(0usize..6)).prop_map(|(a, b)| Edit::Parent(a, b)),
        (i.clone(), proptest::option::of(0usize..3)).prop_map(|(a, b)| Edit::Area(a, b)),
        (i.clone(), 0usize..3, 0usize..6).prop_map(|(a, b, c)| Edit::When(a, b, c)),
        i.clone().prop_map(Edit::Draft),
        (i.clone(), proptest::option::of(0usize..3)).prop_map(|(a, b)| Edit::PublishAt(a, b)),
        (i.clone(), proptest::option::of(0usize..5)).prop_map(|(a, b)| Edit::Updated(a, b)),
        (0usize..3, proptest::option::of(0usize..6)).prop_map(|(a, b)| Edit::HearingPlan(a, b)),
        (0usize..3, 0usize..5).prop_map(|(a, b)| Edit::Closes(a, b)),
        (0usize..3, 1usize..4000).prop_map(|(a, b)| Edit::GrowAttachment(a, b)),
        (0usize..2, proptest::collection::vec(0usize..6, 0..3))
            .prop_map(|(a, b)| Edit::DecisionPlans(a, b)),
        proptest::option::of(0usize..6).prop_map(Edit::AddPlan),
        i.clone().prop_map(Edit::DeletePlan),
        i.clone().prop_map(Edit::RenamePlan),
        proptest::option::of(0u32..3).prop_map(Edit::AddPage),
        (0usize..3).prop_map(Edit::DeletePage),
        (any::<u8>(), i.clone()).prop_map(|(a, b)| Edit::TemplateAndContent(a, b)),
        any::<u8>().prop_map(Edit::SiteTitle),
        proptest::option::of(any::<u8>()).prop_map(Edit::Label),
        (0usize..4).prop_map(Edit::Moment),
    ]
}

const MOMENTS: [&str; 4] = ["2008-06-01", "2008-06-20T12:00", "2024-06-01", "2030-01-01"];

fn apply(m: &mut Model, e: &Edit, moment: &mut usize) {
    let n = m.plans.len();
    let plan = |i: usize| i % n.max(1);
    match e.clone() {
        Edit::Title(i, b) if n > 0 => m.plans[plan(i)].title = format!("Plan {b} om noget"),
        // Only the bytes change (the search words stay), new words, or a link to a
        // plan that may be a draft (whose text the page and its words leave out).
        Edit::Body(i, b) if n > 0 => {
            let note = &mut m.plans[plan(i)].note;
            match b % 3 {
                0 => note.push('\n'),
                1 => *note = format!("\nBemærkning {b}: Ændret tekst om høringen.\n"),
                _ => *note = format!("\nSe [plan {b}](/planer/plan-{}/).\n", b % 4),
            }
        }
        Edit::Parent(i, p) if n > 0 => {
            let i = plan(i);
            // A plan cannot be its own ancestor; keep parents pointing down the list.
            m.plans[i].parent = p.map(plan).filter(|&p| p < i);
        }
        Edit::Area(i, a) if n > 0 => m.plans[plan(i)].area = a,
        Edit::When(i, row, w) if n > 0 => {
            let p = &mut m.plans[plan(i)];
            if row < p.when.len() {
                p.when[row] = WHENS[w].into();
            } else {
                p.when.push(WHENS[w].into());
            }
        }
        Edit::Draft(i) if n > 0 => {
            let p = &mut m.plans[plan(i)];
            p.draft = !p.draft;
        }
        Edit::PublishAt(i, at) if n > 0 => {
            m.plans[plan(i)].publish_at =
                at.map(|k| ["2008-06-10", "2024-07-01", "2000-01-01"][k].into())
        }
        Edit::Updated(i, day) if n > 0 => {
            m.plans[plan(i)].updated = day.map(|k| DAYS[k][..10].into())
        }
        Edit::HearingPlan(h, p) => {
            if let Some(x) = m.hearings.get_mut(h) {
                x.plan = p.map(plan).filter(|_| n > 0);
            }
        }
        Edit::Closes(h, d) => {
            if let Some(x) = m.hearings.get_mut(h) {
                // Keep the period valid: closes after opens.
                if DAYS[d] > x.opens.as_str() {
                    x.closes = DAYS[d].into();
                }
            }
        }
        Edit::GrowAttachment(h, size) => {
            if let Some(x) = m.hearings.get_mut(h) {
                x.doc_size = size * 1000;
            }
        }
        Edit::DecisionPlans(x, ps) => {
            if let Some(d) = m.decisions.get_mut(x) {
                d.plans = ps.into_iter().filter(|&p| p < n).collect();
            }
        }
        Edit::AddPlan(parent) => {
            let k = m.next;
            m.next += 1;
            m.plans.push(PlanM {
                slug: format!("ny-plan-{k}"),
                title: format!("Ny plan {k}"),
                area: Some(k % 3),
                parent: parent.filter(|&p| p < n),
                when: vec![WHENS[k % 6].into()],
                draft: false,
                publish_at: None,
                updated: Some("2008-06-01".into()),
                note: String::new(),
            });
        }
        Edit::DeletePlan(i) if n > 1 => {
            let i = plan(i);
            m.plans.remove(i);
            for p in &mut m.plans {
                p.parent = match p.parent {
                    Some(x) if x == i => None,
                    Some(x) if x > i => Some(x - 1),
                    x => x,
                };
            }
            let fix = |x: usize| (x != i).then_some(if x > i { x - 1 } else { x });
            for h in &mut m.hearings {
                h.plan = h.plan.and_then(fix);
            }
            for d in &mut m.decisions {
                d.plans = d.plans.iter().filter_map(|&x| fix(x)).collect();
            }
            for p in m.plans.iter_mut() {
                p.parent = p.parent.filter(|&x| x < n - 1);
            }
        }
        Edit::RenamePlan(i) if n > 0 => {
            let k = m.next;
            m.next += 1;
            m.plans[plan(i)].slug = format!("omdoebt-{k}");
        }
        Edit::AddPage(menu) => {
            let k = m.next;
            m.next += 1;
            m.pages
                .push((format!("side-{k}"), format!("Side {k}"), menu));
        }
        Edit::DeletePage(i) if !m.pages.is_empty() => {
            let i = i % m.pages.len();
            m.pages.remove(i);
        }
        Edit::TemplateAndContent(b, i) => {
            m.template_marker = Some(format!("skabelon {b}"));
            if n > 0 {
                m.plans[plan(i)].title = format!("Plan {b} og skabelon");
            }
        }
        Edit::SiteTitle(b) => m.site_title = format!("Kommune {b}"),
        Edit::Label(l) => m.label = l.map(|b| format!("Planer {b}")),
        Edit::Moment(k) => *moment = k,
        _ => {}
    }
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.is_empty() || rel == ".planpub-output" {
            continue;
        }
        if e.file_type().is_dir() {
            // A folder is part of what a server shows (a folder without a page is a 404
            // or a listing), so empty ones count too.
            out.insert(format!("{rel}/"), Vec::new());
        } else {
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

fn compare(step: usize, edit: &str, preview: &Path, full: &Path) {
    let a = tree(preview);
    let b = tree(full);
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "step {step} ({edit}): only in the preview: {only_a:?}; only in the full build: {only_b:?}"
    );
    for (k, v) in &a {
        assert!(
            v == &b[k],
            "step {step} ({edit}): {k} differs between the preview and the full build\n--- preview\n{}\n--- full\n{}",
            String::from_utf8_lossy(v),
            String::from_utf8_lossy(&b[k])
        );
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    preview: PathBuf,
    full: PathBuf,
    session: Session,
    model: Model,
    moment: usize,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let preview = dir.path().join("preview");
        let full = dir.path().join("full");
        let model = Model::initial();
        model.write(&root);
        let mut opts = BuildOptions::new(&root, parse_now(MOMENTS[0]).unwrap());
        opts.drafts = false;
        let session = Session::new(opts, preview.clone());
        Fixture {
            _dir: dir,
            root,
            preview,
            full,
            session,
            model,
            moment: 0,
        }
    }

    /// Rebuilds both ways and compares; a site with errors must fail both ways.
    fn step(&mut self, step: usize, what: &str) {
        let now = parse_now(MOMENTS[self.moment]).unwrap();
        self.session.set_now(now);
        let inc = self.session.rebuild(&[]);
        let mut opts = BuildOptions::new(&self.root, now);
        opts.out = self.full.clone();
        let full = build(&opts);
        // A full build records new decisions in the ledger; the preview never does, so
        // the ledger is removed again to keep both looking at the same sources.
        let _ = std::fs::remove_file(self.root.join("decision-ledger.json"));
        match (inc, full) {
            (Ok(_), Ok(_)) => compare(step, what, &self.preview, &self.full),
            (Err(a), Err(b)) => {
                let msgs = |d: &planpub::model::diagnostics::Diagnostics| {
                    d.iter()
                        .filter(|x| x.is_error())
                        .map(|x| x.to_string())
                        .collect::<Vec<_>>()
                };
                assert_eq!(msgs(&a), msgs(&b), "step {step} ({what}): different errors");
            }
            (a, b) => panic!(
                "step {step} ({what}): the preview {} but the full build {}",
                if a.is_ok() { "succeeded" } else { "failed" },
                if b.is_ok() { "succeeded" } else { "failed" }
            ),
        }
    }

    fn edit(&mut self, step: usize, e: &Edit) {
        apply(&mut self.model, e, &mut self.moment);
        self.model.write(&self.root);
        self.step(step, &format!("{e:?}"));
    }
}

fn env_num(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: env_num("PLANPUB_INCREMENTAL_CASES", 4),
        max_shrink_iters: 200,
        .. ProptestConfig::default()
    })]

    #[test]
    fn preview_equals_full_build_after_random_edits(
        edits in proptest::collection::vec(edit(), 1..=env_num("PLANPUB_INCREMENTAL_STEPS", 12) as usize)
    ) {
        let mut f = Fixture::new();
        f.step(0, "first build");
        for (i, e) in edits.iter().enumerate() {
            f.edit(i + 1, e);
        }
    }
}

/// The five cases the issue reproduced, each as a fixed sequence.
#[test]
fn moved_parent_leaves_the_old_parent() {
    let mut f = Fixture::new();
    f.step(0, "first build");
    let before = std::fs::read_to_string(f.preview.join("planer/plan-0/index.html")).unwrap();
    assert!(
        before.contains(">Plan nummer 1<"),
        "plan-0 lists its sub-plan plan-1 at first"
    );
    f.edit(1, &Edit::Parent(1, Some(3)));
    // Plan 3 is after plan 1 in the list, so the model refuses it; move it by hand.
    f.model.plans[1].parent = None;
    f.model.plans[3].parent = Some(1);
    f.model.write(&f.root);
    f.step(2, "parent moved");
    let after = std::fs::read_to_string(f.preview.join("planer/plan-0/index.html")).unwrap();
    assert!(
        !after.contains(">Plan nummer 1<"),
        "plan-0 still lists plan-1 as a sub-plan"
    );
    let json = std::fs::read_to_string(f.preview.join("api/plans/plan-0.json")).unwrap();
    assert!(
        !json.contains("\"plan-1\""),
        "plan-0's JSON still lists plan-1: {json}"
    );
}

#[test]
fn template_and_content_in_one_batch() {
    let mut f = Fixture::new();
    f.step(0, "first build");
    f.edit(1, &Edit::TemplateAndContent(7, 0));
    let page = std::fs::read_to_string(f.preview.join("om/index.html")).unwrap();
    assert!(
        page.contains("skabelon 7"),
        "the page did not get the new template"
    );
}

#[test]
fn moved_area_removes_the_old_area_listing() {
    let mut f = Fixture::new();
    // Plan 3 is the only plan of its area (index 0 is shared with plan 0): give every
    // plan but one the same area, then move that one.
    for p in &mut f.model.plans {
        p.area = Some(0);
    }
    f.model.plans[2].area = Some(2);
    f.model.write(&f.root);
    f.step(0, "first build");
    assert!(
        f.preview
            .join("planer/omraade/teknik-og-miljoe/index.html")
            .is_file()
    );
    f.edit(1, &Edit::Area(2, Some(0)));
    assert!(
        !f.preview.join("planer/omraade/teknik-og-miljoe").exists(),
        "the old area listing is still there"
    );
}

#[test]
fn grown_attachment_in_a_subfolder_shows_its_new_size() {
    let mut f = Fixture::new();
    f.step(0, "first build");
    let page = |f: &Fixture| {
        std::fs::read_to_string(f.preview.join("hoeringer/hoering-0/index.html")).unwrap()
    };
    assert!(page(&f).contains("1,0 kB"), "{}", page(&f));
    f.edit(1, &Edit::GrowAttachment(0, 3000));
    assert!(
        page(&f).contains("3,0 MB"),
        "the page does not show the new size"
    );
}

#[test]
fn preview_refuses_an_edit_to_a_recorded_decision() {
    let mut f = Fixture::new();
    // A real build records the decision in the ledger.
    let mut opts = BuildOptions::new(&f.root, parse_now("2024-06-01").unwrap());
    opts.out = f.full.clone();
    build(&opts).unwrap();
    assert!(f.root.join("decision-ledger.json").is_file());
    f.session.set_now(parse_now("2024-06-01").unwrap());
    f.session.rebuild(&[]).unwrap();
    f.model.decisions[0].title = "Ændret titel".into();
    f.model.write(&f.root);
    let err = f
        .session
        .rebuild(&[])
        .expect_err("the preview accepted the edit");
    let text: Vec<String> = err.iter().map(|d| d.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("beslutning-0") || t.contains("corrections")),
        "{text:?}"
    );
}

/// The preview keeps each unchanged document's events from one rebuild to the next;
/// what they are made of besides the document (the theme's words for a hearing's dates,
/// the site's address in every UID) still reaches them.
#[test]
fn kept_events_follow_the_words_and_the_address() {
    let mut f = Fixture::new();
    // Content written long ago: a file modified just now is read again on every rebuild
    // (it may have changed again within the clock's resolution), so its document, and
    // its events, would be new each time.
    age(&f.root.join("content"), 3600);
    f.step(0, "first build");
    let ics = |f: &Fixture| {
        std::fs::read_to_string(f.preview.join("hoeringer/hoering-0/kalender.ics")).unwrap()
    };
    assert!(ics(&f).contains("(høringsfrist)"), "{}", ics(&f));
    std::fs::create_dir_all(f.root.join("i18n")).unwrap();
    std::fs::write(
        f.root.join("i18n/da.yaml"),
        "calendar.deadline: sidste frist for svar\n",
    )
    .unwrap();
    f.step(1, "new word for a deadline");
    assert!(ics(&f).contains("(sidste frist for svar)"), "{}", ics(&f));
    let site = std::fs::read_to_string(f.root.join("site.yaml")).unwrap();
    std::fs::write(
        f.root.join("site.yaml"),
        site.replace("planer.test.dk", "andet.test.dk"),
    )
    .unwrap();
    f.step(2, "new address");
    assert!(ics(&f).contains("@andet.test.dk"), "{}", ics(&f));
    assert!(!ics(&f).contains("@planer.test.dk"), "{}", ics(&f));
}

/// Dates every file and folder under `dir` back by `secs` seconds, as if written then.
fn age(dir: &Path, secs: u64) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(secs);
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        // Setting times needs only ownership, so a folder opened for reading will do.
        let file = if e.file_type().is_dir() {
            std::fs::File::open(e.path())
        } else {
            std::fs::File::options().write(true).open(e.path())
        };
        file.unwrap().set_modified(then).unwrap();
    }
}

/// The preview lists the content files again only when a folder changed; a file added
/// or removed changes its folder, even when that change is dated in the past.
#[test]
fn added_and_removed_files_are_found_through_their_folder() {
    let mut f = Fixture::new();
    age(&f.root.join("content"), 3600);
    f.step(0, "first build");
    let new = f.root.join("content/planer/ny-plan.md");
    std::fs::write(&new, "---\ntype: plan\ntitle: Ny plan\n---\n\nTekst.\n").unwrap();
    age(&f.root.join("content"), 1800);
    f.step(1, "a plan added");
    assert!(f.preview.join("planer/ny-plan/index.html").is_file());
    std::fs::remove_file(&new).unwrap();
    age(&f.root.join("content"), 900);
    f.step(2, "the plan removed");
    assert!(!f.preview.join("planer/ny-plan").exists());
}
