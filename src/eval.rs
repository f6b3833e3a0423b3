//! Scoring extraction against gold annotations, as `SCHEMA.md`'s gold
//! section defines it.
//!
//! Set fields (`dates`, `record_counts`, `data_items`,
//! `data_items_not_affected`, `phones`, `incident_types`, `issuers`) get
//! precision, recall and F1, micro-averaged over documents: true positives,
//! false positives and false negatives are summed over every document whose
//! gold line has the field, then turned into scores once. Exact fields
//! (`title` after NFKC and whitespace removal, `published`, `notice_kind`,
//! `leak_status`) get accuracy.
//!
//! ```
//! use jpnotice::eval::{Scorer, SET_FIELDS};
//! use serde_json::json;
//!
//! let gold = json!({"source": "a.md", "dates": ["2024-01-29", "FY2017"]});
//! let predicted = json!({"dates": [
//!     {"kind": "date", "value": "2024-01-29"},
//!     {"kind": "time", "value": "08:30"}
//! ]});
//! let mut scorer = Scorer::new(SET_FIELDS.iter().copied());
//! scorer.add(&gold, &predicted);
//! let dates = &scorer.report().fields[0];
//! assert_eq!((dates.true_positives, dates.false_negatives), (1, 1));
//! assert_eq!(dates.precision, Some(1.0));
//! ```

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Fields scored as sets, in report order.
pub const SET_FIELDS: [&str; 7] = [
    "dates",
    "record_counts",
    "data_items",
    "data_items_not_affected",
    "phones",
    "incident_types",
    "issuers",
];

/// Fields scored by exact match, in report order.
pub const EXACT_FIELDS: [&str; 4] = ["title", "published", "notice_kind", "leak_status"];

/// Every scored field, sets first.
pub fn all_fields() -> Vec<&'static str> {
    SET_FIELDS
        .iter()
        .chain(EXACT_FIELDS.iter())
        .copied()
        .collect()
}

/// The score of one field over all documents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldScore {
    /// Field name as in the gold file.
    pub field: String,
    /// Documents whose gold line has this field.
    pub documents: usize,
    /// Set fields: values both in gold and predicted.
    pub true_positives: usize,
    /// Set fields: values predicted but not in gold.
    pub false_positives: usize,
    /// Set fields: values in gold but not predicted.
    pub false_negatives: usize,
    /// Set fields: TP / (TP + FP); `None` when nothing was predicted.
    pub precision: Option<f64>,
    /// Set fields: TP / (TP + FN); `None` when gold is empty throughout.
    pub recall: Option<f64>,
    /// Set fields: harmonic mean of precision and recall (0 when either is 0
    /// or undefined while the other side has values).
    pub f1: Option<f64>,
    /// Exact fields: share of documents predicted exactly.
    pub accuracy: Option<f64>,
    /// Exact fields: documents predicted exactly.
    pub correct: usize,
}

/// One document's differences for one field.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentError {
    /// The gold line's `source`.
    pub source: String,
    /// The field.
    pub field: String,
    /// Predicted values not in gold (for exact fields: the prediction).
    pub extra: Vec<String>,
    /// Gold values not predicted (for exact fields: the gold value).
    pub missed: Vec<String>,
}

/// Scores of every field, plus each document's errors.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// One entry per requested field, in the order requested.
    pub fields: Vec<FieldScore>,
    /// Per-document differences, in document order.
    pub errors: Vec<DocumentError>,
}

#[derive(Debug, Default, Clone)]
struct Tally {
    documents: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    correct: usize,
}

/// Accumulates documents and produces a [`Report`].
#[derive(Debug, Clone)]
pub struct Scorer {
    fields: Vec<String>,
    tallies: Vec<Tally>,
    documents: usize,
    errors: Vec<DocumentError>,
}

