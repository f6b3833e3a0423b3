//! `jpnotice eval`: scores extraction against a gold JSON Lines file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jpnotice::Parser;
use rayon::prelude::*;

use crate::args::EvalArgs;
use crate::json;
use crate::worker::parse_file_bytes;

pub(crate) fn run(args: EvalArgs) -> Result<ExitCode, String> {
    args.pdf.engines()?;
    let gold_text = std::fs::read_to_string(&args.gold)
        .map_err(|e| format!("cannot read {}: {e}", args.gold.display()))?;
    let fields: Vec<String> = if args.fields.is_empty() {
        jpnotice::eval::all_fields()
            .into_iter()
            .map(str::to_owned)
            .collect()
    } else {
        let known = jpnotice::eval::all_fields();
        for f in &args.fields {
            if !known.contains(&f.as_str()) {
                return Err(format!(
                    "unknown field {f:?}; known fields: {}",
                    known.join(", ")
                ));
            }
        }
        args.fields.clone()
    };
    let mut golds = Vec::new();
    for (n, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: not JSON: {e}", args.gold.display(), n + 1))?;
        golds.push(value);
    }
    let mut parser = Parser::new();
    if let Some(path) = &args.data_items {
        parser = parser.vocabulary(jpnotice::extract::data_items::Vocabulary::from_path(path)?);
    }
    let predictions: Vec<serde_json::Value> = golds
        .par_iter()
        .map(|gold| {
            let source = gold.get("source").and_then(|s| s.as_str()).unwrap_or("");
            match resolve_source(&args.root, source) {
                Some(path) => match std::fs::read(&path) {
                    Ok(bytes) => match parse_file_bytes(
                        &parser,
                        &bytes,
                        jpnotice::DEFAULT_MAX_INPUT_BYTES,
                        &args.pdf,
                    ) {
                        Ok(notice) => json(&notice),
                        Err(e) => {
                            eprintln!("jpnotice: {}: {e}", path.display());
                            serde_json::Value::Null
                        }
                    },
                    Err(e) => {
                        eprintln!("jpnotice: {}: {e}", path.display());
                        serde_json::Value::Null
                    }
                },
                None => {
                    eprintln!(
                        "jpnotice: {source}: not found under {}",
                        args.root.display()
                    );
                    serde_json::Value::Null
                }
            }
        })
        .collect();
    let mut scorer = jpnotice::eval::Scorer::new(fields.iter().map(String::as_str));
    for (gold, predicted) in golds.iter().zip(&predictions) {
        scorer.add(gold, predicted);
    }
    let report = scorer.report();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let write = |out: &mut io::StdoutLock, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| format!("cannot write output: {e}"))
    };
    if args.json {
        let mut value = json(&report);
        if !args.errors
            && let Some(obj) = value.as_object_mut()
        {
            obj.remove("errors");
        }
        write(&mut out, &format!("{value}\n"))?;
    } else {
        write(&mut out, &jpnotice::eval::render_table(&report))?;
        if args.errors {
            for e in &report.errors {
                write(
                    &mut out,
                    &format!(
                        "{}\t{}\textra={:?}\tmissed={:?}\n",
                        e.source, e.field, e.extra, e.missed
                    ),
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A gold `source` under the root, or under `root/archive`.
pub(crate) fn resolve_source(root: &Path, source: &str) -> Option<PathBuf> {
    [root.join(source), root.join("archive").join(source)]
        .into_iter()
        .find(|p| p.is_file())
}
