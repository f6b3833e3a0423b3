//! Cue tables: regex alternatives kept as data in `dictionaries/*.tsv`
//! (`kind<TAB>alternative`, `#` comments), read into one pattern per kind.
//!
//! For example `dictionaries/section-cues.tsv` holds the line
//! `contact⇥お問い合わせ` (⇥ a tab): 「お問い合わせ」 is one alternative of
//! the `contact` kind.

use regex::Regex;

/// The pattern of one kind of a built-in cue table: its alternatives
/// joined with `|`, anchored at the start of the text when `anchored`.
///
/// The tables are part of the crate, so a pattern that does not compile is
/// a bug of the build: it panics naming the table (each table's tests
/// build every kind).
pub(crate) fn pattern(table: &str, name: &str, kind: &str, anchored: bool) -> Regex {
    let alternatives: Vec<&str> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, _)| *k == kind)
        .map(|(_, cue)| cue.trim())
        .collect();
    let joined = alternatives.join("|");
    let source = if anchored {
        format!("^(?:{joined})")
    } else {
        joined
    };
    Regex::new(&source).unwrap_or_else(|e| panic!("{name}, kind {kind}: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_kind_is_its_alternatives() {
        let table = "# comment\nadvice\tご注意\nadvice\tお願い\ncontact\t窓口\n";
        let re = super::pattern(table, "test", "advice", true);
        assert!(re.is_match("お願い申し上げます"));
        assert!(!re.is_match("窓口"));
        assert!(!re.is_match("まずご注意"));
    }

    #[test]
    fn every_kind_of_every_built_in_table_compiles() {
        for (name, table) in [
            (
                "section-cues.tsv",
                include_str!("../dictionaries/section-cues.tsv"),
            ),
            (
                "data-item-cues.tsv",
                include_str!("../dictionaries/data-item-cues.tsv"),
            ),
        ] {
            let mut kinds: Vec<&str> = table
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t').map(|(k, _)| k))
                .collect();
            kinds.dedup();
            assert!(!kinds.is_empty(), "{name}");
            for kind in kinds {
                super::pattern(table, name, kind, true);
            }
        }
    }
}
