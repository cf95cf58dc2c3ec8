//! Listings in pages a phone can load: [`PAGE_SIZE`] items a page, the first page at
//! the listing's own address and the others at `side/2/`, `side/3/` … below it, with
//! numbered links and `rel="prev"`/`rel="next"`. A filter (an area, a status, a
//! committee) is its own listing, so it stays the same from page to page.

use serde::Serialize;
use serde_json::{Value, json};

/// Items on one page of a listing.
pub const PAGE_SIZE: usize = 50;

/// The folder of page `n` (1-based) of the listing at `folder`.
pub fn page_folder(folder: &str, n: usize) -> String {
    if n <= 1 {
        folder.to_string()
    } else {
        format!("{folder}side/{n}/")
    }
}

/// Splits `items` into pages of at most `size`; an empty listing still has one page.
pub fn split<T>(items: &[T], size: usize) -> Vec<&[T]> {
    if items.is_empty() {
        vec![items]
    } else {
        items.chunks(size.max(1)).collect()
    }
}

/// Page `n` of `total`, for job arguments: what the page needs to link its neighbours.
pub fn args(folder: &str, n: usize, total: usize) -> Value {
    json!({ "folder": folder, "n": n, "total": total })
}

#[derive(Serialize)]
struct PageLink {
    /// The page number, or `None` for a gap ("…").
    n: Option<usize>,
    path: String,
    current: bool,
}

/// The template's `pagination` value for page `n` of `total` (`None` for a listing
/// that fits on one page): numbered links to the first and last pages and the two
/// around the current one, and the previous and next pages.
pub fn view(v: &Value, folder_style: impl Fn(&str) -> String) -> Option<Value> {
    let folder = v["folder"].as_str()?;
    let n = v["n"].as_u64()? as usize;
    let total = v["total"].as_u64()? as usize;
    if total <= 1 {
        return None;
    }
    let link = |k: usize| folder_style(&page_folder(folder, k));
    let mut pages = Vec::new();
    let mut last = 0;
    for k in 1..=total {
        let near = k == 1 || k == total || k.abs_diff(n) <= 2;
        if !near {
            continue;
        }
        if k > last + 1 {
            pages.push(PageLink {
                n: None,
                path: String::new(),
                current: false,
            });
        }
        pages.push(PageLink {
            n: Some(k),
            path: link(k),
            current: k == n,
        });
        last = k;
    }
    Some(json!({
        "current": n,
        "total": total,
        "prev": (n > 1).then(|| link(n - 1)),
        "next": (n < total).then(|| link(n + 1)),
        "pages": pages,
    }))
}

/// A page's title: the listing's, with "side 2" after it from the second page on.
pub fn title(r: &crate::outputs::reader::Reader, title: String, v: &Value) -> String {
    match v["n"].as_u64() {
        Some(n) if n > 1 => format!(
            "{title} – {}",
            r.t("pagination.page").replace("{n}", &n.to_string())
        ),
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_links() {
        assert_eq!(page_folder("planer/", 1), "planer/");
        assert_eq!(page_folder("planer/", 3), "planer/side/3/");
        assert_eq!(split(&[1, 2, 3, 4, 5], 2).len(), 3);
        assert_eq!(split::<u8>(&[], 2).len(), 1);
        let v = view(&args("planer/", 5, 9), |p| p.to_string()).unwrap();
        let ns: Vec<Option<u64>> = v["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["n"].as_u64())
            .collect();
        assert_eq!(
            ns,
            [
                Some(1),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(9)
            ]
        );
        assert_eq!(v["prev"], "planer/side/4/");
        assert_eq!(v["next"], "planer/side/6/");
        assert!(view(&args("planer/", 1, 1), |p| p.to_string()).is_none());
        let first = view(&args("planer/", 1, 2), |p| p.to_string()).unwrap();
        assert!(first["prev"].is_null());
    }
}
