//! The page that lists every way to follow the site: the Atom feeds, the calendar and
//! the open data. The footer links here once, instead of to each feed.

use crate::model::diagnostics::Diagnostic;
use crate::outputs::page::{self, Page};
use crate::outputs::reader::Reader;
use crate::outputs::{Args, Job, Listing, Output};

/// The page's folder: beside the feeds it lists.
pub const PAGE: &str = "feeds/";

pub fn jobs(_: &Listing, jobs: &mut Vec<Job>) {
    jobs.push(Job::new(format!("{PAGE}index.html"), render, Args::none()));
}

fn render(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    page::render(
        r,
        &Page {
            template: "feeds.html",
            path: PAGE,
            title: &r.t("follow.title"),
            description: Some(&r.t("follow.description")),
            source: None,
        },
        tera::Context::new(),
    )
}
