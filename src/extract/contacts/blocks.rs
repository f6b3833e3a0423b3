//! Contact blocks: the lines around a phone number that say whose number
//! it is.
//!
//! The text is read as non-blank lines (PDF text puts blank lines between
//! every line, so blank lines never end a block). A block ends at a
//! *boundary*: a heading (「【お問合せ窓口】」「お問い合わせ先」), a numbered
//! section (「（２）健康診断業務に関すること」「4. 」), or running text (a
//! line that ends with 「。」 or is long) without a number in it. Within a
//! block, the short lines above a number name the organization
//! (「公益財団法人…事業団」「株式会社…」「…市」) and the department
//! (「…課」「…部」「…担当」「…窓口」).

use std::sync::LazyLock;

use super::phone::PHONE_WORDS;
use regex::Regex;

/// One non-blank line: byte offsets into the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte (before the newline).
    pub end: usize,
}

/// The non-blank lines of `text`.
///
/// ```
/// use jpnotice::extract::contacts::blocks::lines;
/// assert_eq!(lines("a\n \nb").len(), 2);
/// ```
pub fn lines(text: &str) -> Vec<Line> {
    crate::structure::lines::non_blank(text)
        .into_iter()
        .map(|l| Line {
            start: l.raw.start,
            end: l.raw.end,
        })
        .collect()
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\(\d{1,2}\)|\d{1,2}\s?[.)、]|\d{1,2}\s|[①-⑳]|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第\d{1,2}[^報]|【)",
    )
    .expect("static regex")
});

const HEADING_WORDS: [&str; 7] = [
    "問い合わせ",
    "問合せ",
    "問合わせ",
    "問い合せ",
    "相談",
    "連絡先",
    "窓口",
];

/// How a heading line begins (after marks such as ■ ●).
const HEADING_STARTS: [&str; 10] = [
    "本件",
    "お問",
    "問い",
    "問合",
    "ご相談",
    "相談",
    "連絡先",
    "ご連絡",
    "お客様からの",
    "この件",
];

/// A line that starts a new block when it carries no phone number: a
/// heading, a numbered or bracketed section title, or running text.
/// Hours lines never end a block.
///
/// ```
/// use jpnotice::extract::contacts::blocks::is_boundary;
/// assert!(is_boundary("【お問合せ窓口】"));
/// assert!(is_boundary("(2)健康診断業務に関すること"));
/// assert!(is_boundary("(被害の相談について)"));
/// assert!(is_boundary("## 5.再発防止策"));
/// assert!(!is_boundary("健康管理部健康管理課"));
/// assert!(!is_boundary("青葉音楽教室 個人情報お問い合わせ窓口"));
/// ```
pub fn is_boundary(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['#', ' ']);
    let chars = line.chars().count();
    let unmarked = line.trim_start_matches(['■', '●', '◆', '◇', '□', '○', '・', ' ', '　']);
    let heading = chars <= 30
        && HEADING_STARTS.iter().any(|w| unmarked.starts_with(w))
        && HEADING_WORDS.iter().any(|w| line.contains(w));
    let bracketed = line.starts_with('(') && line.ends_with(')');
    let marked =
        heading || bracketed || line.ends_with('。') || chars > 40 || NUMBERED.is_match(line);
    // Opening hours are no boundary (the costly test last: it only matters
    // for a line that looks like one).
    marked && super::hours::parse(line).is_none()
}

/// What a short piece of a contact block names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// An organization with a legal form or an administrative unit
    /// (株式会社, …法人, …組合, …市役所).
    StrongOrg,
    /// A name that is likely an organization (…大学, …病院, …センター, …会).
    WeakOrg,
    /// A department or desk (…課, …部, …室, …担当).
    Department,
    /// Anything else (names of staff, addresses, labels).
    Other,
}

