//! Scope cues: does a clause say items were affected, say they were NOT
//! affected, or only give advice?
//!
//! - Negation: 「…は含まれておりません」, 「…の漏洩は確認されておりません」,
//!   「保存されておらず」, 「漏えいがなかったことを確認」 — the items written
//!   before the cue are not affected.
//! - Advice and countermeasures: 「クレジットカード番号…をお聞きすることは
//!   一切ございません」, 「パスワードの変更をお願いします」, 「不審な電話に
//!   ご注意ください」 — the items there are not data of the incident.
//! - Leak cues: 漏えい, 流出, 閲覧, おそれ, 可能性, 含まれ, 保存 … — a
//!   sentence naming items with one of them describes affected data.

use std::sync::OnceLock;

use regex::Regex;

/// A built-in pattern, compiled on first use. The patterns are constants of
/// this file; `every_built_in_pattern_compiles` below builds each one.
fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
    })
}

fn negation_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        concat!(
            "含まれ(て|てい|ては)?(おりません|いません|ません|ない|ておらず|ず)",
            "|含まれておらず|含んで(おりません|いません|おらず)|含みません|含まず|含まない([。）)\\s]|$|ため|こと|旨)",
            "|(漏え?い|漏洩|流出|漏れ)(は|も|が)?(なかった|ありません|ございません|しておりません|していません|していない|しておらず|しなかった)",
            "|(漏え?い|漏洩|流出|漏れ)(は|も|が)?(されて|して)(いない|おらず|おりません|いません)",
            "|(漏え?い|漏洩|流出|漏れ)(等)?(は|も|が)(無い|ない|無く|なく)(こと|と|。|旨|、)",
            "|(漏え?い|漏洩|流出|漏れ)の?(可能性|おそれ|恐れ|事実|形跡|痕跡)(は|も)(ございません|ありません|ない|無い|なく|無く)",
            "|(保存|保持|保有|保管|管理|記録|登録|入力)(されて|して)(おりません|いません|おらず|いない|ない)",
            "|(保存|保持|保有|保管|取得)(しておりません|しておらず|していない|されず)",
            "|取り?扱(って|い)?(おりません|いません|ない)",
            "|確認されて(おりません|いません|いない)|確認されておらず|確認できて?(おりません|いません)",
            "|対象外|対象(では|で)ありません",
            "|(との|という)?報告(は|も)(受けて)?(おりません|いません|おらず|ございません|ありません)",
            "|影響は(ございません|ありません)|該当(しません|いたしません)",
        ),
    )
}

/// Where the first negation cue of `text` starts and ends (byte offsets
/// into `text`). A cue asked as a question (「含まれていないかを確認」) is
/// none.
///
/// ```
/// use jpnotice::extract::data_items::negation::negation_cue;
/// let s = "マイナンバーは含まれておりません";
/// assert_eq!(negation_cue(s).map(|(a, _)| &s[..a]), Some("マイナンバーは"));
/// assert_eq!(negation_cue("氏名が流出しました"), None);
/// assert_eq!(negation_cue("決済情報が含まれていないかを確認"), None);
/// ```
pub fn negation_cue(text: &str) -> Option<(usize, usize)> {
    negation_cues(text).into_iter().next()
}

