//! Writing WARC/1.1 files (ISO 28500:2017).

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::encode::{base32, url_path_encode, uuid_v8};
use super::site::site_files;
use super::{ArchiveError, WarcSummary, check_output_outside_site, normalize_base_url};
use crate::formats::mime::content_type;

/// Profile URI of a revisit record whose payload equals the referenced record's.
pub(crate) const REVISIT_PROFILE: &str =
    "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";

/// `sha256:` + padded upper-case base32, as warcio writes and checks.
fn warc_digest(digest: &[u8]) -> String {
    format!("sha256:{}", base32(digest))
}

/// Deterministic `<urn:uuid:…>` for a record.
fn record_id(rec_type: &str, uri: &str, date: &str, block_digest: &[u8]) -> String {
    let mut h = Sha256::new();
    for part in [
        b"planpub-warc-record".as_slice(),
        rec_type.as_bytes(),
        uri.as_bytes(),
        date.as_bytes(),
    ] {
        h.update(part);
        h.update([0u8]);
    }
    h.update(block_digest);
    format!("<urn:uuid:{}>", uuid_v8(&h.finalize()))
}

/// The HTTP response head used as the start of a `response` block and as the whole
/// block of a `revisit`.
fn http_head(content_type: &str, len: usize) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len}\r\n\r\n")
}

/// Writes one record; returns the number of bytes written.
fn write_record(
    w: &mut impl Write,
    headers: &[(&str, &str)],
    content_type: &str,
    block: &[&[u8]],
) -> std::io::Result<u64> {
    let block_len: usize = block.iter().map(|b| b.len()).sum();
    let mut head = String::from("WARC/1.1\r\n");
    for (name, value) in headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    head.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {block_len}\r\n\r\n"
    ));
    w.write_all(head.as_bytes())?;
    for part in block {
        w.write_all(part)?;
    }
    w.write_all(b"\r\n\r\n")?;
    Ok((head.len() + block_len + 4) as u64)
}

