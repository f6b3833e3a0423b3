//! Fonts: from the bytes of a text-showing operator to character codes,
//! their Unicode text and their advance widths.
//!
//! Where the text of a code comes from, first match wins:
//! 1. the font's ToUnicode map;
//! 2. for composite (Type0) fonts whose CIDs belong to a known character
//!    collection (Adobe-Japan1, -GB1, -CNS1, -Korea1: a predefined CMap
//!    such as 「90ms-RKSJ-H」「EUC-H」「H」, or a CIDSystemInfo ordering),
//!    the collection's CID → Unicode table (from `pdfrum-cmap`, tables
//!    generated from PDFium's copy of Adobe's CMap resources);
//! 3. for TrueType fonts, the font program's own `cmap` table read
//!    backwards (glyph → Unicode), through the CIDToGIDMap;
//! 4. for simple fonts, the Encoding (standard encodings, Differences).
//!
//! A code none of these maps has no text: the caller drops the glyph and
//! counts it.

use std::cell::OnceCell;
use std::collections::HashMap;

use pdf_extract::{Dictionary, Document, Object, Stream};
use pdfrum_cmap::{CMap, CharCode, Cid, CidSet};
use pdfrum_common::Diagnostics;
use pdfrum_object::Name;

use super::tounicode::ToUnicode;

/// One character code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Its text, `None` when nothing maps it.
    pub text: Option<String>,
    /// Advance in text space units (1.0 = the font size); for vertical
    /// fonts the vertical advance (negative: downwards).
    pub advance: f64,
    /// A one-byte code 32, to which word spacing applies.
    pub word_space: bool,
}

/// A font of the page, ready to decode strings.
#[derive(Debug)]
pub struct Font {
    kind: Kind,
    to_unicode: Option<ToUnicode>,
    /// Vertical writing (a `-V` CMap).
    pub vertical: bool,
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// Text of each byte from the Encoding.
        table: Vec<Option<String>>,
        first_char: usize,
        widths: Vec<f64>,
        default_width: f64,
    },
    Composite {
        cmap: Box<CMap>,
        collection: CidSet,
        /// An embedded TrueType program (still compressed), read only when
        /// a code has no other map.
        program: Option<Box<Stream>>,
        /// Glyph → Unicode from the program's cmap (built on first use).
        glyph_text: OnceCell<HashMap<u16, char>>,
        /// CID → glyph (CIDToGIDMap stream); identity when absent.
        cid_to_gid: Option<Vec<u16>>,
        default_width: f64,
        widths: HashMap<u16, f64>,
        default_vertical: f64,
        vertical_widths: HashMap<u16, f64>,
    },
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Object> {
    doc.dereference(object).ok().map(|(_, o)| o)
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, dict.get(key).ok()?)
}

pub(super) fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    get(doc, dict, key)?.as_name().ok()
}

fn stream_bytes(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<u8>> {
    let stream = get(doc, dict, key)?.as_stream().ok()?;
    stream
        .decompressed_content()
        .ok()
        .or_else(|| Some(stream.content.clone()))
}

impl Font {
    /// Reads a font dictionary.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let to_unicode = stream_bytes(doc, dict, b"ToUnicode")
            .map(|b| ToUnicode::parse(&b))
            .filter(|m| !m.is_empty());
        if name(doc, dict, b"Subtype") == Some(b"Type0") {
            return composite(doc, dict, to_unicode);
        }
        simple(doc, dict, to_unicode)
    }

    /// The codes of a string, with their text and advance.
    pub fn decode(&self, bytes: &[u8]) -> Vec<Code> {
        match &self.kind {
            Kind::Simple {
                table,
                first_char,
                widths,
                default_width,
            } => bytes
                .iter()
                .map(|&b| {
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.get(u32::from(b), 1))
                        .or_else(|| table[usize::from(b)].clone());
                    let advance = usize::from(b)
                        .checked_sub(*first_char)
                        .and_then(|i| widths.get(i))
                        .copied()
                        .filter(|w| *w > 0.0)
                        .unwrap_or(*default_width);
                    Code {
                        text,
                        advance,
                        word_space: b == b' ',
                    }
                })
                .collect(),
            Kind::Composite {
                cmap,
                collection,
                program,
                glyph_text,
                cid_to_gid,
                default_width,
                widths,
                default_vertical,
                vertical_widths,
            } => cmap
                .decode(bytes)
                .map(|(code, Cid(cid))| {
                    let len = cmap.char_size(code);
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|m| m.get(code.0, len))
                        .or_else(|| from_collection(*collection, cid))
                        .or_else(|| {
                            let gid = match cid_to_gid {
                                Some(map) => *map.get(usize::from(cid))?,
                                None => cid,
                            };
                            glyph_text
                                .get_or_init(|| {
                                    program
                                        .as_ref()
                                        .and_then(|s| s.decompressed_content().ok())
                                        .map(|b| truetype_glyph_text(&b))
                                        .unwrap_or_default()
                                })
                                .get(&gid)
                                .map(|c| c.to_string())
                        });
                    let advance = if self.vertical {
                        vertical_widths
                            .get(&cid)
                            .copied()
                            .unwrap_or(*default_vertical)
                    } else {
                        widths.get(&cid).copied().unwrap_or(*default_width)
                    };
                    Code {
                        text,
                        advance,
                        word_space: len == 1 && code == CharCode(32),
                    }
                })
                .collect(),
        }
    }
}

