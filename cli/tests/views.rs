//! The views: `html` (one notice), `report` (many), `extract --format csv`.
//!
//! The pages are rendered in a real headless Chromium when it is installed
//! (`/usr/bin/chromium`, Debian package `chromium`), and their DOM is
//! checked against `extract`; without it those tests say so and pass.

#[path = "../../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use serde_json::Value;

fn jpnotice() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jpnotice"));
    command.current_dir(root());
    command
}

/// The repository's root, where `corpus/` is.
fn root() -> PathBuf {
    common::repo_root()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jpnotice-views-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The corpus notices, as paths relative to the repository.
fn corpus_notices() -> Vec<String> {
    common::files(&root().join("corpus/notices"), &["txt", "md"])
        .into_iter()
        .map(|p| {
            p.strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn run(command: &mut Command) -> (String, String) {
    let out = command.output().expect("run jpnotice");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{command:?} failed: {stderr}");
    (stdout, stderr)
}

/// The `extract` JSON of one file.
fn extract(path: &str) -> Value {
    let (out, _) = run(jpnotice().args(["extract", path]));
    serde_json::from_str(out.trim()).unwrap()
}

/// Chromium's DOM of a page after loading it, or `None` (with a message)
/// when Chromium is not installed.
fn chromium_dom(page: &Path) -> Option<String> {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let profile = page.with_extension("profile");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let _ = std::fs::remove_dir_all(&profile);
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("</html>"),
        "chromium gave no DOM for {}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(dom)
}

fn skipped() {
    eprintln!("skipped: chromium not installed (apt-get install chromium)");
}

/// The opening tags of highlighted spans in a DOM: (field, is a
/// continuation piece).
fn highlighted(dom: &str) -> Vec<(String, bool)> {
    let tag = Regex::new(r#"<span [^>]*data-field="([a-z_]+)"[^>]*>"#).unwrap();
    tag.captures_iter(dom)
        .map(|c| (c[1].to_owned(), c[0].contains("data-part=")))
        .collect()
}

/// Text of serialized HTML: tags dropped, entities decoded.
fn text_of(html: &str) -> String {
    let tag = Regex::new(r"<[^>]*>").unwrap();
    tag.replace_all(html, "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The spans `extract` gives for each field the page highlights.
fn expected_spans(json: &Value) -> Vec<(&'static str, usize)> {
    let spans = |field: &str, keep: &dyn Fn(&Value) -> bool| {
        json[field]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|v| keep(v) && v["start"].as_u64() < v["end"].as_u64())
                    .count()
            })
            .unwrap_or(0)
    };
    let published = usize::from(
        json["published"].is_object()
            && json["published"]["start"].as_u64() < json["published"]["end"].as_u64(),
    );
    vec![
        ("published", published),
        ("dates", spans("dates", &|_| true)),
        ("record_counts", spans("record_counts", &|_| true)),
        (
            "data_items",
            spans("data_items", &|v| v["affected"] == true),
        ),
        (
            "data_items_not_affected",
            spans("data_items", &|v| v["affected"] == false),
        ),
        ("contacts", spans("contacts", &|_| true)),
    ]
}

/// Checks a page's DOM against the `extract` JSON of the same input and
/// against the text the parser read.
fn check_notice_dom(name: &str, dom: &str, json: &Value, text: &str) {
    let marks = highlighted(dom);
    let count = |field: &str| marks.iter().filter(|(f, part)| f == field && !part).count();
    for (field, want) in expected_spans(json) {
        assert_eq!(count(field), want, "{name}: data-field=\"{field}\"");
    }
    let with_hours = json["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["hours"].is_string())
        .count();
    assert!(count("hours") <= with_hours, "{name}: hours");
    assert!(
        with_hours == 0 || count("hours") >= 1,
        "{name}: hours not highlighted"
    );
    let types = json["incident_types"].as_array().unwrap().len();
    assert!(count("incident_types") <= types, "{name}: incident_types");
    assert!(count("leak_status") <= 1, "{name}: leak_status");
    if json["leak_status"] != "none_stated" {
        assert_eq!(count("leak_status"), 1, "{name}: no leak status sentence");
    }
    // The article holds the text the parser read, whole and in order (the
    // HTML parser turns CR LF into LF).
    let article = Regex::new(r#"(?s)<article class="text"[^>]*>(.*)</article>"#).unwrap();
    let inner = &article.captures(dom).expect("an article")[1];
    let want = text.replace("\r\n", "\n").replace('\r', "\n");
    let got = text_of(inner);
    assert!(
        got == want,
        "{name}: the page's text differs from the input"
    );
    assert!(
        !marks.is_empty() || json["dates"].as_array().unwrap().is_empty(),
        "{name}"
    );
}

#[test]
fn notice_pages_in_chromium_highlight_every_span_of_extract() {
    let dir = temp_dir("pages");
    let mut checked = 0;
    for path in corpus_notices().iter().step_by(2) {
        let name = Path::new(path).file_name().unwrap().to_string_lossy();
        let page = dir.join(format!("{name}.html"));
        run(jpnotice().args(["html", path, "-o"]).arg(&page));
        let Some(dom) = chromium_dom(&page) else {
            return skipped();
        };
        let json = extract(path);
        let (text, _) = run(jpnotice().args(["text", path]));
        check_notice_dom(&name, &dom, &json, &text);
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn a_pdf_page_shows_the_text_the_parser_read() {
    let dir = temp_dir("pdf");
    let path = "corpus/pdf/sql-injection.ttf.pdf";
    let page = dir.join("sql.html");
    run(jpnotice().args(["html", path, "-o"]).arg(&page));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("PDF ("),
        "the encoding line names the PDF engine"
    );
    let Some(dom) = chromium_dom(&page) else {
        return skipped();
    };
    let (text, _) = run(jpnotice().args(["text", path]));
    check_notice_dom(path, &dom, &extract(path), &text);
}

#[test]
fn the_report_in_chromium_has_its_charts_and_a_row_per_notice() {
    let dir = temp_dir("report");
    let page = dir.join("report.html");
    let (_, stderr) = run(jpnotice()
        .args(["report", "corpus/notices", "corpus/pdf", "-o"])
        .arg(&page));
    assert!(stderr.contains("report of"), "{stderr}");
    let batch = jpnotice()
        .args(["extract", "corpus/notices", "corpus/pdf"])
        .output()
        .unwrap();
    let read = String::from_utf8(batch.stdout)
        .unwrap()
        .lines()
        .filter(|l| {
            serde_json::from_str::<Value>(l)
                .unwrap()
                .get("error")
                .is_none()
        })
        .count();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<tr data-source=").count(), read);
    let Some(dom) = chromium_dom(&page) else {
        return skipped();
    };
    for id in [
        "chart-months",
        "chart-leak",
        "chart-counts",
        "chart-largest",
        "chart-items",
        "chart-kinds",
    ] {
        let svg = Regex::new(&format!(
            r#"(?s)<svg id="{id}" class="chart"[^>]*>(.*?)</svg>"#
        ))
        .unwrap();
        let inner = &svg.captures(&dom).unwrap_or_else(|| panic!("no svg #{id}"))[1];
        assert!(inner.contains("<rect class=\"bar"), "#{id} has no bars");
    }
    let body = Regex::new(r#"(?s)<table id="notices"[^>]*>.*?<tbody>(.*?)</tbody>"#).unwrap();
    let rows = body.captures(&dom).expect("the notices table")[1]
        .matches("<tr")
        .count();
    assert_eq!(rows, read, "table rows");
    // The table's script sorts: two clicks on "largest count" put the
    // largest first.
    let clicked = dir.join("clicked.html");
    let click =
        "<script>var h=document.querySelectorAll('#notices th')[5];h.click();h.click();</script>";
    std::fs::write(&clicked, format!("{html}{click}")).unwrap();
    let sorted = chromium_dom(&clicked).unwrap();
    assert!(sorted.contains("aria-sort=\"descending\""));
    let value = Regex::new(r#"<td class="num" data-value="(-?\d+)""#).unwrap();
    let values: Vec<i64> = value
        .captures_iter(&sorted)
        .map(|c| c[1].parse().unwrap())
        .collect();
    assert_eq!(values.len(), read);
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "not sorted: {values:?}"
    );
}

#[test]
fn an_empty_folder_gives_an_empty_report() {
    let dir = temp_dir("empty");
    let empty = dir.join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    let (page, _) = run(jpnotice().arg("report").arg(&empty));
    assert!(page.contains("0 notices"));
    assert!(page.contains("<svg id=\"chart-months\""));
    assert!(!page.contains("<tr data-source="));
}

#[test]
fn odd_inputs_give_a_page() {
    let dir = temp_dir("odd");
    for (name, text) in [
        ("empty.txt", ""),
        (
            "markup.txt",
            "<script>alert(1)</script> & \"quotes\" 'apos'\n",
        ),
        ("no-dates.txt", "お知らせ\n氏名が流出しました。"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let (page, _) = run(jpnotice().arg("html").arg(&path));
        assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
        assert!(!page.contains("<script>alert"), "{name}: text not escaped");
    }
}

/// Attributes that load something: none may point to the network.
fn network_references(page: &str) -> Vec<String> {
    let tags = Regex::new(r"(?s)<[a-zA-Z][^>]*>").unwrap();
    let attribute = Regex::new(
        r#"(?i)\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"#,
    )
    .unwrap();
    let css_url = Regex::new(r#"(?i)url\(\s*["']?\s*(?:https?:)?//|@import"#).unwrap();
    let mut found = Vec::new();
    for tag in tags.find_iter(page) {
        let tag = tag.as_str();
        if attribute.is_match(tag) || tag.to_ascii_lowercase().starts_with("<link") {
            found.push(tag.to_owned());
        }
        if tag.to_ascii_lowercase().starts_with("<script") && tag.contains("src") {
            found.push(tag.to_owned());
        }
        if tag.contains("style=") && css_url.is_match(tag) {
            found.push(tag.to_owned());
        }
    }
    let styles = Regex::new(r"(?s)<style[^>]*>(.*?)</style>").unwrap();
    for style in styles.captures_iter(page) {
        if css_url.is_match(&style[1]) {
            found.push("a <style> with url() or @import".to_owned());
        }
    }
    found
}

#[test]
fn no_page_references_the_network() {
    let mut notices = Vec::new();
    for path in corpus_notices() {
        let bytes = std::fs::read(root().join(&path)).unwrap();
        let input = jpnotice::decode::decode(&bytes).text;
        let mut notice = jpnotice::parse(&input);
        notice.source = Some(path.clone());
        let page = jpnotice::view::notice_page(&notice, &input);
        assert_eq!(network_references(&page), Vec::<String>::new(), "{path}");
        notices.push(notice);
    }
    // A notice whose text is all URLs and markup stays text.
    let input = "詳細は https://example.jp/a.pdf と <img src=\"https://x.example/p.png\"> を参照";
    let page = jpnotice::view::notice_page(&jpnotice::parse(input), input);
    assert_eq!(network_references(&page), Vec::<String>::new());
    let report = jpnotice::view::report_page(&notices, &[]);
    assert_eq!(network_references(&report), Vec::<String>::new());
    // The checker itself finds references.
    assert_eq!(
        network_references("<img src=\"https://a.example/x.png\">").len(),
        1
    );
    assert_eq!(
        network_references("<link rel=stylesheet href=x.css>").len(),
        1
    );
    assert_eq!(
        network_references("<style>a{background:url(//a.example/b)}</style>").len(),
        1
    );
}

#[test]
fn pages_are_deterministic() {
    let path = corpus_notices().remove(0);
    let (a, _) = run(jpnotice().args(["html", &path]));
    let (b, _) = run(jpnotice().args(["html", &path]));
    assert_eq!(a, b);
}

/// The CSV of every corpus notice, as `extract --format csv` writes it.
#[test]
fn corpus_csv_matches_its_snapshot() {
    let mut notices = Vec::new();
    for path in corpus_notices() {
        let bytes = std::fs::read(root().join(&path)).unwrap();
        let mut notice = jpnotice::parse_bytes(&bytes).unwrap();
        notice.source = Some(path);
        notices.push(notice);
    }
    let table = jpnotice::view::csv::table(&notices);
    insta::assert_snapshot!("csv_corpus_notices", table);
    let (out, _) = run(jpnotice().args(["extract", "--format", "csv", "corpus/notices"]));
    assert_eq!(out, table, "the command writes what the library does");
}

#[test]
fn csv_has_a_bom_on_request_and_error_rows() {
    let dir = temp_dir("csv");
    let missing = dir.join("missing.txt");
    let good = dir.join("good.txt");
    std::fs::write(&good, "令和６年５月１日\n氏名、住所が流出しました。").unwrap();
    let out = jpnotice()
        .args(["extract", "--format", "csv", "--bom"])
        .arg(&good)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed input fails the batch");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{feff}source,published,title,"));
    let mut reader =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][9], "name;address");
    assert!(rows[1][12].starts_with("error: "), "{:?}", rows[1]);
    let refused = jpnotice()
        .args(["extract", "--bom"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

/// Every notice of the shared archive (when present) renders: its
/// highlighted spans are balanced, one element per span of each field
/// (plus pieces marked `data-part`), and the page's text is the input.
#[test]
fn every_archive_notice_renders_well_formed() {
    use rayon::prelude::*;
    let Some(corpus) = common::shared_corpus() else {
        eprintln!("skipped: ../shared/corpus not present");
        return;
    };
    let files = common::files(&corpus.join("archive"), &["md", "txt"]);
    let article = Regex::new(r#"(?s)<article class="text"[^>]*>(.*)</article>"#).unwrap();
    let split = files
        .par_iter()
        .map(|path| {
            let input = jpnotice::decode::decode(&std::fs::read(path).unwrap()).text;
            let notice = jpnotice::parse(&input);
            let page = jpnotice::view::notice_page(&notice, &input);
            let name = path.display();
            let inner = &article.captures(&page).expect("an article")[1];
            assert_eq!(text_of(inner), input, "{name}: text");
            let mut depth = 0i64;
            for tag in Regex::new(r"</?span[^>]*>").unwrap().find_iter(inner) {
                depth += if tag.as_str().starts_with("</") {
                    -1
                } else {
                    1
                };
                assert!(depth >= 0, "{name}: a span closes before it opens");
            }
            assert_eq!(depth, 0, "{name}: unbalanced spans");
            let json = serde_json::to_value(&notice).unwrap();
            let marks = highlighted(inner);
            for (field, want) in expected_spans(&json) {
                let got = marks.iter().filter(|(f, part)| f == field && !part).count();
                assert_eq!(got, want, "{name}: data-field=\"{field}\"");
            }
            marks.iter().filter(|(_, part)| *part).count()
        })
        .sum::<usize>();
    eprintln!(
        "{} archive notices rendered; {split} pieces of crossing spans",
        files.len()
    );
}
