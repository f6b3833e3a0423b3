//! The `jpnotice` command: a thin layer over the library.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser as ClapParser, Subcommand};
use jpnotice::extract::dates::YearPolicy;
use jpnotice::pdf::Engine;
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
    /// Write a self-contained HTML page of one notice (text or PDF): its
    /// text with every extracted span highlighted, beside the fields.
    Html(HtmlArgs),
    /// Write a self-contained HTML report of many notices (files or
    /// directories): charts and a sortable table of every notice.
    Report(ReportArgs),
    /// Print the text the parser reads from a file: the decoded text, or a
    /// PDF's extracted and repaired text.
    Text(TextFileArgs),
    /// Print a file's layout as the parser reads it: one line per block
    /// (kind, level or depth, section path, first characters).
    Structure(TextFileArgs),
    /// (internal) Extract the text of one PDF (a path or `-` for stdin) in
    /// this process and print it as JSON; `extract` and `eval` run it as a
    /// child process with time and memory limits.
    #[command(hide = true)]
    PdfWorker(PdfWorkerArgs),
}

/// Limits of the child process that extracts each PDF.
#[derive(Args, Clone)]
struct PdfLimits {
    /// Seconds one PDF may take before its extraction is stopped.
    #[arg(long, default_value_t = 60)]
    pdf_timeout: u64,
    /// Memory (address space) limit of a PDF extraction, in MiB.
    #[arg(long, default_value_t = 4096)]
    pdf_memory_mb: u64,
    /// PDF engines to try, in order (native, oxidize-pdf, pdf-extract, pdftotext).
    #[arg(long, value_delimiter = ',', default_values_t = jpnotice::pdf::Engine::ALL.map(|e| e.name().to_string()))]
    pdf_engines: Vec<String>,
}

#[derive(Args)]
struct TextFileArgs {
    /// The file, or `-` for stdin.
    path: PathBuf,
    #[command(flatten)]
    pdf: PdfLimits,
}

#[derive(Args)]
struct PdfWorkerArgs {
    /// The PDF, or `-` for stdin.
    path: PathBuf,
    /// Engines to try, in order.
    #[arg(long, value_delimiter = ',')]
    engines: Vec<String>,
    /// Time limit of one engine, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    engine_timeout_ms: u64,
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
    /// Which year a month-day takes from the reference date: preceding,
    /// nearest or forward.
    #[arg(long, default_value = "preceding")]
    year_policy: YearPolicy,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = jpnotice::DEFAULT_MAX_INPUT_BYTES)]
    max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Write one `.json` file per input into this directory (mirroring the
    /// input paths) instead of JSON Lines on stdout.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// With `--output`: skip inputs whose output is newer than the input.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Data-item vocabulary TSV to use instead of the embedded one.
    #[arg(long = "data-items", value_name = "PATH")]
    data_items: Option<PathBuf>,
    /// Output format: jsonl (one JSON object per line) or csv (a header,
    /// then one row per notice; lists joined with `;`).
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// With `--format csv`: start with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    bom: bool,
    #[command(flatten)]
    pdf: PdfLimits,
}

/// The output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One CSV row per notice, with a header row.
    Csv,
}

#[derive(Args)]
struct HtmlArgs {
    /// The notice: a text file, a PDF, or `-` for stdin.
    path: PathBuf,
    /// Write the page here instead of to stdout.
    #[arg(long, short = 'o', value_name = "OUT.html")]
    output: Option<PathBuf>,
    /// Date (YYYY-MM-DD) used to resolve years when the notice has no date of its own.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<Date>,
    #[command(flatten)]
    pdf: PdfLimits,
}

