//! Limits on a YAML text, checked in one linear pass *before* the text reaches the YAML
//! parser, and the YAML features planpub refuses.
//!
//! * Size: [`MAX_BYTES`] per front matter (or `site.yaml`). Long text belongs in the
//!   Markdown body.
//! * Nesting: [`MAX_DEPTH`] levels of indentation and brackets together. planpub's own
//!   fields are at most five levels deep; the YAML parser takes time that grows with the
//!   square of the nesting of `[`/`{`, so a pasted or broken value must not reach it.
//! * Length: [`MAX_LIST_ITEMS`] items in one list (checked on the parsed value, which
//!   is linear in the list).
//! * Tags (`!!binary`, `!!str`, `!ref`): the parser would silently turn `!!binary
//!   aGVsbG8=` into the text `aGVsbG8=` and drop custom tags' meaning, so every tag is an
//!   error that names its line.
//!
//! The scan knows enough YAML to tell a bracket or `!` that starts a value from one inside
//! text (`title: Plan [udkast]!`), quoted strings and block text (`|`, `>`).

/// Largest front matter (or `site.yaml`) planpub reads, in bytes.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Deepest nesting of indented blocks and brackets.
pub const MAX_DEPTH: usize = 32;
/// Longest list (or group of fields).
pub const MAX_LIST_ITEMS: usize = 100_000;

/// Something the scan refuses, with its 1-based line in the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    TooLarge {
        bytes: usize,
    },
    TooDeep {
        line: usize,
    },
    Tag {
        line: usize,
        tag: String,
        /// The key written on that line, if any.
        key: Option<String>,
    },
}

/// Every finding of `text`, in order; a size or depth finding ends the scan.
pub fn scan(text: &str) -> Vec<Finding> {
    if text.len() > MAX_BYTES {
        return vec![Finding::TooLarge { bytes: text.len() }];
    }
    let mut s = Scanner::default();
    for (i, line) in text.lines().enumerate() {
        s.line(i + 1, line);
        if matches!(s.found.last(), Some(Finding::TooDeep { .. })) {
            break;
        }
    }
    s.found
}

#[derive(Default)]
struct Scanner {
    found: Vec<Finding>,
    /// Columns of the open block levels (keys and list dashes).
    blocks: Vec<usize>,
    /// Open `[`/`{` brackets.
    flow: usize,
    /// Inside a quoted string that goes on over lines.
    quote: Option<char>,
    /// Inside block text (`|` or `>`) belonging to a key at this column.
    block_text: Option<usize>,
    key: Option<String>,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

impl Scanner {
    fn line(&mut self, no: usize, line: &str) {
        if let Some(col) = self.block_text {
            if line.trim().is_empty() || indent_of(line) > col {
                return;
            }
            self.block_text = None;
        }
        if self.quote.is_some() || self.flow > 0 {
            let _ = self.inline(no, line, 0);
            return;
        }
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        self.key = None;
        let mut col = indent_of(line);
        // Sequence dashes, each a level of its own: `- - a`.
        while line[col..].starts_with("- ") || &line[col..] == "-" {
            self.open_block(no, col);
            col += 1;
            col += indent_of(&line[col..]);
            if col >= line.len() {
                return;
            }
        }
        self.open_block(no, col);
        let rest = &line[col..];
        let value_at = match key_end(rest) {
            Some((key_len, value_start)) => {
                self.key = Some(rest[..key_len].trim().trim_matches(['"', '\'']).to_string());
                col + value_start
            }
            None => col,
        };
        self.value(no, line, value_at);
    }

    fn open_block(&mut self, no: usize, col: usize) {
        while self.blocks.last().is_some_and(|&c| c >= col) {
            self.blocks.pop();
        }
        self.blocks.push(col);
        self.check_depth(no);
    }

    fn check_depth(&mut self, no: usize) {
        if self.blocks.len() + self.flow > MAX_DEPTH
            && !matches!(self.found.last(), Some(Finding::TooDeep { .. }))
        {
            self.found.push(Finding::TooDeep { line: no });
        }
    }

    /// A value starting at byte `at` of `line` (block context).
    fn value(&mut self, no: usize, line: &str, at: usize) {
        let mut at = at + indent_of(&line[at..]);
        loop {
            let rest = &line[at..];
            if rest.starts_with('!') {
                self.tag(no, rest);
            }
            // An anchor or tag comes before the value itself: skip it and look again.
            if rest.starts_with(['!', '&']) {
                let word = rest.find(' ').unwrap_or(rest.len());
                at += word;
                at += indent_of(&line[at..]);
                if word == 0 || at >= line.len() {
                    return;
                }
                continue;
            }
            break;
        }
        let rest = &line[at..];
        match rest.chars().next() {
            Some('[' | '{' | '"' | '\'') => {
                let _ = self.inline(no, line, at);
            }
            Some('|' | '>') => self.block_text = self.blocks.last().copied(),
            _ => {}
        }
    }

