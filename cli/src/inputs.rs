//! The inputs of a batch, read by the library's [`jpnotice::files`], with
//! errors in the command line's words.

use std::path::Path;

pub(crate) use jpnotice::files::Input;
use jpnotice::files::ReadError;

/// Reads a file (or stdin for `-`) of at most `max_bytes`.
pub(crate) fn read_input(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    jpnotice::files::read(path, max_bytes).map_err(|e| match e {
        ReadError::TooLarge { .. } => format!("{e} (raise it with --max-bytes)"),
        _ => e.to_string(),
    })
}
