//! Dates and times: every temporal expression of a notice, resolved to
//! absolute values.
//!
//! Three steps:
//! 1. [`scan`] finds every written form — Western and era dates in digits,
//!    kanji numerals or slashes (「2024年1月29日」「令和二年五月六日」
//!    「R6.1.29」「2024/1/29」), year-months, fiscal years, month and day lists,
//!    relative words (同年, 翌日, 「翌22日」) and times — outside URLs, e-mail
//!    addresses, file names and the archive's 事案ID line;
//! 2. [`resolve`] groups ranges and lists (「2月22日~23日」「4日および17日」),
//!    gives every month-day its year (context, heading year, publication
//!    date and the [`YearPolicy`], weekday), attaches times to the day
//!    before them (`datetime`, 「5月9日の13時」 is one), marks both ends of
//!    ranges of dates and of times (「3月5日(火)10:00-15:30」);
//!    impossible dates and times (「2月30日」「令和0年」「午後13時」) become
//!    warnings, not values;
//! 3. [`extract`] maps every span back to the input.
//!
//! ```
//! let notice = jpnotice::parse("令和６年１月２９日（月）、不正アクセスを確認しました。");
//! let d = &notice.dates[0];
//! assert_eq!(d.value, "2024-01-29");
//! assert_eq!(d.weekday.as_deref(), Some("月"));
//! assert_eq!(d.span.text, "令和６年１月２９日（月）");
//! ```

mod cursor;
mod era;
pub mod publication;
pub(crate) mod resolve;
pub(crate) mod scan;

use crate::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Document;

/// What kind of value a [`DateMention`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A calendar day, `YYYY-MM-DD` (「令和６年１月２９日」).
    Date,
    /// A year and month, `YYYY-MM` (「2024年5月」).
    Month,
    /// A bare year, `YYYY` (「2024年」).
    Year,
    /// A fiscal year, `FY2017` (「平成２９年度」).
    FiscalYear,
    /// A day with a time, `YYYY-MM-DDTHH:MM` (「1月29日午後1時30分」).
    Datetime,
    /// A time with no resolvable day, `HH:MM` (「8:30」).
    Time,
}

/// One temporal expression found in a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The kind of value.
    pub kind: DateKind,
    /// The resolved value in the form `kind` names.
    pub value: String,
    /// The expression as written in the input (「令和６年１月２９日（月）」).
    #[serde(flatten)]
    pub span: Span,
    /// The weekday as written (「月」), when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// True when the year was not written and was taken from context.
    pub inferred_year: bool,
    /// A modifier written after the date: `early` (上旬, 初旬), `middle`
    /// (中旬), `late` (下旬), `end` (末), `about` (頃).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// The end of a range this value is (「2021年5月26日〜2024年7月19日」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<RangeRole>,
}

/// Which end of a range a [`DateMention`] is: 「2021年5月26日」 starts
/// 「2021年5月26日〜2024年7月19日」, 「2024年7月19日」 ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeRole {
    /// The first end.
    Start,
    /// The last end.
    End,
}

/// Which year a month-day without a year takes when nothing in the text
/// gives one and only the reference date (the publication date, or
/// [`crate::Parser::reference_date`]) is known.
///
/// ```
/// use jpnotice::{Date, Parser};
/// use jpnotice::extract::dates::YearPolicy;
///
/// // Reference 2024-11-20. 「1月15日」 is…
/// let at = |policy| {
///     let parser = Parser::new()
///         .reference_date(Date::constant(2024, 11, 20))
///         .year_policy(policy);
///     parser.parse("1月15日に実施").dates[0].value.clone()
/// };
/// assert_eq!(at(YearPolicy::Preceding), "2024-01-15"); // the last one before
/// assert_eq!(at(YearPolicy::Forward), "2025-01-15"); // the next one
/// assert_eq!(at(YearPolicy::Nearest), "2025-01-15"); // 56 days away, not 310
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearPolicy {
    /// The nearest day on or before the reference (notices report the
    /// past: 「12月28日に発生」 read on 3 March is last December). The
    /// default.
    #[default]
    Preceding,
    /// The day nearest the reference, before or after (「1月15日」 read on
    /// 20 November is next January).
    Nearest,
    /// The nearest day on or after the reference (schedules, deadlines:
    /// 「3月31日まで受付」 read on 1 April is next March).
    Forward,
}

