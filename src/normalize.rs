//! Normalization: NFKC plus the repairs Japanese notices need, with a map
//! from every normalized byte back to the input.
//!
//! Notices arrive as text pulled out of PDFs: full-width digits
//! (「２０２４」), spaces inside numbers (「2024 年 7 月 17 日」「1,092 件分」),
//! Kangxi radicals in place of kanji (「⽇」 for 「日」), and a dozen dash
//! look-alikes. Extractors see one clean form; callers still get spans in
//! the input, because [`Normalized::input_span`] maps every normalized
//! range back.
//!
//! The repairs, in order of application:
//! - NFKC on each character (with its combining marks), except circled
//!   numbers (「①氏名」 stays `①`, so it never reads as a count of 1);
//! - CJK Radicals Supplement characters (「⻑」「⺠」「⻘」) → unified kanji
//!   (NFKC already handles the Kangxi radicals block);
//! - dash look-alikes (－ ‐ ― − and ー between digits) → `-`;
//! - wave dashes 〜 ～ ∼ → `~`, the one range mark extractors look for;
//! - horizontal spaces between a digit and a counter or date unit
//!   (「7 月」「1,092 件」「令和 6 年」) removed, while spaces between two
//!   numbers (「1 2」) are kept so separate numbers never merge;
//! - `\r\n` → `\n`, a BOM and other control characters removed.
//!
//! ```
//! let n = jpnotice::normalize::normalize("令和６年 ７ 月１日");
//! assert_eq!(n.text, "令和6年7月1日");
//! // 「７」 is full-width (3 bytes) in the input; the map says where it was.
//! let at = n.text.find('7').unwrap();
//! assert_eq!(n.input_span(at, at + 1), (13, 16));
//! ```

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Normalized text with a byte-level map back to the input.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text that extractors read.
    pub text: String,
    /// For each byte of `text`, the input byte offset where the input
    /// character(s) that produced it start.
    starts: Vec<u32>,
    /// For each byte of `text`, the input byte offset where those input
    /// character(s) end.
    ends: Vec<u32>,
    /// Length of the input in bytes.
    input_len: u32,
}

impl Normalized {
    /// Maps a byte range of the normalized text to a byte range of the input.
    ///
    /// Both ends land on input character boundaries, and the mapped range
    /// covers every input character that contributed to the normalized
    /// range. An empty range maps to an empty range.
    ///
    /// ```
    /// let input = "約１３万人";
    /// let n = jpnotice::normalize::normalize(input);
    /// assert_eq!(n.text, "約13万人");
    /// let (s, e) = n.input_span(0, n.text.len());
    /// assert_eq!(&input[s..e], "約１３万人");
    /// ```
    pub fn input_span(&self, start: usize, end: usize) -> (usize, usize) {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let s = self.input_offset(start);
        if end == start {
            return (s, s);
        }
        (s, self.ends[end - 1] as usize)
    }

    /// The input byte offset corresponding to a normalized byte offset
    /// (the end of the text maps to the end of the input).
    ///
    /// ```
    /// let n = jpnotice::normalize::normalize("ＡＢ");
    /// assert_eq!(n.input_offset(1), 3);
    /// ```
    pub fn input_offset(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            self.input_len as usize
        } else {
            self.starts[offset] as usize
        }
    }
}

/// Normalizes text for extraction; see the module documentation for the
/// repairs applied.
///
/// ```
/// let n = jpnotice::normalize::normalize("⽇時：２０２４ 年 ７ 月 １７ ⽇ ８：３０～１７：００");
/// assert_eq!(n.text, "日時:2024年7月17日 8:30~17:00");
/// ```
pub fn normalize(input: &str) -> Normalized {
    let chars = nfkc_pieces(input);
    let repaired = repair(&chars);
    let mut out = Normalized {
        text: String::with_capacity(input.len()),
        starts: Vec::with_capacity(input.len()),
        ends: Vec::with_capacity(input.len()),
        input_len: input.len() as u32,
    };
    for p in repaired {
        out.text.push(p.c);
        for _ in 0..p.c.len_utf8() {
            out.starts.push(p.start);
            out.ends.push(p.end);
        }
    }
    out
}

