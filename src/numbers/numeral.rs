//! The value of one numeral: Arabic digits with thousands separators and
//! decimals, kanji numerals, and the mixed forms notices use.
//!
//! The grammar, read left to right:
//! - a *digit run* is either Arabic (`1,092`, `1.5`, `4238`) or kanji digits
//!   (`二`, the formal `弐`, or positional `二〇二四` = 2024);
//! - a small unit 十 百 千 (拾 佰 阡 仟) multiplies the digit run before it
//!   (or 1) and adds to the current section (`千二百` = 1200, `483千` =
//!   483000); 廿 卅 丗 卌 皕 add 20, 30, 30, 40, 200 (`廿三` = 23);
//! - a large unit 万 億 兆 (萬) multiplies the section before it and closes it
//!   (`7万4238` = 74238, `十二万三千` = 123000, `1.5万` = 15000,
//!   `1,000億 5,432万` = 100054320000).
//!
//! Units must come in decreasing order, a digit run must be smaller than the
//! unit before it, and digits read one by one take no unit: 「千百」 is 1100,
//! but 「百千」「1万0万」「1千1000」「三五十」 are malformed and no numeral at
//! all. A large unit needs something to multiply (「万一」 is not a numeral).
//!
//! ```
//! use jpnotice::numbers::numeral::parse_at;
//! assert_eq!(parse_at("約7万4238件", "約".len()).map(|n| n.value), Some(74238.0));
//! assert_eq!(parse_at("十二万三千", 0).map(|n| n.value), Some(123000.0));
//! ```

/// A numeral parsed at some position of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Its value (`1.5万` → 15000); infinite for a numeral of more digits
    /// than a `f64` holds.
    pub value: f64,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// True when it contains Arabic digits.
    pub arabic: bool,
    /// How many kanji characters (digits and units) it contains.
    pub kanji_chars: usize,
    /// True when it contains 万, 億 or 兆.
    pub large_unit: bool,
    /// True when it has a decimal point.
    pub decimal: bool,
}

/// The value of a kanji digit (〇 and 零 are 0).
///
/// ```
/// use jpnotice::numbers::numeral::kanji_digit;
/// assert_eq!(kanji_digit('七'), Some(7));
/// assert_eq!(kanji_digit('〇'), Some(0));
/// assert_eq!(kanji_digit('万'), None);
/// ```
pub fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a digit in the formal (大字) or old forms used on
/// contracts and certificates: 壱 弐 参 肆 伍 陸 漆 捌 玖, and the kanji
/// digits of [`kanji_digit`].
///
/// ```
/// use jpnotice::numbers::numeral::formal_digit;
/// assert_eq!(formal_digit('参'), Some(3));
/// assert_eq!(formal_digit('三'), Some(3));
/// assert_eq!(formal_digit('拾'), None); // a unit, not a digit
/// ```
pub fn formal_digit(c: char) -> Option<u32> {
    Some(match c {
        '壱' | '壹' => 1,
        '弐' | '貳' => 2,
        '参' | '參' => 3,
        '肆' => 4,
        '伍' => 5,
        '陸' => 6,
        '漆' => 7,
        '捌' => 8,
        '玖' => 9,
        _ => return kanji_digit(c),
    })
}

/// The multiplier of a small unit (十 百 千, and 拾 佰 阡 仟).
fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' | '拾' => Some(10.0),
        '百' | '佰' => Some(100.0),
        '千' | '阡' | '仟' => Some(1000.0),
        _ => None,
    }
}

/// The multiplier of a large unit (万 億 兆, and 萬).
fn large_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// The old single characters for a number of tens or hundreds: 廿 (20),
/// 卅 丗 (30), 卌 (40), 皕 (200); with the unit they stand in for.
fn tens_char(c: char) -> Option<(f64, f64)> {
    match c {
        '廿' => Some((20.0, 10.0)),
        '卅' | '丗' => Some((30.0, 10.0)),
        '卌' => Some((40.0, 10.0)),
        '皕' => Some((200.0, 100.0)),
        _ => None,
    }
}

/// True for a character that can start a numeral: an ASCII digit, a kanji
/// or formal digit, a small unit (十 百 千 拾 …) or 廿 卅 卌 皕.
///
/// ```
/// use jpnotice::numbers::numeral::can_start;
/// assert!(can_start('3') && can_start('千') && can_start('弐') && !can_start('万'));
/// ```
pub fn can_start(c: char) -> bool {
    c.is_ascii_digit()
        || formal_digit(c).is_some()
        || small_unit(c).is_some()
        || tens_char(c).is_some()
}

