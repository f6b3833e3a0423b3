//! PDF extraction on the corpus PDFs (made by corpus/pdf/make_pdfs.py from
//! the team's own notices) and on broken and hostile PDFs (the command line's
//! batch over them is in `cli/tests/pdf_batch.rs`).
#![cfg(feature = "pdf")]

use std::time::Duration;

use jpnotice::pdf::{self, Engine, Options};

mod common;

use common::pdfs::{Entry, corpus_dir, expected_engine, page_pdf, read_pdf, readable_entries};

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

#[cfg(feature = "pdf-oxidize")]
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
    // Every in-process engine built in (oxidize-pdf with its feature).
    let options = Options {
        engines: Engine::IN_PROCESS.to_vec(),
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

#[test]
fn built_pdf_is_read() {
    let bytes = page_pdf(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"null",
    );
    let got = pdf::extract_text(&bytes).unwrap();
    assert_eq!(got.text.trim(), "Notice");
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
