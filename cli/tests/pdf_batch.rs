//! The command line over a folder of good and bad PDFs: each bad one is
//! reported, the others are read by the expected engine.

use std::process::Command;

#[path = "../../tests/common/mod.rs"]
mod common;

use common::pdfs::{expected_engine, manifest, page_pdf, read_pdf, readable_entries};

fn jpnotice() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jpnotice"))
}

#[test]
fn cli_extracts_a_folder_of_good_and_bad_pdfs() {
    let dir = std::env::temp_dir().join(format!("jpnotice-pdf-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in manifest() {
        std::fs::write(dir.join(&entry.pdf), read_pdf(&entry.pdf)).unwrap();
    }
    // A page whose /Parent is itself (pdf-extract hangs or overflows on it).
    let cyclic = page_pdf(
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"null",
    );
    std::fs::write(dir.join("cyclic.pdf"), cyclic).unwrap();
    // 200,000 nested arrays (a stack overflow for recursive parsers).
    let mut nested = "[".repeat(200_000).into_bytes();
    nested.extend_from_slice("]".repeat(200_000).as_bytes());
    let deep = page_pdf(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots 6 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        &nested,
    );
    std::fs::write(dir.join("nested.pdf"), deep).unwrap();
    std::fs::write(dir.join("not-really.pdf"), "お知らせ").unwrap();
    std::fs::write(dir.join("empty.pdf"), b"").unwrap();

    let out = jpnotice()
        .args(["extract", "--pdf-timeout", "30"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    // Some files cannot be read: exit code 1, and the run went on.
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let notices: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let encoding_of = |name: &str| {
        notices
            .iter()
            .find(|n| n["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .map(|n| n["encoding"].as_str().unwrap_or("").to_string())
    };
    for entry in readable_entries() {
        assert_eq!(
            encoding_of(&entry.pdf),
            Some(format!("PDF ({})", expected_engine(&entry.kind))),
            "{stdout}\n{stderr}"
        );
    }
    // Failures are reported per file (on stderr, or as error lines on stdout).
    let report = format!("{stdout}\n{stderr}");
    let failed_line = |name: &str| {
        report
            .lines()
            .find(|l| l.contains(name) && l.contains("cannot read PDF"))
            .is_some()
    };
    let name = "locked.encrypted-user-password.pdf";
    assert!(failed_line(name), "{name}: {report}");
    assert!(report.contains("truncated.broken.pdf"), "{report}");
}
