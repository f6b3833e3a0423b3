//! A notice's layout, read once: blocks by kind, each with the headings
//! above it.
//!
//! Every extractor that cares about layout reads this one structure: the
//! sentences of the cue-based extractors, the item lists of the data-item
//! extractor, the tables of the record counts, the archive header of the
//! metadata, the masks of the phone and date finders. Ranges are byte
//! ranges of the *normalized* text ([`crate::Document::text`]);
//! [`crate::Document::span`] maps them to the input.
//!
//! The blocks ([`BlockKind`]):
//! - **headings**: Markdown 「## 経緯」, and short marked lines that stand
//!   alone (「２．発生の経緯」「(1) 原因」「【概要】」「■経緯」), with a level:
//!   Markdown headings 1–6, other styles 7 and up in the order the notice
//!   first uses them (so 「(1)」 under 「1.」 is deeper, whichever a notice
//!   nests in which); a short unmarked line naming a section
//!   (「再発防止策」) is a heading too;
//! - **list items**: bullets, and marked lines that come in runs
//!   (「①氏名」「②住所」), with marker, depth (from indentation), an inline
//!   label (「・対象情報：氏名、住所」) and continuation lines (indented
//!   lines under the item, or the rest of a wrapped sentence);
//! - **label–value lines** (「項目：氏名、住所」「件数　約1,200件」);
//! - **tables** (Markdown pipe rows or tab-separated rows; see [`table`]);
//! - **paragraphs** of prose lines, cut into sentences;
//! - the archive's **header fields** (the 「# 公表概要」 bullets);
//! - the **letterhead** (date, addressee and sender lines before the first
//!   heading or paragraph) and the **signature** (「以上」 and the short
//!   lines after it).
//!
//! ```
//! use jpnotice::structure::{Structure, BlockKind};
//! let text = "1. 漏えいした情報\n・氏名\n・住所\n2. 今後の対応\n監視を強化します。";
//! let s = Structure::new(text);
//! let kinds: Vec<&str> = s.blocks().iter().map(|b| b.kind.name()).collect();
//! assert_eq!(kinds, ["heading", "list_item", "list_item", "heading", "paragraph"]);
//! let item = &s.blocks()[1];
//! assert_eq!(s.section_titles(text, item), ["1. 漏えいした情報"]);
//! ```

pub mod heading;
pub mod lines;
pub mod mask;
pub mod section;
pub mod table;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use self::heading::{Marker, Style, heading_shaped, marker};
use self::lines::{Line, bracket_balance, sentence_ranges};
use self::mask::Masks;
pub use self::section::{Section, classify_heading};
use self::table::{Row, Table, is_separator, row_cells};

/// One block of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Normalized byte range, from its first line's first character to its
    /// last line's last.
    pub range: Range<usize>,
    /// Its lines (trimmed normalized ranges), continuation lines included.
    pub lines: Vec<Range<usize>>,
    /// Indentation of its first line, in characters.
    pub indent: usize,
    /// Index (into [`Structure::blocks`]) of the nearest heading above it
    /// that encloses it.
    pub parent: Option<usize>,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// 「## 経緯」「２．発生の経緯」「【概要】」.
    Heading {
        /// 1–6 for Markdown, 7 and up for other styles (smaller is higher).
        level: u8,
        /// The numbering or marking style (`None` for an unmarked line).
        style: Option<Style>,
        /// The title without its Markdown 「#」s.
        title: Range<usize>,
    },
    /// 「・氏名」「①氏名、住所」「※カード情報は含まれません」.
    ListItem {
        /// The marker's style.
        style: Style,
        /// Nesting depth from indentation (0 for the outermost).
        depth: u8,
        /// An inline label (「対象情報」 of 「・対象情報：氏名」).
        label: Option<Range<usize>>,
        /// The item after its marker and label.
        body: Range<usize>,
    },
    /// 「項目：氏名、住所」「件数　約1,200件」.
    LabelValue {
        /// The label (「項目」).
        label: Range<usize>,
        /// The value (empty when the value is on the following lines).
        value: Range<usize>,
    },
    /// A table.
    Table(Table),
    /// Prose lines, cut into sentences.
    Paragraph {
        /// The sentences (normalized ranges).
        sentences: Vec<Range<usize>>,
    },
    /// A bullet of the archive's 「# 公表概要」 header.
    HeaderField {
        /// Which bullet it is.
        field: HeaderField,
        /// The bullet's text after 「- 」.
        value: Range<usize>,
    },
    /// Date, addressee and sender lines above the notice's first heading
    /// or paragraph.
    Letterhead,
    /// 「以上」 and the sender lines after it.
    Signature,
}

