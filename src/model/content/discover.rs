//! Finding the content files of a site.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Every Markdown file under `content/`, in a stable order. Hidden files and editor
/// backups are skipped. Symbolic links (to files or folders) are listed too, without
/// being followed, so that reading them can say what they are: a link to a file inside
/// the site is read, anything else is reported (see `parse::parse_file`).
pub fn markdown_files(content_dir: &Path) -> Result<Vec<PathBuf>, std::io::Error> {
    walk(content_dir).map(|w| w.files)
}

/// What [`markdown_files`] found, and the folders it looked into: a folder's
/// modification time changes when an entry is added, removed or renamed, so while
/// none of them changed, neither did the list (see `build::incremental`).
pub struct Walk {
    pub files: Vec<PathBuf>,
    /// `content/` and every folder in it that was walked.
    pub folders: Vec<PathBuf>,
    /// Whether it met a symbolic link: whether a link is listed depends on what it
    /// points to, which can change without any folder changing.
    pub links: bool,
}

/// [`markdown_files`], with the folders it walked.
pub fn walk(content_dir: &Path) -> Result<Walk, std::io::Error> {
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
    let mut folders = Vec::new();
    let mut links = false;
    for entry in WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
    {
        let entry = entry.map_err(|e| std::io::Error::other(e.to_string()))?;
        let md = entry.path().extension().is_some_and(|x| x == "md");
        let link = entry.file_type().is_symlink() && entry.depth() > 0;
        links |= link;
        if (entry.file_type().is_file() && md) || (link && (md || entry.path().is_dir())) {
            out.push(entry.into_path());
        } else if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        }
    }
    Ok(Walk {
        files: out,
        folders,
        links,
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let n = name.to_string_lossy();
    (n.starts_with('.') && n != ".") || n.ends_with('~') || n.starts_with('#')
}
