//! Where notices put their item lists, and how a list splits into items.
//!
//! The text is cut into [`Piece`]s: sentences of prose lines, bullet and
//! list lines, and the cells of table rows (a cell's `<br/>` lines apart).
//! A heading or lead-in line that announces the affected items
//! (「漏えいしたおそれのある個人情報の項目」, 「流出した可能性のあるデータは
//! 以下の通りです。」) opens a *block*: the list lines under it describe
//! affected data even without a cue of their own. The block ends at the next
//! heading of the same or a higher level, or at a prose line without items
//! once the list has begun. The statutory heading 「漏えい等が発生し、又は
//! 発生したおそれがある個人データの項目」 opens a block too.
//!
//! Two more list shapes count as affected data: a line that is one bracket
//! right after a sentence saying data leaked or was stored (「…情報が保管
//! されていました。」 / 「（患者番号、氏名、性別）」), and a line enumerating
//! many short items closed by one sentence (「氏名、性別、年齢、住所 など
//! お預かりした情報。」), whose sentences are still cut apart.
//!
//! Inside a piece, items are separated by 、 , ・ / 及び および 並びに と や
//! (outside brackets, so 「家族構成（氏名・生年月日含む）」 stays one item).

use std::ops::Range;

use super::negation::{
    announces_items, clause_start, has_leak_cue, is_advice, negation_cue, strip_trailing_bracket,
};
use crate::structure::lines::bracket_balance;
use crate::structure::table::{Row, Table};
use crate::structure::{
    Block as StructureBlock, BlockKind, HeaderField, Section, Structure, classify_heading,
};
use crate::tokenize::Token;

/// One unit the extractor classifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the normalized text.
    pub range: Range<usize>,
    /// Inside a block announced as the affected items, or a table row
    /// whose header names items.
    pub in_block: bool,
    /// A list line or table cell (not running prose): items the vocabulary
    /// does not know become `other`.
    pub list_like: bool,
    /// Inside a block whose heading or lead-in says its items were NOT
    /// affected (「漏えいしていないと想定される情報」).
    pub negated: bool,
    /// A table cell (or a `<br/>` line of one): its unknown items count
    /// only when the cell also names a known item, since table rows also
    /// hold headers and descriptions of the people affected.
    pub cell: Option<Range<usize>>,
}

/// Cuts normalized text into pieces, reading its layout from `structure`
/// (see [`crate::structure`]).
///
/// ```
/// use jpnotice::extract::data_items::lists::pieces;
/// use jpnotice::structure::Structure;
/// let text = "## 2. 漏えいした個人情報\n- 氏名、住所\n## 3. 今後の対応\n再発防止に努めます。";
/// let p = pieces(text, &Structure::new(text));
/// assert_eq!(&text[p[1].range.clone()], "- 氏名、住所");
/// assert!(p[1].in_block && p[1].list_like);
/// assert!(!p.last().unwrap().in_block);
/// ```
pub fn pieces(text: &str, structure: &Structure) -> Vec<Piece> {
    let mut reader = Reader {
        text,
        out: Vec::new(),
        block: None,
        prose_before: None,
        lead_depth: None,
        aside: None,
    };
    for block in structure.blocks() {
        reader.block(block);
    }
    reader.out
}

/// Reads blocks into pieces, keeping the open block of affected items.
struct Reader<'t> {
    text: &'t str,
    out: Vec<Piece>,
    block: Option<Block>,
    /// The previous line, when it was prose: a bracketed list after it is
    /// affected data if it says data was affected (「…患者様情報が保管
    /// されていました。」), which is only checked when such a list follows.
    prose_before: Option<&'t str>,
    /// The depth of a list item that announced the items under it
    /// (「・対象となる情報」 followed by deeper items or indented lines).
    lead_depth: Option<u8>,
    /// The level of the heading that opened a countermeasure, advice or
    /// contact section: no items are read there (ANNOTATION.md: items
    /// named in countermeasures or advice are no data items).
    aside: Option<u8>,
}

impl<'t> Reader<'t> {
    fn push(&mut self, range: Range<usize>, in_block: bool, list_like: bool) {
        let negated = in_block && self.block.as_ref().is_some_and(|b| b.negated);
        self.out.push(Piece {
            range,
            in_block,
            list_like,
            cell: None,
            negated,
        });
    }

