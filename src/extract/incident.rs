//! Incident types: what happened (ransomware, unauthorized access, …).
//!
//! Multi-label cue rules over sentences (see [`crate::extract::sentences`]):
//! a cue counts only in the title or the narrative, in a sentence that
//! states rather than asks (「フィッシング詐欺にご注意ください」) or promises
//! (「不正アクセス対策を強化してまいります」), and only when the clause after
//! it does not deny it (「不正アクセスの痕跡は確認されませんでした」). A
//! denial of a property still describes the thing: 「ランサムウェアにデータ
//! 送信機能は無い」 is a ransomware incident.
//!
//! Per type:
//! - `ransomware`: ランサムウェア, 身代金, data encrypted by a third party.
//! - `unauthorized_access`: intrusion wording (不正アクセス, 不正ログイン,
//!   侵入, 乗っ取り, 脆弱性を悪用, 不正な通信 …); 「サイバー攻撃」 alone is not
//!   enough.
//! - `malware`: マルウェア, 不正プログラム, 不正なプラグイン, 遠隔操作ソフト,
//!   バックドア, Emotet …; in a ransomware incident only a distinct implant
//!   (backdoor, web shell, info-stealer) counts; 「ウイルス感染を装う」 is a
//!   fake.
//! - `web_tampering`: pages, links or payment screens altered (改ざん / 改変
//!   with a page word, 不正なスクリプト), also told by the effect (「本来とは
//!   異なる内容が表示」「無関係の外部サイトへのリンク」「意図しないポップアップ」
//!   「不正に設置されたページ」).
//! - `phishing`: phishing or spoofed mail / sites as fact, not as a
//!   possibility; 「なりすましで…ログイン」 is a login, not phishing.
//! - `misconfiguration`: a named setting or operational mistake
//!   (設定不備, 設定変更時に不備); a viewable state caused by an attack is
//!   not one.
//!
//! No cue counts in a definition (「…とは、」) or a whether-question
//! (「感染したかどうか」).
//! - `system_failure`: a service, site, system or business stopped, became
//!   unusable or is being restored — not containment (サーバーの停止,
//!   ネットワークの遮断, 「稼働停止等の対策」), a suspended account, a
//!   sanction (入札参加停止) or stopped orders to a partner. Restoration wording counts
//!   in countermeasure sections too (「サイトの再開について」), and in a
//!   request that says it is under way (「復旧まで今しばらくお待ちください」).
//!   Also 「ホームページを一時閉鎖」「ファイルを見ることができなくなり」「アクセス
//!   不能」 and a partial stop of a user-facing service (「一部機能の制限」).
//!   Not: the attacker shut out (「遮断後のアクセス不能確認」), the issuer no
//!   longer using the implicated component (「当該外部サービスの利用を停止」), a
//!   stop or restart in a sentence saying operations were unaffected
//!   (「平常業務への影響はございません」), 再構築 as a countermeasure.
//!
//! A footnote defining a term (「※2 …侵入経路…を解析・記録する調査」) gives
//! no type; a denied path (「侵入経路の特定には至っておりません」) still
//! presupposes the intrusion.
//!
//! ```
//! let doc = jpnotice::Document::new(
//!     "当社サーバーがランサムウェアに感染し、業務システムが停止しました。\n## お客様へのお願い\nフィッシングメールにご注意ください。",
//! );
//! use jpnotice::extract::incident::{extract, IncidentType};
//! assert_eq!(extract(&doc), [IncidentType::Ransomware, IncidentType::SystemFailure]);
//! ```

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::extract::sentences::{Mood, Section, Sentence, negated_after};

/// A kind of incident, from `incident-types.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentType {
    /// ランサムウェア: data encrypted or extorted.
    Ransomware,
    /// 不正アクセス: an outsider entered a system or account.
    UnauthorizedAccess,
    /// マルウェア感染 other than ransomware.
    Malware,
    /// Webサイト改ざん: pages or payment applications altered.
    WebTampering,
    /// フィッシング・なりすまし.
    Phishing,
    /// 紛失・盗難.
    LostOrStolen,
    /// 内部不正.
    Insider,
    /// 誤送信・誤送付.
    Misdelivery,
    /// 設定不備.
    Misconfiguration,
    /// システム障害: a service or system stopped.
    SystemFailure,
    /// その他.
    Other,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static regex")
}

