//! Sentences, sections and negation: the shared ground of the cue-based
//! extractors (incident types, leak status, notice kind).
//!
//! A notice mixes what happened with what the issuer will do about it and
//! what readers should watch out for. A keyword found in 「再発防止策」 or in
//! 「不審なメールにご注意ください」 says nothing about what happened, so each
//! sentence carries the [`Section`] it sits in (from the last heading) and a
//! [`Mood`] of its own (a request to readers, a commitment of the issuer).
//!
//! Sentences are split on 「。」, headings, bullets, table rows and blank
//! lines; lines wrapped by a PDF (no 「。」 at the end of a long line) are
//! joined, and the sentence text is compacted (line breaks and spaces
//! between Japanese characters dropped) so that cues broken across lines
//! are still found.
//!
//! ```
//! use jpnotice::extract::sentences::{split_text, Section};
//! let s = split_text("## 経緯\n不正アクセスを受けました。\n## 再発防止策\n監視を強化します。");
//! assert_eq!(s[1].text, "不正アクセスを受けました。");
//! assert_eq!(s[1].section, Section::Narrative);
//! assert_eq!(s[3].section, Section::Countermeasure);
//! ```

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use crate::structure::{BlockKind, HeaderField, Structure};

pub use crate::structure::section::{Section, classify_heading};

/// What a single sentence does, whatever its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// Reports or describes (「不正アクセスを受けました」).
    Statement,
    /// Asks readers to do something (「ご注意ください」).
    Request,
    /// Commits the issuer to future measures (「監視体制を強化してまいります」).
    Commitment,
}

/// One sentence (or heading, bullet, table row) of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The compacted text (line breaks and spaces between Japanese
    /// characters removed): 「不正アク\nセス」 → 「不正アクセス」.
    pub text: String,
    /// Normalized byte offset where the sentence's paragraph starts.
    pub start: usize,
    /// Normalized byte offset where the sentence's paragraph ends.
    pub end: usize,
    /// The section the sentence is in.
    pub section: Section,
    /// True for heading lines (「## 経緯」「３．再発防止策」).
    pub is_heading: bool,
    /// The sentence's own mood.
    pub mood: Mood,
}

impl Sentence {
    /// True when the sentence can describe the incident itself: the title
    /// or narrative, and not a request or commitment.
    ///
    /// ```
    /// use jpnotice::extract::sentences::split_text;
    /// let s = split_text("フィッシング詐欺にご注意ください。");
    /// assert!(!s[0].describes_incident());
    /// ```
    pub fn describes_incident(&self) -> bool {
        matches!(self.section, Section::Header | Section::Narrative) && self.mood == Mood::Statement
    }
}

/// Splits normalized text into sentences (see the module docs).
///
/// ```
/// use jpnotice::extract::sentences::split_text;
/// let s = split_text("個人情報が流出したおそれが\nあります。現在調査中です。");
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].text, "個人情報が流出したおそれがあります。");
/// ```
pub fn split_text(text: &str) -> Vec<Sentence> {
    from_structure(text, &Structure::new(text))
}

/// The sentences of normalized text whose layout was read already: the
/// archive header's title, each heading, each table row, and the
/// sentences of every other block, each with the section its headings
/// give it.
pub fn from_structure(text: &str, structure: &Structure) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut section = Section::Narrative;
    let mut section_level = u8::MAX;
    for block in structure.blocks() {
        match &block.kind {
            BlockKind::HeaderField { field, value } => {
                if *field == HeaderField::Title {
                    let t = text.get(value.clone()).unwrap_or("");
                    emit(&mut out, t, block.range.clone(), Section::Header, true);
                }
            }
            BlockKind::Heading { level, title, .. } => {
                let t = text.get(title.clone()).unwrap_or("");
                if t == "本文" || t == "公表概要" {
                    section = Section::Narrative;
                    section_level = u8::MAX;
                    continue;
                }
                if structure.has_archive_header() && block.range.start < structure.body_start() {
                    continue;
                }
                match classify_heading(t) {
                    Some(s) => {
                        section = s;
                        section_level = *level;
                    }
                    None if *level <= section_level => {
                        section = Section::Narrative;
                        section_level = u8::MAX;
                    }
                    None => {}
                }
                emit(&mut out, t, block.range.clone(), section, true);
            }
            BlockKind::Table(table) => {
                for row in &table.rows {
                    let t = text.get(row.range.clone()).unwrap_or("");
                    emit(&mut out, t, row.range.clone(), section, false);
                }
            }
            _ => {
                let mut compact = String::with_capacity(block.range.len());
                for line in &block.lines {
                    push_compact(&mut compact, text.get(line.clone()).unwrap_or(""));
                }
                for piece in split_on_period(&compact) {
                    emit(&mut out, piece, block.range.clone(), section, false);
                }
            }
        }
    }
    out
}

