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
//! A new line that starts far beside the last one, or back over it (a new
//! column, box or paragraph), follows an empty line.
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
    let in_column = column_steps(glyphs, stacked_page);
    // Writing direction of each glyph: down for glyphs set one below the
    // other in a column, whatever their font's direction.
    let dirs: Vec<(f64, f64)> = (0..glyphs.len())
        .map(|i| {
            if in_column[i] || (i > 0 && in_column[i - 1]) {
                (0.0, -1.0)
            } else {
                glyphs[i].dir
            }
        })
        .collect();
    let pitch = line_pitch(glyphs, &dirs);
    let mut out = String::new();
    // The last glyph of the line being written.
    let mut anchor: Option<usize> = None;
    for (i, g) in glyphs.iter().enumerate() {
        if let Some(a) = anchor {
            let relation = if in_column[a] && a + 1 == i {
                Relation::Same
            } else {
                relation(&glyphs[a], g)
            };
            match relation {
                Relation::Same => {}
                Relation::Space => out.push(' '),
                Relation::NewLine => {
                    // A mark drawn off the line (emphasis dot 「﹅」 above
                    // the next character) when the glyph after it goes on
                    // with the line: written in place, the line goes on.
                    let resumes = glyphs.get(i + 1).is_some_and(|h| {
                        !matches!(relation_of(glyphs, a, h, &in_column), Relation::NewLine)
                    });
                    if resumes && g.text.chars().count() == 1 {
                        out.push_str(&g.text);
                        continue;
                    }
                    out.push('\n');
                    if block_break(&glyphs[a], dirs[a], g, pitch) {
                        out.push('\n');
                    }
                }
            }
        }
        out.push_str(&g.text);
        anchor = Some(i);
    }
    out
}

/// A new line far from the last one: more than [`BLOCK_GAP`] times the
/// page's usual line pitch beside it, or back over it (a new column or
/// box). Written as an empty line, as between paragraphs.
fn block_break(p: &Glyph, dir: (f64, f64), g: &Glyph, pitch: f64) -> bool {
    let size = p.size.max(g.size).max(0.01);
    let next = beside(p, dir, g) / size;
    next > (BLOCK_GAP * pitch).max(1.0) || next < -1.0
}

/// How far `g` starts beside the line of `p` (written in direction
/// `dir`), towards the next line.
fn beside(p: &Glyph, dir: (f64, f64), g: &Glyph) -> f64 {
    // From the origin: an upright glyph in a column advances sideways.
    let (dx, dy) = (g.x - p.x, g.y - p.y);
    dx * dir.1 - dy * dir.0
}

/// The page's usual distance between lines, in font sizes: the median of
/// the steps to a new line that go forward by at most 5 font sizes.
fn line_pitch(glyphs: &[Glyph], dirs: &[(f64, f64)]) -> f64 {
    let mut steps: Vec<f64> = glyphs
        .windows(2)
        .zip(dirs)
        .filter_map(|(w, dir)| {
            let size = w[0].size.max(w[1].size).max(0.01);
            let next = beside(&w[0], *dir, &w[1]) / size;
            (next > ACROSS && next <= 5.0).then_some(next)
        })
        .collect();
    if steps.is_empty() {
        return 1.5;
    }
    steps.sort_by(f64::total_cmp);
    steps[steps.len() / 2]
}

/// A new line more than this many usual line pitches away starts a block.
const BLOCK_GAP: f64 = 1.6;

fn relation_of(glyphs: &[Glyph], a: usize, h: &Glyph, in_column: &[bool]) -> Relation {
    if in_column[a] && stacked(&glyphs[a], h) {
        Relation::Same
    } else {
        relation(&glyphs[a], h)
    }
}

/// For each glyph, whether the step to the next glyph goes down a column
/// of glyphs set one below the other: on a page of such columns, or in a
/// run of at least [`MIN_COLUMN_STEPS`] such steps.
fn column_steps(glyphs: &[Glyph], stacked_page: bool) -> Vec<bool> {
    let mut steps: Vec<bool> = glyphs
        .windows(2)
        .map(|w| stacked(&w[0], &w[1]) && !matches!(relation(&w[0], &w[1]), Relation::Same))
        .collect();
    steps.push(false);
    if stacked_page {
        return steps;
    }
    let mut i = 0;
    while i < steps.len() {
        let run = steps[i..].iter().take_while(|s| **s).count();
        if run < MIN_COLUMN_STEPS {
            for s in &mut steps[i..i + run] {
                *s = false;
            }
        }
        i += run.max(1);
    }
    steps
}

/// The fewest steps down a column, off a page of columns, that make a
/// column (「縦」「垂」「直」 set one below the other in a box).
const MIN_COLUMN_STEPS: usize = 3;

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
