//! Where the first notice's time goes in a fresh process: the tokenizer's
//! dictionary, the vocabulary, then each extractor's first call (which
//! compiles its patterns), then the whole parse again for comparison.
//!
//! `cargo run --release --example startup -- corpus/notices/<file>`

use std::time::Instant;

use jpnotice::extract;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let total = Instant::now();
    let step = |name: &str, t: Instant| {
        println!("{name:<22} {:6.2} ms", t.elapsed().as_secs_f64() * 1e3);
    };
    let t = Instant::now();
    let _ = jpnotice::tokenize::tokenize("氏名");
    step("tokenizer", t);
    let t = Instant::now();
    let vocabulary = extract::data_items::Vocabulary::embedded();
    step("vocabulary", t);
    let t = Instant::now();
    let doc = jpnotice::Document::new(&text);
    step("normalize", t);
    let mut w = Vec::new();
    let t = Instant::now();
    let _ = extract::metadata::extract(&doc);
    step("metadata", t);
    let t = Instant::now();
    let _ = extract::published::extract(&doc, &mut w);
    step("published", t);
    let t = Instant::now();
    let _ = extract::dates::extract(&doc, None, &mut w);
    step("dates", t);
    let t = Instant::now();
    let _ = extract::counts::extract(&doc, &mut w);
    step("counts", t);
    let t = Instant::now();
    let _ = extract::data_items::extract(&doc, &vocabulary, &mut w);
    step("data_items", t);
    let t = Instant::now();
    let _ = doc.sentences();
    step("sentences", t);
    let t = Instant::now();
    let types = extract::incident::extract(&doc);
    step("incident", t);
    let t = Instant::now();
    let _ = extract::leak::extract(&doc);
    step("leak", t);
    let t = Instant::now();
    let _ = extract::kind::extract(&doc, &types);
    step("kind", t);
    let t = Instant::now();
    let _ = extract::contacts::extract(&doc, &mut w);
    step("contacts", t);
    step("first notice, total", total);
    let parser = jpnotice::Parser::new();
    let mut best = f64::INFINITY;
    for _ in 0..20 {
        let t = Instant::now();
        let _ = parser.parse(&text);
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{:<22} {best:6.2} ms", "same notice, best of 20");
}
