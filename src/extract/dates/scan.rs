//! The scanner: finds every written date and time in normalized text,
//! as written, before any year is inferred.
//!
//! Forms read (after normalization, so full-width digits are ASCII and
//! 〜 ～ are `~`):
//! - 「2024年1月29日」「令和6年1月29日」「令和元年5月1日」「令和二年五月六日」
//!   「二〇二四年」「千九百九十五年」「R6年」「令6年」「平31年」, with an
//!   alternate year in brackets (「令和6(2024)年」「令和6年(2024年)」
//!   「2024年(令和6年)」), and 「2024年/5月/1日」;
//! - 「2024/1/29」「2024-01-29」「2024.1.29」「2024・5・1」「2024,5,1」
//!   「R6.1.29」「H30/4/1」「S60-1-2」「T12/9/1」「M40/1/1」「令和6・5・1」, the
//!   year-months 「2024/5」「2024.05」「2024-05」「令和6.5」, and 「2/9(月)」
//!   when a weekday, a time (「5/9の13時」), 「に」 or a date word follows;
//! - year-months, bare years, fiscal years (「令和5年度」), ranges of years
//!   (「2019~2021年」), month and day lists (「6・7月」「4・5日」), a weekday
//!   in brackets (「(月)」「(月曜日)」), 元日/元旦/大晦日 after a year, 晦日
//!   after a month, and the modifiers 上旬/中旬/下旬/初旬/末/末日/頃;
//! - relative forms: 同年, 同月, 同日, 当日, 翌日, 前日, 翌年, 翌月, 「翌22日」,
//!   本年/今年, 昨年/前年;
//! - times: 「午前7時」「午後1時30分」「1時50分頃」「8:30」「10:30:15」「正午」
//!   「13時15」, with a meridiem before (午前/午後, AM/PM, a.m./p.m., 朝, 昼,
//!   夕方, 夜, 晩, 深夜 …) or a Latin one after (「9:00PM」); the second end
//!   of a range takes the first end's afternoon (「午後2時半から同4時」 ends
//!   at 16:00). A time that cannot exist (「午後13時」「25時」「10時61分」)
//!   is an [`Item::Impossible`], which becomes a warning. A kanji 一 hour with
//!   no meridiem or minutes is the word 「一時」 (一時的, 一時停止), not 1:00.
//!
//! Never read: anything inside a URL, an e-mail address or a file name,
//! the line under an archive's 「# 事案ID」 heading, version numbers
//! (「25.4.4」), and numbers glued to Latin letters (「Windows 11/10」).

use super::cursor::{Cursor, is_kanji_numeral};
use super::era::{Era, era_by_name};
use crate::structure::{BlockKind, HeaderField, Structure};

/// A relative date word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// 同年: the year of the date in context.
    SameYear,
    /// 同月 (also 「同22日」): the month in context.
    SameMonth,
    /// 同日, 当日: the day in context.
    SameDay,
    /// 翌日.
    NextDay,
    /// 前日.
    PrevDay,
    /// 翌年.
    NextYear,
    /// 翌月.
    NextMonth,
    /// 「翌22日」: the next 22nd after the day in context.
    NextDate,
    /// 本年, 今年: the publication year.
    ThisYear,
    /// 昨年, 前年: the year before.
    LastYear,
}

/// A written year, with the era it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearLit {
    /// The Western year.
    pub value: i32,
    /// The era and era year, when written in an era.
    pub era: Option<(Era, u32)>,
}

/// A modifier written after a date or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    /// 上旬, 初旬.
    Early,
    /// 中旬.
    Middle,
    /// 下旬.
    Late,
    /// 末.
    End,
    /// 頃, ごろ.
    About,
}

impl Modifier {
    /// The modifier as a key (「上旬」 → `early`).
    pub fn key(self) -> &'static str {
        match self {
            Modifier::Early => "early",
            Modifier::Middle => "middle",
            Modifier::Late => "late",
            Modifier::End => "end",
            Modifier::About => "about",
        }
    }
}

/// A date as written: some of year, month and day, or a relative word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawDate {
    /// Normalized byte offset of the first byte.
    pub start: usize,
    /// Normalized byte offset past the last byte (weekday and modifier
    /// included).
    pub end: usize,
    /// The year, when written.
    pub year: Option<YearLit>,
    /// A relative word before or instead of the year.
    pub rel: Option<Rel>,
    /// The month as written (may be out of range: 「13月」).
    pub month: Option<u32>,
    /// The day as written (may be out of range: 「2月30日」).
    pub day: Option<u32>,
    /// 「年度」: a fiscal year.
    pub fiscal: bool,
    /// 「末日」: the last day of the month.
    pub last_day: bool,
    /// The weekday written in brackets.
    pub weekday: Option<char>,
    /// 上旬, 末, 頃 …
    pub modifier: Option<Modifier>,
}

impl RawDate {
    /// A date at `start` with nothing read yet.
    fn at(start: usize) -> Self {
        RawDate {
            start,
            end: start,
            year: None,
            rel: None,
            month: None,
            day: None,
            fiscal: false,
            last_day: false,
            weekday: None,
            modifier: None,
        }
    }
}

/// A time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawTime {
    /// Normalized byte offset of the first byte.
    pub start: usize,
    /// Normalized byte offset past the last byte.
    pub end: usize,
    /// Hour, 0–24.
    pub hour: u32,
    /// Minute, 0–59.
    pub minute: u32,
    /// The half of the day written before or after it (午前/午後, AM/PM,
    /// 朝, 夜 …), `None` when none was written.
    pub meridiem: Option<Meridiem>,
}

/// A word that says which part of the day an hour is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    /// 午前, AM, a.m.: hours 0–12 as written (「AM12:00」 is midnight).
    Am,
    /// 午後, PM, p.m.: 12 added below 12.
    Pm,
    /// 朝, 早朝, 未明, 明け方: morning hours as written.
    Morning,
    /// 昼: 1–5 in the afternoon.
    Noon,
    /// 夕方: 1–11 in the afternoon or evening.
    Evening,
    /// 夜, 晩, 深夜: 6–11 in the evening, 12 is midnight, 0–5 as written.
    Night,
}

