//! Reception hours: 「受付時間（平日）：８：３０～１７：００」
//! 「平日 午前8時30分から午後5時15分まで」「9:30~17:00(土日・祝日を除きます)」.
//!
//! Works on normalized text (digits ASCII, 〜/～ as `~`). A time is
//! `H:MM`, `H時`, `H時M分`, `H時半`, with 午前/午後 and kanji numerals
//! (「午前九時」); two times joined by `~`, `-` or から…まで make the open
//! and close times. Days (平日, 土日祝日, 月曜日~金曜日, 火・木・土) are
//! taken before the range; an exception is what comes before 「を除く」
//! 「を除きます」 after the range.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Reception hours in a structured form.
///
/// ```
/// use jpnotice::extract::contacts::hours::parse;
/// let (_, h) = parse("受付時間(平日):8:30~17:00").unwrap();
/// assert_eq!(h.days.as_deref(), Some("平日"));
/// assert_eq!((h.open.as_deref(), h.close.as_deref()), (Some("08:30"), Some("17:00")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Hours {
    /// The days as written (「平日」「月曜日~金曜日」「火・木・土」).
    pub days: Option<String>,
    /// Opening time, `HH:MM` on a 24-hour clock.
    pub open: Option<String>,
    /// Closing time, `HH:MM`.
    pub close: Option<String>,
    /// The exception as written (「土日・祝日」「年末年始」).
    pub except: Option<String>,
}

const NUM: &str = r"(?:\d{1,2}|[〇一二三四五六七八九十]{1,3})";

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let time = format!(r"(午前|午後)?\s?({NUM})\s?(?::\s?(\d{{2}})|時\s?(?:({NUM})\s?分|(半))?)");
    Regex::new(&format!(r"{time}\s?(?:~|-|から|より)\s?{time}\s?(?:まで)?")).expect("static regex")
});

static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"[月火水木金土日](?:曜日?)?";
    Regex::new(&format!(
        r"平日|毎日|土日祝日?|年中無休|{day}\s?(?:~|-|から)\s?{day}|{day}(?:[・、,]{day})+|{day}曜日"
    ))
    .expect("static regex")
});

static EXCEPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([^(),、。:]{1,40}?)\s?(?:を|は)?除(?:く|き|いた)").expect("static regex")
});

/// Finds hours in `text`: the byte range of the time range and the
/// structured hours. The range alone is required; days and exceptions
/// are looked for around it.
///
/// ```
/// use jpnotice::extract::contacts::hours::parse;
/// let (_, h) = parse("平日 午前8時30分から午後5時15分まで").unwrap();
/// assert_eq!((h.open.as_deref(), h.close.as_deref()), (Some("08:30"), Some("17:15")));
/// ```
pub fn parse(text: &str) -> Option<((usize, usize), Hours)> {
    let caps = RANGE.captures(text)?;
    let whole = caps.get(0)?;
    let open = clock(
        caps.get(1).map(|m| m.as_str()),
        caps.get(2)?.as_str(),
        caps.get(3).or(caps.get(4)).map(|m| m.as_str()),
        caps.get(5).is_some(),
    )?;
    let close_pm = caps.get(6).map(|m| m.as_str()).or_else(|| {
        // 「午後1時~5時」: the second time inherits 午後.
        caps.get(1).map(|m| m.as_str()).filter(|m| *m == "午後")
    });
    let close = clock(
        close_pm,
        caps.get(7)?.as_str(),
        caps.get(8).or(caps.get(9)).map(|m| m.as_str()),
        caps.get(10).is_some(),
    )?;
    let before = text.get(..whole.start())?;
    let days = DAYS.find_iter(before).last().map(|m| m.as_str().to_owned());
    let after = text.get(whole.end()..)?;
    let except = EXCEPT.captures(after).and_then(|c| {
        let words = c.get(1)?.as_str();
        let words = words.trim_start_matches(['(', ' ', '※', '但', 'し', 'た', 'だ', '。', '/']);
        (!words.is_empty()).then(|| words.trim().to_owned())
    });
    Some((
        (whole.start(), whole.end()),
        Hours {
            days,
            open: Some(open),
            close: Some(close),
            except,
        },
    ))
}

