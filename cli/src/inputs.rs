//! The inputs of a batch: paths expanded (directories walked), files read
//! with a size limit, FIFOs and devices refused.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub(crate) struct Input {
    pub(crate) path: PathBuf,
    pub(crate) source: String,
    /// Why the walk could not use this path (a symlink loop, a dangling
    /// link): reported in its place in the output.
    pub(crate) problem: Option<String>,
}

/// become inputs with a problem, so that they are reported in order.
pub(crate) fn collect_inputs(path: &Path, inputs: &mut Vec<Input>) {
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
pub(crate) fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
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
pub(crate) fn file_kind(kind: &std::fs::FileType) -> &'static str {
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

pub(crate) fn has_notice_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "txt" | "text" | "md" | "pdf"
        )
    })
}
