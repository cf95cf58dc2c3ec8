//! Writing BagIt 1.0 bags (RFC 8493).

use std::fs;
use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::encode::{hex, manifest_path_encode};
use super::site::{copy_and_hash, site_files};
use super::{ArchiveError, BagInfo, BagSummary, check_output_outside_site, normalize_base_url};

/// Contents of `bagit.txt`.
pub(crate) const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

/// `bag-info.txt` labels that this module writes and that must occur only once.
const SINGLE_LABELS: [&str; 3] = ["Bagging-Date", "Payload-Oxum", "Planpub-Base-URL"];

/// Writes a BagIt 1.0 bag at `bag_dir` holding a copy of every file under
/// `site_dir` in `data/`, with `bagit.txt`, `manifest-sha256.txt`, `bag-info.txt`
/// and `tagmanifest-sha256.txt` (see the [module docs](super) for their contents).
///
/// `bag_dir` must not exist or be an empty directory, and must not lie inside
/// `site_dir`.  Its parent directories are created if needed.  The bag is built in
/// a temporary directory beside `bag_dir` and renamed into place when complete; on
/// error nothing is left behind.
pub fn write_bag(
    site_dir: &Path,
    bag_dir: &Path,
    info: &BagInfo,
) -> Result<BagSummary, ArchiveError> {
    let base_url = normalize_base_url(&info.base_url)?;
    check_bag_info(info)?;
    let files = site_files(site_dir)?;
    check_output_outside_site(site_dir, bag_dir)?;

    let replace_empty_dir = match fs::symlink_metadata(bag_dir) {
        Ok(md) if md.is_dir() => {
            let mut rd = fs::read_dir(bag_dir).map_err(|e| ArchiveError::io(bag_dir, e))?;
            if rd.next().is_some() {
                return Err(ArchiveError::Exists {
                    path: bag_dir.to_path_buf(),
                });
            }
            true
        }
        Ok(_) => {
            return Err(ArchiveError::Exists {
                path: bag_dir.to_path_buf(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(ArchiveError::io(bag_dir, e)),
    };

    let parent = match bag_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| ArchiveError::io(&parent, e))?;
    let name = bag_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bag".to_string());
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.partial-"))
        .tempdir_in(&parent)
        .map_err(|e| ArchiveError::io(&parent, e))?;
    let root = tmp.path();

    // Payload.
    let data = root.join("data");
    fs::create_dir(&data).map_err(|e| ArchiveError::io(&data, e))?;
    let mut manifest = String::new();
    let mut payload_bytes = 0u64;
    for f in &files {
        let dst = data.join(&f.rel);
        if let Some(dir) = dst.parent() {
            fs::create_dir_all(dir).map_err(|e| ArchiveError::io(dir, e))?;
        }
        let (digest, len) = copy_and_hash(&f.abs, &dst)?;
        payload_bytes += len;
        manifest.push_str(&hex(&digest));
        manifest.push_str("  ");
        manifest.push_str(&manifest_path_encode(&format!("data/{}", f.rel)));
        manifest.push('\n');
    }
    let oxum = format!("{payload_bytes}.{}", files.len());

    // Tag files.
    let bag_info = bag_info_text(info, &base_url, &oxum);
    let tag_files: [(&str, &str); 3] = [
        ("bag-info.txt", &bag_info),
        ("bagit.txt", BAGIT_TXT),
        ("manifest-sha256.txt", &manifest),
    ];
    let mut tagmanifest = String::new();
    for (fname, content) in tag_files {
        write_file(&root.join(fname), content.as_bytes())?;
        tagmanifest.push_str(&hex(&Sha256::digest(content.as_bytes())));
        tagmanifest.push_str("  ");
        tagmanifest.push_str(fname);
        tagmanifest.push('\n');
    }
    write_file(&root.join("tagmanifest-sha256.txt"), tagmanifest.as_bytes())?;

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile creates the directory as 0700; a bag is meant to be shared.
        fs::set_permissions(root, fs::Permissions::from_mode(0o755))
            .map_err(|e| ArchiveError::io(root, e))?;
    }

    // Move into place.
    let built = tmp.keep();
    let result = (|| {
        if replace_empty_dir {
            fs::remove_dir(bag_dir).map_err(|e| ArchiveError::io(bag_dir, e))?;
        }
        fs::rename(&built, bag_dir).map_err(|e| ArchiveError::io(bag_dir, e))
    })();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&built);
        return Err(e);
    }
    if let Ok(d) = fs::File::open(&parent) {
        let _ = d.sync_all();
    }

    Ok(BagSummary {
        files: files.len(),
        payload_bytes,
        oxum,
    })
}

fn write_file(path: &Path, content: &[u8]) -> Result<(), ArchiveError> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| ArchiveError::io(path, e))?;
    f.write_all(content)
        .and_then(|_| f.sync_all())
        .map_err(|e| ArchiveError::io(path, e))
}

fn check_value(label: &str, value: &str) -> Result<(), ArchiveError> {
    if value.contains(['\r', '\n']) {
        return Err(ArchiveError::InvalidMetadata(format!(
            "bag-info.txt value for {label} contains a line break"
        )));
    }
    Ok(())
}