#[derive(Args)]
struct ReportArgs {
    /// Files or directories (recursive: .txt .md .pdf).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write the report here instead of to stdout.
    #[arg(long, short = 'o', value_name = "report.html")]
    output: Option<PathBuf>,
    /// Date (YYYY-MM-DD) used to resolve years when a document has no date of its own.
    #[arg(long, value_parser = parse_date)]
    reference_date: Option<Date>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = jpnotice::DEFAULT_MAX_INPUT_BYTES)]
    max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    #[command(flatten)]
    pdf: PdfLimits,
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
    /// Which year a month-day takes from the reference date: preceding (the
    /// last one on or before it, as notices report the past), nearest, or forward.
    #[arg(long, default_value = "preceding")]
    year_policy: YearPolicy,
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
    #[command(flatten)]
    pdf: PdfLimits,
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
            let mut parser = Parser::new().year_policy(args.year_policy);
            if let Some(d) = args.reference_date {
                parser = parser.reference_date(d);
            }
            per_text(&args.text, |t| json(&parser.parse(t).dates))
        }
        Command::Numbers(args) => per_text(&args, |t| json(&jpnotice::numbers::find_all(t))),
        Command::Phones(args) => per_text(&args, |t| json(&jpnotice::parse(t).contacts)),
        Command::Eval(args) => eval(args),
        Command::Html(args) => html(args),
        Command::Report(args) => report(args),
        Command::Text(args) => text(args),
        Command::Structure(args) => structure(args),
        Command::PdfWorker(args) => pdf_worker(args),
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
    /// Why the walk could not use this path (a symlink loop, a dangling
    /// link): reported in its place in the output.
    problem: Option<String>,
}

fn extract(args: ExtractArgs) -> Result<ExitCode, String> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    }
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
        collect_inputs(path, &mut inputs);
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
        let bom = if args.bom {
            jpnotice::view::csv::BOM
        } else {
            ""
        };
        let header = jpnotice::view::csv::line(&jpnotice::view::csv::header());
        write!(out, "{bom}{header}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    let csv_line = |row: Vec<String>| {
        let line = jpnotice::view::csv::line(&row);
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
            return Ok(Some(csv_line(jpnotice::view::csv::record(&notice))));
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
                            Some(csv_line(jpnotice::view::csv::error_record(
                                &input.source,
                                &msg,
                            )))
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

/// How the writing of a batch ended.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    /// Every result was written.
    Done,
    /// Standard output was closed by its reader.
    ReaderGone,
}

/// Where `--output DIR` puts the JSON of an input: the input path mirrored
/// under DIR (root and `..` parts dropped), with `.json` appended.
fn output_path(dir: &Path, source: &str) -> PathBuf {
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
fn is_up_to_date(input: &Path, output: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(input), modified(output)), (Some(i), Some(o)) if o >= i)
}

