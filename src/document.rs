//! The shared view of one notice that every extractor reads: the input, its
//! normalized form with the offset map, and the tokens (computed once, on
//! first use).
//!
//! ```
//! let doc = jpnotice::Document::new("令和６年５月\n不正アクセスに関するお知らせ");
//! assert_eq!(doc.text(), "令和6年5月\n不正アクセスに関するお知らせ");
//! let span = doc.span(0, "令和6年5月".len());
//! assert_eq!(span.text, "令和６年５月");
//! ```

use std::sync::OnceLock;

use serde::Serialize;

use crate::extract::sentences::{Sentence, from_structure};
use crate::normalize::{Normalized, normalize};
use crate::structure::Structure;
use crate::tokenize::{Token, tokenize};

/// One notice, ready for extraction.
#[derive(Debug)]
pub struct Document<'a> {
    input: &'a str,
    normalized: Normalized,
    tokens: OnceLock<Vec<Token>>,
    sentences: OnceLock<Vec<Sentence>>,
    structure: OnceLock<Structure>,
}

/// A piece of the input: its text as written and its byte offsets in the
/// input. Every output item that points into the input has one, flattened
/// into its JSON as `text`, `start` and `end`.
///
/// ```
/// let input = "受付：令和６年１月２９日";
/// let notice = jpnotice::parse(input);
/// let span = &notice.dates[0].span;
/// assert_eq!(span.text, "令和６年１月２９日");
/// assert_eq!(&input[span.start..span.end], span.text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
pub struct Span {
    /// The input text of the span (「令和６年１月２９日」, not its normalized form).
    pub text: String,
    /// Input byte offset of the first byte.
    pub start: usize,
    /// Input byte offset one past the last byte.
    pub end: usize,
}

impl<'a> Document<'a> {
    /// Normalizes `input` and prepares it for extraction.
    ///
    /// ```
    /// let doc = jpnotice::Document::new("お問い合わせ：０１２０－１２３－４５６");
    /// assert!(doc.text().ends_with("0120-123-456"));
    /// ```
    pub fn new(input: &'a str) -> Self {
        Document {
            input,
            normalized: normalize(input),
            tokens: OnceLock::new(),
            sentences: OnceLock::new(),
            structure: OnceLock::new(),
        }
    }

    /// The input as given.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The normalized text extractors search (see [`crate::normalize`]).
    pub fn text(&self) -> &str {
        &self.normalized.text
    }

    /// The normalization with its offset map.
    pub fn normalized(&self) -> &Normalized {
        &self.normalized
    }

    /// Tokens of the normalized text (offsets into [`Document::text`]).
    /// Tokenization runs once, the first time any extractor asks.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| tokenize(&self.normalized.text))
    }

    /// The sentences of the normalized text with their section and mood
    /// (see [`crate::extract::sentences`]), split once and shared by the
    /// extractors that classify sentences.
    ///
    /// ```
    /// let doc = jpnotice::Document::new("不正アクセスを確認しました。調査中です。");
    /// assert_eq!(doc.sentences().len(), 2);
    /// ```
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences
            .get_or_init(|| from_structure(&self.normalized.text, self.structure()))
    }

    /// The notice's layout (blocks, sections, tables, masks; see
    /// [`crate::structure`]), read once, the first time an extractor asks.
    ///
    /// ```
    /// let doc = jpnotice::Document::new("１．漏えいした情報\n・氏名\n・住所");
    /// assert_eq!(doc.structure().blocks().len(), 3);
    /// ```
    pub fn structure(&self) -> &Structure {
        self.structure
            .get_or_init(|| Structure::new(&self.normalized.text))
    }

    /// Maps a byte range of the normalized text to the input: the input's
    /// text there and its input byte offsets.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (s, e) = self.normalized.input_span(start, end);
        Span {
            text: self.input[s..e].to_owned(),
            start: s,
            end: e,
        }
    }

    /// The input byte offset of a normalized byte offset.
    pub fn input_offset(&self, offset: usize) -> usize {
        self.normalized.input_offset(offset)
    }
}
