//! Numerals as Japanese notices write them: 「1,092」「１７１，４７２」「十二万三千」
//! 「7万4238」「483千」, with qualifiers (約, 最大, 延べ, 以上 …), counters
//! (件, 名, 人 …) and ranges (「1万～2万件」).
//!
//! [`find_all`] takes raw text, normalizes it (full-width digits, spaces
//! inside numbers, wave dashes) and reports every numeric expression with
//! offsets into the text as given. The rules:
//! - the value comes from [`numeral::parse_at`]: Arabic digits with
//!   thousands separators and decimals, kanji numerals, mixed forms;
//! - digits glued to other digits by `-` `:` `/` or `.` (phone numbers,
//!   times, dates such as 2024/1/29, versions), to ASCII letters or `_`
//!   (IDs, file names) and anything inside a URL are not numbers;
//! - a kanji numeral of one character is a number only before a counter
//!   that makes it one (「一名」, not 「一部」「十分」「二次」), and not right
//!   after another kanji (「統一」「唯一」);
//! - qualifiers before the number (約, およそ, 概ね, 最大, 延べ …), between
//!   the number and its counter (余, 超) and after it (以上, 超, 未満, 以下,
//!   程度, 前後, 余り) are kept as written, in order; `approx` is set by 約,
//!   およそ, 概ね, 程度, 前後, 余り and the like;
//! - 「第5報」 and 「2件目」 are ordinals;
//! - a minus sign glued before the number (「マイナス120」「−1.5億」「▲300」)
//!   makes it negative;
//! - a malformed numeral (「1千1000」「1万0万」「三五十」, or one right after
//!   a large unit: 「万1千」) is passed over whole, never half-read;
//! - a text that is one numeral and nothing else is read strictly and
//!   whole, so that 「三」「〇」「ゼロ」 are numbers there ([`whole_numeral`]);
//! - a range (「1万~2万件」, 「40歳~74歳」, 「1~2万件」) gives both ends, the
//!   counter and the large unit of the second end shared with the first.
//!
//! ```
//! let found = jpnotice::numbers::find_all("漏えい件数：最大延べ約４８３千件");
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].value, 483000.0);
//! assert_eq!(found[0].unit.as_deref(), Some("件"));
//! assert_eq!(found[0].qualifiers, ["最大", "延べ", "約"]);
//! assert_eq!(found[0].span.text, "最大延べ約４８３千件");
//! ```

pub mod lexicon;
pub mod numeral;

use crate::Span;
use serde::{Deserialize, Serialize};

use crate::normalize::normalize;
use lexicon::{
    COUNTERS, INNER_QUALIFIERS, KANJI_SAFE_COUNTERS, NOT_COUNTERS, PREFIX_QUALIFIERS,
    SPACED_COUNTERS, SUFFIX_QUALIFIERS, longest_prefix, longest_suffix,
};
use numeral::{Numeral, can_start, read_at};

/// Which end of a range a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RangeEnd {
    /// The lower end (「1万~2万件」 → 1万).
    From,
    /// The upper end (「1万~2万件」 → 2万件).
    To,
}

/// One numeric expression found in text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// The value (「約13万」 → 130000).
    pub value: f64,
    /// The counter that follows the number (「件」「名分」), if any.
    pub unit: Option<String>,
    /// Qualifiers as written, in order (「最大」「延べ」「約」, 「以上」).
    pub qualifiers: Vec<String>,
    /// True when a qualifier makes the value approximate (約, 程度 …).
    pub approx: bool,
    /// True for an ordinal (「第5報」「2件目」).
    pub ordinal: bool,
    /// The end of a range this number is, if it is one.
    pub range: Option<RangeEnd>,
    /// The expression as written (qualifiers and counter included).
    #[serde(flatten)]
    pub span: Span,
}

/// A numeric expression in normalized text, as extractors use it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value.
    pub value: f64,
    /// The counter as written, if any.
    pub unit: Option<&'static str>,
    /// Qualifiers in order of appearance.
    pub qualifiers: Vec<&'static str>,
    /// True for an ordinal (「第5報」「2件目」).
    pub ordinal: bool,
    /// The end of a range this number is, if it is one.
    pub range: Option<RangeEnd>,
    /// The numeral itself.
    pub numeral: Numeral,
    /// Byte offset where the expression (first qualifier) starts.
    pub start: usize,
    /// Byte offset one past the expression (counter, last qualifier).
    pub end: usize,
}

