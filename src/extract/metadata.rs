//! Title, issuers and report number (「第２報」).
//!
//! Archive files start with a 「# 公表概要」 header whose first bullet is the
//! title and whose third bullet names the issuer(s), several separated by
//! 「、」. Other documents (letters, PDF text) are read for their main
//! heading — the first line ending like a title (「…について」「…のお詫び」
//! 「…に関するお知らせ」, with an optional 「（通知）」「（第２報）」) — and
//! for the organizations of the letterhead just above each heading
//! (job titles stripped: 「埼玉県教育委員会教育長」 → 「埼玉県教育委員会」). A
//! file holding two notices gives the first heading as title and both
//! letterheads as issuers; a notice that names itself 「当社（株式会社○○）」
//! adds that company.
//!
//! ```
//! let doc = jpnotice::Document::new(
//!     "# 公表概要\n- 不正アクセスに関するお知らせ（第２報）\n- 2025年1月1日\n- 架空商事株式会社、架空物流株式会社\n- https://example.com/\n\n# 本文\n…",
//! );
//! let meta = jpnotice::extract::metadata::extract(&doc);
//! assert_eq!(meta.title.as_deref(), Some("不正アクセスに関するお知らせ（第２報）"));
//! assert_eq!(meta.issuers, ["架空商事株式会社", "架空物流株式会社"]);
//! assert_eq!(meta.report_number, Some(2));
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::Document;
use crate::structure::HeaderField;
use crate::structure::lines::non_blank;

/// The notice's title, issuing organizations and report number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The main heading (「個人情報流出のおそれに関するご報告とお詫び」).
    pub title: Option<String>,
    /// Issuing organizations, job titles stripped.
    pub issuers: Vec<String>,
    /// The report's sequence number (「第２報」 → 2).
    pub report_number: Option<u32>,
}

/// One line of the normalized text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Line<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// Finds the title, issuers and report number.
pub fn extract(doc: &Document) -> Metadata {
    let lines = lines(doc.text());
    let mut meta = match archive_header(doc) {
        Some(meta) => meta,
        None => from_letter(doc, &lines),
    };
    meta.report_number = meta
        .title
        .as_deref()
        .and_then(|t| report_number(t, doc.text()));
    meta
}

/// Non-blank lines (see [`crate::structure::lines`]), with their text.
fn lines(text: &str) -> Vec<Line<'_>> {
    non_blank(text)
        .into_iter()
        .map(|l| Line {
            text: l.text(text),
            start: l.range.start,
            end: l.range.end,
        })
        .collect()
}

/// The archive header (see [`crate::structure::HeaderField`]): bullet 1
/// is the title, bullet 3 the issuers.
fn archive_header(doc: &Document) -> Option<Metadata> {
    let structure = doc.structure();
    if !structure.has_archive_header() {
        return None;
    }
    let input_of = |field: HeaderField| {
        let r = structure.header_field(field)?;
        let text = doc.span(r.start, r.end).text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    Some(Metadata {
        title: input_of(HeaderField::Title),
        issuers: input_of(HeaderField::Issuers)
            .map(|i| split_issuers(&i))
            .unwrap_or_default(),
        report_number: None,
    })
}

/// Splits 「Ａ株式会社、Ｂ株式会社」 on 「、」 outside brackets.
///
/// ```
/// # use jpnotice::extract::metadata::split_issuers;
/// assert_eq!(split_issuers("甲市（甲小学校、乙中学校）、乙株式会社"), ["甲市（甲小学校、乙中学校）", "乙株式会社"]);
/// ```
pub fn split_issuers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '（' | '(' | '「' | '【' => depth = depth.saturating_add(1),
            '）' | ')' | '」' | '】' => depth = depth.saturating_sub(1).max(0),
            _ => {}
        }
        if (c == '、' || c == '，') && depth == 0 {
            push_trimmed(&mut out, &current);
            current.clear();
        } else {
            current.push(c);
        }
    }
    push_trimmed(&mut out, &current);
    out
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let t = s.trim();
    if !t.is_empty() && !out.iter().any(|o| o == t) {
        out.push(t.to_owned());
    }
}

static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:について|につきまして|に関して|お詫び|おわび|お知らせ|ご報告|御報告|ご連絡|ご案内|のお願い|報告書|発生|声明)$")
        .expect("static regex")
});

/// Trailing bracketed notes of a heading: 「（通知）」「(第２報)」「【お詫び】」.
static TRAILING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s*(?:\([^()]{1,20}\)|【[^【】]{1,20}】|（[^（）]{1,20}）))+$")
        .expect("static regex")
});

