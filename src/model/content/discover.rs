//! Finding the content files of a site.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Every Markdown file under `content/`, in a stable order. Hidden files and editor
/// backups are skipped.
pub fn markdown_files(content_dir: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    let mut out = Vec::new();
    for entry in WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
    {
        let entry = entry.map_err(|e| std::io::Error::other(e.to_string()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "md") {
            out.push(entry.into_path());
        }
    }
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    (n.starts_with('.') && n != ".") || n.ends_with('~') || n.starts_with('#')
}
