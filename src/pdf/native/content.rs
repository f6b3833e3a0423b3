//! The text operators of a page's content stream, run to find each glyph's
//! text and place on the page (PDF user space, y upwards).
//!
//! Follows the text state (`Tf Tc Tw Tz TL Ts`), the text and line
//! matrices (`BT Td TD Tm T*`), the graphics state stack and the current
//! transformation (`q Q cm`), form XObjects (`Do`, at most
//! [`MAX_FORM_DEPTH`] deep), and shows strings with `Tj TJ ' "`.

use std::collections::HashMap;
use std::rc::Rc;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::font::{Font, number};
use super::lexer::{Lexer, Operand};

/// How deeply form XObjects may nest.
pub const MAX_FORM_DEPTH: usize = 8;

/// One glyph with text, where it starts and where its advance ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Its text (usually one character).
    pub text: String,
    /// Origin, user space.
    pub x: f64,
    /// Origin, user space.
    pub y: f64,
    /// End of its advance, user space.
    pub end_x: f64,
    /// End of its advance, user space.
    pub end_y: f64,
    /// Font size in user space.
    pub size: f64,
    /// Unit vector of the writing direction in user space.
    pub dir: (f64, f64),
}

/// The glyphs of a page and the count of glyphs without text.
#[derive(Debug, Default)]
pub struct PageGlyphs {
    /// Glyphs with text, in drawing order.
    pub glyphs: Vec<Glyph>,
    /// Glyphs that no map gave text to (dropped).
    pub unmapped: usize,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (PDF row-vector convention: apply `a`, then `b`).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Fonts already read, by object (shared by every page of a document).
#[derive(Default)]
pub struct FontCache {
    fonts: HashMap<Key, Rc<Font>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Object(ObjectId),
    Inline(usize),
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

struct Runner<'a> {
    doc: &'a Document,
    cache: &'a mut FontCache,
    out: PageGlyphs,
    tm: Matrix,
    tlm: Matrix,
    forms: Vec<ObjectId>,
}

/// Runs a page's content stream.
pub fn page_glyphs(
    doc: &Document,
    page: ObjectId,
    cache: &mut FontCache,
) -> Result<PageGlyphs, String> {
    let bytes = doc.get_page_content(page).map_err(|e| e.to_string())?;
    let (direct, inherited) = doc.get_page_resources(page).map_err(|e| e.to_string())?;
    let mut resources: Vec<&Dictionary> = direct.into_iter().collect();
    resources.extend(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    let mut runner = Runner {
        doc,
        cache,
        out: PageGlyphs::default(),
        tm: IDENTITY,
        tlm: IDENTITY,
        forms: Vec::new(),
    };
    let state = State {
        ctm: IDENTITY,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
    };
    runner.run(&bytes, &resources, state)?;
    Ok(runner.out)
}

fn operand(ops: &[Operand], i: usize) -> f64 {
    match ops.get(i) {
        Some(Operand::Number(n)) if n.is_finite() => *n,
        _ => 0.0,
    }
}

impl<'a> Runner<'a> {
    fn run(
        &mut self,
        bytes: &[u8],
        resources: &[&'a Dictionary],
        mut state: State,
    ) -> Result<(), String> {
        let mut lexer = Lexer::new(bytes);
        let mut ops: Vec<Operand> = Vec::new();
        let mut stack: Vec<State> = Vec::new();
        while let Some(operator) = lexer.next_operator(&mut ops) {
            let ops = &ops;
            match operator {
                b"q" => stack.push(state.clone()),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                b"cm" if ops.len() == 6 => {
                    let m: Matrix = std::array::from_fn(|i| operand(ops, i));
                    state.ctm = mul(&m, &state.ctm);
                }
                b"BT" => {
                    self.tm = IDENTITY;
                    self.tlm = IDENTITY;
                }
                b"Tf" => {
                    state.font = ops.first().and_then(|n| match n {
                        Operand::Name(n) => self.font(resources, n),
                        _ => None,
                    });
                    state.size = operand(ops, 1);
                }
                b"Tc" => state.char_space = operand(ops, 0),
                b"Tw" => state.word_space = operand(ops, 0),
                b"Tz" => state.scale = operand(ops, 0) / 100.0,
                b"TL" => state.leading = operand(ops, 0),
                b"Ts" => state.rise = operand(ops, 0),
                b"Td" => self.next_line(operand(ops, 0), operand(ops, 1)),
                b"TD" => {
                    state.leading = -operand(ops, 1);
                    self.next_line(operand(ops, 0), operand(ops, 1));
                }
                b"Tm" if ops.len() == 6 => {
                    self.tm = std::array::from_fn(|i| operand(ops, i));
                    self.tlm = self.tm;
                }
                b"T*" => self.next_line(0.0, -state.leading),
                b"Tj" => {
                    if let Some(Operand::Str(s)) = ops.first() {
                        self.show(s, &state);
                    }
                }
                b"'" => {
                    self.next_line(0.0, -state.leading);
                    if let Some(Operand::Str(s)) = ops.first() {
                        self.show(s, &state);
                    }
                }
                b"\"" => {
                    state.word_space = operand(ops, 0);
                    state.char_space = operand(ops, 1);
                    self.next_line(0.0, -state.leading);
                    if let Some(Operand::Str(s)) = ops.get(2) {
                        self.show(s, &state);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = ops.first() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(s, &state),
                                Operand::Number(n) if n.is_finite() => {
                                    self.adjust(-n / 1000.0, &state);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = ops.first() {
                        self.form(resources, name, &state);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    /// Moves the text matrix by `amount` (text space units × font size)
    /// along the writing direction.
    fn adjust(&mut self, amount: f64, state: &State) {
        let vertical = state.font.as_ref().is_some_and(|f| f.vertical);
        let shift = if vertical {
            [1.0, 0.0, 0.0, 1.0, 0.0, -amount * state.size]
        } else {
            [1.0, 0.0, 0.0, 1.0, amount * state.size * state.scale, 0.0]
        };
        self.tm = mul(&shift, &self.tm);
    }

    fn show(&mut self, bytes: &[u8], state: &State) {
        let Some(font) = state.font.clone() else {
            return;
        };
        for code in font.decode(bytes) {
            let trm = mul(
                &[
                    state.size * state.scale,
                    0.0,
                    0.0,
                    state.size,
                    0.0,
                    state.rise,
                ],
                &mul(&self.tm, &state.ctm),
            );
            let (x, y) = (trm[4], trm[5]);
            let spacing = state.char_space
                + if code.word_space {
                    state.word_space
                } else {
                    0.0
                };
            let shift = if font.vertical {
                [1.0, 0.0, 0.0, 1.0, 0.0, code.advance * state.size + spacing]
            } else {
                [
                    1.0,
                    0.0,
                    0.0,
                    1.0,
                    (code.advance * state.size + spacing) * state.scale,
                    0.0,
                ]
            };
            self.tm = mul(&shift, &self.tm);
            let Some(text) = code.text else {
                self.out.unmapped += 1;
                continue;
            };
            let end = mul(&self.tm, &state.ctm);
            let (end_x, end_y) = apply(&end, 0.0, state.rise);
            let size = trm[2].hypot(trm[3]);
            let (dx, dy) = if font.vertical {
                (-trm[2], -trm[3])
            } else {
                (trm[0], trm[1])
            };
            let norm = dx.hypot(dy);
            let dir = if norm > 0.0 {
                (dx / norm, dy / norm)
            } else {
                (1.0, 0.0)
            };
            self.out.glyphs.push(Glyph {
                text,
                x,
                y,
                end_x,
                end_y,
                size,
                dir,
            });
        }
    }

    /// A named resource (`/Font`, `/XObject`) of the innermost resource
    /// dictionary that has it, with its object id when it is a reference.
    fn lookup(
        &self,
        resources: &[&'a Dictionary],
        kind: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'a Object)> {
        let doc: &'a Document = self.doc;
        resources.iter().find_map(|res| {
            let group = doc
                .dereference(res.get(kind).ok()?)
                .ok()?
                .1
                .as_dict()
                .ok()?;
            let object = group.get(name).ok()?;
            let id = object.as_reference().ok();
            Some((id, doc.dereference(object).ok()?.1))
        })
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<Font>> {
        let (id, object) = self.lookup(resources, b"Font", name)?;
        let dict = object.as_dict().ok()?;
        let key = match id {
            Some(id) => Key::Object(id),
            None => Key::Inline(std::ptr::from_ref(dict) as usize),
        };
        if let Some(font) = self.cache.fonts.get(&key) {
            return Some(Rc::clone(font));
        }
        let font = Rc::new(Font::load(self.doc, dict));
        self.cache.fonts.insert(key, Rc::clone(&font));
        Some(font)
    }

    /// Runs a form XObject with its matrix and resources.
    fn form(&mut self, resources: &[&'a Dictionary], name: &[u8], state: &State) {
        let Some((Some(id), object)) = self.lookup(resources, b"XObject", name) else {
            return;
        };
        if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(&id) {
            return;
        }
        let Ok(stream) = object.as_stream() else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        let Ok(bytes) = stream.decompressed_content() else {
            return;
        };
        let mut inner = state.clone();
        if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array)
            && m.len() == 6
        {
            let m: Matrix = std::array::from_fn(|i| number(&m[i]).unwrap_or(0.0));
            inner.ctm = mul(&m, &state.ctm);
        }
        let doc: &'a Document = self.doc;
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let mut inner_resources: Vec<&'a Dictionary> = own.into_iter().collect();
        inner_resources.extend_from_slice(resources);
        let (tm, tlm) = (self.tm, self.tlm);
        self.forms.push(id);
        let _ = self.run(&bytes, &inner_resources, inner);
        self.forms.pop();
        (self.tm, self.tlm) = (tm, tlm);
    }
}
