//! Line markers — numbering styles, bullets, Markdown headings — and the
//! one test of whether a marked line is a heading.
//!
//! A line that starts with a marker is a heading when it is short, has no
//! sentence end and stands alone (「２．発生の経緯」 with text under it); the
//! same markers on consecutive lines make a list (「①氏名」「②住所」).
//! That last test needs the neighbouring lines and is made by
//! [`crate::structure`]; this module reads one line.
//!
//! Lines are read in normalized text (NFKC: 「２．」 is 「2.」).
//!
//! ```
//! use jpnotice::structure::heading::{marker, Style};
//! assert_eq!(marker("2. 発生の経緯").map(|m| m.style), Some(Style::Decimal));
//! assert_eq!(marker("(1) 原因").map(|m| m.style), Some(Style::ParenDecimal));
//! assert_eq!(marker("・氏名").map(|m| m.style), Some(Style::Bullet('・')));
//! assert_eq!(marker("【経緯】").map(|m| m.style), Some(Style::Bracketed));
//! assert_eq!(marker("## 概要").map(|m| m.style), Some(Style::Markdown(2)));
//! assert_eq!(marker("2024年5月1日"), None);
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// How a line is marked as a heading or list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Style {
    /// 「## 経緯」: a Markdown heading with its number of 「#」.
    Markdown(u8),
    /// 「1.」「１．」「1)」「1 」.
    Decimal,
    /// 「(1)」「（１）」.
    ParenDecimal,
    /// 「①」 … 「⑳」.
    Circled,
    /// 「一、」「二.」.
    Kanji,
    /// 「(一)」「（二）」.
    ParenKanji,
    /// 「第1」「第２章」.
    Ordinal,
    /// 「ア.」「イ、」.
    Katakana,
    /// 「【経緯】」「<概要>」: the whole line in lenticular or angle brackets.
    Bracketed,
    /// A square, diamond, circle or triangle that may head a section or
    /// mark an item: ■ □ ◆ ◇ ● ◎ ▼ ▽ ▶ ►.
    Symbol(char),
    /// A bullet that marks list items only: ・ - * ○ → > ＞ ✓.
    Bullet(char),
    /// 「※」: a note.
    Note,
}

impl Style {
    /// True for markers that can open a section (all but bullets and notes).
    pub fn can_head(self) -> bool {
        !matches!(self, Style::Bullet(_) | Style::Note)
    }
}

/// A marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The marker's style.
    pub style: Style,
    /// Byte length of the marker and the spaces after it.
    pub len: usize,
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"(?P<paren>\(\d{1,2}\))",
        r"|(?P<pkanji>\([一二三四五六七八九十]{1,3}\))",
        r"|(?P<dec>\d{1,2}(?:[.)]|\s)(?:\s*[^\d\s.,:/-]|$))",
        r"|(?P<circ>[①-⑳])",
        r"|(?P<kanji>[一二三四五六七八九十]{1,3}[、.])",
        r"|(?P<ord>第[\d一二三四五六七八九十]{1,2}(?:[章節条項]|\s|[.、]))",
        r"|(?P<kata>[ア-ン](?:[.、)]|\s))",
        r")\s*",
    ))
    .expect("static regex")
});

/// The marker at the start of a trimmed line, if any.
pub fn marker(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    if first == '#' {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        let rest = &line[hashes..];
        // 「#1」 is no heading; 「# 本文」 is.
        if rest.is_empty() || rest.starts_with(' ') {
            let len = line.len() - rest.trim_start().len();
            return Some(Marker {
                style: Style::Markdown(u8::try_from(hashes).unwrap_or(u8::MAX)),
                len,
            });
        }
        return None;
    }
    let single = |style: Style| {
        let rest = &line[first.len_utf8()..];
        Some(Marker {
            style,
            len: line.len() - rest.trim_start().len(),
        })
    };
    match first {
        '■' | '□' | '◆' | '◇' | '●' | '◎' | '▼' | '▽' | '▶' | '►' => {
            return single(Style::Symbol(first));
        }
        '・' | '*' | '○' | '→' | '>' | '✓' | '〇' => return single(Style::Bullet(first)),
        // 「-」 bullets need a space; 「-250千」 is a number.
        '-' if line[1..].starts_with(' ') || line.len() == 1 => {
            return single(Style::Bullet('-'));
        }
        '※' => return single(Style::Note),
        '【' if line.ends_with('】') && line.matches('【').count() == 1 => {
            return Some(Marker {
                style: Style::Bracketed,
                len: 0,
            });
        }
        '<' | '＜' if line.ends_with(['>', '＞']) => {
            return Some(Marker {
                style: Style::Bracketed,
                len: 0,
            });
        }
        _ => {}
    }
    let caps = NUMBERED.captures(line)?;
    let whole = caps.get(0)?;
    let style = if caps.name("paren").is_some() {
        Style::ParenDecimal
    } else if caps.name("pkanji").is_some() {
        Style::ParenKanji
    } else if let Some(dec) = caps.name("dec") {
        // The look-ahead character belongs to the text, not the marker.
        let marker_end = dec
            .as_str()
            .char_indices()
            .find(|&(i, c)| i > 0 && !(c.is_ascii_digit() || c == '.' || c == ')' || c == ' '))
            .map_or(dec.end(), |(i, _)| dec.start() + i);
        return Some(Marker {
            style: Style::Decimal,
            len: marker_end,
        });
    } else if caps.name("circ").is_some() {
        Style::Circled
    } else if caps.name("kanji").is_some() {
        Style::Kanji
    } else if caps.name("ord").is_some() {
        Style::Ordinal
    } else {
        Style::Katakana
    };
    Some(Marker {
        style,
        len: whole.end(),
    })
}

/// Whether a marked line is short and plain enough to be a heading
/// (before its neighbours are looked at): at most 50 characters, no final
/// 「。」, and no list of 「、」 unless very short.
///
/// ```
/// use jpnotice::structure::heading::heading_shaped;
/// assert!(heading_shaped("２．発生の経緯"));
/// assert!(!heading_shaped("２．当社サーバーが不正アクセスを受けました。"));
/// ```
pub fn heading_shaped(line: &str) -> bool {
    let chars = line.chars().count();
    chars <= 50 && !line.ends_with('。') && !(line.contains('、') && chars > 20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_marker_stops_before_text() {
        let m = marker("1. 漏えいした情報").expect("marked");
        assert_eq!(m.style, Style::Decimal);
        assert_eq!(&"1. 漏えいした情報"[m.len..], "漏えいした情報");
        assert_eq!(marker("2024.5.1 公表"), None);
        assert_eq!(marker("10:00"), None);
        assert_eq!(marker("3,000件"), None);
    }

    #[test]
    fn every_style() {
        let cases = [
            ("（２）原因", Style::ParenDecimal),
            ("(二) 対応", Style::ParenKanji),
            ("③住所", Style::Circled),
            ("三、今後の対応", Style::Kanji),
            ("第2章 概要", Style::Ordinal),
            ("イ. 氏名", Style::Katakana),
            ("＜概要＞", Style::Bracketed),
            ("■経緯", Style::Symbol('■')),
            ("- 氏名", Style::Bullet('-')),
            ("※カード情報は含みません", Style::Note),
        ];
        for (line, style) in cases {
            let normalized = crate::normalize::normalize(line).text;
            assert_eq!(marker(&normalized).map(|m| m.style), Some(style), "{line}");
        }
        assert_eq!(marker("-250千"), None);
    }
}
