//! PDF extraction on the corpus PDFs (made by corpus/pdf/make_pdfs.py from
//! the team's own notices), on broken and hostile PDFs, and through the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use jpnotice::pdf::{self, Engine, Options};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// One row of corpus/pdf/manifest.tsv.
struct Entry {
    pdf: String,
    kind: String,
    source: String,
    first: usize,
    last: usize,
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(corpus_dir().join("pdf/manifest.tsv")).expect("manifest");
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some(Entry {
                pdf: f.first()?.to_string(),
                kind: f.get(1)?.to_string(),
                source: f.get(2)?.to_string(),
                first: f.get(3)?.parse().ok()?,
                last: f.get(4)?.parse().ok()?,
            })
        })
        .collect()
}

/// A corpus PDF; the deliberately unreadable ones live in
/// `tests/data/invalid-pdf/` so that `jpnotice extract corpus/` converts every
/// file it meets.
fn read_pdf(name: &str) -> Vec<u8> {
    let invalid = corpus_dir().join("../tests/data/invalid-pdf").join(name);
    std::fs::read(corpus_dir().join("pdf").join(name))
        .or_else(|_| std::fs::read(invalid))
        .expect("corpus PDF")
}

/// The typeset lines of the source notice (decoded from its encoding); the
/// Markdown markup of `.md` notices is not typeset (see [`markdown_text`]).
fn source_lines(entry: &Entry) -> Vec<String> {
    let bytes = std::fs::read(corpus_dir().join("notices").join(&entry.source)).expect("notice");
    let text = jpnotice::decode::decode(&bytes).text;
    let markdown = entry.source.ends_with(".md");
    text.lines()
        .skip(entry.first.saturating_sub(1))
        .take(entry.last + 1 - entry.first)
        .map(|l| l.trim())
        .filter_map(|l| if markdown { markdown_text(l) } else { Some(l) })
        .map(str::to_string)
        .collect()
}

/// The text a Markdown line shows once rendered: heading marks and list
/// dashes dropped, table pipes turned into spaces, table rules dropped.
fn markdown_text(line: &str) -> Option<&str> {
    let is_rule = line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
    if is_rule {
        return None;
    }
    let line = line.trim_start_matches('#').trim_start();
    Some(line.strip_prefix("- ").unwrap_or(line))
}

#[test]
fn markdown_markup_is_not_compared() {
    assert_eq!(
        markdown_text("## 1．攻撃を受けた機器"),
        Some("1．攻撃を受けた機器")
    );
    assert_eq!(markdown_text("- 2026年3月6日"), Some("2026年3月6日"));
    assert_eq!(markdown_text("|---|---|"), None);
    assert_eq!(markdown_text("|日時|経過|"), Some("|日時|経過|"));
}

/// Normalized text without whitespace, table pipes and variation selectors
/// (「鞄󠄀」).
fn squash(text: &str) -> String {
    jpnotice::normalize::normalize(text)
        .text
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && *c != '|'
                && !matches!(*c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF)
        })
        .collect()
}

/// Similarity of an extracted text with an entry's source lines.
fn similarity(text: &str, lines: &[String]) -> f64 {
    strsim::normalized_levenshtein(&squash(text), &squash(&lines.join("\n")))
}

/// The engine the default chain should end on for a kind: the native
/// engine reads every kind (it joins Chromium's vertical glyphs, each placed
/// on its own, into columns).
fn expected_engine(_kind: &str) -> &'static str {
    "native"
}

fn readable_entries() -> Vec<Entry> {
    manifest()
        .into_iter()
        .filter(|e| !matches!(e.kind.as_str(), "trunc" | "locked"))
        .collect()
}

#[test]
fn corpus_pdfs_match_their_source_notices() {
    let entries = readable_entries();
    assert_eq!(entries.len(), 9);
    for entry in entries {
        let got = pdf::extract_text(&read_pdf(&entry.pdf))
            .unwrap_or_else(|e| panic!("{}: {e}", entry.pdf));
        let lines = source_lines(&entry);
        let similarity = similarity(&got.text, &lines);
        eprintln!(
            "{}: similarity {similarity:.4} via {}",
            entry.pdf, got.engine
        );
        assert!(
            similarity >= 0.98,
            "{}: similarity {similarity:.4} via {}",
            entry.pdf,
            got.engine
        );
        let text = squash(&got.text);
        for line in lines.iter().filter(|l| l.chars().count() >= 8) {
            assert!(
                text.contains(&squash(line)),
                "{}: missing line {line:?}",
                entry.pdf
            );
        }
        assert_eq!(
            got.engine,
            expected_engine(&entry.kind),
            "{}: {:?}",
            entry.pdf,
            got.warnings
        );
        if got.engine == "native" {
            assert!(got.warnings.is_empty(), "{}: {:?}", entry.pdf, got.warnings);
        }
    }
}

