//! Running a child process with its input on stdin, its output collected,
//! and a time limit after which it is killed. Used for `pdftotext` and by
//! the `jpnotice` command to extract each PDF in a worker process.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a finished child left: its exit status (`None` when it was killed
/// at the time limit), stdout and stderr.
#[derive(Debug)]
pub struct Finished {
    /// Exit status, or `None` when the time limit killed the child.
    pub status: Option<ExitStatus>,
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
}

/// Spawns `command`, writes `input` to its stdin, and waits at most
/// `time_limit` for it to exit (then kills it).
///
/// ```
/// use std::time::Duration;
/// let mut cmd = std::process::Command::new("cat");
/// let done = jpnotice::pdf::child::run(&mut cmd, "お知らせ".as_bytes(), Duration::from_secs(5)).unwrap();
/// assert_eq!(done.stdout, "お知らせ".as_bytes());
/// ```
pub fn run(command: &mut Command, input: &[u8], time_limit: Duration) -> std::io::Result<Finished> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let input = input.to_vec();
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A broken pipe only means the child stopped reading.
            let _ = stdin.write_all(&input);
        }
    });
    let (closed, stdout_closed) = mpsc::channel();
    let stdout = drain(child.stdout.take(), Some(closed));
    let stderr = drain(child.stderr.take(), None);
    // A child closes its stdout when it exits: wait for that without
    // polling, then for the exit itself.
    let _ = stdout_closed.recv_timeout(time_limit);
    let status = wait(&mut child, time_limit.saturating_sub(started.elapsed()))?;
    let _ = writer.join();
    Ok(Finished {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// Reads a pipe to its end on a thread; tells `closed` when it is done.
fn drain(
    pipe: Option<impl Read + Send + 'static>,
    closed: Option<mpsc::Sender<()>>,
) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut out);
        }
        if let Some(closed) = closed {
            let _ = closed.send(());
        }
        out
    })
}

/// Waits for the child; kills it after the limit and returns `None`.
fn wait(child: &mut Child, time_limit: Duration) -> std::io::Result<Option<ExitStatus>> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() >= time_limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}
