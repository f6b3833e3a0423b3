//! Tokenization with lindera and IPADIC, plus the project's user dictionary.
//!
//! The system dictionary is built from the IPADIC sources in
//! `dictionaries/` by `build.rs` and embedded in the binary, so nothing is
//! downloaded at build or run time. The user dictionary
//! (`dictionaries/user.csv`) adds the domain's words — 要配慮個人情報,
//! ランサムウェア, 不正アクセス, 漏えい … — so that they come out as one token.
//!
//! ```
//! let tokens = jpnotice::tokenize::tokenize("ランサムウェアによる不正アクセス");
//! let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
//! assert_eq!(surfaces, ["ランサムウェア", "による", "不正アクセス"]);
//! ```

use std::cell::RefCell;
use std::sync::OnceLock;

use lindera::dictionary::{Dictionary, UserDictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera_dictionary::builder::DictionaryBuilder;
use lindera_dictionary::dictionary::DetailFields;
use lindera_dictionary::viterbi::{Lattice, WordId};

/// The IPADIC dictionary built by `build.rs`, embedded in the binary.
mod embedded {
    #![allow(missing_docs)]
    lindera_dictionary::embedded_dictionary!("/ipadic", EmbeddedIpadic);
}
use embedded::load;

/// The project's domain words, in IPADIC's 13-column CSV form.
const USER_DICTIONARY: &str = include_str!("../dictionaries/user.csv");

/// One token: its text, its part of speech and where it is.
///
/// Offsets are byte offsets into the text given to [`tokenize`] (for a
/// [`crate::Document`], the normalized text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token as it appears (「漏えい」).
    pub surface: String,
    /// Part of speech, top level (「名詞」「動詞」「助詞」「記号」…),
    /// borrowed from the embedded dictionary (no allocation per token).
    pub pos: &'static str,
    /// Part of speech, first subcategory (「サ変接続」「固有名詞」…, `*` if
    /// none), borrowed from the embedded dictionary.
    pub pos_detail: &'static str,
    /// Dictionary form (「確認さ」 → 「確認する」 style lemmas; the surface for
    /// unknown words).
    pub base_form: String,
    /// Byte offset where the token starts.
    pub start: usize,
    /// Byte offset where the token ends.
    pub end: usize,
}

impl Token {
    /// True for nouns (名詞), the tokens most extractors look at.
    ///
    /// ```
    /// let t = &jpnotice::tokenize::tokenize("氏名")[0];
    /// assert!(t.is_noun());
    /// ```
    pub fn is_noun(&self) -> bool {
        self.pos == "名詞"
    }
}

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        let dictionary: Dictionary = load().expect("the embedded IPADIC dictionary is corrupt");
        let user = user_dictionary(&dictionary);
        Segmenter::new(Mode::Normal, dictionary, user)
    })
}

/// The domain user dictionary (`dictionaries/user.csv`), part of the crate:
/// an error building it is a bug of the build, so it panics with the reason
/// rather than tokenize silently without it.
fn user_dictionary(dictionary: &Dictionary) -> Option<UserDictionary> {
    let builder = DictionaryBuilder::new((*dictionary.metadata).clone());
    let user = builder
        .build_user_dict_from_reader(USER_DICTIONARY.as_bytes())
        .unwrap_or_else(|e| panic!("dictionaries/user.csv is invalid: {e}"));
    Some(user)
}

/// The dictionary columns of a word, borrowed from the embedded
/// dictionaries: what `lindera::token::Token::details` gives, without
/// collecting them into vectors for every token.
fn word_fields(word_id: WordId) -> DetailFields<'static> {
    let segmenter = segmenter();
    let id = word_id.id() as usize;
    if word_id.is_unknown() {
        segmenter.dictionary.unknown_word_details_iter(id)
    } else if word_id.is_system() {
        segmenter.dictionary.word_details_iter(id)
    } else {
        match &segmenter.user_dictionary {
            Some(user) => user.word_details_iter(id),
            None => DetailFields::unk(),
        }
    }
}

