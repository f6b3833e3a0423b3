//! Dates and times: every temporal expression of a notice, resolved to
//! absolute values.
//!
//! Three steps:
//! 1. [`scan`] finds every written form — Western and era dates in digits,
//!    kanji numerals or slashes (「2024年1月29日」「令和二年五月六日」
//!    「R6.1.29」「2024/1/29」), year-months, fiscal years, month and day lists,
//!    relative words (同年, 翌日, 「翌22日」) and times — outside URLs, e-mail
//!    addresses, file names and the archive's 事案ID line;
//! 2. [`resolve`] groups ranges and lists (「2月22日~23日」「4日および17日」),
//!    gives every month-day its year (context, heading year, publication
//!    date, weekday), and attaches times to the day before them
//!    (`datetime`); impossible dates become warnings, not values;
//! 3. [`extract`] maps every span back to the input.
//!
//! ```
//! let notice = jpnotice::parse("令和６年１月２９日（月）、不正アクセスを確認しました。");
//! let d = &notice.dates[0];
//! assert_eq!(d.value, "2024-01-29");
//! assert_eq!(d.weekday.as_deref(), Some("月"));
//! assert_eq!(d.text, "令和６年１月２９日（月）");
//! ```

mod cursor;
mod era;
pub(crate) mod resolve;
pub(crate) mod scan;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Document;

/// What kind of value a [`DateMention`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A calendar day, `YYYY-MM-DD` (「令和６年１月２９日」).
    Date,
    /// A year and month, `YYYY-MM` (「2024年5月」).
    Month,
    /// A bare year, `YYYY` (「2024年」).
    Year,
    /// A fiscal year, `FY2017` (「平成２９年度」).
    FiscalYear,
    /// A day with a time, `YYYY-MM-DDTHH:MM` (「1月29日午後1時30分」).
    Datetime,
    /// A time with no resolvable day, `HH:MM` (「8:30」).
    Time,
}

/// One temporal expression found in a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The kind of value.
    pub kind: DateKind,
    /// The resolved value in the form `kind` names.
    pub value: String,
    /// The expression as written in the input (「令和６年１月２９日（月）」).
    pub text: String,
    /// The weekday as written (「月」), when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
    /// True when the year was not written and was taken from context.
    pub inferred_year: bool,
    /// A modifier written after the date: `early` (上旬, 初旬), `middle`
    /// (中旬), `late` (下旬), `end` (末), `about` (頃).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The end of a range this value is (「2021年5月26日〜2024年7月19日」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<RangeRole>,
}

/// Which end of a range a [`DateMention`] is: 「2021年5月26日」 starts
/// 「2021年5月26日〜2024年7月19日」, 「2024年7月19日」 ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeRole {
    /// The first end.
    Start,
    /// The last end.
    End,
}

/// Finds every date, month, year, fiscal year and time in the document.
/// `reference` (the publication date) gives the year of month-days that
/// have no year in context.
///
/// ```
/// use jpnotice::{Date, Document};
/// use jpnotice::extract::dates::{extract, DateKind};
///
/// let doc = Document::new("3月21日(木)に調査結果が提出されました。");
/// let mut warnings = Vec::new();
/// let found = extract(&doc, Some(Date::constant(2024, 5, 31)), &mut warnings);
/// assert_eq!(found[0].kind, DateKind::Date);
/// assert_eq!(found[0].value, "2024-03-21");
/// assert!(found[0].inferred_year);
/// ```
pub fn extract(
    doc: &Document,
    reference: Option<Date>,
    warnings: &mut Vec<String>,
) -> Vec<DateMention> {
    let text = doc.text();
    let items = scan::scan(text);
    resolve::resolve(text, &items, reference, warnings)
        .into_iter()
        .map(|r| mention(doc, r))
        .collect()
}

/// A resolved expression as a [`DateMention`] with input offsets.
fn mention(doc: &Document, r: resolve::Resolved) -> DateMention {
    use resolve::Value;
    let span = doc.span(r.start, r.end);
    let kind = match r.value {
        Value::Day(_) => DateKind::Date,
        Value::Month(..) => DateKind::Month,
        Value::Year(_) => DateKind::Year,
        Value::Fiscal(_) => DateKind::FiscalYear,
        Value::DayTime(..) => DateKind::Datetime,
        Value::Time(..) => DateKind::Time,
    };
    DateMention {
        kind,
        value: r.value.render(),
        text: span.text,
        weekday: r.weekday.map(String::from),
        start: span.start,
        end: span.end,
        inferred_year: r.inferred_year,
        modifier: r.modifier.map(|m| m.key().to_owned()),
        range: r.role.map(|role| match role {
            resolve::Role::Start => RangeRole::Start,
            resolve::Role::End => RangeRole::End,
        }),
    }
}