impl Scorer {
    /// A scorer for the given fields (names as in [`all_fields`]).
    pub fn new<'a>(fields: impl IntoIterator<Item = &'a str>) -> Self {
        let fields: Vec<String> = fields.into_iter().map(str::to_owned).collect();
        let tallies = vec![Tally::default(); fields.len()];
        Scorer {
            fields,
            tallies,
            documents: 0,
            errors: Vec::new(),
        }
    }

    /// Scores one document: its gold line and the predicted JSON object
    /// (a serialized [`crate::Notice`]).
    pub fn add(&mut self, gold: &Value, predicted: &Value) {
        self.documents += 1;
        let source = gold
            .get("source")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        for (field, tally) in self.fields.iter().zip(self.tallies.iter_mut()) {
            let Some(gold_value) = gold.get(field.as_str()) else {
                continue;
            };
            tally.documents += 1;
            if SET_FIELDS.contains(&field.as_str()) {
                let want = gold_set(gold_value, field);
                let got = predicted_set(predicted, field);
                let tp = want.intersection(&got).count();
                tally.tp += tp;
                tally.fp += got.len() - tp;
                tally.fn_ += want.len() - tp;
                if tp != want.len() || tp != got.len() {
                    self.errors.push(DocumentError {
                        source: source.clone(),
                        field: field.clone(),
                        extra: got.difference(&want).cloned().collect(),
                        missed: want.difference(&got).cloned().collect(),
                    });
                }
            } else {
                let want = exact_gold(gold_value, field);
                let got = exact_predicted(predicted, field);
                if want == got {
                    tally.correct += 1;
                } else {
                    self.errors.push(DocumentError {
                        source: source.clone(),
                        field: field.clone(),
                        extra: got.into_iter().collect(),
                        missed: want.into_iter().collect(),
                    });
                }
            }
        }
    }

    /// The scores so far.
    pub fn report(&self) -> Report {
        let fields = self
            .fields
            .iter()
            .zip(&self.tallies)
            .map(|(field, t)| {
                let is_set = SET_FIELDS.contains(&field.as_str());
                let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
                let (precision, recall, f1, accuracy) = if is_set {
                    let p = ratio(t.tp, t.tp + t.fp);
                    let r = ratio(t.tp, t.tp + t.fn_);
                    let f1 = match (p, r) {
                        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
                        (None, None) => None,
                        _ => Some(0.0),
                    };
                    (p, r, f1, None)
                } else {
                    (None, None, None, ratio(t.correct, t.documents))
                };
                FieldScore {
                    field: field.clone(),
                    documents: t.documents,
                    true_positives: t.tp,
                    false_positives: t.fp,
                    false_negatives: t.fn_,
                    precision,
                    recall,
                    f1,
                    accuracy,
                    correct: t.correct,
                }
            })
            .collect();
        Report {
            documents: self.documents,
            fields,
            errors: self.errors.clone(),
        }
    }
}

/// Gold values of a set field as strings.
fn gold_set(value: &Value, field: &str) -> BTreeSet<String> {
    value
        .as_array()
        .map(|items| items.iter().map(|v| canonical(v, field)).collect())
        .unwrap_or_default()
}

