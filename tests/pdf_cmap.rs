//! One tiny PDF per predefined CMap family (made by
//! `corpus/pdf/make_cmap_pdfs.py`, no ToUnicode maps): the `native` engine
//! and the default chain must give the exact text.
#![cfg(feature = "pdf")]

use jpnotice::pdf::{Engine, Options, PdfText, extract_text, extract_with};

const TEXT: &str = "個人情報漏えいのお知らせ\n不正アクセスについて";

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/data/cmap/{name}.pdf")).expect("tests/data/cmap PDF")
}

fn native(name: &str) -> PdfText {
    let options = Options {
        engines: vec![Engine::Native],
        ..Options::default()
    };
    extract_with(&read(name), &options).expect("native engine reads the PDF")
}

fn check(name: &str) {
    let pdf = native(name);
    assert_eq!(pdf.text, TEXT, "{name}: native engine");
    assert!(pdf.warnings.is_empty(), "{name}: {:?}", pdf.warnings);
    let chain = extract_text(&read(name)).expect("default chain reads the PDF");
    assert_eq!(chain.text, TEXT, "{name}: default chain ({})", chain.engine);
}

#[test]
fn jis_h_and_v() {
    check("h");
    check("v");
}

#[test]
fn euc_h_and_v() {
    check("euc-h");
    check("euc-v");
}

#[test]
fn shift_jis_90ms_rksj_h_and_v() {
    check("rksj-h");
    check("rksj-v");
}

#[test]
fn unijis_ucs2_and_utf16() {
    check("ucs2-h");
    check("ucs2-v");
    check("utf16-h");
}

#[test]
fn adobe_japan1_cids_identity_h_and_v() {
    check("identity-h");
    check("identity-v");
}

#[test]
fn truetype_font_mapped_through_its_cmap_table() {
    check("truetype-cmap");
}

#[test]
fn text_outside_the_crop_box_is_left_out() {
    let pdf = native("crop-box");
    assert_eq!(pdf.text, TEXT);
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.contains("8 glyphs outside the crop box")),
        "{:?}",
        pdf.warnings
    );
}

#[test]
fn unmapped_glyphs_are_dropped_and_counted() {
    let pdf = native("unmapped");
    assert_eq!(pdf.text, TEXT);
    assert!(!pdf.text.contains('\u{fffd}'));
    assert!(
        pdf.warnings
            .iter()
            .any(|w| w.contains("2 glyphs without a Unicode mapping were dropped")),
        "{:?}",
        pdf.warnings
    );
}
