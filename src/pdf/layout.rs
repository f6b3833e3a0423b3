//! Vertical text rebuilt from glyph positions (used by the `pdf-extract`
//! engine, which reports every glyph with its place on the page).
//!
//! Text engines read lines from left to right; on a page set in vertical
//! columns (縦書き) they give one glyph per line, lose the breaks between
//! columns, or cut the line at every run of half-width text set sideways
//! (「2025年2月21日」 with 「2025」 and 「21」 turned). Here a page is
//! *vertical* when most steps from one glyph to the next (in the order the
//! page draws them) go down the same column rather than right along a line.
//! A vertical page's text is then one line per column: the next glyph stays
//! in the column when it is less than [`SAME_COLUMN`] font sizes to the side
//! and not above the previous glyph; sideways runs, whose glyphs also go
//! down the column, stay in it. Columns keep the order the page draws them
//! (right to left in every PDF seen).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// How far to the side (in font sizes) the next glyph of a column may be:
/// sideways half-width glyphs sit beside the centre line of the column.
pub const SAME_COLUMN: f64 = 0.8;

/// The fewest steps down a column for a page to be vertical.
const MIN_STEPS: usize = 10;

/// One glyph and where the page draws it (PDF user space, y upwards).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Horizontal position of the glyph's origin.
    pub x: f64,
    /// Vertical position of the glyph's origin (upwards).
    pub y: f64,
    /// Font size on the page.
    pub size: f64,
    /// The glyph's text (usually one character).
    pub text: String,
}

/// Collects the glyphs of a page as `pdf-extract` draws them.
#[derive(Debug, Default)]
pub struct Collector {
    /// The glyphs, in drawing order.
    pub glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        _width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let glyph = Glyph {
            x: trm.m31,
            y: trm.m32,
            size: font_size * scale,
            text: text.to_string(),
        };
        if glyph.x.is_finite() && glyph.y.is_finite() && glyph.size.is_finite() {
            self.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// How the page goes from one glyph to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Down the same column.
    Down,
    /// Right along the same line.
    Right,
    /// Anywhere else (a new line or column).
    Jump,
}

fn step(from: &Glyph, to: &Glyph) -> Step {
    let size = from.size.max(to.size).max(1.0);
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    if dx.abs() <= SAME_COLUMN * size && dy < 0.25 * size && dy > -3.0 * size {
        Step::Down
    } else if dy.abs() <= 0.25 * size && dx > 0.0 && dx < 3.0 * size {
        Step::Right
    } else {
        Step::Jump
    }
}

/// The visible glyphs (not spaces).
fn visible(glyphs: &[Glyph]) -> Vec<&Glyph> {
    glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect()
}

/// True when the page is set in vertical columns: at least [`MIN_STEPS`]
/// steps down a column, and twice as many as steps right along a line.
///
/// ```
/// use jpnotice::pdf::layout::{Glyph, is_vertical};
/// let column: Vec<Glyph> = "個人情報の漏えいについてお知らせ".chars().enumerate()
///     .map(|(i, c)| Glyph { x: 500.0, y: 800.0 - 11.0 * i as f64, size: 10.5, text: c.to_string() })
///     .collect();
/// assert!(is_vertical(&column));
/// ```
pub fn is_vertical(glyphs: &[Glyph]) -> bool {
    let glyphs = visible(glyphs);
    let (mut down, mut right) = (0usize, 0usize);
    for pair in glyphs.windows(2) {
        match step(pair[0], pair[1]) {
            Step::Down => down += 1,
            Step::Right => right += 1,
            Step::Jump => {}
        }
    }
    down >= MIN_STEPS && down >= right.saturating_mul(2)
}

/// The text of a vertical page: one line per column, columns in drawing
/// order; spaces drawn as glyphs are kept.
///
/// ```
/// use jpnotice::pdf::layout::{Glyph, vertical_text};
/// let at = |x: f64, y: f64, t: &str| Glyph { x, y, size: 10.0, text: t.to_string() };
/// let glyphs = vec![
///     at(500.0, 800.0, "令"), at(500.0, 790.0, "和"),
///     at(503.0, 780.0, "2"), at(503.0, 775.0, "5"), // sideways digits
///     at(500.0, 770.0, "年"),
///     at(484.0, 800.0, "以"), at(484.0, 790.0, "上"),
/// ];
/// assert_eq!(vertical_text(&glyphs), "令和25年\n以上");
/// ```
pub fn vertical_text(glyphs: &[Glyph]) -> String {
    let mut out = String::new();
    let mut column: Option<(&Glyph, f64)> = None; // (previous glyph, top of the column)
    for glyph in glyphs {
        if glyph.text.trim().is_empty() {
            // A space glyph: kept inside a column, dropped between columns.
            if column.is_some() && !glyph.text.contains(['\n', '\r']) {
                out.push_str(&glyph.text);
            }
            continue;
        }
        let top = match column {
            Some((before, top)) if in_column(before, top, glyph) => top,
            Some(_) => {
                let kept = out.trim_end().len();
                out.truncate(kept);
                out.push('\n');
                glyph.y
            }
            None => glyph.y,
        };
        out.push_str(&glyph.text);
        column = Some((glyph, top));
    }
    out.trim_end().to_string()
}

/// True when `glyph` goes on in the column of `before` whose first glyph is
/// at height `top`: it is beside the column and not above its top. (The
/// glyphs of a sideways run may be reported lower than they are drawn, so
/// the glyph after the run may be above the run's last glyph.)
fn in_column(before: &Glyph, top: f64, glyph: &Glyph) -> bool {
    let size = before.size.max(glyph.size).max(1.0);
    (glyph.x - before.x).abs() <= SAME_COLUMN * size && glyph.y < top + 0.25 * size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f64, y: f64, text: &str) -> Glyph {
        Glyph {
            x,
            y,
            size: 10.0,
            text: text.to_string(),
        }
    }

