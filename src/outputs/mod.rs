//! Rendering: every page of the site through its template, in parallel.

pub mod api;
pub mod format;
pub mod jsonld;
pub mod search;
pub mod syndication;
pub mod theme;
pub mod views;

use crate::formats::markdown::{self, LinkRewriter, TocEntry};
use crate::model::content::{Access, ContentType, Data};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::{DocId, Site};
use crate::model::slug::Slug;
use crate::model::state::{self, HearingState};
use crate::model::urls::{self, LinkStyle};
use crate::outputs::theme::{Theme, render_error_message};
use chrono::Datelike;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use views::{Builder, DocView, Link};

/// One file of the finished site.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Site-relative path with `/` separators, e.g. `planer/x/index.html`.
    pub path: String,
    pub data: OutData,
}

#[derive(Debug, Clone)]
pub enum OutData {
    Bytes(Vec<u8>),
    Copy(std::path::PathBuf),
    Static(&'static [u8]),
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub style: LinkStyle,
}

/// Which pages to render. A full build renders everything; the preview server renders
/// only the pages a change can affect.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Only these documents' own pages (all other pages are still rendered).
    pub docs: Option<std::collections::BTreeSet<DocId>>,
    /// Only pages made with these templates.
    pub templates: Option<std::collections::BTreeSet<String>>,
}

impl Scope {
    pub fn all() -> Scope {
        Scope::default()
    }

    fn includes(&self, job: &Job) -> bool {
        let doc_ok = match (&self.docs, job.doc) {
            (Some(set), Some(id)) => set.contains(&id),
            _ => true,
        };
        let template_ok = match &self.templates {
            Some(set) => set.contains(job.template),
            None => true,
        };
        doc_ok && template_ok
    }

    pub fn includes_doc(&self, id: DocId) -> bool {
        self.docs.as_ref().is_none_or(|s| s.contains(&id))
    }
}

/// One page to render: its folder path, template and page-specific context.
struct Job {
    path: String,
    template: &'static str,
    title: String,
    description: Option<String>,
    ctx: Value,
    doc: Option<DocId>,
}

struct Rel<'a> {
    from: &'a str,
    style: LinkStyle,
    site: &'a Site,
}

impl LinkRewriter for Rel<'_> {
    fn internal(&self, site_path: &str) -> String {
        urls::relative(self.from, site_path, self.style)
    }
    fn hidden(&self, dest: &str) -> bool {
        crate::model::links::hidden_target(self.site, self.from, dest).is_some()
    }
}

#[derive(Serialize)]
struct MeetingGroup {
    body: String,
    body_path: String,
    date: crate::outputs::format::DateView,
    path: String,
    items: Vec<MeetingItem>,
}

#[derive(Serialize, Clone)]
struct MeetingItem {
    item: u32,
    link: Link,
    closed: bool,
    outcomes: Vec<String>,
}

#[derive(Serialize)]
struct Facet {
    label: String,
    path: String,
    count: usize,
}