impl BlockKind {
    /// A short name for the kind (`heading`, `list_item`, `label_value`,
    /// `table`, `paragraph`, `header_field`, `letterhead`, `signature`).
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::ListItem { .. } => "list_item",
            BlockKind::LabelValue { .. } => "label_value",
            BlockKind::Table(_) => "table",
            BlockKind::Paragraph { .. } => "paragraph",
            BlockKind::HeaderField { .. } => "header_field",
            BlockKind::Letterhead => "letterhead",
            BlockKind::Signature => "signature",
        }
    }
}

/// The bullets of the archive header, by position: title, date, issuers,
/// URL; bullets under the header's other headings (「# 事案ID」) are
/// [`HeaderField::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    /// First bullet: the notice's title.
    Title,
    /// Second bullet: the publication date (or 「日付記載なし」).
    Published,
    /// Third bullet: the issuers.
    Issuers,
    /// Fourth bullet: the notice's URL.
    Url,
    /// A fifth or later bullet under 「# 公表概要」.
    Extra,
    /// A bullet under the header's other headings (「# 事案ID」「# 公表種別」 …).
    Other,
}

/// The layout of one notice.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    blocks: Vec<Block>,
    body_start: usize,
    has_header: bool,
    masks: Masks,
}

impl Structure {
    /// Reads the layout of normalized text.
    pub fn new(text: &str) -> Structure {
        Builder::new(text).build()
    }

    /// The blocks, in text order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// True for an archive file (a 「# 公表概要」 header).
    pub fn has_archive_header(&self) -> bool {
        self.has_header
    }

    /// Where the notice's own text starts: after 「# 本文」 in an archive
    /// file, else 0.
    ///
    /// ```
    /// let text = "# 公表概要\n- 題\n\n# 本文\n本文です。";
    /// let s = jpnotice::structure::Structure::new(text);
    /// assert_eq!(&text[s.body_start()..], "本文です。");
    /// ```
    pub fn body_start(&self) -> usize {
        self.body_start
    }

    /// URLs, e-mail addresses and file names.
    pub fn masks(&self) -> &Masks {
        &self.masks
    }

