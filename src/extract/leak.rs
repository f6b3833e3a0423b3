//! Leak status: whether the notice says data leaked, may have leaked, or
//! that no leak was found.
//!
//! Leak words (漏えい, 漏洩, 流出, 外部へ送信, 窃取, 閲覧された, リークサイトに
//! 公開 …) are read in the title and narrative sentences (not in advice or
//! countermeasures), each with its clause:
//! - `possible`: a possibility marker (おそれ, 可能性, 否定できない, 懸念,
//!   「漏えい又はそのおそれ」) or a merely viewable state (閲覧可能な状態);
//! - `confirmed`: a leak stated as fact (「流出しました」「漏えいしたことを確認」
//!   「漏洩した個人情報」), not denied, with no possibility marker;
//! - `not_found`: a denial about leakage itself (「流出は確認されておりません」).
//!   「不正利用等の被害は確認されておりません」 alone says nothing about
//!   leakage.
//!
//! Refinements: 「漏洩し、一部が不正利用された可能性」 and 「漏えい及びその
//! おそれ」 state a leak (confirmed); 「流出したと思われる」, 「流出したかどうか
//! 特定には至らなかった」 and a denial followed by 「その可能性を否定できるもの
//! ではない」 are possible; 「可能性について、…」 as a topic, a follow-up
//! report's title, 「判明しましたら」, 「流出した事実があるかを確認」 and
//! money (資金を流出) say nothing.
//!
//! Statements also count in the clause that leads a request (「流出したとの
//! 報告は受けておりませんが、…ご注意ください」); a bare denial under a leak
//! heading (【情報漏洩に関して】 「現時点で確認されておりません」), a possibility
//! judged low (「可能性は極めて低い」), 「漏洩の心配はございません」 and 「調査中
//! ですが、現時点では確認されておりません」 are not_found; data shown to other
//! users by mistake is confirmed; 「流出の有無…断定が困難」 and 「流出した
//! 情報の範囲は調査中」 are possible; 「可能性については、…調査を継続」 says
//! nothing. When nothing else is said, a title naming a leak (「個人情報
//! 漏洩に関するお詫び」) states it.
//!
//! The first that applies wins: confirmed, possible, not_found, none_stated.
//!
//! ```
//! use jpnotice::extract::leak::{extract, LeakStatus};
//! let doc = jpnotice::Document::new("個人情報が流出したおそれがあります。なお、不正利用は確認されておりません。");
//! assert_eq!(extract(&doc), Some(LeakStatus::Possible));
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::extract::sentences::{Mood, Section, Sentence, mood, negated_after};

/// What the notice says about leakage; the first that applies wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakStatus {
    /// A leak or exposure is stated as fact.
    Confirmed,
    /// A leak is possible (おそれ, 可能性, 否定できない).
    Possible,
    /// The notice only says no leak was found.
    NotFound,
    /// Nothing is said about leakage.
    NoneStated,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

/// Leak words.
static LEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"漏えい|漏洩|漏れ|流出|流失|(?:情報|記録|データ)(?:の|が)侵害|外部(?:へ|に)(?:送信|持ち出)|持ち出|売却|窃取|奪取|盗取|盗み出|抜き取|閲覧され|閲覧された|取得(?:（[^）]{0,20}）|\([^)]{0,20}\))?され|リークサイト|ダークウェブ|暴露|外部に公開され|インターネット上に公開され|第三者に(?:提供|売却)",
    )
});

/// Personal data accessed by a third party (C9): as fact (「個人データに
/// アクセスされたことを確認」) confirmed, as a possibility (「個人情報等に
/// アクセスされたおそれ」) possible. Access to a system alone says nothing.
static ACCESSED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:個人情報|顧客情報|お客様情報|お客さま情報|会員情報|個人データ|患者情報)(?:等)?(?:の一部)?(?:に|へ)(?:対して)?、?(?:第三者が|第三者により|外部から|不正に)?(?:不正)?アクセスされた(?:(?:可能性|おそれ|恐れ)|(?P<fact>ことを確認|ことが確認|ことが判明|事実を確認|事実が判明))",
    )
});

/// A merely viewable state is a possible leak.
static VIEWABLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:閲覧|アクセス|ダウンロード)(?:が)?可能な状態|(?:閲覧|アクセス)できる状態|閲覧(?:され|し)た可能性",
    )
});

static POSSIBLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"おそれ|恐れ|可能性|否定でき|否定する(?:まで)?には至|否定しきれ|完全には否定|否定出来|否定することはでき|否定することができ|懸念|かもしれ|疑い|可能性|断定できな|特定できな|又はそのおそれ",
    )
});

/// A leak stated as a past event.
static FACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:し[、たてま]|いたし|され[、たて]|させ|を確認|が確認|が判明|が発生|が起き|の事実が|が生じ|された)",
    )
});

/// Sentence-level signs that a leak word is not a stated event: a
/// condition, a purpose, a countermeasure noun.
static NOT_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:対策|防止|を防|等の防止|した場合|する場合|しないよう|させないよう|の防止|リスク|事故防止)",
    )
});

