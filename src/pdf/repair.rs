//! Repairs applied to the text an engine extracted:
//! - radicals → kanji: Kangxi radicals (U+2F00–2FD5, 「⽇」→「日」) and CJK
//!   radicals supplement characters (U+2E80–2EF3, 「⻑」→「長」) that
//!   fonts' ToUnicode maps give for ordinary kanji;
//! - vertical text read one glyph per line (「不\n正\nア…」) is joined
//!   back into lines, on pages where most lines hold one character;
//! - lines the layout wrapped inside a sentence are joined: on a page whose
//!   longest line is at least 20 full-width characters wide, a line at
//!   least 90 % as wide as the longest, not ending a sentence (「。」) and
//!   followed by a line that does not start an item (「（２）」「※」「①」…)
//!   is joined with the next line. A date, time or negation cut by the
//!   wrap (「確認され／ておりません」) is then whole again;
//! - pages are joined with a line holding a form feed (`\n\u{c}\n`), which
//!   line-based readers see as a blank line.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// The separator put between pages: a blank line holding a form feed.
pub const PAGE_BREAK: &str = "\n\u{c}\n";

/// Repairs each page and joins the pages.
///
/// ```
/// let pages = vec!["⼀般社団法⼈".to_string(), "会⻑".to_string()];
/// assert_eq!(jpnotice::pdf::repair::repair_pages(&pages), "一般社団法人\n\u{c}\n会長");
/// ```
pub fn repair_pages(pages: &[String]) -> String {
    let repaired: Vec<String> = pages.iter().map(|p| repair_page(p)).collect();
    repaired.join(PAGE_BREAK)
}

/// Repairs one page: vertical lines joined, radicals replaced, trailing
/// whitespace dropped.
///
/// ```
/// assert_eq!(jpnotice::pdf::repair::repair_page("⽒名\n"), "氏名");
/// ```
pub fn repair_page(page: &str) -> String {
    radicals_to_kanji(&join_wrapped_lines(&join_vertical_lines(page.trim_end())))
}

/// Replaces radicals with the kanji they stand for.
///
/// ```
/// assert_eq!(jpnotice::pdf::repair::radicals_to_kanji("⽉⽇ ⺠間 ⻘葉"), "月日 民間 青葉");
/// ```
pub fn radicals_to_kanji(text: &str) -> String {
    text.chars().map(radical_to_kanji).collect()
}

fn radical_to_kanji(c: char) -> char {
    match c {
        // Kangxi radicals: every one has a compatibility mapping to its kanji.
        '\u{2F00}'..='\u{2FD5}' => std::iter::once(c).nfkc().next().unwrap_or(c),
        '\u{2E9F}' => '母',
        '\u{2EA0}' => '民',
        '\u{2EC1}' => '虎',
        '\u{2EC4}' => '西',
        '\u{2EC6}' => '角',
        '\u{2ECC}' | '\u{2ECD}' => '辶',
        '\u{2ECF}' | '\u{2ED6}' => '阝',
        '\u{2ED1}' => '長',
        '\u{2ED7}' => '雨',
        '\u{2ED8}' => '青',
        '\u{2EDD}' => '食',
        '\u{2EE4}' => '鬼',
        '\u{2EE8}' => '麦',
        '\u{2EE9}' => '黄',
        '\u{2EEB}' => '斉',
        '\u{2EED}' => '歯',
        '\u{2EEF}' => '竜',
        '\u{2EF2}' => '亀',
        _ => c,
    }
}

