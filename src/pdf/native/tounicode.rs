//! ToUnicode CMaps: the map from a font's character codes to Unicode that
//! a PDF carries beside the font (`beginbfchar`, `beginbfrange`).
//!
//! The parser is lenient: it reads what it can and skips what it cannot
//! (a `bfchar` whose target is a name such as `/uni3042`, odd-length hex,
//! comments), because a ToUnicode map that is partly wrong is still better
//! than none. Targets that are U+FFFD, empty or control characters are
//! treated as unmapped.

use std::collections::HashMap;

/// The most entries a `bfrange` may add to the map; larger ranges are
/// looked up without being expanded.
const EXPAND_LIMIT: u32 = 4096;

/// A parsed ToUnicode map.
///
/// ```
/// use jpnotice::pdf::native::tounicode::ToUnicode;
/// let cmap = ToUnicode::parse(b"1 beginbfchar <0003> <304A> endbfchar \
///     1 beginbfrange <0010> <0012> <6F0F> endbfrange");
/// assert_eq!(cmap.get(0x0003, 2).as_deref(), Some("お"));
/// assert_eq!(cmap.get(0x0011, 2).as_deref(), Some("\u{6F10}"));
/// assert_eq!(cmap.get(0x0013, 2), None);
/// ```
#[derive(Debug, Default, Clone)]
pub struct ToUnicode {
    /// (code length in bytes, code) → text.
    map: HashMap<(u8, u32), String>,
    /// Ranges too large to expand: (length, low, high, first target).
    ranges: Vec<(u8, u32, u32, Vec<u16>)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Name(Vec<u8>),
    Word(Vec<u8>),
    Open,
    Close,
}

impl ToUnicode {
    /// Parses the decoded bytes of a ToUnicode stream.
    pub fn parse(bytes: &[u8]) -> ToUnicode {
        let tokens = tokenize(bytes);
        let mut cmap = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while i + 1 < tokens.len() && !is_word(&tokens[i], b"endbfchar") {
                        if let Token::Hex(src) = &tokens[i] {
                            if let Some(text) = target_text(&tokens[i + 1]) {
                                cmap.insert(src, text);
                            }
                            i += 2;
                        } else {
                            i += 1;
                        }
                    }
                }
                Token::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    while i + 2 < tokens.len() && !is_word(&tokens[i], b"endbfrange") {
                        i = cmap.range(&tokens, i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        cmap
    }

    fn insert(&mut self, src: &[u8], text: String) {
        if let Some((len, code)) = code_of(src) {
            self.map.entry((len, code)).or_insert(text);
        }
    }

    /// Reads one `bfrange` entry starting at token `i`; returns the index
    /// of the next entry.
    fn range(&mut self, tokens: &[Token], i: usize) -> usize {
        let (Token::Hex(lo), Token::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
            return i + 1;
        };
        let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) else {
            return i + 3;
        };
        match &tokens[i + 2] {
            Token::Hex(dst) => {
                let units = utf16_units(dst);
                if hi >= lo && hi - lo < EXPAND_LIMIT {
                    for (offset, code) in (lo..=hi).enumerate() {
                        if let Some(text) = shifted(&units, offset as u32) {
                            self.map.entry((len, code)).or_insert(text);
                        }
                    }
                } else if hi >= lo {
                    self.ranges.push((len, lo, hi, units));
                }
                i + 3
            }
            Token::Open => {
                let mut j = i + 3;
                let mut code = lo;
                while j < tokens.len() && tokens[j] != Token::Close {
                    if let Some(text) = target_text(&tokens[j]) {
                        self.map.entry((len, code)).or_insert(text);
                    }
                    code = code.saturating_add(1);
                    j += 1;
                }
                j + 1
            }
            _ => i + 3,
        }
    }

    /// The text of a code that is `len` bytes long; codes written with
    /// another length in the map are found too.
    pub fn get(&self, code: u32, len: u8) -> Option<String> {
        if let Some(text) = self.map.get(&(len, code)) {
            return Some(text.clone());
        }
        for (l, lo, hi, units) in &self.ranges {
            if *l == len && (*lo..=*hi).contains(&code) {
                return shifted(units, code - lo);
            }
        }
        (1..=4u8)
            .filter(|l| *l != len)
            .find_map(|l| self.map.get(&(l, code)).cloned())
    }