pub fn render_site(
    site: &Site,
    theme: &Theme,
    opts: RenderOptions,
    events: &[crate::model::events::SiteEvent],
    scope: &Scope,
) -> Result<Vec<OutFile>, Vec<Diagnostic>> {
    let lang = site.config.language;
    let b = Builder {
        site,
        theme,
        lang,
        style: opts.style,
        today: site.now.date_naive(),
    };
    let phase_views = crate::build::timings::phase("views");
    let docs: Vec<DocView> = (0..site.docs.len())
        .into_par_iter()
        .map(|id| b.doc(id))
        .collect();
    let mut jobs: Vec<Job> = Vec::new();

    // Documents.
    for (id, d) in site.docs.iter().enumerate() {
        let path = urls::doc_path(d);
        let template = match d.kind() {
            ContentType::Plan => "plan.html",
            ContentType::Hearing => "hearing.html",
            ContentType::Decision => "decision.html",
            ContentType::Page => "page.html",
        };
        let closed = matches!(&d.data, Data::Decision(x) if x.access == Access::Closed);
        jobs.push(Job {
            path,
            template,
            title: d.title.clone(),
            description: if closed { None } else { d.summary.clone() },
            ctx: json!({ "doc": docs[id] }),
            doc: Some(id),
        });
    }

    let plans: Vec<DocId> = sorted_by_title(site, ContentType::Plan);
    let hearings: Vec<DocId> = site.of_kind(ContentType::Hearing).map(|(i, _)| i).collect();
    let decisions: Vec<DocId> = site
        .of_kind(ContentType::Decision)
        .map(|(i, _)| i)
        .collect();
    let t = |k: &str| theme.t(k);

    // Plans: the index, and one page per area and per status so filtering works without JS.
    let mut areas: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
    let mut statuses: BTreeMap<&'static str, Vec<DocId>> = BTreeMap::new();
    for &id in &plans {
        if let Some(a) = &site.docs[id].area {
            areas.entry(a.clone()).or_default().push(id);
        }
        if let Data::Plan(p) = &site.docs[id].data
            && let Some(s) = p.status
        {
            statuses.entry(s.as_str()).or_default().push(id);
        }
    }
    let area_facets: Vec<Facet> = areas
        .iter()
        .filter_map(|(a, ids)| {
            Slug::from_text(a).ok().map(|s| Facet {
                label: a.clone(),
                path: b.path(&urls::plans_area_path(&s)),
                count: ids.len(),
            })
        })
        .collect();
    let status_facets: Vec<Facet> = crate::model::content::PlanStatus::ALL
        .iter()
        .filter_map(|s| {
            statuses.get(s.as_str()).map(|ids| Facet {
                label: t(&format!("status.{}", s.as_str())),
                path: b.path(&urls::plans_status_path(s.as_str())),
                count: ids.len(),
            })
        })
        .collect();
    drop(phase_views);
    let cards: Vec<views::Card> = docs.iter().map(views::Card::of).collect();
    let plan_list =
        |ids: &[DocId]| -> Vec<&views::Card> { ids.iter().map(|&i| &cards[i]).collect() };
    jobs.push(Job {
        path: urls::PLANS.into(),
        template: "plans.html",
        title: t("plans.title"),
        description: Some(t("plans.description")),
        ctx: json!({ "plans": plan_list(&plans), "areas": area_facets, "statuses": status_facets, "filter": null }),
        doc: None,
    });
    for (area, ids) in &areas {
        if let Ok(s) = Slug::from_text(area) {
            jobs.push(Job {
                path: urls::plans_area_path(&s),
                template: "plans.html",
                title: format!("{} – {area}", t("plans.title")),
                description: None,
                ctx: json!({ "plans": plan_list(ids), "areas": area_facets, "statuses": status_facets, "filter": { "kind": "area", "label": area } }),
                doc: None,
            });
        }
    }
    for (status, ids) in &statuses {
        let label = t(&format!("status.{status}"));
        jobs.push(Job {
            path: urls::plans_status_path(status),
            template: "plans.html",
            title: format!("{} – {label}", t("plans.title")),
            description: None,
            ctx: json!({ "plans": plan_list(ids), "areas": area_facets, "statuses": status_facets, "filter": { "kind": "status", "label": label } }),
            doc: None,
        });
    }

    // Hearings: open (soonest deadline first), upcoming, then closed by year.
    let (open, upcoming, closed_by_year) = hearing_groups(site, &hearings);
    let hv = |ids: &[DocId]| -> Vec<&views::Card> { ids.iter().map(|&i| &cards[i]).collect() };
    let closed_groups: Vec<Value> = closed_by_year
        .iter()
        .rev()
        .map(|(y, ids)| json!({ "year": y, "hearings": hv(ids) }))
        .collect();
    jobs.push(Job {
        path: urls::HEARINGS.into(),
        template: "hearings.html",
        title: t("hearings.title"),
        description: Some(t("hearings.description")),
        ctx: json!({ "open": hv(&open), "upcoming": hv(&upcoming), "closed_years": closed_groups }),
        doc: None,
    });

    // Decisions: archive, per body, per year, per meeting.
    let meetings = meeting_groups(site, &b, &decisions);
    let mut bodies: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (mi, (key, _)) in meetings.iter().enumerate() {
        bodies
            .entry(key.1.clone())
            .or_insert_with(|| (key.2.clone(), Vec::new()))
            .1
            .push(mi);
        years.entry(key.0.year()).or_default().push(mi);
    }
    let meeting_values: Vec<&MeetingGroup> = meetings.iter().map(|(_, g)| g).collect();
    let pick = |ids: &[usize]| -> Vec<&MeetingGroup> {
        // Newest first.
        let mut v: Vec<&MeetingGroup> = ids.iter().map(|&i| meeting_values[i]).collect();
        v.reverse();
        v
    };
    let body_facets: Vec<Facet> = bodies
        .iter()
        .map(|(slug, (name, ids))| Facet {
            label: name.clone(),
            path: b.path(&format!("{}{slug}/", urls::DECISIONS)),
            count: ids.iter().map(|&i| meeting_values[i].items.len()).sum(),
        })
        .collect();
    let year_facets: Vec<Facet> = years
        .iter()
        .rev()
        .map(|(y, ids)| Facet {
            label: y.to_string(),
            path: b.path(&urls::decisions_year_path(*y)),
            count: ids.iter().map(|&i| meeting_values[i].items.len()).sum(),
        })
        .collect();
    let all_meetings: Vec<usize> = (0..meetings.len()).collect();
    jobs.push(Job {
        path: urls::DECISIONS.into(),
        template: "decisions.html",
        title: t("decisions.title"),
        description: Some(t("decisions.description")),
        ctx: json!({ "meetings": pick(&all_meetings), "bodies": body_facets, "years": year_facets, "filter": null }),
        doc: None,
    });
    for (slug, (name, ids)) in &bodies {
        jobs.push(Job {
            path: format!("{}{slug}/", urls::DECISIONS),
            template: "decisions.html",
            title: format!("{} – {name}", t("decisions.title")),
            description: None,
            ctx: json!({ "meetings": pick(ids), "bodies": body_facets, "years": year_facets, "filter": { "kind": "body", "label": name } }),
            doc: None,
        });
    }
    for (y, ids) in &years {
        jobs.push(Job {
            path: urls::decisions_year_path(*y),
            template: "decisions.html",
            title: format!("{} {y}", t("decisions.title")),
            description: None,
            ctx: json!({ "meetings": pick(ids), "bodies": body_facets, "years": year_facets, "filter": { "kind": "year", "label": y.to_string() } }),
            doc: None,
        });
    }
    for (_, g) in &meetings {
        jobs.push(Job {
            path: g.path.trim_end_matches("index.html").to_string(),
            template: "meeting.html",
            title: format!("{} {}", g.body, g.date.display),
            description: None,
            ctx: json!({ "meeting": g }),
            doc: None,
        });
    }

    // Calendar: what is coming across the site, soonest first; the past by month.
    let (coming, past) = calendar_groups(site, &b, events);
    jobs.push(Job {
        path: "kalender/".into(),
        template: "calendar.html",
        title: t("calendar.title"),
        description: Some(t("calendar.description")),
        ctx: json!({ "upcoming": coming, "past_months": past }),
        doc: None,
    });

    // Search: the page works with the index script; without JavaScript it links to
    // the index pages.
    jobs.push(Job {
        path: crate::outputs::search::PAGE.into(),
        template: "search.html",
        title: t("search.title"),
        description: Some(t("search.description")),
        ctx: json!({ "index_script": crate::outputs::search::INDEX_FILE }),
        doc: None,
    });

    // Home: the most recently closed hearings only; the hearing index has them all.
    let recent_closed: Vec<Value> = closed_by_year
        .iter()
        .rev()
        .scan(HOME_CLOSED, |left, (y, ids)| {
            (*left > 0).then(|| {
                let take = ids.len().min(*left);
                *left -= take;
                json!({ "year": y, "hearings": hv(&ids[..take]) })
            })
        })
        .collect();

    // Home.
    let milestones = upcoming_milestones(site, &docs, 8);
    let latest: Vec<&MeetingGroup> = meeting_values.iter().rev().take(3).copied().collect();
    jobs.push(Job {
        path: String::new(),
        template: "home.html",
        title: site.config.title.clone(),
        description: site.config.description.clone(),
        ctx: json!({ "open": hv(&open), "upcoming": hv(&upcoming), "closed_years": recent_closed, "milestones": milestones, "latest_meetings": latest, "plan_count": plans.len() }),
        doc: None,
    });

    let base = base_context(site, &b);
    jobs.retain(|j| scope.includes(j));
    let phase_templates = crate::build::timings::phase("templates");
    let results: Vec<Result<Rendered, Diagnostic>> = jobs
        .into_par_iter()
        .map(|job| render_job(site, theme, &b, &base, job, opts))
        .collect();
    drop(phase_templates);
    let _t = crate::build::timings::phase("search index");
    let mut out = Vec::with_capacity(results.len() + 64);
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(f) => out.push(f),
            Err(d) => diags.push(d),
        }
    }
    out.push(crate::outputs::search::index_file(site, &docs));
    // The 404 page is served from anywhere, so its links must work from the root.
    match render_page(
        theme,
        &base,
        "404.html",
        "404.html",
        &t("notfound.title"),
        None,
        json!({}),
        None,
        opts,
    ) {
        Ok(html) => out.push(OutFile {
            path: "404.html".into(),
            data: OutData::Bytes(html.into_bytes()),
        }),
        Err(d) => diags.push(d),
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(out)
}

