//! One spreadsheet row per notice, for `jpnotice extract --format csv`.
//!
//! Lists are joined with `;`. Quoting is the `csv` crate's: a field with a
//! comma, quote or line break is quoted, quotes doubled.
//!
//! ```
//! use jpnotice::view::csv;
//! let mut notice = jpnotice::parse("令和６年５月１日\n氏名、住所約1,200件が流出しました。\n電話 ０１２０－１２３－４５６");
//! notice.source = Some("a.txt".into());
//! let row = csv::record(&notice);
//! assert_eq!(row.len(), csv::header().len());
//! assert_eq!(row[1], "2024-05-01");
//! assert_eq!(row[8], "1200件");
//! assert_eq!(row[9], "name;address");
//! assert_eq!(csv::line(&csv::header())[..17], *"source,published,");
//! ```

use super::{key, largest_count};
use crate::Notice;

/// The UTF-8 byte order mark, for spreadsheets that need it to read UTF-8
/// (`--bom`).
pub const BOM: &str = "\u{feff}";

/// The column names.
///
/// ```
/// let header = jpnotice::view::csv::header();
/// assert_eq!(header[0], "source");
/// assert_eq!(header.len(), 13);
/// // 「氏名」 in a notice is `name` in the data_items column.
/// assert_eq!(header[9], "data_items");
/// ```
pub fn header() -> Vec<String> {
    [
        "source",
        "published",
        "title",
        "issuers",
        "notice_kind",
        "incident_types",
        "leak_status",
        "largest_record_count",
        "record_counts",
        "data_items",
        "data_items_not_affected",
        "phones",
        "warnings",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The row of one notice, in the order of [`header`]: record counts as
/// value and unit (「130000人」), data items as their keys (each once;
/// `other:` with the text for an item outside the vocabulary), phones in
/// national format.
pub fn record(notice: &Notice) -> Vec<String> {
    let items = |affected: bool| -> String {
        let mut keys: Vec<String> = Vec::new();
        for item in notice.data_items.iter().filter(|i| i.affected == affected) {
            let k = if item.key == "other" {
                format!("other:{}", item.span.text)
            } else {
                item.key.clone()
            };
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys.join(";")
    };
    let mut phones: Vec<&str> = Vec::new();
    for phone in notice.contacts.iter().filter_map(|c| c.phone.as_deref()) {
        if !phones.contains(&phone) {
            phones.push(phone);
        }
    }
    vec![
        notice.source.clone().unwrap_or_default(),
        notice
            .published
            .as_ref()
            .map(|p| p.value.clone())
            .unwrap_or_default(),
        notice.title.clone().unwrap_or_default(),
        notice.issuers.join(";"),
        notice.notice_kind.as_ref().map(key).unwrap_or_default(),
        notice
            .incident_types
            .iter()
            .map(key)
            .collect::<Vec<_>>()
            .join(";"),
        notice.leak_status.as_ref().map(key).unwrap_or_default(),
        largest_count(notice)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        notice
            .record_counts
            .iter()
            .map(|c| format!("{}{}", c.value, c.unit))
            .collect::<Vec<_>>()
            .join(";"),
        items(true),
        items(false),
        phones.join(";"),
        notice.warnings.join(";"),
    ]
}

/// The row of an input that could not be read: its source, and the error
/// in the warnings column (「error: cannot read: …」).
///
/// ```
/// let row = jpnotice::view::csv::error_record("x.pdf", "cannot read PDF");
/// assert_eq!(row.first().map(String::as_str), Some("x.pdf"));
/// assert_eq!(row.last().map(String::as_str), Some("error: cannot read PDF"));
/// ```
pub fn error_record(source: &str, error: &str) -> Vec<String> {
    let mut row = vec![String::new(); header().len()];
    row[0] = source.to_owned();
    if let Some(last) = row.last_mut() {
        *last = format!("error: {error}");
    }
    row
}

/// One CSV line (with its `\n`), quoted as needed.
///
/// ```
/// let line = jpnotice::view::csv::line(&["a,b", "お知らせ", "say \"hi\""]);
/// assert_eq!(line, "\"a,b\",お知らせ,\"say \"\"hi\"\"\"\n");
/// ```
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(fields.iter().map(|f| f.as_ref().as_bytes()));
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// A whole table: the header and one row per notice.
///
/// ```
/// let notices = [jpnotice::parse("お知らせ"), jpnotice::parse("")];
/// let table = jpnotice::view::csv::table(&notices);
/// assert_eq!(table.lines().count(), 3);
/// ```
pub fn table(notices: &[Notice]) -> String {
    let mut out = line(&header());
    for notice in notices {
        out.push_str(&line(&record(notice)));
    }
    out
}
