//! Hostile and absurd inputs: each gives a result with warnings or a clear
//! error, never a panic, a hang or a silently wrong value; and a batch over
//! a folder of garbage reports each bad file and converts the rest.

mod common;

use std::path::Path;

use std::time::Duration;

use jpnotice::{Error, Notice, Parser};

/// Parses bytes and checks that every span of the result points at its text.
fn parse_checked(bytes: &[u8]) -> Notice {
    let notice = Parser::new()
        .parse_bytes(bytes)
        .expect("text input within the size limit is never an error");
    let input = jpnotice::decode::decode(bytes).text;
    let json = serde_json::to_value(&notice).unwrap();
    let errors = common::span_errors(&input, &json);
    assert!(errors.is_empty(), "{errors:?}");
    notice
}

fn warned(notice: &Notice, needle: &str) -> bool {
    notice.warnings.iter().any(|w| w.contains(needle))
}

#[test]
fn a_line_of_a_million_characters() {
    let text = format!(
        "令和6年5月1日\n氏名{}が漏えいしました。\n",
        "あ".repeat(1_000_000)
    );
    let notice = parse_checked(text.as_bytes());
    assert_eq!(notice.dates.len(), 1);
    assert_eq!(notice.dates[0].value, "2024-05-01");
}

#[test]
fn an_era_name_repeated_ten_thousand_times() {
    let text = format!("{}5年2月30日\n", "令和".repeat(10_000));
    let notice = parse_checked(text.as_bytes());
    assert!(notice.dates.is_empty(), "{:?}", notice.dates);
    assert!(warned(&notice, "has no day 30"), "{:?}", notice.warnings);
}

#[test]
fn ten_thousand_digits_are_no_count() {
    for digit in ["1", "１", "九"] {
        let text = format!("約{}人分の氏名が流出しました。\n", digit.repeat(10_000));
        let notice = parse_checked(text.as_bytes());
        assert!(notice.record_counts.is_empty(), "{digit}");
        assert!(
            warned(&notice, "too large"),
            "{digit}: {:?}",
            notice.warnings
        );
    }
    // Long digit runs where dates and phones are looked for, too.
    let text = format!(
        "令和{}年1月1日\n電話：0{}\n",
        "9".repeat(5_000),
        "3".repeat(5_000)
    );
    let notice = parse_checked(text.as_bytes());
    assert!(
        notice
            .contacts
            .iter()
            .all(|c| c.phone.as_ref().is_none_or(|p| p.len() < 20))
    );
}

#[test]
fn nul_and_control_characters_are_kept_and_reported() {
    let notice = parse_checked("不正アクセス\u{0}\u{1}について\u{7f}\n".as_bytes());
    assert!(
        warned(&notice, "control character"),
        "{:?}",
        notice.warnings
    );
    let all_controls: String = (0u8..32).map(char::from).collect::<String>().repeat(100);
    let notice = parse_checked(all_controls.as_bytes());
    assert!(warned(&notice, "control character"));
}

#[test]
fn lone_surrogates_in_utf16_become_replacement_characters() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "不正アクセス".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes.extend([0x00, 0xD8]); // a high surrogate with no low one
    bytes.extend([0x41, 0x00]);
    let notice = parse_checked(&bytes);
    assert_eq!(notice.encoding.as_deref(), Some("UTF-16LE"));
    assert!(warned(&notice, "lone surrogate"), "{:?}", notice.warnings);
    assert_eq!(
        notice.incident_types,
        [jpnotice::extract::incident::IncidentType::UnauthorizedAccess]
    );
}

#[test]
fn undecodable_bytes_give_a_warning() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 37 % 251) as u8 | 0x80).collect();
    let notice = parse_checked(&bytes);
    assert!(
        warned(&notice, "could not be decoded"),
        "{:?}",
        notice.warnings
    );
}

#[test]
fn deep_brackets_and_wide_tables() {
    let nested = format!("{}氏名{}", "（".repeat(50_000), "）".repeat(50_000));
    parse_checked(nested.as_bytes());
    let table = format!("{}\n", "|".repeat(5_000)).repeat(200);
    parse_checked(table.as_bytes());
    let list = format!("{}名\n", ["1,234"; 20_000].join("、"));
    parse_checked(list.as_bytes());
}

#[test]
fn empty_input_says_so() {
    for input in ["", " \n\t\n"] {
        let notice = parse_checked(input.as_bytes());
        assert!(warned(&notice, "no text"), "{:?}", notice.warnings);
    }
}

#[test]
fn input_over_the_limit_is_an_error() {
    let parser = Parser::new().max_input_bytes(1_000);
    let result = parser.parse_bytes(&vec![b'a'; 1_001]);
    assert!(
        matches!(
            result,
            Err(Error::TooLarge {
                size: 1_001,
                limit: 1_000
            })
        ),
        "{result:?}"
    );
}

/// Inputs the fuzzers found (`fuzz/README.md`), kept as regression tests:
/// each gives an error or text, never a panic, from every in-process engine
/// built in. `pdftotext` is left out:
/// on these inputs it spends up to a minute (and 4 GB) before
/// aborting, which its time and memory limits bound but a test need not
/// wait for.
#[test]
fn fuzz_found_pdfs_give_errors_not_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let options = jpnotice::pdf::Options {
        engines: jpnotice::pdf::Engine::IN_PROCESS.to_vec(),
        time_limit: Some(Duration::from_secs(60)),
    };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| jpnotice::pdf::extract_with(&bytes, &options));
        assert!(result.is_ok(), "{} panicked", path.display());
        seen += 1;
    }
    assert!(seen >= 1);
    let bytes = std::fs::read(dir.join("pdftotext-allocates-4gb.pdf")).unwrap();
    assert!(jpnotice::pdf::extract_with(&bytes, &options).is_err());
}
