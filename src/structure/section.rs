//! What a heading says its section is about.
//!
//! A notice mixes what happened with what the issuer will do about it and
//! what readers should watch out for; the heading above a passage says
//! which. The cue words are data: `dictionaries/section-cues.tsv`.
//!
//! ```
//! use jpnotice::structure::section::{classify_heading, Section};
//! assert_eq!(classify_heading("４．再発防止策"), Some(Section::Countermeasure));
//! assert_eq!(classify_heading("お客様へのお願い"), Some(Section::Advice));
//! assert_eq!(classify_heading("本件に関するお問い合わせ先"), Some(Section::Contact));
//! assert_eq!(classify_heading("１．経緯"), None);
//! ```

use std::sync::LazyLock;

use regex::Regex;

/// The part of the notice a passage belongs to, from the headings above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The archive's 「# 公表概要」 title bullet.
    Header,
    /// What happened: 経緯, 概要, 原因, 調査結果, and anything unlabeled.
    Narrative,
    /// What the issuer will do: 再発防止策, 今後の対策, 今後の対応.
    Countermeasure,
    /// Advice to readers: 二次被害へのご注意, お客様へのお願い.
    Advice,
    /// Contact blocks: お問い合わせ窓口.
    Contact,
}

const CUES: &str = include_str!("../../dictionaries/section-cues.tsv");

/// The cue pattern of one section kind, read from the TSV (`kind`, then
/// one regex alternative per line).
fn pattern(kind: &str) -> Regex {
    crate::cues::pattern(CUES, "dictionaries/section-cues.tsv", kind, false)
}

static COUNTER: LazyLock<Regex> = LazyLock::new(|| pattern("countermeasure"));
static COUNTER_NOT: LazyLock<Regex> = LazyLock::new(|| pattern("not-countermeasure"));
static ADVICE: LazyLock<Regex> = LazyLock::new(|| pattern("advice"));
static CONTACT: LazyLock<Regex> = LazyLock::new(|| pattern("contact"));

/// The section a heading opens, or `None` for headings that name no
/// special section (経緯, 概要, 原因 … continue as narrative).
pub fn classify_heading(heading: &str) -> Option<Section> {
    if CONTACT.is_match(heading) {
        Some(Section::Contact)
    } else if COUNTER.is_match(heading) && !COUNTER_NOT.is_match(heading) {
        Some(Section::Countermeasure)
    } else if ADVICE.is_match(heading) {
        Some(Section::Advice)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        for kind in ["countermeasure", "not-countermeasure", "advice", "contact"] {
            assert!(!pattern(kind).as_str().is_empty(), "{kind}");
        }
    }

    #[test]
    fn progress_headings_are_not_countermeasures() {
        assert_eq!(classify_heading("今後の対応と経緯"), None);
        assert_eq!(classify_heading("対応状況"), None);
    }
}
