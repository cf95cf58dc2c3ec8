//! Splitting a content file into YAML front matter and Markdown body.

/// A content file split at its front-matter fences.
#[derive(Debug, Clone)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line number, in the file, of the first YAML line.
    pub yaml_first_line: usize,
    pub body: &'a str,
    /// 1-based line number, in the file, of the first body line.
    pub body_first_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error(
        "the file does not start with front matter: the first line must be `---`, followed by the YAML fields and another `---` line"
    )]
    NoFrontMatter,
    #[error(
        "the front matter that starts on line 1 is never closed: add a line with only `---` after the last field"
    )]
    NotClosed,
}

impl SplitError {
    /// The catalogue message of this error, for the reader's language.
    pub fn key(&self) -> crate::messages::Key {
        crate::messages::Key::new(match self {
            SplitError::NoFrontMatter => "frontmatter-missing",
            SplitError::NotClosed => "frontmatter-not-closed",
        })
    }
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().ok_or(SplitError::NoFrontMatter)?;
    if first.trim_end() != "---" {
        return Err(SplitError::NoFrontMatter);
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_first_line: 2,
                body: &text[offset + line.len()..],
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let s = split("---\ntitle: A\n---\n# Hej\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "# Hej\n");
        assert_eq!(s.body_first_line, 4);
        assert!(matches!(
            split("title: A\n"),
            Err(SplitError::NoFrontMatter)
        ));
        assert!(matches!(
            split("---\ntitle: A\n# Hej\n"),
            Err(SplitError::NotClosed)
        ));
    }
}