    /// The bullets under 「# 公表概要」, in order (title, date, issuers, URL,
    /// and any more), as value ranges.
    pub fn summary_bullets(&self) -> Vec<Range<usize>> {
        self.blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::HeaderField { field, value } if *field != HeaderField::Other => {
                    Some(value.clone())
                }
                _ => None,
            })
            .collect()
    }

    /// The archive header's bullet of one kind.
    ///
    /// ```
    /// use jpnotice::structure::{HeaderField, Structure};
    /// let text = "# 公表概要\n- 不正アクセスのお知らせ\n- 2025年1月1日\n- 架空商事株式会社\n\n# 本文\n…";
    /// let s = Structure::new(text);
    /// assert_eq!(s.header_field(HeaderField::Issuers).map(|r| &text[r]), Some("架空商事株式会社"));
    /// ```
    pub fn header_field(&self, field: HeaderField) -> Option<Range<usize>> {
        self.blocks.iter().find_map(|b| match &b.kind {
            BlockKind::HeaderField { field: f, value } if *f == field => Some(value.clone()),
            _ => None,
        })
    }

    /// The headings enclosing a block, outermost first (indices into
    /// [`Structure::blocks`]).
    pub fn section_path(&self, block: &Block) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = block.parent;
        while let Some(i) = at {
            path.push(i);
            at = self.blocks.get(i).and_then(|b| b.parent);
        }
        path.reverse();
        path
    }

    /// The titles of the headings enclosing a block, outermost first.
    pub fn section_titles<'t>(&self, text: &'t str, block: &Block) -> Vec<&'t str> {
        self.section_path(block)
            .into_iter()
            .filter_map(|i| match &self.blocks.get(i)?.kind {
                BlockKind::Heading { title, .. } => text.get(title.clone()),
                _ => None,
            })
            .collect()
    }

    /// A compact rendering, one line per block: kind, level or depth,
    /// section path, and the block's first characters.
    ///
    /// ```
    /// let text = "## 経緯\n不正アクセスを受けました。";
    /// let s = jpnotice::structure::Structure::new(text);
    /// assert_eq!(s.render(text), "heading 2 |  | 経緯\nparagraph | 経緯 | 不正アクセスを受けました。\n");
    /// ```
    pub fn render(&self, text: &str) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            let level = match &block.kind {
                BlockKind::Heading { level, .. } => format!(" {level}"),
                BlockKind::ListItem { depth, .. } => format!(" {depth}"),
                BlockKind::Table(t) => format!(" {}x{}", t.rows.len(), t.header_rows),
                _ => String::new(),
            };
            let path = self.section_titles(text, block).join(" > ");
            let first: String = text
                .get(block.range.clone())
                .unwrap_or("")
                .chars()
                .map(|c| if c == '\n' { '⏎' } else { c })
                .take(24)
                .collect();
            let first = match &block.kind {
                BlockKind::Heading { title, .. } => text.get(title.clone()).unwrap_or(""),
                _ => &first,
            };
            out.push_str(&format!(
                "{}{level} | {path} | {first}\n",
                block.kind.name()
            ));
        }
        out
    }
}

/// Label words of 「<label> <value>」 lines without a colon.
static SPACE_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../dictionaries/structure-labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Splits a label–value line: 「項目：氏名、住所」 → (label, value) ranges
/// relative to `line`. A colon label has at most 20 characters, no 「、」
/// or 「。」, and does not end in a digit (「10:00」 is a time); a label
/// before spaces must end in a label word (件数, 項目, 情報 …).
///
/// ```
/// use jpnotice::structure::label_value;
/// let l = "対象となる情報:氏名、住所";
/// let (label, value) = label_value(l).unwrap();
/// assert_eq!((&l[label], &l[value]), ("対象となる情報", "氏名、住所"));
/// assert_eq!(label_value("受付時間 9:00~17:00"), None);
/// assert!(label_value("件数 約1,200件").is_some());
/// ```
pub fn label_value(line: &str) -> Option<(Range<usize>, Range<usize>)> {
    if let Some(colon) = line.find(':') {
        let label = line[..colon].trim_end();
        let chars = label.chars().count();
        let ok = (1..=20).contains(&chars)
            && !label.contains(['、', '。', '(', '「'])
            && !label.ends_with(|c: char| c.is_ascii_digit())
            && !line[colon + 1..].starts_with("//");
        if ok {
            let rest = &line[colon + 1..];
            let value_start = colon + 1 + (rest.len() - rest.trim_start().len());
            return Some((0..label.len(), value_start..line.len()));
        }
        return None;
    }
    let space = line.find(' ')?;
    let label = &line[..space];
    let chars = label.chars().count();
    if chars > 12 || label.contains(['、', '。']) {
        return None;
    }
    if !SPACE_LABELS.iter().any(|w| label.ends_with(w)) {
        return None;
    }
    let rest = &line[space..];
    let value_start = space + (rest.len() - rest.trim_start().len());
    (value_start < line.len()).then_some((0..space, value_start..line.len()))
}

