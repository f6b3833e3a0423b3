//! Numbers and record counts over the shared archive of real notices
//! (`../shared/corpus/archive` or `../../shared/corpus/archive`, or
//! `JPNOTICE_ARCHIVE`). Skipped with a
//! message when the archive is absent.
//!
//! `cargo bench --bench counts`

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jpnotice::Document;

/// `JPNOTICE_ARCHIVE`, else the first of `../shared` and `../../shared`
/// (a worktree) that holds the archive.
fn archive_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("JPNOTICE_ARCHIVE") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/corpus/archive", "../../shared/corpus/archive"]
        .iter()
        .map(|p| root.join(p))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.join("../shared/corpus/archive"))
}

fn load(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = archive_dir();
    let texts = load(&dir);
    if texts.is_empty() {
        eprintln!("skipping the counts bench: no archive at {}", dir.display());
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("archive");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("numbers::find_all", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jpnotice::numbers::find_all(t));
            }
        })
    });
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    group.bench_function("counts::extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(jpnotice::extract::counts::extract(d, &mut Vec::new()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