/// One lexical piece of a numeral.
enum Piece {
    /// A run of digits with its value and whether it is Arabic.
    Digits {
        value: f64,
        arabic: bool,
        decimal: bool,
    },
    Small(f64),
    Large(f64),
    /// 廿 卅 卌 皕: a value and the unit it fills.
    Tens(f64, f64),
}

/// Reads an Arabic digit run at `at`: digits, thousands separators (a comma
/// followed by exactly three digits, after a first group of one to three
/// digits) and a decimal part. Returns the value, the end and whether it
/// has a decimal point.
fn arabic_run(text: &str, at: usize) -> Option<(f64, usize, bool)> {
    let bytes = text.as_bytes();
    let digits_end = |from: usize| {
        let mut e = from;
        while e < bytes.len() && bytes[e].is_ascii_digit() {
            e += 1;
        }
        e
    };
    let first_end = digits_end(at);
    if first_end == at {
        return None;
    }
    let mut end = first_end;
    let mut digits: String = text[at..first_end].to_owned();
    if first_end - at <= 3 {
        while end + 4 <= bytes.len()
            && bytes[end] == b','
            && digits_end(end + 1) == end + 4
            && !(end + 4 < bytes.len() && bytes[end + 4].is_ascii_digit())
        {
            digits.push_str(&text[end + 1..end + 4]);
            end += 4;
        }
    }
    let mut decimal = false;
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        let frac_end = digits_end(end + 1);
        digits.push('.');
        digits.push_str(&text[end + 1..frac_end]);
        end = frac_end;
        decimal = true;
    }
    let value: f64 = digits.parse().ok()?;
    Some((value, end, decimal))
}

/// Reads a run of kanji digits at `at`: one digit, or several read
/// positionally (二〇二四 → 2024).
fn kanji_run(text: &str, at: usize) -> Option<(f64, usize)> {
    let mut value = 0.0_f64;
    let mut end = at;
    for c in text[at..].chars() {
        let Some(d) = formal_digit(c) else { break };
        value = value * 10.0 + f64::from(d);
        end += c.len_utf8();
    }
    (end > at).then_some((value, end))
}

/// Where an Arabic number resumes after spaces that follow a large unit,
/// when that number is smaller than the unit (「13万 2,000」 → 2,000).
fn continuation_after_space(text: &str, at: usize, unit: f64) -> Option<usize> {
    let rest = text.get(at..)?;
    let trimmed = rest.trim_start_matches(' ');
    let spaces = rest.len() - trimmed.len();
    if spaces == 0 || spaces > 2 {
        return None;
    }
    let next = at + spaces;
    let (value, end, decimal) = arabic_run(text, next)?;
    let after = text.get(end..).and_then(|r| r.chars().next());
    // 「1,000億 5,432万」: a smaller large unit may follow, 「13万 2千」 a
    // small unit after one digit.
    let fits = match after {
        Some(c) if large_unit(c).is_some() => {
            large_unit(c).is_some_and(|m| m < unit) && value < 1e4
        }
        Some(c) if small_unit(c).is_some() => value < 10.0,
        _ => value < unit,
    };
    (!decimal && fits).then_some(next)
}

/// The next piece at `at`, with its end.
fn piece_at(text: &str, at: usize) -> Option<(Piece, usize)> {
    let c = text.get(at..)?.chars().next()?;
    if c.is_ascii_digit() {
        let (value, end, decimal) = arabic_run(text, at)?;
        return Some((
            Piece::Digits {
                value,
                arabic: true,
                decimal,
            },
            end,
        ));
    }
    if let Some((value, end)) = kanji_run(text, at) {
        return Some((
            Piece::Digits {
                value,
                arabic: false,
                decimal: false,
            },
            end,
        ));
    }
    let end = at + c.len_utf8();
    if let Some(m) = small_unit(c) {
        return Some((Piece::Small(m), end));
    }
    if let Some((value, unit)) = tens_char(c) {
        return Some((Piece::Tens(value, unit), end));
    }
    large_unit(c).map(|m| (Piece::Large(m), end))
}

/// Parses the numeral that starts at byte `start` of `text`, if any.
///
/// A malformed numeral (units out of order 「1万0万」, a digit run not
/// smaller than the unit before it 「1千1000」, digits read one by one
/// before a unit 「三五十」) is no numeral at all, not a part of one.
///
/// ```
/// use jpnotice::numbers::numeral::parse_at;
/// let value = |s: &str| parse_at(s, 0).map(|n| n.value);
/// assert_eq!(value("1,092件"), Some(1092.0));
/// assert_eq!(value("483千件"), Some(483000.0));
/// assert_eq!(value("1万2千"), Some(12000.0));
/// assert_eq!(value("二〇二四年"), Some(2024.0));
/// assert_eq!(value("壱萬弐阡"), Some(12000.0));
/// assert_eq!(value("万一"), None);
/// assert_eq!(value("1千1000"), None);
/// ```
pub fn parse_at(text: &str, start: usize) -> Option<Numeral> {
    read_at(text, start).ok()
}