type Rendered = OutFile;

fn render_job(
    site: &Site,
    theme: &Theme,
    b: &Builder,
    base: &Value,
    job: Job,
    opts: RenderOptions,
) -> Result<Rendered, Diagnostic> {
    let mut ctx = job.ctx;
    if let Some(id) = job.doc {
        let d = &site.docs[id];
        let closed = matches!(&d.data, Data::Decision(x) if x.access == Access::Closed);
        // A closed item publishes nothing but its title and meeting: its text is never
        // even rendered.
        let (html, toc): (String, Vec<TocEntry>) = if closed {
            (String::new(), Vec::new())
        } else {
            let r = markdown::render(
                &d.body,
                &Rel {
                    from: &job.path,
                    style: b.style,
                    site,
                },
            );
            let _ = d.plain.set(r.plain);
            (r.html, r.toc)
        };
        ctx["content"] = Value::String(html);
        ctx["toc"] = serde_json::to_value(toc).unwrap_or(Value::Null);
        if let Some(ld) = crate::outputs::jsonld::for_document(site, id) {
            ctx["jsonld"] = Value::String(ld);
        }
    } else if job.template == "home.html" {
        ctx["jsonld"] = Value::String(crate::outputs::jsonld::for_site(site));
    }
    let file = format!("{}index.html", job.path);
    let html = render_page(
        theme,
        base,
        job.template,
        &job.path,
        &job.title,
        job.description.as_deref(),
        ctx,
        job.doc.map(|id| site.docs[id].file.as_str()),
        opts,
    )?;
    Ok(OutFile {
        path: file,
        data: OutData::Bytes(html.into_bytes()),
    })
}

