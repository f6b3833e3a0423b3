//! Text from PDF bytes, with more than one engine behind one interface.
//!
//! Engines, in the default order (chosen by measured accuracy on Japanese
//! PDFs, see the README):
//! 1. [`Engine::Native`] (`native`, the project's own, see [`native`]):
//!    ToUnicode maps, every predefined CJK CMap (「H」「EUC-H」
//!    「90ms-RKSJ-V」「UniJIS-UCS2-H」…) through its character collection,
//!    TrueType `cmap` tables, vertical text, crop box; reads all 45 real
//!    PDFs of `../shared/pdf-real` at 95 % or more (README);
//! 2. [`Engine::Oxidize`] (`oxidize-pdf`, with the `pdf-oxidize` feature):
//!    reads UniJIS CMaps, CID fonts without ToUnicode and vertical text;
//! 3. [`Engine::PdfExtract`] (`pdf-extract`): good with ToUnicode maps;
//! 4. [`Engine::Pdftotext`] (poppler's command), only when asked for
//!    ([`Engine::ALL`]) and installed.
//!
//! Each engine's pages are [`repair`]ed (radicals → kanji, vertical lines
//! joined, wrapped lines joined) and the repaired text is checked (vertical
//! text whose columns run together is caught before the repairs): the first engine whose text
//! passes the [`quality`] checks wins. An engine that errors, panics
//! (caught), runs past the time limit or fails a check is passed over, and
//! the reason is written to [`PdfText::warnings`]. When no engine passes,
//! the best failing text is used, with its problems as warnings. Pages are
//! separated by a line holding a form feed.
//!
//! Encrypted PDFs whose user password is empty (「印刷・コピー制限付き」)
//! are read; other encrypted PDFs give [`Error::Pdf`] saying so.
//!
//! Isolation is the caller's choice ([`Options`]). By default each engine
//! runs on the calling thread with its panics caught. With
//! [`Options::time_limit`] each runs on a thread of its own with a large
//! stack and is given up on after the limit (abandoned, not stopped). A
//! stack overflow or a runaway allocation still ends the process either
//! way, so the `jpnotice` command extracts each PDF in a child process
//! with time and memory limits; a program that reads untrusted PDFs
//! should do the same.

pub mod child;
#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
pub mod layout;
#[cfg(feature = "pdf")]
pub mod native;
#[cfg(feature = "pdf-oxidize")]
mod oxidize;
#[cfg(feature = "pdf")]
mod pdfextract;
mod pdftotext;
pub mod quality;
pub mod repair;

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::str::FromStr;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use serde::Serialize;

use crate::Error;
use crate::error::{PdfError, PdfErrorKind};

/// Text extracted from a PDF, with the engine that produced it.
///
/// ```no_run
/// let bytes = std::fs::read("corpus/pdf/usb-memory.cid-h.pdf").unwrap();
/// let pdf = jpnotice::pdf::extract_text(&bytes).unwrap();
/// assert!(pdf.text.contains("保護者の皆様"));
/// assert_eq!(pdf.engine, "native");
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct PdfText {
    /// The extracted and repaired text; pages are separated by
    /// [`repair::PAGE_BREAK`].
    pub text: String,
    /// Which engine produced it (`native`, `oxidize-pdf`, `pdf-extract`, `pdftotext`).
    pub engine: &'static str,
    /// Problems met on the way: engines passed over and why, pages that
    /// could not be read, quality problems of the text used.
    pub warnings: Vec<String>,
    /// Number of pages read.
    pub pages: usize,
}

/// A text extraction engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Engine {
    /// The project's own reader ([`native`]), on `lopdf`: predefined CJK
    /// CMaps, TrueType `cmap` tables, crop box.
    Native,
    /// `oxidize-pdf`, pure Rust.
    Oxidize,
    /// `pdf-extract` (on `lopdf`), pure Rust.
    PdfExtract,
    /// poppler's `pdftotext` command, run as a child process.
    Pdftotext,
}

impl Engine {
    /// The engines that run inside this process, in the default order:
    /// what [`Options::default`] uses.
    pub const IN_PROCESS: [Engine; 3] = [Engine::Native, Engine::Oxidize, Engine::PdfExtract];

