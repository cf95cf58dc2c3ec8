//! The plan listings: all plans, and one listing per area and per status, so that
//! filtering works without JavaScript.

use crate::model::content::{ContentType, PlanStatus};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::{DocId, Site};
use crate::model::slug::Slug;
use crate::model::urls;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::{Builder, Card};
use crate::outputs::{Args, Job, Listing, Output, paginate};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// A filter link beside a listing, with how many items it leads to.
#[derive(Serialize)]
pub struct Facet {
    pub label: String,
    pub path: String,
    pub count: usize,
}

/// Plans by title, the way a reader scans a list.
pub fn sorted_by_title(site: &Site, kind: ContentType) -> Vec<DocId> {
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

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let site = l.site;
    let t = |k: &str| l.theme.t(k);
    let path = |p: &str| l.style.folder(p);
    let plans = sorted_by_title(site, ContentType::Plan);
    let mut areas: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
    let mut statuses: BTreeMap<&'static str, Vec<DocId>> = BTreeMap::new();
    for &id in &plans {
        if let Some(a) = &site.docs[id].area {
            areas.entry(a.clone()).or_default().push(id);
        }
        if let Some(s) = site.plan_status(id) {
            statuses.entry(s.as_str()).or_default().push(id);
        }
    }
    let area_facets: Vec<Facet> = areas
        .iter()
        .filter_map(|(a, ids)| {
            Slug::from_text(a).ok().map(|s| Facet {
                label: a.clone(),
                path: path(&urls::plans_area_path(&s)),
                count: ids.len(),
            })
        })
        .collect();
    let status_facets: Vec<Facet> = PlanStatus::ALL
        .iter()
        .filter_map(|s| {
            statuses.get(s.as_str()).map(|ids| Facet {
                label: t(&format!("status.{}", s.as_str())),
                path: path(&urls::plans_status_path(s.as_str())),
                count: ids.len(),
            })
        })
        .collect();
    let mut listing = |folder: String, ids: Vec<DocId>, filter: Option<(&str, String)>| {
        let filter = filter.map(|(kind, label)| json!({ "kind": kind, "label": label }));
        let pages = paginate::split(&ids, paginate::PAGE_SIZE);
        for (i, page) in pages.iter().enumerate() {
            let data = json!({
                "areas": area_facets,
                "statuses": status_facets,
                "filter": filter,
                "count": ids.len(),
                "page": paginate::args(&folder, i + 1, pages.len()),
            });
            jobs.push(Job::new(
                format!("{}index.html", paginate::page_folder(&folder, i + 1)),
                render,
                Args::docs(page.to_vec()).with(data),
            ));
        }
    };
    listing(urls::PLANS.into(), plans.clone(), None);
    for (area, ids) in areas {
        if let Ok(s) = Slug::from_text(&area) {
            listing(urls::plans_area_path(&s), ids, Some(("area", area)));
        }
    }
    let mut moved = Vec::new();
    for (status, ids) in statuses {
        let label = t(&format!("status.{status}"));
        listing(
            urls::plans_status_path(status),
            ids,
            Some(("status", label.clone())),
        );
        // Links and bookmarks to the old English address still arrive.
        let data = json!({ "to": urls::plans_status_path(status), "label": label });
        moved.push(Job::new(
            format!("{}index.html", urls::plans_status_old_path(status)),
            render_moved,
            Args::none().with(data),
        ));
    }
    jobs.extend(moved);
}

/// A page at an old address that sends the reader to the new one, also without
/// JavaScript (a zero-second refresh, and a link).
fn render_moved(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let a = &job.args;
    let to = a.text("to").unwrap_or_default();
    let title = format!(
        "{} – {}",
        r.t("plans.title"),
        a.text("label").unwrap_or_default()
    );
    let mut ctx = tera::Context::new();
    ctx.insert("to", &r.style().folder(to));
    ctx.insert("to_title", &title);
    page::render(
        r,
        &Page {
            template: "moved.html",
            path: job.folder(),
            title: &r.t("moved.title"),
            description: None,
            source: None,
        },
        ctx,
    )
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let a = &job.args;
    let b = Builder::new(r);
    let cards: Vec<Card> = a.docs.iter().map(|&id| b.card(id)).collect();
    let filter = &a.data["filter"];
    let title = match filter["label"].as_str() {
        Some(label) => format!("{} – {label}", r.t("plans.title")),
        None => r.t("plans.title"),
    };
    let pagination = paginate::view(&a.data["page"], |p| b.path(p));
    let title = paginate::title(r, title, &a.data["page"]);
    let description = filter.is_null().then(|| r.t("plans.description"));
    let mut ctx = tera::Context::new();
    ctx.insert("plans", &cards);
    ctx.insert("count", &a.data["count"]);
    ctx.insert("pagination", &pagination);
    ctx.insert("areas", &a.data["areas"]);
    ctx.insert("statuses", &a.data["statuses"]);
    ctx.insert("filter", filter);
    page::render(
        r,
        &Page {
            template: "plans.html",
            path: job.folder(),
            title: &title,
            description: description.as_deref(),
            source: None,
        },
        ctx,
    )
}
