//! PDFs: each one is extracted in a child process (`jpnotice pdf-worker`).
//!
//! Panics inside the PDF engines are caught in-process, but a hang, a stack
//! overflow or a runaway allocation can only be stopped from outside: the
//! worker runs with a time limit (killed after it) and an address-space
//! limit (setrlimit RLIMIT_AS). When the worker crashes, the first engine
//! of the list is blamed and the PDF is tried again without it.

use std::io::{self, Write};
use std::process::Command as Process;
use std::process::ExitCode;
use std::time::Duration;

use jpnotice::pdf::Engine;
use jpnotice::{Notice, Parser};

use crate::args::{PdfLimits, PdfWorkerArgs};
use crate::inputs::read_input;
use crate::json;

impl PdfLimits {
    /// The engines named by `--pdf-engines`.
    pub(crate) fn engines(&self) -> Result<Vec<Engine>, String> {
        parse_engines(&self.pdf_engines)
    }
}

pub(crate) fn parse_engines(names: &[String]) -> Result<Vec<Engine>, String> {
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
pub(crate) struct WorkerReply {
    #[serde(default)]
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) engine: String,
    #[serde(default)]
    pub(crate) warnings: Vec<String>,
    pub(crate) error: Option<String>,
}

/// Parses a file's bytes: text directly, a PDF through the worker.
pub(crate) fn parse_file_bytes(
    parser: &Parser,
    bytes: &[u8],
    max_bytes: usize,
    limits: &PdfLimits,
) -> Result<Notice, String> {
    if !jpnotice::pdf::is_pdf(bytes) {
        return parser.parse_bytes(bytes).map_err(|e| describe(&e));
    }
    if bytes.len() > max_bytes {
        let err = jpnotice::Error::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        };
        return Err(describe(&err));
    }
    let pdf = extract_pdf_in_worker(bytes, limits)?;
    let encoding = format!("PDF ({})", pdf.engine);
    Ok(parser.parse_read(&pdf.text, pdf.warnings, encoding))
}

/// A library error in the command line's words (which flag to change).
fn describe(err: &jpnotice::Error) -> String {
    match err {
        jpnotice::Error::TooLarge { .. } => format!("{err} (--max-bytes)"),
        _ => err.to_string(),
    }
}

/// The text the parser reads from a file, as `text`, `structure` and
/// `html` show it.
pub(crate) struct ReadText {
    /// Decoded text, or a PDF's extracted and repaired text.
    pub(crate) text: String,
    /// Decoding or PDF warnings.
    pub(crate) warnings: Vec<String>,
    /// `UTF-8`, `Shift_JIS` …, or `PDF (engine)`.
    pub(crate) encoding: String,
}

/// Reads a file's text: decoded, or a PDF's through the worker.
pub(crate) fn read_text(path: &std::path::Path, pdf: &PdfLimits) -> Result<ReadText, String> {
    pdf.engines()?;
    let at = |e: String| format!("{}: {e}", path.display());
    let bytes = read_input(path, jpnotice::DEFAULT_MAX_INPUT_BYTES).map_err(at)?;
    if jpnotice::pdf::is_pdf(&bytes) {
        let reply = extract_pdf_in_worker(&bytes, pdf).map_err(at)?;
        Ok(ReadText {
            text: reply.text,
            warnings: reply.warnings,
            encoding: format!("PDF ({})", reply.engine),
        })
    } else {
        let decoded = jpnotice::decode::decode(&bytes);
        Ok(ReadText {
            text: decoded.text,
            warnings: decoded.warnings,
            encoding: decoded.encoding.to_owned(),
        })
    }
}

/// Runs the worker on the PDF; after a crash, again without the engine
/// that was first in line.
pub(crate) fn extract_pdf_in_worker(
    bytes: &[u8],
    limits: &PdfLimits,
) -> Result<WorkerReply, String> {
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
pub(crate) fn run_worker(
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
pub(crate) fn describe_crash(status: std::process::ExitStatus, stderr: &[u8]) -> String {
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
pub(crate) fn limit_memory(command: &mut Process, mib: u64) {
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
pub(crate) fn limit_memory(_command: &mut Process, _mib: u64) {}

/// The worker: extracts one PDF in this process and prints the result as
/// JSON (`{"text","engine","warnings","pages"}` or `{"error"}`).
pub(crate) fn pdf_worker(args: PdfWorkerArgs) -> Result<ExitCode, String> {
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
