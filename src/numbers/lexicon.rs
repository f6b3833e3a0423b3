//! The words around a numeral: counters (件, 名, 人 …) and qualifiers
//! (約, 最大, 延べ before; 以上, 程度, 余り after).

/// Counters, longest first so that 「名分」 wins over 「名」 and 「か月」 over
/// 「月」.
pub const COUNTERS: &[&str] = &[
    "アカウント",
    "都道府県",
    "アドレス",
    "ドメイン",
    "レコード",
    "ファイル",
    "ユーザー",
    "市区町村",
    "市町村",
    "ページ",
    "メール",
    "種類",
    "項目",
    "世帯",
    "名分",
    "件分",
    "人分",
    "名様",
    "年度",
    "年間",
    "年代",
    "ヶ月",
    "か月",
    "カ月",
    "ケ月",
    "ヵ月",
    "ヶ所",
    "か所",
    "カ所",
    "箇所",
    "週間",
    "日間",
    "時間",
    "分間",
    "団体",
    "施設",
    "店舗",
    "市町",
    "文字",
    "口座",
    "万円",
    "桁",
    "件",
    "名",
    "人",
    "通",
    "枚",
    "社",
    "台",
    "個",
    "回",
    "歳",
    "才",
    "代",
    "年",
    "月",
    "日",
    "時",
    "分",
    "秒",
    "円",
    "%",
    "倍",
    "割",
    "校",
    "店",
    "条",
    "項",
    "号",
    "頁",
    "報",
    "次",
    "部",
    "本",
    "行",
    "点",
    "者",
    "組",
    "口",
    "度",
    "番",
];

/// Words that begin with a counter but are not one (「4 人材派遣会社」,
/// 「3 通知」「1 名称」 after a heading number): the counter followed by
/// the next character.
pub const NOT_COUNTERS: &[&str] = &[
    "人材", "人事", "人権", "人件", "人員", "名称", "名義", "名簿", "名刺", "件名", "通知", "通信",
    "通常", "通り", "通販", "個人", "回答", "回収", "回線", "日本", "社内", "社外", "社員", "社長",
    "社会", "者様", "本人", "本件", "本日", "本学", "部署", "部門", "部分", "台帳", "点検", "号機",
    "月額", "年金", "時点", "分析", "分類",
];

/// Counters that may follow a number after a space (「277 アドレス」).
pub const SPACED_COUNTERS: &[&str] =
    &["アカウント", "アドレス", "ファイル", "レコード", "ドメイン"];

/// Counters a lone kanji digit may take and still read as a number
/// (「一名」「三件」); other words starting with a kanji digit (一部, 一時,
/// 十分, 二次, 一度) are not numbers.
pub const KANJI_SAFE_COUNTERS: &[&str] = &[
    "アカウント",
    "名分",
    "件分",
    "人分",
    "ヶ月",
    "か月",
    "カ月",
    "ケ月",
    "ヵ月",
    "週間",
    "日間",
    "時間",
    "年度",
    "年間",
    "件",
    "名",
    "人",
    "通",
    "枚",
    "社",
    "台",
    "個",
    "回",
    "歳",
    "年",
    "月",
    "日",
    "校",
    "条",
    "円",
];

/// Qualifiers written before a number, longest first.
pub const PREFIX_QUALIFIERS: &[&str] = &[
    "少なくとも",
    "おおよそ",
    "おおむね",
    "およそ",
    "最大で",
    "最大",
    "最小",
    "最高",
    "最低",
    "延べ",
    "のべ",
    "概ね",
    "凡そ",
    "推定",
    "約",
    "延",
];

/// Qualifiers written between a number and its counter (「1万余件」).
pub const INNER_QUALIFIERS: &[&str] = &["余", "強", "弱", "超"];

/// Qualifiers written after a number or its counter, longest first.
pub const SUFFIX_QUALIFIERS: &[&str] = &[
    "あまり",
    "以上",
    "以下",
    "未満",
    "程度",
    "前後",
    "余り",
    "ほど",
    "近く",
    "超",
    "強",
    "弱",
    "余",
];

/// Qualifiers that make a number approximate.
pub const APPROX_QUALIFIERS: &[&str] = &[
    "約",
    "およそ",
    "おおよそ",
    "概ね",
    "おおむね",
    "凡そ",
    "推定",
    "程度",
    "前後",
    "余り",
    "あまり",
    "余",
    "ほど",
    "近く",
    "強",
    "弱",
];

/// The longest word of `words` that `text` starts with.
pub fn longest_prefix(text: &str, words: &[&'static str]) -> Option<&'static str> {
    words
        .iter()
        .filter(|w| text.starts_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// The longest word of `words` that `text` ends with.
pub fn longest_suffix(text: &str, words: &[&'static str]) -> Option<&'static str> {
    words
        .iter()
        .filter(|w| text.ends_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// True when the qualifier makes a number approximate.
///
/// ```
/// use jpnotice::numbers::lexicon::is_approx;
/// assert!(is_approx("約") && is_approx("程度") && !is_approx("最大"));
/// ```
pub fn is_approx(qualifier: &str) -> bool {
    let q = qualifier.strip_suffix('で').unwrap_or(qualifier);
    APPROX_QUALIFIERS.contains(&q)
}