/// Prints each engine's similarity on each corpus PDF (for the README);
/// `cargo test --test pdf -- --ignored --nocapture engine_similarity`.
#[test]
#[ignore]
fn engine_similarity() {
    for entry in readable_entries() {
        let lines = source_lines(&entry);
        for engine in Engine::ALL.into_iter().filter(|e| e.available()) {
            let options = Options {
                engines: vec![engine],
                ..Options::default()
            };
            match pdf::extract_with(&read_pdf(&entry.pdf), &options) {
                Ok(got) => eprintln!(
                    "{}\t{}\t{engine}\t{:.4}",
                    entry.pdf,
                    entry.kind,
                    similarity(&got.text, &lines)
                ),
                Err(e) => eprintln!("{}\t{}\t{engine}\terror: {e}", entry.pdf, entry.kind),
            }
        }
    }
}

#[test]
fn pages_are_kept_apart() {
    let got = pdf::extract_text(&read_pdf("usb-memory.cid-h.pdf")).unwrap();
    assert_eq!(got.pages, 2);
    assert_eq!(got.text.matches(pdf::repair::PAGE_BREAK).count(), 1);
}

#[test]
fn vertical_text_keeps_its_lines() {
    let got = pdf::extract_text(&read_pdf("fax-misdelivery.cid-v.pdf")).unwrap();
    let normalized = jpnotice::normalize::normalize(&got.text).text;
    // The title column comes out as one line, in reading order.
    assert!(
        normalized.lines().any(|l| l
            .trim()
            .starts_with("障害福祉サービス利用者の個人情報を含む")),
        "{normalized}"
    );
}

#[test]
fn empty_user_password_is_read_and_a_real_one_is_refused() {
    let got = pdf::extract_text(&read_pdf("roster.encrypted-empty-user.pdf")).unwrap();
    assert!(squash(&got.text).contains("こもれび子ども食堂ネットワーク"));
    let err = pdf::extract_text(&read_pdf("locked.encrypted-user-password.pdf")).unwrap_err();
    assert!(
        err.to_string().contains("encrypted with a password"),
        "{err}"
    );
}

#[test]
fn truncated_pdf_gives_an_error_or_partial_text() {
    match pdf::extract_text(&read_pdf("truncated.broken.pdf")) {
        Err(e) => assert!(e.to_string().starts_with("cannot read PDF"), "{e}"),
        Ok(t) => assert!(!t.warnings.is_empty() || t.text.contains("保護者"), "{t:?}"),
    }
}

#[test]
fn pdf_extract_falls_back_on_predefined_cmaps() {
    // pdf-extract cannot read UniJIS-UCS2-H: the chain moves on and says why.
    let options = Options {
        engines: vec![Engine::PdfExtract, Engine::Oxidize],
        ..Options::default()
    };
    let got = pdf::extract_with(&read_pdf("usb-memory.cid-h.pdf"), &options).unwrap();
    assert_eq!(got.engine, "oxidize-pdf");
    assert!(
        got.warnings
            .iter()
            .any(|w| w.starts_with("PDF engine pdf-extract")),
        "{:?}",
        got.warnings
    );
    assert!(
        got.warnings
            .iter()
            .any(|w| w.starts_with("PDF text from oxidize-pdf")),
        "{:?}",
        got.warnings
    );
}

#[test]
fn pdf_extract_reads_tounicode_fonts() {
    let options = Options {
        engines: vec![Engine::PdfExtract],
        ..Options::default()
    };
    let got = pdf::extract_with(&read_pdf("sql-injection.ttf.pdf"), &options).unwrap();
    assert_eq!(got.engine, "pdf-extract");
    assert!(
        squash(&got.text).contains("ヤマブキ音楽教室"),
        "{}",
        got.text
    );
}

#[test]
fn not_a_pdf_is_an_error() {
    let err = pdf::extract_text("令和６年".as_bytes()).unwrap_err();
    assert!(err.to_string().contains("not a PDF"));
}

/// A tiny deterministic generator for the mutations.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

#[test]
fn mutated_and_truncated_pdfs_never_panic() {
    let options = Options {
        engines: vec![Engine::Oxidize, Engine::PdfExtract],
        time_limit: Some(Duration::from_secs(20)),
    };
    let mut rng = Lcg(7);
    for entry in readable_entries() {
        let original = read_pdf(&entry.pdf);
        for round in 0..24 {
            let mut bytes = original.clone();
            match round % 3 {
                0 => bytes.truncate(rng.next(original.len())),
                1 => {
                    for _ in 0..8 {
                        let at = rng.next(bytes.len());
                        bytes[at] = rng.next(256) as u8;
                    }
                }
                _ => {
                    let start = rng.next(bytes.len());
                    let end = (start + rng.next(200)).min(bytes.len());
                    bytes.drain(start..end);
                }
            }
            // Any outcome but a panic is fine.
            let _ = pdf::extract_with(&bytes, &options);
        }
    }
}

