//! Finding where a field is written in a YAML document, so errors can point at its line.

use std::ops::Range;

/// One step of a path into the front matter, as serde reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// Renders a path the way the docs name fields: `timeline[2].when`.
pub fn path_to_string(path: &[PathSeg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            PathSeg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            PathSeg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Locates the line and column (both 1-based, relative to the YAML text) where the
/// field at `path` is written.
///
/// Staff write block-style YAML, so a scan over indentation is enough and avoids a
/// second, position-tracking parse. Where the path leads into flow style (`{a: 1}`)
/// the deepest location found is returned.
pub fn locate(yaml: &str, path: &[PathSeg]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut range: Range<usize> = 0..lines.len();
    let mut parent_col: isize = -1;
    let mut found = None;
    for seg in path {
        match seg {
            PathSeg::Key(key) => {
                let hit = range.clone().find_map(|i| {
                    let (col, rest) = content_start(lines[i]);
                    (col as isize > parent_col && key_matches(rest, key)).then_some((i, col))
                });
                let (i, col) = match hit {
                    Some(h) => h,
                    None => break,
                };
                found = Some((i + 1, col + 1));
                let indent = leading_spaces(lines[i]);
                let end = (i + 1..range.end)
                    .find(|&j| {
                        let l = lines[j];
                        let t = l.trim_start();
                        !(t.is_empty()
                            || t.starts_with('#')
                            || leading_spaces(l) > indent
                            || (leading_spaces(l) == indent && t.starts_with('-')))
                    })
                    .unwrap_or(range.end);
                parent_col = col as isize;
                range = i..end;
            }
            PathSeg::Index(n) => {
                // Items are the lines whose first non-space character is a dash at the
                // shallowest dash column inside the parent block.
                let dashes: Vec<(usize, usize)> = range
                    .clone()
                    .filter_map(|i| {
                        let l = lines[i];
                        let t = l.trim_start();
                        let col = leading_spaces(l);
                        (t == "-" || t.starts_with("- ")).then_some((i, col))
                    })
                    .filter(|&(_, c)| c as isize >= parent_col.max(0))
                    .collect();
                let min_col = match dashes.iter().map(|&(_, c)| c).min() {
                    Some(c) => c,
                    None => break,
                };
                let items: Vec<usize> = dashes
                    .iter()
                    .filter(|&&(_, c)| c == min_col)
                    .map(|&(i, _)| i)
                    .collect();
                let start = match items.get(*n) {
                    Some(&s) => s,
                    None => break,
                };
                let end = items.get(n + 1).copied().unwrap_or_else(|| {
                    (start + 1..range.end)
                        .find(|&j| {
                            let l = lines[j];
                            let t = l.trim_start();
                            !t.is_empty() && !t.starts_with('#') && leading_spaces(l) <= min_col
                        })
                        .unwrap_or(range.end)
                });
                found = Some((start + 1, min_col + 1));
                parent_col = min_col as isize;
                range = start..end;
            }
        }
    }
    found
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The column where a line's content starts, skipping indentation and sequence dashes.
fn content_start(line: &str) -> (usize, &str) {
    let mut col = leading_spaces(line);
    let mut rest = &line[col..];
    while let Some(r) = rest.strip_prefix("- ") {
        let extra = r.len() - r.trim_start_matches(' ').len();
        col += 2 + extra;
        rest = &r[extra..];
    }
    (col, rest)
}

fn key_matches(rest: &str, key: &str) -> bool {
    // Without building the quoted forms: this runs for every line scanned.
    let quoted = |q: char| rest.strip_prefix(q)?.strip_prefix(key)?.strip_prefix(q);
    let unquoted = rest
        .strip_prefix(key)
        .or_else(|| quoted('"'))
        .or_else(|| quoted('\''));
    matches!(unquoted, Some(after) if after.trim_start().starts_with(':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> PathSeg {
        PathSeg::Key(s.into())
    }

    #[test]
    fn locates_nested_fields() {
        let yaml = "type: plan\ntitle: X\ncontact:\n  name: A\n  email: b\ntimeline:\n  - when: 2023\n    what: a\n  - when: snart\n    what: b\ntracks:\n- name: T\n  actions:\n  - what: x\n    when: maj\n";
        assert_eq!(locate(yaml, &[k("title")]), Some((2, 1)));
        assert_eq!(locate(yaml, &[k("contact"), k("email")]), Some((5, 3)));
        assert_eq!(
            locate(yaml, &[k("timeline"), PathSeg::Index(1), k("when")]),
            Some((9, 5))
        );
        assert_eq!(
            locate(yaml, &[k("timeline"), PathSeg::Index(1), k("what")]),
            Some((10, 5))
        );
        assert_eq!(
            locate(
                yaml,
                &[
                    k("tracks"),
                    PathSeg::Index(0),
                    k("actions"),
                    PathSeg::Index(0),
                    k("when")
                ]
            ),
            Some((15, 5))
        );
        // Missing fields fall back to the deepest parent found.
        assert_eq!(locate(yaml, &[k("contact"), k("phone")]), Some((3, 1)));
        assert_eq!(locate(yaml, &[k("nope")]), None);
        // Quoted keys, either quote; a key that only starts the same does not match.
        let quoted = "titles: no\n\"title\": X\n'status': y\nstatus_x: z\n";
        assert_eq!(locate(quoted, &[k("title")]), Some((2, 1)));
        assert_eq!(locate(quoted, &[k("status")]), Some((3, 1)));
        assert_eq!(locate("\"title': X\n", &[k("title")]), None);
        assert_eq!(
            path_to_string(&[k("timeline"), PathSeg::Index(1), k("when")]),
            "timeline[1].when"
        );
    }
}