    /// Every engine, in the default order: [`Engine::IN_PROCESS`] and then
    /// `pdftotext`, which runs a command from `PATH` (the `jpnotice`
    /// command line's default).
    pub const ALL: [Engine; 4] = [
        Engine::Native,
        Engine::Oxidize,
        Engine::PdfExtract,
        Engine::Pdftotext,
    ];

    /// The engine's name, as reported in [`PdfText::engine`].
    ///
    /// ```
    /// assert_eq!(jpnotice::pdf::Engine::Oxidize.name(), "oxidize-pdf");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Engine::Native => "native",
            Engine::Oxidize => "oxidize-pdf",
            Engine::PdfExtract => "pdf-extract",
            Engine::Pdftotext => "pdftotext",
        }
    }

    /// False for `pdftotext` when the command is not installed.
    pub fn available(self) -> bool {
        match self {
            Engine::Pdftotext => pdftotext::available(),
            Engine::Oxidize => cfg!(feature = "pdf-oxidize"),
            _ => cfg!(feature = "pdf"),
        }
    }

    fn run(self, bytes: &[u8]) -> Result<Pages, Failure> {
        match self {
            #[cfg(feature = "pdf")]
            Engine::Native => native::extract(bytes),
            #[cfg(feature = "pdf-oxidize")]
            Engine::Oxidize => oxidize::extract(bytes),
            #[cfg(feature = "pdf")]
            Engine::PdfExtract => pdfextract::extract(bytes),
            Engine::Pdftotext => pdftotext::extract(bytes),
            #[allow(unreachable_patterns)]
            _ => Err(Failure::Other(format!(
                "this build of jpnotice has no {self} engine (its cargo feature is off)"
            ))),
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Engine {
    type Err = String;

    /// Parses an engine name (`oxidize-pdf` or `oxidize`, `pdf-extract`, `pdftotext`).
    ///
    /// ```
    /// use jpnotice::pdf::Engine;
    /// assert_eq!("pdftotext".parse::<Engine>(), Ok(Engine::Pdftotext));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "native" => Ok(Engine::Native),
            "oxidize-pdf" | "oxidize" => Ok(Engine::Oxidize),
            "pdf-extract" => Ok(Engine::PdfExtract),
            "pdftotext" | "poppler" => Ok(Engine::Pdftotext),
            other => Err(format!(
                "unknown PDF engine {other:?}; known: native, oxidize-pdf, pdf-extract, pdftotext"
            )),
        }
    }
}

/// How [`extract_with`] runs: which engines, in which order, and whether
/// each runs on a thread of its own with a time limit.
///
/// The default does nothing behind the caller's back: the in-process
/// engines ([`Engine::IN_PROCESS`], not `pdftotext`), each on the calling
/// thread (panics are caught), with no time limit. A caller that reads
/// untrusted PDFs opts in to more isolation:
///
/// ```
/// use std::time::Duration;
/// use jpnotice::pdf::{Engine, Options};
///
/// // Every engine including pdftotext; each on its own thread with a large
/// // stack, abandoned after 30 s. (The `jpnotice` command goes further and
/// // runs each PDF in a child process with a memory limit.)
/// let options = Options::default()
///     .engines(Engine::ALL.to_vec())
///     .time_limit(Duration::from_secs(30));
/// assert_eq!(options.engines.len(), 4);
/// ```
#[derive(Debug, Clone)]
pub struct Options {
    /// Engines to try in order (unavailable ones are skipped).
    pub engines: Vec<Engine>,
    /// `None` (the default): each engine runs on the calling thread.
    /// `Some(limit)`: each engine runs on a thread of its own with a 256 MiB
    /// stack; after `limit` it is given up on (the thread is abandoned, not
    /// stopped: only a child process can be stopped).
    pub time_limit: Option<Duration>,
}

impl Default for Options {
    /// The in-process engines in the default order, on the calling thread.
    fn default() -> Self {
        Options {
            engines: Engine::IN_PROCESS.to_vec(),
            time_limit: None,
        }
    }
}

impl Options {
    /// These engines, in this order.
    pub fn engines(mut self, engines: Vec<Engine>) -> Self {
        self.engines = engines;
        self
    }

    /// Each engine on its own thread, given up on after `limit`.
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }
}

/// Page texts from one engine run, before repairs.
#[derive(Debug, Clone, Default)]
pub struct Pages {
    /// Text of each page.
    pub texts: Vec<String>,
    /// Pages that could not be read, and similar problems.
    pub warnings: Vec<String>,
}

