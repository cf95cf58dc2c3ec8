//! `sitemap.xml` and `robots.txt`, for search engines.

use crate::formats::{self, SitemapUrl};
use crate::model::diagnostics::Diagnostic;
use crate::model::urls;
use crate::outputs::reader::Reader;
use crate::outputs::{Args, Job, Listing, Output, calendar, subscribe};

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let all = (0..l.site.docs.len()).collect();
    jobs.push(Job::new("sitemap.xml", render_sitemap, Args::docs(all)));
    jobs.push(Job::new("robots.txt", render_robots, Args::none()));
}

fn render_sitemap(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let base = &r.config().base_url;
    // Addresses and days alone: the sitemap is not made again when a text changes.
    let mut list: Vec<SitemapUrl> = job
        .args
        .docs
        .iter()
        .map(|&id| {
            let (path, lastmod) = r.address(id);
            SitemapUrl {
                loc: urls::absolute(base, path),
                lastmod,
            }
        })
        .collect();
    for p in [
        "",
        urls::PLANS,
        urls::HEARINGS,
        urls::DECISIONS,
        calendar::PAGE,
        subscribe::PAGE,
    ] {
        list.push(SitemapUrl {
            loc: urls::absolute(base, p),
            lastmod: None,
        });
    }
    Ok(Output::Bytes(formats::sitemap(&list).into_bytes()))
}

fn render_robots(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    let url = urls::absolute(&r.config().base_url, "sitemap.xml");
    Ok(Output::Bytes(formats::robots_txt(&url).into_bytes()))
}