/// One normalized character and the input range it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    c: char,
    start: u32,
    end: u32,
}

/// Splits the input into base characters with their combining marks, and
/// NFKC-normalizes each cluster on its own so every output character knows
/// its input range.
fn nfkc_pieces(input: &str) -> Vec<Piece> {
    // Characters that are dropped (CR, BOM, control characters) are removed
    // first, so that a combining mark after one of them still joins the
    // character before it and a second normalization changes nothing.
    let kept: Vec<(usize, char)> = input
        .char_indices()
        .filter(|&(_, c)| !is_dropped(c))
        .collect();
    let mut out = Vec::with_capacity(input.len());
    let mut buf = String::new();
    let mut i = 0;
    while i < kept.len() {
        let (start, c) = kept[i];
        let mut end = start + c.len_utf8();
        buf.clear();
        buf.push(c);
        i += 1;
        while let Some(&(at, next)) = kept.get(i) {
            if !attaches_to_previous(next) {
                break;
            }
            buf.push(next);
            end = at + next.len_utf8();
            i += 1;
        }
        let (s, e) = (start as u32, end as u32);
        let piece = |c: char| Piece {
            c,
            start: s,
            end: e,
        };
        if keeps_form(c) {
            out.push(piece(c));
            out.extend(buf[c.len_utf8()..].nfkc().map(piece));
        } else if buf.len() == c.len_utf8() && is_own_nfkc(c) {
            // A lone character already in NFKC (most kana and kanji) is
            // its own normalization: skip the normalizer's buffers.
            out.push(piece(c));
        } else {
            out.extend(buf.nfkc().map(piece));
        }
    }
    out
}

/// Whether NFKC leaves the character alone: ASCII, kana and common kanji
/// by their ranges (checked by a test), others by the quick check.
fn is_own_nfkc(c: char) -> bool {
    matches!(c, '\0'..='\u{7F}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FE}' | '\u{4E00}'..='\u{9FFF}')
        || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Characters removed outright: CR (so CRLF becomes LF), the BOM, and
/// control characters other than newline and tab.
fn is_dropped(c: char) -> bool {
    c == '\u{FEFF}' || (c.is_control() && c != '\n' && c != '\t')
}

/// Combining marks (and the half-width voiced sound marks) belong to the
/// character before them.
fn attaches_to_previous(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}' | '\u{3099}' | '\u{309A}')
        || canonical_combining_class(c) != 0
}

/// Characters NFKC would rewrite in a way that loses meaning here.
fn keeps_form(c: char) -> bool {
    is_circled_number(c)
}

/// ①–⑳, ㉑–㉟, ㊱–㊿: list markers, never quantities.
pub(crate) fn is_circled_number(c: char) -> bool {
    matches!(c, '\u{2460}'..='\u{2473}' | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}')
}

/// CJK Radicals Supplement characters that PDF text layers emit in place of
/// the ordinary kanji, and the kanji they stand for.
fn radical_to_kanji(c: char) -> Option<char> {
    Some(match c {
        '\u{2E8C}' | '\u{2E8D}' => '小',
        '\u{2E8F}' => '尢',
        '\u{2E9B}' => '旡',
        '\u{2EA0}' => '民',
        '\u{2EA9}' => '王',
        '\u{2EAC}' | '\u{2EAD}' => '示',
        '\u{2EAE}' => '竹',
        '\u{2EB2}' => '罒',
        '\u{2EB7}' => '羊',
        '\u{2EB9}' => '老',
        '\u{2EBB}' => '聿',
        '\u{2EBC}' => '肉',
        '\u{2EC4}' => '西',
        '\u{2EC5}' => '见',
        '\u{2EC6}' => '角',
        '\u{2ECA}' => '足',
        '\u{2ECC}' | '\u{2ECD}' => '辶',
        '\u{2ECF}' | '\u{2ED6}' => '阝',
        '\u{2ED1}' => '長',
        '\u{2ED7}' => '雨',
        '\u{2ED8}' => '青',
        '\u{2EDC}' => '飞',
        '\u{2EDD}' | '\u{2EDE}' => '食',
        '\u{2EE0}' => '饣',
        '\u{2EE4}' => '鬼',
        '\u{2EE5}' => '鱼',
        '\u{2EE6}' => '鸟',
        '\u{2EE9}' => '黄',
        '\u{2EEB}' => '斉',
        '\u{2EEC}' => '齐',
        '\u{2EED}' => '歯',
        '\u{2EEF}' => '竜',
        '\u{2EF2}' => '亀',
        _ => return None,
    })
}