const STRONG: [&str; 18] = [
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "法人",
    "組合",
    "連合会",
    "協議会",
    "委員会",
    "事業団",
    "機構",
    "協会",
    "役所",
    "役場",
    "県庁",
    "都庁",
    "(株)",
    "(有)",
];

const DEPARTMENT_ENDS: [&str; 14] = [
    "課",
    "部",
    "室",
    "係",
    "担当",
    "窓口",
    "班",
    "グループ",
    "チーム",
    "デスク",
    "事務局",
    "局",
    "ダイヤル",
    "相談室",
];

const WEAK_ENDS: [&str; 20] = [
    "大学",
    "学校",
    "学園",
    "病院",
    "医院",
    "クリニック",
    "会",
    "センター",
    "県",
    "都",
    "府",
    "市",
    "町",
    "村",
    "区",
    "銀行",
    "高校",
    "園",
    "社",
    "店",
];

/// Classifies one whitespace-separated piece of a block line.
///
/// ```
/// use jpnotice::extract::contacts::blocks::{classify, Part};
/// assert_eq!(classify("公益財団法人青葉健診協会"), Part::StrongOrg);
/// assert_eq!(classify("健康管理部健康管理課"), Part::Department);
/// assert_eq!(classify("若葉町"), Part::WeakOrg);
/// ```
pub fn classify(part: &str) -> Part {
    let part = part.trim();
    let chars = part.chars().count();
    let address_like = ["丁目", "番地", "番", "号", "階"]
        .iter()
        .any(|w| part.contains(w))
        && part
            .chars()
            .any(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let bare_heading = ["担当", "担当者", "窓口", "連絡先", "問合せ先", "宛先"].contains(&part);
    if !(2..=40).contains(&chars)
        || bare_heading
        || address_like
        || part.contains('@')
        || part.contains("://")
    {
        return Part::Other;
    }
    let heading = HEADING_STARTS.iter().any(|w| part.starts_with(w))
        && HEADING_WORDS.iter().any(|w| part.contains(w));
    if heading {
        return Part::Other;
    }
    if STRONG.iter().any(|w| part.contains(w)) {
        return Part::StrongOrg;
    }
    if part.ends_with("教室") {
        return Part::WeakOrg;
    }
    if DEPARTMENT_ENDS.iter().any(|w| part.ends_with(w)) {
        return Part::Department;
    }
    if WEAK_ENDS.iter().any(|w| part.ends_with(w)) {
        return Part::WeakOrg;
    }
    Part::Other
}

/// Splits a block line into pieces at spaces, gluing a bare legal form to
/// the name after it (「一般財団法人 日本健康文化振興会」 stays one piece).
pub fn pieces(line: &str) -> Vec<String> {
    let cleaned: String = line
        .chars()
        .map(|c| {
            if "【】「」[]<>・:".contains(c) && c != '・' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for word in cleaned.split_whitespace() {
        let word = word.trim_matches(['(', ')', '、', ',']);
        if word.is_empty() {
            continue;
        }
        let joined = match pending.take() {
            Some(p) => format!("{p} {word}"),
            None => word.to_owned(),
        };
        let bare_form = is_bare_legal_form(&joined);
        if bare_form {
            pending = Some(joined);
        } else {
            out.push(joined);
        }
    }
    out.extend(pending);
    out
}

static BARE_LEGAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:一般|公益|特定非営利活動|社会福祉|医療|学校|独立行政|地方独立行政|国立大学|宗教|特定医療)?(?:社団|財団)?法人|株式会社|有限会社|合同会社|合資会社|\(株\)|\(有\))$")
        .expect("static regex")
});

/// A legal form written alone, to be glued to the name after it
/// (「一般財団法人」「株式会社」), not a name that ends with one.
fn is_bare_legal_form(word: &str) -> bool {
    BARE_LEGAL_FORM.is_match(word)
}

static SENTENCE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ました|ます|ください|下さい|場合|ので|たら|には|ては|おり|について")
        .expect("static regex")
});