    /// True when the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty() && self.ranges.is_empty()
    }
}

fn is_word(token: &Token, word: &[u8]) -> bool {
    matches!(token, Token::Word(w) if w == word)
}

/// (length in bytes, value) of a source code.
fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let code = bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
    Some((bytes.len() as u8, code))
}

/// The text a `bfchar` target stands for: UTF-16BE hex, or a glyph name
/// such as `/uni3042`.
fn target_text(token: &Token) -> Option<String> {
    match token {
        Token::Hex(dst) => clean(String::from_utf16_lossy(&utf16_units(dst))),
        Token::Name(name) => {
            let name = std::str::from_utf8(name).ok()?;
            let value = if let Some(hex) = name.strip_prefix("uni") {
                u32::from_str_radix(hex.get(..4)?, 16).ok()?
            } else {
                let hex = name.strip_prefix('u')?;
                if !(4..=6).contains(&hex.len()) {
                    return None;
                }
                u32::from_str_radix(hex, 16).ok()?
            };
            clean(char::from_u32(value)?.to_string())
        }
        _ => None,
    }
}

/// `None` for text that maps nothing: empty, U+FFFD, NUL or other controls.
fn clean(text: String) -> Option<String> {
    if text.is_empty()
        || text
            .chars()
            .all(|c| c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
    {
        None
    } else {
        Some(text)
    }
}

/// The target's UTF-16 code units (a single byte counts as one unit).
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return vec![u16::from(bytes[0])];
    }
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

/// The range target moved on by `offset`: the last code unit grows.
fn shifted(units: &[u16], offset: u32) -> Option<String> {
    let mut units = units.to_vec();
    let last = units.last_mut()?;
    *last = u16::try_from(u32::from(*last).checked_add(offset)?).ok()?;
    clean(String::from_utf16_lossy(&units))
}

fn tokenize(bytes: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = bytes[start..]
                    .iter()
                    .position(|c| *c == b'>')
                    .map_or(bytes.len(), |p| start + p);
                tokens.push(Token::Hex(hex(&bytes[start..end])));
                i = end + 1;
            }
            b'[' => {
                tokens.push(Token::Open);
                i += 1;
            }
            b']' => {
                tokens.push(Token::Close);
                i += 1;
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && is_regular(bytes[i]) {
                    i += 1;
                }
                tokens.push(Token::Name(bytes[start..i].to_vec()));
            }
            b'(' => {
                // Literal strings (CMapName, Registry) carry nothing we need.
                let mut depth = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if is_regular(b) => {
                let start = i;
                while i < bytes.len() && is_regular(bytes[i]) {
                    i += 1;
                }
                tokens.push(Token::Word(bytes[start..i].to_vec()));
            }
            _ => i += 1,
        }
    }
    tokens
}

fn is_regular(b: u8) -> bool {
    !b.is_ascii_whitespace() && !b"()<>[]{}/%".contains(&b) && b != 0
}

/// Hex digits to bytes; whitespace is skipped and an odd last digit is
/// padded with 0, as the PDF syntax says.
fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|d| (*d as char).to_digit(16).map(|v| v as u8))
        .collect();
    nibbles
        .chunks(2)
        .map(|c| (c[0] << 4) | c.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_arrays_and_surrogates() {
        let cmap = ToUnicode::parse(
            b"/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<01> /uni6F0F\n<0002> <D840DC0B>\nendbfchar\n\
              1 beginbfrange <0100> <0102> [<3042> <3044> <FFFD>] endbfrange",
        );
        assert_eq!(cmap.get(1, 1).as_deref(), Some("漏"));
        assert_eq!(cmap.get(2, 2).as_deref(), Some("\u{2000B}"));
        assert_eq!(cmap.get(0x101, 2).as_deref(), Some("い"));
        assert_eq!(cmap.get(0x102, 2), None);
    }
}