static NOT_TITLE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[○◯・●◆■□※\-\*]|\d{1,2}[.．、)]|\(\d|[①-⑳]|別添|別紙|詳細|なお|※|http)")
        .expect("static regex")
});

/// True for a line that reads as a notice's heading.
fn is_title_line(text: &str) -> bool {
    let chars = text.chars().count();
    if !(6..=120).contains(&chars) || text.contains('。') || NOT_TITLE_START.is_match(text) {
        return false;
    }
    let core = TRAILING_NOTE.replace(text, "");
    let core = core.trim();
    TITLE_END.is_match(core)
        || core.is_empty() && (text.contains("お詫び") || text.contains("お知らせ"))
}

/// A line that can begin a two-line title (「「○○会員サイト」への不正アクセスによる」
/// before 「個人情報漏えいに関するお詫びとお知らせ」).
fn is_title_head(text: &str) -> bool {
    let chars = text.chars().count();
    (4..=60).contains(&chars)
        && !text.contains('。')
        && !text.contains('、')
        && !NOT_TITLE_START.is_match(text)
        && org_name(text).is_none()
        && !is_addressee(text)
        && !is_date_line(text)
        && (text.ends_with(['の', 'る', 'け', 'へ', 'に', 'と', 'び']) || text.ends_with("による"))
}

fn is_addressee(text: &str) -> bool {
    text.ends_with('様')
        || text.ends_with('殿')
        || text.ends_with("各位")
        || text.ends_with("御中")
        || text.ends_with("皆様")
        || text.ends_with("皆さま")
        || text.ends_with("の皆様へ")
}

fn is_date_line(text: &str) -> bool {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:令和|平成|\d{4}年|\d{4}/|\d{4}\.)[\d元年月日/.()\s月火水木金土]*$")
            .expect("static regex")
    });
    DATE.is_match(text)
}

/// Legal forms and organizational suffixes that end an issuer's name.
static ORG_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:株式会社|有限会社|合同会社|合資会社|会社|法人|協会|組合|連合会|委員会|病院|医院|大学|学校|高等学校|中学校|小学校|学園|県|都|府|北海道|市|町|村|区|庁|省|局|部|課|室|センター|機構|事業団|振興会|財団|クリニック|研究所|協議会|銀行|信用金庫|会議所|商工会|グループ|ホールディングス|事務所|保育園|幼稚園|施設|病院機構|会|店|社|館|院|署|本部|Inc\.|Ltd\.|Co\.,?\s?Ltd\.|Corporation)$")
        .expect("static regex")
});

static ORG_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:株式会社|有限会社|合同会社|公益財団法人|一般財団法人|公益社団法人|一般社団法人|社会福祉法人|医療法人|学校法人|独立行政法人|国立大学法人|地方独立行政法人|特定非営利活動法人|NPO法人)")
        .expect("static regex")
});

/// Job titles after an organization's name: 「埼玉県教育委員会教育長」,
/// 「株式会社○○ 代表取締役社長 山田太郎」, 「○○課長」.
static JOB_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:代表取締役(?:社長|会長)?(?:執行役員|CEO)?|取締役社長|執行役員社長|社長執行役員|代表執行役(?:社長)?|代表理事(?:長)?|理事長|専務理事|常務理事|代表社員|社長|会長|教育長|病院長|院長|学長|総長|校長|園長|施設長|所長|館長|局長|本部長|部長|課長|室長|センター長|市長|町長|村長|区長|知事|議長|頭取|管理者|代表者?)(?:\s+\S{1,12}(?:\s\S{1,8})?)?$")
        .expect("static regex")
});

/// The organization named by a letterhead line, job title stripped, or
/// `None` when the line is not an organization.
///
/// ```
/// # use jpnotice::extract::metadata::org_name;
/// assert_eq!(org_name("深山県教育委員会教育長").as_deref(), Some("深山県教育委員会"));
/// assert_eq!(org_name("深山県保健福祉部医療政策課長").as_deref(), Some("深山県保健福祉部医療政策課"));
/// assert_eq!(org_name("株式会社架空商事 代表取締役社長 山田 太郎").as_deref(), Some("株式会社架空商事"));
/// assert_eq!(org_name("保護者の皆様"), None);
/// assert_eq!(org_name("理事長　山田 正道"), None);
/// ```
pub fn org_name(line: &str) -> Option<String> {
    let chars = line.chars().count();
    if chars > 50 || line.contains('。') || line.contains([':', '：', '、']) || is_addressee(line)
    {
        return None;
    }
    if NOT_TITLE_START.is_match(line)
        || line.starts_with(['(', '（', '〒', '【', '「'])
        || line.contains("http")
    {
        return None;
    }
    if line.chars().any(|c| c.is_ascii_digit()) && !ORG_PREFIX.is_match(line) {
        return None;
    }
    let stripped = strip_job_title(line)?;
    let name = stripped.trim();
    if name.chars().count() < 2 {
        return None;
    }
    if ORG_SUFFIX.is_match(name) || ORG_PREFIX.is_match(name) && name.chars().count() > 4 {
        Some(name.to_owned())
    } else {
        None
    }
}

