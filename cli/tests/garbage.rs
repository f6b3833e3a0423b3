//! A batch over a folder of garbage (and over the shared archive plus that
//! garbage) reports each bad file, converts the rest, and never hangs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "../../tests/common/mod.rs"]
mod common;

// --- the batch command line on a folder of garbage ---------------------------

fn jpnotice() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jpnotice"))
}

/// Runs a command, killing it (and failing the test) if it runs too long:
/// a FIFO or a device read by mistake would block forever.
fn run_with_deadline(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Drain the pipes on threads so a large output cannot block the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).ok();
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).ok();
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            panic!("jpnotice extract did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

const GOOD_NOTICE: &str =
    "令和６年５月１日\n不正アクセスに関するお知らせ\n氏名、住所が流出したおそれがあります。\n";

/// A folder of files no parser can use, and one good notice. Returns the
/// folder and the names that must come out as errors.
fn garbage_folder(name: &str) -> (PathBuf, Vec<&'static str>) {
    let dir = std::env::temp_dir().join(format!("jpnotice-limits-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let write = |file: &str, bytes: &[u8]| std::fs::write(dir.join(file), bytes).unwrap();
    write("good.txt", GOOD_NOTICE.as_bytes());
    write("empty.txt", b"");
    write(
        "random.txt",
        &(0..3000u32)
            .map(|i| (i * 97 % 256) as u8)
            .collect::<Vec<_>>(),
    );
    write(
        "not-really.pdf",
        b"%PDF-1.7\n\x00\x01garbage with no objects",
    );
    write(
        "cyclic.pdf",
        b"%PDF-1.4\n1 0 obj<</Type/Pages/Kids[1 0 R]/Count 1/Parent 1 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
    );
    let invalid = common::repo_root().join("tests/data/invalid-pdf");
    for entry in std::fs::read_dir(&invalid).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::create_dir_all(dir.join("folder.txt")).unwrap();
    let mut errors = vec![
        "cyclic.pdf",
        "not-really.pdf",
        "locked.encrypted-user-password.pdf",
        "truncated.broken.pdf",
    ];
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("loop-b", dir.join("loop-a")).unwrap();
        symlink("loop-a", dir.join("loop-b")).unwrap();
        symlink("nowhere", dir.join("dangling.txt")).unwrap();
        symlink("..", dir.join("sub/up")).unwrap();
        symlink("/dev/zero", dir.join("zero.txt")).unwrap();
        let fifo = dir.join("fifo.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            errors.push("fifo.txt");
        }
        errors.extend(["loop-a", "loop-b", "dangling.txt", "up", "zero.txt"]);
    }
    (dir, errors)
}

/// The file name of a JSON line's source.
fn file_name(line: &serde_json::Value) -> String {
    let source = line["source"].as_str().unwrap_or_default();
    Path::new(source)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn a_folder_of_garbage_gives_one_error_per_bad_file_and_no_hang() {
    let (dir, expected_errors) = garbage_folder("garbage");
    let mut cmd = jpnotice();
    cmd.arg("extract").arg(&dir);
    let out = run_with_deadline(cmd, Duration::from_secs(120));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let mut errors: Vec<String> = lines
        .iter()
        .filter(|l| l.get("error").is_some())
        .map(file_name)
        .collect();
    errors.sort();
    let mut expected: Vec<String> = expected_errors.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(errors, expected, "{stdout}");
    let good = lines.iter().find(|l| file_name(l) == "good.txt").unwrap();
    assert_eq!(good["published"]["value"], "2024-05-01");
    let empty = lines.iter().find(|l| file_name(l) == "empty.txt").unwrap();
    assert!(empty["warnings"].to_string().contains("no text"), "{empty}");
    let random = lines.iter().find(|l| file_name(l) == "random.txt").unwrap();
    assert!(random["warnings"].as_array().is_some_and(|w| !w.is_empty()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{} failed", expected.len())),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreadable_file_is_an_error_line() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("jpnotice-limits-perm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("secret.txt");
        std::fs::write(&file, GOOD_NOTICE).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&file).is_ok() {
            eprintln!("skipping: running as a user who can read any file (root)");
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
        let out = jpnotice().arg("extract").arg(&dir).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout.contains("cannot read"), "{stdout}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn the_shared_archive_plus_garbage_fails_only_on_the_garbage() {
    let Some(corpus) = common::shared_corpus() else {
        eprintln!("skipping: ../shared/corpus is not present beside the repository");
        return;
    };
    let (garbage, expected_errors) = garbage_folder("archive");
    let mut cmd = jpnotice();
    cmd.arg("extract").arg(corpus.join("archive")).arg(&garbage);
    let out = run_with_deadline(cmd, Duration::from_secs(900));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut converted = 0;
    let mut errors = Vec::new();
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        match value.get("error") {
            Some(_) => errors.push(value["source"].as_str().unwrap_or_default().to_owned()),
            None => converted += 1,
        }
    }
    assert!(converted > 1000, "only {converted} notices converted");
    assert_eq!(errors.len(), expected_errors.len(), "{errors:#?}");
    for source in &errors {
        assert!(
            Path::new(source).starts_with(&garbage),
            "a real notice failed: {source}"
        );
    }
    let _ = std::fs::remove_dir_all(&garbage);
}
