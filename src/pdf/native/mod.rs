//! The project's own text engine (`native`), on the PDF objects that
//! `lopdf` parses: it runs each page's content stream ([`content`]),
//! decodes strings through the fonts ([`font`]): ToUnicode maps, the
//! predefined CJK CMaps (「H」「V」「EUC-H」「90ms-RKSJ-H」「UniJIS-UCS2-H」…)
//! with their character collection's CID → Unicode table, and TrueType
//! `cmap` tables, and writes the glyphs as lines ([`text`]).
//!
//! Glyphs whose origin lies outside the page's crop box (printer's slugs:
//! 「…indd 46 2024/06/24 16:51:50」) are left out, and so are glyphs that no
//! map gives text to; their number is reported in a warning instead of
//! U+FFFD characters.

pub mod content;
pub mod font;
pub mod lexer;
pub mod text;
pub mod tounicode;
pub mod xref;

use pdf_extract::encryption::DecryptionError;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::{Failure, Pages};
use content::FontCache;

/// How far outside the crop box (points) a glyph may still count as on the
/// page.
const CROP_TOLERANCE: f64 = 1.0;

/// Text of each page, or why the document could not be read.
pub(super) fn extract(bytes: &[u8]) -> Result<Pages, Failure> {
    let mut pages = Pages::default();
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            let fixed = xref::rebuild(bytes).ok_or_else(|| Failure::Other(e.to_string()))?;
            let doc = Document::load_mem(&fixed).map_err(|_| Failure::Other(e.to_string()))?;
            pages
                .warnings
                .push(format!("{e}; read with a rebuilt cross-reference table"));
            doc
        }
    };
    if doc.is_encrypted() {
        match doc.decrypt("") {
            Ok(()) => {}
            Err(pdf_extract::Error::Decryption(DecryptionError::IncorrectPassword)) => {
                return Err(Failure::Password);
            }
            Err(e) => return Err(Failure::Other(e.to_string())),
        }
    }
    let mut cache = FontCache::default();
    let (mut unmapped, mut clipped, mut overprints) = (0usize, 0usize, 0usize);
    for (number, id) in doc.get_pages() {
        match content::page_glyphs(&doc, id, &mut cache) {
            Ok(mut page) => {
                unmapped += page.unmapped;
                if let Some(b) = crop_box(&doc, id) {
                    let before = page.glyphs.len();
                    page.glyphs.retain(|g| inside(&b, g));
                    clipped += before - page.glyphs.len();
                }
                overprints += drop_overprints(&mut page.glyphs);
                pages.texts.push(text::page_text(&page.glyphs));
            }
            Err(e) => {
                pages.warnings.push(format!("page {number}: {e}"));
                pages.texts.push(String::new());
            }
        }
    }
    if unmapped > 0 {
        pages.warnings.push(format!(
            "{unmapped} glyphs without a Unicode mapping were dropped"
        ));
    }
    if overprints > 0 {
        pages.warnings.push(format!(
            "{overprints} glyphs drawn over the same glyph (fake bold) were dropped"
        ));
    }
    if clipped > 0 {
        pages.warnings.push(format!(
            "{clipped} glyphs outside the crop box were left out"
        ));
    }
    Ok(pages)
}

/// The page's CropBox (or MediaBox), inherited from the page tree, as
/// (x0, y0, x1, y1).
fn crop_box(doc: &Document, page: ObjectId) -> Option<[f64; 4]> {
    let mut node: &Dictionary = doc.get_dictionary(page).ok()?;
    let mut media = None;
    for _ in 0..32 {
        if let Some(b) = rect(doc, node, b"CropBox") {
            return Some(b);
        }
        if media.is_none() {
            media = rect(doc, node, b"MediaBox");
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    media
}

fn rect(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<[f64; 4]> {
    let (_, object) = doc.dereference(dict.get(key).ok()?).ok()?;
    let a = object.as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f64> = a
        .iter()
        .map(|o| match doc.dereference(o) {
            Ok((_, Object::Integer(i))) => Some(*i as f64),
            Ok((_, Object::Real(r))) => Some(f64::from(*r)),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

/// True when the middle of the glyph's advance is inside the box.
fn inside(b: &[f64; 4], g: &content::Glyph) -> bool {
    let (x, y) = ((g.x + g.end_x) / 2.0, (g.y + g.end_y) / 2.0);
    x >= b[0] - CROP_TOLERANCE
        && x <= b[2] + CROP_TOLERANCE
        && y >= b[1] - CROP_TOLERANCE
        && y <= b[3] + CROP_TOLERANCE
}

/// How many glyphs back an overprint is looked for.
const OVERPRINT_WINDOW: usize = 200;
/// How close (font sizes) an overprint lies to the glyph it repeats.
const OVERPRINT_DISTANCE: f64 = 0.15;

/// Drops glyphs drawn again over the same glyph a fraction of a point
/// away (fake bold: 「重要」 shown twice); returns how many.
fn drop_overprints(glyphs: &mut Vec<content::Glyph>) -> usize {
    let before = glyphs.len();
    let mut kept: Vec<content::Glyph> = Vec::with_capacity(before);
    for g in glyphs.drain(..) {
        let near = (g.size * OVERPRINT_DISTANCE).max(0.1);
        let repeat = kept
            .iter()
            .rev()
            .take(OVERPRINT_WINDOW)
            .any(|k| k.text == g.text && (k.x - g.x).abs() < near && (k.y - g.y).abs() < near);
        if !repeat {
            kept.push(g);
        }
    }
    *glyphs = kept;
    before - glyphs.len()
}