/// Tokenizes text with IPADIC and the domain user dictionary.
///
/// ASCII brackets (what NFKC makes of 「（）」) are shown to the tokenizer as
/// full-width brackets, so they come out as symbols (記号) rather than the
/// nouns IPADIC guesses for unknown ASCII symbols; offsets still refer to
/// `text`.
///
/// ```
/// let tokens = jpnotice::tokenize::tokenize("氏名(カナ)");
/// assert_eq!(tokens[1].surface, "(");
/// assert_eq!(tokens[1].pos, "記号");
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    // Replace ASCII brackets by full-width ones, remembering where the
    // replacements are so offsets can be mapped back. Each replacement
    // grows the text by two bytes.
    let mut shown = String::with_capacity(text.len() + 16);
    let mut grown_at: Vec<usize> = Vec::new(); // offsets in `shown` after each replacement
    for c in text.chars() {
        let wide = match c {
            '(' => Some('（'),
            ')' => Some('）'),
            '[' => Some('［'),
            ']' => Some('］'),
            _ => None,
        };
        match wide {
            Some(w) => {
                shown.push(w);
                grown_at.push(shown.len());
            }
            None => shown.push(c),
        }
    }
    let back = |offset: usize| -> usize {
        // Number of replacements that end at or before `offset`.
        let n = grown_at.partition_point(|&g| g <= offset);
        // An offset inside a replaced character cannot be a token boundary.
        offset - 2 * n
    };
    thread_local! {
        // The Viterbi lattice, reused from call to call: setting up a fresh
        // one costs more than segmenting a short sentence.
        static LATTICE: RefCell<Lattice> = RefCell::new(Lattice::default());
    }
    let segmented = LATTICE.with(|lattice| {
        let mut lattice = lattice.borrow_mut();
        segmenter().segment_with_lattice(std::borrow::Cow::Borrowed(shown.as_str()), &mut lattice)
    });
    let Ok(tokens) = segmented else {
        return Vec::new();
    };
    tokens
        .into_iter()
        .map(|t| {
            let start = back(t.byte_start);
            let end = back(t.byte_end);
            // IPADIC's columns: part of speech, its subcategory, two more
            // subcategories, conjugation type and form, then the base form.
            // A missing column reads `*`, as lindera pads it.
            let mut fields = word_fields(t.word_id);
            let pos = fields.next().unwrap_or("*");
            let pos_detail = fields.next().unwrap_or("*");
            let base = fields.nth(4).unwrap_or("*");
            let surface = text[start..end].to_owned();
            let base_form = if base.is_empty() || base == "*" {
                surface.clone()
            } else {
                base.to_owned()
            };
            Token {
                surface,
                pos,
                pos_detail,
                base_form,
                start,
                end,
            }
        })
        .flat_map(split_middle_dots)
        .collect()
}