/// Writes an uncompressed WARC/1.1 file of the site at `warc_path`: a `warcinfo`
/// record, then a `response` record per file at its public URL, plus a `revisit`
/// record for the `…/index.html` URL of each directory index (see the
/// [module docs](super) for URLs, digests and record ids).
///
/// `date` is used for every `WARC-Date` (at second precision); `software` goes into
/// the `warcinfo` record (e.g. `"planpub 1.4.0"`).  `warc_path` must not exist and
/// must not lie inside `site_dir`; its file name is recorded as `WARC-Filename`.
/// The file is written beside `warc_path` under a temporary name and moved into
/// place when complete.
pub fn write_warc(
    site_dir: &Path,
    warc_path: &Path,
    base_url: &str,
    date: chrono::DateTime<chrono::Utc>,
    software: &str,
) -> Result<WarcSummary, ArchiveError> {
    let base = normalize_base_url(base_url)?;
    if software.chars().any(char::is_control) {
        return Err(ArchiveError::InvalidMetadata(
            "WARC software string contains control characters".into(),
        ));
    }
    let files = site_files(site_dir)?;
    check_output_outside_site(site_dir, warc_path)?;
    if fs::symlink_metadata(warc_path).is_ok() {
        return Err(ArchiveError::Exists {
            path: warc_path.to_path_buf(),
        });
    }
    let parent = match warc_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| ArchiveError::io(&parent, e))?;
    let filename = warc_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site.warc".to_string());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{filename}.partial-"))
        .tempfile_in(&parent)
        .map_err(|e| ArchiveError::io(&parent, e))?;
    let tmp_path = tmp.path().to_path_buf();
    let io_err = |e: std::io::Error| ArchiveError::io(&tmp_path, e);

    let date_str = date.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut summary = WarcSummary {
        records: 0,
        responses: 0,
        revisits: 0,
        bytes: 0,
        payload_bytes: 0,
    };
    let mut w = BufWriter::new(tmp.as_file());

    // warcinfo
    let info_block = format!(
        "software: {software}\r\n\
         format: WARC File Format 1.1\r\n\
         conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n\
         isPartOf: {base}\r\n\
         description: Snapshot of the static website {base}\r\n"
    );
    let info_digest = Sha256::digest(info_block.as_bytes());
    let info_id = record_id("warcinfo", &filename, &date_str, &info_digest);
    summary.bytes += write_record(
        &mut w,
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", &info_id),
            ("WARC-Date", &date_str),
            ("WARC-Filename", &filename),
            ("WARC-Block-Digest", &warc_digest(&info_digest)),
        ],
        "application/warc-fields",
        &[info_block.as_bytes()],
    )
    .map_err(io_err)?;
    summary.records += 1;

    for f in &files {
        let body = fs::read(&f.abs).map_err(|e| ArchiveError::io(&f.abs, e))?;
        let head = http_head(&content_type(Path::new(&f.rel)), body.len());
        let payload_digest = warc_digest(&Sha256::digest(&body));
        let block_digest = {
            let mut h = Sha256::new();
            h.update(head.as_bytes());
            h.update(&body);
            h.finalize()
        };
        let index_dir = if f.rel == "index.html" {
            Some("")
        } else {
            f.rel
                .strip_suffix("/index.html")
                .map(|_| &f.rel[..f.rel.len() - "index.html".len()])
        };
        let file_url = format!("{base}{}", url_path_encode(&f.rel));
        let url = match index_dir {
            Some(dir) => format!("{base}{}", url_path_encode(dir)),
            None => file_url.clone(),
        };
        let id = record_id("response", &url, &date_str, &block_digest);
        summary.bytes += write_record(
            &mut w,
            &[
                ("WARC-Type", "response"),
                ("WARC-Record-ID", &id),
                ("WARC-Date", &date_str),
                ("WARC-Target-URI", &url),
                ("WARC-Warcinfo-ID", &info_id),
                ("WARC-Payload-Digest", &payload_digest),
                ("WARC-Block-Digest", &warc_digest(&block_digest)),
            ],
            "application/http;msgtype=response",
            &[head.as_bytes(), &body],
        )
        .map_err(io_err)?;
        summary.records += 1;
        summary.responses += 1;
        summary.payload_bytes += body.len() as u64;

        if index_dir.is_some() {
            let revisit_digest = Sha256::digest(head.as_bytes());
            let revisit_id = record_id("revisit", &file_url, &date_str, &revisit_digest);
            summary.bytes += write_record(
                &mut w,
                &[
                    ("WARC-Type", "revisit"),
                    ("WARC-Record-ID", &revisit_id),
                    ("WARC-Date", &date_str),
                    ("WARC-Target-URI", &file_url),
                    ("WARC-Warcinfo-ID", &info_id),
                    ("WARC-Profile", REVISIT_PROFILE),
                    ("WARC-Refers-To", &id),
                    ("WARC-Refers-To-Target-URI", &url),
                    ("WARC-Refers-To-Date", &date_str),
                    ("WARC-Payload-Digest", &payload_digest),
                    ("WARC-Block-Digest", &warc_digest(&revisit_digest)),
                ],
                "application/http;msgtype=response",
                &[head.as_bytes()],
            )
            .map_err(io_err)?;
            summary.records += 1;
            summary.revisits += 1;
        }
    }
    w.flush().map_err(io_err)?;
    drop(w);
    tmp.as_file().sync_all().map_err(io_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile creates files as 0600; an archive file is meant to be shared.
        fs::set_permissions(&tmp_path, fs::Permissions::from_mode(0o644)).map_err(io_err)?;
    }
    tmp.persist_noclobber(warc_path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            ArchiveError::Exists {
                path: warc_path.to_path_buf(),
            }
        } else {
            ArchiveError::io(warc_path, e.error)
        }
    })?;
    if let Ok(d) = fs::File::open(&parent) {
        let _ = d.sync_all();
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn record_ids_are_deterministic_and_distinct() {
        let a = record_id("response", "https://x/", "2025-06-01T10:00:00Z", &[1; 32]);
        let b = record_id("response", "https://x/", "2025-06-01T10:00:00Z", &[1; 32]);
        let c = record_id("response", "https://x/a", "2025-06-01T10:00:00Z", &[1; 32]);
        let d = record_id("revisit", "https://x/", "2025-06-01T10:00:00Z", &[1; 32]);
        let e = record_id("response", "https://x/", "2025-06-02T10:00:00Z", &[1; 32]);
        assert_eq!(a, b);
        assert!(a != c && a != d && a != e && c != d);
        assert!(a.starts_with("<urn:uuid:") && a.ends_with('>'));
        assert_eq!(a.len(), "<urn:uuid:>".len() + 36);
        assert_eq!(&a[10 + 14..10 + 15], "8");
    }

    #[test]
    fn small_warc_layout() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        fs::create_dir_all(site.join("plans/x")).unwrap();
        fs::write(site.join("plans/x/index.html"), "<h1>Plan</h1>").unwrap();
        fs::write(site.join("høringsnotat.pdf"), "%PDF-1.4").unwrap();
        let out = t.path().join("out/site.warc");
        let date = chrono::Utc
            .with_ymd_and_hms(2025, 6, 1, 12, 30, 45)
            .unwrap();
        let s = write_warc(&site, &out, "https://plan.example.dk", date, "planpub test").unwrap();
        assert_eq!((s.records, s.responses, s.revisits), (4, 2, 1));
        let bytes = fs::read(&out).unwrap();
        assert_eq!(bytes.len() as u64, s.bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n"));
        assert!(text.contains("WARC-Date: 2025-06-01T12:30:45Z\r\n"));
        assert!(text.contains("WARC-Filename: site.warc\r\n"));
        let targets: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("WARC-Target-URI: "))
            .collect();
        assert_eq!(
            targets,
            [
                "https://plan.example.dk/h%C3%B8ringsnotat.pdf",
                "https://plan.example.dk/plans/x/",
                "https://plan.example.dk/plans/x/index.html",
            ]
        );
        assert!(text.contains("Content-Type: application/pdf\r\nContent-Length: 8\r\n"));
        assert!(text.contains(&format!("WARC-Profile: {REVISIT_PROFILE}\r\n")));
        assert!(text.contains("WARC-Refers-To-Target-URI: https://plan.example.dk/plans/x/\r\n"));
        // Existing output is never overwritten.
        assert!(matches!(
            write_warc(
                &site,
                &out,
                "https://plan.example.dk/",
                date,
                "planpub test"
            ),
            Err(ArchiveError::Exists { .. })
        ));
    }

    #[test]
    fn payload_digest_matches_known_value() {
        // sha256("abc") in base32, as Python's base64.b32encode gives it.
        assert_eq!(
            warc_digest(&Sha256::digest(b"abc")),
            "sha256:XJ4BNP4PAHH6UQKBIDPF3LRCEOYAGYNDSYLXVHFUCD7WD4QACWWQ===="
        );
    }
}
