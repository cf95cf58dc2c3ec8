//! One page per document: plans, hearings, decisions and pages.

use crate::formats::markdown::{self, LinkRewriter, TocEntry};
use crate::model::content::ContentType;
use crate::model::diagnostics::Diagnostic;
use crate::model::urls::{self, LinkStyle};
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::views::Builder;
use crate::outputs::{Args, Job, Listing, Output, jsonld};

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    for (id, d) in l.site.docs.iter().enumerate() {
        jobs.push(Job::new(
            format!("{}index.html", urls::doc_path(d)),
            render,
            Args::doc(id),
        ));
    }
}

fn template(kind: ContentType) -> &'static str {
    match kind {
        ContentType::Plan => "plan.html",
        ContentType::Hearing => "hearing.html",
        ContentType::Decision => "decision.html",
        ContentType::Page => "page.html",
    }
}

struct Relative<'a> {
    from: &'a str,
    style: LinkStyle,
    reader: &'a Reader<'a>,
}

impl LinkRewriter for Relative<'_> {
    fn internal(&self, site_path: &str) -> String {
        urls::relative(self.from, site_path, self.style)
    }
    fn hidden(&self, dest: &str) -> bool {
        self.reader.link_hidden(self.from, dest)
    }
}

/// The body's text without markup, as the page shows it: links to pages that are not
/// public are left out there, so a body with links is read again against the site.
pub fn plain_text<'a>(r: &Reader<'a>, id: crate::model::site::DocId) -> std::borrow::Cow<'a, str> {
    let d = r.text(id);
    if d.body_links.is_empty() {
        return d.plain_text().into();
    }
    let path = urls::doc_path(d);
    markdown::render(
        &d.body,
        &Relative {
            from: path,
            style: r.style(),
            reader: r,
        },
    )
    .plain
    .into()
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let id = job.args.docs[0];
    let d = r.text(id);
    let path = urls::doc_path(d);
    let closed = d.is_closed();
    // A closed item publishes nothing but its title and meeting: its text is never
    // even rendered.
    let (html, toc): (String, Vec<TocEntry>) = if closed {
        (String::new(), Vec::new())
    } else if d.body_links.is_empty() {
        // Without links the text depends on the document alone: rendered once.
        d.rendered.page(&d.body)
    } else {
        let m = markdown::render(
            &d.body,
            &Relative {
                from: path,
                style: r.style(),
                reader: r,
            },
        );
        (m.html, m.toc)
    };
    let b = Builder::new(r);
    let mut ctx = tera::Context::new();
    ctx.insert("doc", &b.doc(id));
    ctx.insert("content", &html);
    ctx.insert("toc", &toc);
    if let Some(ld) = jsonld::for_document(r, id) {
        ctx.insert("jsonld", &ld);
    }
    page::render(
        r,
        &Page {
            template: template(d.kind()),
            path,
            title: &d.title,
            description: if closed { None } else { d.summary.as_deref() },
            source: Some(&d.file),
        },
        ctx,
    )
}