/// Every negation cue of `text`, in order (see [`negation_cue`]).
///
/// ```
/// use jpnotice::extract::data_items::negation::negation_cues;
/// let s = "①お客様情報は含まれていないこと、②住所、電話番号は含まれていないことを確認";
/// assert_eq!(negation_cues(s).len(), 2);
/// ```
pub fn negation_cues(text: &str) -> Vec<(usize, usize)> {
    negation_regex()
        .find_iter(text)
        .filter(|m| !asks(&text[m.end()..]))
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Where a negation asked as a question starts (「…が含まれていないかを
/// 確認」): the items before it are neither affected nor cleared.
///
/// ```
/// use jpnotice::extract::data_items::negation::question_cue;
/// assert!(question_cue("マイナンバーが含まれていないかを優先して確認").is_some());
/// assert!(question_cue("マイナンバーは含まれておりません").is_none());
/// ```
pub fn question_cue(text: &str) -> Option<usize> {
    negation_regex()
        .find_iter(text)
        .find(|m| asks(&text[m.end()..]))
        .map(|m| m.start())
}

/// The text after a negation makes it a question: 「…ないか」 (not 「から」).
fn asks(after: &str) -> bool {
    after.starts_with('か') && !after.starts_with("から")
}

/// Where the last clause of `before` starts (byte offset): after a
/// contrast or a new sentence (「…流出しましたが、」「なお、」「。」), so a
/// negation that follows covers only its own clause.
///
/// ```
/// use jpnotice::extract::data_items::negation::clause_start;
/// let s = "氏名が流出しましたが、カード情報は";
/// assert_eq!(&s[clause_start(s)..], "カード情報は");
/// ```
pub fn clause_start(before: &str) -> usize {
    const BOUNDARIES: [&str; 10] = [
        "で、",
        "ましたが、",
        "ませんが、",
        "ますが、",
        "ですが、",
        "ものの、",
        "ものの",
        "一方、",
        "なお、",
        "。",
    ];
    BOUNDARIES
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0)
}

/// True when a clause names credentials as the means of an attack, not as
/// data lost (ANNOTATION.md): 「他のサービスから流出したIDとパスワードを用いた
/// リスト型攻撃」, 「ログインの試行に用いられたIDとパスワード」.
///
/// ```
/// use jpnotice::extract::data_items::negation::credential_vector;
/// assert!(credential_vector("ログインに用いられたIDとパスワードは、他のサービスから流出したもの"));
/// assert!(!credential_vector("会員のID、パスワードが流出した可能性があります"));
/// assert!(credential_vector("メールのID・パスワードの悪用を起因とした不正アクセス"));
/// assert!(credential_vector("ID・パスワードは、他社が提供するサービスから漏洩し"));
/// ```
pub fn credential_vector(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        concat!(
            "リスト(型)?攻撃|リストアタック|クレデンシャルスタッフィング",
            "|(他|別|外部)(の|社の)?(サービス|サイト)(から|で|において)",
            "|(ログイン|試行|攻撃|不正アクセス)(に|で)(用い|使用|利用|悪用)(され|し)た",
            "|他社(が提供する|の)(サービス|サイト)|(悪用|利用|使用)を起因|(漏え?い|漏洩|流出)したことで",
        ),
    );
    re.is_match(text)
}

/// True when the clause is advice, a warning about secondary damage or a
/// countermeasure, whose items are not data of the incident.
///
/// ```
/// use jpnotice::extract::data_items::negation::is_advice;
/// assert!(is_advice("当社からクレジットカード番号やパスワードをお聞きすることは一切ございません"));
/// assert!(is_advice("同じパスワードをご利用の場合は変更をお願いいたします"));
/// assert!(!is_advice("氏名、住所が流出した可能性があります"));
/// ```
pub fn is_advice(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        concat!(
            "お(聞き|尋ね|伺い)|伺う|聞き出|一切(ございません|ありません)",
            "|ご?(注意|留意)(ください|いただ|願)|ご注意|十分に?(注意|ご注意)",
            "|ください|お願い(いた)?します|お願い申し上げ|お願いいたし|推奨",
            "|使い回|推測|設定しない|変更(して|を行って|いただ|され|する)|再設定|リセット",
            "|騙る|かたる|なりすまし|フィッシング|詐欺|不審な|悪用",
            "|再発防止|対策を|強化|お問い?合わせ|問合せ|窓口|受付(時間|窓口|日時|期間|を)|ご連絡先",
        ),
    );
    re.find_iter(text)
        .any(|m| !is_inquiry_data(m.as_str(), &text[m.end()..]))
}