fn from_collection(collection: CidSet, cid: u16) -> Option<String> {
    if !matches!(
        collection,
        CidSet::Japan1 | CidSet::Gb1 | CidSet::Cns1 | CidSet::Korea1
    ) || cid == 0
    {
        return None;
    }
    let c = pdfrum_cmap::unicode_from_cid(collection, Cid(cid))?;
    (c != '\u{fffd}' && c != '\0').then(|| c.to_string())
}

fn simple(doc: &Document, dict: &Dictionary, to_unicode: Option<ToUnicode>) -> Font {
    let encoding = dict.get_font_encoding(doc).ok();
    let table = (0..=255u8)
        .map(|b| {
            let text = encoding.as_ref()?.bytes_to_string(&[b]).ok()?;
            (!text.is_empty() && !text.contains('\u{fffd}') && !text.chars().all(char::is_control))
                .then_some(text)
        })
        .collect();
    let scale = match get(doc, dict, b"FontMatrix").and_then(|m| m.as_array().ok()) {
        Some(m) if name(doc, dict, b"Subtype") == Some(b"Type3") => {
            m.first().and_then(number).unwrap_or(0.001)
        }
        _ => 0.001,
    };
    let widths = get(doc, dict, b"Widths")
        .and_then(|w| w.as_array().ok())
        .map(|w| {
            w.iter()
                .map(|x| deref(doc, x).and_then(number).unwrap_or(0.0) * scale)
                .collect()
        })
        .unwrap_or_default();
    let first_char = get(doc, dict, b"FirstChar")
        .and_then(number)
        .unwrap_or(0.0)
        .max(0.0) as usize;
    let base = name(doc, dict, b"BaseFont").unwrap_or_default();
    let default_width = if base.windows(7).any(|w| w == b"Courier") {
        0.6
    } else {
        0.5
    };
    Font {
        kind: Kind::Simple {
            table,
            first_char,
            widths,
            default_width,
        },
        to_unicode,
        vertical: false,
    }
}

fn composite(doc: &Document, dict: &Dictionary, to_unicode: Option<ToUnicode>) -> Font {
    let mut diags = Diagnostics::default();
    let (cmap, named) = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => (
            pdfrum_cmap::from_encoding_name(&Name::from(n.as_slice()), &mut diags),
            Some(n.clone()),
        ),
        Some(Object::Stream(s)) => {
            let bytes = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            let mut cmap =
                pdfrum_cmap::parse_embedded(&bytes, &pdfrum_common::Limits::default(), &mut diags);
            if let Some(parent) = s
                .dict
                .get(b"UseCMap")
                .ok()
                .and_then(|o| o.as_name().ok())
                .and_then(|n| pdfrum_cmap::predefined(&Name::from(n)))
            {
                cmap = pdfrum_cmap::inherit_from(
                    cmap,
                    parent,
                    0,
                    &pdfrum_common::Limits::default(),
                    &mut diags,
                );
            }
            (cmap, None)
        }
        _ => (
            pdfrum_cmap::from_encoding_name(&Name::from("Identity-H"), &mut diags),
            None,
        ),
    };
    let vertical = cmap.is_vertical()
        || named
            .as_deref()
            .is_some_and(|n| n == b"V" || n.ends_with(b"-V"));
    let descendant = get(doc, dict, b"DescendantFonts")
        .and_then(|d| d.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|d| deref(doc, d))
        .and_then(|d| d.as_dict().ok());
    let mut collection = cmap.charset();
    let mut program = None;
    let mut cid_to_gid = None;
    let (mut default_width, mut widths) = (1.0, HashMap::new());
    let (mut default_vertical, mut vertical_widths) = (-1.0, HashMap::new());
    if let Some(cid_font) = descendant {
        if !matches!(
            collection,
            CidSet::Japan1 | CidSet::Gb1 | CidSet::Cns1 | CidSet::Korea1
        ) {
            collection = get(doc, cid_font, b"CIDSystemInfo")
                .and_then(|i| i.as_dict().ok())
                .and_then(|i| get(doc, i, b"Ordering"))
                .and_then(|o| o.as_str().ok().or_else(|| o.as_name().ok()))
                .map_or(CidSet::Unknown, pdfrum_cmap::charset_from_ordering);
        }
        if let Some(w) = get(doc, cid_font, b"DW").and_then(number) {
            default_width = w / 1000.0;
        }
        widths = cid_widths(doc, cid_font);
        if let Some(dw2) = get(doc, cid_font, b"DW2").and_then(|a| a.as_array().ok())
            && let Some(vy) = dw2.get(1).and_then(number)
        {
            default_vertical = vy / 1000.0;
        }
        vertical_widths = cid_vertical_widths(doc, cid_font);
        if name(doc, cid_font, b"Subtype") == Some(b"CIDFontType2") {
            cid_to_gid = stream_bytes(doc, cid_font, b"CIDToGIDMap").map(|b| {
                b.chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect()
            });
            program = get(doc, cid_font, b"FontDescriptor")
                .and_then(|d| d.as_dict().ok())
                .and_then(|d| get(doc, d, b"FontFile2"))
                .and_then(|f| f.as_stream().ok())
                .map(|f| Box::new(f.clone()));
        }
    }
    Font {
        kind: Kind::Composite {
            cmap: Box::new(cmap),
            collection,
            program,
            glyph_text: OnceCell::new(),
            cid_to_gid,
            default_width,
            widths,
            default_vertical,
            vertical_widths,
        },
        to_unicode,
        vertical,
    }
}

