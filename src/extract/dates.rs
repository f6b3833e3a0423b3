//! Dates and times: every temporal expression of a notice, resolved to
//! absolute values.

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
}

/// Finds every date, month, year, fiscal year and time in the document.
/// Not implemented yet: returns nothing (issue 3).
pub fn extract(
    doc: &Document,
    reference: Option<Date>,
    warnings: &mut Vec<String>,
) -> Vec<DateMention> {
    let _ = (doc, reference, warnings);
    Vec::new()
}
