//! Normalization of arbitrary text: the offset map is monotonic, lands on
//! character boundaries, covers a non-empty input range for every output
//! character, and normalizing twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let n = jpnotice::normalize::normalize(input);
    let mut last = 0;
    for (i, c) in n.text.char_indices() {
        let (s, e) = n.input_span(i, i + c.len_utf8());
        assert!(s >= last, "map goes backwards");
        assert!(s < e && e <= input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        last = s;
    }
    assert_eq!(jpnotice::normalize::normalize(&n.text).text, n.text);
});