impl std::str::FromStr for YearPolicy {
    type Err = String;

    /// `preceding`, `nearest` or `forward` (「--year-policy forward」).
    ///
    /// ```
    /// use jpnotice::extract::dates::YearPolicy;
    /// assert_eq!("forward".parse::<YearPolicy>(), Ok(YearPolicy::Forward));
    /// assert!("later".parse::<YearPolicy>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "preceding" => Ok(YearPolicy::Preceding),
            "nearest" => Ok(YearPolicy::Nearest),
            "forward" => Ok(YearPolicy::Forward),
            other => Err(format!(
                "unknown year policy {other:?}: expected preceding, nearest or forward"
            )),
        }
    }
}

/// Finds every date, month, year, fiscal year and time in the document.
/// `reference` (the publication date) gives the year of month-days that
/// have no year in context.
///
/// ```
/// use jpnotice::{Date, Document};
/// use jpnotice::extract::dates::{extract, DateKind};
///
/// let doc = Document::new("3月21日(木)に調査結果が提出されました。");
/// let mut warnings = Vec::new();
/// let found = extract(&doc, Some(Date::constant(2024, 5, 31)), &mut warnings);
/// assert_eq!(found[0].kind, DateKind::Date);
/// assert_eq!(found[0].value, "2024-03-21");
/// assert!(found[0].inferred_year);
/// ```
pub fn extract(
    doc: &Document,
    reference: Option<Date>,
    warnings: &mut Vec<String>,
) -> Vec<DateMention> {
    extract_with_policy(doc, reference, YearPolicy::default(), warnings)
}

/// [`extract`] with a [`YearPolicy`] for month-days that only the
/// reference date can give a year.
///
/// ```
/// use jpnotice::{Date, Document};
/// use jpnotice::extract::dates::{extract_with_policy, YearPolicy};
///
/// let doc = Document::new("3月31日まで受付");
/// let found = extract_with_policy(
///     &doc,
///     Some(Date::constant(2024, 4, 1)),
///     YearPolicy::Forward,
///     &mut Vec::new(),
/// );
/// assert_eq!(found[0].value, "2025-03-31");
/// ```
pub fn extract_with_policy(
    doc: &Document,
    reference: Option<Date>,
    policy: YearPolicy,
    warnings: &mut Vec<String>,
) -> Vec<DateMention> {
    let publication = publication::locate(doc, &mut Vec::new());
    extract_with(doc, reference, publication.as_ref(), policy, warnings)
}

/// [`extract_with_policy`] with the publication date found already (see
/// [`publication::locate`]), so that it is looked for once per document.
///
/// ```
/// use jpnotice::extract::dates::{extract_with, publication::locate, YearPolicy};
/// let doc = jpnotice::Document::new("令和6年5月31日\n4月9日（火）に不正アクセスを確認しました。");
/// let p = locate(&doc, &mut Vec::new());
/// let reference = p.as_ref().map(|p| p.on.reference());
/// let dates = extract_with(&doc, reference, p.as_ref(), YearPolicy::default(), &mut Vec::new());
/// assert_eq!(dates[1].value, "2024-04-09");
/// ```
pub fn extract_with(
    doc: &Document,
    reference: Option<Date>,
    publication: Option<&publication::Publication>,
    policy: YearPolicy,
    warnings: &mut Vec<String>,
) -> Vec<DateMention> {
    let text = doc.text();
    let items = scan::scan_skipping(text, &scan::skipped(text, doc.structure()));
    let anchors = resolve::Anchors {
        body_start: doc.structure().body_start(),
        published_at: publication.map(|p| p.start),
    };
    resolve::resolve(text, &items, reference, policy, anchors, warnings)
        .into_iter()
        .map(|r| mention(doc, r))
        .collect()
}

