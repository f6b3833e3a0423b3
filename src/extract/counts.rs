//! Record counts: how many people, records, accounts, cards, e-mail
//! addresses, mails or files were affected.
//!
//! The rules, applied to the numbers [`crate::numbers::scan`] finds:
//! - a number is a record count when its counter is one of people or
//!   records (件, 名, 人, 通, 枚, アカウント, ファイル, レコード, 世帯, 口座,
//!   名分/件分/人分 → 名/件/人), or when it has no counter but stands in a
//!   table column headed by a count (「リスト提出件数」「人数」) or after a
//!   count label (「対象者数：1,234」);
//! - not counts: ordinals (第5報, 2件目), values that are zero or not whole,
//!   single-character kanji numerals (一名 reads as a word too often), counts
//!   of inquiries or consultations, staffing (「3名体制」), staff whose
//!   accounts or machines were the way in (「従業員1名のメールアカウント」),
//!   and every other counter (台, 社, 円, %, 歳, 年, 条 …);
//! - the subject is the phrase before the number in its clause (「①外来および
//!   入院中の患者様：約13万人」 → 外来および入院中の患者様, 「クレジットカード
//!   情報（2,460件）」 → クレジットカード情報), else the phrase after 「N人の」,
//!   else the table row's label;
//! - `total` marks 計, 合計, 累計, 総数, 総件数 before the number and a
//!   table's 計 row; a table whose rows do not sum to its 計 row gets a
//!   warning;
//! - the same value is reported once (its first mention).
//!
//! ```
//! let doc = jpnotice::Document::new("お客様のクレジットカード情報（２，４６０件）が流出しました。");
//! let counts = jpnotice::extract::counts::extract(&doc, &mut Vec::new());
//! assert_eq!(counts.len(), 1);
//! assert_eq!(counts[0].value, 2460);
//! assert_eq!(counts[0].subject.as_deref(), Some("お客様のクレジットカード情報"));
//! assert_eq!(counts[0].span.text, "２，４６０件");
//! ```

use crate::Span;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::numbers::{Quantity, scan};
use crate::structure::{self, BlockKind};

/// One count of affected people or records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCount {
    /// The count (「約13万人」 → 130000).
    pub value: u64,
    /// The counter as written, without 分 (「名分」 → 「名」).
    pub unit: String,
    /// True when the count is approximate (約, およそ, 概ね, 程度, 前後 …).
    pub approx: bool,
    /// Qualifiers as written, in order (「最大」「延べ」「約」).
    pub qualifiers: Vec<String>,
    /// The expression as written in the input.
    #[serde(flatten)]
    pub span: Span,
    /// Whose or what records (「外来および入院中の患者様」), when stated.
    pub subject: Option<String>,
    /// True when the count is a total (計, 合計, 累計, 総数).
    pub total: bool,
}

/// Counters of people and records, as written, with the unit reported.
const RECORD_COUNTERS: &[(&str, &str)] = &[
    ("件", "件"),
    ("件分", "件"),
    ("名", "名"),
    ("名分", "名"),
    ("名様", "名"),
    ("人", "人"),
    ("人分", "人"),
    ("通", "通"),
    ("枚", "枚"),
    ("アカウント", "アカウント"),
    ("ファイル", "ファイル"),
    ("レコード", "レコード"),
    ("ユーザー", "ユーザー"),
    ("世帯", "世帯"),
    ("口座", "口座"),
    ("アドレス", "アドレス"),
];

/// Label endings that make a bare number after them a count
/// (「対象者数：1,234」).
const COUNT_LABELS: &[&str] = &[
    "件数",
    "人数",
    "者数",
    "名数",
    "総数",
    "アカウント数",
    "アドレス数",
    "通数",
    "枚数",
    "顧客数",
    "会員数",
    "お客様数",
    "お客さま数",
    "ユーザー数",
    "メール数",
    "ID数",
];

/// Words in a label or header that make the number something else than a
/// count of people or records (organizations, places, machines, inquiries).
const NOT_RECORD_WORDS: &[&str] = &[
    "クライアント",
    "社数",
    "企業数",
    "団体",
    "自治体",
    "市町",
    "学校数",
    "校数",
    "台数",
    "拠点",
    "店舗数",
    "施設数",
    "端末",
    "サーバ",
    "ページ",
    "問い合わせ",
    "問合せ",
    "問合わせ",
    "相談",
    "苦情",
    "従業員数",
    "社員数",
    "職員数",
    "委託状況",
];

