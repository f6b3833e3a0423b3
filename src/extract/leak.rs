//! Leak status: whether the notice says data leaked, may have leaked, or
//! that no leak was found.

use serde::{Deserialize, Serialize};

use crate::Document;

/// What the notice says about leakage; the first that applies wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakStatus {
    /// A leak or exposure is stated as fact.
    Confirmed,
    /// A leak is possible (おそれ, 可能性, 否定できない).
    Possible,
    /// The notice only says no leak was found.
    NotFound,
    /// Nothing is said about leakage.
    NoneStated,
}

/// Classifies the leak status. Not implemented yet (issue 5).
pub fn extract(doc: &Document) -> Option<LeakStatus> {
    let _ = doc;
    None
}