/// Strips a trailing job title (and person name), keeping the
/// organization: 「…課長」 → 「…課」, 「…教育長」 → 「…」.
fn strip_job_title(line: &str) -> Option<String> {
    let Some(m) = JOB_TITLE.find(line) else {
        return Some(line.to_owned());
    };
    let head = &line[..m.start()];
    let title = m.as_str().trim_start();
    // 「医療政策課長」: the title 「課長」 overlaps the office 「課」.
    for (office, suffix) in [
        ("課長", "課"),
        ("部長", "部"),
        ("局長", "局"),
        ("室長", "室"),
        ("所長", "所"),
        ("館長", "館"),
        ("センター長", "センター"),
        ("本部長", "本部"),
        ("院長", "院"),
        ("園長", "園"),
    ] {
        if title.starts_with(office) && !head.is_empty() && !ORG_SUFFIX.is_match(head.trim()) {
            return Some(format!("{}{}", head.trim_end(), suffix));
        }
    }
    // A bare job title and person (「理事長　山田 太郎」) names no organization.
    (!head.trim().is_empty()).then(|| head.to_owned())
}

/// Title and issuers of a letter or PDF text.
fn from_letter(doc: &Document, lines: &[Line]) -> Metadata {
    let limit = lines.len().min(60);
    let mut title: Option<String> = None;
    let mut issuers: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_title_line(line.text) {
            continue;
        }
        let opens_notice = title.is_none() && i < limit || has_letterhead(lines, i);
        if !opens_notice {
            continue;
        }
        let head = i
            .checked_sub(1)
            .map(|j| lines[j])
            .filter(|p| is_title_head(p.text) && title.is_none());
        let start = head.map_or(line.start, |h| h.start);
        if title.is_none() {
            let text = match head {
                Some(h) => format!(
                    "{}{}",
                    doc.span(h.start, h.end).text.trim(),
                    doc.span(line.start, line.end).text.trim()
                ),
                None => doc.span(start, line.end).text.trim().to_owned(),
            };
            title = Some(text);
        }
        let title_start = if head.is_some() { i - 1 } else { i };
        for l in &lines[letterhead_start(lines, title_start)..title_start] {
            if let Some(name) = org_name(l.text) {
                let input = input_org(doc, l, &name);
                push_trimmed(&mut issuers, &input);
            }
        }
    }
    for name in self_named(doc) {
        push_trimmed(&mut issuers, &name);
    }
    Metadata {
        title,
        issuers,
        report_number: None,
    }
}

/// Where the letterhead above the heading at line `i` starts: after the
/// nearest date or addressee line within eight lines, else three lines up.
fn letterhead_start(lines: &[Line], i: usize) -> usize {
    let from = i.saturating_sub(8);
    lines[from..i]
        .iter()
        .rposition(|l| is_date_line(l.text) || is_addressee(l.text))
        .map_or(i.saturating_sub(3), |p| from + p + 1)
}

/// True when the lines just above `i` look like a letterhead: a date, an
/// addressee or an organization.
fn has_letterhead(lines: &[Line], i: usize) -> bool {
    lines[i.saturating_sub(6)..i]
        .iter()
        .any(|l| is_date_line(l.text) || is_addressee(l.text) || org_name(l.text).is_some())
}

/// The input text of an organization found on a line: the input span of
/// the line cut to the organization's length when the job title was at the
/// end.
fn input_org(doc: &Document, line: &Line, normalized_name: &str) -> String {
    let cut = line
        .text
        .find(normalized_name)
        .map(|at| line.start + at..line.start + at + normalized_name.len());
    match cut {
        Some(r) => doc.span(r.start, r.end).text.trim().to_owned(),
        // 「…課長」 → 「…課」: no exact substring; keep the normalized name.
        None => normalized_name.to_owned(),
    }
}

