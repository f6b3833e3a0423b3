//! Notice kind: an incident report, an advisory, or something else.
//!
//! Nearly every notice reports an incident of its issuer or of the
//! issuer's contractor or platform (「委託先におけるランサムウェア被害」), even
//! when titled 注意喚起. A notice is an `advisory` when it warns or guides
//! without an incident of its own:
//! - it says so (「本通知は、特定の事案が発生したことを受けたものではありません」);
//! - or it asks readers to take measures (「対策を徹底してください」「周知」) about
//!   incidents at others (「県内の医療機関において」「全国的に相次いで」) and
//!   never speaks of its own organization (当社, 弊社, 当院, 当金庫 …), its
//!   contractor (委託先) or a service it uses (「が利用する」), nor apologizes;
//! - or its title warns about impersonation (「○○をかたるメールにご注意ください」)
//!   with no apology and no incident found in the text.
//!
//! [`classify`] decides the kind together with the incident types (from
//! [`crate::extract::incident`]) and their `other` fallback: an incident
//! report that names an incident only in general words (サイバー攻撃,
//! 漏えい) and fits no type gets `[other]`.
//!
//! ```
//! use jpnotice::extract::incident::IncidentType;
//! use jpnotice::extract::kind::{classify, NoticeKind};
//! let doc = jpnotice::Document::new("当社サーバーが不正アクセスを受けました。お詫び申し上げます。");
//! let (kind, types) = classify(&doc);
//! assert_eq!(kind, Some(NoticeKind::IncidentReport));
//! assert_eq!(types, [IncidentType::UnauthorizedAccess]);
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::extract::incident::{self, IncidentType};
use crate::extract::metadata;

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

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

/// The issuer speaking of its own incident, its contractor or a service it
/// uses, or apologizing.
static OWN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"当社|弊社|当院|本院|本学|当学|当法人|本法人|当会|本会|当行|当金庫|当庫|当館|当店|当園|当機構|本機構|当財団|弊所|当所|当センター|当事業団|当組合|本組合|当協会|本協会|本連合会|当連合会|当施設|本校|当校|当グループ|委託先|再委託|委託事業者|受託|が利用する|が利用している|が使用する|お詫び|おわび|申し訳|陳謝",
    )
});

/// Incidents at others: 「県内の医療機関において」「全国的に…相次いでいます」.
static OTHERS_INCIDENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"県内の|市内の|管内の|全国的に|相次い|各地で|国内外で|他の医療機関|企業や医療機関|医療機関において|事業者において",
    )
});

/// Requests for measures addressed to other organizations.
static GUIDANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"対策を徹底|徹底して|周知|御協力|ご協力をお願い|注意喚起|安全管理|対策の実施|御確認ください|ご確認ください|参考の上|参考にして",
    )
});

/// The text's own statement that no incident is behind it.
static NO_OWN_INCIDENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:事案|被害|インシデント)(?:が)?発生したことを受けたものではありません|(?:当社|弊社|本市|本県|当法人)(?:の)?(?:システム|サーバー?)?(?:から|において)(?:の)?(?:情報)?(?:漏えい|流出)(?:等)?(?:は|の事実は)(?:ございません|ありません)",
    )
});

static IMPERSONATION_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:かたる|騙る|語る|装った|装う|名乗る|なりすました|偽)[^。]{0,30}(?:ご注意|注意喚起|ご留意|御注意)",
    )
});

/// The notice kind and the incident types, in one step: the types found
/// by [`incident::extract`], the kind they help decide, and `[other]` for
/// an incident report whose incident fits none of the types (see
/// [`incident::names_unclassified_incident`]). Other notices keep the
/// types as found (none stays none).
///
/// ```
/// use jpnotice::extract::incident::IncidentType;
/// use jpnotice::extract::kind::{classify, NoticeKind};
/// let doc = jpnotice::Document::new("当社がサイバー攻撃を受けた可能性のある事象を確認いたしました。");
/// assert_eq!(classify(&doc), (Some(NoticeKind::IncidentReport), vec![IncidentType::Other]));
/// ```
pub fn classify(doc: &Document) -> (Option<NoticeKind>, Vec<IncidentType>) {
    let title = metadata::extract(doc).title.unwrap_or_default();
    classify_titled(doc, &title)
}

/// [`classify`] with the notice's title found already (the parser finds
/// it once for the output).
pub fn classify_titled(doc: &Document, title: &str) -> (Option<NoticeKind>, Vec<IncidentType>) {
    let types = incident::extract(doc);
    let kind = kind_of(doc, &types, title);
    let unclassified = types.is_empty()
        && kind == Some(NoticeKind::IncidentReport)
        && incident::names_unclassified_incident(doc.sentences());
    if unclassified {
        (kind, vec![IncidentType::Other])
    } else {
        (kind, types)
    }
}