/// Joins runs of one-character lines on a page where most lines (at least
/// 10, and 60 %) hold a single character; other pages are returned as is.
///
/// Each run (a column) becomes a line. One empty line between two runs is
/// the column break the engine wrote for every column and is dropped; two
/// or more leave one blank line. A line of spaces only (not empty) between
/// two one-character lines is a space glyph of the column (「電話　〇二二」)
/// and stays in the run.
///
/// Half-width text set sideways in a column (「022-263-4518」) comes as one
/// line of its own: the run that follows it without an empty line goes on
/// in its column. Closing brackets at the start of a line of several
/// characters that comes right after a run belong to that run
/// (「（代表」「）022-…」) and are moved back to it.
///
/// ```
/// use jpnotice::pdf::repair::join_vertical_lines;
/// let page = "お\n知\nら\nせ\n\n令\n和\n６\n年\n\n\n５\n月";
/// assert_eq!(join_vertical_lines(page), "お知らせ\n令和６年\n\n５月");
/// assert_eq!(join_vertical_lines("お知らせ\n令和６年"), "お知らせ\n令和６年");
/// ```
pub fn join_vertical_lines(page: &str) -> String {
    let visible = |l: &str| l.chars().filter(|c| !c.is_whitespace()).count();
    let lines: Vec<&str> = page.lines().collect();
    let non_empty = lines.iter().filter(|l| visible(l) > 0).count();
    let single = lines.iter().filter(|l| visible(l) == 1).count();
    if non_empty < 10 || single.saturating_mul(10) < non_empty.saturating_mul(6) {
        return page.to_string();
    }
    let is_glyph = |i: usize| lines.get(i).is_some_and(|l| visible(l) == 1);
    let mut out = String::with_capacity(page.len());
    let mut previous = Previous::Start;
    let mut empty = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if visible(line) == 0 {
            if previous == Previous::Glyph && !line.is_empty() && is_glyph(i + 1) {
                out.push_str(line);
            } else {
                empty = empty.saturating_add(1);
            }
            continue;
        }
        let glyph = visible(line) == 1;
        let mut text = if glyph { line.trim() } else { *line };
        if !glyph && previous == Previous::Glyph && empty == 0 {
            let trimmed = text.trim_start();
            let rest = trimmed.trim_start_matches(CLOSING);
            out.push_str(trimmed.get(..trimmed.len() - rest.len()).unwrap_or(""));
            text = rest;
        }
        // A glyph right after a glyph or a sideways line goes on in its column.
        let same_column =
            glyph && empty == 0 && matches!(previous, Previous::Glyph | Previous::Sideways);
        if !same_column && previous != Previous::Start {
            out.push('\n');
            if empty >= 2 || (empty == 1 && !glyph) {
                out.push('\n');
            }
        }
        out.push_str(text);
        previous = if glyph {
            Previous::Glyph
        } else if text.trim().is_ascii() {
            Previous::Sideways
        } else {
            Previous::Other
        };
        empty = 0;
    }
    out
}

/// What the last visible line of a vertical page was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// No visible line yet.
    Start,
    /// One glyph of a column.
    Glyph,
    /// A line of half-width characters (text set sideways in a column).
    Sideways,
    /// Any other line.
    Other,
}

/// Closing brackets that end a column's run.
const CLOSING: &[char] = &[
    '）', '」', '』', '】', '〕', '］', '｝', '〉', '》', ')', ']',
];

/// Width of a line in half-width units (kanji, kana and full-width forms
/// count 2).
fn display_width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            let half_width_form = matches!(c as u32, 0xFF61..=0xFF9F | 0xFFE8..=0xFFEE);
            if super::quality::is_cjk(c) && !half_width_form {
                2
            } else {
                1
            }
        })
        .fold(0usize, usize::saturating_add)
}

/// The narrowest page (in half-width units) whose lines are joined.
const MIN_WRAP_WIDTH: usize = 40;

/// Joins lines that the layout wrapped inside a sentence (see the module
/// docs for the rule); other lines are kept as they are.
///
/// ```
/// use jpnotice::pdf::repair::join_wrapped_lines;
/// let page = "現在、クレジットカード情報の流出は確認され\n\
///             ておりません。\n\
///             （２）本件の経過は次のとおりです。ご不便を\n\
///             ※ 詳細は別紙のとおりです。";
/// assert_eq!(
///     join_wrapped_lines(page),
///     "現在、クレジットカード情報の流出は確認されておりません。\n\
///      （２）本件の経過は次のとおりです。ご不便を\n\
///      ※ 詳細は別紙のとおりです。"
/// );
/// ```
pub fn join_wrapped_lines(page: &str) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let widest = lines
        .iter()
        .map(|l| display_width(l.trim()))
        .max()
        .unwrap_or(0);
    if widest < MIN_WRAP_WIDTH {
        return page.to_string();
    }
    let full =
        |line: &str| display_width(line.trim()).saturating_mul(10) >= widest.saturating_mul(9);
    let mut out = String::with_capacity(page.len());
    let mut joining = false;
    for (i, line) in lines.iter().enumerate() {
        if joining {
            let previous_ascii = out
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let next_ascii = line
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphanumeric());
            if previous_ascii && next_ascii {
                out.push(' ');
            }
            out.push_str(line.trim_start());
        } else {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(line);
        }
        let next = lines.get(i + 1).copied().unwrap_or("");
        joining =
            full(line) && !ends_sentence(line) && !next.trim().is_empty() && !starts_item(next);
        if joining {
            let kept = out.trim_end().len();
            out.truncate(kept);
        }
    }
    out
}