/// Words just before a count that make it a count of inquiries or
/// consultations rather than of affected people.
const INQUIRY_WORDS: &[&str] = &[
    "問い合わせ",
    "問合せ",
    "問合わせ",
    "お問い合わせ",
    "相談",
    "苦情",
    "申告",
    "被害届",
];

/// Words just before a count that make it something else than affected
/// people: attempts, references to another count, people not reached.
const NOT_AFFECTED_BEFORE: &[&str] = &[
    "試行",
    "回数",
    "上記",
    "下記",
    "連絡がつかない",
    "視聴者",
    "ごとに",
    "毎に",
    "重複してい",
    "重複が",
    "例えば",
];

/// Words just after a count that make it staffing or notification
/// progress (「3名体制」「8,000名への通知を完了」).
const NOT_AFFECTED_AFTER: &[&str] = &[
    "体制",
    "態勢",
    "規模",
    "連絡済",
    "通知済",
    "通知を完了",
    "連絡を完了",
    "送付済",
    "ごと",
    "と数え",
    "としてカウント",
];

/// Words that make a sentence about the organization's own members
/// (「学生のアカウント1件から」「職員のアカウント2件」).
const MEMBER_WORDS: &[&str] = &[
    "従業員",
    "職員",
    "社員",
    "教員",
    "学生",
    "スタッフ",
    "当社の",
    "弊社の",
    "本学の",
    "当事務所",
];

/// Words of an intrusion into an account.
const INTRUSION_WORDS: &[&str] = &[
    "不正アクセス",
    "不正ログイン",
    "乗っ取",
    "不正に利用",
    "不正利用",
    "窃取",
    "送信",
];

/// Words after 「N名の」 that make N staff whose accounts or machines were
/// the way in, not affected people.
const VECTOR_WORDS: &[&str] = &[
    "アカウント",
    "パソコン",
    "PC",
    "端末",
    "メールボックス",
    "受信",
    "開封",
    "ログイン",
    "IDが",
    "ＩＤが",
];

/// Staff words: 「従業員1名のメールアカウント」.
const STAFF_WORDS: &[&str] = &[
    "従業員",
    "職員",
    "社員",
    "教職員",
    "教員",
    "スタッフ",
    "担当者",
    "役員",
    "委員",
    "学生",
];

/// Labels of a total (「計」「合計」 …), alone or at the end of a phrase.
const TOTAL_WORDS: &[&str] = &["合計", "総計", "累計", "総数", "総件数", "総人数", "計"];

/// Finds the record counts of a document; adds a warning when a table's
/// rows do not sum to its 計 row.
///
/// ```
/// let doc = jpnotice::Document::new("(3) 個人情報の件数 最大延べ約４８３千件");
/// let counts = jpnotice::extract::counts::extract(&doc, &mut Vec::new());
/// assert_eq!(counts[0].value, 483000);
/// assert_eq!(counts[0].qualifiers, ["最大", "延べ", "約"]);
/// assert_eq!(counts[0].subject.as_deref(), Some("個人情報"));
/// ```
pub fn extract(doc: &Document, warnings: &mut Vec<String>) -> Vec<RecordCount> {
    let text = doc.text();
    let tables = tables(doc);
    let mut found: Vec<RecordCount> = Vec::new();
    let mut cells: Vec<TableCount> = Vec::new();
    for q in scan(text) {
        let cell = locate_cell(&tables, q.start).map(|c| with_header(&tables, c));
        let Some(unit) = record_unit(text, &q, cell.as_ref()) else {
            continue;
        };
        let Some(value) = whole(q.value) else {
            if q.value >= MAX_COUNT {
                let shown: String = text[q.start..q.end].chars().take(20).collect();
                warnings.push(format!(
                    "a count too large to be real (「{shown}…」, {} characters) was ignored",
                    text[q.start..q.end].chars().count()
                ));
            }
            continue;
        };
        let clause = clause_before(text, q.start);
        let mut total = is_total_phrase(clause);
        let mut subject = subject_of(clause, text, q.end);
        if let Some(cell) = cell {
            let row = &tables[cell.table].rows[cell.row];
            let label = row.label();
            total |= label.is_some_and(is_total_label);
            if subject.is_none() {
                // A total row's subject is its column's header.
                subject = match label {
                    Some(l) if is_total_label(l) => cell.header.clone(),
                    other => other.map(clean_label).filter(|l| !l.is_empty()),
                };
            }
            cells.push(TableCount {
                cell,
                value,
                total: label.is_some_and(is_total_label),
            });
        }
        let span = doc.span(q.start, q.end);
        found.push(RecordCount {
            value,
            unit: unit.to_owned(),
            approx: q.approx(),
            qualifiers: q.qualifiers.iter().map(|s| (*s).to_owned()).collect(),
            span,
            subject,
            total,
        });
    }
    check_table_sums(&cells, warnings);
    dedupe(found)
}