/// Classifies the leak status.
pub fn extract(doc: &Document) -> Option<LeakStatus> {
    Some(classify(doc.sentences()))
}

/// Classifies already split sentences (see [`extract`]): the strongest
/// status stated, Confirmed before Possible before NotFound. The scan stops
/// at the first Confirmed statement.
pub fn classify(sentences: &[Sentence]) -> LeakStatus {
    let order = [
        LeakStatus::Confirmed,
        LeakStatus::Possible,
        LeakStatus::NotFound,
    ];
    let mut seen = [false; 3];
    statements(sentences, |status, _, _| {
        if let Some(i) = order.iter().position(|s| *s == status) {
            seen[i] = true;
        }
        status != LeakStatus::Confirmed
    });
    order
        .into_iter()
        .zip(seen)
        .find_map(|(status, seen)| seen.then_some(status))
        .unwrap_or(LeakStatus::NoneStated)
}

/// Every leak statement with its status and sentence (the cue in 【】).
///
/// ```
/// use jpnotice::extract::{leak, sentences};
/// let s = sentences::split_text("情報の流出は確認されておりません。");
/// assert_eq!(leak::evidence(&s)[0].0, leak::LeakStatus::NotFound);
/// ```
pub fn evidence(sentences: &[Sentence]) -> Vec<(LeakStatus, String)> {
    let mut out = Vec::new();
    statements(sentences, |status, text, cue| {
        out.push((status, format!("{text}【{cue}】")));
        true
    });
    out
}

/// Calls `found` with each leak statement in text order (its status, the
/// sentence and the cue) until `found` returns false.
fn statements(sentences: &[Sentence], mut found: impl FnMut(LeakStatus, &str, &str) -> bool) {
    let any = std::cell::Cell::new(false);
    let mut found = |status: LeakStatus, text: &str, cue: &str| {
        any.set(true);
        found(status, text, cue)
    };
    let in_scope = |s: &&Sentence| matches!(s.section, Section::Header | Section::Narrative);
    let mut topic_heading = false;
    for s in sentences.iter().filter(in_scope) {
        // 「【情報漏洩に関して】」 then 「現時点で確認されておりません」: the
        // heading names the topic the bare denial is about.
        let after_topic = std::mem::replace(&mut topic_heading, leak_topic_heading(s));
        let statement;
        let s = if s.mood == Mood::Request {
            match statement_before_request(s) {
                Some(head) => {
                    statement = head;
                    &statement
                }
                None => continue,
            }
        } else {
            s
        };
        let text = s.text.as_str();
        if after_topic
            && !s.is_heading
            && !LEAK.is_match(text)
            && BARE_DENIAL.is_match(text)
            && !found(LeakStatus::NotFound, text, "topic heading")
        {
            return;
        }
        if let Some(m) = text
            .contains("表示")
            .then(|| MISDISPLAYED.find(text))
            .flatten()
            .filter(|m| !negated_after(text, m.end()) && !shown_possibly(&text[m.end()..]))
            && !s.is_heading
            && !found(LeakStatus::Confirmed, text, m.as_str())
        {
            return;
        }
        if MISDELIVERED
            .find(text)
            .is_some_and(|m| !negated_after(text, m.end()))
            && !s.is_heading
            && !found(LeakStatus::Confirmed, text, "misdelivery")
        {
            return;
        }
        if let Some(c) = ACCESSED.captures(text)
            && let Some(m) = c.get(0)
            && !negated_after(text, m.end())
        {
            let status = if c.name("fact").is_some() {
                LeakStatus::Confirmed
            } else {
                LeakStatus::Possible
            };
            if !found(status, text, m.as_str()) {
                return;
            }
        }
        if let Some(m) = VIEWABLE
            .find(text)
            .filter(|m| !negated_after(text, m.end()))
            && !found(LeakStatus::Possible, text, m.as_str())
        {
            return;
        }
        for m in LEAK.find_iter(text) {
            if let Some(status) = judge(s, m.start(), m.end())
                && !found(status, text, m.as_str())
            {
                return;
            }
        }
    }
    // 「個人情報の漏えいに関するお詫び」 with a body that says nothing more
    // about leakage: the title states the leak.
    if !any.get()
        && let Some(title) = sentences
            .iter()
            .find(|s| s.section == Section::Header && TITLE_LEAK.is_match(&s.text))
        && !TITLE_HEDGE.is_match(&title.text)
    {
        found(LeakStatus::Confirmed, &title.text, "title");
    }
}

/// A title naming a leak of data as its subject: 「個人情報漏洩に関するご報告」
/// 「お客さま情報の流出についてのお詫び」.
static TITLE_LEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:情報|データ|名簿)[^。、]{0,6}?(?:の)?(?:漏えい|漏洩|流出)(?:等)?(?:事案|事故)?(?:に関する|に関して|に関しまして|について|のお詫び|のご報告|のお知らせ|が発生|の発生)",
    )
});

