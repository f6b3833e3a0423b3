//! The command line's arguments (clap derive): one struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser as ClapParser, Subcommand};
use jpnotice::Date;
use jpnotice::extract::dates::YearPolicy;

#[derive(ClapParser)]
#[command(
    name = "jpnotice",
    version,
    about = "Turns Japanese incident and data-breach notices into structured JSON"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
pub(crate) struct PdfLimits {
    /// Seconds one PDF may take before its extraction is stopped.
    #[arg(long, default_value_t = 60)]
    pub(crate) pdf_timeout: u64,
    /// Memory (address space) limit of a PDF extraction, in MiB.
    #[arg(long, default_value_t = 4096)]
    pub(crate) pdf_memory_mb: u64,
    /// PDF engines to try, in order (native, oxidize-pdf, pdf-extract, pdftotext).
    #[arg(long, value_delimiter = ',', default_values_t = jpnotice::pdf::Engine::ALL.map(|e| e.name().to_string()))]
    pub(crate) pdf_engines: Vec<String>,
}

#[derive(Args)]
pub(crate) struct TextFileArgs {
    /// The file, or `-` for stdin.
    pub(crate) path: PathBuf,
    #[command(flatten)]
    pub(crate) pdf: PdfLimits,
}

#[derive(Args)]
pub(crate) struct PdfWorkerArgs {
    /// The PDF, or `-` for stdin.
    pub(crate) path: PathBuf,
    /// Engines to try, in order.
    #[arg(long, value_delimiter = ',')]
    pub(crate) engines: Vec<String>,
    /// Time limit of one engine, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    pub(crate) engine_timeout_ms: u64,
}

#[derive(Args)]
pub(crate) struct ExtractArgs {
    /// Files, directories, or `-` for stdin.
    #[arg(required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Pretty-print each object (no longer one per line).
    #[arg(long)]
    pub(crate) pretty: bool,
    /// Date (YYYY-MM-DD) used to resolve years when a document has no date of its own.
    #[arg(long, value_parser = parse_date)]
    pub(crate) reference_date: Option<Date>,
    /// Which year a month-day takes from the reference date: preceding,
    /// nearest or forward.
    #[arg(long, default_value = "preceding")]
    pub(crate) year_policy: YearPolicy,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = jpnotice::DEFAULT_MAX_INPUT_BYTES)]
    pub(crate) max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub(crate) jobs: Option<usize>,
    /// Write one `.json` file per input into this directory (mirroring the
    /// input paths) instead of JSON Lines on stdout.
    #[arg(long, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// With `--output`: skip inputs whose output is newer than the input.
    #[arg(long, requires = "output")]
    pub(crate) resume: bool,
    /// Data-item vocabulary TSV to use instead of the embedded one.
    #[arg(long = "data-items", value_name = "PATH")]
    pub(crate) data_items: Option<PathBuf>,
    /// Output format: jsonl (one JSON object per line) or csv (a header,
    /// then one row per notice; lists joined with `;`).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub(crate) format: Format,
    /// With `--format csv`: start with a UTF-8 byte order mark (for Excel).
    #[arg(long)]
    pub(crate) bom: bool,
    #[command(flatten)]
    pub(crate) pdf: PdfLimits,
}

#[derive(Args)]
pub(crate) struct TextArgs {
    /// Texts to read; stdin when none is given.
    pub(crate) texts: Vec<String>,
    /// Treat each stdin line as its own text (a literal `\n` stands for a newline);
    /// print one result per line.
    #[arg(long)]
    pub(crate) lines: bool,
}

#[derive(Args)]
pub(crate) struct DatesArgs {
    #[command(flatten)]
    pub(crate) text: TextArgs,
    /// Date (YYYY-MM-DD) used to resolve years when the text has no date of its own.
    #[arg(long, value_parser = parse_date)]
    pub(crate) reference_date: Option<Date>,
    /// Which year a month-day takes from the reference date: preceding (the
    /// last one on or before it, as notices report the past), nearest, or forward.
    #[arg(long, default_value = "preceding")]
    pub(crate) year_policy: YearPolicy,
}

#[derive(Args)]
pub(crate) struct EvalArgs {
    /// Gold annotations (JSON Lines, format in SCHEMA.md).
    #[arg(long)]
    pub(crate) gold: PathBuf,
    /// Directory the gold `source` paths are relative to.
    #[arg(long, default_value = ".")]
    pub(crate) root: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub(crate) json: bool,
    /// Also list each document's extra and missed values.
    #[arg(long)]
    pub(crate) errors: bool,
    /// Comma-separated fields to score (default: all).
    #[arg(long, value_delimiter = ',')]
    pub(crate) fields: Vec<String>,
    /// Data-item vocabulary TSV to use instead of the embedded one.
    #[arg(long = "data-items", value_name = "PATH")]
    pub(crate) data_items: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) pdf: PdfLimits,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date like 2024-05-31: {e}"))
}

/// The output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One CSV row per notice, with a header row.
    Csv,
}

#[derive(Args)]
pub(crate) struct HtmlArgs {
    /// The notice: a text file, a PDF, or `-` for stdin.
    pub(crate) path: PathBuf,
    /// Write the page here instead of to stdout.
    #[arg(long, short = 'o', value_name = "OUT.html")]
    pub(crate) output: Option<PathBuf>,
    /// Date (YYYY-MM-DD) used to resolve years when the notice has no date of its own.
    #[arg(long, value_parser = parse_date)]
    pub(crate) reference_date: Option<Date>,
    #[command(flatten)]
    pub(crate) pdf: PdfLimits,
}

#[derive(Args)]
pub(crate) struct ReportArgs {
    /// Files or directories (recursive: .txt .md .pdf).
    #[arg(required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Write the report here instead of to stdout.
    #[arg(long, short = 'o', value_name = "report.html")]
    pub(crate) output: Option<PathBuf>,
    /// Date (YYYY-MM-DD) used to resolve years when a document has no date of its own.
    #[arg(long, value_parser = parse_date)]
    pub(crate) reference_date: Option<Date>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = jpnotice::DEFAULT_MAX_INPUT_BYTES)]
    pub(crate) max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub(crate) jobs: Option<usize>,
    #[command(flatten)]
    pub(crate) pdf: PdfLimits,
}
