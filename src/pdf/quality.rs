//! Quality checks on extracted text: signs that an engine read the PDF
//! without failing but produced text that is not the text of the page.
//!
//! A text fails when it has
//! - no text at all (a scanned image, or an engine that lost every glyph);
//! - almost no CJK characters (under 1 % of the visible characters) while
//!   the PDF has Japanese (CJK) fonts: CID fonts without ToUnicode read
//!   as ASCII junk or nothing;
//! - U+FFFD replacement characters, `(cid:12)` glyph placeholders or
//!   private-use characters (more than 1 % of the visible characters, or 5);
//! - at most three characters on most lines (at least 10 lines, 60 %):
//!   vertical text read in pieces, or read across the columns;
//! - hiragana in the wrong places: of at least [`MIN_KANA`] hiragana, more
//!   than [`MAX_RARE_KANA_PERCENT`] % are kana that Japanese prose hardly
//!   uses (「ぢづぱぴぷぺぽゐゑゔゎ」 and the small vowels). A CMap read
//!   with the wrong table shifts every kana by the same amount, so
//!   「あいうえお」 comes out as 「づどぱぴぷ」; in the reference texts of
//!   45 real PDFs these kana are at most 1 % of the hiragana, in shifted
//!   text about 20 %.
//!
//! - vertical text read one glyph per line (at least 10 lines, 60 % of one
//!   glyph) with no empty line between the columns: more than
//!   [`MAX_COLUMN`] characters without a break, more than any column holds.
//!   The repair would run every column into one line. This check
//!   ([`check_raw`]) looks at the text before the repairs.
//!
//! The other checks look at the text after [`super::repair`]: vertical text read
//! one glyph per line that the repair joins back into lines passes, text
//! that stays in pieces does not.

use std::fmt;

/// One reason why extracted text is not trusted.
///
/// ```
/// use jpnotice::pdf::quality::{Problem, check};
/// let problems = check(&["\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}のお知らせ".to_string()], false);
/// assert_eq!(problems, vec![Problem::ReplacementChars(5)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No visible character on any page.
    NoText,
    /// The PDF has CJK fonts but the text has almost no CJK characters.
    NoCjk {
        /// CJK characters found.
        cjk: usize,
        /// Visible characters found.
        visible: usize,
    },
    /// U+FFFD characters (glyphs the engine could not map).
    ReplacementChars(usize),
    /// `(cid:N)` placeholders.
    CidPlaceholders(usize),
    /// Private-use characters (unmapped glyphs of embedded fonts).
    PrivateUse(usize),
    /// Vertical text read glyph by glyph without breaks between columns.
    ColumnsRunTogether {
        /// The longest run of one-glyph lines.
        glyphs: usize,
    },
    /// Too many rare kana: text decoded with the wrong character table.
    WrongKana {
        /// Rare kana found.
        rare: usize,
        /// Hiragana found.
        hiragana: usize,
    },
    /// Most lines hold at most [`SHORT_LINE`] characters (vertical text
    /// read in pieces or across its columns).
    ShortLines {
        /// Lines with 1 to [`SHORT_LINE`] visible characters.
        short: usize,
        /// Lines with any visible character.
        lines: usize,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoText => write!(f, "no text"),
            Problem::NoCjk { cjk, visible } => write!(
                f,
                "almost no Japanese ({cjk} CJK of {visible} characters) although the PDF has CJK fonts"
            ),
            Problem::ReplacementChars(n) => write!(f, "{n} U+FFFD replacement characters"),
            Problem::CidPlaceholders(n) => write!(f, "{n} (cid:N) placeholders"),
            Problem::PrivateUse(n) => write!(f, "{n} private-use characters"),
            Problem::ColumnsRunTogether { glyphs } => write!(
                f,
                "vertical text without breaks between its columns ({glyphs} glyphs in one run)"
            ),
            Problem::WrongKana { rare, hiragana } => write!(
                f,
                "{rare} of {hiragana} hiragana are kana that Japanese hardly uses (wrong character table?)"
            ),
            Problem::ShortLines { short, lines } => {
                write!(
                    f,
                    "at most {SHORT_LINE} characters on {short} of {lines} lines"
                )
            }
        }
    }
}

/// Counts of the characters the checks look at.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Non-whitespace characters.
    pub visible: usize,
    /// Kanji, kana and CJK punctuation.
    pub cjk: usize,
    /// U+FFFD.
    pub replacement: usize,
    /// Private-use characters.
    pub private_use: usize,
    /// `(cid:` occurrences.
    pub cid: usize,
    /// Lines with any visible character.
    pub lines: usize,
    /// Lines with exactly one visible character.
    pub single_char_lines: usize,
    /// Lines with 1 to [`SHORT_LINE`] visible characters.
    pub short_lines: usize,
    /// Hiragana.
    pub hiragana: usize,
    /// Rare kana (see [`is_rare_kana`]).
    pub rare_kana: usize,
}

/// The fewest hiragana for the rare-kana check to judge.
pub const MIN_KANA: usize = 20;
/// The highest share (percent) of rare kana among hiragana that passes.
pub const MAX_RARE_KANA_PERCENT: usize = 8;