/// Dash look-alikes that always mean a hyphen or minus.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' | '\u{2043}'
    )
}

/// The long-vowel marks, which are dashes only between digits.
fn is_long_vowel(c: char) -> bool {
    matches!(c, '\u{30FC}' | '\u{FF70}')
}

fn is_wave(c: char) -> bool {
    matches!(
        c,
        '\u{301C}' | '\u{FF5E}' | '\u{223C}' | '\u{2053}' | '\u{3030}'
    )
}

fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{202F}'
    )
}

/// Characters that follow a number as its unit or date part; a space
/// between a digit and one of these is a PDF artifact.
fn joins_after_digit(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '時'
            | '分'
            | '秒'
            | '件'
            | '名'
            | '人'
            | '万'
            | '千'
            | '億'
            | '百'
            | '円'
            | '度'
            | '号'
            | '通'
            | '枚'
            | '台'
            | '社'
            | '歳'
            | '個'
            | '回'
            | '報'
            | '条'
            | '頃'
            | '%'
            | '~'
            | ':'
            | '('
    )
}

/// Characters that precede a number (date parts, era names, 約, 第); a
/// space between one of these and a digit is a PDF artifact.
fn joins_before_digit(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '時' | '分' | '和' | '成' | '正' | '治' | '約' | '第' | '計' | '~' | ':'
    )
}

/// Applies the character-level repairs to NFKC output.
fn repair(pieces: &[Piece]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let mut p = pieces[i];
        if let Some(k) = radical_to_kanji(p.c) {
            p.c = k;
        }
        match p.c {
            c if is_dash(c) => p.c = '-',
            c if is_wave(c) => p.c = '~',
            c if is_long_vowel(c) => {
                let prev_digit = out.last().is_some_and(|q| q.c.is_ascii_digit());
                let next_digit = next_visible(pieces, i + 1).is_some_and(|c| c.is_ascii_digit());
                if prev_digit && next_digit {
                    p.c = '-';
                }
            }
            c if is_hspace(c) => {
                // Find the end of the space run and decide whether it is an
                // artifact between a number and its unit. A run with a tab
                // separates table cells and is always kept.
                let mut j = i;
                while j < pieces.len() && is_hspace(pieces[j].c) {
                    j += 1;
                }
                let has_tab = pieces[i..j].iter().any(|q| q.c == '\t');
                let prev = out.last().map(|q| q.c);
                let next = next_visible(pieces, j);
                if let (false, Some(a), Some(b)) = (has_tab, prev, next) {
                    let drop = (a.is_ascii_digit() && joins_after_digit(b))
                        || (joins_before_digit(a) && b.is_ascii_digit());
                    if drop {
                        i = j;
                        continue;
                    }
                }
                p.c = if p.c == '\t' { '\t' } else { ' ' };
            }
            _ => {}
        }
        out.push(p);
        i += 1;
    }
    out
}

