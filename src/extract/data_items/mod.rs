//! Personal data items that were (or explicitly were not) affected.
//!
//! Rules (see `ANNOTATION.md`):
//! - The text is cut into pieces (sentences, list lines, table cells; see
//!   [`lists`]). Items are vocabulary synonyms matched on whole tokens
//!   ([`vocabulary`]), the longest first; a match directly followed by
//!   another noun is only a modifier (「メール本文」 is not an e-mail address,
//!   「勤務先メールアドレス」 is one e-mail address).
//! - A piece counts when it describes affected data: it sits under a heading
//!   or lead-in that announces the affected items, or it has a leak cue
//!   (漏えい, 流出, 閲覧, おそれ, 含まれ, 保存 …). Advice, warnings and
//!   countermeasures never count ([`negation::is_advice`]).
//! - Items written before a negation cue (「…は含まれておりません」,
//!   「…の漏洩は確認されておりません」, 「保存されておらず」, 「…の漏えいは
//!   ないことを確認」) are `affected: false`; the negated stretch starts at
//!   the bracket holding the cue or at a note mark 「※」 before it
//!   (「住所、氏名 ※カード情報は含まない」 negates only the card data).
//! - The organization's own mailbox (「当社のメールアドレスが不正利用され」,
//!   「当該メールアドレスを削除し」) is no lost data in prose.
//! - In a list (a list line or cell under an announcing heading, or after a
//!   label such as 「項目：」), an item the vocabulary does not know becomes
//!   `other` with its text kept; generic wholes (個人情報, 申請情報) and
//!   the people whose data it is (お客様, 当社, 従業員) give nothing. Free
//!   prose never yields `other`. When a descriptive clause holds its list
//!   in a bracket (「…に在籍していた従業員情報（氏名、入館番号）」), only
//!   the bracket's unknown items are `other`.
//!
//! ```
//! use jpnotice::Document;
//! use jpnotice::extract::data_items::{extract, Vocabulary};
//! let doc = Document::new("項目：会員ＩＤ、カナ氏名及びＸ線画像\nマイナンバーは含まれておりません。");
//! let items = extract(&doc, &Vocabulary::embedded(), &mut Vec::new());
//! let keys: Vec<(&str, bool)> = items.iter().map(|i| (i.key.as_str(), i.affected)).collect();
//! assert_eq!(keys, [("account_id", true), ("name_kana", true), ("health_info", true), ("my_number", false)]);
//! assert_eq!(items[1].span.text, "カナ氏名");
//! ```

pub mod lists;
pub mod negation;
pub mod vocabulary;

use std::cell::OnceCell;
use std::ops::Range;

use crate::Span;
use serde::{Deserialize, Serialize};

pub use self::vocabulary::Vocabulary;
use self::vocabulary::{Match, OTHER_KEY};
use crate::Document;
use crate::tokenize::{Token, tokenize_range};

/// One data item named in the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataItem {
    /// Key from the vocabulary (`name`, `name_kana`, `address`, …, `other`).
    pub key: String,
    /// The vocabulary's Japanese label (「氏名（カナ）」).
    pub label: String,
    /// The item as written in the input (「カナ氏名」).
    #[serde(flatten)]
    pub span: Span,
    /// False when the notice says this item was NOT affected.
    pub affected: bool,
}

/// Finds the data items, in text order. An item named several times is
/// reported each time (with its own offsets).
///
/// ```
/// use jpnotice::Document;
/// use jpnotice::extract::data_items::{extract, Vocabulary};
/// let doc = Document::new("お名前、ご住所、電話番号が閲覧可能な状態でした。");
/// let items = extract(&doc, &Vocabulary::embedded(), &mut Vec::new());
/// let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
/// assert_eq!(keys, ["name", "address", "phone"]);
/// ```
pub fn extract(
    doc: &Document,
    vocabulary: &Vocabulary,
    warnings: &mut Vec<String>,
) -> Vec<DataItem> {
    let _ = warnings;
    let text = doc.text();
    let mut out = Vec::new();
    for piece in lists::pieces(text, doc.structure()) {
        let cues = PieceCues::new(text.get(piece.range.clone()).unwrap_or(""));
        if !may_name_items(&piece, &cues, vocabulary) {
            continue;
        }
        let tokens = tokenize_range(text, piece.range.clone());
        let ctx = PieceContext {
            doc,
            vocabulary,
            text,
            tokens: &tokens,
            range: piece.range.clone(),
        };
        ctx.collect(&piece, &cues, &mut out);
    }
    out.sort_by_key(|item| item.span.start);
    drop_contradicted(out)
}

