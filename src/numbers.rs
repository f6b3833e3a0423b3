//! Numerals as Japanese notices write them: 「1,092」「１７１，４７２」「十二万三千」
//! 「7万4238」「483千」, with qualifiers (約, 最大, 延べ, 以上 …).

use serde::{Deserialize, Serialize};

/// One numeric expression found in text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The value (「約13万」 → 130000).
    pub value: f64,
    /// The counter that follows the number (「件」「名」), if any.
    pub unit: Option<String>,
    /// Qualifiers as written (「約」「最大」「延べ」).
    pub qualifiers: Vec<String>,
    /// The expression as written.
    pub text: String,
    /// Byte offset where the expression starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
}

/// Finds every numeric expression in `text` (offsets into `text`).
/// Not implemented yet (issue 4).
pub fn find_all(text: &str) -> Vec<NumberMention> {
    let _ = text;
    Vec::new()
}