/// Counts from this size up are no record counts (a thousand times the
/// largest breaches ever reported): digit runs gone wrong.
const MAX_COUNT: f64 = 1e15;

/// A whole, positive count below [`MAX_COUNT`].
fn whole(value: f64) -> Option<u64> {
    let ok = value >= 1.0 && value.fract() == 0.0 && value < MAX_COUNT;
    // The bounds are checked just above, so the cast is exact.
    ok.then_some(value as u64)
}

/// The unit to report when `q` is a record count, `None` when it is not
/// one.
fn record_unit(text: &str, q: &Quantity, cell: Option<&Cell>) -> Option<&'static str> {
    if q.ordinal || q.range.is_some() && q.unit.is_none() {
        return None;
    }
    let n = &q.numeral;
    if !n.arabic && n.kanji_chars < 2 && !n.large_unit {
        return None;
    }
    match q.unit {
        Some(written) => {
            let unit = RECORD_COUNTERS
                .iter()
                .find(|(w, _)| *w == written)
                .map(|(_, u)| *u)?;
            (!is_excluded(text, q)).then_some(unit)
        }
        None => bare_count_unit(text, q, cell),
    }
}

/// The unit for a number without counter: 件 in a count column of a table
/// or after a count label, else not a count.
fn bare_count_unit(text: &str, q: &Quantity, cell: Option<&Cell>) -> Option<&'static str> {
    let after = text.get(q.end..).unwrap_or_default();
    // 「1.」「(1)」「1)」 list markers and 「3つ」 are not counts.
    if after.starts_with(['.', ')', 'つ', '.'])
        || text[..q.start].ends_with('(') && after.starts_with(')')
    {
        return None;
    }
    if let Some(label) = cell.and_then(|c| c.header.as_deref()) {
        return is_count_label(label).then_some("件");
    }
    if cell.is_some() {
        return None;
    }
    let clause = clause_before(text, q.start);
    let label = clause.trim_end_matches([' ', ':', '：', 'は', '=']);
    // 「ログイン ID 数」: a label may be spaced around a Latin word.
    let squeezed;
    let label = if label.contains(' ') {
        squeezed = label.replace(' ', "");
        squeezed.as_str()
    } else {
        label
    };
    let label_ends = COUNT_LABELS.iter().any(|l| label.ends_with(l));
    (label_ends && is_count_label(label)).then(|| label_counter(after))
}

/// The counter written after a count label's bare number, when it is one
/// the scanner leaves apart (「対象ID数：1,234 ID」, 「隔離メール数 3,569
/// メール」), else 件.
fn label_counter(after: &str) -> &'static str {
    let after = after.trim_start_matches([' ', '　']);
    if after.starts_with("ID") || after.starts_with("ＩＤ") {
        "ID"
    } else if after.starts_with("メール") && !after.starts_with("メールアドレス") {
        "メール"
    } else {
        "件"
    }
}

/// True when a label or header names a count of people or records.
fn is_count_label(label: &str) -> bool {
    COUNT_LABELS.iter().any(|l| label.contains(l))
        && !NOT_RECORD_WORDS.iter().any(|w| label.contains(w))
}

/// True when the context says the number counts something else than
/// affected people or records.
fn is_excluded(text: &str, q: &Quantity) -> bool {
    let after = text.get(q.end..).unwrap_or_default();
    let next: String = after.chars().take(12).collect();
    if NOT_AFFECTED_AFTER.iter().any(|w| next.contains(w)) {
        return true;
    }
    let clause = clause_before(text, q.start);
    let tail: String = tail_chars(clause, 12);
    if INQUIRY_WORDS
        .iter()
        .chain(NOT_AFFECTED_BEFORE)
        .any(|w| tail.contains(w))
    {
        return true;
    }
    is_staff_vector(clause, after) || is_hijacked_member_account(text, q)
}

/// 「学生のアカウント1件から短時間に630件のメールが送信」: accounts of the
/// organization's own members that were taken over are the way in, not
/// affected records.
fn is_hijacked_member_account(text: &str, q: &Quantity) -> bool {
    let after = text.get(q.end..).unwrap_or_default();
    let clause = clause_before(text, q.start);
    let account = q.unit == Some("アカウント")
        || clause.trim_end().ends_with("アカウント")
        || after.starts_with("のアカウント")
        || after.starts_with("のメールアカウント");
    if !account {
        return false;
    }
    let sentence = sentence_around(text, q.start, q.end);
    MEMBER_WORDS.iter().any(|w| sentence.contains(w))
        && INTRUSION_WORDS.iter().any(|w| sentence.contains(w))
        && !["個人情報", "お客様", "お客さま", "会員"]
            .iter()
            .any(|w| sentence.contains(w))
}

