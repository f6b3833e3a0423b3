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
use std::sync::OnceLock;

use regex::Regex;

use super::negation::{announces_items, has_leak_cue, is_advice, negation_cue};
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
    /// A table cell (or a `<br/>` line of one): its unknown items count
    /// only when the cell also names a known item, since table rows also
    /// hold headers and descriptions of the people affected.
    pub cell: Option<Range<usize>>,
}

/// Cuts normalized text into pieces.
///
/// ```
/// use jpnotice::extract::data_items::lists::pieces;
/// let text = "## 2. 漏えいした個人情報\n- 氏名、住所\n## 3. 今後の対応\n再発防止に努めます。";
/// let p = pieces(text);
/// assert_eq!(&text[p[1].range.clone()], "- 氏名、住所");
/// assert!(p[1].in_block && p[1].list_like);
/// assert!(!p.last().unwrap().in_block);
/// ```
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut block: Option<Block> = None;
    let mut table_header_names_items = false;
    let mut in_table = false;
    // The previous line, when it was prose: a bracketed list after it is
    // affected data if it says data was affected (「…患者様情報が保管
    // されていました。」), which is only checked when such a list follows.
    let mut prose_before: Option<&str> = None;
    for range in logical_lines(text) {
        let body = text.get(range.clone()).unwrap_or("");
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let is_table_row = trimmed.starts_with('|');
        if !is_table_row {
            in_table = false;
        }
        if let Some(level) = heading_level(trimmed) {
            let announces = announces_items(trimmed);
            if let Some(b) = &block
                && level <= b.level
            {
                block = None;
            }
            if announces {
                block = Some(Block {
                    level,
                    content_seen: false,
                });
            }
            prose_before = None;
            out.push(Piece {
                range,
                in_block: false,
                list_like: false,
                cell: None,
            });
            continue;
        }
        if is_table_row {
            prose_before = None;
            if !in_table {
                in_table = true;
                table_header_names_items = header_names_items(trimmed);
            }
            let row_in_block = block.is_some() || table_header_names_items;
            table_cells(text, range, row_in_block, &mut out);
            continue;
        }
        let list_like = is_list_line(trimmed);
        if let Some(b) = &mut block {
            if !list_like && b.content_seen && b.level > 6 && !mentions_items(trimmed) {
                block = None;
            } else if list_like {
                b.content_seen = true;
            }
        }
        if block.is_none() && is_lead_in(trimmed) {
            block = Some(Block {
                level: u8::MAX,
                content_seen: false,
            });
            out.push(Piece {
                range,
                in_block: false,
                list_like: false,
                cell: None,
            });
            continue;
        }
        let in_block = block.is_some()
            || (list_like
                && is_bracketed_list(trimmed)
                && prose_before.is_some_and(describes_leak));
        prose_before = (!list_like).then_some(trimmed);
        if list_like {
            out.push(Piece {
                range,
                in_block,
                list_like: true,
                cell: None,
            });
        } else {
            // A line enumerating many items is a list even with a closing
            // sentence; its sentences are still cut apart.
            // (Six items need five 「、」; most lines have fewer.)
            let enumerating =
                trimmed.matches('、').count() >= 5 && enumerates(&outside_brackets(trimmed));
            for sentence in sentences(text, range) {
                out.push(Piece {
                    range: sentence,
                    in_block,
                    list_like: enumerating,
                    cell: None,
                });
            }
        }
    }
    out
}

