//! Title, issuers and report number (「第２報」).

use crate::Document;

/// The notice's title, issuing organizations and report number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The main heading (「個人情報流出のおそれに関するご報告とお詫び」).
    pub title: Option<String>,
    /// Issuing organizations, job titles stripped.
    pub issuers: Vec<String>,
    /// The report's sequence number (「第２報」 → 2).
    pub report_number: Option<u32>,
}

/// Finds the title, issuers and report number. Not implemented yet (issue 5).
pub fn extract(doc: &Document) -> Metadata {
    let _ = doc;
    Metadata::default()
}