impl Meridiem {
    /// True for the words that put an hour after noon.
    fn afternoon(self) -> bool {
        matches!(
            self,
            Meridiem::Pm | Meridiem::Evening | Meridiem::Night | Meridiem::Noon
        )
    }
}

/// One scanned expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A date, month, year or relative date.
    Date(RawDate),
    /// A time of day.
    Time(RawTime),
    /// A time that cannot exist (「午後13時」「25時」「10時61分」): no value,
    /// only a warning.
    Impossible {
        /// Normalized byte offset of the first byte.
        start: usize,
        /// Normalized byte offset past the last byte.
        end: usize,
        /// Why it cannot exist.
        why: String,
    },
}

impl Item {
    /// Normalized end offset.
    pub fn end(&self) -> usize {
        match self {
            Item::Date(d) => d.end,
            Item::Time(t) => t.end,
            Item::Impossible { end, .. } => *end,
        }
    }
}

/// Finds every date and time expression outside URLs, e-mail addresses,
/// file names and the 事案ID line, in text order.
#[cfg(test)]
pub(crate) fn scan(text: &str) -> Vec<Item> {
    scan_skipping(text, &skipped(text, &Structure::new(text)))
}

/// The stretches no date is read from, in text order: the structure's URL
/// masks and the archive header's other sections (「# 事案ID」).
pub(crate) fn skipped(text: &str, structure: &Structure) -> Vec<(usize, usize)> {
    let mut out = structure.masks().urls.clone();
    // A 「# 事案ID」 section, in the archive header or not, up to the next
    // heading.
    let mut in_id = false;
    for b in structure.blocks() {
        if let BlockKind::Heading { title, .. } = &b.kind {
            in_id = text.get(title.clone()) == Some("事案ID");
        }
        let other_header = matches!(
            b.kind,
            BlockKind::HeaderField {
                field: HeaderField::Other,
                ..
            }
        );
        if in_id || other_header {
            out.push((b.range.start, b.range.end));
        }
    }
    out.sort_unstable();
    out
}

/// [`scan`] passing over the stretches `skip` (sorted by start).
pub(crate) fn scan_skipping(text: &str, skip: &[(usize, usize)]) -> Vec<Item> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut pos = 0;
    let mut next_skip = 0;
    while pos < bytes.len() {
        // URLs and the 事案ID lines are passed over whole.
        while skip.get(next_skip).is_some_and(|&(_, e)| e <= pos) {
            next_skip += 1;
        }
        if let Some(&(s, e)) = skip.get(next_skip)
            && s <= pos
        {
            pos = e.max(pos + 1);
            continue;
        }
        // Only ASCII digits, era letters and three-byte characters (kanji)
        // can start an expression; every other byte is passed one by one.
        match bytes[pos] {
            b'0'..=b'9'
            | b'R'
            | b'H'
            | b'S'
            | b'T'
            | b'M'
            | b'A'
            | b'P'
            | b'a'
            | b'p'
            | 0xE3..=0xE9 => {}
            _ => {
                pos += 1;
                continue;
            }
        }
        let Some(ch) = text.get(pos..).and_then(|rest| rest.chars().next()) else {
            pos += 1;
            continue;
        };
        if !is_start_char(ch) {
            pos += ch.len_utf8();
            continue;
        }
        let prev = text[..pos].chars().next_back();
        let prev2 = prev.and_then(|p| text[..pos - p.len_utf8()].chars().next_back());
        if may_start(prev2, prev, ch) {
            let found = parse_date_list(text, pos).or_else(|| match read_time(text, pos) {
                Some(Ok(t)) => Some(vec![Item::Time(t)]),
                Some(Err((end, why))) => Some(vec![Item::Impossible {
                    start: pos,
                    end,
                    why,
                }]),
                None => None,
            });
            if let Some(found) = found {
                let end = found.last().map(Item::end).unwrap_or(pos);
                if let Some(name_end) = in_name(text, pos, end) {
                    pos = name_end.max(pos + 1);
                    continue;
                }
                if end > pos {
                    // 「10:00-15:30」: the second end is glued to the first.
                    let mut found = found;
                    let mut end = end;
                    if matches!(found.last(), Some(Item::Time(_)))
                        && text[end..].starts_with('-')
                        && let Some(second) = parse_time(text, end + 1)
                    {
                        end = second.end;
                        found.push(Item::Time(second));
                    }
                    for item in found {
                        if let Item::Time(t) = item {
                            items.push(Item::Time(carry_meridiem(text, items.last(), t)));
                        } else {
                            items.push(item);
                        }
                    }
                    pos = end;
                    continue;
                }
            }
        }
        pos += ch.len_utf8();
    }
    items
}

/// The second end of a time range takes the first end's afternoon when it
/// has no meridiem of its own and would otherwise go back in time:
/// 「午後2時半から同4時」 ends at 16:00, not 04:00.
fn carry_meridiem(text: &str, previous: Option<&Item>, mut t: RawTime) -> RawTime {
    let Some(Item::Time(first)) = previous else {
        return t;
    };
    let Some(m) = first.meridiem else { return t };
    if t.meridiem.is_some() || !m.afternoon() || t.hour >= 12 || first.hour < 12 {
        return t;
    }
    let gap = text.get(first.end..t.start).unwrap_or("").trim();
    if !matches!(gap, "~" | "-" | "から" | "より") {
        return t;
    }
    if t.hour + 12 >= first.hour {
        t.hour += 12;
    }
    t
}

/// Whether an expression can start with `ch` at all.
fn is_start_char(ch: char) -> bool {
    matches!(
        ch,
        '0'..='9'
            | 'R'
            | 'H'
            | 'S'
            | 'T'
            | 'M'
            | 'A'
            | 'P'
            | 'a'
            | 'p'
            | '朝'
            | '早'
            | '未'
            | '昼'
            | '夕'
            | '夜'
            | '晩'
            | '深'
            | '令'
            | '平'
            | '昭'
            | '大'
            | '明'
            | '同'
            | '翌'
            | '前'
            | '当'
            | '本'
            | '今'
            | '昨'
            | '午'
            | '正'
    ) || is_kanji_numeral(ch)
}

