//! Incident types: what happened (ransomware, unauthorized access, …).

use serde::{Deserialize, Serialize};

use crate::Document;

/// A kind of incident, from `incident-types.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    /// ランサムウェア: data encrypted or extorted.
    Ransomware,
    /// 不正アクセス: an outsider entered a system or account.
    UnauthorizedAccess,
    /// マルウェア感染 other than ransomware.
    Malware,
    /// Webサイト改ざん: pages or payment applications altered.
    WebTampering,
    /// フィッシング・なりすまし.
    Phishing,
    /// 紛失・盗難.
    LostOrStolen,
    /// 内部不正.
    Insider,
    /// 誤送信・誤送付.
    Misdelivery,
    /// 設定不備.
    Misconfiguration,
    /// システム障害: a service or system stopped.
    SystemFailure,
    /// その他.
    Other,
}

/// Finds the incident types. Not implemented yet (issue 5).
pub fn extract(doc: &Document) -> Vec<IncidentType> {
    let _ = doc;
    Vec::new()
}
