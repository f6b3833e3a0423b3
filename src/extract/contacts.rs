//! Contacts: phone numbers with their kind, hours and organization, and the
//! document's URLs.

use serde::{Deserialize, Serialize};

use crate::Document;

/// One way to reach the issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The organization of the contact block.
    pub organization: Option<String>,
    /// The department or desk.
    pub department: Option<String>,
    /// The phone number in national format with hyphens (「0493-81-6089」).
    pub phone: Option<String>,
    /// `toll_free`, `navi_dial`, `mobile`, `ip` or `landline`.
    pub phone_kind: Option<String>,
    /// The number as written in the input.
    pub text: String,
    /// Reception hours as written, tidied (「平日 8:30-17:00」).
    pub hours: Option<String>,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
}

/// Finds contacts and URLs. Not implemented yet (issue 6).
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> (Vec<Contact>, Vec<String>) {
    let _ = (doc, warnings);
    (Vec::new(), Vec::new())
}