fn write_output(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, format!("{text}\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Prints the text the parser reads from one file.
fn structure(args: TextFileArgs) -> Result<ExitCode, String> {
    let text = file_text(&args)?;
    let doc = jpnotice::Document::new(&text);
    io::stdout()
        .write_all(doc.structure().render(doc.text()).as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn text(args: TextFileArgs) -> Result<ExitCode, String> {
    let text = file_text(&args)?;
    io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The text the parser reads from a file: decoded, or a PDF's extracted text.
fn file_text(args: &TextFileArgs) -> Result<String, String> {
    args.pdf.engines()?;
    let bytes = read_input(&args.path, jpnotice::DEFAULT_MAX_INPUT_BYTES)
        .map_err(|e| format!("{}: {e}", args.path.display()))?;
    let text = if jpnotice::pdf::is_pdf(&bytes) {
        let reply = extract_pdf_in_worker(&bytes, &args.pdf)
            .map_err(|e| format!("{}: {e}", args.path.display()))?;
        for w in &reply.warnings {
            eprintln!("jpnotice: {}: {w}", args.path.display());
        }
        reply.text
    } else {
        let decoded = jpnotice::decode::decode(&bytes);
        for w in &decoded.warnings {
            eprintln!("jpnotice: {}: {w}", args.path.display());
        }
        decoded.text
    };
    Ok(text)
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
/// (`.txt`, `.text`, `.md`, `.pdf`, sorted, symlinks followed), `-` for
/// stdin. Paths the walk cannot follow (symlink loops, dangling links)
/// become inputs with a problem, so that they are reported in order.
fn collect_inputs(path: &Path, inputs: &mut Vec<Input>) {
    let input = |path: &Path, problem: Option<String>| Input {
        path: path.to_owned(),
        source: path.display().to_string(),
        problem,
    };
    if path.as_os_str() == "-" {
        inputs.push(Input {
            path: path.to_owned(),
            source: "-".into(),
            problem: None,
        });
        return;
    }
    if !path.is_dir() {
        inputs.push(input(path, None));
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            // FIFOs and devices with a notice's name are kept: reading
            // them fails with a clear message instead of a silent skip.
            Ok(e) if !e.file_type().is_dir() && has_notice_extension(e.path()) => {
                inputs.push(input(e.path(), None));
            }
            Ok(_) => {}
            Err(err) => {
                let at = err.path().unwrap_or(path);
                let problem = match err.io_error() {
                    Some(io) => format!("cannot read: {io}"),
                    None => format!("skipped: {err}"),
                };
                inputs.push(input(at, Some(problem)));
            }
        }
    }
}

/// Reads a file (or stdin for `-`) of at most `max_bytes`, refusing
/// FIFOs, devices and sockets (reading them could block or never end) and
/// files over the limit before reading them.
fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    let too_large = |size: String| {
        format!("{size} bytes is over the limit of {max_bytes} bytes (raise it with --max-bytes)")
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read: {e}"))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
        if !meta.is_file() {
            return Err(format!(
                "not a regular file ({}): skipped",
                file_kind(&meta.file_type())
            ));
        }
        if meta.len() > limit {
            return Err(too_large(meta.len().to_string()));
        }
        buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
        std::fs::File::open(path)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut buf))
            .map_err(|e| format!("cannot read: {e}"))?;
    }
    if buf.len() > max_bytes {
        return Err(too_large(format!("more than {max_bytes}")));
    }
    Ok(buf)
}

/// What a non-regular file is, in words.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

fn has_notice_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "pdf"
        )
    })
}

