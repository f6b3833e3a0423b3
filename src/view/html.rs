//! The page of one notice: its text with every extracted span highlighted,
//! beside a summary of the fields and the warnings.

use std::fmt::Write as _;

use super::escape::{self, html as esc};
use super::marks::{Mark, render};
use super::{evidence, key, style, thousands};
use crate::{Document, Notice};

/// The fields a page highlights, in legend order, with their labels.
const FIELDS: [(&str, &str); 9] = [
    ("published", "published 公表日"),
    ("dates", "dates 日付"),
    ("record_counts", "record counts 件数"),
    ("data_items", "data items 漏えい項目"),
    ("data_items_not_affected", "not affected 対象外"),
    ("contacts", "phones 電話"),
    ("hours", "hours 受付時間"),
    ("incident_types", "incident type 事案"),
    ("leak_status", "leak status 漏えい"),
];

/// A self-contained HTML page of one notice: `input` (the text the parser
/// read: the decoded file, or a PDF's extracted text) with every span of
/// `notice` highlighted as an element with a `data-field` attribute and
/// its normalized value as the hover title, and beside it a table of the
/// fields and the warnings. `notice` must have been parsed from `input`.
///
/// ```
/// let input = "令和６年１月２９日（月）、約13万人の氏名が流出したおそれがあります。";
/// let notice = jpnotice::parse(input);
/// let page = jpnotice::view::notice_page(&notice, input);
/// assert!(page.contains(r#"data-field="dates""#));
/// assert!(page.contains(r#"title="2024-01-29""#));
/// assert!(page.contains(r#"title="130000 人 approx"#));
/// assert!(!page.contains("http://") && !page.contains("https://"));
/// ```
pub fn notice_page(notice: &Notice, input: &str) -> String {
    let doc = Document::new(input);
    let found = evidence(&doc, notice);
    let marks = marks_of(notice, &found);
    let rendered = render(input, &marks);
    let mut counts = [0usize; FIELDS.len()];
    for (m, shown) in marks.iter().zip(&rendered.shown) {
        if let Some(i) = FIELDS
            .iter()
            .position(|(f, _)| *f == m.field)
            .filter(|_| *shown)
        {
            counts[i] += 1;
        }
    }
    let heading = notice
        .title
        .clone()
        .or_else(|| notice.source.clone())
        .unwrap_or_else(|| "notice".to_owned());
    let mut page = String::with_capacity(input.len() * 3 + 8192);
    page.push_str("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(page, "<title>{} — jpnotice</title>", esc(&heading));
    let _ = writeln!(
        page,
        "<style>{}{}</style>\n</head>\n<body class=\"notice-page\">",
        style::BASE,
        style::NOTICE
    );
    // Hidden toggles first: the legend's labels switch each field's
    // highlighting off and on without a script.
    for (field, _) in FIELDS {
        let _ = writeln!(
            page,
            "<input type=\"checkbox\" class=\"toggle\" id=\"show-{field}\" checked>"
        );
    }
    let _ = writeln!(page, "<header>\n<h1>{}</h1>", esc(&heading));
    let _ = write!(page, "<p class=\"meta\">");
    if let Some(source) = &notice.source {
        let _ = write!(page, "<code>{}</code> · ", esc(source));
    }
    if let Some(encoding) = &notice.encoding {
        let _ = write!(page, "{} · ", esc(encoding));
    }
    let _ = writeln!(
        page,
        "{} spans highlighted{}</p>",
        rendered.marks,
        match rendered.pieces - rendered.marks {
            0 => String::new(),
            n => format!(" ({n} split where spans cross)"),
        }
    );
    page.push_str("<nav class=\"legend\" aria-label=\"fields\">");
    for ((field, label), n) in FIELDS.iter().zip(counts) {
        let _ = write!(
            page,
            "<label for=\"show-{field}\" class=\"key\"><span class=\"swatch s-{field}\"></span>{} <b>{n}</b></label>",
            esc(label)
        );
    }
    page.push_str("</nav>\n</header>\n<main>\n<article class=\"text\" lang=\"ja\">");
    page.push_str(&rendered.html);
    page.push_str("</article>\n<aside>\n");
    summary(&mut page, notice, &marks, &rendered.shown, &found);
    page.push_str("</aside>\n</main>\n</body>\n</html>\n");
    page
}

/// Every span of the notice as a mark.
fn marks_of(notice: &Notice, found: &[super::Evidence]) -> Vec<Mark> {
    let mut marks = Vec::new();
    if let Some(p) = &notice.published {
        marks.push(Mark::new(
            p.span.start,
            p.span.end,
            "published",
            format!("published {}", p.value),
        ));
    }
    for d in &notice.dates {
        let mut title = d.value.clone();
        if d.inferred_year {
            title.push_str(" (year inferred)");
        }
        if let Some(m) = &d.modifier {
            let _ = write!(title, " {m}");
        }
        marks.push(Mark::new(d.span.start, d.span.end, "dates", title));
    }
    for c in &notice.record_counts {
        marks.push(Mark::new(
            c.span.start,
            c.span.end,
            "record_counts",
            count_title(c),
        ));
    }
    for item in &notice.data_items {
        let field = if item.affected {
            "data_items"
        } else {
            "data_items_not_affected"
        };
        let mut title = format!("{} ({})", item.key, item.label);
        if !item.affected {
            title.push_str(" not affected");
        }
        marks.push(Mark::new(item.span.start, item.span.end, field, title));
    }
    let mut hours_seen = Vec::new();
    for c in &notice.contacts {
        marks.push(Mark::new(
            c.span.start,
            c.span.end,
            "contacts",
            contact_title(c),
        ));
        if let (Some(span), Some(hours)) = (&c.hours_span, &c.hours)
            && !hours_seen.contains(&(span.start, span.end))
        {
            hours_seen.push((span.start, span.end));
            marks.push(Mark::new(span.start, span.end, "hours", hours.clone()));
        }
    }
    for e in found {
        marks.push(Mark::new(
            e.span.start,
            e.span.end,
            e.field,
            format!("{}: {} (cue 「{}」)", e.field, e.value, e.cue),
        ));
    }
    marks
}

/// 「130000 人 approx」, with the subject when known.
fn count_title(c: &crate::extract::counts::RecordCount) -> String {
    let mut title = format!("{} {}", c.value, c.unit);
    if c.approx {
        title.push_str(" approx");
    }
    if c.total {
        title.push_str(" total");
    }
    if let Some(subject) = &c.subject {
        let _ = write!(title, " — {subject}");
    }
    title
}

/// 「0493-81-6089 landline」, or the FAX number.
fn contact_title(c: &crate::extract::contacts::Contact) -> String {
    let mut title = match (&c.phone, &c.fax) {
        (Some(phone), _) => format!("{phone} {}", c.phone_kind.map(|k| k.as_str()).unwrap_or("")),
        (None, Some(fax)) => format!("FAX {fax}"),
        (None, None) => c.span.text.clone(),
    };
    if let Some(ext) = &c.extension {
        let _ = write!(title, " 内線 {ext}");
    }
    title.trim_end().to_owned()
}

/// The summary table and the warnings.
fn summary(
    page: &mut String,
    notice: &Notice,
    marks: &[Mark],
    shown: &[bool],
    found: &[super::Evidence],
) {
    // A link to the first mark of `field` over `start..end`, if shown.
    let link = |field: &str, start: usize, end: usize, text: &str| -> String {
        let at = marks
            .iter()
            .zip(shown)
            .position(|(m, s)| *s && m.field == field && m.start == start && m.end == end);
        match at {
            Some(i) => format!("<a href=\"#m{i}\">{}</a>", esc(text)),
            None => esc(text),
        }
    };
    let none = "<span class=\"none\">—</span>".to_owned();
    let list = |items: Vec<String>| -> String {
        if items.is_empty() {
            none.clone()
        } else {
            format!(
                "<ul>{}</ul>",
                items
                    .into_iter()
                    .map(|i| format!("<li>{i}</li>"))
                    .collect::<String>()
            )
        }
    };
    let mut rows: Vec<(&str, String)> = Vec::new();
    rows.push((
        "title 表題",
        notice.title.as_deref().map_or(none.clone(), esc),
    ));
    rows.push((
        "issuers 公表者",
        list(notice.issuers.iter().map(|i| esc(i)).collect()),
    ));
    rows.push((
        "published 公表日",
        notice.published.as_ref().map_or(none.clone(), |p| {
            link("published", p.span.start, p.span.end, &p.value)
        }),
    ));
    if let Some(n) = notice.report_number {
        rows.push(("report 第n報", n.to_string()));
    }
    rows.push((
        "notice kind 種別",
        notice
            .notice_kind
            .as_ref()
            .map_or(none.clone(), |k| esc(&key(k))),
    ));
    let types: Vec<String> = notice
        .incident_types
        .iter()
        .map(|t| {
            let name = key(t);
            match found
                .iter()
                .find(|e| e.field == "incident_types" && e.value == name)
            {
                Some(e) => link(e.field, e.span.start, e.span.end, &name),
                None => esc(&name),
            }
        })
        .collect();
    rows.push(("incident types 事案", list(types)));
    rows.push((
        "leak status 漏えい",
        notice.leak_status.as_ref().map_or(none.clone(), |s| {
            let name = key(s);
            match found.iter().find(|e| e.field == "leak_status") {
                Some(e) => link(e.field, e.span.start, e.span.end, &name),
                None => esc(&name),
            }
        }),
    ));
    let counts: Vec<String> = notice
        .record_counts
        .iter()
        .map(|c| {
            let mut s = link(
                "record_counts",
                c.span.start,
                c.span.end,
                &format!("{} {}", thousands(c.value), c.unit),
            );
            if c.approx {
                s.push_str(" <small>approx</small>");
            }
            if let Some(subject) = &c.subject {
                let _ = write!(s, " <small>{}</small>", esc(subject));
            }
            s
        })
        .collect();
    rows.push(("record counts 件数", list(counts)));
    for (affected, label, field) in [
        (true, "data items 項目", "data_items"),
        (false, "not affected 対象外", "data_items_not_affected"),
    ] {
        let mut items: Vec<String> = Vec::new();
        let mut keys: Vec<&str> = Vec::new();
        for item in notice.data_items.iter().filter(|i| i.affected == affected) {
            if item.key != "other" && keys.contains(&item.key.as_str()) {
                continue;
            }
            keys.push(&item.key);
            let shown_as = if item.key == "other" {
                format!("other: {}", item.span.text)
            } else {
                format!("{} {}", item.key, item.label)
            };
            items.push(link(field, item.span.start, item.span.end, &shown_as));
        }
        rows.push((label, list(items)));
    }
    let contacts: Vec<String> = notice
        .contacts
        .iter()
        .map(|c| {
            let mut s = link("contacts", c.span.start, c.span.end, &contact_title(c));
            for part in [&c.hours, &c.organization, &c.department]
                .into_iter()
                .flatten()
            {
                let _ = write!(s, "<br><small>{}</small>", esc(part));
            }
            s
        })
        .collect();
    rows.push(("contacts 連絡先", list(contacts)));
    rows.push((
        "URLs",
        list(
            notice
                .urls
                .iter()
                .map(|u| format!("<code>{}</code>", esc(u)))
                .collect(),
        ),
    ));
    page.push_str("<h2>Fields</h2>\n<table class=\"summary\">\n");
    for (name, value) in rows {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>",
            esc(name)
        );
    }
    page.push_str("</table>\n");
    let _ = writeln!(page, "<h2>Warnings <b>{}</b></h2>", notice.warnings.len());
    if notice.warnings.is_empty() {
        page.push_str("<p class=\"none\">none</p>\n");
    } else {
        page.push_str("<ul class=\"warnings\">");
        for w in &notice.warnings {
            page.push_str("<li>");
            escape::push(page, w);
            page.push_str("</li>");
        }
        page.push_str("</ul>\n");
    }
}