/// Whether an expression may start at `ch` after `prev` (and `prev2`
/// before it): not inside a Latin word or a number (「Windows11」「1.5」
/// 「10:30」), while 「期間:2月5日」「,12月7日」 may.
fn may_start(prev2: Option<char>, prev: Option<char>, ch: char) -> bool {
    let glued = match prev {
        Some(p) if p.is_ascii_alphanumeric() || matches!(p, '_' | '#' | '%' | '+' | '=' | '@') => {
            true
        }
        Some('.' | '/' | ':' | '-' | ',') => prev2.is_some_and(|p| p.is_ascii_alphanumeric()),
        _ => false,
    };
    match ch {
        '0'..='9' | 'R' | 'H' | 'S' | 'T' | 'M' | 'A' | 'P' | 'a' | 'p' => !glued,
        '令' | '平' | '昭' | '大' | '明' | '同' | '翌' | '前' | '当' | '本' | '今' | '昨'
        | '午' | '正' | '朝' | '早' | '未' | '昼' | '夕' | '夜' | '晩' | '深' => true,
        c if is_kanji_numeral(c) => !prev.is_some_and(is_kanji_numeral),
        _ => false,
    }
}

/// A date at `pos`, with the members of a month or day list after it
/// (「6・7月」 gives two items).
fn parse_date_list(text: &str, pos: usize) -> Option<Vec<Item>> {
    parse_date(text, pos).map(|dates| dates.into_iter().map(Item::Date).collect())
}

/// Parses one date expression at `pos`; list members come after the first.
pub(crate) fn parse_date(text: &str, pos: usize) -> Option<Vec<RawDate>> {
    let mut c = Cursor::new(text, pos);
    let mut raw = RawDate::at(pos);
    if let Some(rel) = parse_rel(&mut c) {
        raw.rel = Some(rel);
        if matches!(rel, Rel::SameDay | Rel::NextDay | Rel::PrevDay) {
            finish(&mut c, &mut raw, true);
            return Some(vec![raw]);
        }
    }
    if raw.rel.is_none()
        && let Some(numeric) = parse_numeric(&mut c.clone(), pos)
    {
        let end_day = bare_day_after(text, numeric.end);
        return Some(std::iter::once(numeric).chain(end_day).collect());
    }
    if raw.rel.is_none()
        && let Some(range) = year_range(text, pos)
    {
        return Some(range);
    }
    if raw.rel.is_none() {
        let mut y = c;
        if let Some((year, fiscal)) = parse_year(&mut y, 0) {
            raw.year = Some(year);
            raw.fiscal = fiscal;
            c = y;
            if fiscal {
                let mut m = c;
                if m.eat("末") {
                    raw.modifier = Some(Modifier::End);
                    c = m;
                }
                raw.end = c.pos();
                return Some(vec![raw]);
            }
            // 「2024年元日」「令和2年元旦」 (1 January), 「2023年大晦日」 (31 December).
            let mut n = c;
            n.skip_spaces();
            match n.eat_any(&["元日", "元旦", "大晦日"]) {
                Some("大晦日") => {
                    raw.month = Some(12);
                    raw.day = Some(31);
                }
                Some(_) => {
                    raw.month = Some(1);
                    raw.day = Some(1);
                }
                None => {}
            }
            if raw.day.is_some() {
                c = n;
                finish(&mut c, &mut raw, true);
                return Some(vec![raw]);
            }
        }
    }
    let mut extra_months = Vec::new();
    let mut extra_days = Vec::new();
    let mut first_end = 0;
    let wants_month = !matches!(
        raw.rel,
        Some(Rel::SameMonth | Rel::NextMonth | Rel::NextDate)
    );
    if wants_month {
        let mut m = c;
        m.skip_gap(raw.year.is_some());
        // 「2024年/5月/1日」
        if raw.year.is_some() && m.eat("/") {
            m.skip_spaces();
        }
        if let Some(list) = number_list(&mut m, "月", 2) {
            raw.month = list.first().map(|(v, _, _)| *v);
            first_end = list.first().map_or(0, |(_, _, e)| *e);
            extra_months = list[1..].to_vec();
            c = m;
        }
    }
    let day_allowed = raw.month.is_some() && extra_months.is_empty() || !wants_month;
    let day_alone = raw.year.is_none() && raw.month.is_none();
    // 「平成12年2月晦日」: the last day of the month.
    if raw.month.is_some() && extra_months.is_empty() {
        let mut d = c;
        d.skip_spaces();
        if d.eat("晦日") {
            raw.last_day = true;
            c = d;
            finish(&mut c, &mut raw, true);
            return Some(vec![raw]);
        }
    }
    if day_allowed || day_alone {
        let mut d = c;
        d.skip_gap(raw.month.is_some());
        if raw.month.is_some() && d.eat("/") {
            d.skip_spaces();
        }
        if let Some(list) = number_list(&mut d, "日", 2)
            && !d.rest().starts_with('間')
            && !(day_alone && raw.rel.is_none() && d.rest().starts_with(['本', '中', '以']))
        {
            raw.day = list.first().map(|(v, _, _)| *v);
            first_end = list.first().map_or(0, |(_, _, e)| *e);
            extra_days = list[1..].to_vec();
            c = d;
        }
    }
    let complete = match raw.rel {
        Some(Rel::SameYear | Rel::NextYear | Rel::ThisYear | Rel::LastYear) => raw.month.is_some(),
        Some(_) => raw.day.is_some(),
        None => raw.year.is_some() || raw.month.is_some() || raw.day.is_some(),
    };
    if !complete {
        return None;
    }
    if raw.year.is_none() && raw.month.is_none() && raw.day.is_none() {
        return None;
    }
    if raw.day.is_none() && raw.month.is_some() && c.rest().starts_with(['間', '額']) {
        return None;
    }
    let has_day = raw.day.is_some();
    finish(&mut c, &mut raw, has_day);
    let list = if extra_months.is_empty() {
        extra_days
    } else {
        extra_months
    };
    Some(expand_list(raw, first_end, &list))
}

