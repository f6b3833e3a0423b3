//! Where a notice says it was published, found once per document.
//!
//! - Archive files (「# 公表概要」 then bullets: title, date, issuers, URL):
//!   the first date in the second bullet, at the precision written
//!   (「2025年1月XX日」 → a month; 「日付記載なし」 → none), else the first
//!   other bullet that opens with one (bullets are sometimes out of order).
//! - Letters: the first line that holds nothing but a date with a written
//!   year — a letterhead or signature date (「令和６年５月」,
//!   「令和5年10月18日」, 「2024年5月31日付」, 「発表日:2024年5月31日」).
//!   In a file holding two notices that is the first notice's date.
//!
//! The [`Publication`] is found by the caller (`Parser`) and handed to the
//! date resolver (which keeps it out of the narrative's year context) and
//! to the `published` extractor (which reports it).
//!
//! ```
//! use jpnotice::extract::dates::publication::{locate, PublishedOn};
//! let doc = jpnotice::Document::new("お客様各位\n令和６年５月\n株式会社サンプル\n");
//! let p = locate(&doc, &mut Vec::new()).unwrap();
//! assert_eq!(p.on, PublishedOn::Month { year: 2024, month: 5 });
//! assert_eq!(p.on.to_string(), "2024-05");
//! assert_eq!(p.on.reference().to_string(), "2024-05-31");
//! ```

use std::fmt;

use jiff::civil::Date;

use super::resolve::day_of;
use super::scan::{RawDate, parse_date};
use crate::Document;
use crate::structure::lines::lines;

/// The day or month a notice was published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedOn {
    /// 「令和6年5月31日」.
    Day(Date),
    /// 「令和6年5月」: only the month is written.
    Month {
        /// The year.
        year: i16,
        /// The month, 1–12.
        month: i8,
    },
}

impl PublishedOn {
    /// The day that anchors month-days without a year: the day itself, or
    /// the last day of the month.
    pub fn reference(self) -> Date {
        match self {
            PublishedOn::Day(d) => d,
            PublishedOn::Month { year, month } => Date::new(year, month, 1)
                .map(|d| d.last_of_month())
                .unwrap_or(Date::MIN),
        }
    }
}

impl fmt::Display for PublishedOn {
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishedOn::Day(d) => write!(f, "{d}"),
            PublishedOn::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

/// A notice's publication date and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The date.
    pub on: PublishedOn,
    /// Normalized byte offset where the date starts.
    pub start: usize,
    /// Normalized byte offset where the date ends.
    pub end: usize,
}

/// Finds the publication date of a document (see the module docs); an
/// impossible date (「令和5年2月30日」) gives a warning and none.
pub fn locate(doc: &Document, warnings: &mut Vec<String>) -> Option<Publication> {
    let text = doc.text();
    let found = match header_date(doc, warnings) {
        Some(found) => found,
        None => date_line(text, warnings),
    };
    found.map(|(raw, on)| Publication {
        on,
        start: raw.start,
        end: raw.end,
    })
}

/// The archive header's date: the second bullet when it opens with a date,
/// else the first other bullet that does.
fn header_date(
    doc: &Document,
    warnings: &mut Vec<String>,
) -> Option<Option<(RawDate, PublishedOn)>> {
    let structure = doc.structure();
    if !structure.has_archive_header() {
        return None;
    }
    let text = doc.text();
    let bullets = structure.summary_bullets();
    let opening = |r: &std::ops::Range<usize>, warnings: &mut Vec<String>| {
        let raw = parse_date(text, r.start)?.into_iter().next()?;
        let on = value_of(&raw, text, warnings)?;
        Some((raw, on))
    };
    let second = bullets.get(1).and_then(|b| opening(b, warnings));
    if second.is_some() {
        return Some(second);
    }
    Some(
        bullets
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != 1)
            .find_map(|(_, b)| opening(b, warnings)),
    )
}

/// The first line holding only a date with a written year and month.
fn date_line(text: &str, warnings: &mut Vec<String>) -> Option<(RawDate, PublishedOn)> {
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
    for l in lines(text) {
        let (s, e) = (l.raw.start, l.raw.end);
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
        if let Some(on) = value_of(&raw, text, warnings) {
            return Some((raw, on));
        }
    }
    None
}

/// The day or month of a date with a written year and month.
fn value_of(raw: &RawDate, text: &str, warnings: &mut Vec<String>) -> Option<PublishedOn> {
    let year = raw.year?.value;
    if raw.fiscal {
        return None;
    }
    let month = raw.month?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match raw.day {
        None => Some(PublishedOn::Month {
            year: i16::try_from(year).ok()?,
            month: i8::try_from(month).ok()?,
        }),
        Some(day) => match day_of(year, month, day) {
            Some(d) => Some(PublishedOn::Day(d)),
            None => {
                let written = text.get(raw.start..raw.end).unwrap_or("");
                warnings.push(format!("impossible publication date 「{written}」"));
                None
            }
        },
    }
}