/// The sentence around a byte range: from the previous 。 or line break to
/// the next one.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let head = text.get(..start).unwrap_or_default();
    let from = head.rfind(['。', '\n']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let tail = text.get(end..).unwrap_or_default();
    let to = tail.find(['。', '\n']).map_or(text.len(), |i| end + i);
    text.get(from..to).unwrap_or_default()
}

/// 「従業員1名のメールアカウント」「職員2名が受信した」: staff whose
/// accounts or machines were the way in.
fn is_staff_vector(clause: &str, after: &str) -> bool {
    let before = clause.trim_end_matches(['の', 'が', ' ', '(', '（', ':', '：']);
    let staff_after = after
        .trim_start_matches([')', '）', ' '])
        .strip_prefix('の')
        .is_some_and(|a| STAFF_WORDS.iter().any(|w| a.starts_with(w)));
    let staff = staff_after || STAFF_WORDS.iter().any(|w| before.ends_with(w));
    if !staff {
        return false;
    }
    // 「対象アカウント：職員1名」: the label names the accounts.
    if before.contains("アカウント") {
        return true;
    }
    let next: String = after.chars().take(25).collect();
    let next = next.split(['。', '\n']).next().unwrap_or_default();
    VECTOR_WORDS.iter().any(|w| next.contains(w)) && !next.contains("個人情報")
}

/// The last `n` characters of `s`.
fn tail_chars(s: &str, n: usize) -> String {
    let skip = s.chars().count().saturating_sub(n);
    s.chars().skip(skip).collect()
}

/// The text of the clause before byte `at`: back to the previous line
/// break, 。, 、, table cell border or `<br/>`.
fn clause_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or_default();
    let from = head
        .rfind(['\n', '。', '、', '|', '\t', '>'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    &head[from..]
}

/// True when the phrase right before a number says it is a total
/// (「合計」「総件数：」「計」).
fn is_total_phrase(clause: &str) -> bool {
    let tail = tail_chars(clause.trim_end(), 8);
    let tail = tail.trim_end_matches([':', '：', 'は', 'で', ' ', '(', '（']);
    TOTAL_WORDS.iter().any(|w| tail.ends_with(w))
        || ["総件数", "総数", "合計", "累計", "総人数"]
            .iter()
            .any(|w| tail.contains(w))
}

/// True for a table row label that marks the total row.
fn is_total_label(label: &str) -> bool {
    let l: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        l.as_str(),
        "計" | "合計" | "総計" | "累計" | "総数" | "全体"
    )
}

/// The subject of a count: the phrase before it, unless the clause ends
/// in an adverb or particle (「新たに12万件の個人情報」) and a phrase
/// follows 「の」.
fn subject_of(clause: &str, text: &str, end: usize) -> Option<String> {
    let before = subject_before(clause);
    let ends_in_kana = clause
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| ('ぁ'..='ゖ').contains(&c) && !matches!(c, 'の' | 'は' | 'が'));
    match (before, subject_after(text, end)) {
        (Some(_), Some(after)) if ends_in_kana => Some(after),
        (Some(before), _) => Some(before),
        (None, after) => after,
    }
}

/// The subject phrase before a number, from its clause: 「①外来および入院中
/// の患者様：」 → 外来および入院中の患者様.
fn subject_before(clause: &str) -> Option<String> {
    let mut s = clause.trim();
    // 「クレジットカード情報（2,460件）」: the phrase before the bracket.
    if let Some(open) = s.rfind(['(', '（', '[', '「']) {
        let after = &s[open..];
        let closed = after.contains([')', '）', ']', '」']);
        let rest = after
            .get(after.chars().next().map_or(1, char::len_utf8)..)
            .unwrap_or_default();
        if rest.trim().is_empty() {
            s = &s[..open];
        } else if !closed {
            s = rest;
        }
    }
    // 「件数：漏えい等のおそれ」: the label before a colon when nothing else.
    if let Some(colon) = s.rfind([':', '：']) {
        let rest = s[colon..]
            .get(s[colon..].chars().next().map_or(1, char::len_utf8)..)
            .unwrap_or_default();
        if rest.trim().is_empty() {
            s = &s[..colon];
        } else {
            s = rest;
        }
    }
    let cleaned = clean_subject(s);
    (cleaned.chars().count() >= 2).then_some(cleaned)
}