/// The cue patterns of each type, matched on compacted sentence text.
static CUES: LazyLock<Vec<(IncidentType, Regex)>> = LazyLock::new(|| {
    use IncidentType::*;
    vec![
        (
            Ransomware,
            re(
                r"ランサム|身代金|暗号化被害|脅迫文|脅迫メッセージ|二重恐喝|LockBit|Akira|8Base|Phobos|BlackSuit|Qilin|RansomHub|(?:データ|ファイル|サーバ|システム|端末|PC|パソコン|機器)[^。]{0,20}暗号化(?:され|される|の被害)",
            ),
        ),
        (
            UnauthorizedAccess,
            re(
                r"不正アクセス|不正ログイン|不正に(?:ログイン|アクセス|侵入)|不正侵入|侵入|乗っ取|のっとり|脆弱性(?:を|が)(?:悪用|突|利用)|脆弱性を狙|不正な通信|不正通信|SQLインジェクション|リスト型|パスワードリスト|ブルートフォース|総当たり|第三者(?:が|による|によって)[^。]{0,10}(?:ログイン|アクセス)|(?:メールアドレス|アカウント|ID|サーバ|サーバー)[^。、]{0,6}?(?:が|を|の)?(?:第三者|何者か|攻撃者)?(?:により|によって|に)?不正(?:に|な)?(?:利用|使用|操作)|不正に操作",
            ),
        ),
        (
            Malware,
            re(
                r"マルウェア|マルウエア|ウイルス(?:に|への)?感染|コンピュータ(?:ー)?ウイルス|不正(?:な)?プログラム|不正(?:な)?プラグイン|遠隔操作(?:ソフト|ツール|ウイルス|型)|バックドア|Emotet|エモテット|ウェブシェル|Webシェル|WebShell|トロイの木馬|情報窃取型|インフォスティーラ|スパイウェア|キーロガー",
            ),
        ),
        (
            WebTampering,
            re(
                r"改ざん|改竄|改変|不正な書き込み|不正なスクリプト|不正なコード|スキミング|偽の決済|不正なリンク|別のサイトへ(?:転送|誘導|遷移)|不正なサイトへ(?:転送|誘導|遷移)|不審なサイトへ(?:転送|誘導|遷移)|(?:無関係な|不正な|不審な|別の|悪意のある|偽の)[^。、]{0,15}(?:サイト|ページ)(?:へ|に)(?:転送|誘導|遷移|リダイレクト)|本来(?:とは|と)?(?:異なる|違う)(?:内容|ページ|画面|サイト|情報|表示)|意図(?:しない|せぬ)(?:内容|ページ|画面|サイト|広告|ポップアップ)(?:が|に)(?:表示|転送|遷移)|意図(?:しない|せぬ)(?:外部)?(?:の)?(?:サイト|ページ)(?:へ|に)(?:の)?(?:遷移|転送|誘導|リダイレクト)|(?:無関係|関係のない)(?:の|な)?(?:外部)?(?:サイト|ページ)(?:へ|に)(?:の)?(?:リンク|転送|誘導|遷移)|不正に(?:設置|作成|生成|追加|配置|設定)された(?:ファイル(?:や|および|及び|と|、))?(?:ページ|コンテンツ|リンク)|不正な(?:ページ|コンテンツ)(?:が|を)(?:設置|作成|生成|追加)",
            ),
        ),
        (
            Phishing,
            re(
                r"フィッシング|なりすまし|成りすまし|偽サイト|偽の(?:サイト|ログイン|メール|画面|SMS|警告|ページ|認証)|偽警告|サポート詐欺|詐欺サイト|不審な認証画面|偽装(?:した|された)(?:メール|サイト)|装った(?:メール|サイト)",
            ),
        ),
        (
            LostOrStolen,
            re(r"紛失|盗難|置き忘れ|盗まれ|ひったくり|車上荒らし|置き引き|所在不明|亡失|遺失"),
        ),
        (
            Insider,
            re(
                r"不正に持ち出|不正(?:な)?持ち出し|内部不正|(?:元|前)(?:社員|従業員|職員|派遣社員|契約社員|従業者)(?:が|による|により|によって|は)|不正に(?:売却|流出させ)|名簿業者|私的に(?:利用|閲覧|持ち出)",
            ),
        ),
        (
            Misdelivery,
            re(
                r"誤送信|誤送付|誤配信|誤配送|誤配達|誤発送|誤封入|誤って[^。]{0,25}(?:送信|送付|送っ|発送|配信|投函|FAX|ファクス|ファックス|同封|封入|添付)|宛先(?:を)?(?:誤|間違)|BCC|Bcc|TO欄|To欄|CC欄|Cc欄|CCで|宛先に表示",
            ),
        ),
        (
            Misconfiguration,
            re(
                r"設定不備|設定の不備|設定(?:変更|作業)(?:時|の際)に(?:不備|誤り|ミス)|設定(?:に|の)?(?:不備|誤り|ミス)|誤った設定|設定を誤|公開設定|アクセス制限(?:が|を)?(?:設定|かけ)(?:されて|て)?(?:い|お)?(?:な|ませ)|誰でも(?:閲覧|アクセス)|インターネット上(?:で|から)(?:の)?(?:閲覧|アクセス)(?:が)?(?:可能|できる(?:状態|状況))|運用(?:上の)?(?:ミス|不備|誤り)|作業(?:ミス|誤り)|人為的(?:な)?(?:ミス|誤り)",
            ),
        ),
        (
            SystemFailure,
            re(
                r"障害|停止|休止|中断|利用できな|使用できな|ご利用いただけな|利用いただけな|閲覧できな|アクセスできな|接続できな|ログインできな|つながらな|つながりにく|繋がらな|起動しな|起動できな|動作しな|復旧|回復|再開|再構築|見合わせ|(?:サイト|ページ|ストア|ショップ|店舗)[」』]?(?:を|の|は|については|につきましては)?(?:直ちに|即時|即座に|速やかに|現在)?(?:一時|一時的に|臨時)?閉鎖|見ることができな|見ることが出来な|開くことができな|参照できな|(?:アクセス|閲覧|使用|利用|操作)(?:が)?不能|一部(?:の)?(?:機能|サービス)(?:の|を)?(?:一時的に)?(?:利用)?制限|(?:サービス|販売|注文|購入|決済|ご利用)(?:の|を)(?:一部)?(?:一時的に)?制限|休業|臨時休|支障|遅延|不通|サーバーダウン|システムダウン|稼働でき|利用不可|使用不可|閲覧不可|(?:稼働|運用|提供|公開|営業|業務|サービス)(?:を|も|は)?(?:一時的に)?止め",
            ),
        ),
    ]
});