/// A resolved expression as a [`DateMention`] with input offsets.
fn mention(doc: &Document, r: resolve::Resolved) -> DateMention {
    use resolve::Value;
    let span = doc.span(r.start, r.end);
    let kind = match r.value {
        Value::Day(_) => DateKind::Date,
        Value::Month(..) => DateKind::Month,
        Value::Year(_) => DateKind::Year,
        Value::Fiscal(_) => DateKind::FiscalYear,
        Value::DayTime(..) => DateKind::Datetime,
        Value::Time(..) => DateKind::Time,
    };
    DateMention {
        kind,
        value: r.value.render(),
        span,
        weekday: r.weekday.map(String::from),
        inferred_year: r.inferred_year,
        modifier: r.modifier.map(|m| m.key().to_owned()),
        range: r.role.map(|role| match role {
            resolve::Role::Start => RangeRole::Start,
            resolve::Role::End => RangeRole::End,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, value) of every mention, with publication date `reference`.
    fn found_at(text: &str, reference: Option<Date>) -> (Vec<(DateKind, String)>, Vec<String>) {
        let doc = Document::new(text);
        let mut warnings = Vec::new();
        let found = extract(&doc, reference, &mut warnings)
            .into_iter()
            .map(|d| (d.kind, d.value))
            .collect();
        (found, warnings)
    }

    fn values(text: &str) -> Vec<String> {
        values_at(text, Some(Date::constant(2024, 5, 31)))
    }

    fn values_at(text: &str, reference: Option<Date>) -> Vec<String> {
        found_at(text, reference)
            .0
            .into_iter()
            .map(|(_, v)| v)
            .collect()
    }

    fn one(text: &str) -> (DateKind, String) {
        let (found, _) = found_at(text, Some(Date::constant(2024, 5, 31)));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn western_and_era_forms() {
        for text in [
            "2024年1月29日",
            "2024/1/29",
            "2024-01-29",
            "2024.1.29",
            "R6.1.29",
            "令和6年1月29日",
            "令和６年１月２９日",
            "令和６（2024）年１月２９日",
            "2024年（令和6年）1月29日",
            "令和６年（2024 年）１ 月 ２９ 日",
            "2024 年 1 月 29 日",
            "202４年１月 29 日",
        ] {
            assert_eq!(
                one(text),
                (DateKind::Date, "2024-01-29".to_owned()),
                "{text}"
            );
        }
    }

    #[test]
    fn kanji_numerals_and_gannen() {
        assert_eq!(
            one("令和二年五月六日"),
            (DateKind::Date, "2020-05-06".into())
        );
        assert_eq!(one("二〇二四年"), (DateKind::Year, "2024".into()));
        assert_eq!(one("令和元年5月1日"), (DateKind::Date, "2019-05-01".into()));
        assert_eq!(one("令和元年度"), (DateKind::FiscalYear, "FY2019".into()));
        assert_eq!(
            one("平成三十一年四月三十日"),
            (DateKind::Date, "2019-04-30".into())
        );
    }

    #[test]
    fn era_boundaries_warn() {
        let (found, warnings) = found_at("平成31年4月30日", None);
        assert_eq!(found, vec![(DateKind::Date, "2019-04-30".into())]);
        assert!(warnings.is_empty());
        let (found, warnings) = found_at("平成32年3月31日まで", None);
        assert_eq!(found, vec![(DateKind::Date, "2020-03-31".into())]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let (found, warnings) = found_at("昭和64年1月7日", None);
        assert_eq!(found, vec![(DateKind::Date, "1989-01-07".into())]);
        assert!(warnings.is_empty());
        let (_, warnings) = found_at("平成31年5月1日", None);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn months_years_fiscal_years() {
        assert_eq!(one("2024年5月"), (DateKind::Month, "2024-05".into()));
        assert_eq!(one("令和6年5月"), (DateKind::Month, "2024-05".into()));
        assert_eq!(one("2023年頃"), (DateKind::Year, "2023".into()));
        assert_eq!(one("平成２９年度"), (DateKind::FiscalYear, "FY2017".into()));
        assert_eq!(one("2017年度"), (DateKind::FiscalYear, "FY2017".into()));
        assert_eq!(one("令和5年度"), (DateKind::FiscalYear, "FY2023".into()));
    }

    #[test]
    fn modifiers_keep_the_month() {
        let doc =
            Document::new("2024年3月下旬、同年4月上旬、5月中旬、2023年12月末、2024年1月29日頃");
        let found = extract(&doc, Some(Date::constant(2024, 5, 31)), &mut Vec::new());
        let got: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|d| (d.value.as_str(), d.modifier.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("2024-03", Some("late")),
                ("2024-04", Some("early")),
                ("2024-05", Some("middle")),
                ("2023-12", Some("end")),
                ("2024-01-29", Some("about")),
            ]
        );
    }

    #[test]
    fn ranges_give_both_ends() {
        assert_eq!(
            values("平成２９年度から令和５年度"),
            vec!["FY2017", "FY2023"]
        );
        assert_eq!(
            values("2021年5月26日〜2024年7月19日"),
            vec!["2021-05-26", "2024-07-19"]
        );
        assert_eq!(
            values("2024年2月22日（木）～ 23日（金）"),
            vec!["2024-02-22", "2024-02-23"]
        );
        assert_eq!(
            values("2023年12月28日~1月5日"),
            vec!["2023-12-28", "2024-01-05"]
        );
        assert_eq!(values("2024年7月8~10日"), vec!["2024-07-08", "2024-07-10"]);
        assert_eq!(values("2024/05/08~10"), vec!["2024-05-08", "2024-05-10"]);
        assert_eq!(
            values("2/22(木)~23(金)に作業"),
            vec!["2024-02-22", "2024-02-23"]
        );
        let doc = Document::new("2021年5月26日〜2024年7月19日");
        let found = extract(&doc, None, &mut Vec::new());
        assert_eq!(found[0].range, Some(RangeRole::Start));
        assert_eq!(found[1].range, Some(RangeRole::End));
    }

    #[test]
    fn lists_give_every_member() {
        assert_eq!(values("2024年6・7月"), vec!["2024-06", "2024-07"]);
        assert_eq!(
            values("2024年2月4日および17日"),
            vec!["2024-02-04", "2024-02-17"]
        );
        // A bare-year range anchors nothing: the months take the
        // publication year.
        assert_eq!(
            values("2018年～2024年の3月末および9月末"),
            vec!["2018", "2024", "2024-03", "2023-09"]
        );
    }

    #[test]
    fn month_days_take_the_narrative_year() {
        assert_eq!(
            values("令和6年1月29日に判明し、3月21日に報告を受けました。"),
            vec!["2024-01-29", "2024-03-21"]
        );
        // 同年, 同月, 同日, 翌日, 翌年, 翌22日
        assert_eq!(
            values(
                "2023年10月12日に発生。同年10月13日、同月16日に調査。同日報告し、翌日(火)公表。翌20日に完了。"
            ),
            vec![
                "2023-10-12",
                "2023-10-13",
                "2023-10-16",
                "2023-10-16",
                "2023-10-17",
                "2023-10-20"
            ]
        );
        assert_eq!(
            values("2023年12月29日から翌年1月3日まで停止"),
            vec!["2023-12-29", "2024-01-03"]
        );
    }

    #[test]
    fn generic_next_day_is_not_a_date() {
        assert_eq!(
            values("2024年5月10日に再開し、最短翌日のお届けが可能です。"),
            vec!["2024-05-10"]
        );
        assert_eq!(
            values("2024年5月10日午後11時に発生し、翌日午前1時に復旧"),
            vec!["2024-05-10T23:00", "2024-05-11T01:00"]
        );
    }

    #[test]
    fn heading_year_anchors_a_table() {
        assert_eq!(
            values_at(
                "|日時(令和8年)|事象|\n|2月9日(月)|発生|\n",
                Some(Date::constant(2026, 2, 27))
            ),
            vec!["2026", "2026-02-09"]
        );
    }

    #[test]
    fn timelines_roll_over_the_year_end() {
        assert_eq!(
            values_at(
                "2024年12月28日に障害が発生。1月9日に復旧しました。",
                Some(Date::constant(2025, 2, 1))
            ),
            vec!["2024-12-28", "2025-01-09"]
        );
    }

    #[test]
    fn publication_year_without_context() {
        let reference = Some(Date::constant(2025, 3, 4));
        assert_eq!(values_at("2月16日に認識", reference), vec!["2025-02-16"]);
        // After publication: the year before.
        assert_eq!(values_at("12月28日に発生", reference), vec!["2024-12-28"]);
        let doc = Document::new("2月16日に認識");
        let found = extract(&doc, reference, &mut Vec::new());
        assert!(found[0].inferred_year);
        // No reference and no context: no value.
        assert!(values_at("2月16日に認識", None).is_empty());
    }

    #[test]
    fn data_periods_are_not_anchors() {
        let reference = Some(Date::constant(2025, 8, 27));
        assert_eq!(
            values_at(
                "2015年9月～2017年5月に申込をされた方。8月22日以降は確認されていません。",
                reference
            ),
            vec!["2015-09", "2017-05", "2025-08-22"]
        );
        assert_eq!(
            values_at(
                "2011年6月以降に登録された情報です。5月15日の発表では",
                reference
            ),
            vec!["2011-06", "2025-05-15"]
        );
    }

    #[test]
    fn weekday_is_checked_and_picks_the_year() {
        let doc = Document::new("令和６年１月２９日（月）");
        let found = extract(&doc, None, &mut Vec::new());
        assert_eq!(found[0].weekday.as_deref(), Some("月"));
        let (_, warnings) = found_at("2024年1月29日(火)", None);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // 2月9日(月): 2026 has a Monday on 9 February, 2025 does not.
        assert_eq!(
            values_at("2月9日(月)に発生", Some(Date::constant(2025, 12, 1))),
            vec!["2026-02-09"]
        );
        assert_eq!(
            values_at("2/9(月)に発生", Some(Date::constant(2026, 3, 1))),
            vec!["2026-02-09"]
        );
    }

    #[test]
    fn times_attach_to_the_day_before() {
        let found = found_at(
            "2026年2月9日（月）午前1時50分頃に発生し、午後1時30分に報告",
            None,
        )
        .0;
        assert_eq!(
            found,
            vec![
                (DateKind::Datetime, "2026-02-09T01:50".into()),
                (DateKind::Time, "13:30".into()),
            ]
        );
        assert_eq!(
            values("2024年2月23日(金)午前7時に完了"),
            vec!["2024-02-23T07:00"]
        );
        assert_eq!(
            values("2024年8月21日（水）17:00頃～20:30頃"),
            vec!["2024-08-21T17:00", "2024-08-21T20:30"]
        );
        assert_eq!(values("受付時間 8:30～17:00"), vec!["08:30", "17:00"]);
        assert_eq!(values("9時00分～20時00分"), vec!["09:00", "20:00"]);
    }

    #[test]
    fn not_dates() {
        for text in [
            "https://example.jp/news/2024/01/29/",
            "詳細: https://example.jp/2024年1月29日.html",
            "info-2024.1.29@example.jp",
            "報告書_2024.1.29.pdf",
            "バージョン25.4.4に更新",
            "Windows 11/10の端末",
            "電話 0493-81-6089、〒330-0063",
            "# 事案ID\n- 2026-03-13-株式会社サンプル\n",
            "全体の1/2の端末",
            "24時間対応",
        ] {
            let found: Vec<_> = found_at(text, Some(Date::constant(2024, 5, 31)))
                .0
                .into_iter()
                .filter(|(k, _)| *k != DateKind::Time)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        assert!(values("(12月29日から翌年1月3日までを除く)").is_empty());
        assert!(values("年末年始(12月29日~1月3日)はお休み").is_empty());
    }

    #[test]
    fn impossible_dates_warn_without_value() {
        let (found, warnings) = found_at("令和5年2月30日", None);
        assert!(found.is_empty());
        assert_eq!(warnings.len(), 1);
        let (found, warnings) = found_at("2024年13月", None);
        assert!(found.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn spans_point_into_the_input() {
        let input = "発生日：令和６年１月２９日（月）午後１時３０分";
        let doc = Document::new(input);
        let found = extract(&doc, None, &mut Vec::new());
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(d.kind, DateKind::Datetime);
        assert_eq!(d.value, "2024-01-29T13:30");
        assert_eq!(&input[d.span.start..d.span.end], d.span.text);
        assert_eq!(d.span.text, "令和６年１月２９日（月）午後１時３０分");
    }

    /// (value, range role) of every mention.
    fn with_roles(text: &str) -> Vec<(String, Option<RangeRole>)> {
        let doc = Document::new(text);
        extract(&doc, Some(Date::constant(2024, 5, 31)), &mut Vec::new())
            .into_iter()
            .map(|d| (d.value, d.range))
            .collect()
    }

    #[test]
    fn ranges_have_both_ends_marked() {
        use RangeRole::{End, Start};
        let r = |v: &str, role| (v.to_owned(), Some(role));
        assert_eq!(
            with_roles("2023/11/20～11/24"),
            vec![r("2023-11-20", Start), r("2023-11-24", End)]
        );
        assert_eq!(
            with_roles("2016～2018年"),
            vec![r("2016", Start), r("2018", End)]
        );
        assert_eq!(
            with_roles("平成28～令和2年度"),
            vec![r("FY2016", Start), r("FY2020", End)]
        );
        assert_eq!(
            with_roles("2018年11月から翌2019年2月"),
            vec![r("2018-11", Start), r("2019-02", End)]
        );
        assert_eq!(
            with_roles("3/1～3/15に販売"),
            vec![r("2024-03-01", Start), r("2024-03-15", End)]
        );
        assert_eq!(
            with_roles("2023年4月から9月まで"),
            vec![r("2023-04", Start), r("2023-09", End)]
        );
        assert_eq!(
            with_roles("2024年2月6日（火）9:30－16:45"),
            vec![r("2024-02-06T09:30", Start), r("2024-02-06T16:45", End)]
        );
        assert_eq!(
            with_roles("2024年2月6日（火）22時－2月7日（水）6時"),
            vec![r("2024-02-06T22:00", Start), r("2024-02-07T06:00", End)]
        );
        assert_eq!(
            with_roles("受付 9:00~17:00"),
            vec![r("09:00", Start), r("17:00", End)]
        );
    }

    #[test]
    fn the_afternoon_carries_to_the_second_end() {
        assert_eq!(values("午後3時半から同5時"), vec!["15:30", "17:00"]);
        assert_eq!(values("午後1時~4時30分"), vec!["13:00", "16:30"]);
        // Past midnight the second end keeps its hour.
        assert_eq!(values("午後11時~2時"), vec!["23:00", "02:00"]);
        // Nothing to carry from the morning.
        assert_eq!(values("午前9時~11時"), vec!["09:00", "11:00"]);
    }

    #[test]
    fn meridiem_words() {
        for (text, want) in [
            ("午前10時", "10:00"),
            ("午後3時", "15:00"),
            ("午後0時", "12:00"),
            ("AM10:15", "10:15"),
            ("PM7時", "19:00"),
            ("pm 3:00", "15:00"),
            ("am11:05", "11:05"),
            ("10:30AM", "10:30"),
            ("6:45 p.m.", "18:45"),
            ("AM12:00", "00:00"),
            ("午前12時30分", "00:30"),
            ("今朝7時", "07:00"),
            ("今夜10時", "22:00"),
            ("夜12時", "24:00"),
            ("夜13時", "13:00"),
            ("深夜23時", "23:00"),
            ("PM12:00", "12:00"),
            ("朝6時", "06:00"),
            ("昼1時", "13:00"),
            ("夕方6時", "18:00"),
            ("夜9時", "21:00"),
            ("夜9時半", "21:30"),
            ("深夜2時", "02:00"),
            ("23:10pm", "23:10"),
        ] {
            assert_eq!(values(text), vec![want], "{text}");
        }
        // Words that only look like one.
        assert!(values("PM2.5の濃度").is_empty());
        assert!(values("夜間の作業").is_empty());
    }

    #[test]
    fn era_abbreviations_and_separators() {
        for (text, want) in [
            ("令5年", "2023"),
            ("平30年", "2018"),
            ("昭63年", "1988"),
            ("令和元年", "2019"),
        ] {
            assert_eq!(one(text), (DateKind::Year, want.to_owned()), "{text}");
        }
        for (text, want) in [
            ("R5.3.9", "2023-03-09"),
            ("H29/12/1", "2017-12-01"),
            ("S55-6-30", "1980-06-30"),
            ("T3/4/5", "1914-04-05"),
            ("M30/7/7", "1897-07-07"),
            ("令和5・3・9", "2023-03-09"),
            ("令和5-3-9", "2023-03-09"),
            ("平成29.12.1", "2017-12-01"),
            ("2023・3・9", "2023-03-09"),
            ("2023,3,9", "2023-03-09"),
            ("2023年/3月/9日", "2023-03-09"),
            ("令5年3月9日", "2023-03-09"),
        ] {
            assert_eq!(one(text), (DateKind::Date, want.to_owned()), "{text}");
        }
        for (text, want) in [
            ("令和5.3", "2023-03"),
            ("2023/3", "2023-03"),
            ("2023.03", "2023-03"),
            ("2023-03", "2023-03"),
            ("2023/3月", "2023-03"),
        ] {
            assert_eq!(one(text), (DateKind::Month, want.to_owned()), "{text}");
        }
        // A list of fiscal years is not a date; a version is not a month.
        let years = values("令和3・4・5年度卒業");
        assert!(years.iter().all(|v| v.starts_with("FY")), "{years:?}");
        assert!(values("R5.3 に更新").is_empty());
        assert!(values("ver2023.03b").is_empty());
    }

    #[test]
    fn kanji_years_gannen_ganjitsu_misoka() {
        assert_eq!(
            one("二〇二三年十二月三日"),
            (DateKind::Date, "2023-12-03".into())
        );
        assert_eq!(
            one("千九百八十九年一月八日"),
            (DateKind::Date, "1989-01-08".into())
        );
        assert_eq!(one("二千二十年"), (DateKind::Year, "2020".into()));
        assert_eq!(one("令和3年元日"), (DateKind::Date, "2021-01-01".into()));
        assert_eq!(one("2022年元旦"), (DateKind::Date, "2022-01-01".into()));
        assert_eq!(one("2022年大晦日"), (DateKind::Date, "2022-12-31".into()));
        assert_eq!(
            one("平成16年2月晦日"),
            (DateKind::Date, "2004-02-29".into())
        );
        assert_eq!(one("2023年2月晦日"), (DateKind::Date, "2023-02-28".into()));
    }

    #[test]
    fn slash_month_days_in_context() {
        assert_eq!(values("4/12の10時に発生"), vec!["2024-04-12T10:00"]);
        assert_eq!(values("4/12（金）に発生"), vec!["2024-04-12"]);
        assert_eq!(values("4/12に発生"), vec!["2024-04-12"]);
        // Ratios and bare fractions stay numbers.
        assert!(values("全体の1/3に相当").is_empty());
        assert!(values("1/3の端末").is_empty());
    }

    #[test]
    fn a_date_and_its_time_are_one_datetime() {
        let (found, _) = found_at(
            "４月１２日の１０：４５に検知",
            Some(Date::constant(2024, 5, 31)),
        );
        assert_eq!(found, vec![(DateKind::Datetime, "2024-04-12T10:45".into())]);
        assert_eq!(values("4月12日 10時45"), vec!["2024-04-12T10:45"]);
        assert_eq!(values("4月12日 10時45分30秒"), vec!["2024-04-12T10:45"]);
        assert_eq!(values("10:45:30に検知"), vec!["10:45"]);
        // Digits after 時 that count something are not minutes.
        assert_eq!(values("10時15名が来場"), vec!["10:00"]);
    }

    #[test]
    fn impossible_values_warn_and_give_nothing() {
        for text in [
            "令和0年5月1日",
            "午後13時",
            "午前14時",
            "25時",
            "10時61分",
            "10:75",
            "9時30分65秒",
            "2023年2月29日",
            "2024年4月31日",
        ] {
            let (found, warnings) = found_at(text, None);
            assert!(found.is_empty(), "{text}: {found:?}");
            assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
        }
    }

    #[test]
    fn ichiji_is_not_a_time() {
        for text in [
            "サービスを一時的に停止しました",
            "一時停止",
            "一時保管していたファイル",
            "一時、閲覧できない状態でした",
            "一時期",
        ] {
            assert!(values(text).is_empty(), "{text}");
        }
        assert_eq!(values("午前一時"), vec!["01:00"]);
        assert_eq!(values("一時三十分"), vec!["01:30"]);
        assert_eq!(values("十時"), vec!["10:00"]);
    }

    #[test]
    fn year_policy_picks_the_year_of_a_lone_month_day() {
        let at = |text: &str, policy| {
            let doc = Document::new(text);
            extract_with_policy(
                &doc,
                Some(Date::constant(2024, 11, 20)),
                policy,
                &mut Vec::new(),
            )
            .into_iter()
            .map(|d| d.value)
            .collect::<Vec<_>>()
        };
        use YearPolicy::{Forward, Nearest, Preceding};
        assert_eq!(at("1月15日", Preceding), ["2024-01-15"]);
        assert_eq!(at("1月15日", Forward), ["2025-01-15"]);
        assert_eq!(at("1月15日", Nearest), ["2025-01-15"]);
        assert_eq!(at("10月1日", Nearest), ["2024-10-01"]);
        assert_eq!(at("10月1日", Forward), ["2025-10-01"]);
        assert_eq!(at("11月20日", Forward), ["2024-11-20"]);
        assert_eq!(at("11月20日", Preceding), ["2024-11-20"]);
        // A month reaches forward while some of it is left.
        assert_eq!(at("11月", Forward), ["2024-11"]);
        assert_eq!(at("12月", Preceding), ["2023-12"]);
        // A year in the text still wins over the policy.
        assert_eq!(
            at("2023年12月1日に発生し、1月15日に復旧", Forward),
            ["2023-12-01", "2024-01-15"]
        );
    }

    #[test]
    fn arbitrary_input_never_panics() {
        for text in [
            "年月日",
            "令和",
            "令和年",
            "R",
            "9999年99月99日",
            "2024年2月29日",
            "2023年2月29日",
            "同日",
            "翌日",
            "翌",
            "12:",
            "午後",
            "令和999999999年",
            "二〇二四二〇二四年",
            "~~~",
            "2024/",
            "1/",
            "年度",
        ] {
            let _ = found_at(text, Some(Date::constant(2024, 5, 31)));
            let _ = found_at(text, None);
        }
    }
}