    fn block(&mut self, block: &StructureBlock) {
        let text = self.text;
        match &block.kind {
            BlockKind::HeaderField { field, .. } => {
                if *field == HeaderField::Title {
                    self.push(block.range.clone(), false, false);
                }
            }
            BlockKind::Letterhead | BlockKind::Signature => {}
            BlockKind::Heading { level, .. } => {
                let trimmed = text.get(block.range.clone()).unwrap_or("");
                let level = *level;
                let own_section = is_own_section(trimmed);
                if self.aside.is_some_and(|l| level <= l) {
                    self.aside = None;
                }
                if own_section {
                    self.aside = Some(level);
                }
                // A heading of its own kind of section (contact, advice,
                // countermeasures) ends the items whatever its level.
                // A sibling heading naming another group's data
                // (「お客さまに関する個人情報」 after 「<記録されていた個人
                // 情報>」) goes on listing items.
                // A lead-in whose list has not begun (「漏えいした可能性のある
                // 情報は以下のとおりです。」) lists its items under the headings
                // that follow it, one group each (「【会員のお客様】」
                // 「■オンラインストア」), until a heading of another topic.
                let group =
                    !own_section && !names_affected_people(trimmed) && !names_other_topic(trimmed);
                let sibling_group = self.block.as_ref().is_some_and(|b| {
                    names_data_group(trimmed) || b.from_lead && level == b.level && group
                });
                let lead_group = self
                    .block
                    .as_ref()
                    .is_some_and(|b| b.level == u8::MAX && !b.content_seen)
                    && group;
                if lead_group && let Some(b) = &mut self.block {
                    b.level = level;
                    b.from_lead = true;
                } else if sibling_group && let Some(b) = &mut self.block {
                    b.paused = false;
                    b.content_seen = false;
                } else if let Some(b) = &mut self.block
                    && b.level == u8::MAX
                    && let Some(outer) = b.outer.filter(|&o| level > o)
                    && !own_section
                {
                    b.level = outer;
                    b.outer = None;
                } else if let Some(b) = &self.block
                    // A sub-heading on whom or how many (「(1)対象となる方」)
                    // leaves the items until the next heading of items.
                    && (level <= b.level || own_section || names_affected_people(trimmed))
                    && !sibling_group
                {
                    self.block = None;
                }
                if announces_items(trimmed) && self.aside.is_none() {
                    self.block = Some(Block {
                        level,
                        content_seen: false,
                        negated: negation_cue(trimmed).is_some(),
                        from_lead: false,
                        paused: false,
                        outer: None,
                    });
                }
                self.prose_before = None;
                self.lead_depth = None;
                self.push(block.range.clone(), false, false);
            }
            _ if self.aside.is_some() => {}
            BlockKind::Table(table) => {
                self.prose_before = None;
                self.lead_depth = None;
                let header_names = table
                    .rows
                    .first()
                    .and_then(|r| text.get(r.range.clone()))
                    .is_some_and(header_names_items);
                let in_block = self.block.is_some() || header_names;
                // Column names of a table with data rows are no unknown
                // items (「学校名」「総数」); known items there still count.
                let data_rows = table.header_rows < table.rows.len();
                for (r, row) in table.rows.iter().enumerate() {
                    let header = data_rows && r < table.header_rows;
                    row_pieces(text, row, in_block, !header, &mut self.out);
                }
            }
            BlockKind::ListItem { depth, body, .. } => {
                let depth = *depth;
                let under_lead = self.lead_depth.is_some_and(|d| depth > d);
                if !under_lead {
                    self.lead_depth = None;
                }
                let first = block.lines.first().cloned().unwrap_or(0..0);
                let first_text = text.get(first.clone()).unwrap_or("");
                let announces = announces_items(first_text) && !first_text.contains('。');
                // An item that is a label of something else with its text
                // below (「・パソコンの状態」 / 「　起動時のパスワードは…」,
                // 「・対象となった可能性のある方」) leaves the items.
                let head = text
                    .get(body.start..first.end.max(body.start))
                    .unwrap_or("")
                    .trim();
                let off_topic = block.lines.len() > 1
                    && !announces
                    && !head.contains(['、', '/', '・'])
                    && (!names_items_label(head) || names_affected_people(head));
                self.lines(
                    text,
                    &block.lines,
                    off_topic,
                    |k| under_lead || k > 0 && announces,
                    true,
                );
                if announces && block.lines.len() == 1 {
                    self.lead_depth = Some(depth);
                }
            }
            BlockKind::LabelValue { label, value } => {
                self.lead_depth = None;
                let first = block.lines.first().cloned().unwrap_or(0..0);
                let first_text = text.get(first.clone()).unwrap_or("");
                let value_below = value.start > first.end || value.is_empty();
                let announces = value_below && announces_items(first_text);
                // Under a heading of items, a label of something else
                // (「対象者：」「対応：」) leaves the items.
                let label_text = text.get(label.clone()).unwrap_or("");
                let off_topic = !names_items_label(label_text);
                self.lines(text, &block.lines, off_topic, |k| k > 0 && announces, false);
            }
            BlockKind::Paragraph { .. } => {
                self.lead_depth = None;
                self.lines(text, &block.lines, false, |_| false, false);
            }
        }
    }

