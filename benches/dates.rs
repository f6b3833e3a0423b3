//! Throughput of the dates extractor on the shared archive of real
//! notices: ../shared/corpus/archive, or the folder `JPNOTICE_ARCHIVE`
//! names (skipped with a message when absent).
//!
//! Documents are normalized before timing, so the figure is the speed of
//! scanning and resolving normalized text (target: 50 MB/s on one core).
//! Run with `cargo bench --bench dates`.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jpnotice::{Date, Document};

/// The archive's notices, read recursively.
fn archive_texts(root: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                texts.push(text);
            }
        }
    }
    texts
}

fn bench_dates(c: &mut Criterion) {
    let root = std::env::var_os("JPNOTICE_ARCHIVE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/archive"),
        PathBuf::from,
    );
    let texts = archive_texts(&root);
    if texts.is_empty() {
        eprintln!("skipping the dates bench: no archive at {}", root.display());
        return;
    }
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let reference = Some(Date::constant(2025, 6, 1));
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("extract_archive", |b| {
        b.iter(|| {
            let mut found = 0;
            for doc in &docs {
                let mut warnings = Vec::new();
                found += jpnotice::extract::dates::extract(doc, reference, &mut warnings).len();
            }
            found
        })
    });
    group.finish();
}

criterion_group!(benches, bench_dates);
criterion_main!(benches);
