//! Personal data items that were (or explicitly were not) affected.

use serde::{Deserialize, Serialize};

use crate::Document;

/// One data item named in the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataItem {
    /// Key from the vocabulary (`name`, `name_kana`, `address`, …, `other`).
    pub key: String,
    /// The vocabulary's Japanese label (「氏名（カナ）」).
    pub label: String,
    /// The item as written in the input (「カナ氏名」).
    pub text: String,
    /// False when the notice says this item was NOT affected.
    pub affected: bool,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
}

/// The data-item vocabulary (key, label, synonyms).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {}

impl Vocabulary {
    /// The vocabulary embedded in the library.
    pub fn embedded() -> Self {
        Vocabulary {}
    }
}

/// Finds the data items. Not implemented yet (issue 5).
pub fn extract(
    doc: &Document,
    vocabulary: &Vocabulary,
    warnings: &mut Vec<String>,
) -> Vec<DataItem> {
    let _ = (doc, vocabulary, warnings);
    Vec::new()
}