/// `HH:MM` from 午前/午後, an hour and minutes in digits or kanji.
fn clock(ampm: Option<&str>, hour: &str, minute: Option<&str>, half: bool) -> Option<String> {
    let mut h = number(hour)?;
    let m = match minute {
        Some(m) => number(m)?,
        None if half => 30,
        None => 0,
    };
    if ampm == Some("午後") && h < 12 {
        h = h.checked_add(12)?;
    }
    (h <= 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// A small number in ASCII digits or kanji (「九」「十五」「三十」).
fn number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|k| k == c);
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    for c in s.chars() {
        if c == '十' {
            total = total.checked_add(current.max(1).checked_mul(10)?)?;
            current = 0;
        } else {
            current = current
                .checked_mul(10)?
                .checked_add(u32::try_from(digit(c)?).ok()?)?;
        }
    }
    total.checked_add(current)
}

/// The hours as written, tidied: the reception label and its colon
/// dropped, days in brackets unwrapped, spaces collapsed.
///
/// ```
/// use jpnotice::extract::contacts::hours::tidy;
/// assert_eq!(tidy("受付時間(平日):8:30~17:00"), "平日 8:30~17:00");
/// assert_eq!(tidy("(受付時間 9時00分~20時00分)"), "9時00分~20時00分");
/// ```
pub fn tidy(text: &str) -> String {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|i| i.strip_suffix(')')) {
        s = inner.trim();
    }
    for label in ["受付時間", "営業時間", "対応時間", "受付日時", "受付"] {
        if let Some(rest) = s.strip_prefix(label) {
            s = rest;
            break;
        }
    }
    let s = s.trim_start_matches([':', ' ', '：']);
    let mut out = String::new();
    let mut rest = s;
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        out.push_str(inner.get(..close).unwrap_or(""));
        out.push(' ');
        rest = inner
            .get(close + 1..)
            .unwrap_or("")
            .trim_start_matches([':', ' ']);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(text: &str) -> Hours {
        parse(text).map(|(_, h)| h).unwrap_or_default()
    }

    #[test]
    fn colon_times_with_days_in_brackets() {
        let h = hours("受付時間(平日):8:30~17:00");
        assert_eq!(h.days.as_deref(), Some("平日"));
        assert_eq!(h.open.as_deref(), Some("08:30"));
        assert_eq!(h.close.as_deref(), Some("17:00"));
        assert_eq!(h.except, None);
    }

    #[test]
    fn gozen_gogo_and_kanji() {
        let h = hours("受付時間 平日 午前九時から午後五時まで");
        assert_eq!(
            (h.open.as_deref(), h.close.as_deref()),
            (Some("09:00"), Some("17:00"))
        );
        let h = hours("平日 午前8時30分から午後5時15分まで");
        assert_eq!(
            (h.open.as_deref(), h.close.as_deref()),
            (Some("08:30"), Some("17:15"))
        );
        let h = hours("午前10時~午後6時(土日祝日を除く)");
        assert_eq!(h.close.as_deref(), Some("18:00"));
        assert_eq!(h.except.as_deref(), Some("土日祝日"));
    }

    #[test]
    fn exceptions_as_written() {
        let h = hours("受付時間:9:30~17:00(土日・祝日を除きます)");
        assert_eq!(h.except.as_deref(), Some("土日・祝日"));
        let h = hours("9時00分~20時00分(年末年始を除く)");
        assert_eq!(
            (h.open.as_deref(), h.close.as_deref()),
            (Some("09:00"), Some("20:00"))
        );
        assert_eq!(h.except.as_deref(), Some("年末年始"));
    }

    #[test]
    fn exception_after_a_slash() {
        let h = hours("(平日9:00~18:00/土日祝除く)");
        assert_eq!(h.days.as_deref(), Some("平日"));
        assert_eq!(h.except.as_deref(), Some("土日祝"));
    }

    #[test]
    fn day_lists_and_spans() {
        let h = hours("火・木・土 10時~15時");
        assert_eq!(h.days.as_deref(), Some("火・木・土"));
        let h = hours("月曜日~金曜日 10時~16時(祝日を除く)");
        assert_eq!(h.days.as_deref(), Some("月曜日~金曜日"));
        assert_eq!(h.except.as_deref(), Some("祝日"));
    }

    #[test]
    fn no_range_no_hours() {
        assert!(parse("令和6年5月").is_none());
        assert!(parse("0120-123-456").is_none());
    }
}