/// The lines of `text` (without their line ends), a line whose bracket is
/// still open at its end joined with the next ones (up to three): PDF text
/// wraps 「個人情報（カ」 / 「ナ氏名及びＸ線画像）が流出」.
fn logical_lines(text: &str) -> Vec<Range<usize>> {
    let mut raw: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        raw.push(offset..offset + body.len());
        offset += line.len();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = raw.get(i) {
        let mut range = first.clone();
        let mut depth = bracket_balance(text.get(range.clone()).unwrap_or(""));
        let mut joined = 0;
        while depth > 0 && joined < 3 {
            let Some(next) = raw.get(i + 1) else {
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

/// Opening minus closing round brackets.
fn bracket_balance(s: &str) -> i32 {
    s.chars().fold(0i32, |n, c| match c {
        '(' | '（' => n.saturating_add(1),
        ')' | '）' => n.saturating_sub(1),
        _ => n,
    })
}

/// An open block of affected items.
#[derive(Debug)]
struct Block {
    /// Heading level that opened it (`u8::MAX` for a lead-in sentence).
    level: u8,
    /// Whether a list line has been seen.
    content_seen: bool,
}

/// The level of a heading line: markdown `#`s (1–6), 7 for numbered or
/// marked headings (「(3)項目」, 「2. …」, 「【…】」, 「■…」), `None` for
/// other lines.
fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes > 0 {
        return u8::try_from(hashes).ok();
    }
    static NUMBERED: OnceLock<Regex> = OnceLock::new();
    let re = NUMBERED.get_or_init(|| {
        Regex::new(
            r"^(\(\d{1,2}\)|\d{1,2}[.)]\s*\D|\d{1,2}\s+\D|[①-⑳]|[一二三四五六七八九十]{1,2}[、.]|第\d|【|[■◆□]|[ア-ン][\s.、])",
        )
        .unwrap_or_else(|_| Regex::new("$^").expect("valid"))
    });
    let short = line.chars().count() <= 50 && !line.ends_with('。');
    (short && re.is_match(line) && !line.contains('、')).then_some(7)
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
/// 通りです。」
fn is_lead_in(line: &str) -> bool {
    (line.contains("以下") || line.contains("下記") || line.contains("次の"))
        && announces_items(line)
        && line.chars().count() <= 60
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
fn table_cells(text: &str, range: Range<usize>, in_block: bool, out: &mut Vec<Piece>) {
    let Some(row) = text.get(range.clone()) else {
        return;
    };
    static BREAK: OnceLock<Regex> = OnceLock::new();
    let re = BREAK.get_or_init(|| {
        Regex::new(r"\||<br\s*/?>").unwrap_or_else(|_| Regex::new("$^").expect("valid"))
    });
    // Cell boundaries, to tell each `<br/>` line which cell it belongs to.
    let mut bars: Vec<usize> = row.match_indices('|').map(|(i, _)| i).collect();
    bars.push(row.len());
    let cell_of = |a: usize| -> Range<usize> {
        let end = bars.iter().copied().find(|&b| b >= a).unwrap_or(row.len());
        let start = bars
            .iter()
            .copied()
            .filter(|&b| b < a)
            .max()
            .map_or(0, |b| b + 1);
        range.start + start..range.start + end.max(start)
    };
    let mut last = 0;
    let mut push = |a: usize, b: usize| {
        let Some(cell) = row.get(a..b) else {
            return;
        };
        let trimmed = cell.trim();
        if trimmed.is_empty() || trimmed.chars().all(|c| c == '-' || c == ':' || c == ' ') {
            return;
        }
        let cell_range = range.start + a..range.start + b;
        if is_list_line(trimmed) {
            out.push(Piece {
                range: cell_range,
                in_block,
                list_like: true,
                cell: Some(cell_of(a)),
            });
        } else {
            for sentence in sentences(text, cell_range) {
                out.push(Piece {
                    range: sentence,
                    in_block,
                    list_like: false,
                    cell: None,
                });
            }
        }
    };
    for m in re.find_iter(row) {
        push(last, m.start());
        last = m.end();
    }
    push(last, row.len());
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
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
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
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
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
        let p = pieces(text);
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
        let lines = logical_lines(text);
        assert_eq!(
            &text[lines[0].clone()],
            "個人情報（カ\n\nナ氏名）が流出しました。"
        );
        assert_eq!(&text[lines[1].clone()], "次の行");
    }

    #[test]
    fn table_cells_split_at_breaks() {
        let text = "|区分|情報項目|\n|---|---|\n|会員|・氏名<br/>・住所|";
        let p = pieces(text);
        let cells: Vec<&str> = p.iter().map(|p| &text[p.range.clone()]).collect();
        assert!(cells.contains(&"・氏名"));
        assert!(cells.contains(&"・住所"));
        assert!(p.iter().all(|p| p.in_block));
    }

    #[test]
    fn deeper_heading_keeps_block() {
        let text = "## Q4. 奪取された情報\n### ●会員の方\n- 年齢\n## Q5. 今後の対応\n- 年齢";
        let p = pieces(text);
        let flags: Vec<bool> = p
            .iter()
            .filter(|p| &text[p.range.clone()] == "- 年齢")
            .map(|p| p.in_block)
            .collect();
        assert_eq!(flags, [true, false]);
    }
}