/// Text with verb endings or particles that only running text has
/// (「…がございましたら」).
pub fn reads_as_sentence(text: &str) -> bool {
    SENTENCE_WORDS.is_match(text)
}

static LOCAL_GOVERNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,3}県|\p{Han}{2,3}[市町村])(\p{Han}.*[課部室係局])$")
        .expect("static regex")
});

/// Splits a department written after its prefecture or municipality
/// (「若葉町福祉保健課」 → 「若葉町」, 「福祉保健課」).
///
/// ```
/// use jpnotice::extract::contacts::blocks::split_local_government;
/// assert_eq!(
///     split_local_government("青葉県商工労働部産業振興課"),
///     Some(("青葉県".to_owned(), "商工労働部産業振興課".to_owned()))
/// );
/// assert_eq!(split_local_government("都市計画課"), None);
/// ```
pub fn split_local_government(department: &str) -> Option<(String, String)> {
    let caps = LOCAL_GOVERNMENT.captures(department)?;
    let place = caps.get(1)?.as_str();
    if ["局", "部", "課", "室"].iter().any(|w| place.contains(w)) {
        return None;
    }
    Some((place.to_owned(), caps.get(2)?.as_str().to_owned()))
}

static TRAILING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[おご])?[\p{Han}\p{Katakana}ー・A-Za-z]+$").expect("static regex")
});

/// The noun just before a number in running text
/// (「…ございましたら総務企画課（」 → 「総務企画課」).
pub fn trailing_name(text: &str) -> Option<String> {
    let text = text.trim_end_matches(['(', ' ', ':']);
    TRAILING_NAME.find(text).map(|m| m.as_str().to_owned())
}

/// Words of a phone label beyond the phone module's own labels.
const EXTRA_LABEL_WORDS: [&str; 3] = ["番号", "ファクシミリ", "IP"];

/// Splits the text before a number into what comes first (names) and the
/// label right before it (「専用電話番号:」 → 「専用電話番号」,
/// 「健康推進課 」 → no label).
///
/// ```
/// use jpnotice::extract::contacts::blocks::split_label;
/// assert_eq!(split_label("・ 電話番号 : "), ("・ ", Some("電話番号".to_owned())));
/// assert_eq!(split_label("健康推進課 "), ("健康推進課 ", None));
/// ```
pub fn split_label(pre: &str) -> (&str, Option<String>) {
    let trimmed = pre.trim_end_matches([' ', ':', '(', '　', '：']);
    // 「担当者直通(携帯)」: the bracket belongs to the label.
    let search_end = match trimmed.strip_suffix(')') {
        Some(inner) => inner.rfind('(').unwrap_or(trimmed.len()),
        None => trimmed.len(),
    };
    let cut = trimmed
        .get(..search_end)
        .unwrap_or("")
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "、。(「【】」)".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed.get(cut..).unwrap_or("").trim_matches([':', ' ']);
    if word.is_empty()
        || word.chars().count() > 20
        || !PHONE_WORDS
            .iter()
            .chain(&EXTRA_LABEL_WORDS)
            .any(|w| word.contains(w))
    {
        return (pre, None);
    }
    (pre.get(..cut).unwrap_or(""), Some(word.to_owned()))
}

/// A label in brackets right after a number (「(フリーダイヤル)」「(代表)」).
pub fn label_after(post: &str) -> Option<String> {
    let post = post.trim_start();
    let inner = post.strip_prefix('(')?;
    let close = inner.find(')')?;
    let word = inner.get(..close)?.trim();
    let known = [
        "フリーダイヤル",
        "代表",
        "専用ダイヤル",
        "直通",
        "IP電話",
        "通話料無料",
        "ナビダイヤル",
        "携帯",
        "FAX",
        "ファクス",
        "ファックス",
    ];
    known
        .iter()
        .any(|k| word.contains(k))
        .then(|| word.to_owned())
}

