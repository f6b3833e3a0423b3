//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pdfs;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The repository's root: the library's manifest directory, also when these
/// helpers are compiled into the command line crate's tests (`cli/`).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    if manifest.join("corpus").is_dir() {
        manifest.to_path_buf()
    } else {
        manifest.parent().unwrap_or(manifest).to_path_buf()
    }
}

/// `../shared/corpus` beside the repository, if present.
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// Checks every object in `json` that has `text`, `start` and `end`:
/// `input[start..end] == text`. Returns a description of each mismatch.
pub fn span_errors(input: &str, json: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    walk(input, json, &mut errors);
    errors
}

fn walk(input: &str, json: &Value, errors: &mut Vec<String>) {
    match json {
        Value::Object(map) => {
            if let (Some(Value::String(text)), Some(start), Some(end)) = (
                map.get("text"),
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (start as usize, end as usize);
                match input.get(s..e) {
                    Some(slice) if slice == text => {}
                    Some(slice) => {
                        errors.push(format!("[{s}..{e}] is {slice:?}, text says {text:?}"))
                    }
                    None => errors.push(format!(
                        "[{s}..{e}] is not a valid span of the input ({} bytes)",
                        input.len()
                    )),
                }
            }
            for v in map.values() {
                walk(input, v, errors);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| walk(input, v, errors)),
        _ => {}
    }
}

/// Every file under `dir` (recursively) with one of the extensions, sorted.
pub fn files(dir: &std::path::Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    out.sort();
    out
}
