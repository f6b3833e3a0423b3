//! The publication date: the archive header's date bullet, or the notice's
//! own date line.
//!
//! - Archive files (「# 公表概要」 then bullets: title, date, issuers, URL):
//!   the first date in the second bullet, at the precision written
//!   (「2025年1月XX日」 → `2025-01`; 「日付記載なし」 → none).
//! - Letters: the first line that holds nothing but a date with a written
//!   year — a letterhead or signature date (「令和６年５月」,
//!   「令和5年10月18日」, 「2024年5月31日付」, 「発表日:2024年5月31日」).
//!   In a file holding two notices that is the first notice's date.

use crate::Span;
use serde::{Deserialize, Serialize};

use super::dates::publication::{Publication, locate};
use crate::Document;

/// The date a notice was published, at the precision it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is written (「令和６年５月」).
    pub value: String,
    /// The date as written in the input.
    #[serde(flatten)]
    pub span: Span,
}

/// Finds the publication date.
///
/// ```
/// let doc = jpnotice::Document::new("お客様各位\n令和６年５月３１日\n株式会社サンプル商事\n");
/// let p = jpnotice::extract::published::extract(&doc, &mut Vec::new()).unwrap();
/// assert_eq!(p.value, "2024-05-31");
/// assert_eq!(p.span.text, "令和６年５月３１日");
/// ```
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> Option<Published> {
    locate(doc, warnings).map(|p| from_publication(doc, &p))
}

/// The output form of a publication date found already (see
/// [`crate::extract::dates::publication::locate`]).
pub fn from_publication(doc: &Document, p: &Publication) -> Published {
    let span = doc.span(p.start, p.end);
    Published {
        value: p.on.to_string(),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(s: &str) -> Option<String> {
        extract(&Document::new(s), &mut Vec::new()).map(|p| p.value)
    }

    #[test]
    fn archive_header_second_bullet() {
        let s = "# 公表概要\n- 不正アクセスに関するお知らせ\n- 2025年3月4日\n- 株式会社サンプル\n\n# 本文\n2025年2月16日に…";
        assert_eq!(published(s).as_deref(), Some("2025-03-04"));
        let s = "# 公表概要\n- お知らせ\n- 2025年1月XX日\n- 株式会社サンプル\n";
        assert_eq!(published(s).as_deref(), Some("2025-01"));
        let s =
            "# 公表概要\n- お知らせ\n- 日付記載なし\n- 株式会社サンプル\n\n# 本文\n令和6年5月\n";
        assert_eq!(published(s), None);
        let s =
            "# 公表概要\n- お知らせ\n- 株式会社サンプル\n- 2026年3月31日\n- https://example.jp/\n";
        assert_eq!(published(s).as_deref(), Some("2026-03-31"));
    }

    #[test]
    fn letterhead_and_signature_lines() {
        assert_eq!(
            published(
                "受診者様\n\n  令和６年５月  \n\nお詫び\n令和6年1月29日(月)、攻撃を受けました"
            )
            .as_deref(),
            Some("2024-05")
        );
        assert_eq!(
            published("お知らせ\n本文は2024年1月29日に…\n\n2024年2月1日付\n株式会社サンプル")
                .as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            published("発表日:2023年10月18日\n").as_deref(),
            Some("2023-10-18")
        );
        assert_eq!(published("2024年1月29日に不正アクセス"), None);
    }

    #[test]
    fn two_notices_take_the_first_date() {
        let s = "令和6年5月10日\n通知\n\n令和6年5月1日\nお詫び\n";
        assert_eq!(published(s).as_deref(), Some("2024-05-10"));
    }
}