    /// The logical lines of a block, the `k`-th forced into the items when
    /// `forced(k)`; with `off_topic`, the open list of items is set aside
    /// while they are read (a label of something else under it).
    fn lines(
        &mut self,
        text: &str,
        lines: &[Range<usize>],
        off_topic: bool,
        forced: impl Fn(usize) -> bool,
        bulleted: bool,
    ) {
        let saved = if off_topic { self.block.take() } else { None };
        for (k, range) in logical(text, lines).into_iter().enumerate() {
            self.line(range, forced(k), bulleted);
        }
        if saved.is_some() {
            self.block = saved;
        }
    }

    /// One logical line outside tables and headings; `forced` puts it in
    /// the affected items (a value under an announcing label), `bulleted`
    /// says it is a list item.
    fn line(&mut self, range: Range<usize>, forced: bool, bulleted: bool) {
        let text = self.text;
        let body = text.get(range.clone()).unwrap_or("");
        let trimmed = body.trim();
        if trimmed.is_empty() {
            return;
        }
        let list_like = bulleted && !is_prose(trimmed) || is_list_line(trimmed);
        if let Some(b) = &mut self.block {
            let prose_after = !list_like && b.content_seen && !mentions_items(trimmed);
            if prose_after && b.from_lead {
                b.paused = true;
            } else if prose_after && b.level > 6 {
                self.block = None;
            } else if list_like {
                b.content_seen = true;
            }
        }
        // A lead-in may be one sentence of a longer line (「…個人情報は以下の
        // とおりです。本件に起因する二次被害は…」); whether it negates is
        // read from that sentence alone.
        // The lead-in sentence, whose own negation marks the list (not a
        // note after it: 「…項目は以下のとおりです。なお、口座情報は含まれて
        // おりません。」).
        let lead = || -> Option<&str> {
            if list_like {
                return is_lead_in(trimmed).then_some(trimmed);
            }
            sentences(text, range.clone())
                .into_iter()
                .find_map(|s| lead_in_clause(text.get(s).unwrap_or("").trim()))
        };
        // A lead-in also takes over the block of a heading whose list has
        // not begun (「(2)漏えいの可能性があるお客様」 / 「…情報は以下の
        // とおりです。」 / 「【会員のお客様】」).
        let open = self
            .block
            .as_ref()
            .is_none_or(|b| !b.content_seen && !b.from_lead);
        if open && let Some(lead) = lead() {
            let outer = self.block.as_ref().map(|b| b.level);
            self.block = Some(Block {
                level: u8::MAX,
                content_seen: false,
                negated: negation_cue(lead).is_some(),
                from_lead: false,
                paused: false,
                outer,
            });
            self.push(range, false, false);
            return;
        }
        let in_block = forced
            || self.block.as_ref().is_some_and(|b| !b.paused)
            || (list_like
                && is_bracketed_list(trimmed)
                && self.prose_before.is_some_and(describes_leak));
        self.prose_before = (!list_like).then_some(trimmed);
        if list_like {
            self.push(range, in_block, true);
        } else {
            // A line enumerating many items is a list even with a closing
            // sentence; its sentences are still cut apart.
            // (Six items need five 「、」; most lines have fewer.)
            let enumerating =
                trimmed.matches('、').count() >= 5 && enumerates(&outside_brackets(trimmed));
            for sentence in sentences(text, range) {
                self.push(sentence, in_block, enumerating);
            }
        }
    }
}

