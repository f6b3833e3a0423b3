//! Phone numbers in running text.
//!
//! A number is a run of digits (ASCII after normalization, or kanji
//! 「〇一二…九」 all through) with `-`, brackets or single spaces between
//! the groups: 「0493-81-6089」「046(223)5789」「(03)3316-1117」
//! 「〇二二(二六三)四五一七」. It must start with one `0` (not `00`) and have
//! 10 digits, or 11 for mobile, IP and 0800 numbers. The international
//! form 「+81-3-1234-5678」「+81(0)3-…」 is read as the national one.
//!
//! The national number is always grouped as the Japanese numbering plan of
//! the `phonenumber` crate (libphonenumber's metadata) groups it, whatever
//! grouping the text used: 「0997-223-333」 gives 0997-22-3333 (the text as
//! written stays in the match's span). A number written without separators
//! (「0312345678」) is taken when a phone label (電話, TEL, ℡, ダイヤル …) is
//! close before or after it, when it is the whole text, when it is written
//! in the international form (「+81312345678」), or when its prefix can only
//! be a phone number (0120, 0800, 0570, 050); otherwise a bare string of ten
//! digits is as likely an ID.
//!
//! Not phones: digits inside URLs, e-mail addresses and file names (the
//! caller passes their spans as `masked`), postal codes (〒500-8385, too
//! short anyway), dates and ranges (「2024-01-29」 does not start with 0),
//! amounts and counts (a counter such as 円 or 件 follows), IDs and
//! reception numbers (「受付番号」「ID」 precede), and short numbers such as
//! 「#9110」「110番」.

use std::sync::LazyLock;

use phonenumber::country::Id;
use phonenumber::metadata::Database;

/// What kind of line a number reaches, from its leading digits; serialized
/// as `toll_free`, `navi_dial`, `mobile`, `ip` or `landline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    /// 0120 and 0800 (フリーダイヤル).
    TollFree,
    /// 0570 (ナビダイヤル).
    NaviDial,
    /// 070, 080, 090.
    Mobile,
    /// 050 (IP電話).
    Ip,
    /// Every other geographic number.
    Landline,
}

impl PhoneKind {
    /// The kind of a national number given as its digits.
    ///
    /// ```
    /// use jpnotice::extract::contacts::phone::PhoneKind;
    /// assert_eq!(PhoneKind::of_digits("0120331611"), PhoneKind::TollFree);
    /// assert_eq!(PhoneKind::of_digits("0493816089").as_str(), "landline");
    /// ```
    pub fn of_digits(digits: &str) -> PhoneKind {
        let starts = |p: &str| digits.starts_with(p);
        if starts("0120") || starts("0800") {
            PhoneKind::TollFree
        } else if starts("0570") {
            PhoneKind::NaviDial
        } else if starts("070") || starts("080") || starts("090") {
            PhoneKind::Mobile
        } else if starts("050") {
            PhoneKind::Ip
        } else {
            PhoneKind::Landline
        }
    }

    /// The name used in the JSON output (`toll_free`, `navi_dial`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneKind::TollFree => "toll_free",
            PhoneKind::NaviDial => "navi_dial",
            PhoneKind::Mobile => "mobile",
            PhoneKind::Ip => "ip",
            PhoneKind::Landline => "landline",
        }
    }
}

/// One phone number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneMatch {
    /// Byte offset of the first character of the number in the text.
    pub start: usize,
    /// Byte offset one past its last character.
    pub end: usize,
    /// National format with hyphens (「0493-81-6089」).
    pub national: String,
    /// The kind from the leading digits.
    pub kind: PhoneKind,
}

/// Labels that say a nearby bare digit string is a phone or FAX number.
pub(crate) const PHONE_WORDS: [&str; 14] = [
    "電話",
    "TEL",
    "Tel",
    "tel",
    "℡",
    "ダイヤル",
    "携帯",
    "直通",
    "代表",
    "FAX",
    "Fax",
    "fax",
    "ファクス",
    "ファックス",
];