/// A table row label as a subject: its first line (cells may hold
/// 「<br/>」), cleaned like any subject.
fn clean_label(label: &str) -> String {
    let first = label.split("<br").next().unwrap_or_default();
    clean_subject(first.trim_end_matches("のうち").trim_end_matches("の一部"))
}

/// Strips list markers, period prefixes, trailing particles and count words
/// from a subject phrase.
fn clean_subject(phrase: &str) -> String {
    let mut s = strip_list_marker(phrase.trim());
    loop {
        let before = s.len();
        s = s.trim_end();
        for suffix in [
            "の件数",
            "件数",
            "の人数",
            "人数",
            "の総数",
            "総数",
            "の数",
            "数",
            "は",
            "が",
            "の",
            "で",
            "を",
            "に",
            "も",
            "計",
            "合",
            "総",
            "約",
            "最大",
            "延べ",
            "およそ",
            "概ね",
            "全",
            "※",
        ] {
            if let Some(rest) = s.strip_suffix(suffix)
                && !rest.trim().is_empty()
            {
                s = rest;
            }
        }
        if s.len() == before {
            break;
        }
    }
    let s = strip_period_prefix(s.trim());
    let s = strip_unbalanced(shorten(s).trim());
    if is_date_like(s) {
        return String::new();
    }
    s.to_owned()
}

/// Removes a leading opening bracket with no closing one, and a trailing
/// closing bracket with no opening one (「(令和3年度卒業生」 → 令和3年度卒業生).
fn strip_unbalanced(s: &str) -> &str {
    let mut s = s;
    if s.starts_with(['(', '（']) && !s.contains([')', '）']) {
        s = &s[s.chars().next().map_or(0, char::len_utf8)..];
    }
    if s.ends_with([')', '）']) && !s.contains(['(', '（']) {
        s = &s[..s.len() - s.chars().next_back().map_or(0, char::len_utf8)];
    }
    s.trim()
}

/// True for a phrase that is only a date (「2024年6月」), not a subject.
fn is_date_like(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '年' | '月' | '日' | '度' | ' ' | '令' | '和' | '平' | '成'
                )
        })
}

/// Removes a leading list marker: 「①」「(3)」「1.」「・」「-」「■」「### 」「ア 」.
fn strip_list_marker(s: &str) -> &str {
    let mut s = s.trim_start_matches([
        '#', '-', '・', '●', '■', '□', '◆', '◇', '○', '※', '*', '>', ' ', '　',
    ]);
    s = s.trim_start_matches(|c: char| ('①'..='⑳').contains(&c));
    if let Some(rest) = s.strip_prefix('(')
        && let Some(close) = rest.find(')')
        && close <= 3
    {
        s = &rest[close + 1..];
    }
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && s[digits..].starts_with(['.', ')']) {
        s = &s[digits + 1..];
    }
    let mut chars = s.chars();
    if let (Some(k), Some(' ')) = (chars.next(), chars.next())
        && ('ア'..='ン').contains(&k)
    {
        s = chars.as_str();
    }
    s.trim_start()
}

/// Drops a leading period such as 「2021年度から2022年度の」: the part up to
/// the last 「の」 that follows a year, month or 年度.
fn strip_period_prefix(s: &str) -> &str {
    let Some(no) = s.rfind('の') else { return s };
    let head = &s[..no];
    let starts_dated = head.starts_with(|c: char| c.is_ascii_digit())
        || ["令和", "平成", "昭和"].iter().any(|e| head.starts_with(e));
    let dated = starts_dated
        && (head.ends_with('年')
            || head.ends_with("年度")
            || head.ends_with('月')
            || head.ends_with("以降"));
    if dated && no + 'の'.len_utf8() < s.len() {
        &s[no + 'の'.len_utf8()..]
    } else {
        s
    }
}

/// Keeps at most the last 40 characters of a long phrase.
fn shorten(s: &str) -> &str {
    let count = s.chars().count();
    if count <= 40 {
        return s;
    }
    let skip = s.char_indices().nth(count - 40).map_or(0, |(i, _)| i);
    &s[skip..]
}

/// The subject after 「N人の」: 「約7,400人の申込者情報（…）」 → 申込者情報.
fn subject_after(text: &str, end: usize) -> Option<String> {
    let after = text.get(end..)?.strip_prefix('の')?;
    let stop = after
        .find([
            '、', 'の', '。', '(', '（', 'が', 'は', 'を', 'に', 'で', 'と', '\n', '|', '<', ' ',
        ])
        .unwrap_or(after.len());
    let s = after[..stop].trim_end_matches('等');
    (s.chars().count() >= 2 && s.chars().count() <= 30).then(|| s.to_owned())
}