/// The cue tests of one piece's text, each run at most once and only when
/// asked: they decide whether the piece is tokenized at all, and then
/// scope its items.
struct PieceCues<'b> {
    body: &'b str,
    label_end: OnceCell<Option<usize>>,
    leak_cue: OnceCell<bool>,
    negation_cues: OnceCell<Vec<(usize, usize)>>,
}

impl<'b> PieceCues<'b> {
    fn new(body: &'b str) -> Self {
        PieceCues {
            body,
            label_end: OnceCell::new(),
            leak_cue: OnceCell::new(),
            negation_cues: OnceCell::new(),
        }
    }

    /// [`negation::list_label_end`] of the piece.
    fn label_end(&self) -> Option<usize> {
        *self
            .label_end
            .get_or_init(|| negation::list_label_end(self.body))
    }

    /// [`negation::has_leak_cue`] of the piece.
    fn leak_cue(&self) -> bool {
        *self
            .leak_cue
            .get_or_init(|| negation::has_leak_cue(self.body))
    }

    /// [`negation::negation_cues`] of the piece.
    fn negation_cues(&self) -> &[(usize, usize)] {
        self.negation_cues
            .get_or_init(|| negation::negation_cues(self.body))
    }
}

/// Whether a piece can yield an item at all, decided before it is
/// tokenized (tokenizing is the costly step): it names a known item, or it
/// is a list whose unknown items count; advice never counts. It must also
/// give its items a scope: without a block, a label, a leak cue or a
/// negation cue every position of the piece is [`Scope::Ignored`] (see
/// [`ScopeRule::at`]; a leak cue after a negation is a leak cue of the
/// whole piece).
fn may_name_items(piece: &lists::Piece, cues: &PieceCues, vocabulary: &Vocabulary) -> bool {
    let body = cues.body;
    if body.trim().is_empty() {
        return false;
    }
    // The cheap tests first; every test is pure, so the order is free.
    let labelled = || cues.label_end().is_some();
    let names = (piece.list_like && piece.in_block) || vocabulary.mentions_any(body) || labelled();
    let scoped =
        || piece.in_block || cues.leak_cue() || !cues.negation_cues().is_empty() || labelled();
    names && scoped() && !negation::is_advice(body)
}

/// Drops `affected: false` mentions of a key that is affected elsewhere in
/// the notice: at the level of keys the notice did lose such data (a
/// 「健康診断結果は保存されておらず」 beside leaked 「健診予約内容」).
fn drop_contradicted(items: Vec<DataItem>) -> Vec<DataItem> {
    let affected: std::collections::HashSet<String> = items
        .iter()
        .filter(|i| i.affected)
        .map(|i| i.key.clone())
        .collect();
    items
        .into_iter()
        .filter(|i| i.affected || !affected.contains(&i.key))
        .collect()
}

/// One piece being read.
struct PieceContext<'d, 'a> {
    doc: &'d Document<'a>,
    vocabulary: &'d Vocabulary,
    text: &'d str,
    tokens: &'d [Token],
    range: Range<usize>,
}

/// Whether items at a position count, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Affected,
    NotAffected,
    Ignored,
}

/// Whose mailbox an e-mail address item names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// 「当社の」「弊社の」: the organization's own.
    Organization,
    /// 「当該」: the one just named (the compromised mailbox).
    Referenced,
}

/// A negation cue and the stretch of text it covers.
#[derive(Debug, Clone, Copy)]
struct Negation {
    /// Start of the negated stretch: the piece, or the bracket holding the cue.
    scope_start: usize,
    cue_start: usize,
    cue_end: usize,
}