/// Kana that Japanese prose hardly uses: 「ぢづぱぴぷぺぽゐゑゔゎ」 and the
/// small vowels 「ぁぃぅぇぉ」.
///
/// ```
/// assert!(jpnotice::pdf::quality::is_rare_kana('づ'));
/// assert!(!jpnotice::pdf::quality::is_rare_kana('の'));
/// ```
pub fn is_rare_kana(c: char) -> bool {
    "ぢづぱぴぷぺぽゐゑゔゎぁぃぅぇぉ".contains(c)
}

/// The most visible characters a "short" line holds.
pub const SHORT_LINE: usize = 3;

/// Counts the characters of all pages.
///
/// ```
/// let c = jpnotice::pdf::quality::count(&["不正アクセス\nA".to_string()]);
/// assert_eq!((c.visible, c.cjk, c.lines, c.single_char_lines), (7, 6, 2, 1));
/// ```
pub fn count(pages: &[String]) -> Counts {
    let mut c = Counts::default();
    for page in pages {
        c.cid = c.cid.saturating_add(page.matches("(cid:").count());
        for line in page.lines() {
            let mut visible = 0usize;
            for ch in line.chars().filter(|ch| !ch.is_whitespace()) {
                visible = visible.saturating_add(1);
                if is_cjk(ch) {
                    c.cjk += 1;
                }
                if ('\u{3041}'..='\u{3096}').contains(&ch) {
                    c.hiragana += 1;
                    if is_rare_kana(ch) {
                        c.rare_kana += 1;
                    }
                }
                if ch == '\u{fffd}' {
                    c.replacement += 1;
                }
                if is_private_use(ch) {
                    c.private_use += 1;
                }
            }
            c.visible = c.visible.saturating_add(visible);
            if visible > 0 {
                c.lines += 1;
            }
            if visible == 1 {
                c.single_char_lines += 1;
            }
            if (1..=SHORT_LINE).contains(&visible) {
                c.short_lines += 1;
            }
        }
    }
    c
}

/// The problems of a text; `cjk_fonts` tells whether the PDF has CJK fonts.
pub fn check(pages: &[String], cjk_fonts: bool) -> Vec<Problem> {
    let c = count(pages);
    let mut problems = Vec::new();
    if c.visible == 0 {
        problems.push(Problem::NoText);
        return problems;
    }
    if cjk_fonts && c.cjk.saturating_mul(100) < c.visible {
        problems.push(Problem::NoCjk {
            cjk: c.cjk,
            visible: c.visible,
        });
    }
    let too_many = |n: usize| n >= 5 || n.saturating_mul(100) > c.visible;
    if c.replacement > 0 && too_many(c.replacement) {
        problems.push(Problem::ReplacementChars(c.replacement));
    }
    if c.cid > 0 && too_many(c.cid) {
        problems.push(Problem::CidPlaceholders(c.cid));
    }
    if c.private_use > 0 && too_many(c.private_use) {
        problems.push(Problem::PrivateUse(c.private_use));
    }
    if c.hiragana >= MIN_KANA
        && c.rare_kana.saturating_mul(100) > c.hiragana.saturating_mul(MAX_RARE_KANA_PERCENT)
    {
        problems.push(Problem::WrongKana {
            rare: c.rare_kana,
            hiragana: c.hiragana,
        });
    }
    if c.lines >= 10 && c.short_lines.saturating_mul(10) >= c.lines.saturating_mul(6) {
        problems.push(Problem::ShortLines {
            short: c.short_lines,
            lines: c.lines,
        });
    }
    problems
}

/// The most glyphs one column of vertical text holds (an A3 page of 7 pt
/// type holds about 140).
pub const MAX_COLUMN: usize = 150;

/// Checks of the text before repairs: vertical text whose columns run
/// together (see [`MAX_COLUMN`]).
///
/// ```
/// use jpnotice::pdf::quality::{Problem, check_raw};
/// let glyphs = "漏".repeat(160).chars().map(String::from).collect::<Vec<_>>().join("\n");
/// assert_eq!(check_raw(&[glyphs]), vec![Problem::ColumnsRunTogether { glyphs: 160 }]);
/// ```
pub fn check_raw(pages: &[String]) -> Vec<Problem> {
    let longest = pages
        .iter()
        .filter(|p| read_glyph_by_glyph(p))
        .map(|p| longest_stretch(p))
        .max()
        .unwrap_or(0);
    if longest > MAX_COLUMN {
        vec![Problem::ColumnsRunTogether { glyphs: longest }]
    } else {
        Vec::new()
    }
}

fn visible(line: &str) -> usize {
    line.chars().filter(|c| !c.is_whitespace()).count()
}

/// At least 10 lines, 60 % of them holding one character.
fn read_glyph_by_glyph(page: &str) -> bool {
    let lines = page.lines().filter(|l| visible(l) > 0).count();
    let single = page.lines().filter(|l| visible(l) == 1).count();
    lines >= 10 && single.saturating_mul(10) >= lines.saturating_mul(6)
}

