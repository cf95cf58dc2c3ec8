//! Files published as they are: attachments beside their pages, the theme's and the
//! site's static assets; and the page a server shows for a missing address.

use crate::model::diagnostics::Diagnostic;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::theme::Asset;
use crate::outputs::views::attachment_output_path;
use crate::outputs::{Args, Job, Listing, Output};
use serde_json::json;

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    for (id, d) in l.site.docs.iter().enumerate() {
        if d.is_closed() {
            continue;
        }
        let with_outcome = match &d.data {
            crate::model::content::Data::Hearing(h) => {
                crate::model::state::outcome_public(h, &l.site.now)
            }
            _ => true,
        };
        for (k, a) in d.all_files(with_outcome).into_iter().enumerate() {
            if a.from_static {
                continue; // published with the rest of static/
            }
            jobs.push(Job::new(
                attachment_output_path(d, a),
                render_attachment,
                Args::doc(id).with(json!({ "file": k, "outcome": with_outcome })),
            ));
        }
    }
    for path in l.theme.assets.keys() {
        jobs.push(Job::new(path.clone(), render_asset, Args::none()));
    }
    jobs.push(Job::new("404.html", render_404, Args::none()));
}

fn render_attachment(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let d = r.doc(job.args.docs[0]);
    let k = job.args.num("file").unwrap_or(0) as usize;
    let with_outcome = job.args.data["outcome"].as_bool().unwrap_or(false);
    let a = d.all_files(with_outcome)[k];
    Ok(Output::Copy(a.source.clone()))
}

fn render_asset(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    Ok(match &r.theme().assets[&job.path] {
        Asset::Embedded(b) => Output::Static(b),
        Asset::File(p) => Output::Copy(p.clone()),
    })
}

/// The 404 page is served from anywhere, so its links work from the site's root.
fn render_404(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    page::render(
        r,
        &Page {
            template: "404.html",
            path: "404.html",
            title: &r.t("notfound.title"),
            description: None,
            source: None,
        },
        tera::Context::new(),
    )
}
