//! The native module `jpnotice._jpnotice`: Python bindings of the
//! `jpnotice` library, re-exported by the pure-Python package `jpnotice`.
//!
//! Every parse runs with the GIL released. A notice is handed to Python as
//! the same JSON value the command line prints: it is serialized with
//! `serde_json` and read with the standard `json` module (see
//! `python/README.md` for why this rather than a direct serde → Python
//! conversion). No panic crosses into Python: each parse runs under
//! `catch_unwind`, and a panic becomes a `jpnotice.Error`.

use std::collections::BTreeMap;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use jpnotice::extract::dates::YearPolicy;
use jpnotice::files::{Input, ReadError};
use jpnotice::{Date, Notice, Parser};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};

pyo3::create_exception!(
    jpnotice,
    Error,
    PyValueError,
    "A notice could not be read: a PDF no engine can read (broken, encrypted \
     with a password, scanned without a text layer), an input over the size \
     limit, a path that is not a regular file, or an internal error. The \
     message says which. A subclass of ValueError."
);

/// Why one input gave no notice.
enum Failure {
    /// The file could not be opened or read.
    Io(io::Error),
    /// Anything else, in the command line's words.
    Other(String),
}

impl Failure {
    /// The message, worded as the command line words it.
    fn message(&self) -> String {
        match self {
            Failure::Io(e) => format!("cannot read: {e}"),
            Failure::Other(msg) => msg.clone(),
        }
    }

    /// The Python exception: `OSError` (its errno subclass, with the file
    /// name) for I/O errors, `jpnotice.Error` for the rest.
    fn into_pyerr(self, path: Option<&Path>) -> PyErr {
        match (self, path) {
            (Failure::Io(e), Some(path)) => {
                let errno = e.raw_os_error().unwrap_or(0);
                let text = e.to_string();
                let strerror = text.split(" (os error").next().unwrap_or(&text).to_owned();
                // OSError(errno, strerror, filename) picks the subclass
                // (FileNotFoundError, PermissionError, …) from the errno.
                PyOSError::new_err((errno, strerror, path.display().to_string()))
            }
            (Failure::Io(e), None) => PyOSError::new_err(e.to_string()),
            (Failure::Other(msg), Some(path)) => {
                Error::new_err(format!("{}: {msg}", path.display()))
            }
            (Failure::Other(msg), None) => Error::new_err(msg),
        }
    }
}

/// The options every entry point shares.
#[derive(Clone)]
struct Options {
    parser: Parser,
    max_bytes: usize,
}

impl Options {
    /// Reads the keyword arguments `reference_date`, `year_policy` and
    /// `max_bytes`.
    fn new(
        reference_date: Option<&Bound<'_, PyAny>>,
        year_policy: &str,
        max_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let policy: YearPolicy = year_policy.parse().map_err(PyValueError::new_err)?;
        let max_bytes = max_bytes.unwrap_or(jpnotice::DEFAULT_MAX_INPUT_BYTES);
        // PDFs: each engine on a thread of its own with a large stack and a
        // time limit, as a Python caller would expect of a batch tool.
        let pdf = jpnotice::pdf::Options::default().time_limit(Duration::from_secs(60));
        let mut parser = Parser::new()
            .year_policy(policy)
            .max_input_bytes(max_bytes)
            .pdf_options(pdf);
        if let Some(date) = reference_date.map(to_date).transpose()? {
            parser = parser.reference_date(date);
        }
        Ok(Options { parser, max_bytes })
    }

    /// Parses a file's bytes (any supported encoding, or a PDF).
    fn parse_bytes(&self, bytes: &[u8]) -> Result<Notice, Failure> {
        if bytes.len() > self.max_bytes {
            return Err(Failure::Other(too_large(
                &bytes.len().to_string(),
                self.max_bytes,
            )));
        }
        guarded(|| {
            self.parser
                .parse_bytes(bytes)
                .map_err(|e| Failure::Other(e.to_string()))
        })
    }

    /// Reads and parses one file; `source` is the path as given.
    fn parse_file(&self, path: &Path) -> Result<Notice, Failure> {
        let bytes = read_input(path, self.max_bytes)?;
        let mut notice = self.parse_bytes(&bytes)?;
        notice.source = Some(path.display().to_string());
        Ok(notice)
    }
}