/// The data-item cues of one kind from `dictionaries/data-item-cues.tsv`,
/// as one pattern anchored at the start of the text.
fn cue_regex(cell: &'static OnceLock<Regex>, kind: &str) -> &'static Regex {
    const CUES: &str = include_str!("../../../dictionaries/data-item-cues.tsv");
    cell.get_or_init(|| crate::cues::pattern(CUES, "dictionaries/data-item-cues.tsv", kind, true))
}

/// Whether an advice match is an inquiry that is the source of the data
/// (「お問い合わせフォームで送信された氏名」), not a contact line: the
/// inquiry word `word` followed by an `inquiry-data` cue in `after`.
///
/// ```
/// use jpnotice::extract::data_items::negation::is_advice;
/// assert!(!is_advice("お問い合わせフォームから送信された氏名、電話番号が閲覧された可能性"));
/// assert!(is_advice("下記窓口までお問い合わせください"));
/// ```
fn is_inquiry_data(word: &str, after: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    word.contains('合') && cue_regex(&RE, "inquiry-data").is_match(after)
}

/// True when the clause says something happened to the data it names:
/// leaked, possibly leaked, viewable, contained in or stored on what was
/// compromised.
///
/// ```
/// use jpnotice::extract::data_items::negation::has_leak_cue;
/// assert!(has_leak_cue("氏名及び所属が漏洩の可能性を否定できない"));
/// assert!(has_leak_cue("お名前、ご住所、電話番号が閲覧可能な状態"));
/// assert!(!has_leak_cue("ご登録の電話番号から認証してください"));
/// ```
pub fn has_leak_cue(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &RE,
        concat!(
            "漏え?い|漏洩|漏れ|流出|閲覧|おそれ|恐れ|可能性|含ま|含む|含ん",
            "|保存|保管|格納|残存|窃取|奪取|盗|暗号化|参照|公開|紛失|盗難",
            "|誤送|誤って|誤配|誤表示|表示され|見られる|アクセス可能|取得され|抜き取",
        ),
    );
    re.is_match(text)
}

/// True when a heading (or a short lead-in line) announces the list of
/// affected items: 「漏えいしたおそれのある個人情報の項目」, 「含まれていた
/// 個人情報」, 「流出した可能性のあるデータは以下の通りです」.
///
/// ```
/// use jpnotice::extract::data_items::negation::announces_items;
/// assert!(announces_items("2. 漏えいしたおそれのある個人情報の項目"));
/// assert!(announces_items("(3)項目"));
/// assert!(announces_items("2. 漏えい等が発生したおそれがある個人データの項目"));
/// assert!(!announces_items("(3)二次被害のおそれ"));
/// assert!(!announces_items("4. お客様へのお願い"));
/// assert!(!announces_items("漏えいの可能性がある利用者アカウント数"));
/// assert!(announces_items("2. 漏えい等が発生した情報"));
/// assert!(announces_items("2. 調査により判明した項目"));
/// assert!(announces_items("2. 影響範囲(件数・項目)"));
/// assert!(announces_items("２、不正アクセスされた情報"));
/// assert!(announces_items("【外部者がアクセス可能な状況となった個人情報】６月３日現在"));
/// assert!(announces_items("2. 情報漏えいが発生またはそのおそれがある個人情報(11月27日時点)"));
/// ```
pub fn announces_items(text: &str) -> bool {
    static CUE: OnceLock<Regex> = OnceLock::new();
    static NOT: OnceLock<Regex> = OnceLock::new();
    static ADVICE: OnceLock<Regex> = OnceLock::new();
    let cue = regex(
        &CUE,
        concat!(
            "項目|漏え?い|漏洩|流出|おそれ|恐れ|可能性|含まれ|奪取|窃取|閲覧",
            "|対象(となる|となった|となり得る|の)?(個人)?情報|個人情報の(内容|種類|種別|範囲|内訳)",
            "|データの内訳|情報の内訳|(保存|保管|格納|蓄積|記録|登録)されていた|保有していた|影響を受けた|影響の?範囲",
            "|不正(に)?アクセスされた|アクセス可能な(状態|状況)となった",
        ),
    );
    let not = regex(
        &NOT,
        "二次被害|お願い|注意|対策|防止|問い|問合|窓口|経緯|原因|対応|今後|概要|発生|状況|判明|時系列|お詫び|数$|件数|人数",
    );
    static STRONG: OnceLock<Regex> = OnceLock::new();
    // The statutory heading 「漏えい等が発生し、又は発生したおそれがある
    // 個人データの項目」 names 発生 but is a list of items.
    let strong = regex(
        &STRONG,
        "(データ|情報)の項目|項目[)）】>]?$|(漏え?い|漏洩|流出|含まれ|窃取|奪取|閲覧)[^。]*(情報|データ|項目|内容|内訳|種類)(等|など)?(について|一覧)?[)）】>]?$",
    );
    // Headings that combine the items with a summary or the course of
    // events (「概要・流出したおそれがある個人情報」) are no list of items.
    let advice = regex(
        &ADVICE,
        "二次被害|お願い|注意|対策|防止|問い|問合|窓口|概要|経緯|原因|対応|今後|状況|時系列",
    );
    // A trailing date or count in brackets (「…個人情報（11月27日時点）」)
    // does not change what the heading announces.
    let core = strip_trailing_bracket(text);
    if (strong.is_match(text) || strong.is_match(core)) && !advice.is_match(core) {
        return true;
    }
    // 「アクセス可能な状況となった個人情報」 names the data's state, not a
    // heading on the state of affairs (状況).
    const STATE: &str = "アクセス可能な状況";
    let other_topic = if text.contains(STATE) {
        not.is_match(&text.replace(STATE, "アクセス可能"))
    } else {
        not.is_match(text)
    };
    cue.is_match(text) && !other_topic
}