/// A range of years written with one 「年」 (「2019~2021年」「2019年から
/// 2021年度」 is read by the usual path): a 4-digit Western year, or an era
/// year (「平成30~令和2年」), a range mark, then a year. Gives both ends.
fn year_range(text: &str, pos: usize) -> Option<Vec<RawDate>> {
    let mut c = Cursor::new(text, pos);
    let era = era_name(&mut c);
    let n = c.number()?;
    let first_end = c.pos();
    let value = match era {
        Some(era) => {
            if !n.kanji && n.digits > 2 {
                return None;
            }
            era.western(n.value)?
        }
        None => {
            if (!n.kanji && n.digits != 4) || !(1900..=2100).contains(&n.value) {
                return None;
            }
            i32::try_from(n.value).ok()?
        }
    };
    c.skip_spaces();
    c.eat_any(&["~", "-", "から"])?;
    c.skip_spaces();
    let second_start = c.pos();
    let mut y = c;
    let (second, fiscal) = parse_year(&mut y, 1)?;
    if second.value < value {
        return None;
    }
    let first = RawDate {
        end: first_end,
        year: Some(YearLit {
            value,
            era: era.map(|e| (e, n.value)),
        }),
        fiscal,
        ..RawDate::at(pos)
    };
    let mut last = RawDate {
        year: Some(second),
        fiscal,
        ..RawDate::at(second_start)
    };
    finish(&mut y, &mut last, false);
    Some(vec![first, last])
}

/// The members of a list or range written with one unit (「6・7月」
/// 「8~10日」): the first keeps `raw`'s start and ends at its number, the
/// last keeps `raw`'s end, weekday and 末日. `rest` holds the members after
/// the first as (value, start, end of number); `first_end` is where the
/// first number ends.
fn expand_list(raw: RawDate, first_end: usize, rest: &[(u32, usize, usize)]) -> Vec<RawDate> {
    if rest.is_empty() {
        return vec![raw];
    }
    let is_month = raw.day.is_none();
    let mut out = Vec::with_capacity(rest.len() + 1);
    let mut first = raw.clone();
    first.end = first_end;
    first.weekday = None;
    first.last_day = false;
    out.push(first);
    for (k, &(value, start, end)) in rest.iter().enumerate() {
        let last = k + 1 == rest.len();
        let mut member = raw.clone();
        member.start = start;
        if is_month {
            member.month = Some(value);
        } else {
            member.day = Some(value);
        }
        if !last {
            member.end = end;
            member.weekday = None;
            member.last_day = false;
        }
        out.push(member);
    }
    out
}

/// Reads a weekday in brackets, 末日 and a modifier after a date, and sets
/// `raw.end`.
fn finish(c: &mut Cursor, raw: &mut RawDate, has_day: bool) {
    if has_day && let Some(w) = parse_weekday(c) {
        raw.weekday = Some(w);
    }
    let mut m = *c;
    m.skip_spaces();
    let modifier = if has_day {
        m.eat_any(&["頃", "ごろ"]).map(|_| Modifier::About)
    } else if raw.month.is_some() {
        match m.eat_any(&["上旬", "初旬", "中旬", "下旬", "末日", "末", "頃", "ごろ"])
        {
            Some("上旬" | "初旬") => Some(Modifier::Early),
            Some("中旬") => Some(Modifier::Middle),
            Some("下旬") => Some(Modifier::Late),
            Some("末日") => {
                raw.last_day = true;
                None
            }
            Some("末") => Some(Modifier::End),
            Some(_) => Some(Modifier::About),
            None => None,
        }
    } else {
        match m.eat_any(&["末", "頃", "ごろ"]) {
            Some("末") => Some(Modifier::End),
            Some(_) => Some(Modifier::About),
            None => None,
        }
    };
    if modifier.is_some() || raw.last_day {
        raw.modifier = modifier;
        *c = m;
    }
    raw.end = c.pos();
}

/// 「(月)」「(月曜日)」「(月・祝)」 after a day.
fn parse_weekday(c: &mut Cursor) -> Option<char> {
    let mut w = *c;
    w.skip_spaces();
    if !w.eat("(") {
        return None;
    }
    w.skip_spaces();
    let day = w.eat_char(|ch| "月火水木金土日".contains(ch))?;
    w.eat_any(&["曜日", "曜"]);
    w.eat_any(&["・祝日", "・祝", "祝"]);
    w.skip_spaces();
    if !w.eat(")") {
        return None;
    }
    *c = w;
    Some(day)
}

/// A relative word at the cursor.
fn parse_rel(c: &mut Cursor) -> Option<Rel> {
    let mut r = *c;
    let rel = match r.eat_any(&[
        "同年", "同月", "同日", "当日", "翌日", "前日", "翌年", "翌月", "本年", "今年", "昨年",
        "前年", "翌", "同",
    ])? {
        "同年" => Rel::SameYear,
        "同月" | "同" => Rel::SameMonth,
        "同日" | "当日" => Rel::SameDay,
        "翌日" => Rel::NextDay,
        "前日" => Rel::PrevDay,
        "翌年" => Rel::NextYear,
        "翌月" => Rel::NextMonth,
        "翌" => Rel::NextDate,
        "本年" | "今年" => Rel::ThisYear,
        _ => Rel::LastYear,
    };
    if r.rest().starts_with('度') {
        return None;
    }
    *c = r;
    Some(rel)
}