/// The logical lines of a block: a line whose bracket is still open at
/// its end joined with the next ones (up to three): PDF text wraps
/// 「個人情報（カ」 / 「ナ氏名及びＸ線画像）が流出」.
fn logical(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = lines.get(i) {
        let mut range = first.clone();
        let mut depth = bracket_balance(text.get(range.clone()).unwrap_or(""));
        let mut joined = 0;
        while depth > 0 && joined < 3 {
            let Some(next) = lines.get(i + 1) else {
                break;
            };
            range.end = next.end;
            depth += bracket_balance(text.get(next.clone()).unwrap_or(""));
            joined += 1;
            i += 1;
        }
        out.push(range);
        i += 1;
    }
    out
}

/// A line of prose: a sentence end outside brackets before its last
/// character.
fn is_prose(line: &str) -> bool {
    outside_brackets(line)
        .trim_end()
        .trim_end_matches('。')
        .contains('。')
}

/// An open block of affected items.
#[derive(Debug)]
struct Block {
    /// Heading level that opened it (`u8::MAX` for a lead-in sentence).
    level: u8,
    /// Whether a list line has been seen.
    content_seen: bool,
    /// The heading or lead-in says the items were NOT affected.
    negated: bool,
    /// A lead-in's block that took the level of the group headings below
    /// it: its prose lines after a group's list are no items, but the next
    /// group heading goes on listing them.
    from_lead: bool,
    /// Prose came after a group's list (in a `from_lead` block): the lines
    /// up to the next group heading are no items.
    paused: bool,
    /// The level of the heading block a lead-in took over: a deeper
    /// heading that is no group (「#### 2024年5月1日～6月30日」) goes back
    /// to that block instead of ending the list.
    outer: Option<u8>,
}

/// A label under which items are listed: 「情報」「項目」「データ」「内容」
/// 「内訳」「種類」, a label announcing items, or a vocabulary-like item
/// label (「氏名」): not 「対象者」「対応」「原因」「日時」.
fn names_items_label(label: &str) -> bool {
    const ITEM_LABELS: [&str; 6] = ["情報", "項目", "データ", "内容", "内訳", "種類"];
    const OTHER_LABELS: [&str; 12] = [
        "対象者",
        "対応",
        "原因",
        "日時",
        "日",
        "期間",
        "経緯",
        "概要",
        "時期",
        "件数",
        "人数",
        "者",
    ];
    if OTHER_LABELS.iter().any(|l| label.ends_with(l)) {
        return false;
    }
    ITEM_LABELS.iter().any(|l| label.contains(l))
        || announces_items(label)
        || label.chars().count() <= 8
}

/// Whether a table's first row says the table lists affected items
/// (「|区分|情報項目|漏えい状況|」).
fn header_names_items(row: &str) -> bool {
    ["項目", "漏えい", "漏洩", "流出", "おそれ", "含まれ", "漏い"]
        .iter()
        .any(|cue| row.contains(cue))
}

/// A prose line saying data was affected, without negation or advice.
fn describes_leak(line: &str) -> bool {
    has_leak_cue(line) && !is_advice(line) && negation_cue(line).is_none()
}

/// A line that is one bracket holding a list: 「（患者番号、氏名、性別）」.
fn is_bracketed_list(line: &str) -> bool {
    let opens = line.starts_with('(') || line.starts_with('（');
    let closes = line.ends_with(')') || line.ends_with('）');
    opens && closes && line.contains('、') && outside_brackets(line).trim().is_empty()
}

/// A line enumerating many short items, perhaps closed by one sentence:
/// 「氏名、性別、生年月日、年齢、住所 など ご本人から伺った情報。」
fn enumerates(outside: &str) -> bool {
    let segments: Vec<usize> = outside.split('、').map(|s| s.chars().count()).collect();
    let count = segments.len();
    let body: usize = segments.iter().take(count.saturating_sub(1)).copied().sum();
    count >= 6 && body <= count.saturating_sub(1).saturating_mul(8)
}

