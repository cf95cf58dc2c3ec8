//! Small encoders: hex, RFC 4648 base32, BagIt manifest path escaping, URL path
//! percent-encoding and version-8 UUIDs.

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    s
}

/// RFC 4648 §6 base32, upper case, with `=` padding (the form Python's
/// `base64.b32encode` and warcio produce).
pub(crate) fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    for chunk in bytes.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        // Number of output characters carrying data for 1..=5 input bytes.
        let chars = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for i in 0..8 {
            if i < chars {
                let idx = (n >> (35 - i * 5)) & 0x1f;
                out.push(ALPHABET[idx as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Escapes a path for a BagIt manifest line (RFC 8493 §2.1.3): `%` → `%25`,
/// LF → `%0A`, CR → `%0D`; nothing else.
pub(crate) fn manifest_path_encode(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => s.push_str("%25"),
            '\n' => s.push_str("%0A"),
            '\r' => s.push_str("%0D"),
            c => s.push(c),
        }
    }
    s
}

/// Reverses [`manifest_path_encode`].  Only `%25`, `%0A`, `%0D` (any case) are
/// decoded; any other `%` sequence is kept as is.
pub(crate) fn manifest_path_decode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(pos) = rest.find('%') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        let code = tail.get(1..3).map(|c| c.to_ascii_uppercase());
        match code.as_deref() {
            Some("25") => out.push('%'),
            Some("0A") => out.push('\n'),
            Some("0D") => out.push('\r'),
            _ => {
                out.push('%');
                rest = &tail[1..];
                continue;
            }
        }
        rest = &tail[3..];
    }
    out.push_str(rest);
    out
}

/// A relative `/`-separated path as written in a URL: the site's one rule
/// ([`crate::formats::url::encode_path`]), so WARC records sit at the very addresses
/// the pages link to.
pub(crate) fn url_path_encode(path: &str) -> String {
    crate::formats::url::encode_path(path).into_owned()
}

/// Formats the first 16 bytes of `digest` as an RFC 9562 version-8 UUID
/// (`xxxxxxxx-xxxx-8xxx-Vxxx-xxxxxxxxxxxx`, variant bits `10`).
pub(crate) fn uuid_v8(digest: &[u8]) -> String {
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_works() {
        assert_eq!(hex(&[0x00, 0xff, 0x3a]), "00ff3a");
    }

    #[test]
    fn base32_rfc4648_vectors() {
        // RFC 4648 §10 test vectors.
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY======");
        assert_eq!(base32(b"fo"), "MZXQ====");
        assert_eq!(base32(b"foo"), "MZXW6===");
        assert_eq!(base32(b"foob"), "MZXW6YQ=");
        assert_eq!(base32(b"fooba"), "MZXW6YTB");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI======");
        // A SHA-256 digest gives 56 characters with 4 padding characters.
        assert_eq!(base32(&[0u8; 32]).len(), 56);
        assert!(base32(&[0u8; 32]).ends_with("===="));
    }

    #[test]
    fn manifest_paths_round_trip() {
        let raw = "data/a%b\nc\rd æøå.txt";
        let enc = manifest_path_encode(raw);
        assert_eq!(enc, "data/a%25b%0Ac%0Dd æøå.txt");
        assert_eq!(manifest_path_decode(&enc), raw);
        assert_eq!(manifest_path_decode("a%0ab%0d%zz%"), "a\nb\r%zz%");
        assert_eq!(
            manifest_path_encode("data/høringsnotat.pdf"),
            "data/høringsnotat.pdf"
        );
    }

    #[test]
    fn url_paths() {
        assert_eq!(
            url_path_encode("dokumenter/høringsnotat.pdf"),
            "dokumenter/h%C3%B8ringsnotat.pdf"
        );
        assert_eq!(url_path_encode("a b?#%&+.css"), "a%20b%3F%23%25%26%2B.css");
        assert_eq!(url_path_encode("x/y-z_1~.html"), "x/y-z_1~.html");
    }

    #[test]
    fn uuid_v8_format() {
        let u = uuid_v8(&[0xffu8; 32]);
        assert_eq!(u, "ffffffff-ffff-8fff-bfff-ffffffffffff");
        let u = uuid_v8(&[0u8; 32]);
        assert_eq!(u, "00000000-0000-8000-8000-000000000000");
    }
}