fn emit(
    out: &mut Vec<Sentence>,
    text: &str,
    range: Range<usize>,
    section: Section,
    is_heading: bool,
) {
    let mut compact = String::with_capacity(text.len());
    push_compact(&mut compact, text);
    if compact.is_empty() {
        return;
    }
    let mood = if is_heading {
        Mood::Statement
    } else {
        mood(&compact)
    };
    out.push(Sentence {
        text: compact,
        start: range.start,
        end: range.end,
        section,
        is_heading,
        mood,
    });
}

/// Splits after each 「。」, keeping it.
fn split_on_period(text: &str) -> Vec<&str> {
    text.split_inclusive(['。', '!', '?'])
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// Appends `line` to `buf`, dropping spaces except between two ASCII
/// alphanumerics (「VPN 装置」 → 「VPN装置」, 「Out of」 stays).
fn push_compact(buf: &mut String, line: &str) {
    if !line.contains(char::is_whitespace) {
        // Nothing to drop (most lines of Japanese prose).
        buf.push_str(line);
        return;
    }
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = !buf.is_empty();
            continue;
        }
        if pending_space
            && c.is_ascii_alphanumeric()
            && buf
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_alphanumeric())
        {
            buf.push(' ');
        }
        pending_space = false;
        buf.push(c);
    }
}

/// The mood of one sentence: requests end in 「ください」「お願いいたします」,
/// commitments in 「まいります」「努めます」「徹底いたします」.
///
/// ```
/// use jpnotice::extract::sentences::{mood, Mood};
/// assert_eq!(mood("不審なメールにはご注意ください。"), Mood::Request);
/// assert_eq!(mood("再発防止に努めてまいります。"), Mood::Commitment);
/// assert_eq!(mood("サーバーが暗号化されました。"), Mood::Statement);
/// ```
pub fn mood(sentence: &str) -> Mood {
    static REQUEST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:ください|下さい|願います|お願い(?:いた|致)?します|お願い申し上げます|ご注意を|ご留意|なさらない|開かない|しないで|ご確認をお願い)[^。]{0,12}$").expect("static regex")
    });
    static COMMIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:まいります|参ります|努めます|図ります|講じます|徹底(?:いた|致)?します|強化(?:いた|致)?します|予定です|予定でございます|所存です|取り組みます|目指します|検討(?:して|を進めて)(?:おります|います)|進めてまいり)[^。]{0,8}$").expect("static regex")
    });
    static PREVENTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"再発防止|再発の防止|未然に防|防止策|対策として|セキュリティ(?:の)?(?:強化|対策)(?:を|に)").expect("static regex")
    });
    let s = sentence.trim_end_matches(['。', ' ', ')', '」']);
    if REQUEST.is_match(s) {
        Mood::Request
    } else if COMMIT.is_match(s) || PREVENTION.is_match(s) && !s.contains("ました") {
        Mood::Commitment
    } else {
        Mood::Statement
    }
}

static NEGATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"ません|ない|なかった|無い|無かった|なく|無く|なし|無し|ず[、。に]|ず$|ございません",
    )
    .expect("static regex")
});

static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"。|ものの|けれど|一方|が、|ですが|ましたが|ところ、|ため、|ので、|後、|上で|際に")
        .expect("static regex")
});

/// Words after which 「ない」 does not deny the cue: 「否定できない」
/// (a possibility), 「利用できない」 (an outage), 「だけでなく」.
static FALSE_NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:否定(?:でき|出来|し得|しきれ|することはでき|することができ|することもでき)|限ら|だけで|のみで|間も|少|危|得|必ずしも|いただけ|しれ|(?:利用|使用|閲覧|接続|アクセス|ログイン|操作|起動|提供|表示|稼働|受付|送受信|通信|業務|参照|連絡)(?:が|も)?(?:でき|出来))$").expect("static regex")
});

/// Nouns before 「は」「が」「も」 that make a negation about the event
/// (「痕跡はありません」), as opposed to a property (「送信機能は無い」).
static EVENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:痕跡|形跡|事実|被害|影響|発生|感染|可能性|侵入|アクセス|漏えい|漏洩|流出|送信|不正|問題|異常|兆候|証拠|記録|ログ|こと|もの|の|事象|事案|おそれ|恐れ|確認|実害|利用|公開|閲覧|懸念|改ざん|拡散|報告|物|状況|点|等|掲載|送出|持ち出し|窃取)(?:等|など)?(?:は|が|も)$").expect("static regex")
});

