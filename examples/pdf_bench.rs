//! Bench of the PDF engines: accuracy and pages per second of each engine
//! (and of the default chain) on the same PDFs, in one run.
//!
//! ```text
//! python3 corpus/pdf/make_pdfs.py --bench /tmp/pdfbench
//! cargo run -q --example pdf_bench -- /tmp/pdfbench
//! ```
//!
//! A PDF `NAME.KIND.pdf` is compared with `NAME.source.txt` beside it when
//! there is one: similarity = 1 − Levenshtein distance / longer length, on
//! the normalized texts with all whitespace removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jpnotice::pdf::{self, Engine};

#[derive(Default)]
struct Row {
    files: usize,
    failed: usize,
    pages: usize,
    time: Duration,
    similarity: f64,
    compared: usize,
    min_similarity: f64,
}

impl Row {
    fn add(&mut self, pages: Option<usize>, time: Duration, similarity: Option<f64>) {
        if self.files == 0 {
            self.min_similarity = 1.0;
        }
        self.files += 1;
        self.time += time;
        match pages {
            Some(p) => self.pages += p,
            None => self.failed += 1,
        }
        if let Some(s) = similarity {
            self.similarity += s;
            self.compared += 1;
            self.min_similarity = self.min_similarity.min(s);
        }
    }
}

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                files.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            files.push(path);
        }
    }
    files.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    files.sort();
    // (engine, kind) -> row
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let source = source_text(file);
        let kind = kind_of(file);
        let shared: Arc<[u8]> = Arc::from(bytes.as_slice());
        for engine in Engine::ALL.into_iter().filter(|e| e.available()) {
            let started = Instant::now();
            let result = pdf::run_isolated(engine, &shared, Some(Duration::from_secs(60)));
            let time = started.elapsed();
            let (pages, text) = match result {
                Ok(p) => (
                    Some(p.texts.len()),
                    Some(pdf::repair::repair_pages(&p.texts)),
                ),
                Err(e) => {
                    eprintln!("{}: {engine}: {e}", file.display());
                    (None, None)
                }
            };
            let sim = similarity_of(text.as_deref(), source.as_deref());
            for k in [kind.clone(), "all".to_string()] {
                rows.entry((engine.name().to_string(), k))
                    .or_default()
                    .add(pages, time, sim);
            }
        }
        let started = Instant::now();
        let result = pdf::extract_text(&bytes);
        let time = started.elapsed();
        let (pages, text) = match result {
            Ok(t) => {
                if t.engine != "oxidize-pdf" {
                    eprintln!(
                        "{}: default chain used {}: {:?}",
                        file.display(),
                        t.engine,
                        t.warnings
                    );
                }
                (Some(t.pages), Some(t.text))
            }
            Err(e) => {
                eprintln!("{}: default chain: {e}", file.display());
                (None, None)
            }
        };
        let sim = similarity_of(text.as_deref(), source.as_deref());
        for k in [kind.clone(), "all".to_string()] {
            rows.entry(("default chain".to_string(), k))
                .or_default()
                .add(pages, time, sim);
        }
    }
    println!(
        "| engine | kind | files | failed | mean similarity | min similarity | pages | ms | pages/s |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for ((engine, kind), r) in &rows {
        let mean = if r.compared > 0 {
            r.similarity / r.compared as f64
        } else {
            f64::NAN
        };
        let secs = r.time.as_secs_f64();
        println!(
            "| {engine} | {kind} | {} | {} | {:.2}% | {:.2}% | {} | {:.0} | {:.0} |",
            r.files,
            r.failed,
            mean * 100.0,
            r.min_similarity * 100.0,
            r.pages,
            secs * 1000.0,
            if secs > 0.0 {
                r.pages as f64 / secs
            } else {
                0.0
            }
        );
    }
}

/// `NAME.KIND.pdf` → `KIND`.
fn kind_of(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parts: Vec<&str> = name.split('.').collect();
    match parts.len() {
        n if n >= 3 => parts[n - 2].to_string(),
        _ => "pdf".to_string(),
    }
}

/// `NAME.source.txt` beside `NAME.KIND.pdf`.
fn source_text(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    std::fs::read_to_string(path.with_file_name(format!("{stem}.source.txt"))).ok()
}

fn similarity_of(text: Option<&str>, source: Option<&str>) -> Option<f64> {
    let source = source?;
    let text = text.unwrap_or("");
    Some(strsim::normalized_levenshtein(
        &squash(text),
        &squash(source),
    ))
}

/// Normalized text without whitespace.
fn squash(text: &str) -> String {
    jpnotice::normalize::normalize(text)
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}