/// The `W` array: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths(doc: &Document, cid_font: &Dictionary) -> HashMap<u16, f64> {
    cid_metrics(doc, cid_font, b"W", 1)
}

/// The `W2` array's vertical advances: `c [w1y vx vy …]` or `c_first c_last w1y vx vy`.
fn cid_vertical_widths(doc: &Document, cid_font: &Dictionary) -> HashMap<u16, f64> {
    cid_metrics(doc, cid_font, b"W2", 3)
}

/// The first value of each CID's entry in a `W`-shaped array (`key`)
/// whose entries have `per_cid` numbers: `c [v1 … v1 …]` (a run of
/// entries from CID c) or `c_first c_last v…` (one entry for a range),
/// in thousandths of text space.
fn cid_metrics(
    doc: &Document,
    cid_font: &Dictionary,
    key: &[u8],
    per_cid: usize,
) -> HashMap<u16, f64> {
    let mut metrics = HashMap::new();
    let Some(w) = get(doc, cid_font, key).and_then(|w| w.as_array().ok()) else {
        return metrics;
    };
    let mut i = 0;
    while i < w.len() {
        let Some(first) = deref(doc, &w[i]).and_then(number) else {
            break;
        };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, entry) in list.chunks(per_cid).enumerate() {
                    if let Some(v) = deref(doc, &entry[0]).and_then(number) {
                        metrics.insert((first as usize + k).min(65535) as u16, v / 1000.0);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let last = number(last).unwrap_or(first);
                let v = w.get(i + 2).and_then(|o| deref(doc, o)).and_then(number);
                if let Some(v) = v
                    && last >= first
                    && last - first < 65536.0
                {
                    for cid in first as u32..=last as u32 {
                        metrics.insert(cid.min(65535) as u16, v / 1000.0);
                    }
                }
                i += 2 + per_cid;
            }
            None => break,
        }
    }
    metrics
}

/// Glyph → Unicode from a TrueType program's cmap subtables. When several
/// characters share a glyph, an ordinary character wins over a
/// compatibility ideograph, a radical or a private-use character.
fn truetype_glyph_text(program: &[u8]) -> HashMap<u16, char> {
    let mut map: HashMap<u16, char> = HashMap::new();
    let Ok(face) = ttf_parser::Face::parse(program, 0) else {
        return map;
    };
    let Some(cmap) = face.tables().cmap else {
        return map;
    };
    for subtable in cmap.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        subtable.codepoints(|cp| {
            let (Some(c), Some(gid)) = (char::from_u32(cp), subtable.glyph_index(cp)) else {
                return;
            };
            if gid.0 == 0 || c.is_control() {
                return;
            }
            map.entry(gid.0)
                .and_modify(|old| {
                    if rank(c) < rank(*old) || (rank(c) == rank(*old) && c < *old) {
                        *old = c;
                    }
                })
                .or_insert(c);
        });
    }
    map
}

/// Lower is preferred when characters share a glyph.
fn rank(c: char) -> u8 {
    match c as u32 {
        0xE000..=0xF8FF | 0xF0000.. => 3,
        0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => 2,
        0xFE10..=0xFE4F | 0xFF00..=0xFFEF => 1,
        _ => 0,
    }
}
