//! Repairs applied to the text an engine extracted:
//! - radicals → kanji: Kangxi radicals (U+2F00–2FD5, 「⽇」→「日」) and CJK
//!   radicals supplement characters (U+2E80–2EF3, 「⻑」→「長」) that
//!   fonts' ToUnicode maps give for ordinary kanji;
//! - vertical text read one glyph per line (「不\n正\nア…」) is joined
//!   back into lines, on pages where most lines hold one character;
//! - pages are joined with a line holding a form feed (`\n\u{c}\n`), which
//!   line-based readers see as a blank line.

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
    radicals_to_kanji(&join_vertical_lines(page.trim_end()))
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
/// ```
/// use jpnotice::pdf::repair::join_vertical_lines;
/// let page = "お\n知\nら\nせ\n\n令\n和\n６\n年\n５\n月";
/// assert_eq!(join_vertical_lines(page), "お知らせ\n\n令和６年５月");
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
    let mut out = String::with_capacity(page.len());
    let mut in_run = false;
    for line in lines {
        if visible(line) == 1 {
            if !in_run && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line.trim());
            in_run = true;
        } else {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            in_run = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supplement_radicals_become_kanji() {
        assert_eq!(radicals_to_kanji("⻑野⻄⼝"), "長野西口");
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