#[allow(clippy::too_many_arguments)]
fn render_page(
    theme: &Theme,
    base: &Value,
    template: &str,
    path: &str,
    title: &str,
    description: Option<&str>,
    ctx: Value,
    source: Option<&str>,
    opts: RenderOptions,
) -> Result<String, Diagnostic> {
    // The page's own values are moved in, not copied: listings can be large.
    let mut merged = base.clone();
    if let (Value::Object(dst), Value::Object(src)) = (&mut merged, ctx) {
        dst.extend(src);
    }
    let mut c = tera::Context::from_value(merged).expect("base context is an object");
    // 404.html sits at the root but a server shows it at any depth, so its links start
    // from the site's base path; opened from disk (offline style) it is at the root.
    let root = if path == "404.html" && opts.style == LinkStyle::ExplicitIndex {
        "./".to_string()
    } else if path == "404.html" {
        base["site"]["base_path"]
            .as_str()
            .unwrap_or("/")
            .to_string()
    } else {
        urls::relative(path, "", LinkStyle::Pretty)
    };
    c.insert("root", &root);
    c.insert("page_path", path);
    c.insert("page_title", title);
    c.insert("page_description", &description);
    c.insert(
        "index_suffix",
        if opts.style == LinkStyle::ExplicitIndex {
            "index.html"
        } else {
            ""
        },
    );
    let canonical = format!(
        "{}{}",
        base["site"]["base_url"].as_str().unwrap_or(""),
        if path == "404.html" { "" } else { path }
    );
    c.insert("canonical", &canonical);
    theme.tera.render(template, &c).map_err(|e| {
        Diagnostic::error(
            source.unwrap_or(template),
            format!(
                "the page could not be rendered with the template `{template}`: {}",
                render_error_message(&e)
            ),
        )
    })
}

