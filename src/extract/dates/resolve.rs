//! Turns scanned expressions into absolute values.
//!
//! Expressions joined by a range mark (「~」「から」) or a list word
//! (「、」「・」「および」「及び」「と」) form a group; a member missing its
//! year or month takes it from the member before (「2月22日~23日」), rolling
//! over a year end (「12月28日~1月5日」).
//!
//! A month or month-day without a year takes the year of the context: the
//! last date of the narrative (explicit or inferred), a heading year such as
//! 「日時(令和8年)」, rolled over when a timeline passes the year end
//! (「12月28日 … 1月9日」, never past publication). Without a context it
//! takes the publication year, or the year before when that would put it
//! after publication. A written weekday picks, among the year found and the
//! years either side, the one where it matches.
//!
//! Not context: the archive header (before 「# 本文」), the publication date
//! line (a letterhead date), fiscal years, bare years, and data periods (a
//! range whose ends have different years: 「2021年5月26日~2024年7月19日」).
//! Recurring office-hours windows (「12月29日から翌年1月3日までを除く」,
//! 「年末年始(12月29日~1月3日)」) are dropped.

use jiff::civil::{Date, Weekday};

use super::YearPolicy;
use super::scan::{Item, Modifier, RawDate, RawTime, Rel, YearLit};

/// A resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// A calendar day.
    Day(Date),
    /// A year and month.
    Month(i32, u32),
    /// A bare year.
    Year(i32),
    /// A fiscal year.
    Fiscal(i32),
    /// A day and a time.
    DayTime(Date, u32, u32),
    /// A time alone.
    Time(u32, u32),
}

impl Value {
    /// The value in the schema's form (`2024-01-29`, `2024-05`, `FY2017` …).
    pub fn render(&self) -> String {
        match self {
            Value::Day(d) => d.to_string(),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
            Value::Year(y) => format!("{y:04}"),
            Value::Fiscal(y) => format!("FY{y:04}"),
            Value::DayTime(d, h, m) => format!("{d}T{h:02}:{m:02}"),
            Value::Time(h, m) => format!("{h:02}:{m:02}"),
        }
    }

    fn year_month(&self) -> Option<(i32, Option<u32>, Option<u32>)> {
        match *self {
            Value::Day(d) | Value::DayTime(d, _, _) => Some((
                i32::from(d.year()),
                u32::try_from(d.month()).ok(),
                u32::try_from(d.day()).ok(),
            )),
            Value::Month(y, m) => Some((y, Some(m), None)),
            _ => None,
        }
    }
}

/// The role of a value in a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The first end (「2021年5月26日〜」).
    Start,
    /// The last end (「〜2024年7月19日」).
    End,
}

/// One resolved expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// Normalized byte offset of the first byte.
    pub start: usize,
    /// Normalized byte offset past the last byte.
    pub end: usize,
    /// The value.
    pub value: Value,
    /// The weekday as written.
    pub weekday: Option<char>,
    /// True when the year came from context.
    pub inferred_year: bool,
    /// 上旬, 末, 頃 …
    pub modifier: Option<Modifier>,
    /// Its role in a range.
    pub role: Option<Role>,
}

/// What a month-day without a year is read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Context {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    /// Where the line of the expression that set it ends.
    line_end: usize,
}

impl Context {
    fn of(value: &Value) -> Option<Context> {
        let (year, month, day) = value.year_month()?;
        Some(Context {
            year,
            month,
            day,
            line_end: usize::MAX,
        })
    }

    /// A context set at `end`: valid to the end of that line, and beyond
    /// it unless it is years before publication (「平成31年4月に指針を定め」
    /// is background, not the timeline of a later 「7月下旬」).
    fn at(mut self, text: &str, end: usize) -> Context {
        self.line_end = text
            .get(end..)
            .and_then(|rest| rest.find('\n'))
            .map_or(text.len(), |i| end + i);
        self
    }
}

/// How two neighbouring expressions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    Range,
    List,
}