/// Title words that make its leak a possibility, a question or a warning.
static TITLE_HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"おそれ|恐れ|可能性|懸念|疑い|有無|防止|注意|かたる|騙る|装った|資金|なりすまし")
});

/// 「…流出したとの報告は受けていませんが、…にご注意いただきますよう
/// お願いいたします」: the statement that leads a request sentence, up to
/// its last 「が、」, if that part is not a request itself.
fn statement_before_request(s: &Sentence) -> Option<Sentence> {
    static CUT: LazyLock<Regex> = LazyLock::new(|| re(r"(?:が|ので|ため|ことから)、"));
    let cut = CUT.find_iter(&s.text).last()?;
    let head = &s.text[..cut.start()];
    (mood(head) == Mood::Statement).then(|| Sentence {
        text: head.to_string(),
        mood: Mood::Statement,
        ..s.clone()
    })
}

/// A heading whose topic is leakage: 「【情報漏洩に関して】」
/// 「■個人情報の流出について」.
fn leak_topic_heading(s: &Sentence) -> bool {
    static T: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:漏えい|漏洩|流出)(?:の有無|の状況|の可能性)?(?:に関して|について|につきまして|に関する(?:状況|調査結果|ご報告))[】\])」]?$",
        )
    });
    s.is_heading && T.is_match(&s.text)
}

/// A sentence that only denies, its subject left to the heading above:
/// 「現時点で確認されておりません」「現在のところ、確認されていません」.
static BARE_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:現時点|現在|現段階|これまで|調査の結果)?(?:で|において|のところ|まで)?(?:は)?、?(?:確認|認め|検知)(?:は|も)?(?:され|でき|られ)?(?:て)?(?:おりません|いません|ませんでした|ておらず|おらず)",
    )
});

/// Personal data shown to other users by mistake is exposed as a fact:
/// 「他の会員の氏名が誤って表示される事象が発生しました」.
static MISDISPLAYED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:他の|別の)(?:お客|会員|利用者|ユーザ|患者|顧客|申込者)[^。]{0,60}?(?:誤って|誤)?表示(?:され(?:る|た|てい)|されま)",
    )
});

/// 「…表示される可能性があります」: a display that may happen.
fn shown_possibly(after: &str) -> bool {
    static P: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^。、]{0,12}?(?:可能性|おそれ|恐れ|場合|かもしれ)"));
    P.is_match(after)
}

/// 「漏えいの可能性は非常に低いと判断しています」: a possibility judged low
/// reads as no leak found.
fn low_possibility(after: &str) -> bool {
    static L: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:した|された|の)?(?:可能性|おそれ|恐れ|リスク)(?:は|も)(?:非常に|極めて|きわめて|ごく|十分に)?(?:低い|低く|小さい|小さく|ほぼな|ほぼありません|ほとんどな)",
        )
    });
    L.is_match(after)
}

/// 「漏洩の心配はございません」「漏洩リスクはございません」: no leak, said
/// another way.
fn no_worry(after: &str) -> bool {
    static W: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:の)?(?:心配|リスク|危険)(?:性)?(?:は|も)(?:一切)?(?:ございません|ありません|ない|無い|なく)",
        )
    });
    W.is_match(after)
}

/// 「情報漏えいの事実については現在調査中ですが、現時点においては確認されて
/// おりません」: an investigation that has found nothing so far.
fn investigating_none_found(after: &str) -> bool {
    static N: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[^。]{0,40}?(?:調査中|確認中|調査(?:を)?(?:行っ|継続し|進め|実施し)て(?:おり|い)ます|調査しております)(?:です|でございます)?が、(?:現時点|現在|現段階|これまで)(?:において|で|のところ|まで)?(?:は)?、?(?:その(?:事実|痕跡|形跡)(?:は|も))?(?:確認|検出|発見)(?:され|でき)(?:て)?(?:おりません|いません|ておらず|ませんでした)",
        )
    });
    N.is_match(after)
}

/// 「流出したデータの内容や件数については、現在調査中です」: the extent of
/// a leak under investigation, not a leak stated as fact.
fn extent_under_investigation(after: &str) -> bool {
    static E: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:した|された)(?:データ|情報|個人情報|ファイル|内容)(?:の)?[^。有]{0,20}?(?:については|について|に関して|は|を)、?[^。]{0,15}?(?:調査中|確認中|精査中|特定中|(?:調査|確認|特定|精査)(?:を)?(?:継続|進め|行っ|し)て)",
        )
    });
    E.is_match(after)
}

/// 「データ流出の有無については、…最終的な断定が困難である」: whether data
/// leaked cannot be settled, so a leak stays possible.
fn undecidable(after: &str) -> bool {
    static U: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[^。]*?(?:断定|特定|判断|判別)(?:すること|するの)?(?:が|は|には)?(?:困難|不可能|できない|できません|至らなかった|至りませんでした)",
        )
    });
    U.is_match(after)
}

/// 「有無」 in the cue's own clause, between the 「、」 before it and the
/// 「、」 or 「。」 after it.
fn whether_clause(before: &str, after: &str) -> bool {
    let head = before
        .rfind('、')
        .map_or(before, |p| &before[p + '、'.len_utf8()..]);
    let tail = after.split(['、', '。']).next().unwrap_or("");
    head.contains("有無") || tail.contains("有無")
}