/// Decides the scope of an item by its position in the piece.
struct ScopeRule<'t> {
    negations: Vec<Negation>,
    /// The piece sits under a heading or lead that says its items were
    /// NOT affected (「漏えいしていないと想定される情報」).
    negated_block: bool,
    /// Where a negation asked as a question starts (「…含まれていないか
    /// を確認」): items before it are not reported.
    question: Option<usize>,
    affected_context: bool,
    leak_cue: bool,
    text: &'t str,
    piece_end: usize,
}

impl ScopeRule<'_> {
    fn at(&self, offset: usize) -> Scope {
        if self.negated_block {
            return Scope::NotAffected;
        }
        if self.question.is_some_and(|q| offset < q) {
            return Scope::Ignored;
        }
        // The first cue after the item decides, when the item lies in
        // that cue's clause.
        if let Some(n) = self.negations.iter().find(|n| offset < n.cue_start)
            && offset >= n.scope_start
        {
            return Scope::NotAffected;
        }
        if let Some(last) = self.negations.last()
            && offset >= last.cue_end
        {
            let rest = self.text.get(last.cue_end..self.piece_end).unwrap_or("");
            return if self.affected_context || negation::has_leak_cue(rest) {
                Scope::Affected
            } else {
                Scope::Ignored
            };
        }
        if self.affected_context || self.leak_cue {
            Scope::Affected
        } else {
            Scope::Ignored
        }
    }
}

impl PieceContext<'_, '_> {
    fn piece_text(&self) -> &str {
        self.text.get(self.range.clone()).unwrap_or("")
    }

    /// Collects the items of a piece that [`may_name_items`] let through
    /// (so it is no advice), reusing the cue tests it ran.
    fn collect(&self, piece: &lists::Piece, cues: &PieceCues, out: &mut Vec<DataItem>) {
        let body = self.piece_text();
        if self.tokens.is_empty() {
            return;
        }
        let label_end = cues.label_end().map(|e| self.range.start + e);
        // A piece after a label is a list even in prose; `other` is allowed
        // from the label on (or everywhere in a list-like piece of a block).
        let list_from = match label_end {
            // A link line is no list (its 「/」 are no item separators).
            _ if self
                .doc
                .structure()
                .masks()
                .urls
                .iter()
                .any(|&(s, e)| s < self.range.end && self.range.start < e) =>
            {
                None
            }
            Some(end) => Some(end),
            None if piece.list_like && piece.in_block && self.cell_names_items(piece) => {
                Some(self.range.start)
            }
            None => None,
        };
        let scope = ScopeRule {
            negations: self.negations(body, cues.negation_cues()),
            negated_block: piece.negated,
            question: negation::question_cue(body).map(|q| self.range.start + q),
            affected_context: piece.in_block || label_end.is_some(),
            leak_cue: cues.leak_cue(),
            text: self.text,
            piece_end: self.range.end,
        };
        let strict = piece.list_like && !body.contains('。');
        let all = self.all_matches();
        let spans: Vec<Range<usize>> = all.iter().map(|m| m.first..m.last).collect();
        // A descriptive clause with its list in brackets: only the
        // bracket's unknown items are items.
        let bracketed = lists::bracketed_elements(self.tokens, &spans);
        if let Some(inner) = &bracketed {
            for element in inner {
                let known = all
                    .iter()
                    .any(|m| m.first >= element.start && m.last <= element.end);
                let Some(first_token) = self.tokens.get(element.start) else {
                    continue;
                };
                if !known
                    && list_from.is_some_and(|from| first_token.start >= from)
                    && let Some(span) = self.other_span(element.clone())
                {
                    self.push_other(span.clone(), scope.at(span.start), out);
                }
            }
        }
        for element in lists::elements(self.tokens, &spans) {
            let Some(first_token) = self.tokens.get(element.start) else {
                continue;
            };
            let heads: Vec<Match> = all
                .iter()
                .filter(|m| m.first >= element.start && m.last <= element.end)
                .filter(|m| self.is_head(m.last, element.end, strict))
                .copied()
                .collect();
            if heads.is_empty() {
                // A list of named exclusions is a list even in prose:
                // 「事故の内容、銀行口座情報やクレジットカード情報は含まれておりません」.
                let negated_list =
                    all.len() >= 2 && scope.at(first_token.start) == Scope::NotAffected;
                if bracketed.is_none()
                    && (negated_list || list_from.is_some_and(|from| first_token.start >= from))
                    && let Some(span) = self.other_span(element.clone())
                {
                    self.push_other(span.clone(), scope.at(span.start), out);
                }
                continue;
            }
            for m in heads {
                let Some(token) = self.tokens.get(m.first) else {
                    continue;
                };
                let at = scope.at(token.start);
                // The organization's own mailbox is no lost data, though a
                // notice may say it was not affected either.
                let own = match self.own_account(m, token.start) {
                    _ if piece.list_like => None,
                    Some(Owner::Organization) if at == Scope::NotAffected => None,
                    own => own,
                };
                // In prose, mail contents before 「の」 locate something else
                // (「メール本文のリンク先」), they are not what was lost.
                let located = !piece.list_like
                    && self
                        .vocabulary
                        .entry(m.entry)
                        .is_some_and(|e| e.key == OTHER_KEY)
                    && self.tokens.get(m.last).is_some_and(|t| t.surface == "の")
                    && self.tokens.get(m.last + 1).is_some_and(|t| {
                        !negation::has_leak_cue(&t.surface)
                            && !matches!(t.surface.as_str(), "一部" | "全部" | "内容")
                    });
                if own.is_none() && !located {
                    self.push_match(m, at, out);
                }
            }
        }
    }

