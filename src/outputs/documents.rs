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
}

impl LinkRewriter for Relative<'_> {
    fn internal(&self, site_path: &str) -> String {
        urls::relative(self.from, site_path, self.style)
    }
}

fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let id = job.args.docs[0];
    let d = r.doc(id);
    let path = urls::doc_path(d);
    let closed = d.is_closed();
    // A closed item publishes nothing but its title and meeting: its text is never
    // even rendered.
    let (html, toc): (String, Vec<TocEntry>) = if closed {
        (String::new(), Vec::new())
    } else {
        let m = markdown::render(
            &d.body,
            &Relative {
                from: &path,
                style: r.style(),
            },
        );
        let _ = d.plain.set(m.plain);
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
            path: &path,
            title: &d.title,
            description: if closed { None } else { d.summary.as_deref() },
            source: Some(&d.file),
        },
        ctx,
    )
}