/// The next character at or after `i`, mapped the way `repair` would map it
/// for the purpose of digit and unit tests.
fn next_visible(pieces: &[Piece], i: usize) -> Option<char> {
    pieces.get(i).map(|p| {
        let c = radical_to_kanji(p.c).unwrap_or(p.c);
        if is_wave(c) { '~' } else { c }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_nfkc_characters_are_their_own_nfkc() {
        let mut checked = 0;
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_own_nfkc(c))
        {
            let alone = c.to_string();
            assert_eq!(
                alone.nfkc().collect::<String>(),
                alone,
                "U+{:04X}",
                c as u32
            );
            checked += 1;
        }
        assert!(checked > 20_000, "{checked}");
    }

    fn check_map(input: &str) {
        let n = normalize(input);
        let mut last = 0;
        for (i, _) in n.text.char_indices() {
            let (s, e) = n.input_span(i, i + n.text[i..].chars().next().unwrap().len_utf8());
            assert!(s >= last, "map not monotonic at {i} in {input:?}");
            assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            assert!(s <= e && e <= input.len());
            last = s;
        }
    }

    #[test]
    fn full_width_and_pdf_spaces() {
        assert_eq!(normalize("2024 年 7 月 17 日").text, "2024年7月17日");
        assert_eq!(normalize("202５年３月 10 日").text, "2025年3月10日");
        assert_eq!(normalize("1,092 件分").text, "1,092件分");
        assert_eq!(normalize("令和 ６ 年").text, "令和6年");
        assert_eq!(normalize("約 13 万人").text, "約13万人");
    }

    #[test]
    fn tabs_between_table_cells_are_kept() {
        assert_eq!(normalize("計\t11件").text, "計\t11件");
    }

    #[test]
    fn separate_numbers_are_not_glued() {
        assert_eq!(normalize("1 2").text, "1 2");
        assert_eq!(normalize("第1報 2024年").text, "第1報 2024年");
        assert_eq!(normalize("ID 123").text, "ID 123");
    }

    #[test]
    fn radicals_become_kanji() {
        assert_eq!(
            normalize("⽇時 ⻑野県 ⺠間 ⻘森").text,
            "日時 長野県 民間 青森"
        );
    }

    #[test]
    fn dashes_and_waves() {
        assert_eq!(normalize("０４９３－８１－６０８９").text, "0493-81-6089");
        assert_eq!(normalize("03ー1234ー5678").text, "03-1234-5678");
        assert_eq!(normalize("03‐1234―5678").text, "03-1234-5678");
        assert_eq!(normalize("サーバー").text, "サーバー");
        assert_eq!(normalize("８：３０～１７：００").text, "8:30~17:00");
        assert_eq!(normalize("9時〜17時").text, "9時~17時");
    }

    #[test]
    fn circled_numbers_stay() {
        assert_eq!(normalize("①氏名 ②住所").text, "①氏名 ②住所");
    }

    #[test]
    fn half_width_katakana_with_voicing_mark() {
        let input = "ｶﾞｲﾄﾞ";
        let n = normalize(input);
        assert_eq!(n.text, "ガイド");
        assert_eq!(n.input_span(0, 3), (0, 6));
        check_map(input);
    }

    #[test]
    fn crlf_and_controls() {
        assert_eq!(normalize("a\r\nb\u{0}c").text, "a\nbc");
    }

    #[test]
    fn map_points_into_input() {
        let input = "令和６年１月２９日（月）、約１３万人。㈱テスト ﾃｽﾄ";
        check_map(input);
        let n = normalize(input);
        let at = n.text.find("29日").unwrap();
        let (s, e) = n.input_span(at, at + "29日".len());
        assert_eq!(&input[s..e], "２９日");
        assert_eq!(
            n.input_span(n.text.len(), n.text.len()),
            (input.len(), input.len())
        );
    }

    #[test]
    fn idempotent_on_samples() {
        for s in ["2024 年 7 月", "０４９３－８１", "⽇⻑", "ｶﾞ ～ ①"] {
            let once = normalize(s).text;
            assert_eq!(normalize(&once).text, once);
        }
    }
}