/// True when a line ends a sentence or a heading-like label.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['。', '．', '.', '！', '？', '!', '?', ':', '：'])
}

/// True when a line starts an item, a heading, a note or a URL: 「（２）」
/// 「(2)」「※」「・」「①」「〇」「■」「【」「第」「２．」「１ 」「三　」
/// 「https://」.
fn starts_item(line: &str) -> bool {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[0-9]+|[０-９]+|[一二三四五六七八九十]+)[.．)）、 　]")
            .unwrap_or_else(|_| unreachable!("the pattern is valid"))
    });
    let line = line.trim_start();
    let marker = line.chars().next().is_some_and(|first| {
        matches!(
            first,
            '（' | '('
                | '※'
                | '・'
                | '〇'
                | '○'
                | '●'
                | '■'
                | '□'
                | '◆'
                | '◇'
                | '▼'
                | '【'
                | '第'
                | '-'
                | '－'
                | '①'..='⑳'
        )
    });
    marker || line.starts_with("http") || NUMBERED.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supplement_radicals_become_kanji() {
        assert_eq!(radicals_to_kanji("⻑野⻄⼝"), "長野西口");
    }

    #[test]
    fn space_glyphs_stay_in_their_column() {
        let page = "電\n話\n\u{3000}\n〇\n二\n二\n\n受\n付\n時\n間\n\u{3000}\n平\n日";
        assert_eq!(
            join_vertical_lines(page),
            "電話\u{3000}〇二二\n受付時間\u{3000}平日"
        );
    }

    const WIDE: &str =
        "当院の医療情報システムの一部がランサムウェアによる攻撃を受けた事案につきまして、";

    #[test]
    fn wrapped_times_and_dates_are_joined() {
        let page = format!(
            "{WIDE}\n新たに構築した画像サーバーの動作確認を完了し、同日8時30分より院内での画像参照を再\n開。"
        );
        assert_eq!(
            join_wrapped_lines(&page),
            format!(
                "{WIDE}新たに構築した画像サーバーの動作確認を完了し、同日8時30分より院内での画像参照を再開。"
            )
        );
        let page = format!("{WIDE}令和元\n年度");
        assert!(join_wrapped_lines(&page).ends_with("令和元年度"));
    }

    #[test]
    fn short_lines_items_and_sentence_ends_stay() {
        let page = format!(
            "記\n{WIDE}\n（１）発生日時\n{WIDE}\n１ 障害の概要\n{WIDE}\n2月8日（日）に発見。\n\
             お詫び申し上げます。ご不便をおかけしておりますことを重ねてお詫び申し上げます。\n以上"
        );
        let got = join_wrapped_lines(&page);
        assert_eq!(
            got,
            page.replacen(&format!("{WIDE}\n2月8日"), &format!("{WIDE}2月8日"), 1)
        );
    }

    #[test]
    fn urls_keep_their_line() {
        let page = format!("{WIDE}\nhttps://www.example.jp/news/2026/0306.html");
        assert_eq!(join_wrapped_lines(&page), page);
    }

    #[test]
    fn narrow_pages_and_english_words() {
        assert_eq!(join_wrapped_lines("お知らせ\nです"), "お知らせ\nです");
        let page = "We found that an unauthorized party accessed the\nserver on May 1.";
        assert_eq!(
            join_wrapped_lines(page),
            "We found that an unauthorized party accessed the server on May 1."
        );
    }

    #[test]
    fn sideways_text_stays_in_its_column() {
        let page = "電\n話\n（\n代\n表\n）022-263-4518\n（\n専\n用\n）\n\n受\n付\n時\n間";
        assert_eq!(
            join_vertical_lines(page),
            "電話（代表）\n022-263-4518（専用）\n受付時間"
        );
    }

    #[test]
    fn mixed_lines_stay() {
        let page = "第1報\n\n不正アクセスについて\n記\n以上";
        assert_eq!(join_vertical_lines(page), page);
    }

    #[test]
    fn pages_are_separated_by_a_form_feed_line() {
        let pages = vec!["一頁目\n".to_string(), "二頁目".to_string()];
        assert_eq!(repair_pages(&pages), "一頁目\n\u{c}\n二頁目");
    }
}
