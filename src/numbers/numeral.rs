//! The value of one numeral: Arabic digits with thousands separators and
//! decimals, kanji numerals, and the mixed forms notices use.
//!
//! The grammar, read left to right:
//! - a *digit run* is either Arabic (`1,092`, `1.5`, `4238`) or kanji digits
//!   (`二`, or positional `二〇二四` = 2024);
//! - a small unit 十 百 千 multiplies the digit run before it (or 1) and adds
//!   to the current section (`千二百` = 1200, `483千` = 483000);
//! - a large unit 万 億 兆 multiplies the section before it and closes it
//!   (`7万4238` = 74238, `十二万三千` = 123000, `1.5万` = 15000).
//!
//! Units must come in decreasing order (`千百` ends the numeral at 百), and a
//! large unit needs something to multiply (「万一」 is not a numeral).
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

/// The multiplier of a small unit (十 百 千).
fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

/// The multiplier of a large unit (万 億 兆).
fn large_unit(c: char) -> Option<f64> {
    match c {
        '万' => Some(1e4),
        '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

/// True for a character that can start a numeral: an ASCII digit, a kanji
/// digit or a small unit (十 百 千).
///
/// ```
/// use jpnotice::numbers::numeral::can_start;
/// assert!(can_start('3') && can_start('千') && !can_start('万'));
/// ```
pub fn can_start(c: char) -> bool {
    c.is_ascii_digit() || kanji_digit(c).is_some() || small_unit(c).is_some()
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
        let Some(d) = kanji_digit(c) else { break };
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
    let unit_follows = text
        .get(end..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| small_unit(c).is_some() || large_unit(c).is_some());
    (!decimal && !unit_follows && value < unit).then_some(next)
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
    large_unit(c).map(|m| (Piece::Large(m), end))
}

/// Parses the numeral that starts at byte `start` of `text`, if any.
///
/// ```
/// use jpnotice::numbers::numeral::parse_at;
/// let value = |s: &str| parse_at(s, 0).map(|n| n.value);
/// assert_eq!(value("1,092件"), Some(1092.0));
/// assert_eq!(value("483千件"), Some(483000.0));
/// assert_eq!(value("1万2千"), Some(12000.0));
/// assert_eq!(value("二〇二四年"), Some(2024.0));
/// assert_eq!(value("万一"), None);
/// ```
pub fn parse_at(text: &str, start: usize) -> Option<Numeral> {
    if !text.is_char_boundary(start) {
        return None;
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
    let mut last_small = f64::INFINITY;
    let mut last_large = f64::INFINITY;
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
                current = Some(value);
                n.arabic |= arabic;
                n.decimal |= decimal;
                if !arabic {
                    n.kanji_chars += text[at..end].chars().count();
                }
            }
            Piece::Small(m) => {
                if m >= last_small {
                    break;
                }
                section += current.take().unwrap_or(1.0) * m;
                last_small = m;
                n.kanji_chars += 1;
            }
            Piece::Large(m) => {
                let group = section + current.take().unwrap_or(0.0);
                if m >= last_large || group == 0.0 {
                    break;
                }
                total += group * m;
                section = 0.0;
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
        return None;
    }
    // Thousands of digits overflow to infinity: still a numeral (so a
    // count can say it is too large), never NaN.
    n.value = total + section + current.unwrap_or(0.0);
    (!n.value.is_nan()).then_some(n)
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
    fn units_out_of_order_end_the_numeral() {
        assert_eq!(consumed("百千"), Some("百"));
        assert_eq!(value("千百"), Some(1100.0));
        assert_eq!(consumed("5万3万"), Some("5万3"));
        assert_eq!(value("万一"), None);
        assert_eq!(consumed("2二"), Some("2"));
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
