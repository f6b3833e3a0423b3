//! Runs the parser over every real notice in `../shared/corpus` (seeds and
//! about 1,900 archive files): no panic, JSON that serializes, and every span
//! pointing at its text. Skipped, with a message, when `../shared` is absent.

mod common;

#[test]
fn every_shared_notice_parses_with_valid_spans() {
    let Some(dir) = common::shared_corpus() else {
        eprintln!("skipping: ../shared/corpus is not present beside the repository");
        return;
    };
    let files = common::files(&dir, &["txt", "md"]);
    assert!(
        files.len() > 1000,
        "expected the shared archive, found {} files",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let input = jpnotice::decode::decode(&bytes).text;
        let notice = match std::panic::catch_unwind(|| jpnotice::parse_bytes(&bytes)) {
            Ok(Ok(n)) => n,
            Ok(Err(e)) => {
                failures.push(format!("{}: error {e}", path.display()));
                continue;
            }
            Err(_) => {
                failures.push(format!("{}: panicked", path.display()));
                continue;
            }
        };
        let json = serde_json::to_string(&notice).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for e in common::span_errors(&input, &value) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