/// Resolves scanned items against the publication date `reference`.
pub(crate) fn resolve(
    text: &str,
    items: &[Item],
    reference: Option<Date>,
    policy: YearPolicy,
    anchors: Anchors,
    warnings: &mut Vec<String>,
) -> Vec<Resolved> {
    let Anchors {
        body_start,
        published_at,
    } = anchors;
    let mut out: Vec<Resolved> = Vec::new();
    let mut context: Option<Context> = None;
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Item::Time(t) => {
                out.push(attach_time(text, t, out_last_day(&out)));
                merge_time(text, &mut out);
                i += 1;
            }
            Item::Impossible { why, .. } => {
                warnings.push(why.clone());
                i += 1;
            }
            Item::Date(_) => {
                let (group, joints) = take_group(text, items, i);
                i += group.len();
                if is_office_hours(text, &group, &joints) {
                    continue;
                }
                let narrative =
                    group[0].start >= body_start && Some(group[0].start) != published_at;
                let resolved = resolve_group(
                    text,
                    &group,
                    &joints,
                    context,
                    (reference, policy),
                    warnings,
                );
                // Years from the publication rule start no context.
                let anchored = context.is_some() || group.iter().any(|d| d.year.is_some());
                if narrative
                    && anchored
                    && let Some(c) = next_context(text, &group, &resolved, reference)
                {
                    context = Some(c);
                }
                out.extend(resolved);
            }
        }
    }
    mark_time_ranges(text, &mut out);
    out
}

/// Marks the ends of ranges whose ends carry times (「3月5日(火)10:00-15:30」
/// 「3月4日(月)9時-3月5日(火)18時」「8:30~17:00」): two neighbouring
/// datetimes or times joined by a range mark, neither already in a range.
fn mark_time_ranges(text: &str, out: &mut [Resolved]) {
    let timed = |v: &Value| matches!(v, Value::DayTime(..) | Value::Time(..));
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.role.is_some() || b.role.is_some() || !timed(&a.value) || !timed(&b.value) {
            continue;
        }
        let Some(gap) = text.get(a.end..b.start) else {
            continue;
        };
        if !matches!(gap.trim(), "~" | "-" | "から" | "より") {
            continue;
        }
        out[k - 1].role = Some(Role::Start);
        out[k].role = Some(Role::End);
    }
}

/// The last emitted day a time could attach to, with its end offset.
fn out_last_day(out: &[Resolved]) -> Option<(usize, Value)> {
    out.iter().rev().find_map(|r| match r.value {
        Value::Day(_) | Value::DayTime(..) => Some((r.end, r.value)),
        _ => None,
    })
}

/// A time as a `datetime` of the day just before it, or a `time`.
fn attach_time(text: &str, t: &RawTime, last: Option<(usize, Value)>) -> Resolved {
    let day = last.and_then(|(end, value)| {
        let gap = text.get(end..t.start)?;
        let gap = gap.trim_matches(|c: char| c == ' ' || c == '\t');
        let close = matches!(gap, "" | "、" | "," | "の" | "~" | "から" | "-");
        match value {
            Value::Day(d) | Value::DayTime(d, _, _) if close => Some(d),
            _ => None,
        }
    });
    let value = match day {
        Some(d) if t.hour == 24 => d
            .tomorrow()
            .map(|n| Value::DayTime(n, 0, t.minute))
            .unwrap_or(Value::Time(t.hour, t.minute)),
        Some(d) => Value::DayTime(d, t.hour, t.minute),
        None => Value::Time(t.hour, t.minute),
    };
    Resolved {
        start: t.start,
        end: t.end,
        value,
        weekday: None,
        inferred_year: false,
        modifier: None,
        role: None,
    }
}

/// Folds a datetime into the day written right before it
/// (「2月9日(月)午前1時50分」 is one `datetime`).
fn merge_time(text: &str, out: &mut Vec<Resolved>) {
    let n = out.len();
    if n < 2 {
        return;
    }
    let (Value::DayTime(d, h, m), Value::Day(day)) = (out[n - 1].value, out[n - 2].value) else {
        return;
    };
    let gap = text.get(out[n - 2].end..out[n - 1].start).unwrap_or("~");
    if d != day || !matches!(gap.trim(), "" | "、" | "," | "の") {
        return;
    }
    let time = out.pop();
    if let (Some(time), Some(date)) = (time, out.last_mut()) {
        date.end = time.end;
        date.value = Value::DayTime(d, h, m);
    }
}

/// The date items from `i` joined by range marks or list words, with the
/// joint before each member after the first.
fn take_group(text: &str, items: &[Item], i: usize) -> (Vec<RawDate>, Vec<Joint>) {
    let mut group = Vec::new();
    let mut joints = Vec::new();
    for item in &items[i..] {
        let Item::Date(raw) = item else { break };
        if let Some(last) = group.last() {
            let Some(joint) = joint(text, last, raw) else {
                break;
            };
            joints.push(joint);
        }
        group.push(raw.clone());
    }
    (group, joints)
}

