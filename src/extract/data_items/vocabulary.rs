//! The data-item vocabulary: keys, Japanese labels and the synonyms notices
//! use for them, read from a TSV file (`dictionaries/data-items.tsv` is
//! embedded; [`Vocabulary::from_path`] loads another one at run time).
//!
//! Synonyms are NFKC-normalized like the documents, and looked up on token
//! boundaries: a synonym matches a run of whole tokens, so 「住所」 never
//! matches inside 「メールアドレス」. Where several synonyms match at one
//! place the longest wins (「保護者氏名」 over 「氏名」).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::normalize::normalize;
use crate::tokenize::Token;

/// The vocabulary file shipped with the library.
const EMBEDDED_TSV: &str = include_str!("../../../dictionaries/data-items.tsv");

/// The key for items the vocabulary does not know.
pub const OTHER_KEY: &str = "other";

/// The longest synonym, in tokens, that the matcher tries.
const MAX_TOKENS_PER_SYNONYM: usize = 8;

/// One kind of data item: its key, label and synonyms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable key (`name_kana`).
    pub key: String,
    /// Japanese label (「氏名（カナ）」).
    pub label: String,
    /// Normalized synonyms (「カナ氏名」, 「フリガナ」 …).
    pub synonyms: Vec<String>,
}

/// The data-item vocabulary (key, label, synonyms).
///
/// ```
/// use jpnotice::extract::data_items::Vocabulary;
/// let v = Vocabulary::embedded();
/// assert_eq!(v.label("name_kana"), Some("氏名（カナ）"));
/// assert_eq!(v.key_of("カナ氏名"), Some("name_kana"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    entries: Vec<Entry>,
    /// Normalized synonym (spaces removed) → index into `entries`.
    index: HashMap<String, usize>,
    /// The first character of every synonym: a token starting with any
    /// other character starts no synonym, and is passed over at once.
    first_chars: HashSet<char>,
    /// The longest synonym, in bytes.
    longest: usize,
    /// Katakana synonyms of four or more characters, longest first, for
    /// unknown katakana compounds (see [`Vocabulary::longest_at`]).
    katakana: Vec<(String, usize)>,
    /// All synonyms at once, to tell whether a piece of text may name an
    /// item before it is tokenized.
    finder: Option<AhoCorasick>,
}

/// A synonym found in the tokens: which entry, and the token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the entry in the vocabulary.
    pub entry: usize,
    /// First token of the match.
    pub first: usize,
    /// One past the last token of the match.
    pub last: usize,
}

impl Vocabulary {
    /// The vocabulary embedded in the library (`dictionaries/data-items.tsv`).
    ///
    /// ```
    /// let v = jpnotice::extract::data_items::Vocabulary::embedded();
    /// assert_eq!(v.key_of("保険証記号・番号"), Some("insurance_id"));
    /// ```
    pub fn embedded() -> Self {
        // The embedded file is part of the crate; its tests parse it, so an
        // error here is a bug of the build, not of the input.
        Self::parse(EMBEDDED_TSV)
            .unwrap_or_else(|e| panic!("dictionaries/data-items.tsv is invalid: {e}"))
    }