    /// For a table cell, whether the whole cell names a known item (so
    /// its unknown items are items too); true for other pieces.
    fn cell_names_items(&self, piece: &lists::Piece) -> bool {
        let Some(cell) = &piece.cell else {
            return true;
        };
        let Some(cell_text) = self.text.get(cell.clone()) else {
            return false;
        };
        if !self.vocabulary.mentions_any(cell_text) {
            return false;
        }
        let tokens = tokenize_range(self.text, cell.clone());
        (0..tokens.len()).any(|i| {
            self.vocabulary
                .longest_at(self.text, &tokens, i, tokens.len())
                .is_some()
        })
    }

    /// The negation cues of the piece (`cues`, from
    /// [`negation::negation_cues`] of `body`): where each one's scope
    /// starts — after the previous cue, a clause boundary
    /// (「…流出しましたが、」「なお、」), a note mark 「※」, or at the bracket
    /// holding the cue — and the cue's own range.
    fn negations(&self, body: &str, cues: &[(usize, usize)]) -> Vec<Negation> {
        let base = self.range.start;
        let mut out = Vec::new();
        let mut previous_end = 0;
        for &(cue_start, cue_end) in cues {
            let mut open: Vec<usize> = Vec::new();
            let mut note = 0;
            for (i, c) in body.char_indices() {
                if i >= cue_start {
                    break;
                }
                match c {
                    '(' | '（' => open.push(i),
                    ')' | '）' => {
                        open.pop();
                    }
                    '※' if open.is_empty() => note = i,
                    _ => {}
                }
            }
            let clause = body
                .get(previous_end..cue_start)
                .map_or(0, |before| previous_end + negation::clause_start(before));
            let start = open
                .last()
                .copied()
                .unwrap_or(0)
                .max(note)
                .max(previous_end)
                .max(clause);
            out.push(Negation {
                scope_start: base + start,
                cue_start: base + cue_start,
                cue_end: base + cue_end,
            });
            previous_end = cue_end;
        }
        out
    }