/// A bullet line or a short line without a sentence end.
fn is_list_line(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let bullet = matches!(
        first,
        '・' | '-' | '*' | '→' | '◇' | '◆' | '●' | '○' | '■' | '□' | '※' | '>'
    );
    if !line.contains('。') {
        // No sentence end anywhere, so none outside brackets either.
        return bullet || line.chars().count() <= 100;
    }
    let outside = outside_brackets(line);
    let prose = outside.trim_end().trim_end_matches('。').contains('。');
    !prose && (bullet || (!outside.contains('。') && line.chars().count() <= 100))
}

/// Whether a prose line names items through a list delimiter (so it does
/// not end a block).
fn mentions_items(line: &str) -> bool {
    line.contains('、') && !line.contains('。')
}

/// A sentence introducing a list below it: 「流出した可能性のあるデータは以下の
/// 通りです。」, or a short label line 「含まれていた個人情報の種類」.
fn is_lead_in(line: &str) -> bool {
    // 「（以下、「当該システム」）」 names an abbreviation, not a list.
    let below = line
        .match_indices("以下")
        .any(|(i, w)| !line[i + w.len()..].starts_with(['、', '「', '"', '“']));
    let points_below = below || line.contains("下記") || line.contains("次の");
    let label_line = line.chars().count() <= 30
        && !line.contains(['。', '、'])
        && ["情報", "項目", "種類", "内容", "内訳", "データ"]
            .iter()
            .any(|w| line.trim_end_matches([':', ' ']).ends_with(w));
    // Below a sentence that points at a list, a leak cue is enough
    // (「以下の情報が外部に流出した可能性があることが判明いたしました。」).
    let announces = announces_items(line)
        || points_below
            && has_leak_cue(line)
            && !is_advice(line)
            && negation_cue(line).is_none()
            && !["人数", "件数", "者数", "数は", "学校"]
                .iter()
                .any(|w| line.contains(w));
    (points_below || label_line) && announces && line.chars().count() <= 80
}

/// A heading of a contact, advice or countermeasure section, where no
/// items are read; not a heading on people that names their contact data
/// (「【連絡先を確認できる方】」 heads the items of those people).
fn is_own_section(heading: &str) -> bool {
    match classify_heading(heading) {
        Some(Section::Contact) => !heading
            .trim_end_matches([')', '）', '】', '>', ' '])
            .ends_with(['方', '者']),
        Some(_) => true,
        None => false,
    }
}

/// The lead-in of a sentence: the sentence, or its last clause when an
/// earlier clause is about something else (「二次被害の報告は受けており
/// ませんが、漏えいの可能性がある情報は以下のとおりです。」).
fn lead_in_clause(sentence: &str) -> Option<&str> {
    if is_lead_in(sentence) {
        return Some(sentence);
    }
    let start = clause_start(sentence.trim_end_matches('。'));
    let clause = sentence.get(start..)?;
    (start > 0 && is_lead_in(clause)).then_some(clause)
}

/// A heading on the people or counts affected: 「(1)対象となる方」
/// 「対象となるお客様」「対象件数」.
fn names_affected_people(heading: &str) -> bool {
    let t = heading.trim_end_matches([')', '）', '】', '>', ' ', ':']);
    t.contains("対象")
        && ["方", "者", "様", "さま", "数", "範囲"]
            .iter()
            .any(|w| t.ends_with(w))
}

/// A heading naming one group's personal data: 「お客さまに関する個人情報」
/// 「当院関係者の情報」 (no cue of another section).
fn names_data_group(heading: &str) -> bool {
    let t = strip_trailing_bracket(heading.trim_start_matches(['#', ' ', '・', '●', '■']))
        .trim_end_matches([')', '）', '】', '>', ' ']);
    let t = strip_trailing_bracket(strip_trailing_count(t))
        .trim_end_matches([')', '）', '】', '>', ' ']);
    let t = t.strip_suffix("について").unwrap_or(t);
    t.chars().count() <= 40
        && (t.ends_with("情報") || t.ends_with("データ"))
        && classify_heading(t).is_none()
        && !is_advice(t)
}

/// A text without the count at its end: 「会員の個人情報 3,887 件」 →
/// 「会員の個人情報」, 「個人情報　約16万件」 → 「個人情報」.
///
/// ```text
/// strip_trailing_count("個人情報 約16万件") == "個人情報"
/// ```
fn strip_trailing_count(text: &str) -> &str {
    let t = text.trim_end();
    if !t.ends_with(['件', '名', '人']) {
        return t;
    }
    let kept = t
        .trim_end_matches(['件', '名', '人', '分'])
        .trim_end_matches(|c: char| c.is_ascii_digit() || ",，.万千 　".contains(c))
        .trim_end_matches(['約', '計', '大', '最', ' ', '　', ':', '：']);
    let stripped = t.get(kept.len()..).unwrap_or("");
    if stripped.chars().any(|c| c.is_ascii_digit()) {
        kept.trim_end()
    } else {
        t
    }
}

