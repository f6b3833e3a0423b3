//! The `jpnotice` command: a thin layer over the library.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser as ClapParser, Subcommand};
use jpnotice::{Date, Notice, Parser};
use rayon::prelude::*;
use serde::Serialize;

#[derive(ClapParser)]
#[command(
    name = "jpnotice",
    version,
    about = "Turns Japanese incident and data-breach notices into structured JSON"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every field from files, directories (recursive: .txt, .md, .pdf) or `-` (stdin);
    /// prints one JSON object per document per line.
    Extract(ExtractArgs),
    /// Print the normalized text (NFKC plus repairs).
    Normalize(TextArgs),
    /// List the dates and times found in the text.
    Dates(DatesArgs),
    /// List the numeric expressions found in the text.
    Numbers(TextArgs),
    /// List the phone numbers (with their contact blocks) found in the text.
    Phones(TextArgs),
    /// Score extraction against a gold JSON Lines file.
    Eval(EvalArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// Files, directories, or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Pretty-print each object (no longer one per line).
    #[arg(long)]
    pretty: bool,
    /// Date (YYYY-MM-DD) used to resolve years when a document has no date of its own.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<Date>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = jpnotice::DEFAULT_MAX_INPUT_BYTES)]
    max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Data-item vocabulary TSV to use instead of the embedded one.
    #[arg(long = "data-items", value_name = "PATH")]
    data_items: Option<PathBuf>,
}

#[derive(Args)]
struct TextArgs {
    /// Texts to read; stdin when none is given.
    texts: Vec<String>,
    /// Treat each stdin line as its own text (a literal `\n` stands for a newline);
    /// print one result per line.
    #[arg(long)]
    lines: bool,
}

#[derive(Args)]
struct DatesArgs {
    #[command(flatten)]
    text: TextArgs,
    /// Date (YYYY-MM-DD) used to resolve years when the text has no date of its own.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<Date>,
}

#[derive(Args)]
struct EvalArgs {
    /// Gold annotations (JSON Lines, format in SCHEMA.md).
    #[arg(long)]
    gold: PathBuf,
    /// Directory the gold `source` paths are relative to.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also list each document's extra and missed values.
    #[arg(long)]
    errors: bool,
    /// Comma-separated fields to score (default: all).
    #[arg(long, value_delimiter = ',')]
    fields: Vec<String>,
    /// Data-item vocabulary TSV to use instead of the embedded one.
    #[arg(long = "data-items", value_name = "PATH")]
    data_items: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date like 2024-05-31: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Normalize(args) => per_text(&args, |t| {
            serde_json::Value::String(jpnotice::normalize::normalize(t).text)
        }),
        Command::Dates(args) => {
            let mut parser = Parser::new();
            if let Some(d) = args.reference_date {
                parser = parser.reference_date(d);
            }
            per_text(&args.text, |t| json(&parser.parse(t).dates))
        }
        Command::Numbers(args) => per_text(&args, |t| json(&jpnotice::numbers::find_all(t))),
        Command::Phones(args) => per_text(&args, |t| json(&jpnotice::parse(t).contacts)),
        Command::Eval(args) => eval(args),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("jpnotice: {msg}");
            ExitCode::from(2)
        }
    }
}

fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Runs `f` on each text argument, or on stdin (whole, or line by line
/// with `--lines`), printing one JSON value per text.
fn per_text(args: &TextArgs, f: impl Fn(&str) -> serde_json::Value) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut emit = |text: &str| -> Result<(), String> {
        writeln!(out, "{}", f(text)).map_err(|e| format!("cannot write output: {e}"))
    };
    if !args.texts.is_empty() {
        for t in &args.texts {
            emit(t)?;
        }
    } else if args.lines {
        for line in io::stdin().lock().lines() {
            let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
            emit(&line.replace("\\n", "\n"))?;
        }
    } else {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        emit(&jpnotice::decode::decode(&bytes).text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One input of `extract`: where to read and the `source` to report.
struct Input {
    path: PathBuf,
    source: String,
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    }
    let mut parser = Parser::new().max_input_bytes(args.max_bytes);
    if let Some(path) = &args.data_items {
        parser = parser.vocabulary(jpnotice::extract::data_items::Vocabulary::from_path(path)?);
    }
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let mut failures = 0usize;
    let mut inputs = Vec::new();
    for path in &args.paths {
        collect_inputs(path, &mut inputs, &mut failures);
    }
    let progress = progress_bar(inputs.len());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Parse in parallel a chunk at a time, printing in input order.
    for chunk in inputs.chunks(256) {
        let results: Vec<Result<Notice, String>> = chunk
            .par_iter()
            .map(|input| {
                let r = parse_input(&parser, input);
                if let Some(p) = &progress {
                    p.inc(1);
                }
                r
            })
            .collect();
        for (input, result) in chunk.iter().zip(results) {
            match result {
                Ok(notice) => {
                    let line = if args.pretty {
                        serde_json::to_string_pretty(&notice)
                    } else {
                        serde_json::to_string(&notice)
                    }
                    .map_err(|e| format!("cannot serialize {}: {e}", input.source))?;
                    writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
                }
                Err(msg) => {
                    failures += 1;
                    if let Some(p) = &progress {
                        p.suspend(|| eprintln!("jpnotice: {}: {msg}", input.source));
                    } else {
                        eprintln!("jpnotice: {}: {msg}", input.source);
                    }
                }
            }
        }
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("jpnotice: {failures} input(s) could not be read; the rest were converted");
        ExitCode::from(1)
    })
}

/// A progress bar on stderr, only when stderr is a terminal and the batch is large.
fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() || len < 20 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// Expands a path argument: a file as is, a directory recursively
/// (`.txt`, `.md`, `.pdf`, sorted), `-` for stdin.
fn collect_inputs(path: &Path, inputs: &mut Vec<Input>, failures: &mut usize) {
    if path.as_os_str() == "-" {
        inputs.push(Input {
            path: path.to_owned(),
            source: "-".into(),
        });
        return;
    }
    if !path.is_dir() {
        inputs.push(Input {
            path: path.to_owned(),
            source: path.display().to_string(),
        });
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && has_notice_extension(e.path()) => {
                inputs.push(Input {
                    path: e.path().to_owned(),
                    source: e.path().display().to_string(),
                });
            }
            Ok(_) => {}
            Err(err) => {
                *failures += 1;
                let at = err
                    .path()
                    .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                eprintln!("jpnotice: {at}: {err}");
            }
        }
    }
}

fn has_notice_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "md" | "pdf"))
}

fn parse_input(parser: &Parser, input: &Input) -> Result<Notice, String> {
    let bytes = if input.source == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        buf
    } else {
        std::fs::read(&input.path).map_err(|e| format!("cannot read: {e}"))?
    };
    let mut notice = parser.parse_bytes(&bytes).map_err(|e| e.to_string())?;
    notice.source = Some(input.source.clone());
    Ok(notice)
}

fn eval(args: EvalArgs) -> Result<ExitCode, String> {
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
                    Ok(bytes) => match parser.parse_bytes(&bytes) {
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
fn resolve_source(root: &Path, source: &str) -> Option<PathBuf> {
    [root.join(source), root.join("archive").join(source)]
        .into_iter()
        .find(|p| p.is_file())
}
