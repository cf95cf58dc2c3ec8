//! URL slugs that cannot escape the output directory.
//!
//! A `Slug` is one path segment of lower-case ASCII letters, digits and single hyphens.
//! Because that is checked on construction, joining a slug to the output directory can
//! never produce `..`, an absolute path or a backslash.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("a slug cannot be empty")]
    Empty,
    #[error(
        "\"{0}\" is not a valid slug: use only lower-case letters a–z, digits and single hyphens (for example \"rammeplan-psykisk-syge\"); slashes, dots, spaces and Danish letters are not allowed"
    )]
    Invalid(String),
    #[error(
        "the web address made from this would be {0} characters long, more than the {max} a web address part may have",
        max = Slug::MAX_LEN
    )]
    TooLong(usize),
}

impl SlugError {
    /// The catalogue message of this error, for the reader's language.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        match self {
            SlugError::Empty => Key::new("slug-empty"),
            SlugError::Invalid(s) => Key::new("slug-invalid").arg("slug", s.as_str()),
            SlugError::TooLong(n) => Key::new("slug-too-long")
                .arg("length", n.to_string())
                .arg("max", Slug::MAX_LEN.to_string()),
        }
    }
}

impl Slug {
    /// The longest slug: every slug is a folder name in the output, and file systems
    /// allow 255 bytes per name.
    pub const MAX_LEN: usize = 200;

    /// Accepts an already slug-shaped string and nothing else.
    pub fn parse(s: &str) -> Result<Slug, SlugError> {
        if s.is_empty() {
            return Err(SlugError::Empty);
        }
        if s.len() > Self::MAX_LEN {
            return Err(SlugError::TooLong(s.len()));
        }
        let ok = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Slug(s.to_string()))
        } else {
            Err(SlugError::Invalid(s.to_string()))
        }
    }

    /// Derives a slug from any text: Danish letters are transliterated (æ→ae, ø→oe,
    /// å→aa), other accents dropped, everything else becomes a hyphen.
    pub fn from_text(text: &str) -> Result<Slug, SlugError> {
        let mut out = String::with_capacity(text.len());
        for ch in text.chars().flat_map(char::to_lowercase) {
            match fold_char(ch) {
                Some(piece) => piece.push_onto(&mut out),
                None => out.push('-'),
            }
        }
        let collapsed = out
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        Slug::parse(&collapsed)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One lower-case character as slugs (and search, which folds the same way) write it.
pub enum Folded {
    Char(char),
    Text(&'static str),
}

impl Folded {
    pub fn push_onto(self, out: &mut String) {
        match self {
            Folded::Char(c) => out.push(c),
            Folded::Text(s) => out.push_str(s),
        }
    }
}

/// Danish letters transliterated (æ→ae, ø→oe, å→aa), other accents dropped; `None`
/// for anything that is not a letter or digit, where words part.
pub fn fold_char(ch: char) -> Option<Folded> {
    Some(Folded::Text(match ch {
        c if c.is_ascii_alphanumeric() => return Some(Folded::Char(c)),
        'æ' => "ae",
        'ø' => "oe",
        'å' => "aa",
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'á' | 'à' | 'â' => "a",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' => "o",
        'ú' | 'ù' | 'û' => "u",
        'ñ' => "n",
        'ç' => "c",
        _ => return None,
    }))
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_letters_are_transliterated() {
        assert_eq!(
            Slug::from_text("Høring over rammeplan for ældre på Åen")
                .unwrap()
                .as_str(),
            "hoering-over-rammeplan-for-aeldre-paa-aaen"
        );
        assert_eq!(
            Slug::from_text("  Tids- og procesplan (2023)! ")
                .unwrap()
                .as_str(),
            "tids-og-procesplan-2023"
        );
    }

    #[test]
    fn escaping_slugs_are_rejected() {
        for bad in [
            "..", "../x", "/etc", "a/b", "a\\b", "A", "æ", "a b", "-a", "a--b", "",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Slug::parse("plan-2023").is_ok());
        assert!(Slug::from_text("...").is_err());
    }
}