    /// Loads a vocabulary from a TSV file (same format as the embedded one:
    /// `key<TAB>label<TAB>synonym,synonym,…`, `#` comments, an optional
    /// `key label synonyms` header line).
    ///
    /// ```
    /// let r = jpnotice::extract::data_items::Vocabulary::from_path("/nonexistent/items.tsv");
    /// assert!(r.is_err());
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Vocabulary, String> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Parses vocabulary TSV text.
    ///
    /// ```
    /// use jpnotice::extract::data_items::Vocabulary;
    /// let v = Vocabulary::parse("vehicle\t車両番号\t車両番号,ナンバー\n").unwrap();
    /// assert_eq!(v.key_of("ナンバー"), Some("vehicle"));
    /// assert!(Vocabulary::parse("only-a-key\n").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Vocabulary, String> {
        let mut vocabulary = Vocabulary::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let key = fields.next().unwrap_or("").trim();
            let Some(label) = fields.next().map(str::trim) else {
                return Err(format!(
                    "line {}: expected key<TAB>label<TAB>synonyms",
                    n + 1
                ));
            };
            if key == "key" && label == "label" {
                continue;
            }
            if key.is_empty() {
                return Err(format!("line {}: empty key", n + 1));
            }
            let synonyms = fields.next().unwrap_or("");
            vocabulary.add(key, label, synonyms.split([',', '、']));
        }
        vocabulary.index_synonyms();
        Ok(vocabulary)
    }

    /// Rebuilds the lookup aids from the synonym index.
    fn index_synonyms(&mut self) {
        self.first_chars = self.index.keys().filter_map(|s| s.chars().next()).collect();
        self.longest = self.index.keys().map(String::len).max().unwrap_or(0);
        let mut katakana: Vec<(String, usize)> = self
            .index
            .iter()
            .filter(|(s, _)| s.chars().count() >= 4 && s.chars().all(is_katakana))
            .map(|(s, &entry)| (s.clone(), entry))
            .collect();
        // Longest first; equal lengths in a fixed order.
        katakana.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.katakana = katakana;
        // A contiguous NFA: a full DFA scans about 2 % faster over the
        // archive but takes 2 ms longer to build, and the build is on the
        // path to the first notice of every process.
        self.finder = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            // The synonyms start with a few common UTF-8 lead bytes, which
            // would set a byte prefilter off at almost every character.
            .prefilter(false)
            .build(self.index.keys())
            .ok();
    }

    /// Whether `text` contains any synonym (spaces ignored): a cheap test
    /// before tokenizing, since a match on whole tokens needs the synonym
    /// in the text.
    ///
    /// ```
    /// let v = jpnotice::extract::data_items::Vocabulary::embedded();
    /// assert!(v.mentions_any("ご登録の電話 番号"));
    /// assert!(!v.mentions_any("再発防止に努めてまいります"));
    /// ```
    pub fn mentions_any(&self, text: &str) -> bool {
        let Some(finder) = &self.finder else {
            return false;
        };
        // The text as it is first; only a text with spaces (「電話 番号」)
        // needs a second look without them.
        finder.is_match(text)
            || (text.chars().any(char::is_whitespace) && finder.is_match(&squeeze(text)))
    }

    /// Adds (or extends) an entry.
    fn add<'s>(&mut self, key: &str, label: &str, synonyms: impl Iterator<Item = &'s str>) {
        let at = match self.entries.iter().position(|e| e.key == key) {
            Some(at) => at,
            None => {
                self.entries.push(Entry {
                    key: key.to_owned(),
                    label: label.to_owned(),
                    synonyms: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        for synonym in synonyms {
            let normalized = squeeze(&normalize(synonym.trim()).text);
            if normalized.is_empty() {
                continue;
            }
            // A later file line may redefine a synonym: the last one wins.
            self.index.insert(normalized.clone(), at);
            if let Some(entry) = self.entries.get_mut(at) {
                entry.synonyms.push(normalized);
            }
        }
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index from a [`Match`].
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The label of a key (`other` included when the file lists it).
    pub fn label(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.label.as_str())
    }

    /// The key a whole phrase maps to, if it is a synonym.
    pub fn key_of(&self, phrase: &str) -> Option<&str> {
        let normalized = squeeze(&normalize(phrase).text);
        let at = *self.index.get(&normalized)?;
        self.entries.get(at).map(|e| e.key.as_str())
    }

    /// The longest synonym starting at token `first` of `tokens` (which
    /// were cut from `text`), not going past token `limit`.
    pub fn longest_at(
        &self,
        text: &str,
        tokens: &[Token],
        first: usize,
        limit: usize,
    ) -> Option<Match> {
        let start = tokens.get(first)?.start;
        let last_possible = limit
            .min(tokens.len())
            .min(first.saturating_add(MAX_TOKENS_PER_SYNONYM));
        let opens = text
            .get(start..)?
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| self.first_chars.contains(&c));
        if opens {
            // The phrase of tokens first..last for each last, spaces removed,
            // built once; `ends[k]` is where the phrase of k + 1 tokens ends.
            let mut phrase = String::new();
            let mut ends = Vec::with_capacity(MAX_TOKENS_PER_SYNONYM);
            for token in tokens.get(first..last_possible)? {
                if phrase.len() > self.longest {
                    break;
                }
                let piece = text.get(token.start..token.end)?;
                phrase.extend(piece.chars().filter(|c| !c.is_whitespace()));
                ends.push(phrase.len());
            }
            let found = ends.iter().enumerate().rev().find_map(|(k, &end)| {
                let entry = *self.index.get(phrase.get(..end)?)?;
                Some(Match {
                    entry,
                    first,
                    last: first + k + 1,
                })
            });
            if found.is_some() {
                return found;
            }
        }
        self.katakana_suffix(tokens.get(first)?, first)
    }

    /// IPADIC keeps an unknown katakana compound as one token
    /// (「マイページパスワード」): such a token matches the longest katakana
    /// synonym of four or more characters it ends with.
    fn katakana_suffix(&self, token: &Token, first: usize) -> Option<Match> {
        if !token.surface.chars().all(is_katakana) {
            return None;
        }
        self.katakana
            .iter()
            .find(|(synonym, _)| token.surface.ends_with(synonym.as_str()))
            .map(|&(_, entry)| Match {
                entry,
                first,
                last: first + 1,
            })
    }
}

/// Katakana letters and the long-vowel mark.
fn is_katakana(c: char) -> bool {
    ('ァ'..='ヺ').contains(&c) || c == 'ー'
}

/// Removes whitespace (PDF extraction leaves spaces inside words).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn embedded_vocabulary_has_spec_keys() {
        let v = Vocabulary::embedded();
        for key in ["name", "name_kana", "address", "phone", "email", "other"] {
            assert!(v.label(key).is_some(), "missing {key}");
        }
        assert_eq!(v.key_of("電話・携帯電話番号"), Some("phone"));
        assert_eq!(v.key_of("Ｘ線画像"), Some("health_info"));
        assert_eq!(v.key_of("健診予約内容"), Some("health_info"));
    }

    #[test]
    fn longest_synonym_wins() {
        let v = Vocabulary::embedded();
        let text = "保護者氏名欄";
        let tokens = tokenize(text);
        let m = v.longest_at(text, &tokens, 0, tokens.len()).unwrap();
        let end = tokens[m.last - 1].end;
        assert_eq!(&text[..end], "保護者氏名");
        assert_eq!(v.entry(m.entry).unwrap().key, "name");
    }

    #[test]
    fn no_match_inside_a_token() {
        let v = Vocabulary::embedded();
        let text = "メールアドレス";
        let tokens = tokenize(text);
        let found: Vec<_> = (0..tokens.len())
            .filter_map(|i| v.longest_at(text, &tokens, i, tokens.len()))
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(v.entry(found[0].entry).unwrap().key, "email");
    }

    #[test]
    fn katakana_compound_ends_with_synonym() {
        let v = Vocabulary::embedded();
        let text = "マイページパスワード";
        let tokens = tokenize(text);
        assert_eq!(tokens.len(), 1, "{tokens:?}");
        let m = v.longest_at(text, &tokens, 0, 1).unwrap();
        assert_eq!(v.entry(m.entry).unwrap().key, "password");
    }

    #[test]
    fn parse_errors_are_messages() {
        assert!(Vocabulary::parse("\t氏名\t氏名\n").is_err());
        let v = Vocabulary::parse("# comment\nkey\tlabel\tsynonyms\nname\t氏名\t氏名\n").unwrap();
        assert_eq!(v.entries().len(), 1);
    }
}