/// The most visible characters between two empty lines.
fn longest_stretch(page: &str) -> usize {
    let mut longest = 0usize;
    let mut stretch = 0usize;
    for line in page.lines() {
        match visible(line) {
            0 => stretch = 0,
            n => {
                stretch = stretch.saturating_add(n);
                longest = longest.max(stretch);
            }
        }
    }
    longest
}

/// Kanji, kana, CJK symbols and punctuation, full-width forms.
///
/// ```
/// assert!(jpnotice::pdf::quality::is_cjk('漏'));
/// assert!(!jpnotice::pdf::quality::is_cjk('A'));
/// ```
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x30FF    // CJK punctuation, hiragana, katakana
        | 0x31F0..=0x31FF    // katakana extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // vertical forms
        | 0xFF00..=0xFFEF    // half- and full-width forms
        | 0x20000..=0x3FFFF) // supplementary ideographs
}

/// Private-use code points (BMP and planes 15–16).
fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(s: &str) -> Vec<String> {
        vec![s.to_string()]
    }

    #[test]
    fn clean_japanese_passes() {
        assert!(
            check(
                &pages("個人情報の漏えいについて\nお詫び申し上げます。"),
                true
            )
            .is_empty()
        );
    }

    #[test]
    fn ascii_junk_from_cjk_fonts_fails() {
        let p = check(&pages("!\"#$%&'()*+,-./0123456789"), true);
        assert_eq!(
            p,
            vec![Problem::NoCjk {
                cjk: 0,
                visible: 25
            }]
        );
        // Without CJK fonts, English text is fine.
        assert!(check(&pages("Notice of unauthorized access"), false).is_empty());
    }

    #[test]
    fn empty_text_fails() {
        assert_eq!(check(&pages(" \n\n "), false), vec![Problem::NoText]);
    }

    #[test]
    fn placeholders_and_private_use_fail() {
        let p = check(
            &pages("(cid:12)(cid:13)お知らせ\u{e001}\u{e002}\u{e003}\u{e004}\u{e005}"),
            false,
        );
        assert_eq!(p, vec![Problem::CidPlaceholders(2), Problem::PrivateUse(5)]);
    }

    #[test]
    fn vertical_glyph_lines_fail() {
        let text = "不\n正\nア\nク\nセ\nス\nに\nつ\nい\nて\nお知らせ";
        assert_eq!(
            check(&pages(text), true),
            vec![Problem::ShortLines {
                short: 10,
                lines: 11
            }]
        );
    }

    #[test]
    fn columns_with_breaks_pass_the_raw_check() {
        let column = "漏"
            .repeat(60)
            .chars()
            .map(String::from)
            .collect::<Vec<_>>();
        let page = [column.join("\n"), column.join("\n"), column.join("\n")].join("\n\n");
        assert!(check_raw(&[page]).is_empty());
        // Horizontal lines without empty lines are not vertical text.
        assert!(check_raw(&["お知らせ\n".repeat(200)]).is_empty());
        // Sideways runs between the glyphs do not hide a missing break.
        let glued = format!("2025\n{}", column.join("\n")).repeat(3);
        assert_eq!(
            check_raw(&[glued]),
            vec![Problem::ColumnsRunTogether { glyphs: 192 }]
        );
    }

    #[test]
    fn vertical_text_in_pieces_fails() {
        // Columns cut into pieces of two or three glyphs.
        let text = "令和二\n年五月\n六日\n被保\n険者\n及び\n被扶養\n者の\n皆様\n深山県\n建設業の\nお知らせ";
        assert_eq!(
            check(&pages(text), true),
            vec![Problem::ShortLines {
                short: 10,
                lines: 12
            }]
        );
        // Vertical text read across its columns: glyphs apart, rows short.
        let across = "（ を\n（ 三\n※ 被\n（ （\n他 （\n二 台\n四 に\n送 当\n一 記\n謹 本";
        assert_eq!(
            check(&pages(across), true),
            vec![Problem::ShortLines {
                short: 10,
                lines: 10
            }]
        );
    }

    #[test]
    fn shifted_kana_fail() {
        // 「あいうえおかきくけこ…」 read through the wrong table.
        let shifted = "づどぱぴぷぺぽまみむめもゃやゅゆょよらり".repeat(2);
        assert_eq!(
            check(&pages(&shifted), true),
            vec![Problem::WrongKana {
                rare: 12,
                hiragana: 40
            }]
        );
        // Repeated or sparse kana are no sign: 「あああ」, one 「ぱ」 in prose.
        assert!(check(&pages(&"あ".repeat(100)), true).is_empty());
        let prose = "ぱっと見てわかるお知らせについては、こちらをご覧ください。ご迷惑をおかけしております。";
        assert!(check(&pages(prose), true).is_empty());
    }

    #[test]
    fn short_items_among_sentences_pass() {
        let text = "記\n1\n2\n3\n不正アクセスについて\n令和6年5月1日に判明しました。\n以上\n                    対象者は約1,200名です。\n原因は設定の誤りです。\nお問い合わせ先";
        assert!(check(&pages(text), true).is_empty());
    }
}