/// For each entry of [`CUES`], in the same order, literals of which every
/// match of the type's pattern contains at least one (derived by hand from
/// the pattern's alternatives: 「(?:元|前)(?:社員|従業員|…)」 needs 社員 or
/// 従業, 「…できな」 forms need できな). A sentence holding none of a
/// type's literals cannot match its pattern, so the pattern is not run.
const CUE_LITERALS: [(IncidentType, &[&str]); 10] = {
    use IncidentType::*;
    [
        (
            Ransomware,
            &[
                "ランサム",
                "身代金",
                "暗号化",
                "脅迫",
                "二重恐喝",
                "LockBit",
                "Akira",
                "8Base",
                "Phobos",
                "BlackSuit",
                "Qilin",
                "RansomHub",
            ],
        ),
        (
            UnauthorizedAccess,
            &[
                "不正",
                "侵入",
                "乗っ取",
                "のっとり",
                "脆弱性",
                "SQLインジェクション",
                "リスト型",
                "パスワードリスト",
                "ブルートフォース",
                "総当たり",
                "第三者",
            ],
        ),
        (
            Malware,
            &[
                "マルウェア",
                "マルウエア",
                "ウイルス",
                "プログラム",
                "プラグイン",
                "遠隔操作",
                "バックドア",
                "Emotet",
                "エモテット",
                "ウェブシェル",
                "Webシェル",
                "WebShell",
                "トロイの木馬",
                "情報窃取型",
                "インフォスティーラ",
                "スパイウェア",
                "キーロガー",
            ],
        ),
        (
            WebTampering,
            &[
                "改ざん",
                "改竄",
                "改変",
                "不正な",
                "スキミング",
                "偽の",
                "別の",
                "不審な",
                "無関係",
                "悪意のある",
                "本来",
                "意図",
                "関係のない",
                "不正に",
            ],
        ),
        (
            Phishing,
            &[
                "フィッシング",
                "なりすまし",
                "成りすまし",
                "偽",
                "詐欺",
                "不審な認証画面",
                "装った",
            ],
        ),
        (
            LostOrStolen,
            &[
                "紛失",
                "盗難",
                "置き忘れ",
                "盗まれ",
                "ひったくり",
                "車上荒らし",
                "置き引き",
                "所在不明",
                "亡失",
                "遺失",
            ],
        ),
        (
            Insider,
            &[
                "持ち出",
                "内部不正",
                "不正に売却",
                "不正に流出させ",
                "社員",
                "従業",
                "職員",
                "名簿業者",
                "私的に",
            ],
        ),
        (
            Misdelivery,
            &[
                "誤送",
                "誤配",
                "誤発送",
                "誤封入",
                "誤って",
                "宛先",
                "BCC",
                "Bcc",
                "TO欄",
                "To欄",
                "CC",
                "Cc欄",
            ],
        ),
        (
            Misconfiguration,
            &[
                "設定",
                "アクセス制限",
                "誰でも",
                "インターネット上",
                "運用",
                "作業",
                "人為的",
            ],
        ),
        (
            SystemFailure,
            &[
                "障害",
                "停止",
                "休止",
                "中断",
                "できな",
                "いただけな",
                "つながら",
                "つながりにく",
                "繋がらな",
                "起動しな",
                "動作しな",
                "復旧",
                "回復",
                "再開",
                "再構築",
                "見合わせ",
                "閉鎖",
                "休業",
                "臨時休",
                "支障",
                "遅延",
                "不通",
                "ダウン",
                "稼働でき",
                "不可",
                "止め",
                "出来な",
                "不能",
                "制限",
            ],
        ),
    ]
};

/// One search for all [`CUE_LITERALS`]: which entries of [`CUES`] may
/// match a sentence.
struct CueFilter {
    finder: AhoCorasick,
    /// For each literal of the finder, the bit of its [`CUES`] entry.
    bits: Vec<u16>,
}

impl CueFilter {
    fn new() -> Option<CueFilter> {
        let mut literals = Vec::new();
        let mut bits = Vec::new();
        for (i, (_, words)) in CUE_LITERALS.iter().enumerate() {
            for word in words.iter() {
                literals.push(*word);
                bits.push(1u16 << i);
            }
        }
        let finder = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            // The literals start with a few common UTF-8 lead bytes, which
            // would set a byte prefilter off at almost every character.
            .prefilter(false)
            .build(&literals)
            .ok()?;
        Some(CueFilter { finder, bits })
    }

    /// Bit `i` is set when entry `i` of [`CUES`] may match `text`.
    fn candidates(&self, text: &str) -> u16 {
        self.finder.find_overlapping_iter(text).fold(0, |mask, m| {
            mask | self.bits.get(m.pattern().as_usize()).copied().unwrap_or(0)
        })
    }
}

/// The literal prefilter of [`CUES`]; `None` only if it cannot be built,
/// and then every pattern is run.
static CUE_FILTER: LazyLock<Option<CueFilter>> = LazyLock::new(CueFilter::new);

/// Words right after a cue that turn it into a countermeasure or another
/// thing: 「不正アクセス対策」「侵入検知」「障害者」.
static CUE_FOLLOWER_VETO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:対策|防止|を防|検知|検出システム|禁止法|を未然|者|福祉|児|のある|をお持ち|支援|等防止|防御|監視|の有無|されないよう|を受けないよう|しないよう)",
    )
});

/// Before a 「停止」: what was stopped. Servers, networks, connections and
/// accounts are containment; services, sites, systems and business count.
static CONTAINMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:アカウント|サーバ(?:ー)?|ネットワーク|通信|接続|ポート|端末|パソコン|PC|機器|VPN|外部接続|インターネット接続|送信機能|メール送信|ID|パスワード)(?:を|の|は|が)?(?:一時的に|直ちに|速やかに|緊急)?[^。、]{0,4}$",
    )
});

static SERVICE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"サービス|サイト|ホームページ|システム|業務|受付|販売|出荷|生産|営業|配信|公開|運用|予約|診療|決済|店舗|工場|稼働|機能|ページ|アプリ|EC|窓口|電子カルテ|ナースコール",
    )
});

static SYSTEM_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"システム|サーバ|ネットワーク|環境|基盤|サイト|ホームページ|端末|PC|パソコン|データ")
});

/// Words that name an incident without saying what kind it was.
static UNCLASSIFIED_INCIDENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"サイバー攻撃|セキュリティインシデント|インシデント|漏えい|漏洩|流出|情報セキュリティ(?:上の)?事故",
    )
});

/// True when a sentence that describes the incident names one in general
/// words (「当社がサイバー攻撃を受けた可能性のある事象を確認」, 「メール情報が
/// 外部に漏えいした可能性」): the ground of the `other` fallback, which
/// [`crate::extract::kind::classify`] applies to incident reports whose
/// incident fits none of the types.
///
/// ```
/// use jpnotice::extract::{incident, sentences};
/// let s = sentences::split_text("当社がサイバー攻撃を受けた可能性のある事象を確認いたしました。");
/// assert!(incident::names_unclassified_incident(&s));
/// let s = sentences::split_text("情報漏えいにご注意ください。");
/// assert!(!incident::names_unclassified_incident(&s));
/// ```
pub fn names_unclassified_incident(sentences: &[Sentence]) -> bool {
    sentences
        .iter()
        .any(|s| s.describes_incident() && UNCLASSIFIED_INCIDENT.is_match(&s.text))
}

/// Finds the incident types, sorted in the vocabulary's order.
pub fn extract(doc: &Document) -> Vec<IncidentType> {
    classify(doc.sentences())
}

/// Classifies already split sentences (see [`extract`]).
pub fn classify(sentences: &[Sentence]) -> Vec<IncidentType> {
    evidence(sentences).into_iter().map(|(k, _)| k).collect()
}