    fn tag(&mut self, no: usize, rest: &str) {
        let tag: String = rest
            .split([' ', ',', ']', '}'])
            .next()
            .unwrap_or("!")
            .into();
        self.found.push(Finding::Tag {
            line: no,
            tag,
            key: self.key.clone(),
        });
    }

    /// Brackets and quotes from byte `at` of `line` on; returns where block context
    /// resumes, if it does on this line.
    fn inline(&mut self, no: usize, line: &str, at: usize) -> Option<usize> {
        let bytes = line.as_bytes();
        let mut i = at;
        // Whether the next character starts a token (after `[`, `{`, `,` or `:`).
        let mut token_start = at == 0 || self.flow > 0;
        while i < bytes.len() {
            let c = bytes[i];
            if let Some(q) = self.quote {
                if q == '"' && c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == q as u8 {
                    if q == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    self.quote = None;
                    if self.flow == 0 {
                        return Some(i + 1);
                    }
                }
                i += 1;
                continue;
            }
            match c {
                b'[' | b'{' => {
                    self.flow += 1;
                    self.check_depth(no);
                    if matches!(self.found.last(), Some(Finding::TooDeep { .. })) {
                        return None;
                    }
                    token_start = true;
                }
                b']' | b'}' => {
                    self.flow = self.flow.saturating_sub(1);
                    if self.flow == 0 {
                        return Some(i + 1);
                    }
                }
                b',' | b':' => token_start = true,
                b'"' | b'\'' if token_start => {
                    self.quote = Some(c as char);
                    token_start = false;
                }
                b'!' if token_start => {
                    self.tag(no, &line[i..]);
                    token_start = false;
                }
                b'#' if i == 0 || bytes[i - 1] == b' ' => return None,
                b' ' | b'\t' => {}
                _ => token_start = false,
            }
            i += 1;
        }
        None
    }
}

/// Where the key of a `key: value` line ends and its value starts, if the line is one.
fn key_end(rest: &str) -> Option<(usize, usize)> {
    let body = match rest.chars().next() {
        // A quoted key: the colon comes after the closing quote.
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|e| e + 2)?,
        Some('[' | '{' | '!' | '&' | '*' | '|' | '>') => return None,
        _ => 0,
    };
    let tail = &rest[body..];
    let colon = tail
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| tail[i + 1..].is_empty() || tail[i + 1..].starts_with([' ', '\t']))?;
    // `# comment: x` is no key, nor is a colon inside a plain value after `#`.
    if tail[..colon].contains(" #") {
        return None;
    }
    Some((body + colon, body + colon + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(usize, String, Option<String>)> {
        scan(text)
            .into_iter()
            .filter_map(|f| match f {
                Finding::Tag { line, tag, key } => Some((line, tag, key)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn tags_are_found_where_values_start_and_nowhere_else() {
        let text = "title: !!binary aGVsbG8=\nsummary: Hej! Se [bilag]!\nrespond:\n  url: !foo x\ntags: [a, !!str b, \"!c\"]\nlist:\n  - !x y\nnote: |\n  !ikke et tag\n";
        assert_eq!(
            tags(text),
            vec![
                (1, "!!binary".into(), Some("title".into())),
                (4, "!foo".into(), Some("url".into())),
                (5, "!!str".into(), Some("tags".into())),
                (7, "!x".into(), None),
            ]
        );
        assert!(scan("title: 'It''s !fine'\nx: \"a \\\" !b\"\n").is_empty());
    }

    #[test]
    fn nesting_is_limited_before_parsing() {
        let deep = format!("title: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(scan(&deep), vec![Finding::TooDeep { line: 1 }]);
        let ok = format!("title: {}{}\n", "[".repeat(20), "]".repeat(20));
        assert!(scan(&ok).is_empty());
        let mut block = String::new();
        for i in 0..40 {
            block.push_str(&format!("{}k{i}:\n", " ".repeat(i * 2)));
        }
        assert!(matches!(scan(&block)[..], [Finding::TooDeep { line: 33 }]));
        // Brackets inside text are text.
        assert!(scan(&format!("title: Plan {}\n", "[".repeat(50))).is_empty());
    }

    #[test]
    fn size_is_limited() {
        let big = format!("title: {}\n", "x".repeat(MAX_BYTES));
        assert!(matches!(scan(&big)[..], [Finding::TooLarge { .. }]));
    }
}
