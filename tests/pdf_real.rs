//! The native engine on the real third-party PDFs of `../shared/pdf-real`
//! (not in the repository: they belong to their authors). Skipped, with a
//! message, when that folder is absent. The full comparison with timings is
//! `python3 ../shared/pdf-real/check.py target/release/jpnotice`.
#![cfg(feature = "pdf")]

use std::path::{Path, PathBuf};

use jpnotice::pdf::{Engine, Options, extract_with};
use unicode_normalization::UnicodeNormalization;

fn folder() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pdf-real");
    if dir.join("files").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn native(path: &Path) -> jpnotice::pdf::PdfText {
    let options = Options {
        engines: vec![Engine::Native],
        ..Options::default()
    };
    let bytes = std::fs::read(path).expect("PDF readable");
    extract_with(&bytes, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3005..=0x3007 | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// What check.py compares: NFKC, CJK and ASCII letters and digits only.
fn reduce(text: &str) -> String {
    text.nfkc()
        .filter(|c| is_cjk(*c) || c.is_ascii_alphanumeric())
        .collect()
}

/// The best similarity with the stored pdftotext references.
fn similarity(dir: &Path, name: &str, text: &str) -> f64 {
    let got = reduce(text);
    ["pdftotext", "raw"]
        .iter()
        .filter_map(|kind| std::fs::read_to_string(dir.join(format!("ref/{name}.{kind}.txt"))).ok())
        .map(|r| strsim::normalized_levenshtein(&got, &reduce(&r)))
        .fold(0.0, f64::max)
}

#[test]
fn fonts_other_engines_misread_come_out_right() {
    let Some(dir) = folder() else { return };
    for name in [
        "pdfcpu_Japanese.pdf", // odd ToUnicode: pdf-extract panicked, oxidize-pdf lost it
        "pdfjs_javauninstall-7r.pdf", // TrueType without ToUnicode: the font's cmap table
        "luatexja_test01-noembed.pdf", // non-embedded fonts: was 279 U+FFFD
        "pdfjs_noembed-jis7.pdf", // CMap H: was shifted kana
        "pdfminer_simple3.pdf", // CMap V, no xref table, wrong /Length
        "pdfjs_noembed-eucjp.pdf", // EUC-H
        "pdfjs_90ms_rksj_h_sample.pdf", // 90ms-RKSJ-H
        "pdfjs_issue11555.pdf", // 90ms-RKSJ-V
        "pdfminer_nlp2004slides.pdf", // CID CFF without ToUnicode: Adobe-Japan1
    ] {
        let pdf = native(&dir.join("files").join(name));
        let sim = similarity(&dir, name, &pdf.text);
        assert!(sim >= 0.95, "{name}: similarity {sim:.3}\n{}", pdf.text);
        assert!(!pdf.text.contains('\u{fffd}'), "{name}: U+FFFD");
    }
}

#[test]
fn slugs_outside_the_crop_box_are_left_out() {
    let Some(dir) = folder() else { return };
    let pdf = native(&dir.join("files/yomitoku_demo-sample.pdf"));
    assert!(!pdf.text.contains(".indd"), "slug text kept");
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.contains("outside the crop box"))
    );
}

#[test]
fn no_file_gives_replacement_characters() {
    let Some(dir) = folder() else { return };
    let mut names: Vec<_> = std::fs::read_dir(dir.join("files"))
        .expect("files/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 45);
    for path in names {
        let pdf = native(&path);
        assert!(
            !pdf.text.contains('\u{fffd}'),
            "{}: U+FFFD in the text",
            path.display()
        );
    }
}
