//! Prints how long each pipeline stage takes over a folder of notices, one
//! pass each: a quick profile to read beside the criterion benches.
//!
//! `cargo run --release --example stage_times -- ../shared/corpus/archive`

use std::time::Instant;

use jpnotice::{Document, extract};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let texts: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .map(|b| jpnotice::decode::decode(&b).text)
        .collect();
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let t = Instant::now();
        let n = f();
        let s = t.elapsed().as_secs_f64();
        println!("{name:<28} {s:7.3} s {:8.1} MB/s  ({n})", mb / s);
    };
    println!("{} documents, {mb:.2} MB", texts.len());
    time("normalize", &|| {
        texts
            .iter()
            .map(|t| jpnotice::normalize::normalize(t).text.len())
            .sum()
    });
    time("tokenize", &|| {
        texts
            .iter()
            .map(|t| jpnotice::tokenize::tokenize(t).len())
            .sum()
    });
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
    docs.iter().for_each(|d| {
        d.tokens();
    });
    let vocabulary = extract::data_items::Vocabulary::embedded();
    time("metadata", &|| {
        docs.iter()
            .map(|d| extract::metadata::extract(d).issuers.len())
            .sum()
    });
    time("published", &|| {
        docs.iter()
            .filter_map(|d| extract::published::extract(d, &mut Vec::new()))
            .count()
    });
    time("dates", &|| {
        docs.iter()
            .map(|d| extract::dates::extract(d, None, &mut Vec::new()).len())
            .sum()
    });
    time("counts", &|| {
        docs.iter()
            .map(|d| extract::counts::extract(d, &mut Vec::new()).len())
            .sum()
    });
    time("data_items", &|| {
        docs.iter()
            .map(|d| extract::data_items::extract(d, &vocabulary, &mut Vec::new()).len())
            .sum()
    });
    time("incident", &|| {
        docs.iter()
            .map(|d| extract::incident::extract(d).len())
            .sum()
    });
    time("leak", &|| {
        docs.iter()
            .filter_map(|d| extract::leak::extract(d))
            .count()
    });
    time("kind", &|| {
        docs.iter()
            .filter_map(|d| extract::kind::extract(d, &[]))
            .count()
    });
    time("contacts", &|| {
        docs.iter()
            .map(|d| extract::contacts::extract(d, &mut Vec::new()).0.len())
            .sum()
    });
    drop(docs);
    let parser = jpnotice::Parser::new();
    time("parse (full)", &|| {
        texts.iter().map(|t| parser.parse(t).dates.len()).sum()
    });
}
