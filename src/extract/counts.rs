//! Record counts: how many people, records, accounts, cards or e-mail
//! addresses were affected.

use serde::{Deserialize, Serialize};

use crate::Document;

/// One count of affected people or records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCount {
    /// The count (「約13万人」 → 130000).
    pub value: u64,
    /// The counter as written, without 分 (「名分」 → 「名」).
    pub unit: String,
    /// True when the count is approximate (約, およそ, 概ね, 程度, 前後 …).
    pub approx: bool,
    /// Qualifiers as written, in order (「最大」「延べ」「約」).
    pub qualifiers: Vec<String>,
    /// The expression as written in the input.
    pub text: String,
    /// Whose or what records (「外来および入院中の患者様」), when stated.
    pub subject: Option<String>,
    /// True when the count is a total (計, 合計, 累計, 総数).
    pub total: bool,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
}

/// Finds the record counts. Not implemented yet (issue 4).
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> Vec<RecordCount> {
    let _ = (doc, warnings);
    Vec::new()
}