fn base_context(site: &Site, b: &Builder) -> Value {
    let cfg = &site.config;
    let base_path = cfg
        .base_url
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    let accessibility = site.accessibility_page.map(|id| b.link(id));
    let mut menu: Vec<(u32, Link)> = site
        .docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.data {
            Data::Page(p) => p.menu.map(|m| (m, b.link(i))),
            _ => None,
        })
        .collect();
    menu.sort_by(|a, c| (a.0, &a.1.title).cmp(&(c.0, &c.1.title)));
    json!({
        "lang": cfg.language.code(),
        "t": b.theme.strings,
        "site": {
            "title": cfg.title,
            "description": cfg.description,
            "organisation": cfg.organisation,
            "contact": cfg.contact,
            "base_url": cfg.base_url,
            "base_path": base_path,
        },
        "nav": [
            { "path": b.path(urls::PLANS), "label": b.theme.t("nav.plans"), "section": "planer" },
            { "path": b.path(urls::HEARINGS), "label": b.theme.t("nav.hearings"), "section": "hoeringer" },
            { "path": b.path(urls::DECISIONS), "label": b.theme.t("nav.decisions"), "section": "beslutninger" },
            { "path": b.path("kalender/"), "label": b.theme.t("nav.calendar"), "section": "kalender" },
            { "path": b.path(crate::outputs::search::PAGE), "label": b.theme.t("nav.search"), "section": "soeg" },
        ],
        "menu": menu.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
        "feeds": [
            { "path": crate::outputs::syndication::FEED_ALL, "title": b.theme.t("feeds.all") },
            { "path": crate::outputs::syndication::FEED_HEARINGS, "title": b.theme.t("feeds.hearings") },
            { "path": crate::outputs::syndication::FEED_DECISIONS, "title": b.theme.t("feeds.decisions") },
            { "path": crate::outputs::syndication::FEED_PLANS, "title": b.theme.t("feeds.plans") },
        ],
        "site_calendar": crate::outputs::syndication::SITE_CALENDAR,
        "accessibility": accessibility,
        "now": {
            "iso": site.now.to_rfc3339(),
            "date": site.now.date_naive().to_string(),
            "display": crate::outputs::format::moment_display(&site.now, cfg.language),
        },
        "generator": format!("planpub {}", env!("CARGO_PKG_VERSION")),
    })
}

fn sorted_by_title(site: &Site, kind: ContentType) -> Vec<DocId> {
    let mut v: Vec<DocId> = site.of_kind(kind).map(|(i, _)| i).collect();
    v.sort_by(|&a, &b| {
        site.docs[a]
            .title
            .to_lowercase()
            .cmp(&site.docs[b].title.to_lowercase())
            .then(a.cmp(&b))
    });
    v
}

type HearingGroups = (Vec<DocId>, Vec<DocId>, BTreeMap<i32, Vec<DocId>>);

/// Open hearings by deadline, upcoming by opening, closed by year (newest first within).
pub(crate) fn hearing_groups(site: &Site, hearings: &[DocId]) -> HearingGroups {
    let tz = site.now.timezone();
    let mut open = Vec::new();
    let mut upcoming = Vec::new();
    let mut closed: BTreeMap<i32, Vec<DocId>> = BTreeMap::new();
    for &id in hearings {
        let Data::Hearing(h) = &site.docs[id].data else {
            continue;
        };
        match state::hearing_state(h, &site.now) {
            HearingState::Open => open.push(id),
            HearingState::Upcoming => upcoming.push(id),
            HearingState::Closed => {
                let y = state::deadline(h, &tz)
                    .map(|d| chrono::Datelike::year(&d))
                    .unwrap_or(0);
                closed.entry(y).or_default().push(id);
            }
        }
    }
    let key = |id: &DocId,
               f: fn(
        &crate::model::content::Hearing,
        &chrono_tz::Tz,
    ) -> Option<chrono::DateTime<chrono_tz::Tz>>| {
        let Data::Hearing(h) = &site.docs[*id].data else {
            unreachable!()
        };
        (f(h, &tz), *id)
    };
    open.sort_by_key(|id| key(id, state::deadline));
    upcoming.sort_by_key(|id| key(id, state::opening));
    for v in closed.values_mut() {
        v.sort_by_key(|id| std::cmp::Reverse(key(id, state::deadline)));
    }
    (open, upcoming, closed)
}

type MeetingKey = (chrono::NaiveDate, String, String);

