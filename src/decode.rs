//! Bytes → text: UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP and
//! ISO-2022-JP, detected without being told.
//!
//! Notices reach users as files saved by many tools, so the decoder never
//! fails: it picks the most plausible encoding and, when some bytes still do
//! not decode, replaces them with U+FFFD and says so in a warning.
//!
//! ```
//! // 「お知らせ」 in Shift_JIS
//! let bytes = b"\x82\xa8\x92\x6d\x82\xe7\x82\xb9";
//! let decoded = jpnotice::decode::decode(bytes);
//! assert_eq!(decoded.text, "お知らせ");
//! assert_eq!(decoded.encoding, "Shift_JIS");
//! ```

use encoding_rs::{EUC_JP, Encoding, ISO_2022_JP, SHIFT_JIS, UTF_8};

/// The result of decoding: the text, the encoding it was read as and any
/// warnings (for example 「3 bytes could not be decoded」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text; undecodable bytes appear as U+FFFD.
    pub text: String,
    /// The name of the encoding used, as `encoding_rs` spells it
    /// (`UTF-8`, `Shift_JIS`, `EUC-JP`, `ISO-2022-JP`).
    pub encoding: &'static str,
    /// Plain-language problems met while decoding.
    pub warnings: Vec<String>,
}

/// Decodes bytes of unknown encoding into text.
///
/// Tries UTF-8 first (a BOM is removed), then ISO-2022-JP when the bytes
/// carry its escape sequences, then scores Shift_JIS and EUC-JP by decoding
/// errors and by how Japanese the result looks.
///
/// ```
/// let d = jpnotice::decode::decode("令和６年".as_bytes());
/// assert_eq!((d.text.as_str(), d.encoding), ("令和６年", "UTF-8"));
/// ```
pub fn decode(bytes: &[u8]) -> Decoded {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let has_jis_escape = body.windows(3).any(|w| w == b"\x1b$B" || w == b"\x1b$@");
    if body.is_ascii() && has_jis_escape {
        let (text, had_errors) = ISO_2022_JP.decode_without_bom_handling(body);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(
                "some ISO-2022-JP sequences could not be decoded and were replaced with U+FFFD"
                    .to_owned(),
            );
        }
        return Decoded {
            text: text.into_owned(),
            encoding: ISO_2022_JP.name(),
            warnings,
        };
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
            warnings: Vec::new(),
        };
    }
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    if has_jis_escape {
        candidates.push(ISO_2022_JP);
    }
    candidates.extend([UTF_8, SHIFT_JIS, EUC_JP]);
    let best = candidates
        .into_iter()
        .map(|enc| {
            let (text, _) = enc.decode_without_bom_handling(body);
            let score = plausibility(&text);
            (score, enc, text.into_owned())
        })
        .max_by_key(|(score, _, _)| *score)
        .expect("candidate list is never empty");
    let (_, encoding, text) = best;
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let mut warnings = Vec::new();
    if bad > 0 {
        warnings.push(format!(
            "{bad} byte sequence(s) could not be decoded as {} and were replaced with U+FFFD",
            encoding.name()
        ));
    }
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// Scores decoded text: Japanese letters and common punctuation earn
/// points, replacement characters, control characters and rare symbols
/// (typical of a wrong guess) cost many.
fn plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    for c in text.chars() {
        score += match c {
            '\u{FFFD}' => -50,
            '\u{3041}'..='\u{309F}' => 3, // hiragana
            '\u{30A0}'..='\u{30FF}' => 2, // katakana
            '\u{4E00}'..='\u{9FFF}' => 2, // common kanji
            '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' => 2,
            '\t' | '\n' | '\r' | ' '..='~' => 1,
            c if c.is_control() => -20,
            '\u{FF61}'..='\u{FF9F}' => -2, // half-width katakana: a Shift_JIS misreading of EUC-JP
            '\u{3400}'..='\u{4DBF}' | '\u{E000}'..='\u{F8FF}' => -10,
            _ => -3,
        };
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "個人情報漏えいのおそれに関するお詫びとお知らせ　令和６年１月２９日（月）";

    fn roundtrip(enc: &'static Encoding) -> Decoded {
        let (bytes, _, unmappable) = enc.encode(SAMPLE);
        assert!(!unmappable);
        decode(&bytes)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).text, SAMPLE);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bom);
        assert_eq!(d.text, SAMPLE);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn shift_jis() {
        let d = roundtrip(SHIFT_JIS);
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "Shift_JIS"));
    }

    #[test]
    fn euc_jp() {
        let d = roundtrip(EUC_JP);
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "EUC-JP"));
    }

    #[test]
    fn iso_2022_jp() {
        let d = roundtrip(ISO_2022_JP);
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "ISO-2022-JP"));
    }

    #[test]
    fn garbage_gives_a_warning_not_a_panic() {
        let d = decode(&[0xff, 0xfe, 0x80, 0x81, 0x00, 0xa0]);
        assert!(!d.warnings.is_empty(), "{d:?}");
    }
}
