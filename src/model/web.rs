//! Web addresses and e-mail addresses as types: a value of these types has been checked,
//! so a page can put it in an `href` without further thought.
//!
//! * [`WebUrl`]: an absolute `http:` or `https:` address with a host, parsed by the `url`
//!   crate (the WHATWG URL standard, as browsers read it). `javascript:`, `data:` and
//!   every other scheme are refused, whatever their case or the spaces around them.
//! * [`base_url`]: the site's own public address, a [`WebUrl`] without query or
//!   fragment, always ending in `/`.
//! * [`Email`]: one plain address (`navn@kommune.dk`), checked by the `email_address`
//!   crate (RFC 5322) and by the stricter rules below; [`Email::mailto`] is the only place
//!   that writes a `mailto:` link.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Why a text is not an acceptable web address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("the address is empty")]
    Empty,
    #[error(
        "{0:?} contains a space, a line break, a control character, a quote or < >, which a web address cannot hold"
    )]
    BadCharacter(String),
    #[error(
        "{text:?} is not a web address planpub will link to: it must start with https:// or http://, not `{scheme}:`"
    )]
    Scheme { text: String, scheme: String },
    #[error(
        "{0:?} is not a complete web address: it must start with https:// and name a host, such as https://www.kommune.dk/"
    )]
    Invalid(String),
    #[error(
        "{0:?} has a user name or password before the host, which is a known trick to disguise where a link goes"
    )]
    Credentials(String),
    #[error("{0:?} has a query (`?…`) or a fragment (`#…`); the site's address cannot have either")]
    QueryOrFragment(String),
}

impl UrlError {
    /// The catalogue message, with the help to write a full address.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        let q = |id, t: &String| Key::new(id).arg("text", format!("{t:?}"));
        match self {
            UrlError::Empty => Key::new("url-empty"),
            UrlError::BadCharacter(t) => q("url-bad-character", t),
            UrlError::Scheme { text, scheme } => q("url-scheme", text).arg("scheme", scheme),
            UrlError::Invalid(t) => q("url-invalid", t),
            UrlError::Credentials(t) => q("url-credentials", t),
            UrlError::QueryOrFragment(t) => q("url-query", t),
        }
        .with_help(Key::new("url-help"))
    }
}

/// Characters no address field may contain, even where a URL parser would quietly drop
/// or encode them: what staff meant is then unclear, so they are asked.
fn has_bad_character(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
}

/// An absolute `http:`/`https:` address with a host.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WebUrl(url::Url);

impl WebUrl {
    pub fn parse(text: &str) -> Result<WebUrl, UrlError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(UrlError::Empty);
        }
        if has_bad_character(t) {
            return Err(UrlError::BadCharacter(t.to_string()));
        }
        let url = url::Url::parse(t).map_err(|_| match t.split_once(':') {
            Some((scheme, _))
                if !scheme.eq_ignore_ascii_case("http")
                    && !scheme.eq_ignore_ascii_case("https")
                    && !scheme.contains('/') =>
            {
                UrlError::Scheme {
                    text: t.to_string(),
                    scheme: scheme.to_ascii_lowercase(),
                }
            }
            _ => UrlError::Invalid(t.to_string()),
        })?;
        if url.scheme() != "https" && url.scheme() != "http" {
            return Err(UrlError::Scheme {
                text: t.to_string(),
                scheme: url.scheme().to_string(),
            });
        }
        // Browsers repair `https:x.dk` and `https:///x.dk`; what the author meant is unclear.
        let authority = t.split_once("://").map(|(_, rest)| rest);
        if url.host_str().is_none_or(str::is_empty)
            || authority.is_none_or(|a| a.is_empty() || a.starts_with('/'))
        {
            return Err(UrlError::Invalid(t.to_string()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlError::Credentials(t.to_string()));
        }
        Ok(WebUrl(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn host(&self) -> &str {
        self.0.host_str().unwrap_or("")
    }
}

/// The site's public address (`base_url` in `site.yaml`, or `--base-url`): a [`WebUrl`]
/// without query or fragment, returned with a trailing `/` so paths can be appended.
pub fn base_url(text: &str) -> Result<String, UrlError> {
    let url = WebUrl::parse(text)?;
    if url.0.query().is_some() || url.0.fragment().is_some() || text.contains(['?', '#']) {
        return Err(UrlError::QueryOrFragment(text.trim().to_string()));
    }
    let mut s = url.as_str().to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    Ok(s)
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for WebUrl {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        WebUrl::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why a text is not an acceptable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the e-mail address is empty")]
    Empty,
    #[error(
        "{0:?} contains a space, a line break or a control character, which an e-mail address cannot hold"
    )]
    BadCharacter(String),
    #[error(
        "{0:?} contains one of the characters ? & = % \" < > ( ) , ; :, which planpub does not accept in an e-mail address (they could add hidden recipients or text to the mail)"
    )]
    Reserved(String),
    #[error("{0:?} is not an e-mail address: write one address of the form name@kommune.dk")]
    Invalid(String),
}