/// How `b` is joined to `a`, if the text between them is only a joint.
fn joint(text: &str, a: &RawDate, b: &RawDate) -> Option<Joint> {
    if b.start < a.end {
        return None;
    }
    let gap = text
        .get(a.end..b.start)?
        .trim_matches(|c: char| c == ' ' || c == '\t');
    // A list member split off the same expression (「6・7月」).
    if a.end == b.start && gap.is_empty() {
        return Some(Joint::List);
    }
    match gap {
        "~" | "-" | "から" | "より" | "~翌" | "から翌" | "より翌" => Some(Joint::Range),
        "、" | "," | "・" | "および" | "及び" | "と" | "並びに" | "ならびに" | "または"
        | "又は" | "や" => Some(Joint::List),
        _ => None,
    }
}

/// A recurring office-hours window: a range of yearless days followed by
/// 「除く」 or preceded by 「年末年始」.
fn is_office_hours(text: &str, group: &[RawDate], joints: &[Joint]) -> bool {
    if !joints.contains(&Joint::Range) || group.iter().any(|d| d.year.is_some()) {
        return false;
    }
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return false;
    };
    let after: String = text
        .get(last.end..)
        .unwrap_or("")
        .chars()
        .take(12)
        .collect();
    let before: String = {
        let head = text.get(..first.start).unwrap_or("");
        let chars: Vec<char> = head.chars().rev().take(10).collect();
        chars.into_iter().rev().collect()
    };
    after.contains('除') || before.contains("年末年始")
}

/// What the layout says about where dates are context: where the
/// narrative starts (after 「# 本文」 in an archive file) and where the
/// publication date is written (it starts no year context of its own).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Anchors {
    /// Normalized offset where the notice's own text starts.
    pub body_start: usize,
    /// Normalized offset of the publication date, if found.
    pub published_at: Option<usize>,
}

fn resolve_group(
    text: &str,
    group: &[RawDate],
    joints: &[Joint],
    context: Option<Context>,
    reference: (Option<Date>, YearPolicy),
    warnings: &mut Vec<String>,
) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::new();
    let mut previous: Option<Value> = None;
    let has_range = joints.contains(&Joint::Range);
    for (k, raw) in group.iter().enumerate() {
        let joint = k.checked_sub(1).and_then(|j| joints.get(j)).copied();
        let base = previous.as_ref().and_then(Context::of);
        let explicit_before = group[..k].iter().any(|d| d.year.is_some());
        let link = Link {
            base,
            joint,
            explicit_before,
        };
        let value = match resolve_one(text, raw, link, context, reference, warnings) {
            Some(v) => v,
            None => continue,
        };
        previous = Some(value.0);
        let role = has_range.then_some(match joint {
            Some(Joint::Range) => Role::End,
            _ => Role::Start,
        });
        out.push(Resolved {
            start: raw.start,
            end: raw.end,
            value: value.0,
            weekday: raw.weekday,
            inferred_year: value.1,
            modifier: raw.modifier,
            role,
        });
    }
    out
}

/// The context after a group, when it sets one: the last day or month of a
/// group that is not a data period, or a heading year (「日時(令和8年)」).
fn next_context(
    text: &str,
    group: &[RawDate],
    resolved: &[Resolved],
    reference: Option<Date>,
) -> Option<Context> {
    let explicit: Vec<i32> = group
        .iter()
        .filter_map(|d| d.year.map(|y| y.value))
        .collect();
    if explicit.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    // 「2011年6月以降に登録された情報」: an open data period in another year.
    let open_period = group.last().is_some_and(|last| {
        let after = text.get(last.end..).unwrap_or("").trim_start();
        ["以降", "以前", "から", "より", "まで", "~"]
            .iter()
            .any(|w| after.starts_with(w))
    });
    let other_year = match (explicit.first(), reference) {
        (Some(y), Some(r)) => *y != i32::from(r.year()),
        _ => false,
    };
    if open_period && other_year {
        return None;
    }
    if let [raw] = group
        && raw.month.is_none()
        && !raw.fiscal
        && let Some(year) = raw.year
        && is_heading_year(text, raw)
    {
        return Some(Context {
            year: year.value,
            month: None,
            day: None,
            line_end: usize::MAX,
        });
    }
    let end = group.last().map_or(0, |d| d.end);
    resolved
        .iter()
        .rev()
        .find_map(|r| Context::of(&r.value))
        .map(|c| c.at(text, end))
}

