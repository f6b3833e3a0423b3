use super::*;

/// (value, unit, qualifiers, text) of every expression.
fn all(text: &str) -> Vec<(f64, Option<String>, Vec<String>, String)> {
    find_all(text)
        .into_iter()
        .map(|m| (m.value, m.unit, m.qualifiers, m.span.text))
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
    assert_eq!(m.span.text, "１７１，４７２名分");
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
    assert_eq!(m.span.text, "およそ3,000人以上");
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
    assert_eq!(&input[m.span.start..m.span.end], "約１３万人");
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

#[test]
fn a_text_that_is_one_numeral_is_read_whole() {
    assert_eq!(values("七"), [7.0]);
    assert_eq!(values("〇"), [0.0]);
    assert_eq!(values("零"), [0.0]);
    assert_eq!(values("ゼロ"), [0.0]);
    assert_eq!(values(" 十 "), [10.0]);
    assert_eq!(values("九千九百九十九"), [9999.0]);
    assert_eq!(values("２０２４"), [2024.0]);
    let m = &find_all("八")[0];
    assert_eq!(
        (m.span.start, m.span.end, m.span.text.as_str()),
        (0, 3, "八")
    );
    // Strict: a malformed whole is nothing, not a part.
    assert!(find_all("三五十").is_empty());
    assert!(find_all("1千1000").is_empty());
    // In running text the same characters stay words.
    assert!(find_all("一部の方").is_empty());
    assert!(find_all("一時停止").is_empty());
    assert!(find_all("ゼロから").is_empty());
}

#[test]
fn formal_numerals() {
    assert_eq!(values("金壱萬弐阡円"), [12000.0]);
    assert_eq!(values("参拾名"), [30.0]);
    assert_eq!(values("廿"), [20.0]);
    assert_eq!(values("卅日"), [30.0]);
    assert_eq!(values("皕"), [200.0]);
    // 参 alone in a word is no number.
    assert!(find_all("参加者").is_empty());
}

#[test]
fn negative_numbers() {
    assert_eq!(values("マイナス120"), [-120.0]);
    assert_eq!(values("−1.5億"), [-150_000_000.0]);
    assert_eq!(values("-250千"), [-250_000.0]);
    assert_eq!(values("前年比 マイナス3件"), [-3.0]);
    let m = &find_all("気温は−5度")[0];
    assert_eq!((m.value, m.span.text.as_str()), (-5.0, "−5度"));
    // A hyphen between numbers or after a word is not a sign.
    assert_eq!(values("10-20件"), Vec::<f64>::new());
    assert_eq!(values("A-120"), Vec::<f64>::new());
    assert_eq!(values("- 120件"), [120.0]);
}

#[test]
fn malformed_numerals_give_nothing() {
    for text in ["1千1000件", "万1千人", "三五十名", "1万0万件"] {
        assert!(find_all(text).is_empty(), "{text}: {:?}", values(text));
    }
    // Well-formed neighbours still read.
    assert_eq!(values("1千100件"), [1100.0]);
    assert_eq!(values("三十五名"), [35.0]);
}

#[test]
fn two_part_amounts_are_one_value() {
    assert_eq!(values("1,000億 5,432万円"), [100_054_320_000.0]);
    assert_eq!(values("約2億 3,000万件"), [230_000_000.0]);
}

#[test]
fn accounting_triangles_are_minus_signs() {
    assert_eq!(values("▲300"), [-300.0]);
    assert_eq!(values("前年比△12件"), [-12.0]);
}
