//! The single-field finders on arbitrary text: numbers, dates, phones. No
//! panic, and every reported range is a valid range of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    for n in jpnotice::numbers::find_all(input) {
        assert!(input.get(n.start..n.end).is_some());
    }
    let notice = jpnotice::parse(input);
    for d in &notice.dates {
        assert_eq!(input.get(d.start..d.end), Some(d.text.as_str()));
    }
    for c in &notice.contacts {
        assert_eq!(input.get(c.start..c.end), Some(c.text.as_str()));
    }
});