/// A reference date from a `str` (`"2024-05-31"`) or from anything with
/// `year`, `month` and `day` (`datetime.date`, `datetime.datetime`).
fn to_date(value: &Bound<'_, PyAny>) -> PyResult<Date> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return text.parse::<Date>().map_err(|e| {
            PyValueError::new_err(format!(
                "reference_date: expected a date like 2024-05-31, got {text:?}: {e}"
            ))
        });
    }
    let part = |name: &str| -> PyResult<i64> { value.getattr(name)?.extract() };
    match (part("year"), part("month"), part("day")) {
        (Ok(y), Ok(m), Ok(d)) => {
            let (y, m, d) = (
                i16::try_from(y).unwrap_or(i16::MAX),
                i8::try_from(m).unwrap_or(i8::MAX),
                i8::try_from(d).unwrap_or(i8::MAX),
            );
            Date::new(y, m, d).map_err(|e| PyValueError::new_err(format!("reference_date: {e}")))
        }
        _ => Err(PyTypeError::new_err(
            "reference_date: expected a str like '2024-05-31' or a datetime.date",
        )),
    }
}

/// Runs `f`, turning a panic into a [`Failure`] so that none reaches Python.
fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(Failure::Other(format!(
            "internal error (please report it): {what}"
        )))
    })
}

fn too_large(size: &str, limit: usize) -> String {
    format!("{size} bytes is over the limit of {limit} bytes (raise it with max_bytes=)")
}

/// Reads a file of at most `max_bytes` as the command line does
/// ([`jpnotice::files::read`]).
fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    jpnotice::files::read(path, max_bytes).map_err(|e| match e {
        ReadError::Io(io) => Failure::Io(io),
        ReadError::TooLarge { .. } => Failure::Other(format!("{e} (raise it with max_bytes=)")),
        other => Failure::Other(other.to_string()),
    })
}

/// The notice as a Python `dict`: its JSON read by `json.loads`.
fn to_python<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((json,))
}

/// Serializes a notice; called without the GIL.
fn to_json(notice: &Notice) -> Result<String, Failure> {
    serde_json::to_string(notice).map_err(|e| Failure::Other(format!("cannot serialize: {e}")))
}

/// Parses decoded text and returns the notice as a `dict`: the same JSON
/// object as `jpnotice extract` prints.
///
/// The GIL is released while parsing, so threads parse in parallel.
///
/// Example:
///
/// >>> import jpnotice
/// >>> n = jpnotice.parse("令和6年5月31日\n株式会社見本\n不正アクセスによる個人情報漏えいのおそれに関するお知らせ\n"
/// ...                    "お客様の氏名、住所など約1,200件が流出したおそれがあります。")
/// >>> n["published"]["value"], n["incident_types"], n["leak_status"]
/// ('2024-05-31', ['unauthorized_access'], 'possible')
/// >>> [(c["value"], c["unit"]) for c in n["record_counts"]]
/// [(1200, '件')]
///
/// Keyword arguments: ``reference_date`` (``"2024-05-31"`` or a
/// ``datetime.date``) gives the year to dates written without one
/// (「2月9日」) when the notice has no date of its own; ``year_policy``
/// (``"preceding"``, ``"nearest"``, ``"forward"``) says which year;
/// ``source`` is copied into the result's ``"source"``.
#[pyfunction]
#[pyo3(signature = (text, *, reference_date = None, year_policy = "preceding", source = None))]
fn parse<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    reference_date: Option<&Bound<'py, PyAny>>,
    year_policy: &str,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options::new(reference_date, year_policy, None)?;
    let json = py
        .detach(|| {
            guarded(|| {
                let mut notice = options.parser.parse(&text);
                notice.source = source;
                to_json(&notice)
            })
        })
        .map_err(|f| f.into_pyerr(None))?;
    to_python(py, &json)
}

/// Parses the bytes of a notice file, text in any supported encoding
/// (UTF-8 with or without BOM, Shift_JIS/CP932, EUC-JP, ISO-2022-JP,
/// UTF-16 with a BOM) or a PDF, and returns the notice as a `dict`.
///
/// The encoding found is in ``"encoding"``. Raises ``jpnotice.Error`` for
/// a PDF that cannot be read or an input over ``max_bytes`` (default
/// 50 MB). The GIL is released while parsing.
///
/// Example:
///
/// >>> n = jpnotice.parse_bytes("個人情報漏えいに関するお詫び".encode("cp932"))
/// >>> n["encoding"]
/// 'Shift_JIS'
#[pyfunction]
#[pyo3(signature = (data, *, reference_date = None, year_policy = "preceding", max_bytes = None, source = None))]
fn parse_bytes<'py>(
    py: Python<'py>,
    data: PyBackedBytes,
    reference_date: Option<&Bound<'py, PyAny>>,
    year_policy: &str,
    max_bytes: Option<usize>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options::new(reference_date, year_policy, max_bytes)?;
    let json = py
        .detach(|| {
            let mut notice = options.parse_bytes(&data)?;
            notice.source = source;
            to_json(&notice)
        })
        .map_err(|f| f.into_pyerr(None))?;
    to_python(py, &json)
}