/// Companies a notice names as itself: 「当社（株式会社○○）」.
fn self_named(doc: &Document) -> Vec<String> {
    static SELF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:当社|弊社|当法人|当会)\(((?:株式会社|有限会社|公益財団法人|一般財団法人|一般社団法人|公益社団法人)[^()、。]{1,30}|[^()、。]{1,30}(?:株式会社|有限会社))\)")
            .expect("static regex")
    });
    SELF.captures_iter(doc.text())
        .filter_map(|c| c.get(1))
        .map(|m| doc.span(m.start(), m.end()).text)
        .collect()
}

/// The report number of a title: 「第５報」「【第２報】」「(第二報)」 → 5, 2, 2.
/// 「続報」 alone is 2 only when the text mentions a 第1報 and no later one.
///
/// ```
/// # use jpnotice::extract::metadata::report_number;
/// assert_eq!(report_number("不正アクセスについて（第二報）", ""), Some(2));
/// assert_eq!(report_number("【続報】不正アクセスについて", "第1報（1月5日）でお知らせした"), Some(2));
/// assert_eq!(report_number("【続報】不正アクセスについて", ""), None);
/// assert_eq!(report_number("不正アクセスについて（最終報）", ""), None);
/// ```
pub fn report_number(title: &str, body: &str) -> Option<u32> {
    static NTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*報")
            .expect("static regex")
    });
    if let Some(c) = NTH.captures(title) {
        return c.get(1).and_then(|m| parse_number(m.as_str()));
    }
    if title.contains("続報") {
        let mentioned: Vec<u32> = NTH
            .captures_iter(body)
            .filter_map(|c| c.get(1).and_then(|m| parse_number(m.as_str())))
            .collect();
        if mentioned.contains(&1) && mentioned.iter().all(|&n| n <= 1) {
            return Some(2);
        }
    }
    None
}

fn parse_number(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Ok(n) = ascii.parse() {
        return Some(n);
    }
    kanji_number(s)
}

/// 「一」…「九十九」 as a number.
fn kanji_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in s.chars() {
        if c == '十' {
            total = total.checked_add(pending.unwrap_or(1).checked_mul(10)?)?;
            pending = None;
        } else {
            pending = Some(digit(c)?);
        }
    }
    total.checked_add(pending.unwrap_or(0)).filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> Metadata {
        extract(&Document::new(text))
    }

    #[test]
    fn archive_header() {
        let m = meta(
            "# 公表概要\n- 【重要】当社サーバーへの不正アクセスについて\n- 2025年3月1日\n- 架空電機株式会社\n- https://example.com/\n\n# 本文\n本文。",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("【重要】当社サーバーへの不正アクセスについて")
        );
        assert_eq!(m.issuers, ["架空電機株式会社"]);
        assert_eq!(m.report_number, None);
    }

    #[test]
    fn letter_with_job_title() {
        let m = meta(
            "　　保護者 様\n\n　　　　　深山県教育委員会教育長\n\n健康診断委託先への不正アクセスについて(通知)\n\n　深山県教育委員会は、…を委託しております。",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("健康診断委託先への不正アクセスについて(通知)")
        );
        assert_eq!(m.issuers, ["深山県教育委員会"]);
    }

    #[test]
    fn two_notices_in_one_file() {
        let text = "報道発表資料\n令和5年10月18日\n架空県国保連合会\n\n業務に係る個人情報流出事案の発生について\n\n本連合会が…ご報告します。\n\n（別添）\n\n元社員による情報の不正流出について（お詫び）\n当社（株式会社架空コール）が利用するシステムにおいて…";
        let m = meta(text);
        assert_eq!(
            m.title.as_deref(),
            Some("業務に係る個人情報流出事案の発生について")
        );
        assert_eq!(m.issuers, ["架空県国保連合会", "株式会社架空コール"]);
    }

    #[test]
    fn two_line_title() {
        let m = meta(
            "2024年3月8日\n会員の皆様\n株式会社架空楽器\n代表取締役社長　山田 一郎\n「架空会員サイト」への不正アクセスによる\n個人情報漏えいに関するお詫びとお知らせ\n平素より…",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("「架空会員サイト」への不正アクセスによる個人情報漏えいに関するお詫びとお知らせ")
        );
        assert_eq!(m.issuers, ["株式会社架空楽器"]);
    }

    #[test]
    fn kanji_numbers() {
        assert_eq!(kanji_number("十二"), Some(12));
        assert_eq!(kanji_number("二十"), Some(20));
        assert_eq!(kanji_number("五"), Some(5));
        assert_eq!(kanji_number("x"), None);
    }
}
