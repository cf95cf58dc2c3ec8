//! The media type of an attachment, for the open data.
//!
//! One small function over `mime_guess`'s table, so that the JSON says what a file is
//! without planpub keeping a list of its own. (Issue 14 brings a single MIME table for
//! the whole program; this is the place to point at it.)

/// The IANA media type of a file, by its extension (case-insensitive);
/// `application/octet-stream` when the extension is unknown or missing.
pub fn media_type(file_name: &str) -> &'static str {
    mime_guess::from_path(file_name)
        .first_raw()
        .unwrap_or("application/octet-stream")
}

#[cfg(test)]
mod tests {
    use super::media_type;

    #[test]
    fn common_attachments() {
        assert_eq!(media_type("bilag æøå 2.pdf"), "application/pdf");
        assert_eq!(media_type("Notat.PDF"), "application/pdf");
        assert_eq!(
            media_type("x.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(media_type("kort.png"), "image/png");
        assert_eq!(media_type("data.csv"), "text/csv");
        assert_eq!(media_type("uden-endelse"), "application/octet-stream");
        assert_eq!(media_type("x.ukendt123"), "application/octet-stream");
    }
}
