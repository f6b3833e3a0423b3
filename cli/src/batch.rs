//! `jpnotice extract`: a batch over files and folders, parsed on a thread
//! pool and written in input order (JSON Lines, or one file per input with
//! `--output`, optionally `--resume`d), with one error line per bad file.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jpnotice::{Notice, Parser, view};
use rayon::prelude::*;

use crate::args::{ExtractArgs, Format, PdfLimits};
use crate::inputs::{Input, read_input};
use crate::worker::parse_file_bytes;

pub(crate) fn run(args: ExtractArgs) -> Result<ExitCode, String> {
    set_jobs(args.jobs)?;
    args.pdf.engines()?;
    let csv = args.format == Format::Csv;
    if csv && (args.pretty || args.output.is_some()) {
        return Err(
            "--format csv writes one table to stdout: it goes with neither --pretty nor --output"
                .into(),
        );
    }
    if args.bom && !csv {
        return Err("--bom goes with --format csv".into());
    }
    // Share the one-off start-up work (patterns, dictionary) with a second
    // core while the first files are read and parsed.
    std::thread::spawn(jpnotice::warm_up);
    let mut parser = Parser::new()
        .max_input_bytes(args.max_bytes)
        .year_policy(args.year_policy);
    if let Some(path) = &args.data_items {
        parser = parser.vocabulary(jpnotice::extract::data_items::Vocabulary::from_path(path)?);
    }
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let started = std::time::Instant::now();
    let mut failures = 0usize;
    let mut inputs = Vec::new();
    for path in &args.paths {
        inputs.extend(jpnotice::files::collect(path));
    }
    let mut skipped = 0usize;
    if args.resume
        && let Some(dir) = &args.output
    {
        let before = inputs.len();
        inputs.retain(|input| !is_up_to_date(&input.path, &output_path(dir, &input.source)));
        skipped = before - inputs.len();
    }
    let progress = progress_bar(inputs.len());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if csv {
        let bom = if args.bom { view::csv::BOM } else { "" };
        let header = view::csv::line(&view::csv::header());
        write!(out, "{bom}{header}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    let csv_line = |row: Vec<String>| {
        let line = view::csv::line(&row);
        line.strip_suffix('\n').map(str::to_owned).unwrap_or(line)
    };
    let mut converted = 0usize;
    // Each input is parsed and serialized on the thread pool; this thread
    // writes the results in input order as soon as each one's turn comes,
    // so output starts with the first file and a slow PDF holds back only
    // the writing, not the work.
    let convert = |input: &Input| -> Result<Option<String>, String> {
        let notice = parse_input(&parser, input, args.max_bytes, &args.pdf)?;
        if csv {
            return Ok(Some(csv_line(view::csv::record(&notice))));
        }
        let text = if args.pretty || args.output.is_some() {
            serde_json::to_string_pretty(&notice)
        } else {
            serde_json::to_string(&notice)
        }
        .map_err(|e| format!("cannot serialize: {e}"))?;
        match &args.output {
            Some(dir) => write_output(&output_path(dir, &input.source), &text).map(|()| None),
            None => Ok(Some(text)),
        }
    };
    let stop = std::sync::atomic::AtomicBool::new(false);
    let (sender, results) = std::sync::mpsc::channel::<(usize, Result<Option<String>, String>)>();
    let flow = std::thread::scope(|scope| -> Result<Flow, String> {
        let (inputs, stop, progress, convert) = (&inputs, &stop, &progress, &convert);
        scope.spawn(move || {
            inputs
                .par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (i, input)| {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        return;
                    }
                    let result = convert(input);
                    if let Some(p) = progress {
                        p.inc(1);
                    }
                    // The receiver is gone only when writing failed.
                    let _ = sender.send((i, result));
                });
        });
        let mut waiting = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, result) in results {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                let input = &inputs[next];
                next += 1;
                let line = match result {
                    Ok(text) => {
                        converted += 1;
                        text
                    }
                    Err(msg) => {
                        failures += 1;
                        let report = || eprintln!("jpnotice: {}: {msg}", input.source);
                        match progress {
                            Some(p) => p.suspend(report),
                            None => report(),
                        }
                        // With --output the error goes to stderr only.
                        if csv {
                            Some(csv_line(view::csv::error_record(&input.source, &msg)))
                        } else {
                            args.output.is_none().then(|| {
                                serde_json::json!({"source": input.source, "error": msg})
                                    .to_string()
                            })
                        }
                    }
                };
                if let Some(line) = line
                    && let Err(e) = writeln!(out, "{line}")
                {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                    // The reader went away (`| head`): stop quietly.
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return Ok(Flow::ReaderGone);
                    }
                    return Err(format!("cannot write output: {e}"));
                }
            }
        }
        Ok(Flow::Done)
    })?;
    if flow == Flow::ReaderGone {
        return Ok(ExitCode::SUCCESS);
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    eprintln!(
        "jpnotice: {} file(s): {converted} converted, {} failed{}, {:.2} s",
        inputs.len() + skipped,
        failures,
        if skipped > 0 {
            format!(", {skipped} up to date")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64()
    );
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Sizes the global thread pool (`-j`); the default is one thread per core.
pub(crate) fn set_jobs(jobs: Option<usize>) -> Result<(), String> {
    if let Some(jobs) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    }
    Ok(())
}

/// How the writing of a batch ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Every result was written.
    Done,
    /// Standard output was closed by its reader.
    ReaderGone,
}

/// Where `--output DIR` puts the JSON of an input: the input path mirrored
/// under DIR (root and `..` parts dropped), with `.json` appended.
pub(crate) fn output_path(dir: &Path, source: &str) -> PathBuf {
    if source == "-" {
        return dir.join("stdin.json");
    }
    let mut out = dir.to_path_buf();
    for part in Path::new(source).components() {
        if let std::path::Component::Normal(p) = part {
            out.push(p);
        }
    }
    let mut name = out
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".json");
    out.set_file_name(name);
    out
}

/// True when `output` exists and is at least as new as `input`.
pub(crate) fn is_up_to_date(input: &Path, output: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(input), modified(output)), (Some(i), Some(o)) if o >= i)
}

pub(crate) fn write_output(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, format!("{text}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A progress bar on stderr, only when stderr is a terminal and the batch is large.
pub(crate) fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    if !io::stderr().is_terminal() || len < 20 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

/// Reads and parses one input of a batch, its `source` set.
pub(crate) fn parse_input(
    parser: &Parser,
    input: &Input,
    max_bytes: usize,
    pdf: &PdfLimits,
) -> Result<Notice, String> {
    if let Some(problem) = &input.problem {
        return Err(problem.clone());
    }
    let bytes = read_input(&input.path, max_bytes)?;
    let mut notice = parse_file_bytes(parser, &bytes, max_bytes, pdf)?;
    notice.source = Some(input.source.clone());
    Ok(notice)
}
