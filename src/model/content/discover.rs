//! Finding the content files of a site.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Every Markdown file under `content/`, in a stable order. Hidden files and editor
/// backups are skipped. Symbolic links (to files or folders) are listed too, without
/// being followed, so that reading them can say what they are: a link to a file inside
/// the site is read, anything else is reported (see `parse::parse_file`).
pub fn markdown_files(content_dir: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    if !content_dir.exists() {
        return Err(std::io::Error::other(
            "there is no `content` folder next to `site.yaml`",
        ));
    }
    if content_dir.is_file() {
        return Err(std::io::Error::other(
            "`content` is a file, not a folder, so there is nothing to publish",
        ));
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
    {
        let entry = entry.map_err(|e| std::io::Error::other(e.to_string()))?;
        let md = entry.path().extension().is_some_and(|x| x == "md");
        let link = entry.file_type().is_symlink() && entry.depth() > 0;
        if (entry.file_type().is_file() && md) || (link && (md || entry.path().is_dir())) {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    (n.starts_with('.') && n != ".") || n.ends_with('~') || n.starts_with('#')
}