impl EmailError {
    /// The catalogue message, with the help to write one plain address.
    pub fn key(&self) -> crate::messages::Key {
        use crate::messages::Key;
        let q = |id, t: &String| Key::new(id).arg("text", format!("{t:?}"));
        match self {
            EmailError::Empty => Key::new("email-empty"),
            EmailError::BadCharacter(t) => q("email-bad-character", t),
            EmailError::Reserved(t) => q("email-reserved", t),
            EmailError::Invalid(t) => q("email-invalid", t),
        }
        .with_help(Key::new("email-help"))
    }
}

/// One plain e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Result<Email, EmailError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(EmailError::Empty);
        }
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EmailError::BadCharacter(t.to_string()));
        }
        // Legal in RFC 5322 (quoted or as atext) but never in a municipality's address,
        // and each of them changes what a `mailto:` link does in some mail program.
        if t.contains([
            '?', '&', '=', '%', '"', '<', '>', '(', ')', ',', ';', ':', '[', ']', '\\',
        ]) {
            return Err(EmailError::Reserved(t.to_string()));
        }
        let options = email_address::Options {
            minimum_sub_domains: 2,
            allow_domain_literal: false,
            allow_display_text: false,
            ..email_address::Options::default()
        };
        email_address::EmailAddress::parse_with_options(t, options)
            .map_err(|_| EmailError::Invalid(t.to_string()))?;
        Ok(Email(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `mailto:` link for this address, with an optional subject; both are
    /// percent-encoded (RFC 6068), so nothing in them can add a header or a recipient.
    pub fn mailto(&self, subject: Option<&str>) -> String {
        let mut href = format!("mailto:{}", utf8_percent_encode(&self.0, MAILTO_ADDRESS));
        if let Some(subject) = subject.filter(|s| !s.is_empty()) {
            href.push_str("?subject=");
            href.push_str(&utf8_percent_encode(subject, MAILTO_VALUE).to_string());
        }
        href
    }
}

/// RFC 3986 unreserved characters stay as they are; `@` too, in the address part.
const MAILTO_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
const MAILTO_ADDRESS: &AsciiSet = &MAILTO_VALUE.remove(b'@');

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Email::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// For `Option<Email>`/`Option<WebUrl>` fields: an empty value (`email: ""`, as a form
/// left blank) means "not given", like a missing field.
pub fn blank_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => s.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

impl std::str::FromStr for WebUrl {
    type Err = UrlError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        WebUrl::parse(s)
    }
}

impl std::str::FromStr for Email {
    type Err = EmailError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Email::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_with_a_host() {
        for ok in [
            "https://www.kommune.dk/svar",
            "http://x.dk",
            "  https://x.dk/a?b=1#c  ",
            "HTTPS://X.DK/",
        ] {
            assert!(WebUrl::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "   javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\u{0}ascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//x.dk/",
            "/hoeringer/",
            "https://",
            "https:///x",
            "https://x dk/",
            "https://x.dk/\"onmouseover=",
            "https://kommune.dk@evil.example/",
            "ftp://x.dk/",
            "",
        ] {
            assert!(WebUrl::parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(matches!(
            WebUrl::parse(" JAVASCRIPT:alert(1)"),
            Err(UrlError::Scheme { scheme, .. }) if scheme == "javascript"
        ));
    }

    #[test]
    fn base_url_has_no_query_or_fragment_and_ends_in_slash() {
        assert_eq!(base_url("https://x.dk").unwrap(), "https://x.dk/");
        assert_eq!(base_url("https://x.dk/sub").unwrap(), "https://x.dk/sub/");
        for bad in [
            "https://",
            "https://x.dk/?a=1",
            "https://x.dk/#top",
            "https://x .dk/",
            "https://x.dk/\"",
            "javascript:alert(1)//",
        ] {
            assert!(base_url(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn email_is_one_plain_address() {
        for ok in ["hoering@kommune.dk", "jens.hansen+plan@sub.kommune.dk"] {
            assert!(Email::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "a@b.dk?bcc=someone@else.example",
            "a@b.dk\r\nBcc: x@y.dk",
            "ikke en adresse",
            "a@b",
            "@b.dk",
            "a@",
            "Navn <a@b.dk>",
            "\"a b\"@b.dk",
            "a@[127.0.0.1]",
            "a%0a@b.dk",
            "",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn mailto_encodes_address_and_subject() {
        let e = Email::parse("jens+plan@kommune.dk").unwrap();
        assert_eq!(e.mailto(None), "mailto:jens%2Bplan@kommune.dk");
        assert_eq!(
            e.mailto(Some("Høringssvar: Plan & budget?")),
            "mailto:jens%2Bplan@kommune.dk?subject=H%C3%B8ringssvar%3A%20Plan%20%26%20budget%3F"
        );
    }
}