/// Finds the phone and FAX numbers in `text`, skipping any that overlap a
/// `masked` byte range (URLs, e-mail addresses, file names).
///
/// ```
/// use jpnotice::extract::contacts::phone::find_phones;
/// let found = find_phones("電話：046(223)5789（平日）", &[]);
/// assert_eq!(found[0].national, "046-223-5789");
/// ```
pub fn find_phones(text: &str, masked: &[(usize, usize)]) -> Vec<PhoneMatch> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(run) = run_at(&chars, i) else {
            i += 1;
            continue;
        };
        let next = run.end_index.max(i + 1);
        for piece in run.pieces(&chars) {
            if let Some(m) = accept(text, &chars, &piece, masked) {
                found.push(m);
            }
        }
        i = next;
    }
    found
}

/// The value of a digit character: ASCII or kanji (〇一…九; phone numbers
/// write zero as 〇, never 零).
fn digit_value(c: char) -> Option<(u8, bool)> {
    if c.is_ascii_digit() {
        return Some((c as u8 - b'0', false));
    }
    if c == '零' {
        return None;
    }
    let value = crate::numbers::numeral::kanji_digit(c)?;
    Some((u8::try_from(value).ok()?, true))
}

/// A separator between digit groups for a run of the given script.
fn is_separator(c: char, kanji: bool) -> bool {
    // 「03.1234.5678」: dots as well; a decimal or a version does not start
    // with one 0 and have the length of a number.
    matches!(c, '-' | '(' | ')' | ' ')
        || (!kanji && c == '.')
        || (kanji && matches!(c, 'ー' | '―' | '−' | '－' | '（' | '）' | '　'))
}

/// A maximal stretch of digits and separators, as char indices.
struct Run {
    start_index: usize,
    end_index: usize,
    kanji: bool,
}

/// One part of a run to test as a number (a run split at spaces when the
/// whole run is not a number).
struct Piece {
    start_index: usize,
    end_index: usize,
    kanji: bool,
}

impl Run {
    /// The whole run first, then its space-separated parts.
    fn pieces(&self, chars: &[(usize, char)]) -> Vec<Piece> {
        let mut pieces = vec![Piece {
            start_index: self.start_index,
            end_index: self.end_index,
            kanji: self.kanji,
        }];
        let mut start = self.start_index;
        for k in self.start_index..self.end_index {
            let is_space = chars.get(k).is_some_and(|&(_, c)| c == ' ' || c == '　');
            if is_space {
                if k > start {
                    pieces.push(Piece {
                        start_index: start,
                        end_index: k,
                        kanji: self.kanji,
                    });
                }
                start = k + 1;
            }
        }
        if start > self.start_index && start < self.end_index {
            pieces.push(Piece {
                start_index: start,
                end_index: self.end_index,
                kanji: self.kanji,
            });
        }
        pieces
    }
}

/// The run of digits and separators starting at char index `i`, if a
/// number can start there: a digit, or `(` directly before a digit.
fn run_at(chars: &[(usize, char)], i: usize) -> Option<Run> {
    let &(_, first) = chars.get(i)?;
    let kanji = match digit_value(first) {
        Some((_, kanji)) => kanji,
        None if first == '(' || first == '（' => digit_value(chars.get(i + 1)?.1)?.1,
        None => return None,
    };
    let mut end = i + 1;
    while let Some(&(_, c)) = chars.get(end) {
        let same_digit = digit_value(c).is_some_and(|(_, k)| k == kanji);
        if same_digit {
            end += 1;
            continue;
        }
        if !is_separator(c, kanji) {
            break;
        }
        // A separator continues the run only when a digit (or a bracket
        // then a digit) follows, and spaces come one at a time.
        let after = chars.get(end + 1).map(|&(_, c)| c);
        let continues = match after {
            Some(a) if digit_value(a).is_some_and(|(_, k)| k == kanji) => true,
            Some(a) if is_separator(a, kanji) && a != ' ' && c != ' ' => chars
                .get(end + 2)
                .is_some_and(|&(_, b)| digit_value(b).is_some_and(|(_, k)| k == kanji)),
            Some('(') | Some('（') if c == ' ' => chars
                .get(end + 2)
                .is_some_and(|&(_, b)| digit_value(b).is_some_and(|(_, k)| k == kanji)),
            // 「(075) 1234-5678」: one space after a closing bracket.
            Some(' ') if matches!(c, ')' | '）') => chars
                .get(end + 2)
                .is_some_and(|&(_, b)| digit_value(b).is_some_and(|(_, k)| k == kanji)),
            _ => false,
        };
        if !continues {
            break;
        }
        end += 1;
    }
    Some(Run {
        start_index: i,
        end_index: end,
        kanji,
    })
}

