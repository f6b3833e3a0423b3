//! The `pdftotext` engine: poppler's command (Debian `poppler-utils`, with
//! `poppler-data` for the predefined Japanese CMaps), used only when it is
//! installed. It runs as a child process with a time limit, so a hang in
//! poppler cannot hang us.

use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use super::{Failure, Pages, child};

/// How long one `pdftotext` run may take before it is killed.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// True when a `pdftotext` command can be run.
pub(super) fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        Command::new("pdftotext")
            .arg("-v")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    })
}

/// Text of each page (pdftotext ends each page with a form feed).
pub(super) fn extract(bytes: &[u8]) -> Result<Pages, Failure> {
    if !available() {
        return Err(Failure::Other("pdftotext is not installed".into()));
    }
    let mut command = Command::new("pdftotext");
    command.args(["-enc", "UTF-8", "-", "-"]);
    let done = child::run(&mut command, bytes, TIME_LIMIT)
        .map_err(|e| Failure::Other(format!("cannot run pdftotext: {e}")))?;
    let stderr = String::from_utf8_lossy(&done.stderr);
    let Some(status) = done.status else {
        return Err(Failure::Timeout(TIME_LIMIT));
    };
    if !status.success() && done.stdout.is_empty() {
        if stderr.contains("Incorrect password") {
            return Err(Failure::Password);
        }
        let last = stderr.lines().last().unwrap_or("").trim();
        return Err(Failure::Other(format!(
            "pdftotext failed ({status}): {last}"
        )));
    }
    let text = String::from_utf8_lossy(&done.stdout);
    let mut texts: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if texts.len() > 1 && texts.last().is_some_and(|t| t.trim().is_empty()) {
        texts.pop();
    }
    Ok(Pages {
        texts,
        warnings: Vec::new(),
    })
}