/// A year: 「2024年」「令和6年」「令和元年」「R6年」「二〇二四年」, with
/// 「度」 (fiscal) and an alternate year in brackets. Returns the year and
/// whether it is a fiscal year.
fn parse_year(c: &mut Cursor, depth: u8) -> Option<(YearLit, bool)> {
    let mut y = *c;
    let era = era_name(&mut y);
    y.skip_spaces();
    let year = match era {
        Some(era) => {
            let n = if y.eat("元") {
                1
            } else {
                let n = y.number()?;
                if !n.kanji && n.digits > 2 {
                    return None;
                }
                n.value
            };
            YearLit {
                value: era.western(n)?,
                era: Some((era, n)),
            }
        }
        None => {
            let n = y.number()?;
            // 「2024」「二〇二四」「千九百九十五」
            if (!n.kanji && n.digits != 4) || !(1900..=2100).contains(&n.value) {
                return None;
            }
            YearLit {
                value: i32::try_from(n.value).ok()?,
                era: None,
            }
        }
    };
    y.skip_spaces();
    // 「令和6(2024)年」
    let mut alt = y;
    if alt.eat("(") && alt.number().is_some_and(|n| n.digits == 4) && alt.eat(")") {
        y = alt;
        y.skip_spaces();
    }
    if !y.eat("年") {
        return None;
    }
    let fiscal = y.eat("度");
    // 「2024年(令和6年)」「令和6年(2024年)」
    if depth == 0 {
        let mut alt = y;
        alt.skip_spaces();
        if alt.eat("(") {
            alt.skip_spaces();
            if parse_year(&mut alt, 1).is_some() {
                alt.skip_spaces();
                if alt.eat(")") {
                    y = alt;
                }
            }
        }
    }
    *c = y;
    Some((year, fiscal))
}

/// An era name or one-letter era abbreviation followed by a digit.
fn era_name(c: &mut Cursor) -> Option<Era> {
    for name in ["令和", "平成", "昭和", "大正", "明治"] {
        if c.eat(name) {
            return era_by_name(name);
        }
    }
    // 「令6年」「平31年」「昭60年」: the first kanji of the era name.
    let mut r = *c;
    if let Some(kanji) = r.eat_char(|ch| matches!(ch, '令' | '平' | '昭'))
        && r.peek()
            .is_some_and(|ch| ch.is_ascii_digit() || is_kanji_numeral(ch) || ch == '元')
    {
        *c = r;
        return era_by_name(match kanji {
            '令' => "令和",
            '平' => "平成",
            _ => "昭和",
        });
    }
    let mut r = *c;
    let letter = r.eat_char(|ch| matches!(ch, 'R' | 'H' | 'S' | 'T' | 'M'))?;
    if !r.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    *c = r;
    era_by_name(letter.encode_utf8(&mut [0; 4]))
}

/// Numbers separated by ・ 、 , ~ - and ending in `unit` (「6・7月」
/// 「8~10日」「4日」); each with its value, start and end offset. At most `max_digits` ASCII digits
/// each.
fn number_list(c: &mut Cursor, unit: &str, max_digits: usize) -> Option<Vec<(u32, usize, usize)>> {
    let mut l = *c;
    let mut list = Vec::new();
    loop {
        let at = l.pos();
        let n = l.number()?;
        if !n.kanji && n.digits > max_digits {
            return None;
        }
        list.push((n.value, at, l.pos()));
        l.skip_spaces();
        let mut sep = l;
        if sep.eat_any(&["・", "、", ",", "~", "-"]).is_some()
            && sep
                .peek()
                .is_some_and(|ch| ch.is_ascii_digit() || is_kanji_numeral(ch))
            && list.len() < 12
        {
            l = sep;
            continue;
        }
        break;
    }
    if !l.eat(unit) {
        return None;
    }
    *c = l;
    Some(list)
}

/// 「2024/1/29」「2024-01-29」「2024.1.29」「2024・5・1」「2024,5,1」
/// 「R6.1.29」「H30/4/1」「S60-1-2」「令和6・5・1」, the year-months
/// 「2024/5」「2024.05」「2024-05」「令和6.5」, and 「2/9(月)」「5/9の13時」
/// 「8/1に」 when what follows shows it is a month and day.
fn parse_numeric(c: &mut Cursor, start: usize) -> Option<RawDate> {
    let era_written_in_kanji = !c.rest().starts_with(|ch: char| ch.is_ascii());
    let era = era_name(c);
    let first = c.number().filter(|n| !n.kanji)?;
    let sep = c.eat_char(|ch| matches!(ch, '/' | '.' | '-' | '・' | ','))?;
    let second = c.number().filter(|n| !n.kanji && n.digits <= 2)?;
    let mut raw = RawDate::at(start);
    let mut t = *c;
    let third = (t.eat_char(|ch| ch == sep).is_some())
        .then(|| t.number().filter(|n| !n.kanji && n.digits <= 2))
        .flatten();
    let glued_after = |c: &Cursor| {
        let rest = c.rest();
        let mut chars = rest.chars();
        match chars.next() {
            Some(ch) if ch.is_ascii_alphanumeric() || ch == '_' || ch == '%' => true,
            // 「令和3・4・5年度」: a list of years, not a date.
            Some('年' | '月' | '日' | '度') => true,
            Some('.' | '/' | '-' | ':') => chars.next().is_some_and(|n| n.is_ascii_alphanumeric()),
            _ => false,
        }
    };
    match (era, third) {
        (Some(era), Some(day)) => {
            if first.digits > 2 || sep == ',' {
                return None;
            }
            *c = t;
            if glued_after(c) {
                return None;
            }
            raw.year = Some(YearLit {
                value: era.western(first.value)?,
                era: Some((era, first.value)),
            });
            raw.month = Some(second.value);
            raw.day = Some(day.value);
        }
        (None, Some(day)) => {
            if first.digits != 4 || !(1900..=2100).contains(&first.value) {
                return None;
            }
            *c = t;
            if glued_after(c) {
                return None;
            }
            raw.year = Some(YearLit {
                value: i32::try_from(first.value).ok()?,
                era: None,
            });
            raw.month = Some(second.value);
            raw.day = Some(day.value);
        }
        (None, None) if first.digits == 4 => {
            // 「2024/5」「2024.05」「2024-05」「2024/5月」: a year and month.
            let month_unit = sep == '/' && c.eat("月");
            if !matches!(sep, '/' | '.' | '-')
                || !(1900..=2100).contains(&first.value)
                || !(1..=12).contains(&second.value)
                || (!month_unit && glued_after(c))
                || t.rest().starts_with(sep)
            {
                return None;
            }
            raw.year = Some(YearLit {
                value: i32::try_from(first.value).ok()?,
                era: None,
            });
            raw.month = Some(second.value);
        }
        (Some(era), None) => {
            // 「令和6.5」「令和6/5」: an era year and month, only with the era
            // written out (「R6.5」 reads as well as a version number).
            if !era_written_in_kanji
                || first.digits > 2
                || sep == ','
                || !(1..=12).contains(&second.value)
                || glued_after(c)
                || t.rest().starts_with(sep)
            {
                return None;
            }
            raw.year = Some(YearLit {
                value: era.western(first.value)?,
                era: Some((era, first.value)),
            });
            raw.month = Some(second.value);
        }
        (None, None) => {
            // 「2/9(月)」: a month/day only with something that shows it is one.
            if sep != '/' || first.digits > 2 || glued_after(c) || t.rest().starts_with('/') {
                return None;
            }
            if !(1..=12).contains(&first.value) || !(1..=31).contains(&second.value) {
                return None;
            }
            raw.month = Some(first.value);
            raw.day = Some(second.value);
            let mut probe = *c;
            let weekday = parse_weekday(&mut probe);
            probe.skip_spaces();
            let confirmed = weekday.is_some()
                || probe.rest().starts_with(['~', '頃'])
                || [
                    "以降",
                    "から",
                    "まで",
                    "付",
                    "時点",
                    "現在",
                    "更新",
                    "追記",
                    "に発生",
                    "午前",
                    "午後",
                ]
                .iter()
                .any(|w| probe.rest().starts_with(w))
                || parse_time(probe.rest(), 0).is_some()
                || time_after_no(probe.rest())
                || (probe.rest().starts_with('に') && !looks_like_a_ratio(c.text_before(start)));
            if !confirmed {
                return None;
            }
        }
    }
    let has_day = raw.day.is_some();
    finish(c, &mut raw, has_day);
    Some(raw)
}

