//! The one line splitter: every reader of the layout gets its lines here.
//!
//! A [`Line`] is one line of the normalized text, trimmed, with its
//! indentation (the normalized text has no full-width spaces: NFKC made
//! 「　」 an ASCII space, so indentation is counted in spaces).
//!
//! ```
//! use jpnotice::structure::lines::lines;
//! let text = "１．概要\n　・氏名\n\n以上";
//! let l = lines(text);
//! assert_eq!(l.len(), 4);
//! assert_eq!(&text[l[1].range.clone()], "・氏名");
//! assert_eq!(l[1].indent, 1);
//! assert!(l[2].is_blank());
//! ```

use std::ops::Range;

/// One line of the text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the trimmed line (empty for a blank line, placed at
    /// the line's start).
    pub range: Range<usize>,
    /// Leading whitespace, in characters (a tab counts as one).
    pub indent: usize,
    /// The whole line before trimming, without its line end.
    pub raw: Range<usize>,
}

impl Line {
    /// True for a line with nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.range.is_empty()
    }

    /// The line's text in `text` (the string it was split from).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or("")
    }
}

/// Splits `text` into lines (blank ones included), trimmed, with their
/// indentation.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed_start = body.trim_start();
        let lead = body.len() - trimmed_start.len();
        let trimmed = trimmed_start.trim_end();
        let start = line_start + lead;
        out.push(Line {
            range: start..start + trimmed.len(),
            indent: body[..lead].chars().count(),
            raw: line_start..line_start + body.len(),
        });
    }
    out
}

/// The non-blank lines of `text`.
///
/// ```
/// assert_eq!(jpnotice::structure::lines::non_blank("a\n \nb").len(), 2);
/// ```
pub fn non_blank(text: &str) -> Vec<Line> {
    lines(text).into_iter().filter(|l| !l.is_blank()).collect()
}

/// Opening minus closing round brackets of a line (「個人情報（カ」 → 1).
///
/// ```
/// assert_eq!(jpnotice::structure::lines::bracket_balance("個人情報（カ"), 1);
/// ```
pub fn bracket_balance(s: &str) -> i32 {
    s.chars().fold(0i32, |n, c| match c {
        '(' | '（' => n.saturating_add(1),
        ')' | '）' => n.saturating_sub(1),
        _ => n,
    })
}

/// Byte ranges (relative to `s`) of the sentences of a run of prose: cut
/// after each 「。」「！」「？」 outside brackets and quotes. When a bracket
/// never closes, every 「。」 cuts (a stray 「（」 must not make the rest of
/// a paragraph one sentence).
///
/// ```
/// use jpnotice::structure::lines::sentence_ranges;
/// let s = "氏名（※一部。）が流出しました。調査中です";
/// let parts: Vec<&str> = sentence_ranges(s).into_iter().map(|r| &s[r]).collect();
/// assert_eq!(parts, ["氏名（※一部。）が流出しました。", "調査中です"]);
/// ```
pub fn sentence_ranges(s: &str) -> Vec<Range<usize>> {
    let cut = |bracket_aware: bool| {
        let mut out = Vec::new();
        let mut depth: u32 = 0;
        let mut start = 0;
        for (i, c) in s.char_indices() {
            match c {
                '(' | '（' | '「' | '『' if bracket_aware => depth = depth.saturating_add(1),
                ')' | '）' | '」' | '』' if bracket_aware => depth = depth.saturating_sub(1),
                '。' | '!' | '?' if depth == 0 => {
                    let end = i + c.len_utf8();
                    if s.get(start..end).is_some_and(|p| !p.trim().is_empty()) {
                        out.push(start..end);
                    }
                    start = end;
                }
                _ => {}
            }
        }
        if s.get(start..).is_some_and(|p| !p.trim().is_empty()) {
            out.push(start..s.len());
        }
        (out, depth)
    };
    let (aware, depth) = cut(true);
    if depth == 0 { aware } else { cut(false).0 }
}