/// The status one leak word gives, if any.
fn judge(s: &Sentence, start: usize, end: usize) -> Option<LeakStatus> {
    let text = s.text.as_str();
    let after = &text[end..];
    if NOT_EVENT.is_match(after)
        || conditional(&text[..start], after)
        || outgoing_mail(&text[..start], after)
        || FUTURE_ADDRESSEE.is_match(after)
    {
        return None;
    }
    let clause = clause_of(text, start, end);
    if not_data(&text[..start])
        || open_question(after)
        || after.starts_with("件数")
        || credential_list(after)
    {
        return None;
    }
    if hedged(after) || extent_under_investigation(after) {
        return Some(LeakStatus::Possible);
    }
    if low_possibility(after) || no_worry(after) || investigating_none_found(after) {
        return Some(LeakStatus::NotFound);
    }
    if clause.contains("かどうか") || clause.contains("か否か") {
        return undetermined(clause).then_some(LeakStatus::Possible);
    }
    // 「流出の有無については」: whether, not that; a 「有無」 in a later
    // clause (「…可能性について否定できない状況にあり、…有無について調査」)
    // belongs to that clause.
    let whether = whether_clause(&text[..start], after);
    if whether && undecidable(after) {
        return Some(LeakStatus::Possible);
    }
    if whether || reported_later(after) {
        return None;
    }
    if POSSIBLE.is_match(after) && possibility_is_topic(after)
        || investigating(clause) && possibility_follows(after)
    {
        return None;
    }
    if both_leaked_and_possible(&text[..start], after) {
        return Some(LeakStatus::Confirmed);
    }
    if damage_from_leak(after) {
        return None;
    }
    if negated_after(text, end) || denied_later(after) {
        let own = own_clause(&text[..start], after);
        let possible = POSSIBLE.is_match(own) && !denies_possibility(own);
        return if possible || possibility_kept_open(after) {
            Some(LeakStatus::Possible)
        } else {
            Some(LeakStatus::NotFound)
        };
    }
    if fact_then_other_possibility(after) {
        return Some(LeakStatus::Confirmed);
    }
    if POSSIBLE.is_match(clause) && !investigating(clause) || text[..start].ends_with("又は") {
        // A section heading 「情報漏洩の可能性について」 only names a topic.
        let topic_only = s.is_heading
            && (s.section != Section::Header && topic_heading(&s.text)
                || s.section == Section::Header && follow_up_title(&s.text));
        return (!topic_only).then_some(LeakStatus::Possible);
    }
    let fact = FACT.is_match(after) && (!s.is_heading || heading_states_fact(after));
    fact.then_some(LeakStatus::Confirmed)
}

/// A body heading that names a topic: 「情報漏洩の可能性について」
/// 「4.原因および情報漏えいの可能性」.
fn topic_heading(text: &str) -> bool {
    let t = text.trim_end_matches(['】', ']', ')', '」', '■']);
    ["について", "に関して", "可能性", "おそれ", "恐れ"]
        .iter()
        .any(|end| t.ends_with(end))
}

/// 「情報漏えいの可能性に関するお知らせ(続報)」: a follow-up report's title
/// repeats the first report's topic; the body says what was found.
fn follow_up_title(title: &str) -> bool {
    static F: LazyLock<Regex> =
        LazyLock::new(|| re(r"続報|最終報|第[2-9二三四五六七八九]報|調査結果"));
    F.is_match(title)
}

/// 「…痕跡は確認されておりませんが、その可能性を完全に否定できるものでは
/// ありません」: the denial is followed by a kept-open possibility.
fn possibility_kept_open(after: &str) -> bool {
    static K: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[^。]*?その(?:可能性|おそれ|恐れ)[^。]{0,10}(?:否定|排除)(?:できる|する|し切れる)?(?:もの|わけ|こと)?(?:では|は)(?:ありませ|ござい|な)",
        )
    });
    K.is_match(after)
}

/// 「資金を流出させる」: money, not data.
fn not_data(before: &str) -> bool {
    static M: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:資金|金銭|現金|預金|売上金)(?:を|が|の)?$"));
    M.is_match(before)
}

/// 「情報流出による二次被害は確認されておりません」: a statement about the
/// damage a leak would cause, not about leakage itself.
fn damage_from_leak(after: &str) -> bool {
    static D: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:等)?(?:による|に伴う|に起因する|を原因とする)(?:二次被害|二次的な被害|被害|不正利用)",
        )
    });
    D.is_match(after)
}

/// 「流出しているメールアドレスとパスワードのリストを用いた攻撃」: credentials
/// leaked elsewhere, the attacker's tool, not this notice's leak.
fn credential_list(after: &str) -> bool {
    static C: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:し|され)(?:て|てい|た)?る?(?:可能性のある)?(?:ID|メールアドレス|パスワード|アカウント|認証情報|ログイン情報)[^。]{0,20}?(?:リスト|組み合わせ)",
        )
    });
    C.is_match(after)
}