/// Each type found with the sentence that first showed it (and the cue
/// in 【】), for
/// explaining a classification.
///
/// ```
/// use jpnotice::extract::{incident, sentences};
/// let s = sentences::split_text("メールを誤送信しました。");
/// let found = incident::evidence(&s);
/// assert_eq!(found[0].1, "メールを誤送信しました。【誤送信】");
/// ```
pub fn evidence(sentences: &[Sentence]) -> Vec<(IncidentType, String)> {
    let mut found: Vec<IncidentType> = Vec::new();
    let mut why: Vec<(IncidentType, String)> = Vec::new();
    let mut strong_malware = false;
    for sentence in sentences {
        let defined = definition_end(&sentence.text);
        let mut candidates: Option<u16> = None;
        for (i, (kind, pattern)) in CUES.iter().enumerate() {
            if found.contains(kind) && *kind != IncidentType::Malware {
                continue;
            }
            if !in_scope(*kind, sentence) {
                continue;
            }
            let mask = *candidates.get_or_insert_with(|| match CUE_FILTER.as_ref() {
                Some(filter) => filter.candidates(&sentence.text),
                None => u16::MAX,
            });
            if mask & (1 << i) == 0 {
                continue;
            }
            for m in pattern.find_iter(&sentence.text) {
                if m.start() < defined {
                    continue;
                }
                if accepts(*kind, &sentence.text, m.start(), m.end())
                    && (*kind != IncidentType::SystemFailure
                        || failure_in_context(sentence, m.start(), m.as_str()))
                {
                    if *kind == IncidentType::Malware && is_distinct_implant(m.as_str()) {
                        strong_malware = true;
                    }
                    if !found.contains(kind) {
                        found.push(*kind);
                        why.push((*kind, format!("{}【{}】", sentence.text, m.as_str())));
                    }
                    break;
                }
            }
        }
    }
    if found.contains(&IncidentType::Ransomware) && !strong_malware {
        why.retain(|(k, _)| *k != IncidentType::Malware);
    }
    why.sort_by_key(|(k, _)| *k);
    why
}

fn is_distinct_implant(cue: &str) -> bool {
    [
        "バックドア",
        "シェル",
        "Shell",
        "Emotet",
        "エモテット",
        "情報窃取",
        "インフォスティーラ",
        "キーロガー",
    ]
    .iter()
    .any(|w| cue.contains(w))
}

/// 「※2 …不正アクセスやマルウェアの侵入経路…を解析・記録・検証する調査」:
/// a footnote that defines a term is a noun phrase 「…する調査」, and its
/// cues describe no event. The byte where such a definition at the start
/// of the sentence ends (the rest may be a sentence joined to it), else 0.
fn definition_end(text: &str) -> usize {
    static D: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^※[0-9０-９]*[^。]*?(?:解析|調査|検証|分析|特定|記録|確認|調べ)(?:・[^。、]{1,6})*(?:する|る)(?:調査|こと|手法|作業|サービス)",
        )
    });
    D.find(text).map_or(0, |m| m.end())
}

/// 「侵入経路の特定には至っておりません」: a denial about the path still
/// presupposes the intrusion.
fn names_a_path(after: &str) -> bool {
    static P: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:の)?(?:侵入|感染)?(?:経路|手口|ルート)"));
    P.is_match(after)
}

/// Sentence-level conditions of one `system_failure` cue: 「再構築」 in
/// countermeasures is a measure, not a restoration; a stop or restoration
/// in a sentence saying operations were unaffected (「平常業務への影響は
/// ございません」「通常業務を再開しており、…影響は限定的です」) describes
/// an internal server, unless the cue names a user-facing service.
fn failure_in_context(sentence: &Sentence, start: usize, cue: &str) -> bool {
    static UNAFFECTED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:業務|営業|事業|運営)[^。]{0,10}?(?:影響|支障)(?:は|も)[^。]{0,6}?(?:ございません|ありません|ない|なく|ございませ|生じて(?:おりません|いません|おらず)|出て(?:おりません|いません|おらず)|限定的|軽微)",
        )
    });
    static USER_FACING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"サービス|サイト|ホームページ|受付|販売|出荷|生産|診療|予約|決済|店舗|工場|配信|窓口|アプリ|EC|ショップ|ストア",
        )
    });
    if cue == "再構築" && sentence.section == Section::Countermeasure {
        return false;
    }
    let text = sentence.text.as_str();
    let weak = matches!(cue, "停止" | "中断" | "休止" | "復旧" | "再開" | "回復");
    if weak && UNAFFECTED.is_match(text) {
        return USER_FACING.is_match(tail_chars(&text[..start], 12));
    }
    true
}

/// 「復旧まで今しばらくお待ちください」「早期復旧に向け…ご理解賜りますよう
/// お願い申し上げます」: a request that says a restoration is under way.
fn restoring(text: &str) -> bool {
    static R: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:復旧|再開)(?:まで|までの間|に努め|に向け|作業を進め|作業中)"));
    R.is_match(text)
}

/// 「サービスの利用を停止し、不審な画面が表示されないよう…」: a cue verb in
/// its continuative form, followed by another clause, is affirmed; a
/// negation later belongs to that clause.
fn affirmed_continuative(after: &str) -> bool {
    static C: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:し|して|しており|しております|させ|させて|いたし|いたしており)、")
    });
    C.is_match(after)
}

/// Which sentences may carry a type's cue.
fn in_scope(kind: IncidentType, sentence: &Sentence) -> bool {
    if kind == IncidentType::SystemFailure {
        // Restoration and reopening plans imply an outage.
        return matches!(
            sentence.section,
            Section::Header | Section::Narrative | Section::Countermeasure
        ) && (sentence.mood != Mood::Request || restoring(&sentence.text));
    }
    sentence.describes_incident()
}

/// Checks one cue occurrence: not denied, not a countermeasure compound,
/// and the type's own conditions.
fn accepts(kind: IncidentType, text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let before = &text[..start];
    if CUE_FOLLOWER_VETO.is_match(after) {
        return false;
    }
    let affirmed = kind == IncidentType::SystemFailure && affirmed_continuative(after);
    if negated_after(text, end) && !names_a_path(after) && !affirmed
        || definition_or_question(before, after)
    {
        return false;
    }
    if kind != IncidentType::SystemFailure
        && (conditional(before, after) || prevention(after) || damage_denied(after))
    {
        return false;
    }
    match kind {
        IncidentType::SystemFailure => system_failure(text, before, &text[start..end], after),
        IncidentType::Phishing => {
            (!speculative_sentence(text) || reported_before_hedge(after))
                && !before.contains("今後")
                && !suspected(after)
                && !impersonated_login(after)
        }
        IncidentType::Malware => !hypothetical(after) && !suspected(after) && !feigned(after),
        IncidentType::LostOrStolen => !stolen_credentials(after),
        IncidentType::Misconfiguration => !attacker_exposure(before, &text[start..end]),
        IncidentType::WebTampering => {
            let cue = &text[start..end];
            !matches!(cue, "改ざん" | "改竄" | "改変" | "不正な書き込み") || mentions_page(text)
        }
        IncidentType::Ransomware => {
            !text[start..end].contains("暗号化") || !self_encrypted(text, after)
        }
        IncidentType::UnauthorizedAccess => !hypothetical_before(before) || !hypothetical(after),
        _ => true,
    }
}

