//! Where the first notice's time goes in a fresh process: the tokenizer's
//! dictionary, the vocabulary, the extractors' patterns, then a second
//! notice for comparison.
//!
//! `cargo run --release --example startup -- corpus/notices/<file>`

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/notices".into());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let t = Instant::now();
    let _ = jpnotice::tokenize::tokenize("氏名");
    println!(
        "tokenizer ready      {:6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let parser = jpnotice::Parser::new();
    println!(
        "parser (vocabulary)  {:6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = parser.parse(&text);
    println!(
        "first notice         {:6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let _ = parser.parse(&text);
    println!(
        "same notice again    {:6.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
}