fn parse_input(
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

fn eval(args: EvalArgs) -> Result<ExitCode, String> {
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
fn resolve_source(root: &Path, source: &str) -> Option<PathBuf> {
    [root.join(source), root.join("archive").join(source)]
        .into_iter()
        .find(|p| p.is_file())
}

// ---- PDFs: each one is extracted in a child process (`pdf-worker`) ----
//
// Panics inside the PDF engines are caught in-process, but a hang, a stack
// overflow or a runaway allocation can only be stopped from outside: the
// worker runs with a time limit (killed after it) and an address-space
// limit (setrlimit RLIMIT_AS). When the worker crashes, the first engine
// of the list is blamed and the PDF is tried again without it.

impl PdfLimits {
    /// The engines named by `--pdf-engines`.
    fn engines(&self) -> Result<Vec<Engine>, String> {
        parse_engines(&self.pdf_engines)
    }
}

fn parse_engines(names: &[String]) -> Result<Vec<Engine>, String> {
    let engines: Vec<Engine> = names
        .iter()
        .map(|n| n.trim().parse::<Engine>())
        .collect::<Result<_, _>>()?;
    if engines.is_empty() {
        return Err("no PDF engine given".into());
    }
    Ok(engines)
}

/// What the worker prints: the extracted text, or an error.
#[derive(serde::Deserialize)]
struct WorkerReply {
    #[serde(default)]
    text: String,
    #[serde(default)]
    engine: String,
    #[serde(default)]
    warnings: Vec<String>,
    error: Option<String>,
}

/// Parses a file's bytes: text directly, a PDF through the worker.
fn parse_file_bytes(
    parser: &Parser,
    bytes: &[u8],
    max_bytes: usize,
    limits: &PdfLimits,
) -> Result<Notice, String> {
    if !jpnotice::pdf::is_pdf(bytes) {
        return parser.parse_bytes(bytes).map_err(|e| e.to_string());
    }
    if bytes.len() > max_bytes {
        let err = jpnotice::Error::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        };
        return Err(err.to_string());
    }
    let pdf = extract_pdf_in_worker(bytes, limits)?;
    let mut notice = parser.parse(&pdf.text);
    let mut warnings = pdf.warnings;
    warnings.append(&mut notice.warnings);
    notice.warnings = warnings;
    notice.encoding = Some(format!("PDF ({})", pdf.engine));
    Ok(notice)
}

/// Runs the worker on the PDF; after a crash, again without the engine
/// that was first in line.
fn extract_pdf_in_worker(bytes: &[u8], limits: &PdfLimits) -> Result<WorkerReply, String> {
    let mut engines = limits.engines()?;
    let mut crashes: Vec<String> = Vec::new();
    while let Some(&first) = engines.first() {
        match run_worker(bytes, &engines, limits)? {
            Ok(mut reply) => {
                if let Some(error) = reply.error {
                    return Err(error);
                }
                crashes.append(&mut reply.warnings);
                reply.warnings = crashes;
                return Ok(reply);
            }
            Err(crash) => {
                crashes.push(format!(
                    "PDF engine {first}: the extraction process died ({crash}); retried without it"
                ));
                engines.remove(0);
            }
        }
    }
    Err(format!("cannot read PDF: {}", crashes.join("; ")))
}

/// One worker run: `Ok(Ok(reply))`, `Ok(Err(crash))` when the worker died,
/// `Err` when it ran past the time limit or could not start.
fn run_worker(
    bytes: &[u8],
    engines: &[Engine],
    limits: &PdfLimits,
) -> Result<Result<WorkerReply, String>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find own program: {e}"))?;
    let names: Vec<&str> = engines.iter().map(|e| e.name()).collect();
    // Half the time for one engine leaves time for a fallback.
    let engine_ms = limits.pdf_timeout.saturating_mul(500).max(1000);
    let mut command = Process::new(exe);
    command
        .arg("pdf-worker")
        .arg("--engines")
        .arg(names.join(","))
        .arg("--engine-timeout-ms")
        .arg(engine_ms.to_string())
        .arg("-");
    limit_memory(&mut command, limits.pdf_memory_mb);
    let timeout = Duration::from_secs(limits.pdf_timeout.max(1));
    let done = jpnotice::pdf::child::run(&mut command, bytes, timeout)
        .map_err(|e| format!("cannot start the PDF worker: {e}"))?;
    let Some(status) = done.status else {
        return Err(format!(
            "cannot read PDF: extraction took longer than {} s and was stopped (raise --pdf-timeout)",
            timeout.as_secs()
        ));
    };
    match serde_json::from_slice::<WorkerReply>(&done.stdout) {
        Ok(reply) if status.success() => Ok(Ok(reply)),
        _ => Ok(Err(describe_crash(status, &done.stderr))),
    }
}

/// Why the worker died: its signal or exit code, and its last stderr line.
fn describe_crash(status: std::process::ExitStatus, stderr: &[u8]) -> String {
    let stderr = String::from_utf8_lossy(stderr);
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
    #[cfg(unix)]
    let how = {
        use std::os::unix::process::ExitStatusExt;
        match status.signal() {
            Some(6) => "aborted: stack overflow or out of memory".to_string(),
            Some(9) => "killed".to_string(),
            Some(11) => "segmentation fault: stack overflow?".to_string(),
            Some(n) => format!("killed by signal {n}"),
            None => status.to_string(),
        }
    };
    #[cfg(not(unix))]
    let how = status.to_string();
    match last {
        Some(line) => format!("{how}; {}", line.trim()),
        None => how,
    }
}