/// 「流出した事実があるかを確認」: an open question, not a statement.
fn open_question(after: &str) -> bool {
    static Q: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[^。、]{0,20}?(?:がある|がない|した|された|していない)か(?:を|に|について|の確認|、)")
    });
    Q.is_match(after)
}

/// 「流出したと思われるデータ」: a hedged leak is a possible one.
fn hedged(after: &str) -> bool {
    static H: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:した|された|している)(?:もの)?と(?:思われ|みられ|見られ|推測され|推定され|考えられ)",
        )
    });
    H.is_match(after)
}

/// 「流出した可能性について調査を行いました」: the possibility right after
/// the leak word.
fn possibility_follows(after: &str) -> bool {
    static P: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:した|された|の)?(?:可能性|おそれ|恐れ)"));
    P.is_match(after)
}

/// 「流出したかどうか特定するには至らなかった」: a leak that could not be
/// ruled out is possible.
fn undetermined(clause: &str) -> bool {
    static U: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:特定|判明|断定|確認|判断)[^。]{0,10}(?:至らな|いたらな|至ってお(?:りませ|らず)|いたってお(?:りませ|らず)|できな|できませ|できてお(?:りませ|らず))",
        )
    });
    U.is_match(clause)
}

/// 「漏洩の可能性、影響範囲等が判明しましたら」「漏えいの有無が確認でき次第」:
/// something to be reported later, not a statement.
fn reported_later(after: &str) -> bool {
    static L: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[^。]{0,30}?(?:判明|確認|特定|明らかにな)(?:し|でき|され|り)?(?:ましたら|ましたなら|次第|たら)",
        )
    });
    L.is_match(after)
}

/// 「漏えいした可能性について、…」: the possibility is the topic of what
/// follows, which says what was found.
fn possibility_is_topic(after: &str) -> bool {
    static T: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:した|された|の)?(?:可能性|おそれ|恐れ)(?:について|に関して|につきまして)(?:は)?、")
    });
    // 「…可能性については、現在も調査を継続しております」; not 「…可能性に
    // ついては、第1報で公表いたしました」 nor 「…否定できません」.
    static INVESTIGATED: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^。]*?(?:調査|確認を|精査|検証|分析)"));
    static KEPT: LazyLock<Regex> = LazyLock::new(|| re(r"^[^。]*?(?:否定|排除|高い|残る|あると)"));
    T.find(after).is_some_and(|m| {
        let rest = &after[m.end()..];
        !m.as_str().ends_with("は、") || INVESTIGATED.is_match(rest) && !KEPT.is_match(rest)
    })
}

/// 「漏えい及びそのおそれ」: some data leaked, the rest may have.
fn both_leaked_and_possible(before: &str, after: &str) -> bool {
    static B: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:及び|および|ならびに|並びに)その(?:おそれ|恐れ|可能性)"));
    B.is_match(after) && !before.ends_with("又は") && !before.ends_with("または")
}

/// 「情報が漏洩し、一部が不正利用された可能性があります」: the leak is stated
/// as fact; the possibility belongs to the next event.
fn fact_then_other_possibility(after: &str) -> bool {
    static F: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:し|され)、[^。、]{0,40}?(?:が|を)[^。、]{0,20}?(?:され|し)た(?:可能性|おそれ|恐れ)",
        )
    });
    static LEAKISH: LazyLock<Regex> = LazyLock::new(|| re(r"漏|流出|窃取|閲覧"));
    F.find(after)
        .is_some_and(|m| !LEAKISH.is_match(&after[..m.end()]))
}

/// The words that belong to one cue's own clause: from the last 「、」
/// before it to the next 「、」 or 「。」 after it.
fn own_clause<'a>(before: &'a str, after: &'a str) -> &'a str {
    let stop = after.find(['、', '。']).unwrap_or(after.len());
    let tail = &after[..stop];
    // A possibility marker right before the cue: 「又はそのおそれ」 is rare
    // before; 「可能性のある漏えい」 is covered by the tail of the previous
    // words.
    let head_start = before.rfind('、').map_or(0, |p| p + '、'.len_utf8());
    if POSSIBLE.is_match(&before[head_start..]) {
        return &before[head_start..];
    }
    tail
}

/// 「漏えいが判明したお客さまには…ご連絡します」: people to be told in the
/// future, not a stated leak.
static FUTURE_ADDRESSEE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:が|の事実が)?(?:確認|判明)(?:され|し)た(?:お客|皆様|皆さま|方|場合|際|お取引先|取引先|関係者|対象者)",
    )
});

/// Misdelivered mail or documents expose data as a fact.
static MISDELIVERED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"誤送信|誤送付|誤配信|誤配送|誤配達|誤発送|誤封入|誤って[^。]{0,25}(?:送信|送付|発送|配信|投函|同封|封入)(?:し|され)",
    )
});

