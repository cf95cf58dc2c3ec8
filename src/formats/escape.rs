//! The one escaper for text placed in HTML or XML that planpub writes by hand (the
//! sitemap, the preview's overlay). Templates are escaped by Tera's autoescape, and
//! Markdown bodies by the renderer and ammonia.

/// `s` as element content or a quoted attribute value, in HTML and in XML alike (the
/// apostrophe as `&apos;`, which XML and HTML5 both define).
pub fn markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(
            super::markup(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
        assert_eq!(super::markup("Ærø – ok"), "Ærø – ok");
    }
}