/// A heading of a topic other than a group of the items: the course of
/// events, the cause, counts, dates (「【概要】」「(1)対象件数：合計1,234名」
/// 「(3)二次被害について」).
fn names_other_topic(heading: &str) -> bool {
    const ENDINGS: [&str; 16] = [
        "概要", "対応", "状況", "件数", "人数", "者数", "日時", "期間", "時期", "対策", "影響",
        "調査", "結果", "数", "日", "時点",
    ];
    const ANYWHERE: [&str; 6] = ["概要", "経緯", "原因", "二次被害", "お詫び", "今後"];
    let label = heading.split([':', '：']).next().unwrap_or(heading);
    let t = label.trim_end_matches([')', '）', '】', '>', ' ']);
    let t = strip_trailing_count(t);
    let t = t.strip_suffix("について").unwrap_or(t);
    ENDINGS.iter().any(|w| t.ends_with(w)) || ANYWHERE.iter().any(|w| t.contains(w))
}

/// Splits a prose line into sentences at 「。」 outside brackets.
fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(line) = text.get(range.clone()) else {
        return out;
    };
    let mut depth: u32 = 0;
    let mut start = 0;
    for (i, c) in line.char_indices() {
        match c {
            '(' | '（' | '「' | '『' => depth = depth.saturating_add(1),
            ')' | '）' | '」' | '』' => depth = depth.saturating_sub(1),
            '。' if depth == 0 => {
                let end = i + c.len_utf8();
                if line.get(start..end).is_some_and(|s| !s.trim().is_empty()) {
                    out.push(range.start + start..range.start + end);
                }
                start = end;
            }
            _ => {}
        }
    }
    if line.get(start..).is_some_and(|s| !s.trim().is_empty()) {
        out.push(range.start + start..range.end);
    }
    out
}