/// 「の」 then a time (「5/9の13時」).
fn time_after_no(rest: &str) -> bool {
    rest.strip_prefix('の')
        .is_some_and(|after| parse_time(after, 0).is_some())
}

/// The text before a slash form reads as a ratio (「全体の1/2に」「約1/3に」).
fn looks_like_a_ratio(before: &str) -> bool {
    before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|ch| ch.is_ascii_digit() || "の約全計割が".contains(ch))
}

/// A bare day ending a numeric range (「2025/08/08~10」「2/22(日)~23(月)」),
/// 1–2 digits after 「~」 not followed by more of a number or a unit, or a
/// month and day (「2024/05/10~05/14」).
fn bare_day_after(text: &str, end: usize) -> Option<RawDate> {
    let mut c = Cursor::new(text, end);
    c.skip_spaces();
    if !c.eat("~") {
        return None;
    }
    c.skip_spaces();
    let start = c.pos();
    let n = c.number().filter(|n| !n.kanji && n.digits <= 2)?;
    let mut md = c;
    if md.eat("/")
        && let Some(day) = md.number().filter(|d| !d.kanji && d.digits <= 2)
        && !md
            .peek()
            .is_some_and(|ch| ch.is_ascii_alphanumeric() || "/.:年月日時分".contains(ch))
    {
        let mut raw = RawDate {
            month: Some(n.value),
            day: Some(day.value),
            ..RawDate::at(start)
        };
        finish(&mut md, &mut raw, true);
        return Some(raw);
    }
    if c.peek()
        .is_some_and(|ch| ch.is_ascii_alphanumeric() || "/.:年月日時分".contains(ch))
    {
        return None;
    }
    let mut raw = RawDate {
        end: c.pos(),
        day: Some(n.value),
        ..RawDate::at(start)
    };
    finish(&mut c, &mut raw, true);
    Some(raw)
}

/// A time of day at `pos`: 「午前7時」「午後1時30分」「1時50分頃」「8:30」「正午」
/// 「PM8時」「am9:00」「9:00 p.m.」「夜8時」「朝7時」「夕方5時」「13時15」
/// 「10時30分15秒」「同4時」.
pub(crate) fn parse_time(text: &str, pos: usize) -> Option<RawTime> {
    read_time(text, pos).and_then(Result::ok)
}

/// A meridiem word before an hour (「午後」「PM」「夜」), with the
/// optional space after a Latin one.
fn meridiem_before(c: &mut Cursor) -> Option<Meridiem> {
    let m = match c.eat_any(&[
        "午前",
        "午後",
        "A.M.",
        "P.M.",
        "a.m.",
        "p.m.",
        "AM",
        "PM",
        "am",
        "pm",
        "早朝",
        "未明",
        "明け方",
        "今朝",
        "朝",
        "昼",
        "夕方",
        "深夜",
        "今夜",
        "今晩",
        "夜",
        "晩",
    ])? {
        "午前" | "A.M." | "a.m." | "AM" | "am" => Meridiem::Am,
        "午後" | "P.M." | "p.m." | "PM" | "pm" => Meridiem::Pm,
        "早朝" | "未明" | "明け方" | "今朝" | "朝" => Meridiem::Morning,
        "昼" => Meridiem::Noon,
        "夕方" => Meridiem::Evening,
        _ => Meridiem::Night,
    };
    c.skip_spaces();
    Some(m)
}

