//! The report of many notices: charts (inline SVG) and a sortable table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

use super::escape::html as esc;
use super::svg::{self, Bar, clip};
use super::{key, largest_count, style, thousands};
use crate::Notice;
use crate::extract::incident::IncidentType;

/// An input the report could not read: its source and why.
///
/// ```
/// let failure = jpnotice::view::Failure { source: "壊れた.pdf".into(), error: "cannot read PDF".into() };
/// let page = jpnotice::view::report_page(&[], &[failure]);
/// assert!(page.contains("壊れた.pdf"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where the input came from.
    pub source: String,
    /// What went wrong.
    pub error: String,
}

/// Every incident type in legend (and priority) order, then none.
const TYPES: [IncidentType; 11] = [
    IncidentType::Ransomware,
    IncidentType::UnauthorizedAccess,
    IncidentType::Malware,
    IncidentType::WebTampering,
    IncidentType::Phishing,
    IncidentType::LostOrStolen,
    IncidentType::Insider,
    IncidentType::Misdelivery,
    IncidentType::Misconfiguration,
    IncidentType::SystemFailure,
    IncidentType::Other,
];

/// A self-contained HTML report of `notices`: notices per month stacked
/// by incident type, leak status shares, the distribution of the largest
/// record count of each notice (log scale) and the 20 largest, data items
/// by frequency (affected and explicitly not affected), notice kinds, and
/// a table of every notice, sortable by a click on a column (a few lines
/// of inline script). `failures` are listed below the table.
///
/// ```
/// let notices = [
///     jpnotice::parse("令和６年５月１日\n不正アクセスにより氏名約1,200件が流出しました。"),
///     jpnotice::parse(""),
/// ];
/// let page = jpnotice::view::report_page(&notices, &[]);
/// for id in ["chart-months", "chart-leak", "chart-counts", "chart-largest", "chart-items", "chart-kinds"] {
///     assert!(page.contains(&format!("<svg id=\"{id}\"")), "{id}");
/// }
/// assert_eq!(page.matches("<tr data-source=").count(), 2);
/// ```
pub fn report_page(notices: &[Notice], failures: &[Failure]) -> String {
    let mut order: Vec<&Notice> = notices.iter().collect();
    // Newest first; undated last; then by source for a stable order.
    order.sort_by(|a, b| {
        let pa = a.published.as_ref().map(|p| p.value.as_str());
        let pb = b.published.as_ref().map(|p| p.value.as_str());
        pb.is_some()
            .cmp(&pa.is_some())
            .then(pb.cmp(&pa))
            .then(a.source.cmp(&b.source))
            .then(a.title.cmp(&b.title))
    });
    let mut page = String::with_capacity(notices.len() * 600 + 32_000);
    page.push_str("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>jpnotice report</title>\n");
    let _ = writeln!(
        page,
        "<style>{}{}</style>\n</head>\n<body class=\"report-page\">",
        style::BASE,
        style::REPORT
    );
    header(&mut page, notices, failures);
    page.push_str("<main>\n<section class=\"charts\">\n");
    months_chart(&mut page, notices);
    leak_chart(&mut page, notices);
    kinds_chart(&mut page, notices);
    counts_chart(&mut page, notices);
    largest_chart(&mut page, &order);
    items_chart(&mut page, notices);
    page.push_str("</section>\n");
    table(&mut page, &order);
    if !failures.is_empty() {
        let _ = writeln!(
            page,
            "<h2>Not read <b>{}</b></h2>\n<ul class=\"failures\">",
            failures.len()
        );
        let mut sorted: Vec<&Failure> = failures.iter().collect();
        sorted.sort_by(|a, b| a.source.cmp(&b.source).then(a.error.cmp(&b.error)));
        for f in sorted {
            let _ = writeln!(
                page,
                "<li><code>{}</code>: {}</li>",
                esc(&f.source),
                esc(&f.error)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</main>\n<script>");
    page.push_str(SORT_SCRIPT);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

fn header(page: &mut String, notices: &[Notice], failures: &[Failure]) {
    let months: Vec<&str> = notices.iter().filter_map(month).collect();
    let first = months.iter().min();
    let last = months.iter().max();
    page.push_str("<header>\n<h1>jpnotice report</h1>\n");
    let period = match (first, last) {
        (Some(a), Some(b)) => format!("published {a} – {b}"),
        _ => "no publication dates".to_owned(),
    };
    let _ = writeln!(
        page,
        "<p class=\"meta\">{} notices · {period}</p>",
        notices.len()
    );
    let reports = notices
        .iter()
        .filter(|n| {
            n.notice_kind
                .as_ref()
                .is_some_and(|k| key(k) == "incident_report")
        })
        .count();
    let counted: Vec<u64> = notices.iter().filter_map(largest_count).collect();
    let sum: u64 = counted.iter().fold(0u64, |a, b| a.saturating_add(*b));
    let confirmed = notices
        .iter()
        .filter(|n| {
            n.leak_status
                .as_ref()
                .is_some_and(|s| key(s) == "confirmed")
        })
        .count();
    page.push_str("<ul class=\"stats\">");
    for (value, label) in [
        (thousands(notices.len() as u64), "notices"),
        (thousands(reports as u64), "incident reports"),
        (thousands(confirmed as u64), "leaks confirmed"),
        (thousands(counted.len() as u64), "with a record count"),
        (
            thousands(sum),
            "people or records (sum of each notice's largest count)",
        ),
        (thousands(failures.len() as u64), "not read"),
    ] {
        let _ = write!(page, "<li><b>{value}</b>{}</li>", esc(label));
    }
    page.push_str("</ul>\n</header>\n");
}

/// The published month (`YYYY-MM`), if the notice has a date of at least a month.
fn month(notice: &Notice) -> Option<&str> {
    let value = notice.published.as_ref()?.value.as_str();
    let m = value.get(..7)?;
    (m.as_bytes().get(4) == Some(&b'-') && m.bytes().filter(u8::is_ascii_digit).count() == 6)
        .then_some(m)
}

/// The notice's first type in legend order, or `none`.
fn primary_type(notice: &Notice) -> String {
    TYPES
        .iter()
        .find(|t| notice.incident_types.contains(t))
        .map_or_else(|| "none".to_owned(), key)
}

/// Every month from `first` to `last` (both `YYYY-MM`).
fn month_range(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, i32)> {
        Some((m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some((ly, lm))) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while (y, m) <= (ly, lm) && out.len() < 1200 {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

fn figure(page: &mut String, id: &str, caption: &str, wide: bool, body: &str, note: &str) {
    let _ = write!(
        page,
        "<figure{} aria-labelledby=\"{id}-caption\"><figcaption id=\"{id}-caption\">{}</figcaption>{body}",
        if wide { " class=\"wide\"" } else { "" },
        esc(caption)
    );
    if !note.is_empty() {
        let _ = write!(page, "<p>{}</p>", esc(note));
    }
    page.push_str("</figure>\n");
}

fn legend(entries: &[(String, String, usize)]) -> String {
    let mut out = String::from("<div class=\"legend\">");
    for (class, label, n) in entries {
        let _ = write!(
            out,
            "<span><i class=\"{}\"></i>{} {n}</span>",
            esc(class),
            esc(label)
        );
    }
    out.push_str("</div>");
    out
}

fn months_chart(page: &mut String, notices: &[Notice]) {
    let mut by_month: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    let mut undated = 0;
    let mut type_totals: BTreeMap<String, usize> = BTreeMap::new();
    for n in notices {
        let t = primary_type(n);
        *type_totals.entry(t.clone()).or_default() += 1;
        match month(n) {
            Some(m) => *by_month.entry(m).or_default().entry(t).or_default() += 1,
            None => undated += 1,
        }
    }
    let names: Vec<String> = TYPES.iter().map(key).chain(["none".to_owned()]).collect();
    let months = match (by_month.keys().next(), by_month.keys().next_back()) {
        (Some(a), Some(b)) => month_range(a, b),
        _ => Vec::new(),
    };
    let columns: Vec<(String, Vec<Bar>)> = months
        .iter()
        .map(|m| {
            let counts = by_month.get(m.as_str());
            let segs = names
                .iter()
                .map(|t| {
                    let v = counts.and_then(|c| c.get(t)).copied().unwrap_or(0);
                    Bar {
                        label: t.clone(),
                        value: v,
                        class: format!("t-{t}"),
                        shown: v.to_string(),
                        tip: format!("{m} {t}: {v}"),
                    }
                })
                .collect();
            (m.clone(), segs)
        })
        .collect();
    let width = (60.0 + 48.0 * columns.len() as f64).clamp(640.0, 1220.0);
    let every = columns.len().div_ceil(48).max(1);
    let mut body = legend(
        &names
            .iter()
            .filter_map(|t| {
                type_totals
                    .get(t)
                    .map(|n| (format!("t-{t}"), t.clone(), *n))
            })
            .collect::<Vec<_>>(),
    );
    body.push_str(&svg::columns(
        "chart-months",
        "notices per month by incident type",
        &columns,
        width,
        every,
    ));
    let note = format!(
        "Each notice counts once, under its first type in the legend's order. {undated} notice(s) without a publication month are not shown."
    );
    figure(
        page,
        "chart-months",
        "Notices per month, by incident type",
        true,
        &body,
        &note,
    );
}

fn leak_chart(page: &mut String, notices: &[Notice]) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for n in notices {
        let k = n
            .leak_status
            .as_ref()
            .map_or_else(|| "unknown".to_owned(), key);
        *counts.entry(k).or_default() += 1;
    }
    let total = notices.len().max(1);
    let bars: Vec<Bar> = [
        "confirmed",
        "possible",
        "not_found",
        "none_stated",
        "unknown",
    ]
    .iter()
    .filter_map(|k| counts.get(*k).map(|n| (k, *n)))
    .map(|(k, n)| Bar {
        label: k.to_string(),
        value: n as u64,
        class: format!("l-{k}"),
        shown: format!("{n} ({:.0}%)", 100.0 * n as f64 / total as f64),
        tip: format!("{k}: {n} of {}", notices.len()),
    })
    .collect();
    let body = svg::hbars("chart-leak", "leak status shares", &bars, false, 110.0);
    figure(
        page,
        "chart-leak",
        "Leak status",
        false,
        &body,
        "confirmed: stated as fact; possible: おそれ・可能性; not_found: no leak found; none_stated: nothing said.",
    );
}

fn kinds_chart(page: &mut String, notices: &[Notice]) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for n in notices {
        let k = n
            .notice_kind
            .as_ref()
            .map_or_else(|| "unknown".to_owned(), key);
        *counts.entry(k).or_default() += 1;
    }
    let bars: Vec<Bar> = ["incident_report", "advisory", "other", "unknown"]
        .iter()
        .filter_map(|k| counts.get(*k).map(|n| (k, *n)))
        .map(|(k, n)| Bar {
            label: k.to_string(),
            value: n as u64,
            class: "b-kind".to_owned(),
            shown: n.to_string(),
            tip: format!("{k}: {n}"),
        })
        .collect();
    let body = svg::hbars("chart-kinds", "notice kinds", &bars, false, 110.0);
    figure(page, "chart-kinds", "Notice kinds", false, &body, "");
}

fn counts_chart(page: &mut String, notices: &[Notice]) {
    let largest: Vec<u64> = notices.iter().filter_map(largest_count).collect();
    let top = svg::decade_above(largest.iter().copied().max().unwrap_or(1).saturating_add(1));
    let mut columns = Vec::new();
    let mut low = 1u64;
    while low < top {
        let high = low.saturating_mul(10);
        let floor = if low == 1 { 0 } else { low };
        let n = largest
            .iter()
            .filter(|v| **v >= floor && **v < high)
            .count() as u64;
        let label = format!("{}–", svg::short_number(low));
        columns.push((
            label.clone(),
            vec![Bar {
                label,
                value: n,
                class: "b-count".to_owned(),
                shown: n.to_string(),
                tip: format!("{}–{}: {n} notice(s)", thousands(low), thousands(high - 1)),
            }],
        ));
        low = high;
    }
    let body = svg::columns(
        "chart-counts",
        "distribution of affected counts, log scale",
        &columns,
        640.0,
        1,
    );
    let note = format!(
        "Each notice's largest record count, in bins of powers of ten (log scale). {} notice(s) give no count.",
        notices.len() - largest.len()
    );
    figure(
        page,
        "chart-counts",
        "How many people or records were affected",
        false,
        &body,
        &note,
    );
}

fn largest_chart(page: &mut String, order: &[&Notice]) {
    let mut ranked: Vec<(&Notice, u64)> = order
        .iter()
        .filter_map(|n| largest_count(n).map(|c| (*n, c)))
        .collect();
    // Largest first; ties keep the table's order (newest first).
    ranked.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
    // A later report (第2報) repeating its issuer's count is the same incident.
    let mut seen: Vec<(Option<String>, u64)> = Vec::new();
    ranked.retain(|(n, c)| {
        let issuer = n
            .issuers
            .first()
            .map(|i| i.nfkc().filter(|c| !c.is_whitespace()).collect());
        let id = (issuer, *c);
        let new = id.0.is_none() || !seen.contains(&id);
        seen.push(id);
        new
    });
    let bars: Vec<Bar> = ranked
        .iter()
        .take(20)
        .map(|(n, c)| {
            let who = n
                .issuers
                .first()
                .or(n.title.as_ref())
                .or(n.source.as_ref())
                .cloned()
                .unwrap_or_default();
            let when = month(n).unwrap_or("");
            Bar {
                label: clip(&format!("{who} {when}"), 24),
                value: *c,
                class: "b-count".to_owned(),
                shown: thousands(*c),
                tip: format!("{} — {}", thousands(*c), n.title.as_deref().unwrap_or(&who)),
            }
        })
        .collect();
    let body = svg::hbars(
        "chart-largest",
        "the 20 largest incidents, log scale",
        &bars,
        true,
        250.0,
    );
    figure(
        page,
        "chart-largest",
        "The 20 largest incidents (log scale)",
        false,
        &body,
        "By each notice's largest record count; a count its issuer repeats in a later notice is shown once, with the newest.",
    );
}

fn items_chart(page: &mut String, notices: &[Notice]) {
    // Notices naming each item key, affected and explicitly not affected.
    let mut counts: BTreeMap<&str, (u64, u64, &str)> = BTreeMap::new();
    for n in notices {
        let mut seen: Vec<(&str, bool)> = Vec::new();
        for item in &n.data_items {
            if seen.contains(&(item.key.as_str(), item.affected)) {
                continue;
            }
            seen.push((item.key.as_str(), item.affected));
            let entry = counts
                .entry(item.key.as_str())
                .or_insert((0, 0, item.label.as_str()));
            if item.affected {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, (u64, u64, &str))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| (b.1.0 + b.1.1).cmp(&(a.1.0 + a.1.1)).then(a.0.cmp(b.0)));
    let total = ranked.len();
    let rows: Vec<(Bar, Bar)> = ranked
        .into_iter()
        .take(30)
        .map(|(k, (yes, no, label))| {
            let name = if k == "other" {
                "other その他".to_owned()
            } else {
                clip(&format!("{label} {k}"), 26)
            };
            (
                Bar {
                    label: name.clone(),
                    value: yes,
                    class: "b-affected".to_owned(),
                    shown: yes.to_string(),
                    tip: format!("{k}: affected in {yes} notice(s)"),
                },
                Bar {
                    label: name,
                    value: no,
                    class: "b-not_affected".to_owned(),
                    shown: no.to_string(),
                    tip: format!("{k}: explicitly not affected in {no} notice(s)"),
                },
            )
        })
        .collect();
    let mut body = legend(&[
        (
            "b-affected".to_owned(),
            "affected".to_owned(),
            notices
                .iter()
                .filter(|n| n.data_items.iter().any(|i| i.affected))
                .count(),
        ),
        (
            "b-not_affected".to_owned(),
            "explicitly not affected".to_owned(),
            notices
                .iter()
                .filter(|n| n.data_items.iter().any(|i| !i.affected))
                .count(),
        ),
    ]);
    body.push_str(&svg::paired_hbars(
        "chart-items",
        "data items by frequency",
        &rows,
        1000.0,
        240.0,
    ));
    let note = format!(
        "Notices naming each item; the {} most frequent of {total} items.",
        rows.len()
    );
    figure(
        page,
        "chart-items",
        "Data items by frequency",
        true,
        &body,
        &note,
    );
}

fn table(page: &mut String, order: &[&Notice]) {
    let _ = writeln!(page, "<h2>All notices <b>{}</b></h2>", order.len());
    page.push_str("<table id=\"notices\" class=\"sortable\">\n<thead><tr>");
    for (name, kind) in [
        ("published", "text"),
        ("issuer", "text"),
        ("title", "text"),
        ("types", "text"),
        ("leak status", "text"),
        ("largest count", "num"),
    ] {
        let _ = write!(page, "<th scope=\"col\" data-type=\"{kind}\">{name}</th>");
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for n in order {
        let source = n.source.as_deref().unwrap_or("");
        let published = n.published.as_ref().map_or("", |p| p.value.as_str());
        let largest = largest_count(n);
        let _ = writeln!(
            page,
            "<tr data-source=\"{}\"><td class=\"date\">{}</td><td>{}</td><td title=\"{}\">{}</td><td>{}</td><td>{}</td><td class=\"num\" data-value=\"{}\">{}</td></tr>",
            esc(source),
            esc(published),
            esc(&n.issuers.join("、")),
            esc(source),
            esc(n.title.as_deref().unwrap_or("")),
            esc(&n
                .incident_types
                .iter()
                .map(key)
                .collect::<Vec<_>>()
                .join(", ")),
            esc(&n.leak_status.as_ref().map(key).unwrap_or_default()),
            largest.map_or(-1, |c| c as i128),
            largest.map(thousands).unwrap_or_default(),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Sorts the table by the clicked column; a second click reverses.
const SORT_SCRIPT: &str = r#"
(function(){
  var table=document.getElementById('notices');
  if(!table)return;
  var heads=table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads,function(th,col){
    th.addEventListener('click',function(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var num=th.getAttribute('data-type')==='num';
      var body=table.tBodies[0];
      var rows=Array.prototype.slice.call(body.rows);
      var val=function(r){var c=r.cells[col];return num?Number(c.getAttribute('data-value')):c.textContent;};
      rows.sort(function(a,b){
        var x=val(a),y=val(b);
        var d=num?x-y:x.localeCompare(y,'ja');
        return asc?d:-d;
      });
      rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ranges_cross_years() {
        assert_eq!(
            month_range("2024-11", "2025-02"),
            ["2024-11", "2024-12", "2025-01", "2025-02"]
        );
        assert!(month_range("bad", "2025-02").is_empty());
    }

    #[test]
    fn an_empty_report_renders() {
        let page = report_page(&[], &[]);
        assert!(page.contains("<svg id=\"chart-months\""));
        assert!(page.contains("0 notices"));
        assert!(!page.contains("<tr data-source="));
    }

    #[test]
    fn report_is_deterministic_whatever_the_input_order() {
        let mut a =
            crate::parse("令和６年５月１日\n不正アクセスにより氏名約1,200件が流出しました。");
        a.source = Some("a.txt".into());
        let mut b = crate::parse("令和５年１月１０日\nUSBメモリを紛失しました。住所30件");
        b.source = Some("b.txt".into());
        let one = report_page(&[a.clone(), b.clone()], &[]);
        let two = report_page(&[b, a], &[]);
        assert_eq!(one, two);
        assert!(one.contains("2023-01"));
    }
}