impl Quantity {
    /// True when a qualifier makes the value approximate.
    pub fn approx(&self) -> bool {
        self.qualifiers.iter().any(|q| lexicon::is_approx(q))
    }
}

/// Finds every numeric expression in `text` (raw input: it is normalized
/// here) and reports offsets into `text` as given.
///
/// ```
/// let found = jpnotice::numbers::find_all("①外来および入院中の患者様：約１３万人");
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].value, found[0].approx), (130000.0, true));
/// assert_eq!(found[0].span.text, "約１３万人");
/// ```
pub fn find_all(text: &str) -> Vec<NumberMention> {
    let normalized = normalize(text);
    if let Some(whole) = whole_numeral(&normalized.text) {
        return vec![whole]
            .into_iter()
            .map(|q| {
                let (start, end) = normalized.input_span(q.start, q.end);
                mention(text, q, start, end)
            })
            .collect();
    }
    scan(&normalized.text)
        .into_iter()
        .map(|q| {
            let (start, end) = normalized.input_span(q.start, q.end);
            mention(text, q, start, end)
        })
        .collect()
}

/// A quantity as a [`NumberMention`] spanning `start..end` of `text`.
fn mention(text: &str, q: Quantity, start: usize, end: usize) -> NumberMention {
    NumberMention {
        value: q.value,
        unit: q.unit.map(str::to_owned),
        approx: q.approx(),
        qualifiers: q.qualifiers.iter().map(|s| (*s).to_owned()).collect(),
        ordinal: q.ordinal,
        range: q.range,
        span: Span {
            text: text.get(start..end).unwrap_or_default().to_owned(),
            start,
            end,
        },
    }
}

/// The numeral a whole (normalized) text is, read strictly: every
/// character but the surrounding spaces belongs to one numeral, with an
/// optional minus sign. Here a single kanji is a number (「三」 → 3,
/// 「〇」 → 0) and so is 「ゼロ」; in running text the scanner stays
/// conservative (「一部」「一時」 are words).
///
/// ```
/// let value = |t: &str| jpnotice::numbers::find_all(t).iter().map(|m| m.value).collect::<Vec<_>>();
/// assert_eq!(value("三"), [3.0]);
/// assert_eq!(value("ゼロ"), [0.0]);
/// assert_eq!(value("マイナス十二"), [-12.0]);
/// assert!(value("一部").is_empty());
/// ```
pub fn whole_numeral(text: &str) -> Option<Quantity> {
    let trimmed = text.trim();
    let offset = text.len() - text.trim_start().len();
    let (body, negative) = match trimmed
        .strip_prefix("マイナス")
        .or_else(|| trimmed.strip_prefix(['-', '▲', '△']))
    {
        Some(rest) => (rest, true),
        None => (trimmed, false),
    };
    let at = offset + trimmed.len() - body.len();
    let end = offset + trimmed.len();
    let numeral = if matches!(body, "ゼロ" | "零") {
        Numeral {
            value: 0.0,
            start: at,
            end,
            arabic: false,
            kanji_chars: 1,
            large_unit: false,
            decimal: false,
        }
    } else {
        let n = read_at(text, at).ok()?;
        if n.end != end {
            return None;
        }
        n
    };
    Some(Quantity {
        value: if negative {
            -numeral.value
        } else {
            numeral.value
        },
        unit: None,
        qualifiers: Vec::new(),
        ordinal: false,
        range: None,
        numeral,
        start: offset,
        end,
    })
}

/// Finds every numeric expression in already normalized text (offsets
/// into that text).
///
/// ```
/// let q = jpnotice::numbers::scan("計3件、第5報");
/// assert_eq!(q.len(), 2);
/// assert_eq!((q[0].value, q[0].unit), (3.0, Some("件")));
/// assert!(q[1].ordinal);
/// ```
pub fn scan(text: &str) -> Vec<Quantity> {
    let urls = url_ranges(text);
    let mut found: Vec<Quantity> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        // `urls` is sorted and without overlaps: the first one ending
        // after `at` is the only one that may hold it.
        let next_url = urls.get(urls.partition_point(|&(_, e)| e <= at));
        if let Some(&(_, url_end)) = next_url.filter(|(s, _)| *s <= at) {
            at = url_end;
            continue;
        }
        if !can_start(c) {
            at += c.len_utf8();
            continue;
        }
        match quantity_at(text, at) {
            Scan::Found(q) => {
                at = q.end.max(at + c.len_utf8());
                let next = range_end(text, &q);
                found.push(q);
                if let Some(to) = next {
                    if let Some(from) = found.last_mut() {
                        join_range(from, &to);
                    }
                    at = to.end;
                    found.push(to);
                }
            }
            Scan::Skip(end) => at = end.max(at + c.len_utf8()),
        }
    }
    found
}