/// A denial later in the clause, however far: 「流出したことを示す事実や…は確認
/// されておりません」.
fn denied_later(after: &str) -> bool {
    static END: LazyLock<Regex> =
        LazyLock::new(|| re(r"。|ものの|けれど|一方|が、|ですが|ましたが"));
    static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:確認|認め|発見|検出|検知)(?:は|も)?(?:され|でき|られ)?(?:て)?(?:おりません|いません|いない|ませんでした|なかった|ておらず|おらず|ず)|(?:事実|痕跡|形跡|証跡)(?:は|も)(?:ございません|ありません|ない|無い|なく|見つかっておりません|見つかっていません)",
        )
    });
    let stop = END.find(after).map_or(after.len(), |m| m.start());
    DENIAL.is_match(&after[..stop])
}

/// 「万一、漏洩が確認された場合には」: a condition, not an event.
fn conditional(before: &str, after: &str) -> bool {
    let near: String = after.chars().take(15).collect();
    let near = near.split(['。', '、']).next().unwrap_or("");
    near.contains("場合") || before.ends_with("万一、") || before.ends_with("万が一、")
}

/// 「当社から外部に送信されたメール」: ordinary outgoing mail.
fn outgoing_mail(before: &str, after: &str) -> bool {
    before.ends_with("から") || after.starts_with("されたメール") || after.starts_with("したメール")
}

/// 「流出の可能性も含め調査中」: investigating, not stating a possibility.
fn investigating(clause: &str) -> bool {
    clause.contains("可能性も含め")
        || clause.contains("可能性を含め")
        || clause.contains("可能性について調査")
}

/// 「漏洩した個人情報」 as a section heading states the leak.
fn heading_states_fact(after: &str) -> bool {
    after.starts_with("した個人情報")
        || after.starts_with("した情報")
        || after.starts_with("したお客")
}

/// 「漏えいの可能性はございません」: the possibility itself is denied.
fn denies_possibility(clause: &str) -> bool {
    static D: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:可能性|おそれ|恐れ)(?:は|も)(?:ない|ありません|ございません|無い|なく)")
    });
    D.is_match(clause) && !clause.contains("否定")
}

