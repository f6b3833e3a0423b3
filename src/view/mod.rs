//! Views of notices for people: a page of one notice with every extracted
//! span highlighted ([`notice_page`]), a report of many notices with charts
//! and a sortable table ([`report_page`]), and spreadsheet rows ([`csv`]).
//!
//! Pages are self-contained HTML: inline CSS, inline SVG, a few lines of
//! inline script at most, and no reference to the network, so they read
//! offline and print. Output is deterministic: the same notices give the
//! same bytes.
//!
//! ```
//! let input = "令和６年５月１日\n不正アクセスにより氏名約1,200件が流出したおそれがあります。";
//! let notice = jpnotice::parse(input);
//! let page = jpnotice::view::notice_page(&notice, input);
//! assert!(page.contains(r#"data-field="record_counts""#));
//! let report = jpnotice::view::report_page(&[notice], &[]);
//! assert!(report.contains(r#"<svg id="chart-months""#));
//! ```

pub mod csv;
mod escape;
mod evidence;
mod html;
mod marks;
mod report;
mod style;
mod svg;

pub use evidence::{Evidence, evidence};
pub use html::notice_page;
pub use marks::{Mark, Rendered, render};
pub use report::{Failure, report_page};

use crate::Notice;

/// The largest record count of a notice (「約13万人」 → 130000), if any.
///
/// ```
/// let notice = jpnotice::parse("会員1,204名と取引先約13万件の情報が流出しました。");
/// assert_eq!(jpnotice::view::largest_count(&notice), Some(130000));
/// ```
pub fn largest_count(notice: &Notice) -> Option<u64> {
    notice.record_counts.iter().map(|c| c.value).max()
}

/// The snake-case name of a serialized enum value (`IncidentType::LostOrStolen`
/// → `lost_or_stolen`), as the JSON writes it.
fn key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// 130000 → 「130,000」.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(130000), "130,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
