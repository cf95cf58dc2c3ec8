//! Percent-encoding of URL paths: the one rule for every address planpub writes.
//!
//! Attachment names are chosen by people (`bilag æøå 2.pdf`, `notat (endelig)#2.pdf`),
//! so every site path is encoded here before it becomes part of a link, a JSON `url`, a
//! feed, the sitemap, a calendar, JSON-LD or a WARC record. Each byte that is not an
//! RFC 3986 `pchar` is written as `%XX` (upper-case hex of its UTF-8 bytes), and so are
//! `&`, `+`, `;` and `=`, which some servers and frameworks read as query syntax even in
//! a path. `/` separates segments and is kept. What is kept: `A–Z a–z 0–9 - . _ ~ ! $ '
//! ( ) * , : @ /`.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::borrow::Cow;

/// Every byte is encoded except these.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b',')
    .remove(b':')
    .remove(b'@')
    .remove(b'/');

/// A site-relative path (`hoeringer/x/bilag æøå.pdf`) as it is written in a URL
/// (`hoeringer/x/bilag%20%C3%A6%C3%B8%C3%A5.pdf`). Borrows when nothing needs encoding,
/// which is the case for every page address (they are made of slugs).
pub fn encode_path(path: &str) -> Cow<'_, str> {
    utf8_percent_encode(path, PATH).into()
}

#[cfg(test)]
mod tests {
    use super::encode_path;

    #[test]
    fn spaces_danish_letters_and_reserved_characters_are_encoded() {
        assert_eq!(
            encode_path("hoeringer/x/bilag æøå 2.pdf"),
            "hoeringer/x/bilag%20%C3%A6%C3%B8%C3%A5%202.pdf"
        );
        assert_eq!(
            encode_path("a b?#%&+;=[]\"<>\\^`{|}.css"),
            "a%20b%3F%23%25%26%2B%3B%3D%5B%5D%22%3C%3E%5C%5E%60%7B%7C%7D.css"
        );
        assert_eq!(encode_path("Æ/ø/Å.PDF"), "%C3%86/%C3%B8/%C3%85.PDF");
        assert_eq!(encode_path("tab\there\n"), "tab%09here%0A");
    }

    #[test]
    fn page_addresses_and_allowed_characters_stay_as_they_are() {
        assert!(matches!(
            encode_path("planer/rammeplan-2008/"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(encode_path("x/y-z_1~.html"), "x/y-z_1~.html");
        assert_eq!(encode_path("a!$'()*,:@b"), "a!$'()*,:@b");
    }

    #[test]
    fn decoding_gives_the_path_back() {
        for p in ["bilag æøå 2.pdf", "100% (endelig)#2?.pdf", "a+b=c&d;e.txt"] {
            let back = percent_encoding::percent_decode_str(&encode_path(p))
                .decode_utf8()
                .unwrap()
                .into_owned();
            assert_eq!(back, p);
        }
    }
}
