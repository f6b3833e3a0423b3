//! Bytes → text: UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP,
//! ISO-2022-JP and UTF-16 (with a BOM), detected without being told.
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

use encoding_rs::{EUC_JP, Encoding, ISO_2022_JP, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE};

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
    let mut decoded = decode_text(bytes);
    let controls = decoded
        .text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if controls > 0 {
        decoded.warnings.push(format!(
            "{controls} control character(s) such as NUL in the text: is this really a text file?"
        ));
    }
    decoded
}

fn decode_text(bytes: &[u8]) -> Decoded {
    if let Some(decoded) = decode_utf16(bytes) {
        return decoded;
    }
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
    let warnings = replacement_warning(&text, |bad| {
        format!(
            "{bad} byte sequence(s) could not be decoded as {} and were replaced with U+FFFD",
            encoding.name()
        )
    });
    Decoded {
        text,
        encoding: encoding.name(),
        warnings,
    }
}

/// A warning, worded by `describe` from their number, when decoding put
/// U+FFFD in place of bytes it could not read.
fn replacement_warning(text: &str, describe: impl Fn(usize) -> String) -> Vec<String> {
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if bad > 0 {
        vec![describe(bad)]
    } else {
        Vec::new()
    }
}

/// UTF-16 text, recognized by its byte-order mark (what Windows Notepad
/// wrote for years as 「Unicode」). Lone surrogates become U+FFFD with a
/// warning.
fn decode_utf16(bytes: &[u8]) -> Option<Decoded> {
    let (encoding, body) = if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        (UTF_16LE, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        (UTF_16BE, body)
    } else {
        return None;
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let warnings = replacement_warning(&text, |bad| {
        format!(
            "{bad} lone surrogate(s) or odd trailing byte(s) in {} text were replaced with U+FFFD",
            encoding.name()
        )
    });
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warnings,
    })
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
    fn utf16_with_bom() {
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), (SAMPLE, "UTF-16LE"));
        let mut be = b"\xFE\xFF".to_vec();
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, SAMPLE);
    }

    #[test]
    fn utf16_lone_surrogate_is_replaced_with_a_warning() {
        // 「A」, a high surrogate without its pair, 「B」
        let d = decode(b"\xFF\xFEA\x00\x00\xD8B\x00");
        assert_eq!(d.text, "A\u{FFFD}B");
        assert!(d.warnings[0].contains("lone surrogate"), "{:?}", d.warnings);
    }

    #[test]
    fn control_characters_are_reported() {
        let d = decode("不正アクセス\u{0}について".as_bytes());
        assert_eq!(d.text, "不正アクセス\u{0}について");
        assert!(
            d.warnings[0].starts_with("1 control character"),
            "{:?}",
            d.warnings
        );
        assert!(decode("氏名\t住所\r\n".as_bytes()).warnings.is_empty());
    }

    #[test]
    fn garbage_gives_a_warning_not_a_panic() {
        let d = decode(&[0x80, 0xff, 0xfe, 0x81, 0xa0, 0xfd]);
        assert!(!d.warnings.is_empty(), "{d:?}");
    }
}
