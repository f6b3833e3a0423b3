//! Helpers for the crate's own unit tests.

/// The texts of the shared archive (`../shared/corpus/archive` beside the
/// repository), or `None`, after saying so on stderr, when it is absent:
/// tests that read it skip then.
pub(crate) fn archive_texts() -> Option<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/archive");
    if !dir.is_dir() {
        eprintln!("skipping the archive: {} not found", dir.display());
        return None;
    }
    let texts = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect();
    Some(texts)
}