/// What the scanner made of the text at one position.
enum Scan {
    /// A numeric expression.
    Found(Quantity),
    /// Not a number (an ID, a phone number, 「一部」); resume at this offset.
    Skip(usize),
}

/// Byte ranges of URLs (`http://…`, `https://…`, `www.…`) up to the next
/// space or non-URL character, in text order and without overlaps.
fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text[from..].find(p))
        .min()
    {
        let start = from + pos;
        let len = text[start..]
            .find(|c: char| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '|'))
            .unwrap_or(text.len() - start);
        out.push((start, start + len.max(1)));
        from = start + len.max(1);
    }
    out
}

/// The character before byte `at`, if any.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The character at byte `at`, if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// True for a CJK ideograph (a kanji).
fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

/// The end of the identifier-like run (digits, letters, `-` `:` `/` `.` `,`
/// `_`) that starts at `at`.
fn code_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| {
            !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '/' | '.' | ',' | '_' | '#'))
        })
        .map_or(text.len(), |n| at + n)
}

/// True when the Arabic digits at `at` belong to an identifier, a phone
/// number, a time or a date written with separators.
fn is_code(text: &str, n: &Numeral) -> bool {
    let before = char_before(text, n.start);
    let glued_before = match before {
        Some(c) if c.is_ascii_alphabetic() || matches!(c, '_' | '#') => true,
        Some('-' | '/' | '.' | ':') => {
            char_before(text, n.start - 1).is_some_and(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    };
    let after = text.get(n.end..).unwrap_or_default();
    let mut rest = after.chars();
    let glued_after = matches!(
        (rest.next(), rest.next()),
        (Some('-' | ':' | '/' | '.' | '_'), Some(d)) if d.is_ascii_alphanumeric()
    ) || after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    glued_before || glued_after
}

/// Reads the expression whose numeral starts at `at`.
fn quantity_at(text: &str, at: usize) -> Scan {
    let n = match read_at(text, at) {
        Ok(n) => n,
        // A malformed numeral (「1万0万」) is passed over whole.
        Err(end) => return Scan::Skip(end.max(at + 1)),
    };
    if n.arabic && is_code(text, &n) {
        return Scan::Skip(code_end(text, at));
    }
    // 「万1千」: a numeral cannot start after a large unit.
    if char_before(text, at).is_some_and(|c| matches!(c, '万' | '億' | '兆' | '萬')) {
        return Scan::Skip(n.end);
    }
    let mut end = n.end;
    let mut qualifiers = Vec::new();
    if let Some(q) = longest_prefix(&text[end..], INNER_QUALIFIERS)
        && longest_prefix(&text[end + q.len()..], COUNTERS).is_some()
    {
        qualifiers.push(q);
        end += q.len();
    }
    let mut unit = longest_prefix(&text[end..], COUNTERS).filter(|u| {
        !NOT_COUNTERS
            .iter()
            .any(|w| w.starts_with(u) && text[end..].starts_with(w))
    });
    if unit.is_none() {
        let rest = text[end..].trim_start_matches(' ');
        let spaces = text.len() - end - rest.len();
        if (1..=2).contains(&spaces)
            && let Some(u) = longest_prefix(rest, SPACED_COUNTERS)
        {
            unit = Some(u);
            end += spaces;
        }
    }
    if !n.arabic && !kanji_numeral_ok(text, &n, unit) {
        return Scan::Skip(n.end);
    }
    end += unit.map_or(0, str::len);
    let mut ordinal = char_before(text, at) == Some('第');
    if text[end..].starts_with('目') {
        ordinal = true;
        end += '目'.len_utf8();
    }
    while let Some(q) = longest_prefix(&text[end..], SUFFIX_QUALIFIERS) {
        qualifiers.push(q);
        end += q.len();
    }
    let (sign_start, negative) = sign_before(text, at);
    let (start, mut before) = prefix_qualifiers(text, sign_start);
    before.append(&mut qualifiers);
    Scan::Found(Quantity {
        value: if negative { -n.value } else { n.value },
        unit,
        qualifiers: before,
        ordinal,
        range: None,
        numeral: n,
        start,
        end,
    })
}

/// Where a minus sign written right before byte `at` starts
/// (「マイナス120」「-250千」「−1.5億」, the last normalized to `-`, and the
/// accounting triangles 「▲300」「△300」), and
/// whether there is one. A hyphen glued to a word or number before it
/// (「A-120」「10-20」) or a list bullet (「- 120」, with a space) is no sign.
fn sign_before(text: &str, at: usize) -> (usize, bool) {
    if let Some(head) = text[..at].strip_suffix("マイナス") {
        return (head.len(), true);
    }
    if let Some(head) = text[..at].strip_suffix(['-', '▲', '△'])
        && !char_before(text, head.len())
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':'))
    {
        return (head.len(), true);
    }
    (at, false)
}