/// A bare year in brackets after a heading word (「日時(令和8年)」).
fn is_heading_year(text: &str, raw: &RawDate) -> bool {
    let before = text[..raw.start].chars().next_back();
    let after = text[raw.end..].chars().next();
    before == Some('(') && after == Some(')')
}

/// How a group member links to the member before it.
#[derive(Debug, Clone, Copy)]
struct Link {
    /// The value of the member before, as a context.
    base: Option<Context>,
    /// The joint before this member.
    joint: Option<Joint>,
    /// Whether a member before wrote its year.
    explicit_before: bool,
}

/// Resolves one member; the bool is true when the year was inferred.
fn resolve_one(
    text: &str,
    raw: &RawDate,
    link: Link,
    context: Option<Context>,
    (reference, policy): (Option<Date>, YearPolicy),
    warnings: &mut Vec<String>,
) -> Option<(Value, bool)> {
    let Link {
        base,
        joint,
        explicit_before,
    } = link;
    let written = text.get(raw.start..raw.end).unwrap_or("");
    if let Some(year) = raw.year {
        era_warnings(written, year, raw, warnings);
        // 「令和0年」: no such year (the warning says so).
        if year.era.is_some_and(|(_, n)| n == 0) {
            return None;
        }
        if raw.fiscal {
            return Some((Value::Fiscal(year.value), false));
        }
        let value = build(written, year.value, raw.month, raw.day, raw, warnings)?;
        check_weekday(written, &value, raw.weekday, warnings);
        return Some((value, false));
    }
    let anchor = base.or(context);
    if matches!(raw.rel, Some(Rel::NextDay | Rel::PrevDay)) && !pinned(text, raw) {
        return None;
    }
    let (year, month, day) = match raw.rel {
        Some(rel) => relative(rel, raw, anchor, base.is_some(), reference)?,
        None => {
            let month = raw.month.or(base.and_then(|b| b.month));
            let month = match month {
                Some(m) => m,
                None => {
                    // A day alone reads against the month in context, only
                    // in a group or with a weekday.
                    raw.weekday?;
                    context.and_then(|c| c.month)?
                }
            };
            if raw.month.is_none() && base.is_none() && raw.weekday.is_none() {
                return None;
            }
            // 「2024年10月下旬、1日に」: a day joins a day, never a month.
            if raw.month.is_none() && base.is_some_and(|b| b.day.is_none()) {
                return None;
            }
            // A list member with its own month reads like the first member
            // (「3月末および9月末」); a range end or a day follows its base.
            // When an earlier member wrote its year, that year holds.
            let base = base.filter(|_| {
                explicit_before || !(joint == Some(Joint::List) && raw.month.is_some())
            });
            if let Some(b) = base {
                let (mut y, mut m) = (b.year, month);
                if joint == Some(Joint::Range) {
                    match (raw.month, b.month, raw.day, b.day) {
                        (Some(_), Some(bm), _, _) if m < bm => y = y.checked_add(1)?,
                        (None, _, Some(d), Some(bd)) if d < bd => {
                            m += 1;
                            if m > 12 {
                                m = 1;
                                y = y.checked_add(1)?;
                            }
                        }
                        _ => {}
                    }
                }
                return finish_inferred(written, y, Some(m), raw, warnings);
            }
            let year = infer_year(month, raw.day, context, (reference, policy), raw.start)?;
            let year = prefer_weekday(year, month, raw.day, raw.weekday);
            (year, Some(month), raw.day)
        }
    };
    let value = build(written, year, month, day, raw, warnings)?;
    check_weekday(written, &value, raw.weekday, warnings);
    Some((value, true))
}

/// Whether 「翌日」「前日」 name a day of the narrative: a weekday, a time or
/// a date follows (「翌日(火)」「翌日午前1時」「翌日30日」), unlike the generic
/// 「最短翌日のお届け」.
fn pinned(text: &str, raw: &RawDate) -> bool {
    if raw.weekday.is_some() {
        return true;
    }
    let after = text
        .get(raw.end..)
        .unwrap_or("")
        .trim_start_matches([' ', '、']);
    after.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        || after.starts_with("午前")
        || after.starts_with("午後")
}

