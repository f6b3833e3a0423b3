//! The publication date: the notice's own date line, or the archive
//! header's date bullet.

use serde::{Deserialize, Serialize};

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

/// Finds the publication date. Not implemented yet (issue 3).
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> Option<Published> {
    let _ = (doc, warnings);
    None
}