/// True when a numeral without Arabic digits reads as a number here: one
/// of several characters, or a single character before a counter that
/// makes it one, and not glued to a preceding kanji word (「統一」).
fn kanji_numeral_ok(text: &str, n: &Numeral, unit: Option<&str>) -> bool {
    let glued = char_before(text, n.start).is_some_and(|c| {
        is_kanji(c) && !matches!(c, '約' | '計' | '全' | '第' | '各' | '延' | '大' | '超')
    });
    // 「会員十二万人」 still reads as a number; 「統一」「同一」 do not.
    if glued && !n.large_unit && n.kanji_chars < 3 {
        return false;
    }
    if n.kanji_chars >= 2 && n.value >= 10.0 {
        return true;
    }
    unit.is_some_and(|u| KANJI_SAFE_COUNTERS.contains(&u))
        && !text[n.end..].starts_with("人ひとり")
        && !text[n.end..].starts_with("日も")
}

/// Qualifiers written before byte `at`, in order, and where the first one
/// starts.
fn prefix_qualifiers(text: &str, at: usize) -> (usize, Vec<&'static str>) {
    let mut start = at;
    let mut found = Vec::new();
    loop {
        let head = text[..start].trim_end_matches(' ');
        let Some(q) = longest_suffix(head, PREFIX_QUALIFIERS) else {
            break;
        };
        // 「延」 only as 「延べ」's spelling before a number, not in 「遅延」.
        if q == "延" && char_before(head, head.len() - q.len()).is_some_and(is_kanji) {
            break;
        }
        start = head.len() - q.len();
        found.push(q.strip_suffix('で').unwrap_or(q));
    }
    found.reverse();
    (start, found)
}

/// The upper end of a range that starts with `from`: 「~」 or 「から」
/// followed by another number.
fn range_end(text: &str, from: &Quantity) -> Option<Quantity> {
    let rest = text.get(from.end..)?;
    let trimmed = rest.trim_start_matches(' ');
    let sep = ["~", "から"]
        .into_iter()
        .find(|s| trimmed.starts_with(*s))?;
    let after_sep = from.end + (rest.len() - trimmed.len()) + sep.len();
    let gap = text[after_sep..].len() - text[after_sep..].trim_start_matches(' ').len();
    let mut at = after_sep + gap;
    // Qualifiers may precede the second number (「約1万~約2万」).
    while let Some(q) = longest_prefix(&text[at..], PREFIX_QUALIFIERS) {
        at += q.len();
    }
    if !char_at(text, at).is_some_and(can_start) {
        return None;
    }
    let Scan::Found(mut to) = quantity_at(text, at) else {
        return None;
    };
    // 「から」 between two numbers that both lack a counter is not a range
    // worth joining (「1から3まで」 still is, but says nothing more).
    if from.unit.is_some() && to.unit.is_some() && from.unit != to.unit {
        return None;
    }
    if sep == "から" && from.unit.is_none() && to.unit.is_none() {
        return None;
    }
    to.range = Some(RangeEnd::To);
    Some(to)
}

/// Marks `from` as the lower end of the range ending at `to`, sharing the
/// counter and the large unit (「1~2万件」 → 1万件).
fn join_range(from: &mut Quantity, to: &Quantity) {
    from.range = Some(RangeEnd::From);
    if from.unit.is_none() {
        from.unit = to.unit;
    }
    if to.numeral.large_unit && !from.numeral.large_unit {
        let scale = large_scale(to.value);
        if from.value * scale <= to.value {
            from.value *= scale;
        }
    }
}

/// The large unit (1e4, 1e8, 1e12) of a value written with one.
fn large_scale(value: f64) -> f64 {
    [1e12, 1e8, 1e4]
        .into_iter()
        .find(|s| value >= *s)
        .unwrap_or(1.0)
}

#[cfg(test)]
mod tests;