/// Whether a label names a FAX number, and whether it names a phone too
/// (「TEL/FAX」).
pub fn fax_label(label: &str) -> (bool, bool) {
    let fax = [
        "FAX",
        "Fax",
        "fax",
        "ファクス",
        "ファックス",
        "ファクシミリ",
    ]
    .iter()
    .any(|w| label.contains(w));
    let phone = ["TEL", "Tel", "tel", "電話", "℡"]
        .iter()
        .any(|w| label.contains(w));
    (fax, phone)
}

static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s(]{0,3}内線\s?[:]?\s?(\d+(?:\s?[・,、]\s?\d+)*)").expect("static regex")
});

/// The extension right after a number (「(内線 214・215)」 → 「214・215」).
pub fn extension(post: &str) -> Option<String> {
    EXTENSION
        .captures(post)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_owned())
}

static POSTAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"〒\s?(\d{3}-\d{4})\s*(.*)$").expect("static regex"));

/// The postal code and the address after it on a line
/// (「〒500-8385 岐阜市下奈良2丁目2番1号」).
pub fn postal(line: &str) -> Option<(String, Option<String>)> {
    let caps = POSTAL.captures(line.trim())?;
    let code = caps.get(1)?.as_str().to_owned();
    let address = caps
        .get(2)
        .map(|m| m.as_str().trim().to_owned())
        .filter(|a| !a.is_empty());
    Some((code, address))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_glue_legal_forms() {
        assert_eq!(
            pieces("一般財団法人 青葉文化振興会"),
            ["一般財団法人 青葉文化振興会"]
        );
        assert_eq!(pieces("担当 医事指導担当"), ["担当", "医事指導担当"]);
        assert_eq!(
            pieces("青葉健診株式会社 総務課"),
            ["青葉健診株式会社", "総務課"]
        );
        assert_eq!(
            pieces("株式会社 青葉健診 総務課"),
            ["株式会社 青葉健診", "総務課"]
        );
        assert_eq!(
            pieces("特定非営利活動法人 青葉こども食堂ネットワーク 事務局"),
            ["特定非営利活動法人 青葉こども食堂ネットワーク", "事務局"]
        );
    }

    #[test]
    fn classification() {
        assert_eq!(classify("株式会社みどり野ハウジング"), Part::StrongOrg);
        assert_eq!(classify("教育局県立学校部保健体育課"), Part::Department);
        assert_eq!(classify("青葉台市本町三丁目8番1号"), Part::Other);
        assert_eq!(classify("山田、佐藤"), Part::Other);
        assert_eq!(classify("相談窓口"), Part::Other);
        assert_eq!(classify("お客様相談窓口"), Part::Department);
    }

    #[test]
    fn labels_and_extensions() {
        assert_eq!(split_label("TEL:").1.as_deref(), Some("TEL"));
        assert_eq!(
            split_label("担当者直通(携帯) ").1.as_deref(),
            Some("担当者直通(携帯)")
        );
        assert_eq!(
            split_label("なお、以降は、フリーダイヤル").1.as_deref(),
            Some("フリーダイヤル")
        );
        assert_eq!(
            label_after("(フリーダイヤル)").as_deref(),
            Some("フリーダイヤル")
        );
        assert_eq!(label_after("(平日9時~)"), None);
        assert_eq!(extension("(内線 214・215)").as_deref(), Some("214・215"));
        assert_eq!(fax_label("TEL/FAX"), (true, true));
        assert_eq!(fax_label("FAX"), (true, false));
    }

    #[test]
    fn postal_codes() {
        let (code, address) = postal("〒251-0042 汐見市藤ヶ丘二丁目14番5号").unwrap_or_default();
        assert_eq!(code, "251-0042");
        assert_eq!(address.as_deref(), Some("汐見市藤ヶ丘二丁目14番5号"));
    }

    #[test]
    fn trailing_names() {
        assert_eq!(
            trailing_name("ございましたら総務企画課(").as_deref(),
            Some("総務企画課")
        );
    }
}
