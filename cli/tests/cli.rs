//! The batch command line: JSON Lines with error lines, `--output` with
//! `--resume`, and exit codes.

use std::path::Path;
use std::process::Command;

fn jpnotice() -> Command {
    Command::new(env!("CARGO_BIN_EXE_jpnotice"))
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jpnotice-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_bad_file_gives_an_error_line_and_the_batch_goes_on() {
    let dir = temp_dir("batch");
    std::fs::write(
        dir.join("a.txt"),
        "令和６年５月１日\n不正アクセスに関するお知らせ\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.pdf"), b"%PDF-1.4\ngarbage").unwrap();
    std::fs::write(dir.join("c.md"), "お問い合わせ：０１２０－１２３－４５６").unwrap();
    let out = jpnotice().arg("extract").arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["published"]["value"], "2024-05-01");
    assert!(
        lines[1]["error"].as_str().unwrap().contains("PDF"),
        "{stdout}"
    );
    assert_eq!(lines[2]["contacts"][0]["phone"], "0120-123-456");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 file(s): 2 converted, 1 failed"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_directory_mirrors_inputs_and_resume_skips_them() {
    let dir = temp_dir("output");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("sub/n.txt"), "令和６年５月１日\nお知らせ\n").unwrap();
    let out_dir = dir.join("out");
    let run = |resume: bool| {
        let mut cmd = jpnotice();
        cmd.current_dir(&dir).args(["extract", "--output", "out"]);
        if resume {
            cmd.arg("--resume");
        }
        cmd.arg("in").output().unwrap()
    };
    let first = run(false);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = out_dir.join("in/sub/n.txt.json");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&written).unwrap()).unwrap();
    assert_eq!(json["source"], "in/sub/n.txt");
    let second = run(true);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("1 up to date"));
    assert!(Path::new(&written).is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_prints_what_the_parser_reads() {
    let dir = temp_dir("text");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("個人情報の漏えいについて");
    std::fs::write(dir.join("n.txt"), &sjis).unwrap();
    let out = jpnotice()
        .arg("text")
        .arg(dir.join("n.txt"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "個人情報の漏えいについて"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lines_mode_gives_one_result_per_line() {
    let mut child = jpnotice()
        .args(["dates", "--lines"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("2024年1月29日午後1時30分\\n令和6年2月1日\n令和5年2月30日\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0][0]["value"], "2024-01-29T13:30");
    assert_eq!(
        lines[0][1]["value"], "2024-02-01",
        "a literal \\n is a newline"
    );
    assert_eq!(
        lines[1].as_array().unwrap().len(),
        0,
        "an impossible date has no value"
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let run = |jobs: &str| {
        let out = jpnotice()
            .args(["extract", "-j", jobs])
            .arg(root.join("notices"))
            .arg(root.join("pdf"))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("1");
    assert!(one.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count() > 20);
    assert!(one == run("2"), "-j 2 differs from -j 1");
    assert!(one == run("4"), "-j 4 differs from -j 1");
}

#[test]
fn a_closed_pipe_ends_the_batch_quietly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/notices");
    let mut child = jpnotice()
        .arg("extract")
        .arg(&root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout); // like `| head -c 1`
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}