    fn line(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| at(x + 10.0 * i as f64, y, &c.to_string()))
            .collect()
    }

    fn column(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| at(x, y - 10.0 * i as f64, &c.to_string()))
            .collect()
    }

    #[test]
    fn horizontal_lines_are_not_vertical() {
        let mut glyphs = line(50.0, 800.0, "不正アクセスによる個人情報の漏えいについて");
        glyphs.extend(line(50.0, 780.0, "令和6年5月1日"));
        assert!(!is_vertical(&glyphs));
    }

    #[test]
    fn columns_become_lines_with_their_spaces() {
        let mut glyphs = column(500.0, 800.0, "電話　〇二二（二六三）");
        glyphs.extend(column(484.0, 800.0, "受付時間　平日"));
        assert!(is_vertical(&glyphs));
        assert_eq!(
            vertical_text(&glyphs),
            "電話　〇二二（二六三）\n受付時間　平日"
        );
    }

    #[test]
    fn the_glyph_after_a_sideways_run_reported_too_low_stays_in_the_column() {
        let mut glyphs = column(262.0, 790.0, "0222634518");
        glyphs.extend(column(262.0, 718.0, "（専用）"));
        glyphs.extend(column(245.0, 790.0, "受付"));
        assert_eq!(vertical_text(&glyphs), "0222634518（専用）\n受付");
    }

    #[test]
    fn a_column_that_starts_low_is_still_a_new_column() {
        let mut glyphs = column(500.0, 800.0, "被保険者の皆様");
        glyphs.extend(column(484.0, 600.0, "令和二年五月六日"));
        assert_eq!(vertical_text(&glyphs), "被保険者の皆様\n令和二年五月六日");
    }

    #[test]
    fn odd_numbers_give_no_glyphs_and_no_panic() {
        let glyphs = vec![at(f64::NAN, 1.0, "a"), at(1.0, 1.0, "")];
        assert!(!is_vertical(&glyphs));
        assert_eq!(vertical_text(&glyphs), "a");
    }
}