/// Builds and checks a value whose year came from context.
fn finish_inferred(
    written: &str,
    year: i32,
    month: Option<u32>,
    raw: &RawDate,
    warnings: &mut Vec<String>,
) -> Option<(Value, bool)> {
    let year = match month {
        Some(m) => prefer_weekday(year, m, raw.day, raw.weekday),
        None => year,
    };
    let value = build(written, year, month, raw.day, raw, warnings)?;
    check_weekday(written, &value, raw.weekday, warnings);
    Some((value, true))
}

/// Year, month and day of a relative expression.
fn relative(
    rel: Rel,
    raw: &RawDate,
    anchor: Option<Context>,
    in_group: bool,
    reference: Option<Date>,
) -> Option<(i32, Option<u32>, Option<u32>)> {
    let anchor_day = |a: Option<Context>| -> Option<Date> {
        let a = a?;
        day_of(a.year, a.month?, a.day?)
    };
    let ymd = |d: Date| {
        (
            i32::from(d.year()),
            u32::try_from(d.month()).ok(),
            u32::try_from(d.day()).ok(),
        )
    };
    Some(match rel {
        Rel::SameYear => (anchor?.year, raw.month, raw.day),
        Rel::NextYear => (anchor?.year.checked_add(1)?, raw.month, raw.day),
        Rel::ThisYear => (
            reference
                .map(|r| i32::from(r.year()))
                .or(anchor.map(|a| a.year))?,
            raw.month,
            raw.day,
        ),
        Rel::LastYear => {
            let year = match (in_group, reference) {
                (false, Some(r)) => i32::from(r.year()),
                _ => anchor?.year,
            };
            (year.checked_sub(1)?, raw.month, raw.day)
        }
        Rel::SameMonth => {
            let a = anchor?;
            (a.year, Some(a.month?), raw.day)
        }
        Rel::NextMonth => {
            let a = anchor?;
            let m = a.month?;
            if m == 12 {
                (a.year.checked_add(1)?, Some(1), raw.day)
            } else {
                (a.year, Some(m + 1), raw.day)
            }
        }
        Rel::SameDay => ymd(anchor_day(anchor)?),
        Rel::NextDay => ymd(anchor_day(anchor)?.tomorrow().ok()?),
        Rel::PrevDay => ymd(anchor_day(anchor)?.yesterday().ok()?),
        Rel::NextDate => {
            let a = anchor_day(anchor)?;
            let d = raw.day?;
            let same = u32::try_from(a.day()).ok()?;
            let (y, m) = (i32::from(a.year()), u32::try_from(a.month()).ok()?);
            if d > same {
                (y, Some(m), Some(d))
            } else if m == 12 {
                (y.checked_add(1)?, Some(1), Some(d))
            } else {
                (y, Some(m + 1), Some(d))
            }
        }
    })
}

/// The year of a month(-day) with no year and no group before it.
fn infer_year(
    month: u32,
    day: Option<u32>,
    context: Option<Context>,
    (reference, policy): (Option<Date>, YearPolicy),
    at: usize,
) -> Option<i32> {
    let stale = |c: &Context| {
        reference.is_some_and(|r| c.year.saturating_add(1) < i32::from(r.year())) && at > c.line_end
    };
    let context = context.filter(|c| !stale(c));
    let not_after = |y: i32| -> bool {
        let Some(r) = reference else { return true };
        let probe = day_of(y, month, day.unwrap_or(1));
        probe.is_none_or(|p| p <= r)
    };
    if let Some(c) = context {
        let mut year = c.year;
        let months_back = c.month.map_or(0, |cm| i64::from(cm) - i64::from(month));
        let enough = if reference.is_some() { 6 } else { 9 };
        if months_back >= enough && not_after(year.checked_add(1)?) {
            year = year.checked_add(1)?;
        }
        // Half a year or more after publication: the year before, when that
        // is not after publication (「第13報(12月12日)」 in a later context).
        if let Some(r) = reference {
            let ahead = (i64::from(year) - i64::from(r.year())) * 12 + i64::from(month)
                - i64::from(r.month());
            if ahead > 6 && not_after(year.checked_sub(1)?) {
                year = year.checked_sub(1)?;
            }
        }
        return Some(year);
    }
    let r = reference?;
    let year = i32::from(r.year());
    match policy {
        YearPolicy::Preceding => {
            if not_after(year) {
                Some(year)
            } else {
                year.checked_sub(1)
            }
        }
        YearPolicy::Forward => {
            let on_or_after = |y: i32| {
                day_of(y, month, day.unwrap_or(1)).is_none_or(|p| match day {
                    Some(_) => p >= r,
                    // A month reaches forward while any of it is left.
                    None => p.last_of_month() >= r,
                })
            };
            if on_or_after(year) {
                Some(year)
            } else {
                year.checked_add(1)
            }
        }
        YearPolicy::Nearest => {
            // The year that puts the day (or the month's first day) closest
            // to the reference; the earlier one on a tie.
            let distance = |y: i32| -> Option<i64> {
                let probe = day_of(y, month, day.unwrap_or(1))?;
                let days = (probe - r).get_days();
                Some(i64::from(days).abs())
            };
            [year - 1, year, year + 1]
                .into_iter()
                .filter_map(|y| distance(y).map(|d| (d, y)))
                .min()
                .map(|(_, y)| y)
        }
    }
}

