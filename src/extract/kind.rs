//! Notice kind: an incident report, an advisory, or something else.

use serde::{Deserialize, Serialize};

use crate::Document;
use crate::extract::incident::IncidentType;

/// What sort of notice this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The issuer reports its own (or its contractor's) incident.
    IncidentReport,
    /// A warning or guidance, with no incident of the issuer.
    Advisory,
    /// Anything else.
    Other,
}

/// Classifies the notice. Not implemented yet (issue 5).
pub fn extract(doc: &Document, incident_types: &[IncidentType]) -> Option<NoticeKind> {
    let _ = (doc, incident_types);
    None
}
