//! Snapshot tests of the `extract` JSON of every PDF in `corpus/pdf` (the
//! same path as `jpnotice extract file.pdf`: text from the PDF engines, then
//! the parser), plus the span invariant on the extracted text.
//!
//! Each PDF typesets one of the notices of `corpus/notices`, so its snapshot
//! should carry the same fields as that notice's snapshot in
//! `tests/snapshots/snapshots__NAME.snap`; differences are layout (lines
//! broken or joined by the PDF) and are noted in the README's PDF section.
#![cfg(feature = "pdf")]

mod common;

use std::path::Path;

#[test]
fn corpus_pdfs_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let files = common::files(&dir, &["pdf"]);
    assert!(files.len() >= 7, "corpus/pdf should hold at least 7 PDFs");
    let parser = jpnotice::Parser::new();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut notice = parser
            .parse_bytes(&bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        notice.source = Some(format!("corpus/pdf/{name}"));
        let input = jpnotice::pdf::extract_text(&bytes).unwrap().text;
        let json = serde_json::to_value(&notice).unwrap();
        let errors = common::span_errors(&input, &json);
        assert!(errors.is_empty(), "{name}: bad spans: {errors:#?}");
        insta::assert_json_snapshot!(name, json);
    }
}