    /// Greedy longest vocabulary matches over the whole piece.
    fn all_matches(&self) -> Vec<Match> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            match self
                .vocabulary
                .longest_at(self.text, self.tokens, i, self.tokens.len())
            {
                Some(m) => {
                    found.push(m);
                    i = m.last.max(i + 1);
                }
                None => i += 1,
            }
        }
        found
    }

    /// Whether a match ending before token `next` is an item on its own.
    /// In prose it must not be followed by another noun (「メール本文」) or
    /// by する (「所属する」); in a list line it must end its item or be
    /// followed only by a bracket, 等, 情報 … (「画像に付帯する情報」 is not
    /// an image).
    fn is_head(&self, next: usize, element_end: usize, strict: bool) -> bool {
        if next >= element_end {
            return true;
        }
        let Some(token) = self.tokens.get(next) else {
            return true;
        };
        let tail = matches!(
            token.surface.as_str(),
            "情報"
                | "データ"
                | "欄"
                | "一覧"
                | "項目"
                | "全般"
                | "等"
                | "など"
                | "類"
                | "含む"
                | "含み"
        ) || token.pos_detail == "接尾" && !names_organization(&token.surface)
            || token.pos_detail == "数";
        // 「受診日の全部又は一部」: the item's extent, not a longer name.
        let extent = token.surface == "の"
            && self.tokens.get(next + 1).is_some_and(|t| {
                matches!(
                    t.surface.as_str(),
                    "全部" | "一部" | "いずれか" | "み" | "うち"
                )
            });
        if tail || extent || matches!(lists::role(token), lists::Role::Open | lists::Role::Close) {
            return true;
        }
        // A count after a colon (「電話番号:397件」; IPADIC reads the
        // half-width colon as a noun).
        let counted = matches!(token.surface.as_str(), ":" | "：")
            && self.tokens.get(next + 1).is_some_and(|t| {
                t.surface
                    .starts_with(|c: char| c.is_ascii_digit() || c == '約')
            });
        if counted {
            return true;
        }
        if strict {
            return token.pos == "記号"
                || matches!(
                    token.surface.as_str(),
                    "は" | "が" | "も" | "や" | "を" | "について"
                );
        }
        // A place where something happened (「担当部署において」) is no item.
        if token.pos == "名詞" || matches!(token.surface.as_str(), "において" | "にて") {
            return false;
        }
        !(token.pos == "動詞" && token.base_form == "する")
    }

    /// The text of an unknown list item worth reporting as `other`, as a
    /// normalized byte range; `None` for generic wholes, counts, dates,
    /// clauses and bullets alone.
    fn other_span(&self, element: Range<usize>) -> Option<Range<usize>> {
        let mut tokens = self.tokens.get(element)?;
        // A note after ※ is no part of the item: 「請求書 ※…」 → 請求書.
        if let Some(note) = tokens
            .iter()
            .skip(1)
            .position(|t| t.surface.starts_with('※'))
        {
            tokens = tokens.get(..=note)?;
        }
        // An explanation in brackets is not part of the item's name:
        // 「保険契約概要（証券番号、…）」 → 保険契約概要.
        if let Some(open) = tokens
            .iter()
            .position(|t| lists::role(t) == lists::Role::Open)
            .filter(|&open| tokens.iter().take(open).any(|t| t.pos != "記号"))
        {
            tokens = tokens.get(..open)?;
        }
        // Trim leading bullets/labels and trailing 等/など.
        let start_index = tokens
            .iter()
            .position(|t| t.pos != "記号" && !is_leading_filler(t))?;
        let end_index = tokens
            .iter()
            .rposition(|t| t.pos != "記号" && !is_trailing_filler(t))?;
        let kept = tokens.get(start_index..=end_index)?;
        let (first, last) = (kept.first()?, kept.last()?);
        let text = self.text.get(first.start..last.end)?;
        if text.chars().count() > 25 || text.chars().count() < 2 {
            return None;
        }
        if text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '。' | ':' | '：' | '①'..='⑳'))
        {
            return None;
        }
        // A clause (「解読は困難」) is no item name.
        let clause = |t: &Token| {
            matches!(t.pos, "動詞" | "助動詞" | "副詞" | "接続詞")
                || (t.pos == "助詞"
                    && matches!(t.surface.as_str(), "は" | "が" | "を" | "に" | "で" | "へ"))
        };
        if kept.iter().any(clause) {
            return None;
        }
        if last.pos != "名詞" || is_generic(text) || is_leak_word(text) {
            return None;
        }
        Some(first.start..last.end)
    }

    /// Whether an e-mail address is the organization's own mailbox:
    /// 「当社のメールアドレスが不正利用され」, 「当該メールアドレスを削除し」.
    fn own_account(&self, m: Match, start: usize) -> Option<Owner> {
        const OWNERS: [&str; 11] = [
            "当社の",
            "弊社の",
            "当公社の",
            "当院の",
            "本学の",
            "当法人の",
            "当協会の",
            "当会の",
            "当機構の",
            "当財団の",
            "本会の",
        ];
        let own_kind = self
            .vocabulary
            .entry(m.entry)
            .is_some_and(|e| e.key == "email");
        let before = self.text.get(..start).unwrap_or("").trim_end();
        if !own_kind {
            return None;
        }
        if before.ends_with("当該") {
            return Some(Owner::Referenced);
        }
        OWNERS
            .iter()
            .any(|o| before.ends_with(o))
            .then_some(Owner::Organization)
    }

    fn push_match(&self, m: Match, scope: Scope, out: &mut Vec<DataItem>) {
        let (Some(entry), Some(first), Some(last)) = (
            self.vocabulary.entry(m.entry),
            self.tokens.get(m.first),
            self.tokens.get(m.last.saturating_sub(1)),
        ) else {
            return;
        };
        // Credentials an attacker brought are the vector, not lost data.
        let credential = matches!(entry.key.as_str(), "password" | "account_id");
        if credential && scope == Scope::Affected && negation::credential_vector(self.piece_text())
        {
            return;
        }
        self.push(&entry.key, &entry.label, first.start..last.end, scope, out);
    }

    fn push_other(&self, range: Range<usize>, scope: Scope, out: &mut Vec<DataItem>) {
        let label = self.vocabulary.label(OTHER_KEY).unwrap_or("その他");
        self.push(OTHER_KEY, label, range, scope, out);
    }

    fn push(
        &self,
        key: &str,
        label: &str,
        range: Range<usize>,
        scope: Scope,
        out: &mut Vec<DataItem>,
    ) {
        let affected = match scope {
            Scope::Affected => true,
            Scope::NotAffected => false,
            Scope::Ignored => return,
        };
        let span = self.doc.span(range.start, range.end);
        out.push(DataItem {
            key: key.to_owned(),
            label: label.to_owned(),
            span,
            affected,
        });
    }
}