/// Like [`parse_at`], but says where a malformed numeral ends, so that a
/// scanner can pass over all of it: `Err(start)` when no numeral starts
/// there, `Err(end)` past a malformed one.
///
/// ```
/// use jpnotice::numbers::numeral::read_at;
/// assert_eq!(read_at("1万0万件", 0).err(), Some("1万0万".len()));
/// assert_eq!(read_at("三五十", 0).err(), Some("三五十".len()));
/// assert!(read_at("三十五", 0).is_ok());
/// ```
pub fn read_at(text: &str, start: usize) -> Result<Numeral, usize> {
    if !text.is_char_boundary(start) {
        return Err(start);
    }
    let mut n = Numeral {
        value: 0.0,
        start,
        end: start,
        arabic: false,
        kanji_chars: 0,
        large_unit: false,
        decimal: false,
    };
    let mut total = 0.0_f64; // closed large-unit groups
    let mut section = 0.0_f64; // below the last large unit
    let mut current: Option<f64> = None; // a digit run not yet multiplied
    let mut current_chars = 0usize; // kanji digits in that run
    let mut last_small = f64::INFINITY;
    let mut last_large = f64::INFINITY;
    let mut malformed = false;
    let mut at = start;
    loop {
        // PDF text may keep a space after a large unit: 「13万 2,000」.
        if last_large.is_finite()
            && current.is_none()
            && section == 0.0
            && let Some(next) = continuation_after_space(text, at, last_large)
        {
            at = next;
        }
        let Some((piece, end)) = piece_at(text, at) else {
            break;
        };
        match piece {
            Piece::Digits {
                value,
                arabic,
                decimal,
            } => {
                // Two digit runs in a row (「2二」) end the numeral.
                if current.is_some() {
                    break;
                }
                // 「1千1000」「1万20000」: no smaller than the unit before.
                if (last_small.is_finite() && value >= last_small)
                    || (last_large.is_finite() && section == 0.0 && value >= last_large)
                {
                    malformed = true;
                }
                current = Some(value);
                current_chars = if arabic {
                    0
                } else {
                    text[at..end].chars().count()
                };
                n.arabic |= arabic;
                n.decimal |= decimal;
                n.kanji_chars += current_chars;
            }
            Piece::Small(m) => {
                // 「三五十」: digits read one by one cannot take a unit.
                if m >= last_small || current_chars > 1 {
                    malformed = true;
                }
                section += current.take().unwrap_or(1.0) * m;
                current_chars = 0;
                last_small = m;
                n.kanji_chars += 1;
                if last_large.is_finite() && section >= last_large {
                    malformed = true;
                }
            }
            Piece::Tens(value, unit) => {
                if current.is_some() || unit >= last_small {
                    malformed = true;
                }
                section += current.take().unwrap_or(0.0) + value;
                current_chars = 0;
                last_small = unit;
                n.kanji_chars += 1;
            }
            Piece::Large(m) => {
                let group = section + current.take().unwrap_or(0.0);
                if group == 0.0 && at == start {
                    // 「万一」: a large unit with nothing to multiply.
                    break;
                }
                if m >= last_large || group == 0.0 || current_chars > 1 {
                    malformed = true;
                }
                total += group * m;
                section = 0.0;
                current_chars = 0;
                last_small = f64::INFINITY;
                last_large = m;
                n.large_unit = true;
                n.kanji_chars += 1;
            }
        }
        at = end;
        n.end = end;
    }
    if n.end == start {
        return Err(start);
    }
    if malformed {
        return Err(n.end);
    }
    // Thousands of digits overflow to infinity: still a numeral (so a
    // count can say it is too large), never NaN.
    n.value = total + section + current.unwrap_or(0.0);
    if n.value.is_nan() {
        return Err(n.end);
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<f64> {
        parse_at(s, 0).map(|n| n.value)
    }

    fn consumed(s: &str) -> Option<&str> {
        parse_at(s, 0).map(|n| &s[..n.end])
    }

    #[test]
    fn arabic_with_separators_and_decimals() {
        assert_eq!(value("171,472名分"), Some(171472.0));
        assert_eq!(value("1,092"), Some(1092.0));
        assert_eq!(value("9000000"), Some(9_000_000.0));
        assert_eq!(value("1.5"), Some(1.5));
        assert_eq!(value("12,345,678件"), Some(12_345_678.0));
    }

    #[test]
    fn comma_not_followed_by_three_digits_ends_the_number() {
        assert_eq!(consumed("1,2,3"), Some("1"));
        assert_eq!(consumed("1,0923"), Some("1"));
        assert_eq!(consumed("1234,567"), Some("1234"));
    }

    #[test]
    fn kanji_numerals() {
        assert_eq!(value("十二万三千"), Some(123000.0));
        assert_eq!(value("千二百"), Some(1200.0));
        assert_eq!(value("二〇二四"), Some(2024.0));
        assert_eq!(value("三十"), Some(30.0));
        assert_eq!(value("百"), Some(100.0));
        assert_eq!(value("一億二千万"), Some(120_000_000.0));
    }

    #[test]
    fn mixed_forms() {
        assert_eq!(value("7万4238件"), Some(74238.0));
        assert_eq!(value("1.5万人"), Some(15000.0));
        assert_eq!(value("483千件"), Some(483000.0));
        assert_eq!(value("1万2千"), Some(12000.0));
        assert_eq!(value("13万人"), Some(130000.0));
        assert_eq!(value("900万件"), Some(9_000_000.0));
        assert_eq!(value("3億"), Some(300_000_000.0));
        assert_eq!(value("13万 2,000件"), Some(132_000.0));
        assert_eq!(consumed("13万 20万"), Some("13万"));
    }

    #[test]
    fn malformed_numerals_are_rejected_whole() {
        // Units out of order.
        assert_eq!(consumed("百千"), None);
        assert_eq!(consumed("5万3万"), None);
        assert_eq!(consumed("1万0万"), None);
        assert_eq!(read_at("1万0万件", 0), Err("1万0万".len()));
        // A digit run no smaller than the unit before it.
        assert_eq!(value("1千1000"), None);
        assert_eq!(value("2万30000"), None);
        assert_eq!(value("3万20千"), None);
        // Digits read one by one before a unit.
        assert_eq!(value("三五十"), None);
        assert_eq!(value("二〇万"), None);
        // Still numerals.
        assert_eq!(value("千百"), Some(1100.0));
        assert_eq!(value("2万3000"), Some(23000.0));
        assert_eq!(value("一千万"), Some(10_000_000.0));
        assert_eq!(value("三千五百万"), Some(35_000_000.0));
        assert_eq!(value("万一"), None);
        assert_eq!(consumed("2二"), Some("2"));
    }

    #[test]
    fn formal_and_old_forms() {
        assert_eq!(value("壱"), Some(1.0));
        assert_eq!(value("弐拾参"), Some(23.0));
        assert_eq!(value("肆佰伍拾"), Some(450.0));
        assert_eq!(value("陸阡漆佰捌拾玖"), Some(6789.0));
        assert_eq!(value("壱仟"), Some(1000.0));
        assert_eq!(value("参萬"), Some(30000.0));
        assert_eq!(value("廿"), Some(20.0));
        assert_eq!(value("廿三"), Some(23.0));
        assert_eq!(value("卅"), Some(30.0));
        assert_eq!(value("丗五"), Some(35.0));
        assert_eq!(value("卌二"), Some(42.0));
        assert_eq!(value("皕"), Some(200.0));
        assert_eq!(value("千皕"), Some(1200.0));
        assert_eq!(value("三百廿"), Some(320.0));
        // 廿 after a digit, or after 十: malformed.
        assert_eq!(value("二廿"), None);
        assert_eq!(value("十廿"), None);
    }

    #[test]
    fn two_part_amounts_with_a_space() {
        assert_eq!(value("1,000億 5,432万"), Some(100_054_320_000.0));
        assert_eq!(value("3兆 200億"), Some(3_020_000_000_000.0));
        assert_eq!(value("13万 2千"), Some(132_000.0));
        // A larger unit after the space starts another number.
        assert_eq!(consumed("5万 3億"), Some("5万"));
    }

    #[test]
    fn no_panic_on_odd_input() {
        assert_eq!(parse_at("件", 0), None);
        assert_eq!(parse_at("約", 1), None);
        assert_eq!(parse_at("", 0), None);
        assert_eq!(parse_at("1", 5), None);
        let huge = "9".repeat(400);
        let n = parse_at(&huge, 0).unwrap();
        assert_eq!((n.value, n.end), (f64::INFINITY, 400));
    }
}
