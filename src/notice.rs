//! The output: one [`Notice`] per document, serialized exactly as
//! `SCHEMA.md` describes.

use serde::Serialize;

use crate::extract::contacts::Contact;
use crate::extract::counts::RecordCount;
use crate::extract::data_items::DataItem;
use crate::extract::dates::DateMention;
use crate::extract::incident::IncidentType;
use crate::extract::kind::NoticeKind;
use crate::extract::leak::LeakStatus;
use crate::extract::published::Published;

/// Everything extracted from one notice.
///
/// Every field is always serialized: a value the parser could not determine
/// is `null` or `[]`, never a guess.
///
/// ```
/// let notice = jpnotice::parse("令和６年５月\n不正アクセスに関するお知らせ");
/// let json = serde_json::to_value(&notice).unwrap();
/// assert!(json.get("record_counts").unwrap().is_array());
/// ```
#[derive(Debug, Clone, Serialize, Default)]
pub struct Notice {
    /// Where the document came from (a path as given, `-` for stdin), if known.
    pub source: Option<String>,
    /// The notice's title (「個人情報流出のおそれに関するご報告とお詫び」).
    pub title: Option<String>,
    /// Issuing organizations (「公益財団法人埼玉県健康づくり事業団」).
    pub issuers: Vec<String>,
    /// The notice's own date.
    pub published: Option<Published>,
    /// The report's sequence number (「第２報」 → 2).
    pub report_number: Option<u32>,
    /// Incident report, advisory or other.
    pub notice_kind: Option<NoticeKind>,
    /// What happened.
    pub incident_types: Vec<IncidentType>,
    /// Whether data leaked, may have leaked, or no leak was found.
    pub leak_status: Option<LeakStatus>,
    /// Every date, month, fiscal year and time mentioned.
    pub dates: Vec<DateMention>,
    /// Counts of affected people and records.
    pub record_counts: Vec<RecordCount>,
    /// Personal data items affected (or explicitly not).
    pub data_items: Vec<DataItem>,
    /// Whom to call.
    pub contacts: Vec<Contact>,
    /// Every URL of the document, deduplicated, in order.
    pub urls: Vec<String>,
    /// What could not be parsed, in plain words.
    pub warnings: Vec<String>,
    /// The encoding the input was decoded from (`UTF-8`, `Shift_JIS`, …), or
    /// `PDF` with the engine that produced the text.
    pub encoding: Option<String>,
}