fn check_bag_info(info: &BagInfo) -> Result<(), ArchiveError> {
    check_value("Source-Organization", &info.source_organization)?;
    check_value("External-Identifier", &info.external_identifier)?;
    for (label, value) in contact_lines(info) {
        check_value(label, value)?;
    }
    for (label, value) in &info.extra {
        if label.is_empty()
            || label.trim() != label
            || label.contains(':')
            || label.chars().any(char::is_control)
        {
            return Err(ArchiveError::InvalidMetadata(format!(
                "bag-info.txt label {label:?} must be non-empty, without ':', control characters or surrounding spaces"
            )));
        }
        if SINGLE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            return Err(ArchiveError::InvalidMetadata(format!(
                "bag-info.txt label {label} is written by planpub and may occur only once"
            )));
        }
        check_value(label, value)?;
    }
    Ok(())
}

/// The contact lines of `bag-info.txt`, in their order.
fn contact_lines(info: &BagInfo) -> Vec<(&'static str, &str)> {
    [
        ("Organization-Address", &info.organization_address),
        ("Contact-Name", &info.contact_name),
        ("Contact-Phone", &info.contact_phone),
        ("Contact-Email", &info.contact_email),
    ]
    .into_iter()
    .filter_map(|(l, v)| v.as_deref().map(|v| (l, v.trim())))
    .collect()
}

/// The text of `bag-info.txt`.  Lines with an empty value are left out.
fn bag_info_text(info: &BagInfo, base_url: &str, oxum: &str) -> String {
    let description = format!("Snapshot of the static website {base_url} made by planpub");
    let date = info.bagging_date.format("%Y-%m-%d").to_string();
    let mut lines: Vec<(&str, &str)> =
        vec![("Source-Organization", info.source_organization.trim())];
    lines.extend(contact_lines(info));
    lines.extend([
        ("External-Description", description.as_str()),
        ("External-Identifier", info.external_identifier.trim()),
        ("Bagging-Date", &date),
        ("Payload-Oxum", oxum),
        ("Planpub-Base-URL", base_url),
    ]);
    for (l, v) in &info.extra {
        lines.push((l.as_str(), v.trim()));
    }
    let mut s = String::new();
    for (label, value) in lines {
        if value.is_empty() {
            continue;
        }
        s.push_str(label);
        s.push_str(": ");
        s.push_str(value);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn info() -> BagInfo {
        BagInfo {
            source_organization: "Aarhus Kommune".into(),
            organization_address: Some("Rådhuspladsen 2, 8000 Aarhus C".into()),
            contact_name: Some("Borgerservice".into()),
            contact_phone: None,
            contact_email: Some("plan@aarhus.example".into()),
            external_identifier: "planpub:https://plan.example.dk/:2025-06-01".into(),
            base_url: "https://plan.example.dk".into(),
            bagging_date: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
            extra: vec![("Bag-Software-Agent".into(), "planpub 0.1.0".into())],
        }
    }

    #[test]
    fn bag_info_layout() {
        let text = bag_info_text(&info(), "https://plan.example.dk/", "12.3");
        assert_eq!(
            text,
            "Source-Organization: Aarhus Kommune\n\
             Organization-Address: Rådhuspladsen 2, 8000 Aarhus C\n\
             Contact-Name: Borgerservice\n\
             Contact-Email: plan@aarhus.example\n\
             External-Description: Snapshot of the static website https://plan.example.dk/ made by planpub\n\
             External-Identifier: planpub:https://plan.example.dk/:2025-06-01\n\
             Bagging-Date: 2025-06-01\n\
             Payload-Oxum: 12.3\n\
             Planpub-Base-URL: https://plan.example.dk/\n\
             Bag-Software-Agent: planpub 0.1.0\n"
        );
    }

    #[test]
    fn bad_metadata_refused() {
        let mut i = info();
        i.extra.push(("Payload-Oxum".into(), "1.1".into()));
        assert!(matches!(
            check_bag_info(&i),
            Err(ArchiveError::InvalidMetadata(_))
        ));
        let mut i = info();
        i.extra.push(("A:B".into(), "x".into()));
        assert!(check_bag_info(&i).is_err());
        let mut i = info();
        i.source_organization = "a\nb".into();
        assert!(check_bag_info(&i).is_err());
        assert!(check_bag_info(&info()).is_ok());
    }

    #[test]
    fn existing_non_empty_bag_dir_refused_and_empty_dir_accepted() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        fs::create_dir(&site).unwrap();
        fs::write(site.join("index.html"), "<p>hej</p>").unwrap();
        let bag = t.path().join("bag");
        fs::create_dir(&bag).unwrap();
        fs::write(bag.join("x"), "x").unwrap();
        assert!(matches!(
            write_bag(&site, &bag, &info()),
            Err(ArchiveError::Exists { .. })
        ));
        let empty = t.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let s = write_bag(&site, &empty, &info()).unwrap();
        assert_eq!(s.oxum, "10.1");
        assert!(empty.join("data/index.html").is_file());
        // Nothing but the two bags and the site is left beside them.
        let mut names: Vec<String> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["bag", "empty", "site"]);
    }

    #[test]
    fn bag_inside_site_refused() {
        let t = tempfile::tempdir().unwrap();
        fs::write(t.path().join("a.txt"), "a").unwrap();
        assert!(matches!(
            write_bag(t.path(), &t.path().join("bag"), &info()),
            Err(ArchiveError::OutputInsideSite { .. })
        ));
        assert!(!t.path().join("bag").exists());
    }
}