/// A text without one bracketed note at its end: 「…個人情報（11月27日時点）」
/// → 「…個人情報」.
///
/// ```
/// use jpnotice::extract::data_items::negation::strip_trailing_bracket;
/// assert_eq!(strip_trailing_bracket("株主の個人情報(5,482名)"), "株主の個人情報");
/// assert_eq!(strip_trailing_bracket("個人情報"), "個人情報");
/// ```
pub fn strip_trailing_bracket(text: &str) -> &str {
    let t = text.trim_end();
    if !t.ends_with([')', '）']) {
        return t;
    }
    match t.rfind(['(', '（']) {
        Some(open) if open > 0 => t[..open].trim_end(),
        _ => t,
    }
}

/// Inline list labels (see [`list_label_end`]): the reference pattern,
/// which [`list_label_end`] runs as its two branches.
#[cfg(test)]
const LABEL_PATTERN: &str = concat!(
    "(項目|個人情報の(種類|種別|内容|範囲|内訳)|情報の(種類|種別|内容|範囲|内訳)|情報(種類|種別)",
    "|(漏え?い|漏洩|流出)(した|の可能性のある|のおそれのある)(個人)?情報",
    "|対象(となる)?(個人)?情報|データの内訳)\\s*(:|：|\\s)\\s*",
    "|^[^、。:：]{0,16}(情報|データ)\\s*[:：]\\s*",
);

/// A label word anywhere: 「項目」, 「個人情報の種類」, 「漏えいした情報」…
/// followed by a colon or a space (literal prefixes, so the regex skips
/// ahead quickly).
const NAMED_LABEL: &str = concat!(
    "(項目|個人情報の(種類|種別|内容|範囲|内訳)|情報の(種類|種別|内容|範囲|内訳)|情報(種類|種別)",
    "|(漏え?い|漏洩|流出)(した|の可能性のある|のおそれのある)(個人)?情報",
    "|対象(となる)?(個人)?情報|データの内訳)\\s*(:|：|\\s)\\s*",
);

/// A short 「…情報:」 or 「…データ:」 opening the text.
const OPENING_LABEL: &str = "^[^、。:：]{0,16}(情報|データ)\\s*[:：]\\s*";

/// Words of which every label [`list_label_end`] finds holds one.
const LABEL_WORDS: [&str; 6] = ["項目", "情報", "データ", "漏", "流出", "対象"];