/// Why an engine produced no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The PDF is encrypted and the empty user password does not open it.
    Password,
    /// The engine panicked (the panic was caught).
    Panic(String),
    /// The engine ran past the time limit.
    Timeout(Duration),
    /// Any other error.
    Other(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Password => write!(f, "encrypted with a user password"),
            Failure::Panic(msg) => write!(f, "panicked: {msg}"),
            Failure::Timeout(d) => write!(f, "took longer than {} s", d.as_secs_f32()),
            Failure::Other(msg) => write!(f, "{msg}"),
        }
    }
}

/// True when `bytes` start like a PDF file (`%PDF-` within the first 1024 bytes).
///
/// ```
/// assert!(jpnotice::pdf::is_pdf(b"%PDF-1.7\n"));
/// assert!(!jpnotice::pdf::is_pdf("令和６年".as_bytes()));
/// ```
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5
        && bytes[..1024.min(bytes.len())]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

/// Extracts text from PDF bytes with the default [`Options`].
///
/// ```
/// let err = jpnotice::pdf::extract_text(b"%PDF-1.4\n%broken").unwrap_err();
/// assert!(err.to_string().starts_with("cannot read PDF"));
/// ```
pub fn extract_text(bytes: &[u8]) -> Result<PdfText, Error> {
    extract_with(bytes, &Options::default())
}

/// One engine's try: its repaired pages and their problems, or why it failed.
struct Attempt {
    engine: Engine,
    outcome: Result<(Pages, Vec<quality::Problem>), Failure>,
}

/// Extracts text from PDF bytes, trying the engines of `options` in order.
///
/// ```
/// use jpnotice::pdf::{Engine, Options, extract_with};
/// let options = Options { engines: vec![Engine::PdfExtract], ..Options::default() };
/// let err = extract_with(b"not a PDF", &options).unwrap_err();
/// assert!(err.to_string().contains("not a PDF"));
/// ```
pub fn extract_with(bytes: &[u8], options: &Options) -> Result<PdfText, Error> {
    if !is_pdf(bytes) {
        return Err(PdfError::new(PdfErrorKind::NotPdf, "not a PDF file (no %PDF- header)").into());
    }
    let shared: Arc<[u8]> = Arc::from(bytes);
    let mut cjk_fonts: Option<bool> = None;
    let mut attempts: Vec<Attempt> = Vec::new();
    for &engine in &options.engines {
        if !engine.available() || attempts.iter().any(|a| a.engine == engine) {
            continue;
        }
        let outcome = run_isolated(engine, &shared, options.time_limit).map(|mut pages| {
            let mut problems = quality::check_raw(&pages.texts);
            pages.texts = pages.texts.iter().map(|p| repair::repair_page(p)).collect();
            problems.extend(check_quality(&pages.texts, bytes, &mut cjk_fonts));
            (pages, problems)
        });
        let passed = matches!(&outcome, Ok((_, problems)) if problems.is_empty());
        attempts.push(Attempt { engine, outcome });
        if passed {
            break;
        }
    }
    choose(attempts)
}

/// Quality problems; the font scan runs only when the text has little CJK.
fn check_quality(
    pages: &[String],
    bytes: &[u8],
    cjk_fonts: &mut Option<bool>,
) -> Vec<quality::Problem> {
    let counts = quality::count(pages);
    let little_cjk = counts.visible > 0 && counts.cjk.saturating_mul(100) < counts.visible;
    let has_fonts = if little_cjk {
        *cjk_fonts.get_or_insert_with(|| {
            #[cfg(feature = "pdf")]
            let has =
                catch_unwind(AssertUnwindSafe(|| fonts::has_cjk_fonts(bytes))).unwrap_or(false);
            #[cfg(not(feature = "pdf"))]
            let has = {
                let _ = bytes;
                false
            };
            has
        })
    } else {
        false
    };
    quality::check(pages, has_fonts)
}

