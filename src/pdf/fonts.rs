//! Does a PDF use CJK fonts? Read from the font dictionaries, without
//! walking the page tree (which may be cyclic): every object of the file
//! (object streams included) is looked at once.

use pdf_extract::{Document, Object};

/// CMap names of the predefined Japanese, Chinese and Korean encodings.
const CJK_CMAP_MARKERS: [&str; 10] = [
    "UniJIS",
    "90ms",
    "90pv",
    "RKSJ",
    "EUC-",
    "UniGB",
    "UniCNS",
    "UniKS",
    "Adobe-Japan",
    "83pv",
];

/// CIDSystemInfo orderings of the CJK character collections.
const CJK_ORDERINGS: [&[u8]; 4] = [b"Japan1", b"GB1", b"CNS1", b"Korea1"];

/// Parts of the names of common Japanese fonts.
const CJK_FONT_MARKERS: [&str; 16] = [
    "Mincho",
    "Gothic",
    "Ryumin",
    "Heisei",
    "Kozuka",
    "KozMin",
    "KozGo",
    "Hiragino",
    "Meiryo",
    "IPA",
    "Osaka",
    "MS-P",
    "CJK",
    "SourceHan",
    "Yu",
    "Maru",
];

/// True when some font of the PDF is a CJK font: a predefined CJK CMap, a
/// CIDSystemInfo ordering Japan1/GB1/CNS1/Korea1, or a Japanese font name.
/// False when the file cannot be read.
pub(super) fn has_cjk_fonts(bytes: &[u8]) -> bool {
    let Ok(document) = Document::load_mem(bytes) else {
        return false;
    };
    document.objects.values().any(|object| match object {
        Object::Dictionary(dict) => is_cjk_font(&document, dict),
        _ => false,
    })
}

fn is_cjk_font(document: &Document, dict: &pdf_extract::Dictionary) -> bool {
    let name = |key: &[u8]| -> Option<String> {
        match dict.get(key).ok()? {
            Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
            _ => None,
        }
    };
    if name(b"Type").as_deref() != Some("Font") {
        return false;
    }
    if name(b"Encoding").is_some_and(|e| CJK_CMAP_MARKERS.iter().any(|m| e.contains(m))) {
        return true;
    }
    if let Some(base) = name(b"BaseFont") {
        // Font names in Shift_JIS (「ＭＳ明朝」) come as non-ASCII bytes.
        if !base.is_ascii() || base.contains('\u{fffd}') {
            return true;
        }
        if CJK_FONT_MARKERS.iter().any(|m| base.contains(m)) {
            return true;
        }
    }
    let info = match dict.get(b"CIDSystemInfo") {
        Ok(Object::Reference(id)) => document.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    info.and_then(|i| i.get(b"Ordering").ok())
        .and_then(|o| o.as_str().ok())
        .is_some_and(|o| CJK_ORDERINGS.contains(&o))
}
