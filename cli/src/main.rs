//! The `jpnotice` command: a thin layer over the library.
//!
//! Modules: [`args`] (the subcommands' arguments), [`inputs`] (paths
//! expanded, files read), [`batch`] (`extract`), [`eval`], [`views`]
//! (`html`, `report`), [`worker`] (the PDF child process).

mod args;
mod batch;
mod eval;
mod inputs;
mod views;
mod worker;

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use clap::Parser as ClapParser;
use jpnotice::Parser;
use serde::Serialize;

use args::{Cli, Command, TextArgs, TextFileArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => batch::run(args),
        Command::Normalize(args) => per_text(&args, |t| {
            serde_json::Value::String(jpnotice::normalize::normalize(t).text)
        }),
        Command::Dates(args) => {
            let mut parser = Parser::new().year_policy(args.year_policy);
            if let Some(d) = args.reference_date {
                parser = parser.reference_date(d);
            }
            per_text(&args.text, |t| json(&parser.parse(t).dates))
        }
        Command::Numbers(args) => per_text(&args, |t| json(&jpnotice::numbers::find_all(t))),
        Command::Phones(args) => per_text(&args, |t| json(&jpnotice::parse(t).contacts)),
        Command::Eval(args) => eval::run(args),
        Command::Html(args) => views::html(args),
        Command::Report(args) => views::report(args),
        Command::Text(args) => text(args),
        Command::Structure(args) => structure(args),
        Command::PdfWorker(args) => worker::pdf_worker(args),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("jpnotice: {msg}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Runs `f` on each text argument, or on stdin (whole, or line by line
/// with `--lines`), printing one JSON value per text.
fn per_text(args: &TextArgs, f: impl Fn(&str) -> serde_json::Value) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut emit = |text: &str| -> Result<(), String> {
        writeln!(out, "{}", f(text)).map_err(|e| format!("cannot write output: {e}"))
    };
    if !args.texts.is_empty() {
        for t in &args.texts {
            emit(t)?;
        }
    } else if args.lines {
        for line in io::stdin().lock().lines() {
            let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
            emit(&line.replace("\\n", "\n"))?;
        }
    } else {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        emit(&jpnotice::decode::decode(&bytes).text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the text the parser reads from one file.
fn structure(args: TextFileArgs) -> Result<ExitCode, String> {
    let text = file_text(&args)?;
    let doc = jpnotice::Document::new(&text);
    io::stdout()
        .write_all(doc.structure().render(doc.text()).as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn text(args: TextFileArgs) -> Result<ExitCode, String> {
    let text = file_text(&args)?;
    io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The text the parser reads from a file, its warnings printed on stderr.
fn file_text(args: &TextFileArgs) -> Result<String, String> {
    let read = worker::read_text(&args.path, &args.pdf)?;
    for w in &read.warnings {
        eprintln!("jpnotice: {}: {w}", args.path.display());
    }
    Ok(read.text)
}
