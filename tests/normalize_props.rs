//! Property tests for normalization's offset map and idempotence.

use jpnotice::normalize::normalize;
use proptest::prelude::*;

/// Characters that exercise every repair: digits of both widths, date and
/// counter kanji, spaces, dashes, waves, radicals, circled numbers,
/// half-width katakana with voicing marks, combining marks, CR/LF, NUL.
fn notice_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '1', '2', '０', '９', ' ', '　', '\t', '\n', '\r', '\0', '年', '月', '日', '件', '名',
        '令', '和', '約', '第', '-', '－', 'ー', 'ｰ', '―', '〜', '～', '~', ':', '：', '(', '（',
        '⽇', '⻑', '①', 'ｶ', 'ﾞ', 'ﾟ', 'a', 'Ａ', '\u{301}', '\u{3099}', '㈱', '№', 'ア', '氏', ',',
        '，', '.', '\u{FEFF}',
    ])
}

fn check_map(input: &str) -> Result<(), TestCaseError> {
    let n = normalize(input);
    let mut last_start = 0;
    for (i, c) in n.text.char_indices() {
        let (s, e) = n.input_span(i, i + c.len_utf8());
        prop_assert!(s >= last_start, "not monotonic at {} in {:?}", i, input);
        prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        prop_assert!(
            s < e && e <= input.len(),
            "empty or out of range source for {:?}",
            c
        );
        last_start = s;
    }
    // Any normalized range maps to a valid input range.
    for (i, _) in n.text.char_indices() {
        for (j, _) in n.text[i..].char_indices().take(4) {
            let (s, e) = n.input_span(i, i + j);
            prop_assert!(s <= e && input.get(s..e).is_some());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn map_is_monotonic_and_on_char_boundaries(chars in prop::collection::vec(notice_char(), 0..40)) {
        let input: String = chars.into_iter().collect();
        check_map(&input)?;
    }

    #[test]
    fn map_holds_for_arbitrary_strings(input in any::<String>()) {
        check_map(&input)?;
    }

    #[test]
    fn normalization_is_idempotent(chars in prop::collection::vec(notice_char(), 0..40)) {
        let input: String = chars.into_iter().collect();
        let once = normalize(&input).text;
        prop_assert_eq!(normalize(&once).text, once);
    }
}

#[test]
fn map_holds_on_real_notices() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: ../shared/corpus/seeds is not present");
        return;
    };
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        check_map(&text).unwrap();
    }
}