/// The end of an inline label that introduces a list of items, such as
/// 「項目：」, 「個人情報の種類　」, 「情報の項目：」 (byte offset into `text`).
///
/// ```
/// use jpnotice::extract::data_items::negation::list_label_end;
/// let s = "項目：当院の患者ID、氏名";
/// assert_eq!(list_label_end(s).map(|e| &s[e..]), Some("当院の患者ID、氏名"));
/// assert_eq!(list_label_end("氏名が流出"), None);
/// ```
pub fn list_label_end(text: &str) -> Option<usize> {
    // The anchored branch gives the pattern no literal prefix, so the
    // regex would scan every piece; every alternative holds one of these
    // words, which plain substring searches find much faster.
    // Both branches also need a colon or a space after the label.
    if !LABEL_WORDS.iter().any(|w| text.contains(w))
        || !text
            .chars()
            .any(|c| c == ':' || c == '：' || c.is_whitespace())
    {
        return None;
    }
    static NAMED: OnceLock<Regex> = OnceLock::new();
    static OPENING: OnceLock<Regex> = OnceLock::new();
    // The leftmost match of the two branches, the first branch winning at
    // the same start (as in one pattern `NAMED|OPENING`, whose second
    // branch can only start at 0).
    let named = regex(&NAMED, NAMED_LABEL).find(text);
    match named {
        Some(m) if m.start() == 0 => Some(m.end()),
        _ => regex(&OPENING, OPENING_LABEL)
            .find(text)
            .or(named)
            .map(|m| m.end()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_built_in_pattern_compiles() {
        // Texts that reach every pattern of this file, including the ones
        // behind an earlier test in the same function.
        for text in [
            "氏名、住所の漏えいは確認されておりません",
            "氏名が流出したおそれがあります",
            "以下の情報が含まれていないかを確認しました",
            "パスワードの変更をお願いします",
            "他のサービスから流出したIDとパスワードが使われました",
            "漏えいした可能性のある情報：氏名、住所（以下のとおり）",
            "対象となる情報",
        ] {
            let _ = super::negation_cues(text);
            let _ = super::question_cue(text);
            let _ = super::clause_start(text);
            let _ = super::credential_vector(text);
            let _ = super::is_advice(text);
            let _ = super::has_leak_cue(text);
            let _ = super::announces_items(text);
            let _ = super::strip_trailing_bracket(text);
            let _ = super::list_label_end(text);
        }
    }

    use super::*;

    #[test]
    fn negation_forms() {
        for s in [
            "人名データは含まれません",
            "クレジットカード情報は当社サーバーには保存されておらず",
            "マイナンバーカード情報の漏洩は、現時点で確認されておりません",
            "住所については、漏えいがなかったことを確認しております",
            "決済情報は保持されていないため",
            "当社のメールアドレスやメール履歴などの情報漏えいは無いことが確認できております",
            "電子メールの内容が流出したとの報告は受けておりません",
        ] {
            assert!(negation_cue(s).is_some(), "{s}");
        }
    }

    #[test]
    fn leak_cue_is_not_advice() {
        assert!(!is_advice("氏名、電話番号が漏えいしたおそれがあります"));
        assert!(is_advice("不審な電話にはご注意ください"));
    }

    #[test]
    fn label_words_cover_every_label() {
        let re = Regex::new(LABEL_PATTERN).expect("valid");
        // One label per alternative of the pattern.
        for s in [
            "項目:氏名",
            "個人情報の種類 氏名",
            "情報の内訳:氏名",
            "漏えいした個人情報:氏名",
            "漏いの可能性のある情報 氏名",
            "漏洩のおそれのある個人情報:氏名",
            "流出した情報:氏名",
            "対象となる個人情報:氏名",
            "データの内訳:氏名",
            "お客様データ:氏名",
            "お客様情報:氏名、項目 住所",
            "項目 お客様情報:氏名",
            "会員情報 項目:氏名",
        ] {
            assert!(list_label_end(s).is_some(), "{s}");
            let expected = re.find(s).map(|m| m.end());
            assert_eq!(list_label_end(s), expected, "{s}");
        }
        let Some(texts) = crate::test_support::archive_texts() else {
            return;
        };
        let mut labels = 0;
        for text in &texts {
            let doc = crate::Document::new(text);
            let pieces = doc.text().lines().chain(doc.text().split_inclusive('。'));
            for piece in pieces {
                let expected = re.find(piece).map(|m| m.end());
                assert_eq!(list_label_end(piece), expected, "{piece}");
                labels += usize::from(expected.is_some());
            }
        }
        assert!(labels > 100, "{labels} labels in the archive");
    }

    #[test]
    fn labels() {
        let s = "個人情報の種類　氏名、性別";
        assert_eq!(list_label_end(s).map(|e| &s[e..]), Some("氏名、性別"));
    }
}