/// The notice kind alone, given the incident types already found (see
/// [`classify`], which finds both).
///
/// ```
/// use jpnotice::extract::kind::{extract, NoticeKind};
/// let doc = jpnotice::Document::new("当社サーバーが不正アクセスを受けました。お詫び申し上げます。");
/// assert_eq!(extract(&doc, &[]), Some(NoticeKind::IncidentReport));
/// ```
pub fn extract(doc: &Document, incident_types: &[IncidentType]) -> Option<NoticeKind> {
    let title = metadata::extract(doc).title.unwrap_or_default();
    kind_of(doc, incident_types, &title)
}

fn kind_of(doc: &Document, incident_types: &[IncidentType], title: &str) -> Option<NoticeKind> {
    let text = doc.text();
    if text.trim().is_empty() {
        return None;
    }
    if NO_OWN_INCIDENT.is_match(text) {
        return Some(NoticeKind::Advisory);
    }
    if !OWN.is_match(text) && GUIDANCE.is_match(text) && OTHERS_INCIDENT.is_match(text) {
        return Some(NoticeKind::Advisory);
    }
    let impersonation = IMPERSONATION_TITLE.is_match(title) && !title.contains("お詫び");
    let incident_words = incident_types.iter().any(|t| {
        matches!(
            t,
            IncidentType::UnauthorizedAccess
                | IncidentType::Ransomware
                | IncidentType::Malware
                | IncidentType::WebTampering
                | IncidentType::LostOrStolen
                | IncidentType::Misdelivery
                | IncidentType::Misconfiguration
                | IncidentType::Insider
        )
    });
    if impersonation && !incident_words {
        return Some(NoticeKind::Advisory);
    }
    Some(NoticeKind::IncidentReport)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<NoticeKind> {
        classify(&Document::new(text)).0
    }

    #[test]
    fn unclassified_incident_reports_are_other() {
        let types = |text: &str| classify(&Document::new(text)).1;
        let vague = "当社のメール情報の一部が外部に漏えいした可能性があることが判明しました。";
        assert_eq!(types(vague), [IncidentType::Other]);
        // An advisory, a notice naming no incident, a classified one.
        assert!(
            types("県内の医療機関において情報が漏えいする事案が相次いでいます。対策を徹底してください。")
                .is_empty()
        );
        assert!(types("窓口の受付時間を変更します。").is_empty());
        assert_eq!(
            types("メールを誤送信し、氏名が流出しました。"),
            [IncidentType::Misdelivery]
        );
        // Advice about incidents is no report of one.
        assert!(types("情報漏えいにご注意ください。").is_empty());
    }

    #[test]
    fn prefecture_advisory() {
        assert_eq!(
            kind(
                "各医療機関管理者 殿\n深山県医療政策課長\nランサムウェア対策について\n県内の医療機関において、ランサムウェアに感染する事案が発生しました。\n対策を徹底してくださいますようお願いいたします。"
            ),
            Some(NoticeKind::Advisory)
        );
        assert_eq!(
            kind("なお、本通知は、県内で特定の事案が発生したことを受けたものではありません。"),
            Some(NoticeKind::Advisory)
        );
    }

    #[test]
    fn contractor_incident_titled_warning_is_a_report() {
        assert_eq!(
            kind(
                "# 公表概要\n- クラウドサービスへの不正アクセスに関する注意喚起\n- 2025年1月1日\n- 架空会\n\n# 本文\n当法人が利用する委託先のサービスが不正アクセスを受けました。"
            ),
            Some(NoticeKind::IncidentReport)
        );
    }

    #[test]
    fn impersonation_warning() {
        assert_eq!(
            kind(
                "# 公表概要\n- 当機構の職員をかたるメールにご注意ください\n- 2025年1月1日\n- 架空機構\n\n# 本文\n当機構の職員をかたる不審なメールが確認されています。ご注意ください。"
            ),
            Some(NoticeKind::Advisory)
        );
    }

    #[test]
    fn municipality_reporting_its_service_is_a_report() {
        assert_eq!(
            kind(
                "# 公表概要\n- 架空市が利用する電子申請サービスへの不正アクセスについて\n- 2025年1月1日\n- 架空市\n\n# 本文\n架空市が利用する電子申請サービスが不正アクセスを受けました。詳細はご確認ください。"
            ),
            Some(NoticeKind::IncidentReport)
        );
    }

    #[test]
    fn empty_is_none() {
        assert_eq!(kind("  "), None);
    }
}