/// A condition or a threat rather than an event: 「…が脆弱な場合、侵入される
/// おそれがあります」.
fn conditional(before: &str, after: &str) -> bool {
    static THREAT: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:され|を受け)る(?:おそれ|恐れ|可能性|危険|こと(?:が|も)あ)"));
    before.contains("場合") || THREAT.is_match(after)
}

/// 「本件に起因すると考えられるフィッシング詐欺メールや第三者による不正
/// ログイン等の被害事例の確認、弊社に報告はされておりません」: the cue
/// names damage whose occurrence the sentence ends by denying, however far.
fn damage_denied(after: &str) -> bool {
    static D: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[^。]{0,60}?(?:被害|事例|事実|痕跡|形跡)[^。]{0,30}?(?:確認|報告|発生|把握)(?:は|も|を)?[^。]{0,8}?(?:おりません|いません|ございません|ありません|ませんでした)[。)」]*$",
        )
    });
    D.is_match(after)
}

/// 「作業ミスを防ぐための…」: a measure against the cue.
fn prevention(after: &str) -> bool {
    static P: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^。、]{0,15}?(?:を防ぐ|を防止|防止(?:の|する)|を未然に|を抑止)"));
    P.is_match(after)
}

/// 「可能性」「おそれ」「場合」 in the rest of the clause.
fn hypothetical(after: &str) -> bool {
    static H: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^。、]{0,20}(?:可能性|おそれ|恐れ|場合|かもしれ|危険|懸念)"));
    H.is_match(after)
}

/// 「サポート詐欺の被害に遭い、情報が漏えいしたおそれがあります」: the cue's
/// clause is a fact; the hedge belongs to a later clause.
fn reported_before_hedge(after: &str) -> bool {
    static FACT: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[^。、]{0,20}?(?:被害に遭い|被害にあい|被害を受け|を受け|に遭い|にあい)、")
    });
    FACT.is_match(after)
}

/// A sentence that ends by saying something may happen or may have
/// happened: 「…が送られる可能性があります」.
fn speculative_sentence(text: &str) -> bool {
    static S: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:可能性|おそれ|恐れ|懸念|場合)[^。]{0,12}(?:あります|ございます|ある|考えられます|されます|否定できません)?[。)」]*$",
        )
    });
    S.is_match(text)
}

/// 「盗まれたアカウント情報」: credentials, not a device or paper.
fn stolen_credentials(after: &str) -> bool {
    static C: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^た?(?:アカウント|認証|ID|パスワード|ログイン|クレデンシャル|情報|データ|個人情報)")
    });
    C.is_match(after)
}

/// 「フィッシングが疑われるもの」: a suspicion voiced by others.
fn suspected(after: &str) -> bool {
    static S: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[^。、]{0,6}(?:疑われ|疑い|の危険|などの危険)"));
    S.is_match(after)
}

/// 「フィッシング詐欺とは、…」 explains a word; 「マルウェアに感染したかどうか
/// を判別する方法」 asks: neither reports an event.
fn definition_or_question(before: &str, after: &str) -> bool {
    static Q: LazyLock<Regex> = LazyLock::new(|| re(r"^[^。、]{0,15}?(?:かどうか|か否か)"));
    static DEF: LazyLock<Regex> = LazyLock::new(|| re(r"^[^。、]{0,20}?[」』)]?とは[、,]"));
    before.contains("とは、")
        || before.contains("とは,")
        || DEF.is_match(after)
        || Q.is_match(after)
}

/// 「ウイルス感染を装う偽の警告画面」: a fake warning, not an infection.
fn feigned(after: &str) -> bool {
    static F: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[^。、]{0,4}?(?:を装|と偽|を騙|をかた|と称|したと(?:の|する)(?:偽|嘘))")
    });
    F.is_match(after)
}

/// 「なりすましで管理画面へ不正アクセスし」: a login under a stolen
/// identity, which is unauthorized access, not phishing.
fn impersonated_login(after: &str) -> bool {
    static L: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:(?:で|により|によって|して|による)[^。、]{0,15}?(?:ログイン|アクセス|侵入)|(?:不正)?(?:ログイン|アクセス))",
        )
    });
    L.is_match(after)
}

fn hypothetical_before(before: &str) -> bool {
    before.ends_with("万が一") || before.ends_with("もし") || before.ends_with("今後")
}

/// 「カード情報は暗号化されており」: the issuer's own protection, unless the
/// sentence speaks of an attack.
fn self_encrypted(text: &str, after: &str) -> bool {
    static ATTACK: LazyLock<Regex> =
        LazyLock::new(|| re(r"不正アクセス|攻撃|第三者|被害|ウイルス|復旧|使用できな|利用できな"));
    after.starts_with("て保存")
        || after.starts_with("て保管")
        || after.starts_with("ており") && !ATTACK.is_match(text)
}

fn mentions_page(text: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"ページ|サイト|HP|ホームページ|画面|リンク|決済|アプリケーション|コンテンツ|表示|掲載|記事|スクリプト|ソースコード|プログラム|Web|ウェブ|投稿",
        )
    });
    PAGE.is_match(text)
}