/// A Latin meridiem after a time (「9:00AM」「9:00 p.m.」).
fn meridiem_after(c: &mut Cursor) -> Option<Meridiem> {
    let mut m = *c;
    m.skip_spaces();
    let word = m.eat_any(&["A.M.", "P.M.", "a.m.", "p.m.", "AM", "PM", "am", "pm"])?;
    if m.peek().is_some_and(|ch| ch.is_ascii_alphanumeric()) {
        return None;
    }
    *c = m;
    Some(if word.starts_with(['A', 'a']) {
        Meridiem::Am
    } else {
        Meridiem::Pm
    })
}

/// The hour on a 24-hour clock of `hour` said with meridiem `m`, or why
/// there is none (「午後13時」).
fn apply_meridiem(m: Meridiem, hour: u32) -> Result<u32, String> {
    let out_of_range = || Err(format!("no hour {hour} in that half of the day"));
    match m {
        Meridiem::Am if hour > 12 => out_of_range(),
        // 「AM12:00」「午前12時」 are midnight, as on a 12-hour clock.
        Meridiem::Am if hour == 12 => Ok(0),
        Meridiem::Am | Meridiem::Morning if hour <= 12 => Ok(hour),
        Meridiem::Morning => out_of_range(),
        Meridiem::Pm if hour > 12 => out_of_range(),
        Meridiem::Pm | Meridiem::Noon | Meridiem::Evening if hour < 12 => Ok(hour + 12),
        Meridiem::Pm | Meridiem::Noon => Ok(hour),
        Meridiem::Evening if hour <= 24 => Ok(hour),
        Meridiem::Night if (6..12).contains(&hour) => Ok(hour + 12),
        Meridiem::Night if hour == 12 => Ok(24),
        Meridiem::Night if hour <= 24 => Ok(hour),
        _ => out_of_range(),
    }
}

/// Reads a time at `pos`: `Ok` with its value, `Err` with where it ends
/// and why it cannot exist (「午後13時」「25時」「10時61分」「9時30分65秒」),
/// `None` when no time is written there.
pub(crate) fn read_time(text: &str, pos: usize) -> Option<Result<RawTime, (usize, String)>> {
    let mut c = Cursor::new(text, pos);
    if c.eat("正午") {
        return Some(Ok(RawTime {
            start: pos,
            end: c.pos(),
            hour: 12,
            minute: 0,
            meridiem: None,
        }));
    }
    let mut meridiem = meridiem_before(&mut c);
    // 「同4時」: the second end of a range, in the first end's half of the day.
    if meridiem.is_none() {
        c.eat("同");
    }
    let h = c.number()?;
    if !h.kanji && h.digits > 2 {
        return None;
    }
    let hour = h.value;
    let mut second: Option<u32> = None;
    let mut written_minutes = false;
    let minute = if c.eat("時") {
        if c.rest().starts_with(['間', '限']) {
            return None;
        }
        let mut m = c;
        m.skip_spaces();
        let mut with_unit = m;
        let minutes = with_unit.number();
        if m.eat("半") {
            c = m;
            written_minutes = true;
            30
        } else if let Some(n) = minutes
            && with_unit.eat("分")
            && !with_unit.rest().starts_with('間')
        {
            written_minutes = true;
            let mut sec = with_unit;
            if let Some(s) = sec.number()
                && sec.eat("秒")
                && !sec.rest().starts_with('間')
            {
                second = Some(s.value);
                with_unit = sec;
            }
            c = with_unit;
            n.value
        } else if let Some(n) = minutes
            && (n.kanji || n.digits == 2)
            && !with_unit
                .peek()
                .is_some_and(|ch| ch.is_ascii_alphanumeric() || is_counter_like(ch))
        {
            // 「13時15」: minutes without 「分」.
            written_minutes = true;
            c = with_unit;
            n.value
        } else {
            0
        }
    } else if !h.kanji && c.eat(":") {
        let rest = c.rest().as_bytes();
        if rest.len() < 2 || !rest[0].is_ascii_digit() || !rest[1].is_ascii_digit() {
            return None;
        }
        if rest.get(2).is_some_and(|b| {
            b.is_ascii_digit()
                || (b.is_ascii_alphabetic() && !matches!(b, b'a' | b'p' | b'A' | b'P'))
        }) {
            return None;
        }
        let minute = u32::from(rest[0] - b'0') * 10 + u32::from(rest[1] - b'0');
        c.eat_char(|_| true);
        c.eat_char(|_| true);
        written_minutes = true;
        // 「10:30:15」
        let rest = c.rest().as_bytes();
        if rest.len() >= 3
            && rest[0] == b':'
            && rest[1].is_ascii_digit()
            && rest[2].is_ascii_digit()
            && !rest.get(3).is_some_and(u8::is_ascii_alphanumeric)
        {
            second = Some(u32::from(rest[1] - b'0') * 10 + u32::from(rest[2] - b'0'));
            c.eat_char(|_| true);
            c.eat_char(|_| true);
            c.eat_char(|_| true);
        }
        minute
    } else {
        return None;
    };
    if meridiem.is_none()
        && !h.kanji
        && let Some(m) = meridiem_after(&mut c)
    {
        // 「23:09pm」: a 24-hour time with a needless suffix.
        meridiem = Some(m).filter(|_| hour <= 12);
    }
    // 「一時的に」「一時停止」「一時保管」「一時、」 say "for a while": a kanji
    // hour with no meridiem and no minutes is a time only from 二 on, and
    // never glued to the word it starts.
    if h.kanji
        && meridiem.is_none()
        && !written_minutes
        && (hour == 1 || c.peek().is_some_and(is_counter_like))
    {
        return None;
    }
    let end = {
        let mut m = c;
        m.skip_spaces();
        if m.eat_any(&["頃", "ごろ"]).is_some() {
            m.pos()
        } else {
            c.pos()
        }
    };
    let written = text.get(pos..end).unwrap_or("");
    let hour = match meridiem {
        Some(m) => match apply_meridiem(m, hour) {
            Ok(h) => h,
            Err(why) => return Some(Err((end, format!("impossible time 「{written}」: {why}")))),
        },
        None if hour > 24 => {
            return Some(Err((
                end,
                format!("impossible time 「{written}」: no hour {hour}"),
            )));
        }
        None => hour,
    };
    if minute > 59 {
        return Some(Err((
            end,
            format!("impossible time 「{written}」: no minute {minute}"),
        )));
    }
    if let Some(sec) = second
        && sec > 59
    {
        return Some(Err((
            end,
            format!("impossible time 「{written}」: no second {sec}"),
        )));
    }
    if hour == 24 && minute > 0 {
        return Some(Err((
            end,
            format!("impossible time 「{written}」: past 24:00"),
        )));
    }
    Some(Ok(RawTime {
        start: pos,
        end,
        hour,
        minute,
        meridiem,
    }))
}