/// Reads and parses one notice file (text in any supported encoding, or a
/// PDF) and returns the notice as a `dict`, with ``"source"`` set to the
/// path as given.
///
/// Raises ``OSError`` (``FileNotFoundError``, ``PermissionError``, …) when
/// the file cannot be read, and ``jpnotice.Error`` for a PDF that cannot
/// be read, a file over ``max_bytes`` (default 50 MB), or a path that is
/// not a regular file. The GIL is released while reading and parsing.
///
/// Example:
///
/// >>> n = jpnotice.parse_file("corpus/notices/school-lost-usb-memory.txt")
/// >>> n["incident_types"]
/// ['lost_or_stolen']
#[pyfunction]
#[pyo3(signature = (path, *, reference_date = None, year_policy = "preceding", max_bytes = None))]
fn parse_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    reference_date: Option<&Bound<'py, PyAny>>,
    year_policy: &str,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options::new(reference_date, year_policy, max_bytes)?;
    let json = py
        .detach(|| options.parse_file(&path).and_then(|n| to_json(&n)))
        .map_err(|f| f.into_pyerr(Some(&path)))?;
    to_python(py, &json)
}

/// What a worker sends for input `i`: the notice's JSON, or the error.
type Outcome = Result<String, String>;

/// State the consumer and the workers share.
struct Shared {
    /// How many results the consumer has taken; a worker does not start
    /// input `i` before `i < taken + window`, so that a slow consumer does
    /// not make the finished results pile up.
    taken: Mutex<usize>,
    turn: Condvar,
    /// Set when the iterator is dropped: the workers stop.
    stop: AtomicBool,
    /// The next input a worker takes.
    next_input: AtomicUsize,
}

/// The iterator returned by `extract`: one `dict` per input, in input
/// order. ``len()`` is the number of inputs after directories were
/// expanded.
#[pyclass(module = "jpnotice", name = "Extraction")]
struct Extraction {
    sources: Vec<String>,
    receiver: Mutex<mpsc::Receiver<(usize, Outcome)>>,
    waiting: BTreeMap<usize, Outcome>,
    next: usize,
    raise_errors: bool,
    shared: Arc<Shared>,
}

#[pymethods]
impl Extraction {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __len__(&self) -> usize {
        self.sources.len()
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let this = &mut *slf;
        if this.next >= this.sources.len() {
            return Ok(None);
        }
        let outcome = loop {
            if let Some(outcome) = this.waiting.remove(&this.next) {
                break outcome;
            }
            // Wait without the GIL, a tenth of a second at a time, so
            // that Ctrl-C (KeyboardInterrupt) is not held up by a slow file.
            let receiver = &this.receiver;
            let received = py.detach(|| match receiver.lock() {
                Ok(r) => r.recv_timeout(Duration::from_millis(100)),
                Err(_) => Err(mpsc::RecvTimeoutError::Disconnected),
            });
            match received {
                Ok((i, outcome)) => {
                    this.waiting.insert(i, outcome);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Error::new_err("the extraction workers stopped"));
                }
            }
        };
        let source = &this.sources[this.next];
        this.next += 1;
        if let Ok(mut taken) = this.shared.taken.lock() {
            *taken = this.next;
        }
        this.shared.turn.notify_all();
        match outcome {
            Ok(json) => to_python(py, &json).map(Some),
            Err(msg) if this.raise_errors => Err(Error::new_err(format!("{source}: {msg}"))),
            Err(msg) => {
                let dict = PyDict::new(py);
                dict.set_item("source", source)?;
                dict.set_item("error", msg)?;
                Ok(Some(dict.into_any()))
            }
        }
    }

    /// Stops the workers; results not yet taken are dropped. Called when
    /// the iterator is garbage-collected, too.
    fn close(&self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders this after any worker's test of `stop`
        // under it, so that no worker misses the wake-up.
        let _taken = self.shared.taken.lock();
        self.shared.turn.notify_all();
    }
}

impl Drop for Extraction {
    fn drop(&mut self) {
        self.close();
    }
}