/// Decisions grouped by meeting (date, body), oldest first; items in agenda order.
fn meeting_groups(
    site: &Site,
    b: &Builder,
    decisions: &[DocId],
) -> Vec<(MeetingKey, MeetingGroup)> {
    let mut groups: BTreeMap<MeetingKey, MeetingGroup> = BTreeMap::new();
    for &id in decisions {
        let Data::Decision(x) = &site.docs[id].data else {
            continue;
        };
        let Some(day) = x.meeting.start() else {
            continue;
        };
        let key = (day, x.body_slug.to_string(), x.body.clone());
        let g = groups.entry(key).or_insert_with(|| MeetingGroup {
            body: x.body.clone(),
            body_path: b.path(&urls::body_path(&x.body_slug)),
            date: crate::outputs::format::date_view(&x.meeting, site.config.language),
            path: b.path(&urls::meeting_path(&x.body_slug, x)),
            items: Vec::new(),
        });
        let closed = x.access == Access::Closed;
        g.items.push(MeetingItem {
            item: x.item,
            link: b.link(id),
            closed,
            outcomes: if closed {
                Vec::new()
            } else {
                x.recommendations
                    .iter()
                    .filter_map(|r| r.outcome)
                    .map(|o| b.theme.t(&format!("outcome.{}", o.as_str())))
                    .collect()
            },
        });
    }
    for g in groups.values_mut() {
        g.items.sort_by_key(|i| i.item);
    }
    groups.into_iter().collect()
}

/// Timeline rows across all plans that are happening now or coming, soonest first.
fn upcoming_milestones(site: &Site, docs: &[DocView], max: usize) -> Vec<Value> {
    let today = site.now.date_naive();
    let mut rows: Vec<(chrono::NaiveDate, usize, Value)> = Vec::new();
    for (id, d) in site.docs.iter().enumerate() {
        let Data::Plan(p) = &d.data else { continue };
        for (i, r) in p.timeline.iter().enumerate() {
            let Some(date) = r.when.date() else { continue };
            if state::entry_state(date, today) != state::EntryState::Upcoming {
                continue;
            }
            let Some(start) = date.start() else { continue };
            rows.push((
                start,
                id * 10_000 + i,
                json!({
                    "when": crate::outputs::format::date_view(date, site.config.language),
                    "what": r.what,
                    "plan": docs[id].link,
                }),
            ));
        }
    }
    rows.sort_by_key(|a| (a.0, a.1));
    rows.into_iter().take(max).map(|(_, _, v)| v).collect()
}

#[derive(Serialize)]
struct CalendarItem {
    when: crate::outputs::format::DateView,
    title: String,
    kind: &'static str,
    doc: Link,
    state: &'static str,
}

#[derive(Serialize)]
struct CalendarMonth {
    label: String,
    items: Vec<CalendarItem>,
}

/// How many closed hearings the home page shows.
const HOME_CLOSED: usize = 6;
/// The calendar page shows at most this many coming events and this many months back;
/// the iCalendar files hold everything.
const CALENDAR_UPCOMING: usize = 300;
const CALENDAR_PAST_MONTHS: usize = 6;

/// Upcoming and current events soonest first; past events grouped by month, newest first.
fn calendar_groups(
    site: &Site,
    b: &Builder,
    events: &[crate::model::events::SiteEvent],
) -> (Vec<CalendarItem>, Vec<CalendarMonth>) {
    let today = site.now.date_naive();
    let lang = site.config.language;
    let mut upcoming = Vec::new();
    let mut past: BTreeMap<(i32, u32), Vec<CalendarItem>> = BTreeMap::new();
    for e in events {
        let closed =
            matches!(&site.docs[e.doc].data, Data::Decision(x) if x.access == Access::Closed);
        let item = CalendarItem {
            when: crate::outputs::format::date_view(&e.date, lang),
            title: if closed {
                site.docs[e.doc].title.clone()
            } else {
                e.title.clone()
            },
            kind: e.kind.as_str(),
            doc: b.link(e.doc),
            state: if e.when.last_day() < today {
                "done"
            } else if e.when.first_day() > today {
                "upcoming"
            } else {
                "now"
            },
        };
        if e.when.last_day() >= today {
            upcoming.push(item);
        } else {
            let d = e.when.first_day();
            past.entry((d.year(), d.month())).or_default().push(item);
        }
    }
    upcoming.truncate(CALENDAR_UPCOMING);
    let months = past
        .into_iter()
        .rev()
        .take(CALENDAR_PAST_MONTHS)
        .map(|((y, m), items)| {
            let first = chrono::NaiveDate::from_ymd_opt(y, m, 1).expect("valid month");
            let label = crate::model::dates::FuzzyDate::parse(
                &first.format("%Y-%m").to_string(),
                &crate::model::dates::ParseContext {
                    conventions: &Default::default(),
                    default_year: None,
                },
            )
            .map(|d| d.display(lang.date_lang()))
            .unwrap_or_else(|_| first.format("%Y-%m").to_string());
            CalendarMonth { label, items }
        })
        .collect();
    (upcoming, months)
}
