//! The one table reader: Markdown pipe tables and tab-separated rows.
//!
//! A table is two or more consecutive rows. Its header rows are those
//! above a Markdown separator (「|---|---|」), or, without one, the rows
//! before the first row holding a number; a total row starts with 計, 合計,
//! 総計 or 総数. Cells are byte ranges of the normalized text, trimmed;
//! a cell's `<br>` lines are not split here (see [`Table::cell_lines`]).
//!
//! ```
//! use jpnotice::structure::table::row_cells;
//! let row = "|会員|12,000件|";
//! let cells: Vec<&str> = row_cells(row, 0).unwrap().into_iter().map(|r| &row[r]).collect();
//! assert_eq!(cells, ["会員", "12,000件"]);
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's line (normalized byte range).
    pub range: Range<usize>,
    /// The cells, trimmed.
    pub cells: Vec<Range<usize>>,
}

/// A table: its rows (separator rows left out), how many of them are
/// header rows, and which is the total row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Rows in order, the Markdown separator left out.
    pub rows: Vec<Row>,
    /// The first `header_rows` rows are headers.
    pub header_rows: usize,
    /// Index into `rows` of the total row (「合計」), if any.
    pub total_row: Option<usize>,
}

impl Table {
    /// Builds a table from rows; `separator_at` is the number of rows seen
    /// before a Markdown separator, if there was one.
    pub fn new(text: &str, rows: Vec<Row>, separator_at: Option<usize>) -> Table {
        let cell_text = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
        let header_rows = separator_at.unwrap_or_else(|| {
            rows.iter()
                .position(|r| r.cells.iter().any(|c| holds_number(cell_text(c))))
                .unwrap_or(rows.len())
        });
        let total_row = rows.iter().position(|r| {
            r.cells
                .first()
                .is_some_and(|c| is_total_label(cell_text(c)))
        });
        Table {
            rows,
            header_rows,
            total_row,
        }
    }

    /// The header text of a column (header rows' cells joined with a
    /// space), or `None` when the table has no header rows.
    pub fn column_header(&self, text: &str, column: usize) -> Option<String> {
        let header: Vec<&str> = self
            .rows
            .iter()
            .take(self.header_rows)
            .filter_map(|r| r.cells.get(column))
            .filter_map(|c| text.get(c.clone()))
            .collect();
        let joined = header.join(" ");
        (!joined.trim().is_empty()).then_some(joined)
    }

    /// The row and column of the cell holding byte `at`.
    pub fn locate(&self, at: usize) -> Option<(usize, usize)> {
        self.rows.iter().enumerate().find_map(|(r, row)| {
            let column = row.cells.iter().position(|c| c.start <= at && at < c.end)?;
            Some((r, column))
        })
    }

    /// The lines of a cell, cut at `<br>` / `<br/>` (normalized ranges).
    pub fn cell_lines(text: &str, cell: &Range<usize>) -> Vec<Range<usize>> {
        static BREAK: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"<br\s*/?>").expect("static regex"));
        let Some(body) = text.get(cell.clone()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut last = 0;
        let mut push = |a: usize, b: usize| {
            let Some(part) = body.get(a..b) else { return };
            let lead = part.len() - part.trim_start().len();
            let trimmed = part.trim();
            if !trimmed.is_empty() {
                let s = cell.start + a + lead;
                out.push(s..s + trimmed.len());
            }
        };
        for m in BREAK.find_iter(body) {
            push(last, m.start());
            last = m.end();
        }
        push(last, body.len());
        out
    }
}

/// True when a cell is a number, perhaps with a counter (「39,629」
/// 「111件」「約1,200名」), not a label holding digits (「平成27年度」).
fn holds_number(cell: &str) -> bool {
    let c = cell.trim();
    let c = c.strip_prefix('約').unwrap_or(c);
    let digits = c
        .char_indices()
        .take_while(|&(_, ch)| ch.is_ascii_digit() || ch == ',' || ch == '.')
        .last()
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    const COUNTERS: [&str; 16] = [
        "", "件", "名", "人", "人分", "名分", "件分", "万件", "万人", "千件", "通", "個", "枚",
        "台", "社", "%",
    ];
    let rest = c[digits..].trim();
    digits > 0 && COUNTERS.contains(&rest)
}

/// A total row's label: 計, 合計, 総計, 総数, 全体.
///
/// ```
/// assert!(jpnotice::structure::table::is_total_label("合計"));
/// assert!(!jpnotice::structure::table::is_total_label("会員"));
/// ```
pub fn is_total_label(cell: &str) -> bool {
    let c = cell.trim().trim_matches(['*', ' ']);
    matches!(
        c,
        "計" | "合計" | "総計" | "総数" | "総合計" | "全体" | "合 計" | "総件数"
    )
}

/// A Markdown separator row (「|---|:--:|」).
pub fn is_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a table row whose line starts at byte `offset`, or `None`
/// when the line is no table row: a pipe row needs three 「|」, a tab row
/// two tabs.
pub fn row_cells(line: &str, offset: usize) -> Option<Vec<Range<usize>>> {
    let trimmed = line.trim_start();
    let sep = if trimmed.starts_with('|') && trimmed.matches('|').count() >= 3 {
        '|'
    } else if line.matches('\t').count() >= 2 {
        '\t'
    } else {
        return None;
    };
    let mut cells = Vec::new();
    let mut from = 0;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), sep)))
    {
        if c == sep {
            let cell = &line[from..i];
            let lead = cell.len() - cell.trim_start().len();
            let s = offset + from + lead;
            let e = offset + from + cell.trim_end().len().max(lead);
            cells.push(s..e);
            from = i + c.len_utf8();
        }
    }
    if sep == '|' {
        // Drop the empty cells outside the outer borders.
        if cells.first().is_some_and(|r| r.is_empty()) {
            cells.remove(0);
        }
        if cells.last().is_some_and(|r| r.is_empty()) {
            cells.pop();
        }
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_total_rows() {
        let text = "|区分|件数|\n|---|---|\n|会員|100|\n|合計|100|";
        let mut rows = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            if !is_separator(body) {
                let cells = row_cells(body, offset).expect("row");
                rows.push(Row {
                    range: offset..offset + body.len(),
                    cells,
                });
            }
            offset += line.len();
        }
        let t = Table::new(text, rows, Some(1));
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.total_row, Some(2));
        assert_eq!(t.column_header(text, 1).as_deref(), Some("件数"));
    }

    #[test]
    fn cell_lines_split_at_breaks() {
        let text = "|会員|・氏名<br/>・住所|";
        let cells = row_cells(text, 0).expect("row");
        let lines: Vec<&str> = Table::cell_lines(text, &cells[1])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(lines, ["・氏名", "・住所"]);
    }
}
