//! The sentences that decided a notice's incident types and leak status.
//!
//! The classifiers in [`crate::extract::incident`] and
//! [`crate::extract::leak`] explain themselves with the sentence (compacted:
//! spaces and line breaks dropped) and the cue that matched. This module
//! finds that sentence in the input again: in the block the sentence came
//! from, the same characters with the whitespace skipped.

use crate::extract::leak::LeakStatus;
use crate::extract::sentences::Sentence;
use crate::extract::{incident, leak};
use crate::{Document, Notice, Span};

/// One sentence that decided a classification.
///
/// ```
/// let input = "当社サーバーがランサムウェアに感染しました。\n個人情報が流出したおそれがあります。";
/// let notice = jpnotice::parse(input);
/// let doc = jpnotice::Document::new(input);
/// let found = jpnotice::view::evidence(&doc, &notice);
/// assert_eq!(found[0].field, "incident_types");
/// assert_eq!(found[0].value, "ransomware");
/// assert_eq!(found[0].span.text, "当社サーバーがランサムウェアに感染しました。");
/// assert_eq!(found.last().unwrap().value, "possible");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// `incident_types` or `leak_status`.
    pub field: &'static str,
    /// The value it decided (`ransomware`, `possible`).
    pub value: String,
    /// The words that matched (「ランサム」「おそれ」).
    pub cue: String,
    /// The sentence in the input.
    pub span: Span,
}

/// For each incident type of `notice`, the sentence that first showed it,
/// then the first sentence that states its leak status; `doc` must be the
/// document `notice` was parsed from. A type or status the classifier
/// gave without a sentence of its own (the `other` fallback, `none_stated`)
/// has none.
///
/// ```
/// let input = "顧客情報の流出は確認されておりません。";
/// let notice = jpnotice::parse(input);
/// let found = jpnotice::view::evidence(&jpnotice::Document::new(input), &notice);
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].field, found[0].value.as_str()), ("leak_status", "not_found"));
/// ```
pub fn evidence(doc: &Document, notice: &Notice) -> Vec<Evidence> {
    let sentences = doc.sentences();
    let mut out = Vec::new();
    for (kind, why) in incident::evidence(sentences) {
        if !notice.incident_types.contains(&kind) {
            continue;
        }
        if let Some(found) = locate(doc, sentences, &why, "incident_types", super::key(&kind)) {
            out.push(found);
        }
    }
    if let Some(status) = notice.leak_status.filter(|s| *s != LeakStatus::NoneStated) {
        let first = leak::evidence(sentences)
            .into_iter()
            .find(|(s, _)| *s == status);
        if let Some(found) = first
            .and_then(|(_, why)| locate(doc, sentences, &why, "leak_status", super::key(&status)))
        {
            out.push(found);
        }
    }
    out
}

/// Finds the sentence of an explanation 「sentence【cue】」 in the input.
fn locate(
    doc: &Document,
    sentences: &[Sentence],
    why: &str,
    field: &'static str,
    value: String,
) -> Option<Evidence> {
    let open = why.rfind('【')?;
    let text = &why[..open];
    let cue = why[open..]
        .trim_start_matches('【')
        .trim_end_matches('】')
        .to_owned();
    if text.is_empty() {
        return None;
    }
    // The leak classifier may explain with the statement before a request
    // in the same sentence: a prefix of it.
    let sentence = sentences
        .iter()
        .find(|s| s.text == text)
        .or_else(|| sentences.iter().find(|s| s.text.starts_with(text)))?;
    let block = doc.text().get(sentence.start..sentence.end)?;
    let (s, e) = find_ignoring_space(block, text)?;
    Some(Evidence {
        field,
        value,
        cue,
        span: doc.span(sentence.start + s, sentence.start + e),
    })
}

/// The byte range in `haystack` of the first run of characters equal to
/// `needle`'s when whitespace is skipped in both.
fn find_ignoring_space(haystack: &str, needle: &str) -> Option<(usize, usize)> {
    let hay: Vec<(usize, char)> = haystack
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let want: Vec<char> = needle.chars().filter(|c| !c.is_whitespace()).collect();
    if want.is_empty() || want.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - want.len())
        .find(|&i| {
            hay[i..i + want.len()]
                .iter()
                .map(|(_, c)| *c)
                .eq(want.iter().copied())
        })
        .map(|i| {
            let (last, c) = hay[i + want.len() - 1];
            (hay[i].0, last + c.len_utf8())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_across_line_breaks() {
        let hay = "前文。不正アク\n  セスを受けました。";
        let (s, e) = find_ignoring_space(hay, "不正アクセスを受けました。").unwrap();
        assert_eq!(&hay[s..e], "不正アク\n  セスを受けました。");
        assert_eq!(find_ignoring_space(hay, "ない"), None);
        assert_eq!(find_ignoring_space(hay, ""), None);
    }

    #[test]
    fn evidence_of_a_misdelivery() {
        let input = "メールを誤送信しました。\n氏名が漏えいしました。";
        let notice = crate::parse(input);
        let doc = Document::new(input);
        let found = evidence(&doc, &notice);
        let values: Vec<&str> = found.iter().map(|e| e.value.as_str()).collect();
        assert!(values.contains(&"misdelivery"), "{found:?}");
        for e in &found {
            assert_eq!(&input[e.span.start..e.span.end], e.span.text);
        }
    }

    #[test]
    fn no_evidence_in_empty_text() {
        let notice = crate::parse("");
        assert!(evidence(&Document::new(""), &notice).is_empty());
    }
}