/// A character that glues a kanji hour into a word or makes the digits
/// after 「時」 a count (「一時的」「一時停止」「13時15名」).
fn is_counter_like(ch: char) -> bool {
    matches!(ch, '\u{4E00}'..='\u{9FFF}' | '\u{30A0}'..='\u{30FF}') && !matches!(ch, '頃')
}

/// When `start..end` lies in an e-mail address or a file name
/// (「2024.1.29@example.jp」「2024年1月29日報告.pdf」), where that name ends.
fn in_name(text: &str, start: usize, end: usize) -> Option<usize> {
    const EXTENSIONS: [&str; 14] = [
        "pdf", "docx", "doc", "xlsx", "xls", "csv", "zip", "txt", "html", "htm", "pptx", "ppt",
        "jpg", "png",
    ];
    let bytes = text.as_bytes();
    let is_mail = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+');
    let mail_start = start
        - bytes[..start]
            .iter()
            .rev()
            .take_while(|b| is_mail(b))
            .count();
    let mail_end = end + bytes[end..].iter().take_while(|b| is_mail(b)).count();
    if bytes.get(mail_end) == Some(&b'@') || (mail_start > 0 && bytes[mail_start - 1] == b'@') {
        let after = bytes.get(mail_end + 1..).unwrap_or(&[]);
        return Some(mail_end + 1 + after.iter().take_while(|b| is_mail(b)).count());
    }
    // A file name: the run of name characters after the date ends in an
    // extension.
    let run: usize = text[end..]
        .chars()
        .take(40)
        .take_while(|ch| !ch.is_whitespace() && !"「」『』()[]<>\"':、。,|".contains(*ch))
        .map(char::len_utf8)
        .sum();
    let name = &text[end..end + run];
    let dot = name.rfind('.')?;
    let ext = &name[dot + 1..];
    EXTENSIONS
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
        .then_some(end + run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<RawDate> {
        scan(s)
            .into_iter()
            .filter_map(|i| match i {
                Item::Date(d) => Some(d),
                Item::Time(_) | Item::Impossible { .. } => None,
            })
            .collect()
    }

    fn ymd(d: &RawDate) -> (Option<i32>, Option<u32>, Option<u32>) {
        (d.year.map(|y| y.value), d.month, d.day)
    }

    #[test]
    fn written_forms() {
        for s in [
            "2024年1月29日",
            "2024/1/29",
            "2024-01-29",
            "2024.1.29",
            "R6.1.29",
            "令和6年1月29日",
            "令和6(2024)年1月29日",
            "2024年(令和6年)1月29日",
            "令和6年(2024年)1月29日",
        ] {
            let found = dates(s);
            assert_eq!(found.len(), 1, "{s}");
            assert_eq!(ymd(&found[0]), (Some(2024), Some(1), Some(29)), "{s}");
            assert_eq!(found[0].end, s.len(), "{s}");
        }
    }

    #[test]
    fn kanji_and_gannen() {
        assert_eq!(
            ymd(&dates("令和二年五月六日")[0]),
            (Some(2020), Some(5), Some(6))
        );
        assert_eq!(ymd(&dates("二〇二四年")[0]), (Some(2024), None, None));
        assert_eq!(
            ymd(&dates("令和元年5月1日")[0]),
            (Some(2019), Some(5), Some(1))
        );
    }

    #[test]
    fn lists_expand() {
        let found = dates("6・7月");
        assert_eq!(
            found.iter().map(|d| d.month).collect::<Vec<_>>(),
            vec![Some(6), Some(7)]
        );
        let found = dates("2025年2月4・5日");
        assert_eq!(
            found.iter().map(|d| d.day).collect::<Vec<_>>(),
            vec![Some(4), Some(5)]
        );
        assert_eq!(found[1].year.map(|y| y.value), Some(2025));
    }

    #[test]
    fn not_dates() {
        assert!(dates("https://example.jp/2024/01/29/news").is_empty());
        assert!(dates("news_2024.1.29.pdf").is_empty());
        assert!(dates("バージョン25.4.4を適用").is_empty());
        assert!(dates("Windows 11/10の端末").is_empty());
        assert!(dates("電話 0493-81-6089").is_empty());
        assert!(dates("# 事案ID\n- 2026-03-13-株式会社テスト\n").is_empty());
        assert!(dates("3日間").is_empty());
        assert!(dates("1/2の確率").is_empty());
    }

    #[test]
    fn weekday_and_modifier() {
        let d = &dates("2月9日(月)")[0];
        assert_eq!(d.weekday, Some('月'));
        let d = &dates("2024年3月下旬")[0];
        assert_eq!(d.modifier, Some(Modifier::Late));
        let d = &dates("2/9(月)")[0];
        assert_eq!((d.month, d.day, d.weekday), (Some(2), Some(9), Some('月')));
    }

    #[test]
    fn times() {
        let t = |s: &str| parse_time(s, 0).map(|t| (t.hour, t.minute));
        assert_eq!(t("午前7時"), Some((7, 0)));
        assert_eq!(t("午後1時30分"), Some((13, 30)));
        assert_eq!(t("1時50分頃"), Some((1, 50)));
        assert_eq!(t("8:30"), Some((8, 30)));
        assert_eq!(t("9時00分"), Some((9, 0)));
        assert_eq!(t("24時間"), None);
        assert_eq!(t("正午"), Some((12, 0)));
    }
}
