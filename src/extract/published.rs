//! The publication date: the archive header's date bullet, or the notice's
//! own date line.
//!
//! - Archive files (「# 公表概要」 then bullets: title, date, issuers, URL):
//!   the first date in the second bullet, at the precision written
//!   (「2025年1月XX日」 → `2025-01`; 「日付記載なし」 → none).
//! - Letters: the first line that holds nothing but a date with a written
//!   year — a letterhead or signature date (「令和６年５月」,
//!   「令和5年10月18日」, 「2024年5月31日付」, 「発表日:2024年5月31日」).
//!   In a file holding two notices that is the first notice's date.

use serde::{Deserialize, Serialize};

use super::dates::resolve::day_of;
use super::dates::scan::{RawDate, parse_date};
use crate::Document;

/// The date a notice was published, at the precision it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is written (「令和６年５月」).
    pub value: String,
    /// The date as written in the input.
    pub text: String,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
}

/// Finds the publication date.
///
/// ```
/// let doc = jpnotice::Document::new("お客様各位\n令和６年５月３１日\n株式会社サンプル商事\n");
/// let p = jpnotice::extract::published::extract(&doc, &mut Vec::new()).unwrap();
/// assert_eq!(p.value, "2024-05-31");
/// assert_eq!(p.text, "令和６年５月３１日");
/// ```
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> Option<Published> {
    let (raw, value) = locate(doc.text(), warnings)?;
    let span = doc.span(raw.start, raw.end);
    Some(Published {
        value,
        text: span.text,
        start: span.start,
        end: span.end,
    })
}

/// The publication date in normalized text, with its value.
pub(crate) fn locate(text: &str, warnings: &mut Vec<String>) -> Option<(RawDate, String)> {
    match header_date(text, warnings) {
        Some(found) => found,
        None => date_line(text, warnings),
    }
}

/// Lines of `text` with their byte ranges.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let range = (start, start + line.len());
        start += line.len() + 1;
        range
    })
}

/// The archive header's date: the second bullet under the first
/// 「# 公表概要」 when it opens with a date, else the first other bullet
/// that does (the bullets are sometimes out of order).
fn header_date(text: &str, warnings: &mut Vec<String>) -> Option<Option<(RawDate, String)>> {
    let mut in_header = false;
    let mut seen_header = false;
    let mut bullets = Vec::new();
    for (s, e) in lines(text) {
        let line = text[s..e].trim_end();
        if line.starts_with('#') {
            if in_header {
                break;
            }
            in_header = line.trim_start_matches('#').trim() == "公表概要";
            seen_header |= in_header;
            continue;
        }
        if in_header && line.starts_with('-') {
            bullets.push((s, e));
        }
    }
    if !seen_header {
        return None;
    }
    let opening = |(s, e): (usize, usize), warnings: &mut Vec<String>| {
        let line = &text[s..e];
        let body = line.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
        let at = e - body.len();
        let raw = parse_date(text, at)?.into_iter().next()?;
        let value = value_of(&raw, text, warnings)?;
        Some((raw, value))
    };
    let second = bullets.get(1).and_then(|b| opening(*b, warnings));
    if second.is_some() {
        return Some(second);
    }
    Some(
        bullets
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 1)
            .find_map(|(_, b)| opening(*b, warnings)),
    )
}

/// The first line holding only a date with a written year and month.
fn date_line(text: &str, warnings: &mut Vec<String>) -> Option<(RawDate, String)> {
    const LABELS: [&str; 8] = [
        "発表日",
        "公表日",
        "掲載日",
        "公開日",
        "発行日",
        "更新日",
        "作成日",
        "日付",
    ];
    const SUFFIXES: [&str; 5] = ["付", "現在", "発表", "発行", "掲載"];
    for (s, e) in lines(text) {
        let line = &text[s..e];
        let trimmed = line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '・' | '■' | '●'));
        let mut body = trimmed;
        for label in LABELS {
            if let Some(rest) = body.strip_prefix(label) {
                body = rest.trim_start_matches([':', ' ']);
                break;
            }
        }
        let at = e - line.len() + (line.len() - body.len());
        let Some(raw) = parse_date(text, at).and_then(|v| v.into_iter().next()) else {
            continue;
        };
        let after = text.get(raw.end..e).unwrap_or("").trim();
        let after = SUFFIXES
            .iter()
            .find_map(|sfx| after.strip_prefix(sfx))
            .unwrap_or(after)
            .trim();
        if !after.is_empty() {
            continue;
        }
        if let Some(value) = value_of(&raw, text, warnings) {
            return Some((raw, value));
        }
    }
    None
}

/// `YYYY-MM-DD` or `YYYY-MM` for a date with a written year and month.
fn value_of(raw: &RawDate, text: &str, warnings: &mut Vec<String>) -> Option<String> {
    let year = raw.year?.value;
    if raw.fiscal {
        return None;
    }
    let month = raw.month?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match raw.day {
        None => Some(format!("{year:04}-{month:02}")),
        Some(day) => match day_of(year, month, day) {
            Some(d) => Some(d.to_string()),
            None => {
                let written = text.get(raw.start..raw.end).unwrap_or("");
                warnings.push(format!("impossible publication date 「{written}」"));
                None
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(s: &str) -> Option<String> {
        extract(&Document::new(s), &mut Vec::new()).map(|p| p.value)
    }

    #[test]
    fn archive_header_second_bullet() {
        let s = "# 公表概要\n- 不正アクセスに関するお知らせ\n- 2025年3月4日\n- 株式会社サンプル\n\n# 本文\n2025年2月16日に…";
        assert_eq!(published(s).as_deref(), Some("2025-03-04"));
        let s = "# 公表概要\n- お知らせ\n- 2025年1月XX日\n- 株式会社サンプル\n";
        assert_eq!(published(s).as_deref(), Some("2025-01"));
        let s =
            "# 公表概要\n- お知らせ\n- 日付記載なし\n- 株式会社サンプル\n\n# 本文\n令和6年5月\n";
        assert_eq!(published(s), None);
        let s =
            "# 公表概要\n- お知らせ\n- 株式会社サンプル\n- 2026年3月31日\n- https://example.jp/\n";
        assert_eq!(published(s).as_deref(), Some("2026-03-31"));
    }

    #[test]
    fn letterhead_and_signature_lines() {
        assert_eq!(
            published(
                "受診者様\n\n  令和６年５月  \n\nお詫び\n令和6年1月29日(月)、攻撃を受けました"
            )
            .as_deref(),
            Some("2024-05")
        );
        assert_eq!(
            published("お知らせ\n本文は2024年1月29日に…\n\n2024年2月1日付\n株式会社サンプル")
                .as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            published("発表日:2023年10月18日\n").as_deref(),
            Some("2023-10-18")
        );
        assert_eq!(published("2024年1月29日に不正アクセス"), None);
    }

    #[test]
    fn two_notices_take_the_first_date() {
        let s = "令和6年5月10日\n通知\n\n令和6年5月1日\nお詫び\n";
        assert_eq!(published(s).as_deref(), Some("2024-05-10"));
    }
}
