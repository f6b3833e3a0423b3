//! Highlighting: byte ranges of a text rendered as nested HTML elements.
//!
//! Ranges that nest become nested elements. Ranges that cross (the second
//! starts inside the first and ends after it) cannot nest in HTML: the one
//! that starts later is split where the earlier one ends, and each piece
//! after its first carries `data-part="2"`, `"3"` …, so that counting the
//! elements without `data-part` counts the ranges.

use std::cmp::Reverse;

use super::escape;

/// One range of the text to highlight.
///
/// ```
/// use jpnotice::view::{render, Mark};
/// let text = "約13万人の氏名";
/// let marks = [Mark::new(0, "約13万人".len(), "record_counts", "130000 人 approx")];
/// let out = render(text, &marks);
/// assert!(out.html.starts_with(r#"<span class="hl f-record_counts" data-field="record_counts""#));
/// assert_eq!((out.marks, out.pieces), (1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The field (`dates`, `record_counts`, …): the `data-field` attribute
    /// and the class `f-<field>`.
    pub field: &'static str,
    /// The normalized value, shown on hover (the `title` attribute).
    pub title: String,
}

impl Mark {
    /// A mark of `start..end` for `field` with the hover text `title`.
    pub fn new(start: usize, end: usize, field: &'static str, title: impl Into<String>) -> Self {
        Mark {
            start,
            end,
            field,
            title: title.into(),
        }
    }
}

/// The rendered text with counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The escaped text with the elements.
    pub html: String,
    /// Marks rendered (those with an empty or invalid range are left out).
    pub marks: usize,
    /// Elements written: `marks` plus the extra pieces of split marks.
    pub pieces: usize,
    /// For each mark given, whether it was rendered: its first piece has
    /// the id `m<index>`.
    pub shown: Vec<bool>,
}

/// Renders `text` (HTML-escaped) with each valid mark as a `<span>` with
/// `class="hl f-<field>"`, `data-field`, `title`, and on its first piece
/// `id="m<index>"`. A mark is valid when `start < end`, `end` is within the
/// text and both are character boundaries.
///
/// ```
/// use jpnotice::view::{render, Mark};
/// // 「1月29日」 and 「29日(月)」 cross: the second is split in two.
/// let text = "1月29日(月)";
/// let marks = [Mark::new(0, 9, "dates", "a"), Mark::new(4, 14, "dates", "b")];
/// let out = render(text, &marks);
/// assert_eq!((out.marks, out.pieces), (2, 3));
/// assert_eq!(out.html.matches("<span").count(), out.html.matches("</span>").count());
/// assert!(out.html.contains(r#"data-part="2""#));
/// ```
pub fn render(text: &str, marks: &[Mark]) -> Rendered {
    let valid = |m: &Mark| {
        m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end)
    };
    let shown: Vec<bool> = marks.iter().map(valid).collect();
    let mut order: Vec<usize> = (0..marks.len()).filter(|&i| shown[i]).collect();
    order.sort_by_key(|&i| (marks[i].start, Reverse(marks[i].end), i));
    let mut bounds: Vec<usize> = order
        .iter()
        .flat_map(|&i| [marks[i].start, marks[i].end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = String::with_capacity(text.len() * 2);
    let mut parts = vec![0usize; marks.len()];
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut cursor = 0;
    let mut pieces = 0;
    let mut open = |out: &mut String, i: usize| {
        parts[i] += 1;
        pieces += 1;
        let m = &marks[i];
        out.push_str("<span class=\"hl f-");
        out.push_str(m.field);
        out.push_str("\" data-field=\"");
        out.push_str(m.field);
        out.push('"');
        if parts[i] == 1 {
            out.push_str(&format!(" id=\"m{i}\""));
        } else {
            out.push_str(&format!(" data-part=\"{}\"", parts[i]));
        }
        out.push_str(" title=\"");
        escape::push(out, &m.title);
        out.push_str("\">");
    };
    for p in bounds {
        escape::push(&mut out, &text[cursor..p]);
        cursor = p;
        // Close every mark ending here, and the marks above the lowest of
        // them, which reopen as their next piece.
        if let Some(k) = stack.iter().position(|&i| marks[i].end <= p) {
            let above: Vec<usize> = stack.drain(k..).collect();
            for _ in &above {
                out.push_str("</span>");
            }
            for i in above {
                if marks[i].end > p {
                    open(&mut out, i);
                    stack.push(i);
                }
            }
        }
        while let Some(&i) = order.get(next).filter(|&&i| marks[i].start == p) {
            open(&mut out, i);
            stack.push(i);
            next += 1;
        }
    }
    escape::push(&mut out, &text[cursor..]);
    for _ in stack {
        out.push_str("</span>");
    }
    Rendered {
        html: out,
        marks: order.len(),
        pieces,
        shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize) -> Mark {
        Mark::new(start, end, "dates", "v")
    }

    /// Element structure with text replaced by its characters.
    fn shape(out: &Rendered) -> String {
        let mut s = String::new();
        let mut rest = out.html.as_str();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("</span>") {
                s.push(']');
                rest = after;
            } else if rest.starts_with("<span") {
                let end = rest.find('>').unwrap();
                s.push('[');
                if rest[..end].contains("data-part") {
                    s.push('+');
                }
                rest = &rest[end + 1..];
            } else {
                let c = rest.chars().next().unwrap();
                s.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        s
    }

    #[test]
    fn nested_marks_nest() {
        let out = render("abcdef", &[m(1, 3), m(0, 5)]);
        assert_eq!(shape(&out), "[a[bc]de]f");
        assert_eq!((out.marks, out.pieces), (2, 2));
    }

    #[test]
    fn identical_ranges_nest() {
        let out = render("abc", &[m(0, 3), m(0, 3)]);
        assert_eq!(shape(&out), "[[abc]]");
    }

    #[test]
    fn crossing_marks_split_the_later_one() {
        let out = render("abcdef", &[m(0, 3), m(2, 5)]);
        assert_eq!(shape(&out), "[ab[c]][+de]f");
        assert_eq!((out.marks, out.pieces), (2, 3));
    }

    #[test]
    fn a_mark_crossing_two_is_split_twice() {
        let out = render("abcdefgh", &[m(0, 2), m(1, 7), m(0, 4)]);
        assert_eq!(shape(&out), "[[a[b]][+cd]][+efg]h");
        assert_eq!(out.pieces, 5);
    }

    #[test]
    fn adjacent_marks_do_not_touch() {
        let out = render("abcd", &[m(0, 2), m(2, 4)]);
        assert_eq!(shape(&out), "[ab][cd]");
    }

    #[test]
    fn invalid_marks_are_left_out_and_text_is_escaped() {
        let text = "<氏名>&";
        let out = render(text, &[m(2, 1), m(0, 0), m(0, 2), m(0, 99), m(1, 4)]);
        assert_eq!(out.marks, 1);
        assert_eq!(out.shown, [false, false, false, false, true]);
        assert_eq!(
            out.html,
            "&lt;<span class=\"hl f-dates\" data-field=\"dates\" id=\"m4\" title=\"v\">氏</span>名&gt;&amp;"
        );
    }

    #[test]
    fn empty_text_renders_empty() {
        let out = render("", &[]);
        assert_eq!(out.html, "");
    }
}