/// IPADIC reads 「・」 as katakana, so an unknown katakana word swallows
/// the dot before it (「氏名・フリガナ」 → 「氏名」「・フリガナ」); a token
/// holding 「・」 is cut there, the dot becoming a symbol token of its own.
fn split_middle_dots(token: Token) -> Vec<Token> {
    if token.surface == "・" || !token.surface.contains('・') {
        return vec![token];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let surface = token.surface.clone();
    let piece = |a: usize, b: usize, dot: bool, out: &mut Vec<Token>| {
        if a >= b {
            return;
        }
        let text = surface[a..b].to_owned();
        out.push(Token {
            base_form: text.clone(),
            surface: text,
            pos: if dot { "記号" } else { token.pos },
            pos_detail: if dot { "一般" } else { token.pos_detail },
            start: token.start + a,
            end: token.start + b,
        });
    };
    for (i, _) in surface.match_indices('・') {
        piece(from, i, false, &mut out);
        piece(i, i + '・'.len_utf8(), true, &mut out);
        from = i + '・'.len_utf8();
    }
    piece(from, surface.len(), false, &mut out);
    out
}

/// Tokenizes one stretch of a text: the tokens of `text[range]`, with
/// offsets into the whole `text`. Extractors that need tokens only where
/// something may be found (a list line, a sentence naming an item) call
/// this instead of tokenizing the whole notice.
///
/// ```
/// let text = "1. 概要\n氏名、住所が閲覧可能でした。";
/// let line = text.find('氏').unwrap()..text.len();
/// let tokens = jpnotice::tokenize::tokenize_range(text, line.clone());
/// assert_eq!(tokens[0].surface, "氏名");
/// assert_eq!(tokens[0].start, line.start);
/// assert_eq!(&text[tokens[0].start..tokens[0].end], "氏名");
/// ```
pub fn tokenize_range(text: &str, range: std::ops::Range<usize>) -> Vec<Token> {
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut tokens = tokenize(part);
    for t in &mut tokens {
        t.start += range.start;
        t.end += range.start;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_dots_are_tokens_of_their_own() {
        let t = tokenize("氏名・フリガナ");
        let surfaces: Vec<&str> = t.iter().map(|t| t.surface.as_str()).collect();
        assert_eq!(surfaces.first(), Some(&"氏名"));
        assert_eq!(surfaces.get(1), Some(&"・"));
        assert_eq!(t[1].pos, "記号");
    }

    #[test]
    fn domain_words_are_single_tokens() {
        for w in [
            "要配慮個人情報",
            "個人情報保護委員会",
            "ランサムウェア",
            "フォレンジック",
            "二次被害",
        ] {
            let t = tokenize(w);
            assert_eq!(t.len(), 1, "{w}: {t:?}");
        }
    }

    #[test]
    fn offsets_cover_text() {
        let text = "氏名(カナ)及び[住所]の漏えい";
        let tokens = tokenize(text);
        for t in &tokens {
            assert_eq!(&text[t.start..t.end], t.surface);
        }
        let joined: String = tokens.iter().map(|t| t.surface.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn ascii_brackets_are_symbols() {
        let tokens = tokenize("氏名(カナ)");
        assert_eq!(tokens[1].surface, "(");
        assert_eq!(tokens[1].pos, "記号");
        assert_eq!(tokens[3].pos, "記号");
    }

    #[test]
    fn fields_are_linderas_details() {
        // System, user-dictionary and unknown words.
        let text = "ランサムウェアによる不正アクセスでザクロ社のabc123が漏えいしました。";
        let mut lattice = Lattice::default();
        let expected: Vec<(String, String, String)> = segmenter()
            .segment_with_lattice(std::borrow::Cow::Borrowed(text), &mut lattice)
            .unwrap_or_default()
            .into_iter()
            .map(|mut t| {
                let mut field = |i: usize| t.get_detail(i).unwrap_or_default().to_owned();
                (field(0), field(1), field(6))
            })
            .collect();
        let ours: Vec<(String, String, String)> = word_ids(text)
            .into_iter()
            .map(|id| {
                let mut f = word_fields(id);
                let pos = f.next().unwrap_or("*").to_owned();
                let detail = f.next().unwrap_or("*").to_owned();
                (pos, detail, f.nth(4).unwrap_or("*").to_owned())
            })
            .collect();
        assert!(expected.len() > 8);
        assert!(
            expected
                .iter()
                .any(|(pos, ..)| pos == "UNK" || pos == "名詞")
        );
        assert_eq!(ours, expected);
    }

    fn word_ids(text: &str) -> Vec<WordId> {
        let mut lattice = Lattice::default();
        segmenter()
            .segment_with_lattice(std::borrow::Cow::Borrowed(text), &mut lattice)
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.word_id)
            .collect()
    }

    #[test]
    fn base_forms() {
        let tokens = tokenize("確認されておりません");
        assert_eq!(tokens[0].base_form, "確認");
    }
}