/// The text outside brackets (so a 「。」 inside 「（…）」 does not make a
/// list line prose).
fn outside_brackets(line: &str) -> String {
    let mut depth: u32 = 0;
    let mut out = String::new();
    for c in line.chars() {
        match c {
            '(' | '（' => depth = depth.saturating_add(1),
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Cuts a table row into cells and each cell at `<br/>` / `<br>`.
fn row_pieces(text: &str, row: &Row, in_block: bool, lists: bool, out: &mut Vec<Piece>) {
    for cell in &row.cells {
        for line in Table::cell_lines(text, cell) {
            let trimmed = text.get(line.clone()).unwrap_or("").trim();
            if trimmed.chars().all(|c| c == '-' || c == ':' || c == ' ') {
                continue;
            }
            if lists && is_list_line(trimmed) {
                out.push(Piece {
                    range: line,
                    in_block,
                    list_like: true,
                    cell: Some(cell.clone()),
                    negated: false,
                });
            } else {
                for sentence in sentences(text, line) {
                    out.push(Piece {
                        range: sentence,
                        in_block,
                        list_like: false,
                        cell: None,
                        negated: false,
                    });
                }
            }
        }
    }
}

/// How a token works inside a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Separates items: 、 , ・ / 及び および 並びに と や 又は.
    Delimiter,
    /// Opens a bracket.
    Open,
    /// Closes a bracket.
    Close,
    /// Part of an item.
    Word,
}

/// The role of a token in a list.
///
/// ```
/// use jpnotice::extract::data_items::lists::{role, Role};
/// let tokens = jpnotice::tokenize::tokenize("氏名及び住所");
/// assert_eq!(role(&tokens[1]), Role::Delimiter);
/// ```
pub fn role(token: &Token) -> Role {
    match token.surface.as_str() {
        "、" | "," | "・" | "/" | "／" | "及び" | "および" | "並びに" | "ならびに" | "又は"
        | "または" | "もしくは" | "及" | ";" => Role::Delimiter,
        "と" | "や" if token.pos == "助詞" => Role::Delimiter,
        "(" | "（" | "「" | "『" | "[" | "【" | "<" => Role::Open,
        ")" | "）" | "」" | "』" | "]" | "】" | ">" => Role::Close,
        _ => Role::Word,
    }
}

/// Splits a run of tokens into items (index ranges into `tokens`) at
/// delimiters outside brackets and outside the token ranges in `keep`
/// (vocabulary matches such as 「電話・携帯電話番号」).
///
/// ```
/// use jpnotice::extract::data_items::lists::elements;
/// let text = "家族構成(氏名・生年月日含む)、電話番号";
/// let tokens = jpnotice::tokenize::tokenize(text);
/// let items: Vec<&str> = elements(&tokens, &[])
///     .into_iter()
///     .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
///     .collect();
/// assert_eq!(items, ["家族構成(氏名・生年月日含む)", "電話番号"]);
/// ```
pub fn elements(tokens: &[Token], keep: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth: u32 = 0;
    let inner = wrapped_run(tokens);
    let mut start = inner.start;
    for (i, token) in tokens.iter().enumerate().take(inner.end).skip(inner.start) {
        match role(token) {
            Role::Open => depth = depth.saturating_add(1),
            Role::Close => depth = depth.saturating_sub(1),
            Role::Delimiter if depth == 0 && !keep.iter().any(|r| r.contains(&i)) => {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.end {
        out.push(start..inner.end);
    }
    out
}

/// The tokens inside one bracket that wraps a whole run (after any
/// bullet): 「【氏名／メールアドレス／電話番号】」 lists items inside its
/// bracket. Other runs are returned whole.
///
/// ```
/// use jpnotice::extract::data_items::lists::elements;
/// let text = "【氏名/電話番号/性別】";
/// let tokens = jpnotice::tokenize::tokenize(text);
/// assert_eq!(elements(&tokens, &[]).len(), 3);
/// ```
fn wrapped_run(tokens: &[Token]) -> Range<usize> {
    let whole = 0..tokens.len();
    let Some(open) = tokens
        .iter()
        .position(|t| !(t.pos == "記号" && role(t) == Role::Word))
    else {
        return whole;
    };
    if tokens.get(open).map(role) != Some(Role::Open) {
        return whole;
    }
    let mut depth: u32 = 0;
    for (i, token) in tokens.iter().enumerate().skip(open) {
        match role(token) {
            Role::Open => depth = depth.saturating_add(1),
            Role::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return if i + 1 == tokens.len() && i > open + 1 {
                        open + 1..i
                    } else {
                        whole
                    };
                }
            }
            _ => {}
        }
    }
    whole
}

/// For a descriptive clause holding its list in a bracket, the items of
/// that bracket (index ranges into `tokens`): in 「当社主催・関連イベントに
/// ご参加いただいた方の連絡先（氏名、団体名、通話日時）」 only the bracket
/// lists items. `None` when no bracket after a verb (outside brackets, in
/// the same element) holds a delimiter and a known item (a range of `keep`).
///
/// ```
/// use jpnotice::extract::data_items::lists::bracketed_elements;
/// let text = "店舗に在籍していた従業員情報（氏名、入社年月）";
/// let tokens = jpnotice::tokenize::tokenize(text);
/// let name = tokens.iter().position(|t| t.surface == "氏名").unwrap();
/// let keep = [name..name + 1];
/// let items: Vec<&str> = bracketed_elements(&tokens, &keep)
///     .unwrap_or_default()
///     .into_iter()
///     .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
///     .collect();
/// assert_eq!(items, ["氏名", "入社年月"]);
/// ```
pub fn bracketed_elements(tokens: &[Token], keep: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    let mut depth: u32 = 0;
    let mut verb_outside = false;
    let mut open_at: Option<usize> = None;
    let mut inner: Option<Range<usize>> = None;
    let mut delimited = false;
    for (i, token) in tokens.iter().enumerate() {
        match role(token) {
            Role::Open => {
                if depth == 0 {
                    open_at = Some(i);
                    delimited = false;
                }
                depth = depth.saturating_add(1);
            }
            Role::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && delimited
                    && verb_outside
                    && inner.is_none()
                    && let Some(open) = open_at
                {
                    inner = Some(open + 1..i);
                }
            }
            Role::Delimiter if depth >= 1 => delimited = true,
            // The clause must describe the bracket's own element.
            Role::Delimiter if depth == 0 => verb_outside = false,
            _ if depth == 0 && describes(token) => verb_outside = true,
            _ => {}
        }
    }
    let mut inner = inner.filter(|_| verb_outside)?;
    // 「（【氏名、団体名】）」: brackets wrapping the whole list.
    while inner.len() >= 2
        && tokens.get(inner.start).map(role) == Some(Role::Open)
        && tokens.get(inner.end - 1).map(role) == Some(Role::Close)
    {
        inner = inner.start + 1..inner.end - 1;
    }
    // The bracket must name a known item to be a list of items.
    if !keep
        .iter()
        .any(|r| r.start >= inner.start && r.end <= inner.end)
    {
        return None;
    }
    let slice = tokens.get(inner.clone())?;
    let shifted: Vec<Range<usize>> = keep
        .iter()
        .filter(|r| r.start >= inner.start && r.end <= inner.end)
        .map(|r| r.start - inner.start..r.end - inner.start)
        .collect();
    Some(
        elements(slice, &shifted)
            .into_iter()
            .map(|r| r.start + inner.start..r.end + inner.start)
            .collect(),
    )
}

/// A verb or an adjectival 「な」 (「必要な項目」): a clause describing
/// the noun it ends in.
fn describes(token: &Token) -> bool {
    token.pos == "動詞" || (token.pos == "助動詞" && token.surface == "な")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_in_opens_block_until_prose() {
        let text = "流出した可能性のあるデータは以下の通りです。\n\n顧客の氏名・メール本文\n\nお客様にはご心配をおかけしました。\n- 氏名";
        let p = pieces(text, &Structure::new(text));
        let item = p
            .iter()
            .find(|p| text[p.range.clone()].starts_with("顧客"))
            .unwrap();
        assert!(item.in_block);
        let last = p.last().unwrap();
        assert!(!last.in_block);
    }

    #[test]
    fn wrapped_bracket_joins_lines() {
        let text = "個人情報（カ\n\nナ氏名）が流出しました。\n次の行";
        let lines = [
            0..text.find('\n').unwrap(),
            text.find('ナ').unwrap()..text.find("\n次").unwrap(),
        ];
        let joined = logical(text, &lines);
        assert_eq!(
            &text[joined[0].clone()],
            "個人情報（カ\n\nナ氏名）が流出しました。"
        );
    }

    #[test]
    fn table_cells_split_at_breaks() {
        let text = "|区分|情報項目|\n|---|---|\n|会員|・氏名<br/>・住所|";
        let p = pieces(text, &Structure::new(text));
        let cells: Vec<&str> = p.iter().map(|p| &text[p.range.clone()]).collect();
        assert!(cells.contains(&"・氏名"));
        assert!(cells.contains(&"・住所"));
        assert!(p.iter().all(|p| p.in_block));
    }

    #[test]
    fn deeper_heading_keeps_block() {
        let text = "## Q4. 奪取された情報\n### ●会員の方\n- 年齢\n## Q5. 原因\n- 年齢";
        let p = pieces(text, &Structure::new(text));
        let flags: Vec<bool> = p
            .iter()
            .filter(|p| &text[p.range.clone()] == "- 年齢")
            .map(|p| p.in_block)
            .collect();
        assert_eq!(flags, [true, false]);
    }

    #[test]
    fn advice_and_countermeasure_sections_give_no_pieces() {
        let text = "## 漏えいした情報\n- 氏名\n## お客様へのお願い\n- パスワードの変更\n## 原因\n- 設定の誤り";
        let p = pieces(text, &Structure::new(text));
        let texts: Vec<&str> = p.iter().map(|p| &text[p.range.clone()]).collect();
        assert!(texts.contains(&"- 氏名"));
        assert!(!texts.contains(&"- パスワードの変更"));
        assert!(texts.contains(&"- 設定の誤り"));
    }

    #[test]
    fn negated_heading_marks_its_items() {
        let text =
            "## 漏えいしていないと想定される情報\n- クレジットカード情報\n## 原因\n- 設定の誤り";
        let p = pieces(text, &Structure::new(text));
        let card = p
            .iter()
            .find(|p| &text[p.range.clone()] == "- クレジットカード情報")
            .expect("piece");
        assert!(card.in_block && card.negated);
    }
}