/// Builds a PDF from object bodies (object n is `objects[n - 1]`) with a
/// correct cross-reference table.
fn build_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn page_pdf(page: &str, extra: &[u8]) -> Vec<u8> {
    let content = b"BT /F1 12 Tf 72 720 Td (Notice) Tj ET";
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    build_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page.as_bytes().to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        extra.to_vec(),
    ])
}

#[test]
fn built_pdf_is_read() {
    let bytes = page_pdf(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"null",
    );
    let got = pdf::extract_text(&bytes).unwrap();
    assert_eq!(got.text.trim(), "Notice");
}

fn jpnotice() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jpnotice"))
}

#[test]
fn cli_extracts_a_folder_of_good_and_bad_pdfs() {
    let dir = std::env::temp_dir().join(format!("jpnotice-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in manifest() {
        std::fs::write(dir.join(&entry.pdf), read_pdf(&entry.pdf)).unwrap();
    }
    // A page whose /Parent is itself (pdf-extract hangs or overflows on it).
    let cyclic = page_pdf(
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"null",
    );
    std::fs::write(dir.join("cyclic.pdf"), cyclic).unwrap();
    // 200,000 nested arrays (a stack overflow for recursive parsers).
    let mut nested = "[".repeat(200_000).into_bytes();
    nested.extend_from_slice("]".repeat(200_000).as_bytes());
    let deep = page_pdf(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots 6 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        &nested,
    );
    std::fs::write(dir.join("nested.pdf"), deep).unwrap();
    std::fs::write(dir.join("not-really.pdf"), "お知らせ").unwrap();
    std::fs::write(dir.join("empty.pdf"), b"").unwrap();

    let out = jpnotice()
        .args(["extract", "--pdf-timeout", "30"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    // Some files cannot be read: exit code 1, and the run went on.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let notices: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let encoding_of = |name: &str| {
        notices
            .iter()
            .find(|n| n["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .map(|n| n["encoding"].as_str().unwrap_or("").to_string())
    };
    for entry in readable_entries() {
        assert_eq!(
            encoding_of(&entry.pdf),
            Some(format!("PDF ({})", expected_engine(&entry.kind))),
            "{stdout}\n{stderr}"
        );
    }
    // Failures are reported per file (on stderr, or as error lines on stdout).
    let report = format!("{stdout}\n{stderr}");
    let failed_line = |name: &str| {
        report
            .lines()
            .find(|l| l.contains(name) && l.contains("cannot read PDF"))
            .is_some()
    };
    let name = "locked.encrypted-user-password.pdf";
    assert!(failed_line(name), "{name}: {report}");
    assert!(report.contains("truncated.broken.pdf"), "{report}");
}

mod repair_props {
    use jpnotice::pdf::repair::repair_page;
    use proptest::prelude::*;

    /// Characters that exercise the page repairs: glyphs, spaces of both
    /// widths, newlines, closing brackets, item markers, sentence ends, ASCII.
    fn page_char() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            '令', '和', '年', '月', '日', 'お', '知', 'ら', 'せ', '（', '）', '」', '※', '①', '。',
            '、', '１', '2', 'a', 'h', 't', 'p', '-', ' ', '　', '\n', '\n', '\n',
        ])
    }

    fn visible(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Lines of a vertical page as engines give it: mostly one glyph per
    /// line, column breaks, space glyphs, sideways text, glued glyphs.
    fn vertical_line() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "令\n",
            "和\n",
            "（\n",
            "）\n",
            "お\n",
            "。\n",
            "\n",
            "\u{3000}\n",
            " \n",
            "）022-263\n",
            "記一\n",
            "内 正\n",
            "）」\n",
        ])
    }

    proptest! {
        /// Repairs only move line breaks and spaces: the visible characters
        /// (no radicals here) stay the same, in the same order.
        #[test]
        fn repairs_keep_the_visible_characters(chars in prop::collection::vec(page_char(), 0..400)) {
            let page: String = chars.into_iter().collect();
            prop_assert_eq!(visible(&repair_page(&page)), visible(&page));
        }

        /// The same on vertical pages, where columns are joined.
        #[test]
        fn vertical_repairs_keep_the_visible_characters(
            lines in prop::collection::vec(vertical_line(), 0..300)
        ) {
            let page: String = lines.concat();
            prop_assert_eq!(visible(&repair_page(&page)), visible(&page));
        }
    }
}