/// Caps the child's address space at `mib` MiB.
#[cfg(unix)]
fn limit_memory(command: &mut Process, mib: u64) {
    use std::os::unix::process::CommandExt;
    let bytes = mib.saturating_mul(1024 * 1024);
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: the hook only calls setrlimit, which is async-signal-safe, and
    // neither allocates nor takes locks between fork and exec.
    unsafe {
        command.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn limit_memory(_command: &mut Process, _mib: u64) {}

/// The worker: extracts one PDF in this process and prints the result as
/// JSON (`{"text","engine","warnings","pages"}` or `{"error"}`).
fn pdf_worker(args: PdfWorkerArgs) -> Result<ExitCode, String> {
    // Engine panics are caught and reported as warnings; keep stderr quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let bytes = read_input(&args.path, jpnotice::DEFAULT_MAX_INPUT_BYTES)
        .map_err(|e| format!("{}: {e}", args.path.display()))?;
    let engines = if args.engines.is_empty() {
        Engine::ALL.to_vec()
    } else {
        parse_engines(&args.engines)?
    };
    let options = jpnotice::pdf::Options {
        engines,
        time_limit: Some(Duration::from_millis(args.engine_timeout_ms.max(1))),
    };
    let value = match jpnotice::pdf::extract_with(&bytes, &options) {
        Ok(text) => json(&text),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{value}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))?;
    // Leave at once: an engine thread past its time limit may still run.
    std::process::exit(0)
}

// ---- Views: `html` (one notice) and `report` (many) ----

/// Writes the page of one notice.
fn html(args: HtmlArgs) -> Result<ExitCode, String> {
    args.pdf.engines()?;
    let (text, warnings, encoding) = notice_text(&args.path, &args.pdf)?;
    let mut parser = Parser::new();
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let mut notice = parser.parse(&text);
    let mut all = warnings;
    all.append(&mut notice.warnings);
    notice.warnings = all;
    notice.encoding = Some(encoding);
    notice.source = Some(args.path.display().to_string());
    let page = jpnotice::view::notice_page(&notice, &text);
    write_page(args.output.as_deref(), &page)?;
    Ok(ExitCode::SUCCESS)
}

/// The text the parser reads from a file, its warnings and its encoding
/// (`PDF (engine)` for a PDF).
fn notice_text(path: &Path, pdf: &PdfLimits) -> Result<(String, Vec<String>, String), String> {
    let bytes = read_input(path, jpnotice::DEFAULT_MAX_INPUT_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if jpnotice::pdf::is_pdf(&bytes) {
        let reply =
            extract_pdf_in_worker(&bytes, pdf).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((
            reply.text,
            reply.warnings,
            format!("PDF ({})", reply.engine),
        ))
    } else {
        let decoded = jpnotice::decode::decode(&bytes);
        Ok((decoded.text, decoded.warnings, decoded.encoding.to_owned()))
    }
}

/// Writes the report of many notices, parsed in parallel as `extract`
/// does, with a progress bar on a terminal.
fn report(args: ReportArgs) -> Result<ExitCode, String> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {jobs} threads: {e}"))?;
    }
    args.pdf.engines()?;
    std::thread::spawn(jpnotice::warm_up);
    let mut parser = Parser::new().max_input_bytes(args.max_bytes);
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let started = std::time::Instant::now();
    let mut inputs = Vec::new();
    for path in &args.paths {
        collect_inputs(path, &mut inputs);
    }
    let progress = progress_bar(inputs.len());
    let results: Vec<Result<Notice, String>> = inputs
        .par_iter()
        .map(|input| {
            let result = parse_input(&parser, input, args.max_bytes, &args.pdf);
            if let Some(p) = &progress {
                p.inc(1);
            }
            result
        })
        .collect();
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let mut notices = Vec::with_capacity(results.len());
    let mut failures = Vec::new();
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(notice) => notices.push(notice),
            Err(error) => {
                eprintln!("jpnotice: {}: {error}", input.source);
                failures.push(jpnotice::view::Failure {
                    source: input.source.clone(),
                    error,
                });
            }
        }
    }
    let page = jpnotice::view::report_page(&notices, &failures);
    write_page(args.output.as_deref(), &page)?;
    eprintln!(
        "jpnotice: report of {} file(s): {} read, {} not read, {:.2} s",
        inputs.len(),
        notices.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a page to a file, or to stdout.
fn write_page(path: Option<&Path>, page: &str) -> Result<(), String> {
    match path {
        Some(path) => {
            std::fs::write(path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut out = io::stdout().lock();
            out.write_all(page.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write output: {e}"))
        }
    }
}