/// Parses many files in parallel and yields one `dict` per file, in input
/// order, as soon as each one's turn comes.
///
/// ``paths`` is a path or an iterable of paths (``str`` or
/// ``os.PathLike``); a directory is expanded as the command line does
/// (recursively, ``.txt`` ``.text`` ``.md`` ``.pdf``, sorted by name).
/// ``jobs`` is the number of worker threads (default: one per core); they
/// run without the GIL.
///
/// A file that cannot be read does not stop the batch. With
/// ``errors="yield"`` (the default) it gives, in its place, the same
/// object as the command line's error line, ``{"source": path, "error":
/// reason}`` (test with ``"error" in result``); with ``errors="raise"``
/// ``next()`` raises ``jpnotice.Error`` for it, and the iterator can be
/// resumed past it.
///
/// Example:
///
/// >>> from collections import Counter
/// >>> kinds = Counter()
/// >>> for n in jpnotice.extract(["corpus/notices"], jobs=2):
/// ...     kinds.update(n.get("incident_types", []))
/// >>> kinds["misdelivery"]  # 誤送信・誤送付
/// 4
#[pyfunction]
#[pyo3(signature = (paths, jobs = None, *, errors = "yield", reference_date = None, year_policy = "preceding", max_bytes = None))]
fn extract<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    errors: &str,
    reference_date: Option<&Bound<'py, PyAny>>,
    year_policy: &str,
    max_bytes: Option<usize>,
) -> PyResult<Extraction> {
    let raise_errors = match errors {
        "yield" => false,
        "raise" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors: expected 'yield' or 'raise', got {other:?}"
            )));
        }
    };
    let options = Options::new(reference_date, year_policy, max_bytes)?;
    // A single path (a str is iterable, but means one path here).
    let given: Vec<PathBuf> =
        if paths.is_instance_of::<PyString>() || paths.hasattr("__fspath__")? {
            vec![paths.extract()?]
        } else {
            paths
                .try_iter()?
                .map(|p| p.and_then(|p| p.extract::<PathBuf>()))
                .collect::<PyResult<_>>()?
        };
    let inputs = py.detach(|| {
        let mut inputs = Vec::new();
        for path in &given {
            inputs.extend(jpnotice::files::collect(path));
        }
        inputs
    });
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
        .min(inputs.len().max(1));
    let window = (jobs * 16).max(64);
    let shared = Arc::new(Shared {
        taken: Mutex::new(0),
        turn: Condvar::new(),
        stop: AtomicBool::new(false),
        next_input: AtomicUsize::new(0),
    });
    let sources = inputs.iter().map(|i| i.source.clone()).collect();
    let inputs = Arc::new(inputs);
    let (sender, receiver) = mpsc::channel();
    for n in 0..jobs {
        let (inputs, shared, sender, options) = (
            Arc::clone(&inputs),
            Arc::clone(&shared),
            sender.clone(),
            options.clone(),
        );
        std::thread::Builder::new()
            .name(format!("jpnotice-extract-{n}"))
            .spawn(move || work(&inputs, &shared, &sender, &options, window))
            .map_err(|e| Error::new_err(format!("cannot start {jobs} threads: {e}")))?;
    }
    Ok(Extraction {
        sources,
        receiver: Mutex::new(receiver),
        waiting: BTreeMap::new(),
        next: 0,
        raise_errors,
        shared,
    })
}

/// One worker of `extract`: takes the inputs in order, parses each and
/// sends its JSON (or error) back.
fn work(
    inputs: &[Input],
    shared: &Shared,
    sender: &mpsc::Sender<(usize, Outcome)>,
    options: &Options,
    window: usize,
) {
    loop {
        let i = shared.next_input.fetch_add(1, Ordering::Relaxed);
        if i >= inputs.len() || shared.stop.load(Ordering::Relaxed) {
            return;
        }
        // Wait for the consumer to come within `window` of this input.
        {
            let Ok(mut taken) = shared.taken.lock() else {
                return;
            };
            while i >= *taken + window && !shared.stop.load(Ordering::Relaxed) {
                taken = match shared.turn.wait(taken) {
                    Ok(t) => t,
                    Err(_) => return,
                };
            }
        }
        if shared.stop.load(Ordering::Relaxed) {
            return;
        }
        let input = &inputs[i];
        let outcome = match &input.problem {
            Some(problem) => Err(problem.clone()),
            None => guarded(|| {
                let mut notice = options.parse_file(&input.path)?;
                notice.source = Some(input.source.clone());
                to_json(&notice)
            })
            .map_err(|f| f.message()),
        };
        if sender.send((i, outcome)).is_err() {
            return;
        }
    }
}

/// The panic hook: the PDF engines' panics are caught and reported as
/// warnings, so their messages are kept off stderr; any other panic is
/// printed as usual (and still caught before it reaches Python).
fn quiet_pdf_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_pdf_engine = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("pdf-"));
        if !in_pdf_engine {
            previous(info);
        }
    }));
}

/// Reads Japanese incident and data-breach notices into structured data
/// (native part of the `jpnotice` package).
#[pymodule]
fn _jpnotice(m: &Bound<'_, PyModule>) -> PyResult<()> {
    quiet_pdf_panics();
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_class::<Extraction>()?;
    Ok(())
}