/// Keeps the first mention of each value; a later mention may add the
/// total flag or a subject.
fn dedupe(found: Vec<RecordCount>) -> Vec<RecordCount> {
    let mut out: Vec<RecordCount> = Vec::new();
    for c in found {
        if let Some(seen) = out.iter_mut().find(|o| o.value == c.value) {
            seen.total |= c.total;
            if seen.subject.is_none() {
                seen.subject = c.subject;
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------- tables

/// A table: Markdown rows (「|a|b|」) or tab-separated rows, consecutive.
#[derive(Debug)]
struct Table {
    rows: Vec<Row>,
    /// Rows before the first one holding a number: the header.
    header_rows: usize,
}

/// One row: the normalized byte ranges of its cells and their text.
#[derive(Debug)]
struct Row {
    cells: Vec<(usize, usize)>,
    texts: Vec<String>,
}

impl Row {
    /// A row of a table the structure stage read.
    fn new(text: &str, row: &structure::table::Row) -> Row {
        let cells: Vec<(usize, usize)> = row.cells.iter().map(|c| (c.start, c.end)).collect();
        let texts = row
            .cells
            .iter()
            .map(|c| text.get(c.clone()).unwrap_or_default().trim().to_owned())
            .collect();
        Row { cells, texts }
    }

    /// The row's label: its first cell that is neither empty, a number
    /// (row index) nor a mark (○).
    fn label(&self) -> Option<&str> {
        self.texts
            .iter()
            .map(|c| c.as_str())
            .find(|c| !c.is_empty() && !is_numberish(c) && !matches!(*c, "○" | "◯" | "-" | "×"))
    }
}

/// Where a number sits in a table.
#[derive(Debug, Clone)]
struct Cell {
    table: usize,
    row: usize,
    column: usize,
    /// The column's header text (all header rows joined), if any.
    header: Option<String>,
}

/// A count found in a table cell.
#[derive(Debug)]
struct TableCount {
    cell: Cell,
    value: u64,
    total: bool,
}

/// True when a cell holds only a number (with commas) and maybe a record
/// counter (「39,629」「111件」).
fn is_numberish(cell: &str) -> bool {
    let digits = cell.trim_end_matches(|c: char| !c.is_ascii_digit());
    let rest = cell[digits.len()..].trim();
    !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && (rest.is_empty() || RECORD_COUNTERS.iter().any(|(w, _)| *w == rest))
}

/// The tables of a document, as the structure stage read them (two rows
/// or more).
fn tables(doc: &Document) -> Vec<Table> {
    let text = doc.text();
    doc.structure()
        .blocks()
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Table(t) if t.rows.len() >= 2 => Some(Table {
                rows: t.rows.iter().map(|r| Row::new(text, r)).collect(),
                header_rows: t.header_rows,
            }),
            _ => None,
        })
        .collect()
}

/// The table cell containing byte `at`, with its column header.
fn locate_cell(tables: &[Table], at: usize) -> Option<Cell> {
    tables.iter().enumerate().find_map(|(t, table)| {
        table.rows.iter().enumerate().find_map(|(r, row)| {
            let column = row.cells.iter().position(|&(s, e)| s <= at && at < e)?;
            Some(Cell {
                table: t,
                row: r,
                column,
                header: None,
            })
        })
    })
}

/// Fills the header of a located cell.
fn with_header(tables: &[Table], cell: Cell) -> Cell {
    let table = &tables[cell.table];
    if cell.row < table.header_rows || table.header_rows == 0 {
        return cell;
    }
    let header: String = table.rows[..table.header_rows]
        .iter()
        .filter_map(|r| r.texts.get(cell.column))
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Cell {
        header: (!header.trim().is_empty()).then_some(header),
        ..cell
    }
}

/// Warns when the rows of a table column do not sum to its 計 row.
fn check_table_sums(cells: &[TableCount], warnings: &mut Vec<String>) {
    let mut columns: Vec<(usize, usize)> = cells
        .iter()
        .map(|c| (c.cell.table, c.cell.column))
        .collect();
    columns.sort_unstable();
    columns.dedup();
    for (table, column) in columns {
        let in_column = cells
            .iter()
            .filter(|c| c.cell.table == table && c.cell.column == column);
        let (totals, parts): (Vec<&TableCount>, Vec<&TableCount>) =
            in_column.partition(|c| c.total);
        let Some(total) = totals.last() else { continue };
        if parts.len() < 2 {
            continue;
        }
        let sum = parts
            .iter()
            .fold(0_u64, |acc, c| acc.saturating_add(c.value));
        if sum != total.value {
            warnings.push(format!(
                "record counts: the table rows sum to {sum} but its total row says {}",
                total.value
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Vec<RecordCount> {
        extract(&Document::new(text), &mut Vec::new())
    }

    fn values(text: &str) -> Vec<u64> {
        counts(text).iter().map(|c| c.value).collect()
    }

    #[test]
    fn approximate_count_with_subject() {
        let c = &counts("①外来および入院中の患者様：約１３万人")[0];
        assert_eq!((c.value, c.unit.as_str(), c.approx), (130000, "人", true));
        assert_eq!(c.qualifiers, ["約"]);
        assert_eq!(c.subject.as_deref(), Some("外来および入院中の患者様"));
        assert_eq!(c.span.text, "約１３万人");
        assert!(!c.total);
    }

    #[test]
    fn subject_after_an_adverb() {
        let c = &counts("新たに12万件の個人情報の漏洩を確認")[0];
        assert_eq!(c.subject.as_deref(), Some("個人情報"));
        let c = &counts("②当院職員および2021年以降の臨床実習医学生：約1,700名")[0];
        assert_eq!(
            c.subject.as_deref(),
            Some("当院職員および2021年以降の臨床実習医学生")
        );
    }

    #[test]
    fn units_drop_bun() {
        let c = &counts("2021年度から2022年度の健診申込者様情報 171,472名分")[0];
        assert_eq!((c.value, c.unit.as_str()), (171472, "名"));
        assert_eq!(c.subject.as_deref(), Some("健診申込者様情報"));
        assert_eq!(counts("画像(約100件分)")[0].unit, "件");
    }

    #[test]
    fn qualifiers_in_order() {
        let c = &counts("(3) 個人情報の件数 最大延べ約483千件")[0];
        assert_eq!(c.value, 483000);
        assert_eq!(c.qualifiers, ["最大", "延べ", "約"]);
        assert!(c.approx);
        assert_eq!(c.subject.as_deref(), Some("個人情報"));
    }

    #[test]
    fn mixed_and_kanji_numerals() {
        assert_eq!(values("件数: 漏えい等のおそれ7万4238件"), [74238]);
        assert_eq!(values("会員十二万人の氏名"), [120000]);
        assert_eq!(values("約1万2千名"), [12000]);
        assert_eq!(values("約 13 万 2,000 件"), [132000]);
    }

    #[test]
    fn record_counters() {
        assert_eq!(values("不正送信件数：約124,000件"), [124000]);
        assert_eq!(values("送信されたメール 17通"), [17]);
        assert_eq!(values("カード 20枚"), [20]);
        assert_eq!(values("約500アカウント"), [500]);
        assert_eq!(values("添付ファイル数：2,551ファイル"), [2551]);
        assert_eq!(values("メールアドレス数 277 アドレス"), [277]);
    }

    #[test]
    fn totals() {
        let found = counts("児童8名 教職員14名 計22名");
        assert_eq!(
            found.iter().map(|c| (c.value, c.total)).collect::<Vec<_>>(),
            [(8, false), (14, false), (22, true)]
        );
        assert!(counts("添付ファイル付きメールの総件数：1,929件")[0].total);
        assert!(counts("合計 3,000名")[0].total);
    }

    #[test]
    fn absurd_counts_are_ignored_with_a_warning() {
        for digits in [20, 400, 10_000] {
            let text = format!("約{}人分の氏名が流出しました。", "1".repeat(digits));
            let mut warnings = Vec::new();
            let found = extract(&Document::new(&text), &mut warnings);
            assert!(found.is_empty(), "{digits}: {found:?}");
            assert_eq!(warnings.len(), 1, "{digits}: {warnings:?}");
            assert!(warnings[0].contains("too large"), "{warnings:?}");
        }
    }

    #[test]
    fn labelled_bare_number() {
        assert_eq!(values("利用者のメールアドレス数：134,227"), [134227]);
        assert!(values("クライアント数：59").is_empty());
        assert!(values("関係市町等の数 27").is_empty());
    }

    #[test]
    fn labelled_number_counted_in_ids_or_mails() {
        let found = counts("対象のログイン ID 数：1,234 ID\n保管メール数 56,789 メール\n");
        let got: Vec<(u64, &str)> = found.iter().map(|c| (c.value, c.unit.as_str())).collect();
        assert_eq!(got, [(1234, "ID"), (56789, "メール")]);
        assert!(values("利用者のドメイン数 18 ドメイン").is_empty());
    }

    #[test]
    fn same_value_once() {
        assert_eq!(
            values("最大延べ約18万件。上記の最大延べ約18万件について"),
            [180000]
        );
    }

    const TABLE: &str = "別表\n\t\t2020年度\t累計\n\t\t委託状況\tリスト提出件数\n1\t甲市\t○\t1,000\n2\t乙町\t\t234\n\t計\t2\t1,234\n";

    #[test]
    fn table_rows_with_labels_and_total() {
        let mut warnings = Vec::new();
        let found = extract(&Document::new(TABLE), &mut warnings);
        let got: Vec<_> = found
            .iter()
            .map(|c| (c.value, c.subject.as_deref(), c.total))
            .collect();
        assert_eq!(
            got,
            [
                (1000, Some("甲市"), false),
                (234, Some("乙町"), false),
                (1234, Some("累計 リスト提出件数"), true)
            ]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn table_that_does_not_sum_warns() {
        let text = TABLE.replace("1,234", "1,235");
        let mut warnings = Vec::new();
        extract(&Document::new(&text), &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("1234") && warnings[0].contains("1235"));
    }

    #[test]
    fn markdown_table_row_label_is_the_subject() {
        let text = "|対象|項目|件数|\n|---|---|---|\n|パートナー様|氏名|111件|\n|その他の方|住所|14,400件|\n";
        let found = counts(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].subject.as_deref(), Some("パートナー様"));
        assert_eq!(found[1].value, 14400);
    }

    #[test]
    fn not_counts_devices_money_percentages() {
        assert!(values("パソコン3台が感染").is_empty());
        assert!(values("損害額は約500万円").is_empty());
        assert!(values("全体の15%").is_empty());
    }

    #[test]
    fn not_counts_organizations_municipalities_schools() {
        assert!(values("連結子会社２社").is_empty());
        assert!(values("関係市町等の数 27(26市町、1国保組合)").is_empty());
        assert!(values("対象校 15校").is_empty());
        assert!(values("クライアント数：59").is_empty());
    }

    #[test]
    fn not_counts_pages_sections_reports_and_circled_numbers() {
        assert!(values("3ページ参照").is_empty());
        assert!(values("(2) 上記3のうち").is_empty());
        assert!(values("不正アクセスに関するお知らせ(第5報)").is_empty());
        assert!(values("①氏名 ②住所").is_empty());
        assert!(values("2件目の事案").is_empty());
    }

    #[test]
    fn not_counts_ids_phones_dates_ages_durations_articles() {
        assert!(values("会員ID12345678件、No.5件").is_empty());
        assert!(values("電話 0120-142-966").is_empty());
        assert!(values("2024年7月17日 8:30").is_empty());
        assert!(values("40歳～74歳の被保険者").is_empty());
        assert!(values("3日間、90日分のログ").is_empty());
        assert!(values("国民健康保険法第83条").is_empty());
    }

    #[test]
    fn not_counts_inquiries_staffing_and_hijacked_staff() {
        assert!(values("お問い合わせ 15件").is_empty());
        assert!(values("約30名の体制で調査").is_empty());
        assert!(values("従業員1名のメールアカウントが不正に利用され").is_empty());
        assert!(values("対象アカウント：職員1名").is_empty());
        assert!(values("学生のアカウント1件から短時間に大量のメールが送信されました。").is_empty());
        assert_eq!(values("学生のアカウント1件から630件のメールが送信"), [630]);
        assert!(values("重複していた方が3名いらっしゃり").is_empty());
        assert!(values("個人情報1件ごとに").is_empty());
        assert_eq!(values("1,210件(重複を除く978件)"), [1210, 978]);
        assert!(values("不正ログイン試行回数は1,722,379件").is_empty());
        assert!(values("本日までに約8,000名への通知を完了").is_empty());
        // Staff whose own data leaked are counted.
        assert_eq!(values("当社従業員1名の個人情報"), [1]);
    }

    #[test]
    fn not_counts_kanji_words_and_zero() {
        assert!(values("一部のお客様、お一人お一人、十分な対策").is_empty());
        assert!(values("漏えい件数は0件").is_empty());
        assert!(values("1.5件").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "|",
            "\t\t",
            "|計|1|\n|計|",
            "計\t",
            "約",
            "件数：",
            "(",
            "（1件",
        ] {
            let _ = counts(text);
        }
    }
}
