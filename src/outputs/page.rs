//! HTML pages: a template, the context every page shares, and the page's own values.

use crate::model::content::Data;
use crate::model::diagnostics::Diagnostic;
use crate::model::site::Site;
use crate::model::urls::{self, LinkStyle};
use crate::outputs::reader::{Reader, Shared};
use crate::outputs::theme::{Theme, render_error_message};
use crate::outputs::views::{Builder, Link};
use crate::outputs::{Output, feeds, search};
use serde_json::{Value, json};

/// One page to render.
pub struct Page<'a> {
    pub template: &'static str,
    /// The page's folder, site-relative (`planer/x/`; empty for the home page), or
    /// `404.html` for the page a server shows at any depth.
    pub path: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// The content file the page is made from, for error messages.
    pub source: Option<&'a str>,
}

impl Page<'_> {
    /// The file the page is written to.
    pub fn file(&self) -> String {
        if self.path.ends_with(".html") {
            self.path.to_string()
        } else {
            format!("{}index.html", self.path)
        }
    }
}

/// Renders `page` with the shared context and the page's own values in `ctx`.
///
/// The shared context is large (every translation is in it), so it is not copied for
/// each page: each thread keeps one copy, adds the page's values, renders, and takes
/// them out again.
pub fn render(r: &Reader, page: &Page, ctx: tera::Context) -> Result<Output, Diagnostic> {
    let base = r.base();
    let style = r.style();
    let mut slot = r.page_context();
    let c = slot.get_or_insert_with(|| base.clone());
    let own = match ctx.into_json() {
        Value::Object(m) => m,
        _ => unreachable!("a context is an object"),
    };
    let keys: Vec<String> = own.keys().cloned().collect();
    c.extend(context(Value::Object(own)));
    let base_url = &r.config().base_url;
    let is_404 = page.path == "404.html";
    // 404.html sits at the root but a server shows it at any depth, so its links start
    // from the site's base path; opened from disk (offline style) it is at the root.
    let root = if is_404 && style == LinkStyle::ExplicitIndex {
        "./".to_string()
    } else if is_404 {
        base_path(base_url)
    } else {
        urls::relative(page.path, "", LinkStyle::Pretty)
    };
    c.insert("root", &root);
    c.insert("page_path", page.path);
    c.insert("page_title", page.title);
    c.insert("page_description", &page.description);
    c.insert(
        "index_suffix",
        if style == LinkStyle::ExplicitIndex {
            "index.html"
        } else {
            ""
        },
    );
    let canonical = format!("{base_url}{}", if is_404 { "" } else { page.path });
    c.insert("canonical", &canonical);
    let theme = r.theme();
    let html = theme.tera.render(page.template, c);
    for k in &keys {
        c.remove(k);
    }
    html.map(|html| Output::Bytes(html.into_bytes()))
        .map_err(|e| {
            let problem = crate::outputs::theme::tera_problem(&render_error_message(&e));
            let key = crate::messages::Key::new("page-not-rendered")
                .arg("name", page.template)
                .sub("problem", problem.clone())
                .with_help(
                    problem
                        .help
                        .map_or(crate::messages::Key::new("template-help"), |h| *h),
                );
            Diagnostic::keyed(
                crate::model::diagnostics::Severity::Error,
                page.source.unwrap_or(page.template),
                key,
            )
        })
}

/// Turns a serialisable value (a JSON object) into a template context.
pub fn context(v: Value) -> tera::Context {
    tera::Context::from_value(v).expect("page values are a JSON object")
}

/// The translations as templates see them: each string under its key as written
/// (`t["nav.plans"]`) and also in nested form (`t.nav.plans`). Both read the same
/// string; the nested form is what the default theme uses, because Tera reads a
/// bracketed key by rewriting the whole expression as text on every use, which was
/// half of the time spent rendering pages. A key that is also the start of another
/// (`a` beside `a.b`) keeps only its bracketed form.
fn translations(strings: &std::collections::BTreeMap<String, String>) -> Value {
    let mut t = serde_json::Map::new();
    for (key, text) in strings {
        t.insert(key.clone(), Value::String(text.clone()));
    }
    let mut nested = serde_json::Map::new();
    for (key, text) in strings {
        insert_nested(&mut nested, key, text);
    }
    for (head, v) in nested {
        // A flat key without a dot is the same string in both forms.
        t.entry(head).or_insert(v);
    }
    Value::Object(t)
}

