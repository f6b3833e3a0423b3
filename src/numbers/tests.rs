use super::*;

/// (value, unit, qualifiers, text) of every expression.
fn all(text: &str) -> Vec<(f64, Option<String>, Vec<String>, String)> {
    find_all(text)
        .into_iter()
        .map(|m| (m.value, m.unit, m.qualifiers, m.text))
        .collect()
}

fn values(text: &str) -> Vec<f64> {
    find_all(text).into_iter().map(|m| m.value).collect()
}

#[test]
fn arabic_half_and_full_width_with_commas() {
    assert_eq!(values("対象は1,092件分"), [1092.0]);
    assert_eq!(values("１７１，４７２名分"), [171472.0]);
    let m = &find_all("会員１７１，４７２名分")[0];
    assert_eq!(m.unit.as_deref(), Some("名分"));
    assert_eq!(m.text, "１７１，４７２名分");
}

#[test]
fn kanji_numerals_with_counters() {
    assert_eq!(values("十二万三千人"), [123000.0]);
    assert_eq!(values("二〇二四年"), [2024.0]);
    assert_eq!(values("千二百件"), [1200.0]);
    assert_eq!(values("三名"), [3.0]);
}

#[test]
fn mixed_forms_and_decimals() {
    assert_eq!(values("7万4238件"), [74238.0]);
    assert_eq!(values("1.5万人"), [15000.0]);
    assert_eq!(values("483千件"), [483000.0]);
    assert_eq!(values("約1万2千人"), [12000.0]);
    assert_eq!(values("0.5%"), [0.5]);
}

#[test]
fn qualifiers_before_and_after() {
    let found = all("最大延べ約483千件");
    assert_eq!(found[0].2, ["最大", "延べ", "約"]);
    let m = &find_all("およそ3,000人以上")[0];
    assert_eq!(m.qualifiers, ["およそ", "以上"]);
    assert!(m.approx);
    assert_eq!(m.text, "およそ3,000人以上");
    assert_eq!(find_all("1万件超")[0].qualifiers, ["超"]);
    assert_eq!(find_all("100名未満")[0].qualifiers, ["未満"]);
    assert_eq!(find_all("50件以下")[0].qualifiers, ["以下"]);
    assert!(find_all("200名程度")[0].approx);
    assert!(find_all("200名前後")[0].approx);
    assert!(find_all("1万余件")[0].approx);
    assert!(find_all("概ね500人")[0].approx);
    assert!(find_all("3千人余り")[0].approx);
    assert!(!find_all("最大500件")[0].approx);
    assert_eq!(find_all("最大で500件")[0].qualifiers, ["最大"]);
}

#[test]
fn ranges_give_both_ends() {
    let found = find_all("1万～2万件");
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].value, found[1].value), (10000.0, 20000.0));
    assert_eq!(found[0].unit.as_deref(), Some("件"));
    assert_eq!(found[0].range, Some(RangeEnd::From));
    assert_eq!(found[1].range, Some(RangeEnd::To));
    assert_eq!(values("1~2万件"), [10000.0, 20000.0]);
    assert_eq!(values("9,000~1万件"), [9000.0, 10000.0]);
    let ages = find_all("40歳～74歳の方");
    assert_eq!(ages.len(), 2);
    assert_eq!(ages[0].unit.as_deref(), Some("歳"));
}

#[test]
fn words_starting_with_a_counter_are_not_counters() {
    assert_eq!(find_all("4 人材派遣会社")[0].unit, None);
    assert_eq!(find_all("3 通知について")[0].unit, None);
    assert_eq!(find_all("3名様")[0].unit.as_deref(), Some("名様"));
}

#[test]
fn ordinals() {
    let m = &find_all("第５報")[0];
    assert!(m.ordinal);
    assert_eq!(m.unit.as_deref(), Some("報"));
    assert!(find_all("2件目")[0].ordinal);
    assert!(!find_all("2件")[0].ordinal);
}

#[test]
fn codes_phones_times_and_urls_are_not_numbers() {
    assert!(find_all("電話 ０１２０－１４２－９６６").is_empty());
    assert!(find_all("8:30~17:00").is_empty());
    assert!(find_all("2024/1/29").is_empty());
    assert!(find_all("ID ABC12345 と R070507.pdf").is_empty());
    assert!(find_all("https://example.jp/news/2024/0131.html").is_empty());
    assert!(find_all("version 1.2.3").is_empty());
}

#[test]
fn kanji_words_are_not_numbers() {
    for text in [
        "一部のお客様",
        "十分な対策",
        "二次被害",
        "統一",
        "万一の場合",
        "千葉県",
        "一時的",
        "お客様一人ひとり",
    ] {
        assert!(find_all(text).is_empty(), "{text}");
    }
}

#[test]
fn circled_numbers_are_not_numbers() {
    assert_eq!(values("①外来：約13万人"), [130000.0]);
}

#[test]
fn offsets_point_into_the_input() {
    let input = "件数：約１３万人";
    let m = &find_all(input)[0];
    assert_eq!(&input[m.start..m.end], "約１３万人");
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "約",
        "~",
        "1~",
        "~2",
        "第",
        "9".repeat(500).as_str(),
        "1,",
        "1.",
        "万",
        "から3件",
        "http://",
    ] {
        let _ = find_all(text);
    }
}