/// A suffix that makes a word an organization's name: 「写真室」, 「名簿社」.
fn names_organization(suffix: &str) -> bool {
    matches!(
        suffix,
        "室" | "社" | "店" | "館" | "所" | "局" | "課" | "部" | "院" | "園"
    )
}

/// Words before an item that are not part of it (「または」, bullets).
fn is_leading_filler(token: &Token) -> bool {
    token.pos == "接続詞" || matches!(token.surface.as_str(), "→" | "-" | "*" | "※" | "の")
}

/// Words after an item that are not part of it (「等」, 「など」).
fn is_trailing_filler(token: &Token) -> bool {
    matches!(
        token.surface.as_str(),
        "等" | "など" | "等々" | "の" | "は" | "が" | "も"
    )
}

/// A word for what happened to the data, not an item: 「漏洩、流出の
/// 可能性はない」 lists two such words.
fn is_leak_word(text: &str) -> bool {
    const WORDS: [&str; 9] = [
        "漏洩",
        "漏えい",
        "漏い",
        "流出",
        "漏れ",
        "窃取",
        "盗難",
        "紛失",
        "情報漏洩",
    ];
    let core = text.trim_end_matches(['等', 'な', 'ど']);
    WORDS.contains(&core)
}

/// Generic wholes that name no item: 個人情報, 申請情報, お客様情報 …
fn is_generic(text: &str) -> bool {
    const GENERIC_ENDINGS: [&str; 39] = [
        // 「(省略)」: text left out of the archive, and business partners.
        "省略",
        "取引先",
        // Systems that held the data, not data.
        "システム",
        "サーバ",
        "サーバー",
        "フォーム",
        "サイト",
        "ホームページ",
        "ページ",
        // People and organizations whose data it is, not data.
        "者",
        "様",
        "さま",
        "の方",
        "方々",
        "当社",
        "弊社",
        "会社",
        "従業員",
        "社員",
        "職員",
        "下記情報",
        "のほか",
        "対象",
        "対象者",
        "区分",
        "件数",
        "状況",
        "個人情報",
        "個人データ",
        "顧客情報",
        "お客様情報",
        "お客さま情報",
        "申請情報",
        "登録情報",
        "会員情報",
        "の情報",
        "項目",
        "内訳",
        "その他",
    ];
    text == "情報"
        || text == "データ"
        || text == "一部"
        || text == "全部"
        || GENERIC_ENDINGS.iter().any(|g| text.ends_with(g))
}

#[cfg(test)]
mod tests;
