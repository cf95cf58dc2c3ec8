//! Archival snapshots: the built site as a BagIt bag (RFC 8493) for preservation and a
//! WARC file (ISO 28500) for web archives, both reproducible for a given build moment.

use crate::build::{self, BuildOptions};
use crate::formats::archive::{self, BagInfo};
use crate::messages::{Key, io_reason};
use crate::model::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::urls::LinkStyle;
use std::path::{Path, PathBuf};

pub struct SnapshotReport {
    pub bag_dir: PathBuf,
    pub warc_path: PathBuf,
    pub files: usize,
    pub bytes: u64,
    pub warnings: Diagnostics,
}

fn fail(file: &Path, key: Key) -> Diagnostics {
    let mut d = Diagnostics::new();
    d.push(Diagnostic::keyed(
        Severity::Error,
        file.display().to_string(),
        key,
    ));
    d
}

/// A name for the snapshot made of the site's host and the build day, e.g.
/// `planer.example.dk-2024-03-01`.
pub fn snapshot_name(base_url: &str, day: chrono::NaiveDate) -> String {
    let host: String = base_url
        .split('/')
        .nth(2)
        .unwrap_or("site")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{host}-{day}")
}

/// Builds the site and writes `<out>/<name>/` (the bag) and `<out>/<name>.warc`.
///
/// The bag holds the site with links ending in `index.html`, so it opens from
/// `file://`; the WARC holds the site as served, at its public URLs.
pub fn snapshot(opts: &BuildOptions, out: &Path) -> Result<SnapshotReport, Diagnostics> {
    if opts.drafts {
        return Err(fail(out, Key::new("snapshot-no-drafts")));
    }
    crate::build::writer::check_overlap(&opts.root, out).map_err(|e| fail(out, e.key()))?;
    let loaded = build::load(opts)?;
    let ledger_update = build::ledger_gate(opts, &loaded)?;
    let site = &loaded.site;
    let name = snapshot_name(&site.config.base_url, site.now.date_naive());
    let bag_dir = out.join(&name);
    let warc_path = out.join(format!("{name}.warc"));
    for p in [&bag_dir, &warc_path] {
        if p.exists() {
            return Err(fail(p, Key::new("snapshot-exists")));
        }
    }
    std::fs::create_dir_all(out).map_err(|e| {
        fail(
            out,
            Key::new("snapshot-folder").sub("reason", io_reason(&e)),
        )
    })?;
    let work = tempfile::Builder::new()
        .prefix(".planpub-snapshot-")
        .tempdir_in(out)
        .map_err(|e| {
            fail(
                out,
                Key::new("snapshot-work-folder").sub("reason", io_reason(&e)),
            )
        })?;

    let write = |style: LinkStyle, dir: &Path| -> Result<usize, Diagnostics> {
        // The folder is new, so the site root is a stand-in that cannot overlap it.
        let (_, stats) = build::render_into(&loaded, work.path(), dir, style)?;
        // The marker only tells planpub the folder is its own; archives do not need it.
        let _ = std::fs::remove_file(dir.join(crate::build::writer::MARKER));
        Ok(stats.files)
    };
    let offline = work.path().join("offline");
    let served = work.path().join("served");
    let files = write(LinkStyle::ExplicitIndex, &offline)?;
    write(LinkStyle::Pretty, &served)?;

    let cfg = &site.config;
    let day = site.now.date_naive();
    let contact = cfg.contact.clone().unwrap_or_default();
    // bag-info values are single lines; an address written over several is joined.
    let one_line = |v: Option<String>| {
        v.map(|v| {
            v.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let info = BagInfo {
        source_organization: cfg
            .organisation
            .clone()
            .unwrap_or_else(|| cfg.title.clone()),
        organization_address: one_line(contact.address),
        contact_name: one_line(contact.name),
        contact_phone: one_line(contact.phone),
        contact_email: one_line(contact.email.map(|e| e.to_string())),
        external_identifier: format!(
            "planpub:{}:{}",
            cfg.base_url,
            crate::model::clock::timestamp(&site.now)
        ),
        base_url: cfg.base_url.clone(),
        bagging_date: day,
        extra: vec![
            (
                "Bag-Software-Agent".into(),
                format!("planpub {}", env!("CARGO_PKG_VERSION")),
            ),
            (
                "Planpub-Built-As-Of".into(),
                crate::model::clock::timestamp(&site.now),
            ),
        ],
    };
    let bag = archive::write_bag(&offline, &bag_dir, &info).map_err(|e| fail(&bag_dir, e.key()))?;
    archive::write_warc(
        &served,
        &warc_path,
        &cfg.base_url,
        site.now.with_timezone(&chrono::Utc),
        &format!("planpub {}", env!("CARGO_PKG_VERSION")),
    )
    .map_err(|e| fail(&warc_path, e.key()))?;
    build::save_ledger(opts, ledger_update)?;
    Ok(SnapshotReport {
        bag_dir,
        warc_path,
        files,
        bytes: bag.payload_bytes,
        warnings: loaded.warnings,
    })
}