/// 「停止」 and the like count when a service stopped, not for containment.
fn system_failure(text: &str, before: &str, cue: &str, after: &str) -> bool {
    let near_before: String = before
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match cue {
        "停止" | "中断" | "休止" if after.starts_with("を求め") || after.starts_with("を要請") => {
            false
        }
        "停止" | "中断" | "休止" => {
            if CONTAINMENT.is_match(&near_before) && !SERVICE_WORD.is_match(&near_before) {
                return false;
            }
            !containment_stop(before, after)
        }
        "再構築" => SYSTEM_WORD.is_match(&near_before),
        "回復" => !near_before.ends_with("信頼") && !near_before.ends_with("信頼の"),
        "復旧" | "再開" => {
            !near_before.contains("アカウント") && !after.starts_with("できなかった")
                || SERVICE_WORD.is_match(text)
        }
        "障害" => !after.starts_with('者'),
        c if c.ends_with("制限") => {
            !near_before.contains("アカウント") && !near_before.ends_with("ID")
        }
        c if c.ends_with("不能") || c.starts_with("アクセスできな") => {
            !attacker_shut_out(&near_before)
        }
        "支障" | "遅延" | "ダウン" => SERVICE_WORD.is_match(text) || text.contains("業務"),
        _ => true,
    }
}

/// 「攻撃元からの通信の遮断および遮断後のアクセス不能確認」: the attacker
/// was shut out, which is containment, not an outage.
fn attacker_shut_out(near_before: &str) -> bool {
    static S: LazyLock<Regex> = LazyLock::new(|| re(r"遮断|攻撃元|攻撃者|第三者|外部から|不正な"));
    S.is_match(near_before)
}

/// A stop taken as a measure on servers or machines, with no user-facing
/// service named: 「システムの稼働停止等の必要な対策を実施」「サーバーにつき
/// ましては、既に利用を停止し」.
fn containment_stop(before: &str, after: &str) -> bool {
    static USER_FACING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"サービス|サイト|ホームページ|受付|販売|出荷|生産|営業|診療|予約|決済|店舗|工場|配信|業務|窓口|アプリ|EC|ショップ|ストア",
        )
    });
    static MEASURE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?:等|など)?(?:の|を含む)(?:必要な|緊急|初動)?[^。、]{0,6}?(?:対策|措置|対応|処置)")
    });
    static MACHINE_USE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:サーバ|端末|PC|パソコン|機器|ネットワーク|アカウント)[^。]{0,30}(?:利用|使用|稼働|運用)を?$",
        )
    });
    // 「当該外部サービスの利用を停止し」: the issuer stopped using the
    // implicated component, which is containment.
    static COMPONENT_USE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:(?:当該|外部|該当)(?:の)?(?:外部)?(?:サービス|スクリプト|ツール|プラグイン)|スクリプト|ツール|プラグイン)の(?:利用|使用)を?$",
        )
    });
    if COMPONENT_USE.is_match(before) {
        return true;
    }
    let near = tail_chars(before, 30);
    if USER_FACING.is_match(near) {
        return false;
    }
    static ISOLATION: LazyLock<Regex> = LazyLock::new(|| re(r"遮断|隔離|切り離|切断"));
    static ACCOUNT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:アカウント|ID)(?:は|を|について)[^。、]{0,12}$"));
    MEASURE.is_match(after)
        || MACHINE_USE.is_match(before)
        || ISOLATION.is_match(before)
        || ACCOUNT.is_match(before)
        || business_decision(before)
}

/// 「ランサムウェア被害にあい、個人情報がインターネット上で閲覧可能な状態
/// になっていました」: data exposed by attackers, not by a setting. An
/// attack told after the exposure (「…アクセスができる状況となり、その
/// タイミングで第三者による不正アクセスを受けました」) followed from it.
fn attacker_exposure(before: &str, cue: &str) -> bool {
    static EXPOSED: LazyLock<Regex> = LazyLock::new(|| re(r"誰でも|インターネット上"));
    static ATTACK: LazyLock<Regex> =
        LazyLock::new(|| re(r"被害|攻撃|ランサム|不正アクセス|窃取|リーク|犯行|ダークウェブ"));
    EXPOSED.is_match(cue) && ATTACK.is_match(before)
}

/// The last `n` characters of `text`.
fn tail_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &text[start..]
}