/// Puts `text` at the dotted path `key` of `map`, unless a string is already on the way.
fn insert_nested(map: &mut serde_json::Map<String, Value>, key: &str, text: &str) {
    match key.split_once('.') {
        None => {
            map.entry(key.to_string())
                .or_insert_with(|| Value::String(text.to_string()));
        }
        Some((head, rest)) => {
            let slot = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            if let Value::Object(inner) = slot {
                insert_nested(inner, rest, text);
            }
        }
    }
}

/// The path part of the base URL, `/` for a site at the root of its host.
fn base_path(base_url: &str) -> String {
    base_url
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into())
}

/// The context every page shares: the site, navigation, menu pages, feeds,
/// translations and the build moment.
pub fn base_context(site: &Site, theme: &Theme, style: LinkStyle) -> tera::Context {
    let cfg = &site.config;
    // Built once per build, outside any job: its content is what pages depend on.
    let none = Shared::default();
    let slot = crate::outputs::reader::PageSlot::default();
    let r = Reader::new(site, theme, &none, style, &slot);
    let b = Builder::new(&r);
    let accessibility = site.accessibility_page.map(|id| b.link(id));
    let privacy_link = match (site.privacy_page, &cfg.privacy.url) {
        (Some(id), _) => Some(json!({ "path": b.link(id).path, "external": false })),
        (None, Some(url)) => Some(json!({ "path": url.to_string(), "external": true })),
        (None, None) => None,
    };
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
    context(json!({
        "lang": cfg.language.code(),
        "t": translations(&theme.strings),
        "site": {
            "title": cfg.title,
            "description": cfg.description,
            "organisation": cfg.organisation,
            "contact": cfg.contact,
            "base_url": cfg.base_url,
            "base_path": base_path(&cfg.base_url),
        },
        "nav": [
            { "path": b.path(urls::PLANS), "label": theme.t("nav.plans"), "section": "planer" },
            { "path": b.path(urls::HEARINGS), "label": theme.t("nav.hearings"), "section": "hoeringer" },
            { "path": b.path(urls::DECISIONS), "label": theme.t("nav.decisions"), "section": "beslutninger" },
            { "path": b.path("kalender/"), "label": theme.t("nav.calendar"), "section": "kalender" },
            { "path": b.path(search::PAGE), "label": theme.t("nav.search"), "section": "soeg" },
        ],
        "menu": menu.into_iter().map(|(_, l)| l).collect::<Vec<_>>(),
        "feeds": [
            { "path": feeds::FEED_ALL, "title": theme.t("feeds.all"), "about": theme.t("follow.all") },
            { "path": feeds::FEED_HEARINGS, "title": theme.t("feeds.hearings"), "about": theme.t("follow.hearings") },
            { "path": feeds::FEED_DECISIONS, "title": theme.t("feeds.decisions"), "about": theme.t("follow.decisions") },
            { "path": feeds::FEED_PLANS, "title": theme.t("feeds.plans"), "about": theme.t("follow.plans") },
        ],
        "follow_page": b.path(crate::outputs::subscribe::PAGE),
        "site_calendar": crate::outputs::calendar::SITE_CALENDAR,
        "accessibility": accessibility,
        "privacy": {
            "text": cfg.privacy.text.clone().unwrap_or_else(|| theme.t("hearing.privacy_default")),
            "link": privacy_link,
        },
        "now": {
            "iso": crate::outputs::format::timestamp(&site.now),
            "date": site.now.date_naive().to_string(),
            "display": crate::outputs::format::moment_display(&site.now, cfg.language),
        },
        "generator": format!("planpub {}", env!("CARGO_PKG_VERSION")),
    }))
}