/// The year among `year` and the years either side whose calendar has the
/// written weekday on that day; `year` when none or no weekday.
fn prefer_weekday(year: i32, month: u32, day: Option<u32>, weekday: Option<char>) -> i32 {
    let (Some(day), Some(w)) = (day, weekday) else {
        return year;
    };
    let Some(want) = weekday_of(w) else {
        return year;
    };
    [year, year - 1, year + 1]
        .into_iter()
        .find(|y| day_of(*y, month, day).is_some_and(|d| d.weekday() == want))
        .unwrap_or(year)
}

/// A value from year, month and day, with a warning when it cannot exist.
fn build(
    written: &str,
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    raw: &RawDate,
    warnings: &mut Vec<String>,
) -> Option<Value> {
    let Some(month) = month else {
        return Some(Value::Year(year));
    };
    if !(1..=12).contains(&month) {
        warnings.push(format!("impossible date 「{written}」: no month {month}"));
        return None;
    }
    if raw.last_day {
        return day_of(year, month, 1).map(|d| Value::Day(d.last_of_month()));
    }
    let Some(day) = day else {
        return Some(Value::Month(year, month));
    };
    match day_of(year, month, day) {
        Some(d) => Some(Value::Day(d)),
        None => {
            warnings.push(format!(
                "impossible date 「{written}」: {year:04}-{month:02} has no day {day}"
            ));
            None
        }
    }
}

/// A calendar day, `None` when it does not exist.
pub(crate) fn day_of(year: i32, month: u32, day: u32) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Warnings for era years past their era and days outside it.
fn era_warnings(written: &str, year: YearLit, raw: &RawDate, warnings: &mut Vec<String>) {
    let Some((era, n)) = year.era else { return };
    if let Some(problem) = era.year_problem(n) {
        warnings.push(format!("「{written}」: {problem}"));
        return;
    }
    if let (Some(m), Some(d)) = (raw.month, raw.day)
        && let Some(date) = day_of(year.value, m, d)
        && let Some(problem) = era.day_problem(n, date)
    {
        warnings.push(format!("「{written}」: {problem}"));
    }
}

/// A warning when the written weekday is not the day's.
fn check_weekday(written: &str, value: &Value, weekday: Option<char>, warnings: &mut Vec<String>) {
    let (Value::Day(d), Some(w)) = (value, weekday) else {
        return;
    };
    if let Some(want) = weekday_of(w)
        && d.weekday() != want
    {
        warnings.push(format!(
            "weekday mismatch 「{written}」: {d} is a {}",
            weekday_kanji(d.weekday())
        ));
    }
}

/// The weekday a kanji names (「月」 → Monday).
pub(crate) fn weekday_of(c: char) -> Option<Weekday> {
    Some(match c {
        '月' => Weekday::Monday,
        '火' => Weekday::Tuesday,
        '水' => Weekday::Wednesday,
        '木' => Weekday::Thursday,
        '金' => Weekday::Friday,
        '土' => Weekday::Saturday,
        '日' => Weekday::Sunday,
        _ => return None,
    })
}

fn weekday_kanji(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "月曜日",
        Weekday::Tuesday => "火曜日",
        Weekday::Wednesday => "水曜日",
        Weekday::Thursday => "木曜日",
        Weekday::Friday => "金曜日",
        Weekday::Saturday => "土曜日",
        Weekday::Sunday => "日曜日",
    }
}
