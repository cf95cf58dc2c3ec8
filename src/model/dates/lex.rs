//! The tokenizer: letters, digits and punctuation, each token with its place in the text
//! so that what the reader skipped can be quoted back exactly.

/// At most this many tokens are looked at. A date field longer than that is not a date
/// phrase, and the cap keeps the work per text bounded (the grammar is then constant-time).
pub(super) const MAX_TOKENS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Num(u32),
    /// Lower-cased.
    Word(String),
    Dot,
    /// Hyphen, en dash, em dash and their look-alikes.
    Dash,
    Slash,
    Colon,
    Comma,
    Plus,
    /// `(`, `[`, `{`.
    Open,
    /// `)`, `]`, `}`.
    Close,
    /// Quantity signs written against a number (`70%`, `4½`, `§ 15`): the number is then
    /// an amount or a paragraph, never part of a date.
    Unit,
    /// Everything else: quotes, bullets, footnote marks (`*`, `¹`), `;`, `!`, `?` …
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub kind: Kind,
    /// Number of characters (for `Num`: digits, so `2023` and `09` are told apart).
    pub len: usize,
    /// Whether whitespace (or a comma, inside the grammar) came before the token.
    pub sp: bool,
    /// Byte offsets of the token in the text.
    pub start: usize,
    pub end: usize,
    /// Whether a filler word (`den`, `i` …) was dropped right before this token; rules
    /// that need two tokens written together (`uge 15`) check it.
    pub fill: bool,
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is_num(&self) -> bool {
        matches!(self.kind, Kind::Num(_))
    }
}

/// Splits the text into tokens; `None` when it has more than [`MAX_TOKENS`].
pub(super) fn tokenize(text: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let mut sp = true;
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            sp = true;
            continue;
        }
        if toks.len() == MAX_TOKENS {
            return None;
        }
        let mut end = start + c.len_utf8();
        let mut len = 1;
        let kind = if c.is_ascii_digit() {
            while let Some(&(i, d)) = it.peek().filter(|(_, d)| d.is_ascii_digit()) {
                end = i + d.len_utf8();
                len += 1;
                it.next();
            }
            // Overlong numbers saturate; their length keeps them out of every rule.
            Kind::Num(text[start..end].parse().unwrap_or(u32::MAX))
        } else if c.is_alphabetic() {
            while let Some(&(i, d)) = it.peek().filter(|(_, d)| d.is_alphabetic()) {
                end = i + d.len_utf8();
                len += 1;
                it.next();
            }
            Kind::Word(text[start..end].to_lowercase())
        } else {
            match c {
                '.' => Kind::Dot,
                '-' | '–' | '—' | '‐' | '‑' | '‒' | '−' => Kind::Dash,
                '/' => Kind::Slash,
                ':' => Kind::Colon,
                ',' => Kind::Comma,
                '+' => Kind::Plus,
                '(' | '[' | '{' => Kind::Open,
                ')' | ']' | '}' => Kind::Close,
                '%' | '‰' | '½' | '¼' | '¾' | '§' | '°' | '×' => Kind::Unit,
                _ => Kind::Other,
            }
        };
        toks.push(Tok {
            kind,
            len,
            sp,
            start,
            end,
            fill: false,
        });
        sp = false;
    }
    Some(toks)
}

#[cfg(test)]
mod unit_tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        tokenize(text)
            .unwrap()
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn splits_letters_digits_and_dashes() {
        assert_eq!(
            kinds("2023-W15 – 12.sep"),
            vec![
                Kind::Num(2023),
                Kind::Dash,
                Kind::Word("w".into()),
                Kind::Num(15),
                Kind::Dash,
                Kind::Num(12),
                Kind::Dot,
                Kind::Word("sep".into()),
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Opdateret: 4. maj";
        let toks = tokenize(text).unwrap();
        assert_eq!(&text[toks[0].start..toks[0].end], "Opdateret");
        assert_eq!(&text[toks[4].start..toks[4].end], "maj");
        assert!(toks[2].sp && !toks[1].sp);
    }

    #[test]
    fn overlong_numbers_saturate_and_long_texts_stop() {
        assert_eq!(kinds("99999999999999999999"), vec![Kind::Num(u32::MAX)]);
        assert!(tokenize(&"1 ".repeat(MAX_TOKENS)).is_some());
        assert!(tokenize(&"1 ".repeat(MAX_TOKENS + 1)).is_none());
    }

    #[test]
    fn quantity_signs_and_brackets() {
        assert_eq!(
            kinds("(70%)"),
            vec![Kind::Open, Kind::Num(70), Kind::Unit, Kind::Close]
        );
    }
}