/// 「入札参加停止」「損害調査の発注を停止」: a sanction or a business
/// decision about a partner, not an outage.
fn business_decision(before: &str) -> bool {
    static B: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:入札参加|参加|指名|発注を|委託を|取引を|契約を|新規発注を)(?:一時)?$")
    });
    B.is_match(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use IncidentType::*;

    fn types(text: &str) -> Vec<IncidentType> {
        extract(&Document::new(text))
    }

    #[test]
    fn implants_are_malware() {
        assert_eq!(
            types("調査の結果、受付用パソコンに遠隔操作ソフトがインストールされていました。"),
            [Malware]
        );
        assert_eq!(
            types(
                "第三者が管理画面に不正なプラグインを導入し、公式サイトのファイルを改変しました。"
            ),
            [Malware, WebTampering]
        );
    }

    #[test]
    fn definitions_questions_and_fakes_are_not_events() {
        assert_eq!(
            types("※「フィッシング詐欺」とは、偽のメールで偽のサイトへ誘導する手口です。"),
            []
        );
        assert_eq!(
            types("## パソコンがマルウェアに感染したかどうかを確かめる方法"),
            []
        );
        assert_eq!(
            types("事務所のパソコンに、ウイルス感染を装う偽の警告画面が表示されました。"),
            [Phishing]
        );
    }

    #[test]
    fn support_scam_stated_before_a_hedged_leak() {
        assert_eq!(
            types(
                "職員のPCがサポート詐欺の被害に遭い、個人情報が漏えいしたおそれがあることが判明しました。"
            ),
            [Phishing]
        );
        assert_eq!(
            types("当社を装ったサポート詐欺の画面が表示される可能性があります。"),
            []
        );
        assert_eq!(
            types("イベント用のWebサイトに第三者による不正な書き込みがありました。"),
            [WebTampering]
        );
    }

    #[test]
    fn impersonated_login_is_not_phishing() {
        assert_eq!(
            types("何者かが管理者になりすましで管理画面へ不正アクセスしました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("第三者によるなりすまし不正ログインが発生しました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("当社を装った偽サイトで会員のIDが詐取されました。"),
            [Phishing]
        );
    }

    #[test]
    fn containment_stops_are_not_failures() {
        assert_eq!(
            types("不正アクセスを検知し、通信経路を遮断、当該システムの稼働を停止しました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受けた検証用サーバーにつきましては、既に利用を停止しております。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受け、直ちにシステムの稼働停止等の必要な対策を実施しました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受け、通販サイトの運用を停止しました。"),
            [UnauthorizedAccess, SystemFailure]
        );
    }

    #[test]
    fn stopping_a_scammed_pc_is_containment() {
        assert_eq!(
            types(
                "当該サイトは詐欺サイトと判明したため、事務用パソコンの操作履歴の確認を行うとともに使用を停止しております。"
            ),
            [Phishing]
        );
    }

    #[test]
    fn suspended_accounts_and_partners_are_not_failures() {
        assert_eq!(
            types("再度の不正アクセスを懸念し、対象アカウントは5月1日を以て停止としております。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受けた委託先への新たな発注を停止しています。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("市は委託先に対し12か月間の入札参加停止を実施しました。"),
            []
        );
    }

    #[test]
    fn exposure_by_attackers_is_not_misconfiguration() {
        assert_eq!(
            types(
                "委託先が攻撃の被害にあい、名簿がインターネット上で閲覧可能な状態になっていました。"
            ),
            []
        );
        assert_eq!(
            types("名簿がインターネット上で閲覧可能な状態になっていました。"),
            [Misconfiguration]
        );
    }

    #[test]
    fn setting_change_mistake_is_misconfiguration() {
        assert_eq!(
            types("委託先によるネットワークの設定変更時に不備があったことが原因です。"),
            [Misconfiguration]
        );
    }

    #[test]
    fn ransomware_via_vpn_is_two_types() {
        assert_eq!(
            types("VPN装置の脆弱性を悪用した侵入により、サーバーがランサムウェアに感染しました。"),
            [Ransomware, UnauthorizedAccess]
        );
    }

    #[test]
    fn cyber_attack_alone_is_not_unauthorized_access() {
        assert_eq!(
            types("当社はサイバー攻撃を受け、ランサムウェアの被害に遭いました。"),
            [Ransomware]
        );
    }

    #[test]
    fn warnings_are_not_incidents() {
        assert_eq!(types("フィッシング詐欺にご注意ください。"), []);
        assert_eq!(
            types("## お客様へのお願い\n当社をかたるなりすましメールが届く可能性があります。"),
            []
        );
    }

    #[test]
    fn countermeasures_are_not_incidents() {
        assert_eq!(
            types(
                "誤送信がありました。\n## 再発防止策\n不正アクセス対策として多要素認証を導入します。"
            ),
            [Misdelivery]
        );
    }

    #[test]
    fn denials() {
        assert_eq!(
            types("調査の結果、不正アクセスの痕跡は確認されませんでした。"),
            []
        );
        assert_eq!(
            types("使用されたランサムウェアにデータ送信機能は無いことを確認しました。"),
            [Ransomware]
        );
    }

    #[test]
    fn encrypted_by_a_third_party_is_ransomware() {
        assert_eq!(
            types("第三者によりファイルサーバー内のデータが暗号化される被害が発生しました。"),
            [Ransomware]
        );
        assert_eq!(
            types("カード情報は暗号化されており、漏えいのおそれはありません。"),
            []
        );
    }

    #[test]
    fn containment_is_not_system_failure() {
        assert_eq!(
            types(
                "不正アクセスを検知したため、直ちに当該サーバーを停止し、ネットワークから遮断しました。"
            ),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受け、オンラインストアのサービスを停止しております。"),
            [UnauthorizedAccess, SystemFailure]
        );
    }

    #[test]
    fn threats_and_conditions_are_not_incidents() {
        assert_eq!(
            types("パスワードが脆弱な場合、ネットワークに侵入されるおそれがあります。"),
            []
        );
        assert_eq!(
            types("今後は再発防止と信頼回復に取り組んでまいります。"),
            []
        );
    }

    #[test]
    fn hijacked_mail_address_is_unauthorized_access() {
        assert_eq!(
            types("当社のメールアドレスの一つが不正に利用され、不審なメールが送信されました。"),
            [UnauthorizedAccess]
        );
    }

    #[test]
    fn attackers_taking_data_is_not_insider() {
        assert_eq!(
            types("第三者が不正に取得した認証情報を用いて不正ログインを行いました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("元従業員が顧客名簿を不正に持ち出しました。"),
            [Insider]
        );
    }

    #[test]
    fn stolen_credentials_are_not_stolen_devices() {
        assert_eq!(
            types("端末から盗まれたアカウント情報を用いて不正ログインが行われました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(types("取引先に第三者への提供の停止を求めております。"), []);
    }

    #[test]
    fn disability_is_not_failure() {
        assert_eq!(
            types("障害者手帳の情報を含む書類を紛失しました。"),
            [LostOrStolen]
        );
    }

    #[test]
    fn misdelivery_and_misconfiguration() {
        assert_eq!(
            types("メールをBCCではなくTO欄に入力して送信しました。"),
            [Misdelivery]
        );
        assert_eq!(
            types("共有フォルダの公開設定に誤りがあり、誰でも閲覧できる状態でした。"),
            [Misconfiguration]
        );
    }

    #[test]
    fn pages_shown_other_than_intended_are_tampering() {
        assert_eq!(
            types("当店のサイトが改ざんされ、本来とは異なる内容が表示される状態となっていました。"),
            [WebTampering]
        );
        assert_eq!(
            types("検索結果に当協会とは無関係の外部サイトへのリンクが表示されていました。"),
            [WebTampering]
        );
        assert_eq!(
            types("調査の結果、不正に設置されたページを削除しました。"),
            [WebTampering]
        );
        assert_eq!(
            types("閲覧者が意図しないページに転送される事象が発生しました。"),
            [WebTampering]
        );
    }

    #[test]
    fn closed_sites_unreadable_files_and_restricted_functions_are_failures() {
        assert_eq!(
            types("対応のため、公式ホームページを一時閉鎖いたしました。"),
            [SystemFailure]
        );
        assert_eq!(
            types("共有サーバのファイルを見ることができなくなり、調査を開始しました。"),
            [SystemFailure]
        );
        assert_eq!(
            types("ランサムウェアにより業務データが暗号化され、アクセス不能な状態となりました。"),
            [Ransomware, SystemFailure]
        );
        assert_eq!(
            types("不正アクセスを受け、通販サイトの一部機能の制限を行っております。"),
            [UnauthorizedAccess, SystemFailure]
        );
        // Shutting the attacker out, or restricting a program, is containment.
        assert_eq!(
            types("不正アクセスを受け、攻撃元からのアクセス不能を確認しました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受け、利用者のアカウントのご利用を制限しました。"),
            [UnauthorizedAccess]
        );
    }

    #[test]
    fn closures_and_restorations_in_other_words() {
        assert_eq!(
            types("脆弱性のあった申込ページは現在閉鎖しております。"),
            [SystemFailure]
        );
        assert_eq!(
            types("被害を受けた「公式オンラインショップ」を直ちに一時閉鎖いたしました。"),
            [SystemFailure]
        );
        assert_eq!(
            types("現在、システムの復旧に努めておりますので、ご理解のほどお願い申し上げます。"),
            [SystemFailure]
        );
        assert_eq!(
            types("予約アプリを停止しており、現在はご利用ができない状態です。"),
            [SystemFailure]
        );
        // Stopping the use of the implicated component is containment.
        assert_eq!(
            types("当該外部サービスの利用を停止し、不審な画面が表示されないよう対策しました。"),
            []
        );
    }

    #[test]
    fn unintended_popups_and_redirects_are_tampering() {
        assert_eq!(
            types("当店サイトの一部ページで意図しないポップアップが表示されていました。"),
            [WebTampering]
        );
        assert_eq!(
            types("特定のページから意図しない外部サイトへ遷移する事象を確認しました。"),
            [WebTampering]
        );
    }

    #[test]
    fn stops_with_no_effect_on_operations_are_not_failures() {
        assert_eq!(
            types(
                "不正アクセスを受けた検証用サーバーの使用を停止していますが、通常業務への影響はございません。"
            ),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("不正アクセスを受け、予約サイトを停止しましたが、店舗営業への影響はありません。"),
            [UnauthorizedAccess, SystemFailure]
        );
        assert_eq!(
            types(
                "## 経緯\n不正アクセスを受けました。\n## 再発防止策\n社内ネットワークの再構築を行いました。"
            ),
            [UnauthorizedAccess]
        );
    }

    #[test]
    fn hijacked_account_and_intrusion_path() {
        assert_eq!(
            types("職員のメールアカウントが第三者により不正利用され、迷惑メールが送信されました。"),
            [UnauthorizedAccess]
        );
        assert_eq!(
            types("ランサムウェアの被害を受けましたが、侵入経路は特定に至っておりません。"),
            [Ransomware, UnauthorizedAccess]
        );
        assert_eq!(
            types("調査の結果、不正アクセスの痕跡は確認されませんでした。"),
            []
        );
    }

    #[test]
    fn footnote_definitions_are_not_events() {
        assert_eq!(
            types(
                "※1 不正アクセスやマルウェアの感染経路などを専門家が解析・記録する調査当社は調査を委託しました。"
            ),
            []
        );
    }

    #[test]
    fn exposure_before_an_attack_is_misconfiguration() {
        assert_eq!(
            types(
                "移行作業中のデータベースが一時的にインターネット上からアクセスができる状況となり、その間に第三者による不正アクセスを受けました。"
            ),
            [UnauthorizedAccess, Misconfiguration]
        );
    }

    #[test]
    fn damage_denied_at_the_end_of_the_sentence() {
        assert_eq!(
            types(
                "現時点において、本件に起因すると考えられるフィッシングメールや不正ログイン等の被害事例の確認、当社への報告はされておりません。"
            ),
            []
        );
        assert_eq!(
            types("当社を装ったフィッシングメールが送信され、複数の被害が確認されました。"),
            [Phishing]
        );
    }

    #[test]
    fn cue_literals_follow_the_cues() {
        let kinds: Vec<IncidentType> = CUES.iter().map(|(k, _)| *k).collect();
        let literal_kinds: Vec<IncidentType> = CUE_LITERALS.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, literal_kinds);
        assert!(CUE_FILTER.is_some());
    }

    /// Asserts that the prefilter keeps every pattern that matches `text`.
    fn assert_prefilter_keeps(text: &str) -> usize {
        let Some(filter) = CUE_FILTER.as_ref() else {
            panic!("no prefilter");
        };
        let mask = filter.candidates(text);
        let mut matched = 0;
        for (i, (kind, pattern)) in CUES.iter().enumerate() {
            if pattern.is_match(text) {
                matched += 1;
                assert_ne!(mask & (1 << i), 0, "{kind:?} rejected: {text}");
            }
        }
        matched
    }

    #[test]
    fn prefilter_keeps_invented_cues() {
        for text in [
            "サーバのデータが何者かにより暗号化されました",
            "第三者が不正にログインしました",
            "第三者によって管理画面にアクセスされました",
            "アカウントが不正に利用されました",
            "脆弱性を突かれ、攻撃者が侵入しました",
            "コンピューターウイルスに感染しました",
            "不正なプラグインが導入されました",
            "遠隔操作ツールが見つかりました",
            "悪意のある第三者の用意したページへ誘導されました",
            "無関係なサイトに転送される状態でした",
            "偽装したメールが送られました",
            "当社を装ったメールが届きました",
            "元従業員による持ち出しが判明しました",
            "前社員が顧客名簿を持ち出しました",
            "派遣社員が私的に閲覧していました",
            "従業者が顧客データを不正に売却していました",
            "委託先が情報を不正に流出させました",
            "内部不正が判明しました",
            "不正なプログラムが実行されました",
            "不正な書き込みがありました",
            "郵便物を誤配達しました",
            "案内状を誤封入しました",
            "誤ってFAXで送ってしまいました",
            "宛先を間違えて送信しました",
            "CC欄に入力して一斉送信しました",
            "設定変更時に誤りがあり、公開状態でした",
            "アクセス制限をかけていない状態でした",
            "インターネット上から閲覧可能な状態でした",
            "人為的なミスにより公開されました",
            "店舗を閉鎖しております",
            "サービスの提供を一時的に止めております",
            "ログインできない状態が続いています",
            "ご利用いただけない状況です",
            "サーバーダウンにより利用不可となりました",
        ] {
            assert!(assert_prefilter_keeps(text) > 0, "no cue in: {text}");
        }
    }

    #[test]
    fn prefilter_keeps_archive_cues() {
        let Some(texts) = crate::test_support::archive_texts() else {
            return;
        };
        let mut matched = 0;
        for text in &texts {
            let doc = Document::new(text);
            for sentence in doc.sentences() {
                matched += assert_prefilter_keeps(&sentence.text);
            }
        }
        assert!(matched > 1000, "{matched} cue matches in the archive");
    }
}
