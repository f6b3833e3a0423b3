//! From glyphs in drawing order to lines of text.
//!
//! A glyph continues the line of the glyph before it when it starts where
//! that one's advance ended: less than [`ACROSS`] font sizes beside the
//! writing direction (horizontal, or down a vertical column) and not far
//! behind. A gap along the line becomes a space (between CJK characters
//! only a wide gap, such as between table cells: 「氏名　住所」). Anything
//! else starts a new line. Content-stream order is kept, so columns and
//! table cells come out in the order the page draws them.
//!
//! Some writers set vertical text with a horizontal font, placing every
//! glyph below the one before (官報 pages from Distiller). On a page where
//! such steps down a column are most steps (as [`crate::pdf::layout::is_vertical`]
//! decides for other engines), a glyph below the previous one, less than
//! [`crate::pdf::layout::SAME_COLUMN`] font sizes to the side, continues its line.

use super::content::Glyph;
use crate::pdf::layout::{self, SAME_COLUMN};
use crate::pdf::quality::is_cjk;

/// How far beside the writing direction (in font sizes) the next glyph of
/// the same line may start.
pub const ACROSS: f64 = 0.5;

/// Gap (font sizes) that is a space between Latin characters.
const SPACE: f64 = 0.2;
/// Gap (font sizes) that is a space between CJK characters.
const CJK_SPACE: f64 = 0.9;
/// How far back (font sizes) the next glyph may start (kerning, overlap).
const BACK: f64 = 1.0;

/// The text of a page's glyphs.
///
/// ```
/// use jpnotice::pdf::native::{content::Glyph, text::page_text};
/// let glyph = |text: &str, x: f64, y: f64| Glyph {
///     text: text.into(), x, y, end_x: x + 10.0, end_y: y, size: 10.0, dir: (1.0, 0.0),
/// };
/// let glyphs = [glyph("お", 0.0, 700.0), glyph("知", 10.0, 700.0), glyph("ら", 0.0, 680.0)];
/// assert_eq!(page_text(&glyphs), "お知\nら");
/// ```
pub fn page_text(glyphs: &[Glyph]) -> String {
    let stacked_page = layout::is_vertical(
        &glyphs
            .iter()
            .filter(|g| g.dir.0 > 0.9)
            .map(|g| layout::Glyph {
                x: g.x,
                y: g.y,
                size: g.size,
                text: g.text.clone(),
            })
            .collect::<Vec<_>>(),
    );
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    for g in glyphs {
        if let Some(p) = prev {
            let relation = if stacked_page && stacked(p, g) {
                Relation::Same
            } else {
                relation(p, g)
            };
            match relation {
                Relation::Same => {}
                Relation::Space => out.push(' '),
                Relation::NewLine => out.push('\n'),
            }
        }
        out.push_str(&g.text);
        prev = Some(g);
    }
    out
}

enum Relation {
    Same,
    Space,
    NewLine,
}

/// `g` is drawn below `p` in the same column (a step that
/// [`layout::is_vertical`] counts as down the column).
fn stacked(p: &Glyph, g: &Glyph) -> bool {
    let size = p.size.max(g.size).max(0.01);
    let (dx, dy) = (g.x - p.x, g.y - p.y);
    dx.abs() <= SAME_COLUMN * size && dy < 0.25 * size && dy > -3.0 * size
}

fn relation(p: &Glyph, g: &Glyph) -> Relation {
    let size = p.size.max(g.size).max(0.01);
    let same_dir = p.dir.0 * g.dir.0 + p.dir.1 * g.dir.1 > 0.9;
    if !same_dir {
        return Relation::NewLine;
    }
    let (dx, dy) = (g.x - p.end_x, g.y - p.end_y);
    let along = dx * p.dir.0 + dy * p.dir.1;
    let across = dx * p.dir.1 - dy * p.dir.0;
    if across.abs() > ACROSS * size || along < -BACK * size {
        return Relation::NewLine;
    }
    let cjk = |s: &str| s.chars().next().is_some_and(is_cjk);
    let pc = p.text.chars().next_back().is_some_and(is_cjk);
    let gap = if pc && cjk(&g.text) { CJK_SPACE } else { SPACE };
    if along > gap * size {
        Relation::Space
    } else {
        Relation::Same
    }
}