/// Date lines of a letterhead (「令和6年5月1日」「2024年5月1日」).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:令和|平成|R)\s*(?:\d{1,2}|元)|\d{4})\s*[年./]\s*\d{1,2}\s*[月./]\s*\d{1,2}\s*日?$",
    )
    .expect("static regex")
});

/// Sender and addressee lines of a letterhead or signature.
static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:株式会社|有限会社|合同会社|法人|会社|組合|協会|機構|財団|大学|学園|学校|病院|センター|委員会|[都道府県市町村区]|各位|御中|様|長\s*\S{1,12}|代表者?.{0,16})$|^(?:株式会社|学校法人|医療法人|社会福祉法人|一般社団法人|公益財団法人)")
        .expect("static regex")
});

fn letterhead_line(line: &str) -> bool {
    line.chars().count() <= 40
        && !line.contains('。')
        && (DATE_LINE.is_match(line) || ORG_LINE.is_match(line))
}

/// An open block being filled line by line.
#[derive(Debug)]
enum Open {
    None,
    Paragraph {
        lines: Vec<Range<usize>>,
        last_chars: usize,
        indent: usize,
    },
    Item {
        index: usize,
    },
    Table {
        rows: Vec<Row>,
        separator_at: Option<usize>,
    },
}

struct Builder<'t> {
    text: &'t str,
    lines: Vec<Line>,
    markers: Vec<Option<Marker>>,
    blocks: Vec<Block>,
    /// Styles in the order the notice first uses them as headings.
    heading_styles: Vec<Option<Style>>,
    /// Enclosing headings: (level, block index).
    headings: Vec<(u8, usize)>,
    /// Indentation of the list items above (for depth).
    list_indents: Vec<usize>,
    open: Open,
    in_header: bool,
    header_bullets: usize,
    under_header_title: bool,
    has_header: bool,
    body_start: usize,
    /// Letterhead lines are possible until the first heading or paragraph.
    letterhead_open: bool,
    in_signature: bool,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        let lines = lines::lines(text);
        let markers = lines.iter().map(|l| marker(l.text(text))).collect();
        Builder {
            text,
            lines,
            markers,
            blocks: Vec::new(),
            heading_styles: Vec::new(),
            headings: Vec::new(),
            list_indents: Vec::new(),
            open: Open::None,
            in_header: false,
            header_bullets: 0,
            under_header_title: false,
            has_header: false,
            body_start: 0,
            letterhead_open: true,
            in_signature: false,
        }
    }

    fn build(mut self) -> Structure {
        for i in 0..self.lines.len() {
            self.line(i);
        }
        self.close();
        Structure {
            masks: Masks::new(self.text),
            blocks: self.blocks,
            body_start: self.body_start,
            has_header: self.has_header,
        }
    }

    fn parent(&self) -> Option<usize> {
        self.headings.last().map(|&(_, i)| i)
    }

    fn push(&mut self, kind: BlockKind, lines: Vec<Range<usize>>, indent: usize) -> usize {
        let range = match (lines.first(), lines.last()) {
            (Some(a), Some(b)) => a.start..b.end,
            _ => 0..0,
        };
        let parent = match kind {
            BlockKind::Heading { .. } => self.headings.last().map(|&(_, i)| i),
            _ => self.parent(),
        };
        self.blocks.push(Block {
            kind,
            range,
            lines,
            indent,
            parent,
        });
        self.blocks.len() - 1
    }

    /// The next non-blank line after `i`, and the one before it.
    fn neighbours(&self, i: usize) -> (Option<usize>, Option<usize>) {
        let before = (0..i).rev().find(|&j| !self.lines[j].is_blank());
        let after = (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank());
        (before, after)
    }

    /// Whether the marked line `i` stands in a run of lines with the same
    /// marker style (so it is a list item, not a heading).
    fn in_run(&self, i: usize, style: Style) -> bool {
        let (before, after) = self.neighbours(i);
        [before, after].into_iter().flatten().any(|j| {
            self.markers[j].is_some_and(|m| m.style == style)
                && self.lines[j].indent == self.lines[i].indent
        })
    }

    fn heading_level(&mut self, style: Option<Style>) -> u8 {
        if let Some(Style::Markdown(n)) = style {
            return n.clamp(1, 6);
        }
        let rank = match self.heading_styles.iter().position(|s| *s == style) {
            Some(r) => r,
            None => {
                self.heading_styles.push(style);
                self.heading_styles.len() - 1
            }
        };
        u8::try_from(7 + rank).unwrap_or(u8::MAX)
    }

    fn close(&mut self) {
        match std::mem::replace(&mut self.open, Open::None) {
            Open::None | Open::Item { .. } => {}
            Open::Paragraph { lines, indent, .. } => {
                let sentences = self.sentences(&lines);
                let kind = if self.in_signature {
                    BlockKind::Signature
                } else {
                    BlockKind::Paragraph { sentences }
                };
                self.push(kind, lines, indent);
            }
            Open::Table { rows, separator_at } => {
                let lines: Vec<Range<usize>> = rows.iter().map(|r| r.range.clone()).collect();
                let table = Table::new(self.text, rows, separator_at);
                self.push(BlockKind::Table(table), lines, 0);
            }
        }
    }

    /// Sentences of a run of lines: cut at 「。」 outside brackets, within
    /// the run's whole range.
    fn sentences(&self, lines: &[Range<usize>]) -> Vec<Range<usize>> {
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            return Vec::new();
        };
        let start = first.start;
        let body = self.text.get(start..last.end).unwrap_or("");
        sentence_ranges(body)
            .into_iter()
            .map(|r| start + r.start..start + r.end)
            .collect()
    }

    fn line(&mut self, i: usize) {
        let line = self.lines[i].clone();
        let text = line.text(self.text);
        if line.is_blank() {
            if let Open::Paragraph {
                last_chars, lines, ..
            } = &self.open
                && wrapped(self.text, lines, *last_chars)
            {
                return;
            }
            if !matches!(self.open, Open::Item { .. }) {
                self.close();
            }
            return;
        }
        // The archive header.
        if text == "# 公表概要" {
            self.close();
            self.in_header = true;
            self.has_header = true;
            self.under_header_title = true;
            self.header_bullets = 0;
            self.letterhead_open = false;
            self.heading(i, Some(Style::Markdown(1)), line.range.start + 2);
            return;
        }
        if self.in_header {
            if text.starts_with("# 本文") {
                self.close();
                self.in_header = false;
                self.body_start = self
                    .lines
                    .get(i + 1)
                    .map_or(self.text.len(), |l| l.raw.start);
                self.heading(i, Some(Style::Markdown(1)), line.range.start + 2);
                self.letterhead_open = true;
                return;
            }
            if text.starts_with('#') {
                self.close();
                self.under_header_title = false;
                self.heading(i, Some(Style::Markdown(1)), line.range.start + 1);
                return;
            }
            if let Some(value) = text.strip_prefix("- ") {
                let field = if self.under_header_title {
                    self.header_bullets += 1;
                    match self.header_bullets {
                        1 => HeaderField::Title,
                        2 => HeaderField::Published,
                        3 => HeaderField::Issuers,
                        4 => HeaderField::Url,
                        _ => HeaderField::Extra,
                    }
                } else {
                    HeaderField::Other
                };
                let lead = value.len() - value.trim_start().len();
                let start = line.range.end - value.len() + lead;
                let kind = BlockKind::HeaderField {
                    field,
                    value: start..line.range.end,
                };
                self.push(kind, vec![line.range.clone()], line.indent);
            }
            return;
        }
        // Tables.
        // Leading tabs are empty cells: rows are read untrimmed.
        let raw = self.text.get(line.raw.clone()).unwrap_or("");
        if let Some(cells) = row_cells(raw, line.raw.start) {
            if !matches!(self.open, Open::Table { .. }) {
                self.close();
                self.open = Open::Table {
                    rows: Vec::new(),
                    separator_at: None,
                };
            }
            if let Open::Table { rows, separator_at } = &mut self.open {
                if is_separator(text) {
                    separator_at.get_or_insert(rows.len());
                } else {
                    rows.push(Row {
                        range: line.range.clone(),
                        cells,
                    });
                }
            }
            self.letterhead_open = false;
            return;
        }
        if matches!(self.open, Open::Table { .. }) {
            self.close();
        }
        let marked = self.markers[i];
        // Continuation of an open list item or label line: indented deeper,
        // or the rest of a sentence the item left open.
        if let Open::Item { index } = self.open {
            if self.continues(index, &line, marked) {
                self.extend(index, line.range.clone());
                return;
            }
            self.open = Open::None;
        }
        if let Some(m) = marked {
            let shaped = heading_shaped(text);
            let heading = match m.style {
                Style::Markdown(_) => true,
                // 【氏名／メールアドレス／電話番号】 is a run of items.
                Style::Bracketed => shaped && !delimits_items(text),
                s => s.can_head() && shaped && !self.in_run(i, s),
            };
            if heading {
                self.close();
                self.list_indents.clear();
                self.in_signature = false;
                let title_start = match m.style {
                    Style::Markdown(_) => line.range.start + m.len,
                    _ => line.range.start,
                };
                self.heading(i, Some(m.style), title_start);
                return;
            }
            self.close();
            self.list_item(&line, m);
            return;
        }
        // A short unmarked line naming a section (「再発防止策について」).
        let chars = text.chars().count();
        if chars <= 25
            && !text.contains(['、', '。'])
            && !delimits_items(text)
            && classify_heading(text).is_some()
            && !matches!(self.open, Open::Paragraph { .. })
        {
            self.close();
            self.list_indents.clear();
            self.heading(i, None, line.range.start);
            return;
        }
        if text == "以上" {
            self.close();
            self.in_signature = true;
            self.push(BlockKind::Signature, vec![line.range.clone()], line.indent);
            return;
        }
        if self.letterhead_open && matches!(self.open, Open::None) && letterhead_line(text) {
            self.push(BlockKind::Letterhead, vec![line.range.clone()], line.indent);
            return;
        }
        if !matches!(self.open, Open::Paragraph { .. })
            && let Some((label, value)) = label_value(text)
        {
            self.close();
            self.letterhead_open = false;
            let base = line.range.start;
            let kind = BlockKind::LabelValue {
                label: base + label.start..base + label.end,
                value: base + value.start..base + value.end,
            };
            let index = self.push(kind, vec![line.range.clone()], line.indent);
            self.open = Open::Item { index };
            return;
        }
        self.letterhead_open = false;
        self.list_indents.clear();
        let ends = text.ends_with(['。', '!', '?']);
        match &mut self.open {
            Open::Paragraph {
                lines, last_chars, ..
            } => {
                lines.push(line.range.clone());
                *last_chars = chars;
            }
            _ => {
                self.close();
                self.open = Open::Paragraph {
                    lines: vec![line.range.clone()],
                    last_chars: chars,
                    indent: line.indent,
                };
            }
        }
        if ends && !self.in_signature {
            self.close();
        }
    }

    /// Opens a heading on line `i` whose title starts at byte `title_start`.
    fn heading(&mut self, i: usize, style: Option<Style>, title_start: usize) {
        let Some(line) = self.lines.get(i).cloned() else {
            return;
        };
        let level = self.heading_level(style);
        while self.headings.last().is_some_and(|&(l, _)| l >= level) {
            self.headings.pop();
        }
        let title_text = self.text.get(title_start..line.range.end).unwrap_or("");
        let lead = title_text.len() - title_text.trim_start().len();
        let kind = BlockKind::Heading {
            level,
            style,
            title: title_start + lead..line.range.end,
        };
        let index = self.push(kind, vec![line.range.clone()], line.indent);
        self.headings.push((level, index));
        self.letterhead_open = false;
    }

    fn list_item(&mut self, line: &Line, m: Marker) {
        self.letterhead_open = false;
        while self.list_indents.last().is_some_and(|&w| w > line.indent) {
            self.list_indents.pop();
        }
        if self.list_indents.last().is_none_or(|&w| w < line.indent) {
            self.list_indents.push(line.indent);
        }
        let depth = u8::try_from(self.list_indents.len().saturating_sub(1)).unwrap_or(u8::MAX);
        let body_start = line.range.start + m.len;
        let body_text = self.text.get(body_start..line.range.end).unwrap_or("");
        let (label, body) = match label_value(body_text) {
            Some((l, v)) => (
                Some(body_start + l.start..body_start + l.end),
                body_start + v.start..line.range.end,
            ),
            None => (None, body_start..line.range.end),
        };
        let kind = BlockKind::ListItem {
            style: m.style,
            depth,
            label,
            body,
        };
        let index = self.push(kind, vec![line.range.clone()], line.indent);
        self.open = Open::Item { index };
    }

    /// Whether line `line` continues block `index` (a list item or label
    /// line): an unmarked line indented deeper than the block; any line
    /// while a bracket of the block is open (up to three lines); an
    /// unmarked line after a long line that ends mid-sentence; or the
    /// value lines of a label line whose value is empty.
    fn continues(&self, index: usize, line: &Line, marked: Option<Marker>) -> bool {
        let Some(block) = self.blocks.get(index) else {
            return false;
        };
        let so_far = self.text.get(block.range.clone()).unwrap_or("");
        if bracket_balance(so_far) > 0 && block.lines.len() <= 3 {
            return true;
        }
        if marked.is_some() {
            return false;
        }
        let text = line.text(self.text);
        if line.indent > block.indent {
            return true;
        }
        let last = block
            .lines
            .last()
            .and_then(|r| self.text.get(r.clone()))
            .unwrap_or("");
        let empty_value = match &block.kind {
            BlockKind::LabelValue { value, .. } => value.is_empty(),
            BlockKind::ListItem {
                label: Some(_),
                body,
                ..
            } => body.is_empty(),
            _ => false,
        };
        if empty_value && block.lines.len() == 1 && !text.contains('。') {
            return true;
        }
        let open_sentence = last.chars().count() >= 30
            && !last.ends_with(['。', '!', '?', ')', '」', ':'])
            && !matches!(block.kind, BlockKind::LabelValue { .. });
        open_sentence && label_value(text).is_none()
    }

    fn extend(&mut self, index: usize, range: Range<usize>) {
        if let Some(block) = self.blocks.get_mut(index) {
            block.range.end = range.end;
            block.lines.push(range.clone());
            match &mut block.kind {
                BlockKind::ListItem { body, .. } => body.end = range.end,
                BlockKind::LabelValue { value, .. } => {
                    if value.start == value.end {
                        *value = range;
                    } else {
                        value.end = range.end;
                    }
                }
                _ => {}
            }
        }
    }
}

/// A bracketed line that lists items: two or more of 「／」「・」「、」
/// (「【氏名／メールアドレス／電話番号】」).
fn delimits_items(line: &str) -> bool {
    line.chars()
        .filter(|c| matches!(c, '/' | '・' | '、' | ','))
        .count()
        >= 2
}

/// A paragraph whose last line is long and unfinished continues after a
/// blank line (PDF text often has blank lines between wrapped lines).
fn wrapped(text: &str, lines: &[Range<usize>], last_chars: usize) -> bool {
    let last = lines.last().and_then(|r| text.get(r.clone())).unwrap_or("");
    last_chars >= 30 && !last.ends_with(['。', ')', '」', ':'])
}

#[cfg(test)]
mod tests;
