//! Throughput of each pipeline stage and of the full parse, on the shared
//! archive (about 1,900 real notices; skipped with a message when
//! `../shared` is absent) and on the project's own `corpus/`.
//!
//! Run with `cargo bench --bench pipeline`; criterion prints MB/s.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jpnotice::{Document, Parser, extract};

fn load(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| jpnotice::decode::decode(&b).text)
        .collect()
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));

    group.bench_function("normalize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jpnotice::normalize::normalize(t).text.len())
                .sum::<usize>()
        })
    });
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jpnotice::tokenize::tokenize(t).len())
                .sum::<usize>()
        })
    });

    group.bench_function("structure", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| jpnotice::structure::Structure::new(t).blocks().len())
                .sum::<usize>()
        })
    });

    group.bench_function("sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extract::sentences::split_text(t).len())
                .sum::<usize>()
        })
    });

    // Extractors alone, on documents normalized and split into sentences
    // beforehand (the data-item extractor tokenizes the pieces it reads,
    // so its time includes that tokenizing).
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    for d in &docs {
        let _ = d.sentences();
    }
    let vocabulary = extract::data_items::Vocabulary::embedded();
    group.bench_function("extract/published+dates", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let mut w = Vec::new();
                    let _ = extract::published::extract(d, &mut w);
                    extract::dates::extract(d, None, &mut w).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extract/numbers+counts", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let mut w = Vec::new();
                    jpnotice::numbers::find_all(d.text()).len()
                        + extract::counts::extract(d, &mut w).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extract/data_items", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::data_items::extract(d, &vocabulary, &mut Vec::new()).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract/incident+leak+kind+metadata", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let types = extract::incident::extract(d);
                    let _ = extract::leak::extract(d);
                    let _ = extract::kind::extract(d, &types);
                    extract::metadata::extract(d).issuers.len() + types.len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extract/contacts", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::contacts::extract(d, &mut Vec::new()).0.len())
                .sum::<usize>()
        })
    });
    drop(docs);

    let parser = Parser::new();
    group.bench_function("parse (full pipeline)", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| parser.parse(t).dates.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = load(&root.join("corpus"));
    bench_set(c, "corpus", &corpus);
    let archive_dir = root.join("../shared/corpus/archive");
    if archive_dir.is_dir() {
        let archive = load(&archive_dir);
        bench_set(c, "archive", &archive);
    } else {
        eprintln!("skipping the archive benches: ../shared/corpus/archive is not present");
    }
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