/// The text of the first passing attempt, else the best failing one, else
/// an error naming every engine's failure.
fn choose(attempts: Vec<Attempt>) -> Result<PdfText, Error> {
    let mut warnings = Vec::new();
    for attempt in &attempts {
        match &attempt.outcome {
            Err(failure) => warnings.push(format!("PDF engine {}: {failure}", attempt.engine)),
            Ok((_, problems)) if !problems.is_empty() => warnings.push(format!(
                "PDF engine {}: text failed the quality check: {}",
                attempt.engine,
                join(problems)
            )),
            Ok(_) => {}
        }
    }
    let best = attempts
        .iter()
        .filter_map(|a| match &a.outcome {
            Ok((pages, problems)) if !problems.contains(&quality::Problem::NoText) => {
                Some((a.engine, pages, problems))
            }
            _ => None,
        })
        .min_by_key(|(_, pages, problems)| {
            (
                problems.len(),
                usize::MAX - quality::count(&pages.texts).cjk,
            )
        });
    let Some((engine, pages, problems)) = best else {
        return Err(no_text_error(&attempts));
    };
    if !warnings.is_empty() {
        let why = if problems.is_empty() {
            "it passed the quality check".to_string()
        } else {
            "no engine passed the quality check; this text scored best".to_string()
        };
        warnings.push(format!("PDF text from {engine}: {why}"));
    }
    warnings.extend(
        pages
            .warnings
            .iter()
            .map(|w| format!("PDF ({engine}): {w}")),
    );
    Ok(PdfText {
        text: pages.texts.join(repair::PAGE_BREAK),
        engine: engine.name(),
        warnings,
        pages: pages.texts.len(),
    })
}

/// The error when no engine produced text.
fn no_text_error(attempts: &[Attempt]) -> Error {
    let error = |kind, detail: &str| Error::Pdf(PdfError::new(kind, detail));
    if attempts.is_empty() {
        return error(
            PdfErrorKind::NoEngine,
            "no PDF engine is available: those asked for are not installed (pdftotext) or not built in (cargo features pdf, pdf-oxidize)",
        );
    }
    if attempts
        .iter()
        .any(|a| matches!(a.outcome, Err(Failure::Password)))
    {
        return error(
            PdfErrorKind::Encrypted,
            "the PDF is encrypted with a password (only PDFs with an empty user password \
             can be read); decrypt it first, e.g. `qpdf --decrypt --password=PASSWORD in.pdf out.pdf`",
        );
    }
    if attempts.iter().all(|a| a.outcome.is_ok()) {
        return error(
            PdfErrorKind::NoTextLayer,
            "the PDF has no text layer (a scanned image?); OCR is not supported",
        );
    }
    let kind = if attempts
        .iter()
        .all(|a| matches!(a.outcome, Err(Failure::Timeout(_))))
    {
        PdfErrorKind::Timeout
    } else {
        PdfErrorKind::EngineFailure
    };
    let reasons: Vec<String> = attempts
        .iter()
        .map(|a| match &a.outcome {
            Err(failure) => format!("{}: {failure}", a.engine),
            Ok(_) => format!("{}: no text", a.engine),
        })
        .collect();
    error(kind, &reasons.join("; "))
}

fn join(problems: &[quality::Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Stack size of an engine thread: deeply nested PDF objects recurse deeply.
const ENGINE_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Runs one engine, catching panics: with a time limit on its own thread,
/// given up on after the limit (the thread is then abandoned); without one
/// on the calling thread.
pub fn run_isolated(
    engine: Engine,
    bytes: &Arc<[u8]>,
    time_limit: Option<Duration>,
) -> Result<Pages, Failure> {
    let Some(limit) = time_limit else {
        return run_catching(engine, bytes);
    };
    let (sender, receiver) = mpsc::channel();
    let input = Arc::clone(bytes);
    let spawned = std::thread::Builder::new()
        .name(format!("pdf-{}", engine.name()))
        .stack_size(ENGINE_STACK_BYTES)
        .spawn(move || {
            let _ = sender.send(run_catching(engine, &input));
        });
    if spawned.is_err() {
        // No thread to be had (memory limit): run here.
        return run_catching(engine, bytes);
    }
    receiver
        .recv_timeout(limit)
        .unwrap_or(Err(Failure::Timeout(limit)))
}

/// Runs one engine on this thread, turning a panic into [`Failure::Panic`].
fn run_catching(engine: Engine, bytes: &[u8]) -> Result<Pages, Failure> {
    catch_unwind(AssertUnwindSafe(|| engine.run(bytes)))
        .unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}
