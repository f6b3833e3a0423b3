//! `jpnotice html` (one notice's page) and `jpnotice report` (many
//! notices' charts and table); the pages themselves are built by the
//! library's [`jpnotice::view`].

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use jpnotice::{Notice, Parser, view};
use rayon::prelude::*;

use crate::args::{HtmlArgs, ReportArgs};
use crate::batch::{parse_input, progress_bar, set_jobs};
use crate::worker::read_text;

/// Writes the page of one notice.
pub(crate) fn html(args: HtmlArgs) -> Result<ExitCode, String> {
    let read = read_text(&args.path, &args.pdf)?;
    let mut parser = Parser::new();
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let mut notice = parser.parse_read(&read.text, read.warnings, read.encoding);
    notice.source = Some(args.path.display().to_string());
    let page = view::notice_page(&notice, &read.text);
    write_page(args.output.as_deref(), &page)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the report of many notices, parsed in parallel as `extract`
/// does, with a progress bar on a terminal.
pub(crate) fn report(args: ReportArgs) -> Result<ExitCode, String> {
    set_jobs(args.jobs)?;
    args.pdf.engines()?;
    std::thread::spawn(jpnotice::warm_up);
    let mut parser = Parser::new().max_input_bytes(args.max_bytes);
    if let Some(d) = args.reference_date {
        parser = parser.reference_date(d);
    }
    let started = std::time::Instant::now();
    let mut inputs = Vec::new();
    for path in &args.paths {
        inputs.extend(jpnotice::files::collect(path));
    }
    let progress = progress_bar(inputs.len());
    let results: Vec<Result<Notice, String>> = inputs
        .par_iter()
        .map(|input| {
            let result = parse_input(&parser, input, args.max_bytes, &args.pdf);
            if let Some(p) = &progress {
                p.inc(1);
            }
            result
        })
        .collect();
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let mut notices = Vec::with_capacity(results.len());
    let mut failures = Vec::new();
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(notice) => notices.push(notice),
            Err(error) => {
                eprintln!("jpnotice: {}: {error}", input.source);
                failures.push(view::Failure {
                    source: input.source.clone(),
                    error,
                });
            }
        }
    }
    let page = view::report_page(&notices, &failures);
    write_page(args.output.as_deref(), &page)?;
    eprintln!(
        "jpnotice: report of {} file(s): {} read, {} not read, {:.2} s",
        inputs.len(),
        notices.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a page to a file, or to stdout.
fn write_page(path: Option<&Path>, page: &str) -> Result<(), String> {
    match path {
        Some(path) => {
            std::fs::write(path, page).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => {
            let mut out = io::stdout().lock();
            out.write_all(page.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| format!("cannot write output: {e}"))
        }
    }
}