/// The clause around a cue: from the previous 「、」 boundary that ends a
/// clause (or the sentence start) to the next clause end.
fn clause_of(text: &str, start: usize, end: usize) -> &str {
    static END: LazyLock<Regex> =
        LazyLock::new(|| re(r"。|ものの|けれど|一方|が、|ですが|ましたが|ところ、|ため、|ので、"));
    let rest = &text[end..];
    let stop = END.find(rest).map_or(text.len(), |m| end + m.start());
    let begin = text[..start]
        .rfind("ものの")
        .map(|p| p + "ものの".len())
        .or_else(|| text[..start].rfind("が、").map(|p| p + "が、".len()))
        .unwrap_or(0);
    text.get(begin..stop).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use LeakStatus::*;

    fn status(text: &str) -> Option<LeakStatus> {
        extract(&Document::new(text))
    }

    #[test]
    fn classify_is_the_strongest_evidence() {
        for (text, expected) in [
            (
                "情報の流出は確認されておりません。氏名が流出した可能性があります。",
                Possible,
            ),
            (
                "氏名が流出した可能性があります。その後、住所の流出を確認しました。",
                Confirmed,
            ),
            ("情報の流出は確認されておりません。", NotFound),
            ("本日は晴天です。", NoneStated),
        ] {
            let doc = Document::new(text);
            let found = evidence(doc.sentences());
            let strongest = [Confirmed, Possible, NotFound]
                .into_iter()
                .find(|s| found.iter().any(|(f, _)| f == s))
                .unwrap_or(NoneStated);
            assert_eq!(strongest, expected, "{text}: {found:?}");
            assert_eq!(classify(doc.sentences()), expected, "{text}");
        }
    }

    #[test]
    fn confirmed_leak() {
        assert_eq!(
            status("攻撃者により患者様の個人情報が流出しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("調査の結果、会員情報の漏えいを確認しました。"),
            Some(Confirmed)
        );
    }

    #[test]
    fn data_obtained_by_a_third_party_is_a_leak_word() {
        assert_eq!(
            status("顧客の個人データが第三者に取得された可能性があります。"),
            Some(Possible)
        );
        assert_eq!(
            status("以下の情報が取得（閲覧・複製等）された可能性があります。"),
            Some(Possible)
        );
        assert_eq!(
            status("会員情報が不正に取得された事実は確認されておりません。"),
            Some(NotFound)
        );
        // The active voice is the organization collecting data: no leak.
        assert_eq!(
            status("ご本人から取得した個人情報は適切に管理しております。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn possible_leak() {
        assert_eq!(
            status("個人情報が漏えいした可能性があります。"),
            Some(Possible)
        );
        assert_eq!(
            status("情報が流出した可能性を否定できません。"),
            Some(Possible)
        );
        assert_eq!(
            status("名簿がインターネット上で閲覧可能な状態になっていました。"),
            Some(Possible)
        );
        assert_eq!(
            status("個人情報の漏えい又はそのおそれがある事態が生じました。"),
            Some(Possible)
        );
    }

    #[test]
    fn not_found() {
        assert_eq!(
            status("現時点で情報の流出は確認されておりません。"),
            Some(NotFound)
        );
        assert_eq!(
            status("流出は確認されていないものの、漏えいの可能性を否定できません。"),
            Some(Possible)
        );
    }

    #[test]
    fn far_denial_and_misdelivery() {
        assert_eq!(
            status("情報が外部に流出したことを示す事実や、二次被害の発生は確認されておりません。"),
            Some(NotFound)
        );
        assert_eq!(
            status("会員の名簿を含むメールを誤送信しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("攻撃者は会員情報を奪取し、不審メールを配信しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("元社員が顧客リストを持ち出し、名簿業者に売却していました。"),
            Some(Confirmed)
        );
    }

    #[test]
    fn conditions_are_not_leaks() {
        assert_eq!(
            status("万一、漏洩が確認された場合には速やかにご連絡します。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("当社から外部に送信されたメールが保存されていました。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn investigations_and_future_contacts_are_not_leaks() {
        assert_eq!(
            status("情報が流出した事実の有無については現在調査中です。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("漏えいが判明したお客さまには個別にご連絡いたします。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("個人情報が漏洩したことの確認はされておりません。"),
            Some(NotFound)
        );
    }

    #[test]
    fn leak_stated_before_a_possible_misuse_is_confirmed() {
        assert_eq!(
            status(
                "調査の結果、会員のカード情報が漏洩し、一部のカードが不正利用された可能性があることを確認しました。"
            ),
            Some(Confirmed)
        );
        assert_eq!(
            status("会員の氏名が流出し、その一部が第三者に閲覧された可能性があります。"),
            Some(Possible)
        );
    }

    #[test]
    fn leak_and_its_possibility_is_confirmed() {
        assert_eq!(
            status("従業員の個人情報について、漏えい及びそのおそれがあることが判明しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("従業員の個人情報について、漏えい又はそのおそれがあることが判明しました。"),
            Some(Possible)
        );
    }

    #[test]
    fn later_reports_and_topics_are_not_possibilities() {
        assert_eq!(
            status(
                "情報漏洩の可能性、影響範囲等が判明しましたら、改めてご報告します。なお、情報漏洩は確認できておりません。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status(
                "会員情報が漏えいした可能性について、調査の結果、情報漏えいの事実は確認されなかったとの報告を受けました。"
            ),
            Some(NotFound)
        );
    }

    #[test]
    fn follow_up_title_names_the_topic() {
        assert_eq!(
            status(
                "# 公表概要\n- 情報漏えいの可能性に関するお知らせ(続報)\n- 架空商事株式会社\n\n# 本文\n調査の結果、情報漏えいの事実は確認されませんでした。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status(
                "# 公表概要\n- 情報漏えいの可能性に関するお知らせ\n- 架空商事株式会社\n\n# 本文\n調査の結果、情報漏えいの事実は確認されませんでした。"
            ),
            Some(Possible)
        );
    }

    #[test]
    fn questions_money_and_hedges() {
        assert_eq!(
            status("ファイルが流出した可能性について調査を行いました。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("情報が外部に流出した事実があるかを継続的に確認しております。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("虚偽の指示により、子会社の資金を流出させる事案が発生しました。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("流出したと思われるデータに関わるお客様にはご連絡いたします。"),
            Some(Possible)
        );
        assert_eq!(
            status("今後漏洩した内容が明らかになりましたら速やかにお知らせいたします。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn denial_with_open_possibility_is_possible() {
        assert_eq!(
            status(
                "会員情報の漏えいを示す痕跡は確認されておりませんが、その可能性を完全に否定できるものではありません。"
            ),
            Some(Possible)
        );
        assert_eq!(
            status("調査では名簿の外部流出を完全に否定するまでには至りませんでした。"),
            Some(Possible)
        );
        assert_eq!(
            status("調査を継続しており、個人情報の流出件数は確定しておりません。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn undetermined_leak_is_possible() {
        assert_eq!(
            status("写真データが外部に流失したかどうかについては特定するには至らなかった。"),
            Some(Possible)
        );
        assert_eq!(
            status("顧客の通信記録の侵害のおそれがあります。"),
            Some(Possible)
        );
    }

    #[test]
    fn damage_from_a_leak_is_not_leakage() {
        assert_eq!(
            status("現時点において、情報流出による二次被害の発生は確認されておりません。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn personal_data_accessed_by_a_third_party() {
        assert_eq!(
            status(
                "会員情報等にアクセスされたおそれがありますが、外部への流出は確認されておりません。"
            ),
            Some(Possible)
        );
        assert_eq!(
            status("調査の結果、個人データに不正にアクセスされたことが判明しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("管理画面に第三者がアクセスした痕跡がありました。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn misuse_alone_is_none_stated() {
        assert_eq!(
            status("現時点で不正利用等の被害は確認されておりません。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn statement_before_a_request_counts() {
        assert_eq!(
            status(
                "現時点で、会員情報が流出したとの報告は受けておりませんが、不審なメールにはご注意いただきますようお願いいたします。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status("不審なメールにご注意くださいますようお願いいたします。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn bare_denial_under_a_leak_heading() {
        assert_eq!(
            status("【個人情報の流出について】\n現時点では確認されておりません。"),
            Some(NotFound)
        );
        assert_eq!(
            status("【今後の対応について】\n現時点では確認されておりません。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn data_shown_to_other_users_is_confirmed() {
        assert_eq!(
            status("マイページに他の会員の氏名や電話番号が誤って表示される不具合が発生しました。"),
            Some(Confirmed)
        );
        assert_eq!(
            status("他のお客様の注文情報が表示される可能性があります。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn no_worry_and_nothing_found_yet_are_not_found() {
        assert_eq!(
            status("カード情報は当店では保持しておりませんので、漏えいの心配はございません。"),
            Some(NotFound)
        );
        assert_eq!(
            status(
                "情報流出の事実については現在調査中ですが、現時点においては確認されておりません。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status(
                "情報漏えいにつきましては調査を行っておりますが、現在においてその痕跡は確認されておりません。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status("会員情報の漏えいは一切ないことを確認しておりますので、ご安心ください。"),
            Some(NotFound)
        );
    }

    #[test]
    fn title_states_the_leak_when_the_body_is_silent() {
        assert_eq!(
            status(
                "# 公表概要\n- 会員情報の漏えいに関するお詫び\n- 2025年1月1日\n- 架空会\n\n# 本文\n対象の皆様には個別にご連絡いたしました。"
            ),
            Some(Confirmed)
        );
        assert_eq!(
            status(
                "# 公表概要\n- 会員情報の漏えいに関するお詫び\n- 2025年1月1日\n- 架空会\n\n# 本文\n会員情報が漏えいした可能性があります。"
            ),
            Some(Possible)
        );
        assert_eq!(
            status(
                "# 公表概要\n- 会員情報漏えいのおそれに関するお知らせ\n- 2025年1月1日\n- 架空会\n\n# 本文\n対象の皆様には個別にご連絡いたしました。"
            ),
            Some(Possible)
        );
    }

    #[test]
    fn whether_belongs_to_its_own_clause() {
        assert_eq!(
            status(
                "漏えいは確認されておりませんが、会員情報の外部流出の可能性について否定できない状況にあり、漏えいの有無について調査しております。"
            ),
            Some(Possible)
        );
        assert_eq!(
            status("個人情報の漏洩の有無、原因について調査を進めております。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn a_third_party_may_have_viewed() {
        assert_eq!(
            status(
                "漏えいの事実は確認されておりませんが、第三者が一時的に名簿を閲覧した可能性は否定できません。"
            ),
            Some(Possible)
        );
        assert_eq!(
            status(
                "社員のメールアドレスが流出した可能性があることから、不審なメールにはご注意ください。"
            ),
            Some(Possible)
        );
    }

    #[test]
    fn extents_addressees_and_credential_lists_state_no_leak() {
        assert_eq!(
            status("現在、専門機関と協力し、流出した情報の詳細を調査しております。"),
            Some(Possible)
        );
        assert_eq!(
            status("漏えいが確認されたお取引先様には個別にご報告いたします。"),
            Some(NoneStated)
        );
        assert_eq!(
            status(
                "今回の攻撃は、流出しているメールアドレスとパスワードのリストを用いたものでした。"
            ),
            Some(NoneStated)
        );
    }

    #[test]
    fn a_heading_naming_the_possibility_is_a_topic() {
        assert_eq!(
            status(
                "## 4.原因および情報漏えいの可能性\n調査の結果、情報漏えいの事実は確認されませんでした。"
            ),
            Some(NotFound)
        );
        assert_eq!(
            status("## 漏えいの可能性がある情報\n氏名、住所"),
            Some(Possible)
        );
    }

    #[test]
    fn low_possibility_is_not_found() {
        assert_eq!(
            status("調査の結果、会員データが外部に流出した可能性は極めて低いと判断しております。"),
            Some(NotFound)
        );
    }

    #[test]
    fn investigated_possibility_and_extent() {
        assert_eq!(
            status("会員情報が外部へ漏えいした可能性については、引き続き調査を行っております。"),
            Some(NoneStated)
        );
        assert_eq!(
            status("会員情報が外部へ漏えいした可能性については、否定できないと考えております。"),
            Some(Possible)
        );
        assert_eq!(
            status("漏えいしたデータの範囲については、現在調査中です。"),
            Some(Possible)
        );
        assert_eq!(
            status("漏えいした情報の有無については、現在調査中です。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn undecidable_leak_is_possible() {
        assert_eq!(
            status("データ流出の有無については、ログが残っていないため、断定することが困難です。"),
            Some(Possible)
        );
        assert_eq!(
            status("データ流出の有無については、現在調査中です。"),
            Some(NoneStated)
        );
    }

    #[test]
    fn advice_is_ignored() {
        assert_eq!(
            status("## お客様へのお願い\n情報が流出した場合に備え、パスワードを変更してください。"),
            Some(NoneStated)
        );
    }
}