/// Predicted values of a set field, read from a serialized notice.
fn predicted_set(notice: &Value, field: &str) -> BTreeSet<String> {
    let array = |name: &str| -> Vec<Value> {
        notice
            .get(name)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    match field {
        "dates" => array("dates")
            .iter()
            .filter_map(|d| {
                let value = d.get("value")?.as_str()?;
                match d.get("kind")?.as_str()? {
                    "date" | "month" | "fiscal_year" => Some(value.to_owned()),
                    "datetime" => Some(value.chars().take(10).collect()),
                    _ => None,
                }
            })
            .collect(),
        "record_counts" => array("record_counts")
            .iter()
            .filter_map(|c| c.get("value").map(|v| canonical(v, field)))
            .collect(),
        "data_items" | "data_items_not_affected" => {
            let want_affected = field == "data_items";
            array("data_items")
                .iter()
                .filter(|d| d.get("affected").and_then(Value::as_bool) == Some(want_affected))
                .filter_map(|d| d.get("key")?.as_str().map(str::to_owned))
                .collect()
        }
        "phones" => array("contacts")
            .iter()
            .filter_map(|c| c.get("phone")?.as_str().map(str::to_owned))
            .collect(),
        _ => array(field).iter().map(|v| canonical(v, field)).collect(),
    }
}

/// A value as a comparable string: numbers without a fraction print as
/// integers, strings as they are.
fn canonical(value: &Value, _field: &str) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// The gold value of an exact field, `None` for null.
fn exact_gold(value: &Value, field: &str) -> Option<String> {
    let s = value.as_str()?;
    Some(exact_form(s, field))
}

/// The predicted value of an exact field.
fn exact_predicted(notice: &Value, field: &str) -> Option<String> {
    let value = notice.get(field)?;
    let s = match value {
        Value::Object(o) => o.get("value")?.as_str()?,
        Value::String(s) => s.as_str(),
        _ => return None,
    };
    Some(exact_form(s, field))
}

/// Titles compare after NFKC and whitespace removal; other fields as they are.
fn exact_form(s: &str, field: &str) -> String {
    if field == "title" {
        s.nfkc().filter(|c| !c.is_whitespace()).collect()
    } else {
        s.trim().to_owned()
    }
}

/// Renders a report as a fixed-width table.
pub fn render_table(report: &Report) -> String {
    let mut out = format!(
        "{:<24} {:>5} {:>7} {:>7} {:>7} {:>9}\n",
        "field", "docs", "P", "R", "F1", "accuracy"
    );
    let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
    for f in &report.fields {
        out.push_str(&format!(
            "{:<24} {:>5} {:>7} {:>7} {:>7} {:>9}\n",
            f.field,
            f.documents,
            fmt(f.precision),
            fmt(f.recall),
            fmt(f.f1),
            fmt(f.accuracy)
        ));
    }
    out.push_str(&format!("({} documents)\n", report.documents));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn score(pairs: &[(Value, Value)], fields: &[&str]) -> Report {
        let mut s = Scorer::new(fields.iter().copied());
        for (g, p) in pairs {
            s.add(g, p);
        }
        s.report()
    }

    #[test]
    fn micro_average_over_documents() {
        // doc 1: gold {1,2,3}, predicted {1,2,4}: tp 2, fp 1, fn 1
        // doc 2: gold {10}, predicted {}: tp 0, fp 0, fn 1
        // total tp 2, fp 1, fn 2: P 2/3, R 2/4, F1 = 2*(2/3)*(1/2)/(2/3+1/2) = 4/7
        let pairs = [
            (
                json!({"source": "a", "record_counts": [1, 2, 3]}),
                json!({"record_counts": [{"value": 1}, {"value": 2}, {"value": 4}]}),
            ),
            (
                json!({"source": "b", "record_counts": [10]}),
                json!({"record_counts": []}),
            ),
        ];
        let r = score(&pairs, &["record_counts"]);
        let f = &r.fields[0];
        assert_eq!(
            (f.true_positives, f.false_positives, f.false_negatives),
            (2, 1, 2)
        );
        assert!((f.precision.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert!((f.recall.unwrap() - 0.5).abs() < 1e-12);
        assert!((f.f1.unwrap() - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(r.errors.len(), 2);
    }

    #[test]
    fn absent_gold_field_is_not_scored() {
        let pairs = [(json!({"source": "a"}), json!({"phones": ["03-1234-5678"]}))];
        let r = score(&pairs, &["phones"]);
        assert_eq!(r.fields[0].documents, 0);
        assert_eq!(r.fields[0].f1, None);
    }

    #[test]
    fn dates_score_only_day_month_fiscal_and_datetime_day() {
        let gold = json!({"source": "a", "dates": ["2024-01-29", "2024-05", "FY2017"]});
        let pred = json!({"dates": [
            {"kind": "datetime", "value": "2024-01-29T13:30"},
            {"kind": "month", "value": "2024-05"},
            {"kind": "fiscal_year", "value": "FY2017"},
            {"kind": "year", "value": "2024"},
            {"kind": "time", "value": "08:30"}
        ]});
        let r = score(&[(gold, pred)], &["dates"]);
        assert_eq!(r.fields[0].f1, Some(1.0));
    }

    #[test]
    fn data_items_split_by_affected() {
        let gold = json!({"source": "a", "data_items": ["name"], "data_items_not_affected": ["my_number"]});
        let pred = json!({"data_items": [
            {"key": "name", "affected": true},
            {"key": "my_number", "affected": false},
            {"key": "address", "affected": false}
        ]});
        let r = score(&[(gold, pred)], &["data_items", "data_items_not_affected"]);
        assert_eq!(r.fields[0].f1, Some(1.0));
        // not affected: tp 1, fp 1 → P 0.5, R 1, F1 2/3
        assert!((r.fields[1].f1.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn exact_fields_and_title_normalization() {
        let pairs = [
            (
                json!({"source": "a", "title": "不正アクセスに関する お知らせ（第２報）", "published": "2024-05", "leak_status": "possible"}),
                json!({"title": "不正アクセスに関するお知らせ(第2報)", "published": {"value": "2024-05"}, "leak_status": "confirmed"}),
            ),
            (
                json!({"source": "b", "title": "x", "published": null, "leak_status": "none_stated"}),
                json!({"title": "y", "published": null, "leak_status": "none_stated"}),
            ),
        ];
        let r = score(&pairs, &["title", "published", "leak_status"]);
        assert_eq!(r.fields[0].accuracy, Some(0.5));
        assert_eq!(r.fields[1].accuracy, Some(1.0));
        assert_eq!(r.fields[2].accuracy, Some(0.5));
    }

    #[test]
    fn phones_come_from_contacts() {
        let gold = json!({"source": "a", "phones": ["0493-81-6089", "0120-123-456"]});
        let pred = json!({"contacts": [{"phone": "0493-81-6089"}, {"phone": null}]});
        let r = score(&[(gold, pred)], &["phones"]);
        let f = &r.fields[0];
        assert_eq!(
            (f.true_positives, f.false_positives, f.false_negatives),
            (1, 0, 1)
        );
    }

    #[test]
    fn table_renders_every_field() {
        let r = score(
            &[(json!({"source": "a", "phones": []}), json!({}))],
            &["phones", "title"],
        );
        let t = render_table(&r);
        assert!(t.contains("phones") && t.contains("title"));
    }
}
