//! Files and folders of notices, as a batch reads them (feature `files`):
//! paths expanded (a folder walked recursively), each file read with a size
//! limit. The `jpnotice` command and the Python package both read their
//! inputs here, so a folder gives the same inputs in the same order to both.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("jpnotice-files-doc-{}", std::process::id()));
//! std::fs::create_dir_all(dir.join("2024")).unwrap();
//! std::fs::write(dir.join("2024/お知らせ.txt"), "不正アクセスに関するお知らせ").unwrap();
//! std::fs::write(dir.join("2024/logo.png"), b"\x89PNG").unwrap();
//!
//! let inputs = jpnotice::files::collect(&dir);
//! assert_eq!(inputs.len(), 1); // the image is not a notice
//! let bytes = jpnotice::files::read(&inputs[0].path, 1_000).unwrap();
//! assert_eq!(jpnotice::parse_bytes(&bytes).unwrap().incident_types.len(), 1);
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input of a batch: where to read and the `source` to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file to read (`-` for standard input).
    pub path: PathBuf,
    /// The path as reported in the output's `source`.
    pub source: String,
    /// Why the walk could not use this path (a symlink loop, a dangling
    /// link, an unreadable folder): reported in its place, in order.
    pub problem: Option<String>,
}

impl Input {
    fn new(path: &Path, problem: Option<String>) -> Self {
        Input {
            path: path.to_owned(),
            source: path.display().to_string(),
            problem,
        }
    }
}

/// Expands one path argument: a file as is (whatever its extension), `-`
/// for standard input, a folder recursively: its notices (`.txt`, `.text`,
/// `.md`, `.pdf`, any case), sorted by name, symbolic links followed.
///
/// Paths the walk cannot follow become inputs with a
/// [`problem`](Input::problem), so that a batch reports them in order
/// instead of skipping them silently.
pub fn collect(path: &Path) -> Vec<Input> {
    let mut inputs = Vec::new();
    if path.as_os_str() == "-" || !path.is_dir() {
        inputs.push(Input::new(path, None));
        return inputs;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            // FIFOs and devices with a notice's name are kept: reading
            // them fails with a clear message instead of a silent skip.
            Ok(e) if !e.file_type().is_dir() && is_notice_file(e.path()) => {
                inputs.push(Input::new(e.path(), None));
            }
            Ok(_) => {}
            Err(err) => {
                let at = err.path().unwrap_or(path);
                let problem = match err.io_error() {
                    Some(io) => format!("cannot read: {io}"),
                    None => format!("skipped: {err}"),
                };
                inputs.push(Input::new(at, Some(problem)));
            }
        }
    }
    inputs
}

/// True for the extensions a folder walk takes as notices.
///
/// ```
/// use std::path::Path;
/// assert!(jpnotice::files::is_notice_file(Path::new("お知らせ.PDF")));
/// assert!(!jpnotice::files::is_notice_file(Path::new("写真.jpg")));
/// ```
pub fn is_notice_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "pdf"
        )
    })
}

/// Why a file could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// The operating system's error (not found, permission denied …).
    Io(io::Error),
    /// A folder, FIFO, device or socket: reading it could block or never
    /// end, so it is refused. The words say which.
    NotRegular(&'static str),
    /// Larger than the limit; the size when it was known before reading.
    TooLarge {
        /// The file's size, if known.
        size: Option<u64>,
        /// The limit in bytes.
        limit: usize,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind}): skipped"),
            ReadError::TooLarge {
                size: Some(size),
                limit,
            } => write!(f, "{size} bytes is over the limit of {limit} bytes"),
            ReadError::TooLarge { size: None, limit } => {
                write!(
                    f,
                    "more than {limit} bytes is over the limit of {limit} bytes"
                )
            }
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads a file (standard input for `-`) of at most `max_bytes`: a file
/// over the limit is refused before it is read, and FIFOs, devices and
/// sockets are refused without being opened.
///
/// ```
/// use jpnotice::files::{read, ReadError};
/// let err = read(std::path::Path::new("/nonexistent/お知らせ.txt"), 1_000).unwrap_err();
/// assert!(matches!(err, ReadError::Io(_)));
/// ```
pub fn read(path: &Path, max_bytes: usize) -> Result<Vec<u8>, ReadError> {
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(ReadError::Io)?;
    } else {
        let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
        if !meta.is_file() {
            return Err(ReadError::NotRegular(file_kind(&meta.file_type())));
        }
        if meta.len() > limit {
            return Err(ReadError::TooLarge {
                size: Some(meta.len()),
                limit: max_bytes,
            });
        }
        buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
        std::fs::File::open(path)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut buf))
            .map_err(ReadError::Io)?;
    }
    if buf.len() > max_bytes {
        return Err(ReadError::TooLarge {
            size: None,
            limit: max_bytes,
        });
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
