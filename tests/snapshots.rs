//! Snapshot tests: the `extract` JSON of every notice in `corpus/notices`,
//! plus the span invariant `input[start..end] == text` for each of them.

mod common;

use std::path::Path;

#[test]
fn corpus_notices_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/notices");
    let files = common::files(&dir, &["txt", "md"]);
    assert!(
        files.len() >= 12,
        "corpus/notices should hold at least 12 notices"
    );
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut notice = jpnotice::parse_bytes(&bytes).unwrap();
        notice.source = Some(format!("corpus/notices/{name}"));
        let input = jpnotice::decode::decode(&bytes).text;
        let json = serde_json::to_value(&notice).unwrap();
        let errors = common::span_errors(&input, &json);
        assert!(errors.is_empty(), "{name}: bad spans: {errors:#?}");
        insta::assert_json_snapshot!(name, json);
    }
}

#[test]
fn encoded_corpus_files_decode_without_warnings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/notices");
    for (suffix, encoding) in [(".sjis.txt", "Shift_JIS"), (".eucjp.txt", "EUC-JP")] {
        let path = common::files(&dir, &["txt"])
            .into_iter()
            .find(|p| p.to_string_lossy().ends_with(suffix))
            .unwrap_or_else(|| panic!("corpus has no {suffix} file"));
        let decoded = jpnotice::decode::decode(&std::fs::read(&path).unwrap());
        assert_eq!(decoded.encoding, encoding, "{}", path.display());
        assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        assert!(decoded.text.contains("個人情報"), "{}", path.display());
    }
}

/// The layout the structure stage reads from each corpus notice, one line
/// per block (kind, level or depth, section path, first characters).
#[test]
fn corpus_notice_structures_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/notices");
    for path in common::files(&dir, &["txt", "md"]) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let input = jpnotice::decode::decode(&bytes).text;
        let doc = jpnotice::Document::new(&input);
        let rendered = doc.structure().render(doc.text());
        assert!(
            rendered.lines().count() >= 5,
            "{name}: too few blocks:\n{rendered}"
        );
        insta::assert_snapshot!(format!("structure__{name}"), rendered);
    }
}