/// True when the clause after a cue (from byte `cue_end` of `sentence`)
/// denies it: 「不正アクセスの痕跡は確認されませんでした」,
/// 「流出した事実はございません」. Not a denial: 「否定できません」,
/// 「利用できない状態」, 「ランサムウェアにデータ送信機能は無い」 (a
/// property of the cue, not its absence).
///
/// ```
/// use jpnotice::extract::sentences::negated_after;
/// let s = "情報の流出は確認されておりません。";
/// assert!(negated_after(s, s.find("流出").unwrap() + "流出".len()));
/// let s = "情報が流出した可能性を否定できません。";
/// assert!(!negated_after(s, s.find("流出").unwrap() + "流出".len()));
/// ```
pub fn negated_after(sentence: &str, cue_end: usize) -> bool {
    let Some(rest) = sentence.get(cue_end..) else {
        return false;
    };
    let clause_end = CLAUSE_END.find(rest).map_or(rest.len(), |m| m.start());
    let clause = &rest[..clause_end];
    for m in NEGATOR.find_iter(clause) {
        let before = &clause[..m.start()];
        if before.chars().count() > 30 {
            break;
        }
        if FALSE_NEGATION.is_match(before) {
            continue;
        }
        if ends_with_topic(before)
            && before.chars().count() > 1
            && !before.ends_with("では")
            && !EVENT_NOUN.is_match(before)
        {
            continue;
        }
        return true;
    }
    false
}

fn ends_with_topic(before: &str) -> bool {
    before.ends_with('は') || before.ends_with('が') || before.ends_with('も')
}

/// True when a cue found at bytes `start..end` of `sentence` is denied:
/// see [`negated_after`].
pub fn is_negated(sentence: &str, _start: usize, end: usize) -> bool {
    negated_after(sentence, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn neg(s: &str, cue: &str) -> bool {
        let at = s.find(cue).expect("cue in test sentence");
        negated_after(s, at + cue.len())
    }

    #[test]
    fn negations() {
        assert!(neg(
            "不正アクセスの痕跡はありませんでした。",
            "不正アクセス"
        ));
        assert!(neg("個人情報の漏えいは確認されておりません。", "漏えい"));
        assert!(neg("流出した事実はございません。", "流出"));
        assert!(neg("外部への送信は確認できませんでした。", "送信"));
        assert!(neg(
            "ランサムウェアに感染していないことを確認しました。",
            "ランサムウェア"
        ));
        assert!(neg(
            "不正アクセスによるものではないと判断しました。",
            "不正アクセス"
        ));
    }

    #[test]
    fn not_negations() {
        assert!(!neg("情報が流出した可能性を否定できません。", "流出"));
        assert!(!neg(
            "ランサムウェアにデータ送信機能は無いことを確認しました。",
            "ランサムウェア"
        ));
        assert!(!neg("システムが停止し、利用できない状態です。", "停止"));
        assert!(!neg(
            "サーバーへの不正アクセスがあり、情報が流出しました。",
            "不正アクセス"
        ));
        assert!(!neg(
            "漏えいしたおそれがありますが、不正利用は確認されておりません。",
            "漏えい"
        ));
        assert!(!neg(
            "不正アクセスを受け、メールが送受信できない状態となりました。",
            "不正アクセス"
        ));
    }

    #[test]
    fn sections_follow_headings() {
        let s = split_text(
            "## 1. 経緯\n当社サーバーが不正アクセスを受けました。\n## 2. 再発防止策\n### (1) 技術的対策\n侵入検知を導入します。\n## 3. お客様へのお願い\nフィッシングメールにご注意ください。\n## 4. お問い合わせ窓口\n電話 0120-000-000",
        );
        let by_text = |t: &str| s.iter().find(|x| x.text.contains(t)).map(|x| x.section);
        assert_eq!(by_text("不正アクセスを受け"), Some(Section::Narrative));
        assert_eq!(by_text("侵入検知"), Some(Section::Countermeasure));
        assert_eq!(by_text("フィッシング"), Some(Section::Advice));
        assert_eq!(by_text("0120"), Some(Section::Contact));
    }

    #[test]
    fn archive_header_title_is_a_header_sentence() {
        let s = split_text(
            "# 公表概要\n- ランサムウェア被害のお知らせ\n- 2025年1月1日\n- 架空商事株式会社\n\n# 本文\n本文です。",
        );
        assert_eq!(s[0].section, Section::Header);
        assert_eq!(s[0].text, "ランサムウェア被害のお知らせ");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn wrapped_pdf_lines_are_joined_across_blank_lines() {
        let s = split_text(
            "事業団が受託した検診業務のうち、平成２９年度から令和５年度までに実施した個人情報（カ\n\nナ氏名）が流出したおそれがあります。",
        );
        assert_eq!(s.len(), 1);
        assert!(s[0].text.contains("カナ氏名"));
    }

    #[test]
    fn moods() {
        assert_eq!(
            mood("身に覚えのないメールは開かないでください。"),
            Mood::Request
        );
        assert_eq!(
            mood("今後は監視体制を強化してまいります。"),
            Mood::Commitment
        );
        assert_eq!(
            mood("再発防止策として多要素認証を導入しました。"),
            Mood::Statement
        );
        assert_eq!(
            mood("ファイルが暗号化されていることが判明しました。"),
            Mood::Statement
        );
    }
}