/// Tests one piece against the numbering rules and its context.
fn accept(
    text: &str,
    chars: &[(usize, char)],
    piece: &Piece,
    masked: &[(usize, usize)],
) -> Option<PhoneMatch> {
    let mut first = piece.start_index;
    let mut last = piece.end_index;
    // Trim leading/trailing separators (an opening bracket stays when its
    // closing bracket is inside the piece).
    while first < last
        && chars
            .get(last - 1)
            .is_some_and(|&(_, c)| digit_value(c).is_none())
    {
        last -= 1;
    }
    let opens_area = chars
        .get(first)
        .is_some_and(|&(_, c)| c == '(' || c == '（');
    let closes_inside =
        (first..last).any(|k| chars.get(k).is_some_and(|&(_, c)| c == ')' || c == '）'));
    if opens_area && !closes_inside {
        first += 1;
    }
    if first >= last {
        return None;
    }
    let start = chars.get(first)?.0;
    let end = chars.get(last).map_or(text.len(), |&(o, _)| o);
    if masked.iter().any(|&(s, e)| start < e && s < end) {
        return None;
    }
    let mut groups = digit_groups(chars.get(first..last)?, piece.kanji);
    let mut start = start;
    let mut before = text.get(..start)?;
    let international =
        before.ends_with('+') && groups.first().is_some_and(|g| g.starts_with("81"));
    if international {
        // The span keeps the 「+」 of 「+81-3-…」.
        before = before.get(..before.len() - 1)?;
        start -= 1;
        to_national(&mut groups);
    }
    let digits: String = groups.concat();
    if !plausible_length(&digits) {
        return None;
    }
    let after = text.get(end..)?;
    if !clean_edges(before, after) || looks_like_id(before) {
        return None;
    }
    let whole_text = before.trim().is_empty() && after.trim().is_empty();
    let national = match groups.len() {
        1 => {
            let unambiguous = ["0120", "0800", "0570", "050"]
                .iter()
                .any(|p| digits.starts_with(p));
            if !(whole_text || international || unambiguous || labelled(before, after)) {
                return None;
            }
            format_by_plan(&digits)?
        }
        // The written grouping only decides that this is a number; the
        // value is grouped as the numbering plan groups it.
        2 | 3 if groups_fit(&groups) => format_by_plan(&digits).unwrap_or_else(|| groups.join("-")),
        _ => return None,
    };
    Some(PhoneMatch {
        start,
        end,
        national,
        kind: PhoneKind::of_digits(&digits),
    })
}

/// Turns the groups of an international number (「+81-3-…」「+81(0)3-…」)
/// into national ones: the country code goes, the trunk prefix 0 comes
/// back.
fn to_national(groups: &mut Vec<String>) {
    // 「+81312345678」: the country code glued to the national number.
    match groups.first_mut() {
        Some(first) if first.len() > 2 => {
            first.replace_range(..2, "");
        }
        _ => {
            groups.remove(0);
        }
    }
    if groups.first().is_some_and(|g| g == "0") {
        groups.remove(0);
    }
    if let Some(area) = groups.first_mut()
        && !area.starts_with('0')
    {
        area.insert(0, '0');
    }
}

/// The digit groups of a piece, as ASCII digit strings.
fn digit_groups(chars: &[(usize, char)], kanji: bool) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    let mut current = String::new();
    for &(_, c) in chars {
        match digit_value(c) {
            Some((v, k)) if k == kanji => current.push(char::from(b'0' + v)),
            _ => {
                if !current.is_empty() {
                    groups.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// One leading zero, and 10 digits (11 for 070/080/090/050/0800/020).
fn plausible_length(digits: &str) -> bool {
    if !digits.starts_with('0') || digits.starts_with("00") {
        return false;
    }
    let eleven = ["070", "080", "090", "050", "0800", "020"]
        .iter()
        .any(|p| digits.starts_with(p));
    digits.len() == if eleven { 11 } else { 10 }
}

/// Written groups look like a Japanese number: area code 2–5 digits,
/// subscriber parts of 1–4 and 3–4 digits.
fn groups_fit(groups: &[String]) -> bool {
    let len = |i: usize| groups.get(i).map_or(0, String::len);
    match groups.len() {
        2 => (2..=5).contains(&len(0)) && (5..=8).contains(&len(1)),
        3 => (2..=5).contains(&len(0)) && (1..=4).contains(&len(1)) && (3..=4).contains(&len(2)),
        _ => false,
    }
}

/// Japan's numbering plan alone (`dictionaries/phone-jp.xml`, from
/// libphonenumber's metadata): it loads in milliseconds, where the
/// `phonenumber` crate's whole database compiles every region's patterns.
fn japan_plan() -> &'static Database {
    static PLAN: LazyLock<Database> = LazyLock::new(|| {
        Database::parse(include_str!("../../../dictionaries/phone-jp.xml"))
            .expect("dictionaries/phone-jp.xml is valid libphonenumber metadata")
    });
    &PLAN
}

/// The national format of a national significant number by the plan's
/// formats (the first whose leading digits and pattern fit), with the
/// national prefix 「0」 before the first group: what libphonenumber's
/// national mode writes. (The `phonenumber` crate's own formatter loads its
/// whole database whatever database it is given.)
fn national_format(plan: &Database, national: &str) -> Option<String> {
    let meta = plan.by_id("JP")?;
    let format = meta.formats().iter().find(|f| {
        let leading = f
            .leading_digits()
            .last()
            .is_none_or(|re| re.find(national).is_some_and(|m| m.start() == 0));
        leading
            && f.pattern()
                .find(national)
                .is_some_and(|m| m.start() == 0 && m.end() == national.len())
    })?;
    let grouped = format.pattern().replace(national, format.format());
    Some(format!(
        "{}{grouped}",
        meta.national_prefix().unwrap_or("0")
    ))
}

/// Groups a bare digit string by the numbering plan (libphonenumber
/// metadata through the `phonenumber` crate).
///
/// ```
/// use jpnotice::extract::contacts::phone::format_by_plan;
/// assert_eq!(format_by_plan("0312345678").as_deref(), Some("03-1234-5678"));
/// ```
pub fn format_by_plan(digits: &str) -> Option<String> {
    let plan = japan_plan();
    let number = phonenumber::parse_with(plan, Some(Id::JP), digits).ok()?;
    let formatted = national_format(plan, &number.national().to_string())?;
    let only_digits: String = formatted.chars().filter(char::is_ascii_digit).collect();
    (only_digits == digits).then(|| formatted.replace(' ', "-"))
}

/// The characters around the number do not make it part of something
/// longer: a word, a decimal, a longer number, an amount or a count.
fn clean_edges(before: &str, after: &str) -> bool {
    let mut back = before.chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    let bad_prev = match prev {
        Some(c) if c.is_ascii_alphanumeric() => !tail_is_label(before),
        Some('#' | '/' | '_' | '=' | '?' | '&' | '+' | '〒' | '@' | '%') => true,
        Some('.' | '-' | ',') => {
            prev2.is_some_and(|c| c.is_ascii_alphanumeric())
                && !tail_is_label(before.get(..before.len() - 1).unwrap_or(""))
        }
        _ => false,
    };
    if bad_prev {
        return false;
    }
    let mut ahead = after.chars();
    let next = ahead.next();
    let next2 = ahead.next();
    match next {
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some('/' | '_' | '@' | '%') => false,
        Some('.' | '-' | ',') => !next2.is_some_and(|c| c.is_ascii_alphanumeric()),
        Some(c) => !"円件名人年月日時分番号回歳枚社台通".contains(c),
        None => true,
    }
}

/// `before` ends with an ASCII label such as TEL or FAX.
fn tail_is_label(before: &str) -> bool {
    let trimmed = before.trim_end_matches(['.', ' ']);
    ["TEL", "Tel", "tel", "FAX", "Fax", "fax"]
        .iter()
        .any(|l| trimmed.ends_with(l))
}

/// The words just before the number call it an ID or reception number
/// (受付番号, 会員番号, ID, No.) rather than a phone number.
fn looks_like_id(before: &str) -> bool {
    let near: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let near = near.rsplit(['。', '\n', '、']).next().unwrap_or("");
    let phoneish = [
        "電話",
        "TEL",
        "FAX",
        "ファクス",
        "ファックス",
        "ダイヤル",
        "携帯",
    ];
    if phoneish.iter().any(|w| near.contains(w)) {
        return false;
    }
    ["番号", "ID", "No", "NO", "コード", "記号", "口座"]
        .iter()
        .any(|w| near.contains(w))
}

/// A phone label close before (same line, 16 characters) or just after
/// the number.
fn labelled(before: &str, after: &str) -> bool {
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let near: String = {
        let tail: Vec<char> = line_before.chars().rev().take(16).collect();
        tail.into_iter().rev().collect()
    };
    let near_after: String = after.chars().take(10).collect();
    let near_after = near_after.split('\n').next().unwrap_or("");
    PHONE_WORDS
        .iter()
        .any(|w| near.contains(w) || near_after.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        find_phones(text, &[])
            .into_iter()
            .map(|m| m.national)
            .collect()
    }

    #[test]
    fn plan_groups_bare_numbers() {
        assert_eq!(
            format_by_plan("0312345678").as_deref(),
            Some("03-1234-5678")
        );
        assert_eq!(
            format_by_plan("0493816089").as_deref(),
            Some("0493-81-6089")
        );
        assert_eq!(
            format_by_plan("0120123456").as_deref(),
            Some("0120-123-456")
        );
        assert_eq!(
            format_by_plan("09012345678").as_deref(),
            Some("090-1234-5678")
        );
        // 0225 is an area code of its own in the plan.
        assert_eq!(
            format_by_plan("0225551880").as_deref(),
            Some("0225-55-1880")
        );
    }

    #[test]
    fn the_japan_plan_loads() {
        assert!(japan_plan().by_id("JP").is_some());
    }

    #[test]
    fn written_grouping_gives_way_to_the_plan() {
        // A 4-digit area code written as if it had 3 subscriber digits.
        assert_eq!(numbers("電話 0997-223-333"), ["0997-22-3333"]);
        assert_eq!(numbers("TEL 0156-45-2211"), ["01564-5-2211"]);
        assert_eq!(numbers("TEL 01564-5-2211"), ["01564-5-2211"]);
        assert_eq!(numbers("電話 0312-34-5678"), ["03-1234-5678"]);
        // A toll-free number written 4-2-4 comes out 4-3-3.
        assert_eq!(numbers("0120-12-3456"), ["0120-123-456"]);
    }

    #[test]
    fn a_text_that_is_a_number_is_that_number() {
        assert_eq!(numbers("0312345678"), ["03-1234-5678"]);
        assert_eq!(numbers(" 09012345678 "), ["090-1234-5678"]);
        assert_eq!(numbers("0466223344"), ["0466-22-3344"]);
        // Not a number of the plan's length: nothing.
        assert!(numbers("031234567").is_empty());
        assert!(numbers("1234-5678").is_empty());
        assert!(numbers("03-1234-567").is_empty());
        // In running text a bare landline still needs a label.
        assert!(numbers("申込番号は 0312345678 です").is_empty());
    }

    #[test]
    fn unambiguous_prefixes_need_no_label() {
        assert_eq!(
            numbers("お問い合わせ 0120-123-456（平日9時～17時）"),
            ["0120-123-456"]
        );
        assert_eq!(numbers("お問い合わせは0120987654まで"), ["0120-987-654"]);
        assert_eq!(numbers("窓口 0570012345 へ"), ["0570-012-345"]);
        assert_eq!(numbers("窓口 05012345678 へ"), ["050-1234-5678"]);
        assert_eq!(numbers("担当 080-2345-6789"), ["080-2345-6789"]);
    }

    #[test]
    fn international_forms_without_separators() {
        assert_eq!(numbers("+81312345678"), ["03-1234-5678"]);
        assert_eq!(numbers("連絡先 +819012345678"), ["090-1234-5678"]);
        assert_eq!(numbers("+81 3 1234 5678"), ["03-1234-5678"]);
        assert_eq!(numbers("(075) 123-4567"), ["075-123-4567"]);
        assert_eq!(numbers("電話 (03) 3316-1117"), ["03-3316-1117"]);
    }

    #[test]
    fn dots_between_groups_and_the_plus_in_the_span() {
        assert_eq!(numbers("TEL 03.1234.5678"), ["03-1234-5678"]);
        assert!(numbers("バージョン0.1234.5678").is_empty());
        assert!(numbers("比率は0.5%").is_empty());
        let text = "連絡先 +81-3-1234-5678";
        let m = &find_phones(text, &[])[0];
        assert_eq!(&text[m.start..m.end], "+81-3-1234-5678");
    }

    #[test]
    fn hyphenated_numbers_keep_their_grouping() {
        assert_eq!(numbers("TEL:0493-81-6089"), ["0493-81-6089"]);
        assert_eq!(
            numbers("専用電話番号:0120-331-611(フリーダイヤル)"),
            ["0120-331-611"]
        );
        assert_eq!(numbers("ナビダイヤル 0570-064-512"), ["0570-064-512"]);
        assert_eq!(numbers("携帯 080-6204-9173"), ["080-6204-9173"]);
        assert_eq!(numbers("0800-123-4567"), ["0800-123-4567"]);
    }

    #[test]
    fn brackets_and_spaces() {
        assert_eq!(numbers("電話 046(223)5789"), ["046-223-5789"]);
        assert_eq!(numbers("03(3316)1117まで"), ["03-3316-1117"]);
        assert_eq!(numbers("電話 (03)3316-1117"), ["03-3316-1117"]);
        assert_eq!(numbers("課(075-252-6291)まで"), ["075-252-6291"]);
        assert_eq!(numbers("TEL 03 3316 1117"), ["03-3316-1117"]);
        assert_eq!(
            numbers("TEL 03-1111-2222 03-3333-4444"),
            ["03-1111-2222", "03-3333-4444"]
        );
    }

    #[test]
    fn labels_glued_to_the_number() {
        assert_eq!(numbers("TEL.03-1234-5678"), ["03-1234-5678"]);
        assert_eq!(numbers("TEL03-1234-5678"), ["03-1234-5678"]);
        assert_eq!(
            numbers("フリーダイヤル0120-142-966を開設"),
            ["0120-142-966"]
        );
        assert_eq!(numbers("No.03-1234-5678"), Vec::<String>::new());
    }

    #[test]
    fn international_form() {
        assert_eq!(numbers("TEL +81-3-1234-5678"), ["03-1234-5678"]);
        assert_eq!(numbers("+81(0)46-223-5789"), ["046-223-5789"]);
        assert_eq!(numbers("+81 90 1234 5678"), ["090-1234-5678"]);
    }

    #[test]
    fn kanji_digits() {
        assert_eq!(
            numbers("電話 〇二二(二六三)四五一七(代表)"),
            ["022-263-4517"]
        );
    }

    #[test]
    fn bare_digits_need_a_label() {
        assert_eq!(numbers("電話 0225551880(直通)"), ["0225-55-1880"]);
        assert_eq!(numbers("FAX 0312345678"), ["03-1234-5678"]);
        assert!(numbers("受付 0225551880 の書類").is_empty());
    }

    #[test]
    fn kinds() {
        let kind = |t: &str| find_phones(t, &[]).first().map(|m| m.kind.as_str());
        assert_eq!(kind("0120-142-966"), Some("toll_free"));
        assert_eq!(kind("0570-064-512"), Some("navi_dial"));
        assert_eq!(kind("090-4172-8856"), Some("mobile"));
        assert_eq!(kind("050-5538-2719"), Some("ip"));
        assert_eq!(kind("058-214-2966"), Some("landline"));
    }

    #[test]
    fn postal_codes_dates_and_ranges_are_not_phones() {
        assert!(numbers("〒500-8385 岐阜市").is_empty());
        assert!(numbers("2024-01-29から2024-02-02まで").is_empty());
        assert!(numbers("2021/05/26-2024/07/19").is_empty());
        assert!(numbers("令和5年10月18日").is_empty());
    }

    #[test]
    fn counts_amounts_and_ids_are_not_phones() {
        assert!(numbers("0120-123-456円").is_empty());
        assert!(numbers("合計 0312345678件").is_empty());
        assert!(numbers("受付番号:0312-345-678").is_empty());
        assert!(numbers("会員ID 03-1234-5678").is_empty());
        assert!(numbers("約483,468件").is_empty());
    }

    #[test]
    fn short_numbers_are_not_phones() {
        assert!(numbers("警察相談専用電話 #9110").is_empty());
        assert!(numbers("緊急の場合は110番").is_empty());
    }

    #[test]
    fn masked_ranges_and_file_names_are_skipped() {
        let text = "https://a.example/0312345678/03-1234-5678.pdf";
        assert!(find_phones(text, &[(0, text.len())]).is_empty());
        assert!(numbers("report_03-1234-5678.pdf").is_empty());
    }
}
